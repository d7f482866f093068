"""Parse repairs for content spans: where the parser hid part of a reported clause.

The small English parser makes a few attachment mistakes that cut a reported clause in two or
lose it; each helper recognises one of them from the dependency parse and returns the tokens
that belong to the content:

* ``object_as_subject``: a say verb whose complement clause was parsed as its object, the
  clause's verb hung inside the object's relative clause ("says the elite that ran the country
  may be gone": "elite" as ``dobj``, "gone" as ``ccomp`` of "ran");
* ``stranded_subject``: a finite clause with no subject, its subject hung on a noun before it
  ("... and the damage could be $2 billion, according to X": "damage" as ``conj`` of an earlier
  noun, "could be" with no ``nsubj``);
* ``shifted_conjuncts``: a verb coordinated with the cue that goes on with the reported
  clause, told apart from the source's second act by its tense ("X says that A had B, but
  chose C": "chose" is past like the reported "had", not present like the cue "says");
* ``coordinated_that_clause``: a second "that" clause hung on the cue as a conjunct ("X said
  that A, but that B": "B" is reported too). A clause coordinated with the cue without its
  own "that" ("X says A may be gone, but B may endure") stays out of the content: on PolNeAR
  train the gold content took such a clause in 26 of 86 cases.

Each is a repair of a parse, not a new kind of cue: the cue and source rules that call them
(``_verb_cues.verb_cue``, ``_according.according_cue``) are unchanged otherwise.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from spacy.tokens import Token

__all__ = [
    "OBJECT_AS_SUBJECT",
    "STRANDED_SUBJECT",
    "SHIFTED_CONJUNCTS",
    "COORDINATED_THAT",
    "object_as_subject",
    "stranded_subject",
    "shifted_conjuncts",
    "coordinated_that_clause",
]

OBJECT_AS_SUBJECT = True  # "says the elite that ran X may be gone": the object is the clause's

STRANDED_SUBJECT = True  # "... and the damage could be $2 billion": "the damage" is the subject

SHIFTED_CONJUNCTS = True  # "X says A had B, but chose C": the past-tense conjunct is content

COORDINATED_THAT = True  # "X said that A, but that B": the second "that" clause is content

# Levin (1993) 37.7 "say" verbs: they report a clause; a full noun phrase as their object is
# rare in news ("said a prayer"), so an object carrying a finite predicate is the clause's
# subject misread.
_SAY_VERBS = frozenset(
    "say add announce argue assert claim contend declare insist maintain note observe "
    "remark report reveal state suggest warn".split()
)

_FINITE_TAGS = frozenset({"VBZ", "VBD", "VBP"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_PRESENT = frozenset({"VBZ", "VBP"})
# what stands before a noun inside its phrase: "the", "total", "property", "40", "its", "'s"
_NOUN_MODIFIERS = frozenset({"det", "amod", "compound", "nummod", "poss", "case"})


def _finite(t: Token) -> bool:
    """Whether verb ``t`` heads a finite clause: a tensed form or a modal/tensed auxiliary."""
    if t.tag_ in _FINITE_TAGS:
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS | {"MD"} for c in t.children)


def object_as_subject(v: Token, cue_end: int, clause_verbs: AbstractSet[str]) -> list[Token]:
    """The object of say verb ``v`` when it is the subject of the clause ``v`` reports.

    "Courtney says the elite that ran the country may be gone": the parser took "the elite"
    for the object of "says" and hung "may be gone" on "ran" as its clausal complement (or
    as a conjunct: "the elite that protected X and his family may have fled"). A verb that
    takes no clause ("ran", "supported") cannot have one, so a finite ``ccomp`` or ``conj``
    of a relative clause inside the object means the whole object phrase is the reported
    clause.

    Args:
        v: a cue verb with no clausal complement of its own.
        cue_end: token index (exclusive) where the cue ends; the object stands after it.
        clause_verbs: lemmas that do take a clause (reporting and attitude verbs): "the
            plan he said would fail" is a real relative clause and is left alone.

    Returns:
        ``[object token]`` (its subtree is the content), or ``[]``.

    Source: Levin (1993) class 37.7 (say verbs) for the verbs repaired.
    """
    if not OBJECT_AS_SUBJECT or v.lemma_.lower() not in _SAY_VERBS:
        return []
    kids = [c for c in v.children if c.i >= cue_end]
    if any(c.dep_ in ("ccomp", "xcomp", "dative", "oprd") for c in kids):
        return []
    obj = next((c for c in kids if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
        return []
    for t in obj.subtree:
        rel = t.head
        if (
            t.dep_ in ("ccomp", "conj")
            and rel.dep_ == "relcl"
            and rel.head.i == obj.i
            and rel.lemma_.lower() not in clause_verbs
            and _finite(t)
        ):
            return [obj]
    return []


def stranded_subject(head: Token, first: int, taken: set[int]) -> set[int]:
    """Token indices of the subject the parser stranded before subjectless clause ``head``.

    "Officials say 160 people died and the damage could be $2 billion, according to X": the
    parser hung "the damage" on "people" as a conjunct, leaving "could be" with no subject, so
    the content of "according to X" would start at "could". When ``head`` is a finite verb
    with no subject and the tokens right before ``first`` (the content's first token) are a
    noun with its determiner and modifiers, that noun phrase is the clause's subject.

    Args:
        head: the clause's head verb.
        first: index of the content's first token.
        taken: indices of tokens that belong elsewhere (the cue phrase and its source: a
            subject the parser swallowed into "according to X's report, voters" stays there).

    Returns:
        The indices of the noun phrase ending at ``first - 1`` (determiner, adjectives,
        compounds, possessor), or an empty set.
    """
    if not STRANDED_SUBJECT or head.pos_ not in ("VERB", "AUX") or not _finite(head):
        return set()
    if any(c.dep_ in _SUBJECTS for c in head.children) or first <= head.sent.start:
        return set()
    doc = head.doc
    noun = doc[first - 1]
    if noun.pos_ not in ("NOUN", "PROPN") or noun.head.i == head.i or noun.i in taken:
        return set()
    out = {noun.i}
    k = noun.i - 1
    while k >= head.sent.start and k not in taken and doc[k].head.i in out:
        if doc[k].dep_ not in _NOUN_MODIFIERS:
            break
        out.add(k)
        k -= 1
    return out


def shifted_conjuncts(v: Token, comps: list[Token], cue_end: int) -> set[int]:
    """Token indices of subjectless verbs coordinated with cue ``v`` that go on with its content.

    "Herbst adds that Tokayev had another option, but chose the CSTO": the parser hung "chose"
    on "adds", but a present-tense cue (the news writer's "says", "adds") with a past-tense
    conjunct is not the source's second act (that would be "adds ... and notes"): the
    conjunct shares the reported clause's subject and its past tense (the backshift of
    reported speech). Taken only when the cue is present tense, the reported clause's verb is
    past tense and so is the conjunct, and the conjunct has no subject of its own.

    Args:
        v: the cue verb.
        comps: the heads of the reported clauses after the cue.
        cue_end: token index (exclusive) where the cue ends.

    Returns:
        The indices of each such conjunct's subtree with the comma and conjunction before
        it, or an empty set.

    Source: Quirk et al. (1985) 14.31 (backshift in indirect speech).
    """
    if not SHIFTED_CONJUNCTS or v.tag_ not in _PRESENT or not comps:
        return set()
    if not all(c.i >= cue_end for c in comps):
        return set()
    if not any(c.tag_ == "VBD" or (c.tag_ == "VBN" and _finite(c)) for c in comps):
        return set()
    last = max(t.i for c in comps for t in c.subtree)
    out: set[int] = set()
    for c in v.children:
        if c.dep_ != "conj" or c.i <= last or c.tag_ != "VBD" or c.lemma_.lower() in _SAY_VERBS:
            continue
        if any(g.dep_ in _SUBJECTS for g in c.children):
            continue
        out.update(t.i for t in c.subtree)
        out.update(range(last + 1, c.left_edge.i))
    return out


def coordinated_that_clause(v: Token, comps: list[Token]) -> set[int]:
    """Token indices of a second "that" clause coordinated with cue ``v``'s reported clause.

    "Officials said that wages would fall, but that bonuses would rise": the parser hangs the
    second clause on "said" as a conjunct of the verb, yet its own "that" marks it as a second
    complement of the same cue (coordinated nominal clauses, Quirk et al. 1985, 15.3), and
    PolNeAR marks both clauses as one content (on PolNeAR train, 8 of 8 such conjuncts of the
    cue verb were content, against 26 of 86 conjuncts with a subject and no "that"). Taken when
    the conjunct comes after the reported clause, after a conjunction, starts with "that" and
    has a subject of its own.

    Args:
        v: the cue verb.
        comps: the heads of the reported clauses after the cue.

    Returns:
        The conjunct's subtree with the comma and conjunction before it, or an empty set.
    """
    if not COORDINATED_THAT or not comps:
        return set()
    last = max(t.i for c in comps for t in c.subtree)
    if min(c.i for c in comps) < v.i:
        return set()
    out: set[int] = set()
    for c in v.children:
        if c.dep_ != "conj" or c.i <= last:
            continue
        lo = c.left_edge.i
        if v.doc[lo].lower_ != "that" or not any(g.dep_ in _SUBJECTS for g in c.children):
            continue
        if not any(g.dep_ == "mark" and g.i == lo for g in c.children):
            continue
        if not any(g.dep_ == "cc" and last < g.i < lo for g in v.children):
            continue
        out.update(t.i for t in c.subtree)
        out.update(range(last + 1, lo))
    return out
