"""Matching a verb block's patterns around a verb in a sentence.

A pattern ``- LOWER * UPPER [CODE]`` matches when its lower items match leftwards from the
verb and its upper items rightwards: words (a hyphenated pattern word such as ``ANTI-``
matches the tokens spaCy splits it into), ``&SYNSET`` phrases, ``$`` source / ``+`` target /
``%`` compound (a noun phrase starting, or ending on the lower side, at the position and
carrying a code), ``^`` (one noun phrase skipped); ``_`` between items means adjacent, a
blank allows gaps. The match gives the slots' codes: ``{"source": [...], "target": [...]}``
(a ``%`` above the verb fills the target, below it the source).

Source: TABARI manual 0.8.4b2 ch. 5 (patterns) and the PETRARCH verb dictionary
documentation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from wirewatch.ontology.petrarch._sentence import Sentence, chunk_of, conj_root, np_head
from wirewatch.ontology.petrarch.nounphrase import np_codes
from wirewatch.ontology.petrarch.verbs import PatternItem, VerbPattern

__all__ = ["match_pattern"]

Slots = dict[str, list[str]]


def match_pattern(
    s: Sentence, pat: VerbPattern, lo: int, hi: int, synsets: dict[str, list[tuple[str, ...]]]
) -> Slots | None:
    """Match ``pat`` around the verb phrase ``s.toks[lo:hi + 1]`` (sentence token indices).

    Returns:
        the slot codes when the pattern matches, else None.
    """
    slots: Slots = {}
    if not _match_side(s, list(pat.upper), hi + 1, +1, slots, synsets):
        return None
    if not _match_side(s, list(pat.lower), lo - 1, -1, slots, synsets):
        return None
    return slots


def _match_side(
    s: Sentence,
    items: list[PatternItem],
    pos: int,
    step: int,
    slots: Slots,
    synsets: dict[str, list[tuple[str, ...]]],
) -> bool:
    if not items:
        return True
    it, rest = items[0], items[1:]
    n = len(s.toks)
    p = pos
    while 0 <= p < n:
        for nxt, codes in _match_item(s, it, p, step, synsets):
            saved = dict(slots)
            if codes is not None:
                kind = "target" if it.kind == "compound" and step > 0 else it.kind
                slots[kind] = codes
            if _match_side(s, rest, nxt, step, slots, synsets):
                return True
            slots.clear()
            slots.update(saved)
        if it.tight:
            return False
        p += step
    return False


def _match_words(words: list[str], p: int, step: int, phrase: tuple[str, ...]) -> int | None:
    """Position after ``phrase`` read from ``p`` in direction ``step``, or None."""
    k = len(phrase)
    seg = words[p : p + k] if step > 0 else words[max(p - k + 1, 0) : p + 1]
    if tuple(seg) == phrase:
        return p + step * k
    return None


def _match_item(
    s: Sentence, it: PatternItem, p: int, step: int, synsets: dict[str, list[tuple[str, ...]]]
) -> Iterable[tuple[int, list[str] | None]]:
    words, base = s.words, s.base
    if it.kind == "word":
        nxt = _match_words(words, p, step, _split_hyphens(it.value))
        if nxt is not None:
            yield nxt, None
        return
    if it.kind == "synset":
        for phrase in synsets.get(it.value, ()):
            nxt = _match_words(words, p, step, phrase)
            if nxt is not None:
                yield nxt, None
        return
    tok = s.toks[p]
    if it.kind == "skip":  # "^" skips the rest of a noun phrase, and only a noun phrase
        chunk = chunk_of(tok)
        if chunk is None:
            return
        a, b = chunk
        yield (b - base if step > 0 else a - base - 1), None
        return
    hit = s.actor_at.get(tok.i) or s.agent_at.get(tok.i)
    if hit is None:
        return
    a, b = hit[0], hit[1]
    if (step > 0 and a != tok.i) or (step < 0 and b - 1 != tok.i):
        return
    head = np_head(s.toks[a - base : b - base])
    if it.kind == "compound":
        head = conj_root(head)
    codes = np_codes(s, head)
    if codes:
        if step > 0:
            yield max(b, max(t.i for t in head.subtree) + 1) - base, codes
        else:
            yield min(a, min(t.i for t in head.subtree)) - base - 1, codes


def _split_hyphens(word: str) -> tuple[str, ...]:
    """A pattern word as spaCy tokenizes it: ``ANTI-`` -> (ANTI, -), ``AL-QAEDA`` -> (AL, -,
    QAEDA); a word without hyphen stays one token."""
    return tuple(x for x in re.split(r"(-)", word) if x) or (word,)
