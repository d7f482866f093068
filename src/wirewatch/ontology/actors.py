"""Actor knowledge: countries, demonyms, seats of power, IGOs, sector nouns and titles.

A small lookup API over the tab-separated tables in ``wirewatch/resources`` (each file's header
cites its source). Event coding, geocoding and the actor components all read actors from here::

    >>> country_code("Kazakhstan"), demonym_country("Kazakh"), country_code("the U.S.")
    ('KAZ', 'KAZ', 'USA')
    >>> metonym("the Kremlin")[:3]
    ('Kremlin', 'RUS', 'GOV')
    >>> igo("Collective Security Treaty Organization").acronym, sector_of("protesters")
    ('CSTO', 'OPP')

Lookups ignore a leading "the", a trailing possessive and case -- except that an all-capital
acronym ("US", "WHO") matches only in capitals. Tables are loaded once and cached.

Source: see the header of each resource file (countries.tsv, metonyms.tsv, igos.tsv,
sectors.tsv, titles.tsv, given_names.tsv); sector codes are CAMEO 1.1b3 ch. 4 / PLOVER 0.8.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

__all__ = [
    "Country",
    "Metonym",
    "Igo",
    "countries",
    "metonyms",
    "igos",
    "sector_nouns",
    "titles",
    "country_code",
    "country_name",
    "demonym_country",
    "metonym",
    "igo",
    "sector_of",
    "title_sector",
    "title_country",
    "actor_codes",
    "given_name_gender",
    "near_country",
    "normalize",
    "sovereign_on",
]

_RESOURCES = "wirewatch.resources"


class Country(NamedTuple):
    """One country: ISO 3166-1 alpha-3 code, name variants (first canonical), demonyms."""

    iso3: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    ambiguous: bool


class Metonym(NamedTuple):
    """A capital, seat of power or national institution standing for a state's organ."""

    text: str
    country: str
    sector: str
    entity_type: str
    kind: str
    ambiguous: bool


class Igo(NamedTuple):
    """An intergovernmental organisation: acronym (may be ""), names (first canonical), sector."""

    acronym: str
    names: tuple[str, ...]
    sector: str


def _rows(filename: str) -> Iterator[list[str]]:
    """Data rows of a resource TSV: '#' comment lines and the column header line skipped."""
    text = resources.files(_RESOURCES).joinpath(filename).read_text(encoding="utf-8")
    header_seen = False
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        yield line.split("\t")


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split("|") if p.strip())


def _plural(demonym: str) -> str | None:
    """English plural of a demonym used as a noun ("Russians", "Kazakhs"), if it has one."""
    if demonym.endswith(("sh", "ch", "ese", "ss")) or " " in demonym:
        return None
    if demonym[-1] in "nikh":
        return demonym + "s"
    return None


