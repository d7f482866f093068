"""The place of an event for the ``wirewatch_events`` coder: the place named in the
trigger's own phrase or clause under a place preposition (a city before a province before a
country), a sibling trigger's place, or the article's focus country for the event types that
happen somewhere; each resolved with the gazetteer (``pipeline.places``) and its country set in
context (``pipeline.actors.place_country``).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from wirewatch.ontology import actors as oa
from wirewatch.ontology.event_lexicon import TriggerEntry
from wirewatch.pipeline import event_args as ea
from wirewatch.pipeline._event_actor_spans import actor_span
from wirewatch.pipeline._event_context import _PLACE_LABELS, _DocContext, _sd
from wirewatch.pipeline._event_movement import is_movement
from wirewatch.pipeline.actors import place_country
from wirewatch.pipeline.places import gazetteer

_PLACE_PREPS = frozenset({"in", "at", "near", "across", "throughout", "outside", "around", "from"})
_PLACED_TYPES = frozenset(
    {"PROTEST", "ASSAULT", "COERCE", "MOBILIZE", "AID", "RETREAT", "SANCTION"}
)
_OWN_PLACE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "from",
        "into",
        "inside",
        "within",
        "across",
        "throughout",
        "around",
        "outside",
        "through",
        "along",
    }
)
# nouns that make a name before them a place ("Dablo village", "Kalehe territory")
_SETTLEMENTS = frozenset(
    {
        "village",
        "town",
        "city",
        "district",
        "province",
        "region",
        "county",
        "territory",
        "municipality",
        "commune",
        "camp",
        "settlement",
        "neighbourhood",
        "neighborhood",
        "township",
        "locality",
        "state",
    }
)
# nouns naming a part of a place, whose "of" object is the place ("the streets of Dakar", "the
# centre of Lagos", "the outskirts of Goma")
_PLACE_PARTS = frozenset(
    {
        "street",
        "centre",
        "center",
        "outskirt",
        "outskirts",
        "suburb",
        "heart",
        "downtown",
        "part",
        "edge",
        "area",
        "neighbourhood",
        "neighborhood",
    }
)
_MOVE_TYPES = frozenset({"MOBILIZE", "AID", "RETREAT"})
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "parataxis", "conj", "advcl", "relcl", "xcomp"})
_TIME_MARKS = frozenset({"when", "after", "as", "while", "before"})


def _location(
    ctx: _DocContext,
    sent: Span,
    tok: Token,
    gov: Token | None,
    actors: list[dict[str, Any]],
    entry: TriggerEntry,
    others: list[Token],
) -> dict[str, Any] | None:
    """The location record of the event at ``tok`` (gazetteer fields plus ``span``, the
    ``{start_char, end_char, text}`` of the place name, or None for a document default).

    In order: a place in the trigger's own phrase (``_own_place``); the best place under a
    place preposition in the trigger's (or its governing verb ``gov``'s) subtree, leaving out
    the ``actors`` spans, nested triggers in ``others`` and descriptive relative clauses; a
    sibling trigger's place; and, only when the clause names no place at all, the article's
    focus country for the PLOVER types that happen somewhere (``_PLACED_TYPES``). None
    otherwise.
    """
    taken = [(a["start_char"], a["end_char"]) for a in actors]
    scope = set(t.i for t in tok.subtree)
    if gov is not None and gov.i != tok.i:
        scope |= set(t.i for t in gov.subtree)
    # a place inside a nested trigger's phrase belongs to that trigger
    for o in others:
        if o.i in scope and (gov is None or o.i != gov.i) and tok not in o.subtree:
            scope -= set(t.i for t in o.subtree)
    # a relative clause on a party describes that party ("a man who lived in X", "who had
    # robbed a bank in X"), not where the event happens; a progressive one says what the
    # party was doing at the event's time, in its scene ("students who were marching in X")
    for t in [t for t in tok.subtree if t.dep_ == "relcl" and t.i in scope]:
        if t.tag_ != "VBG":
            scope -= set(x.i for x in t.subtree)
    prefer = next((a.get("country") for a in actors if a.get("country")), None)
    prefer = prefer or ctx.focus_country
    own = _own_place(ctx, tok, entry, taken, prefer)
    if own is not None:
        return own
    best = _scoped_place(ctx, sent, tok, scope, taken, prefer)
    if best is not None:
        return best
    for o in others:
        # "broke up the rally in Tbilisi and arrested 20": a trigger with no place of its
        # own takes the one named on a sibling trigger (``_sibling_trigger``), before any
        # document default (``_places_from_siblings`` adds those found by other means)
        if _sibling_trigger(tok, o):
            best = _scoped_place(ctx, sent, o, {t.i for t in o.subtree}, taken, prefer)
            if best is not None:
                return best
    # the article's main country only when the event's clause names no place at all
    clause = set(t.i for t in _clause_head(tok).subtree)
    if any(
        e.label_ in _PLACE_LABELS
        and e.root.i in clause
        and not any(a <= e.start_char < b for a, b in taken)
        for e in ctx.ents_in(sent)
    ):
        return None
    if entry.plover_type in _PLACED_TYPES and ctx.focus_country:
        loc = gazetteer().resolve(ctx.focus_name or ctx.focus_country, None, False)
        if loc["precision"] != "unresolved":
            loc["span"] = None
            return loc
    return None


def _own_place(
    ctx: _DocContext,
    tok: Token,
    entry: TriggerEntry,
    taken: list[tuple[int, int]],
    prefer: str | None,
) -> dict[str, Any] | None:
    """A place in the trigger's own phrase ("withdrawal from Afghanistan", "protested in
    Almaty", "sent troops into Ukraine", "pulled its troops out of Mali", and the object of a
    movement verb: "the peacekeepers left Mali"): it outranks every other place of the
    clause."""
    if tok.pos_ == "VERB" and is_movement(entry.cameo):
        for o in (c for c in tok.children if c.dep_ == "dobj"):
            rng = _place_range(ctx, o)
            if rng is not None and not any(a <= rng[0] < b for a, b in taken):
                loc = _gazetteer_place(ctx, ctx.text[rng[0] : rng[1]], prefer)
                return _resolved_place(ctx, *rng, loc)
    preps = _OWN_PLACE_PREPS | ({"to"} if entry.plover_type in _MOVE_TYPES else set())
    holders = [tok] + [c for c in tok.children if c.dep_ == "dobj"]
    # then its prepositional arguments ("clashed with protesters in Almaty")
    holders += [o for c in tok.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    for h in holders:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "out" and entry.plover_type in _MOVE_TYPES:
                # "pulled its troops out of Mali": the place left is the object of "out of"
                c = next((g for g in c.children if g.dep_ == "prep" and g.lower_ == "of"), c)
            elif c.dep_ != "prep" or c.lower_ not in preps:
                continue
            for o in c.children:
                if o.dep_ == "pobj" and o.lemma_.lower() in _PLACE_PARTS and not o.ent_type_:
                    o = next((g for _p, g in ea.prep_objects(o, ("of",))), o)
                rng = _place_range(ctx, o) if o.dep_ == "pobj" else None
                if rng is None or any(a <= rng[0] < b for a, b in taken):
                    continue
                loc = _gazetteer_place(ctx, ctx.text[rng[0] : rng[1]], prefer)
                if loc["precision"] == "unresolved":
                    loc = _within(ctx, o, loc, prefer)
                return _resolved_place(ctx, *rng, loc)
    return None


def _place_range(ctx: _DocContext, o: Token) -> tuple[int, int] | None:
    """Character range of the place ``o`` names: a place entity, or a proper name the tagger
    left unlabelled or called an organisation that the gazetteer knows ("in central Almaty")
    or that is a misspelled country name ("in Ethopia", ``_DocContext.misspelled``)."""
    if o.ent_type_ in _PLACE_LABELS:
        return actor_span(o)
    names = [
        c
        for c in o.lefts
        if c.dep_ == "compound" and (c.pos_ == "PROPN" or (c.is_title and c.i > c.sent.start))
    ]  # a name tagged NN
    if (
        o.pos_ == "NOUN"
        and o.lemma_.lower() in _SETTLEMENTS
        and names
        and not any(t.ent_type_ in _PLACE_LABELS for t in names)
    ):
        # "Dablo village", "Kalehe territory": a name with a settlement noun is a place even
        # when neither the tagger nor the gazetteer knows it (ACLED-style reports name small
        # places so); a name the tagger knows is left to the place entities
        return names[0].left_edge.idx, o.idx + len(o.text)
    # a place name the tagger called a person ("the streets of Dakar") is still read as a place
    # after a place preposition when the gazetteer knows it
    if o.pos_ != "PROPN" or o.ent_type_ not in ("", "ORG", "PERSON"):
        return None
    first = o
    while (
        first.i > 0
        and first.doc[first.i - 1].pos_ == "PROPN"
        and first.doc[first.i - 1].head.i == o.i
    ):
        first = first.doc[first.i - 1]
    s, e = first.idx, o.idx + len(o.text)
    if (
        gazetteer().resolve(ctx.text[s:e])["precision"] == "unresolved"
        and ctx.text[s:e] not in ctx.misspelled
    ):
        return None
    return s, e


def _within(ctx: _DocContext, o: Token, loc: dict[str, Any], prefer: str | None) -> dict[str, Any]:
    """An unresolved place with the country and first-level division of the larger place in
    apposition to it ("Dablo village, Sanmatenga province"; "X, Y district"), when the
    gazetteer knows that one; ``loc`` unchanged otherwise."""
    for a in (c for c in o.children if c.dep_ == "appos"):
        rng = actor_span(a)
        if rng is None:
            continue
        outer = _gazetteer_place(ctx, ctx.text[rng[0] : rng[1]], prefer)
        if outer["precision"] in ("admin1", "country") and outer.get("country"):
            admin1 = outer.get("admin1") or (
                outer["name"] if outer["precision"] == "admin1" else None
            )
            return {**loc, "country": outer["country"], "admin1": admin1}
    return loc


def _clause_head(tok: Token) -> Token:
    """The verb heading the clause ``tok`` is in (a noun's clause is its verb's, through
    prepositions and gerunds: "doubt about its influence following its withdrawal" ->
    "doubt"'s verb)."""
    cur = tok
    for _ in range(10):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ in _CLAUSE_DEPS:
            return cur
        if cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def _scoped_place(
    ctx: _DocContext,
    sent: Span,
    tok: Token,
    scope: set[int],
    taken: list[tuple[int, int]],
    prefer: str | None,
) -> dict[str, Any] | None:
    """The place record of the best place name in ``scope`` (token indices) under a place
    preposition of ``tok``: a city before a province before a country, then the nearest;
    names inside ``taken`` (actor spans, character offsets) are skipped."""
    best: tuple[int, int, dict[str, Any]] | None = None
    rank = {"city": 0, "admin1": 1, "country": 2, "unresolved": 3}
    for ent in ctx.ents_in(sent):
        if ent.label_ not in _PLACE_LABELS or ent.root.i not in scope:
            continue
        if any(a <= ent.start_char < b for a, b in taken):
            continue
        if not _under_place_prep(ent.root, tok):
            continue
        s = ent.start_char + (4 if ent.text.lower().startswith("the ") else 0)
        e = ent.end_char
        if ctx.text[s:e].endswith(("'s", "’s")):
            e -= 2
        loc = _resolved_place(ctx, s, e, _gazetteer_place(ctx, ent.text, prefer))
        key = (rank[loc["precision"]], abs(ent.root.i - tok.i))
        if best is None or key < best[:2]:
            best = (key[0], key[1], loc)
    return best[2] if best is not None else None


def _places_from_siblings(triggers: list[Token], events: list[dict[str, Any]]) -> None:
    """Give an event whose text names no place of its own the place named in the text of a
    sibling trigger's event (``_sibling_trigger``): "broke up the rally in Tbilisi and
    arrested 20", "20 were arrested when police broke up a rally in Tbilisi". Changes
    ``events`` in place; a sibling's place is taken only when the text names it (it has a
    span), never a document default."""
    by_end = {t.idx + len(t.text): t for t in triggers}
    placed = [
        (by_end[e["trigger"]["end_char"]], e["location"])
        for e in events
        if e.get("location") and e["location"].get("span") and e["trigger"]["end_char"] in by_end
    ]
    for ev in events:
        if ev.get("location") and ev["location"].get("span"):
            continue
        tok = by_end.get(ev["trigger"]["end_char"])
        if tok is None:
            continue
        ev["location"] = next(
            (loc for o, loc in placed if _sibling_trigger(tok, o)), ev.get("location")
        )


def _sibling_trigger(tok: Token, other: Token) -> bool:
    """Whether ``other`` is a verb trigger coordinated with ``tok`` ("broke up ... and
    arrested") or heading a time clause on it or on which it heads one ("arrested ... after
    troops broke up ..."): triggers of one scene."""
    if other.pos_ != "VERB" or tok.pos_ != "VERB" or other.i == tok.i:
        return False
    if (other.dep_ == "conj" and other.head.i == tok.i) or (
        tok.dep_ == "conj" and tok.head.i == other.i
    ):
        return True
    if (
        other.dep_ == "relcl"
        and other in tok.subtree
        and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in other.children)
    ):
        # "fired tear gas at students who were protesting in X", "shot a suspect who fired at
        # them during a traffic stop in X": what a party does in the event's scene; a perfect
        # ("who had attacked a bank in X") is an earlier event elsewhere
        return True
    for clause, main in ((other, tok), (tok, other)):
        if (
            clause.dep_ == "advcl"
            and clause.head.i == main.i
            and any(
                c.dep_ in ("mark", "advmod") and c.lower_ in _TIME_MARKS for c in clause.children
            )
        ):
            return True
    return False


