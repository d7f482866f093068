"""Naming the source of an attribution: entity data when present, a light fallback otherwise.

``wirewatch_coref`` owns coreference. When it has produced entities, a source is resolved with
``entity_at`` and gets the entity's id and fullest name. When it has not (no entity overlaps the
source span), this module gives the source a readable ``name`` without inventing an entity id:

* a name or surname ("Murtazashvili") gets the fullest PERSON name in the article ending with the
  same word ("Jennifer Murtazashvili");
* a personal pronoun ("he", "it") gets the name of the nearest preceding compatible anchor: an
  earlier attribution source or the subject of an earlier main clause, outside quotations
  ("he" -> a PERSON, "it" -> an ORG/GPE/NORP).
"""

from __future__ import annotations

import bisect
from typing import Any

from spacy.tokens import Doc, Token

from wirewatch.pipeline.extensions import doc_text, entity_at

__all__ = ["SpeakerNamer", "PRONOUNS", "entity_for"]

PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "him", "her", "them"})
_PERSON_PRON = frozenset({"he", "she", "him", "her", "i"})
_THING_PRON = frozenset({"it"})
_ORGISH = frozenset({"ORG", "GPE", "NORP", "FAC"})
_WINDOW = 2500  # characters a pronoun may look back for its antecedent


def _surname_index(doc: Doc) -> dict[str, dict[str, Any] | None]:
    """Last word of each entity name -> the entity (None when two entities share it)."""
    out: dict[str, dict[str, Any] | None] = {}
    for ent in doc._.ww_entities or []:
        words = str(ent.get("name") or "").replace("’s", "").replace("'s", "").split()
        if not words:
            continue
        key = words[-1].lower()
        out[key] = None if key in out and out[key] is not ent else ent
    return out


def entity_for(
    doc: Doc,
    head: Token,
    start: int | None = None,
    end: int | None = None,
    index: dict[str, dict[str, Any] | None] | None = None,
) -> dict[str, Any] | None:
    """The entity a phrase headed by ``head`` refers to, or None.

    ``entity_at`` on the head word first (so "the Atlantic Council's John Herbst" is Herbst, not
    the Council), then on the whole phrase ``[start, end)``; last, when coreference left a
    proper name unlinked, the one entity whose name ends with that word ("Murtazashvili").
    """
    ent = entity_at(doc, head.idx, head.idx + len(head.text))
    if ent is None and start is not None and end is not None:
        ent = entity_at(doc, start, end)
    if ent is None and head.pos_ == "PROPN":
        idx = index if index is not None else _surname_index(doc)
        ent = idx.get(head.lower_)
    return ent


class SpeakerNamer:
    """Per-document naming of sources (built once per doc, linear in its length).

    Args:
        doc: the parsed document.
        tok_region: for each token, the index of the quoted region holding it, or -1.
    """

    def __init__(self, doc: Doc, tok_region: list[int]) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self._surnames = _surname_index(doc)
        self.fullest: dict[str, str] = {}
        self._ent_of: dict[int, Any] = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self._ent_of[i] = ent
            if ent.label_ == "PERSON":
                key = ent[-1].lower_
                if len(ent.text) > len(self.fullest.get(key, "")):
                    self.fullest[key] = ent.text
        # anchors: (char offset, name, kind) of main-clause subjects outside quotations
        self._pos: list[int] = []
        self._anchors: list[tuple[int, str, str]] = []
        for tok in doc:
            if tok.dep_ != "nsubj" or tok_region[tok.i] >= 0 or tok.lower_ in PRONOUNS:
                continue
            if tok.head.dep_ != "ROOT" or not (tok.ent_type_ or tok.pos_ == "PROPN"):
                continue
            name, kind = self.name_of(tok)
            self.add_anchor(tok.idx, name, kind)

    def add_anchor(self, pos: int, name: str, kind: str) -> None:
        """Record a named source at ``pos`` as a possible pronoun antecedent."""
        i = bisect.bisect_left(self._pos, pos)
        self._pos.insert(i, pos)
        self._anchors.insert(i, (pos, name, kind))

    def name_of(self, head: Token) -> tuple[str, str]:
        """Readable name and kind ('person', 'org', 'unknown') of a non-pronoun head token."""
        ent = self._ent_of.get(head.i)
        full = self.fullest.get(head.lower_)
        if full and (ent is None or ent.label_ == "PERSON" or head.pos_ == "PROPN"):
            return full, "person"
        if ent is not None:
            kind = "person" if ent.label_ == "PERSON" else "org" if ent.label_ in _ORGISH else ""
            return ent.text, kind or "unknown"
        return "", "unknown"

    def resolve(self, start: int, end: int, head: Token | None) -> dict[str, Any]:
        """``{"entity_id", "name"}`` for the source span ``[start, end)`` headed by ``head``."""
        text = self.text[start:end]
        if head is None:
            ent = entity_at(self.doc, start, end)
            if ent is not None:
                return {"entity_id": ent.get("id"), "name": ent.get("name")}
            return {"entity_id": None, "name": text}
        ent = entity_for(self.doc, head, start, end, self._surnames)
        if ent is not None:
            return {"entity_id": ent.get("id"), "name": ent.get("name")}
        if head.lower_ in PRONOUNS:
            return {"entity_id": None, "name": self._antecedent(start, head.lower_) or text}
        name, _ = self.name_of(head)
        return {"entity_id": None, "name": name or text}

    def _antecedent(self, pos: int, pron: str) -> str | None:
        i = bisect.bisect_left(self._pos, pos) - 1
        while i >= 0 and pos - self._pos[i] <= _WINDOW:
            _, name, kind = self._anchors[i]
            if pron in _PERSON_PRON and kind in ("person", "unknown"):
                return name
            if pron in _THING_PRON and kind in ("org", "unknown"):
                return name
            if pron not in _PERSON_PRON and pron not in _THING_PRON:
                return name
            i -= 1
        return None
