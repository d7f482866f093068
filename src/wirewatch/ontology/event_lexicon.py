"""The event-trigger lexicon: trigger lemmas with argument conditions -> CAMEO / PLOVER / ACLED.

Source: ``resources/event_lexicon.tsv`` (CAMEO manual 1.1b3 verb patterns, PLOVER manual draft
0.8 definitions, ACLED codebook names; compiled for wirewatch -- its header explains the choices).
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from wirewatch.ontology import cameo, plover
from wirewatch.ontology._tables import read_tsv

__all__ = ["Condition", "TriggerEntry", "lexicon", "entries_for"]


class Condition(NamedTuple):
    """One argument condition: ``kind`` in prep/obj/subj/mod/prev/noobj/xcomp/ccomp/gov/comp,
    accepted lemmas (in obj/subj lists an upper-case item is a spaCy entity label, "PERSON"), and
    for ``prep:from>a|b`` and ``comp:suspend>publication`` the lemmas the object must have."""

    kind: str
    lemmas: frozenset[str]
    obj_lemmas: frozenset[str] = frozenset()


class TriggerEntry(NamedTuple):
    """One lexicon row."""

    lemma: str
    verb: bool
    noun: bool
    conditions: tuple[Condition, ...]
    cameo: str | None
    plover_type: str
    plover_mode: str | None
    count_kind: str | None
    roles: dict[str, str]
    acled_type: str | None
    acled_sub_event_type: str | None
    weight: float


def _parse_cond(text: str) -> tuple[Condition, ...]:
    out = []
    for part in text.split(";"):
        part = part.strip()
        if not part or part == "-":
            continue
        if part == "noobj":
            out.append(Condition("noobj", frozenset()))
            continue
        kind, _, rest = part.partition(":")
        lemmas, _, objs = rest.partition(">")
        out.append(
            Condition(
                kind,
                frozenset(w for w in lemmas.split("|") if w),
                frozenset(w for w in objs.split("|") if w),
            )
        )
    return tuple(out)


@lru_cache(maxsize=1)
def lexicon() -> tuple[TriggerEntry, ...]:
    """Every lexicon row, in file order (first matching row wins).

    Raises:
        ValueError: a row names a PLOVER type/mode that is not PLOVER 0.8, or a CAMEO code
            without a Goldstein score (the lexicon file is broken).
    """
    out = []
    for r in read_tsv("event_lexicon.tsv"):
        ptype, mode = r["plover_type"], r["plover_mode"] or None
        if not plover.is_valid(ptype, mode):
            raise ValueError(
                f"event_lexicon.tsv: {ptype}/{mode} (lemma {r['lemma']!r}) is not PLOVER 0.8; "
                "fix the row (see resources/plover_modes.tsv)"
            )
        code = r["cameo"] or None
        if code is not None and cameo.goldstein(code) is None:
            raise ValueError(
                f"event_lexicon.tsv: unknown CAMEO code {code!r} (lemma {r['lemma']!r}); "
                "use a code listed in resources/cameo_codes.tsv"
            )
        roles = {}
        for item in r["roles"].split(","):
            k, _, v = item.partition("=")
            if k.strip() and v.strip():
                roles[k.strip()] = v.strip()
        out.append(
            TriggerEntry(
                lemma=r["lemma"].lower(),
                verb="V" in r["pos"],
                noun="N" in r["pos"],
                conditions=_parse_cond(r["cond"]),
                cameo=code,
                plover_type=ptype,
                plover_mode=mode,
                count_kind=r["count_kind"] or None,
                roles=roles,
                acled_type=r["acled_type"] or None,
                acled_sub_event_type=r["acled_sub"] or None,
                weight=float(r["weight"] or 0.5),
            )
        )
    return tuple(out)


@lru_cache(maxsize=1)
def _by_lemma() -> dict[str, tuple[TriggerEntry, ...]]:
    idx: dict[str, list[TriggerEntry]] = {}
    for e in lexicon():
        idx.setdefault(e.lemma, []).append(e)
    return {k: tuple(v) for k, v in idx.items()}


def entries_for(lemma: str) -> tuple[TriggerEntry, ...]:
    """Lexicon rows for a lemma, in priority order (empty tuple if none)."""
    return _by_lemma().get(lemma.lower(), ())