def _under_place_prep(tok: Token, trigger: Token) -> bool:
    """Whether a place name hangs off an in/at/near/… preposition (directly, or through the noun
    it names: "in Kazakhstan's largest city, Almaty") or modifies the trigger."""
    cur = tok
    for _ in range(6):
        if cur.dep_ == "pobj" and cur.head.lower_ in _PLACE_PREPS:
            return True
        if cur.head.i == trigger.i and cur.dep_ in ("compound", "amod", "nmod"):
            return True
        if cur.dep_ == "prep" and cur.lower_ == "of":
            # "outside (of) the Iraqi city of Basra", "in the town of X"
            if cur.head.lower_ in _PLACE_PREPS:
                return True
            cur = cur.head
            continue
        if cur.dep_ not in ("appos", "poss", "compound", "conj", "pobj"):
            return False
        cur = cur.head
    return False


def place_of(ctx: _DocContext, tok: Token, prefer: str | None) -> dict[str, Any] | None:
    """The location record (gazetteer fields plus ``span``: ``{start_char, end_char, text}``,
    character offsets of the name) of the place the token ``tok`` names ("Ghana" in "Ghana has
    seen protests"), or None when it names no place (``_place_range``). ``prefer`` is the ISO
    alpha-3 code of the country to prefer for an ambiguous city name."""
    rng = _place_range(ctx, tok)
    if rng is None:
        return None
    return _resolved_place(ctx, *rng, _gazetteer_place(ctx, ctx.text[rng[0] : rng[1]], prefer))


