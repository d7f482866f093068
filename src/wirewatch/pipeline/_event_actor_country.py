"""The country of an event's source and target actors when their own phrase gives none:
the text's only country for officials and domestic actors, an appositive title ("X, the
foreign minister of Norway"), a group's place ("rebels in Mali"), a US party adjective
("Republican lawmakers"), the event's place for unnamed groups; and the relational nouns
("Iran's allies") whose possessor is never the actor's own country.

Source: CAMEO manual 1.1b3 (Schrodt 2012), ch. 4 for domestic role codes; Barker (1995),
"Possessive Descriptions", for relational nouns.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from wirewatch.ontology import actors as oa
from wirewatch.pipeline._event_actor_spans import actor_span
from wirewatch.pipeline._event_context import _PLACE_LABELS, _DocContext
from wirewatch.pipeline._event_places import _resolved_place
from wirewatch.pipeline.actors import stance_prefixed
from wirewatch.pipeline.extensions import entity_at
from wirewatch.pipeline.places import gazetteer

_NATIONLESS_SECTORS = frozenset({"IGO", "NGO", "IMG"})


def _with_sole_country(
    ctx: _DocContext,
    actors: list[dict[str, Any]],
    others: list[dict[str, Any]],
    *,
    broad: bool = False,
    placed: bool = False,
    strict: bool = False,
) -> list[dict[str, Any]]:
    """``actors`` where a state official without a country takes the text's only country
    (``_DocContext.sole_country``), unless the other party is that state itself ("President X
    threatened Russia": X is not Russian; "Fijian rebels will release Prime Minister X": he
    is Fijian). With ``broad``, any actor but an international body does ("Islamic
    fundamentalists demanded the resignation of the Algerian president", "Former prime
    minister X ... Greece's biggest trial"): a domestic actor is the default, as CAMEO coders
    code an actor the text gives no nationality by the country the story is about; with
    ``strict`` (the source of force: assaults, arrests) not when the other party has that
    country, as an attacker of a country's nationals is often foreign; with ``placed``, not a
    common-noun group the event's place will locate (``_located``). In the broad pass a party
    or movement (``_domestic``) takes the country even when the state is named, as long as the
    state only owns what is acted on ("will boycott Algeria's elections"); an actor named by a
    relation to a country ("Iran's allies", ``_relational``) never does.

    Args:
        ctx: the document context (``sole_country`` is read from it).
        actors: source or target actor dicts (``country`` may be None).
        others: the actors on the other side of the event.
        broad: also code non-officials (see above).
        placed: the event has a place with a country.
        strict: the event is a use of force.

    Returns:
        ``actors`` in the same order, with ``country`` set to the sole country where the rules
        allow (ISO 3166-1 alpha-3).
    """
    sole = ctx.sole_country
    if not sole or ctx.sole_is_opposed:
        return actors
    state_acted_on = any(
        o.get("country") == sole and (oa.country_code(o["text"]) or oa.metonym(o["text"]))
        for o in others
    )
    # "boycott Algeria's elections": the state only owns what is acted upon
    owned = all(
        (r := _root_of(ctx.doc, o)) is not None and r.dep_ == "poss"
        for o in others
        if o.get("country") == sole
    )
    if broad:
        if strict and any(o.get("country") == sole for o in others):
            return actors  # "gunmen kidnapped two Turkish engineers": not Turks themselves
        return [
            a
            if a.get("country")
            or a.get("sector") in _NATIONLESS_SECTORS
            or (placed and _locatable(ctx.doc, a))
            or _relational_actor(ctx.doc, a)
            or (state_acted_on and not (_domestic(ctx.doc, a) and owned))
            else {**a, "country": sole}
            for a in actors
        ]
    if state_acted_on:
        return actors
    return [
        a
        if a.get("country") or not ctx.default_country(a.get("sector"))
        else {**a, "country": sole}
        for a in actors
    ]


# sectors and heads of bodies that exist only inside one state's politics: a party or movement
# that will "boycott Algeria's elections" is Algerian, though the state is named as the owner of
# what it acts on ("The Green Party condemned China" still leaves the party's country open)
_DOMESTIC_SECTORS = frozenset({"PTY", "OPP"})
_DOMESTIC_HEADS = frozenset({"party", "movement"})
# relational nouns (Barker 1995, "Possessive Descriptions"): the possessor or modifier is the
# other side of the relation ("Israel's ally", "a U.S. ally", "Iran's proxies"), never the
# actor's own country
# ("opponent" and "critic" are left out: "Putin's opponents" are mostly his own country's)
_RELATIONAL_NOUNS = frozenset(
    {
        "ally",
        "enemy",
        "foe",
        "rival",
        "adversary",
        "proxy",
        "neighbour",
        "neighbor",
        "partner",
        "backer",
        "sponsor",
        "patron",
        "client",
        "friend",
    }
)


def _relational(head: Token) -> bool:
    """A relational common noun modified by a country's name: "Israel's militia ally", "a U.S.
    ally", "Iran's proxies" (the country is the other side of the relation). A demonym
    adjective is the noun's own nationality ("its Brazilian allies") and does not count."""
    return (
        head.pos_ == "NOUN"
        and head.lemma_.lower() in _RELATIONAL_NOUNS
        and any(c.dep_ in ("poss", "compound", "nmod") and c.ent_type_ == "GPE" for c in head.lefts)
    )


def _root_of(doc: Doc, actor: dict[str, Any]) -> Token | None:
    span = doc.char_span(actor["start_char"], actor["end_char"], alignment_mode="expand")
    return span.root if span is not None and len(span) else None


# nouns that name people by their not belonging to the country at hand ("called upon
# outsiders to protect the country"): never coded with the country the text is about
_FOREIGN_NOUNS = frozenset({"outsider", "foreigner", "outsiders", "foreigners"})


def _relational_actor(doc: Doc, actor: dict[str, Any]) -> bool:
    root = _root_of(doc, actor)
    return root is not None and (_relational(root) or root.lemma_.lower() in _FOREIGN_NOUNS)


def _domestic(doc: Doc, actor: dict[str, Any]) -> bool:
    """A party, movement or opposition: a body of one state's own politics."""
    if actor.get("sector") in _DOMESTIC_SECTORS:
        return True
    root = _root_of(doc, actor)
    return root is not None and root.lemma_.lower() in _DOMESTIC_HEADS


# the adjectives of the two US parties: "Republican lawmakers", "Democratic administrations"
_US_PARTY_ADJECTIVES = frozenset({"Republican", "Democratic", "Democrat"})


def _actor_us_party(ctx: _DocContext, head: Token, a: dict[str, Any]) -> dict[str, Any]:
    """``a`` coded as a US actor when a US party adjective is the only nationality its phrase
    gives: "Republican lawmakers", "Democratic senators", "both Republican and Democratic
    administrations" are USA, not the country the article is about.

    The adjective must be written alone ("Social Democratic", "Christian Democratic", "Irish
    Republican" and "the Republican Guard" are other states' parties and bodies) and modify a
    common noun. A head that is an office or body of government (CAMEO sector GOV or LEG:
    "administration", "lawmakers", "senators") is American when the text names the United
    States anywhere ("America's largest investments"; a "Democratic lawmakers" in a story
    that never mentions the US may be South Korea's or Japan's); any other head ("Republican
    voters") only in a document about US politics (a US state or large city named,
    ``Gazetteer.has_us_context``, or the United States as the focus country).

    Args:
        ctx: the document context.
        head: the actor phrase's head token.
        a: the actor dict, without a country.

    Returns:
        ``a`` with ``country`` "USA" (and the head's GOV/LEG sector when it had none), or
        ``a`` unchanged.

    Source:
        CAMEO manual 1.1b3, ch. 4 (domestic role codes GOV, LEG; parties coded by their state).
    """
    if head.pos_ != "NOUN" or not head.text.islower():
        return a
    mods = [t for t in head.lefts if t.dep_ in ("amod", "compound")]
    mods += [c for t in mods for c in t.conjuncts]
    party = [t for t in mods if t.text in _US_PARTY_ADJECTIVES]
    if not party or any(c.dep_ in ("compound", "amod") for t in party for c in t.children):
        return a  # "Social Democratic lawmakers"
    if any(t.text[:1].isupper() and t not in party and t.pos_ in ("ADJ", "PROPN") for t in mods):
        return a  # "Irish Republican leaders"
    sector = a.get("sector") or oa.title_sector(head.text)
    us_politics = ctx.us_context or ctx.focus_country == "USA"
    names_us = us_politics or any(m.get("country") == "USA" for m in (ctx.doc._.ww_mentions or []))
    if not (us_politics or (sector in ("GOV", "LEG") and names_us)):
        return a
    return {**a, "country": "USA", "sector": sector}


_GROUP_PLACE_PREPS = frozenset({"in", "throughout", "across", "from", "at", "inside", "of"})
# prepositions that give armed forces their country ("soldiers of Uganda", "troops from Chad");
# "in/at/inside <place>" after a military noun says where the force is, not whose it is
# ("its soldiers in Somalia" are not Somali), so a force takes no country from it
_FORCE_ORIGIN_PREPS = frozenset({"of", "from"})


def owner_country(ctx: _DocContext, head: Token) -> str | None:
    """The country of the state that owns a state agent through a possessive pronoun the
    coreference resolved ("Kenya said its soldiers in Somalia ..." -> KEN; "Ethiopia recalled
    its troops"): the possessor's entity must be a country (a GPE entity with a country code
    and no sector), as CAMEO codes a state's forces and officials by the state (CAMEO manual
    1.1b3, ch. 4: MIL/GOV role codes follow the country code).

    Args:
        ctx: the document context.
        head: the head noun of the agent phrase ("soldiers").

    Returns:
        ISO 3166-1 alpha-3 code, or None when there is no possessive pronoun, it is unresolved
        or it stands for anything but a state ("the rebels ... their fighters"; an
        international body's "its troops" are left to the other rules).
    """
    for poss in (c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"):
        ent = entity_at(ctx.doc, poss.idx, poss.idx + len(poss.text))
        if (
            ent is not None
            and ent.get("country")
            and not ent.get("sector")
            and ent.get("entity_type") == "GPE"
        ):
            return str(ent["country"])
    return None


def _with_appositive(ctx: _DocContext, head: Token, a: dict[str, Any]) -> dict[str, Any]:
    """``a`` with the country (or IGO sector) of a title in apposition right after the name:
    "Kenzo Oshima, the United Nations relief coordinator," -> IGO; "Tomas Berg, the foreign
    minister of Norway," -> NOR. Only a title noun counts ("X, a town in Y" does not)."""
    for c in head.children:
        if c.dep_ != "appos" or c.i <= head.i or c.i - head.i > 12:
            continue
        if c.pos_ not in ("NOUN", "PROPN"):
            continue
        if oa.title_sector(c.lemma_) is None and oa.title_sector(c.text) is None:
            # no title word: only an international body inside the office's own name counts
            # ("the United Nations Emergency Relief Coordinator")
            own = [t for t in c.lefts if t.dep_ in ("compound", "nmod")]
            own += [g for t in own for g in t.subtree if g is not t]
            for t in own:
                ent = entity_at(ctx.doc, t.idx, t.idx + len(t.text))
                if ent is not None and ent.get("sector") == "IGO" and not ent.get("country"):
                    return {**a, "sector": "IGO"}
            continue
        # the title's own modifiers and its "of" phrase: "the Norwegian foreign minister", "the
        # foreign minister of Norway" (not "a lawyer for the Russian firm")
        parts = [t for t in c.lefts if t.dep_ in ("amod", "compound", "poss", "nmod")]
        parts += [p for p in c.rights if p.dep_ == "prep" and p.lower_ == "of"]
        sub = sorted((g for t in parts for g in t.subtree), key=lambda t: t.i)
        if not sub:
            continue
        text = " ".join(t.text for t in sub if t.dep_ not in ("prep", "det", "case"))
        country, sector = ctx.codes(text, "NORP")
        if country:
            return {**a, "country": country, "sector": a.get("sector") or sector}
        for t in sub:
            ent = entity_at(ctx.doc, t.idx, t.idx + len(t.text))
            if ent is None:
                continue
            if ent.get("country") and ent.get("entity_type") in ("GPE", "NORP"):
                return {
                    **a,
                    "country": ent["country"],
                    "sector": a.get("sector") or oa.title_sector(c.lemma_),
                }
            if ent.get("sector") == "IGO" and not ent.get("country"):
                return {**a, "sector": "IGO"}
    return a


# common nouns for places, whose country is in their modifiers ("the north Lebanese port")
_PLACE_NOUNS = frozenset(
    {
        "port",
        "city",
        "town",
        "village",
        "region",
        "province",
        "area",
        "district",
        "capital",
        "enclave",
        "territory",
        "county",
        "suburb",
        "camp",
        "island",
        "border",
        "state",
    }
)


def _place_country(
    ctx: _DocContext,
    head: Token,
    *,
    residence: bool = False,
    force: bool = False,
    depth: int = 0,
) -> str | None:
    """Country of the place a group noun is located by.

    The place is the object of a preposition of the group ("rebels in Mali", "militias
    throughout Indonesia", "a missionary from Calgary", "inhabitants of the Syrian Golan
    Heights") or of a participle modifying it ("guerrillas operating in Macedonia", "a group
    based in Trinidad"). An organisation in that slot is located by its own place ("workers of
    the National Oil Company of Basra", "students at a university in Ankara").

    Args:
        ctx: the document context.
        head: the group's head token.
        residence: only places of belonging or residence: an "of" phrase or a participle
            ("Albanians of southern Serbia", "Turks living in Germany"), not a bare "in".
        force: ``head`` is an armed force: a preposition on it gives only its origin
            ("soldiers of Uganda", "troops from Chad"), never where it is ("soldiers in
            Somalia": ``_FORCE_ORIGIN_PREPS``).
        depth: recursion depth (an organisation's own place is looked up once).

    Returns:
        ISO alpha-3 code from the actor mention (capitals corrected for date and sentence
        context), the actor tables (country, demonym, capital), or a gazetteer city or region
        (its state on the document date, ``ontology.actors.sovereign_on``); None when no place
        is found.
    """
    preps = [c for c in head.children if c.dep_ == "prep" and (not residence or c.lower_ == "of")]
    # "guerrillas operating in Macedonia", "a group based in Trinidad"
    preps += [
        p
        for c in head.children
        if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN")
        for p in c.children
        if p.dep_ == "prep"
    ]
    for c in preps:
        if c.lower_ not in _GROUP_PLACE_PREPS or (
            force and c.head.i == head.i and c.lower_ not in _FORCE_ORIGIN_PREPS
        ):
            continue
        for o in c.children:
            if o.dep_ != "pobj":
                continue
            country = _pobj_country(ctx, o, in_name=depth > 0)
            if (
                country is None
                and depth == 0
                and (
                    o.ent_type_ in ("ORG", "FAC")
                    or o.pos_ == "PROPN"
                    or o.lemma_.lower() in _PLACE_NOUNS
                )
            ):
                # "the United Bus Company of Tehran", "the West Bank city of Hebron"
                country = _place_country(ctx, o, depth=1)
            if country:
                return str(country)
    return None


def _pobj_country(ctx: _DocContext, o: Token, in_name: bool = False) -> str | None:
    """Country of a place phrase headed by ``o`` (see ``_place_country``), or None. With
    ``in_name``, ``o`` may be the place inside an organisation's name, which the NER labels
    with the name ("the Grand Textile Company of Faisalabad")."""
    if stance_prefixed(o):
        return None
    if in_name and o.ent_type_ == "ORG" and o.pos_ == "PROPN":
        words = [t for t in o.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [o]
        text = ctx.text[words[0].idx : o.idx + len(o.text)]
        country = ctx.codes(text, "GPE")[0] if oa.metonym(text) is None else None
        if not country:
            loc = gazetteer().resolve(text, None, ctx.us_context)
            if loc["precision"] in ("city", "admin1", "country"):
                country = _resolved_place(ctx, words[0].idx, o.idx + len(o.text), loc)["country"]
        return country
    rng = actor_span(o)
    if rng is None:
        return None
    text = ctx.text[rng[0] : rng[1]]
    if o.ent_type_ in _PLACE_LABELS:
        ent = entity_at(ctx.doc, *rng)
        if (
            ent is not None
            and ent.get("entity_type") == "GPE"
            and ent.get("country")
            and not ent.get("sector")
        ):
            return str(ent["country"])  # "Tripoli" in a sentence about Lebanon
        country = ctx.codes(text, o.ent_type_)[0]
        if not country:
            loc = gazetteer().resolve(text, None, ctx.us_context)
            if loc["precision"] != "unresolved":
                country = _resolved_place(ctx, *rng, loc)["country"]
        return country
    if (o.pos_ == "PROPN" and not o.ent_type_) or o.lemma_.lower() in _PLACE_NOUNS:
        # a place the NER missed, named with its country: "the Syrian Golan Heights", "the
        # north Lebanese port" (not a body: "the Kremlin", "the Syrian army")
        if oa.metonym(text) is not None or oa.igo(text) is not None:
            return None
        country, sector = ctx.codes(text, "")
        return country if sector is None else None
    return None


def _locatable(doc: Doc, actor: dict[str, Any]) -> bool:
    """A common-noun group ("people", "demonstrators") or an ethnic group ("ethnic Albanians"):
    an actor the event's place gives a country."""
    span = doc.char_span(actor["start_char"], actor["end_char"], alignment_mode="expand")
    return (
        span is not None
        and len(span) > 0
        and (span.root.pos_ == "NOUN" or any(c.lower_ == "ethnic" for c in span.root.children))
    )


def _located(doc: Doc, actor: dict[str, Any], location: dict[str, Any]) -> dict[str, Any]:
    """``actor`` with the event place's country when it is a common-noun group with none
    ("people", "demonstrators", "rival militias") or an ethnic group ("ethnic Albanians");
    names and international bodies unchanged. The place's country was resolved in context
    when the location was found (``_resolved_place``)."""
    if actor.get("country") or actor.get("sector") in _NATIONLESS_SECTORS:
        return actor
    if not _locatable(doc, actor):
        return actor
    return {**actor, "country": location.get("country")}
