"""Finding a coded verb's source and target in the spaCy dependency parse.

* **Source**: the subject, climbing ``xcomp``/``conj``/auxiliary chains to the governing verb;
  the ``by``-agent of a passive; the antecedent of a relative pronoun; for a pronoun subject of
  a complement clause, the governing subject ("Ethiopia indicated it would act"). A passive
  without a ``by``-agent has no source: the doer is unknown (PETRARCH instead codes the
  grammatical subject as the source; wirewatch keeps the correct reading).
* **Target**: the subject of a passive with a ``by``-agent, else the first noun phrase after the
  verb, inside the verb's clause, that carries an actor or agent code (``advcl``/``relcl``/
  conjoined verbs are other events; a subject-less purpose infinitive, "signed an accord to
  supply Gondor", is part of the verb phrase).
* **One event per verb phrase**: a verb in the complement or adverbial clause of a verb that
  already gave an event is not coded again ("abandoned efforts to stop X").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from wirewatch.ontology.petrarch._sentence import Sentence
from wirewatch.ontology.petrarch.nounphrase import np_codes

__all__ = ["subject_codes", "target_codes", "inside_coded", "is_verb"]

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


def is_verb(t: Any) -> bool:
    """The token can head a coded verb phrase (a verb tag, or a non-nominal root)."""
    return (
        t.tag_.startswith("VB")
        or t.pos_ in ("VERB", "AUX")
        or (t.dep_ == "ROOT" and t.pos_ not in ("PROPN", "NOUN", "PRON"))
    )


def inside_coded(verb: Any, coded: set[int]) -> bool:
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


def subject_codes(s: Sentence, verb: Any) -> list[str]:
    """Codes of the source of ``verb`` (see the module docstring); empty when none."""
    v = verb
    climbed = False
    for _ in range(6):
        subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        agent = [c for c in v.children if c.dep_ == "agent"]
        if agent:
            objs = [c for c in agent[0].children if c.dep_ == "pobj"]
            if objs:
                return np_codes(s, objs[0])
        if subj:
            sj = subj[0]
            if sj.dep_ == "nsubjpass" and not climbed:
                return []  # passive without agent: the doer is unknown
            if sj.lower_ in _RELPRON and v.dep_ == "relcl":
                return np_codes(s, v.head)
            if sj.pos_ == "PRON" and v.dep_ in ("ccomp", "xcomp", "conj") and v.head.i != v.i:
                # "Ethiopia indicated it would act": the pronoun is the governing subject
                up = subject_codes(s, v.head)
                if up:
                    return up
            # spaCy sometimes splits a coordinated subject into two nsubj ("Lions, tigers,
            # and Gondor"): their codes are one compound
            out: list[str] = []
            for x in subj:
                if x.dep_ == sj.dep_:
                    out += np_codes(s, x)
            return list(dict.fromkeys(out))
        if v.dep_ in ("xcomp", "conj", "acomp", "aux", "auxpass") or (
            v.dep_ == "ccomp" and v.head.lemma_ == "be"
        ):
            v, climbed = v.head, True
            continue
        if v.dep_ in ("relcl", "acl") and v.head.pos_ in ("NOUN", "PROPN"):
            return np_codes(s, v.head)
        break
    # no subject found (fragment or a mis-parse such as "Ethiopia act": compound): the
    # nearest coded noun phrase hanging left of the verb
    for c in sorted(verb.lefts, key=lambda t: -t.i):
        if c.dep_ in ("compound", "nmod", "npadvmod", "dep", "nsubj") and c.pos_ in (
            "PROPN",
            "NOUN",
        ):
            codes = np_codes(s, c)
            if codes:
                return codes
    return []


def target_codes(s: Sentence, verb: Any) -> list[str]:
    """Codes of the target of ``verb`` (see the module docstring); empty when none."""
    subj_pass = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if subj_pass and any(c.dep_ == "agent" for c in verb.children):
        return np_codes(s, subj_pass[0])
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
        codes = np_codes(s, t)
        if codes:
            return codes
    return []


def _purpose_infinitive(t: Any) -> bool:
    """``to``-infinitive clause without a subject of its own ("... to supply Gondor")."""
    kids = list(t.children)
    return any(c.tag_ == "TO" for c in kids) and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark") for c in kids
    )
