"""Codes of a noun phrase: *agent prefixes + actor + agent suffixes* over a dependency subtree.

A noun phrase is coded from its head, compounds, modifiers and possessive (``Gondor's
government`` -> GONGOV), else from its ``of/in/from`` complements (``the ambassadors of Arnor``
-> ARNGOV); agents with no actor give ``---GOV``. Coordinated heads are one code each
("Arnor and Rohan" -> ARN, ROH); an agent-only conjunct shares the actors of its siblings
("the Danish media and government" -> DNKMED, DNKGOV). A phrase marked "former" or "ex-"
whose agents name a role codes the role as CAMEO's ELI (elites): "former Gondor prosecutors"
-> GONELI, not GONJUD; "the former Soviet Union" (no agent) is unchanged.

When the sentence's ``new_actor_length`` is above 0 and a phrase has neither actor nor agent,
the phrase's own words (at most that many, possessive marks and punctuation left out) become
its code in double quotes (``"INJURY TOLL"``), as PETRARCH's ``new_actor_length`` option does.

Source: PETRARCH ``check_NEphrase`` (first actor in the phrase is the base, every agent with
a distinct code is appended once) and ``PETR_config.ini`` (``new_actor_length``).
"""

from __future__ import annotations

from typing import Any

from wirewatch.ontology.petrarch._sentence import NULL, Sentence, conj_root, in_list, is_null
from wirewatch.ontology.petrarch.actors import AgentEntry

__all__ = ["np_codes", "compose"]

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
_COMPLEMENT_PREPS = ("of", "in", "from", "at", "for")

#: CAMEO's ELI ("elites: former government officials, celebrities, ...") that replaces the role
#: agents of a noun phrase marked "former" / "ex-".
#: Source: CAMEO Conflict and Mediation Event Observations, Actor Codebook (Schrodt 2012),
#: ELI; TABARI's FORMER conversion of agent codes (PETRARCH unit tests AGENTS-18/19).
FORMER_AGENT = AgentEntry("FORMER", "ELI", prefix=False)


def compose(actor: str, agents: list[Any]) -> str:
    """``actor`` with the agents' codes: prefix agents before it, suffix agents after it, a
    suffix that the code already ends with added once."""
    code = actor
    for g in agents:
        if g.prefix:
            code = g.code + code
    for g in agents:
        if not g.prefix and not code.endswith(g.code):
            code = code + g.code
    return code


def _local(h: Any, top: bool = True) -> list[Any]:
    """The head and its modifiers; coordinations inside a modifier count ("Eriadori and
    Calenardhon leaders"), those of the head itself are separate conjuncts."""
    out = [h]
    for c in h.children:
        if c.dep_ in _LOCAL_DEPS or (not top and c.dep_ in ("conj", "cc")):
            out += _local(c, False)
    return out


def _parts(s: Sentence, h: Any) -> tuple[list[list[str]], list[Any], bool]:
    """Actor code groups and agent entries on the head's local tokens, in text order, and
    whether the local tokens hold a coordination ("Fornost and the evil Gondor")."""
    local = sorted(_local(h), key=lambda t: t.i)
    groups: list[list[str]] = []
    agents: list[Any] = []
    seen: set[int] = set()
    coord = False
    for t in local:
        a = s.actor_at.get(t.i)
        if a is not None and a[0] not in seen:
            seen.add(a[0])
            groups.append(a[2].split("/"))
        g = s.agent_at.get(t.i)
        if g is not None and g[2] not in agents:
            agents.append(g[2])
        coord = coord or (t.i != h.i and any(c.dep_ == "cc" for c in t.children))
    if agents and any(_is_former(t) for t in local):
        # "former security officials" are elites, not the government: the role agents give
        # way to ELI; prefix agents (NGO~) and the actor stay
        agents = [g for g in agents if g.prefix] + [FORMER_AGENT]
    return groups, agents, coord


def _is_former(t: Any) -> bool:
    """``t`` marks a former office holder: "former", or "ex" in "ex-minister"."""
    if t.dep_ not in ("amod", "advmod", "compound", "nmod", "punct") and t.dep_ != "ROOT":
        return False
    if t.lower_ == "former":
        return True
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    return t.lower_ == "ex" and nxt is not None and nxt.text == "-"


def np_codes(s: Sentence, h: Any, depth: int = 0) -> list[str]:
    """Codes of the noun phrase headed by ``h`` and of its conjuncts, without null codes.

    Returns:
        list of codes in text order, deduplicated.
    """
    conj = [h] + [
        c for c in h.subtree if c.dep_ in ("conj", "appos") and conj_root(c).i == h.i and in_list(c)
    ]
    conj.sort(key=lambda t: t.i)
    items = [_one_np(s, c, depth) for c in conj]
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
                out.append(compose(a, ags))
    else:
        for (acts, ags, _), c in zip(items, conj, strict=True):
            if acts:
                out += [compose(a, ags) for a in acts]
            elif ags:
                out.append(compose(NULL, ags))
            elif s.new_actor_length > 0 and depth == 0:
                out += _new_actor(s, c)
    return [c for c in dict.fromkeys(out) if not is_null(c)]


def _one_np(s: Sentence, h: Any, depth: int) -> tuple[list[str], list[Any], bool]:
    """``(actor codes, agents, actors_from_complement)`` of one conjunct."""
    groups, agents, coord = _parts(s, h)
    real = [g for g in groups if not all(is_null(c) for c in g)]
    if real:
        actors = [c for g in real for c in g] if coord else real[0]
        return list(dict.fromkeys(actors)), agents, False
    if groups:  # only null-coded actors ("Prince of Dol Amroth" before 1995-06-30)
        return [], agents, False
    if depth > 3:
        return [], agents, False
    for c in h.children:
        if c.dep_ == "prep":
            if agents and c.lower_ not in _COMPLEMENT_PREPS:
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
            sub = np_codes(s, obj, depth + 1)
            if sub:
                return sub, agents, True
    return [], agents, False


def _new_actor(s: Sentence, h: Any) -> list[str]:
    """The uncoded noun phrase headed by ``h`` as a quoted new-actor code, when it is a noun
    phrase of at most ``s.new_actor_length`` words; else nothing.

    The phrase is the head with its modifiers and its ``of`` complement ("the Ministry of
    Magic"), without clauses, other prepositional phrases, possessive marks or punctuation.
    """
    if h.pos_ not in ("NOUN", "PROPN"):
        return []
    keep: list[Any] = []

    def add(t: Any, top: bool) -> None:
        keep.append(t)
        for c in t.children:
            if c.dep_ in _LOCAL_DEPS and c.dep_ not in ("case", "punct", "advmod", "npadvmod"):
                add(c, False)
            elif c.dep_ in ("appos", "flat"):
                add(c, False)
            elif top and c.dep_ == "prep" and c.lower_ == "of":
                keep.append(c)
                for o in c.children:
                    if o.dep_ == "pobj":
                        add(o, False)

    add(h, True)
    words = [t.text.upper() for t in sorted(keep, key=lambda t: t.i) if not t.is_punct]
    if not words or len(words) > s.new_actor_length:
        return []
    return ['"' + " ".join(words) + '"']
