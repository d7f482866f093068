"""The places of a PLOVER PROTEST event that are its location and not its target: the place that
has seen it ("Lagos has seen protests", ``event_args.hosting_place``) and the place it
disrupts ("a strike paralysed Santiago", ``disrupted_place``).

Source: PLOVER manual 0.8, PROTEST: the target is who the protest is directed at (the
government, a company, a foreign state); the place it happens in is its location. ACLED codes
no actor 2 for a peaceful protest. CAMEO coders (and the PLOVER gold records, drawn from the CAMEO
manual) code the place as the target when the text names no party; ``wirewatch_events`` keeps
that convention for a place the protest happens in or disrupts, not for one that has seen it.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from wirewatch.ontology.event_lexicon import TriggerEntry
from wirewatch.pipeline import event_args as ea
from wirewatch.pipeline._event_actor_spans import actor_span
from wirewatch.pipeline._event_context import _DocContext
from wirewatch.pipeline._event_places import place_of
from wirewatch.pipeline._event_target_candidates import disrupted_place

__all__ = ["protest_places", "placed_protest"]


def protest_places(
    tok: Token, entry: TriggerEntry, tgt: Token | None, *, demand: bool = False
) -> tuple[Token | None, Token | None, Token | None]:
    """The places of a protest trigger that are no party, and its target token without them.

    Args:
        tok: the event trigger.
        entry: its trigger entry (only PLOVER PROTEST has such places).
        tgt: the target token the argument frames found, or None.
        demand: the trigger is a demand clause (no protest places).

    Returns:
        ``(host, hit, tgt)``: the place name that has seen the protest ("Ghana has seen
        protests"), the place name it disrupts ("a strike paralysed Santiago", for a noun
        trigger), each None when absent, and ``tgt`` set to None when it is one of them.
    """
    if entry.plover_type != "PROTEST" or demand:
        return None, None, tgt
    host = ea.hosting_place(tok)
    hit = disrupted_place(tok) if tok.pos_ != "VERB" else None
    if tgt is not None and any(p is not None and p.i == tgt.i for p in (host, hit)):
        tgt = None
    return host, hit, tgt


def placed_protest(
    ctx: _DocContext,
    host: Token | None,
    hit: Token | None,
    location: dict[str, Any] | None,
    targets: list[dict[str, Any]],
) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """The location and targets of a protest given its places from ``protest_places``.

    Args:
        ctx: the document context.
        host: the place name that has seen the protest, or None.
        hit: the place name the protest disrupts, or None.
        location: the location record the place search found (gazetteer fields plus ``span``,
            ``{start_char, end_char, text}`` character offsets; ``span`` None for a document
            default), or None.
        targets: the target actor records found so far.

    Returns:
        ``(location, targets)``: a disrupted place becomes the location when the text names
        no other, is dropped from the targets, and with no party named is the target as the
        place itself (country code, no sector: not the government a capital's name stands
        for as a subject, "Santiago said"); a host city or province becomes the location when
        none is named (a whole country is not taken: its span would anchor a merge with any
        report in one of its cities, "Ghana had seen protests since 2015" with today's).
    """
    hit_place = place_of(ctx, hit, ctx.focus_country) if hit is not None else None
    if hit is not None and hit_place is not None:
        rng = actor_span(hit) or (hit.idx, hit.idx + len(hit.text))
        targets = [a for a in targets if not (rng[0] <= a["start_char"] < rng[1])]
        if not (location and location.get("span")):
            location = hit_place
        if not targets and location is hit_place and hit_place.get("span"):
            targets = [
                {
                    **hit_place["span"],
                    "entity_id": None,
                    "name": hit_place["span"]["text"],
                    "country": hit_place.get("country"),
                    "sector": None,
                }
            ]
    if (
        host is not None
        and not (location and location.get("span"))
        and (hosted := place_of(ctx, host, ctx.focus_country)) is not None
        and hosted.get("precision") != "country"
    ):
        location = hosted
    return location, targets
