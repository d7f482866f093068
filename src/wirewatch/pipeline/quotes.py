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
  count when typing it (PolNeAR marks it as one discontinuous content: its pieces are the
  quote's ``content_parts``);
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
  added Maria Lopez, a steward."; ``_direct_quotes.quote_frames``);
* a name, a colon and a quotation anywhere in a paragraph ("... again. Jones: “...”"), and a
  title line "X: statement" even without a verb ("Mayor Brown: No new taxes this year");
* a support verb with a cue noun as object: "issued a statement saying ...", "made the case
  that ..." (the cue runs from the verb to the participle or the noun);
* "put it" as a verb of saying: "As X put it, A", "X put it bluntly: “A”";
* a speech participle modifying a noun, with a clause of its own: "a memo arguing that A"
  (source the noun), "sent a memo arguing that A" (source the sender, cue from the verb on);
* a naming or characterising verb (Levin 29.2/29.3: "portrayed X as Y", "deemed X Y", "cast X
  as Y") through the frame table, and an agentless passive one with a quoted name: "X was
  dubbed “A”" (no source, content "X ... “A”");
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
("which he said was ..."), its antecedent is not, and a relative clause's content ends at the
comma that closes it; a subordinate clause before an inserted frame is content ("Although A, she
said, B"), and so is the fronted part before a frame with an object or circumstance of its own
("The budget, she told reporters on Monday, will pass"); a sourceless cue's content starts at the
clause subject ("Still, X seems to ..." -> "X seems to ..."); a second speech act coordinated
with the cue is not content ("said A and warned B"); a reported question keeps its question mark.

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

Layout. This module holds the component: it offers each token to the rules, selects among
their candidates and writes the result. The rules and span helpers live in private modules,
each named for what it holds:

* where cues are proposed: ``QuoteAttributor.find`` and its ``_propose_*`` steps, which offer
  tokens to the rules of ``_verb_cues``, ``_nominal_cues``, ``_hearsay_cues``, ``_according``
  and ``_direct_quotes`` (each rule returns one ``_quote_context.Candidate`` or None); a new
  proposer is one more ``_propose_*`` step (or one more rule offered through ``_guard``);
* where candidates compete: ``QuoteAttributor._dedupe``;
* where cue spans end: ``_cue_spans``; where content spans are bounded: ``_content_spans``
  (``content_span`` is the one hull every rule's content goes through) and ``_quote_joins``;
  where a hull that holds its own source or cue is cut into its pieces (``content_parts``,
  written for every rule from the candidate's ``skip``, source and cue): ``_content_parts``;
  where a parser mistake that cut or hid a reported clause is repaired: ``_parse_repairs``
  (a say verb's object that is its clause's subject, a subject stranded before an
  "according to" clause, a backshifted conjunct hung on a present-tense cue);
* where sources are chosen: ``_source_spans`` (``cue_subject`` picks the speaking token,
  ``noun_phrase`` its span);
* bare quotations and their speakers: ``_bare_quotes``; speaker names: ``_speakers``.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from wirewatch.errors import ConfigError
from wirewatch.model import stable_id
from wirewatch.pipeline._according import (
    according_cue,
    source_prepositions,
    split_according_conjunct,
)
from wirewatch.pipeline._bare_quotes import bare_quotes
from wirewatch.pipeline._content_parts import content_parts
from wirewatch.pipeline._cue_spans import STRETCH_CUES, stretch_cue
from wirewatch.pipeline._direct_quotes import QUOTE_FRAMES, colon_heads, dash_signoffs, quote_frames
from wirewatch.pipeline._frames import FrameTable, learned_frames_path, load_frames
from wirewatch.pipeline._hearsay_cues import (
    HEARSAY_ADVERBS,
    PASSIVE_RAISING_VERBS,
    RAISING_VERBS,
    hearsay_adverb_cue,
    raising_cue,
)
from wirewatch.pipeline._lexicons import (
    cue_adjectives,
    cue_lemma,
    cue_nouns,
    cue_phrases,
    reporting_verbs,
)
from wirewatch.pipeline._modifier_cues import (
    PARTICIPLE_SOURCES,
    QUOTED_PASSIVE_NAMES,
    participle_cue,
    passive_naming_cue,
)
from wirewatch.pipeline._nominal_cues import ADJ_CUES, NOUN_CUES, adjective_cue, noun_cue
from wirewatch.pipeline._quote_context import Candidate, CueLexicon, QuoteContext, span_record
from wirewatch.pipeline._quote_joins import MERGE_PARAGRAPH_CONTINUATIONS, merge_continuations
from wirewatch.pipeline._speakers import PRONOUNS, SpeakerNamer
from wirewatch.pipeline._verb_cues import (
    ATTITUDE_VERBS,
    HOLDING_VERBS,
    PASSIVE_AGENT,
    PUT_IT,
    RELATIVE_OBJECT,
    SUPPORT_NOUNS,
    SUPPORT_VERBS,
    frame_cue,
    passive_agent_cue,
    put_it_cue,
    relative_object_cue,
    reported_inside,
    support_noun_cue,
    verb_cue,
)
from wirewatch.pipeline.extensions import add_diagnostic, doc_id, span_dict

__all__ = ["QuoteAttributor", "MODES", "learned_frames_path"]

MODES = ("rules", "learned")
BACKOFF_TO_RULES = True  # learned mode: lemmas absent from the learned table use the hand table
NESTED_ACCORDING = True  # "“A,” X said, according to Y": Y's content is the whole attribution


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
        frames: FrameTable = load_frames(frames_path)
        if mode == "learned" and BACKOFF_TO_RULES:
            # a lemma the training split never showed as a cue falls back to the hand table
            hand = load_frames(None)
            frames = {**hand, **frames}
        verbs = reporting_verbs() | {lemma for lemma, rels in frames.items() if "ccomp" in rels}
        known = verbs | set(frames) | RAISING_VERBS | PASSIVE_RAISING_VERBS
        self.lexicon = CueLexicon(verbs, frames, known)
        phrases = cue_phrases()
        self.source_preps = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.source_preps.add("SOURCE_PREP", [nlp.make_doc(p) for p in phrases["source_prep"]])
        self.extensions = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.extensions.add("CUE_EXT", [nlp.make_doc(p) for p in phrases["cue_extension"]])

    def __call__(self, doc: Doc) -> Doc:
        """Find ``doc``'s attributions and write ``doc._.ww_quotes``; a failure is a diagnostic."""
        found: tuple[list[Candidate], QuoteContext] | None
        try:
            found = self.find(doc)
        except Exception as exc:  # never sink the document
            add_diagnostic(doc, self.name, f"attribution search failed: {exc!r}")
            found = None
        self.set_annotations(doc, found)
        return doc

    # ------------------------------------------------------------------ finding
    def find(self, doc: Doc) -> tuple[list[Candidate], QuoteContext]:
        """All attributions of ``doc`` (ordered by content start) and the lookups used.

        The steps, in order: cues are proposed (``_propose_according``, ``_propose_verb_cues``,
        ``_propose_word_cues``, ``_propose_layout_cues``), one candidate per content start and
        cue is kept (``_dedupe``), cues take the colon or particle before their content
        (``_cue_spans.stretch_cue``), quotations no rule claimed get a frame read from the
        tokens (``_direct_quotes.quote_frames``) or a continued speaker
        (``_bare_quotes.bare_quotes``), and quotation paragraphs join the attribution they go on
        (``_quote_joins.merge_continuations``).

        Args:
            doc: a parsed document (dependency parse, entities and ``ww_entities``).

        Returns:
            ``(candidates ordered by content start_char, the per-document lookups)``.
        """
        ctx = QuoteContext(doc)
        for pos, msg in ctx.problems:
            add_diagnostic(
                doc, self.name, msg, span_record(ctx.text, pos, min(pos + 1, len(ctx.text)))
            )
        cands: list[Candidate] = []
        self._propose_according(doc, ctx, cands)
        self._propose_verb_cues(doc, ctx, cands)
        self._propose_word_cues(doc, ctx, cands)
        self._propose_layout_cues(doc, ctx, cands)
        cands = self._dedupe(cands)
        split_according_conjunct(doc, cands)
        if STRETCH_CUES:
            for c in cands:
                stretch_cue(doc, c, ctx)
        if QUOTE_FRAMES:
            try:
                cands.extend(quote_frames(doc, cands, ctx, self.lexicon))
            except Exception as exc:  # one bad rule: diagnose and go on
                add_diagnostic(doc, self.name, f"quote-frame rule skipped: {exc!r}")
        bare_quotes(doc, cands, ctx, self.lexicon, self.name)
        if MERGE_PARAGRAPH_CONTINUATIONS:
            cands = merge_continuations(cands, ctx)
        cands.sort(key=lambda c: c.content[0])
        return cands, ctx

    def _propose_according(self, doc: Doc, ctx: QuoteContext, cands: list[Candidate]) -> None:
        """Propose "according to X" and the other source prepositions (``_according``).

        Runs first: the phrases' tokens go into ``ctx.foreign``, which the later rules skip.
        """
        for phrase in source_prepositions(doc, self.source_preps, ctx):
            self._guard(doc, cands, according_cue, phrase, ctx)

    def _propose_verb_cues(self, doc: Doc, ctx: QuoteContext, cands: list[Candidate]) -> None:
        """Offer every verb to the verb rules (``_verb_cues``, ``_hearsay_cues``), first hit wins.

        The rules are tried in order -- "put it", a support verb with a cue noun, a reporting
        verb, a speech participle modifying a noun, a relative object, a cue frame, a raising
        verb, a passive with a "by" agent, an agentless passive naming verb with a quoted name
        -- and the first that returns a candidate ends the verb's turn. A belief verb heading a
        clause another cue reports ("said he believes ...") is not offered.
        """
        lex = self.lexicon
        ext_at: dict[int, int] = {}  # token index -> end of a cue extension ("in a statement")
        for _, s, e in self.extensions(doc):
            ext_at[s] = max(e, ext_at.get(s, e))
        for tok in doc:
            if not tok.tag_.startswith("VB"):
                continue
            lemma = cue_lemma(tok, lex.known)
            n = len(cands)
            if lemma in ATTITUDE_VERBS and reported_inside(tok, lex):
                continue
            if PUT_IT and tok.lemma_.lower() == "put":
                self._guard(doc, cands, put_it_cue, tok, ctx)
                if len(cands) > n:
                    continue
            if SUPPORT_NOUNS and (lemma in SUPPORT_VERBS or tok.lemma_ in HOLDING_VERBS):
                self._guard(doc, cands, support_noun_cue, tok, ctx, lex)
                if len(cands) > n:
                    continue
            if lemma in lex.verbs:
                self._guard(doc, cands, verb_cue, tok, ctx, lex, ext_at)
            if len(cands) == n and PARTICIPLE_SOURCES and lemma in lex.verbs and tok.dep_ == "acl":
                self._guard(doc, cands, participle_cue, tok, ctx, lex)
            if len(cands) == n and lemma in lex.frames and RELATIVE_OBJECT:
                self._guard(doc, cands, relative_object_cue, tok, lemma, ctx, lex)
            if len(cands) == n and lemma in lex.frames:
                self._guard(doc, cands, frame_cue, tok, ctx, lex)
            if len(cands) == n and (lemma in RAISING_VERBS or lemma in PASSIVE_RAISING_VERBS):
                self._guard(doc, cands, raising_cue, tok, ctx)
            if len(cands) == n and PASSIVE_AGENT and tok.tag_ == "VBN" and lemma in lex.known:
                self._guard(doc, cands, passive_agent_cue, tok, lemma, ctx, lex)
            if len(cands) == n and QUOTED_PASSIVE_NAMES and tok.tag_ == "VBN":
                self._guard(doc, cands, passive_naming_cue, tok, ctx)

    def _propose_word_cues(self, doc: Doc, ctx: QuoteContext, cands: list[Candidate]) -> None:
        """Offer adjectives, nouns (``_nominal_cues``) and hearsay adverbs (``_hearsay_cues``).

        An adjective or noun cue inside the content of a cue found so far is not taken.
        """
        spans = [c.content for c in cands]
        adjs = cue_adjectives() if ADJ_CUES else frozenset()
        nouns = cue_nouns() if NOUN_CUES else frozenset()
        fn: Any
        for tok in doc:
            lemma = tok.lemma_.lower()
            if lemma in adjs and tok.dep_ == "acomp":
                fn = adjective_cue
            elif lemma in nouns and tok.pos_ == "NOUN":
                fn = noun_cue
            else:
                continue
            if not any(a <= tok.idx < b for a, b in spans):
                self._guard(doc, cands, fn, tok, ctx)
        for tok in doc:
            if tok.lower_ in HEARSAY_ADVERBS and tok.dep_ == "advmod":
                self._guard(doc, cands, hearsay_adverb_cue, tok, ctx)

    def _propose_layout_cues(self, doc: Doc, ctx: QuoteContext, cands: list[Candidate]) -> None:
        """Propose the cues read from layout: dash sign-offs and colons (``_direct_quotes``)."""
        try:
            cands.extend(dash_signoffs(doc, ctx))
        except Exception as exc:  # one bad rule: diagnose and go on
            add_diagnostic(doc, self.name, f"sign-off rule skipped: {exc!r}")
        try:
            cands.extend(colon_heads(doc, ctx))
        except Exception as exc:  # one bad rule: diagnose and go on
            add_diagnostic(doc, self.name, f"colon rule skipped: {exc!r}")

    def _guard(self, doc: Doc, out: list[Candidate], fn: Any, *args: Any) -> None:
        """Run rule ``fn(doc, *args)`` and append its candidate to ``out``.

        ``args[0]`` is the token or span the rule is offered; an exception in the rule becomes
        a diagnostic on that span and the rule's candidate is skipped.
        """
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
    def _dedupe(cands: list[Candidate]) -> list[Candidate]:
        """One attribution per content start and per cue: the most confident wins.

        Except an "according to" whose content holds a whole attribution ending before it:
        "“A,” X said, according to Y" is X's attribution of A and Y's of "“A,” X said" (both
        start at the quotation mark; PolNeAR marks both).
        """
        kept: list[Candidate] = []
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

    # ------------------------------------------------------------------ output
    def _quote_type(self, text: str, c: Candidate, ctx: QuoteContext) -> str:
        """``direct`` (all content words quoted), ``mixed`` or ``indirect``; skips not counted."""
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

    def set_annotations(self, doc: Doc, found: tuple[list[Candidate], QuoteContext] | None) -> None:
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
                    source = {**span_record(ctx.text, *c.source), **info}
                cont = c.continues
                out.append(
                    {
                        "id": ids[id(c)],
                        "source": source,
                        "cue": span_record(ctx.text, *c.cue) if c.cue else None,
                        "content": span_record(ctx.text, *c.content),
                        "content_parts": [
                            span_record(ctx.text, a, b) for a, b in content_parts(doc, c, ctx)
                        ],
                        "quote_type": self._quote_type(ctx.text, c, ctx),
                        "continued_from": ids.get(id(cont)) if cont is not None else None,
                        "confidence": round(c.confidence, 3),
                    }
                )
            except Exception as exc:
                add_diagnostic(
                    doc,
                    self.name,
                    f"attribution dropped: {exc!r}",
                    span_record(ctx.text, *c.content),
                )
        doc._.ww_quotes = out

    @staticmethod
    def _root_of(c: Candidate) -> Candidate:
        """The first attribution of the chain of continuations ``c`` belongs to."""
        seen = 0
        while c.continues is not None and seen < 50:
            c = c.continues
            seen += 1
        return c
