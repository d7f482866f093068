"""A dictionary-driven CAMEO coder over the spaCy dependency parse (PETRARCH-style).

For every token tagged as a verb whose form is in the verb dictionary, the coder

1. tries the verb block's patterns in file order (:mod:`.patterns`); the first pattern that
   matches gives the code, else the verb's own code; ``---`` codes nothing;
2. skips the verb when it is negated (a ``neg`` dependent) and no pattern matched -- PETRARCH
   codes negation only through explicit patterns such as ``- WILL NOT * [081]``;
3. takes the source and target the pattern did not fill from the parse (:mod:`.arguments`),
   coding each noun phrase from the actor and agent dictionaries (:mod:`.nounphrase`);
4. expands compound actors into one event per dyad, with paired codes ``[032:033]`` giving
   the reverse event, and ``%`` giving every ordered pair of the compound.

Before coding, short comma-delimited clauses are dropped (:mod:`.clauses`) and the text is
repaired for the parser (:mod:`.text`). Everything comes from spaCy; the CoreNLP parse of the
PETRARCH records is not used.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from wirewatch.ontology.petrarch._sentence import NULL, Sentence, is_null
from wirewatch.ontology.petrarch.actors import ActorDictionary, AgentDictionary, DiscardList
from wirewatch.ontology.petrarch.arguments import (
    inside_coded,
    is_verb,
    subject_codes,
    target_codes,
)
from wirewatch.ontology.petrarch.clauses import CommaLimits, dropped_clauses
from wirewatch.ontology.petrarch.patterns import match_pattern
from wirewatch.ontology.petrarch.text import prepare_text
from wirewatch.ontology.petrarch.verbs import VerbDictionary, VerbForm

__all__ = ["CodedEvent", "CommaLimits", "PetrarchCoder", "prepare_text"]


class CodedEvent(NamedTuple):
    """One coded event: CAMEO codes and where the verb is (character offsets)."""

    source: str
    target: str
    code: str
    verb_start: int
    verb_end: int


class PetrarchCoder:
    """Codes sentences with PETRARCH/Phoenix dictionaries over a spaCy parse.

    Args:
        nlp: a spaCy pipeline with a tagger and dependency parser.
        actors, agents, verbs: loaded dictionaries (see :mod:`wirewatch.ontology.petrarch`).
        discards: optional discard list; a sentence containing one is not coded.
        require_dyad: code only events with both a source and a target (PETRARCH default).
        commas: comma-delimited clauses to drop before coding (see CommaLimits).
        new_actor_length: code an uncoded source or target noun phrase of at most this many
            words by its own text, in double quotes (``"INJURY TOLL"``); 0 (the PETRARCH
            default) leaves it uncoded.
    """

    def __init__(
        self,
        nlp: Any,
        actors: ActorDictionary,
        agents: AgentDictionary,
        verbs: VerbDictionary,
        discards: DiscardList | None = None,
        *,
        require_dyad: bool = True,
        commas: CommaLimits = CommaLimits(),  # noqa: B008 - immutable NamedTuple
        new_actor_length: int = 0,
    ) -> None:
        self.commas = commas
        self.nlp = nlp
        self.actors = actors
        self.agents = agents
        self.verbs = verbs
        self.discards = discards
        self.require_dyad = require_dyad
        self.new_actor_length = new_actor_length

    def code(self, text: str, date: Any = None) -> list[CodedEvent]:
        """Events in ``text`` (one or more sentences), deduplicated, in verb order."""
        return self.code_doc(self.nlp(prepare_text(text)), date)

    def code_doc(self, doc: Any, date: Any = None) -> list[CodedEvent]:
        """Events in a parsed ``Doc`` (made from :func:`prepare_text` output), deduplicated."""
        if self.discards is not None and self.discards.hit(doc.text):
            return []
        out: list[CodedEvent] = []
        seen: set[tuple[str, str, str]] = set()
        for sent in doc.sents:
            for ev in self._code_sentence(sent, date):
                key = (ev.source, ev.target, ev.code)
                if key not in seen:
                    seen.add(key)
                    out.append(ev)
        return out

    def _sentence(self, span: Any, date: Any) -> tuple[Sentence, set[int]]:
        """The sentence with its dictionary hits, and the tokens of its dropped clauses."""
        toks = list(span)
        words = [t.text.upper() for t in toks]
        base = toks[0].i
        actor_at: dict[int, tuple[int, int, str]] = {}
        for i, j, code in self.actors.match_tokens(words, date):
            for k in range(i, j):
                actor_at[k + base] = (i + base, j + base, code)
        agent_at: dict[int, tuple[int, int, Any]] = {}
        for i, j, entry in self.agents.match_tokens(words):
            for k in range(i, j):
                if k + base not in actor_at:
                    agent_at[k + base] = (i + base, j + base, entry)
        dropped = dropped_clauses(toks, self.commas)
        for k in dropped:
            actor_at.pop(k, None)
            agent_at.pop(k, None)
        return Sentence(toks, words, actor_at, agent_at, self.new_actor_length), dropped

    def _code_sentence(self, span: Any, date: Any) -> Iterable[CodedEvent]:
        s, dropped = self._sentence(span, date)
        toks = s.toks
        coded: set[int] = set()  # doc indices of verbs that gave an event
        i = 0
        while i < len(toks):
            ok = is_verb(toks[i]) and toks[i].i not in dropped
            forms = self.verbs.lookup(s.words, i) if ok else []
            if not forms:
                i += 1
                continue
            if not inside_coded(toks[i], coded):
                events = list(self._code_verb(s, i, forms))
                if events:
                    coded.add(toks[i].i)
                yield from events
            i += 1 + len(forms[0].after)

    def _pattern_code(
        self, s: Sentence, forms: list[VerbForm], lo: int, hi: int
    ) -> tuple[str | None, dict[str, list[str]]]:
        """Code and slots of the first matching pattern of the verb's blocks, else None."""
        for f in forms:  # the same word may head several blocks (SHOT [---] and SHOT [223])
            for pat in self.verbs.blocks[f.block].patterns:
                if not any(ch.isalnum() for ch in pat.code.replace("---", "")) and pat.code != NULL:
                    continue  # legacy TABARI markers such as [+++] / [###]
                got = match_pattern(s, pat, lo, hi, self.verbs.synsets)
                if got is not None:
                    return pat.code, got
        return None, {}

    def _code_verb(self, s: Sentence, i: int, forms: list[VerbForm]) -> Iterable[CodedEvent]:
        verb = s.toks[i]
        form = forms[0]
        lo, hi = i - len(form.before), i + len(form.after)
        code, slots = self._pattern_code(s, forms, lo, hi)
        if code is None:
            if any(c.dep_ == "neg" for c in verb.children):
                return  # negated and no pattern for the negation: not coded
            code = next((f.code for f in forms if not is_null(f.code)), NULL)
        if is_null(code) or code.startswith("-"):
            return
        default_src = subject_codes(s, verb)
        sources = slots.get("source") or default_src
        targets = slots.get("target") or []
        if targets and not slots.get("source") and set(targets) & set(sources):
            # "X noted that Y regretted ...", pattern "NOTED + *": Y is the target, X the source
            sources = subject_codes(s, verb.head) if verb.head.i != verb.i else []
        if not targets:
            targets = target_codes(s, verb)
        start, end = s.toks[lo].idx, s.toks[hi].idx + len(s.toks[hi].text)
        for a, b, c in self._dyads(code, sources, targets, slots.get("compound")):
            yield CodedEvent(a, b, c, start, end)

    def _dyads(
        self, code: str, sources: list[str], targets: list[str], compound: list[str] | None
    ) -> list[tuple[str, str, str]]:
        """``(source, target, code)`` for every dyad; ``[A:B]`` adds the reverse B event."""
        primary, _, secondary = code.partition(":")
        pairs: list[tuple[str, str, str]] = []
        if compound:
            for a in compound:
                for b in compound:
                    if a != b:
                        pairs.append((a, b, primary))
            return pairs
        if not targets and len(sources) > 1 and secondary == primary:
            # "Gondor and Osgiliath renewed ties" with a symmetric code [064:064]: reciprocal
            for a in sources:
                for b in sources:
                    if a != b:
                        pairs.append((a, b, primary))
            return pairs
        if not self.require_dyad:
            sources = sources or [NULL]
            targets = targets or [NULL]
        for a in sources:
            for b in targets:
                if a == b or (is_null(a) and is_null(b)):
                    continue
                if self.require_dyad and (is_null(a) or is_null(b)):
                    continue
                pairs.append((a, b, primary))
                if secondary and not is_null(secondary) and not is_null(a) and not is_null(b):
                    pairs.append((b, a, secondary))
        return pairs
