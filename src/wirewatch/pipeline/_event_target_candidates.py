"""Target candidates of the event coder beyond the argument frames of ``event_args``, each a
list of tokens nearest first: parties inside a non-actor object (``inner_targets``: "praised
Haiti's efforts", "calls by X"), in the trigger's purpose complement (``complement_targets``), in
a demanded or protested clause (``clause_targets``, ``demanded_parties``), the party a statement
is made to (``addressee``), the parties of the trigger's verb phrase that are not places or
background (``verb_phrase_parties``, with ``is_place_noun``), the state whose embassy a protest
is held at (``mission_owners``), and the place a protest disrupts, its location and no party
(``disrupted_place``).

Source: PETRARCH-2 (Norris, Schrodt & Beieler 2017): with no frame filled, the target is the
first actor in the verb phrase.
"""

from __future__ import annotations

from spacy.tokens import Token

from wirewatch.pipeline._event_actor_spans import _is_name
from wirewatch.pipeline.event_args import (
    _BACKGROUND_PREPS,
    _RECIPIENT_PREPS,
    _TARGET_PREPS,
    _objects,
    _owned,
    _pobj,
    prep_objects,
)

__all__ = [
    "inner_targets",
    "complement_targets",
    "clause_targets",
    "addressee",
    "demanded_parties",
    "verb_phrase_parties",
    "is_place_noun",
    "disrupted_place",
    "mission_owners",
]

# prepositions inside a non-actor object that name the party it concerns ("calls by X",
# "aid for X", "relations with X", "independence from X", "the removal of X")
_INNER_PREPS = _TARGET_PREPS | {"for", "from", "by", "of", "into", "over", "between", "among"}


def inner_targets(noun: Token, depth: int = 2, *, poss: bool = True) -> list[Token]:
    """Parties named inside a non-actor object, nearest first: its possessor ("praised Haiti's
    efforts"; skipped with ``poss=False``, for a noun trigger whose possessor is its source),
    an actor modifying it ("hostage-takers' demands", "Israeli raids", "the US-led war";
    skipped with ``poss=False`` too), the objects of its prepositions ("rejected calls by X",
    "aid to X", "relations with X", "mediation between X and Y"), and the agent of a
    participle after it ("crimes committed by X"); then the same inside those objects up to
    ``depth`` levels ("70 million dollars of aid for Romania", "an investigation into crimes
    committed by X"). Callers keep the candidates that are actors."""
    out: list[Token] = []
    level = [noun]
    for k in range(depth):
        nxt: list[Token] = []
        for n in level:
            for c in n.children:
                if c.dep_ == "poss" and c.pos_ != "PRON" and (poss or k > 0):
                    out.append(c)
                    nxt.append(c)
                elif (
                    (
                        c.dep_ in ("compound", "nmod")
                        or (c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE"))
                    )
                    and c.i < n.i
                    and (poss or k > 0)
                ):
                    out.append(c)  # "rebel positions", "the Israeli raids"
                elif c.dep_ == "amod" and c.lower_ in _LED and (poss or k > 0):
                    # "the US-led war", "Saudi-backed forces": who leads it is named on it
                    out.extend(
                        a for a in c.children if a.dep_ in ("npadvmod", "compound", "nmod", "poss")
                    )
                elif c.dep_ in ("prep", "agent") and c.lower_ in _INNER_PREPS:
                    for o in c.children:
                        if o.dep_ == "pobj":
                            out.append(o)
                            nxt.append(o)
                elif c.dep_ == "acl" and c.tag_ == "VBN":
                    out.extend(o for _p, o in prep_objects(c, ("by",)))
        level = nxt
        if not level:
            break
    return out


# participles that make a name modifying a noun its leader or sponsor ("US-led", "Iran-backed")
_LED = frozenset(
    {
        "led",
        "backed",
        "sponsored",
        "supported",
        "funded",
        "armed",
        "controlled",
        "dominated",
        "run",
        "allied",
    }
)


def _purpose_clauses(tok: Token) -> list[Token]:
    """Verb complements of ``tok`` that say what it is for: "threatened to break off",
    "staged a strike to demand", "a strike to demand" (xcomp, or an advcl/acl with "to")."""
    out = []
    for c in tok.children:
        if c.pos_ not in ("VERB", "AUX"):
            continue
        if c.dep_ == "xcomp" or (
            c.dep_ in ("advcl", "acl")
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ):
            out.append(c)
    return out


def complement_targets(tok: Token, depth: int = 2) -> list[Token]:
    """Target candidates in the verb complement of a trigger ("threatened to break off relations
    with X", "promised to continue aid to X", "offered to hand over to X", "a hunger strike to
    demand the resignation of X"): the complement's object (unless owned by the actor), its
    to/with/against/… objects, then parties inside the object (``inner_targets``);
    complements of complements up to ``depth`` levels."""
    out: list[Token] = []
    level = [tok]
    for _ in range(depth):
        nxt = [c for v in level for c in _purpose_clauses(v)]
        for x in nxt:
            objs = _objects(x)
            out.extend(o for o in objs if not _owned(o) and o.pos_ != "NUM")
            preps = [o for _p, o in prep_objects(x, _RECIPIENT_PREPS)]
            out.extend(preps)
            for o in objs:
                out.extend(inner_targets(o))
            # "refused to respond to a demand from X", "refused to commit to aid to the
            # US-led war": the party inside a non-actor prepositional object
            for o in preps:
                out.extend(inner_targets(o))
        level = nxt
        if not level:
            break
    return out


def clause_targets(tok: Token, plover_type: str) -> list[Token]:
    """Subjects of the clauses that say what is demanded or threatened over: a demand's "that"
    clause ("its demand that Israel ease restrictions") and the condition of a threat
    ("threatened to launch an offensive unless Baghdad accepted", "... if the United States
    goes ahead")."""
    out: list[Token] = []
    if plover_type in ("REQUEST", "ACCUSE", "REJECT") and tok.pos_ != "VERB":
        # the noun's own "that" clause, or one the parser hung on the verb the noun is the
        # object of ("reiterated its demand today that Israel ease ...")
        holders = [tok, tok.head] if tok.dep_ == "dobj" else [tok]
        for h in holders:
            for c in h.children:
                if (
                    c.dep_ in ("acl", "ccomp")
                    and c.i > tok.i
                    and any(m.lower_ == "that" for m in c.children)
                ):
                    out.extend(demanded_parties(c))
    if plover_type == "THREATEN":
        for h in [tok, *(c for c in tok.children if c.dep_ == "xcomp")]:
            for c in h.children:
                if c.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children
                ):
                    out.extend(s for s in c.children if s.dep_ in ("nsubj", "nsubjpass"))
    return out


