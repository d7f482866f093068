"""Source and target helpers of the ``wirewatch_events`` coder, on top of the argument
frames of ``event_args``: fallback target candidates, dyads per compound actor, the source
never its own target, the attack means standing for an unnamed attacker, targets taken from a
complement event, the parties of an event another one turned into, a death clause folded into
the attack it tells the victims of, demands voiced by a protest, and the weapon words ACLED
types read.

Source: PETRARCH-2 (Norris, Schrodt & Beieler 2017) for the dyad rules; CAMEO manual 1.1b3.
"""

from __future__ import annotations

from itertools import islice
from typing import Any

from spacy.tokens import Span, Token

from wirewatch.ontology.event_lexicon import TriggerEntry
from wirewatch.pipeline import event_args as ea
from wirewatch.pipeline._event_places import _TIME_MARKS
from wirewatch.pipeline._event_target_candidates import (
    clause_targets,
    complement_targets,
    demanded_parties,
    inner_targets,
)

# nouns naming the means of an attack whose perpetrator the text does not name
_ATTACK_MEANS = frozenset(
    {
        "bomb",
        "bombing",
        "explosion",
        "blast",
        "mine",
        "minefield",
        "landmine",
        "device",
        "ied",
        "rocket",
        "missile",
        "shell",
        "mortar",
        "grenade",
        "shelling",
        "airstrike",
        "strike",
        "attack",
        "explosive",
        "car-bomb",
        "booby",
        "trap",
    }
)
_RECIPROCAL = frozenset({"CONSULT", "AGREE", "COOPERATE", "ASSAULT"})
_VERBAL_TYPES = frozenset(
    {"THREATEN", "AGREE", "REJECT", "REQUEST", "PROTEST", "SUPPORT", "ACCUSE"}
)


_TOPIC_PREPS = ("over", "about", "against", "regarding", "concerning")


def _dyads(
    sources: list[dict[str, Any]], targets: list[dict[str, Any]], ptype: str
) -> list[tuple[dict[str, Any] | None, dict[str, Any] | None]]:
    """One (source, target) pair per combination; reciprocal types with a compound subject and
    no target ("Russia and China met") give both directions."""
    if len(sources) > 1 and not targets and ptype in _RECIPROCAL:
        return [(a, b) for a in sources for b in sources if a is not b]
    src: list[dict[str, Any] | None] = list(sources) or [None]
    tgt: list[dict[str, Any] | None] = list(targets) or [None]
    return [(s, t) for s in src for t in tgt]


def _time_clause_antecedent(tok: Token, pron: Token) -> Token | None:
    """The antecedent of a possessive pronoun in a time clause ("when", "as", "after") that is
    the subject of the clause it modifies: "three officers were killed when gunmen ambushed
    their patrol" -> "officers". "their" needs a plural subject, "his"/"her" a singular
    one; the time clause's own subject never is it. None when no such subject."""
    if tok.dep_ != "advcl" or not any(
        c.dep_ in ("mark", "advmod") and c.lower_ in _TIME_MARKS for c in tok.children
    ):
        return None
    subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or subj in tok.subtree:
        return None
    plural = subj.tag_ in ("NNS", "NNPS")
    if (pron.lower_ == "their" and plural) or (pron.lower_ in ("his", "her") and not plural):
        return subj
    return None


def _targets_from_complement(sent: Span, events: list[dict[str, Any]]) -> None:
    """Give a stance, threat or protest with no target of its own the target of the event it
    is about, in its infinitive or participle complement ("threatened to impose a curfew in
    Algiers", "agreed to postpone the rally in Baku", "marched, calling for independence
    from X"). Changes ``events`` in place."""
    by_start: dict[int, list[dict[str, Any]]] = {}
    for e in events:
        by_start.setdefault(e["trigger"]["start_char"], []).append(e)
    tok_at = {t.idx: t for t in sent}
    for e in events:
        if e["target_actor"] is not None or e["plover_type"] not in _VERBAL_TYPES:
            continue
        tok = tok_at.get(e["trigger"]["start_char"])
        if tok is None:
            continue
        src = e["source_actor"]
        for c in tok.children:
            if not (
                c.dep_ == "xcomp"
                or (
                    c.dep_ == "advcl"
                    and (
                        e["plover_type"] == "PROTEST"
                        or any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                    )
                )
            ):
                continue  # "condemned X, urging all parties ...": a second act, not X's target
            cands = [c, *(d for d in c.children if d.dep_ == "dobj")]
            found = next(
                (
                    o["target_actor"]
                    for k in cands
                    for o in by_start.get(k.idx, [])
                    if o is not e
                    and o["target_actor"] is not None
                    and (src is None or o["target_actor"]["start_char"] != src["start_char"])
                ),
                None,
            )
            if found is not None:
                e["target_actor"] = found
                break


# verbs of one event becoming another ("protests turned into riots")
_BECOME_VERBS = frozenset(
    {"turn", "escalate", "develop", "descend", "degenerate", "spiral", "grow", "evolve"}
)


