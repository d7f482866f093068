"""The ``Doc._`` extensions that wirewatch components write, and helpers to read them.

All values are plain, serialisable Python (lists of dicts shaped like the classes in
``wirewatch.model``, dumped with ``model_dump()``), never ``Span`` objects, so docs survive
pickling, ``DocBin`` and multiprocessing.

=====================  =======================================  ==========================
extension              content                                  written by
=====================  =======================================  ==========================
``ww_doc_id``          article id, ``stable_id("art", text)``  doc_id() on first use
``ww_pub_date``        publication date, ISO ``YYYY-MM-DD``      caller (before the pipe)
``ww_mentions``        list of Mention dicts + ``entity_id``,   wirewatch_actors (mentions)
                       ``entity_type``, ``country``, ``sector``  wirewatch_coref (entity_id)
``ww_entities``        list of Entity dicts                     wirewatch_coref
``ww_quotes``          list of Quote dicts                      wirewatch_quotes
``ww_events``          list of Event dicts                      wirewatch_events
``ww_stances``         list of Stance dicts                     wirewatch_stances
``ww_diagnostics``     list of Diagnostic dicts                 any component
=====================  =======================================  ==========================
"""

from __future__ import annotations

import bisect
from typing import Any

from spacy.tokens import Doc

from wirewatch.model import stable_id

__all__ = [
    "EXTENSIONS",
    "register_extensions",
    "doc_id",
    "doc_text",
    "add_diagnostic",
    "span_dict",
    "entity_at",
]

EXTENSIONS = (
    "ww_doc_id",
    "ww_pub_date",
    "ww_mentions",
    "ww_entities",
    "ww_quotes",
    "ww_events",
    "ww_stances",
    "ww_diagnostics",
)


def register_extensions() -> None:
    """Register every ``Doc._.ww_*`` extension (idempotent). Defaults are ``None``."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()


def doc_id(doc: Doc) -> str:
    """The article id of ``doc`` (``stable_id("art", doc.text)``), cached on ``doc._.ww_doc_id``.

    Components build their record ids from it, e.g. ``stable_id("ent", doc_id(doc), start)``,
    so ids are unique across a corpus and identical on re-runs.
    """
    if doc._.ww_doc_id is None:
        doc._.ww_doc_id = stable_id("art", doc_text(doc))
    return str(doc._.ww_doc_id)


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once and cached in ``doc.user_data``.

    spaCy rebuilds ``doc.text`` from the tokens on every access (O(length of the doc)), so
    components that slice it per candidate must use this instead.
    """
    text = doc.user_data.get("ww_text")
    if text is None:  # a Doc's text never changes after tokenization
        text = doc.user_data["ww_text"] = doc.text
    return str(text)


def span_dict(doc: Doc, start_char: int, end_char: int) -> dict[str, Any]:
    """``{"start_char", "end_char", "text"}`` for a code-point range of ``doc.text``."""
    text = doc_text(doc)
    return {"start_char": start_char, "end_char": end_char, "text": text[start_char:end_char]}


def add_diagnostic(
    doc: Doc, component: str, message: str, span: dict[str, Any] | None = None
) -> None:
    """Record a skipped candidate on ``doc._.ww_diagnostics`` (never raises)."""
    if doc._.ww_diagnostics is None:
        doc._.ww_diagnostics = []
    doc._.ww_diagnostics.append({"component": component, "message": message, "span": span})


def _mention_index(doc: Doc) -> tuple[list[int], int, list[dict[str, Any]], dict[str, Any]]:
    """Mentions with a known entity, sorted by start, with their starts, the longest mention's
    length and the entities by id; cached until ``ww_mentions``/``ww_entities`` change."""
    mentions = doc._.ww_mentions or []
    ents = doc._.ww_entities or []
    key = (id(mentions), len(mentions), id(ents), len(ents))
    cached = doc.user_data.get("ww_mention_index")
    if cached is not None and cached[0] == key:
        return cached[1]  # type: ignore[no-any-return]
    entities = {e["id"]: e for e in ents}
    usable = sorted(
        (m for m in mentions if m.get("entity_id") in entities), key=lambda m: m["start_char"]
    )
    starts = [m["start_char"] for m in usable]
    longest = max((m["end_char"] - m["start_char"] for m in usable), default=0)
    index = (starts, longest, usable, entities)
    doc.user_data["ww_mention_index"] = (key, index)
    return index


def entity_at(doc: Doc, start_char: int, end_char: int) -> dict[str, Any] | None:
    """The entity (dict from ``doc._.ww_entities``) best matching a character range.

    A mention that lies inside the range and overlaps it most wins; ties go to the mention whose
    head is last (the head of an English noun phrase). Returns None when no mention overlaps.
    """
    starts, longest, mentions, entities = _mention_index(doc)
    lo = bisect.bisect_right(starts, start_char - longest)
    hi = bisect.bisect_left(starts, end_char)
    best: tuple[int, int] | None = None
    best_id: str | None = None
    for m in mentions[lo:hi]:
        ov = min(end_char, m["end_char"]) - max(start_char, m["start_char"])
        if ov <= 0:
            continue
        key = (ov, m["end_char"])
        if best is None or key > best:
            best, best_id = key, m["entity_id"]
    return entities.get(best_id) if best_id else None
