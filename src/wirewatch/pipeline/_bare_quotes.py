"""Bare quotations: quotation marks with no cue of their own.

A substantial quotation (``substantial``: four words and a verb, or a whole sentence; shorter
quoted words are scare quotes or nicknames, not attributions) that no rule claimed goes on from
the previous speaker (``continuation``: a quotation paragraph after a quote, or a quotation after
a sentence whose subject is a person): no cue, ``continues`` the candidate it continues. A
speech verb standing alone in the sentence right before it is its cue ("Jones objected.
“...”": ``bare_cue``). A quotation with no identifiable speaker is recorded as a diagnostic.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from wirewatch.pipeline._cue_spans import CUE_ADVERBS, adverbs_after, group_start
from wirewatch.pipeline._lexicons import cue_lemma
from wirewatch.pipeline._quote_context import (
    Candidate,
    CueLexicon,
    QuoteContext,
    overlaps,
    span_record,
)
from wirewatch.pipeline._quotemarks import Region
from wirewatch.pipeline._source_spans import noun_phrase
from wirewatch.pipeline._speakers import PRONOUNS
from wirewatch.pipeline.extensions import add_diagnostic

__all__ = [
    "BARE_CUE_BEFORE",
    "substantial",
    "bare_quotes",
    "continuation",
    "bare_cue",
    "same_speaker",
]

_MIN_BARE_WORDS = 4  # a bare quotation shorter than this (or with no verb) is a scare quote

BARE_CUE_BEFORE = True  # "Smith disagreed. “The plan will fail.”": the verb is the cue


def substantial(doc: Doc, r: Region, ctx: QuoteContext) -> bool:
    """A quotation long enough to be speech: >= 4 words and a verb, or a whole sentence."""
    span = doc.char_span(r.start, r.end, alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if t.is_alpha or t.like_num]
    if len(words) >= _MIN_BARE_WORDS and any(t.pos_ in ("VERB", "AUX") for t in span):
        return True
    sent = span[0].sent
    return len(words) >= 3 and span.start <= sent.start + 1 and span.end >= sent.end - 2


def bare_quotes(
    doc: Doc, cands: list[Candidate], ctx: QuoteContext, lex: CueLexicon, component: str
) -> None:
    """Attach bare quotations (no cue) to the speaker they continue."""
    claimed = sorted(cands, key=lambda c: c.content[0])
    claimed_spans = [c.content for c in claimed] + [c.cue for c in claimed if c.cue]
    for r in ctx.regions:
        if any(overlaps((r.start, r.end), sp) for sp in claimed_spans):
            continue
        if not substantial(doc, r, ctx):
            continue
        try:
            cand = continuation(doc, r, claimed, ctx, lex)
        except Exception as exc:
            add_diagnostic(
                doc,
                component,
                f"bare quotation skipped: {exc!r}",
                span_record(ctx.text, r.start, r.end),
            )
            continue
        if cand is None:
            add_diagnostic(
                doc,
                component,
                "quotation with no identifiable speaker",
                span_record(ctx.text, r.start, r.end),
            )
            continue
        claimed.append(cand)
        claimed.sort(key=lambda c: c.content[0])
        cands.append(cand)


def continuation(
    doc: Doc, r: Region, claimed: list[Candidate], ctx: QuoteContext, lex: CueLexicon
) -> Candidate | None:
    """The speaker a bare quotation ``r`` goes on from, looking back over two sentences.

    The latest attribution in the previous sentence (outermost first; not a noun's speech
    participle, "emails from aides suggesting A", which is no speaker of the sentence) passes
    its source on
    (kind ``continuation``, ``continues`` set); else a previous sentence whose subject is a
    person, organisation or pronoun gives the source, with the sentence's lone speech verb as
    the cue when there is one (``bare_cue``: kind ``adjacent``). A paragraph is crossed only
    from a quotation that starts its paragraph.

    Args:
        doc: the parsed document.
        r: the quotation region (character offsets).
        claimed: the attributions found so far, ordered by content start.
        ctx: the per-document lookups.
        lex: the component's cue words.

    Returns:
        The candidate with ``r`` as its content, or None when no speaker is found.
    """
    first = doc.char_span(r.start, r.end, alignment_mode="expand")
    if first is None:
        return None
    para = ctx.para_of(r.start)
    at_para_start = ctx.paras[para][0] == r.start
    sent = first[0].sent
    # look back over at most two sentences; cross a paragraph only from a paragraph start
    for _ in range(2):
        if sent.start == 0:
            return None
        prev = doc[sent.start - 1].sent
        while prev.text.strip() == "" and prev.start > 0:
            prev = doc[prev.start - 1].sent
        if ctx.para_of(prev.start_char) != para and not at_para_start:
            return None
        before = [
            c
            for c in claimed
            if c.content[0] < r.start
            and c.kind != "modifier"  # "a memo arguing A": a noun's modifier, not the speaker
            and (
                overlaps(c.content, (prev.start_char, prev.end_char))
                or (c.cue and overlaps(c.cue, (prev.start_char, prev.end_char)))
            )
        ]
        outer = [
            c
            for c in before
            if not any(
                o is not c and o.content[0] <= c.content[0] and c.content[1] <= o.content[1]
                for o in before
            )
        ]
        if outer:
            last = max(outer, key=lambda c: c.content[0])
            if last.source is None and last.continues is None:
                return None
            return Candidate(
                (r.start, r.end),
                None,
                last.source,
                last.source_head,
                "continuation",
                0.7,
                continues=last,
            )
        subj = next((t for t in prev.root.children if t.dep_ == "nsubj"), None)
        if (
            subj is not None
            and ctx.tok_region[subj.i] < 0
            and (
                subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                or subj.pos_ == "PROPN"
                or subj.lower_ in PRONOUNS
            )
        ):
            src = noun_phrase(doc, subj)
            cue = bare_cue(doc, prev, r, ctx, lex) if BARE_CUE_BEFORE else None
            if cue is not None:  # "Smith disagreed. “The plan will fail.”"
                return Candidate((r.start, r.end), cue, src, subj.i, "adjacent", 0.6)
            same = same_speaker(doc, subj, claimed, r.start)
            return Candidate(
                (r.start, r.end), None, src, subj.i, "continuation", 0.6, continues=same
            )
        if ctx.para_of(prev.start_char) != para:
            return None
        sent = prev
    return None


def bare_cue(
    doc: Doc, prev: Span, r: Region, ctx: QuoteContext, lex: CueLexicon
) -> tuple[int, int] | None:
    """The cue of a quotation that follows a speech verb standing alone in its sentence.

    "Smith disagreed. “The plan will fail.”", "Jones added. “...”": a reporting verb with no
    complement of its own that ends the sentence right before a quotation in the same
    paragraph reports that quotation (PolNeAR marks the verb as its cue). Returns the verb
    group's ``(start_char, end_char)``, or None.
    """
    v = prev.root
    if cue_lemma(v, lex.verbs) not in lex.verbs or not v.tag_.startswith("VB"):
        return None
    if any(c.dep_ in ("ccomp", "dobj", "xcomp", "prep", "advcl") for c in v.children):
        return None
    if ctx.para_of(prev.start_char) != ctx.para_of(r.start):
        return None
    if ctx.text[prev.end_char : r.start].strip(" .\t"):
        return None  # the quotation must open right after the sentence
    start = v.i
    start = group_start(v, start)
    end = adverbs_after(doc, v, v.i + 1) if CUE_ADVERBS else v.i + 1
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def same_speaker(doc: Doc, subj: Token, claimed: list[Candidate], before: int) -> Candidate | None:
    """The latest earlier attribution by the same speaker (by surname, or any for a pronoun)."""
    for c in sorted(claimed, key=lambda c: -c.content[0]):
        if c.content[0] >= before or c.source is None or c.source_head is None:
            continue
        if before - c.content[1] > 3000:
            return None
        h = doc[c.source_head]
        if subj.lower_ in PRONOUNS or h.lower_ == subj.lower_:
            return c
    return None
