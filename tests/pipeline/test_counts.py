"""Number phrases: exact, approximate, bounds, ranges, words and money (no spaCy model)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wirewatch.pipeline.counts import count_kind, find_numbers, parse_number

# (text, expected first phrase: (phrase text, value, low, high, approximate, unit))
CASES = [
    ("Roughly 4,500 were rounded up.", ("Roughly 4,500", 4500, None, None, True, "people")),
    ("Police said more than 80 people were hurt.", ("more than 80", 80, 80, None, True, "people")),
    ("At least 7 soldiers died.", ("At least 7", 7, 7, None, True, "people")),
    ("Up to 300 families fled.", ("Up to 300", 300, None, 300, True, "people")),
    ("Between 15 and 25 guards were held.", ("Between 15 and 25", None, 15, 25, True, "people")),
    ("some 40-50 vehicles", ("some 40-50", None, 40, 50, True, "people")),
    ("forty-two strikers", ("forty-two", 42, None, None, False, "people")),
    ("Three hundred marchers", ("Three hundred", 300, None, None, False, "people")),
    ("more than a dozen miners", ("more than a dozen", 12, 12, None, True, "people")),
    ("dozens of residents", ("dozens", 24, 24, None, True, "people")),
    ("hundreds of villagers", ("hundreds", 200, 200, None, True, "people")),
    ("tens of thousands of voters", ("tens of thousands", 20000, 20000, None, True, "people")),
    ("a loss of $4-$6 billion", ("$4-$6 billion", None, 4e9, 6e9, True, "USD")),
    ("a $1.5bn loan", ("$1.5bn", 1.5e9, None, None, False, "USD")),
    ("about €20 million in aid", ("about €20 million", 2e7, None, None, True, "EUR")),
    ("2 to 3 million displaced", ("2 to 3 million", None, 2e6, 3e6, True, "people")),
    ("5 million dollars", ("5 million dollars", 5e6, None, None, False, "USD")),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find_numbers(text, expected):
    phrases = find_numbers(text)
    assert phrases, text
    p = phrases[0]
    got = (text[p.start : p.end], p.value, p.low, p.high, p.approximate, p.unit)
    assert got == expected


@pytest.mark.parametrize(
    "text", ["One analyst disagreed.", "the G20 summit", "no numbers here", "someone said"]
)
def test_no_numbers(text):
    assert find_numbers(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12,000", 12000),
        ("2.5 million", 2.5e6),
        ("ninety-nine", 99),
        ("a dozen", 12),
        ("a thousand", 1000),
        ("banana", None),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@given(st.text(max_size=80))
def test_offsets_stay_inside_the_text(text):
    for p in find_numbers(text):
        assert 0 <= p.start < p.end <= len(text)


@pytest.mark.parametrize(
    ("counted", "acting", "role", "kind"),
    [
        ({"protester"}, {"clash"}, "agent", "protesters"),  # a crowd, not a death toll
        ({"soldier"}, {"clash"}, "agent", "other"),
        ({"people"}, {"march"}, "agent", "protesters"),
        (set(), {"kill"}, "patient", "killed"),
        ({"civilian"}, {"kill"}, "agent", "other"),  # the killers are not the dead
        ({"people"}, {"die"}, "patient", "killed"),
        ({"troop"}, {"send"}, "patient", "deployed"),
        ({"letter"}, {"send"}, "patient", "other"),
        ({"family"}, {"flee"}, "patient", "displaced"),
        ({"protester"}, {"detain"}, "patient", "arrested"),
        ({"dead"}, set(), "other", "killed"),
        ({"villager"}, {"attack"}, "patient", "other"),
    ],
)
def test_issue_4_count_kind(counted, acting, role, kind):
    assert count_kind(counted, acting, role) == kind
