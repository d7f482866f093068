"""Numbers of people and amounts of money as news text gives them ("About 12,000", "more than a
dozen", "$2-$3 billion"), with approximation and bounds. Pure functions, no spaCy needed.

What a number counts (``count_kind``) comes from the words, never from the event type alone: the
word acting on the counted people decides when they are its patients ("killed 12", "12 were
detained", "the deaths of 12", "12 died", "12 fled"), what they are decides otherwise
("thousands of protesters clashed" -> ``protesters``; "2,500 troops" sent or deployed ->
``deployed``), and anything else is ``other``.

Vague plurals are read as their smallest plausible value, the convention of casualty-count coding
(e.g. ACLED's codebook: "dozens" -> at least 24 is not stated there, so wirewatch uses 2x the unit:
dozens >= 24, scores >= 40, hundreds >= 200, thousands >= 2,000).
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = [
    "KIND_LEMMAS",
    "THING_LEMMAS",
    "NumberPhrase",
    "count_kind",
    "counts_things",
    "find_numbers",
    "parse_number",
]


class NumberPhrase(NamedTuple):
    """A number phrase in a text: offsets into that text and its reading."""

    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    approximate: bool
    unit: str  # "people" or an ISO 4217 code


_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "bn": 1e9,
}
_VAGUE = {
    "a dozen": (12, False),
    "dozen": (12, False),
    "a few dozen": (24, True),
    "dozens": (24, True),
    "scores": (40, True),
    "hundreds": (200, True),
    "several hundred": (200, True),
    "thousands": (2000, True),
    "several thousand": (2000, True),
    "tens of thousands": (20000, True),
    "hundreds of thousands": (200000, True),
    "millions": (2e6, True),
}
_CURRENCY = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP"}
_CUR_WORDS = {"dollars": "USD", "dollar": "USD", "usd": "USD", "euros": "EUR", "pounds": "GBP"}

_LOWER_Q = r"more\s+than|over|at\s+least|upwards\s+of|in\s+excess\s+of"
_UPPER_Q = r"up\s+to|as\s+many\s+as|fewer\s+than|less\s+than|under|at\s+most|nearly|almost"
_APPROX_Q = r"about|around|approximately|roughly|some|an\s+estimated|estimated|close\s+to|nearly"
_WORDNUM = (
    r"(?:(?:"
    + "|".join(_TENS)
    + r")(?:[- ](?:"
    + "|".join(k for k in _UNITS if k != "zero")
    + r"))?|"
    + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r")"
)
_SCALE = r"(?:hundred|thousand|million|billion|trillion|bn|mn)"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUM = rf"(?:(?:{_DIGITS})(?:\s*{_SCALE}\b|(?:k|m)\b)?|{_WORDNUM}(?:\s+{_SCALE})*|a\s+{_SCALE})"
_CUR = r"(?:US\$|\$|€|£)"
_VAGUE_RE = "|".join(
    sorted((re.escape(k).replace(r"\ ", r"\s+") for k in _VAGUE), key=len, reverse=True)
)
_PHRASE = re.compile(
    rf"""(?ix)
    (?:(?P<q>{_LOWER_Q}|{_UPPER_Q}|{_APPROX_Q})\s+)?
    (?:
        (?P<vague>{_VAGUE_RE})\b
      | (?:between\s+)?(?:(?P<c1>{_CUR})\s?)?(?P<n1>{_NUM})
        (?:\s*(?:-|–|—|to|and)\s*(?:(?P<c2>{_CUR})\s?)?(?P<n2>{_NUM}))?
        (?:\s+(?P<scale>{_SCALE})\b)?
        (?:\s+(?P<curw>dollars|dollar|usd|euros|pounds)\b)?
    )
    """
)


def parse_number(text: str) -> float | None:
    """Value of one number written in digits or words ("12,000", "2.5 million", "forty-two",
    "a dozen", "a thousand"); None if it is not a number."""
    t = text.strip().lower().replace(",", "")
    if not t:
        return None
    if t in ("a dozen", "dozen"):
        return 12.0
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([a-z]+)?", t)
    if m:
        v = float(m.group(1))
        if m.group(2):
            if m.group(2) not in _SCALES:
                return None
            v *= _SCALES[m.group(2)]
        return v
    total, current = 0.0, 0.0
    seen = False
    for w in re.split(r"[\s-]+", t):
        if w in ("a", "and"):
            current = current or (1.0 if w == "a" else current)
            continue
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w in _SCALES:
            current = (current or 1.0) * _SCALES[w]
            if _SCALES[w] >= 1e3:
                total += current
                current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def find_numbers(text: str) -> list[NumberPhrase]:
    """Every number phrase in ``text`` (people or money), in order.

    Args:
        text: any text (a sentence, usually).

    Returns:
        list of NumberPhrase: ``value`` is the best single value (None for a range), ``low``/
        ``high`` the bounds the wording gives ("more than 160" -> low 160; "up to 50" -> high 50;
        "2-3" -> low 2, high 3); ``approximate`` is true for qualifiers, ranges and vague plurals.
        A bare "one" and numbers glued to letters ("G20") are skipped.
    """
    out: list[NumberPhrase] = []
    for m in _PHRASE.finditer(text):
        if m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "$€£"):
            if not m.group("c1"):
                continue
        if m.end() < len(text) and text[m.end()].isalnum():
            continue
        q = (m.group("q") or "").lower()
        q = re.sub(r"\s+", " ", q)
        unit = "people"
        if m.group("vague"):
            key = re.sub(r"\s+", " ", m.group("vague").lower())
            base, vague = _VAGUE[key]
            v: float | None = float(base)
            low: float | None = float(base) if vague else None
            high: float | None = None
            approx = vague
        else:
            n1 = m.group("n1")
            if n1.strip().lower() == "one" and not m.group("c1") and not m.group("n2"):
                continue
            scale = _SCALES.get((m.group("scale") or "").lower(), 1.0)
            a = parse_number(n1)
            b = parse_number(m.group("n2")) if m.group("n2") else None
            if a is None:
                continue
            # a trailing scale word ("$2-$3 billion", "2 to 3 million") applies to both ends
            a *= scale
            if b is not None:
                b *= scale
                n2_scale = re.search(rf"{_SCALE}$|(?<=\d)[km]$", m.group("n2").lower())
                if n2_scale and not re.search(rf"{_SCALE}$|(?<=\d)[km]$", n1.lower()):
                    a *= _SCALES[n2_scale.group()]
            cur = m.group("c1") or m.group("c2")
            if cur:
                unit = _CURRENCY.get(cur.lower(), "USD")
            elif m.group("curw"):
                unit = _CUR_WORDS[m.group("curw").lower()]
            if b is not None and b < a:
                a, b = b, a
            if b is not None:
                v, low, high, approx = None, a, b, True
            else:
                v, low, high, approx = a, None, None, False
        if q:
            approx = True
            if re.fullmatch(_LOWER_Q.replace(r"\s+", " "), q):
                low = low if low is not None else v
            elif q in ("up to", "as many as", "fewer than", "less than", "under", "at most"):
                high = high if high is not None else v
        out.append(NumberPhrase(m.start(), m.end(), v, low, high, approx, unit))
    return out


# words that say what happened to the counted people when they are its patients ("killed 12",
# "12 died", "the deaths of 12"); tried in this order
KIND_LEMMAS: dict[str, frozenset[str]] = {
    "killed": frozenset(
        {
            "kill",
            "die",
            "death",
            "dead",
            "fatality",
            "body",
            "killed",
            "massacre",
            "execute",
            "murder",
            "slaughter",
            "behead",
            "perish",
            "toll",
            "assassinate",
            "casualty",
        }
    ),
    "injured": frozenset(
        {"injure", "wound", "hurt", "injury", "injured", "wounded", "beat", "maim", "stab"}
    ),
    "arrested": frozenset(
        {
            "arrest",
            "detain",
            "detainee",
            "prisoner",
            "jail",
            "detention",
            "arrested",
            "detained",
            "imprison",
            "apprehend",
            "deport",
            "deportation",
            "round",
            "custody",
            "remand",
        }
    ),
    "displaced": frozenset(
        {"displace", "refugee", "flee", "evacuee", "displaced", "evacuate", "evacuation"}
    ),
    "deployed": frozenset(
        {"deploy", "deployment", "mobilize", "mobilise", "mobilization", "station", "redeploy"}
    ),
}
# lemmas that give a kind only as the word acting on the count ("rounded up 40"), never as the
# counted noun ("40 rounds of ammunition")
_ACTING_ONLY = frozenset({"round"})
# verbs that deploy the counted people only when they are forces ("sent 4,000 troops")
_SEND = frozenset({"send", "dispatch", "transfer", "move", "fly", "airlift"})
_FORCES = frozenset(
    {
        "troop",
        "soldier",
        "peacekeeper",
        "police",
        "officer",
        "personnel",
        "marine",
        "paratrooper",
        "force",
        "serviceman",
        "servicemen",
        "guard",
        "reservist",
        "fighter",
        "policeman",
        "gendarme",
        "unit",
    }
)
# what participants in a protest or a street clash are called
_PROTESTERS = frozenset(
    {"protester", "protestor", "demonstrator", "marcher", "rioter", "striker", "picketer"}
)
# plain people who become protesters by taking part ("thousands of people marched")
_PEOPLE = frozenset(
    {
        "people",
        "person",
        "resident",
        "worker",
        "student",
        "villager",
        "supporter",
        "citizen",
        "farmer",
        "miner",
        "youth",
        "man",
        "woman",
        "activist",
        "fan",
        "teacher",
        "voter",
        "local",
        "inhabitant",
    }
)
_TAKE_PART = frozenset(
    {
        "protest",
        "demonstrate",
        "march",
        "rally",
        "riot",
        "strike",
        "clash",
        "gather",
        "assemble",
        "picket",
        "demonstration",
        "participate",
        "join",
        "attend",
        "scuffle",
        "fight",
        "throng",
        "converge",
        "chant",
        "block",
        "occupy",
        "boycott",
        "walkout",
        "sit",
    }
)


# nouns for things a number can count in conflict and crime reports: weapons and ammunition (the
# PLOVER 0.8 ASSAULT modes "firearms" / "heavy-weapons" and ACLED Codebook 2023 "Disrupted
# weapons use"), and the vehicles and buildings of ACLED's property destruction ("set fire to
# two buses", "torched three houses")
THING_LEMMAS: frozenset[str] = frozenset(
    {
        "weapon",
        "arm",
        "gun",
        "handgun",
        "pistol",
        "revolver",
        "rifle",
        "shotgun",
        "firearm",
        "ammunition",
        "round",
        "bullet",
        "cartridge",
        "shell",
        "explosive",
        "grenade",
        "bomb",
        "mine",
        "landmine",
        "rocket",
        "missile",
        "mortar",
        "drone",
        "ied",
        "knife",
        "machete",
        "vehicle",
        "car",
        "bus",
        "truck",
        "lorry",
        "van",
        "tank",
        "motorcycle",
        "house",
        "home",
        "building",
        "shop",
        "store",
        "hut",
        "tent",
    }
)


def counts_things(counted: set[str]) -> bool:
    """Whether a number counts things, not people ("three pistols", "two rockets").

    Args:
        counted: lemmas of the counted noun and of what it measures ("box", "grenade").

    Returns:
        True when one of them is in ``THING_LEMMAS`` and none of the
        lemmas names people killed, injured, arrested or displaced ("two wounded"). A
        ``Count`` is a number of people or money (``model.Count``; its ``unit`` has no value for
        things), so such a number is no count of the event.
    """
    if not counted & THING_LEMMAS:
        return False
    counted = counted - _ACTING_ONLY  # "rounds" of ammunition are no round-up
    return not any(counted & KIND_LEMMAS[k] for k in ("killed", "injured", "arrested", "displaced"))


def count_kind(counted: set[str], acting: set[str], role: str) -> str:
    """The kind of a count of people from what it counts and the word acting on it.

    Args:
        counted: lemmas of the counted noun and its modifiers ("protester", "dead",
            "wounded"); empty for a bare number ("12 were killed").
        acting: lemmas of the word acting on the counted phrase (the verb it is an argument
            of, or the noun it is the "of" object of) and that word's compound modifiers
            ("death toll").
        role: the counted phrase's role for ``acting``: ``"patient"`` (object, passive
            subject, subject of an unaccusative like "die"/"flee", "of" object of an event
            noun), ``"agent"`` (active subject) or ``"other"``.

    Returns:
        One of ``killed``, ``injured``, ``arrested``, ``displaced``, ``deployed``,
        ``protesters``, ``other`` (``Count.kind`` without ``money``). The event type never
        decides it: a crowd that clashes is ``protesters``, not ``killed``.
    """
    counted = counted - _ACTING_ONLY  # "40 rounds of ammunition" are no round-up
    for kind, lemmas in KIND_LEMMAS.items():
        if counted & lemmas:  # "12 dead", "30 wounded civilians", "200 refugees"
            if kind != "deployed":
                return kind
        if role == "patient" and acting & lemmas:
            return kind
    if counted & _FORCES and (acting & (_SEND | KIND_LEMMAS["deployed"])) and role != "agent":
        return "deployed"
    if counted & _PROTESTERS:
        return "protesters"
    if role == "agent" and acting & _TAKE_PART and (counted & _PEOPLE or not counted):
        return "protesters"  # "thousands of people marched", "5,000 protested"
    if (
        role == "patient"
        and acting & _TAKE_PART
        and counted & _PEOPLE
        and acting & {"demonstration", "rally", "protest", "march", "strike", "walkout"}
    ):
        return "protesters"  # "a rally of 5,000 people"
    return "other"
