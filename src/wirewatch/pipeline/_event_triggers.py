"""Trigger selection for the ``wirewatch_events`` coder: whether a lexicon row's argument
conditions hold for a token (``_cond_holds``), and which triggers fold into another (a noun
object of a verb trigger, a same-type noun inside a verb's object, what an event escalated
into), or are opinions rather than PLOVER AGREE events; and the row a state's protest takes
(``official_protest``: a diplomatic complaint, not a demonstration).

Source: argument conditions documented in ``resources/event_lexicon.tsv``; PLOVER manual
draft 0.8 (2021) for AGREE, PROTEST and ACCUSE; CAMEO manual 1.1b3 for 114 and 14.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice
from typing import Any

from spacy.tokens import Token

from wirewatch.ontology import actors as oa
from wirewatch.ontology.event_lexicon import Condition, TriggerEntry, entries_for
from wirewatch.pipeline import event_args as ea
from wirewatch.pipeline._event_context import _PLACE_LABELS
from wirewatch.pipeline._event_target_candidates import is_place_noun
from wirewatch.pipeline.places import gazetteer

_QUANTITY_HEADS = frozenset(
    {"hundreds", "thousands", "dozens", "scores", "millions", "dozen", "group", "number", "crowd"}
)
_STANCE_PREPS = frozenset({"to", "against", "for", "over", "about"})
_STANCE_TYPES = frozenset({"REJECT", "ACCUSE", "SUPPORT", "REQUEST"})


def _is_place(tok: Token) -> bool:
    """Whether ``tok`` heads a place (``PLACE`` in a lexicon row's obj/subj list): a place
    name (GPE/LOC/FAC entity, or a proper name the gazetteer knows; a name the NER labels
    PERSON only when it is a country's, as "Mali" or "Niger" sometimes are) or a common place
    noun ("the capital", "the base").
    "left two people dead", "left their weapons" name none."""
    if tok.ent_type_ in _PLACE_LABELS or is_place_noun(tok):
        return True
    if tok.pos_ != "PROPN":
        return False
    name = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [tok]
    text = tok.doc[name[0].i : tok.i + 1].text
    if tok.ent_type_ == "PERSON":
        # only a country's name overrides the label: "Obama" and "Lincoln" are also towns
        return gazetteer().resolve(text)["precision"] == "country"
    return gazetteer().is_place_name(text)


def _subject_heads(tok: Token) -> list[Token]:
    """The head nouns of the trigger verb's active subject, inherited through relative,
    infinitive and coordinated clauses (``event_args.subject_of``), with a quantity's "of"
    phrase for the quantity ("thousands of soldiers" -> "soldiers") and the subject's
    conjuncts ("troops and police")."""
    s = ea.subject_of(tok)
    if s is None:
        return []
    if s.pos_ == "NUM" or s.like_num or s.lower_ in _QUANTITY_HEADS:
        s = next(
            (
                o
                for c in s.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for o in c.children
                if o.dep_ == "pobj"
            ),
            s,
        )
    return [s, *s.conjuncts]


def _cond_holds(tok: Token, cond: Condition) -> bool:
    """Whether one argument condition of a lexicon row holds for the trigger ``tok``.

    Args:
        tok: the candidate trigger token.
        cond: the condition (kinds documented in ``resources/event_lexicon.tsv``): an
            upper-case item in ``obj``/``subj`` lists is a spaCy entity label the argument may
            carry instead of a listed lemma ("hosted PERSON"), and ``PLACE`` any place name or
            place noun (``_is_place``: "left Mali", "left the capital").

    Returns:
        True when the dependency parse around ``tok`` satisfies the condition.
    """
    kind, lemmas = cond.kind, cond.lemmas
    if kind == "gov":  # "gave a warm welcome", "extended a welcome": the noun's support verb
        return tok.dep_ == "dobj" and tok.head.lemma_.lower() in lemmas
    if kind == "comp":  # "ordered the paper to suspend publication": the ordered act
        for c in tok.children:
            if c.dep_ != "xcomp":
                continue
            if c.lemma_.lower() in lemmas and (
                not cond.obj_lemmas
                or any(o.dep_ == "dobj" and o.lemma_.lower() in cond.obj_lemmas for o in c.children)
            ):
                return True
            # an upper-case item is a PLOVER type the complement is a trigger of ("agreed to
            # lift the curfew": a promised concession)
            first = (
                next(
                    (
                        e
                        for e in entries_for(c.lemma_.lower())
                        if e.verb and all(_cond_holds(c, k) for k in e.conditions)
                    ),
                    None,
                )
                if c.pos_ == "VERB"
                else None
            )
            if first is not None and first.plover_type in lemmas:
                return True
        return False
    if kind == "noobj":
        return not any(c.dep_ == "dobj" for c in tok.children)
    if kind == "noprep":
        # "hosted talks", not "hosted talks with X" (the host takes part); "left the city",
        # not "left the city in ruins" (a state it is left in); a phrase that only says when
        # or where ("in March", "in Syria") does not count
        holders = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
        return not any(
            c.dep_ == "prep"
            and c.lower_ in lemmas
            and any(
                o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME") and not _is_place(o)
                for o in c.children
            )
            for h in holders
            for c in h.children
        )
    if kind == "subjhead":  # "the peacekeepers left Mali", not "the army chief left Paris"
        return any(h.lemma_.lower() in lemmas for h in _subject_heads(tok))
    if kind == "xcomp":
        return any(c.dep_ == "xcomp" for c in tok.children)
    if kind == "ccomp":  # a clause complement: "protested that ...", "agreed that ..."
        return any(c.dep_ == "ccomp" for c in tok.children)
    if kind == "prep":
        holders = [tok] + [c for c in tok.children if c.dep_ == "dobj"]
        if tok.pos_ != "VERB" and tok.dep_ == "dobj":
            # "opened a hearing on Wednesday into ...": the parser hangs the noun's
            # prepositional phrase on its support verb
            holders.append(tok.head)
        for c in (c for h in holders for c in h.children):
            # an adverb particle the parser leaves as advmod ("pulled its forces back")
            particle = c.dep_ == "advmod" and c.pos_ in ("ADV", "ADP")
            if (particle or c.dep_ in ("prep", "prt", "agent", "dative")) and c.lower_ in lemmas:
                if any(o.ent_type_ in ("DATE", "TIME") for o in c.children):
                    continue
                if not cond.obj_lemmas:
                    return True
                if any(o.lemma_.lower() in cond.obj_lemmas for o in c.subtree if o.i != c.i):
                    return True
        return False
    if kind == "mod":
        return any(
            c.dep_ in ("amod", "compound", "nmod") and c.lemma_.lower() in lemmas
            for c in tok.children
        )
    if kind == "prev":
        return any(t.lemma_.lower() in lemmas for t in tok.doc[max(0, tok.i - 3) : tok.i])
    args: list[Token] = []
    if kind == "obj":
        args = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if not args and tok.pos_ == "VERB":
            # "shortened by one hour the curfew imposed after the coup toppled ...": the
            # parser takes a late object followed by a participle for the subject of an
            # unmarked clause complement
            args = [
                s
                for c in tok.children
                if c.dep_ == "ccomp"
                for s in c.children
                if (v := _late_object_verb(s)) is not None and v.i == tok.i
            ]
        # the "of" object of the trigger, and of its object when that is a measure or part
        # ("lifted a state of emergency", "suspended part of its aid programme", "handed over
        # 700 kg of medicine")
        args += [
            o
            for h in [tok, *args]
            for c in h.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for o in c.children
            if o.dep_ == "pobj"
        ]
    elif kind == "subj":
        args = [c for c in tok.children if c.dep_ in ("nsubj", "poss")]
        args += [
            o
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for o in c.children
            if o.dep_ == "pobj"
        ]
        # "hundreds of protesters gathered": a quantity subject's "of" phrase names who
        args += [
            o
            for a in list(args)
            if a.pos_ == "NUM" or a.like_num or a.lower_ in _QUANTITY_HEADS
            for c in a.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for o in c.children
            if o.dep_ == "pobj"
        ]
        if not args and tok.dep_ in ("xcomp", "conj"):
            s = ea.subject_of(tok)
            args = [s] if s is not None else []
        if not args and tok.dep_ in ("amod", "acl"):
            args = [tok.head]
    for a in args:
        if a.lemma_.lower() in lemmas or (a.ent_type_ and a.ent_type_ in lemmas):
            return True
        if "PLACE" in lemmas and _is_place(a):
            return True
        if any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in lemmas for c in a.children):
            return True
    return False


def _late_object_verb(noun: Token) -> Token | None:
    """The verb whose object ``noun`` really is when the parser made it the subject of an
    unmarked clause complement ("lifted by noon the curfew imposed after rebels stormed ...":
    "curfew" parsed as the subject of "stormed"): a common noun with a past-participle
    modifier, subject of a ccomp without "that", under a verb with no direct object; else
    None."""
    clause = noun.head
    if noun.dep_ != "nsubj" or noun.pos_ != "NOUN" or clause.dep_ != "ccomp":
        return None
    if not any(a.dep_ == "acl" and a.tag_ == "VBN" for a in noun.children):
        return None
    if any(m.dep_ == "mark" for m in clause.children):
        return None
    verb = clause.head
    if verb.pos_ != "VERB" or any(c.dep_ == "dobj" for c in verb.children):
        return None
    return verb


def _folded_same(tok: Token, entry: TriggerEntry, trig: dict[int, TriggerEntry]) -> bool:
    """A noun trigger inside the object of a verb trigger of the same PLOVER type ("sent $2
    million in aid": one AID event)."""
    if tok.pos_ == "VERB":
        return False
    for cur in islice(tok.ancestors, 3):
        other = trig.get(cur.i)
        if other is not None and cur.pos_ == "VERB":
            return other.plover_type == entry.plover_type
    return False


_ESCALATE = frozenset(
    {"turn", "escalate", "degenerate", "develop", "become", "spiral", "descend", "erupt"}
)


def _escalation(tok: Token, entry: TriggerEntry, trig: dict[int, TriggerEntry]) -> bool:
    """A trigger naming what another event of the same type turned into ("protests turning
    into riots", "the rally escalated into a riot"): one event, coded from the first."""
    if tok.pos_ == "VERB" or tok.dep_ not in ("pobj", "attr", "oprd"):
        return False
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    if verb.lemma_.lower() not in _ESCALATE:
        return False
    firsts = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ in ("acl", "relcl", "advcl"):
        firsts.append(verb.head)
    return any(
        (e := trig.get(f.i)) is not None and e.plover_type == entry.plover_type for f in firsts
    )


def _folded(tok: Token, trig: dict[int, TriggerEntry]) -> bool:
    """A noun trigger that is the object of a verb trigger ("lifted the sanctions", "condemned
    violence and destruction", "lifted a state of emergency", "violated the ceasefire
    agreement"), or the prepositional object of a stance or appeal trigger ("is opposed to
    French mediation", "protested against the deployment"): what the verb acts on or speaks
    about, not an event of its own."""
    if tok.pos_ == "VERB":
        return False
    cur = tok
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ == "compound" and cur.head.dep_ == "dobj":
        cur = cur.head  # "halt mediation efforts", "violated the ceasefire agreement"
    late = _late_object_verb(cur)
    if late is not None and late.i in trig:
        return True  # "shortened by an hour the curfew imposed after ...": its object
    if cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.dep_ == "dobj":
        cur = cur.head.head  # "lifted a state of emergency", "suspended part of the aid"
    if cur.dep_ == "pobj" and cur.head.dep_ == "prep" and cur.head.lower_ in _STANCE_PREPS:
        verb = cur.head.head
        e = trig.get(verb.i)
        return e is not None and verb.i != tok.i and e.plover_type in _STANCE_TYPES
    return cur.dep_ in ("dobj", "nsubjpass") and cur.head.i in trig and cur.head.i != tok.i


def _opinion_agreement(tok: Token, entry: TriggerEntry) -> bool:
    """ "X agrees (that) the plan failed": present-tense agreement with a clause is an opinion
    the quotes component records as an attribution, not a PLOVER AGREE event, which the PLOVER
    0.8 manual reserves for agreeing to act or on an accord ("agreed to resume talks", "agreed
    on a ceasefire")."""
    return (
        entry.plover_type == "AGREE"
        and tok.pos_ == "VERB"
        and tok.tag_ in ("VBZ", "VBP")
        and any(c.dep_ == "ccomp" for c in tok.children)
        and not any(c.dep_ in ("xcomp", "prep", "dobj") for c in tok.children)
    )


# CAMEO 114 "Complain officially": the official complaint a state body files
_OFFICIAL_COMPLAINT = "114"


def _state_body(actor: dict[str, Any], *, country_alone: bool) -> bool:
    """A government actor (sector GOV: a ministry, an embassy, a government, a head of state
    or minister) or, when ``country_alone``, a country named alone as a state ("Japan
    protested"; its span is the country's name, not a demonym: "Brazilians protested" are
    people)."""
    if actor.get("sector") == "GOV":
        return True
    text = str(actor.get("text") or "")
    return (
        country_alone
        and actor.get("sector") is None
        and bool(text)
        and oa.country_code(text) is not None
    )


def official_protest(
    tok: Token, entry: TriggerEntry, src: Token | None, sources: Sequence[dict[str, Any]]
) -> TriggerEntry | None:
    """The official-complaint row of a protest word whose source actors are all state bodies.

    "China's foreign ministry protested the visit", "Japan protested the decision", "the
    ministry's protest": a state protests by a diplomatic note or statement, not in the street.
    CAMEO 14 (PROTEST) is "civilian demonstrations and other collective actions carried out as
    protests"; a state's protest is CAMEO 114 "Complain officially", PLOVER 0.8 ACCUSE (mode
    allege, context diplomatic, as CAMEO2PLOVER-2021 maps 114). "Farmers protested", "students
    protested against the law" keep PROTEST. A protest noun counts only its own possessor or
    "by" agent, with sector GOV ("the embassy's protest"): a country before the noun is mostly
    where the protests are ("Bahrain's protests"), and a subject further up the clause is
    seldom the protester ("the government deployed troops to suppress protests").

    Args:
        tok: the trigger token ("protested", "protest").
        entry: the lexicon row the trigger matched.
        src: the source token the parse gave the trigger, or None.
        sources: the event's source actors (records with ``text``, ``name``, ``country``,
            ``sector``).

    Returns:
        The trigger lemma's own CAMEO 114 row of ``resources/event_lexicon.tsv``, keeping
        ``entry``'s weight (the recoding makes the trigger no more certain), when ``entry`` is
        a PROTEST row and every source is a state body; else None (no source, a non-state
        source, or a lemma with no such row: "marched", "rallied").
    """
    if entry.plover_type != "PROTEST" or not sources:
        return None
    verb = tok.pos_ == "VERB"
    if not verb and (
        src is None
        or not (
            (src.dep_ == "poss" and src.head.i == tok.i)
            or (src.dep_ == "pobj" and src.head.lower_ == "by" and src.head.head.i == tok.i)
        )
    ):
        return None
    if not all(_state_body(a, country_alone=verb) for a in sources):
        return None
    row = next(
        (
            e
            for e in entries_for(tok.lemma_.lower())
            if e.cameo == _OFFICIAL_COMPLAINT and (e.verb if verb else e.noun)
        ),
        None,
    )
    return row._replace(weight=entry.weight) if row is not None else None
