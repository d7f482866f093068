"""Content boundaries: where a reported clause starts and ends.

Span boundaries follow the PolNeAR guidelines: a content is the hull of its clause's tokens,
trimmed of edge punctuation, kept inside the cue's paragraph and widened to whole quotation
regions (``content_span``); a relative pronoun before the frame is content ("which he said
was ..."), its antecedent is not (``clausal_side``); a clause coordinated after a comma with a
subject of its own is the writer's (``own_clauses``), as are a comma-set participle or
"which" clause at the end (``trailing_asides``) and a comma-set phrase after a relative clause
the cue heads (``relative_clause_end``); a subordinate clause before an inserted frame is
content ("Although A, she said, B": ``inserted_content``, ``inserted_tail``), and so is the
fronted part of a content whose inserted frame the parser made its head ("The budget, she
told reporters, will pass": ``fronted_content``); a relative pronoun that is the cue's object
opens the content ("which he called “...”": ``relative_object``); a sourceless cue's content
starts at the clause subject (``clause_content``); a second speech act coordinated with the cue
is not content ("said A and warned B": ``second_cue``); a reported question keeps its question
mark, and an inquire verb's "if"/"whether" clause is its content
(``reported_question``); "A, as X said" takes the clause the "as" cue hangs on (``as_clause``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from wirewatch.pipeline._quote_context import QUOTE_TOKENS, CueLexicon, QuoteContext, overlaps

__all__ = [
    "KEEP_QUESTION_MARK",
    "TRIM_ASIDES",
    "INSERTED_SPAN",
    "SECOND_CUE_CUT",
    "AS_CLAUSE",
    "CLAUSE_FROM_SUBJECT",
    "content_span",
    "clausal_side",
    "own_clauses",
    "trailing_asides",
    "relative_clause_end",
    "relative_object",
    "clause_content",
    "reported_question",
    "second_cue",
    "inserted_tail",
    "fronted_content",
    "inserted_content",
    "as_clause",
]

KEEP_QUESTION_MARK = True  # a question is reported with its question mark (PolNeAR)

TRIM_ASIDES = True  # cut the writer's comma-set additions off a reported clause

INSERTED_SPAN = True  # "Although A, she said, B": A and B are the content

SECOND_CUE_CUT = True  # "X said A and warned B": the content is A

AS_CLAUSE = True  # "A, as X said": the clause the "as" cue hangs on is the content

CLAUSE_FROM_SUBJECT = True  # a sourceless cue's content starts at the clause subject

IF_QUESTIONS = True  # "asked X if A": an inquire verb's if/whether clause is its content

# Levin (1993) 37.1 "inquire" verbs: the question they report is an if/whether clause
_INQUIRE_VERBS = frozenset({"ask", "inquire", "enquire", "query", "question", "wonder"})

# Levin (1993) verb classes 37.7 (say verbs) and 37.9 (advise verbs)
_SAY_VERBS = frozenset(
    "announce articulate blurt claim confess confide convey declare mention note observe "
    "proclaim propose recount reiterate relate remark repeat report reveal say state suggest "
    "admonish advise alert caution counsel instruct warn".split()
)


def content_span(
    doc: Doc,
    toks: set[int],
    avoid: list[tuple[int, int]],
    ctx: QuoteContext,
    anchor: Token | None = None,
) -> tuple[int, int] | None:
    """Hull of ``toks`` trimmed of edge punctuation, widened to whole quotation regions.

    Tokens outside the paragraph of ``anchor`` (the cue) are dropped first: a clause never
    runs over a paragraph break, only a quotation does (and it comes back by the widening).
    """
    toks = toks - ctx.foreign
    if anchor is not None:
        para = ctx.para_of(anchor.idx)
        lo_c, hi_c = ctx.paras[para]
        toks = {i for i in toks if lo_c <= doc[i].idx < hi_c}
    idx = sorted(toks)

    def junk(t: Token) -> bool:
        return t.is_space or (t.is_punct and t.text not in QUOTE_TOKENS)

    a, b = 0, len(idx) - 1
    while a <= b and (junk(doc[idx[a]]) or doc[idx[a]].dep_ == "cc"):
        a += 1
    while b >= a and (junk(doc[idx[b]]) or doc[idx[b]].dep_ == "cc"):
        b -= 1
    if a > b:
        return None
    lo, hi = idx[a], idx[b]
    s, e = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
    if KEEP_QUESTION_MARK and hi + 1 < len(doc) and doc[hi + 1].text == "?":
        # a reported question keeps its mark ("She wondered, would there be any
        # retribution?"); a question of the writer's about a report does not ("Did he
        # ask to see the files?")
        first = doc[lo]
        inverted = first.pos_ == "AUX" or (
            first.tag_ in ("WRB", "WP", "WDT") and lo + 1 < len(doc) and doc[lo + 1].pos_ == "AUX"
        )
        if inverted:
            e = doc[hi + 1].idx + 1
    for r in ctx.regions_overlapping(s, e):
        if any(overlaps((r.start, r.end), a) for a in avoid):
            continue
        s, e = min(s, r.start), max(e, r.end)
    return s, e


# Quirk et al. (1985, 8.51-8.57): adverbs of time position and relationship, which date an
# event (here the speech act an inserted frame reports) rather than qualify a proposition
_TIME_ADVERBS = frozenset(
    "later earlier then afterwards afterward subsequently previously recently again "
    "yesterday today tonight".split()
)


def _time_adverbial(doc: Doc, left: set[int]) -> bool:
    """Whether the tokens ``left`` (before an inserted frame) are a verbless time adverbial:
    "Later", "On Monday", "Last week" (a time adverb, or a DATE/TIME entity in the phrase)."""
    words = [doc[i] for i in sorted(left) if not (doc[i].is_punct or doc[i].is_space)]
    if not words or any(t.pos_ in ("VERB", "AUX") for t in words):
        return False
    if len(words) == 1 and words[0].lower_ in _TIME_ADVERBS:
        return True
    return any(t.ent_type_ in ("DATE", "TIME") for t in words)


def clausal_side(doc: Doc, toks: set[int], lo: int, hi: int) -> set[int]:
    """Content tokens on both sides of a cue frame ``[lo, hi]``: drop what is not content.

    A relative or interrogative word alone before the frame stays ("a coup *that* he claims
    was staged", "*what* she says the plan would do"): PolNeAR's guidelines keep the relative
    pronoun in the content and leave out its antecedent (no coreference). A time adverbial
    before a cue that introduces a quotation dates the speech and is not content ("Later, he
    said, “...”"), nor is a verbless stretch after the frame ("“...,” she said on Monday in
    Paris"). Any other phrase before an inserted cue stays, as in PolNeAR: a connective or
    adverbial ("After all, she argued, ...", "Instead, he said, “...”") or the fronted subject
    of a quoted predicate ("The new tariffs, he said, “will hurt farmers.”").
    """
    left = {i for i in toks if i < lo}
    right = {i for i in toks if i > hi}
    if not left or not right:
        return toks
    k = hi + 1  # the frame's last tokens and the punctuation after it: an opening quote mark?
    while k < min(len(doc), max(right) + 1) and (doc[k].text in (",", ":") or doc[k].is_space):
        k += 1
    opens_quote = any(t.text in QUOTE_TOKENS for t in doc[hi - 1 : k + 1])
    left_quoted = any(doc[i].text in QUOTE_TOKENS for i in left)
    if opens_quote and not left_quoted and _time_adverbial(doc, left):
        return toks - left  # "Later, he said, “...”": the direct quotation alone
    if not any(doc[i].pos_ in ("VERB", "AUX") for i in right):
        return toks - right
    return toks


def own_clauses(doc: Doc, comps: list[Token]) -> set[int]:
    """Tokens of clauses coordinated to a complement that have a subject of their own.

    "X says A, and Republican B has been attacking him": the second clause, set off by a comma
    before its conjunction, is the writer's. Without the comma ("X said A and B ...") or with a
    "that" of its own ("that A and that B") it stays reported, as PolNeAR marks it.
    """
    out: set[int] = set()
    for c in comps:
        for k in c.children:
            if k.dep_ == "conj" and k.i > c.i and any(g.dep_ == "nsubj" for g in k.children):
                if any(t.text in QUOTE_TOKENS for t in k.subtree):
                    continue
                if any(g.dep_ == "mark" and g.lower_ == "that" for g in k.children):
                    continue
                ccs = [g for g in c.children if g.dep_ == "cc" and g.i < k.i]
                if not ccs or ccs[-1].i == 0 or doc[ccs[-1].i - 1].text != ",":
                    continue
                out.update(t.i for t in k.subtree)
    return out


def trailing_asides(doc: Doc, toks: set[int], cue: Token) -> set[int]:
    """Tokens of a reported clause that are the writer's comma-set addition at its end.

    PolNeAR ends the content where the reported proposition ends; the parser often hangs on it
    a participle ("..., contrasting herself with X") or a non-restrictive "which"/"who" clause
    that the writer adds. Both are cut when they run to the end of the clause and hold no
    quotation. (Coordinated verbs, appositions and "though" clauses were tried too and cost
    more than they gained on a held-out slice of PolNeAR train.)
    """
    out: set[int] = set()
    if not toks:
        return out
    last = max(toks)
    for i in sorted(toks):
        t = doc[i]
        if i in out or t.i <= cue.i or t.text in QUOTE_TOKENS:
            continue
        sub = [k.i for k in t.subtree]
        if any(doc[k].text in QUOTE_TOKENS for k in sub) or max(sub) < last - 1:
            continue
        lo = t.left_edge.i
        if lo == 0 or doc[lo - 1].text not in (",", ";"):
            continue
        if (t.dep_ in ("advcl", "acl") and t.tag_ == "VBG") or (
            t.dep_ == "relcl" and doc[lo].lower_ in ("which", "who")
        ):
            out.update(sub)
            out.add(lo - 1)
    return out


def relative_clause_end(doc: Doc, v: Token, toks: set[int]) -> set[int]:
    """Tokens after the end of the non-restrictive relative clause a cue heads.

    "They blamed the unrest, which the president claims was an attempted coup, on foreign
    agents": a relative clause set off by a comma ends at the next comma, and a verbless
    phrase after that comma (a prepositional or adverbial phrase, "on Friday", "in Almaty")
    belongs to the main clause, though the parser often hangs it on the last noun of the
    relative clause. PolNeAR's content of a relative-clause attribution ends where the
    relative clause ends. Only a content that holds the relative pronoun ("which X claims
    was ...") is cut: when the pronoun is the source ("X, who said he would act sparingly,
    in emergencies") the reported clause may go on after a comma. An apposition or a
    coordinated noun after the comma ("..., a record", "A, B and C") is left in.

    Args:
        doc: the parsed document.
        v: the cue verb.
        toks: the content's token indices.

    Returns:
        Token indices to cut (the comma and the phrase after it), or an empty set when ``v``
        does not head a relative clause opened by a comma.

    Source: general English punctuation of non-restrictive relative clauses (Quirk et al.
    1985, 17.22); PolNeAR annotation guidelines (Newell et al. 2018), relative pronouns.
    """
    out: set[int] = set()
    if v.dep_ != "relcl" or not toks:
        return out
    lo = v.left_edge.i
    if lo == 0 or doc[lo - 1].text != "," or doc[lo].tag_ not in ("WDT", "WP", "WP$"):
        return out
    if lo not in toks:
        return out  # "X, who said A, in B": the pronoun is the source, A may run on
    words = [i for i in toks if not doc[i].is_punct]
    if not words:
        return out
    last = max(words)
    for i in sorted(toks):
        t = doc[i]
        if i <= v.i or i in out or t.dep_ not in ("prep", "npadvmod", "advmod"):
            continue
        if t.head.i not in toks:
            continue
        sub = [k.i for k in t.subtree]
        if max(sub) < last or t.left_edge.i == 0 or doc[t.left_edge.i - 1].text != ",":
            continue
        if any(doc[k].text in QUOTE_TOKENS or doc[k].pos_ in ("VERB", "AUX") for k in sub):
            continue
        out.update(sub)
        out.add(t.left_edge.i - 1)
    return out


def relative_object(v: Token, subj: Token) -> Token | None:
    """The relative pronoun that opens the clause ``v`` heads as its object, before the source.

    "the system, *which* he called “a cartel”", "an inquiry, *which* the mayor has said was
    overdue": the pronoun stands for the cue's object (or the reported clause's subject that
    the parser took for it), and PolNeAR's guidelines ("Relative pronouns") keep it in the
    content, which then holds the source and cue.

    Args:
        v: the cue verb.
        subj: its subject (the source's head).

    Returns:
        The pronoun token ("which", "who", "whom", "that") when it is the first word of the
        relative clause ``v`` heads, ``v``'s object, and stands before the source; else None.

    Source: PolNeAR annotation guidelines (Newell et al. 2018), relative pronouns.
    """
    if v.dep_ != "relcl":
        return None
    for c in v.children:
        if (
            c.dep_ == "dobj"
            and c.i == v.left_edge.i
            and c.i < subj.left_edge.i
            and c.lower_ in ("which", "who", "whom", "that")
        ):
            return c
    return None


def clause_content(
    doc: Doc, head: Token, ctx: QuoteContext, cue: tuple[int, int]
) -> tuple[int, int] | None:
    """The clause of ``head`` in its sentence, from its subject on, the cue inside it.

    PolNeAR's content of a sourceless cue ("X seems to ...", "X is reportedly ...") runs
    from the subject to the end of the clause: what stands before the subject -- a fronted
    adverbial, interjection, conjunction or subordinator ("Still, X seems to ...",
    "although X is expected to ...") -- is the writer's, and so is a clause coordinated
    after a comma with a subject of its own ("..., but Y ...").
    """
    sent = head.sent
    toks = {t.i for t in head.subtree if sent.start <= t.i < sent.end}
    first = min(toks)
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    lo = subj.left_edge.i if subj is not None and CLAUSE_FROM_SUBJECT else first
    toks -= {  # a fronted adverbial or conjunction is not part of the clause
        t.i
        for c in head.children
        if (
            c.dep_ in ("advcl", "prep", "npadvmod", "cc")
            and c.i < head.i
            and c.left_edge.i <= first
        )
        or (c.i < lo and not (cue[0] <= c.idx < cue[1]))
        for t in c.subtree
    }
    if CLAUSE_FROM_SUBJECT:
        toks -= own_clauses(doc, [head])
    if not toks:
        return None
    return content_span(doc, toks, [], ctx, head)


def reported_question(v: Token, cue_end: int) -> list[Token]:
    """The "if"/"whether" clause after an inquire verb, as a one-item list of its head token.

    In: the cue verb and the token index where the cue ends. Out: ``[head]`` of the clause
    introduced by "if"/"whether" that the parser hung on the verb as an adverbial ("asked the
    students if they were ready"), else ``[]``. PolNeAR marks the reported question as the
    content, not the person asked (the recipient is neither source nor content).
    """
    if not IF_QUESTIONS or v.lemma_.lower() not in _INQUIRE_VERBS:
        return []
    for c in v.rights:
        if c.i >= cue_end and c.dep_ in ("advcl", "ccomp"):
            if any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children):
                return [c]
    return []


def second_cue(doc: Doc, v: Token, toks: set[int]) -> set[int]:
    """Tokens of a second reporting act coordinated inside a reported clause.

    "X said A and warned B": the parser often hangs "warned B" on A's verb, but it is X's
    second act of speech, with its own cue and content (PolNeAR: one attribution per cue,
    "Newsweek announced A and said B"). A coordinated verb in the clause with no subject of
    its own, a verb of saying in the same form as the cue ("said ... and warned"), is cut
    from the content with its conjunction and everything after it. Verbs of attitude or
    judgment ("said she was tired and wanted ...", "... and cited ...") are left in: in
    PolNeAR they are as often part of what was said.

    Source: the say verbs (37.7) and advise verbs (37.9) of Levin (1993).
    """
    for i in sorted(toks):
        t = doc[i]
        if (
            t.dep_ == "conj"
            and t.i > v.i
            and t.tag_ == v.tag_
            and t.lemma_.lower() in _SAY_VERBS
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
            and not any(k.text in QUOTE_TOKENS for k in doc[v.i : t.i])
        ):
            lo = t.left_edge.i
            while lo - 1 > v.i and (doc[lo - 1].dep_ == "cc" or doc[lo - 1].text == ","):
                lo -= 1
            return {k for k in toks if k >= lo}
    return set()


def inserted_tail(doc: Doc, v: Token, comps: list[Token], lex: CueLexicon) -> set[int]:
    """Tokens of the content's second half after an inserted frame: "A, she said, and B".

    When the content comes before the cue ("A, the agency said in a report, and B",
    "A, he said, until B"), the parser hangs what follows the frame on the cue; a clause
    set off by a comma after the frame goes on with the content (PolNeAR marks A and B as
    one discontinuous content). A reporting verb there is a cue of its own ("..., adding
    that ...") and a verbless phrase is the cue's circumstance; neither is taken.
    """
    out: set[int] = set()
    first = max(min(c.left_edge.i for c in comps) - 1, 0)
    if any(t.text in QUOTE_TOKENS for t in doc[first : v.i]):
        return out  # "“A,” he said, as the crowd cheered": after a quotation, the writer's
    sent_end = v.sent.end
    ccs = {g.i for g in v.children if g.dep_ == "cc"}
    for c in v.children:
        if c.i <= v.i or c.dep_ not in ("conj", "advcl") or c.right_edge.i >= sent_end + 1:
            continue
        if c.lemma_.lower() in lex.verbs:
            continue
        if c.dep_ == "conj" and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
            continue  # "A, she said, and called B ...": a second act of the source
        lo = c.left_edge.i
        while lo - 1 in ccs:
            lo -= 1
        if lo == 0 or doc[lo - 1].text != "," or any(t.text in QUOTE_TOKENS for t in c.subtree):
            continue
        out.update(t.i for t in c.subtree)
        out.update(range(lo, c.left_edge.i))
    return out


def _ends_at(c: Token, k: int) -> bool:
    """Whether the last word of ``c``'s phrase (punctuation aside) is token ``k``."""
    return max(t.i for t in c.subtree if not t.is_punct or t.i == c.i) == k


def _fronted_subject(doc: Doc, v: Token, src_lo: int, clause: Token) -> set[int]:
    """Tokens of a noun phrase hung on cue ``v`` right before its source and a comma, when
    ``clause`` (the content's verb) has no subject of its own: the content's fronted subject
    ("*Voters*, she suggested, do not ..."). Empty when there is none."""
    if src_lo < 2 or doc[src_lo - 1].text != ",":
        return set()
    if any(g.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for g in clause.children):
        return set()
    for c in v.children:
        if (
            c.i < src_lo
            and _ends_at(c, src_lo - 2)
            and c.left_edge.i >= v.sent.start
            and not any("\n" in t.text for t in c.subtree)
            and c.dep_ in ("nsubj", "nsubjpass", "dep", "npadvmod")
            and c.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
            and not any(t.text in QUOTE_TOKENS for t in c.subtree)
        ):
            return {t.i for t in c.subtree}
    return set()


def fronted_content(doc: Doc, v: Token, subj: Token, comps: list[Token]) -> set[int]:
    """Tokens of the content's first half when the parser made an inserted frame the head.

    "The budget, the senator told reporters on Monday, will pass next week": a frame with a
    circumstance of its own (an object, a time or place) is often parsed as the sentence's
    root, with "will pass ..." as its clausal complement and "The budget" hung on the cue.
    The frame is inserted in its content all the same, as the bare "..., she said, ..." aside
    that the parser leaves as ``parataxis`` (PolNeAR: one discontinuous content "The budget"
    + "will pass next week"). The frame counts as inserted when a comma sets it off on both
    sides: one right before the source, one right before the complement (or its opening
    quotation mark), which has no "that". What the parser hung on the cue before the source
    and the comma is content when it is a clause ("Although A, she told reporters, B") or a
    noun phrase and the complement has no subject of its own (the fronted subject); a
    verbless adverbial ("In Geneva, she told reporters, ...") stays the writer's, and so does
    a clause before a quotation ("Asked about A, she told reporters, “B”"): on PolNeAR train
    both were mostly the circumstance of the speech, not part of the content.

    Args:
        doc: the parsed document.
        v: the cue verb.
        subj: its subject (the source's head), before ``v``.
        comps: the cue's clausal complements, all after ``v``.

    Returns:
        Token indices to add to the content (the fronted phrases), or an empty set.

    Source: PolNeAR annotation guidelines (Newell et al. 2018), content continuations.
    """
    out: set[int] = set()
    src_lo = subj.left_edge.i
    if not comps or subj.i > v.i or src_lo < 2 or doc[src_lo - 1].text != ",":
        return out
    first = min(comps, key=lambda c: c.left_edge.i)
    lo = first.left_edge.i
    while lo < first.i and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1  # the comma or quotation mark the parser may hang on the complement
    if doc[lo].lower_ == "that":
        return out
    k = lo - 1
    while k > v.i and (doc[k].text in QUOTE_TOKENS or doc[k].is_space):
        k -= 1  # "..., he added, “it becomes ...”": the comma before the quotation
    if k <= v.i or doc[k].text != ",":
        return out
    quoted = any(t.text in QUOTE_TOKENS for t in doc[k : first.right_edge.i + 1])
    for c in v.children:  # "Although A, she told reporters, B" (not before a quotation)
        if quoted or c.dep_ not in ("advcl", "ccomp") or c.i >= src_lo:
            continue
        if not _ends_at(c, src_lo - 2) or c.left_edge.i < v.sent.start:
            continue
        sub = {t.i for t in c.subtree}
        if any(doc[i].pos_ in ("VERB", "AUX") for i in sub) and not any(
            doc[i].text in QUOTE_TOKENS for i in sub
        ):
            out |= sub
    return out | _fronted_subject(doc, v, src_lo, first)


def inserted_content(
    doc: Doc, v: Token, subj: Token, avoid: list[tuple[int, int]], ctx: QuoteContext
) -> tuple[tuple[int, int] | None, list[tuple[int, int]]]:
    """Content when the cue is inserted in it: "..., he says, ..." or "argued X, “...”".

    The content is the clause the cue is inserted in, less the frame (cue, source and the
    cue's own dependents). When the parser hangs the inserted frame on the subject noun
    ("The difference now, he said, is ..."), the clause is that noun's verb's; what it hangs
    on the cue before the source, when it is a clause ("Although A, she said, B") or a noun
    phrase the clause lacks as its subject ("Voters, she suggested, do not ..."), is on the
    content side of the frame and stays in the content, unless a colon after the cue opens
    the content ("As for A, he said: “B”").
    """
    h = v.head
    if v.dep_ not in ("parataxis", "ccomp") or h.i == v.i:
        return None, []
    if not any(c.dep_ == "punct" for c in v.children):
        return None, []
    if INSERTED_SPAN:
        while h.dep_ in ("nsubj", "nsubjpass") and h.head.i != h.i and h.i < v.i:
            h = h.head
    frame = {t.i for t in v.subtree}
    colon = any(t.text == ":" for t in doc[v.i : v.right_edge.i + 2])
    if INSERTED_SPAN and not colon:
        for c in v.children:
            if (
                c.i < min(v.i, subj.left_edge.i)
                and c.dep_ not in ("punct", "aux", "neg", "nsubj")
                and any(t.pos_ in ("VERB", "AUX") for t in c.subtree)
                and doc[c.right_edge.i + 1].text == ","
            ):  # a clause set off by a comma, not a verbless adverbial ("Still, argued X")
                frame -= {t.i for t in c.subtree}
        if subj.i < v.i:  # "Voters, she suggested, do not ...": the parser's second subject
            frame -= _fronted_subject(doc, v, subj.left_edge.i, h)
    sent = v.sent
    toks = {t.i for t in h.subtree if t.i not in frame and sent.start <= t.i < sent.end}
    lo_i, hi_i = min(frame), max(frame)
    toks = clausal_side(doc, toks, lo_i, hi_i)
    content = content_span(doc, toks, avoid, ctx, v)
    if content is None:
        return None, []
    lo = doc[lo_i].idx
    hi = doc[hi_i].idx + len(doc[hi_i].text)
    if content[0] < lo < content[1] and content[0] < v.idx < content[1]:
        return content, [(lo, hi)]  # the cue stands inside the content, not only its clause
    return content, []


def as_clause(
    doc: Doc,
    v: Token,
    avoid: list[tuple[int, int]],
    ctx: QuoteContext,
    allow_object: bool = False,
) -> tuple[int, int] | None:
    """Content of "A, as X said" / "As X has noted, A": the clause the "as" cue hangs on.

    The cue verb has no complement of its own (its object is the gap "as" stands for); the
    content is its head clause without the "as" clause.
    """
    if v.dep_ != "advcl" or v.head.i == v.i:
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in v.children):
        return None
    deps = ("ccomp", "xcomp", "prep") if allow_object else ("dobj", "ccomp", "xcomp", "prep")
    if any(c.dep_ in deps for c in v.children):
        return None
    h = v.head
    if h.pos_ not in ("VERB", "AUX"):
        return None
    sent = v.sent
    own = {t.i for t in v.subtree}
    toks = {t.i for t in h.subtree if t.i not in own and sent.start <= t.i < sent.end}
    content = content_span(doc, toks, avoid, ctx, v)
    if content is None or (content[0] < v.idx < content[1]):
        return None  # the "as" clause stands inside the content: not this kind
    return content
