"""Export to the GDELT 2.0 event table: 61 tab-separated columns, no header.

Source: "The GDELT Event Database Data Format Codebook V2.0" (GDELT Project, 2015), column order
of the 2.0 event table (``*.export.CSV``). Columns wirewatch has no value for are empty.

Mapping, by default one row per deduplicated event cluster (``level="clusters"``, which is what
GDELT's ``NumMentions``/``NumSources``/``NumArticles`` count), or one per extracted event:

* ``GLOBALEVENTID``: the first 60 bits of the cluster (or event) id hash, as an integer.
* ``SQLDATE``/``MonthYear``/``Year``/``FractionDate``: the codebook's "date the event took
  place": the date the text gives the event, else the article's publication date, which is how
  GDELT itself dates an event reported without a date; an article with no publication date
  either (a bare text file) gets the day it was stored (``DATEADDED``), as GDELT dates a report
  by the day it saw it, since SQLDATE may not be empty; ``FractionDate`` = year +
  day-of-year / 365. A past
  event (``historical``: "the anniversary of a massacre") whose text gives no date of its own
  has no date GDELT could record and is left out: its publication date is not the day it took
  place.
* ``Actor1Code``: CAMEO-style country + sector (``KAZCOP``); ``Actor1Name``: the actor's name in
  upper case; ``Actor1CountryCode``: ISO alpha-3; ``Actor1Type1Code``: the sector.
* ``IsRootEvent``: 1 when the trigger lies in the article's first paragraph (before the first
  line break).
* ``EventCode``/``EventBaseCode``/``EventRootCode``: the CAMEO code and its 3- and 2-digit prefixes.
* ``NumMentions``/``NumArticles``: the cluster's ``n_mentions``/``n_articles``; ``NumSources``:
  distinct URL hosts among its articles.
* ``ActionGeo_*``: the event's location; ``Type`` 1 country, 4 world city, 5 world state (2/3 for
  US states/cities); ``CountryCode`` FIPS 10-4; ``ADM1Code`` only for country-level matches
  (GDELT's FIPS admin-1 codes are not in wirewatch's gazetteer). ``FeatureID`` is left empty:
  wirewatch's ids are GeoNames ids, not GDELT's GNS/GNIS ids. Actor geographies are empty.
* ``DATEADDED``: when the event's first report was stored (``inputs.added_at``, UTC,
  ``YYYYMMDDHHMMSS``); ``AvgTone`` is empty; ``SOURCEURL`` is the article URL, else its source id.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import IO, Any

from wirewatch.export._codes import fips
from wirewatch.export._frame import Level, event_rows
from wirewatch.store.db import Store

__all__ = ["GDELT_COLUMNS", "gdelt_rows", "to_gdelt", "write_gdelt"]

_ACTOR = (
    "Code Name CountryCode KnownGroupCode EthnicCode Religion1Code Religion2Code "
    "Type1Code Type2Code Type3Code"
).split()
_GEO = "Type FullName CountryCode ADM1Code ADM2Code Lat Long FeatureID".split()

GDELT_COLUMNS: tuple[str, ...] = (
    ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{c}" for c in _ACTOR)
    + tuple(f"Actor2{c}" for c in _ACTOR)
    + (
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    )
    + tuple(f"Actor1Geo_{c}" for c in _GEO)
    + tuple(f"Actor2Geo_{c}" for c in _GEO)
    + tuple(f"ActionGeo_{c}" for c in _GEO)
    + ("DATEADDED", "SOURCEURL")
)
assert len(GDELT_COLUMNS) == 61

_GEO_TYPE = {"country": 1, "admin1": 5, "city": 4}


def _actor(prefix: str, name: str | None, country: str | None, sector: str | None) -> dict:
    code = f"{country or ''}{sector or ''}" or None
    return {
        f"{prefix}Code": code,
        f"{prefix}Name": name.upper() if name else None,
        f"{prefix}CountryCode": country,
        f"{prefix}Type1Code": sector,
    }


def _geo(r: dict[str, Any]) -> dict[str, Any]:
    prec = r["location_precision"]
    if not r["location_name"] or prec in (None, "unresolved"):
        return {}
    gtype = _GEO_TYPE.get(prec)
    if r["location_country"] == "USA" and gtype in (4, 5):
        gtype = 3 if gtype == 4 else 2
    parts: list[str] = []
    for p in (r["location_name"], r["location_admin1"]):
        if p and p not in parts:
            parts.append(p)
    from wirewatch.export._codes import country_name

    cname = country_name(r["location_country"])
    if cname and cname not in parts:
        parts.append(cname)
    cc = fips(r["location_country"])
    return {
        "ActionGeo_Type": gtype,
        "ActionGeo_FullName": ", ".join(parts),
        "ActionGeo_CountryCode": cc,
        "ActionGeo_ADM1Code": cc if prec == "country" else None,
        "ActionGeo_Lat": r["location_lat"],
        "ActionGeo_Long": r["location_lon"],
    }


def _gid(id_: str) -> int:
    return int(id_.split("_", 1)[1][:15], 16)


def gdelt_rows(store: Store, level: Level = "clusters") -> list[dict[str, Any]]:
    """GDELT rows as dicts keyed by ``GDELT_COLUMNS`` (missing keys = no value), one per
    factual event or cluster; a past event with no date of its own is left out (module
    docstring)."""
    out = []
    for r in event_rows(store, level, factual_only=True):
        if r["historical"] and not r["date_from_text"]:
            continue
        row: dict[str, Any] = {"GLOBALEVENTID": _gid(r["id"])}
        try:
            d = dt.date.fromisoformat(str(r["event_date"])[:10]) if r["event_date"] else None
        except ValueError:
            d = None
        if d is None and r["added_at"]:
            d = r["added_at"].date()  # no date in the text or metadata: the day it was seen
        if d:
            row.update(
                SQLDATE=d.strftime("%Y%m%d"),
                MonthYear=d.strftime("%Y%m"),
                Year=d.year,
                FractionDate=f"{d.year + d.timetuple().tm_yday / 365:.4f}",
            )
        row.update(
            _actor(
                "Actor1",
                r["source_actor_name"],
                r["source_actor_country"],
                r["source_actor_sector"],
            )
        )
        row.update(
            _actor(
                "Actor2",
                r["target_actor_name"],
                r["target_actor_country"],
                r["target_actor_sector"],
            )
        )
        cameo = r["cameo_code"]
        row.update(
            IsRootEvent=r["is_root"],
            EventCode=cameo,
            EventBaseCode=cameo[:3] if cameo else None,
            EventRootCode=cameo[:2] if cameo else None,
            QuadClass=r["quad_class"],
            GoldsteinScale=r["goldstein"],
            NumMentions=r["n_mentions"],
            NumSources=r["n_sources"],
            NumArticles=r["n_articles"],
            SOURCEURL=r["article_url"] or r["article_source_id"],
            DATEADDED=r["added_at"].strftime("%Y%m%d%H%M%S") if r["added_at"] else None,
        )
        row.update(_geo(r))
        out.append(row)
    return out


def _cell(v: Any) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return str(int(v)) if not isinstance(v, bool) else str(v)
    return " ".join(str(v).split()) if isinstance(v, str) else str(v)


def to_gdelt(store: Store, level: Level = "clusters") -> Any:
    """The GDELT table as a pandas DataFrame with the 61 columns in order (strings, '' = none)."""
    import pandas as pd

    rows = gdelt_rows(store, level)
    return pd.DataFrame(
        [[_cell(r.get(c)) for c in GDELT_COLUMNS] for r in rows], columns=list(GDELT_COLUMNS)
    )


def write_gdelt(store: Store, out: IO[str], level: Level = "clusters") -> int:
    """Write the GDELT table (tab-separated, no header). Returns the number of rows."""
    n = 0
    for r in gdelt_rows(store, level):
        out.write("\t".join(_cell(r.get(c)) for c in GDELT_COLUMNS) + "\n")
        n += 1
    return n