def _gazetteer_place(ctx: _DocContext, name: str, prefer: str | None) -> dict[str, Any]:
    """``Gazetteer.resolve`` of a place name (``prefer``: ISO alpha-3 of the country to prefer
    for a city name), or, when the gazetteer knows no such place and the name is a misspelled
    country standing alone in the text ("Ethopia", ``_DocContext.misspelled``), that country's
    location under the name as written."""
    loc = gazetteer().resolve(name, prefer, ctx.us_context)
    if loc["precision"] == "unresolved" and (iso3 := ctx.misspelled.get(name.strip())):
        loc = {**gazetteer().resolve(oa.country_name(iso3) or iso3), "name": loc["name"]}
    return loc


def _resolved_place(ctx: _DocContext, start: int, end: int, loc: dict[str, Any]) -> dict[str, Any]:
    """A gazetteer location of the place written at ``text[start:end]``, with its country
    resolved in context by the rule the actor recogniser uses for place mentions
    (``pipeline.actors.place_country``: a successor state's city on an earlier document date
    is the predecessor's, "Juba" in 2000 -> SDN; a city sharing its name with a large city of
    the one country the sentence names is that country's, "Tripoli, the north Lebanese port"
    -> LBN, with the namesake's coordinates).

    Args:
        ctx: the document context.
        start: character offset where the place name starts.
        end: character offset where it ends (half-open).
        loc: ``Gazetteer.resolve`` fields for the name.

    Returns:
        ``loc`` with ``country`` (ISO 3166-1 alpha-3) corrected and ``span`` set to
        ``{start_char, end_char, text}``. A country named as such keeps its own code.
    """
    loc = {**loc, "span": _sd(ctx.text, start, end)}
    if loc.get("precision") not in ("city", "admin1") or not loc.get("country"):
        return loc
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return loc
    country = place_country(span, loc["country"])
    if country == loc["country"]:
        return loc
    if country in gazetteer().city_countries(span.text):
        # the namesake city itself: its own coordinates and GeoNames id
        alt = gazetteer().resolve(loc["name"], country, ctx.us_context)
        if alt.get("country") == country:
            return {**alt, "span": loc["span"]}
    return {**loc, "country": country}
