"""PETRARCH-1 / TABARI-style verb dictionaries: synsets, verb blocks and patterns.

See :mod:`wirewatch.ontology.petrarch` for the format and its source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from wirewatch.ontology.petrarch._format import read_lines

__all__ = ["PatternItem", "VerbPattern", "VerbForm", "VerbBlock", "VerbDictionary", "load_verbs"]

_CODE_RE = re.compile(r"\[([^\]]*)\]")
_SLOTS = {"$": "source", "+": "target", "%": "compound", "^": "skip"}


@dataclass(frozen=True)
class PatternItem:
    """One element of a pattern side.

    ``kind`` is ``word`` (value = the upper-case word), ``synset`` (value = its name),
    ``source`` ($), ``target`` (+), ``compound`` (%) or ``skip`` (^, one noun phrase).
    ``tight`` is True when the item is joined by ``_`` to its neighbour nearer the verb, so no
    other token may come between them.
    """

    kind: str
    value: str
    tight: bool


@dataclass(frozen=True)
class VerbPattern:
    """``- LOWER * UPPER [CODE]``: items before the verb (listed nearest first) and after it."""

    lower: tuple[PatternItem, ...]
    upper: tuple[PatternItem, ...]
    code: str
    line: int


@dataclass(frozen=True)
class VerbForm:
    """One surface form of a verb: the verb word, fixed words before/after it, and its code."""

    before: tuple[str, ...]
    verb: str
    after: tuple[str, ...]
    code: str
    block: int


@dataclass
class VerbBlock:
    """A ``--- NAME [CODE] ---`` block: its verbs share the patterns."""

    name: str
    code: str
    patterns: list[VerbPattern] = field(default_factory=list)


def _regular_forms(verb: str) -> set[str]:
    v = verb
    forms = {v}
    if v.endswith("E"):
        forms |= {v + "S", v + "D", v[:-1] + "ING"}
    elif v.endswith("Y") and len(v) > 1 and v[-2] not in "AEIOU":
        forms |= {v[:-1] + "IES", v[:-1] + "IED", v + "ING"}
    else:
        s = v + "ES" if v.endswith(("S", "SH", "CH", "X", "Z", "O")) else v + "S"
        forms |= {s, v + "ED", v + "ING"}
        if re.search(r"[^AEIOU][AEIOU][BDGKLMNPRT]$", v):  # stop -> stopped, stopping
            forms |= {v + v[-1] + "ED", v + v[-1] + "ING"}
    return forms


def _split_words(phrase: str) -> list[str]:
    return [w for w in re.split(r"[\s_]+", phrase.strip().upper()) if w]


class VerbDictionary:
    """Verb forms indexed by their verb word; patterns per block; synsets expanded to phrases."""

    def __init__(self) -> None:
        self.synsets: dict[str, list[tuple[str, ...]]] = {}
        self.blocks: list[VerbBlock] = []
        self.forms: dict[str, list[VerbForm]] = {}
        self.problems: list[str] = []

    def lookup(self, words: list[str], i: int) -> list[VerbForm]:
        """Verb forms whose verb word is ``words[i]`` (upper case) and whose fixed words
        before/after match the neighbouring tokens, longest first, then in file order."""
        found = []
        for f in self.forms.get(words[i], ()):
            b, a = len(f.before), len(f.after)
            if i - b < 0 or tuple(words[i - b : i]) != f.before:
                continue
            if tuple(words[i + 1 : i + 1 + a]) != f.after:
                continue
            found.append(f)
        found.sort(key=lambda f: -(len(f.before) + len(f.after)))
        return found

    def _add_synset(self, name: str, phrase: str) -> None:
        no_plural = name.endswith("_") or phrase.rstrip().endswith("_")
        key = name.rstrip("_")
        words = _split_words(phrase)
        if not words:
            return
        if words[0].startswith("&"):  # embedded synset: copy its members
            for member in self.synsets.get(words[0].rstrip("_"), []):
                self.synsets.setdefault(key, []).append(member + tuple(words[1:]))
            return
        bucket = self.synsets.setdefault(key, [])
        bucket.append(tuple(words))
        if not no_plural:
            last = words[-1]
            plural = (
                last[:-1] + "IES"
                if last.endswith("Y")
                else last + ("ES" if last.endswith("SS") else "S")
            )
            bucket.append((*words[:-1], plural))

    def _add_verb(self, text: str, code: str, block: int) -> None:
        irregular: list[str] = []
        m = re.search(r"\{([^}]*)\}", text)
        if m:
            irregular = m.group(1).split()
            text = text[: m.start()] + text[m.end() :]
        phrases = [text.strip()] + irregular
        for k, phrase in enumerate(phrases):
            words = _split_words(phrase)
            if not words:
                continue
            idx = next((j for j, w in enumerate(words) if w.startswith("+")), 0)
            words = [w.lstrip("+") for w in words]
            verb = words[idx]
            variants = _regular_forms(verb) if k == 0 else {verb}
            for form in variants:
                f = VerbForm(tuple(words[:idx]), form, tuple(words[idx + 1 :]), code, block)
                self.forms.setdefault(form, []).append(f)

    def _parse_side(self, text: str, line: int) -> list[PatternItem] | None:
        # tokens and the separators before them; "_" makes the pair tight
        items: list[PatternItem] = []
        for m in re.finditer(r"([_\s]*)([^_\s]+)", text):
            sep, tok = m.group(1), m.group(2).upper()
            tight = "_" in sep
            if tok in _SLOTS:
                items.append(PatternItem(_SLOTS[tok], tok, tight))
            elif tok.startswith("&"):
                name = tok.rstrip("_")
                if name not in self.synsets:
                    self.problems.append(f"line {line}: undefined synset {name}; pattern skipped")
                    return None
                items.append(PatternItem("synset", name, tight))
            else:
                items.append(PatternItem("word", tok, tight))
        return items

    def _add_pattern(self, text: str, line: int) -> None:
        cm = _CODE_RE.search(text)
        if not cm or "*" not in text:
            self.problems.append(f"line {line}: pattern without * or [code]: {text!r}")
            return
        body = text[: cm.start()].strip()
        star = body.index("*")
        lower_txt, upper_txt = body[:star], body[star + 1 :]
        lower = self._parse_side(lower_txt, line)
        upper = self._parse_side(upper_txt, line)
        if lower is None or upper is None:
            return
        # a lower item's flag must say whether it touches its neighbour towards the verb; list
        # the lower items nearest-first
        seps = [it.tight for it in lower[1:]] + [lower_txt.endswith("_")] if lower else []
        low = [PatternItem(it.kind, it.value, t) for it, t in zip(lower, seps, strict=True)]
        low.reverse()
        # an upper item "*_OUT" touches the verb: _parse_side already saw the leading "_"
        code = cm.group(1).strip().upper() or "---"
        self.blocks[-1].patterns.append(VerbPattern(tuple(low), tuple(upper), code, line))


def load_verbs(path: str | Path) -> VerbDictionary:
    """Read a PETRARCH-1/TABARI verb dictionary (``PETR.Validate.verbs.txt``).

    Raises:
        InputError: the file is missing. Unreadable lines are listed in ``problems``.
    """
    vd = VerbDictionary()
    synset: str | None = None
    in_block = False
    for n, line in read_lines(path):
        text = line.strip()
        if not text:
            synset = None
            continue
        if text.startswith("---"):
            m = re.fullmatch(r"---\s*(.*?)\s*---", text)
            inner = m.group(1) if m else text.strip("- ")
            codes = _CODE_RE.findall(inner)
            name = _CODE_RE.sub("", inner).strip()
            code = (codes[0].strip().upper() if codes else "---") or "---"
            vd.blocks.append(VerbBlock(name, code))
            in_block, synset = True, None
            continue
        if text.startswith("&"):
            synset, in_block = text.split()[0], False
            vd.synsets.setdefault(synset.rstrip("_"), [])
            continue
        if synset is not None and text.startswith("+"):
            vd._add_synset(synset, text[1:])
            continue
        if not in_block or not vd.blocks:
            vd.problems.append(f"line {n}: outside any verb block: {text!r}")
            continue
        if text.startswith("-"):
            vd._add_pattern(text[1:], n)
            continue
        cm = _CODE_RE.search(text)
        code = cm.group(1).strip().upper() if cm else vd.blocks[-1].code
        vd._add_verb(_CODE_RE.sub(" ", text), code, len(vd.blocks) - 1)
    return vd
