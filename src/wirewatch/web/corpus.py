"""Read-only queries behind the web pages and the JSON API.

Every value from a request reaches DuckDB as a bound parameter (``?``); the only SQL text chosen
by a request is a sort column, and that is looked up in ``SORTS`` (a fixed whitelist). The
store is opened read-only; each call uses its own cursor, so the server's worker threads never
share one.

Actors are matched across articles by a key: the name lower-cased, spaces collapsed and a
leading "the " dropped (``actor_key`` below; the same rule as ``store.dedup``'s name fallback).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, fields
from typing import Any

from wirewatch.model import Record
from wirewatch.store.db import Store

__all__ = ["Corpus", "EventFilter", "SORTS", "EVENT_COLUMNS", "actor_key"]


def _key_sql(col: str) -> str:
    """SQL for the actor key of column ``col`` (``col`` is always a literal from this module)."""
    return f"regexp_replace(regexp_replace(lower(trim({col})), '\\s+', ' ', 'g'), '^the ', '')"


def actor_key(name: str | None) -> str:
    """The cross-article key of an actor name: ``"The  Police"`` -> ``"police"``."""
    s = re.sub(r"\s+", " ", (name or "").strip().lower())
    return s[4:] if s.startswith("the ") else s


def _with_parts(row: dict[str, Any]) -> dict[str, Any]:
    """A quotes row with ``content_parts`` parsed from its JSON column (``[]`` when NULL, as in
    a store made before the field) and ``content_shown``: the parts' texts joined by " … " when
    the content is discontinuous (its source and cue inside it), else ``content_text``."""
    raw = row.get("content_parts")
    parts = json.loads(raw) if isinstance(raw, str) else (raw or [])
    shown = " … ".join(p["text"] for p in parts) if parts else row.get("content_text")
    return {**row, "content_parts": parts, "content_shown": shown}


# an event's date: its own, else the publication date; an undated historical event ("the
# massacre of 2011", recalled in a 2022 article) has none, so it is on no timeline day
_DATE = (
    "CASE WHEN e.event_date IS NULL AND e.historical THEN NULL"
    " ELSE coalesce(e.event_date, a.date) END"
)

EVENT_COLUMNS: tuple[str, ...] = (
    "id",
    "article_id",
    "article_title",
    "article_date",
    "date",
    "event_date",
    "date_precision",
    "plover_type",
    "plover_mode",
    "cameo_code",
    "quad_class",
    "goldstein",
    "acled_event_type",
    "acled_sub_event_type",
    "trigger_text",
    "source_actor_name",
    "source_actor_country",
    "source_actor_sector",
    "source_actor_implied",
    "target_actor_name",
    "target_actor_country",
    "target_actor_sector",
    "location_name",
    "location_country",
    "location_admin1",
    "location_lat",
    "location_lon",
    "negated",
    "hypothetical",
    "historical",
    "confidence",
    "cluster_id",
    "cluster_articles",
)
"""Columns of one row of ``/api/events`` and of the CSV download, in order."""

_EVENT_SELECT = f"""
SELECT e.id, e.article_id, a.title AS article_title, a.date AS article_date,
       {_DATE} AS date, e.event_date, e.date_precision,
       e.plover_type, e.plover_mode, e.cameo_code, e.quad_class, e.goldstein,
       e.acled_event_type, e.acled_sub_event_type, e.trigger_text,
       e.source_actor_name, e.source_actor_country, e.source_actor_sector, {{implied}},
       e.target_actor_name, e.target_actor_country, e.target_actor_sector,
       e.location_name, e.location_country, e.location_admin1, e.location_lat, e.location_lon,
       e.negated, e.hypothetical, e.historical, e.confidence,
       m.cluster_id, c.n_articles AS cluster_articles
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN event_cluster_members m ON m.event_id = e.id
LEFT JOIN event_clusters c ON c.cluster_id = m.cluster_id
"""

SORTS: dict[str, str] = {
    "date": _DATE,
    "plover_type": "e.plover_type",
    "acled_event_type": "e.acled_event_type",
    "source": "e.source_actor_name",
    "target": "e.target_actor_name",
    "place": "e.location_name",
    "country": "e.location_country",
    "quad_class": "e.quad_class",
    "goldstein": "e.goldstein",
    "confidence": "e.confidence",
    "article": "a.title",
}
"""Sort keys accepted by ``/events`` and ``/api/events`` and the SQL each stands for."""


@dataclass(frozen=True)
class EventFilter:
    """The filter of the events table; every field is optional (``None`` = no condition).

    Attributes:
        plover_type: exact PLOVER 0.8 type, e.g. ``"PROTEST"``.
        acled_event_type: exact ACLED event type, e.g. ``"Protests"``.
        actor: substring (case-insensitive) of the source or target actor's name.
        country: ISO 3166-1 alpha-3 of the source actor, target actor or location.
        date_from: first day, ``YYYY-MM-DD`` (the event date, else the publication date).
        date_to: last day, inclusive.
        place: substring (case-insensitive) of the location name or its admin1.
        source_actor: exact actor key of the source (see ``actor_key``).
        target_actor: exact actor key of the target.
        article_id: only the events of this article.
    """

    plover_type: str | None = None
    acled_event_type: str | None = None
    actor: str | None = None
    country: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    place: str | None = None
    source_actor: str | None = None
    target_actor: str | None = None
    article_id: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """``(" WHERE ...", params)``; an empty string when nothing is set."""
        conds: list[str] = []
        params: list[Any] = []
        if self.plover_type:
            conds.append("e.plover_type = ?")
            params.append(self.plover_type)
        if self.acled_event_type:
            conds.append("e.acled_event_type = ?")
            params.append(self.acled_event_type)
        if self.actor:
            conds.append(
                "(strpos(lower(coalesce(e.source_actor_name, '')), lower(?)) > 0 "
                "OR strpos(lower(coalesce(e.target_actor_name, '')), lower(?)) > 0)"
            )
            params += [self.actor, self.actor]
        if self.country:
            conds.append(
                "upper(?) IN (e.source_actor_country, e.target_actor_country, e.location_country)"
            )
            params.append(self.country)
        if self.date_from:
            conds.append(f"{_DATE} >= ?")
            params.append(self.date_from)
        if self.date_to:
            conds.append(f"substr({_DATE}, 1, 10) <= ?")
            params.append(self.date_to)
        if self.place:
            conds.append(
                "(strpos(lower(coalesce(e.location_name, '')), lower(?)) > 0 "
                "OR strpos(lower(coalesce(e.location_admin1, '')), lower(?)) > 0)"
            )
            params += [self.place, self.place]
        if self.source_actor:
            conds.append(f"{_key_sql('e.source_actor_name')} = ?")
            params.append(self.source_actor)
        if self.target_actor:
            conds.append(f"{_key_sql('e.target_actor_name')} = ?")
            params.append(self.target_actor)
        if self.article_id:
            conds.append("e.article_id = ?")
            params.append(self.article_id)
        return (" WHERE " + " AND ".join(conds)) if conds else "", params

    def query_items(self) -> list[tuple[str, str]]:
        """The set fields as ``(name, value)`` pairs, for building links and the CSV URL."""
        return [(f.name, v) for f in fields(self) if (v := getattr(self, f.name))]


def _bucket(d: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return d - dt.timedelta(days=d.weekday())
    if unit == "month":
        return d.replace(day=1)
    return d


def _next(d: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return d + dt.timedelta(days=7)
    if unit == "month":
        return (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return d + dt.timedelta(days=1)


class Corpus:
    """The queries of the web view over one store, opened read-only.

    Args:
        path: the DuckDB store file written by ``wirewatch ingest``.

    Raises:
        StoreError: the file is missing or is not a wirewatch store.
    """

    def __init__(self, path: str) -> None:
        self.store = Store(path, read_only=True)
        # a store written before Quote.content_parts, opened read-only, has no such column
        # (only a writable open adds it): its quotes read as one-piece contents
        has_parts = self.store.con.execute(
            "SELECT count(*) FROM information_schema.columns "
            "WHERE table_name = 'quotes' AND column_name = 'content_parts'"
        ).fetchall()[0][0]
        self._parts_sql = "q.content_parts" if has_parts else "NULL::JSON AS content_parts"
        # likewise a store written before ActorRef.implied: its actors are all named
        implied = (
            "coalesce(e.source_actor_implied, false) AS source_actor_implied"
            if self.store.has_column("events", "source_actor_implied")
            else "false AS source_actor_implied"
        )
        self._event_select = _EVENT_SELECT.replace("{implied}", implied)

    def close(self) -> None:
        self.store.close()

    def rows(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Run one read query on a fresh cursor; rows as dicts."""
        cur = self.store.con.cursor()
        try:
            res = cur.execute(sql, params or [])
            names = [d[0] for d in res.description]
            return [dict(zip(names, r, strict=True)) for r in res.fetchall()]
        finally:
            cur.close()

    def _scalar(self, sql: str, params: list[Any] | None = None) -> Any:
        rows = self.rows(sql, params)
        return next(iter(rows[0].values())) if rows else None

    # -- overview and articles -------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per table: articles, entities, quotes, events, stances, errors, event_clusters."""
        names = ("articles", "entities", "quotes", "events", "stances", "errors", "event_clusters")
        sql = "SELECT " + ", ".join(f"(SELECT count(*) FROM {n}) AS {n}" for n in names)
        return {k: int(v) for k, v in self.rows(sql)[0].items()}

    def top_event_types(self, limit: int = 10) -> list[dict[str, Any]]:
        return self.rows(
            "SELECT plover_type, count(*) AS n FROM events GROUP BY 1 ORDER BY n DESC, 1 LIMIT ?",
            [limit],
        )

    def articles(
        self, q: str | None = None, page: int = 1, per_page: int = 50
    ) -> tuple[int, list[dict[str, Any]]]:
        """Articles, newest first, optionally those whose title or text contains ``q``.

        Returns:
            ``(total, rows)``; a row has id, source_id, title, date, url, language, n_chars,
            n_entities, n_quotes, n_events.
        """
        where, params = "", []
        if q:
            where = (
                " WHERE strpos(lower(coalesce(a.title, '')), lower(?)) > 0 "
                "OR strpos(lower(a.text), lower(?)) > 0"
            )
            params = [q, q]
        total = int(self._scalar(f"SELECT count(*) FROM articles a{where}", params))
        rows = self.rows(
            f"""SELECT a.id, a.source_id, a.title, a.date, a.url, a.language,
                   length(a.text) AS n_chars,
                   (SELECT count(*) FROM entities x WHERE x.article_id = a.id) AS n_entities,
                   (SELECT count(*) FROM quotes x WHERE x.article_id = a.id) AS n_quotes,
                   (SELECT count(*) FROM events x WHERE x.article_id = a.id) AS n_events
                FROM articles a{where}
                ORDER BY a.date DESC NULLS LAST, a.title NULLS LAST, a.id
                LIMIT ? OFFSET ?""",
            params + [per_page, (page - 1) * per_page],
        )
        return total, rows

    def record(self, article_id: str) -> Record | None:
        """The whole stored record of one article (``None`` if there is none)."""
        return self.store.record(article_id)

    # -- events ----------------------------------------------------------------------------------

    def events(
        self,
        flt: EventFilter,
        sort: str = "date",
        order: str = "desc",
        page: int = 1,
        per_page: int = 50,
    ) -> tuple[int, list[dict[str, Any]]]:
        """One page of events matching ``flt``.

        Args:
            flt: the filter.
            sort: a key of ``SORTS``; anything else sorts by date.
            order: ``"asc"`` or ``"desc"``.
            page: 1-based page number.
            per_page: rows per page.

        Returns:
            ``(total matching, rows)``; each row has the keys of ``EVENT_COLUMNS``.
        """
        where, params = flt.where()
        total = int(
            self._scalar(
                f"SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id{where}",
                params,
            )
        )
        rows = self.rows(
            f"{self._event_select}{where} ORDER BY {self._order(sort, order)} LIMIT ? OFFSET ?",
            params + [per_page, (page - 1) * per_page],
        )
        return total, rows

    def iter_events(
        self, flt: EventFilter, sort: str = "date", order: str = "desc"
    ) -> Iterator[tuple]:
        """Every event matching ``flt`` (for the CSV download), in batches of 1000."""
        where, params = flt.where()
        cur = self.store.con.cursor()
        try:
            res = cur.execute(
                f"{self._event_select}{where} ORDER BY {self._order(sort, order)}", params
            )
            while batch := res.fetchmany(1000):
                yield from batch
        finally:
            cur.close()

    @staticmethod
    def _order(sort: str, order: str) -> str:
        col = SORTS.get(sort, SORTS["date"])
        direction = "ASC" if order == "asc" else "DESC"
        return f"{col} {direction} NULLS LAST, e.id"

    def filter_options(self) -> dict[str, list[str]]:
        """Distinct PLOVER types, ACLED types and countries present, for the filter form."""

        def distinct(sql: str) -> list[str]:
            return [next(iter(r.values())) for r in self.rows(sql)]

        return {
            "plover_type": distinct(
                "SELECT DISTINCT plover_type FROM events WHERE plover_type IS NOT NULL ORDER BY 1"
            ),
            "acled_event_type": distinct(
                "SELECT DISTINCT acled_event_type FROM events "
                "WHERE acled_event_type IS NOT NULL ORDER BY 1"
            ),
            "country": distinct(
                "SELECT DISTINCT c FROM (SELECT source_actor_country AS c FROM events "
                "UNION SELECT target_actor_country FROM events "
                "UNION SELECT location_country FROM events) WHERE c IS NOT NULL ORDER BY 1"
            ),
        }

    # -- actors ----------------------------------------------------------------------------------

    def network(self, limit: int = 80) -> dict[str, Any]:
        """The actor network: nodes are actors, edges are dyads (source -> target).

        Args:
            limit: keep the ``limit`` actors with the most events (and the edges among them).

        Returns:
            ``{"nodes": [{id, name, country, sector, n_events}], "edges": [{source, target,
            count, quad_class, quad_counts: {"1": n, ...}, cooperation, conflict}]}``; ``id`` is
            the actor key, an edge's ``quad_class`` is its most frequent QuadClass.
        """
        sk, tk = _key_sql("source_actor_name"), _key_sql("target_actor_name")
        nodes = self.rows(
            f"""WITH ends AS (
                  SELECT {sk} AS id, source_actor_name AS name,
                         source_actor_country AS country, source_actor_sector AS sector
                  FROM events WHERE source_actor_name IS NOT NULL
                  UNION ALL
                  SELECT {tk}, target_actor_name, target_actor_country, target_actor_sector
                  FROM events WHERE target_actor_name IS NOT NULL)
                SELECT id, mode(name) AS name, mode(country) AS country, mode(sector) AS sector,
                       count(*) AS n_events
                FROM ends WHERE id <> '' GROUP BY id ORDER BY n_events DESC, id LIMIT ?""",
            [limit],
        )
        keep = {n["id"] for n in nodes}
        edges = []
        for r in self.rows(
            f"""SELECT {sk} AS source, {tk} AS target, count(*) AS count,
                       count_if(quad_class = 1) AS q1, count_if(quad_class = 2) AS q2,
                       count_if(quad_class = 3) AS q3, count_if(quad_class = 4) AS q4
                FROM events
                WHERE source_actor_name IS NOT NULL AND target_actor_name IS NOT NULL
                GROUP BY 1, 2 ORDER BY count DESC, 1, 2"""
        ):
            if r["source"] not in keep or r["target"] not in keep:
                continue
            qc = {str(q): int(r[f"q{q}"]) for q in (1, 2, 3, 4)}
            best = max(qc.items(), key=lambda kv: (kv[1], -int(kv[0])))
            edges.append(
                {
                    "source": r["source"],
                    "target": r["target"],
                    "count": int(r["count"]),
                    "quad_class": int(best[0]) if best[1] else None,
                    "quad_counts": qc,
                    "cooperation": qc["1"] + qc["2"],
                    "conflict": qc["3"] + qc["4"],
                }
            )
        return {"nodes": nodes, "edges": edges}

    # -- quotes and sources ----------------------------------------------------------------------

    def quotes(
        self,
        speaker: str | None = None,
        article_id: str | None = None,
        page: int = 1,
        per_page: int = 50,
    ) -> tuple[int, list[dict[str, Any]]]:
        """Quotes, optionally of one speaker (actor key) or one article.

        Returns:
            ``(total, rows)``; a row has id, article_id, article_title, article_date, speaker
            (the actor key), source_name, source_text, cue_text, content_text (the hull),
            content_parts (``[{start_char, end_char, text}]``, the pieces of a discontinuous
            content, else ``[]``), content_shown (the parts joined by " … ", else the content
            text), quote_type, confidence and the offsets of source, cue and content.
        """
        key = _key_sql("coalesce(q.source_name, q.source_text)")
        conds, params = [], []
        if speaker:
            conds.append(f"{key} = ?")
            params.append(speaker)
        if article_id:
            conds.append("q.article_id = ?")
            params.append(article_id)
        where = (" WHERE " + " AND ".join(conds)) if conds else ""
        total = int(self._scalar(f"SELECT count(*) FROM quotes q{where}", params))
        rows = self.rows(
            f"""SELECT q.id, q.article_id, a.title AS article_title, a.date AS article_date,
                   {key} AS speaker, q.source_name, q.source_text, q.source_entity_id,
                   q.source_start_char, q.source_end_char, q.cue_text, q.cue_start_char,
                   q.cue_end_char, q.content_text, q.content_start_char, q.content_end_char,
                   {self._parts_sql}, q.quote_type, q.continued_from, q.confidence
                FROM quotes q JOIN articles a ON a.id = q.article_id{where}
                ORDER BY a.date DESC NULLS LAST, q.article_id, q.content_start_char
                LIMIT ? OFFSET ?""",
            params + [per_page, (page - 1) * per_page],
        )
        return total, [_with_parts(r) for r in rows]

    def sources(self, q: str | None = None, limit: int = 100, per_speaker: int = 10) -> list[dict]:
        """Speakers (of quotes, or holders of stances) with their quotes, roles and stances.

        Args:
            q: only speakers whose name contains this (case-insensitive).
            limit: at most this many speakers, those with the most quotes first.
            per_speaker: at most this many quotes listed per speaker.

        Returns:
            ``[{key, name, n_quotes, n_stances, n_articles, roles: [str], countries, sectors,
            quotes: [row], stances: [{relation, to_name, cue_text, evidence_text, article_id,
            id}]}]``.
        """
        qkey = _key_sql("coalesce(q.source_name, q.source_text)")
        ekey = _key_sql("en.name")
        params: list[Any] = []
        having = ""
        if q:
            having = " HAVING strpos(lower(mode(name)), lower(?)) > 0"
            params.append(q)
        speakers = self.rows(
            f"""WITH s AS (
                  SELECT {qkey} AS key, coalesce(q.source_name, q.source_text) AS name,
                         q.article_id, 1 AS is_quote
                  FROM quotes q WHERE coalesce(q.source_name, q.source_text) IS NOT NULL
                  UNION ALL
                  SELECT {ekey}, en.name, st.article_id, 0
                  FROM stances st JOIN entities en ON en.id = st.from_entity)
                SELECT key, mode(name) AS name, sum(is_quote)::BIGINT AS n_quotes,
                       (count(*) - sum(is_quote))::BIGINT AS n_stances,
                       count(DISTINCT article_id) AS n_articles
                FROM s WHERE key <> '' GROUP BY key{having}
                ORDER BY n_quotes DESC, n_stances DESC, key LIMIT ?""",
            params + [limit],
        )
        keys = [s["key"] for s in speakers]
        if not keys:
            return []
        by_key: dict[str, dict[str, Any]] = {}
        for s in speakers:
            s.update(roles=[], countries=[], sectors=[], quotes=[], stances=[])
            by_key[s["key"]] = s
        roles: dict[str, Counter[str]] = defaultdict(Counter)
        for r in self.rows(
            f"""SELECT {ekey} AS key, en.descriptors, en.affiliations, en.country, en.sector
                FROM entities en
                WHERE {ekey} IN (SELECT unnest(?::VARCHAR[]))
                  AND (en.id IN (SELECT source_entity_id FROM quotes)
                       OR en.id IN (SELECT from_entity FROM stances))
                ORDER BY en.id""",
            [keys],
        ):
            s = by_key[r["key"]]
            for col in ("descriptors", "affiliations"):
                for span in json.loads(r[col] or "[]"):
                    roles[r["key"]][" ".join(span["text"].split())] += 1
            for col, out in (("country", "countries"), ("sector", "sectors")):
                if r[col] and r[col] not in s[out]:
                    s[out].append(r[col])
        for k, c in roles.items():
            by_key[k]["roles"] = [t for t, _ in c.most_common(8)]
        for r in self.rows(
            f"""SELECT * FROM (
                  SELECT {qkey} AS speaker, q.id, q.article_id, a.title AS article_title,
                         a.date AS article_date, q.cue_text, q.content_text, {self._parts_sql},
                         q.quote_type,
                         row_number() OVER (PARTITION BY {qkey}
                             ORDER BY a.date DESC NULLS LAST, q.id) AS rn
                  FROM quotes q JOIN articles a ON a.id = q.article_id
                  WHERE {qkey} IN (SELECT unnest(?::VARCHAR[])))
                WHERE rn <= ? ORDER BY speaker, rn""",
            [keys, per_speaker],
        ):
            by_key[r["speaker"]]["quotes"].append(_with_parts(r))
        for r in self.rows(
            f"""SELECT {ekey} AS speaker, st.id, st.article_id, st.relation, st.cue_text,
                   st.evidence_text, st.evidence_start_char, st.evidence_end_char,
                   coalesce(t.name, st.to_entity) AS to_name
                FROM stances st
                JOIN entities en ON en.id = st.from_entity
                LEFT JOIN entities t ON t.id = st.to_entity
                WHERE {ekey} IN (SELECT unnest(?::VARCHAR[]))
                ORDER BY speaker, st.article_id, st.evidence_start_char, st.id""",
            [keys],
        ):
            by_key[r["speaker"]]["stances"].append(r)
        return speakers

    # -- time and place --------------------------------------------------------------------------

    def timeline(self, flt: EventFilter | None = None, unit: str = "auto") -> dict[str, Any]:
        """Events per period and PLOVER type.

        Args:
            flt: optional event filter.
            unit: ``day``, ``week``, ``month`` or ``auto`` (day up to 62 days, week up to two
                years, else month).

        Returns:
            ``{"unit", "periods": [{start, end}], "series": [{plover_type, counts: [n per
            period]}]}``; ``end`` is the period's last day.
        """
        where, params = (flt or EventFilter()).where()
        rows = self.rows(
            f"""SELECT substr({_DATE}, 1, 10) AS d, e.plover_type, count(*) AS n
                FROM events e JOIN articles a ON a.id = e.article_id{where}
                GROUP BY 1, 2""",
            params,
        )
        dated = []
        for r in rows:
            try:
                dated.append((dt.date.fromisoformat(r["d"]), r["plover_type"], int(r["n"])))
            except (TypeError, ValueError):
                continue
        if not dated:
            return {"unit": "day" if unit == "auto" else unit, "periods": [], "series": []}
        lo = min(d for d, _, _ in dated)
        hi = max(d for d, _, _ in dated)
        if unit not in ("day", "week", "month"):
            span = (hi - lo).days
            unit = "day" if span <= 62 else "week" if span <= 730 else "month"
        starts = []
        cur = _bucket(lo, unit)
        while cur <= hi:
            starts.append(cur)
            cur = _next(cur, unit)
        index = {s: i for i, s in enumerate(starts)}
        series: dict[str, list[int]] = {}
        for d, t, n in dated:
            series.setdefault(t, [0] * len(starts))[index[_bucket(d, unit)]] += n
        order = sorted(series, key=lambda t: (-sum(series[t]), t))
        return {
            "unit": unit,
            "periods": [
                {"start": s.isoformat(), "end": (_next(s, unit) - dt.timedelta(days=1)).isoformat()}
                for s in starts
            ],
            "series": [{"plover_type": t, "counts": series[t]} for t in order],
        }

    def places(self, flt: EventFilter | None = None) -> list[dict[str, Any]]:
        """Event locations with coordinates: ``[{name, country, admin1, lat, lon, n_events,
        types: {plover_type: n}}]``, most events first."""
        where, params = (flt or EventFilter()).where()
        extra = " AND " if where else " WHERE "
        rows = self.rows(
            f"""SELECT e.location_name AS name, e.location_country AS country,
                   max(e.location_admin1) AS admin1, round(e.location_lat, 3) AS lat,
                   round(e.location_lon, 3) AS lon, e.plover_type, count(*) AS n
                FROM events e JOIN articles a ON a.id = e.article_id{where}{extra}
                e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL
                GROUP BY 1, 2, 4, 5, 6""",
            params,
        )
        out: dict[tuple, dict[str, Any]] = {}
        for r in rows:
            k = (r["name"], r["country"], r["lat"], r["lon"])
            p = out.setdefault(
                k,
                {
                    "name": r["name"],
                    "country": r["country"],
                    "admin1": r["admin1"],
                    "lat": r["lat"],
                    "lon": r["lon"],
                    "n_events": 0,
                    "types": {},
                },
            )
            p["admin1"] = p["admin1"] or r["admin1"]
            p["n_events"] += int(r["n"])
            p["types"][r["plover_type"]] = int(r["n"])
        return sorted(out.values(), key=lambda p: (-p["n_events"], p["name"] or ""))
