"""Comma-delimited clauses that the PETRARCH-style coder drops before coding.

PETRARCH removes short comma-delimited clauses from its parse before it looks for events:
the initial clause (before the first comma) when it has ``bmin``..``bmax`` words, the final
one (after the last comma) when it has ``emin``..``emax`` words, and each internal one (between
two commas) of ``min``..``max`` words; a max of 0 switches that kind off. Only complete
phrases inside the clause go, so a clause that holds the head of the rest of the sentence is
kept. wirewatch applies the same lengths to the spaCy parse and drops a clause only when it
is one constituent hanging off the rest (", the state's fiercest foe,") or a final attribution
(", a senior official said."), never an item of a list.

Source: PETRARCH ``PETR_config.ini`` (comma_min ... comma_emax) and ``check_commas()``.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from wirewatch.ontology.petrarch._sentence import in_list

__all__ = ["CommaLimits", "dropped_clauses"]


class CommaLimits(NamedTuple):
    """Lengths (in words) of comma-delimited clauses that are dropped before coding: internal
    clauses of ``min``..``max`` words, the initial one of ``bmin``..``bmax``, the final one of
    ``emin``..``emax``; a max of 0 switches that kind off. Defaults are TABARI's/PETRARCH's
    (2-8 internal, initial off, 2-8 final): they drop parentheticals such as ", the state's
    fiercest foe," and trailing attributions such as ", officials said."

    Source: PETRARCH ``PETR_config.ini`` documentation (comma_min ... comma_emax).
    """

    min: int = 2
    max: int = 8
    bmin: int = 0
    bmax: int = 0
    emin: int = 2
    emax: int = 8


def dropped_clauses(toks: list[Any], lim: CommaLimits) -> set[int]:
    """Doc token indices of the comma-delimited clauses of ``toks`` (one sentence) that ``lim``
    drops."""
    commas = [k for k, t in enumerate(toks) if t.text == ","]
    if not commas:
        return set()
    end = len(toks)
    while end > 0 and toks[end - 1].is_punct:
        end -= 1
    bounds = [(0, commas[0], "b")]
    bounds += [(a + 1, b, "m") for a, b in zip(commas, commas[1:], strict=False)]
    bounds.append((commas[-1] + 1, end, "e"))
    out: set[int] = set()
    for a, b, kind in bounds:
        lo, hi = {
            "b": (lim.bmin, lim.bmax),
            "m": (lim.min, lim.max),
            "e": (lim.emin, lim.emax),
        }[kind]
        n = sum(1 for t in toks[a:b] if not t.is_punct)
        ids = {t.i for t in toks[a:b]}
        if hi > 0 and lo <= n <= hi and _parenthetical(toks[a:b], ids, kind == "e"):
            out.update(t.i for t in toks[a:b])
    return out


def _parenthetical(seg: list[Any], ids: set[int], final: bool) -> bool:
    """A comma-delimited segment that can be dropped: one constituent hanging off the rest
    (", the state's fiercest foe,") or a final attribution (", a senior official said."),
    and not an item of a list."""
    words = [t for t in seg if not t.is_punct]
    if not words or any(in_list(t) for t in words):
        return False
    external = [t for t in words if t.head.i not in ids or t.head.i == t.i]
    inward = [c for t in words for c in t.children if c.i not in ids and not c.is_punct]
    if len(external) == 1 and external[0].dep_ != "ROOT" and not inward:
        return True
    return (
        final
        and any(t.dep_ == "ROOT" for t in words)
        and all(c.dep_ in ("ccomp", "parataxis") for c in inward)
    )
