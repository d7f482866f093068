"""Export to ACLED's CSV columns.

Source: ACLED Codebook (Armed Conflict Location & Event Data Project, 2023), "ACLED Data
Columns at a Glance": column names and order of the standard export (``event_id_cnty`` …
``timestamp``), the ``inter`` actor-type codes (1 state forces, 2 rebel groups, 3 political
militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces),
``interaction`` (the two codes lowest first; a sole actor's code followed by 0, "60"),
``disorder_type``, ``civilian_targeting``, ``time_precision`` (1 day, 2 week, 3 month) and
``geo_precision`` (1 town, 2 part of a region or near a town, 3 a larger region).

By default one row per deduplicated event cluster (ACLED records one real event once), and only
for events that have an ACLED event type: ACLED codes political violence, demonstrations and
strategic developments, not diplomatic calls, statements or aid (``acled_only=False`` keeps every
factual event, their ``event_type``/``sub_event_type`` empty).

The actor columns follow ACLED, not the PLOVER source/target
(``wirewatch.export._acled_actors``): a demonstration's crowd is "Protesters (Country)" /
"Rioters (Country)" with a named group in ``assoc_actor_1``; what a protest is against is no
actor (a peaceful protest is interaction 60); only an intervening force (protest with
intervention, excessive force) or the people a riot acts on are ``actor2``.
``civilian_targeting`` is "Civilian targeting" for a political-violence event with civilians
(inter 7) as an actor, else empty. ``fatalities`` is the largest reported ``killed`` count, 0
when none is given (ACLED's convention); ``notes`` is the event's evidence sentence; ``source``
the article's title, else its URL host or source id; ``timestamp`` the Unix time the first
report of the event was stored. ``region``, ``admin2``, ``admin3``, ``source_scale`` and
``tags`` are empty.

Dates. ACLED codes an event on the date it happened. ``event_date`` is ISO 8601 (YYYY-MM-DD, as
ACLED's API gives it): the date the text gives the event, with ``time_precision`` from that
phrase (1 a day, 2 a week, 3 a month or only the year); an event the text gives no date is
dated by the report's publication date with ``time_precision`` 2, since the report bounds it to
the days before it but not to the day. A past event (``historical``: "the 10th anniversary of
a massacre") whose text gives no date of its own cannot be dated at all and is **left out**:
the publication date is not when it happened (``wirewatch.export._frame``).
"""

from __future__ import annotations

import json
import re
from datetime import UTC
from typing import IO, Any

from wirewatch.export._acled_actors import acled_actors, disorder_type
from wirewatch.export._codes import country_name, iso_numeric
from wirewatch.export._frame import Level, event_rows
from wirewatch.store.db import Store

__all__ = ["ACLED_COLUMNS", "acled_rows", "to_acled", "write_acled"]

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip

# ACLED time_precision: 1 the day is known, 2 a week (or weekend), 3 a month (ACLED codes
# nothing vaguer, so a year-only date is also 3); geo_precision: 1 a town, 2 part of a region
# or near a town, 3 a larger region (a province, admin1) or only the country
_TIME = {"day": 1, "week": 2, "month": 3, "year": 3}
# an event dated only by the report that tells it happened within the days before it
_REPORT_WEEK = 2
_GEO = {"city": 1, "admin1": 3, "country": 3}


def _unix(t: Any) -> int | None:
    """Unix time (seconds) of a stored UTC timestamp (naive datetimes are UTC), or None."""
    if t is None:
        return None
    return int((t if t.tzinfo else t.replace(tzinfo=UTC)).timestamp())


def _time_precision(r: dict[str, Any], date: str | None) -> int | None:
    """ACLED ``time_precision`` of a row dated ``date``: the text's own date phrase decides
    (day 1, week 2, month or year 3); a date that is only the publication date is 2."""
    if date is None:
        return None
    if not r["date_from_text"]:
        return _REPORT_WEEK
    return _TIME.get(r["date_precision"] or "", 1)


def acled_rows(
    store: Store, level: Level = "clusters", *, acled_only: bool = True
) -> list[dict[str, Any]]:
    """ACLED rows as dicts keyed by ``ACLED_COLUMNS``, one per factual event or cluster.

    ``acled_only`` (default) leaves out events with no ACLED event type (e.g. a PLOVER CONSULT).
    A past event (``historical``) whose text gives no date is always left out (module
    docstring: ACLED codes an event on the date it happened).
    """
    out = []
    for r in event_rows(store, level, factual_only=True):
        if acled_only and not r["acled_event_type"]:
            continue
        if r["historical"] and not r["date_from_text"]:
            continue
        iso3 = r["location_country"] or r["source_actor_country"]
        act = acled_actors(r, iso3)
        disorder = disorder_type(r["acled_event_type"], r["acled_sub_event_type"])
        added = r.get("added_at")
        date = str(r["event_date"])[:10] if r["event_date"] else None
        evidence = json.loads(r["evidence"]) if r["evidence"] else []
        host = re.match(r"^[A-Za-z]+://([^/]+)", r["article_url"] or "")
        out.append(
            {
                "event_id_cnty": f"{iso3 or 'XXX'}{int(r['id'].split('_', 1)[1][:8], 16)}",
                "event_date": date,
                "year": int(date[:4]) if date else None,
                "time_precision": _time_precision(r, date),
                "disorder_type": disorder,
                "event_type": r["acled_event_type"],
                "sub_event_type": r["acled_sub_event_type"],
                "actor1": act.actor1,
                "assoc_actor_1": act.assoc_actor_1,
                "inter1": act.inter1,
                "actor2": act.actor2,
                "assoc_actor_2": act.assoc_actor_2,
                "inter2": act.inter2,
                "interaction": act.interaction,
                "civilian_targeting": (
                    "Civilian targeting"
                    if 7 in (act.inter1, act.inter2) and disorder and "Political" in disorder
                    else None
                ),
                "iso": iso_numeric(iso3),
                "country": country_name(iso3),
                "admin1": r["location_admin1"],
                "location": r["location_name"],
                "latitude": r["location_lat"],
                "longitude": r["location_lon"],
                "geo_precision": _GEO.get(r["location_precision"] or ""),
                "source": r["article_title"] or (host[1] if host else r["article_source_id"]),
                "notes": evidence[0]["text"] if evidence else None,
                "fatalities": int(r["killed"]) if r["killed"] is not None else 0,
                "timestamp": _unix(added),
            }
        )
    return out


def to_acled(store: Store, level: Level = "clusters", *, acled_only: bool = True) -> Any:
    """The ACLED table as a pandas DataFrame with ``ACLED_COLUMNS`` (see ``acled_rows``)."""
    import pandas as pd

    return pd.DataFrame(
        acled_rows(store, level, acled_only=acled_only), columns=list(ACLED_COLUMNS)
    )


def write_acled(store: Store, out: IO[str], level: Level = "clusters") -> int:
    """Write the ACLED CSV (with header). Returns the number of rows."""
    df = to_acled(store, level)
    for c in (
        "year",
        "time_precision",
        "inter1",
        "inter2",
        "interaction",
        "iso",
        "geo_precision",
        "fatalities",
        "timestamp",
    ):
        df[c] = df[c].astype("Int64")
    df.to_csv(out, index=False, lineterminator="\n")
    return len(df)
