"""Finds attributions: source, cue, content. (stub: to be implemented)"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["QuoteAttributor"]


class QuoteAttributor:
    """Finds attributions: source, cue, content."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if doc._.ww_quotes is None:
            doc._.ww_quotes = []
        return doc
