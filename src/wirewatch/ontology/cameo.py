"""CAMEO 1.1b3 event codes: names, QuadClass, Goldstein scores and the CAMEO -> PLOVER 0.8 table.

Sources:
    * CAMEO manual 1.1b3 (Schrodt 2012) for codes and names; QuadClass as used by GDELT
      (1 verbal cooperation 01-05, 2 material cooperation 06-09, 3 verbal conflict 10-14,
      4 material conflict 15-20).
    * Goldstein, J. S. (1992) "A Conflict-Cooperation Scale for WEIS Events Data", as adapted to
      CAMEO and published by GDELT (CAMEO.goldsteinscale.txt): ``resources/cameo_codes.tsv``.
    * CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8, CC BY-SA 4.0): ``resources/cameo2plover.tsv``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from wirewatch.ontology._tables import read_tsv

__all__ = ["PloverCode", "name", "goldstein", "quad_class", "to_plover", "codes"]


class PloverCode(NamedTuple):
    """The PLOVER 0.8 reading of one CAMEO code."""

    plover_type: str
    plover_mode: str | None
    context: tuple[str, ...]


@lru_cache(maxsize=1)
def _codes() -> dict[str, tuple[float, str]]:
    return {r["cameo"]: (float(r["goldstein"]), r["name"]) for r in read_tsv("cameo_codes.tsv")}


@lru_cache(maxsize=1)
def _c2p() -> dict[str, PloverCode]:
    out = {}
    for r in read_tsv("cameo2plover.tsv"):
        ctx = tuple(c for c in r["context"].split(";") if c)
        out[r["cameo"]] = PloverCode(r["plover_type"], r["plover_mode"] or None, ctx)
    return out


def codes() -> list[str]:
    """Every CAMEO code with a Goldstein score, in table order."""
    return list(_codes())


def _clean(code: str | None) -> str | None:
    if code is None:
        return None
    code = str(code).strip()
    return code if code.isdigit() and 2 <= len(code) <= 4 else None


def name(code: str) -> str | None:
    """The CAMEO name of ``code`` ("173" -> "Arrest, detain, or charge with legal action")."""
    c = _clean(code)
    return _codes()[c][1] if c in _codes() else None


def goldstein(code: str) -> float | None:
    """Goldstein score (-10..10) of a CAMEO code; a 4-digit code falls back to its 3-digit parent,
    then to its root. None for an unknown code."""
    c = _clean(code)
    while c:
        if c in _codes():
            return _codes()[c][0]
        c = c[:-1] if len(c) > 2 else None
    return None


def quad_class(code: str) -> int | None:
    """CAMEO QuadClass of a code from its two-digit root; None if not a CAMEO code."""
    c = _clean(code)
    if c is None:
        return None
    root = int(c[:2])
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 9:
        return 2
    if 10 <= root <= 14:
        return 3
    if 15 <= root <= 20:
        return 4
    return None


def to_plover(code: str) -> PloverCode | None:
    """PLOVER 0.8 type, mode and context of a CAMEO code per CAMEO2PLOVER-2021 (a 4-digit code
    not in the table falls back to its parent). None for CAMEO 01/02 and unknown codes."""
    c = _clean(code)
    while c:
        if c in _c2p():
            return _c2p()[c]
        c = c[:-1] if len(c) > 3 else None
    return None
