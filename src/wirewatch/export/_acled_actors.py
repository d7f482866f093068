"""The ACLED actor columns of one event: actor1/assoc_actor_1/inter1, actor2/assoc_actor_2/inter2
and interaction, following ACLED's own conventions rather than the PLOVER source/target.

ACLED's actors are not PLOVER's. The rules applied here, by ACLED event type:

* **Protests**: the demonstrators are always an actor, written generically as "Protesters
  (Country)" (inter 6; the country where the event happens); a named group that demonstrates
  ("teachers", "opposition supporters") goes to ``assoc_actor_1``. What a protest is *against*
  (the PLOVER target: "the government", "Kazakhstan", the square it fills) is no ACLED actor and
  is written nowhere (``assoc_actor_2`` records who is associated with actor2, not a grievance).
  Only "Protest with intervention" and "Excessive force against protesters" have a second
  actor: the force that intervenes (inter 1 for state forces: interaction 16).
* **Riots**: the crowd is "Rioters (Country)" (inter 5). The second actor is kept only when it
  is a party the rioters act on: state forces they clash with (interaction 15), civilians (mob
  violence against people, 57), an armed group or another crowd; a government or a country the
  riot is aimed at is dropped, as for protests.
* **Battles, Explosions/Remote violence, Violence against civilians**: an unnamed perpetrator is
  "Unidentified Armed Group (Country)" (inter 3, as ACLED codes unknown armed actors); the
  victims of Violence against civilians are civilians by definition, so an unnamed target is
  "Civilians (Country)" (inter 7).
* Civilians (inter 7) are written "Civilians (Country)", with a named group of them in the
  associated-actor column ("villagers", "a journalist"); protesters and rioters named in any
  event ("Police detained 200 protesters") are inter 6 / 5.
* **A country named alone as an actor** ("Russia shelled the town", "Chad signed the accord")
  stands for its state, whose ACLED actors are its forces or its government: written
  "Military Forces of X" in a political-violence event, else "Government of X". Its inter
  code, like that of any state actor (military, police, government, intelligence), is 1 in its
  own country and 8 ("External/Other Forces": state forces active outside their main country
  of operation) when the event happens in another country. As a *target* a country is the
  state only in Battles and Explosions/Remote violence (its forces are hit); in Violence
  against civilians it is its civilians; elsewhere ("troops deployed to Kazakhstan") it is a
  destination or a place, not an actor, and is left out.
* **Arrests** (Strategic developments): ACLED codes an arrest as the state's police acting on
  the detainees. An arrest whose agent the text does not name ("About 12,000 have been
  detained") has actor1 "Police Forces of X" (inter 1), X the country it happens in, when that
  is known. Detainees named only by a count ("About 12,000", "more than 300", "dozens") are
  named by the group the sentence counts: "Protesters (Country)" (inter 6) or "Rioters
  (Country)" (inter 5) when it speaks of protesters or rioters ("12,000 protesters"), else
  "Civilians (Country)" (inter 7). Only this export names them so: the event's PLOVER target
  keeps the words of the text.
* An actor whose ACLED type the text does not give (no CAMEO sector) keeps its name with no
  inter code, rather than a guessed one.
* With one actor, ``inter2`` is 0 and ``interaction`` is inter1 followed by 0 ("60" sole
  protester action, "10" sole military action); with two, the two codes lowest first ("16",
  never "61"). An event whose only actor is its PLOVER target has it as actor1 when its type
  is known.

Source: ACLED Codebook (2023), "Actor Names, Types, and 'Inter' Codes" (generic names
"Protesters (Country)", "Rioters (Country)", "Civilians (Country)", "Unidentified Armed Group
(Country)"; state forces named "Police Forces of X" / "Military Forces of X"; associated
actors; inter 8 for state forces outside their country), "Strategic developments: Arrests"
and "Interaction codes" (one-sided events coded with 0 as the second digit, lowest number
first); sector codes CAMEO manual 1.1b3 ch. 4.
"""

