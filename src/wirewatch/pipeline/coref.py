"""Merges mentions into entities (surname linking, pronouns, descriptors). (stub: to be implemented)"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["EntityLinker"]


class EntityLinker:
    """Merges mentions into entities (surname linking, pronouns, descriptors)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if doc._.ww_entities is None:
            doc._.ww_entities = []
        return doc
