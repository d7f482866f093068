"""Finds agreement and disagreement between sources stated in the text.

A stance is read off an explicit cue: a stance verb from ``resources/stance_cues.tsv`` ("diverges
from", "disagrees with", "rejects", "echoed", "does not accept" ...). The ``from`` side is the
verb's subject; the ``to`` side is its object (or the object of the lexicon's preposition), or --
when that object is a claim noun ("Y's assessment", "the claim by Y") -- the claim's holder. A
negated verb flips the relation ("does not accept Y's statements" -> disagree). Both sides are
resolved to entities with ``entity_at``; a stance whose sides do not resolve is skipped with a
diagnostic, because a Stance links entity ids.

Source: stance classes after Krestel et al. (2008) and the attitude cues of PARC 3.0 (Pareti 2016).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from wirewatch.model import stable_id
from wirewatch.pipeline._lexicons import StanceCue, stance_lexicon
from wirewatch.pipeline._speakers import entity_for
from wirewatch.pipeline.extensions import add_diagnostic, doc_id, doc_text

__all__ = ["StanceDetector"]


def _sd(text: str, start: int, end: int) -> dict[str, Any]:
    return {"start_char": start, "end_char": end, "text": text[start:end]}


_FLIP = {"agree": "disagree", "disagree": "agree"}
_NEG_WORDS = frozenset({"not", "n't", "never", "no"})


class StanceDetector:
    """spaCy component ``wirewatch_stances``: writes ``doc._.ww_stances`` (Stance dicts).

    Args:
        nlp: the pipeline (unused; kept for the factory signature).
        name: the component name.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.verbs, self.claims = stance_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        found: list[dict[str, Any]] = []
        text: str | None = None  # Doc.text is rebuilt on each access: fetch it once, lazily
        for tok in doc:
            entries = self.verbs.get(tok.lemma_.lower())
            if not entries or not tok.tag_.startswith("VB"):
                continue
            text = doc_text(doc) if text is None else text
            try:
                item = self._match(doc, text, tok, entries)
            except Exception as exc:  # one bad candidate: diagnose and skip
                add_diagnostic(
                    doc,
                    self.name,
                    f"stance candidate skipped: {exc!r}",
                    _sd(text, tok.idx, tok.idx + len(tok)),
                )
                continue
            if item is not None:
                found.append(item)
        self.set_annotations(doc, found)
        return doc

    def set_annotations(self, doc: Doc, found: list[dict[str, Any]]) -> None:
        """Write ``doc._.ww_stances`` (one per id, in text order)."""
        seen: set[str] = set()
        out = []
        for item in found:
            if item["id"] not in seen:
                seen.add(item["id"])
                out.append(item)
        doc._.ww_stances = out

    # ------------------------------------------------------------------ matching
    @staticmethod
    def _subject(v: Token) -> Token | None:
        for c in v.children:
            if c.dep_ == "nsubj":
                if c.tag_ in ("WP", "WDT") and v.dep_ == "relcl":
                    head = v.head  # "She is among researchers who reject ..." -> She
                    if head.dep_ == "pobj" and head.head.lower_ in ("among", "of"):
                        clause = head.head.head
                        subj = next((x for x in clause.children if x.dep_ == "nsubj"), None)
                        return subj or head
                    return head
                return c
        if v.dep_ in ("conj", "advcl", "xcomp") and v.head is not v:
            return next((c for c in v.head.children if c.dep_ == "nsubj"), None)
        return None

    def _target(self, v: Token, cue: StanceCue) -> tuple[Token, Token] | None:
        """(target token, last cue token) for ``cue`` on verb ``v``, or None."""
        anchor = v
        last = v
        if cue.object_word is not None:
            obj = next(
                (c for c in v.children if c.dep_ == "dobj" and c.lower_ == cue.object_word), None
            )
            if obj is None:
                return None
            anchor, last = obj, obj
        if cue.prep is not None:
            prep = next(
                (
                    c
                    for c in (*anchor.children, *v.children)
                    if c.dep_ in ("prep", "dative") and c.lower_ == cue.prep
                ),
                None,
            )
            if prep is None:
                return None
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            last = prep
        else:
            obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        if obj is None:
            return None
        if obj.lemma_.lower() in self.claims:
            holder = next(
                (
                    c
                    for c in obj.children
                    if c.dep_ == "poss"
                    or (c.dep_ == "nmod" and any(x.dep_ == "case" for x in c.children))
                ),
                None,
            )
            if holder is None:  # "the claim by/of Y"
                for p in obj.children:
                    if p.dep_ == "prep" and p.lower_ in ("by", "of", "from"):
                        holder = next((c for c in p.children if c.dep_ == "pobj"), None)
                        if holder is not None:
                            break
            return (holder, last) if holder is not None else None
        if cue.needs_claim:
            return None
        return obj, last

    def _match(
        self, doc: Doc, text: str, v: Token, entries: tuple[StanceCue, ...]
    ) -> dict[str, Any] | None:
        for cue in entries:
            hit = self._target(v, cue)
            if hit is None:
                continue
            target, last = hit
            subj = self._subject(v)
            if subj is None:
                return None
            negs = [c for c in v.children if c.dep_ == "neg" or c.lower_ in _NEG_WORDS]
            relation = _FLIP[cue.relation] if negs else cue.relation
            first = min(
                [v]
                + negs
                + [c for c in v.children if c.dep_ == "aux" and c.i < v.i and c.i > subj.i],
                key=lambda t: t.i,
            )
            cue_span = _sd(text, first.idx, last.idx + len(last.text))
            src = self._entity(doc, subj)
            tgt = self._entity(doc, target)
            sent = v.sent
            evidence = _sd(text, sent.start_char, sent.start_char + len(sent.text.rstrip()))
            if src is None or tgt is None:
                add_diagnostic(doc, self.name, "stance sides not resolved to entities", cue_span)
                return None
            if src == tgt:
                return None
            return {
                "id": stable_id("stn", doc_id(doc), evidence["start_char"], src, tgt),
                "from_entity": src,
                "to_entity": tgt,
                "relation": relation,
                "cue": cue_span,
                "evidence": evidence,
                "confidence": 0.75 if cue.prep or cue.needs_claim else 0.65,
            }
        return None

    @staticmethod
    def _entity(doc: Doc, tok: Token) -> str | None:
        lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
        ent = entity_for(doc, tok, lo, hi)
        return str(ent["id"]) if ent is not None else None
