"""Syntactic helpers of the event coder: who (source/target), negation, modality, attribution.

All functions read a dependency parse (spaCy ``Token``) and return tokens or flags; none writes
to the Doc. Patterns follow PETRARCH-2 practice (Norris, Schrodt & Beieler 2017): the subject is
the source, the object or a "to/with/against" complement the target, a passive's "by" phrase the
source, and compound subjects or objects give one event per dyad. When no frame names a target,
the first actor in the trigger's verb phrase is (``verb_phrase_parties``), leaving out places and
background. A few frequent misparses of the small English model are read as what they stand
for: a subject folded into a fronted adjunct (``absorbed_subject``), an object parsed as the
subject of the infinitive or participle after it (``prep_objects``, object-control verbs), a
heavy object shifted past an "as" phrase, and a finite verb hung on a verbless root noun.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice

from spacy.tokens import Span, Token

from wirewatch.pipeline._lexicons import reporting_verbs  # one list: resources/reporting_verbs.txt

__all__ = [
    "governing_verb",
    "subject_of",
    "verb_source_target",
    "reporting_tail",
    "prep_objects",
    "noun_source_target",
    "inner_targets",
    "complement_targets",
    "clause_targets",
    "demanded_parties",
    "addressee",
    "verb_phrase_parties",
    "is_place_noun",
    "absorbed_subject",
    "conjuncts",
    "is_argument_of",
    "actor_span",
    "is_negated",
    "is_hypothetical",
    "reporting_speaker",
    "reporting_verbs",
]

_TARGET_PREPS = frozenset({"to", "with", "against", "on", "upon", "toward", "towards"})
# prepositions naming the party an owned object goes to or is taken from ("withdrew its troops
# from Lebanon", "offered its troops to X")
_RECIPIENT_PREPS = _TARGET_PREPS | {"from", "into"}
# prepositions inside a non-actor object that name the party it concerns ("calls by X",
# "aid for X", "relations with X", "independence from X", "the removal of X")
_INNER_PREPS = _TARGET_PREPS | {"for", "from", "by", "of", "into", "over", "between", "among"}
_MODALS = frozenset({"would", "could", "may", "might", "will", "should", "shall", "must", "ought",
                     "'d", "'ll", "wo", "ca"})
_IRREALIS_HEADS = frozenset({"plan", "threaten", "want", "intend", "hope", "seek", "aim",
                             "consider", "propose", "expect", "vow", "promise", "offer",
                             "refuse", "decline", "fail", "try", "attempt", "agree",
                             "consent", "allow", "permit", "authorize", "authorise"})
# participles that after "be" + "to" state the subject's stance ("is opposed to")
_STATIVE_PASSIVES = frozenset({"oppose", "commit", "dedicate", "devote", "resign", "reconcile"})
# verbs whose "to"/"on" object is an event agreed to, not yet done ("agreed to a ceasefire")
_ASSENT_HEADS = frozenset({"agree", "consent", "commit"})
_NEG_WORDS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
_CLAUSE_UP = frozenset({"xcomp", "conj", "advcl", "acl", "relcl", "pcomp"})


def governing_verb(tok: Token) -> Token | None:
    """The verb a noun's phrase depends on ("condolences" in "X expressed condolences" ->
    "expressed"); a verb governs itself; None when the phrase hangs off no verb."""
    if tok.pos_ == "VERB":
        return tok
    return next((a for a in islice(tok.ancestors, 8) if a.pos_ in ("VERB", "AUX")), None)


def subject_of(verb: Token) -> Token | None:
    """Active subject of ``verb``, inherited from the clause it hangs off for subjectless
    participles and infinitives ("…, urging all parties" -> the main clause's subject); for a
    relative clause, the noun it modifies."""
    cur = verb
    for _ in range(5):
        for c in cur.children:
            if c.dep_ in ("nsubj", "csubj"):
                if c.lower_ in ("that", "which", "who") and cur.dep_ == "relcl":
                    return cur.head
                return c
        if cur.dep_ == "relcl":
            return cur.head
        if cur.dep_ in ("xcomp", "advcl", "conj", "pcomp") and cur.head.i != cur.i:
            cur = cur.head
            if cur.dep_ == "prep" and cur.pos_ == "ADP" and cur.head.i != cur.i:
                # a gerund after a preposition: "are guilty of violating", "dispersed the crowd
                # by firing": the clause the preposition hangs off does it, unless that clause
                # names someone else for it ("accused X of attacking", "lashed out at X for
                # shooting down": X)
                if cur.lower_ in ("for", "of") and cur.head.pos_ == "VERB":
                    blamed = [c for c in cur.head.children if c.dep_ == "dobj" and c.i < cur.i]
                    blamed += [o for p, o in prep_objects(cur.head, ("at", "on", "to", "with"))
                               if o.i < cur.i]
                    if blamed:
                        return blamed[0]
                if cur.lower_ in ("for", "of") and cur.head.dep_ == "dobj" \
                        and cur.head.pos_ in ("NOUN", "PROPN"):
                    return cur.head  # the parser hung "of opposing" on the object itself
                cur = cur.head
            if cur.pos_ == "ADJ" and cur.dep_ == "acomp" and cur.head.i != cur.i:
                cur = cur.head  # "X is ready/willing/prepared to send": the copula's subject
            if cur.pos_ not in ("VERB", "AUX"):
                return None
            continue
        if cur.dep_ == "acl" and cur.tag_ in ("VBD", "VBN") and _double_subject(cur.head):
            # "Kurdish youths resorted to ..., witnesses said": the parser made the main verb a
            # modifier of its subject and gave "said" two subjects
            return cur.head
        return absorbed_subject(cur)
    return None


def _double_subject(noun: Token) -> bool:
    """``noun`` is one of two subjects the parser gave the same verb: a sign that it is really
    the subject of the verb hung on it as a modifier."""
    if noun.dep_ != "nsubj" or noun.head.i == noun.i:
        return False
    return sum(1 for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")) > 1


def absorbed_subject(verb: Token) -> Token | None:
    """The subject of a finite ``verb`` the parser folded into a fronted adjunct ("With the
    signing of the accord, the government and the rebels have agreed": "government" hung under
    "accord"): the one phrase head between the adjunct's last comma and the verb, inside the
    subtree of a preposition or adverbial clause opening the sentence. None when ``verb`` has a
    subject, is not finite, or no such phrase is there."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if verb.tag_ not in ("VBD", "VBZ", "VBP") and not any(
            a.tag_ in ("VBD", "VBZ", "VBP", "MD") for a in auxes):
        return None
    openers = [c for c in verb.children if c.dep_ in ("prep", "advcl", "npadvmod")
               and c.left_edge.i == verb.sent.start]
    if not openers:
        return None
    end = min([verb.i, *(a.i for a in auxes)])
    inside = set(t.i for t in openers[0].subtree)
    commas = [t.i for t in verb.doc[verb.sent.start:end] if t.text == "," and t.i in inside]
    if not commas or commas[-1] + 1 >= end:
        return None
    span = range(commas[-1] + 1, end)
    if any(k not in inside for k in span):
        return None
    heads = [verb.doc[k] for k in span if verb.doc[k].head.i not in span]
    if len(heads) != 1 or heads[0].pos_ not in ("NOUN", "PROPN"):
        return None
    return heads[0]


