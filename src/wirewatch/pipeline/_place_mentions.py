"""The words a place field points to, for the ``wirewatch_events`` coder.

An event's location (and the place-target of a movement of forces) is an entity: a country, a
province, a city. When the event's own sentence names it, the span is the name the parse found
there. When the place comes from elsewhere -- an earlier movement's scene ("CSTO forces would
begin departing" continuing "the deployment ... in Kazakhstan"), or the article's focus country
for an event whose sentence names no place -- the span is the mention of that place nearest to
the trigger: the closest one in the trigger's own sentence, else the nearest one before it,
else the nearest one after it; never simply the first mention, which can sit paragraphs away.
The span is None only when the text never mentions the place.

A mention of a place is a place name of the text (a GPE, LOC or FAC entity) that the gazetteer
resolves to the same place, or, for a country, its adjective ("Kazakh President ...",
"Russian troops") that the actor recogniser tied to the same entity (``ww_mentions`` of kind
``demonym``).

Source: the README's promise that every field carries the character offsets of the words it
came from; an anaphor's antecedent is sought in its own sentence first, then backwards
(Hobbs 1978, "Resolving pronoun references"; Lappin & Leass 1994).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from wirewatch.pipeline._event_context import _PLACE_LABELS, _DocContext, _sd
from wirewatch.pipeline._event_places import _gazetteer_place
from wirewatch.pipeline.extensions import entity_at


def place_mentions(ctx: _DocContext, location: dict[str, Any]) -> list[tuple[int, int]]:
    """Character ranges (half-open) of every mention of the place of ``location`` in the text.

    Args:
        ctx: the document context.
        location: a location record (gazetteer fields ``name``, ``country`` (ISO 3166-1
            alpha-3), ``precision``, ``geonameid``; ``span`` or None).

    Returns:
        sorted ``(start_char, end_char)`` of the place names that resolve to the same place (a
        leading "the" and a possessive "'s" left out) and, for a country, of the demonyms the
        actor recogniser tied to the same entity; the location's own span is always one.
    """
    key = _place_key(location)
    found: set[tuple[int, int]] = set()
    if location.get("span"):
        found.add((location["span"]["start_char"], location["span"]["end_char"]))
    for ent in ctx.ents:
        if ent.label_ not in _PLACE_LABELS:
            continue
        s, e = _trimmed(ctx.text, ent.start_char, ent.end_char)
        if _place_key(_gazetteer_place(ctx, ctx.text[s:e], location.get("country"))) == key:
            found.add((s, e))
    if location.get("precision") == "country" and found:
        ids = {found_ent["id"] for s, e in found if (found_ent := entity_at(ctx.doc, s, e))}
        found |= {
            (m["start_char"], m["end_char"])
            for m in ctx.doc._.ww_mentions or []
            if m.get("kind") == "demonym" and m.get("entity_id") in ids
        }
    return sorted(found)


def nearest_mention(ctx: _DocContext, location: dict[str, Any], trigger: Token) -> dict[str, Any]:
    """``location`` with its ``span`` moved to the mention of its place nearest to ``trigger``
    (the rule in the module docstring); unchanged when the text never mentions the place.

    Args:
        ctx: the document context.
        location: a location record (``span`` may be None).
        trigger: the event's trigger token; its sentence is the trigger's own.

    Returns:
        a new location record whose ``span`` is ``{start_char, end_char, text}`` of the nearest
        mention, or ``location`` itself when there is none.
    """
    sent = trigger.sent
    lo, hi, at = sent.start_char, sent.end_char, trigger.idx

    def distance(rng: tuple[int, int]) -> tuple[int, int]:
        s, e = rng
        if lo <= s and e <= hi:
            return 0, abs(s - at)
        return (1, at - s) if s < at else (2, s - at)

    best = min(place_mentions(ctx, location), key=distance, default=None)
    if best is None:
        return location
    return {**location, "span": _sd(ctx.text, *best)}


def point_to_nearest_mentions(ctx: _DocContext, events: list[dict[str, Any]]) -> None:
    """Give every event location whose span is None (a place taken from context) or lies
    outside the event's evidence sentences the span of the nearest mention of its place
    (``nearest_mention``). Changes ``events`` in place; the name, codes and coordinates stay.

    Args:
        ctx: the document context.
        events: Event-shaped dicts with ``trigger``, ``evidence`` and ``location``.
    """
    for ev in events:
        loc = ev.get("location")
        if not loc:
            continue
        sp = loc.get("span")
        if sp and any(
            x["start_char"] <= sp["start_char"] and sp["end_char"] <= x["end_char"]
            for x in ev.get("evidence") or []
        ):
            continue
        trig = ctx.doc.char_span(
            ev["trigger"]["start_char"], ev["trigger"]["end_char"], alignment_mode="expand"
        )
        if trig is not None and len(trig):
            ev["location"] = nearest_mention(ctx, loc, trig[-1])


def _place_key(loc: dict[str, Any]) -> tuple[Any, ...]:
    """What makes two gazetteer records one place: the GeoNames id, else the name, level and
    country."""
    if loc.get("geonameid"):
        return ("id", loc["geonameid"])
    return (
        str(loc.get("name") or "").strip().lower(),
        loc.get("precision"),
        loc.get("country"),
        loc.get("admin1"),
    )


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A place entity's range less a leading "the " and a trailing possessive ("the
    Kazakhstan's" -> "Kazakhstan")."""
    if text[start:end].lower().startswith("the "):
        start += 4
    if text[start:end].endswith(("'s", "’s")):
        end -= 2
    return start, end
