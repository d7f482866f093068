"""Finds attributions -- who (source) says (cue) what (content) -- in news text.

The terms and span conventions are those of PARC 3.0 (Pareti 2016) and PolNeAR (Newell et al.
2018): the content span includes its quotation marks; a source is the whole noun phrase naming the
speaker, appositives included ("Kevin Madden, a Republican strategist"; cut before a quotation or
a dateline); a cue keeps the auxiliaries and negation right before its verb ("has said", "does
not think") and a following "in a statement".

Kinds of attribution recognised, each by one rule over the dependency parse and a token-level
scan of quotation marks (``_quotemarks``):

* a reporting verb with a clausal complement: "X says (that) ...", "..., he said", inverted
  "..., said X" (``ccomp`` of the cue);
* a reporting verb inserted in its content: "... , he says, ...", "“...,” she said, “...”",
  "“...,” she said. “...”" (same paragraph), "argued X, “...”" (the cue is ``parataxis``/``ccomp``
  of the content's head); the content is the whole stretch and the inserted source and cue do not
  count when typing it (PolNeAR marks it as one discontinuous content);
* a reporting verb next to a quotation it does not govern: "X said: “...”", a colon at the end of a
  paragraph introducing a quotation in the next one, "“...” he said." parsed as two sentences;
* a reporting verb whose object holds a quotation: "reiterated X's “full support ...”";
* "according to X" (and other source prepositions of ``resources/cue_phrases.tsv``); a
  sentence-initial "In a statement, X said ..." is left to X's own cue; "“A,” X said, according
  to Y" gives two attributions (Y's content is "“A,” X said");
* "A, as X said": the clause an "as" cue hangs on;
* a quotation signed with a dash and a name at the end of its line ("“...” ― Maria Lopez") or,
  for a quotation paragraph, on the next line ("“...”¶— Maria Lopez, a nurse.");
* "it is said that ..." (passive with no agent): source null;
* a passive cue with a "by" agent, for cue verbs whose content is their object: "The plan was
  criticized by X" (source X, content "The plan");
* a cue noun (``resources/cue_nouns.txt``) with a possessive pronoun as source: "his claim that
  ...", "Her criticism of X ..." (the noun as subject or root, or after "in"/"with");
* an attitude adjective (``resources/cue_adjectives.txt``) with a complement: "X is confident
  that ...", "X was critical of Y", "X is eager to ..." (an infinitive only after adjectives of
  volition);
* a speech frame right after a sentence-initial quotation that ends with a comma, question or
  exclamation mark, read from the tokens when the parse lost it ("“A,” Will wrote.", "“A,”
  added Maria Lopez, a steward."; ``_quote_frames``);
* a name, a colon and a quotation anywhere in a paragraph ("... again. Jones: “...”"), and a
  title line "X: statement" even without a verb ("Mayor Brown: No new taxes this year");
* a support verb with a cue noun as object: "issued a statement saying ...", "made the case
  that ..." (the cue runs from the verb to the participle or the noun);
* "put it" as a verb of saying: "As X put it, A", "X put it bluntly: “A”";
* a naming cue whose object is a relative pronoun: "the school, which the mayor described as
  “...”" (content from "which" to the end of the predicate, source and cue inside it; a free
  relative "what X called ..." is left out: on PolNeAR train it was mostly not annotated);
* a speech verb standing alone in its sentence right before a quotation: "Jones objected.
  “...”" (the verb is the quotation's cue, not a bare continuation);
* a bare quotation with no cue of its own that goes on from the previous speaker (a quotation
  paragraph after a quote, or a quotation after a sentence whose subject is a person): no cue,
  ``continued_from`` the quote it continues; but a quotation paragraph right after a paragraph
  that ends "“A,” said X." is the rest of X's content and joins it (PolNeAR "content
  continuations").

Span boundaries follow the PolNeAR guidelines: the two quotations around an inserted source and
cue are one content ("“A,” she said, “B.”"); a relative pronoun before the frame is content
("which he said was ..."), its antecedent is not; a subordinate clause before an inserted frame
is content ("Although A, she said, B"); a sourceless cue's content starts at the clause subject
("Still, X seems to ..." -> "X seems to ..."); a second speech act coordinated with the cue is
not content ("said A and warned B"); a reported question keeps its question mark.

Not taken as cues, following PolNeAR's guidelines and checked on PolNeAR train: attempt verbs
("tried to close": an action, not an attribution), a belief, perception or desire verb heading the
clause reported by another cue ("said he believes ...": the outer cue only), and "In a
statement/an interview, ..." when the clause has a subject of its own (that subject is the
source). A lemma the small English lemmatizer clipped ("hoped" -> "hop") is repaired before
lookup (``_lexicons.cue_lemma``).

Cue boundaries follow PolNeAR: a colon or verb particle between cue and content joins the cue
("said:", "pointed out"), and so does an attempt or aspect verb governing the speech verb ("tried
to argue", "went on to say") and an adverb right after the verb ("said angrily", "has said
repeatedly that": the guidelines' "verb group"); a wh-subordinator hung on the verb is not part
of it ("when asked" -> "asked"); a frame cue (``_frames``) inside a reported clause is not an
attribution of its own.

Short quoted words with no cue and no speaker (scare quotes, nicknames: “peacekeepers”) are not
attributions. Reporting verbs are data (``resources/reporting_verbs.txt``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from wirewatch.errors import ConfigError
from wirewatch.model import stable_id
from wirewatch.pipeline._frames import FrameTable, frame_spans, learned_frames_path, load_frames
from wirewatch.pipeline._lexicons import (
    cue_adjectives,
    cue_lemma,
    cue_nouns,
    cue_phrases,
    reporting_verbs,
)
from wirewatch.pipeline._quotemarks import Region, paragraphs, scan_quotes
from wirewatch.pipeline._speakers import PRONOUNS, SpeakerNamer
from wirewatch.pipeline.extensions import add_diagnostic, doc_id, doc_text, span_dict

__all__ = ["QuoteAttributor", "MODES", "learned_frames_path"]

MODES = ("rules", "learned")
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
# Verbs of belief, perception and desire (Levin 1993 classes 29.4-29.5, 30.1, 32.1): in a clause
# reported by another cue ("X said he believes Y") PolNeAR marks the outer cue only.
_ATTITUDE_VERBS = frozenset(
    "believe think feel know want hope wish expect see find show suppose assume doubt fear "
    "guess imagine reckon suspect understand realize consider".split()
)

# adverbs after a cue verb that are not its manner or frequency ("said so", "said then that")
_NOT_CUE_ADVERBS = frozenset(
    "so then there here not also too as now enough over before however".split()
)
_QUOTE_TOKENS = frozenset({"“", "”", '"', "''", "``", "„", "«", "»", "‟"})
_MIN_BARE_WORDS = 4  # a bare quotation shorter than this (or with no verb) is a scare quote
_NOT_SOURCES = frozenset({"there", "this", "that", "which", "what"})
# a dash and a name closing the line after a quotation: "“...” ― Maria Lopez"
_SIGNOFF = re.compile(r"[ \t\xa0]*(―|—|–|--)[ \t\xa0]*([A-Z][^\n―—–]{0,60}?)[ \t\xa0.]*(?=\n|$)")
# the same on a line of its own after a quotation paragraph: "“...”¶¶— Maria Lopez, a nurse."
# (the name is the words before the first comma; what follows describes the speaker)
_SIGNOFF_LINE = re.compile(
    r"[ \t\xa0]*\n\s*(―|—|–|--|-)[ \t\xa0]*([A-Z][^\n,―—–]{0,40}?)[ \t\xa0.]*(?=\n|$|,)"
)
_NAME_PARTICLES = frozenset({"de", "da", "del", "van", "von", "la", "le", "di", "bin", "al"})
_DASHES = frozenset({"-", "—", "–", "--"})
CUE_AUX = True  # auxiliaries/negation right before the cue verb are part of the cue
TRIM_ASIDES = True  # cut the writer's comma-set additions off a reported clause
RELATIVE_SOURCE = True  # "X, who said": the source span is "who" (PolNeAR), X names it
RAISING = True  # sourceless "X seems to", "X is expected to", "X is reportedly"
STRETCH_CUES = True  # a colon or particle between cue and content joins the cue ("said:")
_MAX_CUE_GAP = 60  # characters between a cue word and its content that may join the cue
BACKOFF_TO_RULES = True  # learned mode: lemmas absent from the learned table use the hand table
CHAINS = True  # "tried to argue that": the cue runs from the attempt/aspect verb
_CHAIN_HEADS = frozenset(
    "try attempt seek struggle continue go begin start seem appear refuse decline want fail "
    "need look hope plan".split()
)
NO_NESTED_FRAMES = True  # no frame cue inside a clausal complement or a noun's modifier
NESTED_DEPS = ("ccomp", "acl")
AS_CLAUSE = True  # "A, as X said": the clause the "as" cue hangs on is the content
SOURCE_DROPS_PARTICIPLES = True  # "X, speaking in Ohio, said": the source is X
NESTED_ACCORDING = True  # "“A,” X said, according to Y": Y's content is the whole attribution
PASSIVE_AGENT = True  # "The plan was criticized by X": the agent is the source
PUT_IT = True  # "As X put it, A", "X put it this way: “A”": "put it" is a verb of saying
SUPPORT_NOUNS = True  # "issued a statement saying ...", "made the case that ...": one cue
# support ("light") verbs that turn a cue noun into a predicate: the noun carries the meaning,
# the verb the tense and the subject (Jespersen 1942; NomBank's "support" relation, Meyers et
# al. 2004): "issued a statement", "made the case", "raised concerns", "expressed hope"
_SUPPORT_VERBS = frozenset(
    "issue release put make give express voice raise offer deliver post".split()
)
# "make the case that ...": argue (an idiom of the support verb "make", not a NomBank noun)
_SUPPORT_EXTRA_NOUNS = frozenset({"case"})
HEADLINE_COLONS = True  # the title line "X: statement" needs no verb; "X to Y:" is X's
COLON_QUOTES = True  # "Bush: “The mission is ...”": a name and a colon before a quotation
BARE_CUE_BEFORE = True  # "Smith disagreed. “The plan will fail.”": the verb is the cue
RELATIVE_OBJECT = True  # "a school, which X described as Y": content from the pronoun on
SIGNOFF_LINES = True  # "“...”¶— Maria Lopez, a nurse": the sign-off on the next line
QUOTE_FRAMES = True  # "“A,” Will wrote.": a speech frame after a quotation the parse missed
_FRAME_WINDOW = 12  # tokens after a quotation searched for its frame
CUE_ADVERBS = True  # "said angrily", "has said repeatedly that": adverbs after the cue verb
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
FULL_SOURCE = True  # keep appositives in the source span (PARC 3.0 / PolNeAR convention)
CLAUSE_FROM_SUBJECT = True  # a sourceless cue's content starts at the clause subject
INSERTED_SPAN = True  # "Although A, she said, B": A and B are the content
MERGE_PARAGRAPH_CONTINUATIONS = True  # "“A,” said X.¶“B.”": one content, A to B
_SPEECH_KINDS = frozenset({"verb", "inserted", "adjacent"})  # cue verb + source
# Levin (1993) verb classes 37.7 (say verbs) and 37.9 (advise verbs)
_SAY_VERBS = frozenset(
    "announce articulate blurt claim confess confide convey declare mention note observe "
    "proclaim propose recount reiterate relate remark repeat report reveal say state suggest "
    "admonish advise alert caution counsel instruct warn".split()
)
SECOND_CUE_CUT = True  # "X said A and warned B": the content is A
KEEP_QUESTION_MARK = True  # a question is reported with its question mark (PolNeAR)
JOIN_QUOTE_PIECES = True  # "“A,” she said, “B.”": A and B are one content
_QMARK_TAIL = re.compile(r"(``|''|[“”„‟«»\"])+$")


@dataclass
class _Cand:
    """One attribution found, before ids and names are attached."""

    content: tuple[int, int]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    source_head: int | None
    kind: str
    confidence: float
    skip: list[tuple[int, int]] = field(default_factory=list)
    continues: _Cand | None = None
    name_span: tuple[int, int] | None = None  # what names the source when it is "who"/"which"


class _Ctx:
    """Per-document lookups, each built in one linear pass."""

    def __init__(self, doc: Doc) -> None:
        self.text = text = doc_text(doc)
        scan = scan_quotes(text)
        self.regions: list[Region] = scan.regions
        self.problems = scan.problems
        self.r_starts = [r.start for r in self.regions]
        self.tok_region = [-1] * len(doc)
        j = 0
        for tok in doc:
            while j < len(self.regions) and self.regions[j].end <= tok.idx:
                j += 1
            if j < len(self.regions) and self.regions[j].start <= tok.idx < self.regions[j].end:
                self.tok_region[tok.i] = j
        self.paras = paragraphs(text)
        self.p_starts = [p[0] for p in self.paras]
        self.foreign: set[int] = set()  # tokens of "according to X" phrases

    def para_of(self, pos: int) -> int:
        return max(bisect.bisect_right(self.p_starts, pos) - 1, 0)

    def regions_overlapping(self, start: int, end: int) -> list[Region]:
        i = max(bisect.bisect_right(self.r_starts, start) - 1, 0)
        out = []
        while i < len(self.regions) and self.regions[i].start < end:
            r = self.regions[i]
            if r.end > start:
                out.append(r)
            i += 1
        return out

    def region_starting_at(self, tok: Token) -> Region | None:
        r = self.tok_region[tok.i]
        return self.regions[r] if r >= 0 and self.regions[r].start == tok.idx else None

    def region_ending_at(self, tok: Token) -> Region | None:
        r = self.tok_region[tok.i]
        if r >= 0 and self.regions[r].end == tok.idx + len(tok.text):
            return self.regions[r]
        return None


def _prep_content(prep: Token) -> set[int]:
    """Token indices of the object of a cue's preposition ("critical of the plan", "criticism
    of the plan" -> "the plan"); empty when the object is a time or place (a circumstance, not
    content) or missing."""
    objs = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]
    if not objs or any(g.ent_type_ in _CIRCUMSTANCE_ENTS for g in objs):
        return set()
    return {t.i for g in objs for t in g.subtree}


def _is_sep(tok: Token, texts: tuple[str, ...]) -> bool:
    """A separator token: one of ``texts`` or whitespace."""
    return tok.text in texts or tok.is_space


def _own_clauses(doc: Doc, comps: list[Token]) -> set[int]:
    """Tokens of clauses coordinated to a complement that have a subject of their own.

    "X says A, and Republican B has been attacking him": the second clause, set off by a comma
    before its conjunction, is the writer's. Without the comma ("X said A and B ...") or with a
    "that" of its own ("that A and that B") it stays reported, as PolNeAR marks it.
    """
    out: set[int] = set()
    for c in comps:
        for k in c.children:
            if k.dep_ == "conj" and k.i > c.i and any(g.dep_ == "nsubj" for g in k.children):
                if any(t.text in _QUOTE_TOKENS for t in k.subtree):
                    continue
                if any(g.dep_ == "mark" and g.lower_ == "that" for g in k.children):
                    continue
                ccs = [g for g in c.children if g.dep_ == "cc" and g.i < k.i]
                if not ccs or ccs[-1].i == 0 or doc[ccs[-1].i - 1].text != ",":
                    continue
                out.update(t.i for t in k.subtree)
    return out


CUT_AFTER_ACCORDING = True
IF_QUESTIONS = True
# Levin (1993) 37.1 "inquire" verbs: the question they report is an if/whether clause
_INQUIRE_VERBS = frozenset({"ask", "inquire", "enquire", "query", "question", "wonder"})


def _reported_question(v: Token, cue_end: int) -> list[Token]:
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


def _after_according(toks: set[int], head: Token, phrase: set[int]) -> set[int]:
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


# "X seems to ...", "X is expected to ...", "X is reportedly ...": sourceless attributions
_RAISING = frozenset({"seem", "appear"})
_PASSIVE_RAISING = frozenset(
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
_HEARSAY_ADVERBS = frozenset({"reportedly", "allegedly", "apparently", "seemingly", "purportedly"})


def _trailing_asides(doc: Doc, toks: set[int], cue: Token) -> set[int]:
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
        if i in out or t.i <= cue.i or t.text in _QUOTE_TOKENS:
            continue
        sub = [k.i for k in t.subtree]
        if any(doc[k].text in _QUOTE_TOKENS for k in sub) or max(sub) < last - 1:
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


_PASSIVE_GROUP = ("aux", "auxpass", "neg", "advmod")


def _group_left(v: Token, deps: tuple[str, ...] = ("aux", "neg", "advmod")) -> set[int]:
    """Indices of the verb group's words before cue verb ``v``: auxiliaries, negation, adverbs.

    PolNeAR keeps the verb group together in the cue ("has not said", "repeatedly called"); a
    wh-subordinator the parser hangs on the verb as an adverb ("*when* asked", "*where* he
    said") opens the clause and is not part of it (on PolNeAR train, "when" + cue matched no
    gold cue in 34, the cue without it 19).
    """
    return {c.i for c in v.children if c.dep_ in deps and c.i < v.i and c.tag_ != "WRB"}


def _group_start(v: Token, start: int, deps: tuple[str, ...] = ("aux", "neg", "advmod")) -> int:
    """Token index where a cue starting at ``start`` begins once the verb group's words just
    before it (``_group_left``) join it ("has not said": from "said" back to "has")."""
    left = _group_left(v, deps)
    while start - 1 in left:
        start -= 1
    return start


def _name_like(t: Token) -> bool:
    """A word that can name a speaker: a noun or pronoun, or a capitalised word inside its
    sentence whatever the tagger made of it ("Will wrote", "said Mark Cuban")."""
    return t.pos_ in ("PROPN", "NOUN", "PRON") or (t.is_title and t.is_alpha and t.i > t.sent.start)


def _finite_or_perfect(v: Token) -> bool:
    """A verb that can head a speech frame: finite ("said", "says"), or a participle after an
    auxiliary ("has said"; "Will wrote", where the tagger read the name as a modal), never a
    passive or a reduced relative ("a book written by ...")."""
    if v.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    kids = [c.dep_ for c in v.children]
    return v.tag_ == "VBN" and "aux" in kids and "auxpass" not in kids


def _adverbs_after(doc: Doc, v: Token, cue_end: int) -> int:
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


def _sd(text: str, start: int, end: int) -> dict[str, Any]:
    """``span_dict`` on a cached ``doc.text`` (``Doc.text`` is rebuilt on every access)."""
    return {"start_char": start, "end_char": end, "text": text[start:end]}


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _clausal_side(doc: Doc, toks: set[int], lo: int, hi: int) -> set[int]:
    """Content tokens on both sides of a cue frame ``[lo, hi]``: drop what is not content.

    A relative or interrogative word alone before the frame stays ("a coup *that* he claims
    was staged", "*what* she says the plan would do"): PolNeAR's guidelines keep the relative
    pronoun in the content and leave out its antecedent (no coreference). A verbless adverbial
    before a cue that introduces a quotation is not content ("Later, he said, “...”"), nor is a
    verbless stretch after the frame ("“...,” she said on Monday in Paris"). An adverbial
    before an inserted cue stays, as in PolNeAR ("After all, she argued, ...").
    """
    left = {i for i in toks if i < lo}
    right = {i for i in toks if i > hi}
    if not left or not right:
        return toks
    k = hi + 1  # the frame's last tokens and the punctuation after it: an opening quote mark?
    while k < min(len(doc), max(right) + 1) and (doc[k].text in (",", ":") or doc[k].is_space):
        k += 1
    opens_quote = any(t.text in _QUOTE_TOKENS for t in doc[hi - 1 : k + 1])
    left_quoted = any(doc[i].text in _QUOTE_TOKENS for i in left)
    if opens_quote and not left_quoted and not any(doc[i].pos_ in ("VERB", "AUX") for i in left):
        return toks - left  # "Later, he said, “...”": the direct quotation alone
    if not any(doc[i].pos_ in ("VERB", "AUX") for i in right):
        return toks - right
    return toks


class QuoteAttributor:
    """spaCy component ``wirewatch_quotes``: writes ``doc._.ww_quotes`` (list of Quote dicts).

    Args:
        nlp: the pipeline (its vocab is used for the phrase matchers).
        name: the component name.
        mode: ``"rules"`` (hand-written cue frames, no PolNeAR-derived data) or ``"learned"``
            (cue frames estimated from PolNeAR train, shipped in ``wirewatch/models/attribution``).
        frames_path: a frame table to use instead of the mode's (``lemma<TAB>relation<TAB>conf``).

    Raises:
        ConfigError: ``mode`` is unknown or the learned table is missing.
    """

    def __init__(
        self, nlp: Language, name: str, mode: str = "rules", frames_path: str | None = None
    ) -> None:
        if mode not in MODES:
            raise ConfigError(f"wirewatch_quotes: mode {mode!r} is not one of {MODES}")
        self.name = name
        self.mode = mode
        if frames_path is None and mode == "learned":
            learned = learned_frames_path()
            if not learned.exists():
                raise ConfigError(
                    f"wirewatch_quotes: learned cue frames not found at {learned}; run "
                    "`wirewatch train attribution --data ../shared/data/polnear/train` or use "
                    'mode "rules"'
                )
            frames_path = str(learned)
        self.frames: FrameTable = load_frames(frames_path)
        if mode == "learned" and BACKOFF_TO_RULES:
            # a lemma the training split never showed as a cue falls back to the hand table
            hand = load_frames(None)
            self.frames = {**hand, **self.frames}
        self.verbs = reporting_verbs() | {
            lemma for lemma, rels in self.frames.items() if "ccomp" in rels
        }
        self.known = self.verbs | set(self.frames) | _RAISING | _PASSIVE_RAISING
        phrases = cue_phrases()
        self.source_preps = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.source_preps.add("SOURCE_PREP", [nlp.make_doc(p) for p in phrases["source_prep"]])
        self.extensions = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.extensions.add("CUE_EXT", [nlp.make_doc(p) for p in phrases["cue_extension"]])

    def __call__(self, doc: Doc) -> Doc:
        found: tuple[list[_Cand], _Ctx] | None
        try:
            found = self.find(doc)
        except Exception as exc:  # never sink the document
            add_diagnostic(doc, self.name, f"attribution search failed: {exc!r}")
            found = None
        self.set_annotations(doc, found)
        return doc

    # ------------------------------------------------------------------ finding
    def find(self, doc: Doc) -> tuple[list[_Cand], _Ctx]:
        """All attributions of ``doc`` (ordered by content start) and the lookups used."""
        ctx = _Ctx(doc)
        for pos, msg in ctx.problems:
            add_diagnostic(doc, self.name, msg, _sd(ctx.text, pos, min(pos + 1, len(ctx.text))))
        ext_at: dict[int, int] = {}
        for _, s, e in self.extensions(doc):
            ext_at[s] = max(e, ext_at.get(s, e))
        cands: list[_Cand] = []
        preps = [doc[s:e] for _, s, e in self.source_preps(doc)]
        for phrase in preps:
            ctx.foreign.update(t.i for t in phrase[0].subtree)
            ctx.foreign.update(t.i for t in phrase)
        for tok in doc:  # "In a new poll, ...": a sentence-initial source preposition
            if tok.lower_ == "in" and tok.dep_ == "prep" and tok.i - tok.sent.start <= 1:
                pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.lemma_.lower() in _SOURCE_NOUNS:
                    preps.append(doc[tok.i : tok.i + 1])
                    ctx.foreign.update(t.i for t in tok.subtree)
        for phrase in preps:
            self._guard(doc, cands, self._according, phrase, ctx)
        for tok in doc:
            if not tok.tag_.startswith("VB"):
                continue
            lemma = cue_lemma(tok, self.known)
            n = len(cands)
            if lemma in _ATTITUDE_VERBS and self._reported_inside(tok):
                continue
            if PUT_IT and tok.lemma_.lower() == "put":
                self._guard(doc, cands, self._put_it, tok, ctx)
                if len(cands) > n:
                    continue
            if SUPPORT_NOUNS and lemma in _SUPPORT_VERBS:
                self._guard(doc, cands, self._support_noun, tok, ctx)
                if len(cands) > n:
                    continue
            if lemma in self.verbs:
                self._guard(doc, cands, self._verb, tok, ctx, ext_at)
            if len(cands) == n and lemma in self.frames and RELATIVE_OBJECT:
                self._guard(doc, cands, self._relative_object, tok, lemma, ctx)
            if len(cands) == n and lemma in self.frames:
                self._guard(doc, cands, self._frame, tok, ctx)
            if len(cands) == n and (lemma in _RAISING or lemma in _PASSIVE_RAISING):
                self._guard(doc, cands, self._raising, tok, ctx)
            if len(cands) == n and PASSIVE_AGENT and tok.tag_ == "VBN" and lemma in self.known:
                self._guard(doc, cands, self._passive_agent, tok, lemma, ctx)
        # an adjective or noun cue inside the content of a cue found so far is not taken
        spans = [c.content for c in cands]
        adjs = cue_adjectives() if ADJ_CUES else frozenset()
        nouns = cue_nouns() if NOUN_CUES else frozenset()
        fn: Any
        for tok in doc:
            lemma = tok.lemma_.lower()
            if lemma in adjs and tok.dep_ == "acomp":
                fn = self._adjective_cue
            elif lemma in nouns and tok.pos_ == "NOUN":
                fn = self._noun_cue
            else:
                continue
            if not any(a <= tok.idx < b for a, b in spans):
                self._guard(doc, cands, fn, tok, ctx)
        for tok in doc:
            if tok.lower_ in _HEARSAY_ADVERBS and tok.dep_ == "advmod":
                self._guard(doc, cands, self._hearsay_adverb, tok, ctx)
        try:
            cands.extend(self._dash_signoffs(doc, ctx))
        except Exception as exc:  # one bad rule: diagnose and go on
            add_diagnostic(doc, self.name, f"sign-off rule skipped: {exc!r}")
        try:
            cands.extend(self._colon_heads(doc, ctx))
        except Exception as exc:  # one bad rule: diagnose and go on
            add_diagnostic(doc, self.name, f"colon rule skipped: {exc!r}")
        cands = self._dedupe(cands)
        if STRETCH_CUES:
            for c in cands:
                self._stretch_cue(doc, c, ctx)
        if QUOTE_FRAMES:
            try:
                cands.extend(self._quote_frames(doc, cands, ctx))
            except Exception as exc:  # one bad rule: diagnose and go on
                add_diagnostic(doc, self.name, f"quote-frame rule skipped: {exc!r}")
        self._bare(doc, cands, ctx)
        if MERGE_PARAGRAPH_CONTINUATIONS:
            cands = self._merge_continuations(cands, ctx)
        cands.sort(key=lambda c: c.content[0])
        return cands, ctx

    def _reported_inside(self, v: Token) -> bool:
        """Whether verb ``v`` heads the clause reported by a reporting verb before it.

        "Aides said he believes the race is close": the belief is part of what was said, and
        PolNeAR annotates the outer cue only. True when ``v`` is the ``ccomp`` of an earlier
        reporting verb (``resources/reporting_verbs.txt`` or a clausal cue frame).
        """
        h = v.head
        return v.dep_ == "ccomp" and h.i < v.i and cue_lemma(h, self.verbs) in self.verbs

    def _guard(self, doc: Doc, out: list[_Cand], fn: Any, *args: Any) -> None:
        try:
            cand = fn(doc, *args)
        except Exception as exc:  # one bad candidate: diagnose and skip
            a = args[0]
            add_diagnostic(
                doc,
                self.name,
                f"candidate skipped: {exc!r}",
                span_dict(
                    doc,
                    a.idx if isinstance(a, Token) else a.start_char,
                    a.idx + len(a) if isinstance(a, Token) else a.end_char,
                ),
            )
            return
        if cand is not None:
            out.append(cand)

    @staticmethod
    def _np(doc: Doc, head: Token, appositive: bool | None = None) -> tuple[int, int]:
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
            dateline = t.text in _DASHES and t.i > 0 and bool(doc[t.i - 1].whitespace_)
            if "\n" in t.text or dateline or t.text in _QUOTE_TOKENS:
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
            if t.is_space or t.text in _QUOTE_TOKENS:
                if appositive:  # a quotation inside the appositive: keep the core phrase only
                    return QuoteAttributor._np(doc, head, appositive=False)
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

    def _content(
        self,
        doc: Doc,
        toks: set[int],
        avoid: list[tuple[int, int]],
        ctx: _Ctx,
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
            return t.is_space or (t.is_punct and t.text not in _QUOTE_TOKENS)

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
                first.tag_ in ("WRB", "WP", "WDT")
                and lo + 1 < len(doc)
                and doc[lo + 1].pos_ == "AUX"
            )
            if inverted:
                e = doc[hi + 1].idx + 1
        for r in ctx.regions_overlapping(s, e):
            if any(_overlaps((r.start, r.end), a) for a in avoid):
                continue
            s, e = min(s, r.start), max(e, r.end)
        return s, e

    def _subject(self, v: Token, ctx: _Ctx) -> tuple[Token | None, bool]:
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

    def _verb(self, doc: Doc, v: Token, ctx: _Ctx, ext_at: dict[int, int]) -> _Cand | None:
        if ctx.tok_region[v.i] >= 0:
            return None  # a cue inside a quotation belongs to the quoted speaker
        subj, passive = self._subject(v, ctx)
        if subj is None and not passive:
            return None
        if subj is not None and (subj.lower_ in _NOT_SOURCES or ctx.tok_region[subj.i] >= 0):
            return None
        cue_end = v.i + 1
        if cue_end < len(doc) and doc[cue_end].dep_ == "prt" and doc[cue_end].head.i == v.i:
            cue_end += 1  # "pointed out", "laid out": the particle is part of the verb
        cue_end = ext_at.get(cue_end, cue_end)
        if CUE_ADVERBS:
            cue_end = _adverbs_after(doc, v, cue_end)
        cue_start = v.i
        if CUE_AUX:
            # "has said", "does not think", "also said": auxiliaries, negation and adverbs
            # standing right before the verb belong to the cue (PolNeAR)
            cue_start = _group_start(v, cue_start)
        if CHAINS:
            cue_start = self._chain_start(doc, v, cue_start)
        cue = (doc[cue_start].idx, doc[cue_end - 1].idx + len(doc[cue_end - 1].text))
        if subj is not None:
            subj = self._after_dateline(doc, subj)
        relcl = subj is not None and v.dep_ == "relcl" and subj.i == v.head.i
        source = self._np(doc, subj, appositive=not relcl) if subj is not None else None
        source, name_span = self._relative_source(doc, v, source, relcl)
        avoid = [cue] + ([source] if source else [])
        comps = [
            c
            for c in v.children
            if c.dep_ == "ccomp" and c.i >= cue_end or (c.dep_ == "ccomp" and c.i < v.i)
        ]
        if not comps:
            comps = _reported_question(v, cue_end)
        kind = "verb"
        skip: list[tuple[int, int]] = []
        content = None
        if comps:
            toks = {t.i for c in comps for t in c.subtree}
            if INSERTED_SPAN and all(c.i < v.i for c in comps):
                toks |= self._inserted_tail(doc, v, comps)
            frame = [v.i] + ([subj.i] if subj is not None else [])
            toks = _clausal_side(doc, toks, min(frame), max(frame))
            toks -= _own_clauses(doc, comps)
            if SECOND_CUE_CUT:
                toks -= self._second_cue(doc, v, toks)
            if TRIM_ASIDES:
                toks -= _trailing_asides(doc, toks, v)
            content = self._content(doc, toks, avoid, ctx, v)
            if content is not None and content[0] < cue[0] and cue[1] < content[1]:
                skip = [(min(a[0] for a in avoid), max(a[1] for a in avoid))]
                kind = "inserted"
        if content is None and subj is not None and AS_CLAUSE:
            content = self._as_clause(doc, v, avoid, ctx)
            kind = "as" if content else kind
        if content is None and subj is not None:
            content = self._object_quote(doc, v, avoid, ctx)
            if content is None:
                content, skip = self._inserted(doc, v, subj, avoid, ctx)
                kind = "inserted" if content else kind
            if content is None:
                content = self._adjacent(doc, v, subj, cue_end, ctx)
                kind = "adjacent" if content else kind
        if content is None:
            return None
        if any(_overlaps(content, a) for a in avoid) and not skip:
            return None
        if content[1] <= cue[0] and not skip:
            follow = self._following_quote(doc, v, content, ctx)
            if follow is not None:
                skip = [(content[1], follow.start)]
                content = (content[0], follow.end)
        if not skip and JOIN_QUOTE_PIECES:
            content, skip = self._join_quote_pieces(doc, v, subj, content, cue, ctx)
        conf = 0.85 if kind == "verb" else 0.8
        if passive:
            conf = 0.6
        elif subj is not None and subj.lower_ in PRONOUNS:
            conf -= 0.1
        return _Cand(
            content,
            cue,
            source,
            subj.i if subj is not None else None,
            kind,
            conf,
            skip,
            name_span=name_span,
        )

    @staticmethod
    def _chain_start(doc: Doc, v: Token, cue_start: int) -> int:
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
        if any(t.is_punct or t.text in _QUOTE_TOKENS for t in doc[h.i : v.i]):
            return cue_start
        start = h.i
        start = _group_start(h, start)
        return min(start, cue_start)

    @staticmethod
    def _relative_source(
        doc: Doc, v: Token, source: tuple[int, int] | None, relcl: bool
    ) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        """``(source, name_span)``: in "X, who said ...", the source is "who" (PARC/PolNeAR mark
        the relative pronoun) and X, its antecedent, names it."""
        if not (relcl and RELATIVE_SOURCE and source is not None):
            return source, None
        pron = next(
            (c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WP", "WDT")),
            None,
        )
        if pron is None:
            return source, None
        return (pron.idx, pron.idx + len(pron.text)), source

    def _support_noun(self, doc: Doc, v: Token, ctx: _Ctx) -> _Cand | None:
        """A support verb with a cue noun as its object: "X issued a statement saying Y".

        PolNeAR's guidelines ask for the sentient source and put the act or artifact of
        expression in the cue ("She issued a statement indicating that ...", "He raised the
        concern that ..."; one contiguous cue). The cue runs from the support verb (with its
        auxiliaries, negation and adverbs) over its object, a cue noun of
        ``resources/cue_nouns.txt`` or "case" ("made the case"), to what joins the content:
        a reporting participle ("issued a statement saying", whose clause is the content) or
        nothing (the noun's "that" clause, "that" included, is the content: "made the case
        that ..."). A noun with a prepositional object ("expressed concern about X", "raised
        questions about X") is left to the verb's own frame: on PolNeAR train joining the
        preposition to the cue gave 57 exact cues and lost 69.

        Args:
            doc: the parsed document.
            v: a verb whose lemma is a support verb (``_SUPPORT_VERBS``).
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
        if obj is None or obj.pos_ != "NOUN" or ctx.tok_region[obj.i] >= 0:
            return None
        noun = obj.lemma_.lower()
        if noun not in cue_nouns() and noun not in _SUPPORT_EXTRA_NOUNS:
            return None
        if any(t.is_punct or t.pos_ in ("VERB", "AUX") for t in doc[k : obj.i]):
            return None  # the object's left side is its determiner and modifiers only
        subj, passive = self._subject(v, ctx)
        if subj is None or passive or subj.lower_ in _NOT_SOURCES or ctx.tok_region[subj.i] >= 0:
            return None
        if subj.lower_ == "it":
            return None  # "It sends a message that ...": a fact, not a sentient source
        toks: set[int] = set()
        cue_end = obj.i + 1
        for c in obj.children:
            if c.i <= obj.i:
                continue
            if c.dep_ == "acl" and c.tag_ == "VBG" and c.i == obj.i + 1:
                if cue_lemma(c, self.verbs) not in self.verbs:
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
            else:
                continue
            break
        if not toks:
            return None
        cue_start = v.i
        cue_start = _group_start(v, cue_start)
        if CHAINS:  # "tried to make the case that"
            cue_start = self._chain_start(doc, v, cue_start)
        cue = (doc[cue_start].idx, doc[cue_end - 1].idx + len(doc[cue_end - 1].text))
        subj = self._after_dateline(doc, subj)
        relcl = v.dep_ == "relcl" and subj.i == v.head.i
        source = self._np(doc, subj, appositive=not relcl)
        content = self._content(doc, toks, [cue, source], ctx, v)
        if content is None or content[0] < cue[1]:
            return None
        rel_source, name_span = self._relative_source(doc, v, source, relcl)
        return _Cand(content, cue, rel_source, subj.i, "verb", 0.8, name_span=name_span)

    def _relative_object(self, doc: Doc, v: Token, lemma: str, ctx: _Ctx) -> _Cand | None:
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
        if "dobj" not in self.frames.get(lemma, {}) or ctx.tok_region[v.i] >= 0:
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
        if subj.lower_ in _NOT_SOURCES or subj.tag_ in ("WP", "WDT") or ctx.tok_region[subj.i] >= 0:
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
        start = _group_start(v, start)
        cue = (doc[start].idx, v.idx + len(v.text))
        source = self._np(doc, subj, appositive=False)
        toks = {pron.i} | {t.i for c in preds for t in c.subtree}
        toks |= set(range(pron.i, max(toks) + 1))
        content = self._content(doc, toks, [], ctx, v)
        if content is None or not (content[0] < source[0] and cue[1] < content[1]):
            return None
        return _Cand(content, cue, source, subj.i, "frame", 0.79, [(source[0], cue[1])])

    def _frame(self, doc: Doc, v: Token, ctx: _Ctx) -> _Cand | None:
        """A cue frame other than a reported clause: "declined to comment", "endorsed X"."""
        if ctx.tok_region[v.i] >= 0 or v.i in ctx.foreign or v.dep_ == "xcomp":
            return None  # "declined to comment on X": the infinitive is content, not a cue
        if (
            NO_NESTED_FRAMES
            and v.dep_ in NESTED_DEPS
            and ctx.para_of(v.head.idx) == ctx.para_of(v.idx)
        ):
            # "X said Y attacked Z", "a tweet attacking Z": a stance inside a reported clause or a
            # noun's modifier is rarely annotated on its own
            return None
        table = self.frames[cue_lemma(v, self.frames)]
        best = None
        for rel, toks, cue_end in frame_spans(v):
            f = table.get(rel)
            if f is None or rel == "ccomp":
                continue
            # on a tie the object with its reason phrase wins ("blasted X for Y")
            if (
                best is None
                or f.confidence > best[0]
                or (f.confidence == best[0] and rel == "dobj_pp")
            ):
                best = (f.confidence, toks, cue_end)
        if best is None:
            return None
        conf, toks, cue_end = best
        subj, passive = self._subject(v, ctx)
        if subj is None or passive:
            return None
        if subj.lower_ in _NOT_SOURCES or ctx.tok_region[subj.i] >= 0:
            return None
        subj = self._after_dateline(doc, subj)
        cue_start = v.i
        cue_start = _group_start(v, cue_start)
        cue = (doc[cue_start].idx, doc[cue_end - 1].idx + len(doc[cue_end - 1].text))
        relcl = v.dep_ == "relcl" and subj.i == v.head.i
        source = self._np(doc, subj, appositive=not relcl)
        avoid = [cue, source]
        if TRIM_ASIDES:
            toks = toks - _trailing_asides(doc, toks, v)
        content = self._content(doc, toks, avoid, ctx, v)
        if content is None or any(_overlaps(content, a) for a in avoid):
            return None
        rel_source, name_span = self._relative_source(doc, v, source, relcl)
        return _Cand(
            content, cue, rel_source, subj.i, "frame", min(conf, 0.79), name_span=name_span
        )

    def _clause_content(
        self, doc: Doc, head: Token, ctx: _Ctx, cue: tuple[int, int]
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
            toks -= _own_clauses(doc, [head])
        if not toks:
            return None
        return self._content(doc, toks, [], ctx, head)

    def _raising(self, doc: Doc, v: Token, ctx: _Ctx) -> _Cand | None:
        """ "X seemed to Y", "X is expected to Y": a sourceless attribution of the whole clause.

        PolNeAR marks the raising verb (with its auxiliaries) as the cue, no source, and the
        whole clause, subject and cue included, as the content.
        """
        if not RAISING or ctx.tok_region[v.i] >= 0:
            return None
        kids = list(v.children)
        lemma = cue_lemma(v, _RAISING | _PASSIVE_RAISING)
        if lemma in _RAISING:
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
        lo = _group_start(v, lo, _PASSIVE_GROUP)
        cue = (doc[lo].idx, v.idx + len(v.text))
        content = self._clause_content(doc, v, ctx, cue)
        if content is None or not (content[0] <= cue[0] and cue[1] <= content[1]):
            return None
        return _Cand(content, cue, None, None, "raising", 0.55, [cue])

    def _passive_agent(self, doc: Doc, v: Token, lemma: str, ctx: _Ctx) -> _Cand | None:
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
        frames = self.frames.get(lemma, {})
        if not ({"dobj", "dobj_pp"} & set(frames)) or ctx.tok_region[v.i] >= 0:
            return None
        if v.dep_ in ("relcl", "acl") or v.i in ctx.foreign:
            return None  # "the plan, which was ...": the relative pronoun is no content
        kids = list(v.children)
        subj = next((c for c in kids if c.dep_ == "nsubjpass" and c.i < v.i), None)
        agent = next((c for c in kids if c.dep_ == "agent" and c.i > v.i), None)
        if subj is None or agent is None or not any(c.dep_ == "auxpass" for c in kids):
            return None
        if subj.lower_ in _NOT_SOURCES or subj.tag_ in ("WP", "WDT"):
            return None
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if pobj is None or ctx.tok_region[pobj.i] >= 0:
            return None
        lo = v.i
        lo = _group_start(v, lo, _PASSIVE_GROUP)
        cue = (doc[lo].idx, v.idx + len(v.text))
        source = self._np(doc, pobj)
        content = self._content(doc, {t.i for t in subj.subtree}, [cue, source], ctx, v)
        if content is None or content[1] > cue[0]:
            return None
        return _Cand(content, cue, source, pobj.i, "passive", 0.6)

    def _hearsay_adverb(self, doc: Doc, adv: Token, ctx: _Ctx) -> _Cand | None:
        """ "X is reportedly spending ...": the adverb is the cue, the clause the content."""
        if not RAISING or ctx.tok_region[adv.i] >= 0:
            return None
        head = adv.head
        if head.pos_ not in ("VERB", "AUX") or not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in head.children
        ):
            return None
        cue = (adv.idx, adv.idx + len(adv.text))
        content = self._clause_content(doc, head, ctx, cue)
        if content is None or not (content[0] <= cue[0] and cue[1] <= content[1]):
            return None
        return _Cand(content, cue, None, None, "raising", 0.55, [cue])

    def _adjective_cue(self, doc: Doc, adj: Token, ctx: _Ctx) -> _Cand | None:
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
        if subj is None or subj.lower_ in _NOT_SOURCES or subj.lower_ == "it":
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
                toks = _prep_content(c)
                cue_end = c.i + 1 if toks else cue_end
                break
        if not toks:
            return None
        start = cop.i
        start = _group_start(cop, start)
        cue = (doc[start].idx, doc[cue_end - 1].idx + len(doc[cue_end - 1].text))
        subj = self._after_dateline(doc, subj)
        source = self._np(doc, subj)
        content = self._content(doc, toks, [cue, source], ctx, adj)
        if content is None or content[0] < cue[1]:
            return None
        return _Cand(content, cue, source, subj.i, "adjective", 0.6)

    def _noun_cue(self, doc: Doc, n: Token, ctx: _Ctx) -> _Cand | None:
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
        if poss.lower_ in _NOT_SOURCES or poss.lower_ in ("its", "whose"):
            return None
        toks, cue_end = self._noun_complement(n)
        if not toks:
            return None
        cue = (doc[poss.right_edge.i + 1].idx, doc[cue_end - 1].idx + len(doc[cue_end - 1].text))
        source = self._np(doc, poss, appositive=False)
        content = self._content(doc, toks, [cue, source], ctx, n)
        if content is None or content[0] < cue[1]:
            return None
        return _Cand(content, cue, source, poss.i, "noun", 0.6)

    @staticmethod
    def _noun_complement(n: Token) -> tuple[set[int], int]:
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
                toks = _prep_content(c)
                cue_end = c.i + 1 if toks else cue_end
                break
        return toks, cue_end

    def _dash_signoffs(self, doc: Doc, ctx: _Ctx) -> list[_Cand]:
        """ "“...” ― Maria Lopez": a quotation signed by a dash and a name at the end of its line.

        Reader comments, pull quotes and vox pops. The dash is the cue, the name (up to six
        capitalised words, to the line end) the source, the quotation the content. A quotation
        that is a whole paragraph may be signed on the next line ("“...”¶¶— Maria Lopez, a
        nurse."): the name then ends at the first comma.
        """
        out: list[_Cand] = []
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
                _Cand(
                    (r.start, r.end),
                    cue,
                    (name.start_char, name.end_char),
                    name.root.i,
                    "signoff",
                    0.7,
                )
            )
        return out

    def _colon_heads(self, doc: Doc, ctx: _Ctx) -> list[_Cand]:
        """ "Paul Ryan: FBI decision defies explanation": a short name, a colon, a statement.

        Only at a paragraph start (headlines, transcripts), the name a proper noun or a document
        noun ("Report"); the content runs to the paragraph end, final punctuation trimmed.
        """
        out: list[_Cand] = []
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
            if len(words) < 4 or not (
                headline or any(doc[i].pos_ in ("VERB", "AUX") for i in rest)
            ):
                continue  # a headline may be verbless ("Lynch: No outside influence on ...")
            content = self._content(doc, set(rest), [], ctx, colon)
            if content is None:
                continue
            src = (name.start_char, name.end_char)
            cue = (colon.idx, colon.idx + 1)
            out.append(_Cand(content, cue, src, name.root.i, "colon", 0.6))
        if COLON_QUOTES:
            out.extend(self._colon_quotes(doc, ctx, {c.cue for c in out}))
        return out

    @staticmethod
    def _colon_quotes(doc: Doc, ctx: _Ctx, taken: set[tuple[int, int] | None]) -> list[_Cand]:
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
        out: list[_Cand] = []
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
                or prev.text in _DASHES
                or prev.text in (".", "!", "?", "”", '"', "''")
                or prev.is_space
                and (k == 0 or "\n" in prev.text or doc[k - 1].text in (".", "”"))
            )
            if not boundary:
                continue
            heads = [t for t in name if t.head.i < first or t.head.i >= colon.i or t.head.i == t.i]
            head = next((t for t in heads if t.pos_ == "PROPN"), name[-1])
            src = (name.start_char, name.end_char)
            out.append(_Cand((r.start, r.end), cue, src, head.i, "colon", 0.6))
        return out

    @staticmethod
    def _stretch_cue(doc: Doc, c: _Cand, ctx: _Ctx) -> None:
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

    @staticmethod
    def _after_dateline(doc: Doc, subj: Token) -> Token:
        """The real subject when the parser took a dateline for it ("ORLANDO (Reuters) - X")."""
        for t in doc[subj.i + 1 : subj.right_edge.i]:
            if t.text in _DASHES and bool(doc[t.i - 1].whitespace_):
                later = [c for c in subj.children if c.dep_ == "appos" and c.i > t.i]
                return later[0] if later else subj
        return subj

    @staticmethod
    def _join_quote_pieces(
        doc: Doc,
        v: Token,
        subj: Token | None,
        content: tuple[int, int],
        cue: tuple[int, int],
        ctx: _Ctx,
    ) -> tuple[tuple[int, int], list[tuple[int, int]]]:
        """Join the two quotations a source and cue are inserted between into one content.

        News writes one utterance as "“A,” she said, “B.”" or "“A,” she said. “B.”" (same
        paragraph); PARC 3.0 and PolNeAR take A and B as one content with the source and cue
        inside it ("content continuations", PolNeAR guidelines), whichever piece the parser
        hangs on the cue. From a content that is a quotation ending before the cue (or starting
        after it), the tokens of the frame -- cue, source, their dependents outside quotations
        ("said on Monday in Paris") and punctuation -- are crossed up to the quotation on the
        other side: after the frame it must follow a comma, colon or sentence end; before the
        frame it must end with a comma ("“A,” she said, “B.”"; "“A.” She adds, “B.”" is two
        attributions). A line break, a word outside the frame or a second verb (a cue of its
        own: "said, adding later, “B”") stops the search.

        Args:
            doc: the parsed document.
            v: the cue verb.
            subj: the source's head token, or None.
            content: ``(start_char, end_char)`` of the content found so far.
            cue: ``(start_char, end_char)`` of the cue.
            ctx: per-document lookups (quotation regions, paragraphs).

        Returns:
            ``(content, skip)``: the joined content and the inserted stretch between the two
            pieces as a one-element skip list, or the content unchanged and an empty list.
        """
        frame = {t.i for t in v.subtree}
        source = {t.i for t in subj.subtree} if subj is not None else set()
        frame |= source
        lo_tok = min(v.i, subj.i if subj is not None else v.i)
        hi_tok = max(v.i, subj.i if subj is not None else v.i)

        def crossable(t: Token) -> bool:
            if t.is_space:
                return "\n" not in t.text
            if t.i not in frame or ctx.tok_region[t.i] >= 0:
                return t.is_punct and t.text not in _QUOTE_TOKENS
            if t.is_punct or t.i in source:
                return True
            return t.pos_ not in ("VERB", "AUX") or (t.head.i == v.i and t.dep_ in ("aux", "neg"))

        def boundary(end: int) -> bool:
            """The text before offset ``end`` closes a piece: ``,`` ``.`` ``:`` (marks aside)."""
            tail = _QMARK_TAIL.sub("", ctx.text[max(0, end - 6) : end].rstrip()).rstrip()
            return bool(tail) and tail[-1] in ",.:;!?"

        if not all(crossable(t) for t in doc[lo_tok + 1 : hi_tok]):
            return content, []  # "A,” X sang before asking, “B”": two cues, two contents
        regions = ctx.regions_overlapping(content[0], content[1])
        if any(r.end == content[1] for r in regions) and content[1] <= min(cue[0], doc[lo_tok].idx):
            k = hi_tok + 1
            while k < len(doc):
                t = doc[k]
                r = ctx.region_starting_at(t)
                if r is not None and t.i in frame and not boundary(t.idx):
                    title = doc.char_span(r.start, r.end, alignment_mode="expand")
                    k = max(k + 1, title.end if title is not None else k + 1)
                    continue  # a title inside the frame: "said on “Meet the Press.”"
                if r is not None:
                    if boundary(t.idx):
                        return (content[0], r.end), [(content[1], r.start)]
                    break
                if not crossable(t):
                    break
                k += 1
        elif any(r.start == content[0] for r in regions) and content[0] >= cue[1]:
            k = lo_tok - 1
            while k >= 0:
                t = doc[k]
                r = ctx.region_ending_at(t)
                if r is not None:
                    gap = ctx.text[r.end : doc[lo_tok].idx]
                    closing = _QMARK_TAIL.sub("", ctx.text[r.start : r.end]).rstrip()
                    if r.end < content[0] and (closing.endswith(",") or gap.strip() == ","):
                        return (r.start, content[1]), [(r.end, content[0])]
                    break
                if not crossable(t):
                    break
                k -= 1
        return content, []

    @staticmethod
    def _following_quote(doc: Doc, v: Token, content: tuple[int, int], ctx: _Ctx) -> Region | None:
        """The quotation that goes on right after "“A,” he said." in the same paragraph.

        News writes one utterance as "“A,” she said. “B.”"; PARC/PolNeAR take A and B as one
        content, with the source and cue inside it (as for "“A,” she said, “B.”").
        """
        if not any(
            r.end == content[1] for r in ctx.regions_overlapping(content[1] - 1, content[1])
        ):
            return None
        if any(
            c.dep_ == "conj" and c.i > v.i and any(g.dep_ == "nsubj" for g in c.children)
            for c in v.children
        ):
            return None  # "“A,” she said, and her husband cut in. “B.”": B is his
        j = v.sent.end
        # the parser may end the sentence after the next opening mark ("said. ''For ...")
        while j - 1 > v.i and ctx.region_starting_at(doc[j - 1]) is not None:
            j -= 1
        while j < len(doc) and doc[j].is_space and "\n" not in doc[j].text:
            j += 1
        if j >= len(doc) or ctx.para_of(doc[j].idx) != ctx.para_of(v.idx):
            return None
        return ctx.region_starting_at(doc[j])

    def _put_it(self, doc: Doc, v: Token, ctx: _Ctx) -> _Cand | None:
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
        if subj is None or subj.lower_ in _NOT_SOURCES or ctx.tok_region[subj.i] >= 0:
            return None
        cue_end = _adverbs_after(doc, v, it.i + 1)
        cue_start = v.i
        cue_start = _group_start(v, cue_start)
        cue = (doc[cue_start].idx, doc[cue_end - 1].idx + len(doc[cue_end - 1].text))
        source = self._np(doc, subj)
        avoid = [cue, source]
        content = self._as_clause(doc, v, avoid, ctx, allow_object=True)
        if content is None:
            k = cue_end
            while k < len(doc) and (doc[k].text in (":", ",") or doc[k].is_space):
                k += 1
            r = ctx.region_starting_at(doc[k]) if k < len(doc) else None
            if r is None or ctx.para_of(r.start) != ctx.para_of(v.idx):
                return None
            content = (r.start, r.end)
        if any(_overlaps(content, a) for a in avoid):
            return None
        return _Cand(content, cue, source, subj.i, "verb", 0.8)

    def _as_clause(
        self,
        doc: Doc,
        v: Token,
        avoid: list[tuple[int, int]],
        ctx: _Ctx,
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
        content = self._content(doc, toks, avoid, ctx, v)
        if content is None or (content[0] < v.idx < content[1]):
            return None  # the "as" clause stands inside the content: not this kind
        return content

    def _object_quote(
        self, doc: Doc, v: Token, avoid: list[tuple[int, int]], ctx: _Ctx
    ) -> tuple[int, int] | None:
        """Content when the verb's direct object holds a substantial quotation."""
        for c in v.children:
            if c.dep_ != "dobj" or c.i < v.i:
                continue
            toks = {t.i for t in c.subtree}
            for r in ctx.regions_overlapping(doc[min(toks)].idx, doc[max(toks)].idx + 1):
                if self._substantial(doc, r, ctx):
                    return self._content(doc, toks, avoid, ctx, v)
        return None

    def _second_cue(self, doc: Doc, v: Token, toks: set[int]) -> set[int]:
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
                and not any(k.text in _QUOTE_TOKENS for k in doc[v.i : t.i])
            ):
                lo = t.left_edge.i
                while lo - 1 > v.i and (doc[lo - 1].dep_ == "cc" or doc[lo - 1].text == ","):
                    lo -= 1
                return {k for k in toks if k >= lo}
        return set()

    def _inserted_tail(self, doc: Doc, v: Token, comps: list[Token]) -> set[int]:
        """Tokens of the content's second half after an inserted frame: "A, she said, and B".

        When the content comes before the cue ("A, the agency said in a report, and B",
        "A, he said, until B"), the parser hangs what follows the frame on the cue; a clause
        set off by a comma after the frame goes on with the content (PolNeAR marks A and B as
        one discontinuous content). A reporting verb there is a cue of its own ("..., adding
        that ...") and a verbless phrase is the cue's circumstance; neither is taken.
        """
        out: set[int] = set()
        first = max(min(c.left_edge.i for c in comps) - 1, 0)
        if any(t.text in _QUOTE_TOKENS for t in doc[first : v.i]):
            return out  # "“A,” he said, as the crowd cheered": after a quotation, the writer's
        sent_end = v.sent.end
        ccs = {g.i for g in v.children if g.dep_ == "cc"}
        for c in v.children:
            if c.i <= v.i or c.dep_ not in ("conj", "advcl") or c.right_edge.i >= sent_end + 1:
                continue
            if c.lemma_.lower() in self.verbs:
                continue
            if c.dep_ == "conj" and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                continue  # "A, she said, and called B ...": a second act of the source
            lo = c.left_edge.i
            while lo - 1 in ccs:
                lo -= 1
            if (
                lo == 0
                or doc[lo - 1].text != ","
                or any(t.text in _QUOTE_TOKENS for t in c.subtree)
            ):
                continue
            out.update(t.i for t in c.subtree)
            out.update(range(lo, c.left_edge.i))
        return out

    def _inserted(
        self, doc: Doc, v: Token, subj: Token, avoid: list[tuple[int, int]], ctx: _Ctx
    ) -> tuple[tuple[int, int] | None, list[tuple[int, int]]]:
        """Content when the cue is inserted in it: "..., he says, ..." or "argued X, “...”".

        The content is the clause the cue is inserted in, less the frame (cue, source and the
        cue's own dependents). When the parser hangs the inserted frame on the subject noun
        ("The difference now, he said, is ..."), the clause is that noun's verb's; what it hangs
        on the cue before the source, when it is a clause ("Although A, she said, B"), is on
        the content side of the frame and stays in the content, unless a colon after the cue
        opens the content ("As for A, he said: “B”").
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
        sent = v.sent
        toks = {t.i for t in h.subtree if t.i not in frame and sent.start <= t.i < sent.end}
        lo_i, hi_i = min(frame), max(frame)
        toks = _clausal_side(doc, toks, lo_i, hi_i)
        content = self._content(doc, toks, avoid, ctx, v)
        if content is None:
            return None, []
        lo = doc[lo_i].idx
        hi = doc[hi_i].idx + len(doc[hi_i].text)
        if content[0] < lo < content[1] and content[0] < v.idx < content[1]:
            return content, [(lo, hi)]  # the cue stands inside the content, not only its clause
        return content, []

    def _adjacent(
        self, doc: Doc, v: Token, subj: Token, cue_end: int, ctx: _Ctx
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

    def _according(self, doc: Doc, phrase: Span, ctx: _Ctx) -> _Cand | None:
        first, last = phrase[0], phrase[-1]
        if ctx.tok_region[first.i] >= 0:
            return None
        pobj = next((c for c in last.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        source = self._np(doc, pobj)
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
        toks -= _after_according(toks, head, own)
        saved = ctx.foreign
        ctx.foreign = set()
        try:
            content = self._content(doc, toks, [cue, source], ctx, first)
        finally:
            ctx.foreign = saved
        if (
            content is None
            or _overlaps(content, cue)
            and not (content[0] < cue[0] and cue[1] < content[1])
        ):
            return None
        skip = [(cue[0], source[1])] if content[0] < cue[0] < content[1] else []
        return _Cand(content, cue, source, pobj.i, "according", 0.8, skip)

    @staticmethod
    def _dedupe(cands: list[_Cand]) -> list[_Cand]:
        """One attribution per content start and per cue: the most confident wins.

        Except an "according to" whose content holds a whole attribution ending before it:
        "“A,” X said, according to Y" is X's attribution of A and Y's of "“A,” X said" (both
        start at the quotation mark; PolNeAR marks both).
        """
        kept: list[_Cand] = []
        seen_content: set[int] = set()
        seen_cue: set[tuple[int, int]] = set()
        # "tried to argue that X": the chained cue "tried to argue" replaces "tried" + "to argue X"
        chained = [c.cue for c in cands if c.cue is not None]
        cands = [
            c
            for c in cands
            if c.cue is None
            or not any(
                k[0] == c.cue[0] and k[1] > c.cue[1] and c.content[0] <= k[1] <= c.content[1]
                for k in chained
            )
        ]
        kept_ends: dict[int, int] = {}
        for c in sorted(cands, key=lambda c: (-c.confidence, c.content[0])):
            if c.cue is not None and c.cue in seen_cue:
                continue
            if c.content[0] in seen_content and not (
                NESTED_ACCORDING
                and c.kind == "according"
                and c.cue is not None
                and kept_ends[c.content[0]] <= c.cue[0]
            ):
                continue
            seen_content.add(c.content[0])
            kept_ends[c.content[0]] = max(kept_ends.get(c.content[0], 0), c.content[1])
            if c.cue is not None:
                seen_cue.add(c.cue)
            kept.append(c)
        return kept

    def _quote_frames(self, doc: Doc, cands: list[_Cand], ctx: _Ctx) -> list[_Cand]:
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
        out: list[_Cand] = []
        claimed = [c.content for c in cands] + [c.cue for c in cands if c.cue is not None]
        for r in ctx.regions:
            if not r.closed or any(
                _overlaps((r.start, r.end), sp) for sp in claimed + [c.content for c in out]
            ):
                continue
            inner = _QMARK_TAIL.sub("", ctx.text[r.start : r.end]).rstrip()
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
            cand = self._frame_after(doc, span.end, r, claimed, ctx)
            if cand is not None:
                out.append(cand)
        return out

    def _frame_after(
        self, doc: Doc, k: int, r: Region, claimed: list[tuple[int, int]], ctx: _Ctx
    ) -> _Cand | None:
        """The frame in the tokens from index ``k`` after quotation ``r`` (see _quote_frames).

        Returns:
            The candidate, or None when the tokens up to the sentence end hold no reporting verb
            not yet a cue, or no name-like phrase before or right after it (``_name_like``).
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
            if _finite_or_perfect(t)
            and cue_lemma(t, self.verbs) in reporting_verbs()
            and not any(_overlaps((t.idx, t.idx + len(t.text)), sp) for sp in claimed)
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
            if not lead or lead[0].text == "," or not _name_like(lead[0]):
                return None
            if any(t.pos_ in ("VERB", "AUX") and not _name_like(t) for t in lead):
                return None
            ids = {t.i for t in lead}
            head = next((t for t in lead if t.head.i not in ids or t.head.i == t.i), None)
            if head is None or not _name_like(head):
                head = lead[0]
            src = (lead[0].idx, lead[-1].idx + len(lead[-1].text))
            if window[pos - 1].text == "," and pos - 1 > 0:
                src = (lead[0].idx, window[pos - 1].idx + 1)
        else:  # "said X": the noun phrase after the verb
            run: list[Token] = []
            for t in window[1:]:
                if not (_name_like(t) or t.pos_ in ("DET", "ADJ", "NUM") or t.tag_ == "NNP"):
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
                src = self._np(doc, head)
                src = (max(src[0], run[0].idx), src[1])
            else:  # no noun of the run heads it in the parse: the run itself
                head = run[-1]
                if not _name_like(head):
                    return None
                src = (run[0].idx, head.idx + len(head.text))
        if head.lower_ in _NOT_SOURCES or head.lower_ == "it":
            return None
        cue_end = _adverbs_after(doc, v, v.i + 1) if CUE_ADVERBS else v.i + 1
        cue_end = min(cue_end, window[-1].i + 1)
        if not lead and src[0] < doc[cue_end - 1].idx + len(doc[cue_end - 1].text):
            cue_end = v.i + 1
        cue = (doc[cue_lo].idx, doc[cue_end - 1].idx + len(doc[cue_end - 1].text))
        content = (r.start, r.end)
        skip: list[tuple[int, int]] = []
        follow = self._following_quote(doc, v, content, ctx)
        if follow is not None:
            skip = [(content[1], follow.start)]
            content = (content[0], follow.end)
        elif JOIN_QUOTE_PIECES:  # "“A,” X said, “B.”"
            content, skip = self._join_quote_pieces(doc, v, head, content, cue, ctx)
        return _Cand(content, cue, src, head.i, "adjacent", 0.75, skip)

    # ------------------------------------------------------------------ bare quotations
    @staticmethod
    def _substantial(doc: Doc, r: Region, ctx: _Ctx) -> bool:
        """A quotation long enough to be speech: >= 4 words and a verb, or a whole sentence."""
        span = doc.char_span(r.start, r.end, alignment_mode="expand")
        if span is None:
            return False
        words = [t for t in span if t.is_alpha or t.like_num]
        if len(words) >= _MIN_BARE_WORDS and any(t.pos_ in ("VERB", "AUX") for t in span):
            return True
        sent = span[0].sent
        return len(words) >= 3 and span.start <= sent.start + 1 and span.end >= sent.end - 2

    def _bare(self, doc: Doc, cands: list[_Cand], ctx: _Ctx) -> None:
        """Attach bare quotations (no cue) to the speaker they continue."""
        claimed = sorted(cands, key=lambda c: c.content[0])
        claimed_spans = [c.content for c in claimed] + [c.cue for c in claimed if c.cue]
        for r in ctx.regions:
            if any(_overlaps((r.start, r.end), sp) for sp in claimed_spans):
                continue
            if not self._substantial(doc, r, ctx):
                continue
            try:
                cand = self._continuation(doc, r, claimed, ctx)
            except Exception as exc:
                add_diagnostic(
                    doc,
                    self.name,
                    f"bare quotation skipped: {exc!r}",
                    _sd(ctx.text, r.start, r.end),
                )
                continue
            if cand is None:
                add_diagnostic(
                    doc,
                    self.name,
                    "quotation with no identifiable speaker",
                    _sd(ctx.text, r.start, r.end),
                )
                continue
            claimed.append(cand)
            claimed.sort(key=lambda c: c.content[0])
            cands.append(cand)

    def _continuation(self, doc: Doc, r: Region, claimed: list[_Cand], ctx: _Ctx) -> _Cand | None:
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
                and (
                    _overlaps(c.content, (prev.start_char, prev.end_char))
                    or (c.cue and _overlaps(c.cue, (prev.start_char, prev.end_char)))
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
                return _Cand(
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
                src = self._np(doc, subj)
                cue = self._bare_cue(doc, prev, r, ctx) if BARE_CUE_BEFORE else None
                if cue is not None:  # "Smith disagreed. “The plan will fail.”"
                    return _Cand((r.start, r.end), cue, src, subj.i, "adjacent", 0.6)
                same = self._same_speaker(doc, subj, claimed, r.start)
                return _Cand(
                    (r.start, r.end), None, src, subj.i, "continuation", 0.6, continues=same
                )
            if ctx.para_of(prev.start_char) != para:
                return None
            sent = prev
        return None

    def _bare_cue(self, doc: Doc, prev: Span, r: Region, ctx: _Ctx) -> tuple[int, int] | None:
        """The cue of a quotation that follows a speech verb standing alone in its sentence.

        "Smith disagreed. “The plan will fail.”", "Jones added. “...”": a reporting verb with no
        complement of its own that ends the sentence right before a quotation in the same
        paragraph reports that quotation (PolNeAR marks the verb as its cue). Returns the verb
        group's ``(start_char, end_char)``, or None.
        """
        v = prev.root
        if cue_lemma(v, self.verbs) not in self.verbs or not v.tag_.startswith("VB"):
            return None
        if any(c.dep_ in ("ccomp", "dobj", "xcomp", "prep", "advcl") for c in v.children):
            return None
        if ctx.para_of(prev.start_char) != ctx.para_of(r.start):
            return None
        if ctx.text[prev.end_char : r.start].strip(" .\t"):
            return None  # the quotation must open right after the sentence
        start = v.i
        start = _group_start(v, start)
        end = _adverbs_after(doc, v, v.i + 1) if CUE_ADVERBS else v.i + 1
        return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)

    @staticmethod
    def _merge_continuations(cands: list[_Cand], ctx: _Ctx) -> list[_Cand]:
        """Fold a quotation paragraph into the attribution of the paragraph before it.

        PolNeAR's guidelines ("content continuations") take "“A,” said X.¶“B.”" as one
        attribution whose content runs from A to B: the cue and source stand between two pieces
        of one content even when the second starts a new paragraph. This applies when the first
        paragraph ends with the quotation A and its frame (cue after A, nothing quoted after
        it) and the next paragraph is the bare quotation B that continues it. Only one
        paragraph is folded: further quotation paragraphs stay bare continuations (running on
        lost more than it won on a held-out slice of PolNeAR train).

        Args:
            cands: the attributions found, bare continuations included.
            ctx: per-document lookups (quotation regions, paragraphs).

        Returns:
            The attributions, each folded continuation removed and its content added to the
            attribution it continues (the stretch between them recorded in ``skip``).
        """
        dropped: set[int] = set()
        for c in sorted(cands, key=lambda c: c.content[0]):
            host = c.continues
            if c.kind != "continuation" or host is None or host.kind not in _SPEECH_KINDS:
                continue  # a signed quotation ("“...” ― Name") is one reader's, not a frame
            para_c = ctx.para_of(c.content[0])
            if ctx.paras[para_c] != c.content or para_c == 0:
                continue  # B is its paragraph, whole
            if _QMARK_TAIL.sub("", ctx.text[c.content[0] : c.content[1]]).rstrip().endswith(","):
                continue  # "“B,” he added": B has a frame of its own
            prev_end = ctx.paras[para_c - 1][1]
            if (
                host.cue is None
                or host.content[1] > host.cue[0]  # "“A,” said X": the cue after the quotation
                or not any(r.end == host.content[1] for r in ctx.regions_overlapping(*host.content))
                or ctx.para_of(host.cue[0]) != para_c - 1
                or ctx.regions_overlapping(host.content[1], prev_end)
            ):
                continue  # the paragraph before ends with A's frame, nothing quoted after it
            host.skip.append((host.content[1], c.content[0]))
            host.content = (host.content[0], c.content[1])
            dropped.add(id(c))
            for o in cands:  # B's own continuations now continue the host
                if o.continues is c:
                    o.continues = host
        return [c for c in cands if id(c) not in dropped]

    @staticmethod
    def _same_speaker(doc: Doc, subj: Token, claimed: list[_Cand], before: int) -> _Cand | None:
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

    # ------------------------------------------------------------------ output
    def _quote_type(self, text: str, c: _Cand, ctx: _Ctx) -> str:
        s, e = c.content
        quoted = [False] * (e - s)
        for r in ctx.regions_overlapping(s, e):
            for k in range(max(r.start, s), min(r.end, e)):
                quoted[k - s] = True
        for a, b in c.skip:
            for k in range(max(a, s), min(b, e)):
                quoted[k - s] = None  # type: ignore[call-overload]
        inside = any(q is True and text[s + k].isalnum() for k, q in enumerate(quoted))
        outside = any(q is False and text[s + k].isalnum() for k, q in enumerate(quoted))
        if inside and not outside:
            return "direct"
        return "mixed" if inside else "indirect"

    def set_annotations(self, doc: Doc, found: tuple[list[_Cand], _Ctx] | None) -> None:
        """Write ``doc._.ww_quotes``: Quote dicts ordered by content start (the only write)."""
        out: list[dict[str, Any]] = []
        if found is None:
            doc._.ww_quotes = out
            return
        cands, ctx = found
        did = doc_id(doc)
        namer = SpeakerNamer(doc, ctx.tok_region)
        ids: dict[int, str] = {}
        for c in cands:
            ids[id(c)] = stable_id("quo", did, c.content[0])
        for c in sorted(cands, key=lambda c: c.source[0] if c.source else -1):
            if c.source is not None and c.source_head is not None:
                h = doc[c.source_head]
                if h.lower_ not in PRONOUNS:
                    name, kind = namer.name_of(h)
                    if name:
                        namer.add_anchor((c.name_span or c.source)[0], name, kind)
        for c in cands:
            try:
                source = None
                if c.source is not None:
                    head = doc[c.source_head] if c.source_head is not None else None
                    if (
                        c.continues is not None
                        and c.kind == "continuation"
                        and (head is not None and head.lower_ in PRONOUNS)
                    ):
                        ref = self._root_of(c)
                        head_ref = doc[ref.source_head] if ref.source_head is not None else None
                        info = (
                            namer.resolve(ref.source[0], ref.source[1], head_ref)
                            if (ref.source is not None)
                            else namer.resolve(*c.source, head)
                        )
                        local = namer.resolve(c.source[0], c.source[1], head)
                        if local.get("entity_id"):
                            info = local
                    else:
                        info = namer.resolve(*(c.name_span or c.source), head)
                    source = {**_sd(ctx.text, *c.source), **info}
                cont = c.continues
                out.append(
                    {
                        "id": ids[id(c)],
                        "source": source,
                        "cue": _sd(ctx.text, *c.cue) if c.cue else None,
                        "content": _sd(ctx.text, *c.content),
                        "quote_type": self._quote_type(ctx.text, c, ctx),
                        "continued_from": ids.get(id(cont)) if cont is not None else None,
                        "confidence": round(c.confidence, 3),
                    }
                )
            except Exception as exc:
                add_diagnostic(
                    doc, self.name, f"attribution dropped: {exc!r}", _sd(ctx.text, *c.content)
                )
        doc._.ww_quotes = out

    @staticmethod
    def _root_of(c: _Cand) -> _Cand:
        seen = 0
        while c.continues is not None and seen < 50:
            c = c.continues
            seen += 1
        return c
