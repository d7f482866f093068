"""Tests of ``Quote.content_parts``: the pieces of a content that holds its own source or cue.

PARC 3.0 / PolNeAR mark such a content as discontinuous; wirewatch keeps the hull in
``content`` and lists the pieces in ``content_parts``. The sentences are written for these
tests; every row checks the exact offsets of each piece (``_at``: n-th occurrence of a
substring).
"""

from __future__ import annotations

import pytest
from _attribution_helpers import at as _at
from _attribution_helpers import quotes
from _attribution_helpers import span_of as _span
from spacy.tokens import Doc

from wirewatch.model import Quote
from wirewatch.pipeline._content_parts import content_parts
from wirewatch.pipeline._quote_context import Candidate, QuoteContext

pytestmark = pytest.mark.slow

# (text, cue of the quote under test, its content hull, its parts); a (sub, n) tuple picks the
# n-th occurrence of sub.
PARTS = [
    pytest.param(
        "Kenya and Uganda, she says, are the winners of the deal.",
        "says",
        "Kenya and Uganda, she says, are the winners of the deal",
        ["Kenya and Uganda", "are the winners of the deal"],
        id="inserted-aside",
    ),
    pytest.param(
        "The new tariffs, the trade minister argued, will hurt farmers.",
        "argued",
        "The new tariffs, the trade minister argued, will hurt farmers",
        ["The new tariffs", "will hurt farmers"],
        id="inserted-aside-noun-source",
    ),
    pytest.param(
        "The bridge, officials said yesterday, will reopen in June.",
        "said",
        "The bridge, officials said yesterday, will reopen in June",
        ["The bridge", "will reopen in June"],
        id="inserted-aside-with-circumstance",
    ),
    pytest.param(
        "Although the vote failed, she said, the party will try again in May.",
        "said",
        "Although the vote failed, she said, the party will try again in May",
        ["Although the vote failed", "the party will try again in May"],
        id="subordinate-clause-before-frame",
    ),
    pytest.param(
        "“We want peace,” said Amina Yusuf, the group's leader, “but not at any price.”",
        "said",
        "“We want peace,” said Amina Yusuf, the group's leader, “but not at any price.”",
        ["“We want peace,”", "“but not at any price.”"],
        id="joined-quotations-comma",
    ),
    pytest.param(
        '"That," the mayor said, "would make the city safer."',
        "said",
        '"That," the mayor said, "would make the city safer."',
        ['"That,"', '"would make the city safer."'],
        id="joined-quotations-straight-marks",
    ),
    pytest.param(
        "“The talks are over,” said the envoy, a former judge. “We are going home.”",
        "said",
        "“The talks are over,” said the envoy, a former judge. “We are going home.”",
        ["“The talks are over,”", "“We are going home.”"],
        id="joined-quotations-next-sentence",
    ),
    pytest.param(
        "“We will not leave the city,” said Peter Novak.\n\n“Nor will we apologise.”\n\nIt ended.",
        "said",
        "“We will not leave the city,” said Peter Novak.\n\n“Nor will we apologise.”",
        ["“We will not leave the city,”", "“Nor will we apologise.”"],
        id="paragraph-continuation",
    ),
    pytest.param(
        "The strike, which the union says was a success, ended on Friday.",
        "says",
        "which the union says was a success",
        ["which", "was a success"],
        id="relative-clause",
    ),
    pytest.param(
        "The mayor praised the school, which the governor described as “a model for the region.”",
        "described",
        "which the governor described as “a model for the region.”",
        ["which", "as “a model for the region.”"],
        id="relative-object-naming-cue",
    ),
    pytest.param(
        "Kenya and Uganda, according to the report, lost the most.",
        "according to",
        "Kenya and Uganda, according to the report, lost the most",
        ["Kenya and Uganda", "lost the most"],
        id="according-to-inserted",
    ),
    pytest.param(
        "Senator Maria Lopez says that the budget will pass next week.",
        "says",
        "that the budget will pass next week",
        [],
        id="one-piece-no-parts",
    ),
    pytest.param(
        "“Prices will rise again next year,” said Peter Novak, an economist.",
        "said",
        "“Prices will rise again next year,”",
        [],
        id="frame-after-content-no-parts",
    ),
]


@pytest.mark.parametrize(("text", "cue", "content", "parts"), PARTS)
def test_content_parts_of_each_kind(nlp, text, cue, content, parts):
    found = quotes(nlp, text)
    q = next(q for q in found if q["cue"] is not None and q["cue"]["text"] == cue)
    assert _span(q["content"]) == _at(text, content)
    got = [_span(p) for p in q["content_parts"]]
    assert got == [_at(text, p) for p in parts]
    for p in q["content_parts"]:
        assert text[p["start_char"] : p["end_char"]] == p["text"]
    model = Quote.model_validate(q)
    assert [p.text for p in model.content_parts] == parts


def test_parts_leave_out_the_source_and_cue(nlp):
    text = "The new tariffs, the trade minister argued, will hurt farmers."
    (q,) = quotes(nlp, text)
    src, cue = q["source"], q["cue"]
    for p in q["content_parts"]:
        for s in (src, cue):
            assert p["end_char"] <= s["start_char"] or s["end_char"] <= p["start_char"]


def _hand_doc(nlp) -> Doc:
    """ "Prices, he said on Monday, will rise." parsed by hand: "said" is parataxis of "rise",
    with its own circumstance "on Monday"."""
    rows = [
        ("Prices", "nsubj", 8),
        (",", "punct", 3),
        ("he", "nsubj", 3),
        ("said", "parataxis", 8),
        ("on", "prep", 3),
        ("Monday", "pobj", 4),
        (",", "punct", 3),
        ("will", "aux", 8),
        ("rise", "ROOT", 8),
        (".", "punct", 8),
    ]
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][0] not in (",", ".") for i in range(len(rows))]
    return Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        deps=[r[1] for r in rows],
        heads=[r[2] for r in rows],
    )


def test_the_cue_verbs_circumstance_is_frame_not_a_part(nlp):
    """A rule that records only "he said" as the inserted stretch: "on Monday" hangs on the cue
    and is cut with it (no third piece "on Monday")."""
    doc = _hand_doc(nlp)
    text = doc.text
    hull = _at(text, "Prices, he said on Monday, will rise")
    src, cue = _at(text, "he"), _at(text, "said")
    cand = Candidate(
        content=hull[:2],
        cue=cue[:2],
        source=src[:2],
        source_head=2,
        kind="inserted",
        confidence=0.8,
        skip=[(src[0], cue[1])],
    )
    parts = content_parts(doc, cand, QuoteContext(doc))
    assert [(a, b, text[a:b]) for a, b in parts] == [_at(text, "Prices"), _at(text, "will rise")]


def test_a_content_without_anything_inside_has_no_parts(nlp):
    doc = _hand_doc(nlp)
    text = doc.text
    whole = _at(text, "will rise")
    cand = Candidate(whole[:2], _at(text, "said")[:2], _at(text, "he")[:2], 2, "verb", 0.8)
    assert content_parts(doc, cand, QuoteContext(doc)) == []
