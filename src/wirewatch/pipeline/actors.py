"""Finds actor mentions: names, IGOs, countries, demonyms, metonyms, sector nouns, pronouns. (stub: to be implemented)"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["ActorRecognizer"]


class ActorRecognizer:
    """Finds actor mentions: names, IGOs, countries, demonyms, metonyms, sector nouns, pronouns."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if doc._.ww_mentions is None:
            doc._.ww_mentions = []
        return doc
