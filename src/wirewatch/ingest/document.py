"""The input document: text plus the metadata wirewatch carries into ``Record.article``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = ["InputDocument"]


@dataclass(frozen=True)
class InputDocument:
    """One article to process.

    Attributes:
        text: the article text (str; offsets in the output are code points into it).
        source_id: the caller's id (JSONL ``id``, or the file path); carried to
            ``article.source_id``.
        date: publication date, ISO ``YYYY-MM-DD``; resolves relative dates ("on Monday").
        title, url: metadata, copied to the record.
    """

    text: str
    source_id: str | None = None
    date: str | None = None
    title: str | None = None
    url: str | None = None


def parse_date(value: str, what: str = "publication date") -> str:
    """A publication date as ISO ``YYYY-MM-DD``.

    Args:
        value: the date as given; anything after the first 10 characters (a time) is ignored.
        what: how the message names the value ("--date", "publication date").

    Returns:
        The date, ISO 8601 ``YYYY-MM-DD``.

    Raises:
        ValueError: ``value`` is malformed or a day that does not exist (2022-02-30); the
            message names ``what`` and says how to write it.
    """
    try:
        return dt.date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise ValueError(
            f"{what} {value!r} is not a valid date; "
            "write an existing day as YYYY-MM-DD, e.g. 2022-01-12."
        ) from None
