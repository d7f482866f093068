"""One sentence as the PETRARCH-style coder sees it, and the dependency-tree helpers its
argument finder, noun-phrase coder and pattern matcher share.

Private to :mod:`wirewatch.ontology.petrarch`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "NULL",
    "Sentence",
    "is_null",
    "in_list",
    "conj_root",
    "np_head",
    "chunk_of",
]

#: The null actor / event code of the PETRARCH dictionaries.
NULL = "---"


@dataclass
class Sentence:
    """The tokens of one spaCy sentence with the dictionary hits on them.

    ``actor_at`` and ``agent_at`` map a doc token index to the hit covering it:
    ``(start_tok, end_tok, code)`` for actors, ``(start_tok, end_tok, AgentEntry)`` for agents
    (doc token indices, half-open). ``new_actor_length`` is PETRARCH's option of the same name:
    an uncoded noun phrase of at most that many words is coded by its own text (0 = off).
    """

    toks: list[Any]
    words: list[str]
    actor_at: dict[int, tuple[int, int, str]] = field(default_factory=dict)
    agent_at: dict[int, tuple[int, int, Any]] = field(default_factory=dict)
    new_actor_length: int = 0

    @property
    def base(self) -> int:
        """Doc index of the sentence's first token."""
        return self.toks[0].i if self.toks else 0


def is_null(code: str | None) -> bool:
    """True for a missing, empty or ``---`` code."""
    return code is None or code == NULL or not code


def in_list(t: Any) -> bool:
    """``t`` is an item of a coordination ("Mordor, the Shire, Fornost and Bree")."""
    if t.dep_ in ("conj", "cc"):
        return True
    if any(c.dep_ in ("conj", "cc") for c in t.children):
        return True
    return t.dep_ == "appos" and any(c.dep_ in ("conj", "cc") for c in t.head.children)


def conj_root(t: Any) -> Any:
    """The first item of the coordination ``t`` belongs to (apposed list items included)."""
    while t.head.i != t.i and (t.dep_ == "conj" or (t.dep_ == "appos" and in_list(t))):
        t = t.head
    return t


def np_head(tokens: list[Any]) -> Any:
    """The syntactic head of the noun phrase that contains ``tokens`` (a dictionary hit)."""
    ids = {t.i for t in tokens}
    head = next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), tokens[-1])
    while head.dep_ in ("compound", "amod", "nmod", "poss") and head.head.i != head.i:
        head = head.head
    return head


def chunk_of(tok: Any) -> tuple[int, int] | None:
    """``(start, end)`` doc indices of the base noun chunk holding ``tok``, if any."""
    for ch in tok.doc.noun_chunks:
        if ch.start <= tok.i < ch.end:
            return ch.start, ch.end
    return None
