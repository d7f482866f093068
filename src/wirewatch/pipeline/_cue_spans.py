"""Cue boundaries: how far a cue reaches around its word.

PolNeAR's guidelines ("Keep the verb group together") put in the cue the auxiliaries, negation
and adverbs standing right before the cue verb ("has not said", "repeatedly called"), the
adverbs right after it ("said angrily"), an attempt or aspect verb governing it ("tried to
argue", "went on to say"), and a colon or verb particle between it and its content ("said:",
"pointed out"). A wh-subordinator hung on the verb is not part of it ("when asked" -> "asked").
Every rule that makes a cue span goes through these helpers.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from wirewatch.pipeline._lexicons import cue_lemma
from wirewatch.pipeline._quote_context import QUOTE_TOKENS, Candidate, QuoteContext

__all__ = [
    "CUE_AUX",
    "CUE_ADVERBS",
    "STRETCH_CUES",
    "CHAINS",
    "PASSIVE_GROUP",
    "group_left",
    "group_start",
    "chain_start",
    "adverbs_after",
    "finite_or_perfect",
    "stretch_cue",
]

CUE_AUX = True  # auxiliaries/negation right before the cue verb are part of the cue

CUE_ADVERBS = True  # "said angrily", "has said repeatedly that": adverbs after the cue verb

# adverbs after a cue verb that are not its manner or frequency ("said so", "said then that")
_NOT_CUE_ADVERBS = frozenset(
    "so then there here not also too as now enough over before however".split()
)

STRETCH_CUES = True  # a colon or particle between cue and content joins the cue ("said:")

_MAX_CUE_GAP = 60  # characters between a cue word and its content that may join the cue

CHAINS = True  # "tried to argue that": the cue runs from the attempt/aspect verb

_CHAIN_HEADS = frozenset(
    "try attempt seek struggle continue go begin start seem appear refuse decline want fail "
    "need look hope plan".split()
)

PASSIVE_GROUP = ("aux", "auxpass", "neg", "advmod")


def group_left(v: Token, deps: tuple[str, ...] = ("aux", "neg", "advmod")) -> set[int]:
    """Indices of the verb group's words before cue verb ``v``: auxiliaries, negation, adverbs.

    PolNeAR keeps the verb group together in the cue ("has not said", "repeatedly called"); a
    wh-subordinator the parser hangs on the verb as an adverb ("*when* asked", "*where* he
    said") opens the clause and is not part of it (on PolNeAR train, "when" + cue matched no
    gold cue in 34, the cue without it 19).
    """
    return {c.i for c in v.children if c.dep_ in deps and c.i < v.i and c.tag_ != "WRB"}


def group_start(v: Token, start: int, deps: tuple[str, ...] = ("aux", "neg", "advmod")) -> int:
    """Token index where a cue starting at ``start`` begins once the verb group's words just
    before it (``group_left``) join it ("has not said": from "said" back to "has")."""
    left = group_left(v, deps)
    while start - 1 in left:
        start -= 1
    return start


def chain_start(doc: Doc, v: Token, cue_start: int) -> int:
    """Start of a cue whose verb is the infinitive of an attempt or aspect verb.

    "tried to argue that", "went on to say that", "continued to insist that", "appeared to
    suggest that": PolNeAR's cue runs from the governing verb (with its auxiliaries) to the
    speech verb.
    """
    h = v.head
    if v.dep_ not in ("xcomp", "advcl") or h.i >= v.i:
        return cue_start
    if cue_lemma(h, _CHAIN_HEADS) not in _CHAIN_HEADS:
        return cue_start
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        return cue_start  # only an infinitive ("went on to say"), not "went home, saying"
    if any(t.is_punct or t.text in QUOTE_TOKENS for t in doc[h.i : v.i]):
        return cue_start
    start = h.i
    start = group_start(h, start)
    return min(start, cue_start)


def adverbs_after(doc: Doc, v: Token, cue_end: int) -> int:
    """Token index one past the adverbs of cue verb ``v`` that stand right after the cue.

    PolNeAR's guidelines ("Keep the verb group together") put the adverbs of a cue verb in the
    cue: "“You'll pay for this,” she said angrily", "They have repeatedly called for ...". The
    adverbs before the verb are taken with the auxiliaries; this takes those right after it
    ("said angrily", "said recently that", "asks rhetorically"), stopping at anything else
    (a comma, a quotation mark, a time noun, a preposition: annotated inconsistently).

    Args:
        doc: the parsed document.
        v: the cue verb.
        cue_end: token index one past the cue so far (the verb, its particle or extension).

    Returns:
        The new cue end (token index, exclusive), ``cue_end`` when no adverb follows.
    """
    k = cue_end
    while (
        k < len(doc)
        and doc[k].head.i == v.i
        and doc[k].dep_ == "advmod"
        and doc[k].pos_ == "ADV"
        and doc[k].tag_ == "RB"
        and doc[k].lower_ not in _NOT_CUE_ADVERBS
    ):
        k += 1
    return k


def finite_or_perfect(v: Token) -> bool:
    """A verb that can head a speech frame: finite ("said", "says"), or a participle after an
    auxiliary ("has said"; "Will wrote", where the tagger read the name as a modal), never a
    passive or a reduced relative ("a book written by ...")."""
    if v.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    kids = [c.dep_ for c in v.children]
    return v.tag_ == "VBN" and "aux" in kids and "auxpass" not in kids


def stretch_cue(doc: Doc, c: Candidate, ctx: QuoteContext) -> None:
    """Add to a cue the colon or verb particle between it and the content that follows it.

    PolNeAR's cue takes a colon introducing the content ("said: “...”", "tweeted: ...") and
    a verb particle ("pointed out that ..."); other words between cue and content (time,
    place, addressee: "said Monday that", "told reporters that") are annotated
    inconsistently and are left out.
    """
    if c.cue is None or c.content[0] < c.cue[1]:
        return
    gap = ctx.text[c.cue[1] : c.content[0]]
    if not gap.strip() or "\n" in gap or len(gap) > _MAX_CUE_GAP:
        return
    span = doc.char_span(c.cue[1], c.content[0], alignment_mode="contract")
    if span is None or not len(span):
        return
    toks = [t for t in span if not t.is_space]
    if all(t.text == ":" or (t.dep_ == "prt" and t.head.idx < c.cue[1]) for t in toks):
        c.cue = (c.cue[0], toks[-1].idx + len(toks[-1].text))
