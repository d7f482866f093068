"""ACLED event type and sub-event type of a coded event, from its trigger row and its actors.

The event lexicon gives each trigger the ACLED type its verb alone implies ("abduct" ->
Violence against civilians / Abduction). Many ACLED distinctions depend on who acts on whom and
with what, which only the coded event knows; ``acled_type`` settles them, in this order:

    1. Weapon named as the subject or means ("a roadside bomb killed", "killed in an airstrike",
       "military aircraft bombed"): Explosions/Remote violence with the weapon's sub-type; a
       suicide bomber or attack ("a suicide bomber killed 12"): Suicide bomb.
    2. A crowd as the source of violence ("rioters torched cars", "a mob lynched a man",
       "protesters clashed with police"): Riots, Violent demonstration for demonstrators and
       rioters, Mob violence for a mob or crowd; a plural group of civilians using crude
       violence (no firearms or explosives): Violent demonstration against state forces
       ("youths stoned police"), Mob violence otherwise ("villagers beat a thief").
    3. Taking territory ("captured the town"; lexicon rows typed Battles with no sub-type):
       Government regains territory for a state force, Non-state actor overtakes territory for
       a rebel or militia.
    4. Violence with no type from its row ("killed", "shot", "attacked"), by the two sides:
       state forces against protesters -> Protests, Excessive force against protesters (crowd
       control, e.g. tear gas, is Protest with intervention); two armed sides -> Battles, Armed
       clash; an armed side against civilians -> Violence against civilians, Attack.

Pure functions over the event's actor records (``{"text", "sector", ...}``) and lemmas.

Source: ACLED Codebook (2023), sections "Battles", "Explosions/Remote violence", "Violence
against civilians", "Protests", "Riots" and their sub-event definitions; sector codes from the
CAMEO manual 1.1b3 ch. 4.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["acled_type", "weapon_sub_type"]

BATTLES = "Battles"
ERV = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"

# weapon nouns -> ACLED Explosions/Remote violence sub-event type (ACLED Codebook 2023: "Air/drone
# strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade")
_WEAPON_SUB = {
    **dict.fromkeys(
        (
            "bomb",
            "ied",
            "explosive",
            "device",
            "mine",
            "landmine",
            "minefield",
            "car-bomb",
            "booby",
        ),
        "Remote explosive/landmine/IED",
    ),
    "grenade": "Grenade",
    **dict.fromkeys(
        (
            "drone",
            "airstrike",
            "aircraft",
            "warplane",
            "jet",
            "helicopter",
            "gunship",
            "plane",
            "air",
        ),
        "Air/drone strike",
    ),
    **dict.fromkeys(
        ("shell", "shelling", "artillery", "mortar", "rocket", "missile"),
        "Shelling/artillery/missile attack",
    ),
}
# organised armed sides (CAMEO: military, police, rebels, unidentified armed groups,
# insurgents, separatists)
_ARMED = frozenset({"MIL", "COP", "REB", "UAF", "INS", "SEP", "SPY"})
_STATE_FORCES = frozenset({"MIL", "COP", "GOV", "SPY"})
_NON_STATE_ARMED = frozenset({"REB", "UAF", "INS", "SEP"})
# unarmed non-combatants (ACLED: "civilians ... unarmed and not engaged in political violence")
_CIVILIAN = frozenset(
    {"CVL", "AGR", "EDU", "MED", "LAB", "REL", "HLH", "REF", "BUS", "NGO", "HRI", "ELI"}
)
# ACLED's participants in a demonstration, and unorganised crowds
_DEMONSTRATORS = frozenset(
    {"protester", "protestor", "demonstrator", "marcher", "rioter", "picketer", "striker"}
)
_MOBS = frozenset({"mob", "crowd", "vigilante", "lyncher"})
_CROWD_CONTROL = frozenset({"crowd-control"})
# heads of a "suicide ..." subject or means that ACLED codes as "Suicide bomb" (ACLED Codebook
# 2023: an attack in which the attacker detonates explosives on their person or vehicle)
_SUICIDE_MEANS = frozenset(
    {"bomber", "bomb", "bombing", "attack", "attacker", "vest", "car-bomb", "blast", "explosion"}
)


def weapon_sub_type(lemmas: Iterable[str]) -> str | None:
    """The Explosions/Remote violence sub-event type a weapon noun names.

    Args:
        lemmas: lower-case lemmas of the weapon phrase ("roadside", "bomb"), any order.

    Returns:
        "Remote explosive/landmine/IED", "Grenade", "Air/drone strike" or
        "Shelling/artillery/missile attack"; None when no lemma names a weapon. A suicide bomb
        is left to the lexicon's suicide rows.

    Source: ACLED Codebook (2023), Explosions/Remote violence sub-event types.
    """
    found = [_WEAPON_SUB[w] for w in lemmas if w in _WEAPON_SUB]
    if not found:
        return None
    # "drone strike", "missile strike": the delivery decides over the generic "device"/"bomb"
    for pref in ("Air/drone strike", "Shelling/artillery/missile attack", "Grenade"):
        if pref in found:
            return pref
    return found[0]


def _head_lemma(actor: dict[str, Any] | None) -> str:
    if not actor:
        return ""
    words = actor.get("text", "").lower().split()
    if not words:
        return ""
    w = words[-1]
    for suffix, repl in (("ies", "y"), ("men", "man"), ("s", "")):
        if w.endswith(suffix) and w[: -len(suffix)] + repl in _DEMONSTRATORS | _MOBS | {"youth"}:
            return w[: -len(suffix)] + repl
    return w


def acled_type(
    row_type: str | None,
    row_sub: str | None,
    plover_type: str,
    plover_mode: str | None,
    source: dict[str, Any] | None,
    target: dict[str, Any] | None,
    weapon_lemmas: Iterable[str] = (),
) -> tuple[str | None, str | None]:
    """ACLED (event type, sub-event type) of one coded event (one source-target dyad).

    Args:
        row_type, row_sub: the ACLED type and sub-type of the trigger's lexicon row, or None.
        plover_type, plover_mode: the event's PLOVER 0.8 type and mode.
        source, target: the source actor and target actor records (``text`` and CAMEO
            ``sector``), or None when the text names none.
        weapon_lemmas: lemmas of a weapon named as the event's subject or means ("bomb",
            "drone"), empty when none.

    Returns:
        ``(acled_event_type, acled_sub_event_type)``; ``(row_type, row_sub)`` unchanged when no
        rule applies, and (None, None) for events ACLED does not code.

    Source: ACLED Codebook (2023) event and sub-event definitions (module docstring).
    """
    if plover_type != "ASSAULT":
        return row_type, row_sub
    src_sector = (source or {}).get("sector")
    tgt_sector = (target or {}).get("sector")
    src_head = _head_lemma(source)
    tgt_head = _head_lemma(target)
    weapon_lemmas = set(weapon_lemmas)
    if "suicide" in weapon_lemmas and weapon_lemmas & _SUICIDE_MEANS and row_type in (None, ERV):
        return ERV, "Suicide bomb"  # "a suicide bomber killed 12", "killed in a suicide attack"
    sub = weapon_sub_type(weapon_lemmas)
    if sub is not None and row_type in (None, ERV) and row_sub != "Suicide bomb":
        return ERV, sub
    if row_type not in (RIOTS, PROTESTS, ERV):
        if src_head in _MOBS:
            return RIOTS, "Mob violence"
        if src_head in _DEMONSTRATORS:
            return RIOTS, "Violent demonstration"
        if _civilian_crowd(source) and plover_mode in _CRUDE_MODES and row_type != BATTLES:
            # an unorganised group of civilians using crude violence (stones, beatings,
            # arson): against state forces a violent demonstration ("youths stoned police"),
            # otherwise mob violence ("villagers beat a suspected thief")
            if tgt_sector in _STATE_FORCES:
                return RIOTS, "Violent demonstration"
            return RIOTS, "Mob violence"
    if row_type == BATTLES and row_sub is None:
        if src_sector in _STATE_FORCES:
            return BATTLES, "Government regains territory"
        if src_sector in _NON_STATE_ARMED:
            return BATTLES, "Non-state actor overtakes territory"
        return row_type, row_sub
    if row_type is not None:
        return row_type, row_sub
    if tgt_head in _DEMONSTRATORS and src_sector in _STATE_FORCES:
        if plover_mode in _CROWD_CONTROL:
            return PROTESTS, "Protest with intervention"
        return PROTESTS, "Excessive force against protesters"
    if src_sector in _ARMED and tgt_sector in _ARMED:
        return BATTLES, "Armed clash"
    if src_sector in _ARMED and tgt_sector in _CIVILIAN:
        return VAC, "Attack"
    return None, None


# PLOVER 0.8 ASSAULT modes of the crude violence ACLED's Riots describe (beating, stoning,
# arson, primitive weapons); None for violence with no mode ("killed")
_CRUDE_MODES = frozenset({None, "beat", "destroy", "primitive"})
# plural heads that name a few individuals, not a crowd ("two men stabbed a driver" is a crime)
_INDIVIDUALS = frozenset({"men", "women", "persons", "individuals", "suspects"})


def _civilian_crowd(actor: dict[str, Any] | None) -> bool:
    """Whether an actor record names a group of civilians in the plural ("Youths", "angry
    villagers"), not one person ("a man"), a few individuals ("two men") nor an organised or
    armed group (CAMEO sector codes, ``_CIVILIAN``)."""
    if not actor or actor.get("sector") not in _CIVILIAN:
        return False
    words = actor.get("text", "").lower().split()
    return bool(words) and words[-1].endswith("s") and words[-1] not in _INDIVIDUALS
