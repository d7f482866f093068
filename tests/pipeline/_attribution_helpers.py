"""Helpers for the quote and stance tests: run one wirewatch component on a parsed doc, with
entities built by hand so the tests do not depend on wirewatch_coref's output."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from wirewatch.model import stable_id

_LABELS = {"PERSON", "ORG", "GPE", "NORP"}


def parse(nlp: Language, text: str) -> Doc:
    """Run only spaCy's own components (no wirewatch component) on ``text``."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if not name.startswith("wirewatch_"):
            doc = proc(doc)
    doc._.ww_mentions = []
    doc._.ww_entities = []
    return doc


def add_entities(doc: Doc, pronouns: dict[int, str] | None = None) -> dict[str, str]:
    """Entities from ``doc.ents``, merged by their last word; ``pronouns`` maps a pronoun's char
    offset to that last word. Returns ``{last word: entity id}``."""
    mentions: list[dict[str, Any]] = []
    by_key: dict[str, dict[str, Any]] = {}
    for ent in doc.ents:
        if ent.label_ not in _LABELS:
            continue
        words = [t for t in ent if t.tag_ != "POS"]
        if not words:
            continue
        key = words[-1].text
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        e = by_key.setdefault(
            key,
            {
                "id": stable_id("ent", doc.text, key),
                "name": doc.text[start:end],
                "entity_type": ent.label_,
                "mentions": [],
            },
        )
        if end - start > len(e["name"]):
            e["name"] = doc.text[start:end]
        m = {
            "start_char": start,
            "end_char": end,
            "text": doc.text[start:end],
            "kind": "name",
            "entity_id": e["id"],
        }
        e["mentions"].append(m)
        mentions.append(m)
    covered = {m["start_char"] for m in mentions}
    for tok in doc:  # surname-only mentions the NER missed
        if tok.text in by_key and tok.idx not in covered and tok.pos_ == "PROPN":
            e = by_key[tok.text]
            m = {
                "start_char": tok.idx,
                "end_char": tok.idx + len(tok.text),
                "text": tok.text,
                "kind": "surname",
                "entity_id": e["id"],
            }
            e["mentions"].append(m)
            mentions.append(m)
    for start, key in (pronouns or {}).items():
        tok = next(t for t in doc if t.idx == start)
        m = {
            "start_char": start,
            "end_char": start + len(tok.text),
            "text": tok.text,
            "kind": "pronoun",
            "entity_id": by_key[key]["id"],
        }
        by_key[key]["mentions"].append(m)
        mentions.append(m)
    doc._.ww_mentions = sorted(mentions, key=lambda m: m["start_char"])
    doc._.ww_entities = list(by_key.values())
    return {k: v["id"] for k, v in by_key.items()}


def run(nlp: Language, component: str, doc: Doc) -> Doc:
    return nlp.get_pipe(component)(doc)


def at(text: str, sub: str | None, nth: int = 1) -> tuple[int, int, str] | None:
    """``(start_char, end_char, text)`` of the ``nth`` occurrence of ``sub`` in ``text``."""
    if sub is None:
        return None
    pos = -1
    for _ in range(nth):
        pos = text.index(sub, pos + 1)
    return pos, pos + len(sub), sub


def span_of(d: dict[str, Any] | None) -> tuple[int, int, str] | None:
    """A quote field's ``(start_char, end_char, text)``, or None."""
    return None if d is None else (d["start_char"], d["end_char"], d["text"])


def quotes(nlp: Language, text: str) -> list[dict[str, Any]]:
    """``doc._.ww_quotes`` after running only wirewatch_quotes on the parsed ``text``."""
    return list(run(nlp, "wirewatch_quotes", parse(nlp, text))._.ww_quotes)
