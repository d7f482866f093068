"""Export to PLOVER JSONL: one JSON event record per line.

Source: PLOVER manual draft 0.8 (Schrodt et al., 2021), chapter "Data Fields": the event record
(``id``, ``date``, ``actor``, ``recipient``, ``event``, ``mode``, ``context``, ``event_loc``,
``event_text``, ``quad_code``, ``event_scale``, ``text_info``, ``cite_info``, ``coder``), the
entity object (``code``, ``sector``, ``entity_text``, ``identifier_text``), the location object
(``extracted_place``, ``resolved_place``, ``geonameid``, ``lat``, ``lon``, ``province``,
``country_code``, ``resolution``), the text object (``start``, ``end``) and the size object
(``dead``, ``injured``, ``arrested``). The manual recommends JSONL and allows further named
fields: wirewatch adds ``cameo_code``, ``negated``, ``hypothetical``, ``historical``,
``confidence``, ``article_id`` and, per cluster, ``n_mentions`` and ``n_articles``; an entity
object gets ``implied: true`` when the text names no such actor and the event word implies it
(``ActorRef.implied``: its ``entity_text`` is then that word, "protests").

``date`` is the date the text gives the event, else the article's publication date; the added
``date_source`` says which ("text" or "publication") and ``date_precision`` gives the text's
precision (day, week, month, year). A past event (``historical``) whose text gives no date of
its own keeps its record, flagged, with ``date`` null: the publication date is not when it
happened.

By default one record per extracted event (``level="events"``): the records keep their
character offsets (``text_info``) into the article.
"""

from __future__ import annotations

import json
from typing import IO, Any

import wirewatch
from wirewatch.export._frame import Level, event_rows
from wirewatch.store.db import Store

__all__ = ["plover_records", "write_plover"]

_RESOLUTION = {"country": 1, "admin1": 2, "city": 4}


def _entity(
    text: str | None,
    name: str | None,
    country: str | None,
    sector: str | None,
    implied: bool = False,
) -> dict:
    ent = {"code": country, "sector": sector, "entity_text": text, "identifier_text": name}
    out: dict[str, Any] = {k: v for k, v in ent.items() if v is not None}
    if implied:
        out["implied"] = True  # entity_text is the event word that implies the actor
    return out


def _clean(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None and v != [] and v != {}}


def plover_records(store: Store, level: Level = "events") -> list[dict[str, Any]]:
    """PLOVER event records as dicts (no nulls: absent fields are left out)."""
    out = []
    coder = f"wirewatch {wirewatch.__version__}"
    for r in event_rows(store, level):
        evidence = json.loads(r["evidence"]) if r["evidence"] else []
        loc = None
        if r["location_name"]:
            loc = _clean(
                {
                    "extracted_place": r["location_span_text"],
                    "resolved_place": r["location_name"],
                    "geonameid": r["location_geonameid"],
                    "lat": r["location_lat"],
                    "lon": r["location_lon"],
                    "province": r["location_admin1"],
                    "country_code": r["location_country"],
                    "resolution": _RESOLUTION.get(r["location_precision"] or ""),
                }
            )
        size = _clean({"dead": r["killed"], "injured": r["injured"], "arrested": r["arrested"]})
        rec: dict[str, Any] = {
            "id": r["id"],
            "date": str(r["event_date"])[:10] if r["event_date"] else None,
            "actor": [
                _entity(
                    r["source_actor_text"],
                    r["source_actor_name"],
                    r["source_actor_country"],
                    r["source_actor_sector"],
                    bool(r["source_actor_implied"]),
                )
            ]
            if r["source_actor_name"]
            else [],
            "recipient": [
                _entity(
                    r["target_actor_text"],
                    r["target_actor_name"],
                    r["target_actor_country"],
                    r["target_actor_sector"],
                    bool(r["target_actor_implied"]),
                )
            ]
            if r["target_actor_name"]
            else [],
            "event": [r["plover_type"]],
            "mode": [r["plover_mode"]] if r["plover_mode"] else [],
            "context": [],
            "event_loc": loc,
            "event_text": [s["text"] for s in evidence],
            "quad_code": r["quad_class"],
            "event_scale": r["goldstein"],
            "text_info": (
                {"start": evidence[0]["start_char"], "end": evidence[0]["end_char"]}
                if evidence
                else None
            ),
            "cite_info": _clean(
                {
                    "url": r["article_url"],
                    "title": r["article_title"],
                    "language": r["article_language"],
                    "citation": r["article_source_id"],
                    "coder": coder,
                    "codebook": "plover-0.8",
                }
            ),
            "size": size,
            "coder": coder,
            "cameo_code": r["cameo_code"],
            "negated": bool(r["negated"]),
            "hypothetical": bool(r["hypothetical"]),
            "historical": bool(r["historical"]),
            "date_source": (
                ("text" if r["date_from_text"] else "publication") if r["event_date"] else None
            ),
            "date_precision": r["date_precision"],
            "confidence": r["confidence"],
            "article_id": r["article_id"],
        }
        if level == "clusters":
            rec["n_mentions"] = r["n_mentions"]
            rec["n_articles"] = r["n_articles"]
        keep = {"id", "date", "actor", "event", "negated", "hypothetical", "historical"}
        out.append({k: v for k, v in rec.items() if k in keep or v not in (None, [], {})})
    return out


def write_plover(store: Store, out: IO[str], level: Level = "events") -> int:
    """Write PLOVER JSONL. Returns the number of records."""
    recs = plover_records(store, level)
    for rec in recs:
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return len(recs)
