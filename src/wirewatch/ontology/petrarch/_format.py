"""Shared reading rules of PETRARCH/TABARI dictionary files: comments, words, dates, tries.

Private to :mod:`wirewatch.ontology.petrarch`; see the package docstring for the format.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from wirewatch.errors import ConfigError, InputError

__all__ = [
    "DictionaryFormatError",
    "read_lines",
    "phrase_words",
    "parse_date",
    "coerce_date",
    "Trie",
]

#: Two-digit years below this pivot are 20YY, the others 19YY (``[EGYGOV >140608]`` is 2014,
#: ``[RHO <790606]`` is 1979).
YEAR_PIVOT = 30


class DictionaryFormatError(InputError):
    """A dictionary line could not be read; the message names the file and line."""

    code = "dictionary_format"


def read_lines(path: str | Path) -> Iterator[tuple[int, str]]:
    """Yield ``(line_number, line)`` with comments removed and trailing blanks stripped.

    Removes ``<!-- ... -->`` blocks (also over several lines and the ``<! -- ...`` typo seen in
    the validation files) and ``#`` / ``;`` comments. Blank lines are yielded as ``""`` because
    they end verb pattern blocks; leading tabs are kept because they mark code blocks.

    Raises:
        InputError: the file does not exist or is not UTF-8/Latin-1 text.
    """
    p = Path(path)
    if not p.is_file():
        raise InputError(f"dictionary file not found: {p} (give the path to a .txt dictionary)")
    raw = p.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    in_block = False
    for n, line in enumerate(text.splitlines(), 1):
        if in_block:
            if "-->" not in line:
                continue
            line = line.split("-->", 1)[1]
            in_block = False
        while True:
            m = re.search(r"<!\s*--", line)
            if not m:
                break
            end = line.find("-->", m.end())
            if end < 0:
                line = line[: m.start()]
                in_block = True
                break
            line = line[: m.start()] + line[end + 3 :]
        line = re.split(r"[#;]", line, maxsplit=1)[0].rstrip()
        yield n, line


def phrase_words(phrase: str) -> list[tuple[str, bool]]:
    """Split a dictionary phrase into ``(WORD, exact)`` pairs.

    Words are separated by blanks or ``_``. A word followed by ``_`` (``ARNOR_``, the inner words
    of ``NEW_ZEALAND``) must match a whole token (*exact*); a word without it is a stem and
    matches any token that starts with it (``ARGENTIN`` matches "Argentina", "Argentine").
    Hyphens are split off as their own tokens, as spaCy does ("Al-Qaeda" -> Al, -, Qaeda).
    """
    out: list[tuple[str, bool]] = []
    for m in re.finditer(r"([^\s_]+)(_?)", phrase.strip().upper()):
        word, underscore = m.group(1), bool(m.group(2))
        # inner words of an underscore-joined phrase are exact; the last word is exact only
        # when the phrase ends in "_".
        parts = [x for x in re.split(r"(-)", word) if x]
        for k, part in enumerate(parts):
            last = k == len(parts) - 1
            out.append((part, underscore or not last or part == "-"))
    if out:
        # TABARI/PETRARCH rule: only the final word of a phrase is a stem; earlier words must be
        # whole words whatever their separator.
        out = [(w, True) for w, _ in out[:-1]] + [out[-1]]
    return out


def parse_date(token: str, *, source: str = "") -> int:
    """A dictionary date, ``YYMMDD`` or ``YYYYMMDD``, as the integer ``YYYYMMDD``.

    Raises:
        DictionaryFormatError: not 6 or 8 digits, or not a calendar date.
    """
    t = token.strip()
    if not t.isdigit() or len(t) not in (6, 8):
        raise DictionaryFormatError(
            f"bad date {token!r}: expected YYMMDD or YYYYMMDD", source=source
        )
    if len(t) == 6:
        yy = int(t[:2])
        t = f"{2000 + yy if yy < YEAR_PIVOT else 1900 + yy}{t[2:]}"
    try:
        _dt.date(int(t[:4]), int(t[4:6]), int(t[6:]))
    except ValueError as exc:
        raise DictionaryFormatError(f"bad date {token!r}: {exc}", source=source) from None
    return int(t)


def coerce_date(date: object) -> int | None:
    """A sentence date as ``YYYYMMDD`` int: accepts None, date/datetime, ``"YYYY-MM-DD"``,
    ``"YYYYMMDD"`` or ``"YYMMDD"``.

    Raises:
        ConfigError: a string that is none of those forms.
    """
    if date is None:
        return None
    if isinstance(date, _dt.date):
        return date.year * 10000 + date.month * 100 + date.day
    s = str(date).strip()
    digits = s.replace("-", "")
    if digits.isdigit() and len(digits) in (6, 8):
        try:
            return parse_date(digits)
        except DictionaryFormatError:
            pass
    raise ConfigError(f"bad sentence date {date!r}: use YYYY-MM-DD or YYYYMMDD")


@dataclass
class _Node:
    exact: dict[str, _Node] = field(default_factory=dict)
    stems: dict[str, list[tuple[str, _Node]]] = field(default_factory=dict)  # by first 2 chars
    values: list[object] = field(default_factory=list)


class Trie:
    """Token trie with exact and stem (prefix) edges; longest match wins.

    Lookup cost per start token is one dict probe plus the stems that share the token's first
    two letters, so it stays fast for Phoenix-size dictionaries (tens of thousands of phrases).
    """

    def __init__(self) -> None:
        self.root = _Node()
        self.size = 0

    def add(self, words: list[tuple[str, bool]], value: object) -> None:
        node = self.root
        for word, exact in words:
            if exact or len(word) < 2:
                node = node.exact.setdefault(word, _Node())
                continue
            bucket = node.stems.setdefault(word[:2], [])
            for stem, child in bucket:
                if stem == word:
                    node = child
                    break
            else:
                child = _Node()
                bucket.append((word, child))
                node = child
        node.values.append(value)
        self.size += 1

    def _step(self, node: _Node, tok: str) -> Iterator[tuple[_Node, bool]]:
        """Children reached by ``tok``: ``(node, inexact)``, inexact when a stem matched a
        longer token."""
        nxt = node.exact.get(tok)
        if nxt is not None:
            yield nxt, False
        for stem, child in node.stems.get(tok[:2], ()):
            if tok.startswith(stem):
                yield child, tok != stem

    def longest(self, toks: list[str], i: int) -> tuple[int, list[object], bool] | None:
        """Longest phrase starting at ``toks[i]`` (upper-case tokens): ``(end, values, inexact)``;
        at equal length a match without stem extension wins."""
        best: tuple[int, list[object], bool] | None = None
        frontier: list[tuple[_Node, bool]] = [(self.root, False)]
        j = i
        while frontier and j < len(toks):
            frontier = [
                (n, loose or inexact)
                for node, loose in frontier
                for n, inexact in self._step(node, toks[j])
            ]
            j += 1
            for n, loose in sorted(frontier, key=lambda x: x[1]):
                if n.values and (best is None or j > best[0]):
                    best = (j, n.values, loose)
        return best

    def scan(self, toks: list[str]) -> Iterator[tuple[int, int, list[object]]]:
        """Non-overlapping longest matches, left to right: ``(start, end, values)``.

        A match that relies on a stem extension ("THE_KU" on "The Kuwait") gives way to an
        overlapping match that starts later and needs none ("KUWAIT").
        """
        root = self.root  # most tokens start no phrase: skip them with one dict probe each
        hits = [
            self.longest(toks, i) if t in root.exact or root.stems.get(t[:2]) else None
            for i, t in enumerate(toks)
        ]
        i = 0
        while i < len(toks):
            hit = hits[i]
            if hit is None:
                i += 1
                continue
            end, values, inexact = hit
            if inexact and any((h := hits[k]) is not None and not h[2] for k in range(i + 1, end)):
                i += 1
                continue
            yield i, end, values
            i = end
