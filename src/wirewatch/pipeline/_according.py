""" "According to X" and the other source prepositions.

A source preposition (``resources/cue_phrases.tsv``: "according to", ...) or a sentence-initial
"in" whose object is a report or poll ("In a new poll, ...") is the cue, its object the source
and the clause it is attached to the content (``according_cue``). "In a statement, X said ..."
is left to X's own cue; "“A,” X said, according to Y" gives two attributions (Y's content is
"“A,” X said": kept by the component's selection step). The writer's comment after a
clause-final phrase is not content (``after_according``); a subject the parser hung on a noun
before the clause is (``_parse_repairs.stranded_subject``: "... and the damage could be $2
billion, according to X").
"""

from __future__ import annotations

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from wirewatch.pipeline._content_spans import content_span
from wirewatch.pipeline._lexicons import reporting_verbs
from wirewatch.pipeline._parse_repairs import stranded_subject
from wirewatch.pipeline._quote_context import Candidate, QuoteContext, overlaps
from wirewatch.pipeline._source_spans import noun_phrase

__all__ = [
    "source_prepositions",
    "according_cue",
    "after_according",
    "SPLIT_ACCORDING_CONJUNCT",
    "split_according_conjunct",
]

# "In a new poll, ..." / "In an interview, ...": a sentence-initial "in" whose object is one of
# these nouns is a source preposition (the object is the source, the clause the content).
_SOURCE_NOUNS = frozenset(
    "poll survey study report analysis memo letter statement interview op-ed column essay "
    "editorial filing complaint lawsuit ruling opinion transcript email tweet post video "
    "speech book article document documents records data review audit".split()
)

# ... of them, the acts and media of a person's own expression: "In a statement, X criticized
# ...", "In an interview, X was asked ...". PolNeAR (guidelines, "Choose the sentient source")
# takes the clause's subject as the source and the artifact as part of that subject's own cue,
# so these nouns are a source only in a clause with no subject of its own.
_EXPRESSION_NOUNS = frozenset(
    "statement interview speech tweet post email letter video op-ed column essay editorial "
    "book article memo remarks".split()
)

CUT_AFTER_ACCORDING = True  # the writer's comment after a clause-final "according to X" is cut

# "X says A and B, according to Y": B is Y's, so X's content ends before it (a token is in one
# attribution only: PolNeAR annotations are univocal, Newell et al. 2018)
SPLIT_ACCORDING_CONJUNCT = True
_JOINERS = frozenset({"and", "but", "or", "while", "whereas"})


def source_prepositions(doc: Doc, matcher: PhraseMatcher, ctx: QuoteContext) -> list[Span]:
    """The source-preposition phrases of ``doc``, each a cue of ``according_cue``.

    In: the document, a ``PhraseMatcher`` of the phrases of ``resources/cue_phrases.tsv``
    (``source_prep``), and the lookups, whose ``foreign`` set gets each phrase's tokens and its
    object's (so no other rule takes them as a cue or as content). Out: the matched phrases
    ("according to"), then each sentence-initial "in" whose object is a report, poll or
    statement noun ("In a new poll, ..."), as one-token spans.
    """
    preps = [doc[s:e] for _, s, e in matcher(doc)]
    for phrase in preps:
        ctx.foreign.update(t.i for t in phrase[0].subtree)
        ctx.foreign.update(t.i for t in phrase)
    for tok in doc:  # "In a new poll, ...": a sentence-initial source preposition
        if tok.lower_ == "in" and tok.dep_ == "prep" and tok.i - tok.sent.start <= 1:
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.lemma_.lower() in _SOURCE_NOUNS:
                preps.append(doc[tok.i : tok.i + 1])
                ctx.foreign.update(t.i for t in tok.subtree)
    return preps


