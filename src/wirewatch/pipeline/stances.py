"""Finds agreement and disagreement between sources. (stub: to be implemented)"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["StanceDetector"]


class StanceDetector:
    """Finds agreement and disagreement between sources."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if doc._.ww_stances is None:
            doc._.ww_stances = []
        return doc