def _pobj(prep: Token) -> Token | None:
    for c in prep.children:
        if c.dep_ == "pcomp" and c.pos_ == "VERB":
            subj = [s for s in c.children if s.dep_ == "nsubj" and s.i < c.i and s.pos_ != "PRON"]
            if subj and subj[0].left_edge.i == prep.i + 1:
                # "granted asylum to three journalists hiding in its embassy": a noun with a
                # participle after it, parsed as the participle's subject
                return subj[0]
        if c.dep_ in ("pobj", "pcomp"):
            return c
    if prep.n_lefts + prep.n_rights == 0 and prep.i + 1 < len(prep.doc):
        # "granted asylum to five officers holed up in ...": the parser left the preposition
        # bare and made its object the subject of the reduced relative after it
        nxt = prep.doc[prep.i + 1]
        for a in (nxt, *islice(nxt.ancestors, 4)):
            if a.dep_ in ("nsubj", "nsubjpass") and a.left_edge.i == prep.i + 1:
                if a.head.head.i == prep.head.i and a.head.i != prep.head.i:
                    return a
                break
    return None


def prep_objects(tok: Token, preps: Iterable[str]) -> list[tuple[str, Token]]:
    """(preposition, object) pairs of ``tok``'s prepositional children whose preposition is in
    ``preps`` (lower case), in text order; also a bare preposition whose object the parser made
    the subject of the clause after it."""
    want = set(preps)
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in want:
            o = _pobj(c)
            if o is not None:
                out.append((c.lower_, o))
    return out


def is_passive(verb: Token) -> bool:
    """Whether ``verb`` heads a passive clause: an auxpass, nsubjpass or "by" agent child, or
    a bare participle coordinated with a passive verb ("he was arrested and accused by X":
    "accused")."""
    if any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in verb.children):
        return True
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.i != verb.i and not any(
        c.dep_ in ("nsubj", "aux") for c in verb.children) and any(
        c.dep_ in ("auxpass", "nsubjpass") for c in verb.head.children)


