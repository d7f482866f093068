"""Date expressions resolved against the publication date (no spaCy model)."""

from __future__ import annotations

import pytest

from wirewatch.pipeline.dates import looks_like_date, resolve_date

PUB = "2023-05-10"  # a Wednesday

CASES = [
    ("March 3", ("2023-03-03", "day")),
    ("on March 3", ("2023-03-03", "day")),
    ("December 30", ("2022-12-30", "day")),  # past, not later this year
    ("on Tuesday", ("2023-05-09", "day")),
    ("Sunday", ("2023-05-07", "day")),
    ("yesterday", ("2023-05-09", "day")),
    ("this week", ("2023-05-08", "week")),
    ("last week", ("2023-05-01", "week")),
    ("in 2015", ("2015-01-01", "year")),
    ("1979", ("1979-01-01", "year")),
    ("April", ("2023-04-01", "month")),
    ("June", ("2022-06-01", "month")),
    ("next month", ("2023-06-01", "month")),
    ("the end of February", ("2023-02-01", "month")),
    ("August 2020", ("2020-08-01", "month")),
    ("the new year", ("2023-01-01", "month")),
]


@pytest.mark.parametrize(("expr", "expected"), CASES)
def test_resolve_date(expr, expected):
    r = resolve_date(expr, PUB)
    assert r is not None, expr
    assert (r.date, r.precision) == expected


@pytest.mark.parametrize(
    "expr", ["30 years", "the past several years", "years", "between 20 and 30", "decades"]
)
def test_not_a_date(expr):
    assert resolve_date(expr, PUB) is None


@pytest.mark.parametrize(
    ("expr", "pub", "expected"),
    [
        ("on Wednesday", "2022-01-05", "2022-01-05"),  # published on a Wednesday: that day
        ("Wednesday", "2022-01-06", "2022-01-05"),
        ("on Monday", "2021-03-01", "2021-03-01"),
        ("last Monday", "2021-03-01", "2021-02-22"),
        ("next Friday", "2021-03-01", "2021-03-05"),
        ("Sunday", "2021-03-06", "2021-02-28"),
    ],
)
def test_weekday_is_on_or_before_publication(expr, pub, expected):
    assert resolve_date(expr, pub) == (expected, "day")


def test_relative_dates_need_a_publication_date():
    assert resolve_date("on Tuesday", None) is None
    assert resolve_date("January 6", None) is None  # no year without a publication date
    assert resolve_date("last month", None) is None
    assert resolve_date("March 3, 2021", None) == ("2021-03-03", "day")
    assert resolve_date("in 2015", None) == ("2015-01-01", "year")


def test_looks_like_date():
    assert looks_like_date("the first days of spring")
    assert not looks_like_date("Between 20 and 30")
