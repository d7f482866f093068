"""Modality of an event trigger in the parse: negation (``is_negated``), modal, future or
conditional mood (``is_hypothetical``), a stated intent or ultimatum (``intent_frame``) and an
obligation (``deontic_clause``, "X said Y must ..."). Each reads the trigger's clause and the
verbs above it through xcomp/conj/pcomp (and its governing verb when the trigger is that verb's
argument) and returns a flag; none writes to the Doc.

Source: CAMEO manual 1.1b3 (Schrodt 2012), ch. 2, codes 03x/13x for stated intent; PLOVER
manual draft 0.8 (2021) for the negated and hypothetical flags.
"""

from __future__ import annotations

from spacy.tokens import Token

from wirewatch.pipeline.event_args import is_argument_of

__all__ = ["is_negated", "is_hypothetical", "intent_frame", "deontic_clause"]

_MODALS = frozenset(
    {
        "would",
        "could",
        "may",
        "might",
        "will",
        "should",
        "shall",
        "must",
        "ought",
        "'d",
        "'ll",
        "wo",
        "ca",
    }
)
_IRREALIS_HEADS = frozenset(
    {
        "plan",
        "threaten",
        "want",
        "intend",
        "hope",
        "seek",
        "aim",
        "consider",
        "propose",
        "expect",
        "vow",
        "promise",
        "offer",
        "refuse",
        "decline",
        "fail",
        "try",
        "attempt",
        "agree",
        "consent",
        "allow",
        "permit",
        "authorize",
        "authorise",
    }
)


# verbs whose "to"/"on" object is an event agreed to, not yet done ("agreed to a ceasefire")
_ASSENT_HEADS = frozenset({"agree", "consent", "commit"})
_NEG_WORDS = frozenset({"not", "n't", "never", "no", "neither", "nor"})


def _clause_chain(tok: Token) -> list[Token]:
    """``tok`` and the verbs above it through xcomp/conj/advcl/pcomp (not through ccomp)."""
    chain = [tok]
    cur = tok
    for _ in range(5):
        if cur.dep_ in ("xcomp", "conj", "pcomp") and cur.head.i != cur.i:
            cur = cur.head
            chain.append(cur)
        else:
            break
    return chain


def _heads(trigger: Token, gov: Token | None) -> list[Token]:
    heads = _clause_chain(trigger)
    if gov is not None and gov.i != trigger.i and is_argument_of(trigger, gov):
        heads += _clause_chain(gov)
    return heads


def is_negated(trigger: Token, gov: Token | None) -> bool:
    """A negation on the trigger or its clause ("did not detain", "never met", "no arrests")."""
    heads = _heads(trigger, gov)
    for h in heads:
        for c in h.children:
            if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in _NEG_WORDS):
                return True
            if c.dep_ in ("nsubj", "nsubjpass") and _none_of_them(c):
                return True  # "no one was injured", "nobody was arrested"
    return False


def _none_of_them(subj: Token) -> bool:
    """A subject that denies the event happened to anyone: "nobody", "none (of them)", "no
    one", "no protesters"."""
    if subj.lower_ in ("nobody", "none", "noone"):
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children)


def is_hypothetical(trigger: Token, gov: Token | None) -> bool:
    """Modal, future or conditional: would/could/may/might/will/should/must, "going to", an
    "if/unless" clause, or the complement of plan/threaten/want/…"""
    heads = _heads(trigger, gov)
    for h in heads:
        for c in h.children:
            if c.dep_ == "aux" and (c.lower_ in _MODALS or c.tag_ == "MD"):
                return True
            if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
                return True
        if _to_complement(h) and h.head.lemma_ in _IRREALIS_HEADS:
            return True
        if h.dep_ == "xcomp" and h.head.lemma_ == "go" and h.head.tag_ == "VBG":
            return True
    if trigger.dep_ in ("dobj", "pobj") and gov is not None and gov.lemma_ in _IRREALIS_HEADS:
        return True
    if (
        trigger.dep_ == "pobj"
        and trigger.head.lower_ in ("to", "on", "upon")
        and trigger.head.head.lemma_ in _ASSENT_HEADS
    ):
        return True  # "agreed to a ceasefire", "agreed on the withdrawal of troops"
    return False


_INTENT_ADJ = frozenset({"ready", "willing", "prepared", "determined", "eager", "committed"})
_INTENT_VERBS = frozenset(
    {"plan", "intend", "vow", "swear", "pledge", "decide", "prepare", "aim", "resolve"}
)
_FUTURE_AUX = frozenset({"will", "would", "'ll", "wo", "shall"})
_DEONTIC_AUX = frozenset({"must", "ought"})


def intent_frame(trigger: Token, gov: Token | None) -> str | None:
    """How the actor stands to an unrealised event: "intent" (will/would, ready/willing/
    prepared to, plans/vows/decides to), "ultimatum" (intent with an "unless" condition) or
    None. CAMEO codes a stated intent as its own event: 03 (intent to cooperate) or 13
    (threaten); PLOVER 0.8 AGREE and THREATEN (Source: CAMEO manual 1.1b3 ch. 2, codes 03x/13x).
    """
    kind = None
    unless = False
    for h in _heads(trigger, gov):
        for c in h.children:
            if c.dep_ == "aux" and c.lower_ in _FUTURE_AUX:
                kind = "intent"
            if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ == "unless" for m in c.children
            ):
                unless = True
            if (
                c.dep_ == "advcl"
                and any(m.dep_ == "mark" and m.lower_ == "if" for m in c.children)
                and any(a.dep_ == "aux" and a.tag_ == "MD" for a in h.children)
            ):
                kind = "intent"  # "may halt its mediation if ...": a conditional intent
        head = h.head
        if (h.dep_ in ("xcomp", "pcomp", "prep") or _to_complement(h)) and head.i != h.i:
            if head.lemma_.lower() in _INTENT_VERBS:
                kind = "intent"
            if head.lemma_.lower() in _INTENT_ADJ and head.pos_ == "ADJ":
                kind = "intent"
            if head.dep_ == "prep" and head.head.lemma_.lower() in _INTENT_ADJ:
                kind = "intent"  # "committed to opening"
    if kind and unless:
        return "ultimatum"
    return kind


def _to_complement(h: Token) -> bool:
    """An infinitive complement: xcomp, or an advcl/ccomp with its own "to" ("have sworn to
    fight", "allowed the opposition to hold", as the parser often attaches them)."""
    return h.dep_ == "xcomp" or (
        h.dep_ in ("advcl", "ccomp")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in h.children)
    )


def deontic_clause(verb: Token) -> bool:
    """Whether ``verb`` carries "must"/"ought to"/"has to" ("X said Y must release them")."""
    for c in verb.children:
        if c.dep_ == "aux" and c.lower_ in _DEONTIC_AUX:
            return True
    return False
