"""Targets of troop movements for the ``wirewatch_events`` coder.

A deployment or withdrawal of forces (CAMEO 153 "mobilize police", 154 "mobilize armed
forces", 087 "de-escalate military engagement": withdraw, pull out; PLOVER MOBILIZE troops /
police, RETREAT withdraw) is directed at the country of the place the forces move into, are
stationed in or leave: "NATO began withdrawing its soldiers from Kosovo" codes NATO -> Kosovo,
"the alliance deployed troops to Mali" codes the alliance -> Mali. PETRARCH codes the
location's country as the target when the place is the object of the movement; a place that is
only where a statement was made ("said in Brussels that it would withdraw") is not, and a state
moving its own forces inside its own territory acts on no one.

The sentence-level rules live in ``events`` (the place of the trigger's phrase or clause) and
``_event_places`` (a sibling trigger's place); this module holds the codes, the own-country
test and the document-level rule (``continue_scenes``): a movement whose sentence names no
place continues the scene of an earlier movement that names one, when it is the same force's
(the same entity: "CSTO forces would begin departing" after "the deployment of peacekeepers by
the CSTO ... in Kazakhstan") or when it is a definite event noun referring back to the
movements already reported ("the departure of the troops", "the Russian deployment") and those
all took place in one country.

Sources: CAMEO manual 1.1b3 (Schrodt 2012), codes 087, 15x and their target conventions;
PLOVER manual draft 0.8 (2021) MOBILIZE and RETREAT; PETRARCH-2 (Norris, Schrodt & Beieler
2017) location-as-target; definite descriptions as anaphora to discourse-old events (Prince
1981, "Toward a taxonomy of given-new information"; Poesio & Vieira 1998).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spacy.tokens import Doc, Span, Token

# CAMEO codes of a movement of forces into or out of a place (Source: CAMEO manual 1.1b3:
# 087 "de-escalate military engagement" -- withdraw or pull out forces; 153 "mobilize or
# increase police power"; 154 "mobilize or increase armed forces")
MOVEMENT_CODES = frozenset({"087", "153", "154"})
# determiners that make an event noun a reference to an event already told ("the departure")
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})

PlaceTarget = Callable[[dict[str, Any], dict[str, Any], Span], dict[str, Any] | None]


def is_movement(cameo_code: str | None) -> bool:
    """Whether a CAMEO code (``"154"``) is a movement of forces (``MOVEMENT_CODES``)."""
    return cameo_code in MOVEMENT_CODES


def own_countries(
    actors: Iterable[dict[str, Any] | None], named: Callable[[str], str | None]
) -> set[str]:
    """The countries (ISO 3166-1 alpha-3) of the moving side.

    Args:
        actors: actor records of the source actors and of the force moved (theme); None
            entries are skipped.
        named: the country a phrase's own words name ("Russian troops" -> RUS), or None.

    Returns:
        the ``country`` of each actor whose words or entity name name it ("Russian troops";
        "its" resolved to the United States). A country an actor took from the place itself
        ("forces from Panama" -> PAN, "soldiers in Somalia" -> SOM) is not the moving side's:
        it is where they move.
    """
    return {
        a["country"]
        for a in actors
        if a and a.get("country") and a["country"] in (named(a["text"]), named(a.get("name") or ""))
    }


def foreign_place(location: dict[str, Any] | None, own: set[str]) -> bool:
    """Whether ``location`` (an event location record) names a place in the text (it has a
    ``span``) of a country (ISO alpha-3) that is not one of ``own``: a place the movement can be
    directed at."""
    return bool(
        location
        and location.get("span")
        and location.get("country")
        and location["country"] not in own
    )


def without_own_places(targets: list[dict[str, Any]], own: set[str]) -> list[dict[str, Any]]:
    """``targets`` (actor records) less the places of the moving side's own country: a state
    or force moving inside its own territory ("withdrew its troops from Rwanda's border" said of
    Rwanda) acts on no one there. Only unsectored actors (a country or place mention) are
    dropped; "Rwandan rebels" stay."""
    return [t for t in targets if not (t.get("country") in own and not t.get("sector"))]


def continue_scenes(
    doc: Doc,
    events: list[dict[str, Any]],
    place_target: PlaceTarget,
    named: Callable[[str], str | None],
    nearest: Callable[[dict[str, Any], Token], dict[str, Any]],
) -> None:
    """Give a movement with no target and no place named in its sentence the place of the
    movement scene it continues, and that place's country as target actor (rule in the module
    docstring). Changes ``events`` in place.

    The location becomes the earlier scene's place, its span moved to the mention of that
    place nearest the trigger (``nearest``: in the event's own sentence when it names the
    place, else the nearest before it); the target's span is the sentence's own mention of the
    country when there is one, else that same nearest mention.
    Nothing changes when the scene's country is the moving side's own. Events on the same
    trigger with the same source (a stated intent to withdraw, CAMEO 03x) take the same target.

    Args:
        doc: the parsed document the events' character offsets point into.
        events: Event-shaped dicts of the whole document (before merging), each with
            ``cameo_code``, ``trigger``, ``source_actor``, ``target_actor``, ``location``.
        place_target: builds the target actor record for the scene's location record
            (gazetteer fields plus ``span``, the earlier scene's place name), the same record
            with its span moved to the mention nearest the trigger, and the event's sentence
            (a ``Span``); None when it cannot.
        named: the country a phrase's own words name, or None (``own_countries``).
        nearest: the location record with its span moved to the mention of its place nearest
            to a trigger token (``_place_mentions.nearest_mention``).
    """
    ordered = sorted(events, key=lambda e: e["trigger"]["start_char"])
    scenes: list[tuple[str | None, dict[str, Any]]] = []  # (source entity id, location)
    targeted: set[str] = set()  # countries earlier movements were directed at
    for ev in ordered:
        if not is_movement(ev.get("cameo_code")):
            continue
        loc = ev.get("location")
        src = ev.get("source_actor") or {}
        if ev.get("target_actor") is not None or (loc and loc.get("span")):
            if ev.get("target_actor") is not None:
                targeted |= {ev["target_actor"]["country"]} - {None}
                if loc is not None and foreign_place(loc, own_countries([src], named)):
                    scenes.append((src.get("entity_id"), loc))
            continue
        tok = _trigger_token(doc, ev)
        if tok is None:
            continue
        scene = _scene_of(tok, src.get("entity_id"), scenes, targeted)
        if scene is None or not foreign_place(scene, own_countries([src], named)):
            continue
        here = nearest(scene, tok)
        target = place_target(scene, here, tok.sent)
        if target is None:
            continue
        for other in events:
            if (
                other["trigger"] == ev["trigger"]
                and other.get("target_actor") is None
                and other.get("source_actor") == ev.get("source_actor")
            ):
                other["target_actor"] = target
                other["location"] = here
                other["confidence"] = round(min(0.99, other["confidence"] + 0.05), 2)
        scenes.append((src.get("entity_id"), scene))


def _scene_of(
    tok: Token,
    entity_id: str | None,
    scenes: list[tuple[str | None, dict[str, Any]]],
    targeted: set[str],
) -> dict[str, Any] | None:
    """The location of the scene the movement at ``tok`` continues: the latest earlier scene of
    the same moving entity, else, for a definite event noun, the latest earlier scene when all
    earlier movements were directed at its one country (``targeted``: an ambiguous reference
    takes none)."""
    if entity_id is not None:
        same = [loc for eid, loc in scenes if eid == entity_id]
        if same:
            return same[-1]
    if scenes and _definite_event_noun(tok) and targeted == {scenes[-1][1]["country"]}:
        return scenes[-1][1]
    return None


def _definite_event_noun(tok: Token) -> bool:
    """Whether ``tok`` is an event noun with a definite determiner or a possessor ("the
    departure of the troops", "the Russian deployment", "its withdrawal"): a reference to an
    event the reader already knows."""
    return tok.pos_ == "NOUN" and any(
        (c.dep_ == "det" and c.lower_ in _DEFINITE) or c.dep_ == "poss" for c in tok.children
    )


def _trigger_token(doc: Doc, ev: dict[str, Any]) -> Token | None:
    """The token of an event's trigger (its last token), or None when the offsets fall off
    token boundaries."""
    span = doc.char_span(
        ev["trigger"]["start_char"], ev["trigger"]["end_char"], alignment_mode="expand"
    )
    return span[-1] if span is not None and len(span) else None
