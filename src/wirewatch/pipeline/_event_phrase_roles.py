"""Roles the words of an event's own phrase name, for the ``wirewatch_events`` coder: the
party an "anti-X" modifier opposes, the addressee of an appeal ("called upon X to ..."), a bare
count of people as the patients of a passive ("About 12,000 have been detained"), the owner of a
response noun ("X's response was limited to calls for calm"), and event nouns quantified over
their kind ("after every instance of unrest"), which are no single event.

All functions read a dependency parse (spaCy ``Token``) and return tokens or flags; none writes
to the Doc.

Sources: Levin (1993), English Verb Classes and Alternations (object-control appeal verbs);
Carlson (1977), Reference to Kinds in English (generic quantification); CAMEO manual 1.1b3
(codes the party appealed to, and an unnamed group by where the event happened).
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = [
    "RESPONSE_NOUNS",
    "addressee_of_appeal",
    "anti_parties",
    "counted_patients",
    "generic",
]

# nouns naming a party's answer to events, whose content is the party's own act ("the
# government's response was a curfew")
RESPONSE_NOUNS = frozenset({"response", "reaction", "answer", "reply", "retaliation"})


# determiners that quantify over all events of a kind (a generic reading: Carlson 1977), and
# nouns that count a kind's occurrences ("every instance of unrest"); "any" only as a subject
# ("any protest is illegal"): as an object it is mostly the negative-polarity "any" of a
# negated or open report ("has yet to acknowledge any withdrawals")
_GENERIC_DETS = frozenset({"every"})
_OCCURRENCE_NOUNS = frozenset(
    {"instance", "case", "episode", "outbreak", "kind", "form", "type", "act"}
)


def generic(noun: Token) -> bool:
    """Whether an event noun is quantified as a kind, not one event: "every protest", "any
    attack is illegal", "after every other instance of unrest".

    Args:
        noun: an event-noun trigger token.

    Returns:
        True when "every" (or "any" on a subject) determines the noun or the occurrence noun
        ("instance", "case") whose "of" object it is.
    """
    holder = noun
    if (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.lemma_.lower() in _OCCURRENCE_NOUNS
    ):
        holder = noun.head.head
    return any(
        c.dep_ == "det"
        and (
            c.lower_ in _GENERIC_DETS
            or (c.lower_ == "any" and holder.dep_ in ("nsubj", "nsubjpass"))
        )
        for c in holder.children
    )


# quantity nouns that stand for a number of people ("dozens were detained")
_COUNT_NOUNS = frozenset({"dozens", "hundreds", "thousands", "scores", "tens", "millions"})


def counted_patients(verb: Token) -> Token | None:
    """The passive subject of ``verb`` when it is a bare count of people ("About 12,000 have
    been detained", "dozens were killed"): a number or quantity noun with no noun it counts.

    Args:
        verb: a verb trigger (an arrest, a killing).

    Returns:
        The head token of the count (its subtree is the actor span), or None.
    """
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None or not (subj.pos_ == "NUM" or subj.lower_ in _COUNT_NOUNS):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in subj.children):
        return None  # "dozens of protesters": the phrase names its people
    return subj


def anti_parties(tok: Token) -> list[Token]:
    """Heads of the parties an "anti-X" modifier of a protest noun opposes ("anti-government
    protests" -> "government", "anti-American rallies" -> "American").

    Args:
        tok: an event-noun trigger token.

    Returns:
        The modifiers left of ``tok`` written right after "anti" and a hyphen, in text order
        (empty when there is none).
    """
    doc = tok.doc
    out = []
    for c in tok.lefts:
        if c.dep_ not in ("amod", "compound", "nmod"):
            continue
        if (
            c.i >= 2
            and doc[c.i - 1].text in ("-", "\u2010", "\u2011")
            and doc[c.i - 2].lower_ == "anti"
        ):
            out.append(c)
    return out


# appeal verbs whose object is the one asked to act (object control: "urged X to ...");
# "demanded a meeting to discuss" has an object that is no addressee (Levin 1993, verbs of
# "advise" and "urge" classes, 37.9 and 58.1)
_OBJECT_CONTROL_APPEALS = frozenset(
    {
        "urge",
        "ask",
        "press",
        "encourage",
        "invite",
        "implore",
        "beg",
        "exhort",
        "advise",
        "appeal",
        "call",
    }
)


def addressee_of_appeal(verb: Token, tgt: Token | None) -> bool:
    """Whether ``tgt`` is the party an appeal verb addresses, asked to do what the verb's
    infinitive says: "called on/upon X to ...", "urged/asked X to ...".

    Args:
        verb: the appeal verb (a REQUEST trigger).
        tgt: the target head the argument frame found (None when none).

    Returns:
        True when ``tgt`` is a noun that is the "on/upon" object or the object of an
        object-control appeal verb, and a to-infinitive follows.
    """
    if tgt is None or tgt.pos_ not in ("NOUN", "PROPN"):
        return False
    if tgt.dep_ == "pobj" and tgt.head.lower_ in ("on", "upon"):
        holder = tgt.head.head
    elif tgt.dep_ == "dobj" and tgt.head.lemma_.lower() in _OBJECT_CONTROL_APPEALS:
        holder = tgt.head
    else:
        return False
    return holder.i == verb.i and any(
        c.dep_ in ("xcomp", "advcl")
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for h in (verb, tgt)
        for c in h.children
    )
