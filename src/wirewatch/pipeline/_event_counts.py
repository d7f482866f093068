"""Counts of an event for the ``wirewatch_events`` coder: the number phrases of a sentence
(not dates, times, percentages, ordinals or numbers inside names), the trigger each belongs to,
and the ``Count`` record with its kind (killed, injured, arrested, protesters, money ...) read
from the counted noun and the words acting on it (``counts.count_kind``).
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span, Token

from wirewatch.ontology import actors as oa
from wirewatch.pipeline import event_args as ea
from wirewatch.pipeline._event_context import _DocContext, _sd
from wirewatch.pipeline.counts import NumberPhrase, count_kind, counts_things, find_numbers
from wirewatch.pipeline.dates import looks_like_date

_NUMBER_SKIP_LABELS = frozenset({"DATE", "TIME", "PERCENT", "ORDINAL", "QUANTITY"})


# numbers that are part of a name ("Highway 9", "Flight 370", "Apollo 11"), not counts
_NAME_NUMBER_LABELS = frozenset({"FAC", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART", "ORG"})


def _sentence_numbers(sent: Span, ctx: _DocContext) -> list[tuple[NumberPhrase, Token]]:
    """Number phrases in the sentence that are not dates, times, percentages or ordinals, each
    with the token where it starts (offsets made doc-relative)."""
    if not any(
        t.like_num or t.lower_ in ("dozen", "dozens", "hundreds", "thousands", "scores", "millions")
        for t in sent
    ):
        return []
    doc = sent.doc
    out = []
    skip = [
        (e.start_char, e.end_char)
        for e in ctx.ents_in(sent)
        if e.label_ in _NUMBER_SKIP_LABELS and (e.label_ != "DATE" or looks_like_date(e.text))
    ]
    # a number after the first word of a name is part of the name ("Highway 9", "Flight 370")
    skip += [
        (e[1:].start_char, e.end_char)
        for e in ctx.ents_in(sent)
        if e.label_ in _NAME_NUMBER_LABELS and len(e) > 1
    ]
    for ph in find_numbers(ctx.text[sent.start_char : sent.end_char]):
        s, e = sent.start_char + ph.start, sent.start_char + ph.end
        if any(a < e and s < b for a, b in skip):
            continue
        if (
            ph.value is not None
            and ph.unit == "people"
            and not ph.approximate
            and re.fullmatch(r"(?:1[89]|20)\d\d", ctx.text[s:e])
        ):
            continue  # a bare year
        tok = doc.char_span(s, e, alignment_mode="expand")
        if tok is None:
            continue
        nums = [t for t in tok if t.like_num or t.pos_ == "NUM"] or list(tok)
        ph = NumberPhrase(s, e, ph.value, ph.low, ph.high, ph.approximate, ph.unit)
        out.append((ph, nums[-1]))
    return out


def _number_owner(
    numbers: list[tuple[NumberPhrase, Token]], triggers: list[Token], doc: Doc
) -> dict[int, int]:
    """Each number goes to the trigger with the smallest subtree containing it, or to the verb
    trigger whose passive/active subject it is."""
    owner: dict[int, int] = {}
    subtrees = {t.i: (t.left_edge.i, t.right_edge.i) for t in triggers}
    for k, (_ph, tok) in enumerate(numbers):
        best = None
        for t in triggers:
            a, b = subtrees[t.i]
            if a <= tok.i <= b and tok in t.subtree:
                size = b - a
                if best is None or size < best[0]:
                    best = (size, t.i)
        if best is not None:
            owner[k] = best[1]
            continue
        # a number that is an argument of the verb a noun trigger depends on
        # ("provided $3 billion in aid")
        head = tok
        for _ in range(3):
            if head.dep_ in ("dobj", "nsubj", "nsubjpass", "attr"):
                break
            head = head.head
        for t in triggers:
            gov = ea.governing_verb(t)
            if (
                gov is not None
                and t.pos_ != "VERB"
                and head.head.i == gov.i
                and ea.is_argument_of(t, gov)
            ):
                owner[k] = t.i
                break
    return owner


def _count(text: str, ph: NumberPhrase, tok: Token) -> dict[str, Any]:
    """A Count record; a count of people takes its kind from what it counts and the word
    acting on it (``counts.count_kind``), never from the event type alone."""
    kind = "money" if ph.unit != "people" else _people_kind(tok)
    return {
        "kind": kind,
        "value": ph.value,
        "low": ph.low,
        "high": ph.high,
        "approximate": ph.approximate,
        "unit": ph.unit,
        "span": _sd(text, ph.start, ph.end),
    }


_UNACCUSATIVE = frozenset({"die", "flee", "perish", "drown", "starve", "disappear", "escape"})
_LEVEL_VERBS = frozenset(
    {"rise", "reach", "climb", "stand", "hit", "increase", "jump", "be", "top", "exceed", "surpass"}
)
_MOD_DEPS = ("amod", "compound", "nmod", "acomp", "oprd")


def _lemmas_with_mods(t: Token) -> set[str]:
    return {t.lemma_.lower()} | {c.lemma_.lower() for c in t.children if c.dep_ in _MOD_DEPS}


def _acting_lemmas(verb: Token) -> set[str]:
    """Lemmas of a verb acting on a counted phrase, with its modifiers, the verbs coordinated
    with it ("were shot and wounded"), a resultative the parser calls an adverb ("shot dead")
    and a result phrase ("stabbed to death", "taken into custody")."""
    out = _lemmas_with_mods(verb)
    if verb.pos_ in ("VERB", "AUX"):
        out |= {
            x
            for c in verb.children
            if c.dep_ == "conj" and c.pos_ == "VERB"
            for x in _lemmas_with_mods(c)
        }
        out |= {c.lemma_.lower() for c in verb.children if c.dep_ == "advmod"}
        out |= {
            o.lemma_.lower()
            for _p, o in ea.prep_objects(verb, ("to", "into", "in"))
            if o.lemma_.lower() in _RESULT_NOUNS
        }
    return out


_RESULT_NOUNS = frozenset({"death", "custody", "jail", "detention"})


_PERSON_COUNT_KINDS = frozenset({"killed", "injured", "arrested"})


def _one_person(text: str, tok: Token, patient: Token) -> dict[str, Any] | None:
    """A count of one for a single person the event acts on ("arrested a 23-year-old man",
    "a suspect was shot dead"): a singular person noun (a GROUP noun of ``sectors.tsv``) with
    "a"/"an", object or passive subject of the trigger, not coordinated; the kind comes from
    the words acting on it (``counts.count_kind``) and must be killed, injured or arrested."""
    # the trigger's own object or passive subject, or that of the verb coordinated right after
    # it ("shot and wounded a suspect": event_args._objects)
    governed = patient.head.i == tok.i or (
        patient.head.dep_ == "conj" and patient.head.head.i == tok.i
    )
    if (
        patient.tag_ != "NN"
        or patient.dep_ not in ("dobj", "nsubjpass")
        or not governed
        or any(c.dep_ == "conj" for c in patient.children)
    ):
        return None
    det = next(
        (c for c in patient.children if c.dep_ == "det" and c.lower_ in ("a", "an", "one")), None
    )
    row = oa.sector_nouns().get(patient.lemma_.lower())
    if det is None or row is None or row[1] != "GROUP":
        return None
    acting = _acting_lemmas(tok) | _acting_lemmas(patient.head)
    kind = count_kind({patient.lemma_.lower()}, acting, "patient")
    if kind not in _PERSON_COUNT_KINDS:
        return None
    end = patient.idx + len(patient.text)
    return {
        "kind": kind,
        "value": 1.0,
        "low": None,
        "high": None,
        "approximate": False,
        "unit": "people",
        "span": _sd(text, det.idx, end),
    }


def _counted(tok: Token) -> tuple[Token, Token | None]:
    """The number token heading the phrase whose number ends at ``tok`` and the counted noun
    ("2,000 protesters", "thousands of protesters"), or None for a bare number."""
    num = tok
    while num.head.i != num.i and (
        num.dep_ == "quantmod" or (num.dep_ == "conj" and num.head.pos_ == "NUM")
    ):  # "between 20 and 30 people"
        num = num.head
    if num.dep_ in ("nummod", "amod", "compound") and num.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        return num, num.head  # "2,000 protesters"
    of = [
        o
        for c in num.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for o in c.children
        if o.dep_ == "pobj"
    ]
    return num, (of[0] if of else None)  # "thousands of protesters": the number heads it


def _counts_things(ph: NumberPhrase, tok: Token) -> bool:
    """Whether a number phrase counts things ("three pistols", "four mortar rounds",
    "40 rounds of ammunition"), which are no ``Count``: ``model.Count`` is a number of people
    or money and its ``unit`` has no value for things (``counts.counts_things``)."""
    if ph.unit != "people":
        return False
    _num, noun = _counted(tok)
    if noun is None:
        return False
    # the counted noun itself or what it measures ("two boxes of grenades"), never a compound
    # on a person noun ("two mine workers")
    return counts_things(
        {noun.lemma_.lower()} | {o.lemma_.lower() for _p, o in ea.prep_objects(noun, ("of",))}
    )


def _people_kind(tok: Token) -> str:
    """Kind of the count whose number ends at ``tok``: the counted noun ("2,000 protesters",
    "thousands of people") and its modifiers, and each word acting on the counted phrase (the
    verb it is an argument of, the event noun it is the "of" object of, a participle or
    relative clause on it) with the phrase's role there; the first that gives a kind wins."""
    num, counted_tok = _counted(tok)
    top = (
        counted_tok
        if counted_tok is not None
        and counted_tok.i == num.head.i
        and num.dep_ in ("nummod", "amod", "compound")
        else num
    )
    counted = _lemmas_with_mods(counted_tok) if counted_tok is not None else set()
    counted |= {c.lemma_.lower() for c in num.children if c.dep_ in ("amod", "acomp", "oprd")}
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    # (acting lemmas, role) candidates, nearest first
    cands: list[tuple[set[str], str]] = []
    for holder in (t for t in (counted_tok, num) if t is not None):
        for c in holder.children:
            if c.dep_ == "acl" and c.pos_ == "VERB":  # "12 people killed in ..."
                cands.append(({c.lemma_.lower()}, "patient" if c.tag_ == "VBN" else "agent"))
            elif c.dep_ == "relcl":  # "people who were detained", "people who marched"
                role = (
                    "patient" if ea.is_passive(c) or c.lemma_.lower() in _UNACCUSATIVE else "agent"
                )
                cands.append((_lemmas_with_mods(c), role))
    head = top.head
    dep = top.dep_
    if dep in ("nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative") and head.i != top.i:
        acting = _acting_lemmas(head)
        if dep in ("nsubjpass", "dobj", "dative") or (dep == "nsubj" and ea.is_passive(head)):
            role = "patient"
        elif (
            head.lemma_.lower() in _UNACCUSATIVE
            or head.lemma_.lower() == "be"
            or (
                head.tag_ == "VBN"
                and head.dep_ != "ROOT"
                and not any(c.dep_ in ("aux", "auxpass") for c in head.children)
            )
        ):
            role = "patient"  # "12 died", "12 are dead", "left 12 dead and 40 wounded"
        else:
            role = "agent"
        cands.append((acting, role))
    elif dep == "pobj" and head.head.i != head.i:
        prep, a = head, head.head
        acting = _lemmas_with_mods(a)
        if a.lemma_.lower() in _LEVEL_VERBS:  # "the death toll rose to 12"
            acting |= {
                x
                for s in a.children
                if s.dep_ in ("nsubj", "nsubjpass")
                for x in _lemmas_with_mods(s)
            }
            role = "patient"
        elif prep.lower_ == "of" and a.pos_ in ("NOUN", "PROPN"):
            role = "patient"  # "the deaths of 12 people", "a rally of 5,000 people"
        elif prep.dep_ == "agent":
            role = "agent"
        else:
            role = "other"
        cands.append((acting, role))
    for acting, role in cands or [(set(), "other")]:
        kind = count_kind(counted, acting, role)
        if kind != "other":
            return kind
    return "other"
