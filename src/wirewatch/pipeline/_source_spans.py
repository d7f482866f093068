"""Sources: which token speaks for a cue, and the span that names the speaker.

The source of a cue verb is its subject (outside quotations), the "by" agent of a passive, or
the subject of the verb a participle or coordinated verb hangs on (``cue_subject``). Its span
is the whole noun phrase, appositives included, as PARC 3.0 and PolNeAR mark it ("Kevin Madden,
a Republican strategist"), cut before a quotation, a line break or a dateline
(``noun_phrase``); in "X, who said ..." the source is the relative pronoun and X names it
(``relative_source``). Resolving a source to an entity is ``_speakers``' job.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from wirewatch.pipeline._quote_context import DASHES, QUOTE_TOKENS, QuoteContext

__all__ = [
    "FULL_SOURCE",
    "SOURCE_DROPS_PARTICIPLES",
    "RELATIVE_SOURCE",
    "cue_subject",
    "noun_phrase",
    "after_dateline",
    "relative_source",
    "name_like",
]

FULL_SOURCE = True  # keep appositives in the source span (PARC 3.0 / PolNeAR convention)

SOURCE_DROPS_PARTICIPLES = True  # "X, speaking in Ohio, said": the source is X

RELATIVE_SOURCE = True  # "X, who said": the source span is "who" (PolNeAR), X names it


def cue_subject(v: Token, ctx: QuoteContext) -> tuple[Token | None, bool]:
    """The subject token of reporting verb ``v`` and whether ``v`` is an agentless passive.

    A subject inside a quotation is the parser's mistake for the content ("“Meh,” wrote a
    supporter"): the nearest subject outside quotations wins, else an object after an
    inverted cue.
    """
    kids = list(v.children)
    subjects = [c for c in kids if c.dep_ == "nsubj" and ctx.tok_region[c.i] < 0]
    if subjects:
        c = min(subjects, key=lambda c: abs(c.i - v.i))
        if c.tag_ in ("WP", "WDT") and v.dep_ == "relcl":
            return v.head, False
        return c, False
    if any(c.dep_ == "nsubj" for c in kids):
        j = v.i - 1
        while j >= 0 and _is_sep(v.doc[j], (",", " ")):
            j -= 1
        if j >= 0 and ctx.region_ending_at(v.doc[j]) is not None:
            obj = next((c for c in kids if c.dep_ in ("dobj", "attr") and c.i > v.i), None)
            return obj, False
        return None, False
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in kids)
    if passive:
        subjp = next((c for c in kids if c.dep_ == "nsubjpass"), None)
        if subjp is not None and subjp.lower_ not in ("it", "this"):
            return None, False  # "X was quoted": too varied, skipped
        agent = next((c for c in kids if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        return pobj, pobj is None
    # participles, coordinated verbs and "by saying" share a governing verb's subject:
    # "..., saying that", "appeared on TV and began by saying ...", "After saying X, she ..."
    cur = v
    for _ in range(3):
        if cur.dep_ in ("conj", "advcl", "xcomp") and cur.head.i != cur.i:
            h = cur.head
        elif cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.head.i != cur.head.i:
            h = cur.head.head
        else:
            break
        subj = next((c for c in h.children if c.dep_ == "nsubj"), None)
        if subj is None and cur.dep_ == "pcomp":  # "After saying X, she was taken ..."
            subj = next((c for c in h.children if c.dep_ == "nsubjpass"), None)
        if subj is not None:
            return subj, False
        cur = h
    return None, False


def _is_sep(tok: Token, texts: tuple[str, ...]) -> bool:
    """A separator token: one of ``texts`` or whitespace."""
    return tok.text in texts or tok.is_space


def noun_phrase(doc: Doc, head: Token, appositive: bool | None = None) -> tuple[int, int]:
    """Char span of the noun phrase headed by ``head``.

    The phrase is the head's subtree (PARC/PolNeAR keep appositives and relative clauses:
    "Kevin Madden, a Republican strategist"), cut before a quotation mark, a line break or
    the sentence end, or a comma-set participle ("Trump, speaking in Ohio,"), and after a
    dateline dash ("ORLANDO (Reuters) - President Obama"). An appositive's closing comma
    belongs to the source ("Brian Fallon, the campaign's spokesman, said"). With
    ``appositive=False`` it is cut at the first comma after the head instead.
    """
    appositive = FULL_SOURCE if appositive is None else appositive
    sent = head.sent
    start = max(head.left_edge.i, sent.start)
    for t in doc[start : head.i]:
        dateline = t.text in DASHES and t.i > 0 and bool(doc[t.i - 1].whitespace_)
        if "\n" in t.text or dateline or t.text in QUOTE_TOKENS:
            start = t.i + 1
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    end = head.i
    stop = min(head.right_edge.i + 1, sent.end)
    for c in head.children:  # "Trump, speaking in Ohio, said": the participle is not the source
        if (
            c.i > head.i
            and SOURCE_DROPS_PARTICIPLES
            and (c.dep_ == "acl" and c.tag_ == "VBG" and doc[c.left_edge.i - 1].text == ",")
        ):
            stop = min(stop, c.left_edge.i)
    for t in doc[head.i + 1 : stop]:
        if t.is_space or t.text in QUOTE_TOKENS:
            if appositive:  # a quotation inside the appositive: keep the core phrase only
                return noun_phrase(doc, head, appositive=False)
            break
        if t.is_punct and t.text not in ("-", ".", "&") and not appositive:
            break
        end = t.i
    while end > head.i and (doc[end].is_punct and doc[end].text not in (".", ")")):
        end -= 1
    if (  # "Brian Fallon, the campaign's spokesman, said": the closing comma of the aside
        appositive
        and end + 2 < sent.end
        and doc[end + 1].text == ","
        and doc[end + 2].pos_ in ("VERB", "AUX", "ADV")  # the predicate follows
        and any(t.text == "," for t in doc[head.i + 1 : end])
    ):
        end += 1
    return doc[start].idx, doc[end].idx + len(doc[end].text)


def after_dateline(doc: Doc, subj: Token) -> Token:
    """The real subject when the parser took a dateline for it ("ORLANDO (Reuters) - X")."""
    for t in doc[subj.i + 1 : subj.right_edge.i]:
        if t.text in DASHES and bool(doc[t.i - 1].whitespace_):
            later = [c for c in subj.children if c.dep_ == "appos" and c.i > t.i]
            return later[0] if later else subj
    return subj


def relative_source(
    doc: Doc, v: Token, source: tuple[int, int] | None, relcl: bool
) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """``(source, name_span)``: in "X, who said ...", the source is "who" (PARC/PolNeAR mark
    the relative pronoun) and X, its antecedent, names it.

    The name span is the antecedent's phrase up to the relative clause: "the officials who
    said ..." is named "the officials", not by the phrase with the clause inside it.
    """
    if not (relcl and RELATIVE_SOURCE and source is not None):
        return source, None
    pron = next(
        (c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WP", "WDT")),
        None,
    )
    if pron is None:
        return source, None
    name = source
    k = v.left_edge.i - 1  # "the officials who said ...": the antecedent ends before the clause
    while k >= 0 and (doc[k].is_punct or doc[k].is_space):
        k -= 1
    if k >= 0 and source[0] <= doc[k].idx < source[1]:
        name = (source[0], min(source[1], doc[k].idx + len(doc[k].text)))
    return (pron.idx, pron.idx + len(pron.text)), name


def name_like(t: Token) -> bool:
    """A word that can name a speaker: a noun or pronoun, or a capitalised word inside its
    sentence whatever the tagger made of it ("Will wrote", "said Mark Cuban")."""
    return t.pos_ in ("PROPN", "NOUN", "PRON") or (t.is_title and t.is_alpha and t.i > t.sent.start)
