"""Content continuations: one content made of several quotation pieces.

News writes one utterance as "“A,” she said, “B.”", "“A,” she said. “B.”" (same paragraph) or
"“A,” said X.¶“B.”" (next paragraph); PARC 3.0 and PolNeAR take A and B as one content with the
source and cue inside it (PolNeAR guidelines, "content continuations"). ``join_quote_pieces``
and ``following_quote`` join the pieces around a frame; ``merge_continuations`` folds a
quotation paragraph into the attribution of the paragraph before it. The stretch between the
pieces is recorded in the candidate's ``skip`` (it does not count when typing the quote, and
``_content_parts`` cuts the content there into its ``content_parts``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from wirewatch.pipeline._quote_context import QMARK_TAIL, QUOTE_TOKENS, Candidate, QuoteContext
from wirewatch.pipeline._quotemarks import Region

__all__ = [
    "JOIN_QUOTE_PIECES",
    "MERGE_PARAGRAPH_CONTINUATIONS",
    "join_quote_pieces",
    "following_quote",
    "merge_continuations",
]

JOIN_QUOTE_PIECES = True  # "“A,” she said, “B.”": A and B are one content
MERGE_PARAGRAPH_CONTINUATIONS = True  # "“A,” said X.¶“B.”": one content, A to B

_SPEECH_KINDS = frozenset({"verb", "inserted", "adjacent"})  # cue verb + source


def join_quote_pieces(
    doc: Doc,
    v: Token,
    subj: Token | None,
    content: tuple[int, int],
    cue: tuple[int, int],
    ctx: QuoteContext,
) -> tuple[tuple[int, int], list[tuple[int, int]]]:
    """Join the two quotations a source and cue are inserted between into one content.

    News writes one utterance as "“A,” she said, “B.”" or "“A,” she said. “B.”" (same
    paragraph); PARC 3.0 and PolNeAR take A and B as one content with the source and cue
    inside it ("content continuations", PolNeAR guidelines), whichever piece the parser
    hangs on the cue. From a content that is a quotation ending before the cue (or starting
    after it), the tokens of the frame -- cue, source, their dependents outside quotations
    ("said on Monday in Paris") and punctuation -- are crossed up to the quotation on the
    other side: after the frame it must follow a comma, colon or sentence end; before the
    frame it must end with a comma ("“A,” she said, “B.”"; "“A.” She adds, “B.”" is two
    attributions). A line break, a word outside the frame or a second verb (a cue of its
    own: "said, adding later, “B”") stops the search.

    Args:
        doc: the parsed document.
        v: the cue verb.
        subj: the source's head token, or None.
        content: ``(start_char, end_char)`` of the content found so far.
        cue: ``(start_char, end_char)`` of the cue.
        ctx: per-document lookups (quotation regions, paragraphs).

    Returns:
        ``(content, skip)``: the joined content and the inserted stretch between the two
        pieces as a one-element skip list, or the content unchanged and an empty list.
    """
    frame = {t.i for t in v.subtree}
    source = {t.i for t in subj.subtree} if subj is not None else set()
    frame |= source
    lo_tok = min(v.i, subj.i if subj is not None else v.i)
    hi_tok = max(v.i, subj.i if subj is not None else v.i)

    def crossable(t: Token) -> bool:
        if t.is_space:
            return "\n" not in t.text
        if t.i not in frame or ctx.tok_region[t.i] >= 0:
            return t.is_punct and t.text not in QUOTE_TOKENS
        if t.is_punct or t.i in source:
            return True
        return t.pos_ not in ("VERB", "AUX") or (t.head.i == v.i and t.dep_ in ("aux", "neg"))

    def boundary(end: int) -> bool:
        """The text before offset ``end`` closes a piece: ``,`` ``.`` ``:`` (marks aside)."""
        tail = QMARK_TAIL.sub("", ctx.text[max(0, end - 6) : end].rstrip()).rstrip()
        return bool(tail) and tail[-1] in ",.:;!?"

    if not all(crossable(t) for t in doc[lo_tok + 1 : hi_tok]):
        return content, []  # "A,” X sang before asking, “B”": two cues, two contents
    regions = ctx.regions_overlapping(content[0], content[1])
    if any(r.end == content[1] for r in regions) and content[1] <= min(cue[0], doc[lo_tok].idx):
        k = hi_tok + 1
        while k < len(doc):
            t = doc[k]
            r = ctx.region_starting_at(t)
            if r is not None and t.i in frame and not boundary(t.idx):
                title = doc.char_span(r.start, r.end, alignment_mode="expand")
                k = max(k + 1, title.end if title is not None else k + 1)
                continue  # a title inside the frame: "said on “Meet the Press.”"
            if r is not None:
                if boundary(t.idx):
                    return (content[0], r.end), [(content[1], r.start)]
                break
            if not crossable(t):
                break
            k += 1
    elif any(r.start == content[0] for r in regions) and content[0] >= cue[1]:
        k = lo_tok - 1
        while k >= 0:
            t = doc[k]
            r = ctx.region_ending_at(t)
            if r is not None:
                gap = ctx.text[r.end : doc[lo_tok].idx]
                closing = QMARK_TAIL.sub("", ctx.text[r.start : r.end]).rstrip()
                if r.end < content[0] and (closing.endswith(",") or gap.strip() == ","):
                    return (r.start, content[1]), [(r.end, content[0])]
                break
            if not crossable(t):
                break
            k -= 1
    return content, []


def following_quote(
    doc: Doc, v: Token, content: tuple[int, int], ctx: QuoteContext
) -> Region | None:
    """The quotation that goes on right after "“A,” he said." in the same paragraph.

    News writes one utterance as "“A,” she said. “B.”"; PARC/PolNeAR take A and B as one
    content, with the source and cue inside it (as for "“A,” she said, “B.”").
    """
    if not any(r.end == content[1] for r in ctx.regions_overlapping(content[1] - 1, content[1])):
        return None
    if any(
        c.dep_ == "conj" and c.i > v.i and any(g.dep_ == "nsubj" for g in c.children)
        for c in v.children
    ):
        return None  # "“A,” she said, and her husband cut in. “B.”": B is his
    j = v.sent.end
    # the parser may end the sentence after the next opening mark ("said. ''For ...")
    while j - 1 > v.i and ctx.region_starting_at(doc[j - 1]) is not None:
        j -= 1
    while j < len(doc) and doc[j].is_space and "\n" not in doc[j].text:
        j += 1
    if j >= len(doc) or ctx.para_of(doc[j].idx) != ctx.para_of(v.idx):
        return None
    return ctx.region_starting_at(doc[j])


def merge_continuations(cands: list[Candidate], ctx: QuoteContext) -> list[Candidate]:
    """Fold a quotation paragraph into the attribution of the paragraph before it.

    PolNeAR's guidelines ("content continuations") take "“A,” said X.¶“B.”" as one
    attribution whose content runs from A to B: the cue and source stand between two pieces
    of one content even when the second starts a new paragraph. This applies when the first
    paragraph ends with the quotation A and its frame (cue after A, nothing quoted after
    it) and the next paragraph is the bare quotation B that continues it. Only one
    paragraph is folded: further quotation paragraphs stay bare continuations (running on
    lost more than it won on a held-out slice of PolNeAR train).

    Args:
        cands: the attributions found, bare continuations included.
        ctx: per-document lookups (quotation regions, paragraphs).

    Returns:
        The attributions, each folded continuation removed and its content added to the
        attribution it continues (the stretch between them recorded in ``skip``).
    """
    dropped: set[int] = set()
    for c in sorted(cands, key=lambda c: c.content[0]):
        host = c.continues
        if c.kind != "continuation" or host is None or host.kind not in _SPEECH_KINDS:
            continue  # a signed quotation ("“...” ― Name") is one reader's, not a frame
        para_c = ctx.para_of(c.content[0])
        if ctx.paras[para_c] != c.content or para_c == 0:
            continue  # B is its paragraph, whole
        if QMARK_TAIL.sub("", ctx.text[c.content[0] : c.content[1]]).rstrip().endswith(","):
            continue  # "“B,” he added": B has a frame of its own
        prev_end = ctx.paras[para_c - 1][1]
        if (
            host.cue is None
            or host.content[1] > host.cue[0]  # "“A,” said X": the cue after the quotation
            or not any(r.end == host.content[1] for r in ctx.regions_overlapping(*host.content))
            or ctx.para_of(host.cue[0]) != para_c - 1
            or ctx.regions_overlapping(host.content[1], prev_end)
        ):
            continue  # the paragraph before ends with A's frame, nothing quoted after it
        host.skip.append((host.content[1], c.content[0]))
        host.content = (host.content[0], c.content[1])
        dropped.add(id(c))
        for o in cands:  # B's own continuations now continue the host
            if o.continues is c:
                o.continues = host
    return [c for c in cands if id(c) not in dropped]
