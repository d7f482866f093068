"""Implied source actors of protests, riots and strikes that name no one who protests.

"Anti-government protests erupted in Almaty": a demonstration is always someone's, and the
event word itself is the evidence that there were protesters. Event data sets code such an
event with a generic actor rather than none: ACLED names it "Protesters (Country)" or "Rioters
(Country)" (inter codes 6 and 5), and CAMEO/PETRARCH coders code the unnamed demonstrators as the
country's opposition (sector OPP; ``resources/sectors.tsv``: "protester" OPP).

``implied_sources`` gives every PLOVER PROTEST event that still has no source actor after
coding and merging such an actor, marked ``implied``. Its span is the trigger's (the word that
implies it); its name says who takes part in that kind of protest (``implied_name``); its
sector is the name's in ``sectors.tsv`` ("rioters" CVL, "strikers" LAB), else OPP; its country
is, in this order, the event's place's country, the one country the trigger's sentence names
(``sentence_country``; a country the protest is aimed at does not count), or the one country
the whole text names. No other event type gets one: an arrest by no one named stays without a
source.

Source: ACLED Codebook (2023/2024), "Actor names" (Protesters (Country), Rioters (Country)) and
"Interaction codes" (5 rioters, 6 protesters); CAMEO manual 1.1b3 (Schrodt 2012), ch. 4
(domestic role codes: OPP opposition, LAB labour, CVL civilians) and codes 14x (protest);
PLOVER manual draft 0.8 (2021), PROTEST modes (demo, riot, strike, hunger, boycott, obstruct).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from wirewatch.ontology import actors as oa
from wirewatch.pipeline._event_context import _OPPOSING_PREPS, _currency_prefix, _DocContext
from wirewatch.pipeline.actors import stance_prefixed

__all__ = ["implied_name", "implied_sources", "sentence_country"]

# who takes part in each PLOVER 0.8 PROTEST mode (plain English agent nouns); any other mode,
# or none, is a demonstration's "protesters" (ACLED's default actor of a protest)
_MODE_NAMES = {
    "riot": "rioters",
    "strike": "strikers",
    "hunger": "hunger strikers",
    "boycott": "boycotters",
}
# the sector of an agent noun that sectors.tsv does not list: CAMEO codes unnamed protesters as
# the opposition (sectors.tsv header; CAMEO 1.1b3 ch. 4)
_DEFAULT_SECTOR = "OPP"
# prepositions that name what a protest is aimed at ("protests against Russia", "a strike over
# the new labour law"): a country named there is the target's, not the protesters'
_AIMED_AT = _OPPOSING_PREPS | {"over", "at"}
_COUNTRY_LABELS = frozenset({"GPE", "NORP", "LOC"})


def implied_name(plover_mode: str | None, acled_event_type: str | None = None) -> str:
    """The generic name of the unnamed participants of a PROTEST event.

    Args:
        plover_mode: the event's PLOVER 0.8 mode ("demo", "riot", "strike", "hunger",
            "boycott", "obstruct") or None.
        acled_event_type: the event's ACLED event type; "Riots" (e.g. "unrest", which has no
            PLOVER mode) makes them rioters, as ACLED names the actor of a riot.

    Returns:
        "rioters", "strikers", "hunger strikers", "boycotters" or "protesters".

    Source: PLOVER manual 0.8 (PROTEST modes); ACLED Codebook 2023 ("Rioters", "Protesters").
    """
    if acled_event_type == "Riots":
        return "rioters"
    return _MODE_NAMES.get(plover_mode or "", "protesters")


def _aimed_at(tok: Token, trigger: Token | None) -> bool:
    """Whether ``tok`` sits in what a protest is aimed at: under an "against"/"over"/"with"
    phrase, or the direct object of the protest verb ("protested Sweden's decision")."""
    for t in (tok, *tok.ancestors):
        if trigger is not None and t.i == trigger.i:
            return False
        if t.dep_ == "prep" and t.lower_ in _AIMED_AT:
            return True
        if trigger is not None and t.dep_ == "dobj" and t.head.i == trigger.i:
            return True
    return False


def sentence_country(ctx: _DocContext, sent: Span, trigger: Token | None = None) -> str | None:
    """The one country a sentence is about, for actors the sentence leaves unnamed.

    Args:
        ctx: the document context (entity codes are read from it).
        sent: the sentence.
        trigger: the event word; a country named in what it is aimed at ("protests against
            Russia", "protested Sweden's decision") does not count.

    Returns:
        ISO 3166-1 alpha-3 of the only country the sentence's place names and demonyms (GPE,
        LOC, NORP) give, leaving out "anti-X"/"pro-X" stances, currency prefixes ("US $5") and
        the countries protested against; None when there is none or more than one.
    """
    found = set()
    for ent in ctx.ents_in(sent):
        if (
            ent.label_ not in _COUNTRY_LABELS
            or stance_prefixed(ent[0])
            or _currency_prefix(ent)
            or _aimed_at(ent.root, trigger)
        ):
            continue
        country = ctx.codes(ent.text, ent.label_)[0]
        if country:
            found.add(country)
    return next(iter(found)) if len(found) == 1 else None


def _trigger_token(ctx: _DocContext, ev: dict[str, Any]) -> Token | None:
    trig = ev["trigger"]
    span = ctx.doc.char_span(trig["start_char"], trig["end_char"], alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def implied_sources(ctx: _DocContext, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give each PROTEST event with no source actor an implied one (rules in the module
    docstring); run after merging, so a source named in another report of the event wins.

    Args:
        ctx: the document context.
        events: Event-shaped dicts of one document.

    Returns:
        ``events`` in the same order; a PROTEST event whose ``source_actor`` was None now has
        ``{start_char, end_char, text}`` of its trigger, ``entity_id`` None, ``name``
        ("protesters", "rioters", "strikers", ...), ``country`` (ISO 3166-1 alpha-3 or None),
        ``sector`` (CAMEO code) and ``implied`` True. Other events are unchanged.
    """
    out = []
    for ev in events:
        if ev["plover_type"] != "PROTEST" or ev.get("source_actor") is not None:
            out.append(ev)
            continue
        tok = _trigger_token(ctx, ev)
        country = (ev.get("location") or {}).get("country")
        if country is None and tok is not None:
            country = sentence_country(ctx, tok.sent, tok)
        if country is None and not ctx.sole_is_opposed:
            country = ctx.sole_country
        name = implied_name(ev.get("plover_mode"), ev.get("acled_event_type"))
        actor = {
            **ev["trigger"],
            "entity_id": None,
            "name": name,
            "country": country,
            "sector": oa.sector_of(name) or _DEFAULT_SECTOR,
            "implied": True,
        }
        out.append({**ev, "source_actor": actor})
    return out
