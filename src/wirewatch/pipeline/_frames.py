"""Cue frames: attributions whose content is not a reported clause.

PolNeAR (Newell et al. 2018), following PARC 3.0, counts as attribution any cue that ties a source
to a proposition, an intention or a stance, not only reported speech: "Trump *called* Clinton an
ISIS co-founder", "Palmieri *declined* to comment", "Carson *endorsed* Mr. Trump", "Trump *called
for* a ban", "Clinton, *referring to* the business mogul". Each such cue is a *frame*: a word
lemma and the dependency relation that holds its content:

* ``xcomp``: the infinitive complement, with the object that is its subject ("declined to
  comment", "encouraged voters to register");
* ``dobj``: the direct object, with any object predicate, infinitive, clause or "as" phrase
  after it ("called Clinton an ISIS co-founder", "urged Congress to act", "described him as a
  strong leader");
* ``dobj_pred``: the direct object read only with an object predicate after it, for a verb
  whose bare object is no attribution ("cast the vote as a protest", not "cast a vote");
* ``dobj_pp``: the same plus the reason or target phrases after the object ("criticized his
  opponents for their animosity", "blamed the crash on the storm"), not circumstances;
* ``prep:W``: the object of preposition W right after the cue, W joining the cue, with an
  infinitive or clause after it ("called for a ban", "called on Congress to act");
* ``ccomp``: a clausal complement (handled by the reporting-verb rule of ``quotes``).

Frames are data. The rule-based table (``resources/cue_frames.tsv``) is written by hand and uses
no PolNeAR-derived data; the learned table (``wirewatch/models/attribution/cue_frames.tsv``) is
estimated from PolNeAR train by ``wirewatch train attribution`` (see its NOTE about the data).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Token

__all__ = [
    "Frame",
    "FrameTable",
    "frame_spans",
    "load_frames",
    "learned_frames_path",
    "RELATIONS",
]

RELATIONS = ("ccomp", "xcomp", "dobj", "dobj_pred", "dobj_pp", "prep")
_OBJ_TAIL = frozenset({"oprd", "xcomp", "ccomp", "attr", "acomp"})
# prepositions of the reason or target of a judgment ("criticized X for Y", "blamed X on Y");
# others ("during the rally", "on Twitter") are the writer's circumstances
_REASON_PREPS = frozenset({"for", "over", "of", "on", "against", "about"})
AS_TAIL = True  # "referred to him as X", "described it as Y doing Z": the "as" phrase is content
PREDICATED_OBJECTS = True  # the ``dobj_pred`` reading: "cast X as Y", not "cast a vote"
_TIME_NOUNS = frozenset("moment minute hour day night week month year decade time".split())


@dataclass(frozen=True)
class Frame:
    """One cue frame: ``lemma`` with its content in ``relation`` (``prep:for`` for a prep)."""

    lemma: str
    relation: str
    confidence: float


FrameTable = dict[str, dict[str, Frame]]
"""lemma -> relation -> Frame."""


def frame_spans(v: Token) -> Iterator[tuple[str, set[int], int]]:
    """Every frame reading of verb ``v``: ``(relation, content token indices, cue end index)``.

    The cue end index is exclusive (``v.i + 1``, or one past the preposition for ``prep:W``).
    Only dependents after ``v`` count: content before the cue is the reported-speech rule's.
    """
    kids = [c for c in v.children if c.i > v.i]
    for c in kids:
        if c.dep_ == "ccomp":
            yield "ccomp", {t.i for t in c.subtree}, v.i + 1
        elif c.dep_ == "xcomp":
            toks = {t.i for t in c.subtree}
            obj = next((o for o in kids if o.dep_ == "dobj" and o.i < c.i), None)
            if obj is not None:  # "encouraged voters to register": the object is its subject
                toks.update(t.i for t in obj.subtree)
            yield "xcomp", toks, v.i + 1
        elif c.dep_ == "dobj":
            toks = {t.i for t in c.subtree}
            predicated = False
            for s in kids:
                if s.i > c.i and (_object_tail(s) or _object_modifier(c, s)):
                    toks.update(t.i for t in s.subtree)
                    predicated = predicated or (PREDICATED_OBJECTS and _object_tail(s))
            yield "dobj", toks, v.i + 1
            if predicated:  # "cast the vote as a protest"
                yield "dobj_pred", toks, v.i + 1
            more = set(toks)
            for s in kids:
                if s.i > c.i and s.dep_ == "prep" and s.lower_ in _REASON_PREPS:
                    obj = next((g for g in s.children if g.dep_ == "pobj"), None)
                    if obj is not None and (
                        obj.ent_type_ in ("DATE", "TIME") or obj.lemma_.lower() in _TIME_NOUNS
                    ):
                        continue  # "for weeks", "on Monday": when, not why
                    more.update(t.i for t in s.subtree)
            if more != toks:
                yield "dobj_pp", more, v.i + 1
        elif c.dep_ == "prep" and c.i == v.i + 1:
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                toks = {t.i for g in objs for t in g.subtree}
                for s in kids:  # "called on Congress to act": the infinitive goes with it
                    if s.i > c.i and (
                        s.dep_ in ("xcomp", "ccomp") or (AS_TAIL and _object_tail(s))
                    ):
                        toks.update(t.i for t in s.subtree)
                yield f"prep:{c.lower_}", toks, c.i + 1


def _object_tail(s: Token) -> bool:
    """A dependent of the cue that predicates something of its object.

    "called Clinton an ISIS co-founder" (object predicate), "described him as a strong leader"
    (an "as" phrase, which the parser also hangs as a clause: "described the gala as Washington
    celebrating itself", never a finite clause), "referred to him as “a friend”" (after a
    prepositional object): the predicate is what the source says of the object, so it is
    part of the content (PolNeAR).
    """
    if s.dep_ in _OBJ_TAIL or (s.dep_ == "prep" and s.lower_ == "as"):
        return True
    if not AS_TAIL or s.dep_ != "advcl" or s.tag_ not in ("VBG", "VBN", "NN", "NNS", "JJ"):
        return False  # a finite "as" clause is the time ("condemned X as Y fired ...")
    return any(m.dep_ == "mark" and m.lower_ == "as" and m.i == s.left_edge.i for m in s.children)


OBJ_TO_PP = True


def _object_modifier(obj: Token, s: Token) -> bool:
    """A "to" phrase right after the cue's object that the parser hung on the cue verb.

    In: the object token and a later dependent of the cue. Out: True when ``s`` is a "to"
    prepositional phrase starting right after the object's subtree ("announced his engagement
    to a painter", "described its ties to donors"): the noun's own complement, part of the
    content (PolNeAR). Not after a pronoun object, and not "to" + pronoun, the addressee
    ("repeated it to me"). (A "to" infinitive in the same place was tried and dropped: on
    PolNeAR dev it was as often the writer's purpose clause, "praised the plan to win votes".)
    """
    if s.left_edge.i != obj.right_edge.i + 1 or obj.pos_ == "PRON":
        return False  # a pronoun takes no complement
    if OBJ_TO_PP and s.dep_ == "prep" and s.lower_ == "to":
        return not any(g.dep_ == "pobj" and g.pos_ == "PRON" for g in s.children)
    return False


def learned_frames_path() -> Path:
    """Where the learned frame table ships: ``wirewatch/models/attribution/cue_frames.tsv``."""
    return Path(__file__).resolve().parents[1] / "models" / "attribution" / "cue_frames.tsv"


def _parse(text: str) -> FrameTable:
    out: FrameTable = {}
    for ln in text.splitlines():
        ln = ln.split("#", 1)[0].strip()
        if not ln:
            continue
        cols = ln.split("\t")
        lemma, relation = cols[0].strip().lower(), cols[1].strip()
        conf = float(cols[2]) if len(cols) > 2 and cols[2].strip() else 0.7
        out.setdefault(lemma, {})[relation] = Frame(lemma, relation, conf)
    return out


@lru_cache(maxsize=4)
def load_frames(path: str | None = None) -> FrameTable:
    """The frame table at ``path``, or the hand-written one (``resources/cue_frames.tsv``).

    File format: ``lemma<TAB>relation[<TAB>confidence]`` per line, ``#`` starts a comment.
    """
    if path is None:
        text = resources.files("wirewatch.resources").joinpath("cue_frames.tsv").read_text("utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return _parse(text)