def verb_source_target(verb: Token, roles: dict[str, str]) -> tuple[Token | None, Token | None,
                                                                     Token | None]:
    """(source, target, theme) heads for a verb trigger.

    Active: subject -> source, direct object -> target (or theme when ``roles['obj']`` is
    "theme"), else a to/with/against/on complement -> target. Passive: "by" agent -> source,
    passive subject -> target. ``roles['subj'] == 'target'`` makes the subject the target
    ("protesters died").
    """
    source = target = theme = None
    if is_passive(verb) and verb.lemma_.lower() in _STATIVE_PASSIVES and not any(
        c.dep_ == "agent" for c in verb.children
    ) and prep_objects(verb, ("to",)):
        # "Israel is opposed to French mediation", "X is committed to reform": a stance held
        # by the subject, not something done to it
        for c in verb.children:
            if c.dep_ in ("nsubjpass", "nsubj"):
                source = c
            elif c.dep_ == "auxpass" and source is None:  # the parser may hang it on "is"
                source = next((g for g in c.children if g.dep_ == "nsubj"), None)
        return source, prep_objects(verb, ("to",))[0][1], theme
    if is_passive(verb):
        for c in verb.children:
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by" and source is None):
                source = _pobj(c)  # the parser sometimes labels the agent's "by" a "prep"
            elif c.dep_ == "nsubjpass":
                target = c
        if target is None and verb.dep_ == "conj":  # "he was arrested and accused by X"
            target = next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
    else:
        subj = subject_of(verb)
        if subj is None and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") \
                and verb.head.i < verb.i and (verb.tag_ in ("VBG", "VBD") or (
                    verb.head.dep_ == "ROOT" and verb.tag_ == "VBN"
                    and not any(c.dep_ == "agent" for c in verb.children))):
            # "protesters demanding reforms", "a statement condemning the raid": the noun the
            # active participle modifies does it (or, when it is no actor, the one who issued
            # it; see events); a finite verb parsed as such a modifier ("Doctors from two aid
            # groups donated ...", or hung on a verbless root noun: "The newspaper called on
            # Arabs to ...") is the same shape
            subj = verb.head
            root = _verbless_root(verb)
            if root is not None and verb.tag_ == "VBD":
                subj = root
        elif subj is None and reporting_tail(verb):
            # "..., a human rights group protested on Wednesday.": the speaker of the tail
            subj = verb.head
        elif subj is None and verb.dep_ == "acl" and verb.tag_ == "VBN" \
                and (root := _verbless_root(verb)) is not None \
                and not any(c.dep_ in ("agent", "aux", "auxpass") for c in verb.children) \
                and any(c.dep_ == "conj" and c.tag_ == "VBD" for c in verb.children):
            # "Doctors from two aid groups donated and delivered ...": the main verb of a
            # verbless-root sentence, hung on the root's "from" phrase; its finite conjunct
            # shows it is no passive participle
            subj = root
        if roles.get("subj") == "target":
            target = subj
        else:
            source = subj
        for c in _objects(verb):
            if c.dep_ in ("dobj", "appos", "nsubj", "nsubjpass"):
                if roles.get("obj") == "theme" or c.pos_ == "NUM" or c.ent_type_ in (
                    "MONEY", "CARDINAL", "QUANTITY", "PERCENT"
                ) or _owned_with_recipient(verb, c):
                    theme = c
                elif target is None:
                    target = c
                break
    if target is None:
        preps = _RECIPIENT_PREPS if theme is not None and _owned(theme) else _TARGET_PREPS
        for _p, o in prep_objects(verb, preps):
            if o.ent_type_ in ("DATE", "TIME"):
                continue  # "denounced on Friday": a date is when, not whom
            target = o
            break
    return source, target, theme


def reporting_tail(verb: Token) -> bool:
    """Whether ``verb`` is a sentence-final reporting tail the parser hung on a noun as its
    modifier ("Croatia is failing to return the houses, a rights group protested on Monday."):
    a past-tense verb modifying a noun that follows a comma, with no object or passive marker,
    and nothing but adverbs and punctuation after it to the end of the sentence."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN"):
        return False
    head = verb.head
    doc = verb.doc
    if head.i >= verb.i or head.left_edge.i == 0 or doc[head.left_edge.i - 1].text != ",":
        return False
    if any(c.dep_ in ("dobj", "agent", "auxpass", "ccomp", "xcomp") for c in verb.children):
        return False
    if any(o.ent_type_ not in ("DATE", "TIME") for _p, o in prep_objects(verb, _ALL_PREPS)):
        return False  # "on Monday" may follow; "in the city" is no tail
    return all(t.is_punct for t in doc[verb.right_edge.i + 1:verb.sent.end])


_ALL_PREPS = frozenset({"in", "on", "at", "to", "from", "with", "for", "by", "of", "against",
                        "about", "over", "after", "before", "during", "through", "into"})


def _verbless_root(verb: Token) -> Token | None:
    """The noun heading a sentence the parser found no main verb in, when ``verb`` hangs in
    its post-modifiers ("Doctors from two aid groups donated ...": "donated" under "groups")."""
    root = verb.sent.root
    if root.pos_ not in ("NOUN", "PROPN") or root.i >= verb.i:
        return None
    cur = verb
    for anc in islice(verb.ancestors, 5):
        if cur.dep_ not in ("acl", "pobj", "prep", "compound"):
            return None
        if anc.i == root.i:
            return root
        cur = anc
    return None


def _objects(verb: Token) -> list[Token]:
    """The direct object of an active ``verb`` (at most one), including two the parser
    misplaces: a heavy object shifted past an "as" phrase and parsed as its appositive
    ("denounced as a crime Serbia's crackdown"), and the object of an object-control or ECM
    verb parsed as the subject of the infinitive after it ("allowed the opposition leader to
    hold a rally", "forced the rebels to withdraw")."""
    for c in verb.children:
        if c.dep_ == "dobj":
            return [c]
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "as":
            o = _pobj(c)
            appos = [a for a in o.children if a.dep_ == "appos" and a.i > o.i] if o else []
            if appos:
                return appos[:1]
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp") and c.i > verb.i and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            subj = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass") and s.i < c.i]
            if subj and (subj[0].pos_ != "PRON"
                         or subj[0].lower_ in ("him", "her", "them", "us", "me")):
                return subj[:1]
    doc = verb.doc
    for c in verb.children:
        # "shot and wounded a suspect", "beat and robbed two men": two verbs side by side
        # share the object the parser hangs on the second
        if c.dep_ == "conj" and c.pos_ == "VERB" and c.i == verb.i + 2 \
                and doc[verb.i + 1].lower_ in ("and", "or") \
                and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children):
            return [o for o in c.children if o.dep_ == "dobj"][:1]
    return []