def _escalated_parties(sent: Span, events: list[dict[str, Any]]) -> None:
    """Give an event that another of its PLOVER type turned into ("anti-government protests
    erupted, turning into riots") the parties of the first when it names none of its own: the
    riots are the protesters' and against the same target, not against the city they spread to.
    A target that is only the event's place counts as none. Changes ``events`` in place."""
    tok_at = {t.idx: t for t in sent}
    by_tok: dict[int, list[dict[str, Any]]] = {}
    for e in events:
        t = tok_at.get(e["trigger"]["start_char"])
        if t is not None:
            by_tok.setdefault(t.i, []).append(e)
    for e in events:
        tok = tok_at.get(e["trigger"]["start_char"])
        if tok is None or tok.dep_ != "pobj" or tok.head.lower_ not in ("into", "to"):
            continue
        verb = tok.head.head
        if verb.lemma_.lower() not in _BECOME_VERBS:
            continue
        subj = ea.subject_of(verb)
        first = (
            [o for o in by_tok.get(subj.i, []) if o["plover_type"] == e["plover_type"]]
            if subj is not None
            else []
        )
        if not first:
            continue
        loc = (e.get("location") or {}).get("span") or {}
        tgt = e["target_actor"]
        if tgt is None or (loc and tgt["start_char"] == loc.get("start_char")):
            e["target_actor"] = first[0]["target_actor"] or tgt
        if e["source_actor"] is None:
            e["source_actor"] = first[0]["source_actor"]


_DEATH_VERBS = frozenset({"die", "kill", "wound", "injure", "perish"})


def _casualty_clauses(sent: Span, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Fold a death clause that says where an attack's victims fell ("a massacre in western
    Peru, where more than twenty miners died", "a bombing in the market, where nine people
    were killed") into that attack: its victims become the attack's target (in place of the
    place it happened in) and its counts the attack's, as ACLED and CAMEO code one attack
    with its fatalities. Returns ``events`` without the folded death events.

    Source: ACLED Codebook (2023), fatalities recorded on the event that caused them.
    """
    tok_at = {t.idx: t for t in sent}
    attacks = [
        (e, tok_at[e["trigger"]["start_char"]])
        for e in events
        if e["plover_type"] == "ASSAULT"
        and e["trigger"]["start_char"] in tok_at
        and tok_at[e["trigger"]["start_char"]].pos_ == "NOUN"
    ]
    drop: set[int] = set()
    for k, d in enumerate(events):
        dt_ = tok_at.get(d["trigger"]["start_char"])
        if (
            dt_ is None
            or d["plover_type"] != "ASSAULT"
            or dt_.pos_ != "VERB"
            or dt_.lemma_.lower() not in _DEATH_VERBS
            or dt_.dep_ != "relcl"
            or not any(c.lower_ in ("where", "when") for c in dt_.children)
        ):
            continue
        for e, at in attacks:
            if e is d or dt_.head.i not in {t.i for t in at.subtree}:
                continue
            loc = (e.get("location") or {}).get("span") or {}
            tgt = e["target_actor"]
            if d["target_actor"] is not None and (
                tgt is None or (loc and tgt["start_char"] == loc.get("start_char"))
            ):
                e["target_actor"] = d["target_actor"]
            seen = {(c["span"]["start_char"], c["span"]["end_char"]) for c in e["counts"]}
            e["counts"] = [
                *e["counts"],
                *(
                    c
                    for c in d["counts"]
                    if (c["span"]["start_char"], c["span"]["end_char"]) not in seen
                ),
            ]
            drop.add(k)
            break
    return [e for k, e in enumerate(events) if k not in drop]


def _voiced_by_protest(tok: Token, protests: frozenset[int]) -> bool:
    """A demand made inside a protest's clause ("demonstrated in the city calling for
    independence", "staged rallies, saying he must resign", "blocked roads demanding his
    return"): a protest trigger is above it or is its clause's object or subject."""
    if not protests:
        return False
    return any(
        cur.i in protests
        or any(c.dep_ in ("dobj", "nsubj") and c.i in protests for c in cur.children)
        for cur in islice(tok.ancestors, 4)
    )


def _reported_or_nominal(verb: Token) -> bool:
    """A "must" clause that someone states: the complement of a verb ("said/declared that Y
    must"), or of a noun ("a reminder that Y must")."""
    return verb.dep_ in ("ccomp", "acl", "parataxis") or (
        verb.dep_ == "conj" and verb.head.dep_ in ("ccomp", "acl")
    )


def _clause_subject_above(tok: Token) -> Token | None:
    """Subject of the verb that a complement clause hangs off (through a noun: "X issued a
    reminder that ...")."""
    verb = next((a for a in islice(tok.ancestors, 4) if a.pos_ in ("VERB", "AUX")), None)
    return ea.subject_of(verb) if verb is not None else None


