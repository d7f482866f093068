"""Naming the source of an attribution: entity data when present, a light fallback otherwise.

``wirewatch_coref`` owns coreference. When it has produced entities, a source is resolved with
``entity_at`` and gets the entity's id and fullest name. When it has not (no entity overlaps the
source span), this module gives the source a readable ``name`` without inventing an entity id:

* a name or surname ("Murtazashvili") gets the fullest PERSON name in the article ending with the
  same word ("Jennifer Murtazashvili");
* a personal pronoun ("he", "it") gets the name of the nearest preceding compatible anchor: an
  earlier attribution source or the subject of an earlier main clause, outside quotations
  ("he" -> a PERSON, "it" -> an ORG/GPE/NORP, "they" -> never a single named person);
* "they" gets the group ``wirewatch_coref`` resolved it to (``antecedent_id``);
* a definite title ("the president", "the former governor") gets the person last named
  before it with that title among the entity's descriptors ("President Obama");
* "I"/"we" outside quotation marks is the writer (or an interviewee in a Q&A) and keeps its
  own text as name.
"""

from __future__ import annotations

import bisect
from typing import Any

from spacy.tokens import Doc, Token

from wirewatch.ontology import actors as onto
from wirewatch.pipeline.extensions import doc_text, entity_at

__all__ = ["SpeakerNamer", "PRONOUNS", "entity_for"]

PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "him", "her", "them"})
_PERSON_PRON = frozenset({"he", "she", "him", "her", "i"})
_THING_PRON = frozenset({"it"})
_PLURAL_PRON = frozenset({"they", "them"})
_FIRST_PERSON = frozenset({"i", "we"})
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
        self._region = tok_region
        self._pron_at = {
            m["start_char"]: m for m in doc._.ww_mentions or [] if m.get("kind") == "pronoun"
        }
        self._ent_by_id = {e["id"]: e for e in doc._.ww_entities or []}
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
        ent = self._titled_person(start, end, head) or self._group_antecedent(head)
        if ent is None:
            ent = entity_for(self.doc, head, start, end, self._surnames)
        if ent is not None:
            return {"entity_id": ent.get("id"), "name": ent.get("name")}
        if head.lower_ in _FIRST_PERSON and self._region[head.i] < 0:
            return {"entity_id": None, "name": text}  # the writer or interviewee: no antecedent
        if head.lower_ in PRONOUNS:
            return {"entity_id": None, "name": self._antecedent(start, head.lower_) or text}
        name, _ = self.name_of(head)
        return {"entity_id": None, "name": name or text}

    def _group_antecedent(self, head: Token) -> dict[str, Any] | None:
        """The group entity ``wirewatch_coref`` resolved a "they" source to (the pronoun
        mention's ``antecedent_id``), or None."""
        if head.lower_ not in _PLURAL_PRON:
            return None
        m = self._pron_at.get(head.idx)
        return self._ent_by_id.get(m.get("antecedent_id") or "") if m is not None else None

    def _titled_person(self, start: int, end: int, head: Token) -> dict[str, Any] | None:
        """The person a definite title refers back to: "the president", "the former governor",
        "The billionaire businessman" (a singular common noun after "the", no name in the
        phrase) -> the PERSON entity mentioned last before ``start`` whose descriptors hold
        the longest known title ending in that noun ("President Obama", "Donald Trump, a
        billionaire businessman"; "the prime minister" is not "the finance minister"), within
        ``_WINDOW`` characters; None when no such person was named."""
        if self.text[start : start + 4].lower() != "the " or not (
            head.tag_ == "NN" or (head.tag_ == "NNP" and onto.title_sector(head.lower_))
        ):
            return None  # "the President" is tagged as a proper noun
        phrase = self.doc.char_span(start, end, alignment_mode="expand")
        if phrase is None or any(t.pos_ == "PROPN" for t in phrase if t.i != head.i):
            return None
        words = [t.lower_ for t in phrase if phrase.start < t.i <= head.i]
        title = next(
            (
                " ".join(words[k:])
                for k in range(len(words))
                if onto.title_sector(" ".join(words[k:]))
            ),
            head.lower_,
        )  # "prime minister"
        best: tuple[int, dict[str, Any]] | None = None
        for ent in self.doc._.ww_entities or []:
            if ent.get("entity_type") != "PERSON" or not any(
                f" {title} " in f" {d['text'].lower()} " for d in ent.get("descriptors") or []
            ):
                continue
            last = max(
                (
                    m["start_char"]
                    for m in ent["mentions"]
                    if m["start_char"] < start and m["kind"] != "pronoun"
                ),
                default=-1,
            )
            if last >= 0 and start - last <= _WINDOW and (best is None or last > best[0]):
                best = (last, ent)
        return best[1] if best is not None else None

    def _antecedent(self, pos: int, pron: str) -> str | None:
        """Name of the nearest anchor before ``pos`` that the pronoun ``pron`` can refer to
        (he/she: a person or unknown anchor of a compatible given-name gender, a bare surname
        whose fullest name clashes named by the surname alone; it: an organisation; they:
        never one named person), within ``_WINDOW`` characters, or None."""
        i = bisect.bisect_left(self._pos, pos) - 1
        while i >= 0 and pos - self._pos[i] <= _WINDOW:
            at, name, kind = self._anchors[i]
            if pron in _PERSON_PRON and kind in ("person", "unknown"):
                if not _gender_clash(pron, name):
                    return name
                given = name.split()[0]
                if self.text[max(0, at - len(given) - 1) : at].strip() != given:
                    # a bare surname ("Dorn") whose fullest name is a namesake of the
                    # other gender ("Frank Dorn" for "she"): the surname alone
                    return name.split()[-1]
            if pron in _THING_PRON and kind in ("org", "unknown"):
                return name
            if pron in _PLURAL_PRON and kind in ("org", "unknown"):
                return name  # "they": never one named person
            if pron not in _PERSON_PRON and pron not in _THING_PRON and pron not in _PLURAL_PRON:
                return name
            i -= 1
        return None


def _gender_clash(pron: str, name: str) -> bool:
    """True when ``name`` starts with a listed given name of the other gender than the personal
    pronoun ``pron`` ("she" and "Ted Hale"; given_names.tsv, see
    ``ontology.actors.given_name_gender``). An unlisted name never clashes, and neither does a
    single word: a bare surname says nothing of gender even when it is also a given name
    ("Carter", "Lincoln")."""
    words = name.split()
    gender = onto.given_name_gender(words[0]) if len(words) > 1 else None
    want = {"he": "m", "him": "m", "she": "f", "her": "f"}.get(pron)
    return gender is not None and want is not None and gender != want