def _owned(obj: Token) -> bool:
    """An object the actor gives or moves rather than acts on: possessed by a pronoun ("its
    troops") or counted ("4,000 troops")."""
    return _pron_owned(obj) or any(c.dep_ == "nummod" or c.like_num for c in obj.children)


def _pron_owned(obj: Token) -> bool:
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children)


def _owned_with_recipient(verb: Token, obj: Token) -> bool:
    """"withdrew its troops from Lebanon", "offered its troops to X", "sent 4,000 troops to X":
    the object is the source's own and a to/from phrase names the party the event is directed
    at (a counted object only with to/from/into: "arrested 100 Palestinians on Saturday")."""
    preps = _RECIPIENT_PREPS if _pron_owned(obj) else ("to", "from", "into")
    if not _owned(obj):
        return False
    return any(o.ent_type_ not in ("DATE", "TIME") for _p, o in prep_objects(verb, preps))


def inner_targets(noun: Token, depth: int = 2, *, poss: bool = True) -> list[Token]:
    """Parties named inside a non-actor object, nearest first: its possessor ("praised Haiti's
    efforts"; skipped with ``poss=False``, for a noun trigger whose possessor is its source),
    an actor modifying it ("hostage-takers' demands", "Israeli raids", "the US-led war";
    skipped with ``poss=False`` too), the objects of its prepositions ("rejected calls by X",
    "aid to X", "relations with X", "mediation between X and Y"), and the agent of a
    participle after it ("crimes committed by X"); then the same inside those objects up to
    ``depth`` levels ("70 million dollars of aid for Romania", "an investigation into crimes
    committed by X"). Callers keep the candidates that are actors."""
    out: list[Token] = []
    level = [noun]
    for k in range(depth):
        nxt: list[Token] = []
        for n in level:
            for c in n.children:
                if c.dep_ == "poss" and c.pos_ != "PRON" and (poss or k > 0):
                    out.append(c)
                    nxt.append(c)
                elif (c.dep_ in ("compound", "nmod") or (
                        c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE"))) \
                        and c.i < n.i and (poss or k > 0):
                    out.append(c)  # "rebel positions", "the Israeli raids"
                elif c.dep_ == "amod" and c.lower_ in _LED and (poss or k > 0):
                    # "the US-led war", "Saudi-backed forces": who leads it is named on it
                    out.extend(a for a in c.children if a.dep_ in ("npadvmod", "compound",
                                                                   "nmod", "poss"))
                elif c.dep_ in ("prep", "agent") and c.lower_ in _INNER_PREPS:
                    for o in c.children:
                        if o.dep_ == "pobj":
                            out.append(o)
                            nxt.append(o)
                elif c.dep_ == "acl" and c.tag_ == "VBN":
                    out.extend(o for _p, o in prep_objects(c, ("by",)))
        level = nxt
        if not level:
            break
    return out


# participles that make a name modifying a noun its leader or sponsor ("US-led", "Iran-backed")
_LED = frozenset({"led", "backed", "sponsored", "supported", "funded", "armed", "controlled",
                  "dominated", "run", "allied"})


def _purpose_clauses(tok: Token) -> list[Token]:
    """Verb complements of ``tok`` that say what it is for: "threatened to break off",
    "staged a strike to demand", "a strike to demand" (xcomp, or an advcl/acl with "to")."""
    out = []
    for c in tok.children:
        if c.pos_ not in ("VERB", "AUX"):
            continue
        if c.dep_ == "xcomp" or (c.dep_ in ("advcl", "acl") and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):
            out.append(c)
    return out


def complement_targets(tok: Token, depth: int = 2) -> list[Token]:
    """Target candidates in the verb complement of a trigger ("threatened to break off relations
    with X", "promised to continue aid to X", "offered to hand over to X", "a hunger strike to
    demand the resignation of X"): the complement's object (unless owned by the actor), its
    to/with/against/… objects, then parties inside the object (``inner_targets``);
    complements of complements up to ``depth`` levels."""
    out: list[Token] = []
    level = [tok]
    for _ in range(depth):
        nxt = [c for v in level for c in _purpose_clauses(v)]
        for x in nxt:
            objs = _objects(x)
            out.extend(o for o in objs if not _owned(o) and o.pos_ != "NUM")
            preps = [o for _p, o in prep_objects(x, _RECIPIENT_PREPS)]
            out.extend(preps)
            for o in objs:
                out.extend(inner_targets(o))
            # "refused to respond to a demand from X", "refused to commit to aid to the
            # US-led war": the party inside a non-actor prepositional object
            for o in preps:
                out.extend(inner_targets(o))
        level = nxt
        if not level:
            break
    return out


def clause_targets(tok: Token, plover_type: str) -> list[Token]:
    """Subjects of the clauses that say what is demanded or threatened over: a demand's "that"
    clause ("its demand that Israel ease restrictions") and the condition of a threat
    ("threatened to launch an offensive unless Baghdad accepted", "... if the United States
    goes ahead")."""
    out: list[Token] = []
    if plover_type in ("REQUEST", "ACCUSE", "REJECT") and tok.pos_ != "VERB":
        # the noun's own "that" clause, or one the parser hung on the verb the noun is the
        # object of ("reiterated its demand today that Israel ease ...")
        holders = [tok, tok.head] if tok.dep_ == "dobj" else [tok]
        for h in holders:
            for c in h.children:
                if c.dep_ in ("acl", "ccomp") and c.i > tok.i and any(
                        m.lower_ == "that" for m in c.children):
                    out.extend(demanded_parties(c))
    if plover_type == "THREATEN":
        for h in [tok, *(c for c in tok.children if c.dep_ == "xcomp")]:
            for c in h.children:
                if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                             for m in c.children):
                    out.extend(s for s in c.children if s.dep_ in ("nsubj", "nsubjpass"))
    return out


def addressee(clause: Token) -> Token | None:
    """The party a statement is made to, for a clause reported from it: the indirect or "to"
    object of the reporting verb or noun, or its direct object ("told Iraq that it must",
    "warned Iraq that it must", "issued a reminder to Iraq that it must" -> "Iraq"); None when
    the statement names no addressee."""
    head = clause.head
    holders = [head]
    if head.pos_ in ("NOUN", "PROPN") and head.head.pos_ == "VERB":
        holders.append(head.head)
    for h in holders:
        for c in h.children:
            if c.i == clause.i or c.i in (x.i for x in holders):
                continue
            if c.dep_ == "dative" and c.pos_ != "ADP":
                return c
            if c.dep_ in ("dative", "prep") and c.lower_ == "to" and (o := _pobj(c)) is not None:
                return o
            if c.dep_ == "dobj" and h.pos_ == "VERB" and c.i < clause.i and _is_name(c):
                return c
    return None


def demanded_parties(clause: Token) -> list[Token]:
    """Target candidates in a clause that states what is demanded or alleged ("demanded that
    the US cancel the visit", "demanded that control of the ministry be taken away from the
    northern politicians"): its subject, then the objects of its recipient prepositions (also
    through a particle: "taken away from X")."""
    out = [s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")]
    holders = [clause, *(c for c in clause.children if c.dep_ in ("advmod", "prt"))]
    out.extend(o for h in holders for _p, o in prep_objects(h, _RECIPIENT_PREPS))
    return out


# prepositions that only set an event in place or time ("near the border", "during the talks");
# "in", "at" and "on" also take parties ("in defiance of X", "protest at the settlement of X",
# "fired on X") and count as place only before a place; "from/to/into" name the party a move
# is directed at ("withdrew from Lebanon") and are kept
_SETTING_PREPS = frozenset({"near", "across", "throughout", "outside", "inside", "around",
                            "within", "along", "beyond", "during", "amid", "amidst"})
_SITE_PREPS = frozenset({"in", "at", "on", "upon", "through"})
# common nouns naming a place, not a party ("a village near the border", "the streets of X")
_PLACE_NOUNS = frozenset({
    "area", "border", "borders", "capital", "city", "coast", "district", "enclave",
    "frontier", "land", "neighbourhood", "neighborhood", "outskirts", "port", "province",
    "region", "road", "sector", "square", "street", "territory", "town", "village", "zone",
    "home", "residence", "house", "building", "camp", "headquarters", "office", "embassy",
    "compound", "prison", "jail", "base", "airport", "hospital", "school", "university",
    "stronghold", "position", "outpost", "post", "barracks", "checkpoint", "hideout",
})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# clauses whose actors are not in a verb's phrase: coordinated verbs, and reported, adverbial,
# relative and noun-complement clauses with their own subject
_OTHER_CLAUSES = frozenset({"conj", "parataxis", "ccomp", "advcl", "relcl", "acl", "csubj"})


def is_place_noun(tok: Token) -> bool:
    """A common noun naming a place or site ("village", "camps", "embassy"), not a party."""
    return tok.pos_ == "NOUN" and (tok.lemma_.lower() in _PLACE_NOUNS
                                   or tok.lower_ in _PLACE_NOUNS)


def _is_site(o: Token) -> bool:
    """A prepositional object that only says where: a place name ("Beirut", "the West Bank")
    or a common place noun ("a village", "the streets of Lagos")."""
    if o.ent_type_ in _PLACE_ENTS:
        return True
    return is_place_noun(o)


def verb_phrase_parties(tok: Token, *, adjuncts: bool = False) -> list[Token]:
    """Every noun or name in the trigger's verb phrase, in text order: the fallback CAMEO
    coders use for the target when no frame fills it, the first actor in the verb phrase
    (the TABARI/PETRARCH convention; PETRARCH-2, Norris, Schrodt & Beieler 2017).

    Args:
        tok: the trigger (a verb, or a noun: then its phrase and, for a verb's direct object,
            the rest of that verb's phrase).
        adjuncts: also search adverbial clauses and gerunds after a preposition ("opened fire
            to disperse the crowd", "resigned without returning to X"); by default they are
            acts of their own and left out.

    Returns:
        tokens right of the trigger inside its phrase, in text order; leaving out places and
        background of the event (objects of "near/across/during/after/despite/...", of
        "in/at/on" when they name a place and of "in/at" when they are a name: "in the
        Senate", with their whole phrase), roles ("as governor"), the subjects and their
        phrases, other clauses (coordinated verbs, and reported, adverbial, relative and
        noun-complement clauses with their own subject), dates, times and numbers. Callers
        keep the first that is an actor and is neither the source nor the reporting speaker.
    """
    roots = [tok]
    if tok.pos_ not in ("VERB", "AUX") and tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
        roots.append(tok.head)
    skip: set[int] = set()
    for r in roots:
        for d in r.subtree:
            if d.i in skip:
                continue
            cut = False
            if d.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") and d.head.i == r.i:
                cut = True
            elif d.dep_ in _OTHER_CLAUSES and d.pos_ in ("VERB", "AUX") and d.i != tok.i and (
                    d.dep_ in ("conj", "parataxis") or any(
                        s.dep_ in ("nsubj", "nsubjpass") for s in d.children)):
                cut = True
            elif not adjuncts and d.i != tok.i and (
                    d.dep_ == "advcl" or (d.dep_ == "pcomp" and d.pos_ == "VERB")):
                cut = True
            elif d.dep_ == "prep" and d.lower_ == "as":
                cut = True  # a role, not a party ("in his time as governor")
            elif d.dep_ == "prep" and (o := _pobj(d)) is not None and (
                    d.lower_ in _SETTING_PREPS or d.lower_ in _BACKGROUND_PREPS
                    or (d.lower_ in _SITE_PREPS and _is_site(o))
                    or (d.lower_ in ("in", "at") and _is_name(o))):
                cut = True  # "in the Senate", "at the UN": a named venue
            if cut:
                skip.update(t.i for t in d.subtree)
    out: list[Token] = []
    seen: set[int] = set()
    for r in roots:
        for d in r.subtree:
            if d.i <= tok.i or d.i in skip or d.i in seen:
                continue
            seen.add(d.i)
            if d.pos_ not in ("NOUN", "PROPN") and d.ent_type_ not in ("NORP", "GPE", "ORG"):
                continue
            if d.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY", "QUANTITY", "PERCENT"):
                continue
            out.append(d)
    return sorted(out, key=lambda t: t.i)


_ENGAGED_PASSIVES = frozenset({"engage", "involve"})


def noun_source_target(noun: Token, roles: dict[str, str]) -> tuple[Token | None, Token | None,
                                                                     Token | None]:
    """(source, target, theme) heads for a noun trigger ("the deployment of 2,500 troops by
    NATO", "Russia's withdrawal", "a call with X", "X expressed condolences to Y", "X came under
    attack").

    Source: possessor, "by" agent, a proper-noun/adjectival modifier ("U.S. sanctions"), the
    "of" object when ``roles['of'] == 'source'`` ("the request of the government"), else the
    subject of the verb the noun is the object or adjunct of -- not for an adjunct noun whose
    own "of" phrase names its actor ("sent troops at the request of X": the sender is not the
    requester). Target: the "of" object (default), a to/with/against/on complement of
    the noun or, for a light-verb object, of the verb; for a noun after "under", the subject
    of its verb ("X came under fire", "X was placed under arrest").
    """
    source = target = theme = None
    of_role = roles.get("of", "target")
    for c in noun.children:
        if c.dep_ == "poss":
            source = c
    for _p, o in prep_objects(noun, ("by",)):
        source = o
    if source is None:
        for c in noun.children:
            if c.dep_ in ("compound", "amod", "nmod") and (
                c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or c.pos_ == "PROPN"
            ) and c.i < noun.i:
                source = c
    for _p, o in prep_objects(noun, ("of",)):
        if of_role == "source" and source is None:
            source = o
        elif of_role == "theme":
            theme = o
        elif of_role == "target" and target is None:
            target = o
    for _p, o in prep_objects(noun, _TARGET_PREPS):
        if target is None and o.ent_type_ not in ("DATE", "TIME"):
            target = o
    if target is None and roles.get("for") == "target":
        for _p, o in prep_objects(noun, ("for",)):
            target = o
    gov = governing_verb(noun)
    if target is None and gov is not None and noun.dep_ == "pobj" \
            and noun.head.lower_ == "under" and noun.head.head.i == gov.i:
        # "X came under attack", "X was placed under arrest / put under investigation": the
        # clause's subject undergoes the event; the source stays unnamed
        target = next((c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if target is not None:
            return source, target, theme
    if gov is not None and is_argument_of(noun, gov) and noun.dep_ not in (
        "nsubj", "nsubjpass", "csubj"
    ):
        # the noun is an object or adjunct of its verb: the verb's subject acts, unless the
        # noun names its own actor in an "of" phrase and sits in an adjunct ("sent troops at
        # the request of X", "fired on crowds during the protests"): the one who acts on the
        # request, or against the protest, is not its source; nor a noun that sets the scene
        # ("the governor ordered patrols after riots": he did not riot) unless it names the
        # other side ("retook the village after fierce fighting with guerrillas")
        if source is None and not _own_actor_adjunct(noun, of_role) and not (
            is_background(noun) and not prep_objects(noun, ("with", "against", "between"))
        ):
            subj = subject_of(gov)
            if subj is None and is_passive(gov) and gov.lemma_.lower() in _ENGAGED_PASSIVES \
                    and noun.dep_ == "pobj" and noun.head.lower_ == "in" \
                    and noun.head.head.i == gov.i:
                # "Serb forces were engaged in ethnic cleansing", "troops involved in the
                # clashes": the passive subject does it
                subj = next((c for c in gov.children if c.dep_ == "nsubjpass"), None)
            if subj is not None and subj.i != noun.i and (_double_subject(subj) or not any(
                t.i == noun.i for t in subj.subtree
            )):  # (a misparsed main verb hangs under its subject: the noun is not part of it)
                source = subj
        if target is None and noun.dep_ == "dobj":
            for _p, o in prep_objects(gov, _TARGET_PREPS):
                if o.ent_type_ in ("DATE", "TIME"):
                    continue
                target = o
                break
    return source, target, theme


def in_during(noun: Token, gov: Token) -> bool:
    """Whether ``noun`` is the object of ``gov``'s "during" phrase ("arrested 31 people during a
    protest")."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "during" and noun.head.head.i == gov.i


def _own_actor_adjunct(noun: Token, of_role: str) -> bool:
    """A noun whose "of" phrase names its actor, in an adjunct that names it as someone else's
    act: with its own "of"/"from" phrase, or after "at"/"on"/"upon" ("at the request of X",
    "conceded to demands from X", "fired on the protest"); not a purpose or manner adjunct
    ("converged for a rally", "in protest")."""
    if of_role != "source" or noun.dep_ != "pobj":
        return False
    return bool(prep_objects(noun, ("of", "from"))) or noun.head.lower_ in ("at", "on", "upon")


def is_argument_of(noun: Token, verb: Token) -> bool:
    """Whether ``noun`` is a direct argument of ``verb`` or the object of a preposition attached
    to it ("expressed condolences", "In a call with X, B reiterated")."""
    if noun.head.i == verb.i:
        return True
    if noun.dep_ == "compound" and noun.head.dep_ == "dobj" and noun.head.head.i == verb.i:
        return True  # "launched a mediation effort", "staged a protest march"
    if noun.dep_ != "pobj" or noun.head.i == verb.i:
        return False
    attach = noun.head.head
    if attach.i == verb.i:
        return True
    # "sent $2 million in aid": the preposition hangs off the verb's object
    return attach.dep_ == "dobj" and attach.head.i == verb.i


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
            if c.dep_ in _SPAN_DEPS and c.i == left.i - 1 or (
                c.dep_ in _SPAN_DEPS and all(
                    doc[k].dep_ in _SPAN_DEPS | {"punct"} and doc[k].pos_ != "DET"
                    for k in range(c.i, left.i)
                )
            ):
                left = c
                changed = True
                break
        # the leftmost token of the subtree of a compound modifier ("Kremlin-led")
        for t in left.subtree:
            if t.tag_ in ("VBN", "VBG") or t.head.tag_ in ("VBN", "VBG") or t.like_num:
                continue
            if t.i < left.i and t.dep_ in _SPAN_DEPS | {"punct"} and t.pos_ != "DET" \
                    and all(doc[k].dep_ != "det" for k in range(t.i, left.i)):
                left = t
                changed = True
                break
    # "a 23-year-old man", "a 2,000-strong crowd": a modifier holding a number is not the name
    numeric = {t.i for c in tok.lefts if any(x.like_num for x in c.subtree) for t in c.subtree}
    while left.i < tok.i and (left.is_punct or left.pos_ in ("DET", "NUM") or left.like_num
                              or left.i in numeric):
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
    if trigger.dep_ == "pobj" and trigger.head.lower_ in ("to", "on", "upon") \
            and trigger.head.head.lemma_ in _ASSENT_HEADS:
        return True  # "agreed to a ceasefire", "agreed on the withdrawal of troops"
    return False


def reporting_speaker(trigger: Token, sent: Span) -> Token | None:
    """Head of the speaker when the trigger sits in reported speech: the subject of a reporting
    verb above it (through ccomp/parataxis), or the object of "according to" in its sentence."""
    verbs = reporting_verbs()
    prev = trigger
    for anc in trigger.ancestors:
        if anc.lemma_ in verbs and anc.pos_ in ("VERB", "AUX") and prev.dep_ in (
            "ccomp", "parataxis", "xcomp", "advcl", "dobj", "conj"
        ):
            if prev.dep_ in ("xcomp", "dobj") and anc.lemma_ in ("announce", "deny"):
                pass
            subj = subject_of(anc)
            if subj is not None and subj.lower_ not in ("it", "there"):
                return subj
        prev = anc
    # "…, he said" parataxis attached to the main verb of a quote
    root = sent.root
    for c in root.children:
        if c.dep_ == "parataxis" and c.lemma_ in verbs and c.i != trigger.i:
            subj = subject_of(c)
            if subj is not None:
                return subj
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            o = _pobj(t.doc[t.i + 1])
            if o is not None:
                return o
    return None


_INTENT_ADJ = frozenset({"ready", "willing", "prepared", "determined", "eager", "committed"})
_INTENT_VERBS = frozenset({"plan", "intend", "vow", "swear", "pledge", "decide", "prepare",
                           "aim", "resolve"})
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
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless"
                                         for m in c.children):
                unless = True
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "if"
                                         for m in c.children) and any(
                    a.dep_ == "aux" and a.tag_ == "MD" for a in h.children):
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
    return h.dep_ == "xcomp" or (h.dep_ in ("advcl", "ccomp") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in h.children))


def deontic_clause(verb: Token) -> bool:
    """Whether ``verb`` carries "must"/"ought to"/"has to" ("X said Y must release them")."""
    for c in verb.children:
        if c.dep_ == "aux" and c.lower_ in _DEONTIC_AUX:
            return True
    return False


_BACKGROUND_PREPS = frozenset({"after", "following", "amid", "despite", "since", "before"})
_BACKGROUND_MARKS = frozenset({"as", "while", "after", "because", "when", "since", "although",
                               "though", "before", "until", "whereas"})


def is_background(tok: Token) -> bool:
    """Whether a trigger sets the scene for the sentence's report rather than being it.

    Args:
        tok: the trigger token (verb or event noun).

    Returns:
        True when the trigger lies anywhere inside a scene-setting adjunct of a clause above
        it: an "after/following/amid/despite/since/before" phrase ("ordered patrols after violent
        protests", "told reporters after meeting the president"), an "in the wake of"/"in
        response to" phrase, or an "as/while/after/because/when/..." adverbial clause ("resigned
        as the opposition threatened to storm his residence", "were deployed after a gunman
        opened fire, killing two", "imposed a curfew as police battled clashes"). Read from the
        trigger's dependency ancestors, so a trigger nested deeper in the adjunct (a participle,
        an object, a complement) counts too; and a trigger in a past-perfect clause outside
        reported speech ("had seized the town in May").

    Source: the lead/background distinction of news discourse (van Dijk 1988, "News as
    Discourse": main events vs. background and previous events); the CAMEO manual 1.1b3 codes
    the sentence's reported event, not the events cited as its circumstances.
    """
    prev = tok
    for anc in islice(tok.ancestors, 10):
        if anc.dep_ in ("prep", "agent") and anc.lower_ in _BACKGROUND_PREPS and prev.dep_ in (
                "pobj", "pcomp"):
            return True
        if anc.lower_ in ("of", "to") and prev.dep_ in ("pobj", "pcomp") \
                and anc.head.lower_ in ("wake", "response"):
            return True
        if anc.dep_ == "advcl" and anc.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in anc.children):
            return True
        prev = anc
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS
                                   for c in tok.children):
        return True
    # a past-perfect clause in the narrator's voice ("the rebels had seized the town in May",
    # "a curfew had been imposed"): an earlier event the story looks back on; past perfect in
    # reported speech ("police said they had arrested 12") is only the tense shift of indirect
    # speech
    verb = tok
    if tok.pos_ != "VERB":
        if tok.dep_ not in ("dobj", "nsubj", "nsubjpass") or tok.head.pos_ != "VERB":
            return False
        verb = tok.head
    if verb.tag_ != "VBN" or not any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d")
                                     for c in verb.children):
        return False
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return not (verb.dep_ in ("ccomp", "parataxis") and verb.head.lemma_ in reporting_verbs())


def clause_rank(tok: Token) -> int:
    """How far a trigger sits below the sentence's main clause: 0 for the main verb (or the
    main verb of a clause reported by "said"), +1 per subordinate clause (xcomp, advcl, acl,
    relcl) and +1 for a noun that is not the object of its clause's verb."""
    rank = 0
    cur = tok
    if tok.pos_ != "VERB":
        gov = governing_verb(tok)
        if gov is None:
            return 2
        rank += 0 if tok.dep_ in ("dobj", "nsubj", "nsubjpass") else 1
        cur = gov
    verbs = reporting_verbs()
    for _ in range(6):
        dep = cur.dep_
        if dep == "ROOT" or cur.head.i == cur.i:
            break
        if dep == "conj":
            cur = cur.head
            continue
        if dep in ("ccomp", "parataxis") and cur.head.lemma_ in verbs:
            cur = cur.head
            continue
        rank += 1
        cur = cur.head
    return rank