from __future__ import annotations

import json
import re
from typing import Any, NamedTuple

from wirewatch.export._codes import country_name
from wirewatch.ontology import actors as oa

__all__ = ["AcledActors", "acled_actors", "disorder_type"]

PROTESTS = "Protests"
RIOTS = "Riots"
_VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
_INTERVENTION = frozenset({"Protest with intervention", "Excessive force against protesters"})

# CAMEO sector -> ACLED inter code of an organised actor (1 state forces, 2 rebel groups,
# 3 political militias incl. unidentified armed groups)
_STATE = frozenset({"MIL", "COP", "GOV", "SPY"})
_INTER = {"REB": 2, "INS": 2, "SEP": 2, "UAF": 3}
# sectors of unarmed non-combatants (ACLED inter 7, "Civilians")
_CIVILIAN = frozenset(
    {"CVL", "MED", "EDU", "HLH", "REF", "BUS", "LAB", "REL", "AGR", "ELI", "SOC", "NGO", "HRI"}
)
# the crowd of a demonstration (ACLED inter 6 protesters, 5 rioters) by its head noun
_PROTESTER_WORDS = frozenset(
    {"protester", "protestor", "demonstrator", "marcher", "picketer", "striker"}
)
_RIOTER_WORDS = frozenset({"rioter", "mob", "crowd", "looter"})
# names that add nothing to ACLED's generic actor name (not written as an associated actor)
_GENERIC = _PROTESTER_WORDS | _RIOTER_WORDS | {"civilian", "people", "person", "demonstration"}

ARRESTS = "Arrests"
# a count of people with nothing it counts: "About 12,000", "more than 300", "dozens", "a few
# hundred", "tens of thousands", "two"
_NUMBER_WORD = (
    r"(?:\d[\d,.]*|a|few|several|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|dozens?|scores|tens|of)"
)
_COUNT_ONLY = re.compile(
    r"(?i)^(?:(?:about|around|some|over|nearly|almost|roughly|approximately|another|"
    r"(?:more|fewer|less)\s+than|at\s+(?:least|most)|up\s+to|as\s+many\s+as|close\s+to|"
    r"an\s+estimated|upwards\s+of|just\s+(?:over|under))\s+)?"
    rf"{_NUMBER_WORD}(?:[\s-]+{_NUMBER_WORD})*$"
)
# the crowd a sentence may say the counted detainees belong to
_CROWD_IN_TEXT = re.compile(
    r"(?i)\b(?:(?P<protest>protest[eo]rs?|demonstrators?|marchers?|picketers?|strikers?)|"
    r"(?P<riot>rioters?|looters?))\b"
)


class AcledActors(NamedTuple):
    """The seven ACLED actor columns of one row (names as written in ACLED's CSV)."""

    actor1: str | None
    assoc_actor_1: str | None
    inter1: int | None
    actor2: str | None
    assoc_actor_2: str | None
    inter2: int | None
    interaction: int | None


class _Actor(NamedTuple):
    name: str | None
    country: str | None
    sector: str | None
    implied: bool


def _head(name: str | None) -> str:
    """Singular lower-case last word of an actor name ("Angry villagers" -> "villager")."""
    words = (name or "").lower().split()
    if not words:
        return ""
    w = words[-1]
    for suffix, repl in (("ies", "y"), ("men", "man"), ("s", "")):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            return w[: -len(suffix)] + repl
    return w


def _generic(kind: str, iso3: str | None) -> str:
    where = country_name(iso3)
    return f"{kind} ({where})" if where else kind


def _bare_country(a: _Actor) -> bool:
    """A country named alone, with no sector ("Chad", "Russia")."""
    return bool(a.name) and a.sector is None and oa.country_code(a.name or "") is not None


def _state_inter(country: str | None, where: str | None) -> int:
    """1 for state forces in their own country (or where unknown), 8 outside it."""
    return 8 if country and where and country != where else 1


