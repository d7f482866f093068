"""Content parts: the continuous pieces of a content that holds its own source or cue.

PARC 3.0 and PolNeAR mark the content of an attribution whose source and cue stand inside it as
one discontinuous span (PolNeAR guidelines, "content continuations" and "relative pronouns"):
"China and Russia, he says, are the winners" has the content "China and Russia" + "are the
winners"; "“A,” she said, “B.”" has "“A,”" + "“B.”"; "the unrest, which he claims was an attempted
coup" has "which" + "was an attempted coup"; "The damage, according to officials, could reach
$2 billion" has "The damage" + "could reach $2 billion". ``Quote.content`` stays the hull of
the pieces (PolNeAR scoring and existing consumers use it); ``content_parts`` lists the pieces.

The pieces are computed in one place for every rule, from what the rules already record: the
hull (``Candidate.content``), the inserted stretches (``Candidate.skip``), the source and the
cue. The cue verb's own circumstance right after the recorded stretch ("he told reporters on
Monday") is part of the frame, not of the content, and is cut with it.
"""

from __future__ import annotations

from spacy.tokens import Doc

from wirewatch.pipeline._quote_context import QUOTE_TOKENS, Candidate, QuoteContext

__all__ = ["CONTENT_PARTS", "content_parts"]

CONTENT_PARTS = True  # list the pieces of a content with its source or cue inside it

# dependents of an inserted cue verb that are its circumstance or recipient, not content
# ("he said *on Monday*", "she told *reporters*", "he said *yesterday*")
_FRAME_DEPS = frozenset({"prep", "npadvmod", "advmod", "dative", "dobj", "agent", "prt"})

# what a piece does not start or end with: the commas, colons and dashes that set off the frame
_EDGE = " \t\r\n\u00a0,;:—–"


def _frame_end(doc: Doc, cue: tuple[int, int], end: int, ctx: QuoteContext) -> int:
    """End offset of the frame whose recorded stretch ends at ``end``, over the cue verb's
    circumstance that follows it without a comma ("she told reporters on Monday")."""
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    if span is None:
        return end
    v = span.root
    for c in v.rights:
        if c.idx < end:
            continue
        left, right = c.left_edge, c.right_edge
        if c.dep_ not in _FRAME_DEPS or ctx.text[end : left.idx].strip():
            break
        if any(t.text in QUOTE_TOKENS for t in doc[left.i : right.i + 1]):
            break
        end = right.idx + len(right.text)
    return end


def _outside_quotations(a: int, b: int, ctx: QuoteContext) -> tuple[int, int]:
    """Gap ``(a, b)`` shrunk so it cuts no quotation in two: a parser that hangs the closing
    comma and mark of "“A,” she said" on the cue must not take them out of the piece "“A,”"."""
    for r in ctx.regions_overlapping(a, b):
        if r.start < a < r.end <= b:
            a = r.end
        elif a <= r.start < b < r.end:
            b = r.start
    return a, max(a, b)


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """``(a, b)`` without the frame's commas, colons, dashes and spaces at either edge."""
    while a < b and text[a] in _EDGE + ".":
        a += 1
    while b > a and text[b - 1] in _EDGE:
        b -= 1
    return a, b


def content_parts(doc: Doc, c: Candidate, ctx: QuoteContext) -> list[tuple[int, int]]:
    """The continuous pieces of ``c``'s content, in text order, when its source or cue is inside.

    Args:
        doc: the parsed document ``c`` was found in.
        c: an attribution candidate: ``content`` is the hull, ``skip`` the inserted stretches
            (half-open character offsets into ``doc.text``).
        ctx: the per-document lookups (``ctx.text`` is ``doc.text``).

    Returns:
        ``[(start_char, end_char), ...]``, half-open, ordered, each piece trimmed of the commas,
        colons, dashes and spaces that set off the frame and holding a letter or digit; ``[]``
        when the content is one piece (no source, cue or skipped stretch strictly inside it).

    Source: PolNeAR annotation guidelines (Newell et al. 2018), discontinuous content spans;
    PARC 3.0 (Pareti 2016).
    """
    if not CONTENT_PARTS:
        return []
    s, e = c.content
    gaps = [g for g in c.skip if s < g[1] and g[0] < e]
    for g in (c.source, c.cue):
        if g is not None and s < g[0] and g[1] < e:
            gaps.append(g)
    if not gaps:
        return []
    gaps.sort()
    merged: list[tuple[int, int]] = []
    for a, b in gaps:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    if c.cue is not None:  # the cue verb's circumstance right after its stretch is frame too
        merged = [
            (a, _frame_end(doc, c.cue, b, ctx))
            if a <= c.cue[0] < b or a < c.cue[1] <= b
            else (a, b)
            for a, b in merged
        ]
    merged = [_outside_quotations(a, b, ctx) for a, b in merged]
    text = ctx.text
    parts: list[tuple[int, int]] = []
    pos = s
    for a, b in merged + [(e, e)]:
        lo, hi = _trim(text, pos, min(max(a, pos), e))
        if any(ch.isalnum() for ch in text[lo:hi]):
            parts.append((lo, hi))
        pos = max(pos, b)
    return parts if len(parts) > 1 else []
