"""Assemble a ``Record`` from a processed ``Doc``; the one place Doc extensions become output."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError
from spacy.tokens import Doc

from wirewatch.model import (
    Article,
    Diagnostic,
    Entity,
    Event,
    Quote,
    Record,
    Stance,
)
from wirewatch.pipeline.extensions import doc_id

__all__ = ["doc_to_record", "check_spans"]


def _iter_spans(obj: Any) -> Any:
    if isinstance(obj, dict):
        if {"start_char", "end_char", "text"} <= obj.keys():
            yield obj
        for v in obj.values():
            yield from _iter_spans(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _iter_spans(v)


def check_spans(text: str, item: dict[str, Any]) -> str | None:
    """First span inside ``item`` whose text is not ``text[start:end]``, described; else None."""
    for s in _iter_spans(item):
        a, b = s["start_char"], s["end_char"]
        if not (0 <= a <= b <= len(text)) or text[a:b] != s["text"]:
            return f"span [{a}, {b}) {s['text']!r} does not match the article text"
    return None


def _build(
    cls: type[BaseModel],
    items: list[dict[str, Any]] | None,
    text: str,
    component: str,
    diags: list[Diagnostic],
) -> list[Any]:
    out = []
    for item in items or []:
        problem = check_spans(text, item)
        if problem:
            diags.append(Diagnostic(component=component, message=f"dropped: {problem}"))
            continue
        try:
            out.append(cls.model_validate(item))
        except ValidationError as exc:
            diags.append(
                Diagnostic(component=component, message=f"dropped invalid {cls.__name__}: {exc}")
            )
    return out


def doc_to_record(
    doc: Doc,
    *,
    source_id: str | None = None,
    title: str | None = None,
    date: str | None = None,
    url: str | None = None,
    language: str | None = "en",
    pipeline: dict[str, Any] | None = None,
) -> Record:
    """Build the output record of one processed article.

    Args:
        doc: a Doc that went through wirewatch's components.
        source_id, title, date, url, language: article metadata (date ISO YYYY-MM-DD).
        pipeline: model name and versions, copied to ``Record.pipeline``.

    Returns:
        A ``Record``. Items whose spans do not match the text, or that fail validation, are
        dropped and reported in ``Record.diagnostics``; they never fail the record.
    """
    text = doc.text
    diags: list[Diagnostic] = []
    for d in doc._.ww_diagnostics or []:
        try:
            diags.append(Diagnostic.model_validate(d))
        except ValidationError:
            diags.append(Diagnostic(component=str(d.get("component")), message=str(d)))
    entities = _build(Entity, doc._.ww_entities, text, "wirewatch_coref", diags)
    quotes = _build(Quote, doc._.ww_quotes, text, "wirewatch_quotes", diags)
    events = _build(Event, doc._.ww_events, text, "wirewatch_events", diags)
    stances = _build(Stance, doc._.ww_stances, text, "wirewatch_stances", diags)
    quotes.sort(key=lambda q: q.content.start_char)
    events.sort(key=lambda e: e.trigger.start_char)
    article = Article(
        id=doc_id(doc),
        source_id=source_id,
        title=title,
        date=date,
        url=url,
        language=language,
        text=text,
    )
    return Record(
        article=article,
        entities=entities,
        quotes=quotes,
        events=events,
        stances=stances,
        diagnostics=diags,
        pipeline=pipeline or {},
    )