def _role(
    a: _Actor, event_type: str | None, where: str | None, crowd: bool
) -> tuple[str | None, str | None, int | None]:
    """(ACLED name, associated actor, inter code) of one actor; ``crowd`` says it is the
    demonstrating crowd of a Protests/Riots event."""
    head = _head(a.name)
    assoc = None
    if a.name and head not in _GENERIC and not a.implied and not _bare_country(a):
        assoc = a.name
    if crowd or head in _PROTESTER_WORDS | _RIOTER_WORDS:
        if event_type == RIOTS or (not crowd and head in _RIOTER_WORDS):
            return _generic("Rioters", where or a.country), assoc, 5
        return _generic("Protesters", where or a.country), assoc, 6
    if _bare_country(a):
        kind = "Military Forces of" if event_type in _VIOLENT else "Government of"
        return f"{kind} {country_name(a.country) or a.name}", None, _state_inter(a.country, where)
    if a.sector in _STATE:
        return a.name, None, _state_inter(a.country, where)
    if a.sector in _INTER:
        return a.name, None, _INTER[a.sector]
    if a.sector in _CIVILIAN:
        return _generic("Civilians", where or a.country), assoc, 7
    return a.name, None, (8 if a.sector else None)


def _actor(r: dict[str, Any], side: str) -> _Actor | None:
    name = r[f"{side}_actor_name"]
    country, sector = r[f"{side}_actor_country"], r[f"{side}_actor_sector"]
    if not (name or country or sector):
        return None
    if not name:
        name = " ".join(x for x in (country_name(country), sector) if x) or None
    return _Actor(name, country, sector, bool(r[f"{side}_actor_implied"]))


def _kept_target(t: _Actor, event_type: str | None, sub: str | None) -> bool:
    """Whether the PLOVER target of a demonstration is an ACLED actor (module docstring)."""
    if event_type == PROTESTS:
        return sub in _INTERVENTION
    # Riots: a party the rioters act on, not the government or country they are aimed at
    if _bare_country(t) or t.sector == "GOV" or t.sector is None:
        return _head(t.name) in _PROTESTER_WORDS | _RIOTER_WORDS
    return True


def _sentence(r: dict[str, Any]) -> str:
    """The event's evidence sentence (its first ``evidence`` span), or ""."""
    ev = r.get("evidence")
    if isinstance(ev, str):
        ev = json.loads(ev)
    return str(ev[0].get("text") or "") if ev else ""


def _detainees(t: _Actor, sentence: str, where: str | None) -> _Actor:
    """The ACLED actor of arrested people the text names only by a count ("About 12,000"):
    protesters or rioters when ``sentence`` speaks of them, else civilians; any other target
    is returned unchanged."""
    if t.sector is not None or not _COUNT_ONLY.match((t.name or "").strip()):
        return t
    crowd = _CROWD_IN_TEXT.search(sentence)
    country = where or t.country
    if crowd is None:
        return _Actor(None, country, "CVL", True)
    return _Actor("rioters" if crowd["riot"] else "protesters", country, None, True)


