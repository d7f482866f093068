"""The one query every event export starts from: one row per event or per event cluster.

Dates. An event's ``event_date`` in the store is the date its own text gives (a date phrase,
``Event.date_span``), or NULL when the text gives none. The rows here carry:

* ``event_date``: that date, else the article's publication date -- except for an event flagged
  ``historical`` (an anniversary, an old habit, a date more than a year back) whose text gives no
  date: the publication date says nothing about when a past event happened, so its
  ``event_date`` stays None;
* ``date_from_text``: True when ``event_date`` is the event's own date from the text, False when
  it is the publication date (or there is none);
* ``date_precision``: the precision (day/week/month/year) of the text's date, None when the date
  is the publication date.

Each export decides what a publication date is worth in its own format (``acled``, ``gdelt``,
``plover``).
"""

from __future__ import annotations

from typing import Any, Literal

from wirewatch.store.db import Store

__all__ = ["Level", "event_rows"]

Level = Literal["events", "clusters"]

_EVENT_COLS = """
    e.plover_type, e.plover_mode, e.cameo_code, e.quad_class, e.acled_event_type,
    e.acled_sub_event_type, e.trigger_start_char, e.trigger_end_char, e.trigger_text,
    e.source_actor_text, e.source_actor_name, e.source_actor_country, e.source_actor_sector,
    e.target_actor_text, e.target_actor_name, e.target_actor_country, e.target_actor_sector,
    {implied},
    e.location_name, e.location_country, e.location_admin1, e.location_lat, e.location_lon,
    e.location_precision, e.location_geonameid, e.location_span_text, e.date_precision,
    e.negated, e.hypothetical, e.historical, e.confidence, e.evidence, e.article_id,
    a.url AS article_url, a.title AS article_title, a.source_id AS article_source_id,
    a.date AS article_date, a.language AS article_language,
    CASE WHEN strpos(a.text, chr(10)) = 0 OR e.trigger_start_char < strpos(a.text, chr(10))
         THEN 1 ELSE 0 END AS is_root,
    (SELECT max(c.value) FROM counts c WHERE c.event_id = e.id AND c.kind = 'killed') AS killed,
    (SELECT max(c.value) FROM counts c WHERE c.event_id = e.id AND c.kind = 'injured')
        AS injured,
    (SELECT max(c.value) FROM counts c WHERE c.event_id = e.id AND c.kind = 'arrested')
        AS arrested,
    (SELECT min(i.added_at) FROM inputs i WHERE i.article_id = e.article_id) AS added_at
"""

# the event's date from the text, else the publication date, except for a past (historical)
# event: the day it was reported on is not the day it happened
_DATE_SQL = (
    "CASE WHEN e.event_date IS NULL AND coalesce(e.historical, false) THEN NULL "
    "ELSE coalesce(e.event_date, a.date) END"
)

_EVENTS_SQL = f"""
SELECT e.id AS id, {_DATE_SQL} AS event_date, e.event_date IS NOT NULL AS date_from_text,
       e.goldstein,
       1 AS n_mentions, 1 AS n_articles, 1 AS n_sources, {_EVENT_COLS}
FROM events e LEFT JOIN articles a ON a.id = e.article_id
{{where}}
ORDER BY event_date NULLS LAST, e.id
"""

_CLUSTERS_SQL = f"""
WITH src AS (
    SELECT m.cluster_id,
           count(DISTINCT coalesce(
               nullif(regexp_extract(a.url, '^[A-Za-z]+://([^/]+)', 1), ''), a.id)) AS n_sources
    FROM event_cluster_members m JOIN articles a ON a.id = m.article_id
    GROUP BY m.cluster_id
)
SELECT k.cluster_id AS id, k.event_date, k.goldstein,
       k.n_mentions, k.n_articles, coalesce(src.n_sources, k.n_articles) AS n_sources,
       {_EVENT_COLS.replace("AS killed", "AS killed_rep")},
       k.fatalities AS killed_all, k.plover_mode AS cluster_mode,
       (SELECT e2.date_precision FROM event_cluster_members m2
        JOIN events e2 ON e2.id = m2.event_id
        WHERE m2.cluster_id = k.cluster_id AND substr(e2.event_date, 1, 10) = k.event_date
        ORDER BY CASE e2.date_precision WHEN 'day' THEN 0 WHEN 'week' THEN 1
                 WHEN 'month' THEN 2 ELSE 3 END
        LIMIT 1) AS cluster_date_precision,
       EXISTS (SELECT 1 FROM event_cluster_members m4 JOIN events e4 ON e4.id = m4.event_id
               WHERE m4.cluster_id = k.cluster_id AND substr(e4.event_date, 1, 10) = k.event_date)
           AS date_from_text,
       (SELECT min(i.added_at) FROM event_cluster_members m3
        JOIN inputs i ON i.article_id = m3.article_id
        WHERE m3.cluster_id = k.cluster_id) AS cluster_added_at
FROM event_clusters k
JOIN events e ON e.id = k.rep_event_id
LEFT JOIN articles a ON a.id = e.article_id
LEFT JOIN src ON src.cluster_id = k.cluster_id
{{where}}
ORDER BY k.event_date NULLS LAST, k.cluster_id
"""


_FACTUAL = "WHERE NOT coalesce(e.negated, false) AND NOT coalesce(e.hypothetical, false)"


def _implied_sql(store: Store) -> str:
    """The ``source_actor_implied``/``target_actor_implied`` columns (``ActorRef.implied``);
    false in a store written before the field, opened read-only."""
    if store.has_column("events", "source_actor_implied"):
        return (
            "coalesce(e.source_actor_implied, false) AS source_actor_implied, "
            "coalesce(e.target_actor_implied, false) AS target_actor_implied"
        )
    return "false AS source_actor_implied, false AS target_actor_implied"


def event_rows(
    store: Store, level: Level = "clusters", *, factual_only: bool = False
) -> list[dict[str, Any]]:
    """One dict per event (``level="events"``) or per deduplicated event cluster.

    ``factual_only`` leaves out negated and hypothetical events (GDELT, ACLED and the actor
    network record events that happened; PLOVER JSONL keeps them, flagged).

    For clusters, the fields are those of the cluster's representative event, with the cluster's
    date (its earliest), mean Goldstein, most frequent mode, largest ``killed`` count and
    ``n_mentions``/``n_articles``/``n_sources`` (distinct URL hosts, else articles).
    ``added_at`` is when the first report of the event was stored (``inputs.added_at``, UTC).
    ``source_actor_implied``/``target_actor_implied`` say an actor is implied by the event word,
    not named (``ActorRef.implied``). ``event_date`` (ISO 8601, or None for a past event the
    text gives no date), ``date_from_text`` (bool) and ``date_precision`` (the text's
    day/week/month/year, None for a publication date) are described in the module docstring.
    """
    sql = _CLUSTERS_SQL if level == "clusters" else _EVENTS_SQL
    sql = sql.replace("{where}", _FACTUAL if factual_only else "")
    sql = sql.replace("{implied}", _implied_sql(store))
    cur = store.con.execute(sql)
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    for r in rows:
        r["date_from_text"] = bool(r["date_from_text"])
        if level == "clusters":
            # the precision of the member whose own date is the cluster's date
            r["date_precision"] = r.pop("cluster_date_precision")
        elif not r["date_from_text"]:
            r["date_precision"] = None
    if level == "clusters":
        for r in rows:
            r["killed"] = r.pop("killed_all")
            r.pop("killed_rep", None)
            r["plover_mode"] = r.pop("cluster_mode")
            r["added_at"] = r.pop("cluster_added_at")
    return rows