def addressee(clause: Token) -> Token | None:
    """The party a statement is made to, for a clause reported from it: the indirect or "to"
    object of the reporting verb or noun, or its direct object ("told Iraq that it must",
    "warned Iraq that it must", "issued a reminder to Iraq that it must" -> "Iraq"); None when
    the statement names no addressee."""
    head = clause.head
    holders = [head]
    if head.pos_ in ("NOUN", "PROPN") and head.head.pos_ == "VERB":
        holders.append(head.head)
    for h in holders:
        for c in h.children:
            if c.i == clause.i or c.i in (x.i for x in holders):
                continue
            if c.dep_ == "dative" and c.pos_ != "ADP":
                return c
            if c.dep_ in ("dative", "prep") and c.lower_ == "to" and (o := _pobj(c)) is not None:
                return o
            if c.dep_ == "dobj" and h.pos_ == "VERB" and c.i < clause.i and _is_name(c):
                return c
    return None


def demanded_parties(clause: Token) -> list[Token]:
    """Target candidates in a clause that states what is demanded or alleged ("demanded that
    the US cancel the visit", "demanded that control of the ministry be taken away from the
    northern politicians"): its subject, then the objects of its recipient prepositions (also
    through a particle: "taken away from X")."""
    out = [s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")]
    holders = [clause, *(c for c in clause.children if c.dep_ in ("advmod", "prt"))]
    out.extend(o for h in holders for _p, o in prep_objects(h, _RECIPIENT_PREPS))
    return out


# prepositions that only set an event in place or time ("near the border", "during the talks");
# "in", "at" and "on" also take parties ("in defiance of X", "protest at the settlement of X",
# "fired on X") and count as place only before a place; "from/to/into" name the party a move
# is directed at ("withdrew from Lebanon") and are kept
_SETTING_PREPS = frozenset(
    {
        "near",
        "across",
        "throughout",
        "outside",
        "inside",
        "around",
        "within",
        "along",
        "beyond",
        "during",
        "amid",
        "amidst",
    }
)
_SITE_PREPS = frozenset({"in", "at", "on", "upon", "through"})
# common nouns naming a place, not a party ("a village near the border", "the streets of X")
_PLACE_NOUNS = frozenset(
    {
        "area",
        "border",
        "borders",
        "capital",
        "city",
        "coast",
        "district",
        "enclave",
        "frontier",
        "land",
        "neighbourhood",
        "neighborhood",
        "outskirts",
        "port",
        "province",
        "region",
        "road",
        "sector",
        "square",
        "street",
        "territory",
        "town",
        "village",
        "zone",
        "home",
        "residence",
        "house",
        "building",
        "camp",
        "headquarters",
        "office",
        "embassy",
        "compound",
        "prison",
        "jail",
        "base",
        "airport",
        "hospital",
        "school",
        "university",
        "stronghold",
        "position",
        "outpost",
        "post",
        "barracks",
        "checkpoint",
        "hideout",
    }
)
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# clauses whose actors are not in a verb's phrase: coordinated verbs, and reported, adverbial,
# relative and noun-complement clauses with their own subject
_OTHER_CLAUSES = frozenset({"conj", "parataxis", "ccomp", "advcl", "relcl", "acl", "csubj"})


def is_place_noun(tok: Token) -> bool:
    """A common noun naming a place or site ("village", "camps", "embassy"), not a party."""
    return tok.pos_ == "NOUN" and (tok.lemma_.lower() in _PLACE_NOUNS or tok.lower_ in _PLACE_NOUNS)


def _is_site(o: Token) -> bool:
    """A prepositional object that only says where: a place name ("Beirut", "the West Bank")
    or a common place noun ("a village", "the streets of Lagos")."""
    if o.ent_type_ in _PLACE_ENTS:
        return True
    return is_place_noun(o)


def verb_phrase_parties(tok: Token, *, adjuncts: bool = False) -> list[Token]:
    """Every noun or name in the trigger's verb phrase, in text order: the fallback CAMEO
    coders use for the target when no frame fills it, the first actor in the verb phrase
    (the TABARI/PETRARCH convention; PETRARCH-2, Norris, Schrodt & Beieler 2017).

    Args:
        tok: the trigger (a verb, or a noun: then its phrase and, for a verb's direct object,
            the rest of that verb's phrase).
        adjuncts: also search adverbial clauses and gerunds after a preposition ("opened fire
            to disperse the crowd", "resigned without returning to X"); by default they are
            acts of their own and left out.

    Returns:
        tokens right of the trigger inside its phrase, in text order; leaving out places and
        background of the event (objects of "near/across/during/after/despite/...", of
        "in/at/on" when they name a place and of "in/at" when they are a name: "in the
        Senate", with their whole phrase), roles ("as governor"), the subjects and their
        phrases, other clauses (coordinated verbs, and reported, adverbial, relative and
        noun-complement clauses with their own subject), dates, times and numbers. Callers
        keep the first that is an actor and is neither the source nor the reporting speaker.
    """
    roots = [tok]
    if tok.pos_ not in ("VERB", "AUX") and tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
        roots.append(tok.head)
    skip: set[int] = set()
    for r in roots:
        for d in r.subtree:
            if d.i in skip:
                continue
            cut = False
            if d.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") and d.head.i == r.i:
                cut = True
            elif (
                d.dep_ in _OTHER_CLAUSES
                and d.pos_ in ("VERB", "AUX")
                and d.i != tok.i
                and (
                    d.dep_ in ("conj", "parataxis")
                    or any(s.dep_ in ("nsubj", "nsubjpass") for s in d.children)
                )
            ):
                cut = True
            elif (
                not adjuncts
                and d.i != tok.i
                and (d.dep_ == "advcl" or (d.dep_ == "pcomp" and d.pos_ == "VERB"))
            ):
                cut = True
            elif d.dep_ == "prep" and d.lower_ == "as":
                cut = True  # a role, not a party ("in his time as governor")
            elif (
                d.dep_ == "prep"
                and (o := _pobj(d)) is not None
                and (
                    d.lower_ in _SETTING_PREPS
                    or d.lower_ in _BACKGROUND_PREPS
                    or (d.lower_ in _SITE_PREPS and _is_site(o))
                    or (d.lower_ in ("in", "at") and _is_name(o))
                )
            ):
                cut = True  # "in the Senate", "at the UN": a named venue
            if cut:
                skip.update(t.i for t in d.subtree)
    out: list[Token] = []
    seen: set[int] = set()
    for r in roots:
        for d in r.subtree:
            if d.i <= tok.i or d.i in skip or d.i in seen:
                continue
            seen.add(d.i)
            if d.pos_ not in ("NOUN", "PROPN") and d.ent_type_ not in ("NORP", "GPE", "ORG"):
                continue
            if d.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY", "QUANTITY", "PERCENT"):
                continue
            out.append(d)
    return sorted(out, key=lambda t: t.i)


# verbs by which a protest, strike or riot disrupts a place, in general English usage (causative
# change-of-state verbs, cf. Levin 1993, 45.4; "a strike paralysed the capital", "protests
# rocked Tehran", "unrest swept the country", "the strike shut down Nairobi")
_DISRUPT_VERBS = frozenset(
    {
        "paralyse",
        "paralyze",
        "cripple",
        "shut",
        "close",
        "disrupt",
        "halt",
        "grip",
        "hit",
        "rock",
        "shake",
        "sweep",
        "engulf",
    }
)
# nouns of a state's diplomatic mission abroad (Vienna Convention on Diplomatic Relations 1961,
# art. 1): the mission stands for the state that sends it
_MISSIONS = frozenset({"embassy", "consulate", "legation", "chancery"})


def disrupted_place(noun: Token) -> Token | None:
    """The place a protest noun is said to disrupt ("a strike paralysed Santiago", "protests
    rocked Tehran", "a general strike that shut down Kathmandu"): the direct object of a verb
    of disruption (``_DISRUPT_VERBS``) whose subject is ``noun``, or of such a verb in a
    relative clause on ``noun`` (or hung on it as a participle by the parser). It is where the
    protest happens, its location, not a party that acts.

    Args:
        noun: a PLOVER PROTEST event-noun trigger.

    Returns:
        The object's head token when it is a proper name or a place entity (GPE, LOC; the
        caller checks it names a place), else None.
    """
    verbs = [c for c in noun.children if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"]
    if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB":
        verbs.insert(0, noun.head)
    for v in verbs:
        if v.lemma_.lower() not in _DISRUPT_VERBS:
            continue
        obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        if obj is not None and (obj.ent_type_ in ("GPE", "LOC") or obj.pos_ == "PROPN"):
            return obj
    return None


def mission_owners(tok: Token) -> list[Token]:
    """The states whose diplomatic mission a protest is held at ("rallied outside the French
    embassy", "protested at the Russian consulate in X", "a demonstration outside the embassy
    of Iran"), nearest first: the name, demonym or possessor modifying the mission noun
    (``_MISSIONS``), or its "of" object. A protest at a state's mission is directed at that
    state (CAMEO 14 codes it as the target, as the PLOVER manual 0.8 PROTEST codes whom the
    protest is against). The mission must be the object of a preposition of the trigger, or,
    for a noun trigger that is the subject or object of a verb, of that verb.

    Args:
        tok: a PROTEST trigger (verb or noun).

    Returns:
        tokens naming the owning state (callers keep those that resolve to an actor); empty
        when no mission is named.
    """
    heads = [tok]
    if tok.pos_ != "VERB" and tok.dep_ in ("nsubj", "nsubjpass", "dobj"):
        heads.append(tok.head)
    out: list[Token] = []
    for h in heads:
        for p in h.children:
            if p.dep_ != "prep":
                continue
            o = _pobj(p)
            if o is None or o.lemma_.lower() not in _MISSIONS:
                continue
            out.extend(
                c
                for c in o.children
                if c.i < o.i
                and c.dep_ in ("amod", "compound", "nmod", "poss")
                and (c.ent_type_ in ("NORP", "GPE") or c.pos_ == "PROPN")
            )
            out.extend(x for _p, x in prep_objects(o, ("of",)))
    return out
