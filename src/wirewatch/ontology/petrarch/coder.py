"""A dictionary-driven CAMEO coder over the spaCy dependency parse (PETRARCH-style).

For every token tagged as a verb whose form is in the verb dictionary, the coder

1. tries the verb block's patterns in file order (words, synsets, ``$`` source, ``+`` target,
   ``%`` compound, ``^`` one noun phrase; ``_`` = adjacent, blank = gaps allowed); the first
   pattern that matches gives the code, else the verb's own code; ``---`` codes nothing;
2. skips the verb when it is negated (a ``neg`` dependent) and no pattern matched -- PETRARCH
   codes negation only through explicit patterns such as ``- WILL NOT * [081]``;
3. takes the source from the subject (climbing ``xcomp``/``conj`` chains to the governing
   verb; ``by``-agent of a passive is the source and its subject the target) and the target
   from the first noun phrase after the verb, inside the verb's clause, that carries an actor
   or agent code (``advcl``/``relcl``/conjoined verbs are other events);
4. codes a noun phrase as *agent prefixes + actor + agent suffixes* over its head, compounds,
   modifiers and possessive (``Gondor's government`` -> GONGOV), else from its ``of/in/from``
   complements (``the ambassadors of Arnor`` -> ARNGOV); agents with no actor give ``---GOV``;
5. expands compound actors into one event per dyad, with paired codes ``[032:033]`` giving
   the reverse event, and ``%`` giving every ordered pair of the compound.

Everything comes from spaCy; the CoreNLP parse of the PETRARCH records is not used.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from wirewatch.ontology.petrarch.actors import ActorDictionary, AgentDictionary, DiscardList
from wirewatch.ontology.petrarch.verbs import PatternItem, VerbDictionary, VerbPattern

__all__ = ["CodedEvent", "CommaLimits", "PetrarchCoder", "prepare_text"]


def prepare_text(text: str) -> str:
    """Text as the coder parses it: ``_`` joins words as in the dictionaries ("Dol_Amroth")
    and becomes a blank; offsets are unchanged (one character for one)."""
    return text.replace("_", " ")


NULL = "---"
_LOCAL_DEPS = {
    "compound",
    "amod",
    "poss",
    "nmod",
    "det",
    "case",
    "nummod",
    "quantmod",
    "punct",
    "advmod",
    "npadvmod",
    "predet",
    "prt",
}
_ARG_DEPS = {
    "dobj",
    "pobj",
    "attr",
    "dative",
    "nsubj",
    "nsubjpass",
    "oprd",
    "obj",
    "iobj",
    "appos",
    "npadvmod",
    "ROOT",
}
_SKIP_CLAUSE = {"advcl", "relcl", "parataxis", "acl", "csubj", "mark", "cc"}
_RELPRON = {"who", "which", "that", "whom"}


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


class CodedEvent(NamedTuple):
    """One coded event: CAMEO codes and where the verb is (character offsets)."""

    source: str
    target: str
    code: str
    verb_start: int
    verb_end: int


@dataclass
class _Sent:
    toks: list[Any]
    words: list[str]
    actor_at: dict[int, tuple[int, int, str]]  # token -> (start, end, code)
    agent_at: dict[int, tuple[int, int, Any]]


def _null(code: str | None) -> bool:
    return code is None or code == NULL or not code


class PetrarchCoder:
    """Codes sentences with PETRARCH/Phoenix dictionaries over a spaCy parse.

    Args:
        nlp: a spaCy pipeline with a tagger and dependency parser.
        actors, agents, verbs: loaded dictionaries (see :mod:`wirewatch.ontology.petrarch`).
        discards: optional discard list; a sentence containing one is not coded.
        require_dyad: code only events with both a source and a target (PETRARCH default).
        commas: comma-delimited clauses to drop before coding (see CommaLimits).
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
    ) -> None:
        self.commas = commas
        self.nlp = nlp
        self.actors = actors
        self.agents = agents
        self.verbs = verbs
        self.discards = discards
        self.require_dyad = require_dyad
        self._cur = _Sent([], [], {}, {})

    # ---------------------------------------------------------------- public
    def code(self, text: str, date: Any = None) -> list[CodedEvent]:
        """Events in ``text`` (one or more sentences), deduplicated, in verb order."""
        return self.code_doc(self.nlp(prepare_text(text)), date)

    def code_doc(self, doc: Any, date: Any = None) -> list[CodedEvent]:
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

    # ---------------------------------------------------------------- sentence
    def _code_sentence(self, span: Any, date: Any) -> Iterable[CodedEvent]:
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
        dropped = self._dropped_clauses(toks)
        for k in dropped:
            actor_at.pop(k, None)
            agent_at.pop(k, None)
        s = _Sent(toks, words, actor_at, agent_at)
        self._cur = s  # the sentence being coded; read by _parts (one sentence at a time)
        coded: set[int] = set()
        i = 0
        while i < len(toks):
            ok = self._is_verb(toks[i]) and toks[i].i not in dropped
            forms = self.verbs.lookup(words, i) if ok else []
            if not forms:
                i += 1
                continue
            if not self._inside_coded(toks[i], coded):
                events = list(self._code_verb(s, i, forms))
                if events:
                    coded.add(toks[i].i)
                yield from events
            i += 1 + len(forms[0].after)

    def _dropped_clauses(self, toks: list[Any]) -> set[int]:
        """Token indices of the comma-delimited clauses that ``self.commas`` drops."""
        lim = self.commas
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

    @staticmethod
    def _inside_coded(verb: Any, coded: set[int]) -> bool:
        """True when ``verb`` sits in the complement or adverbial clause of a verb phrase that
        already gave an event ("abandoned efforts to stop X": only *abandon* is coded), as
        PETRARCH codes one event per verb phrase; conjoined verbs and reported clauses (ccomp)
        are coded on their own."""

        def chain(t: Any) -> Iterable[Any]:  # the predicate: "is about to restore"
            yield t
            for c in t.children:
                if c.dep_ in ("xcomp", "acomp"):
                    yield from chain(c)

        t = verb
        for _ in range(8):
            if t.dep_ not in ("xcomp", "acl", "dobj", "pobj", "prep", "attr", "pcomp", "advcl"):
                return False
            t = t.head
            if any(x.i in coded for x in chain(t)):
                return True
            if t.head.i == t.i:
                return False
        return False

    @staticmethod
    def _is_verb(t: Any) -> bool:
        return (
            t.tag_.startswith("VB")
            or t.pos_ in ("VERB", "AUX")
            or (t.dep_ == "ROOT" and t.pos_ not in ("PROPN", "NOUN", "PRON"))
        )

    def _code_verb(self, s: _Sent, i: int, forms: list[Any]) -> Iterable[CodedEvent]:
        verb = s.toks[i]
        form = forms[0]
        lo, hi = i - len(form.before), i + len(form.after)
        code: str | None = None
        slots: dict[str, list[str]] = {}
        for f in forms:  # the same word may head several blocks (SHOT [---] and SHOT [223])
            for pat in self.verbs.blocks[f.block].patterns:
                if not any(ch.isalnum() for ch in pat.code.replace("---", "")) and pat.code != NULL:
                    continue  # legacy TABARI markers such as [+++] / [###]
                got = self._match_pattern(s, pat, lo, hi)
                if got is not None:
                    code, slots = pat.code, got
                    break
            if code is not None:
                break
        if code is None:
            if any(c.dep_ == "neg" for c in verb.children):
                return  # negated and no pattern for the negation: not coded
            code = next((f.code for f in forms if not _null(f.code)), NULL)
        if _null(code) or code.startswith("-"):
            return
        default_src = self._subject_codes(verb)
        sources = slots.get("source") or default_src
        targets = slots.get("target") or []
        if targets and not slots.get("source") and set(targets) & set(sources):
            # "X noted that Y regretted ...", pattern "NOTED + *": Y is the target, X the source
            sources = self._subject_codes(verb.head) if verb.head.i != verb.i else []
        if not targets:
            targets = self._target_codes(s, verb)
        compound = slots.get("compound")
        primary, _, secondary = code.partition(":")
        pairs: list[tuple[str, str, str]] = []
        if compound:
            for a in compound:
                for b in compound:
                    if a != b:
                        pairs.append((a, b, primary))
        elif not targets and len(sources) > 1 and secondary == primary:
            # "Gondor and Osgiliath renewed ties" with a symmetric code [064:064]: reciprocal
            for a in sources:
                for b in sources:
                    if a != b:
                        pairs.append((a, b, primary))
        else:
            if not self.require_dyad:
                sources = sources or [NULL]
                targets = targets or [NULL]
            for a in sources:
                for b in targets:
                    if a == b or (_null(a) and _null(b)):
                        continue
                    if self.require_dyad and (_null(a) or _null(b)):
                        continue
                    pairs.append((a, b, primary))
                    if secondary and not _null(secondary) and not _null(a) and not _null(b):
                        pairs.append((b, a, secondary))
        start, end = s.toks[lo].idx, s.toks[hi].idx + len(s.toks[hi].text)
        for a, b, c in pairs:
            yield CodedEvent(a, b, c, start, end)

    # ---------------------------------------------------------------- patterns
    def _match_pattern(
        self, s: _Sent, pat: VerbPattern, lo: int, hi: int
    ) -> dict[str, list[str]] | None:
        slots: dict[str, list[str]] = {}
        if not self._match_side(s, list(pat.upper), hi + 1, +1, slots):
            return None
        if not self._match_side(s, list(pat.lower), lo - 1, -1, slots):
            return None
        return slots

    def _match_side(
        self, s: _Sent, items: list[PatternItem], pos: int, step: int, slots: dict[str, list[str]]
    ) -> bool:
        if not items:
            return True
        it, rest = items[0], items[1:]
        n = len(s.toks)
        p = pos
        while 0 <= p < n:
            for nxt, codes in self._match_item(s, it, p, step):
                saved = dict(slots)
                if codes is not None:
                    kind = "target" if it.kind == "compound" and step > 0 else it.kind
                    slots[kind] = codes
                if self._match_side(s, rest, nxt, step, slots):
                    return True
                slots.clear()
                slots.update(saved)
            if it.tight:
                return False
            p += step
        return False

    def _match_item(
        self, s: _Sent, it: PatternItem, p: int, step: int
    ) -> Iterable[tuple[int, list[str] | None]]:
        words, base = s.words, s.toks[0].i
        if it.kind == "word":
            if words[p] == it.value:
                yield p + step, None
            return
        if it.kind == "synset":
            for phrase in self.verbs.synsets.get(it.value, ()):
                k = len(phrase)
                seg = words[p : p + k] if step > 0 else words[p - k + 1 : p + 1]
                if tuple(seg) == phrase:
                    yield p + step * k, None
            return
        tok = s.toks[p]
        if it.kind == "skip":
            chunk = _chunk_of(tok)
            a, b = chunk if chunk is not None else (tok.i, tok.i + 1)
            yield (b - base if step > 0 else a - base - 1), None
            return
        hit = s.actor_at.get(tok.i) or s.agent_at.get(tok.i)
        if hit is None:
            return
        a, b = hit[0], hit[1]
        if (step > 0 and a != tok.i) or (step < 0 and b - 1 != tok.i):
            return
        head = _np_head(s.toks[a - base : b - base])
        if it.kind == "compound":
            head = _conj_root(head)
        codes = self._np_codes(head)
        if codes:
            if step > 0:
                yield max(b, max(t.i for t in head.subtree) + 1) - base, codes
            else:
                yield min(a, min(t.i for t in head.subtree)) - base - 1, codes

    # ---------------------------------------------------------------- arguments
    def _subject_codes(self, verb: Any) -> list[str]:
        v = verb
        climbed = False
        for _ in range(6):
            subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
            agent = [c for c in v.children if c.dep_ == "agent"]
            if agent:
                objs = [c for c in agent[0].children if c.dep_ == "pobj"]
                if objs:
                    return self._np_codes(objs[0])
            if subj:
                sj = subj[0]
                if sj.dep_ == "nsubjpass" and not climbed:
                    return []  # passive without agent: the doer is unknown
                if sj.lower_ in _RELPRON and v.dep_ == "relcl":
                    return self._np_codes(v.head)
                if sj.pos_ == "PRON" and v.dep_ in ("ccomp", "xcomp", "conj") and v.head.i != v.i:
                    # "Ethiopia indicated it would act": the pronoun is the governing subject
                    up = self._subject_codes(v.head)
                    if up:
                        return up
                # spaCy sometimes splits a coordinated subject into two nsubj ("Lions, tigers,
                # and Gondor"): their codes are one compound
                out: list[str] = []
                for x in subj:
                    if x.dep_ == sj.dep_:
                        out += self._np_codes(x)
                return list(dict.fromkeys(out))
            if v.dep_ in ("xcomp", "conj", "acomp", "aux", "auxpass") or (
                v.dep_ == "ccomp" and v.head.lemma_ == "be"
            ):
                v, climbed = v.head, True
                continue
            if v.dep_ in ("relcl", "acl") and v.head.pos_ in ("NOUN", "PROPN"):
                return self._np_codes(v.head)
            break
        # no subject found (fragment or a mis-parse such as "Ethiopia act": compound): the
        # nearest coded noun phrase hanging left of the verb
        for c in sorted(verb.lefts, key=lambda t: -t.i):
            if c.dep_ in ("compound", "nmod", "npadvmod", "dep", "nsubj") and c.pos_ in (
                "PROPN",
                "NOUN",
            ):
                codes = self._np_codes(c)
                if codes:
                    return codes
        return []

    def _target_codes(self, s: _Sent, verb: Any) -> list[str]:
        subj_pass = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if subj_pass and any(c.dep_ == "agent" for c in verb.children):
            return self._np_codes(subj_pass[0])
        region: list[Any] = []

        def walk(t: Any, top: bool) -> None:
            for c in t.children:
                if c.dep_ == "advcl" and _purpose_infinitive(c):
                    # "signed an accord to supply Gondor with wheat": part of the verb phrase
                    region.append(c)
                    walk(c, False)
                    continue
                if c.dep_ in _SKIP_CLAUSE or c.dep_ in ("nsubj", "agent", "nsubjpass", "expl"):
                    if top or c.dep_ in _SKIP_CLAUSE:
                        continue
                if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"):
                    continue
                if c.dep_ == "conj" and top:
                    continue
                region.append(c)
                walk(c, False)

        walk(verb, True)
        region.sort(key=lambda t: t.i)
        for t in region:
            if t.i <= verb.i or t.dep_ not in _ARG_DEPS:
                continue
            if t.pos_ not in ("NOUN", "PROPN", "PRON", "X", "ADJ", "NUM"):
                continue
            codes = self._np_codes(t)
            if codes:
                return codes
        return []

    # ---------------------------------------------------------------- noun phrases
    def _local(self, h: Any, top: bool = True) -> list[Any]:
        """The head and its modifiers; coordinations inside a modifier count ("Eriadori and
        Calenardhon leaders"), those of the head itself are separate conjuncts."""
        out = [h]
        for c in h.children:
            if c.dep_ in _LOCAL_DEPS or (not top and c.dep_ in ("conj", "cc")):
                out += self._local(c, False)
        return out

    def _parts(self, h: Any) -> tuple[list[list[str]], list[Any], bool]:
        """Actor code groups and agent entries on the head's local tokens, in text order, and
        whether the local tokens hold a coordination ("Fornost and the evil Gondor")."""
        cur = self._cur
        local = sorted(self._local(h), key=lambda t: t.i)
        groups: list[list[str]] = []
        agents: list[Any] = []
        seen: set[int] = set()
        coord = False
        for t in local:
            a = cur.actor_at.get(t.i)
            if a is not None and a[0] not in seen:
                seen.add(a[0])
                groups.append(a[2].split("/"))
            g = cur.agent_at.get(t.i)
            if g is not None and g[2] not in agents:
                agents.append(g[2])
            coord = coord or (t.i != h.i and any(c.dep_ == "cc" for c in t.children))
        return groups, agents, coord

    def _np_codes(self, h: Any, depth: int = 0) -> list[str]:
        """Codes of the noun phrase headed by ``h`` and of its conjuncts."""
        conj = [h] + [
            c
            for c in h.subtree
            if c.dep_ in ("conj", "appos") and _conj_root(c).i == h.i and _in_list(c)
        ]
        conj.sort(key=lambda t: t.i)
        items = [self._one_np(c, depth) for c in conj]
        # "officials in Fornost and Gondor" parsed with Gondor as a conjunct of "officials":
        # actor-only conjuncts after a phrase whose actor came from its complement share its
        # agents
        for k, (acts, ags, via_prep) in enumerate(items):
            if acts and ags and via_prep:
                for m in range(k + 1, len(items)):
                    if items[m][0] and not items[m][1]:
                        items[m] = (items[m][0], ags, True)
        actor_only = [a for acts, ags, _ in items if acts and not ags for a in acts]
        agent_only = [ags for acts, ags, _ in items if ags and not acts]
        mixed = [(acts, ags) for acts, ags, _ in items if acts and ags]
        out: list[str] = []
        if agent_only and (actor_only or mixed):
            all_actors = actor_only + [a for acts, _ in mixed for a in acts]
            for ags in [ags for _, ags in mixed] + agent_only:
                for a in dict.fromkeys(all_actors):
                    out.append(_compose(a, ags))
        else:
            for acts, ags, _ in items:
                if acts:
                    out += [_compose(a, ags) for a in acts]
                elif ags:
                    out.append(_compose(NULL, ags))
        return [c for c in dict.fromkeys(out) if not _null(c)]

    def _one_np(self, h: Any, depth: int) -> tuple[list[str], list[Any], bool]:
        """``(actor codes, agents, actors_from_complement)`` of one conjunct."""
        groups, agents, coord = self._parts(h)
        real = [g for g in groups if not all(_null(c) for c in g)]
        if real:
            actors = [c for g in real for c in g] if coord else real[0]
            return list(dict.fromkeys(actors)), agents, False
        if groups:  # only null-coded actors ("Prince of Dol Amroth" before 1995-06-30)
            return [], agents, False
        if depth > 3:
            return [], agents, False
        for c in h.children:
            if c.dep_ == "prep":
                if agents and c.lower_ not in ("of", "in", "from", "at", "for"):
                    continue
                objs = [o for o in c.children if o.dep_ in ("pobj", "pcomp")]
            elif c.dep_ in ("acl", "ccomp") and not agents:
                # "the roads leading into Mordor", "memos sent by Bree"
                objs = [
                    o
                    for x in [c, *[p for p in c.children if p.dep_ in ("prep", "agent")]]
                    for o in x.children
                    if o.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "attr")
                ]
            else:
                continue
            for obj in sorted(objs, key=lambda t: t.i):
                sub = self._np_codes(obj, depth + 1)
                if sub:
                    return sub, agents, True
        return [], agents, False


