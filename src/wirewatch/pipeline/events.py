"""Codes PLOVER/CAMEO events with actors, place, date and counts. (stub: to be implemented)"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["EventCoder"]


class EventCoder:
    """Codes PLOVER/CAMEO events with actors, place, date and counts."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if doc._.ww_events is None:
            doc._.ww_events = []
        return doc
