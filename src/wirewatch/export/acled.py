"""Export to ACLED's CSV columns.

Source: ACLED Codebook (Armed Conflict Location & Event Data Project, 2023): column names and
order of the standard export (``event_id_cnty`` … ``timestamp``), the ``inter`` actor-type codes
(1 state forces, 2 rebel groups, 3 political militias, 4 identity militias, 5 rioters,
6 protesters, 7 civilians, 8 external/other forces), ``time_precision`` (1 day, 2 week,
3 month or coarser) and ``geo_precision`` (1 town, 2 part of a region, 3 region or country).

By default one row per deduplicated event cluster (ACLED records one real event once), and only
for events that have an ACLED event type: ACLED codes political violence, demonstrations and
strategic developments, not diplomatic calls, statements or aid (``acled_only=False`` keeps every
factual event, their ``event_type``/``sub_event_type`` empty).
An implied actor (``ActorRef.implied``: the unnamed crowd of a protest, riot or strike) is
written in ACLED's form for one, "Protesters (Kazakhstan)" / "Rioters (Kazakhstan)"; the crowd of
a Riots event is inter 5 (rioters), of any other demonstration inter 6 (protesters).
``fatalities`` is the largest reported ``killed`` count, 0 when none is given
(ACLED's convention); ``notes`` is the event's evidence sentence; ``source`` the article's title,
else its URL host or source id. ``region``, ``admin2``, ``admin3``, ``assoc_actor_*``,
``source_scale``, ``tags`` and ``timestamp`` are empty.
"""

from __future__ import annotations

import json
import re
from typing import IO, Any

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

_INTER = {"MIL": 1, "COP": 1, "GOV": 1, "SPY": 1, "REB": 2, "INS": 2, "SEP": 2, "UAF": 3}
_CIVILIAN = {"CVL", "MED", "EDU", "HLH", "REF", "BUS", "LAB", "REL", "AGR", "ELI", "SOC"}
_DISORDER = {
    "Battles": "Political violence",
    "Violence against civilians": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Riots": "Political violence; Demonstrations",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
_TIME = {"day": 1, "week": 2, "month": 3, "year": 3}
_GEO = {"city": 1, "admin1": 2, "country": 3}


def _inter(sector: str | None, protest: bool, riot: bool = False) -> int | None:
    """ACLED inter code of an actor; in a demonstration (``protest``) the civilian crowd is
    rioters (5) in an ACLED Riots event (``riot``), else protesters (6)."""
    if protest and sector in (None, "CVL", "OPP", "LAB", "EDU"):
        return 5 if riot else 6
    if sector in _INTER:
        return _INTER[sector]
    if sector in _CIVILIAN:
        return 7
    return 8 if sector else None


def _actor_name(
    name: str | None, country: str | None, sector: str | None, implied: bool = False
) -> str | None:
    """ACLED actor name: the actor's name; an implied crowd ("protesters", ``ActorRef.implied``)
    in ACLED's own form, "Protesters (Kazakhstan)" (ACLED Codebook, "Actor names"); for a
    nameless actor its country and sector."""
    if name and implied:
        where = country_name(country)
        return f"{name[:1].upper()}{name[1:]}" + (f" ({where})" if where else "")
    if name:
        return name
    if country or sector:
        return " ".join(x for x in (country_name(country), sector) if x)
    return None


def acled_rows(
    store: Store, level: Level = "clusters", *, acled_only: bool = True
) -> list[dict[str, Any]]:
    """ACLED rows as dicts keyed by ``ACLED_COLUMNS``, one per factual event or cluster.

    ``acled_only`` (default) leaves out events with no ACLED event type (e.g. a PLOVER CONSULT).
    """
    out = []
    for r in event_rows(store, level, factual_only=True):
        if acled_only and not r["acled_event_type"]:
            continue
        protest = r["plover_type"] == "PROTEST" or r["acled_event_type"] in ("Protests", "Riots")
        riot = r["acled_event_type"] == "Riots"
        i1 = _inter(r["source_actor_sector"], protest, riot)
        i2 = _inter(r["target_actor_sector"], False) if r["target_actor_name"] else None
        iso3 = r["location_country"] or r["source_actor_country"]
        date = str(r["event_date"])[:10] if r["event_date"] else None
        evidence = json.loads(r["evidence"]) if r["evidence"] else []
        host = re.match(r"^[A-Za-z]+://([^/]+)", r["article_url"] or "")
        out.append(
            {
                "event_id_cnty": f"{iso3 or 'XXX'}{int(r['id'].split('_', 1)[1][:8], 16)}",
                "event_date": date,
                "year": int(date[:4]) if date else None,
                "time_precision": _TIME.get(r["date_precision"] or "", 1 if date else None),
                "disorder_type": _DISORDER.get(r["acled_event_type"] or ""),
                "event_type": r["acled_event_type"],
                "sub_event_type": r["acled_sub_event_type"],
                "actor1": _actor_name(
                    r["source_actor_name"],
                    r["source_actor_country"],
                    r["source_actor_sector"],
                    bool(r["source_actor_implied"]),
                ),
                "inter1": i1,
                "actor2": _actor_name(
                    r["target_actor_name"],
                    r["target_actor_country"],
                    r["target_actor_sector"],
                    bool(r["target_actor_implied"]),
                ),
                "inter2": i2,
                "interaction": int(f"{min(i1, i2)}{max(i1, i2)}") if i1 and i2 else i1,
                "civilian_targeting": "Civilian targeting" if i2 == 7 else None,
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
    ):
        df[c] = df[c].astype("Int64")
    df.to_csv(out, index=False, lineterminator="\n")
    return len(df)
