"""Pairing quotation marks into quoted regions, per paragraph, without ever raising.

News text mixes curly (“…”), straight ("…") and doubled-apostrophe (''…'') quotation marks, and
about one text in ten has an unbalanced mark (PolNeAR, Newell et al. 2018). Marks are therefore
paired inside each paragraph (a line of text), so a stray mark can at worst mislabel the rest of its
own paragraph, never the rest of the document. The news convention for a quotation running over
several paragraphs -- an opening mark at the start of every paragraph, one closing mark at the end
-- is recognised and yields one region spanning the paragraphs.

Single marks (‘ ’ ') are not treated as quotation marks: they are overwhelmingly apostrophes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Region", "QuoteScan", "scan_quotes", "paragraphs"]

_MARK = re.compile(r"``|''|[“”„‟«»\"]")
_OPENERS = frozenset({"“", "„", "‟", "«", "``"})
_CLOSERS = frozenset({"”", "»"})
# characters that may stand before an opening mark / after a closing mark
_BEFORE_OPEN = frozenset(" \t\n\r([{—–-/:;,\u00a0")
_AFTER_CLOSE = frozenset(" \t\n\r)]}—–-/.,;:!?…\u00a0")


@dataclass(frozen=True)
class Region:
    """A quoted stretch of text, marks included: ``text[start:end]``.

    Attributes:
        start: offset of the opening mark (or of the paragraph start when it has none).
        end: offset just after the closing mark (or the end of the last paragraph when unclosed).
        closed: False when the region had no closing mark and was cut at the paragraph end.
        opened: False when the region had no opening mark (a stray closing mark).
        paragraphs: how many paragraphs the region spans (>1 for a multi-paragraph quotation).
    """

    start: int
    end: int
    closed: bool = True
    opened: bool = True
    paragraphs: int = 1


@dataclass
class QuoteScan:
    """The result of :func:`scan_quotes`: regions ordered by start, and problems met."""

    regions: list[Region] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Half-open ``(start, end)`` of every non-blank line of ``text``, trailing space trimmed."""
    out = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        stripped = line.rstrip()
        lead = len(line) - len(line.lstrip())
        if stripped.strip():
            out.append((pos + lead, pos + len(stripped)))
        pos = end + 1
    return out


def _role(text: str, start: int, end: int, mark: str, inside: bool) -> str:
    """'open', 'close' or 'skip' for one mark, given whether a region is open."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    open_ctx = before in _BEFORE_OPEN or before in "“”\"'"
    close_ctx = after in _AFTER_CLOSE or after in "“”\"'"
    if mark in _OPENERS:
        if inside and close_ctx and not open_ctx:
            return "close"  # an opener typed where a closer belongs: “text“
        return "open"
    if mark in _CLOSERS:
        if not inside and open_ctx and not close_ctx:
            return "open"  # a closer typed where an opener belongs: ”text”
        return "close"
    # ambiguous: straight " or doubled ''
    if mark == "''" and not inside and not open_ctx and before.isalpha():
        return "skip"  # e.g. a contraction typed with two apostrophes
    if inside:
        if open_ctx and not close_ctx:
            return "open"  # looks like a new opening: the previous one was never closed
        return "close"
    if close_ctx and not open_ctx:
        return "close"
    return "open"


def _scan_paragraph(text: str, p_start: int, p_end: int, out: QuoteScan) -> list[Region]:
    regions: list[Region] = []
    open_at: int | None = None
    first_mark = True
    for m in _MARK.finditer(text, p_start, p_end):
        s, e = m.start(), m.end()
        role = _role(text, s, e, m.group(), open_at is not None)
        if role == "skip":
            continue
        if open_at is None:
            if role == "open":
                open_at = s
            elif first_mark:
                regions.append(Region(p_start, e, closed=True, opened=False))
                out.problems.append((s, "closing quotation mark without an opening one"))
            else:
                out.problems.append((s, "stray closing quotation mark ignored"))
        else:
            if role == "close":
                regions.append(Region(open_at, e))
                open_at = None
            else:
                end = s
                while end > open_at + 1 and text[end - 1].isspace():
                    end -= 1
                regions.append(Region(open_at, end, closed=False))
                out.problems.append((open_at, "quotation mark never closed before the next one"))
                open_at = s
        first_mark = False
    if open_at is not None:
        regions.append(Region(open_at, p_end, closed=False))
    return regions


def scan_quotes(text: str) -> QuoteScan:
    """Pair the quotation marks of ``text`` into regions (never raises).

    Args:
        text: the article text.

    Returns:
        A ``QuoteScan`` whose ``regions`` are ordered by ``start`` and do not overlap; a
        multi-paragraph quotation is one region. ``problems`` lists ``(offset, message)`` for each
        unbalanced mark.
    """
    out = QuoteScan()
    pending: Region | None = None  # an unclosed region at the end of the previous paragraph
    for p_start, p_end in paragraphs(text):
        regions = _scan_paragraph(text, p_start, p_end, out)
        if pending is not None:
            first = regions[0] if regions else None
            if first is not None and first.start == p_start:
                # the quotation goes on: reopened (or not) at this paragraph's start
                regions[0] = Region(
                    pending.start,
                    first.end,
                    closed=first.closed,
                    opened=True,
                    paragraphs=pending.paragraphs + first.paragraphs,
                )
            else:
                out.problems.append((pending.start, "quotation mark never closed"))
                out.regions.append(pending)
            pending = None
        if regions and not regions[-1].closed and regions[-1].end == p_end:
            pending = regions.pop()
        out.regions.extend(regions)
    if pending is not None:
        out.problems.append((pending.start, "quotation mark never closed"))
        out.regions.append(pending)
    out.regions.sort(key=lambda r: r.start)
    return out
