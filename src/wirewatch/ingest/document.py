"""The input document: text plus the metadata wirewatch carries into ``Record.article``."""

from __future__ import annotations

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
