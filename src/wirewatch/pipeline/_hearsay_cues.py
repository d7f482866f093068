"""Sourceless cues: raising verbs and hearsay adverbs.

"X seems to ...", "X is expected to ...", "X is reportedly ...": PolNeAR marks the raising verb
(with its auxiliaries) or the adverb as the cue, no source, and the whole clause, subject and
cue included, as the content (``_content_spans.clause_content``). "It is said that ..." with no
agent is the reporting-verb rule's (source null).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from wirewatch.pipeline._content_spans import clause_content
from wirewatch.pipeline._cue_spans import PASSIVE_GROUP, group_start
from wirewatch.pipeline._lexicons import cue_lemma
from wirewatch.pipeline._quote_context import Candidate, QuoteContext

__all__ = [
    "RAISING",
    "RAISING_VERBS",
    "PASSIVE_RAISING_VERBS",
    "HEARSAY_ADVERBS",
    "raising_cue",
    "hearsay_adverb_cue",
]

RAISING = True  # sourceless "X seems to", "X is expected to", "X is reportedly"

# "X seems to ...", "X is expected to ...", "X is reportedly ...": sourceless attributions
RAISING_VERBS = frozenset({"seem", "appear"})

PASSIVE_RAISING_VERBS = frozenset(
    {
        "expect",
        "know",
        "report",
        "believe",
        "rumor",
        "rumour",
        "think",
        "say",
        "see",
        "consider",
        "predict",
        "project",
        "estimate",
        "list",
        "allege",
        "suppose",
    }
)

HEARSAY_ADVERBS = frozenset({"reportedly", "allegedly", "apparently", "seemingly", "purportedly"})


def raising_cue(doc: Doc, v: Token, ctx: QuoteContext) -> Candidate | None:
    """ "X seemed to Y", "X is expected to Y": a sourceless attribution of the whole clause.

    PolNeAR marks the raising verb (with its auxiliaries) as the cue, no source, and the
    whole clause, subject and cue included, as the content.
    """
    if not RAISING or ctx.tok_region[v.i] >= 0:
        return None
    kids = list(v.children)
    lemma = cue_lemma(v, RAISING_VERBS | PASSIVE_RAISING_VERBS)
    if lemma in RAISING_VERBS:
        if not any(c.dep_ in ("xcomp", "acomp") and c.i > v.i for c in kids):
            return None
        subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    else:
        if not any(c.dep_ == "auxpass" for c in kids):
            return None
        if not any(c.dep_ == "xcomp" and c.i > v.i for c in kids):
            return None
        subj = next((c for c in kids if c.dep_ == "nsubjpass"), None)
    if subj is None or subj.lower_ in ("it", "there", "this", "that", "which", "who"):
        return None
    lo = v.i
    lo = group_start(v, lo, PASSIVE_GROUP)
    cue = (doc[lo].idx, v.idx + len(v.text))
    content = clause_content(doc, v, ctx, cue)
    if content is None or not (content[0] <= cue[0] and cue[1] <= content[1]):
        return None
    return Candidate(content, cue, None, None, "raising", 0.55, [cue])


def hearsay_adverb_cue(doc: Doc, adv: Token, ctx: QuoteContext) -> Candidate | None:
    """ "X is reportedly spending ...": the adverb is the cue, the clause the content."""
    if not RAISING or ctx.tok_region[adv.i] >= 0:
        return None
    head = adv.head
    if head.pos_ not in ("VERB", "AUX") or not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in head.children
    ):
        return None
    cue = (adv.idx, adv.idx + len(adv.text))
    content = clause_content(doc, head, ctx, cue)
    if content is None or not (content[0] <= cue[0] and cue[1] <= content[1]):
        return None
    return Candidate(content, cue, None, None, "raising", 0.55, [cue])
