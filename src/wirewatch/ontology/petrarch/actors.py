"""Actor, agent and discard dictionaries in PETRARCH/Phoenix format, with a fast matcher.

See :mod:`wirewatch.ontology.petrarch` for the file format and its source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from wirewatch.ontology.petrarch._format import (
    DictionaryFormatError,
    Trie,
    coerce_date,
    parse_date,
    phrase_words,
    read_lines,
)

__all__ = [
    "CodeRule",
    "ActorEntry",
    "ActorMatch",
    "AgentEntry",
    "ActorDictionary",
    "AgentDictionary",
    "DiscardList",
    "load_actors",
    "load_agents",
    "load_discards",
]

_CODE_RE = re.compile(r"\[([^\]]*)\]")


@dataclass(frozen=True)
class CodeRule:
    """One ``[CODE restriction]`` of an actor: valid from ``start`` to ``end`` (YYYYMMDD ints,
    both inclusive; None = open)."""

    code: str
    start: int | None = None
    end: int | None = None

    @property
    def restricted(self) -> bool:
        return self.start is not None or self.end is not None

    def valid_on(self, date: int | None) -> bool:
        if date is None:
            return not self.restricted
        return (self.start is None or date >= self.start) and (self.end is None or date <= self.end)


@dataclass
class ActorEntry:
    """One actor record: its primary phrase, synonyms and code rules in file order."""

    name: str
    synonyms: list[str] = field(default_factory=list)
    rules: list[CodeRule] = field(default_factory=list)
    line: int = 0

    def code_on(self, date: int | None) -> str | None:
        """The code valid on ``date``: the first date restriction that holds, else the
        unrestricted (default) code, else None (the actor is unknown on that date)."""
        for r in self.rules:
            if r.restricted and r.valid_on(date):
                return r.code
        for r in self.rules:
            if not r.restricted:
                return r.code
        return None


class ActorMatch(NamedTuple):
    """A dictionary hit: half-open character offsets and the code valid on the date."""

    start_char: int
    end_char: int
    code: str


def _parse_rule(body: str, source: str) -> CodeRule:
    """``HOBGOV 19950601 - 19990815`` / ``HOB < 950601`` / ``HOBREB >990816`` / ``USA``."""
    body = body.strip()
    m = re.fullmatch(r"(\S+?)\s*(?:([<>])\s*(\d+)|(\d+)\s*-\s*(\d+))?", body)
    if not m or not m.group(1) or m.group(1)[0] in "<>" or m.group(1)[0].isdigit():
        raise DictionaryFormatError(f"bad code block [{body}]", source=source)
    code = m.group(1).upper()
    if m.group(2) == "<":
        return CodeRule(code, None, parse_date(m.group(3), source=source))
    if m.group(2) == ">":
        return CodeRule(code, parse_date(m.group(3), source=source), None)
    if m.group(4):
        return CodeRule(
            code, parse_date(m.group(4), source=source), parse_date(m.group(5), source=source)
        )
    return CodeRule(code)


def _read_actor_entries(path: str | Path) -> tuple[list[ActorEntry], list[str]]:
    entries: list[ActorEntry] = []
    problems: list[str] = []
    cur: ActorEntry | None = None
    for n, line in read_lines(path):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            if line[0] in " \t" and line.strip().startswith("["):
                if cur is None:
                    raise DictionaryFormatError("code block before any actor", source=where)
                for body in _CODE_RE.findall(line):
                    cur.rules.append(_parse_rule(body, where))
                continue
            text = line.strip()
            codes = _CODE_RE.findall(text)
            phrase = _CODE_RE.sub(" ", text).strip()
            if text.startswith("+"):
                if cur is None:
                    raise DictionaryFormatError("synonym before any actor", source=where)
                cur.synonyms.append(phrase[1:].strip())
                for body in codes:
                    cur.rules.append(_parse_rule(body, where))
                continue
            cur = ActorEntry(name=phrase, line=n)
            entries.append(cur)
            for body in codes:
                cur.rules.append(_parse_rule(body, where))
        except DictionaryFormatError as exc:
            problems.append(exc.message)
    return entries, problems


class ActorDictionary:
    """Actor phrases with date-restricted codes, matched over tokens with a token trie.

    Build it once (``load_actors``) and call :meth:`find` per sentence; the trie is built in the
    constructor, so matching is one dict probe per token.

    Args:
        entries: actor records, e.g. from :func:`load_actors`.
        problems: lines that could not be read (kept for diagnostics, never raised).
    """

    def __init__(self, entries: Sequence[ActorEntry], problems: Sequence[str] = ()) -> None:
        self.entries = list(entries)
        self.problems = list(problems)
        self._trie = Trie()
        for e in self.entries:
            for phrase in [e.name, *e.synonyms]:
                words = phrase_words(phrase)
                if words:
                    self._trie.add(words, e)

    def __len__(self) -> int:
        return len(self.entries)

    def match_tokens(self, words: Sequence[str], date: Any = None) -> list[tuple[int, int, str]]:
        """Longest non-overlapping matches over ``words``: ``(start_tok, end_tok, code)``.

        A phrase whose code on ``date`` is None (no rule holds and no default) is skipped; when
        several entries share a phrase the first in the file wins. ``date`` is anything
        :func:`coerce_date` accepts; None selects the unrestricted codes only.
        """
        d = coerce_date(date)
        toks = [w.upper() for w in words]
        out = []
        for i, j, values in self._trie.scan(toks):
            for e in values:
                assert isinstance(e, ActorEntry)
                code = e.code_on(d)
                if code is not None:
                    out.append((i, j, code))
                    break
        return out

    def find(self, doc_or_tokens: Any, date: Any = None) -> list[ActorMatch]:
        """Actor mentions in a spaCy ``Doc``/``Span`` or a list of token strings.

        Args:
            doc_or_tokens: a ``Doc`` or ``Span`` (offsets into its text), or a list of strings
                (offsets into ``" ".join(tokens)``).
            date: the sentence date (``date``, ``"YYYY-MM-DD"``, ``"YYYYMMDD"``); selects the
                code valid that day (``[HOBGOV 19950601 - 19990815]``).

        Returns:
            list of ActorMatch ordered by start_char, non-overlapping, longest match first.
        """
        if isinstance(doc_or_tokens, list | tuple):
            words = [str(w) for w in doc_or_tokens]
            starts, pos = [], 0
            for w in words:
                starts.append(pos)
                pos += len(w) + 1
            spans = [(s, s + len(w)) for s, w in zip(starts, words, strict=True)]
        else:
            toks = list(doc_or_tokens)
            words = [t.text for t in toks]
            base = getattr(doc_or_tokens, "start_char", 0)
            spans = [(t.idx - base, t.idx - base + len(t.text)) for t in toks]
        return [
            ActorMatch(spans[i][0], spans[j - 1][1], code)
            for i, j, code in self.match_tokens(words, date)
        ]


@dataclass(frozen=True)
class AgentEntry:
    """One agent phrase (after macro and plural expansion) and its code.

    ``code`` is the bare code; ``prefix`` is True for ``[NGO~]`` (code goes before the actor's)
    and False for ``[~GOV]`` (after it).
    """

    phrase: str
    code: str
    prefix: bool
    line: int = 0


def _plural(word: str) -> str:
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    if word.endswith(("SS", "SH", "CH", "X")):
        return word + "ES"
    return word + "S"


class AgentDictionary:
    """Agent phrases (``PRESIDENT [~GOV]``) matched as whole words, longest first."""

    def __init__(self, entries: Sequence[AgentEntry], problems: Sequence[str] = ()) -> None:
        self.entries = list(entries)
        self.problems = list(problems)
        self._trie = Trie()
        for e in self.entries:
            self._trie.add([(w, True) for w, _ in phrase_words(e.phrase)], e)

    def __len__(self) -> int:
        return len(self.entries)

    def match_tokens(self, words: Sequence[str]) -> list[tuple[int, int, AgentEntry]]:
        """Longest non-overlapping agent matches: ``(start_tok, end_tok, AgentEntry)``."""
        toks = [w.upper() for w in words]
        out = []
        for i, j, values in self._trie.scan(toks):
            e = values[0]
            assert isinstance(e, AgentEntry)
            out.append((i, j, e))
        return out


def load_actors(path: str | Path) -> ActorDictionary:
    """Read a PETRARCH/Phoenix actor dictionary (format in the package docstring).

    Raises:
        InputError: the file is missing. Bad lines do not raise; they are listed in
        ``ActorDictionary.problems``.
    """
    entries, problems = _read_actor_entries(path)
    return ActorDictionary(entries, problems)


def load_agents(path: str | Path) -> AgentDictionary:
    """Read a PETRARCH agent dictionary: ``!MACRO! = A, B``, ``PHRASE {PLURALS} [~CODE]``.

    Raises:
        InputError: the file is missing. Bad lines are listed in ``AgentDictionary.problems``.
    """
    macros: dict[str, list[str]] = {}
    entries: list[AgentEntry] = []
    problems: list[str] = []
    for n, line in read_lines(path):
        text = line.strip()
        if not text:
            continue
        m = re.fullmatch(r"(![A-Z0-9_]+!)\s*=\s*(.+)", text, re.I)
        if m:
            macros[m.group(1).upper()] = [x.strip().upper() for x in m.group(2).split(",")]
            continue
        cm = _CODE_RE.search(text)
        if not cm:
            problems.append(f"{path}:{n}: agent without [code]: {text!r}")
            continue
        raw_code = cm.group(1).replace(" ", "").upper()
        if raw_code.startswith("~"):
            code, prefix = raw_code[1:], False
        elif raw_code.endswith("~"):
            code, prefix = raw_code[:-1], True
        else:
            problems.append(f"{path}:{n}: agent code without '~': [{cm.group(1)}]")
            continue
        head = text[: cm.start()]
        pm = re.search(r"\{([^}]*)\}", head)
        phrase = re.sub(r"\{[^}]*\}", " ", head).strip().upper()
        forms: list[str] = [phrase]
        if pm is None and "!" not in phrase:
            forms.append(_plural(phrase.rstrip("_")))
        elif pm is not None:
            forms += [p for p in pm.group(1).upper().split() if p]
        for form in forms:
            for expanded in _expand_macros(form, macros):
                entries.append(AgentEntry(expanded, code, prefix, n))
    return AgentDictionary(entries, problems)


def _expand_macros(phrase: str, macros: dict[str, list[str]]) -> list[str]:
    m = re.search(r"![A-Z0-9_]+!", phrase)
    if not m:
        return [phrase]
    out = []
    for sub in macros.get(m.group(0), []):
        out += _expand_macros(phrase[: m.start()] + sub + phrase[m.end() :], macros)
    return out


@dataclass
class DiscardList:
    """Phrases that stop coding: sentence-level, or story-level when written ``+PHRASE``."""

    sentence: list[str] = field(default_factory=list)
    story: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._re = {
            kind: re.compile(
                r"\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) + r")\b",
                re.I,
            )
            if phrases
            else None
            for kind, phrases in (("sentence", self.sentence), ("story", self.story))
        }

    def hit(self, text: str) -> str | None:
        """The first discard phrase found in ``text`` (whole words, any case), else None."""
        for rx in self._re.values():
            if rx is not None and (m := rx.search(text)):
                return m.group(0)
        return None


def load_discards(path: str | Path) -> DiscardList:
    """Read a PETRARCH discard list (one phrase a line, ``+`` for story-level)."""
    sentence, story = [], []
    for _, line in read_lines(path):
        text = line.strip().replace("_", " ")
        if not text:
            continue
        if text.startswith("+"):
            story.append(text[1:].strip())
        else:
            sentence.append(text)
    return DiscardList(sentence, story)
