"""Cues on a verb that modifies a noun or gives it a name.

* ``participle_cue``: a speech participle modifying a noun, with a clause of its own ("a
  letter arguing that ...", "an item suggesting that ...": the noun is the source);
* ``passive_naming_cue``: an agentless passive naming verb whose name is quoted ("the plan,
  which has been dubbed “a giveaway”"): no source.

Like the rules in ``_verb_cues``, each takes ``(doc, token, ctx, ...)`` and returns one
``Candidate`` or None; ``quotes.QuoteAttributor.find`` decides which tokens they are offered.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from wirewatch.pipeline._content_spans import (
    SECOND_CUE_CUT,
    content_span,
    second_cue,
)
from wirewatch.pipeline._cue_spans import (
    CHAINS,
    CUE_ADVERBS,
    PASSIVE_GROUP,
    adverbs_after,
    chain_start,
    group_start,
)
from wirewatch.pipeline._lexicons import cue_lemma, reporting_verbs
from wirewatch.pipeline._quote_context import (
    NOT_SOURCES,
    QUOTE_TOKENS,
    Candidate,
    CueLexicon,
    QuoteContext,
    overlaps,
)
from wirewatch.pipeline._source_spans import (
    after_dateline,
    cue_subject,
    noun_phrase,
)
from wirewatch.pipeline._verb_cues import ATTITUDE_VERBS, NESTED_DEPS, NO_NESTED_FRAMES

__all__ = [
    "PARTICIPLE_SOURCES",
    "NAMING_VERBS",
    "CHARACTERIZING_VERBS",
    "QUOTED_PASSIVE_NAMES",
    "passive_naming_cue",
    "participle_cue",
]

# Verbs that give their object a name or a character: Levin (1993) 29.3 dub verbs ("called
# it a hoax", "was dubbed “the bridge to nowhere”") and the 29.2 characterize verbs that
# take "as" ("was described as “reckless”", "is seen as “a bully”").
NAMING_VERBS = frozenset("call dub label name nickname term brand christen style".split())
CHARACTERIZING_VERBS = frozenset(
    "describe characterize characterise portray cast depict bill view regard see".split()
)

# "X was dubbed “A”": an agentless passive naming verb whose name is in quotation marks is a
# cue with no source (PolNeAR train: 12 of 16 gold cues; unquoted, "is called X", 1 of 19)
QUOTED_PASSIVE_NAMES = True
_BY = ("agent", "prep")

# "a letter arguing that ...", "voters saying they ...": a speech participle modifying a noun
# is a cue and the noun its source (PolNeAR train: 31 of 40 such participles with a clause of
# their own are gold cues; belief and perception verbs, "polls showing that ...", 4 of 11)
PARTICIPLE_SOURCES = True


def participle_cue(doc: Doc, v: Token, ctx: QuoteContext, lex: CueLexicon) -> Candidate | None:
    """A speech participle modifying a noun, with its own clause: "a memo arguing that A".

    PARC 3.0 and PolNeAR take the document or group that carries a message as its source
    ("a letter", "voters", "an item"; PolNeAR guidelines, "Sources": documents and groups
    count), and a reporting verb in "-ing" that modifies the noun (``acl``) as its cue; the
    content is the participle's clausal complement (``ccomp``, "that" included). Where the
    noun is what a verb's subject sends or speaks in ("sent a memo arguing that A", "shot
    back in a column stating that A"), the subject is the source and the cue runs from the
    verb (with its auxiliaries and adverbs) to the participle, as for ``support_noun_cue``;
    otherwise the source is the noun's phrase up to the participle and the cue the
    participle with the adverbs right after it. Only a reporting verb
    (``resources/reporting_verbs.txt``) counts; not taken: belief and perception verbs
    (``ATTITUDE_VERBS``: "polls showing that ...", evidence rather than a speech act), a
    comma-set participle ("Trump, saying ...": the subject's own ``verb_cue``) and a noun
    that is the object of a cue verb ("noted reports alleging A": the verb's content).

    Args:
        doc: the parsed document.
        v: a present participle (``VBG``, dependency ``acl``) whose cue lemma is a reporting
            verb.
        ctx: the per-document lookups.
        lex: the component's cue words.

    Returns:
        The candidate (kind ``modifier``; source, cue and content as character offsets), or
        None.
    """
    if v.dep_ != "acl" or v.tag_ != "VBG" or ctx.tok_region[v.i] >= 0 or v.i in ctx.foreign:
        return None
    noun = v.head
    if noun.i >= v.i or noun.pos_ not in ("NOUN", "PROPN") or ctx.tok_region[noun.i] >= 0:
        return None
    lemma = cue_lemma(v, reporting_verbs())
    if lemma not in reporting_verbs() or lemma in ATTITUDE_VERBS:
        return None
    if doc[v.left_edge.i - 1].text == ",":
        return None
    comps = [c for c in v.children if c.dep_ == "ccomp" and c.i > v.i]
    if not comps:
        return None
    cue_end = adverbs_after(doc, v, v.i + 1) if CUE_ADVERBS else v.i + 1
    host = noun.head if noun.dep_ == "dobj" else None
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ == "in":
        host = noun.head.head  # "shot back in a column stating ...": the column is the medium
    if host is not None and host.pos_ == "VERB" and host.i < noun.i:
        if cue_lemma(host, lex.known) in lex.known:
            return None  # "noted reports alleging A", "supported towns deciding": the host's
            # object is its own content
        subj, passive = cue_subject(host, ctx)
        if subj is None or passive or subj.lower_ in NOT_SOURCES or ctx.tok_region[subj.i] >= 0:
            return None
        subj = after_dateline(doc, subj)
        source = noun_phrase(doc, subj)
        cue_start = group_start(host, host.i)
        if CHAINS:
            cue_start = chain_start(doc, host, cue_start)
        head_i = subj.i
    else:
        lo = max(noun.left_edge.i, noun.sent.start)
        hi = v.left_edge.i - 1
        while hi > noun.i and (doc[hi].is_punct or doc[hi].is_space):
            hi -= 1
        if any(t.text in QUOTE_TOKENS or "\n" in t.text for t in doc[lo : hi + 1]):
            return None
        source = (doc[lo].idx, doc[hi].idx + len(doc[hi].text))
        cue_start, head_i = v.i, noun.i
    cue = (doc[cue_start].idx, doc[cue_end - 1].idx + len(doc[cue_end - 1].text))
    if overlaps(cue, source):
        return None
    toks = {t.i for c in comps for t in c.subtree}
    if SECOND_CUE_CUT:
        toks -= second_cue(doc, v, toks)
    content = content_span(doc, toks, [cue, source], ctx, v)
    if content is None or content[0] < cue[1]:
        return None
    return Candidate(content, cue, source, head_i, "modifier", 0.7)


def passive_naming_cue(doc: Doc, v: Token, ctx: QuoteContext) -> Candidate | None:
    """An agentless passive naming verb with a quoted name: "The plan was dubbed “a giveaway”".

    A naming or characterising verb (``NAMING_VERBS``; ``CHARACTERIZING_VERBS`` with "as")
    whose predicate holds a quotation reports someone's words with no source named (PolNeAR
    ``Attribution-no-source``). The content is the passive subject with the name (one span
    from the subject's start to the predicate's end, the cue inside it: "The plan ... “a
    giveaway”"); a relative subject ("what is called “a debate”") opens it. The cue is the
    verb group ("has been called", "was informally dubbed") with an "as" right after it
    ("is seen as"). An unquoted name ("a town called Ely", "is called the Senate") is
    no attribution and is not taken.

    Args:
        doc: the parsed document.
        v: a past participle (``VBN``).
        ctx: the per-document lookups.

    A "by" phrase the parser hung on the name ("was called “A” by X") is the source, and
    is cut from the content. Not taken inside a reported clause or a noun's modifier
    (``NO_NESTED_FRAMES``, as for ``frame_cue``).

    Returns:
        The candidate (kind ``passive``; source None or the "by" phrase; cue and content as
        character offsets, the cue recorded as skipped inside the content), or None.
    """
    lemma = v.lemma_.lower()
    if v.tag_ != "VBN" or ctx.tok_region[v.i] >= 0 or v.i in ctx.foreign:
        return None
    if lemma not in NAMING_VERBS and lemma not in CHARACTERIZING_VERBS:
        return None
    if NO_NESTED_FRAMES and v.dep_ in NESTED_DEPS:
        return None  # "X said the plan was dubbed “A”": inside a reported clause
    kids = list(v.children)
    subj = next((c for c in kids if c.dep_ == "nsubjpass" and c.i < v.i), None)
    if subj is None or not any(c.dep_ == "auxpass" for c in kids):
        return None
    if any(c.dep_ == "agent" for c in kids) or subj.lower_ in NOT_SOURCES:
        return None  # a "by" agent is ``passive_agent_cue``'s
    preds = [
        c
        for c in kids
        if c.i > v.i
        and (
            (c.dep_ == "prep" and c.lower_ == "as")
            or (lemma in NAMING_VERBS and c.dep_ in ("oprd", "attr", "xcomp", "ccomp", "dobj"))
        )
    ]
    if not preds:
        return None
    toks = {t.i for c in preds for t in c.subtree}
    if not any(ctx.tok_region[i] >= 0 for i in toks):
        return None  # the name is not quoted
    source, head = None, None
    by = next((doc[i] for i in sorted(toks) if doc[i].lower_ == "by" and doc[i].dep_ in _BY), None)
    if by is not None:  # "was called “A” by X": the parser hung the agent on the name
        toks -= {t.i for t in by.subtree}
        pobj = next((c for c in by.children if c.dep_ == "pobj"), None)
        if pobj is not None and ctx.tok_region[pobj.i] < 0:
            source, head = noun_phrase(doc, pobj), pobj.i
    lo = group_start(v, v.i, PASSIVE_GROUP)
    cue_end = adverbs_after(doc, v, v.i + 1) if CUE_ADVERBS else v.i + 1
    if cue_end < len(doc) and doc[cue_end].lower_ == "as" and doc[cue_end].head.i == v.i:
        cue_end += 1  # "is seen as" + “a bully”
    cue = (doc[lo].idx, doc[cue_end - 1].idx + len(doc[cue_end - 1].text))
    toks |= {t.i for t in subj.subtree}
    content = content_span(doc, toks, [], ctx, v)
    if content is None or not (content[0] < cue[0] and cue[1] < content[1]):
        return None
    if source is not None and overlaps(content, source):
        return None
    return Candidate(content, cue, source, head, "passive", 0.6, [cue])
