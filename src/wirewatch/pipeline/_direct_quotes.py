"""Direct-quote frames: cues found from quotation marks and layout rather than the parse.

* ``adjacent_quote``: the quotation right after (colon, comma) or right before a speech frame
  that does not govern it ("X said: “...”", "“...” he said.");
* ``object_quote``: a cue verb's object holding a quotation ("reiterated X's “full support”");
* ``dash_signoffs``: a quotation signed with a dash and a name ("“...” ― Maria Lopez", or on
  the next line after a quotation paragraph);
* ``colon_heads`` / ``colon_quotes``: a name and a colon before a statement or quotation
  ("Mayor Brown: No new taxes", "... again. Jones: “...”");
* ``quote_frames`` / ``frame_after``: a speech frame right after a quotation ending with a
  comma, question or exclamation mark, read from the tokens when the parse lost it ("“A,” Will
  wrote.", "“A,” added Maria Lopez, a steward.").

Quotation regions come from ``_quotemarks`` (via ``QuoteContext``); joining the pieces of one
quotation around its frame is ``_quote_joins``'.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from wirewatch.pipeline._bare_quotes import substantial
from wirewatch.pipeline._content_spans import content_span
from wirewatch.pipeline._cue_spans import CUE_ADVERBS, adverbs_after, finite_or_perfect
from wirewatch.pipeline._lexicons import cue_lemma, reporting_verbs
from wirewatch.pipeline._quote_context import (
    DASHES,
    NOT_SOURCES,
    QMARK_TAIL,
    Candidate,
    CueLexicon,
    QuoteContext,
    overlaps,
)
from wirewatch.pipeline._quote_joins import JOIN_QUOTE_PIECES, following_quote, join_quote_pieces
from wirewatch.pipeline._quotemarks import Region
from wirewatch.pipeline._source_spans import name_like, noun_phrase

__all__ = [
    "QUOTE_FRAMES",
    "SIGNOFF_LINES",
    "HEADLINE_COLONS",
    "COLON_QUOTES",
    "dash_signoffs",
    "colon_heads",
    "colon_quotes",
    "quote_frames",
    "frame_after",
    "adjacent_quote",
    "object_quote",
]

QUOTE_FRAMES = True  # "“A,” Will wrote.": a speech frame after a quotation the parse missed

_FRAME_WINDOW = 12  # tokens after a quotation searched for its frame

SIGNOFF_LINES = True  # "“...”¶— Maria Lopez, a nurse": the sign-off on the next line

HEADLINE_COLONS = True  # the title line "X: statement" needs no verb; "X to Y:" is X's

COLON_QUOTES = True  # "Bush: “The mission is ...”": a name and a colon before a quotation

# a dash and a name closing the line after a quotation: "“...” ― Maria Lopez"
_SIGNOFF = re.compile(r"[ \t\xa0]*(―|—|–|--)[ \t\xa0]*([A-Z][^\n―—–]{0,60}?)[ \t\xa0.]*(?=\n|$)")

# the same on a line of its own after a quotation paragraph: "“...”¶¶— Maria Lopez, a nurse."
# (the name is the words before the first comma; what follows describes the speaker)
_SIGNOFF_LINE = re.compile(
    r"[ \t\xa0]*\n\s*(―|—|–|--|-)[ \t\xa0]*([A-Z][^\n,―—–]{0,40}?)[ \t\xa0.]*(?=\n|$|,)"
)

_NAME_PARTICLES = frozenset({"de", "da", "del", "van", "von", "la", "le", "di", "bin", "al"})


def dash_signoffs(doc: Doc, ctx: QuoteContext) -> list[Candidate]:
    """ "“...” ― Maria Lopez": a quotation signed by a dash and a name at the end of its line.

    Reader comments, pull quotes and vox pops. The dash is the cue, the name (up to six
    capitalised words, to the line end) the source, the quotation the content. A quotation
    that is a whole paragraph may be signed on the next line ("“...”¶¶— Maria Lopez, a
    nurse."): the name then ends at the first comma.
    """
    out: list[Candidate] = []
    text = ctx.text
    for r in ctx.regions:
        m = _SIGNOFF.match(text, r.end)
        if m is None and SIGNOFF_LINES and ctx.paras[ctx.para_of(r.start)] == (r.start, r.end):
            m = _SIGNOFF_LINE.match(text, r.end)  # the quotation is its whole paragraph
        if m is None:
            continue
        words = m.group(2).split()
        if len(words) > 6 or not all(w[0].isupper() or w in _NAME_PARTICLES for w in words):
            continue
        name = doc.char_span(m.start(2), m.end(2), alignment_mode="contract")
        if name is None or not len(name):
            continue
        cue = (m.start(1), m.end(1))
        out.append(
            Candidate(
                (r.start, r.end),
                cue,
                (name.start_char, name.end_char),
                name.root.i,
                "signoff",
                0.7,
            )
        )
    return out


def colon_heads(doc: Doc, ctx: QuoteContext) -> list[Candidate]:
    """ "Paul Ryan: FBI decision defies explanation": a short name, a colon, a statement.

    Only at a paragraph start (headlines, transcripts), the name a proper noun or a document
    noun ("Report"); the content runs to the paragraph end, final punctuation trimmed.
    """
    out: list[Candidate] = []
    for lo, hi in ctx.paras:
        first = doc.char_span(lo, hi, alignment_mode="expand")
        if first is None or len(first) < 6:
            continue
        colon = next((t for t in first[:7] if t.text == ":"), None)
        if colon is None or colon.i == first.start or ctx.tok_region[colon.i] >= 0:
            continue
        name = doc[first.start : colon.i]
        if len(name) == 1 and len(name[0].text) == 1:
            continue  # "Q:" / "A:" of an interview
        headline = HEADLINE_COLONS and lo == ctx.paras[0][0]
        if headline:  # "Clinton to Planned Parenthood: ...": the addressee is not the source
            to = next((t for t in name if t.lower_ == "to" and t.i > name.start), None)
            if to is not None:
                name = doc[name.start : to.i]
        if not len(name) or not all(t.pos_ in ("PROPN", "NOUN", "PUNCT", "DET") for t in name):
            continue
        if name[-1].pos_ not in ("PROPN", "NOUN") or any(t.like_num for t in name):
            continue
        rest = [t.i for t in doc[colon.i + 1 : first.end]]
        words = [i for i in rest if doc[i].is_alpha]
        if len(words) < 4 or not (headline or any(doc[i].pos_ in ("VERB", "AUX") for i in rest)):
            continue  # a headline may be verbless ("Lynch: No outside influence on ...")
        content = content_span(doc, set(rest), [], ctx, colon)
        if content is None:
            continue
        src = (name.start_char, name.end_char)
        cue = (colon.idx, colon.idx + 1)
        out.append(Candidate(content, cue, src, name.root.i, "colon", 0.6))
    if COLON_QUOTES:
        out.extend(colon_quotes(doc, ctx, {c.cue for c in out}))
    return out


def colon_quotes(
    doc: Doc, ctx: QuoteContext, taken: set[tuple[int, int] | None]
) -> list[Candidate]:
    """A name, a colon and a quotation anywhere in a paragraph: "Bush: “The mission is ...”".

    Transcripts, debate digests and press roundups introduce a speaker's words with the
    speaker's name and a colon ("HEADLINE - Jane Roe: “...”", "... again. Smith: “...”",
    "Rep. Jane Roe (D-Ohio): “...”"). PolNeAR's guidelines make the colon the cue ("Romeo:
    “Is the day so young?”") and the name the source. The name must be a proper noun phrase
    (with titles, initials and a parenthetical party label) standing at the start of a
    paragraph or sentence or after a dash, and the quotation must open right after the colon.

    Args:
        doc: the parsed document.
        ctx: per-document lookups.
        taken: cues already found at paragraph starts (not found twice).

    Returns:
        Candidates (kind ``colon``): the quotation region as content (character offsets),
        the colon as cue, the name as source.
    """
    out: list[Candidate] = []
    for colon in doc:
        if colon.text != ":" or ctx.tok_region[colon.i] >= 0 or colon.i + 1 >= len(doc):
            continue
        cue = (colon.idx, colon.idx + 1)
        if cue in taken:
            continue
        nxt = doc[colon.i + 1]
        while nxt.is_space and "\n" not in nxt.text and nxt.i + 1 < len(doc):
            nxt = doc[nxt.i + 1]
        r = ctx.region_starting_at(nxt)
        if r is None or ctx.para_of(r.start) != ctx.para_of(colon.idx):
            continue
        k = colon.i - 1
        depth = 0
        while k >= 0 and colon.i - k <= 10:
            t = doc[k]
            if t.text == ")":
                depth += 1
            elif t.text == "(":
                depth -= 1
            elif depth == 0 and not (
                t.pos_ in ("PROPN", "DET") or t.text in (".", "-") and not t.whitespace_
            ):
                break
            k -= 1
        first = k + 1
        if first >= colon.i or depth != 0:
            continue
        name = doc[first : colon.i]
        if name[-1].pos_ != "PROPN" and name[-1].text != ")":
            continue
        prev = doc[k] if k >= 0 else None
        boundary = (
            prev is None
            or "\n" in prev.text
            or prev.text in DASHES
            or prev.text in (".", "!", "?", "”", '"', "''")
            or prev.is_space
            and (k == 0 or "\n" in prev.text or doc[k - 1].text in (".", "”"))
        )
        if not boundary:
            continue
        heads = [t for t in name if t.head.i < first or t.head.i >= colon.i or t.head.i == t.i]
        head = next((t for t in heads if t.pos_ == "PROPN"), name[-1])
        src = (name.start_char, name.end_char)
        out.append(Candidate((r.start, r.end), cue, src, head.i, "colon", 0.6))
    return out


def quote_frames(
    doc: Doc, cands: list[Candidate], ctx: QuoteContext, lex: CueLexicon
) -> list[Candidate]:
    """Speech frames right after a quotation that the parse did not tie to it.

    News closes a quotation that ends with a comma, question or exclamation mark with its
    frame: "“A,” she said.", "“A?” asked X.", "“A,” X, a spokesman, told reporters.". When
    the parser loses the frame's subject (a name read as a modal: "Will wrote"; a subject
    hung on the quotation) the reporting-verb rule finds nothing and the quotation would be
    left bare. This reads the frame from the tokens instead (a linear pattern, as textacy's
    ``direct_quotations`` does): within the quotation's sentence and paragraph, the tokens
    after it up to a period, semicolon, line break or quotation mark must hold a reporting
    verb (``resources/reporting_verbs.txt``) that is not yet a cue, and a noun phrase either
    right before it ("X said": the phrase from the quotation to the verb) or right after it
    ("said X": the noun phrase the verb is followed by). Only a quotation no attribution
    claims yet is taken.

    Args:
        doc: the parsed document.
        cands: the attributions found so far (their contents and cues are not reused).
        ctx: per-document lookups.

    Returns:
        New candidates (kind ``adjacent``): the quotation as content (joined with a
        quotation that goes on after the frame, "“A,” she said. “B.”"), the verb with its
        auxiliaries and adverbs as cue, the noun phrase as source.
    """
    out: list[Candidate] = []
    claimed = [c.content for c in cands] + [c.cue for c in cands if c.cue is not None]
    for r in ctx.regions:
        if not r.closed or any(
            overlaps((r.start, r.end), sp) for sp in claimed + [c.content for c in out]
        ):
            continue
        inner = QMARK_TAIL.sub("", ctx.text[r.start : r.end]).rstrip()
        after = ctx.text[r.end : r.end + 2]
        if not (inner.endswith((",", "?", "!", "—", "--")) or after.startswith(",")):
            continue
        lo = ctx.paras[ctx.para_of(r.start)][0]
        before = ctx.text[lo : r.start].rstrip()
        if before and before[-1] not in ".!?:”\"'":
            continue  # a quotation inside a sentence: a title or a phrase, not a quote
        span = doc.char_span(r.start, r.end, alignment_mode="expand")
        if span is None or span.end >= len(doc):
            continue
        cand = frame_after(doc, span.end, r, claimed, ctx, lex)
        if cand is not None:
            out.append(cand)
    return out


def frame_after(
    doc: Doc,
    k: int,
    r: Region,
    claimed: list[tuple[int, int]],
    ctx: QuoteContext,
    lex: CueLexicon,
) -> Candidate | None:
    """The frame in the tokens from index ``k`` after quotation ``r`` (see ``quote_frames``).

    Returns:
        The candidate, or None when the tokens up to the sentence end hold no reporting verb
        not yet a cue, or no name-like phrase before or right after it (``name_like``).
    """
    window: list[Token] = []
    for t in doc[k : k + _FRAME_WINDOW]:
        if t.text in (",",) and not window:
            continue  # "“A”, he said": the comma outside the marks
        if "\n" in t.text or t.text in (".", ";", "!", "?") or ctx.tok_region[t.i] >= 0:
            break
        window.append(t)
    verbs = [
        t
        for t in window
        if finite_or_perfect(t)
        and cue_lemma(t, lex.verbs) in reporting_verbs()
        and not any(overlaps((t.idx, t.idx + len(t.text)), sp) for sp in claimed)
    ]
    if not verbs or not window:
        return None
    v = verbs[0]
    pos = window.index(v)
    lead = window[:pos]
    while (
        len(lead) > 1
        and lead[-1].dep_ in ("aux", "neg", "advmod")
        and lead[-1].pos_ in ("AUX", "PART", "ADV", "VERB")
    ):
        lead.pop()  # "X has also said": the verb group joins the cue
    cue_lo = lead[-1].i + 1 if lead else window[0].i
    head: Token | None
    if lead:  # "X said": the phrase before the verb is the source
        if lead[-1].text == ",":
            lead = lead[:-1]  # "X, a spokesman, said": the closing comma of the aside
        if not lead or lead[0].text == "," or not name_like(lead[0]):
            return None
        if any(t.pos_ in ("VERB", "AUX") and not name_like(t) for t in lead):
            return None
        ids = {t.i for t in lead}
        head = next((t for t in lead if t.head.i not in ids or t.head.i == t.i), None)
        if head is None or not name_like(head):
            head = lead[0]
        src = (lead[0].idx, lead[-1].idx + len(lead[-1].text))
        if window[pos - 1].text == "," and pos - 1 > 0:
            src = (lead[0].idx, window[pos - 1].idx + 1)
    else:  # "said X": the noun phrase after the verb
        run: list[Token] = []
        for t in window[1:]:
            if not (name_like(t) or t.pos_ in ("DET", "ADJ", "NUM") or t.tag_ == "NNP"):
                break
            run.append(t)
        if not run:
            return None
        ids = {t.i for t in run}
        head = next(
            (t for t in run if t.pos_ in ("PROPN", "NOUN", "PRON") and t.head.i not in ids),
            None,
        )
        if head is not None:  # the parse's own phrase, appositives included
            src = noun_phrase(doc, head)
            src = (max(src[0], run[0].idx), src[1])
        else:  # no noun of the run heads it in the parse: the run itself
            head = run[-1]
            if not name_like(head):
                return None
            src = (run[0].idx, head.idx + len(head.text))
    if head.lower_ in NOT_SOURCES or head.lower_ == "it":
        return None
    cue_end = adverbs_after(doc, v, v.i + 1) if CUE_ADVERBS else v.i + 1
    cue_end = min(cue_end, window[-1].i + 1)
    if not lead and src[0] < doc[cue_end - 1].idx + len(doc[cue_end - 1].text):
        cue_end = v.i + 1
    cue = (doc[cue_lo].idx, doc[cue_end - 1].idx + len(doc[cue_end - 1].text))
    content = (r.start, r.end)
    skip: list[tuple[int, int]] = []
    follow = following_quote(doc, v, content, ctx)
    if follow is not None:
        skip = [(content[1], follow.start)]
        content = (content[0], follow.end)
    elif JOIN_QUOTE_PIECES:  # "“A,” X said, “B.”"
        content, skip = join_quote_pieces(doc, v, head, content, cue, ctx)
    return Candidate(content, cue, src, head.i, "adjacent", 0.75, skip)


def adjacent_quote(
    doc: Doc, v: Token, subj: Token, cue_end: int, ctx: QuoteContext
) -> tuple[int, int] | None:
    """Content when a quotation sits right after (colon, comma) or right before the frame."""
    sent = v.sent
    frame = [t.i for t in v.subtree if ctx.tok_region[t.i] < 0 and t.i < sent.end]
    frame_hi = max([cue_end - 1, subj.right_edge.i, *frame])
    i = frame_hi + 1
    while i < len(doc) and (doc[i].is_space or doc[i].text in (":", ",")):
        i += 1
    k = i - 1
    while k > v.i and doc[k].is_space:
        k -= 1
    punct = doc[k].text in (":", ",")
    direct = k in (cue_end - 1, subj.right_edge.i)  # "said “...”", "said X “...”"
    end = doc[i].idx if i < len(doc) else len(ctx.text)
    crossed_para = "\n" in ctx.text[doc[frame_hi].idx : end]
    ok = doc[k].text == ":" or (not crossed_para and (punct or direct))
    if i < len(doc) and ok:
        r = ctx.region_starting_at(doc[i])
        if r is not None:
            return r.start, r.end
    j = min(v.i, subj.left_edge.i) - 1
    while j >= 0 and doc[j].text == ",":
        j -= 1
    if j >= 0 and not doc[j].is_space:
        r = ctx.region_ending_at(doc[j])
        if r is not None:
            return r.start, r.end
    return None


def object_quote(
    doc: Doc, v: Token, avoid: list[tuple[int, int]], ctx: QuoteContext
) -> tuple[int, int] | None:
    """Content when the verb's direct object holds a substantial quotation."""
    for c in v.children:
        if c.dep_ != "dobj" or c.i < v.i:
            continue
        toks = {t.i for t in c.subtree}
        for r in ctx.regions_overlapping(doc[min(toks)].idx, doc[max(toks)].idx + 1):
            if substantial(doc, r, ctx):
                return content_span(doc, toks, avoid, ctx, v)
    return None
