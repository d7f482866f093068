"""Invariants over arbitrary input: no crash, and every span's text equals the article slice."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirewatch.errors import InputError
from wirewatch.model import Record

QUOTE_MARKS = ['"', "“", "”", "‘", "’", "''", "``", "«", "»", "'"]
WORDS = [
    "Police",
    "said",
    "the",
    "minister",
    "protesters",
    "detained",
    "12,000",
    "he",
    "she",
    "says",
    "according",
    "to",
    "Russia",
    "Kazakhstan",
    "troops",
    "deployed",
    "\n",
    ",",
    ".",
    ":",
    "—",
    "argued",
    "it",
    "tweeted",
    "about",
    "more than",
    "dozens",
    "<script>",
    "&amp;",
    "<p>",
    "on",
    "Monday",
    "January 6",
    "$2-$3 billion",
    "CSTO",
    "NATO",
    "Blinken",
    "condemned",
    "called",
]

soup = st.lists(st.sampled_from(WORDS + QUOTE_MARKS), min_size=1, max_size=80).map(" ".join)


def _spans(obj: Any):
    if isinstance(obj, dict):
        if {"start_char", "end_char", "text"} <= obj.keys():
            yield obj
        for v in obj.values():
            yield from _spans(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _spans(v)


def _check(extractor, text: str) -> None:
    try:
        rec = extractor.extract(text, date="2022-01-12")
    except InputError:
        return
    assert isinstance(rec, Record)
    data = rec.model_dump()
    for s in _spans(data):
        assert text[s["start_char"] : s["end_char"]] == s["text"], s
    ids = [e["id"] for e in data["entities"]]
    assert len(ids) == len(set(ids))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=soup)
def test_quote_mark_and_markup_soup_never_crashes(extractor, text):
    _check(extractor, text)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(min_size=1, max_size=300))
def test_arbitrary_unicode_never_crashes(extractor, text):
    _check(extractor, text)