_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:['\u2019]s?)$")


def normalize(text: str) -> str:
    """A lookup key: curly apostrophes straightened, leading "the" and possessive dropped.

    Args:
        text: a name as found in text, e.g. "the Kremlin’s".

    Returns:
        The key form, e.g. "Kremlin" (case kept; callers compare case-insensitively).
    """
    t = " ".join(text.replace("\u2019", "'").split())
    t = _LEADING_THE.sub("", t)
    return _POSSESSIVE.sub("", t).strip()


def _is_acronym(s: str) -> bool:
    letters = s.replace(".", "").replace("-", "")
    return letters.isupper() and len(letters) <= 6


class _Index:
    """Case-insensitive index where all-capital acronyms are matched case-sensitively."""

    def __init__(self) -> None:
        self.exact: dict[str, object] = {}
        self.folded: dict[str, object] = {}

    def add(self, key: str, value: object) -> None:
        key = normalize(key)
        self.exact.setdefault(key, value)
        if not _is_acronym(key):
            self.folded.setdefault(key.lower(), value)

    def get(self, text: str) -> object | None:
        key = normalize(text)
        if key in self.exact:
            return self.exact[key]
        return self.folded.get(key.lower())


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Every country in ``countries.tsv`` (UN members, observers, Taiwan, Kosovo).

    Returns:
        Tuple of ``Country`` in file order.

    Source:
        UN member states list; ISO 3166-1; CIA World Factbook nationality field.
    """
    out = []
    for row in _rows("countries.tsv"):
        row += [""] * (4 - len(row))
        demonyms = _split(row[2])
        plurals = tuple(p for p in (_plural(d) for d in demonyms) if p)
        out.append(Country(row[0], _split(row[1]), demonyms + plurals, row[3] == "ambiguous"))
    return tuple(out)


@lru_cache(maxsize=1)
def _country_index() -> tuple[_Index, _Index, dict[str, Country]]:
    names, dems = _Index(), _Index()
    by_code: dict[str, Country] = {}
    for c in countries():
        by_code[c.iso3] = c
        for n in c.names:
            names.add(n, c.iso3)
        for d in c.demonyms:
            dems.add(d, c.iso3)
    return names, dems, by_code


def country_code(text: str) -> str | None:
    """ISO 3166-1 alpha-3 code of a country name or abbreviation.

    Args:
        text: a country name as written: "Kazakhstan", "the U.S.", "Russia’s", "UK".

    Returns:
        The alpha-3 code ("KAZ") or None when ``text`` is not a known country name. Demonyms are
        not accepted here (see ``demonym_country``).

    Source:
        countries.tsv (ISO 3166-1; UN member states).
    """
    code = _country_index()[0].get(text)
    return str(code) if code else None


@lru_cache(maxsize=1)
def _successors() -> dict[str, tuple[str, str]]:
    return {row[0]: (row[1], row[2]) for row in _rows("successor_states.tsv")}


def sovereign_on(iso3: str | None, date: str | None) -> str | None:
    """The state a place of today's ``iso3`` belonged to on ``date``.

    A city or region inside a state that seceded later was the predecessor's on an earlier
    date: ``sovereign_on("SSD", "2000-01-01") == "SDN"`` (Juba before South Sudan's
    independence on 2011-07-09). Use it for places located by the gazetteer or a capital
    table, never for a country the text names itself.

    Args:
        iso3: ISO 3166-1 alpha-3 code of the place's country today, or None.
        date: the document date, ISO 8601 (only the first 10 characters are read), or None
            (then ``iso3`` is returned unchanged).

    Returns:
        The predecessor's alpha-3 code when ``date`` is before the successor's independence,
        else ``iso3``.

    Source:
        successor_states.tsv (UN admission records; CIA World Factbook independence dates).
    """
    if not iso3 or not date:
        return iso3
    row = _successors().get(iso3)
    if row is None or str(date)[:10] >= row[1]:
        return iso3
    return row[0]


# the shortest country name or demonym a misspelling is matched to: shorter names are one edit
# from too many English words ("Oman"/"Omen", "Iran"/"Iron", "Chad"/"Chat")
_NEAR_MIN_LEN = 7


@lru_cache(maxsize=1)
def _near_index() -> tuple[dict[int, list[tuple[str, str]]], frozenset[str]]:
    by_len: dict[int, list[tuple[str, str]]] = {}
    for c in countries():
        for n in (*c.names, *c.demonyms):
            if len(n) >= 4 and n.isalpha() and n[:1].isupper():
                by_len.setdefault(len(n), []).append((n.lower(), c.iso3))
    lookalikes = frozenset(row[0].lower() for row in _rows("country_lookalikes.tsv"))
    return by_len, lookalikes


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by exactly one insertion, deletion, substitution or
    transposition of adjacent letters (Damerau-Levenshtein distance 1, restricted form)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]


@lru_cache(maxsize=4096)
def near_country(word: str) -> str | None:
    """The country a misspelled country name or demonym stands for ("Afganistan" -> AFG,
    "Ethopia" -> ETH, "Phillippines" -> PHL, "Ukranian" -> UKR).

    A capitalised word that is no known country name, demonym, capital, institution,
    international body or given name, and is one edit (Damerau-Levenshtein: one letter added,
    dropped, changed, or two neighbours swapped) from a single-word country name or demonym of
    seven or more letters of exactly one country (and from no other country's name of four or
    more letters: "Zamibia" could be Zambia or Namibia). English words and names that only look like
    one ("Siberian", "Prussian", "Columbia"; ``country_lookalikes.tsv``) never match. The caller
    must still rule out place names its gazetteer knows (``pipeline.actors.misspelled_country``).

    Args:
        word: one token as written ("Afganistan"); capitalised, letters only.

    Returns:
        ISO 3166-1 alpha-3 code, or None when the word is known, not capitalised, too short,
        listed as a look-alike, or near the names of no country or of several.

    Source:
        countries.tsv; country_lookalikes.tsv (general English usage); Damerau (1964), "A
        technique for computer detection and correction of spelling errors".
    """
    if (
        len(word) < _NEAR_MIN_LEN - 1
        or not word.isalpha()
        or not word[:1].isupper()
        or not word[1:].islower()
    ):
        return None
    by_len, lookalikes = _near_index()
    low = word.lower()
    if (
        low in lookalikes
        or country_code(word)
        or demonym_country(word)
        or metonym(word) is not None
        or igo(word) is not None
        or given_name_gender(word)
    ):
        return None
    near = [
        (name, iso3)
        for n in range(len(low) - 1, len(low) + 2)
        for name, iso3 in by_len.get(n, ())
        if _one_edit(low, name)
    ]
    found = {iso3 for _name, iso3 in near}
    if len(found) != 1 or not any(len(name) >= _NEAR_MIN_LEN for name, _iso3 in near):
        return None  # "Zamibia": Namibia or Zambia (a shorter name counts as a rival too)
    return found.pop()


def country_name(iso3: str) -> str | None:
    """Canonical English short name of an alpha-3 code ("RUS" -> "Russia"), or None."""
    c = _country_index()[2].get(iso3.upper())
    return c.names[0] if c else None


def demonym_country(text: str) -> str | None:
    """ISO alpha-3 code of the country a demonym refers to.

    Args:
        text: an adjective or people noun: "Kazakh", "Russian", "Americans".

    Returns:
        The alpha-3 code ("KAZ") or None.

    Source:
        countries.tsv (CIA World Factbook nationality field); plurals derived.
    """
    code = _country_index()[1].get(text)
    return str(code) if code else None


@lru_cache(maxsize=1)
def metonyms() -> tuple[Metonym, ...]:
    """Capitals, seats of power and national institutions from ``metonyms.tsv``.

    Source:
        CIA World Factbook capitals; CAMEO 1.1b3 ch. 4 treatment of capitals as GOV.
    """
    out = []
    for row in _rows("metonyms.tsv"):
        row += [""] * (6 - len(row))
        out.append(Metonym(row[0], row[1], row[2], row[3], row[4], row[5] == "ambiguous"))
    return tuple(out)


@lru_cache(maxsize=1)
def _metonym_index() -> _Index:
    idx = _Index()
    for m in metonyms():
        idx.add(m.text, m)
    return idx


def metonym(text: str) -> Metonym | None:
    """The state organ a capital or seat of power stands for.

    Args:
        text: "Washington", "the Kremlin", "Downing Street", "the State Department".

    Returns:
        A ``Metonym`` (country alpha-3, CAMEO sector, entity_type, kind) or None. Whether a
        capital is used as a metonym or as a place is for the caller to decide from context.

    Source:
        metonyms.tsv.
    """
    m = _metonym_index().get(text)
    return m if isinstance(m, Metonym) else None


@lru_cache(maxsize=1)
def igos() -> tuple[Igo, ...]:
    """Intergovernmental organisations from ``igos.tsv``.

    Source:
        CAMEO 1.1b3 ch. 4 international actor codes; the organisations' official names.
    """
    return tuple(Igo(row[0], _split(row[1]), row[2]) for row in _rows("igos.tsv"))


@lru_cache(maxsize=1)
def _igo_index() -> _Index:
    idx = _Index()
    for g in igos():
        if g.acronym:
            idx.add(g.acronym, g)
        for n in g.names:
            idx.add(n, g)
    return idx


def igo(text: str) -> Igo | None:
    """The IGO named by a full name or acronym ("CSTO", "the United Nations"), or None.

    Source:
        igos.tsv.
    """
    g = _igo_index().get(text)
    return g if isinstance(g, Igo) else None


@lru_cache(maxsize=1)
def sector_nouns() -> dict[str, tuple[str, str]]:
    """Group/institution noun (singular, lower case) -> (CAMEO sector, entity_type).

    Source:
        sectors.tsv (CAMEO 1.1b3 ch. 4 domestic role codes; PLOVER 0.8 actor sectors).
    """
    return {row[0]: (row[1], row[2]) for row in _rows("sectors.tsv")}


def _singular(word: str) -> list[str]:
    w = word.lower()
    out = [w]
    if w.endswith("ies"):
        out.append(w[:-3] + "y")
    if w.endswith("es"):
        out.append(w[:-2])
    if w.endswith("s"):
        out.append(w[:-1])
    if w.endswith("men"):
        out.append(w[:-3] + "man")
    if w in _IRREGULAR_SINGULAR:
        out.append(_IRREGULAR_SINGULAR[w])
    return out


# irregular English plurals of sector nouns ("children", "thieves")
_IRREGULAR_SINGULAR = {"children": "child", "schoolchildren": "schoolchild", "thieves": "thief"}
# role nouns whose service a noun before them decides ("army officer" MIL, "police officer" COP;
# bare "officers" in news are police: sectors.tsv)
_QUALIFIED_ROLES = frozenset({"officer", "officers"})


def sector_of(noun: str) -> str | None:
    """CAMEO sector code of a group or institution noun.

    Args:
        noun: "police", "protesters", "oil workers", "ministry" (singular or plural).

    Returns:
        The sector code ("COP", "OPP", "LAB", "GOV") or None.

    Source:
        sectors.tsv (CAMEO 1.1b3 ch. 4; PLOVER 0.8).
    """
    table = sector_nouns()
    words = normalize(noun).lower().split()
    if not words:
        return None
    for last in _singular(words[-1]):
        key = " ".join([*words[:-1], last])
        if key in table:
            return table[key][0]
    return None


@lru_cache(maxsize=1)
def titles() -> dict[str, str]:
    """Person title or role (lower case) -> CAMEO sector code.

    Source:
        titles.tsv (CAMEO 1.1b3 ch. 4; CAMEO agents dictionary).
    """
    return {row[0]: row[1] for row in _rows("titles.tsv")}


@lru_cache(maxsize=1)
def _title_countries() -> dict[str, str]:
    return {row[0]: row[2] for row in _rows("titles.tsv") if len(row) > 2 and row[2]}


def title_country(title: str) -> str | None:
    """Country an unqualified title implies ("Secretary of State" -> "USA"), else None.

    Source:
        titles.tsv (country column; English-language news usage).
    """
    return _title_countries().get(normalize(title).lower())


def title_sector(title: str) -> str | None:
    """CAMEO sector of a person's title: "Foreign Minister" -> "GOV", "professor" -> "EDU".

    Args:
        title: a title or role noun, any case, optionally with "former"/"acting" and a
            demonym left off by the caller.

    Returns:
        The sector code or None.

    Source:
        titles.tsv.
    """
    table = titles()
    words = normalize(title).lower().split()
    if not words:
        return None
    for last in _singular(words[-1]):
        key = " ".join([*words[:-1], last])
        if key in table:
            return table[key]
    return None


_WORDS = re.compile(r"[\w.\-’']+")
_LED_BY = re.compile(r"-(led|dominated|controlled|commanded)\b")
# a leading "X-led"/"X-backed" modifier and a trailing "(ACRONYM)" around an IGO's name
_LED_PREFIX = re.compile(
    r"^(?:the\s+)?\S+-(?:led|dominated|controlled|commanded|backed|sponsored)\s+", re.I
)
_ACRONYM_TAIL = re.compile(r"\s*\([A-Z][A-Za-z.]{1,9}\)\s*$")


def leader_modifier(text: str) -> bool:
    """Whether ``text`` is a leader or sponsor modifier ("Kremlin-led", "Iran-backed",
    "Saudi-led"), which names who leads an actor, not the actor itself."""
    return bool(_LED_PREFIX.match(text + " "))


def _inside_name(words: list[str], i: int, j: int) -> bool:
    """Whether ``words[i:j]`` (a country's name inside a PERSON name) is a part of the personal
    name: a capitalised word that is neither a title nor a possessive stands right before or
    after it ("Michael Jordan", "Chad Smith"; not "Jordan's King Abdullah" nor "Sri Lanka
    President X")."""

    def name_word(k: int) -> bool:
        if not 0 <= k < len(words):
            return False
        w = words[k]
        return (
            w[:1].isupper()
            and not w.endswith(("'s", "’s"))
            and not any(title_sector(" ".join(words[k : k + m])) for m in (1, 2, 3))
        )

    if i > 0 and words[i - 1] in ("of", "from"):
        return False  # "President of Chad Mahamat Deby"
    last = words[j - 1]
    return name_word(i - 1) or (not last.endswith(("'s", "’s")) and name_word(j))


@lru_cache(maxsize=4096)
def actor_codes(text: str, label: str = "") -> tuple[str | None, str | None]:
    """(country, sector) of an actor phrase: the one place where a span's codes are read.

    Whole-phrase IGO or metonym first ("the European Community", "the Kremlin"), then the
    longest sub-phrase that is a country name, demonym or metonym ("Turkish Kurd refugees",
    "the Iraqi government", "Lebanon's new President"), then the sector of a title or of the
    head noun ("Foreign Minister", "troops"). A GPE/NORP-labelled phrase no table knows is
    looked up in pycountry. In a PERSON-labelled phrase a country's name that is one part of a
    personal name ("Michael Jordan", "Chad Smith") names no country.

    Args:
        text: the actor phrase as written.
        label: its spaCy entity label, if any ("GPE", "NORP", "ORG", "PERSON" or "").

    Returns:
        ``(iso3 or None, CAMEO sector or None)``; an IGO gives ``(None, "IGO")`` (or its
        sector, e.g. "JUD" for a court).

    Source:
        countries.tsv, metonyms.tsv, igos.tsv, titles.tsv, sectors.tsv; pycountry (ISO 3166).
    """
    # "the Kremlin-led Collective Security Treaty Organization (CSTO)": the body named with its
    # leading member and its acronym is still the body, coded without a country (CAMEO 1.1b3
    # ch. 4 codes an IGO by its own code, never by its members')
    ig = igo(text) or igo(_LED_PREFIX.sub("", _ACRONYM_TAIL.sub("", text)))
    if ig is not None:
        return None, ig.sector
    met = metonym(text)
    if met is not None:
        return met.country, met.sector
    # "Vietnamese-led forces": the leading country is the actor's; "anti-Syria" is not split
    words = _WORDS.findall(_LED_BY.sub(r" \1", text))
    country = country_code(text)
    sector = None
    for n in range(len(words), 0, -1):  # longest sub-phrase first
        if country:
            break
        for i in range(0, len(words) - n + 1):
            phrase = " ".join(words[i : i + n])
            if i > 0 and words[i - 1].lower() == "ethnic":
                continue  # "ethnic Albanians" in Serbia: a people, not the state
            country = demonym_country(phrase)
            if not country and not (label == "PERSON" and _inside_name(words, i, i + n)):
                country = country_code(phrase)
            if country:
                break
            m = metonym(phrase)
            if m is not None:
                country, sector = m.country, m.sector
                break
            g = igo(phrase) if n > 1 or _is_acronym(phrase) else None
            if g is not None and sector is None:
                sector = g.sector  # "U.N. mediator", "European Community ministers"
    if sector is None:
        # the last two words first ("armed men", "government forces"), then the head noun
        sector = title_sector(text) or (
            (sector_of(" ".join(words[-2:])) if len(words) > 1 else None)
            or (sector_of(words[-1]) if words else None)
        )
        if words and words[-1].lower() in _QUALIFIED_ROLES:
            # "army officers", "militia officers": the service named before the role
            sector = next((q for w in reversed(words[:-1]) if (q := sector_of(w))), sector)
        for w in words[:-1]:
            sector = sector or title_sector(w)
        if sector is None and len(words) > 1 and words[-2].lower().startswith(("anti-", "pro-")):
            # "the pro-Moscow president": the stance word hides the title from the whole-phrase
            # lookup
            sector = title_sector(" ".join(words[-1:]))
    if country is None and label in ("GPE", "NORP"):
        try:
            import pycountry

            country = pycountry.countries.lookup(text).alpha_3
        except (ImportError, LookupError):
            country = None
    return country, sector


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    return {row[0]: row[1] for row in _rows("given_names.tsv")}


def given_name_gender(name: str) -> str | None:
    """ "f" or "m" for a listed given name ("Jennifer" -> "f"), None when unknown.

    Args:
        name: one word as written, case-sensitive ("Anne"; "ANNE" is not looked up). Callers
            pass the FIRST word of a multi-word PERSON name, never a surname alone.

    Returns:
        "f", "m", or None for a name not listed or of ambiguous gender ("Chris", "Jordan").

    Source:
        given_names.tsv: the 1990 US Census first-name lists (public domain; names used by both
        sexes left out) merged with hand-compiled names frequent in political news; rebuilt by
        scripts/build_given_names.py. Used only to rule out pronoun antecedents.
    """
    return _given_names().get(name)