def _purpose_infinitive(t: Any) -> bool:
    """``to``-infinitive clause without a subject of its own ("... to supply Gondor")."""
    kids = list(t.children)
    return any(c.tag_ == "TO" for c in kids) and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark") for c in kids
    )


def _in_list(t: Any) -> bool:
    """``t`` is an item of a coordination ("Mordor, the Shire, Fornost and Bree")."""
    if t.dep_ in ("conj", "cc"):
        return True
    if any(c.dep_ in ("conj", "cc") for c in t.children):
        return True
    return t.dep_ == "appos" and any(c.dep_ in ("conj", "cc") for c in t.head.children)


def _parenthetical(seg: list[Any], ids: set[int], final: bool) -> bool:
    """A comma-delimited segment that can be dropped: one constituent hanging off the rest
    (", the state's fiercest foe,") or a final attribution (", a senior official said."),
    and not an item of a list."""
    words = [t for t in seg if not t.is_punct]
    if not words or any(_in_list(t) for t in words):
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


def _compose(actor: str, agents: list[Any]) -> str:
    code = actor
    for g in agents:
        if g.prefix:
            code = g.code + code
    for g in agents:
        if not g.prefix and not code.endswith(g.code):
            code = code + g.code
    return code


def _conj_root(t: Any) -> Any:
    """The first item of the coordination ``t`` belongs to (apposed list items included)."""
    while t.head.i != t.i and (t.dep_ == "conj" or (t.dep_ == "appos" and _in_list(t))):
        t = t.head
    return t


def _np_head(tokens: list[Any]) -> Any:
    ids = {t.i for t in tokens}
    head = next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), tokens[-1])
    while head.dep_ in ("compound", "amod", "nmod", "poss") and head.head.i != head.i:
        head = head.head
    return head


def _chunk_of(tok: Any) -> tuple[int, int] | None:
    for ch in tok.doc.noun_chunks:
        if ch.start <= tok.i < ch.end:
            return ch.start, ch.end
    return None
