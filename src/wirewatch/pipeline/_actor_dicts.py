"""PETRARCH/Phoenix actor and agent dictionaries applied to ``wirewatch_actors`` mentions.

Private helper of :mod:`wirewatch.pipeline.actors`. ``ActorDictionaries`` loads the files once
(in the component's ``__init__``); ``match`` is pure and returns dictionary hits for a ``Doc``;
``ActorRecognizer._apply_dictionaries`` then updates the recogniser's mention dicts:

* an actor hit that overlaps a mention sets its ``country``/``sector`` (dictionary codes win over
  the table guesses of titles and demonyms) and its ``actor_code``; a hit with no mention adds one
  (a name the NER missed);
* an agent hit inside a person's title sets the person's sector when no actor code gave one; an
  agent hit on a group noun sets the group's sector; an agent noun that no mention covers becomes
  a group mention.

Codes are read the CAMEO way: the first three letters are the country when they are an ISO
3166-1 alpha-3 code in ``countries.tsv`` (``KAZGOV`` -> KAZ, GOV), the first later three-letter
part that is a CAMEO role code is the sector (``PSEHMSGOV`` -> PSE, GOV); ``IGO``/``NGO``/``MNC``
in first place are the sector of an actor with no country (``IGOUNO`` -> None, IGO); ``---`` is
"no country". A compound code (``ELR/GAL``) uses its first part.

Source: CAMEO manual 1.1b3 (Schrodt 2012) ch. 4 (actor code layout and role codes); PETRARCH
dictionary documentation (Open Event Data Alliance).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

from spacy.tokens import Doc

from wirewatch.errors import ConfigError, WirewatchError
from wirewatch.ontology import actors as onto
from wirewatch.ontology.petrarch import (
    ActorDictionary,
    AgentDictionary,
    load_actors,
    load_agents,
)

__all__ = ["ActorDictionaries", "DictHit", "split_code", "ROLE_CODES", "LEADERS_FILE"]

LEADERS_FILE = "leaders.actors.txt"

#: CAMEO 1.1b3 ch. 4 domestic and international role codes (PLOVER 0.8 sectors).
ROLE_CODES = frozenset(
    """GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS CRM CVL REF AGR LAB LEG HLH ELI INS SEP UAF
    REL NGO HRI IGO MNC IMG ENV MOD RAD AMN""".split()
)
_NO_COUNTRY_FIRST = frozenset({"IGO", "NGO", "MNC", "IMG"})
_ORG_WORDS = frozenset(
    """party front army movement council ministry agency bank company corporation group union
    organization organisation committee court police force forces guard brigade authority
    office service services institute university league alliance federation association
    commission assembly parliament government""".split()
)


class DictHit(NamedTuple):
    """An actor-dictionary match: code-point offsets, the code, and its country/sector parts."""

    start_char: int
    end_char: int
    code: str
    country: str | None
    sector: str | None
    persons: bool  # the dictionary lists persons only (the bundled leaders file)


def split_code(code: str) -> tuple[str | None, str | None]:
    """Country and sector of a CAMEO actor code.

    Args:
        code: e.g. ``"KAZGOV"``, ``"RUS"``, ``"PSEHMSGOV"``, ``"IGOUNO"``, ``"---GOV"``.

    Returns:
        ``(country, sector)``: ISO alpha-3 or None, CAMEO role code or None.
    """
    code = code.split("/")[0].strip().upper()
    parts = [code[i : i + 3] for i in range(0, len(code), 3)]
    if not parts:
        return None, None
    first, rest = parts[0], parts[1:]
    if first in _NO_COUNTRY_FIRST:
        return None, first
    country = first if onto.country_name(first) is not None else None
    if country is None and first != "---":
        # not a country (e.g. a regional code): the role may still be first
        return None, first if first in ROLE_CODES else None
    sector = next((p for p in rest if p in ROLE_CODES), None)
    return country, sector


def _read(kind: str, path: str) -> ActorDictionary | AgentDictionary:
    loader = load_actors if kind == "actor" else load_agents
    try:
        d = loader(path)
    except WirewatchError as exc:
        raise ConfigError(
            f"cannot read {kind} dictionary {path!r}: {exc.message}; check the path."
        ) from exc
    except OSError as exc:
        raise ConfigError(f"cannot read {kind} dictionary {path!r}: {exc}") from exc
    if d.problems:
        more = f" (and {len(d.problems) - 1} more)" if len(d.problems) > 1 else ""
        raise ConfigError(
            f"malformed {kind} dictionary line: {d.problems[0]}{more}; fix or remove the line "
            "(format: wirewatch.ontology.petrarch)."
        )
    if isinstance(d, ActorDictionary):
        for e in d.entries:
            if not e.rules:
                raise ConfigError(
                    f"malformed actor dictionary line: {path}:{e.line}: actor {e.name!r} has "
                    "no [CODE]; add one (e.g. [KAZGOV >190320])."
                )
    return d


@lru_cache(maxsize=1)
def leaders() -> ActorDictionary:
    """The bundled ``leaders.actors.txt`` (heads of state/government, foreign ministers)."""
    ref = resources.files("wirewatch.resources").joinpath(LEADERS_FILE)
    with resources.as_file(ref) as p:
        d = _read("actor", str(p))
    assert isinstance(d, ActorDictionary)
    return d


class ActorDictionaries:
    """User actor/agent dictionaries plus (optionally) the bundled leaders, loaded once.

    Args:
        actor_paths: PETRARCH/Phoenix actor dictionaries; earlier files win on overlaps.
        agent_paths: PETRARCH agent dictionaries.
        use_default_leaders: also use the bundled leaders file (after the user's files).

    Raises:
        ConfigError: a file is missing or has a malformed line (the message names file:line).
    """

    def __init__(
        self,
        actor_paths: Sequence[str] = (),
        agent_paths: Sequence[str] = (),
        use_default_leaders: bool = True,
    ) -> None:
        self.actors: list[tuple[ActorDictionary, bool]] = []
        for p in actor_paths:
            d = _read("actor", str(p))
            assert isinstance(d, ActorDictionary)
            self.actors.append((d, False))
        if use_default_leaders:
            self.actors.append((leaders(), True))
        self.agents: list[AgentDictionary] = []
        for p in agent_paths:
            g = _read("agent", str(p))
            assert isinstance(g, AgentDictionary)
            self.agents.append(g)

    def __bool__(self) -> bool:
        return bool(self.actors or self.agents)

    # ------------------------------------------------------------------------------ match
    def match(self, doc: Doc) -> tuple[list[DictHit], list[tuple[int, int, str]]]:
        """Dictionary hits in ``doc`` on its publication date (``doc._.ww_pub_date``, else today).

        Returns:
            ``(actor_hits, agent_hits)``: actor hits ordered by start_char, non-overlapping
            (earlier dictionaries win) and containing a capitalised word; agent hits as
            ``(start_token, end_token, sector_code)``.
        """
        date = doc._.ww_pub_date or _dt.date.today().isoformat()
        words = [t.text for t in doc]
        starts = [t.idx for t in doc]
        hits: list[DictHit] = []
        taken: list[tuple[int, int]] = []
        for d, persons in self.actors:
            for i, j, code in d.match_tokens(words, date):
                a, b = starts[i], starts[j - 1] + len(words[j - 1])
                if any(a < y and x < b for x, y in taken):
                    continue
                if not any(w[:1].isupper() for w in words[i:j]):
                    continue  # "turkey", "chad": dictionary names are capitalised in text
                country, sector = split_code(code)
                hits.append(DictHit(a, b, code, country, sector, persons))
                taken.append((a, b))
        agent_hits: list[tuple[int, int, str]] = []
        if self.agents:
            for g in self.agents:
                for i, j, e in g.match_tokens(words):
                    code = e.code[:3]
                    if code in ROLE_CODES:
                        agent_hits.append((i, j, code))
        hits.sort(key=lambda h: h.start_char)
        return hits, agent_hits


def guess_type(text: str, hit: DictHit, surnames: set[str]) -> str:
    """Entity type of a dictionary name no mention covers (the dictionary does not say)."""
    if hit.country is None and hit.sector == "IGO":
        return "IGO"
    words = text[hit.start_char : hit.end_char].split()
    if hit.persons:
        return "PERSON"
    if len(words) == 1 and words[0] in surnames:
        return "PERSON"
    if (
        len(words) >= 2
        and all(w[:1].isupper() for w in words)
        and not any(w.lower() in _ORG_WORDS for w in words)
        and onto.given_name_gender(words[0]) is not None
    ):
        return "PERSON"
    if hit.sector is None and hit.country is not None and len(hit.code) == 3:
        return "GPE"  # a bare country code: a place or the state
    return "ORG"


def name_key(doc_text: str, hit: DictHit, etype: str) -> str:
    """The coreference key of a mention added from a dictionary hit."""
    text = doc_text[hit.start_char : hit.end_char]
    if etype == "PERSON":
        return f"PERSON:{text.split()[-1].lower()}"
    if etype == "IGO":
        g = onto.igo(text)
        if g is not None:
            return f"IGO:{g.acronym or g.names[0]}"
    return f"DICT:{hit.code}:{onto.normalize(text).lower()}"


def best_overlap(mentions: list[dict[str, Any]], a: int, b: int) -> dict[str, Any] | None:
    """The non-pronoun mention overlapping [a, b) most (ties: the later end, i.e. the head)."""
    best, key = None, (0, 0)
    for m in mentions:
        if m["kind"] == "pronoun":
            continue
        ov = min(b, m["end_char"]) - max(a, m["start_char"])
        if ov > 0 and (ov, m["end_char"]) > key:
            best, key = m, (ov, m["end_char"])
    return best
