"""PLOVER 0.8 event types and modes, and the mapping of PLOVER 0.5b1 names to 0.8.

Source: PLOVER manual draft 0.8 (Schrodt et al., 17 September 2021; openeventdata/PLOVER,
CC BY-SA 4.0): chapter "Event Categories" (types, quad categories, mode tables) and table
"PLOVER conflict--cooperation scores". Data in ``resources/plover_types.tsv`` and
``resources/plover_modes.tsv``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from wirewatch.ontology._tables import read_tsv

__all__ = [
    "PloverType",
    "event_types",
    "modes",
    "is_valid",
    "quad_class",
    "score",
    "from_v05",
    "V05_TO_V08",
]


class PloverType(NamedTuple):
    """One PLOVER 0.8 event type."""

    name: str
    quad_class: int
    score: float
    definition: str


#: PLOVER 0.5b1 event names that changed in 0.8 -> (0.8 type, 0.8 mode or None).
#: Source: /shared/data/README (PLOVER gold records) and the 0.8 manual's ACCUSE chapter.
V05_TO_V08: dict[str, tuple[str, str | None]] = {
    "DEMAND": ("REQUEST", None),
    "DISAPPROVE": ("ACCUSE", "disapprove"),
    "INVESTIGATE": ("ACCUSE", "investigate"),
    "FIGHT": ("ASSAULT", None),
    "COOPERATION": ("COOPERATE", None),
}


@lru_cache(maxsize=1)
def event_types() -> dict[str, PloverType]:
    """The 16 PLOVER 0.8 event types by name, in the manual's order."""
    return {
        r["type"]: PloverType(r["type"], int(r["quad_class"]), float(r["score"]), r["definition"])
        for r in read_tsv("plover_types.tsv")
    }


@lru_cache(maxsize=1)
def _modes() -> dict[str, dict[str, float | None]]:
    out: dict[str, dict[str, float | None]] = {t: {} for t in event_types()}
    for r in read_tsv("plover_modes.tsv"):
        out.setdefault(r["type"], {})[r["mode"]] = float(r["score"]) if r["score"] else None
    return out


def modes(event_type: str) -> list[str]:
    """The modes PLOVER 0.8 defines for ``event_type`` (empty list when it has none)."""
    return list(_modes().get(event_type, {}))


def is_valid(event_type: str, mode: str | None = None) -> bool:
    """Whether ``event_type`` is a PLOVER 0.8 type and ``mode`` (if given) one of its modes."""
    if event_type not in event_types():
        return False
    return mode is None or mode in _modes().get(event_type, {})


def quad_class(event_type: str) -> int | None:
    """PLOVER quad category of a type: 1 verbal coop., 2 material coop., 3 verbal conflict,
    4 material conflict; None for an unknown type."""
    t = event_types().get(event_type)
    return t.quad_class if t else None


def score(event_type: str, mode: str | None = None) -> float | None:
    """PLOVER 0.8 conflict-cooperation score of a type (or type:mode), -10..10; None if unknown."""
    if mode:
        s = _modes().get(event_type, {}).get(mode)
        if s is not None:
            return s
    t = event_types().get(event_type)
    return t.score if t else None


def from_v05(name: str, mode: str | None = None) -> tuple[str, str | None]:
    """Map a PLOVER 0.5b1 event name (as in the PLOVER gold records) to (0.8 type, mode).

    Names unchanged between versions pass through with ``mode``.
    """
    key = name.strip().upper()
    if key in V05_TO_V08:
        new, new_mode = V05_TO_V08[key]
        return new, new_mode if new_mode is not None else (mode or None)
    return key, mode or None
