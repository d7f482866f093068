"""Loading the attribution and stance word lists kept as data in ``wirewatch.resources``."""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

__all__ = [
    "reporting_verbs",
    "cue_nouns",
    "cue_adjectives",
    "cue_phrases",
    "cue_lemma",
    "StanceCue",
    "stance_lexicon",
]


def _lines(name: str) -> list[str]:
    text = resources.files("wirewatch.resources").joinpath(name).read_text(encoding="utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    """Lemmas of reporting verbs (``resources/reporting_verbs.txt``)."""
    return frozenset(ln.split("#")[0].strip().lower() for ln in _lines("reporting_verbs.txt"))


@lru_cache(maxsize=1)
def cue_nouns() -> frozenset[str]:
    """Lemmas of nouns that can be attribution cues (``resources/cue_nouns.txt``).

    Returns:
        Lowercase noun lemmas ("claim", "criticism", "view"); see the file for its sources
        (PolNeAR guidelines, NomBank nominalizations of Levin's communication verbs).
    """
    return frozenset(ln.split("#")[0].strip().lower() for ln in _lines("cue_nouns.txt"))


@lru_cache(maxsize=1)
def cue_adjectives() -> frozenset[str]:
    """Lemmas of adjectives that can be attribution cues (``resources/cue_adjectives.txt``).

    Returns:
        Lowercase adjective lemmas ("confident", "critical"); see the file for its sources
        (PolNeAR guidelines, Quirk et al. 1985 on adjective complementation).
    """
    return frozenset(ln.split("#")[0].strip().lower() for ln in _lines("cue_adjectives.txt"))


def cue_lemma(tok: Token, known: Container[str]) -> str:
    """The lemma of ``tok`` to look up in a cue lexicon ``known``, repairing a dropped final "e".

    The small English lemmatizer strips a verb's final "e" with its suffix in some words
    ("hoped", "hopes", "hoping" -> "hop"; "rated" -> "rat"). When the lemma as given is not in
    ``known`` but the lemma plus "e" is, and the word form shows that "e" ("hope|d", "hope|s") or
    is the lemma plus "ing", the repaired lemma is returned. A lemma that ``known`` holds as given
    is kept (a table learned on the same lemmatizer's output stays consistent).

    Args:
        tok: a token (usually a verb).
        known: lemmas of the lexicon to be consulted (reporting verbs, cue frames).

    Returns:
        The lowercase lemma: ``tok.lemma_`` lowered, or that plus "e".
    """
    lemma = tok.lemma_.lower()
    if lemma in known or not lemma:
        return lemma
    fixed = lemma + "e"
    form = tok.text.lower()
    if fixed in known and (form.startswith(fixed) or form == lemma + "ing"):
        return fixed
    return lemma


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
