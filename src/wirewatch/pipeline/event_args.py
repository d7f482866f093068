"""Argument frames of the event coder: who is the source and who the target of a trigger,
plus the reporting speaker and how central a trigger is to its sentence.

All functions read a dependency parse (spaCy ``Token``) and return tokens or flags; none writes
to the Doc. Patterns follow PETRARCH-2 practice (Norris, Schrodt & Beieler 2017): the subject is
the source, the object or a "to/with/against" complement the target, a passive's "by" phrase the
source, and compound subjects or objects give one event per dyad. A few frequent misparses of the
small English model are read as what they stand for: a subject folded into a fronted adjunct
(``absorbed_subject``), an object parsed as the subject of the infinitive or participle after it
(``prep_objects``, object-control verbs), a heavy object shifted past an "as" phrase, and a
finite verb hung on a verbless root noun.

Related modules: ``_event_target_candidates`` (targets when no frame names one: parties inside
objects and complements, the first actor in the verb phrase), ``_event_actor_spans`` (actor
phrase ranges, coordinated names) and ``_event_modality`` (negation, hypothetical, intent,
obligation).
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
    "absorbed_subject",
    "relative_antecedent",
    "fronted_adjunct_subject",
    "hosting_place",
    "is_argument_of",
    "reporting_speaker",
    "reporting_verbs",
]

_TARGET_PREPS = frozenset({"to", "with", "against", "on", "upon", "toward", "towards"})
# prepositions naming the party an owned object goes to or is taken from ("withdrew its troops
# from Lebanon", "offered its troops to X")
_RECIPIENT_PREPS = _TARGET_PREPS | {"from", "into"}
# participles that after "be" + "to" state the subject's stance ("is opposed to")
_STATIVE_PASSIVES = frozenset({"oppose", "commit", "dedicate", "devote", "resign", "reconcile"})
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
                    blamed += [
                        o
                        for p, o in prep_objects(cur.head, ("at", "on", "to", "with"))
                        if o.i < cur.i
                    ]
                    if blamed:
                        return blamed[0]
                if (
                    cur.lower_ in ("for", "of")
                    and cur.head.dep_ == "dobj"
                    and cur.head.pos_ in ("NOUN", "PROPN")
                ):
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
        a.tag_ in ("VBD", "VBZ", "VBP", "MD") for a in auxes
    ):
        return None
    openers = [
        c
        for c in verb.children
        if c.dep_ in ("prep", "advcl", "npadvmod") and c.left_edge.i == verb.sent.start
    ]
    if not openers:
        return None
    end = min([verb.i, *(a.i for a in auxes)])
    inside = set(t.i for t in openers[0].subtree)
    commas = [t.i for t in verb.doc[verb.sent.start : end] if t.text == "," and t.i in inside]
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
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and verb.head.i != verb.i
        and not any(c.dep_ in ("nsubj", "aux") for c in verb.children)
        and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.head.children)
    )


def verb_source_target(
    verb: Token, roles: dict[str, str]
) -> tuple[Token | None, Token | None, Token | None]:
    """(source, target, theme) heads for a verb trigger.

    Active: subject -> source, direct object -> target (or theme when ``roles['obj']`` is
    "theme"), else a to/with/against/on complement -> target. Passive: "by" agent -> source,
    passive subject -> target (or theme when ``roles['obj']`` is "theme": "troops were
    deployed to X"). ``roles['subj'] == 'target'`` makes the subject the target
    ("protesters died").
    """
    source = target = theme = None
    if (
        is_passive(verb)
        and verb.lemma_.lower() in _STATIVE_PASSIVES
        and not any(c.dep_ == "agent" for c in verb.children)
        and prep_objects(verb, ("to",))
    ):
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
                # "troops were withdrawn": what a movement verb moves is its theme, passive
                # or not
                if roles.get("obj") == "theme":
                    theme = c
                else:
                    target = c
        if target is None and theme is None and verb.dep_ == "conj":
            # "he was arrested and accused by X"
            shared = next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
            if roles.get("obj") == "theme":
                theme = shared
            else:
                target = shared
    else:
        subj = subject_of(verb)
        if (
            subj is None
            and verb.dep_ == "acl"
            and verb.head.pos_ in ("NOUN", "PROPN")
            and verb.head.i < verb.i
            and (
                verb.tag_ in ("VBG", "VBD")
                or (
                    verb.head.dep_ == "ROOT"
                    and verb.tag_ == "VBN"
                    and not any(c.dep_ == "agent" for c in verb.children)
                )
            )
        ):
            # "protesters demanding reforms", "a statement condemning the raid": the noun the
            # active participle modifies does it (or, when it is no actor, the one who issued
            # it; see events); a finite verb parsed as such a modifier ("Doctors from two aid
            # groups donated ...", or hung on a verbless root noun: "The newspaper called on
            # Arabs to ...") is the same shape
            subj = verb.head
            root = _verbless_root(verb)
            if root is not None and verb.tag_ == "VBD":
                subj = root
        elif subj is None and (ante := relative_antecedent(verb)) is not None:
            # "relations with Kazakhstan, which took many steps, from nonproliferation to
            # hosting Syria talks": a gerund phrase the parser hung on the main clause
            # continues the relative clause it follows; the antecedent does it
            subj = ante
        elif subj is None and reporting_tail(verb):
            # "..., a human rights group protested on Wednesday.": the speaker of the tail
            subj = verb.head
        elif (
            subj is None
            and verb.dep_ == "acl"
            and verb.tag_ == "VBN"
            and (root := _verbless_root(verb)) is not None
            and not any(c.dep_ in ("agent", "aux", "auxpass") for c in verb.children)
            and any(c.dep_ == "conj" and c.tag_ == "VBD" for c in verb.children)
        ):
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
                if (
                    roles.get("obj") == "theme"
                    or c.pos_ == "NUM"
                    or c.ent_type_ in ("MONEY", "CARDINAL", "QUANTITY", "PERCENT")
                    or _owned_with_recipient(verb, c)
                ):
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


_RELATIVE_PRONOUNS = frozenset({"which", "who"})


def relative_antecedent(verb: Token) -> Token | None:
    """The named antecedent of the non-restrictive relative clause that a subjectless gerund's
    prepositional phrase follows.

    "We have had good relations with Kazakhstan, which took many steps, from nonproliferation
    to hosting Syria talks": the small English model hangs "from ... to hosting ..." on the
    main clause ("had", or its object), so ``subject_of`` finds no subject for "hosting"; the
    phrase starts right after the relative clause "which took many steps" (a comma between)
    and continues it, so its doer is the relative pronoun's antecedent, "Kazakhstan". A gerund
    inside the relative clause itself is already covered by ``subject_of``.

    Args:
        verb: a gerund (VBG) trigger whose subject ``subject_of`` did not find.

    Returns:
        the antecedent token (a proper name or named entity: "Kazakhstan", "Norway"), or None
        when the gerund is no prepositional complement, its phrase does not begin right after
        a ", which/who ..." clause, or the antecedent is no name.
    """
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp":
        return None
    top = verb
    # up through the phrase ("hosting" <- "to" <- "nonproliferation" <- "from") to its first
    # preposition, which the parser hangs on the main verb or its object
    for _ in range(8):
        if top.head.i == top.i or not (
            top.dep_ in ("pcomp", "pobj", "conj")
            or (top.dep_ == "prep" and top.head.dep_ in ("pcomp", "pobj", "prep", "conj"))
        ):
            break
        top = top.head
    if top.dep_ != "prep":
        return None
    before = top.left_edge.i - 1
    if before < 1 or verb.doc[before].text != ",":
        return None
    last = verb.doc[before - 1]
    for clause in (last, *last.ancestors):
        if clause.dep_ != "relcl":
            continue
        if clause.right_edge.i != last.i or clause.i > top.i:
            return None  # the phrase must follow the clause directly
        rel = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        ante = clause.head
        if (
            rel is None
            or rel.lower_ not in _RELATIVE_PRONOUNS
            or rel.i == 0
            or verb.doc[rel.i - 1].text != ","
            or not (ante.pos_ == "PROPN" or ante.ent_type_)
        ):
            return None
        return ante
    return None


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
    return all(t.is_punct for t in doc[verb.right_edge.i + 1 : verb.sent.end])


_ALL_PREPS = frozenset(
    {
        "in",
        "on",
        "at",
        "to",
        "from",
        "with",
        "for",
        "by",
        "of",
        "against",
        "about",
        "over",
        "after",
        "before",
        "during",
        "through",
        "into",
    }
)


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
        if (
            c.dep_ in ("ccomp", "xcomp")
            and c.i > verb.i
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ):
            subj = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass") and s.i < c.i]
            if subj and (
                subj[0].pos_ != "PRON" or subj[0].lower_ in ("him", "her", "them", "us", "me")
            ):
                return subj[:1]
    doc = verb.doc
    for c in verb.children:
        # "shot and wounded a suspect", "beat and robbed two men": two verbs side by side
        # share the object the parser hangs on the second
        if (
            c.dep_ == "conj"
            and c.pos_ == "VERB"
            and c.i == verb.i + 2
            and doc[verb.i + 1].lower_ in ("and", "or")
            and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
        ):
            return [o for o in c.children if o.dep_ == "dobj"][:1]
    return []


def _owned(obj: Token) -> bool:
    """An object the actor gives or moves rather than acts on: possessed by a pronoun ("its
    troops") or counted ("4,000 troops")."""
    return _pron_owned(obj) or any(c.dep_ == "nummod" or c.like_num for c in obj.children)


def _pron_owned(obj: Token) -> bool:
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children)


def _owned_with_recipient(verb: Token, obj: Token) -> bool:
    """ "withdrew its troops from Lebanon", "offered its troops to X", "sent 4,000 troops to X":
    the object is the source's own and a to/from phrase names the party the event is directed
    at (a counted object only with to/from/into: "arrested 100 Palestinians on Saturday")."""
    preps = _RECIPIENT_PREPS if _pron_owned(obj) else ("to", "from", "into")
    if not _owned(obj):
        return False
    return any(o.ent_type_ not in ("DATE", "TIME") for _p, o in prep_objects(verb, preps))


_ENGAGED_PASSIVES = frozenset({"engage", "involve"})


def noun_source_target(
    noun: Token, roles: dict[str, str]
) -> tuple[Token | None, Token | None, Token | None]:
    """(source, target, theme) heads for a noun trigger ("the deployment of 2,500 troops by
    NATO", "Russia's withdrawal", "a call with X", "X expressed condolences to Y", "X came under
    attack").

    Source: possessor, "by" agent, the "by" agent of an organising participle ("a strike
    called by the unions", ``_SUPPORT_VERBS``), a proper-noun/adjectival modifier ("U.S.
    sanctions"), the "of" object when ``roles['of'] == 'source'`` ("the request of the
    government"), else the subject of the verb the noun is the object or adjunct of -- not for
    an adjunct noun whose own "of" phrase names its actor ("sent troops at the request of X":
    the sender is not the requester), though "on" + a bare noun is its subject's state ("went
    on strike"). Target: the "of" object (default), a to/with/against/on complement of
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
    for c in noun.children:
        if source is None and c.dep_ == "acl" and c.lemma_.lower() in _SUPPORT_VERBS:
            # "a protest called by the unions", "the demonstration staged by students": the
            # agent of the participle that organises the event does it
            source = next((o for _p, o in prep_objects(c, ("by",))), None)
    if source is None:
        for c in noun.children:
            if (
                c.dep_ in ("compound", "amod", "nmod")
                and (c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or c.pos_ == "PROPN")
                and c.i < noun.i
                and not _stance_word(c)
            ):
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
    if (
        target is None
        and gov is not None
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "under"
        and noun.head.head.i == gov.i
    ):
        # "X came under attack", "X was placed under arrest / put under investigation": the
        # clause's subject undergoes the event; the source stays unnamed
        target = next((c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if target is not None:
            return source, target, theme
    if (
        gov is not None
        and is_argument_of(noun, gov)
        and noun.dep_ not in ("nsubj", "nsubjpass", "csubj")
    ):
        # the noun is an object or adjunct of its verb: the verb's subject acts, unless the
        # noun names its own actor in an "of" phrase and sits in an adjunct ("sent troops at
        # the request of X", "fired on crowds during the protests"): the one who acts on the
        # request, or against the protest, is not its source; nor a noun that sets the scene
        # ("the governor ordered patrols after riots": he did not riot) unless it names the
        # other side ("retook the village after fierce fighting with guerrillas")
        if source is None and noun.dep_ == "dobj" and gov.lemma_.lower() in _UNDERGO_VERBS:
            # "Peru has seen sporadic protests", "the government faces protests", "the town
            # suffered attacks": the subject is where or at whom the event happens, not who
            # does it
            subj = next((c for c in gov.children if c.dep_ == "nsubj"), None)
            if (
                target is None
                and subj is not None
                and subj.pos_ in ("NOUN", "PROPN")
                and (gov.lemma_.lower() not in _SEE_VERBS or subj.ent_type_ in ("GPE", "LOC"))
            ):
                # a witness ("observers saw attacks") is neither side; a place is the target
                target = subj
            return source, target, theme
        if (
            source is None
            and not _own_actor_adjunct(noun, of_role)
            and not any(a.lemma_.lower() in _REMEMBRANCE for a in islice(noun.ancestors, 3))
            and not (is_background(noun) and not prep_objects(noun, ("with", "against", "between")))
        ):
            subj = subject_of(gov)
            if (
                subj is None
                and is_passive(gov)
                and gov.lemma_.lower() in _ENGAGED_PASSIVES
                and noun.dep_ == "pobj"
                and noun.head.lower_ == "in"
                and noun.head.head.i == gov.i
            ):
                # "Serb forces were engaged in ethnic cleansing", "troops involved in the
                # clashes": the passive subject does it
                subj = next((c for c in gov.children if c.dep_ == "nsubjpass"), None)
            if (
                subj is not None
                and subj.i != noun.i
                and (_double_subject(subj) or not any(t.i == noun.i for t in subj.subtree))
            ):  # (a misparsed main verb hangs under its subject: the noun is not part of it)
                source = subj
        if target is None and noun.dep_ == "dobj":
            for _p, o in prep_objects(gov, _TARGET_PREPS):
                if o.ent_type_ in ("DATE", "TIME"):
                    continue
                target = o
                break
    return source, target, theme


# support verbs whose subject is the actor of the event noun they take (Mel'cuk's lexical
# functions Oper1/Labor: "stage a protest", "hold a rally", "call a strike", "organise a march";
# Meyers et al. 2004, NomBank support verbs); as a participle their "by" agent is that actor
_SUPPORT_VERBS = frozenset(
    {"stage", "hold", "call", "organise", "organize", "lead", "launch", "mount", "sponsor"}
)
# nouns of remembering a past event ("marked the anniversary of a massacre"): who marks it is
# not who did it
_REMEMBRANCE = frozenset({"anniversary", "commemoration", "memorial", "memory", "remembrance"})
# verbs whose subject undergoes or hosts the event named by their object (Levin 1993, 30.2
# "see" verbs and 31.3-like experiencer uses): "X has seen protests", "X faces protests"
_UNDERGO_VERBS = frozenset({"see", "witness", "experience", "suffer", "face", "endure", "undergo"})
_SEE_VERBS = frozenset({"see", "witness"})


def hosting_place(noun: Token) -> Token | None:
    """The place that hosts the event named by ``noun`` as the subject of an experiencer verb
    ("Ghana has seen protests", "the city witnessed riots", "France experienced strikes", "the
    town suffered unrest"; Levin 1993, 30.2 "see" verbs and 31.3-like uses): where the event
    happens, its location, not the party a protest is directed at (PLOVER manual 0.8, PROTEST:
    the target is who the protest is against).

    Args:
        noun: an event-noun trigger.

    Returns:
        The subject's head token when ``noun`` is the direct object of such a verb and the
        subject is a place name (spaCy entity GPE or LOC), else None.
    """
    gov = noun.head
    if noun.dep_ != "dobj" or gov.lemma_.lower() not in _UNDERGO_VERBS:
        return None
    subj = next((c for c in gov.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.ent_type_ not in ("GPE", "LOC"):
        return None
    return subj


def fronted_adjunct_subject(noun: Token) -> Token | None:
    """Head of the main clause's subject for an event noun inside a fronted adjunct ("Despite
    growing cooperation in fighting smuggling, Peru and Bolivia remain rivals": "Peru"), the
    parties of a mutual act the clause then says something else about. The small English
    model often hangs that subject inside the adjunct; it is then the coordinated name after
    the adjunct's last comma. A gerund after a preposition of the noun ("cooperation in
    opposing X") is reached through the noun.

    Args:
        noun: an event-noun trigger, or a gerund trigger after a preposition of one.

    Returns:
        The subject's head token (the first of coordinated names), or None when the noun is
        not in a preposition phrase opening the sentence or no such subject is found.
    """
    cur = noun
    if cur.pos_ == "VERB" and cur.dep_ == "pcomp" and cur.head.dep_ == "prep":
        cur = cur.head.head  # "cooperation in opposing": the noun the gerund belongs to
    if cur.dep_ != "pobj" or cur.head.dep_ != "prep":
        return None
    prep = cur.head
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or prep.i != verb.sent.start or prep.i > verb.i:
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None:
        return subj
    inside = [
        t
        for t in prep.subtree
        if t.i > cur.i
        and t.pos_ == "PROPN"
        and t.dep_ in ("conj", "appos", "dobj", "pobj")
        and any(c.dep_ == "conj" for c in t.children)
        and t.left_edge.i > 0
        and verb.doc[t.left_edge.i - 1].text == ","
    ]
    return inside[-1] if inside else None


def _stance_word(tok: Token) -> bool:
    """``tok`` is written "anti-X" or "pro-X" ("anti-American protests", "pro-Moscow rallies"):
    the party the event is for or against, not the one who acts."""
    doc = tok.doc
    if tok.lower_.startswith(("anti-", "pro-")):
        return True
    hyphens = ("-", "\u2010", "\u2011")
    for k in (tok.i - 2, tok.i - 1, tok.i):  # "anti", "-" or "X" of "anti - X"
        if (
            0 <= k
            and k + 1 < len(doc)
            and doc[k].lower_ in ("anti", "pro")
            and doc[k + 1].text in hyphens
        ):
            return True
    return False


def in_during(noun: Token, gov: Token) -> bool:
    """Whether ``noun`` is the object of ``gov``'s "during" phrase ("arrested 31 people during a
    protest")."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "during" and noun.head.head.i == gov.i


def _own_actor_adjunct(noun: Token, of_role: str) -> bool:
    """A noun whose "of" phrase names its actor, in an adjunct that names it as someone else's
    act: with its own "of"/"from" phrase, or after "at"/"on"/"upon" ("at the request of X",
    "conceded to demands from X", "fired on the protest"); not a purpose or manner adjunct
    ("converged for a rally", "in protest"), nor the zero-article idiom of a state its subject
    is in ("went on strike", "remain on hunger strike": "on" + a singular noun with no
    determiner, like "on duty", "on trial": Quirk et al. 1985, zero article in idioms)."""
    if of_role != "source" or noun.dep_ != "pobj":
        return False
    if prep_objects(noun, ("of", "from")):
        return True
    if (
        noun.head.lower_ == "on"
        and noun.tag_ == "NN"
        and not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)
    ):
        return False  # "workers went on strike": the workers strike
    return noun.head.lower_ in ("at", "on", "upon")


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


def reporting_speaker(trigger: Token, sent: Span) -> Token | None:
    """Head of the speaker when the trigger sits in reported speech: the subject of a reporting
    verb above it (through ccomp/parataxis), or the object of "according to" in its sentence."""
    verbs = reporting_verbs()
    prev = trigger
    for anc in trigger.ancestors:
        if (
            anc.lemma_ in verbs
            and anc.pos_ in ("VERB", "AUX")
            and prev.dep_ in ("ccomp", "parataxis", "xcomp", "advcl", "dobj", "conj")
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


_BACKGROUND_PREPS = frozenset({"after", "following", "amid", "despite", "since", "before"})
_BACKGROUND_MARKS = frozenset(
    {
        "as",
        "while",
        "after",
        "because",
        "when",
        "since",
        "although",
        "though",
        "before",
        "until",
        "whereas",
    }
)


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
        if (
            anc.dep_ in ("prep", "agent")
            and anc.lower_ in _BACKGROUND_PREPS
            and prev.dep_ in ("pobj", "pcomp")
        ):
            return True
        if (
            anc.lower_ in ("of", "to")
            and prev.dep_ in ("pobj", "pcomp")
            and anc.head.lower_ in ("wake", "response")
        ):
            return True
        if (
            anc.dep_ == "advcl"
            and anc.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in anc.children)
        ):
            return True
        prev = anc
    if tok.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in tok.children
    ):
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
    if verb.tag_ != "VBN" or not any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in verb.children
    ):
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
