"""Cross-article event deduplication: ``events`` as extracted -> ``event_clusters``.

GDELT's best-known flaw is that one real event, reported by many articles, appears as many
events. ``refresh_clusters`` groups the extracted events that describe the same real event into
one row of ``event_clusters`` and records every member in ``event_cluster_members``
(``cluster_id``, ``event_id``, ``article_id``), so both views stay queryable.

The rule. Two events belong to the same cluster when all of these hold:

1. **Type**: the same PLOVER event type (``plover_type``). Modes may differ or be missing (one
   article says "arrested", another "detained"); the cluster reports the most frequent mode.
2. **Actors**: the same source-actor key and the same target-actor key. An actor's key is its
   ``country|sector`` (e.g. ``KAZ|COP``) when either code is known, else its lower-cased name
   without a leading "the"; a missing actor has the empty key (and matches only a missing actor).
   An implied actor (``ActorRef.implied``: the unnamed protesters of "protests erupted in
   Almaty") is keyed the same way, so implied protesters of one country (``KAZ|OPP``) cluster
   with each other and with named protesters of that country.
3. **Place**: the same place key: ``country|admin1`` when both are known, else the lower-cased
   location name, else the country, else empty.
4. **Date**: the event's date is ``event_date``, or the article's publication date when the text
   gives none -- but a past event (``historical``) whose text gives no date has no date: the day
   it was reported on is not the day it happened. Within a group that agrees on 1-3, events
   sorted by date are cut into clusters greedily: a cluster starts at its earliest (anchor)
   event and takes every following event dated at most ``window_days`` after the anchor
   (default 1: anchor day and the next day, so a report published the day after, with no date
   of its own, joins). The next event later than that starts a new cluster.

Negated or hypothetical events ("police did not arrest", "may impose sanctions") and events with
no date at all are never merged: each is a cluster of one. ``n_mentions`` counts the member events,
``n_articles`` the distinct articles they come from. The cluster's actors, place and codes are those
of its representative member (highest confidence, then earliest, then smallest id); ``goldstein``
is the members' mean, ``fatalities`` the largest ``killed`` count among them. Cluster ids are
deterministic: a hash of the group key and the anchor date (or of the event id for a singleton).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

import duckdb
import pyarrow as pa

from wirewatch.model import stable_id

__all__ = ["DEFAULT_WINDOW_DAYS", "CLUSTER_DDL", "ClusterRule", "refresh_clusters", "actor_key"]

DEFAULT_WINDOW_DAYS = 1

CLUSTER_DDL = (
    """CREATE TABLE IF NOT EXISTS event_clusters (
    cluster_id VARCHAR PRIMARY KEY,
    rep_event_id VARCHAR NOT NULL,
    plover_type VARCHAR NOT NULL,
    plover_mode VARCHAR,
    cameo_code VARCHAR,
    quad_class BIGINT,
    goldstein DOUBLE,
    acled_event_type VARCHAR,
    acled_sub_event_type VARCHAR,
    source_actor_name VARCHAR,
    source_actor_country VARCHAR,
    source_actor_sector VARCHAR,
    target_actor_name VARCHAR,
    target_actor_country VARCHAR,
    target_actor_sector VARCHAR,
    location_name VARCHAR,
    location_country VARCHAR,
    location_admin1 VARCHAR,
    location_lat DOUBLE,
    location_lon DOUBLE,
    location_precision VARCHAR,
    event_date VARCHAR,
    event_date_last VARCHAR,
    fatalities DOUBLE,
    confidence DOUBLE,
    n_mentions BIGINT NOT NULL,
    n_articles BIGINT NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS event_cluster_members (
    event_id VARCHAR PRIMARY KEY,
    cluster_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL
)""",
)

_COPIED = (
    "plover_type cameo_code quad_class acled_event_type acled_sub_event_type "
    "source_actor_name source_actor_country source_actor_sector "
    "target_actor_name target_actor_country target_actor_sector "
    "location_name location_country location_admin1 location_lat location_lon location_precision"
).split()


@dataclass(frozen=True)
class ClusterRule:
    """Parameters of the rule in the module docstring.

    Attributes:
        window_days: how many days after a cluster's anchor date a member may be dated.
    """

    window_days: int = DEFAULT_WINDOW_DAYS


def _norm(s: str | None) -> str:
    s = " ".join((s or "").lower().split())
    return s[4:] if s.startswith("the ") else s


def actor_key(name: str | None, country: str | None, sector: str | None) -> str:
    """``COUNTRY|SECTOR`` when either is known, else the normalised name, else ``""``."""
    if country or sector:
        return f"{(country or '').upper()}|{(sector or '').upper()}"
    return _norm(name)


def place_key(name: str | None, country: str | None, admin1: str | None) -> str:
    """``COUNTRY|admin1`` when both are known, else the name, else the country, else ``""``."""
    if country and admin1:
        return f"{country.upper()}|{_norm(admin1)}"
    if name:
        return _norm(name)
    return (country or "").upper()


def _date(s: str | None) -> dt.date | None:
    if not s:
        return None
    try:
        return dt.date.fromisoformat(str(s)[:10])
    except ValueError:
        return None


_SELECT = f"""
SELECT e.id, e.article_id,
       CASE WHEN e.event_date IS NULL AND coalesce(e.historical, false) THEN NULL
            ELSE coalesce(e.event_date, a.date) END AS the_date,
       e.negated, e.hypothetical, e.confidence, e.goldstein, e.plover_mode,
       (SELECT max(c.value) FROM counts c WHERE c.event_id = e.id AND c.kind = 'killed') AS killed,
       {", ".join("e." + c for c in _COPIED)}
FROM events e LEFT JOIN articles a ON a.id = e.article_id
"""


def _clusters(rows: list[dict[str, Any]], rule: ClusterRule) -> list[list[dict[str, Any]]]:
    groups: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    out: list[list[dict[str, Any]]] = []
    for r in rows:
        r["_date"] = _date(r["the_date"])
        if r["negated"] or r["hypothetical"] or r["_date"] is None:
            r["_key"] = ("single", r["id"])
            out.append([r])
            continue
        key = (
            r["plover_type"],
            actor_key(r["source_actor_name"], r["source_actor_country"], r["source_actor_sector"]),
            actor_key(r["target_actor_name"], r["target_actor_country"], r["target_actor_sector"]),
            place_key(r["location_name"], r["location_country"], r["location_admin1"]),
        )
        r["_key"] = key
        groups[key].append(r)
    window = dt.timedelta(days=rule.window_days)
    for members in groups.values():
        members.sort(key=lambda r: (r["_date"], r["id"]))
        current: list[dict[str, Any]] = []
        for r in members:
            if current and r["_date"] - current[0]["_date"] > window:
                out.append(current)
                current = []
            current.append(r)
        out.append(current)
    return out


def _cluster_row(members: list[dict[str, Any]]) -> tuple[str, dict[str, Any]]:
    first = members[0]
    if first["_key"][0] == "single":
        cid = stable_id("evc", first["id"])
    else:
        cid = stable_id("evc", *first["_key"], first["_date"].isoformat())
    rep = min(
        members, key=lambda r: (-(r["confidence"] or 0.0), r["_date"] or dt.date.max, r["id"])
    )
    modes = Counter(r["plover_mode"] for r in members if r["plover_mode"])
    gold = [r["goldstein"] for r in members if r["goldstein"] is not None]
    killed = [r["killed"] for r in members if r["killed"] is not None]
    dates = [r["_date"] for r in members if r["_date"] is not None]
    row = {
        "cluster_id": cid,
        "rep_event_id": rep["id"],
        **{c: rep[c] for c in _COPIED},
        "plover_mode": modes.most_common(1)[0][0] if modes else None,
        "goldstein": round(sum(gold) / len(gold), 3) if gold else None,
        "event_date": min(dates).isoformat() if dates else None,
        "event_date_last": max(dates).isoformat() if dates else None,
        "fatalities": max(killed) if killed else None,
        "confidence": max((r["confidence"] or 0.0) for r in members),
        "n_mentions": len(members),
        "n_articles": len({r["article_id"] for r in members}),
    }
    return cid, row


def _insert(con: duckdb.DuckDBPyConnection, name: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    rel = con.sql(f"SELECT * FROM {name} LIMIT 0")
    schema = (getattr(rel, "to_arrow_table", None) or rel.arrow)().schema
    tbl = pa.Table.from_pylist(rows, schema=schema)
    con.register("_ww_clusters", tbl)
    try:
        con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM _ww_clusters")
    finally:
        con.unregister("_ww_clusters")


def refresh_clusters(
    con: duckdb.DuckDBPyConnection, rule: ClusterRule | None = None
) -> dict[str, int]:
    """Recompute ``event_clusters`` and ``event_cluster_members`` from ``events``.

    Args:
        con: a writable connection to a migrated store.
        rule: clustering parameters (default ``ClusterRule()``: ±1 day window).

    Returns:
        ``{"events": n, "clusters": m}``.
    """
    rule = rule or ClusterRule()
    cur = con.execute(_SELECT)
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    clusters = _clusters(rows, rule)
    cluster_rows = []
    member_rows: list[tuple[str, str, str]] = []
    for members in clusters:
        cid, row = _cluster_row(members)
        cluster_rows.append(row)
        member_rows.extend((m["id"], cid, m["article_id"]) for m in members)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM event_cluster_members")
        con.execute("DELETE FROM event_clusters")
        _insert(con, "event_clusters", cluster_rows)
        _insert(
            con,
            "event_cluster_members",
            [
                dict(zip(("event_id", "cluster_id", "article_id"), m, strict=True))
                for m in member_rows
            ],
        )
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return {"events": len(rows), "clusters": len(cluster_rows)}