def _apart(targets: list[dict[str, Any]], sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``targets`` without any whose span overlaps a source actor's: the source is never its
    own target (a name spanning "the National Union for the Independence of X" is one actor,
    whichever of its tokens a frame reached)."""
    return [
        t
        for t in targets
        if not any(
            t["start_char"] < s["end_char"] and s["start_char"] < t["end_char"] for s in sources
        )
    ]


def _source_side(tok: Token, src: Token | None) -> set[int]:
    """Token indices of the source's phrase and its coordinated actors ("the investigation by
    a UN-OPCW panel": "UN" is part of the source), leaving out the trigger's own phrase when it
    sits inside ("rebels who attacked the town")."""
    if src is None:
        return set()
    out = {t.i for h in (src, *src.conjuncts) for t in h.subtree}
    if tok.i in out:
        out -= {t.i for t in tok.subtree}
    return out | {src.i}


def _means_objects(verb: Token) -> list[Token]:
    """Objects of "in"/"by" naming the means of an attack ("killed in a car bomb explosion",
    "wounded by a roadside bomb")."""
    return [o for _p, o in ea.prep_objects(verb, ("in", "by")) if o.lemma_.lower() in _ATTACK_MEANS]


def _weapon_lemmas(tok: Token, src: Token | None) -> set[str]:
    """Lemmas of the phrases that can name an attack's weapon: the subject ("a roadside bomb
    killed", "military aircraft bombed") and the "in"/"by" means ("killed in an airstrike"),
    each with its compound and adjective modifiers (``acled.weapon_sub_type`` reads them)."""
    out: set[str] = set()
    heads = [o for _p, o in ea.prep_objects(tok, ("in", "by", "with"))]
    for w in ([src] if src is not None else []) + heads:
        out.add(w.lemma_.lower())
        out.update(c.lemma_.lower() for c in w.children if c.dep_ in ("compound", "amod"))
    return out


def _other_targets(tok: Token, entry: TriggerEntry, first: Token | None) -> list[Token]:
    """Target candidates when the first choice names no actor, in order: the "of" object of
    the trigger's object ("demanded the removal of X from Y": X before Y), the recipient ("gave
    the Ivory Coast $5 million", "granted asylum to 18 rebels"; a verb with no object of its
    own shares its conjunct's: "donated and shipped rice to X"), "between" parties, the
    parties of a demanded or protested clause ("demanded that the US cancel"; the reported
    clause of a misparsed reporting tail: "X is failing ..., a rights group protested"),
    parties inside the first choice (``inner_targets``) and in the trigger's verb complement
    (``complement_targets``). Callers keep the first that is an actor other than the source.
    """
    out: list[Token] = []
    holders = [tok] + [c for c in tok.children if c.dep_ == "dobj"]
    if tok.dep_ == "compound" and tok.pos_ != "VERB":
        holders.append(tok.head)  # "a mediation mission between X and Y"
    if tok.pos_ == "VERB" and len(holders) == 1:
        # "donated and delivered goods to X": a verb with no object of its own shares its
        # conjunct's
        for c in tok.children:
            if (
                c.dep_ == "conj"
                and c.pos_ == "VERB"
                and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
            ):
                holders += [c, *(o for o in c.children if o.dep_ == "dobj")]
                break
    # "demanded the withdrawal of X from Y": the "of" party of a nominalised object is the
    # one the event is about, before any place or party it moves from or to
    for h in holders[1:]:
        if h.pos_ in ("NOUN", "PROPN"):
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    out.extend(o for o in c.children if o.dep_ == "pobj")
    for h in holders:
        for c in h.children:
            if c.dep_ == "dative" and c.pos_ != "ADP":
                out.append(c)
            if c.dep_ in ("prep", "dative") and c.lower_ in (
                "to",
                "between",
                "from",
                "with",
                "against",
                "on",
                "into",
            ):
                objs = [o for o in c.children if o.dep_ == "pobj"]
                if not objs:  # "granted asylum to five officers holed up in ...": misparsed
                    objs = [o for _p, o in ea.prep_objects(h, (c.lower_,)) if o.head.i != c.i]
                out.extend(objs)
                # "hacked into the computers of X", "fired on the homes of X": the party
                # inside a non-actor object
                out.extend(t for o in objs for t in inner_targets(o, 1))
    if entry.plover_type in ("REQUEST", "ACCUSE", "REJECT", "SUPPORT", "PROTEST"):
        for c in tok.children:
            if c.dep_ == "ccomp":
                out.extend(demanded_parties(c))
        if ea.reporting_tail(tok) and (said := ea.subject_of(tok.sent.root)) is not None:
            out.append(said)  # "Croatia is failing to ..., a rights group protested": Croatia
    # the party inside a non-actor object ("praised Haiti's efforts", "rejected calls by X",
    # "called for sanctions against X") and in the trigger's verb complement ("threatened to
    # break off relations with X")
    if first is not None:
        out.extend(inner_targets(first))
    if tok.pos_ != "VERB":  # "an investigation into crimes committed by X"
        out.extend(inner_targets(tok, poss=False))
    else:  # "called for sanctions against X", "called for the release of X"
        out.extend(
            t
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "for"
            for o in c.children
            if o.dep_ == "pobj"
            for t in inner_targets(o)
        )
    out.extend(complement_targets(tok))
    if tok.pos_ != "VERB" and tok.dep_ == "dobj":  # "continued their strike to demand ..."
        out.extend(complement_targets(tok.head))
    out.extend(clause_targets(tok, entry.plover_type))
    return [t for t in out if first is None or t.i != first.i]
