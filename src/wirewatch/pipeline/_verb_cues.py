"""Verb cues: a reporting or stance verb with its source and content.

* ``verb_cue``: a reporting verb with a clausal complement ("X says (that) ...", "..., he said",
  inverted "..., said X"), inserted in its content ("... , he says, ...", "argued X, “...”"),
  next to a quotation it does not govern ("X said: “...”"), or whose object holds a quotation
  ("reiterated X's “full support ...”"); "A, as X said";
* ``frame_cue``: a cue frame other than a reported clause (``_frames``: "declined to comment",
  "endorsed X", "blasted X for Y"), not inside a reported clause or a noun's modifier;
* ``relative_object_cue``: a naming cue whose object is a relative pronoun ("a school, which the
  mayor described as “...”");
* ``passive_agent_cue``: a passive cue with a "by" agent ("The plan was criticized by X");
* ``support_noun_cue``: a support verb with a cue noun as object ("issued a statement saying
  ...", "made the case that ...", "harbors doubts about X");
* ``put_it_cue``: "put it" as a verb of saying ("As X put it, A", "X put it bluntly: “A”").

Cues on a verb that modifies a noun or names it (participles, agentless naming passives) are in
``_modifier_cues``.

Every rule takes ``(doc, token, ctx, ...)`` and returns one ``Candidate`` or None; the
component (``quotes.QuoteAttributor.find``) decides which rules a token is offered to. Not taken
as cues: a belief, perception or desire verb heading the clause reported by another cue ("said
he believes ...": ``reported_inside``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from wirewatch.pipeline._content_spans import (
    AS_CLAUSE,
    INSERTED_SPAN,
    SECOND_CUE_CUT,
    TRIM_ASIDES,
    as_clause,
    clausal_side,
    content_span,
    fronted_content,
    inserted_content,
    inserted_tail,
    own_clauses,
    relative_clause_end,
    relative_object,
    reported_question,
    second_cue,
    trailing_asides,
)
from wirewatch.pipeline._cue_spans import (
    CHAINS,
    CUE_ADVERBS,
    CUE_AUX,
    PASSIVE_GROUP,
    adverbs_after,
    chain_start,
    group_start,
)
from wirewatch.pipeline._direct_quotes import adjacent_quote, object_quote
from wirewatch.pipeline._frames import frame_spans
from wirewatch.pipeline._lexicons import cue_lemma, cue_nouns
from wirewatch.pipeline._nominal_cues import prep_content
from wirewatch.pipeline._parse_repairs import (
    coordinated_that_clause,
    object_as_subject,
    shifted_conjuncts,
)
from wirewatch.pipeline._quote_context import (
    NOT_SOURCES,
    Candidate,
    CueLexicon,
    QuoteContext,
    overlaps,
)
from wirewatch.pipeline._quote_joins import JOIN_QUOTE_PIECES, following_quote, join_quote_pieces
from wirewatch.pipeline._source_spans import (
    after_dateline,
    cue_subject,
    noun_phrase,
    relative_source,
)
from wirewatch.pipeline._speakers import PRONOUNS

__all__ = [
    "ATTITUDE_VERBS",
    "SUPPORT_VERBS",
    "ATTITUDE_OBJECTS",
    "ATTITUDE_NOUNS",
    "HOLDING_VERBS",
    "PUT_IT",
    "SUPPORT_NOUNS",
    "RELATIVE_OBJECT",
    "NO_NESTED_FRAMES",
    "NESTED_DEPS",
    "PASSIVE_AGENT",
    "reported_inside",
    "verb_cue",
    "support_noun_cue",
    "relative_object_cue",
    "frame_cue",
    "passive_agent_cue",
    "put_it_cue",
]

# Verbs of belief, perception and desire (Levin 1993 classes 29.4-29.5, 30.1, 32.1): in a clause
# reported by another cue ("X said he believes Y") PolNeAR marks the outer cue only.
ATTITUDE_VERBS = frozenset(
    "believe think feel know want hope wish expect see find show suppose assume doubt fear "
    "guess imagine reckon suspect understand realize consider".split()
)

PUT_IT = True  # "As X put it, A", "X put it this way: “A”": "put it" is a verb of saying

SUPPORT_NOUNS = True  # "issued a statement saying ...", "made the case that ...": one cue

# support ("light") verbs that turn a cue noun into a predicate: the noun carries the meaning,
# the verb the tense and the subject (Jespersen 1942; NomBank's "support" relation, Meyers et
# al. 2004): "issued a statement", "made the case", "raised concerns", "expressed hope"
SUPPORT_VERBS = frozenset(
    "issue release put make give express voice raise offer deliver post".split()
)

# "make the case that ...": argue (an idiom of the support verb "make", not a NomBank noun)
_SUPPORT_EXTRA_NOUNS = frozenset({"case"})

ATTITUDE_OBJECTS = True  # "harbors doubt about X", "has concerns that ...": an attitude held

# nouns of belief and attitude (from the belief-and-attitude block of resources/cue_nouns.txt:
# nominalizations of Levin's 1993 verbs of conjecture 29.5 "believe, doubt", psych verbs 31.2
# "fear" and longing 32.2 "hope", and "concern"), which a verb of holding or voicing turns
# into the source's attitude toward what the preposition after it names
ATTITUDE_NOUNS = frozenset("belief concern doubt fear hope".split())

# support verbs of holding an attitude, used with ATTITUDE_NOUNS only (NomBank's support
# relation, Meyers et al. 2004; the Oxford Collocations Dictionary's verbs for "doubt",
# "fear", "hope": "have/harbour/hold/share ~")
HOLDING_VERBS = frozenset("have hold harbor harbour share".split())

# prepositions joining an attitude noun to what it is about: "doubt about X", "concern over
# X", "fear of X", "hope for X" (general English usage; PolNeAR puts the preposition in the
# cue: "voiced concerns about" + "X")
_ATTITUDE_PREPS = frozenset({"about", "over", "of", "for"})

RELATIVE_OBJECT = True  # "a school, which X described as Y": content from the pronoun on

NO_NESTED_FRAMES = True  # no frame cue inside a clausal complement or a noun's modifier

NESTED_DEPS = ("ccomp", "acl")

PASSIVE_AGENT = True  # "The plan was criticized by X": the agent is the source

RELATIVE_FRAME_SOURCE = True  # "a party that claimed to win": "that" is the frame's source


def reported_inside(v: Token, lex: CueLexicon) -> bool:
    """Whether verb ``v`` heads the clause reported by a reporting verb before it.

    "Aides said he believes the race is close": the belief is part of what was said, and
    PolNeAR annotates the outer cue only. True when ``v`` is the ``ccomp`` of an earlier
    reporting verb (``resources/reporting_verbs.txt`` or a clausal cue frame).
    """
    h = v.head
    return v.dep_ == "ccomp" and h.i < v.i and cue_lemma(h, lex.verbs) in lex.verbs


def verb_cue(
    doc: Doc, v: Token, ctx: QuoteContext, lex: CueLexicon, ext_at: dict[int, int]
) -> Candidate | None:
    """A reporting verb with its source and content: "X said A", "A, he said", "X said: “A”".

    The source is the verb's subject (``_source_spans.cue_subject``; none for an agentless
    passive, "it is said that ..."). The cue is the verb with its particle, a cue extension
    ("said in a statement"), the adverbs after it, its verb group and the attempt or aspect
    verb governing it (``_cue_spans``). The content is tried in this order: the clausal
    complement (``ccomp``, an inquire verb's "if"/"whether" clause, or a say verb's object
    the parser took for its clause's subject: ``_parse_repairs.object_as_subject``) with its
    boundaries (``_content_spans``) and any backshifted conjunct the parser hung on a
    present-tense cue (``_parse_repairs.shifted_conjuncts``); "A, as X said"; a quotation
    the verb's object holds; the clause the cue is inserted in ("A, she said, B"); a
    quotation right after or before the frame (``_direct_quotes.adjacent_quote``). A
    quotation going on after the frame joins the content (``_quote_joins``).

    Args:
        doc: the parsed document.
        v: a token whose cue lemma is in ``lex.verbs``.
        ctx: the per-document lookups.
        lex: the component's cue words.
        ext_at: token index -> end index (exclusive) of a cue extension starting there.

    Returns:
        The candidate (kind ``verb``, ``inserted``, ``as`` or ``adjacent``; source, cue and
        content as character offsets), or None when ``v`` stands in a quotation, has no source
        or no content.
    """
    if ctx.tok_region[v.i] >= 0:
        return None  # a cue inside a quotation belongs to the quoted speaker
    subj, passive = cue_subject(v, ctx)
    if subj is None and not passive:
        return None
    if subj is not None and (subj.lower_ in NOT_SOURCES or ctx.tok_region[subj.i] >= 0):
        return None
    cue_end = v.i + 1
    if cue_end < len(doc) and doc[cue_end].dep_ == "prt" and doc[cue_end].head.i == v.i:
        cue_end += 1  # "pointed out", "laid out": the particle is part of the verb
    cue_end = ext_at.get(cue_end, cue_end)
    if CUE_ADVERBS:
        cue_end = adverbs_after(doc, v, cue_end)
    cue_start = v.i
    if CUE_AUX:
        # "has said", "does not think", "also said": auxiliaries, negation and adverbs
        # standing right before the verb belong to the cue (PolNeAR)
        cue_start = group_start(v, cue_start)
    if CHAINS:
        cue_start = chain_start(doc, v, cue_start)
    cue = (doc[cue_start].idx, doc[cue_end - 1].idx + len(doc[cue_end - 1].text))
    if subj is not None:
        subj = after_dateline(doc, subj)
    relcl = subj is not None and v.dep_ == "relcl" and subj.i == v.head.i
    source = noun_phrase(doc, subj, appositive=not relcl) if subj is not None else None
    source, name_span = relative_source(doc, v, source, relcl)
    avoid = [cue] + ([source] if source else [])
    comps = [
        c
        for c in v.children
        if c.dep_ == "ccomp" and c.i >= cue_end or (c.dep_ == "ccomp" and c.i < v.i)
    ]
    if not comps:
        comps = reported_question(v, cue_end)
    if not comps:  # "says the elite that ran it may be gone": the object is the clause's subject
        comps = object_as_subject(v, cue_end, lex.verbs)
    kind = "verb"
    skip: list[tuple[int, int]] = []
    content = None
    if comps:
        toks = {t.i for c in comps for t in c.subtree}
        toks |= shifted_conjuncts(v, comps, cue_end)
        toks |= coordinated_that_clause(v, comps)
        if INSERTED_SPAN and all(c.i < v.i for c in comps):
            toks |= inserted_tail(doc, v, comps, lex)
        elif INSERTED_SPAN and subj is not None and all(c.i > v.i for c in comps):
            toks |= fronted_content(doc, v, subj, comps)
        frame = [v.i] + ([subj.i] if subj is not None else [])
        toks = clausal_side(doc, toks, min(frame), max(frame))
        toks -= own_clauses(doc, comps)
        if SECOND_CUE_CUT:
            toks -= second_cue(doc, v, toks)
        if TRIM_ASIDES:
            toks -= trailing_asides(doc, toks, v)
            toks -= relative_clause_end(doc, v, toks)
        content = content_span(doc, toks, avoid, ctx, v)
        if content is not None and content[0] < cue[0] and cue[1] < content[1]:
            skip = [(min(a[0] for a in avoid), max(a[1] for a in avoid))]
            kind = "inserted"
    if content is None and subj is not None and AS_CLAUSE:
        content = as_clause(doc, v, avoid, ctx)
        kind = "as" if content else kind
    if content is None and subj is not None:
        content = object_quote(doc, v, avoid, ctx)
        if content is None:
            content, skip = inserted_content(doc, v, subj, avoid, ctx)
            kind = "inserted" if content else kind
        if content is None:
            content = adjacent_quote(doc, v, subj, cue_end, ctx)
            kind = "adjacent" if content else kind
    if content is None:
        return None
    pron = relative_object(v, subj) if subj is not None and not skip else None
    if pron is not None and cue[1] <= content[0] and not ctx.text[cue[1] : content[0]].strip():
        # "which he called “a cartel”": the relative pronoun opens the content
        skip = [(min(a[0] for a in avoid), max(a[1] for a in avoid))]
        content = (pron.idx, content[1])
    if any(overlaps(content, a) for a in avoid) and not skip:
        return None
    if content[1] <= cue[0] and not skip:
        follow = following_quote(doc, v, content, ctx)
        if follow is not None:
            skip = [(content[1], follow.start)]
            content = (content[0], follow.end)
    if not skip and JOIN_QUOTE_PIECES:
        content, skip = join_quote_pieces(doc, v, subj, content, cue, ctx)
    conf = 0.85 if kind == "verb" else 0.8
    if passive:
        conf = 0.6
    elif subj is not None and subj.lower_ in PRONOUNS:
        conf -= 0.1
    return Candidate(
        content,
        cue,
        source,
        subj.i if subj is not None else None,
        kind,
        conf,
        skip,
        name_span=name_span,
    )


def support_noun_cue(doc: Doc, v: Token, ctx: QuoteContext, lex: CueLexicon) -> Candidate | None:
    """A support verb with a cue noun as its object: "X issued a statement saying Y".

    PolNeAR's guidelines ask for the sentient source and put the act or artifact of
    expression in the cue ("She issued a statement indicating that ...", "He raised the
    concern that ..."; one contiguous cue). The cue runs from the support verb (with its
    auxiliaries, negation and adverbs) over its object, a cue noun of
    ``resources/cue_nouns.txt`` or "case" ("made the case"), to what joins the content:
    a reporting participle ("issued a statement saying", whose clause is the content) or
    nothing (the noun's "that" clause, "that" included, is the content: "made the case
    that ..."). A noun with a prepositional object ("raised questions about X", "issued a
    statement on X") is left to the verb's own frame: on PolNeAR train joining the
    preposition to the cue gave 57 exact cues and lost 69. An attitude noun
    (``ATTITUDE_NOUNS``: "doubt", "concern", "fear", "hope" ...) is the exception: it is held
    or voiced toward what its preposition names, and PolNeAR's cue takes the preposition
    ("voiced concerns about" + "X", "had no doubts about" + "X"); it is also the one kind of
    object the verbs of holding an attitude (``HOLDING_VERBS``: "has/holds/harbors/shares
    doubts ...") take as a cue.

    Args:
        doc: the parsed document.
        v: a verb whose lemma is a support verb (``SUPPORT_VERBS``) or a verb of holding
            (``HOLDING_VERBS``).
        ctx: the per-document lookups.

    Returns:
        The candidate (source: the verb's subject; cue; content), or None when ``v`` has no
        cue-noun object with a complement.
    """
    if ctx.tok_region[v.i] >= 0 or v.i in ctx.foreign:
        return None
    k = v.i + 1
    if k < len(doc) and doc[k].dep_ == "prt" and doc[k].head.i == v.i:
        k += 1  # "put out a statement"
    obj = next((c for c in v.children if c.dep_ == "dobj" and c.i >= k), None)
    if obj is None or ctx.tok_region[obj.i] >= 0:
        return None
    if obj.pos_ != "NOUN" and not (obj.tag_ in ("VB", "VBP") and obj.lemma_ in ATTITUDE_NOUNS):
        return None  # ("harbors doubt": the tagger may read the object noun as a verb)
    noun = obj.lemma_.lower()
    attitude = ATTITUDE_OBJECTS and noun in ATTITUDE_NOUNS
    if v.lemma_.lower() in HOLDING_VERBS and not attitude:
        return None  # "has a statement": holding verbs take attitude nouns only
    if noun not in cue_nouns() and noun not in _SUPPORT_EXTRA_NOUNS:
        return None
    if any(t.is_punct or t.pos_ in ("VERB", "AUX") for t in doc[k : obj.i]):
        return None  # the object's left side is its determiner and modifiers only
    subj, passive = cue_subject(v, ctx)
    if subj is None or passive or subj.lower_ in NOT_SOURCES or ctx.tok_region[subj.i] >= 0:
        return None
    if subj.lower_ == "it":
        return None  # "It sends a message that ...": a fact, not a sentient source
    toks: set[int] = set()
    cue_end = obj.i + 1
    for c in obj.children:
        if c.i <= obj.i:
            continue
        if c.dep_ == "acl" and c.tag_ == "VBG" and c.i == obj.i + 1:
            if cue_lemma(c, lex.verbs) not in lex.verbs:
                return None
            if not any(g.dep_ in ("ccomp", "dobj") and g.i > c.i for g in c.children):
                return None
            # "calling the test “a clear violation”": the object with its predicate
            toks = {t.i for t in c.subtree if t.i > c.i}
            cue_end = c.i + 1
        elif c.dep_ in ("acl", "ccomp") and any(
            g.dep_ == "mark" and g.lower_ == "that" and g.i == c.left_edge.i for g in c.children
        ):
            toks = {t.i for t in c.subtree}
        elif attitude and c.dep_ == "prep" and c.i == obj.i + 1 and c.lower_ in _ATTITUDE_PREPS:
            toks = prep_content(c)  # "harbors doubt about" + "its influence"
            cue_end = c.i + 1
        else:
            continue
        break
    if not toks:
        return None
    cue_start = v.i
    cue_start = group_start(v, cue_start)
    if CHAINS:  # "tried to make the case that"
        cue_start = chain_start(doc, v, cue_start)
    cue = (doc[cue_start].idx, doc[cue_end - 1].idx + len(doc[cue_end - 1].text))
    subj = after_dateline(doc, subj)
    relcl = v.dep_ == "relcl" and subj.i == v.head.i
    source = noun_phrase(doc, subj, appositive=not relcl)
    content = content_span(doc, toks, [cue, source], ctx, v)
    if content is None or content[0] < cue[1]:
        return None
    rel_source, name_span = relative_source(doc, v, source, relcl)
    return Candidate(content, cue, rel_source, subj.i, "verb", 0.8, name_span=name_span)


def relative_object_cue(
    doc: Doc, v: Token, lemma: str, ctx: QuoteContext, lex: CueLexicon
) -> Candidate | None:
    """A naming cue whose object is a relative pronoun: "a school, which X described as Y".

    For a cue that predicates something of its object ("called X Y", "described X as Y"),
    a relative clause fronts the object as "who"/"whom"/"which"/"what"/"that". PolNeAR's
    guidelines ("Relative pronouns") keep the relative pronoun in the content and leave its
    antecedent out, so the content runs from the pronoun to the end of the predicate, with
    the clause's subject (the source) and the cue inside it: "which the mayor described as
    “a fine school”" (source "the mayor", cue "described").

    Args:
        doc: the parsed document.
        v: a verb whose lemma has an object frame (``dobj``) in the frame table.
        lemma: its cue lemma.
        ctx: the per-document lookups.

    Returns:
        The candidate (source, cue and content as character offsets; the source-and-cue
        stretch recorded as skipped inside the content), or None.
    """
    if "dobj" not in lex.frames.get(lemma, {}) or ctx.tok_region[v.i] >= 0:
        return None
    pron = next(
        (
            c
            for c in v.children
            if c.dep_ == "dobj" and c.i < v.i and c.lower_ in ("who", "whom", "which")
        ),
        None,
    )
    subj = next((c for c in v.children if c.dep_ == "nsubj" and c.i < v.i), None)
    if pron is None or subj is None or not pron.i < subj.i:
        return None
    if subj.lower_ in NOT_SOURCES or subj.tag_ in ("WP", "WDT") or ctx.tok_region[subj.i] >= 0:
        return None
    preds = [
        c
        for c in v.children
        if c.i > v.i
        and (
            c.dep_ in ("oprd", "xcomp", "ccomp", "attr", "acomp")
            or (c.dep_ == "prep" and c.lower_ == "as")
        )
    ]
    if not preds:
        return None
    start = v.i
    start = group_start(v, start)
    cue = (doc[start].idx, v.idx + len(v.text))
    source = noun_phrase(doc, subj, appositive=False)
    toks = {pron.i} | {t.i for c in preds for t in c.subtree}
    toks |= set(range(pron.i, max(toks) + 1))
    if TRIM_ASIDES:
        toks -= relative_clause_end(doc, v, toks)
    content = content_span(doc, toks, [], ctx, v)
    if content is None or not (content[0] < source[0] and cue[1] < content[1]):
        return None
    return Candidate(content, cue, source, subj.i, "frame", 0.79, [(source[0], cue[1])])


def frame_cue(doc: Doc, v: Token, ctx: QuoteContext, lex: CueLexicon) -> Candidate | None:
    """A cue frame other than a reported clause: "declined to comment", "endorsed X".

    In a relative clause the source is the relative pronoun and its antecedent names it
    ("a party that has claimed to speak for farmers": source "that", named "a party"; PolNeAR
    guidelines, "Relative pronouns"), as for ``verb_cue``. Returns the candidate (kind
    ``frame``; source, cue and content as character offsets) or None.
    """
    if ctx.tok_region[v.i] >= 0 or v.i in ctx.foreign or v.dep_ == "xcomp":
        return None  # "declined to comment on X": the infinitive is content, not a cue
    if NO_NESTED_FRAMES and v.dep_ in NESTED_DEPS and ctx.para_of(v.head.idx) == ctx.para_of(v.idx):
        # "X said Y attacked Z", "a tweet attacking Z": a stance inside a reported clause or a
        # noun's modifier is rarely annotated on its own
        return None
    table = lex.frames[cue_lemma(v, lex.frames)]
    best = None
    for rel, toks, cue_end in frame_spans(v):
        f = table.get(rel)
        if f is None or rel == "ccomp":
            continue
        # on a tie the object with its reason phrase wins ("blasted X for Y")
        if best is None or f.confidence > best[0] or (f.confidence == best[0] and rel == "dobj_pp"):
            best = (f.confidence, toks, cue_end)
    if best is None:
        return None
    conf, toks, cue_end = best
    subj, passive = cue_subject(v, ctx)
    if subj is None or passive:
        return None
    if subj.lower_ in NOT_SOURCES or ctx.tok_region[subj.i] >= 0:
        return None
    subj = after_dateline(doc, subj)
    cue_start = v.i
    cue_start = group_start(v, cue_start)
    cue = (doc[cue_start].idx, doc[cue_end - 1].idx + len(doc[cue_end - 1].text))
    relcl = v.dep_ == "relcl" and subj.i == v.head.i
    source = noun_phrase(doc, subj, appositive=not relcl)
    # "a country that has claimed to be neutral": the source is "that", named by its
    # antecedent, whose phrase holds the cue and content (so it is no span to avoid)
    rel_source, name_span = relative_source(doc, v, source, relcl)
    avoid = [cue] + ([rel_source] if rel_source is not None else [])
    if not RELATIVE_FRAME_SOURCE:
        avoid = [cue, source]
    if TRIM_ASIDES:
        toks = toks - trailing_asides(doc, toks, v)
    content = content_span(doc, toks, avoid, ctx, v)
    if content is None or any(overlaps(content, a) for a in avoid):
        return None
    return Candidate(
        content, cue, rel_source, subj.i, "frame", min(conf, 0.79), name_span=name_span
    )


def passive_agent_cue(
    doc: Doc, v: Token, lemma: str, ctx: QuoteContext, lex: CueLexicon
) -> Candidate | None:
    """A passive cue with its source in a "by" phrase: "The plan was criticized by X".

    For a cue whose active form takes its content as the object ("X criticized the plan",
    "X reported the move"), the passive subject is the content and the agent the source
    (PolNeAR guidelines, "Beware passive constructions": "the source is found to be a
    prepositional phrase dependent on a verbal cue"). The cue is the verb with its
    auxiliaries, negation and adverbs ("has been sharply criticized").

    Args:
        doc: the parsed document.
        v: a past participle.
        lemma: its cue lemma (``cue_lemma``).
        ctx: the per-document lookups.

    Returns:
        The candidate (source: the agent's noun phrase; cue; content: the passive subject),
        or None when ``v`` is not a passive with a "by" agent or takes no object content.
    """
    frames = lex.frames.get(lemma, {})
    if not ({"dobj", "dobj_pp"} & set(frames)) or ctx.tok_region[v.i] >= 0:
        return None
    if v.dep_ in ("relcl", "acl") or v.i in ctx.foreign:
        return None  # "the plan, which was ...": the relative pronoun is no content
    kids = list(v.children)
    subj = next((c for c in kids if c.dep_ == "nsubjpass" and c.i < v.i), None)
    agent = next((c for c in kids if c.dep_ == "agent" and c.i > v.i), None)
    if subj is None or agent is None or not any(c.dep_ == "auxpass" for c in kids):
        return None
    if subj.lower_ in NOT_SOURCES or subj.tag_ in ("WP", "WDT"):
        return None
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
    if pobj is None or ctx.tok_region[pobj.i] >= 0:
        return None
    lo = v.i
    lo = group_start(v, lo, PASSIVE_GROUP)
    cue = (doc[lo].idx, v.idx + len(v.text))
    source = noun_phrase(doc, pobj)
    content = content_span(doc, {t.i for t in subj.subtree}, [cue, source], ctx, v)
    if content is None or content[1] > cue[0]:
        return None
    return Candidate(content, cue, source, pobj.i, "passive", 0.6)


def put_it_cue(doc: Doc, v: Token, ctx: QuoteContext) -> Candidate | None:
    """ "put it" as a verb of saying: "As X put it, A", "X put it bluntly: “A”".

    "put" with the object "it" means "express in words" (general English usage: Cambridge
    and Merriam-Webster, "put: to express in words"); PolNeAR marks "put it" as the cue
    ("As Professor X put it: “...”"). The cue is the verb group with "it" and the adverbs
    after it ("put it bluntly"); the content is the clause an "as" cue hangs on ("As X put
    it, A": A) or the quotation after it ("put it: “A”").

    Args:
        doc: the parsed document.
        v: a token whose lemma is "put".
        ctx: the per-document lookups.

    Returns:
        The candidate (source: the subject; cue; content), or None when ``v`` is not "put it"
        with an "as" clause or a following quotation.
    """
    if ctx.tok_region[v.i] >= 0 or v.i + 1 >= len(doc):
        return None
    it = doc[v.i + 1]
    if it.lower_ != "it" or it.head.i != v.i or it.dep_ not in ("dobj", "nsubj"):
        return None
    subj = next((c for c in v.children if c.dep_ == "nsubj" and c.i < v.i), None)
    if subj is None or subj.lower_ in NOT_SOURCES or ctx.tok_region[subj.i] >= 0:
        return None
    cue_end = adverbs_after(doc, v, it.i + 1)
    cue_start = v.i
    cue_start = group_start(v, cue_start)
    cue = (doc[cue_start].idx, doc[cue_end - 1].idx + len(doc[cue_end - 1].text))
    source = noun_phrase(doc, subj)
    avoid = [cue, source]
    content = as_clause(doc, v, avoid, ctx, allow_object=True)
    if content is None:
        k = cue_end
        while k < len(doc) and (doc[k].text in (":", ",") or doc[k].is_space):
            k += 1
        r = ctx.region_starting_at(doc[k]) if k < len(doc) else None
        if r is None or ctx.para_of(r.start) != ctx.para_of(v.idx):
            return None
        content = (r.start, r.end)
    if any(overlaps(content, a) for a in avoid):
        return None
    return Candidate(content, cue, source, subj.i, "verb", 0.8)
