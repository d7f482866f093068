"""Loading the attribution and stance word lists kept as data in ``wirewatch.resources``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["reporting_verbs", "cue_phrases", "StanceCue", "stance_lexicon"]


def _lines(name: str) -> list[str]:
    text = resources.files("wirewatch.resources").joinpath(name).read_text(encoding="utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    """Lemmas of reporting verbs (``resources/reporting_verbs.txt``)."""
    return frozenset(ln.split("#")[0].strip().lower() for ln in _lines("reporting_verbs.txt"))


@lru_cache(maxsize=1)
def cue_phrases() -> dict[str, tuple[str, ...]]:
    """Multi-word cues by kind (``resources/cue_phrases.tsv``): ``{kind: (phrase, ...)}``."""
    out: dict[str, list[str]] = {}
    for ln in _lines("cue_phrases.tsv"):
        kind, phrase = ln.split("\t")
        out.setdefault(kind.strip(), []).append(phrase.strip().lower())
    return {k: tuple(v) for k, v in out.items()}


@dataclass(frozen=True)
class StanceCue:
    """One stance verb entry of ``resources/stance_cues.tsv``."""

    lemma: str
    object_word: str | None
    prep: str | None
    relation: str
    needs_claim: bool


@lru_cache(maxsize=1)
def stance_lexicon() -> tuple[dict[str, tuple[StanceCue, ...]], frozenset[str]]:
    """Stance verbs by lemma, and claim nouns (``resources/stance_cues.tsv``)."""
    verbs: dict[str, list[StanceCue]] = {}
    claims: set[str] = set()
    for ln in _lines("stance_cues.tsv"):
        cols = [c.strip() for c in ln.split("\t")]
        if cols[0] == "claim":
            claims.add(cols[1].lower())
        elif cols[0] == "verb":
            _, lemma, obj, prep, relation, needs = cols
            cue = StanceCue(
                lemma.lower(),
                None if obj == "-" else obj.lower(),
                None if prep == "-" else prep.lower(),
                relation,
                needs == "yes",
            )
            verbs.setdefault(cue.lemma, []).append(cue)
    return {k: tuple(v) for k, v in verbs.items()}, frozenset(claims)