def acled_actors(r: dict[str, Any], where: str | None) -> AcledActors:
    """The ACLED actor columns of one event row (module docstring gives the rules).

    Args:
        r: an event row of ``wirewatch.export._frame.event_rows`` (``source_actor_name``,
            ``_country``, ``_sector``, ``_implied``, the same for ``target_actor``,
            ``acled_event_type``, ``acled_sub_event_type`` and, optionally, ``evidence``, whose
            first sentence may say which group a count of detainees belongs to).
        where: ISO 3166-1 alpha-3 code of the country the event happens in, or None; it names
            generic actors ("Protesters (Nigeria)") and tells state forces abroad (inter 8).

    Returns:
        ``AcledActors``: actor names, associated actors, inter codes (1-8; inter2 0 when there
        is no second actor) and the interaction code (e.g. 60, 16, 17). An actor whose type
        the text does not give (no sector: a person with no role, an organisation no table
        knows) keeps its name with inter None, and the interaction is then None.

    Source: ACLED Codebook (2023), "Actor Names, Types, and 'Inter' Codes" and "Interaction
    codes".
    """
    et, sub = r["acled_event_type"], r["acled_sub_event_type"]
    src, tgt = _actor(r, "source"), _actor(r, "target")
    demo = et in (PROTESTS, RIOTS)
    if demo:
        # the crowd: the source, or the target of an intervention ("police dispersed
        # protesters"); a missing crowd is implied by the event type itself
        tgt_crowd = tgt is not None and _head(tgt.name) in _PROTESTER_WORDS | _RIOTER_WORDS
        if tgt_crowd and src is not None and _head(src.name) not in _GENERIC:
            src, tgt = tgt, src  # actor1 the crowd, actor2 who intervenes
        if tgt is not None and not _kept_target(tgt, et, sub):
            tgt = None
        if src is not None and src.sector in _STATE and tgt is None and sub in _INTERVENTION:
            src, tgt = None, src  # "police dispersed a rally": the force is actor2
        if src is None:
            src = _Actor(None, where, None, True)
        # a state body's own "protest" (a diplomatic note) has no crowd to name
        one = _role(src, et, where, crowd=src.sector not in _STATE)
    else:
        if sub == ARRESTS:
            # ACLED: an arrest is the police acting on the detainees
            if tgt is not None:
                tgt = _detainees(tgt, _sentence(r), where)
            if src is None and where:
                src = _Actor(f"Police Forces of {country_name(where) or where}", where, "COP", True)
        if tgt is not None and _bare_country(tgt):
            if et == "Violence against civilians":
                tgt = tgt._replace(sector="CVL")  # "killed in Mali": the country's civilians
            elif et not in _VIOLENT:
                tgt = None  # "troops deployed to Kazakhstan": a destination, not an actor
        elif tgt is not None and et == "Violence against civilians" and tgt.sector is None:
            tgt = tgt._replace(sector="CVL")  # the victims of VAC are civilians by definition
        if src is None and et in _VIOLENT:
            src = _Actor(None, where, "UAF", True)
        if tgt is None and et == "Violence against civilians":
            tgt = _Actor(None, where, "CVL", True)
        one = _role(src, et, where, crowd=False) if src is not None else (None, None, None)
        if src is not None and src.implied and src.sector == "UAF":
            one = (_generic("Unidentified Armed Group", where), None, 3)
    two = _role(tgt, et, where, crowd=False) if tgt is not None else (None, None, None)
    if one[0] is None and two[2] is not None:
        one, two = two, (None, None, None)  # an event's only actor of known type is actor1
    i1, i2 = one[2], two[2]
    if two[0] is None:
        return AcledActors(
            one[0], one[1], i1, None, None, 0 if one[0] else None, i1 * 10 if i1 else None
        )
    both = min(i1, i2) * 10 + max(i1, i2) if i1 and i2 else None
    return AcledActors(one[0], one[1], i1, two[0], two[1], i2, both)


def disorder_type(event_type: str | None, sub_event_type: str | None) -> str | None:
    """ACLED ``disorder_type`` of an event type and sub-event type.

    Returns "Political violence" (Battles, Explosions/Remote violence, Violence against
    civilians), "Demonstrations" (Peaceful protest, Protest with intervention, Violent
    demonstration), "Political violence; Demonstrations" (Excessive force against protesters,
    Mob violence: political violence in a demonstration context), "Strategic developments",
    or None for an event with no ACLED type.

    Source: ACLED Codebook (2023), "Disorder type"; ACLED, "Guide to 2023 ACLED column
    changes".
    """
    if event_type in _VIOLENT:
        return "Political violence"
    if sub_event_type in ("Excessive force against protesters", "Mob violence"):
        return "Political violence; Demonstrations"
    if event_type in (PROTESTS, RIOTS):
        return "Demonstrations"
    if event_type == "Strategic developments":
        return "Strategic developments"
    return None
