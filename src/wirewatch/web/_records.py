"""Rebuild a ``Record`` from the store's flattened rows (the inverse of ``store.schema``).

``store.schema.columns`` flattens each model into columns whose ``Column.path`` says where the
value sits in a model dump (``("trigger", "start_char")``). Walking the same paths backwards
turns a row into the nested dict again; a nested optional model whose columns are all NULL is
``None``. JSON columns are parsed. So the web API's ``/api/articles/{id}`` returns exactly the
model of ``wirewatch.model.Record``, with no hand-written mapping to drift.
"""

from __future__ import annotations

import json
from typing import Any

import duckdb

from wirewatch.model import Record
from wirewatch.store.schema import Column, table

__all__ = ["load_record"]


def _nest(columns: tuple[Column, ...], row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for c in columns:
        if not c.path or c.path[0].startswith("__"):
            continue
        v = row.get(c.name)
        if c.sql_type == "JSON" and isinstance(v, str):
            v = json.loads(v)
        node = out
        for k in c.path[:-1]:
            node = node.setdefault(k, {})
        node[c.path[-1]] = v
    return _prune(out)


def _prune(d: dict[str, Any]) -> dict[str, Any]:
    """Replace nested dicts whose leaves are all None by None (an absent optional model)."""
    for k, v in list(d.items()):
        if isinstance(v, dict) and not _is_json_dict(k):
            d[k] = _prune(v)
            if all(x is None for x in d[k].values()):
                d[k] = None
    return d


def _is_json_dict(key: str) -> bool:
    return key == "pipeline"


def _fetch(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def load_record(con: duckdb.DuckDBPyConnection, article_id: str) -> Record | None:
    """The stored ``Record`` of one article.

    Args:
        con: a connection (or cursor) to a wirewatch store.
        article_id: ``articles.id`` (``art_`` + 16 hex digits).

    Returns:
        The record with entities (and their mentions), quotes ordered by ``content.start_char``,
        events (and their counts) ordered by ``trigger.start_char``, and stances; ``None`` if no
        article has that id.
    """
    arts = _fetch(con, "SELECT * FROM articles WHERE id = ?", [article_id])
    if not arts:
        return None
    rec = _nest(table("articles").columns, arts[0])

    mentions: dict[str, list[dict[str, Any]]] = {}
    for m in _fetch(
        con, "SELECT * FROM mentions WHERE article_id = ? ORDER BY entity_id, seq", [article_id]
    ):
        mentions.setdefault(m["entity_id"], []).append(_nest(table("mentions").columns, m))
    entities = []
    for e in _fetch(con, "SELECT * FROM entities WHERE article_id = ? ORDER BY id", [article_id]):
        d = _nest(table("entities").columns, e)
        d["mentions"] = mentions.get(e["id"], [])
        entities.append(d)
    entities.sort(key=lambda d: d["mentions"][0]["start_char"] if d["mentions"] else 1 << 62)

    counts: dict[str, list[dict[str, Any]]] = {}
    for c in _fetch(
        con, "SELECT * FROM counts WHERE article_id = ? ORDER BY event_id, seq", [article_id]
    ):
        counts.setdefault(c["event_id"], []).append(_nest(table("counts").columns, c))
    events = []
    for e in _fetch(
        con,
        "SELECT * FROM events WHERE article_id = ? ORDER BY trigger_start_char, id",
        [article_id],
    ):
        d = _nest(table("events").columns, e)
        d["counts"] = counts.get(e["id"], [])
        events.append(d)

    quotes = [
        _nest(table("quotes").columns, q)
        for q in _fetch(
            con,
            "SELECT * FROM quotes WHERE article_id = ? ORDER BY content_start_char, id",
            [article_id],
        )
    ]
    stances = [
        _nest(table("stances").columns, s)
        for s in _fetch(
            con,
            "SELECT * FROM stances WHERE article_id = ? ORDER BY evidence_start_char, id",
            [article_id],
        )
    ]
    rec.update(entities=entities, events=events, quotes=quotes, stances=stances)
    rec["diagnostics"] = rec.get("diagnostics") or []
    rec["pipeline"] = rec.get("pipeline") or {}
    return Record.model_validate(rec)
