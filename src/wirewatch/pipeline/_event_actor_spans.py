"""Actor phrases in the parse for the event coder: the character range of the actor phrase a
token heads (``actor_span``: its named entity without "the" and a possessive 's, or the head with
its compound and adjective modifiers, plus a bracketed acronym) and the names coordinated with it
(``conjuncts``: "Russia and China" -> one event per dyad, as PETRARCH-2 codes compound actors).

Source: PETRARCH-2 (Norris, Schrodt & Beieler 2017) for compound actors.
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["conjuncts", "actor_span"]


def conjuncts(tok: Token | None, *, groups: bool = False) -> list[Token]:
    """``tok`` and its coordinated names, in text order ("Russia and China" -> [Russia,
    China]); a common noun is not split ("violence and destruction" stays one argument) unless
    ``groups``: then it is split into the nouns coordinated with it ("the ruling party and the
    opposition" -> [party, opposition]), for callers that keep only the actors among them and
    only when ``tok`` itself is one."""
    if tok is None:
        return []
    out = [tok]
    if _is_name(tok):
        out.extend(c for c in tok.conjuncts if c.i > tok.i and _is_name(c))
    elif groups and tok.pos_ == "NOUN":
        out.extend(c for c in tok.conjuncts if c.i > tok.i and c.pos_ in ("NOUN", "PROPN"))
    return out


def _is_name(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ in _ENT_LABELS


_SPAN_DEPS = frozenset({"compound", "amod", "nmod", "flat", "npadvmod"})
_ENT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


def actor_span(tok: Token) -> tuple[int, int] | None:
    """Character range of the actor phrase headed by ``tok``: its named entity (without "the"
    and a possessive 's) or the head with its compound/adjective modifiers; None for numbers
    and bare relative pronouns."""
    doc = tok.doc
    if tok.pos_ == "NUM" or tok.lower_ in ("which", "that", "who", "whom"):
        return None
    if tok.ent_type_ in _ENT_LABELS:
        a = tok.i
        while a > 0 and doc[a].ent_iob_ == "I":
            a -= 1
        b = tok.i + 1
        while b < len(doc) and doc[b].ent_iob_ == "I":
            b += 1
        ent = doc[a:b]
        if len(ent):
            toks = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
            toks = [t for t in toks if t.tag_ != "POS" and t.text not in ("'s", "’s")]
            if toks:
                return toks[0].idx, toks[-1].idx + len(toks[-1].text)
    left = tok
    changed = True
    while changed:
        changed = False
        for c in left.lefts:
            if c.tag_ in ("VBN", "VBG") or any(
                t.tag_ in ("VBN", "VBG") or t.like_num or t.pos_ == "NUM" for t in c.subtree
            ):
                continue
            if (
                c.dep_ in _SPAN_DEPS
                and c.i == left.i - 1
                or (
                    c.dep_ in _SPAN_DEPS
                    and all(
                        doc[k].dep_ in _SPAN_DEPS | {"punct"} and doc[k].pos_ != "DET"
                        for k in range(c.i, left.i)
                    )
                )
            ):
                left = c
                changed = True
                break
        # the leftmost token of the subtree of a compound modifier ("Kremlin-led")
        for t in left.subtree:
            if t.tag_ in ("VBN", "VBG") or t.head.tag_ in ("VBN", "VBG") or t.like_num:
                continue
            if (
                t.i < left.i
                and t.dep_ in _SPAN_DEPS | {"punct"}
                and t.pos_ != "DET"
                and all(doc[k].dep_ != "det" for k in range(t.i, left.i))
            ):
                left = t
                changed = True
                break
    # "a 23-year-old man", "a 2,000-strong crowd": a modifier holding a number is not the name
    numeric = {t.i for c in tok.lefts if any(x.like_num for x in c.subtree) for t in c.subtree}
    while left.i < tok.i and (
        left.is_punct or left.pos_ in ("DET", "NUM") or left.like_num or left.i in numeric
    ):
        left = doc[left.i + 1]
    return left.idx, _with_acronym(tok)


def _with_acronym(tok: Token) -> int:
    """End offset of ``tok``, extended over a parenthesised acronym right after it
    ("Collective Security Treaty Organization (CSTO)")."""
    doc = tok.doc
    i = tok.i
    if i + 3 < len(doc) and doc[i + 1].text == "(" and doc[i + 3].text == ")":
        acro = doc[i + 2].text
        if acro.replace(".", "").isupper() and len(acro) <= 8:
            return doc[i + 3].idx + 1
    return tok.idx + len(tok.text)
