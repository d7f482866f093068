"""What every attribution rule of ``wirewatch_quotes`` shares.

* ``Candidate``: one attribution found by a rule (source, cue and content as half-open
  character offsets into the document text), before ids and speaker names are attached;
* ``QuoteContext``: the per-document lookups (quotation regions from ``_quotemarks``,
  paragraphs, the tokens of source prepositions), each built in one linear pass;
* ``CueLexicon``: the component's cue words (reporting verbs, the cue-frame table of the mode,
  every lemma a rule looks up), built once per component;
* the token classes and span helpers the rules share (quotation-mark tokens, words that are
  never a source, dateline dashes).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Token

from wirewatch.pipeline._frames import FrameTable
from wirewatch.pipeline._quotemarks import Region, paragraphs, scan_quotes
from wirewatch.pipeline.extensions import doc_text

__all__ = [
    "Candidate",
    "QuoteContext",
    "CueLexicon",
    "QUOTE_TOKENS",
    "NOT_SOURCES",
    "DASHES",
    "QMARK_TAIL",
    "span_record",
    "overlaps",
]

# quotation-mark tokens as the tokenizer splits them (curly, straight, doubled, guillemets)
QUOTE_TOKENS = frozenset({"“", "”", '"', "''", "``", "„", "«", "»", "‟"})

# words a parser may take for a subject that never name a speaker
NOT_SOURCES = frozenset({"there", "this", "that", "which", "what"})

# dashes that end a dateline ("ORLANDO (Reuters) - X") or open a sign-off
DASHES = frozenset({"-", "—", "–", "--"})

# closing quotation marks at the end of a string (to read the punctuation before them)
QMARK_TAIL = re.compile(r"(``|''|[“”„‟«»\"])+$")


@dataclass
class Candidate:
    """One attribution found, before ids and names are attached."""

    content: tuple[int, int]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    source_head: int | None
    kind: str
    confidence: float
    # inserted stretches inside the content (source, cue, frame): not typed, cut out of its parts
    skip: list[tuple[int, int]] = field(default_factory=list)
    continues: Candidate | None = None
    name_span: tuple[int, int] | None = None  # what names the source when it is "who"/"which"


class QuoteContext:
    """Per-document lookups, each built in one linear pass.

    Attributes:
        text: the document text (``doc.text``, cached).
        regions: quotation regions (``_quotemarks.Region``) ordered by start character.
        problems: ``(char offset, message)`` for unbalanced quotation marks.
        tok_region: for each token index, the index of the region it stands in, or -1.
        paras: ``(start_char, end_char)`` of each paragraph.
        foreign: token indices of source-preposition phrases ("according to X"), which the
            other rules neither take as cues nor put in a content.
    """

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
        """Index into ``paras`` of the paragraph holding character offset ``pos``."""
        return max(bisect.bisect_right(self.p_starts, pos) - 1, 0)

    def regions_overlapping(self, start: int, end: int) -> list[Region]:
        """Quotation regions overlapping characters ``[start, end)``, ordered by start."""
        i = max(bisect.bisect_right(self.r_starts, start) - 1, 0)
        out = []
        while i < len(self.regions) and self.regions[i].start < end:
            r = self.regions[i]
            if r.end > start:
                out.append(r)
            i += 1
        return out

    def region_starting_at(self, tok: Token) -> Region | None:
        """The quotation region whose opening mark is token ``tok``, or None."""
        r = self.tok_region[tok.i]
        return self.regions[r] if r >= 0 and self.regions[r].start == tok.idx else None

    def region_ending_at(self, tok: Token) -> Region | None:
        """The quotation region whose closing mark is token ``tok``, or None."""
        r = self.tok_region[tok.i]
        if r >= 0 and self.regions[r].end == tok.idx + len(tok.text):
            return self.regions[r]
        return None


@dataclass(frozen=True)
class CueLexicon:
    """The cue words a component looks up, built once per component.

    Attributes:
        verbs: lemmas of reporting verbs (``resources/reporting_verbs.txt``) and of every cue
            frame with a clausal complement (``ccomp``) in ``frames``.
        frames: the cue-frame table of the component's mode (``_frames.FrameTable``: lemma ->
            relation -> frame with confidence).
        known: every lemma a verb rule looks up (``verbs``, the frame lemmas, the raising
            verbs), used to repair lemmas the lemmatizer clipped (``_lexicons.cue_lemma``).
    """

    verbs: frozenset[str] | set[str]
    frames: FrameTable
    known: frozenset[str] | set[str]


def span_record(text: str, start: int, end: int) -> dict[str, Any]:
    """``span_dict`` on a cached ``doc.text`` (``Doc.text`` is rebuilt on every access)."""
    return {"start_char": start, "end_char": end, "text": text[start:end]}


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether half-open character spans ``a`` and ``b`` share a character."""
    return a[0] < b[1] and b[0] < a[1]
