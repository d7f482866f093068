"""``parse_date``: the one check of a publication date, shared by extract, ingest and the API."""

from __future__ import annotations

import pytest

from wirewatch.ingest.document import parse_date


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2022-01-12", "2022-01-12"),
        ("2022-01-12T08:30:00Z", "2022-01-12"),
        ("2024-02-29", "2024-02-29"),
    ],
)
def test_a_date_with_or_without_a_time_is_its_day(value, iso):
    assert parse_date(value) == iso


@pytest.mark.parametrize("value", ["2022-02-30", "2023-02-29", "12/01/2022", "2022-13-01", "soon"])
def test_a_malformed_or_impossible_date_names_itself_and_the_form(value):
    with pytest.raises(ValueError) as err:
        parse_date(value, "--date")
    assert str(err.value) == (
        f"--date {value!r} is not a valid date; "
        "write an existing day as YYYY-MM-DD, e.g. 2022-01-12."
    )