def according_cue(doc: Doc, phrase: Span, ctx: QuoteContext) -> Candidate | None:
    """ "According to X, A" / "A, according to X": the phrase is the cue, X the source.

    In: the document, a phrase from ``source_prepositions`` and the lookups. Out: the candidate
    (source: the noun phrase of the preposition's object; cue: the phrase; content: the clause
    the phrase hangs on, without the phrase and what follows a clause-final phrase), or None
    (kind ``according``; "In a statement, X said ...": None, X's own cue carries it).
    """
    first, last = phrase[0], phrase[-1]
    if ctx.tok_region[first.i] >= 0:
        return None
    pobj = next((c for c in last.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    source = noun_phrase(doc, pobj)
    cue = (phrase.start_char, phrase.end_char)
    head = first.head
    while head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT" and head.head.i != head.i:
        head = head.head
    if first.lower_ == "in" and any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        if head.lemma_.lower() in reporting_verbs() or pobj.lemma_.lower() in _EXPRESSION_NOUNS:
            return None  # "In a statement, X said ...": X's own cue carries it
    own = {t.i for t in first.subtree} | {t.i for t in phrase}
    sent = first.sent
    toks = {t.i for t in head.subtree if t.i not in own and sent.start <= t.i < sent.end}
    toks -= after_according(toks, head, own)
    if toks:  # "... and the damage could be $2 billion, according to X": the lost subject
        toks |= stranded_subject(head, min(toks), own)
    saved = ctx.foreign
    ctx.foreign = set()
    try:
        content = content_span(doc, toks, [cue, source], ctx, first)
    finally:
        ctx.foreign = saved
    if (
        content is None
        or overlaps(content, cue)
        and not (content[0] < cue[0] and cue[1] < content[1])
    ):
        return None
    skip = [(cue[0], source[1])] if content[0] < cue[0] < content[1] else []
    return Candidate(content, cue, source, pobj.i, "according", 0.8, skip)


def after_according(toks: set[int], head: Token, phrase: set[int]) -> set[int]:
    """Token indices of ``toks`` after a clause-final "according to X" phrase.

    In: the clause's token indices, its head verb and the indices of the phrase with its
    object. Out: the indices that follow the phrase ("..., according to a poll, but his lead is
    narrowing"). The content of "according to" is the proposition it is attached to; the
    writer's comment after the source is background the author adds, left out when in doubt
    (PolNeAR guidelines, "don't include what is merely added by the author"). A coordinated
    "and"/"or" clause stays; a phrase before the verb ("According to X, ...") cuts nothing.
    """
    if not CUT_AFTER_ACCORDING or not phrase or min(phrase) < head.i:
        return set()
    end = max(phrase)
    after = sorted(i for i in toks if i > end and not head.doc[i].is_punct)
    if after and head.doc[after[0]].lower_ in ("and", "or"):
        return set()  # "A, according to X, and B": the coordinated clause is X's too
    return {i for i in toks if i > end}


def split_according_conjunct(doc: Doc, cands: list[Candidate]) -> None:
    """Cut another attribution's content before a trailing "according to" content, in place.

    "Tokayev says A and damage could be $2 billion, according to the government": the parse
    puts the second clause in Tokayev's content too, but the clause-final "according to" gives
    it to the government. When an ``according`` candidate's content starts inside another
    candidate's content and reaches (or passes) its end, that content ends at the last word
    before it, without the joining comma or conjunction. Only a cut that leaves words keeps.

    In: the document and the candidates after selection (``QuoteAttributor._dedupe``). Out:
    nothing; contents are changed in place, character offsets into ``doc.text``.
    """
    if not SPLIT_ACCORDING_CONJUNCT:
        return
    for b in cands:
        if b.kind != "according" or b.cue is None or b.cue[0] < b.content[1]:
            continue  # only a clause-final "..., according to Y"
        for a in cands:
            if a is b or a.kind == "according":
                continue
            if not (a.content[0] < b.content[0] < a.content[1] <= b.content[1]):
                continue
            head = doc.char_span(a.content[0], b.content[0], alignment_mode="contract")
            toks = list(head) if head is not None else []
            while toks and (toks[-1].is_punct or toks[-1].lower_ in _JOINERS):
                toks.pop()
            if toks and toks[-1].idx + len(toks[-1]) > a.content[0]:
                end = toks[-1].idx + len(toks[-1])
                a.content = (a.content[0], end)
                a.skip = [s for s in a.skip if s[1] <= end]
