"""PETRARCH / Phoenix-format event-coding dictionaries and a dictionary-driven coder.

Users keep their own actor dictionaries and leaders change, so wirewatch reads the formats the
PETRARCH coders use. All files are plain text; ``<!-- ... -->`` blocks (also over several lines)
and anything after ``#`` or ``;`` are comments; blank lines are skipped.

**Actor dictionary** (``load_actors``)::

    GONDOR [GON]                   primary phrase and default code
    +MINAS_TIRITH                  synonym (same codes)
    GOLLUM                         codes may follow on tab-indented lines
    +SMEAGOL
        [HOB < 950601]              before (or on) 1995-06-01
        [HOBGOV 19950601 - 19990815] between the dates, both inclusive
        [HOBREB > 990816]           after (or on) 1999-08-16
    EGYPT_ [EGY]
        [EGYGOV >140608]            dates are YYMMDD or YYYYMMDD; YY < 30 is 20YY, else 19YY
    LORIEN [ELR/GAL]                "/" = the phrase names several actors (a compound)

Words are separated by blanks or ``_``. The last word of a phrase is a *stem* (``ARGENTIN``
matches "Argentina" and "Argentine") unless the phrase ends in ``_`` (``ARNOR_`` matches only
"Arnor"); earlier words must match whole tokens. Matching is case-insensitive, longest phrase
first, non-overlapping. The code used is the first date restriction that holds on the
sentence date, else the unrestricted code, else none (the phrase is then ignored on that
date). ``---`` is the null code.

**Agent dictionary** (``load_agents``)::

    !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON    substitution macro
    CONGRESS!PERSON! [~LEG]        expands to CONGRESSMAN, ... (no plurals added)
    PRESIDENT [~GOV]               regular plural added: PRESIDENTS
    ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]   irregular plural
    POLICE {} [~COP]               {} = no plural
    MSF {} [NGO~]                  "~" after the code: it goes before the actor's code

An agent's code is appended to the actor code of its noun phrase: "Arnor's president" ->
``ARN`` + ``GOV`` = ``ARNGOV``; with no actor the country part is ``---`` (``---GOV``). Agent
words match whole tokens only; blanks are treated like ``_`` (consecutive words).

**Discard list** (``load_discards``): one phrase a line; a sentence containing one is not coded
(``+PHRASE`` marks a story-level discard, applied per sentence here).

**Verb dictionary** (``load_verbs``, PETRARCH-1/TABARI layout of ``PETR.Validate.verbs.txt``):
``&SYNSET`` labels with ``+phrase`` members; ``--- NAME [CODE] ---`` blocks; verb lines with
optional ``{IRREGULAR FORMS}`` and ``[CODE]``, ``+`` marking the verb word of a phrasal verb
(``+BREAK_DOWN``, ``WIRE_+TAP``); pattern lines ``- LOWER * UPPER [CODE]`` with ``$`` source,
``+`` target, ``%`` compound actor, ``^`` one noun phrase, ``_`` adjacency; ``[A:B]`` paired
codes (A for source->target, B for the reverse event).

Source: PETRARCH dictionary documentation (Open Event Data Alliance,
``petrarch2/docs/source/dictionaries.rst``) and the TABARI manual 0.8.4b2 (Schrodt), with the
validation dictionaries ``PETR.Validate.*.txt`` as worked examples.
"""

from wirewatch.ontology.petrarch._format import DictionaryFormatError
from wirewatch.ontology.petrarch.actors import (
    ActorDictionary,
    ActorEntry,
    ActorMatch,
    AgentDictionary,
    AgentEntry,
    CodeRule,
    DiscardList,
    load_actors,
    load_agents,
    load_discards,
)
from wirewatch.ontology.petrarch.coder import CodedEvent, PetrarchCoder
from wirewatch.ontology.petrarch.verbs import VerbDictionary, load_verbs

__all__ = [
    "ActorDictionary",
    "ActorEntry",
    "ActorMatch",
    "AgentDictionary",
    "AgentEntry",
    "CodeRule",
    "CodedEvent",
    "DictionaryFormatError",
    "DiscardList",
    "PetrarchCoder",
    "VerbDictionary",
    "load_actors",
    "load_agents",
    "load_discards",
    "load_verbs",
]
