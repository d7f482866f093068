"""Nominal and adjective cues.

* ``adjective_cue``: an attitude adjective (``resources/cue_adjectives.txt``) predicated of a
  source with a complement: "X is confident that ...", "X was critical of Y", "X is eager to
  ..." (an infinitive only after adjectives of volition);
* ``noun_cue``: a cue noun (``resources/cue_nouns.txt``) with a possessive pronoun as source:
  "his claim that ...", "Her criticism of X ..." (the noun as subject or root, or after
  "in"/"with").

A cue noun as a support verb's object ("issued a statement saying") is ``_verb_cues``'.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from wirewatch.pipeline._content_spans import content_span
from wirewatch.pipeline._cue_spans import group_start
from wirewatch.pipeline._quote_context import NOT_SOURCES, Candidate, QuoteContext
from wirewatch.pipeline._source_spans import after_dateline, noun_phrase

__all__ = [
    "ADJ_CUES",
    "NOUN_CUES",
    "prep_content",
    "adjective_cue",
    "noun_cue",
    "noun_complement",
]

ADJ_CUES = True  # "She is confident that ...", "He was critical of X": an attitude adjective

# adjectives of volition take an infinitive content ("eager to run"); for the others an
# infinitive is raising or manner ("certain to rise", "happy to help"), not an attitude
_VOLITION_ADJS = frozenset({"eager", "keen", "determined", "reluctant", "adamant"})

_ADJ_PREPS = frozenset({"of", "about", "that", "to", "with", "over", "toward", "towards"})

NOUN_CUES = True  # "his claim that ...", "her criticism of X": a cue noun with its possessor

# the noun's own place in its clause: the subject or the root ("His concern is that ..."), or
# "in"/"with" ("in his view, ..."); as a verb's object it is that verb's content
_NOUN_CUE_DEPS = frozenset({"nsubj", "nsubjpass", "ROOT"})

# prepositions that join a cue noun to its content ("criticism of X", "support for X")
_NOUN_CUE_PREPS = frozenset({"of", "about", "on", "for", "against", "to", "over", "with"})

# a preposition's object naming when or where ("remarks on Tuesday") is not the content
_CIRCUMSTANCE_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})


def prep_content(prep: Token) -> set[int]:
    """Token indices of the object of a cue's preposition ("critical of the plan", "criticism
    of the plan" -> "the plan"); empty when the object is a time or place (a circumstance, not
    content) or missing."""
    objs = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]
    if not objs or any(g.ent_type_ in _CIRCUMSTANCE_ENTS for g in objs):
        return set()
    return {t.i for g in objs for t in g.subtree}


def adjective_cue(doc: Doc, adj: Token, ctx: QuoteContext) -> Candidate | None:
    """An attitude adjective predicated of a source: "She is confident that ...".

    The copula's subject is the source; the cue runs from the copula (with its auxiliaries,
    negation and adverbs) to the adjective, and takes a joining preposition ("was critical
    of"); the content is the adjective's that-clause or infinitive ("eager to run") or the
    preposition's object. PolNeAR's guidelines count an emotion only when it is the source's
    disposition toward a fact, so an adjective with no complement is not taken.
    """
    cop = adj.head
    if ctx.tok_region[adj.i] >= 0 or cop.lemma_.lower() not in ("be", "become", "remain"):
        return None
    subj = next((c for c in cop.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in NOT_SOURCES or subj.lower_ == "it":
        return None
    if ctx.tok_region[subj.i] >= 0 or subj.i > cop.i:
        return None
    cue_end = adj.i + 1
    toks: set[int] = set()
    for c in adj.children:
        if c.i <= adj.i:
            continue
        if c.dep_ == "ccomp" or (c.dep_ == "xcomp" and adj.lemma_.lower() in _VOLITION_ADJS):
            toks = {t.i for t in c.subtree}
            break
        if c.dep_ == "prep" and c.i == adj.i + 1 and c.lower_ in _ADJ_PREPS:
            toks = prep_content(c)
            cue_end = c.i + 1 if toks else cue_end
            break
    if not toks:
        return None
    start = cop.i
    start = group_start(cop, start)
    cue = (doc[start].idx, doc[cue_end - 1].idx + len(doc[cue_end - 1].text))
    subj = after_dateline(doc, subj)
    source = noun_phrase(doc, subj)
    content = content_span(doc, toks, [cue, source], ctx, adj)
    if content is None or content[0] < cue[1]:
        return None
    return Candidate(content, cue, source, subj.i, "adjective", 0.6)


def noun_cue(doc: Doc, n: Token, ctx: QuoteContext) -> Candidate | None:
    """A cue noun whose source is a possessive pronoun: "his claim that", "her criticism of X".

    PolNeAR's guidelines ("Nouns as cues") take the possessor as the source and the noun,
    with the modifiers between possessor and noun, as the cue ("his previous criticisms of");
    the content is the noun's clause ("that ...", "to ...", the "that" or "to" included) or
    the object of a preposition right after it, the preposition joining the cue ("criticism
    of" + "the plan"). Only a possessive pronoun is taken as the source: a named possessor
    may own an artifact rather than voice it ("The president's report indicated", which the
    guidelines discuss as ambiguous; on PolNeAR train named possessors gave 27 true cues
    and 36 false ones). The noun must be its clause's subject or root, or the object of
    "in"/"with" ("in his view"): as a verb's object it is that verb's content.

    Args:
        doc: the parsed document.
        n: a noun whose lemma is in ``resources/cue_nouns.txt``.
        ctx: the per-document lookups.

    Returns:
        The candidate (source: the pronoun; cue; content, as character offsets), or None.
    """
    if ctx.tok_region[n.i] >= 0 or n.i in ctx.foreign:
        return None
    if not (
        n.dep_ in _NOUN_CUE_DEPS
        or (n.dep_ == "pobj" and n.head.lower_ in ("in", "with") and n.head.head.pos_ != "NOUN")
    ):
        return None  # "defended his criticism of X": the governing verb's content
    poss = next((c for c in n.children if c.dep_ == "poss" and c.i < n.i), None)
    if poss is None or poss.tag_ != "PRP$":
        return None  # "the senator's report": a named possessor may be the artifact's owner
    if poss.lower_ in NOT_SOURCES or poss.lower_ in ("its", "whose"):
        return None
    toks, cue_end = noun_complement(n)
    if not toks:
        return None
    cue = (doc[poss.right_edge.i + 1].idx, doc[cue_end - 1].idx + len(doc[cue_end - 1].text))
    source = noun_phrase(doc, poss, appositive=False)
    content = content_span(doc, toks, [cue, source], ctx, n)
    if content is None or content[0] < cue[1]:
        return None
    return Candidate(content, cue, source, poss.i, "noun", 0.6)


def noun_complement(n: Token) -> tuple[set[int], int]:
    """``(content token indices, cue end index)`` of cue noun ``n``'s complement.

    The noun's "that"/"to" clause ("claim that ...", "refusal to ..."), else the object of a
    preposition right after it ("criticism of X"), the preposition joining the cue (the cue
    end index, exclusive, is then one past it). Empty when there is neither.
    """
    cue_end = n.i + 1
    toks: set[int] = set()
    for c in n.children:
        if c.i <= n.i:
            continue
        if c.dep_ in ("acl", "ccomp") and any(
            k.dep_ in ("mark", "aux") and k.lower_ in ("that", "to") and k.i < c.i
            for k in c.children
        ):
            toks = {t.i for t in c.subtree}
            break
        if c.dep_ == "prep" and c.i == n.i + 1 and c.lower_ in _NOUN_CUE_PREPS:
            toks = prep_content(c)
            cue_end = c.i + 1 if toks else cue_end
            break
    return toks, cue_end
