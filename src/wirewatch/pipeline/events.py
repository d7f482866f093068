"""The ``wirewatch_events`` component: codes PLOVER 0.8 / CAMEO events with actors, place, date,
counts, modality and attribution, every field pointing to character offsets.

How it works, per sentence:
    1. Triggers: tokens whose lemma and part of speech match a row of the event lexicon
       (``resources/event_lexicon.tsv``) whose argument conditions hold (first row wins).
       Tokens inside a proper name ("Shanghai Cooperation Organization") are not triggers, and a
       noun trigger that is the object of a verb trigger is folded into it.
    2. Arguments from the dependency parse (``event_args``): source / target actors, one event
       per dyad for coordinated actors; actors carry the entity of ``wirewatch_coref`` when there
       is one (``entity_at``), else name and codes looked up from the span.
    3. Place (``places``), date (``dates``), counts (``counts``), negation, hypothetical,
       historical and the speaker of reported speech (``ww_quotes`` first, then the parse).
    4. Confidence, which also says how central the event is to the story (the event an analyst
       should read first has the highest): the row's weight, raised when actors are found,
       lowered for a negated or hypothetical event, per level of subordinate clause
       (``event_args.clause_rank``), for a scene-setting trigger (``event_args.is_background``:
       after/amid/as/while adjuncts, past-perfect flashbacks) and by ``LEAD_STEP`` per sentence
       after the lead, for at most ``LEAD_CAP`` sentences (news puts its main event first).
    5. ACLED event type and sub-event type per source-target dyad (``pipeline.acled``): the
       trigger row's ACLED type refined by the weapon named, a crowd as source, who takes
       territory, and the two sides of the violence.

Then, per document (``merge_reports``): one real event reported by several sentences (a
headline and its body, a lead and a later recap) is one event with several evidence sentences.
Two events from different sentences are merged when they have the same PLOVER type; their
source actors and their target actors are each compatible (the same entity id, or no
contradicting country or sector with at least one of them shared, or one side missing); their
places are compatible (the same place, a city inside the other's country, or one missing -- the
article's fallback country counts as missing); their dates are compatible (the same, one inside
the other's week/month/year, or one missing); they agree on negated, hypothetical and historical;
their modes do not differ; and they share at least one anchor (an actor, the place or the date),
so that two events with nothing but a type in common stay apart. The merged event keeps the
earliest trigger and its id, takes the evidence sentences of all (in text order), fills a missing
actor, place, date or ``asserted_by`` from the others, keeps all counts (one per span) and the
highest confidence. Events of one sentence never merge (the trigger rules above decide there),
so the dyads of a compound actor ("Russia and China") stay one event each; and a report that
fits more than one such dyad equally well is left unmerged.

Sources: PLOVER manual draft 0.8 (2021); CAMEO manual 1.1b3 (Schrodt 2012); Goldstein (1992);
PETRARCH-2 (Norris, Schrodt & Beieler 2017) for the dyad rules; ACLED codebook (2023) names.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from itertools import islice
from typing import Any

from pydantic import ValidationError
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from wirewatch.errors import ConfigError
from wirewatch.model import Event, stable_id
from wirewatch.ontology import actors as oa
from wirewatch.ontology import cameo, plover
from wirewatch.ontology.event_lexicon import Condition, TriggerEntry, entries_for, lexicon
from wirewatch.pipeline import acled
from wirewatch.pipeline import event_args as ea
from wirewatch.pipeline.actors import misspelled_country_at, place_country, stance_prefixed
from wirewatch.pipeline.counts import NumberPhrase, count_kind, counts_things, find_numbers
from wirewatch.pipeline.dates import looks_like_date, resolve_date
from wirewatch.pipeline.event_classifier import (
    CombineParams,
    EventTypeClassifier,
    cameo_for,
    combine,
)
from wirewatch.pipeline.extensions import add_diagnostic, doc_id, doc_text, entity_at
from wirewatch.pipeline.places import gazetteer

__all__ = ["EventCoder", "merge_reports"]

_NAME_LABELS = frozenset(
    {"ORG", "PERSON", "GPE", "NORP", "FAC", "LAW", "EVENT", "WORK_OF_ART", "PRODUCT", "LOC"}
)
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "SPY", "LEG"})
_NOT_ACTOR_LABELS = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LAW", "EVENT"}
)
_NUMBER_SKIP_LABELS = frozenset({"DATE", "TIME", "PERCENT", "ORDINAL", "QUANTITY"})
_PLACE_PREPS = frozenset({"in", "at", "near", "across", "throughout", "outside", "around", "from"})
_PLACED_TYPES = frozenset(
    {"PROTEST", "ASSAULT", "COERCE", "MOBILIZE", "AID", "RETREAT", "SANCTION"}
)
_ANNIVERSARY = frozenset({"anniversary", "commemoration", "commemorate", "memorial"})
# common nouns that name actors even without a country or sector ("urging all parties")
_ACTOR_NOUNS = frozenset({
    "party", "side", "faction", "government", "authority", "leader", "official", "people",
    "civilian", "resident", "protester", "demonstrator", "community", "country", "nation",
    "state", "neighbour", "neighbor", "ally", "partner", "member", "rebel", "militant", "force",
    "group", "population", "citizen", "villager", "refugee", "worker", "student", "minority",
    "opposition", "supporter", "activist", "organisation", "organization", "administration",
    "hostage", "prisoner", "detainee", "captive", "diplomat", "soldier", "troop", "police",
})
# heads whose "of"/"from" phrase names the actor ("a group of Moroccan diplomats")
_PARTITIVE = frozenset({"group", "member", "leader", "delegation", "team", "some", "many",
                        "one", "thousand", "hundred", "dozen", "number", "doctor", "head",
                        "representative", "official", "members", "leaders"})
# stated intent (CAMEO 03x / 13x): the type the intended event is coded as, by its own type
_THREAT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "THREATEN", "MOBILIZE",
                           "REJECT", "ACCUSE"})
_INTENT_AGREE_CODE = {"AID": "033", "COOPERATE": "031", "CONSULT": "036", "SUPPORT": "032",
                      "CONCEDE": "035", "RETREAT": "035", "AGREE": "030", "REQUEST": "030"}
_INTENT_THREAT = {"ASSAULT": ("138", "violence"), "MOBILIZE": ("138", "violence"),
                  "COERCE": ("132", "restrict"), "SANCTION": ("131", "relations"),
                  "PROTEST": ("133", "relations"), "REJECT": ("131", "relations")}
_REFUSAL_HEADS = frozenset({"refuse", "decline", "fail", "reject"})
_DEMAND_ENTRY = TriggerEntry("must", True, False, (), "100", "REQUEST", None, None,
                             {"subj": "target"}, None, None, 0.7)
# salience of a sentence's position: confidence falls by LEAD_STEP per sentence after the lead,
# for at most LEAD_CAP sentences (Source: the inverted pyramid of news writing; van Dijk 1988,
# "News as Discourse", ch. 2: the main event in the headline and lead, background later)
LEAD_STEP = 0.15
LEAD_CAP = 3
# a trigger in a scene-setting adjunct (``event_args.is_background``) falls by this much
BACKGROUND_PENALTY = 0.15
_QUOTE_OPEN = "“\"«"
_QUOTE_CLOSE = "”\"»"


class EventCoder:
    """Codes PLOVER/CAMEO events with actors, place, date and counts.

    Args:
        nlp: the pipeline (unused; spaCy factory signature).
        name: component name.
        event_classifier: ``"rules"`` (the lexicon alone) or ``"learned"`` (the rules plus the
            shipped event-type classifier, combined as ``event_classifier.combine`` documents).
        classifier_path: model folder for ``"learned"``; default the shipped one.
        params: thresholds of the combination rule; default ``CombineParams()``.

    Raises:
        ConfigError: ``event_classifier`` is neither value, or the model cannot be loaded.
    """

    def __init__(self, nlp: Language, name: str, *, event_classifier: str = "rules",
                 classifier_path: str | None = None, params: CombineParams | None = None) -> None:
        self.name = name
        self._lexicon = lexicon()  # loads and validates the lexicon once
        self._lemmas = frozenset(e.lemma for e in self._lexicon)
        # lemmas that can be an event noun ("protests"); verb-only rows ("forced X out") do not
        # stop "forces" from being an actor
        self._noun_lemmas = frozenset(e.lemma for e in self._lexicon if e.noun)
        ea.reporting_verbs()
        if event_classifier not in ("rules", "learned"):
            raise ConfigError(
                f"event_classifier must be \"rules\" or \"learned\", not {event_classifier!r}."
            )
        self.event_classifier = event_classifier
        self.params = params or CombineParams()
        self.classifier = (EventTypeClassifier(classifier_path)
                           if event_classifier == "learned" else None)

    # -- spaCy interface ------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        try:
            events = self.match(doc)
        except Exception as exc:  # never sink the document
            add_diagnostic(doc, self.name, f"event coding failed: {type(exc).__name__}: {exc}")
            events = []
        self.set_annotations(doc, events)
        return doc

    def set_annotations(self, doc: Doc, events: list[dict[str, Any]]) -> None:
        """Write validated events to ``doc._.ww_events`` (ordered by trigger start)."""
        out = []
        for ev in sorted(events, key=lambda e: (e["trigger"]["start_char"], e["id"])):
            try:
                Event.model_validate(ev)
            except ValidationError as exc:
                add_diagnostic(doc, self.name, f"dropped invalid event: {exc.errors()[0]['msg']}",
                               ev.get("trigger"))
                continue
            out.append(ev)
        doc._.ww_events = out

    # -- matching -------------------------------------------------------------------------------
    def match(self, doc: Doc) -> list[dict[str, Any]]:
        """Every event of ``doc`` as Event-shaped dicts (not yet validated)."""
        ctx = _DocContext(doc)
        per_sent: list[tuple[Span, list[dict[str, Any]]]] = []
        for sent in doc.sents:
            found = self._match_sentence(ctx, sent)
            if found or self.classifier is not None:
                per_sent.append((sent, found))
        if self.classifier is not None:
            return merge_reports(self._with_classifier(ctx, per_sent))
        return merge_reports([ev for _, found in per_sent for ev in found])

    def _match_sentence(self, ctx: _DocContext, sent: Span) -> list[dict[str, Any]]:
        """The rule events of one sentence."""
        doc = sent.doc
        events: list[dict[str, Any]] = []
        triggers = [(t, e) for t in sent if (e := self._entry(t)) is not None]
        if not triggers and not any(t.lower_ in ("must", "ought") for t in sent):
            return events
        trig = {t.i: e for t, e in triggers}
        triggers = [(t, e) for t, e in triggers
                    if not _folded(t, trig) and not _folded_same(t, e, trig)
                    and not _escalation(t, e, trig)]
        numbers = _sentence_numbers(sent, ctx)
        owner = _number_owner(numbers, [t for t, _ in triggers], doc)
        protests = frozenset(t.i for t, e in triggers if e.plover_type == "PROTEST")
        for tok in sent:
            if tok.pos_ in ("VERB", "AUX") and ea.deontic_clause(tok) and not any(
                e.plover_type == "REQUEST" and (t in tok.ancestors)
                for t, e in triggers
            ) and _reported_or_nominal(tok):
                try:
                    events.extend(self._code(ctx, sent, tok, _DEMAND_ENTRY, [], {}, [],
                                             demand=True, protests=protests))
                except Exception as exc:  # never sink the sentence
                    add_diagnostic(doc, self.name, f"skipped demand: {exc}")
        for tok, entry in triggers:
            try:
                others = [t for t, _ in triggers if t.i != tok.i]
                events.extend(self._code(ctx, sent, tok, entry, numbers, owner, others,
                                         protests=protests))
            except Exception as exc:
                add_diagnostic(
                    doc, self.name, f"skipped trigger: {type(exc).__name__}: {exc}",
                    _sd(doc_text(doc), tok.idx, tok.idx + len(tok.text)),
                )
        _targets_from_complement(sent, events)
        _places_from_siblings([t for t, _ in triggers], events)
        return events

    def _with_classifier(self, ctx: _DocContext,
                         per_sent: list[tuple[Span, list[dict[str, Any]]]]) -> list[dict[str, Any]]:
        """Rule events re-scored with the classifier, plus classifier events on sentences the
        rules left empty whose root verb has an actor subject (``event_classifier.combine``)."""
        assert self.classifier is not None
        todo: list[tuple[Span, list[dict[str, Any]], Token | None]] = []
        for sent, found in per_sent:
            root = None
            if not found:
                root = sent.root
                subj = ea.subject_of(root) if root.pos_ == "VERB" else None
                if subj is None or not any(
                        self._actor(ctx, h) is not None for h in ea.conjuncts(subj)):
                    continue
            todo.append((sent, found, root))
        probs = self.classifier.predict([s for s, _, _ in todo])
        events: list[dict[str, Any]] = []
        for (sent, found, root), p in zip(todo, probs, strict=True):
            if found:
                lemmas = {t.idx: t.lemma_.lower() for t in sent}
                events.extend(combine(found, p, self.params, lemmas))
                continue
            top = max(p, key=p.__getitem__)
            if root is None or p[top] < self.params.new_event_threshold:
                continue
            code, mode = cameo_for(top, root.lemma_.lower())
            entry = TriggerEntry(root.lemma_.lower(), True, False, (), code, top, mode, None, {},
                                 None, None, round(p[top] * self.params.new_event_scale, 2))
            try:
                numbers = _sentence_numbers(sent, ctx)
                owner = _number_owner(numbers, [root], sent.doc)
                events.extend(self._code(ctx, sent, root, entry, numbers, owner, []))
            except Exception as exc:  # never sink the sentence
                add_diagnostic(sent.doc, self.name, f"skipped learned event: {exc}")
        return events

    def _entry(self, tok: Token) -> TriggerEntry | None:
        lemma = tok.lemma_.lower()
        if lemma not in self._lemmas:
            return None
        if tok.ent_type_ in _NAME_LABELS:
            return None
        if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and (
            tok.head.lemma_.lower() in _ACTOR_NOUNS or oa.sector_of(tok.head.lower_)
        ):
            return None  # "aid groups", "protest leaders": a kind of actor, not an event
        is_verb = tok.pos_ == "VERB"
        is_noun = tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and not tok.ent_type_)
        for e in entries_for(lemma):
            if (is_verb and e.verb) or (is_noun and e.noun):
                if all(_cond_holds(tok, c) for c in e.conditions):
                    return None if _opinion_agreement(tok, e) else e
        return None

    def _code(
        self, ctx: _DocContext, sent: Span, tok: Token, entry: TriggerEntry,
        numbers: list[tuple[NumberPhrase, Token]], owner: dict[int, int],
        others: list[Token], *, demand: bool = False, protests: frozenset[int] = frozenset(),
    ) -> list[dict[str, Any]]:
        doc = sent.doc
        gov = ea.governing_verb(tok)
        if tok.pos_ == "VERB" or demand:  # a demand's "must be ready": the clause's verb
            src, tgt, theme = ea.verb_source_target(tok, entry.roles)
            if theme is not None and entry.plover_type in _FORCE_TYPES \
                    and entry.roles.get("obj") != "theme" and theme.pos_ in ("NOUN", "PROPN") \
                    and self._actor(ctx, theme) is not None:
                # "kidnapped 12 passengers from a bus", "arrested 30 men from the village": force
                # acts on the counted people, who are no possession sent from or to a place
                tgt = theme
        else:
            src, tgt, theme = ea.noun_source_target(tok, entry.roles)
            if entry.plover_type == "PROTEST" and src is not None and gov is not None \
                    and ea.in_during(tok, gov) and (g := self._entry(gov)) is not None \
                    and g.plover_type in _FORCE_TYPES \
                    and (self._actor(ctx, src) or {}).get("sector") in _STATE_SECTORS:
                # "police arrested 31 people during a protest": a state force using force on
                # the occasion of a protest is not its protester ("youths threw stones during
                # protests" keeps its subject)
                src = None
        if demand:  # "X said Y must ...": the speaker demands, Y is the target
            src = ea.reporting_speaker(tok, sent) or _clause_subject_above(tok)
            if tgt is not None and tgt.pos_ == "PRON" and self._actor(ctx, tgt) is None:
                # "issued a reminder to Iraq that it must ...": an unresolved pronoun is the
                # party the statement is made to
                tgt = ea.addressee(tok) or tgt
        if src is None and entry.plover_type == "ASSAULT" and ea.is_passive(tok):
            # "was killed in a car bomb explosion": the means stands for the unnamed attacker
            src = next((o for o in _means_objects(tok)), None)
        if src is not None and src.dep_ == "poss" and src.pos_ == "PRON" and gov is not None:
            poss_actor = self._actor(ctx, src)
            subj = ea.subject_of(gov)
            if (poss_actor is None or not poss_actor.get("entity_id")) and subj is not None \
                    and subj.pos_ != "PRON" and self._actor(ctx, subj) is not None:
                # "the committee completed its investigation", "X reiterated its demand":
                # an unresolved possessive is the clause's subject
                src = subj
        sources = self._coordinated(ctx, src)
        if not sources and src is not None and tok.dep_ == "acl" and src.i == tok.head.i \
                and src.dep_ in ("dobj", "attr") and src.head.pos_ == "VERB":
            # "X issued a statement condemning Y", "X passed a resolution calling for": the
            # document's issuer is the source
            subj = ea.subject_of(src.head)
            if subj is not None and subj.i != tok.i:
                sources = [a for h in ea.conjuncts(subj) if (a := self._actor(ctx, h)) is not None]
        if not sources and src is not None and src.pos_ == "PRON":
            # "Syria says it will ...": an unresolved pronoun subject of reported speech is
            # the speaker
            sp = ea.reporting_speaker(tok, sent)
            if sp is not None and sp.pos_ != "PRON":
                sources = [a for h in ea.conjuncts(sp) if (a := self._actor(ctx, h)) is not None]
        if entry.plover_type in _FORCE_TYPES and theme is not None and theme.dep_ == "dobj" \
                and any(c.dep_ == "poss" for c in theme.children) \
                and (tgt is None or not self._actor(ctx, tgt)):
            tgt = theme  # "ambushed their patrol on the road": the possessed object, not a place
        if tgt is not None and ea.is_place_noun(tgt) and not tgt.ent_type_ \
                and not any(c.dep_ == "poss" for c in tgt.children):
            # "captured a rebel stronghold", "shelled Kurdish positions", "attacked a military
            # base": the party whose site it is (a possessed site is its possessor's: below)
            owners = [c for c in tgt.children if c.dep_ == "amod" and c.i < tgt.i]
            tgt = next((h for h in [*owners, *ea.inner_targets(tgt, 1)]
                        if self._actor(ctx, h)), tgt)
        owner_pron = None
        if tgt is not None and entry.plover_type in _FORCE_TYPES and tgt.pos_ == "NOUN" \
                and not self._actor(ctx, tgt):
            # "ambushed the army's convoy", "raided their camp": the possessor of an object
            # that is no actor is the party attacked (CAMEO codes the owner of the target)
            poss = next((c for c in tgt.children if c.dep_ == "poss"), None)
            if poss is not None and self._actor(ctx, poss):
                tgt = poss
            elif poss is not None and poss.pos_ == "PRON":
                owner_pron = poss  # "their patrol": an unresolved party, not the place
        elif tgt is not None and entry.plover_type in _FORCE_TYPES and tgt.dep_ == "poss" \
                and tgt.pos_ == "PRON" and tgt.head.pos_ == "NOUN":
            owner_pron = tgt
        if owner_pron is not None and (ante := _time_clause_antecedent(tok, owner_pron)) \
                is not None and self._actor(ctx, ante) is not None:
            # "three officers were killed when gunmen ambushed their patrol"
            tgt, owner_pron = ante, None
        if tgt is not None and entry.plover_type == "ACCUSE" and tok.pos_ == "VERB" \
                and tgt.dep_ == "pobj" and tgt.head.lower_ == "to" and tgt.head.head.i == tok.i:
            # "complained to the UN over Israeli raids": the "to" party hears the complaint;
            # the one complained about is the target
            tgt = self._complained_about(ctx, tok) or tgt
        targets = _apart(self._coordinated(ctx, tgt), sources)
        if not targets:
            own = _source_side(tok, src)  # the source is never its own target
            for h in _other_targets(tok, entry, tgt):
                if h.i in own:
                    continue
                targets = _apart([a for c in ea.conjuncts(h)
                                  if (a := self._actor(ctx, c)) is not None], sources)
                if targets:
                    break
        if not targets:
            # CAMEO/PETRARCH: with no frame filled, the first actor in the verb phrase
            targets = self._phrase_target(ctx, sent, tok, src, sources, theme)
        date = self._date(ctx, sent, tok, gov)
        # a target named by a place preposition ("withdrew its forces from Syria") is also
        # where the event happens; only the source's span is kept out of the place search
        location = self._location(ctx, sent, tok, gov, sources, entry, others)
        if not targets and entry.plover_type in ("AID", "MOBILIZE") and location:
            fallback = self._country_mention(ctx, sent, location.get("country"), sources)
            if fallback is not None:
                targets = [fallback]
        # a state official the text gives no country takes the only country it names, unless
        # that is the other party's ("President X threatened Russia")
        sources = _with_sole_country(ctx, sources, targets)
        targets = _with_sole_country(ctx, targets, sources)
        # any other actor the text gives no country takes its only one, unless the event's
        # place will locate it ("killed 23 people in Tel Aviv")
        placed = bool(location and location.get("country") and location.get("span"))
        strict = entry.plover_type in _FORCE_TYPES
        sources = _with_sole_country(ctx, sources, targets, broad=True, placed=placed,
                                     strict=strict)
        targets = _with_sole_country(ctx, targets, sources, broad=True, placed=placed)
        if not sources and src is not None and entry.plover_type == "ASSAULT" \
                and src.lemma_.lower() in _ATTACK_MEANS and (rng := ea.actor_span(src)):
            # "a roadside bomb killed two soldiers", "killed by an explosive device": the
            # perpetrator is unnamed; the means stands for it and takes the place's country
            # (below), as CAMEO coders code an unknown attacker by where the attack happened
            sources = [{**_sd(ctx.text, *rng), "entity_id": None,
                        "name": ctx.text[rng[0]:rng[1]], "country": None, "sector": None}]
        if not targets and owner_pron is not None:
            # the pronoun stands for the party as PolNeAR keeps pronoun sources: uncoded
            targets = [{**_sd(ctx.text, owner_pron.idx, owner_pron.idx + len(owner_pron)),
                        "entity_id": None, "name": owner_pron.text, "country": None,
                        "sector": None}]
        if location and location.get("country") and location.get("span"):
            if not targets and not (len(sources) > 1 and entry.plover_type in _RECIPROCAL):
                # no party named: the event is directed at the place it happens in ("a curfew
                # in Abidjan", "protests in Serbia"), as CAMEO coders code it
                place = self._place_actor(ctx, location)
                targets = [place] if place is not None else []
            # unnamed people with no nationality take the event's place ("killed 23 people in
            # Tel Aviv")
            sources = [_located(doc, a, location) for a in sources]
            targets = [_located(doc, a, location) for a in targets]
        # "attacked a post, killing 12 soldiers", "a bomb exploded, wounding two": the casualty
        # clause's counts are also the attack's (ACLED codes one event with its fatalities)
        # (a noun trigger's clause: "a drone strike hit a car, killing four")
        holders = [tok] + ([tok.head] if tok.dep_ == "nsubj" and tok.head.pos_ == "VERB"
                           and tok.head.i not in owner.values() else [])
        casualty = {c.i for h in holders for c in h.children if entry.plover_type == "ASSAULT"
                    and c.dep_ in ("advcl", "xcomp", "conj") and c.tag_ == "VBG"
                    and c.lemma_.lower() in _CASUALTY_VERBS}
        counts = [
            _count(ctx.text, ph, ptok)
            for k, (ph, ptok) in enumerate(numbers)
            if (owner.get(k) == tok.i or owner.get(k) in casualty)
            and not _counts_things(ph, ptok)
        ]
        if not counts and tgt is not None and (one := _one_person(ctx.text, tok, tgt)):
            counts = [one]  # "arrested a 23-year-old man", "a woman was killed"
        negated = ea.is_negated(tok, gov)
        hypothetical = not demand and (
            ea.is_hypothetical(tok, gov) or ea.intent_frame(tok, gov) is not None)
        historical = self._historical(ctx, tok, date)
        asserted_by = self._asserted_by(ctx, sent, tok)
        code = entry.cameo
        quad = cameo.quad_class(code) if code else plover.quad_class(entry.plover_type)
        trig = _sd(ctx.text, _word_start(tok), tok.idx + len(tok.text))
        s0, s1 = _trimmed(sent)
        conf = entry.weight + (0.1 if sources else -0.1) + (0.05 if targets else 0.0)
        conf -= 0.1 if hypothetical or negated else 0.0
        conf -= 0.08 * min(3, ea.clause_rank(tok))  # the main verb outranks subordinate triggers
        if ea.is_background(tok):
            # "... after violent protests", "resigned as the crowd threatened"
            conf -= BACKGROUND_PENALTY
        if entry.plover_type == "REQUEST" and _voiced_by_protest(tok, protests):
            conf -= 0.15  # "marched through the capital demanding ...": the protest's demand
        # the inverted pyramid: a story reports its main event first, later sentences add
        # background, reactions and history
        conf -= LEAD_STEP * min(LEAD_CAP, ctx.lead_rank(sent))
        conf = round(min(0.99, max(0.05, conf)), 2)
        dyads = _dyads(sources, targets, entry.plover_type)
        weapons = _weapon_lemmas(tok, src)
        out = []
        base = stable_id("evt", doc_id(doc), tok.idx, entry.plover_type)
        for n, (s, t) in enumerate(dyads):
            eid = base if n == 0 else stable_id(
                "evt", doc_id(doc), tok.idx, entry.plover_type,
                s["start_char"] if s else None, t["start_char"] if t else None,
            )
            acled_type, acled_sub = acled.acled_type(
                entry.acled_type, entry.acled_sub_event_type, entry.plover_type,
                entry.plover_mode, s, t, weapons)
            out.append({
                "id": eid,
                "plover_type": entry.plover_type,
                "plover_mode": entry.plover_mode,
                "cameo_code": code,
                "quad_class": quad,
                "goldstein": cameo.goldstein(code) if code else None,
                "acled_event_type": acled_type,
                "acled_sub_event_type": acled_sub,
                "trigger": trig,
                "source_actor": s,
                "target_actor": t,
                "location": location,
                "event_date": date[0] if date else None,
                "date_precision": date[1] if date else None,
                "date_span": date[2] if date else None,
                "counts": counts,
                "asserted_by": asserted_by,
                "negated": negated,
                "hypothetical": hypothetical,
                "historical": historical,
                "evidence": [_sd(ctx.text, s0, s1)],
                "confidence": conf,
            })
        if not demand:
            stance = _stance_events(tok, gov, entry, out)
            if stance and stance[0]["plover_type"] == "REJECT":
                # "do not accept X's statements" is one REJECT, not also a negated AGREE on the
                # same trigger and dyad
                return stance
            out.extend(stance)
        return out

    def _coordinated(self, ctx: _DocContext, head: Token | None) -> list[dict[str, Any]]:
        """The actors headed by ``head`` and the nouns coordinated with it ("Russia and China",
        "the ruling party and the opposition"), in text order; empty when ``head`` heads no
        actor itself ("the removal of X and his party": the removal is no party)."""
        if head is None or (first := self._actor(ctx, head)) is None:
            return []
        rest = ea.conjuncts(head, groups=True)[1:]
        return [first, *(a for h in rest if (a := self._actor(ctx, h)) is not None)]

    def _complained_about(self, ctx: _DocContext, verb: Token) -> Token | None:
        """The party a complaint is about, named in its "over/about/against" phrase or inside
        it ("complained to the UN over Israeli raids" -> "Israeli raids"); None when there is
        none."""
        for _p, o in ea.prep_objects(verb, _TOPIC_PREPS):
            for h in [o, *ea.inner_targets(o)]:
                if self._actor(ctx, h) is not None:
                    return h
        return None

    def _phrase_target(self, ctx: _DocContext, sent: Span, tok: Token, src: Token | None,
                       sources: list[dict[str, Any]],
                       theme: Token | None = None) -> list[dict[str, Any]]:
        """The first actor in the trigger's verb phrase (``event_args.verb_phrase_parties``)
        that is neither the source, nor what the source moves or gives (``theme``: "withdrew
        its troops from X"), nor the reporting speaker, as a one-actor list (empty when there
        is none). A result participle with no party of its own ("opened fire to disperse
        the demonstrators, killing one and arresting 12") takes the first actor of the verb
        phrase it follows, as its patients are that phrase's.

        Source: the TABARI/PETRARCH coding convention that the target is the first actor in
        the verb phrase (PETRARCH-2, Norris, Schrodt & Beieler 2017).
        """
        taken = [(a["start_char"], a["end_char"]) for a in sources]
        banned = _source_side(tok, src)
        speaker = ea.reporting_speaker(tok, sent)
        if speaker is not None:
            banned |= {t.i for t in speaker.subtree}
        if theme is not None:
            banned |= {t.i for t in theme.subtree if t.i <= theme.i}
        cands = ea.verb_phrase_parties(tok)
        head = tok.head
        if tok.pos_ == "VERB" and tok.tag_ == "VBG" and tok.dep_ == "conj" \
                and head.dep_ == "advcl":
            head = head.head
        if tok.pos_ == "VERB" and tok.tag_ == "VBG" and tok.dep_ in ("advcl", "conj") \
                and head.pos_ == "VERB" and head.i < tok.i and ea.subject_of(tok) is not None \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            cands += [t for t in ea.verb_phrase_parties(head, adjuncts=True) if t.i < tok.i]
        tried: set[int] = set()
        for t in cands:
            # a modifier is tried after the phrase it modifies ("Moslem fundamentalist
            # demonstrators" before "Moslem"; "Kampuchean guerrilla camps" is no actor, then
            # "Kampuchean" is)
            heads = [t.head] if t.dep_ in ("amod", "compound", "nmod", "npadvmod") \
                and t.head.i > t.i and t.head.pos_ in ("NOUN", "PROPN") else []
            for h in [*heads, t]:
                if h.i in tried or h.i in banned or any(a <= h.idx < b for a, b in taken):
                    continue
                tried.add(h.i)
                if ea.is_place_noun(h) or any(c.ent_type_ in ("DATE", "TIME")
                                              for c in h.children if c.i < h.i):
                    continue  # "guerrilla camps": the modifier is the party, not the site;
                    # "a 30-day state of siege": a period, not a party
                a = self._actor_in_text(ctx, h)
                if a is None or not (a.get("entity_id") or a.get("country") or a.get("sector")
                                     or h.pos_ == "PROPN") \
                        or any(a["start_char"] < b and x < a["end_char"] for x, b in taken):
                    continue  # a bare common noun ("the state", "people") names no party
                return [self._actor(ctx, h) or a]
        return []

    # -- fields ---------------------------------------------------------------------------------
    def _actor(self, ctx: _DocContext, head: Token) -> dict[str, Any] | None:
        a = self._actor_in_text(ctx, head)
        if a is not None and not a.get("country") and ctx.focus_country:
            default = ctx.default_country(a.get("sector"), sole=False)
            if default:
                a = {**a, "country": default}
        return a

    def _actor_in_text(self, ctx: _DocContext, head: Token) -> dict[str, Any] | None:
        """The actor headed by ``head`` with the codes its own phrase, title, possessor, place
        or partitive "of" phrase gives (no document default)."""
        a = self._actor_phrase(ctx, head)
        relational = _relational(head)
        if a is not None and a.get("country") and (relational or any(
            t.lower_ == "ethnic" for t in head.subtree if t.i < head.i
        )):
            # "ethnic Albanians", "ethnic Turks": a people, not the state their name comes from;
            # the place they are in decides. "Israel's militia ally", "a U.S. ally": the
            # possessor is the other side of the relation, not the actor's own country (a
            # demonym adjective still is: "Washington's Brazilian allies")
            own = [oa.demonym_country(t.text) for t in head.lefts
                   if relational and t.dep_ == "amod" and t.ent_type_ == "NORP"]
            a = {**a, "country": next((x for x in own if x), None)}
        if a is not None and a.get("country") and head.tag_ in ("NNS", "NNPS") \
                and oa.demonym_country(head.text) == a["country"]:
            # "the Albanians of southern Serbia", "Turks living in Germany": a people named by
            # a demonym is coded by where the phrase says they live or belong ("of", a
            # residence participle), not by the state of the same name; a bare "in" ("Americans
            # in Baghdad") leaves nationals abroad with their own country
            here = _place_country(ctx, head, residence=True)
            if here:
                a = {**a, "country": here}
        if a is not None and not a.get("country") and not relational:
            # "British Defence Secretary Tom King", "Taiwan's Vice Foreign Minister": the
            # country is in the title or the possessor left of the name
            lefts = [t for t in head.lefts if t.dep_ in ("poss", "compound", "amod", "nmod")
                     and t.idx < a["start_char"]]
            if lefts:
                s0 = min(t.left_edge.idx for t in lefts)
                left_text = ctx.text[s0:a["start_char"]].strip()
                country, sector = ctx.codes(left_text, "NORP")
                if not country and all(t.ent_type_ in _PLACE_LABELS for t in lefts):
                    # "Darfur rebels", "Chechnya's separatists": a region names the country
                    loc = gazetteer().resolve(left_text, None, ctx.us_context)
                    if loc["precision"] in ("admin1", "city"):
                        country = loc.get("country")
                if country:
                    a = {**a, **_sd(ctx.text, s0, a["end_char"]), "country": country,
                         "sector": a.get("sector") or sector}
        if a is not None and not a.get("country") and a.get("sector") not in ("IGO", "NGO") \
                and (head.ent_type_ == "PERSON" or head.pos_ == "PROPN"):
            # "Kenzo Oshima, the UN relief coordinator", "X, the foreign minister of Y": the
            # appositive title names the person's country or international body
            a = _with_appositive(ctx, head, a)
        if a is not None and not a.get("country") and head.pos_ in ("NOUN", "PROPN") \
                and head.ent_type_ not in _PLACE_LABELS and not relational:
            # "Darfur rebels", "Chechnya separatists": a region modifying a group names its country
            mods = [t for t in head.lefts if t.dep_ == "compound" and t.ent_type_ in _PLACE_LABELS
                    and not stance_prefixed(t)]
            if mods:
                rng = ea.actor_span(mods[-1])
                loc = gazetteer().resolve(ctx.text[rng[0]:rng[1]] if rng else mods[-1].text,
                                          None, ctx.us_context)
                if loc["precision"] in ("admin1", "city") and loc.get("country"):
                    a = {**a, "country": loc["country"]}
        if a is not None and not a.get("country") and head.pos_ in ("NOUN", "PROPN") \
                and a.get("sector") not in _NATIONLESS_SECTORS:
            # "demonstrators in Baghdad", "rebels in the Ivory Coast", "a missionary from
            # Calgary": a group's place gives its country
            country = _place_country(ctx, head)
            if country:
                a = {**a, "country": country}
        if a is not None and not a.get("country") and head.pos_ == "NOUN" \
                and a.get("sector") not in _NATIONLESS_SECTORS:
            # "doctors from two American aid groups": people from a national body share its
            # country
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ == "from":
                    for o in c.children:
                        if o.dep_ == "pobj" and (inner := self._actor_in_text(ctx, o)) \
                                and inner.get("country"):
                            return {**a, "country": inner["country"]}
        if a is not None and not a.get("country") and head.pos_ == "NOUN" \
                and a.get("sector") not in _NATIONLESS_SECTORS:
            # "militants loyal to Iraq's al-Qaeda leader", "troops loyal to the Ivorian
            # president": followers take the country of the one they are loyal to
            for adj in head.children:
                if adj.dep_ != "amod" or adj.lower_ != "loyal":
                    continue
                for o in (g for p in adj.children if p.dep_ == "prep" and p.lower_ == "to"
                          for g in p.children if g.dep_ == "pobj"):
                    if (inner := self._actor_in_text(ctx, o)) and inner.get("country"):
                        return {**a, "country": inner["country"]}
        if (a is None or not a.get("country") or head.lower_ in ("group", "number")) \
                and head.lemma_.lower() in _PARTITIVE:
            # "a group of Moroccan diplomats", "leaders of the opposition coalition"
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "from"):
                    for o in c.children:
                        if o.dep_ == "pobj" and (inner := self._actor_in_text(ctx, o)):
                            if a is None or head.lower_ in ("group", "number"):
                                return inner
                            if inner.get("country"):
                                return {**a, "country": inner["country"]}
        if a is not None and not a.get("country"):
            a = _actor_us_party(ctx, head, a)
        return a

    def _actor_phrase(self, ctx: _DocContext, head: Token) -> dict[str, Any] | None:
        if head.ent_type_ in _NOT_ACTOR_LABELS:
            return None
        rng = ea.actor_span(head)
        if rng is None:
            return None
        doc = head.doc
        start, end = rng
        ent = entity_at(doc, start, end)
        if ent is not None:
            country, sector = ent.get("country"), ent.get("sector")
            if not country and (not sector or head.ent_type_ != "PERSON"):
                # the entity has a sector but its nationality is in the phrase ("Turkish Kurd
                # refugees", "the Iraqi government")
                c2, s2 = ctx.codes(ctx.text[start:end], head.ent_type_)
                # "U.N. war crimes court", "NATO troops", "Red Cross officials": an
                # international body's own organ, force or staff is coded as the body (CAMEO
                # puts the IGO code first)
                country, sector = c2, (s2 if s2 in _NATIONLESS_SECTORS and not c2
                                       else sector or s2)
            return {**_sd(ctx.text, start, end), "entity_id": ent.get("id"),
                    "name": ent.get("name") or ctx.text[start:end],
                    "country": country, "sector": sector}
        if head.pos_ == "PRON":
            return None  # an unresolved pronoun names no one
        if head.lemma_.lower() in self._noun_lemmas and head.pos_ != "PROPN":
            return None  # an event noun ("protests turned into riots") is not an actor
        text = ctx.text[start:end]
        country, sector = ctx.codes(text, head.ent_type_)
        if not (country or sector or head.pos_ == "PROPN" or head.ent_type_ in _NAME_LABELS
                or head.lemma_.lower() in _ACTOR_NOUNS):
            return None  # "deep disagreements", "violence": not an actor
        return {**_sd(ctx.text, start, end), "entity_id": None, "name": text,
                "country": country, "sector": sector}

    def _place_actor(self, ctx: _DocContext, location: dict[str, Any]) -> dict[str, Any] | None:
        """The located place as an actor, with the place's country."""
        sp = location["span"]
        span = ctx.doc.char_span(sp["start_char"], sp["end_char"], alignment_mode="expand")
        a = self._actor(ctx, span.root) if span is not None and len(span) else None
        if a is None or not (a["start_char"] < sp["end_char"] and sp["start_char"] < a["end_char"]):
            a = {**_sd(ctx.text, sp["start_char"], sp["end_char"]), "entity_id": None,
                 "name": sp["text"], "country": None, "sector": None}
        if not a.get("country"):
            a = {**a, "country": location["country"]}
        return a

    def _country_mention(
        self, ctx: _DocContext, sent: Span, iso3: str | None, sources: list[dict[str, Any]]
    ) -> dict[str, Any] | None:
        if not iso3:
            return None
        src_countries = {s.get("country") for s in sources}
        if iso3 in src_countries:
            return None
        taken = [(s["start_char"], s["end_char"]) for s in sources]
        for ent in ctx.ents_in(sent):
            if ent.label_ != "GPE" or any(a <= ent.start_char < b for a, b in taken):
                continue
            if ctx.codes(ent.text, "GPE")[0] == iso3:
                return self._actor(ctx, ent.root)
        return None

    def _date(self, ctx: _DocContext, sent: Span, tok: Token,
              gov: Token | None) -> tuple[str, str, dict[str, Any]] | None:
        # a day part spaCy labels TIME still names the day ("on Sunday night", "late Saturday")
        dates = [e for e in ctx.ents_in(sent) if e.label_ == "DATE"
                 or (e.label_ == "TIME" and _WEEKDAY.search(e.text))]
        if not dates:
            return None
        scopes = [set(t.i for t in tok.subtree)]
        if gov is not None and gov.i != tok.i:
            scopes.append(set(t.i for t in gov.subtree))
        for scope in scopes:
            for ent in sorted(dates, key=lambda e: abs(e.start - tok.i)):
                if ent.root.i not in scope:
                    continue
                r = resolve_date(ent.text, ctx.pub_date)
                if r is not None:
                    return r.date, r.precision, _sd(ctx.text, ent.start_char, ent.end_char)
        return None

    def _location(self, ctx: _DocContext, sent: Span, tok: Token, gov: Token | None,
                  actors: list[dict[str, Any]], entry: TriggerEntry,
                  others: list[Token]) -> dict[str, Any] | None:
        taken = [(a["start_char"], a["end_char"]) for a in actors]
        scope = set(t.i for t in tok.subtree)
        if gov is not None and gov.i != tok.i:
            scope |= set(t.i for t in gov.subtree)
        # a place inside a nested trigger's phrase belongs to that trigger
        for o in others:
            if o.i in scope and (gov is None or o.i != gov.i) and tok not in o.subtree:
                scope -= set(t.i for t in o.subtree)
        # a relative clause on a party describes that party ("a man who lived in X", "who had
        # robbed a bank in X"), not where the event happens; a progressive one says what the
        # party was doing at the event's time, in its scene ("students who were marching in X")
        for t in [t for t in tok.subtree if t.dep_ == "relcl" and t.i in scope]:
            if t.tag_ != "VBG":
                scope -= set(x.i for x in t.subtree)
        prefer = next((a.get("country") for a in actors if a.get("country")), None)
        prefer = prefer or ctx.focus_country
        own = self._own_place(ctx, tok, entry, taken, prefer)
        if own is not None:
            return own
        best = _scoped_place(ctx, sent, tok, scope, taken, prefer)
        if best is not None:
            return best
        for o in others:
            # "broke up the rally in Tbilisi and arrested 20": a trigger with no place of its
            # own takes the one named on a sibling trigger (``_sibling_trigger``), before any
            # document default (``_places_from_siblings`` adds those found by other means)
            if _sibling_trigger(tok, o):
                best = _scoped_place(ctx, sent, o, {t.i for t in o.subtree}, taken, prefer)
                if best is not None:
                    return best
        # the article's main country only when the event's clause names no place at all
        clause = set(t.i for t in _clause_head(tok).subtree)
        if any(e.label_ in _PLACE_LABELS and e.root.i in clause
               and not any(a <= e.start_char < b for a, b in taken) for e in ctx.ents_in(sent)):
            return None
        if entry.plover_type in _PLACED_TYPES and ctx.focus_country:
            loc = gazetteer().resolve(ctx.focus_name or ctx.focus_country, None, False)
            if loc["precision"] != "unresolved":
                loc["span"] = None
                return loc
        return None

    def _own_place(self, ctx: _DocContext, tok: Token, entry: TriggerEntry,
                   taken: list[tuple[int, int]], prefer: str | None) -> dict[str, Any] | None:
        """A place in the trigger's own phrase ("withdrawal from Afghanistan", "protested in
        Almaty", "sent troops into Ukraine"): it outranks every other place of the clause."""
        preps = _OWN_PLACE_PREPS | ({"to"} if entry.plover_type in _MOVE_TYPES else set())
        holders = [tok] + [c for c in tok.children if c.dep_ == "dobj"]
        # then its prepositional arguments ("clashed with protesters in Almaty")
        holders += [o for c in tok.children if c.dep_ == "prep" for o in c.children
                    if o.dep_ == "pobj"]
        for h in holders:
            for c in h.children:
                if c.dep_ != "prep" or c.lower_ not in preps:
                    continue
                for o in c.children:
                    if o.dep_ == "pobj" and o.lemma_.lower() in _PLACE_PARTS \
                            and not o.ent_type_:
                        o = next((g for _p, g in ea.prep_objects(o, ("of",))), o)
                    rng = _place_range(ctx, o) if o.dep_ == "pobj" else None
                    if rng is None or any(a <= rng[0] < b for a, b in taken):
                        continue
                    loc = _gazetteer_place(ctx, ctx.text[rng[0]:rng[1]], prefer)
                    if loc["precision"] == "unresolved":
                        loc = _within(ctx, o, loc, prefer)
                    return _resolved_place(ctx, *rng, loc)
        return None

    def _historical(self, ctx: _DocContext, tok: Token,
                    date: tuple[str, str, dict[str, Any]] | None) -> bool:
        if date is not None and ctx.pub_date:
            try:
                d = dt.date.fromisoformat(date[0])
                pub = dt.date.fromisoformat(ctx.pub_date[:10])
                span_days = {"day": 0, "week": 7, "month": 31, "year": 366}[date[1]]
                if (pub - d).days - span_days > 365:
                    return True
            except ValueError:
                pass
        for anc in list(tok.ancestors)[:6]:
            if anc.lemma_.lower() in _ANNIVERSARY:
                return True
        return _habitual(tok)

    def _asserted_by(self, ctx: _DocContext, sent: Span, tok: Token) -> str | None:
        for q in ctx.quotes:
            c = q.get("content") or {}
            if c.get("start_char", 1) <= tok.idx < c.get("end_char", 0):
                src = q.get("source") or {}
                if src.get("entity_id"):
                    return str(src["entity_id"])
        speaker = ea.reporting_speaker(tok, sent)
        if speaker is None:
            return None
        rng = ea.actor_span(speaker) or (speaker.idx, speaker.idx + len(speaker.text))
        ent = entity_at(sent.doc, *rng)
        return str(ent["id"]) if ent and ent.get("id") else None


_POSSESSIVE = re.compile(r"['’]s\b")


class _DocContext:
    """Per-document facts the coder reads many times (computed once, lazily)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.ents = list(doc.ents)
        pub = doc._.ww_pub_date
        self.pub_date: str | None = str(pub)[:10] if pub else None
        self.quotes: list[dict[str, Any]] = list(doc._.ww_quotes or [])
        self._us: bool | None = None
        self._sole: str | None = None
        self.sole_is_opposed = False
        self._codes: dict[tuple[str, str], tuple[str | None, str | None]] = {}
        # misspelled country names standing alone somewhere in the text ("Afganistan" -> AFG;
        # ``actors.misspelled_country_at``)
        self.misspelled: dict[str, str] = {
            t.text: c for t in doc if t.is_title and (c := misspelled_country_at(t))
        }
        self.focus_country, self.focus_name = self._focus()
        self._lead: dict[int, int] | None = None

    def lead_rank(self, sent: Span) -> int:
        """Ordinal of ``sent`` among the document's sentences that contain a word: 0 for the
        lead (a headline, when the text starts with one), 1 for the next, and so on."""
        if self._lead is None:
            self._lead = {}
            n = 0
            for s in self.doc.sents:
                self._lead[s.start] = n
                n += any(t.is_alpha for t in s)
        return self._lead.get(sent.start, 0)

    def codes(self, text: str, label: str) -> tuple[str | None, str | None]:
        """(country, sector) of a phrase (``ontology.actors.actor_codes``), except that a
        capital of a state that did not exist yet on the document date is a place of its
        predecessor ("Juba" in 2000: SDN, no GOV sector; ``successor_states.tsv``), and that a
        misspelled country name standing alone in the text gives its country ("the
        Phillippines government": PHL; ``pipeline.actors.misspelled_country_at``)."""
        key = (text, label)
        if key not in self._codes:
            country, sector = oa.actor_codes(text, label)
            caps = [w for w in re.findall(r"[^\W\d_]+", _POSSESSIVE.sub("", text))
                    if w[:1].isupper()]
            if country is None and label != "PERSON" and len(caps) == 1:
                # "the Phillippines government", "Afganistan": a misspelled country name, not
                # a word inside a longer name ("La Romana", "British Columbians")
                country = self.misspelled.get(caps[0])
            m = oa.metonym(text)
            if country and m is not None and m.kind == "capital":
                then = oa.sovereign_on(country, self.pub_date)
                if then != country:
                    country, sector = then, None
            self._codes[key] = (country, sector)
        return self._codes[key]

    def ents_in(self, sent: Span) -> list[Span]:
        """Named entities inside a sentence (from the list read once)."""
        return [e for e in self.ents if sent.start <= e.start and e.end <= sent.end]

    def default_country(self, sector: str | None, *, sole: bool = True) -> str | None:
        """The article's focus country for a state official whose country the text leaves
        unsaid ("Foreign Minister X" in an article about Kazakhstan), or the one country the
        text names at all ("Ousted President X agreed to resign without returning to
        Kyrgyzstan"); None otherwise."""
        if sector not in _STATE_SECTORS and sector != "ELI":  # former officials too
            return None
        return self.focus_country or (self.sole_country if sole else None)

    @property
    def sole_country(self) -> str | None:
        """The only country the text names (by name, demonym or capital), else None."""
        if self._sole is None:
            # a capital the actor recogniser placed elsewhere ("Tripoli" in a sentence about
            # Lebanon) counts with the mention's country
            placed = {(m["start_char"], m["end_char"]): m["country"]
                      for m in (self.doc._.ww_mentions or [])
                      if str(m.get("name_key") or "").startswith("PLACE:") and m.get("country")}
            named = [(e, placed.get((e.start_char, e.end_char))
                      or self.codes(e.text, e.label_)[0]) for e in self.ents
                     if e.label_ in ("GPE", "NORP", "LOC") and not _currency_prefix(e)
                     and not stance_prefixed(e[0])]  # "anti-Syria" names no party
            found = {c for _e, c in named if c}
            # countries and demonyms the actor tables found inside other names ("the Nigerian
            # Interior Ministry")
            found |= {m["country"] for m in (self.doc._.ww_mentions or [])
                      if m.get("entity_type") in ("GPE", "NORP") and m.get("country")
                      and not self.text[m["end_char"]:m["end_char"] + 2].lstrip()
                      .startswith("$")}
            self._sole = next(iter(found)) if len(found) == 1 else ""
            # "sanctions against Venezuela", "talks with Peru": the country is acted upon,
            # so an official elsewhere in the text is not its own
            self.sole_is_opposed = any(
                e.root.dep_ == "pobj" and e.root.head.lower_ in _OPPOSING_PREPS
                for e, c in named if c and c == self._sole
            )
        return self._sole or None

    @property
    def us_context(self) -> bool:
        if self._us is None:
            self._us = gazetteer().has_us_context(self.text)
        return self._us

    def _focus(self) -> tuple[str | None, str | None]:
        """The country the article is about: the most-mentioned country (GPE) name."""
        counter: Counter[str] = Counter()
        names: dict[str, str] = {}
        for ent in self.ents:
            if ent.label_ != "GPE" or stance_prefixed(ent[0]):
                continue  # "anti-Syria" is not about Syria as a party
            code, _ = self.codes(ent.text, "GPE")
            if code and gazetteer().resolve(ent.text)["precision"] == "country":
                counter[code] += 1
                names.setdefault(code, ent.text)
        if not counter:
            return None, None
        (code, n), *rest = counter.most_common(2) + [("", 0)]
        if n < 2 or (rest and rest[0][1] == n):
            return None, None
        return code, names[code]


def _sd(text: str, start: int, end: int) -> dict[str, Any]:
    """``{start_char, end_char, text}`` from an already-built text (``extensions.doc_text``)."""
    return {"start_char": start, "end_char": end, "text": text[start:end]}


def _cond_holds(tok: Token, cond: Condition) -> bool:
    """Whether one argument condition of a lexicon row holds for the trigger ``tok``.

    Args:
        tok: the candidate trigger token.
        cond: the condition (kinds documented in ``resources/event_lexicon.tsv``): an
            upper-case item in ``obj``/``subj`` lists is a spaCy entity label the argument may
            carry instead of a listed lemma ("hosted PERSON").

    Returns:
        True when the dependency parse around ``tok`` satisfies the condition.
    """
    kind, lemmas = cond.kind, cond.lemmas
    if kind == "gov":  # "gave a warm welcome", "extended a welcome": the noun's support verb
        return tok.dep_ == "dobj" and tok.head.lemma_.lower() in lemmas
    if kind == "comp":  # "ordered the paper to suspend publication": the ordered act
        for c in tok.children:
            if c.dep_ != "xcomp":
                continue
            if c.lemma_.lower() in lemmas and (
                    not cond.obj_lemmas or any(o.dep_ == "dobj"
                                               and o.lemma_.lower() in cond.obj_lemmas
                                               for o in c.children)):
                return True
            # an upper-case item is a PLOVER type the complement is a trigger of ("agreed to
            # lift the curfew": a promised concession)
            first = next((e for e in entries_for(c.lemma_.lower()) if e.verb and all(
                _cond_holds(c, k) for k in e.conditions)), None) if c.pos_ == "VERB" else None
            if first is not None and first.plover_type in lemmas:
                return True
        return False
    if kind == "noobj":
        return not any(c.dep_ == "dobj" for c in tok.children)
    if kind == "xcomp":
        return any(c.dep_ == "xcomp" for c in tok.children)
    if kind == "ccomp":  # a clause complement: "protested that ...", "agreed that ..."
        return any(c.dep_ == "ccomp" for c in tok.children)
    if kind == "prep":
        holders = [tok] + [c for c in tok.children if c.dep_ == "dobj"]
        if tok.pos_ != "VERB" and tok.dep_ == "dobj":
            # "opened a hearing on Wednesday into ...": the parser hangs the noun's
            # prepositional phrase on its support verb
            holders.append(tok.head)
        for c in (c for h in holders for c in h.children):
            if c.dep_ in ("prep", "prt", "agent", "dative") and c.lower_ in lemmas:
                if any(o.ent_type_ in ("DATE", "TIME") for o in c.children):
                    continue
                if not cond.obj_lemmas:
                    return True
                if any(o.lemma_.lower() in cond.obj_lemmas for o in c.subtree if o.i != c.i):
                    return True
        return False
    if kind == "mod":
        return any(c.dep_ in ("amod", "compound", "nmod") and c.lemma_.lower() in lemmas
                   for c in tok.children)
    if kind == "prev":
        return any(t.lemma_.lower() in lemmas for t in tok.doc[max(0, tok.i - 3):tok.i])
    args: list[Token] = []
    if kind == "obj":
        args = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if not args and tok.pos_ == "VERB":
            # "shortened by one hour the curfew imposed after the coup toppled ...": the
            # parser takes a late object followed by a participle for the subject of an
            # unmarked clause complement
            args = [s for c in tok.children if c.dep_ == "ccomp" for s in c.children
                    if (v := _late_object_verb(s)) is not None and v.i == tok.i]
        # the "of" object of the trigger, and of its object when that is a measure or part
        # ("lifted a state of emergency", "suspended part of its aid programme", "handed over
        # 700 kg of medicine")
        args += [o for h in [tok, *args] for c in h.children
                 if c.dep_ == "prep" and c.lower_ == "of"
                 for o in c.children if o.dep_ == "pobj"]
    elif kind == "subj":
        args = [c for c in tok.children if c.dep_ in ("nsubj", "poss")]
        args += [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for o in c.children if o.dep_ == "pobj"]
        # "hundreds of protesters gathered": a quantity subject's "of" phrase names who
        args += [o for a in list(args) if a.pos_ == "NUM" or a.like_num
                 or a.lower_ in _QUANTITY_HEADS
                 for c in a.children if c.dep_ == "prep" and c.lower_ == "of"
                 for o in c.children if o.dep_ == "pobj"]
        if not args and tok.dep_ in ("xcomp", "conj"):
            s = ea.subject_of(tok)
            args = [s] if s is not None else []
        if not args and tok.dep_ in ("amod", "acl"):
            args = [tok.head]
    for a in args:
        if a.lemma_.lower() in lemmas or (a.ent_type_ and a.ent_type_ in lemmas):
            return True
        if any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in lemmas for c in a.children):
            return True
    return False


def _late_object_verb(noun: Token) -> Token | None:
    """The verb whose object ``noun`` really is when the parser made it the subject of an
    unmarked clause complement ("lifted by noon the curfew imposed after rebels stormed ...":
    "curfew" parsed as the subject of "stormed"): a common noun with a past-participle
    modifier, subject of a ccomp without "that", under a verb with no direct object; else
    None."""
    clause = noun.head
    if noun.dep_ != "nsubj" or noun.pos_ != "NOUN" or clause.dep_ != "ccomp":
        return None
    if not any(a.dep_ == "acl" and a.tag_ == "VBN" for a in noun.children):
        return None
    if any(m.dep_ == "mark" for m in clause.children):
        return None
    verb = clause.head
    if verb.pos_ != "VERB" or any(c.dep_ == "dobj" for c in verb.children):
        return None
    return verb


def _folded_same(tok: Token, entry: TriggerEntry, trig: dict[int, TriggerEntry]) -> bool:
    """A noun trigger inside the object of a verb trigger of the same PLOVER type ("sent $2
    million in aid": one AID event)."""
    if tok.pos_ == "VERB":
        return False
    for cur in islice(tok.ancestors, 3):
        other = trig.get(cur.i)
        if other is not None and cur.pos_ == "VERB":
            return other.plover_type == entry.plover_type
    return False


_ESCALATE = frozenset({"turn", "escalate", "degenerate", "develop", "become", "spiral", "descend",
                       "erupt"})


def _escalation(tok: Token, entry: TriggerEntry, trig: dict[int, TriggerEntry]) -> bool:
    """A trigger naming what another event of the same type turned into ("protests turning
    into riots", "the rally escalated into a riot"): one event, coded from the first."""
    if tok.pos_ == "VERB" or tok.dep_ not in ("pobj", "attr", "oprd"):
        return False
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    if verb.lemma_.lower() not in _ESCALATE:
        return False
    firsts = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ in ("acl", "relcl", "advcl"):
        firsts.append(verb.head)
    return any((e := trig.get(f.i)) is not None and e.plover_type == entry.plover_type
               for f in firsts)


def _folded(tok: Token, trig: dict[int, TriggerEntry]) -> bool:
    """A noun trigger that is the object of a verb trigger ("lifted the sanctions", "condemned
    violence and destruction", "lifted a state of emergency", "violated the ceasefire
    agreement"), or the prepositional object of a stance or appeal trigger ("is opposed to
    French mediation", "protested against the deployment"): what the verb acts on or speaks
    about, not an event of its own."""
    if tok.pos_ == "VERB":
        return False
    cur = tok
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ == "compound" and cur.head.dep_ == "dobj":
        cur = cur.head  # "halt mediation efforts", "violated the ceasefire agreement"
    late = _late_object_verb(cur)
    if late is not None and late.i in trig:
        return True  # "shortened by an hour the curfew imposed after ...": its object
    if cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.dep_ == "dobj":
        cur = cur.head.head  # "lifted a state of emergency", "suspended part of the aid"
    if cur.dep_ == "pobj" and cur.head.dep_ == "prep" and cur.head.lower_ in _STANCE_PREPS:
        verb = cur.head.head
        e = trig.get(verb.i)
        return e is not None and verb.i != tok.i and e.plover_type in _STANCE_TYPES
    return cur.dep_ in ("dobj", "nsubjpass") and cur.head.i in trig and cur.head.i != tok.i


# nouns naming the means of an attack whose perpetrator the text does not name
_ATTACK_MEANS = frozenset({
    "bomb", "bombing", "explosion", "blast", "mine", "minefield", "landmine", "device", "ied",
    "rocket", "missile", "shell", "mortar", "grenade", "shelling", "airstrike", "strike",
    "attack", "explosive", "car-bomb", "booby", "trap",
})
_FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
# numbers that are part of a name ("Highway 9", "Flight 370", "Apollo 11"), not counts
_NAME_NUMBER_LABELS = frozenset({"FAC", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART", "ORG"})
# participles that report an attack's casualties ("..., killing 12", "..., wounding two")
_CASUALTY_VERBS = frozenset({"kill", "wound", "injure", "hurt", "maim"})
_QUANTITY_HEADS = frozenset({"hundreds", "thousands", "dozens", "scores", "millions", "dozen",
                             "group", "number", "crowd"})
_STANCE_PREPS = frozenset({"to", "against", "for", "over", "about"})
_STANCE_TYPES = frozenset({"REJECT", "ACCUSE", "SUPPORT", "REQUEST"})


_OWN_PLACE_PREPS = frozenset({"in", "at", "near", "from", "into", "inside", "within", "across",
                              "throughout", "around", "outside", "through", "along"})
# nouns that make a name before them a place ("Dablo village", "Kalehe territory")
_SETTLEMENTS = frozenset({"village", "town", "city", "district", "province", "region", "county",
                          "territory", "municipality", "commune", "camp", "settlement",
                          "neighbourhood", "neighborhood", "township", "locality", "state"})
# nouns naming a part of a place, whose "of" object is the place ("the streets of Dakar", "the
# centre of Lagos", "the outskirts of Goma")
_PLACE_PARTS = frozenset({"street", "centre", "center", "outskirt", "outskirts", "suburb",
                          "heart", "downtown", "part", "edge", "area", "neighbourhood",
                          "neighborhood"})
_MOVE_TYPES = frozenset({"MOBILIZE", "AID", "RETREAT"})
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "parataxis", "conj", "advcl", "relcl", "xcomp"})


def _place_range(ctx: _DocContext, o: Token) -> tuple[int, int] | None:
    """Character range of the place ``o`` names: a place entity, or a proper name the tagger
    left unlabelled or called an organisation that the gazetteer knows ("in central Almaty")
    or that is a misspelled country name ("in Ethopia", ``_DocContext.misspelled``)."""
    if o.ent_type_ in _PLACE_LABELS:
        return ea.actor_span(o)
    names = [c for c in o.lefts if c.dep_ == "compound" and (
        c.pos_ == "PROPN" or (c.is_title and c.i > c.sent.start))]  # a name tagged NN
    if o.pos_ == "NOUN" and o.lemma_.lower() in _SETTLEMENTS and names \
            and not any(t.ent_type_ in _PLACE_LABELS for t in names):
        # "Dablo village", "Kalehe territory": a name with a settlement noun is a place even
        # when neither the tagger nor the gazetteer knows it (ACLED-style reports name small
        # places so); a name the tagger knows is left to the place entities
        return names[0].left_edge.idx, o.idx + len(o.text)
    # a place name the tagger called a person ("the streets of Dakar") is still read as a place
    # after a place preposition when the gazetteer knows it
    if o.pos_ != "PROPN" or o.ent_type_ not in ("", "ORG", "PERSON"):
        return None
    first = o
    while first.i > 0 and first.doc[first.i - 1].pos_ == "PROPN" \
            and first.doc[first.i - 1].head.i == o.i:
        first = first.doc[first.i - 1]
    s, e = first.idx, o.idx + len(o.text)
    if gazetteer().resolve(ctx.text[s:e])["precision"] == "unresolved" \
            and ctx.text[s:e] not in ctx.misspelled:
        return None
    return s, e


def _within(ctx: _DocContext, o: Token, loc: dict[str, Any],
            prefer: str | None) -> dict[str, Any]:
    """An unresolved place with the country and first-level division of the larger place in
    apposition to it ("Dablo village, Sanmatenga province"; "X, Y district"), when the
    gazetteer knows that one; ``loc`` unchanged otherwise."""
    for a in (c for c in o.children if c.dep_ == "appos"):
        rng = ea.actor_span(a)
        if rng is None:
            continue
        outer = _gazetteer_place(ctx, ctx.text[rng[0]:rng[1]], prefer)
        if outer["precision"] in ("admin1", "country") and outer.get("country"):
            admin1 = outer.get("admin1") or (outer["name"] if outer["precision"] == "admin1"
                                             else None)
            return {**loc, "country": outer["country"], "admin1": admin1}
    return loc


def _clause_head(tok: Token) -> Token:
    """The verb heading the clause ``tok`` is in (a noun's clause is its verb's, through
    prepositions and gerunds: "doubt about its influence following its withdrawal" ->
    "doubt"'s verb)."""
    cur = tok
    for _ in range(10):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ in _CLAUSE_DEPS:
            return cur
        if cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def _opinion_agreement(tok: Token, entry: TriggerEntry) -> bool:
    """"X agrees (that) the plan failed": present-tense agreement with a clause is an opinion
    the quotes component records as an attribution, not a PLOVER AGREE event, which the PLOVER
    0.8 manual reserves for agreeing to act or on an accord ("agreed to resume talks", "agreed
    on a ceasefire")."""
    return (entry.plover_type == "AGREE" and tok.pos_ == "VERB" and tok.tag_ in ("VBZ", "VBP")
            and any(c.dep_ == "ccomp" for c in tok.children)
            and not any(c.dep_ in ("xcomp", "prep", "dobj") for c in tok.children))


_LONG_SPANS = frozenset({"year", "decade", "generation", "century"})


def _habitual(tok: Token) -> bool:
    """A trigger whose clause carries an open duration of years ("For years, X hailed Y",
    "over the decades Britain backed ...", "has for years supported"): a habit or state of the
    past, not a fresh event (flagged ``historical``). A counted duration ("jailed for five
    years") is the event's own length and does not count.

    Args:
        tok: the trigger token.

    Returns:
        True when the trigger or the verb governing it has a "for"/"over" phrase whose object is
        year/decade/generation/century with no number.
    """
    verb = tok if tok.pos_ in ("VERB", "AUX") else ea.governing_verb(tok)
    for h in (tok, verb):
        if h is None:
            continue
        for c in h.children:
            if c.dep_ != "prep" or c.lower_ not in ("for", "over"):
                continue
            for o in c.children:
                if (o.dep_ == "pobj" and o.lemma_.lower() in _LONG_SPANS and o.tag_ == "NNS"
                        and not any(m.dep_ == "nummod" for m in o.children)):
                    return True
    return False


def merge_reports(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One event per real event of a document: events from different sentences that report the
    same event merged (the rule is in the module docstring).

    Args:
        events: Event-shaped dicts of one document, each with one evidence sentence.

    Returns:
        list of Event-shaped dicts ordered by trigger start; merged ones carry several
        evidence sentences ordered by start_char.
    """
    clusters: list[tuple[dict[str, Any], list[dict[str, Any]], set[int]]] = []
    for ev in sorted(events, key=lambda e: (e["trigger"]["start_char"], e["id"])):
        sent = ev["evidence"][0]["start_char"] if ev.get("evidence") else -1
        fits = [c for c in clusters if sent not in c[2]
                and all(_same_report(m, ev) for m in c[1])]
        if len(fits) > 1:  # several dyads fit: only an exact one may take it
            fits = [c for c in fits if _same_actor(c[0]["source_actor"], ev["source_actor"])
                    and _same_actor(c[0]["target_actor"], ev["target_actor"])]
        if len(fits) != 1 or sent < 0:
            clusters.append((dict(ev), [ev], {sent}))
            continue
        merged, members, sents = fits[0]
        members.append(ev)
        sents.add(sent)
        _absorb(merged, ev)
    return [c[0] for c in clusters]


def _absorb(merged: dict[str, Any], ev: dict[str, Any]) -> None:
    """Merge ``ev`` (a later report) into ``merged`` (the earliest), in place."""
    for role, other in (("source_actor", "target_actor"), ("target_actor", "source_actor")):
        if merged[role] is None and ev[role] is not None and not _same_actor(
                ev[role], merged[other]):
            merged[role] = ev[role]
    if ev.get("location") and ev["location"].get("span") and not (
            merged.get("location") and merged["location"].get("span")):
        merged["location"] = ev["location"]
    if merged.get("event_date") is None and ev.get("event_date") is not None:
        for k in ("event_date", "date_precision", "date_span"):
            merged[k] = ev.get(k)
    if merged.get("asserted_by") is None:
        merged["asserted_by"] = ev.get("asserted_by")
    spans = {(c["span"]["start_char"], c["span"]["end_char"]) for c in merged["counts"]}
    merged["counts"] = list(merged["counts"]) + [
        c for c in ev["counts"] if (c["span"]["start_char"], c["span"]["end_char"]) not in spans]
    seen = {(x["start_char"], x["end_char"]) for x in merged["evidence"]}
    merged["evidence"] = sorted(
        [*merged["evidence"], *(x for x in ev["evidence"]
                                if (x["start_char"], x["end_char"]) not in seen)],
        key=lambda x: (x["start_char"], x["end_char"]))
    merged["confidence"] = max(merged["confidence"], ev["confidence"])


def _same_report(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two events of different sentences may report one real event."""
    if a["plover_type"] != b["plover_type"] or any(
            bool(a.get(k)) != bool(b.get(k)) for k in ("negated", "hypothetical", "historical")):
        return False
    if a.get("plover_mode") and b.get("plover_mode") and a["plover_mode"] != b["plover_mode"]:
        return False
    if not (_actor_fits(a["source_actor"], b["source_actor"])
            and _actor_fits(a["target_actor"], b["target_actor"])):
        return False
    place = _place_fits(a.get("location"), b.get("location"))
    date = _date_fits(a, b)
    if place is None or date is None:
        return False
    anchored = (place or date or _same_actor(a["source_actor"], b["source_actor"])
                or _same_actor(a["target_actor"], b["target_actor"]))
    return bool(anchored)


def _actor_fits(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    """Compatible actors: one missing, the same entity, or no contradicting country or sector
    with one of them shared (or, with neither known, the same words)."""
    if a is None or b is None:
        return True
    if a.get("entity_id") and a.get("entity_id") == b.get("entity_id"):
        return True
    ca, cb, sa, sb = a.get("country"), b.get("country"), a.get("sector"), b.get("sector")
    if (ca and cb and ca != cb) or (sa and sb and sa != sb):
        return False
    if (ca and cb) or (sa and sb):
        return True
    return _words(a) == _words(b)


def _same_actor(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    """Both given and the same actor (entity id, or country and sector, or words)."""
    if a is None or b is None:
        return False
    if a.get("entity_id") and a.get("entity_id") == b.get("entity_id"):
        return True
    if (a.get("country") or a.get("sector")) and (a.get("country"), a.get("sector")) == (
            b.get("country"), b.get("sector")):
        return True
    return _words(a) == _words(b)


def _words(a: dict[str, Any]) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", str(a.get("text", "")).lower()).strip()


def _place_fits(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool | None:
    """True: the same place (or one inside the other's country); False: one is missing (or only
    the article's fallback country); None: different places."""
    if not a or not b or a.get("span") is None or b.get("span") is None:
        return False
    if a.get("geonameid") and a.get("geonameid") == b.get("geonameid"):
        return True
    if str(a.get("name", "")).lower() == str(b.get("name", "")).lower():
        return True
    if a.get("country") and a.get("country") == b.get("country") and "country" in (
            a.get("precision"), b.get("precision")):
        return True
    return None


def _date_range(ev: dict[str, Any]) -> tuple[dt.date, dt.date] | None:
    try:
        d = dt.date.fromisoformat(str(ev["event_date"])[:10])
    except (TypeError, ValueError):
        return None
    prec = ev.get("date_precision") or "day"
    if prec == "week":
        return d, d + dt.timedelta(days=6)
    if prec == "month":
        nxt = (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return d, nxt - dt.timedelta(days=1)
    if prec == "year":
        return d, d.replace(month=12, day=31)
    return d, d


def _date_fits(a: dict[str, Any], b: dict[str, Any]) -> bool | None:
    """True: the same date (or one inside the other's week/month/year); False: one missing;
    None: different dates."""
    if a.get("event_date") is None or b.get("event_date") is None:
        return False
    if a["event_date"] == b["event_date"]:
        return True
    ra, rb = _date_range(a), _date_range(b)
    if ra is None or rb is None:
        return None
    inside = (ra[0] <= rb[0] and rb[1] <= ra[1]) or (rb[0] <= ra[0] and ra[1] <= rb[1])
    return True if inside else None


def _trimmed(sent: Span) -> tuple[int, int]:
    text = sent.text
    s = sent.start_char + (len(text) - len(text.lstrip()))
    e = sent.start_char + len(text.rstrip())
    return s, max(s, e)


def _scoped_place(ctx: _DocContext, sent: Span, tok: Token, scope: set[int],
                  taken: list[tuple[int, int]], prefer: str | None) -> dict[str, Any] | None:
    """The place record of the best place name in ``scope`` (token indices) under a place
    preposition of ``tok``: a city before a province before a country, then the nearest;
    names inside ``taken`` (actor spans, character offsets) are skipped."""
    best: tuple[int, int, dict[str, Any]] | None = None
    rank = {"city": 0, "admin1": 1, "country": 2, "unresolved": 3}
    for ent in ctx.ents_in(sent):
        if ent.label_ not in _PLACE_LABELS or ent.root.i not in scope:
            continue
        if any(a <= ent.start_char < b for a, b in taken):
            continue
        if not _under_place_prep(ent.root, tok):
            continue
        s = ent.start_char + (4 if ent.text.lower().startswith("the ") else 0)
        e = ent.end_char
        if ctx.text[s:e].endswith(("'s", "’s")):
            e -= 2
        loc = _resolved_place(ctx, s, e, _gazetteer_place(ctx, ent.text, prefer))
        key = (rank[loc["precision"]], abs(ent.root.i - tok.i))
        if best is None or key < best[:2]:
            best = (key[0], key[1], loc)
    return best[2] if best is not None else None


def _places_from_siblings(triggers: list[Token], events: list[dict[str, Any]]) -> None:
    """Give an event whose text names no place of its own the place named in the text of a
    sibling trigger's event (``_sibling_trigger``): "broke up the rally in Tbilisi and
    arrested 20", "20 were arrested when police broke up a rally in Tbilisi". Changes
    ``events`` in place; a sibling's place is taken only when the text names it (it has a
    span), never a document default."""
    by_end = {t.idx + len(t.text): t for t in triggers}
    placed = [(by_end[e["trigger"]["end_char"]], e["location"]) for e in events
              if e.get("location") and e["location"].get("span")
              and e["trigger"]["end_char"] in by_end]
    for ev in events:
        if ev.get("location") and ev["location"].get("span"):
            continue
        tok = by_end.get(ev["trigger"]["end_char"])
        if tok is None:
            continue
        ev["location"] = next((loc for o, loc in placed if _sibling_trigger(tok, o)),
                              ev.get("location"))


def _time_clause_antecedent(tok: Token, pron: Token) -> Token | None:
    """The antecedent of a possessive pronoun in a time clause ("when", "as", "after") that is
    the subject of the clause it modifies: "three officers were killed when gunmen ambushed
    their patrol" -> "officers". "their" needs a plural subject, "his"/"her" a singular
    one; the time clause's own subject never is it. None when no such subject."""
    if tok.dep_ != "advcl" or not any(c.dep_ in ("mark", "advmod") and c.lower_ in _TIME_MARKS
                                      for c in tok.children):
        return None
    subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or subj in tok.subtree:
        return None
    plural = subj.tag_ in ("NNS", "NNPS")
    if (pron.lower_ == "their" and plural) or (pron.lower_ in ("his", "her") and not plural):
        return subj
    return None


_TIME_MARKS = frozenset({"when", "after", "as", "while", "before"})


def _sibling_trigger(tok: Token, other: Token) -> bool:
    """Whether ``other`` is a verb trigger coordinated with ``tok`` ("broke up ... and
    arrested") or heading a time clause on it or on which it heads one ("arrested ... after
    troops broke up ..."): triggers of one scene."""
    if other.pos_ != "VERB" or tok.pos_ != "VERB" or other.i == tok.i:
        return False
    if (other.dep_ == "conj" and other.head.i == tok.i) or (
            tok.dep_ == "conj" and tok.head.i == other.i):
        return True
    if other.dep_ == "relcl" and other in tok.subtree and not any(
            c.dep_ == "aux" and c.lemma_ == "have" for c in other.children):
        # "fired tear gas at students who were protesting in X", "shot a suspect who fired at
        # them during a traffic stop in X": what a party does in the event's scene; a perfect
        # ("who had attacked a bank in X") is an earlier event elsewhere
        return True
    for clause, main in ((other, tok), (tok, other)):
        if clause.dep_ == "advcl" and clause.head.i == main.i and any(
                c.dep_ in ("mark", "advmod") and c.lower_ in _TIME_MARKS
                for c in clause.children):
            return True
    return False


def _under_place_prep(tok: Token, trigger: Token) -> bool:
    """Whether a place name hangs off an in/at/near/… preposition (directly, or through the noun
    it names: "in Kazakhstan's largest city, Almaty") or modifies the trigger."""
    cur = tok
    for _ in range(6):
        if cur.dep_ == "pobj" and cur.head.lower_ in _PLACE_PREPS:
            return True
        if cur.head.i == trigger.i and cur.dep_ in ("compound", "amod", "nmod"):
            return True
        if cur.dep_ == "prep" and cur.lower_ == "of":
            # "outside (of) the Iraqi city of Basra", "in the town of X"
            if cur.head.lower_ in _PLACE_PREPS:
                return True
            cur = cur.head
            continue
        if cur.dep_ not in ("appos", "poss", "compound", "conj", "pobj"):
            return False
        cur = cur.head
    return False


def _sentence_numbers(sent: Span, ctx: _DocContext) -> list[tuple[NumberPhrase, Token]]:
    """Number phrases in the sentence that are not dates, times, percentages or ordinals, each
    with the token where it starts (offsets made doc-relative)."""
    if not any(t.like_num or t.lower_ in ("dozen", "dozens", "hundreds", "thousands", "scores",
                                          "millions") for t in sent):
        return []
    doc = sent.doc
    out = []
    skip = [(e.start_char, e.end_char) for e in ctx.ents_in(sent) if e.label_ in _NUMBER_SKIP_LABELS
            and (e.label_ != "DATE" or looks_like_date(e.text))]
    # a number after the first word of a name is part of the name ("Highway 9", "Flight 370")
    skip += [(e[1:].start_char, e.end_char) for e in ctx.ents_in(sent)
             if e.label_ in _NAME_NUMBER_LABELS and len(e) > 1]
    for ph in find_numbers(ctx.text[sent.start_char:sent.end_char]):
        s, e = sent.start_char + ph.start, sent.start_char + ph.end
        if any(a < e and s < b for a, b in skip):
            continue
        if ph.value is not None and ph.unit == "people" and not ph.approximate and \
                re.fullmatch(r"(?:1[89]|20)\d\d", ctx.text[s:e]):
            continue  # a bare year
        tok = doc.char_span(s, e, alignment_mode="expand")
        if tok is None:
            continue
        nums = [t for t in tok if t.like_num or t.pos_ == "NUM"] or list(tok)
        ph = NumberPhrase(s, e, ph.value, ph.low, ph.high, ph.approximate, ph.unit)
        out.append((ph, nums[-1]))
    return out


def _number_owner(numbers: list[tuple[NumberPhrase, Token]], triggers: list[Token],
                  doc: Doc) -> dict[int, int]:
    """Each number goes to the trigger with the smallest subtree containing it, or to the verb
    trigger whose passive/active subject it is."""
    owner: dict[int, int] = {}
    subtrees = {t.i: (t.left_edge.i, t.right_edge.i) for t in triggers}
    for k, (_ph, tok) in enumerate(numbers):
        best = None
        for t in triggers:
            a, b = subtrees[t.i]
            if a <= tok.i <= b and tok in t.subtree:
                size = b - a
                if best is None or size < best[0]:
                    best = (size, t.i)
        if best is not None:
            owner[k] = best[1]
            continue
        # a number that is an argument of the verb a noun trigger depends on
        # ("provided $3 billion in aid")
        head = tok
        for _ in range(3):
            if head.dep_ in ("dobj", "nsubj", "nsubjpass", "attr"):
                break
            head = head.head
        for t in triggers:
            gov = ea.governing_verb(t)
            if gov is not None and t.pos_ != "VERB" and head.head.i == gov.i \
                    and ea.is_argument_of(t, gov):
                owner[k] = t.i
                break
    return owner


def _count(text: str, ph: NumberPhrase, tok: Token) -> dict[str, Any]:
    """A Count record; a count of people takes its kind from what it counts and the word
    acting on it (``counts.count_kind``), never from the event type alone."""
    kind = "money" if ph.unit != "people" else _people_kind(tok)
    return {
        "kind": kind,
        "value": ph.value,
        "low": ph.low,
        "high": ph.high,
        "approximate": ph.approximate,
        "unit": ph.unit,
        "span": _sd(text, ph.start, ph.end),
    }


_UNACCUSATIVE = frozenset({"die", "flee", "perish", "drown", "starve", "disappear", "escape"})
_LEVEL_VERBS = frozenset({"rise", "reach", "climb", "stand", "hit", "increase", "jump", "be",
                          "top", "exceed", "surpass"})
_MOD_DEPS = ("amod", "compound", "nmod", "acomp", "oprd")


def _lemmas_with_mods(t: Token) -> set[str]:
    return {t.lemma_.lower()} | {c.lemma_.lower() for c in t.children if c.dep_ in _MOD_DEPS}


def _acting_lemmas(verb: Token) -> set[str]:
    """Lemmas of a verb acting on a counted phrase, with its modifiers, the verbs coordinated
    with it ("were shot and wounded"), a resultative the parser calls an adverb ("shot dead")
    and a result phrase ("stabbed to death", "taken into custody")."""
    out = _lemmas_with_mods(verb)
    if verb.pos_ in ("VERB", "AUX"):
        out |= {x for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                for x in _lemmas_with_mods(c)}
        out |= {c.lemma_.lower() for c in verb.children if c.dep_ == "advmod"}
        out |= {o.lemma_.lower() for _p, o in ea.prep_objects(verb, ("to", "into", "in"))
                if o.lemma_.lower() in _RESULT_NOUNS}
    return out


_RESULT_NOUNS = frozenset({"death", "custody", "jail", "detention"})


_PERSON_COUNT_KINDS = frozenset({"killed", "injured", "arrested"})


def _one_person(text: str, tok: Token, patient: Token) -> dict[str, Any] | None:
    """A count of one for a single person the event acts on ("arrested a 23-year-old man",
    "a suspect was shot dead"): a singular person noun (a GROUP noun of ``sectors.tsv``) with
    "a"/"an", object or passive subject of the trigger, not coordinated; the kind comes from
    the words acting on it (``counts.count_kind``) and must be killed, injured or arrested."""
    # the trigger's own object or passive subject, or that of the verb coordinated right after
    # it ("shot and wounded a suspect": event_args._objects)
    governed = patient.head.i == tok.i or (patient.head.dep_ == "conj"
                                           and patient.head.head.i == tok.i)
    if patient.tag_ != "NN" or patient.dep_ not in ("dobj", "nsubjpass") or not governed \
            or any(c.dep_ == "conj" for c in patient.children):
        return None
    det = next((c for c in patient.children if c.dep_ == "det"
                and c.lower_ in ("a", "an", "one")), None)
    row = oa.sector_nouns().get(patient.lemma_.lower())
    if det is None or row is None or row[1] != "GROUP":
        return None
    acting = _acting_lemmas(tok) | _acting_lemmas(patient.head)
    kind = count_kind({patient.lemma_.lower()}, acting, "patient")
    if kind not in _PERSON_COUNT_KINDS:
        return None
    end = patient.idx + len(patient.text)
    return {"kind": kind, "value": 1.0, "low": None, "high": None, "approximate": False,
            "unit": "people", "span": _sd(text, det.idx, end)}


def _counted(tok: Token) -> tuple[Token, Token | None]:
    """The number token heading the phrase whose number ends at ``tok`` and the counted noun
    ("2,000 protesters", "thousands of protesters"), or None for a bare number."""
    num = tok
    while num.head.i != num.i and (num.dep_ == "quantmod" or (
            num.dep_ == "conj" and num.head.pos_ == "NUM")):  # "between 20 and 30 people"
        num = num.head
    if num.dep_ in ("nummod", "amod", "compound") and num.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        return num, num.head  # "2,000 protesters"
    of = [o for c in num.children if c.dep_ == "prep" and c.lower_ == "of"
          for o in c.children if o.dep_ == "pobj"]
    return num, (of[0] if of else None)  # "thousands of protesters": the number heads it


def _counts_things(ph: NumberPhrase, tok: Token) -> bool:
    """Whether a number phrase counts things ("three pistols", "four mortar rounds",
    "40 rounds of ammunition"), which are no ``Count``: ``model.Count`` is a number of people
    or money and its ``unit`` has no value for things (``counts.counts_things``)."""
    if ph.unit != "people":
        return False
    _num, noun = _counted(tok)
    if noun is None:
        return False
    # the counted noun itself or what it measures ("two boxes of grenades"), never a compound
    # on a person noun ("two mine workers")
    return counts_things({noun.lemma_.lower()}
                         | {o.lemma_.lower() for _p, o in ea.prep_objects(noun, ("of",))})


def _people_kind(tok: Token) -> str:
    """Kind of the count whose number ends at ``tok``: the counted noun ("2,000 protesters",
    "thousands of people") and its modifiers, and each word acting on the counted phrase (the
    verb it is an argument of, the event noun it is the "of" object of, a participle or
    relative clause on it) with the phrase's role there; the first that gives a kind wins."""
    num, counted_tok = _counted(tok)
    top = counted_tok if counted_tok is not None and counted_tok.i == num.head.i \
        and num.dep_ in ("nummod", "amod", "compound") else num
    counted = _lemmas_with_mods(counted_tok) if counted_tok is not None else set()
    counted |= {c.lemma_.lower() for c in num.children if c.dep_ in ("amod", "acomp", "oprd")}
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    # (acting lemmas, role) candidates, nearest first
    cands: list[tuple[set[str], str]] = []
    for holder in (t for t in (counted_tok, num) if t is not None):
        for c in holder.children:
            if c.dep_ == "acl" and c.pos_ == "VERB":  # "12 people killed in ..."
                cands.append(({c.lemma_.lower()}, "patient" if c.tag_ == "VBN" else "agent"))
            elif c.dep_ == "relcl":  # "people who were detained", "people who marched"
                role = "patient" if ea.is_passive(c) or c.lemma_.lower() in _UNACCUSATIVE \
                    else "agent"
                cands.append((_lemmas_with_mods(c), role))
    head = top.head
    dep = top.dep_
    if dep in ("nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative") and head.i != top.i:
        acting = _acting_lemmas(head)
        if dep in ("nsubjpass", "dobj", "dative") or (dep == "nsubj" and ea.is_passive(head)):
            role = "patient"
        elif head.lemma_.lower() in _UNACCUSATIVE or head.lemma_.lower() == "be" or (
                head.tag_ == "VBN" and head.dep_ != "ROOT"
                and not any(c.dep_ in ("aux", "auxpass") for c in head.children)):
            role = "patient"  # "12 died", "12 are dead", "left 12 dead and 40 wounded"
        else:
            role = "agent"
        cands.append((acting, role))
    elif dep == "pobj" and head.head.i != head.i:
        prep, a = head, head.head
        acting = _lemmas_with_mods(a)
        if a.lemma_.lower() in _LEVEL_VERBS:  # "the death toll rose to 12"
            acting |= {x for s in a.children if s.dep_ in ("nsubj", "nsubjpass")
                       for x in _lemmas_with_mods(s)}
            role = "patient"
        elif prep.lower_ == "of" and a.pos_ in ("NOUN", "PROPN"):
            role = "patient"  # "the deaths of 12 people", "a rally of 5,000 people"
        elif prep.dep_ == "agent":
            role = "agent"
        else:
            role = "other"
        cands.append((acting, role))
    for acting, role in cands or [(set(), "other")]:
        kind = count_kind(counted, acting, role)
        if kind != "other":
            return kind
    return "other"


_RECIPROCAL = frozenset({"CONSULT", "AGREE", "COOPERATE", "ASSAULT"})


def _dyads(sources: list[dict[str, Any]], targets: list[dict[str, Any]],
           ptype: str) -> list[tuple[dict[str, Any] | None, dict[str, Any] | None]]:
    """One (source, target) pair per combination; reciprocal types with a compound subject and
    no target ("Russia and China met") give both directions."""
    if len(sources) > 1 and not targets and ptype in _RECIPROCAL:
        return [(a, b) for a in sources for b in sources if a is not b]
    src: list[dict[str, Any] | None] = list(sources) or [None]
    tgt: list[dict[str, Any] | None] = list(targets) or [None]
    return [(s, t) for s in src for t in tgt]


_NATIONLESS_SECTORS = frozenset({"IGO", "NGO", "IMG"})
_OPPOSING_PREPS = frozenset({"against", "with", "on", "upon", "toward", "towards"})


def _with_sole_country(ctx: _DocContext, actors: list[dict[str, Any]],
                       others: list[dict[str, Any]], *, broad: bool = False,
                       placed: bool = False, strict: bool = False) -> list[dict[str, Any]]:
    """``actors`` where a state official without a country takes the text's only country
    (``_DocContext.sole_country``), unless the other party is that state itself ("President X
    threatened Russia": X is not Russian; "Fijian rebels will release Prime Minister X": he
    is Fijian). With ``broad``, any actor but an international body does ("Islamic
    fundamentalists demanded the resignation of the Algerian president", "Former prime
    minister X ... Greece's biggest trial"): a domestic actor is the default, as CAMEO coders
    code an actor the text gives no nationality by the country the story is about; with
    ``strict`` (the source of force: assaults, arrests) not when the other party has that
    country, as an attacker of a country's nationals is often foreign; with ``placed``, not a
    common-noun group the event's place will locate (``_located``). In the broad pass a party
    or movement (``_domestic``) takes the country even when the state is named, as long as the
    state only owns what is acted on ("will boycott Algeria's elections"); an actor named by a
    relation to a country ("Iran's allies", ``_relational``) never does.

    Args:
        ctx: the document context (``sole_country`` is read from it).
        actors: source or target actor dicts (``country`` may be None).
        others: the actors on the other side of the event.
        broad: also code non-officials (see above).
        placed: the event has a place with a country.
        strict: the event is a use of force.

    Returns:
        ``actors`` in the same order, with ``country`` set to the sole country where the rules
        allow (ISO 3166-1 alpha-3).
    """
    sole = ctx.sole_country
    if not sole or ctx.sole_is_opposed:
        return actors
    state_acted_on = any(
        o.get("country") == sole and (oa.country_code(o["text"]) or oa.metonym(o["text"]))
        for o in others
    )
    # "boycott Algeria's elections": the state only owns what is acted upon
    owned = all(
        (r := _root_of(ctx.doc, o)) is not None and r.dep_ == "poss"
        for o in others if o.get("country") == sole
    )
    if broad:
        if strict and any(o.get("country") == sole for o in others):
            return actors  # "gunmen kidnapped two Turkish engineers": not Turks themselves
        return [a if a.get("country") or a.get("sector") in _NATIONLESS_SECTORS
                or (placed and _locatable(ctx.doc, a)) or _relational_actor(ctx.doc, a)
                or (state_acted_on and not (_domestic(ctx.doc, a) and owned))
                else {**a, "country": sole} for a in actors]
    if state_acted_on:
        return actors
    return [a if a.get("country") or not ctx.default_country(a.get("sector"))
            else {**a, "country": sole} for a in actors]


# sectors and heads of bodies that exist only inside one state's politics: a party or movement
# that will "boycott Algeria's elections" is Algerian, though the state is named as the owner of
# what it acts on ("The Green Party condemned China" still leaves the party's country open)
_DOMESTIC_SECTORS = frozenset({"PTY", "OPP"})
_DOMESTIC_HEADS = frozenset({"party", "movement"})
# relational nouns (Barker 1995, "Possessive Descriptions"): the possessor or modifier is the
# other side of the relation ("Israel's ally", "a U.S. ally", "Iran's proxies"), never the
# actor's own country
# ("opponent" and "critic" are left out: "Putin's opponents" are mostly his own country's)
_RELATIONAL_NOUNS = frozenset({
    "ally", "enemy", "foe", "rival", "adversary", "proxy", "neighbour", "neighbor", "partner",
    "backer", "sponsor", "patron", "client",
})


def _relational(head: Token) -> bool:
    """A relational common noun modified by a country's name: "Israel's militia ally", "a U.S.
    ally", "Iran's proxies" (the country is the other side of the relation). A demonym
    adjective is the noun's own nationality ("its Brazilian allies") and does not count."""
    return head.pos_ == "NOUN" and head.lemma_.lower() in _RELATIONAL_NOUNS and any(
        c.dep_ in ("poss", "compound", "nmod") and c.ent_type_ == "GPE" for c in head.lefts
    )


def _root_of(doc: Doc, actor: dict[str, Any]) -> Token | None:
    span = doc.char_span(actor["start_char"], actor["end_char"], alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _relational_actor(doc: Doc, actor: dict[str, Any]) -> bool:
    root = _root_of(doc, actor)
    return root is not None and _relational(root)


def _domestic(doc: Doc, actor: dict[str, Any]) -> bool:
    """A party, movement or opposition: a body of one state's own politics."""
    if actor.get("sector") in _DOMESTIC_SECTORS:
        return True
    root = _root_of(doc, actor)
    return root is not None and root.lemma_.lower() in _DOMESTIC_HEADS


# the adjectives of the two US parties: "Republican lawmakers", "Democratic administrations"
_US_PARTY_ADJECTIVES = frozenset({"Republican", "Democratic", "Democrat"})


def _actor_us_party(ctx: _DocContext, head: Token, a: dict[str, Any]) -> dict[str, Any]:
    """``a`` coded as a US actor when a US party adjective is the only nationality its phrase
    gives: "Republican lawmakers", "Democratic senators", "both Republican and Democratic
    administrations" are USA, not the country the article is about.

    The adjective must be written alone ("Social Democratic", "Christian Democratic", "Irish
    Republican" and "the Republican Guard" are other states' parties and bodies) and modify a
    common noun. A head that is an office or body of government (CAMEO sector GOV or LEG:
    "administration", "lawmakers", "senators") is American when the text names the United
    States anywhere ("America's largest investments"; a "Democratic lawmakers" in a story
    that never mentions the US may be South Korea's or Japan's); any other head ("Republican
    voters") only in a document about US politics (a US state or large city named,
    ``Gazetteer.has_us_context``, or the United States as the focus country).

    Args:
        ctx: the document context.
        head: the actor phrase's head token.
        a: the actor dict, without a country.

    Returns:
        ``a`` with ``country`` "USA" (and the head's GOV/LEG sector when it had none), or
        ``a`` unchanged.

    Source:
        CAMEO manual 1.1b3, ch. 4 (domestic role codes GOV, LEG; parties coded by their state).
    """
    if head.pos_ != "NOUN" or not head.text.islower():
        return a
    mods = [t for t in head.lefts if t.dep_ in ("amod", "compound")]
    mods += [c for t in mods for c in t.conjuncts]
    party = [t for t in mods if t.text in _US_PARTY_ADJECTIVES]
    if not party or any(c.dep_ in ("compound", "amod") for t in party for c in t.children):
        return a  # "Social Democratic lawmakers"
    if any(t.text[:1].isupper() and t not in party and t.pos_ in ("ADJ", "PROPN") for t in mods):
        return a  # "Irish Republican leaders"
    sector = a.get("sector") or oa.title_sector(head.text)
    us_politics = ctx.us_context or ctx.focus_country == "USA"
    names_us = us_politics or any(m.get("country") == "USA"
                                  for m in (ctx.doc._.ww_mentions or []))
    if not (us_politics or (sector in ("GOV", "LEG") and names_us)):
        return a
    return {**a, "country": "USA", "sector": sector}


_GROUP_PLACE_PREPS = frozenset({"in", "throughout", "across", "from", "at", "inside", "of"})


def _currency_prefix(ent: Span) -> bool:
    """A country name that only qualifies a currency ("US $50 million", "HK$ 3 billion")."""
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return nxt is not None and (nxt.text in ("$", "dollars") or nxt.ent_type_ == "MONEY"
                                and nxt.is_currency)


def _with_appositive(ctx: _DocContext, head: Token, a: dict[str, Any]) -> dict[str, Any]:
    """``a`` with the country (or IGO sector) of a title in apposition right after the name:
    "Kenzo Oshima, the United Nations relief coordinator," -> IGO; "Tomas Berg, the foreign
    minister of Norway," -> NOR. Only a title noun counts ("X, a town in Y" does not)."""
    for c in head.children:
        if c.dep_ != "appos" or c.i <= head.i or c.i - head.i > 12:
            continue
        if c.pos_ not in ("NOUN", "PROPN"):
            continue
        if oa.title_sector(c.lemma_) is None and oa.title_sector(c.text) is None:
            # no title word: only an international body inside the office's own name counts
            # ("the United Nations Emergency Relief Coordinator")
            own = [t for t in c.lefts if t.dep_ in ("compound", "nmod")]
            own += [g for t in own for g in t.subtree if g is not t]
            for t in own:
                ent = entity_at(ctx.doc, t.idx, t.idx + len(t.text))
                if ent is not None and ent.get("sector") == "IGO" and not ent.get("country"):
                    return {**a, "sector": "IGO"}
            continue
        # the title's own modifiers and its "of" phrase: "the Norwegian foreign minister", "the
        # foreign minister of Norway" (not "a lawyer for the Russian firm")
        parts = [t for t in c.lefts if t.dep_ in ("amod", "compound", "poss", "nmod")]
        parts += [p for p in c.rights if p.dep_ == "prep" and p.lower_ == "of"]
        sub = sorted((g for t in parts for g in t.subtree), key=lambda t: t.i)
        if not sub:
            continue
        text = " ".join(t.text for t in sub if t.dep_ not in ("prep", "det", "case"))
        country, sector = ctx.codes(text, "NORP")
        if country:
            return {**a, "country": country, "sector": a.get("sector") or sector}
        for t in sub:
            ent = entity_at(ctx.doc, t.idx, t.idx + len(t.text))
            if ent is None:
                continue
            if ent.get("country") and ent.get("entity_type") in ("GPE", "NORP"):
                return {**a, "country": ent["country"],
                        "sector": a.get("sector") or oa.title_sector(c.lemma_)}
            if ent.get("sector") == "IGO" and not ent.get("country"):
                return {**a, "sector": "IGO"}
    return a


# common nouns for places, whose country is in their modifiers ("the north Lebanese port")
_PLACE_NOUNS = frozenset({
    "port", "city", "town", "village", "region", "province", "area", "district", "capital",
    "enclave", "territory", "county", "suburb", "camp", "island", "border", "state",
})


def _place_country(ctx: _DocContext, head: Token, *, residence: bool = False,
                   depth: int = 0) -> str | None:
    """Country of the place a group noun is located by.

    The place is the object of a preposition of the group ("rebels in Mali", "militias
    throughout Indonesia", "a missionary from Calgary", "inhabitants of the Syrian Golan
    Heights") or of a participle modifying it ("guerrillas operating in Macedonia", "a group
    based in Trinidad"). An organisation in that slot is located by its own place ("workers of
    the National Oil Company of Basra", "students at a university in Ankara").

    Args:
        ctx: the document context.
        head: the group's head token.
        residence: only places of belonging or residence: an "of" phrase or a participle
            ("Albanians of southern Serbia", "Turks living in Germany"), not a bare "in".
        depth: recursion depth (an organisation's own place is looked up once).

    Returns:
        ISO alpha-3 code from the actor mention (capitals corrected for date and sentence
        context), the actor tables (country, demonym, capital), or a gazetteer city or region
        (its state on the document date, ``ontology.actors.sovereign_on``); None when no place
        is found.
    """
    preps = [c for c in head.children if c.dep_ == "prep" and (not residence or c.lower_ == "of")]
    # "guerrillas operating in Macedonia", "a group based in Trinidad"
    preps += [p for c in head.children if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN")
              for p in c.children if p.dep_ == "prep"]
    for c in preps:
        if c.lower_ not in _GROUP_PLACE_PREPS:
            continue
        for o in c.children:
            if o.dep_ != "pobj":
                continue
            country = _pobj_country(ctx, o, in_name=depth > 0)
            if country is None and depth == 0 and (
                o.ent_type_ in ("ORG", "FAC") or o.pos_ == "PROPN"
                or o.lemma_.lower() in _PLACE_NOUNS
            ):
                # "the United Bus Company of Tehran", "the West Bank city of Hebron"
                country = _place_country(ctx, o, depth=1)
            if country:
                return str(country)
    return None


def _pobj_country(ctx: _DocContext, o: Token, in_name: bool = False) -> str | None:
    """Country of a place phrase headed by ``o`` (see ``_place_country``), or None. With
    ``in_name``, ``o`` may be the place inside an organisation's name, which the NER labels
    with the name ("the Grand Textile Company of Faisalabad")."""
    if stance_prefixed(o):
        return None
    if in_name and o.ent_type_ == "ORG" and o.pos_ == "PROPN":
        words = [t for t in o.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [o]
        text = ctx.text[words[0].idx:o.idx + len(o.text)]
        country = ctx.codes(text, "GPE")[0] if oa.metonym(text) is None else None
        if not country:
            loc = gazetteer().resolve(text, None, ctx.us_context)
            if loc["precision"] in ("city", "admin1", "country"):
                country = _resolved_place(ctx, words[0].idx, o.idx + len(o.text), loc)["country"]
        return country
    rng = ea.actor_span(o)
    if rng is None:
        return None
    text = ctx.text[rng[0]:rng[1]]
    if o.ent_type_ in _PLACE_LABELS:
        ent = entity_at(ctx.doc, *rng)
        if ent is not None and ent.get("entity_type") == "GPE" and ent.get("country") \
                and not ent.get("sector"):
            return str(ent["country"])  # "Tripoli" in a sentence about Lebanon
        country = ctx.codes(text, o.ent_type_)[0]
        if not country:
            loc = gazetteer().resolve(text, None, ctx.us_context)
            if loc["precision"] != "unresolved":
                country = _resolved_place(ctx, *rng, loc)["country"]
        return country
    if (o.pos_ == "PROPN" and not o.ent_type_) or o.lemma_.lower() in _PLACE_NOUNS:
        # a place the NER missed, named with its country: "the Syrian Golan Heights", "the
        # north Lebanese port" (not a body: "the Kremlin", "the Syrian army")
        if oa.metonym(text) is not None or oa.igo(text) is not None:
            return None
        country, sector = ctx.codes(text, "")
        return country if sector is None else None
    return None


def _locatable(doc: Doc, actor: dict[str, Any]) -> bool:
    """A common-noun group ("people", "demonstrators") or an ethnic group ("ethnic Albanians"):
    an actor the event's place gives a country."""
    span = doc.char_span(actor["start_char"], actor["end_char"], alignment_mode="expand")
    return span is not None and len(span) > 0 and (
        span.root.pos_ == "NOUN" or any(c.lower_ == "ethnic" for c in span.root.children)
    )


def _located(doc: Doc, actor: dict[str, Any], location: dict[str, Any]) -> dict[str, Any]:
    """``actor`` with the event place's country when it is a common-noun group with none
    ("people", "demonstrators", "rival militias") or an ethnic group ("ethnic Albanians");
    names and international bodies unchanged. The place's country was resolved in context
    when the location was found (``_resolved_place``)."""
    if actor.get("country") or actor.get("sector") in _NATIONLESS_SECTORS:
        return actor
    if not _locatable(doc, actor):
        return actor
    return {**actor, "country": location.get("country")}


def _gazetteer_place(ctx: _DocContext, name: str, prefer: str | None) -> dict[str, Any]:
    """``Gazetteer.resolve`` of a place name (``prefer``: ISO alpha-3 of the country to prefer
    for a city name), or, when the gazetteer knows no such place and the name is a misspelled
    country standing alone in the text ("Ethopia", ``_DocContext.misspelled``), that country's
    location under the name as written."""
    loc = gazetteer().resolve(name, prefer, ctx.us_context)
    if loc["precision"] == "unresolved" and (iso3 := ctx.misspelled.get(name.strip())):
        loc = {**gazetteer().resolve(oa.country_name(iso3) or iso3), "name": loc["name"]}
    return loc


def _resolved_place(ctx: _DocContext, start: int, end: int,
                    loc: dict[str, Any]) -> dict[str, Any]:
    """A gazetteer location of the place written at ``text[start:end]``, with its country
    resolved in context by the rule the actor recogniser uses for place mentions
    (``pipeline.actors.place_country``: a successor state's city on an earlier document date
    is the predecessor's, "Juba" in 2000 -> SDN; a city sharing its name with a large city of
    the one country the sentence names is that country's, "Tripoli, the north Lebanese port"
    -> LBN, with the namesake's coordinates).

    Args:
        ctx: the document context.
        start: character offset where the place name starts.
        end: character offset where it ends (half-open).
        loc: ``Gazetteer.resolve`` fields for the name.

    Returns:
        ``loc`` with ``country`` (ISO 3166-1 alpha-3) corrected and ``span`` set to
        ``{start_char, end_char, text}``. A country named as such keeps its own code.
    """
    loc = {**loc, "span": _sd(ctx.text, start, end)}
    if loc.get("precision") not in ("city", "admin1") or not loc.get("country"):
        return loc
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return loc
    country = place_country(span, loc["country"])
    if country == loc["country"]:
        return loc
    if country in gazetteer().city_countries(span.text):
        # the namesake city itself: its own coordinates and GeoNames id
        alt = gazetteer().resolve(loc["name"], country, ctx.us_context)
        if alt.get("country") == country:
            return {**alt, "span": loc["span"]}
    return {**loc, "country": country}


_VERBAL_TYPES = frozenset({"THREATEN", "AGREE", "REJECT", "REQUEST", "PROTEST", "SUPPORT",
                           "ACCUSE"})


def _targets_from_complement(sent: Span, events: list[dict[str, Any]]) -> None:
    """Give a stance, threat or protest with no target of its own the target of the event it
    is about, in its infinitive or participle complement ("threatened to impose a curfew in
    Algiers", "agreed to postpone the rally in Baku", "marched, calling for independence
    from X"). Changes ``events`` in place."""
    by_start: dict[int, list[dict[str, Any]]] = {}
    for e in events:
        by_start.setdefault(e["trigger"]["start_char"], []).append(e)
    tok_at = {t.idx: t for t in sent}
    for e in events:
        if e["target_actor"] is not None or e["plover_type"] not in _VERBAL_TYPES:
            continue
        tok = tok_at.get(e["trigger"]["start_char"])
        if tok is None:
            continue
        src = e["source_actor"]
        for c in tok.children:
            if not (c.dep_ == "xcomp" or (c.dep_ == "advcl" and (
                    e["plover_type"] == "PROTEST"
                    or any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)))):
                continue  # "condemned X, urging all parties ...": a second act, not X's target
            cands = [c, *(d for d in c.children if d.dep_ == "dobj")]
            found = next((o["target_actor"] for k in cands for o in by_start.get(k.idx, [])
                          if o is not e and o["target_actor"] is not None
                          and (src is None or o["target_actor"]["start_char"]
                               != src["start_char"])), None)
            if found is not None:
                e["target_actor"] = found
                break


def _prepared(tok: Token) -> bool:
    """The trigger is what an actor "prepared/was preparing/readied" to do, directly or through
    one more verb ("prepared to resume shelling")."""
    cur = tok if tok.pos_ == "VERB" else tok.head
    for _ in range(3):
        if cur.head.i == cur.i:
            return False
        if cur.dep_ in ("xcomp", "advcl", "dobj") and cur.head.lemma_.lower() in (
                "prepare", "ready", "mobilize", "mobilise"):
            return True
        if cur.dep_ not in ("xcomp", "dobj", "advcl"):
            return False
        cur = cur.head
    return False


def _voiced_by_protest(tok: Token, protests: frozenset[int]) -> bool:
    """A demand made inside a protest's clause ("demonstrated in the city calling for
    independence", "staged rallies, saying he must resign", "blocked roads demanding his
    return"): a protest trigger is above it or is its clause's object or subject."""
    if not protests:
        return False
    return any(
        cur.i in protests
        or any(c.dep_ in ("dobj", "nsubj") and c.i in protests for c in cur.children)
        for cur in islice(tok.ancestors, 4)
    )


def _reported_or_nominal(verb: Token) -> bool:
    """A "must" clause that someone states: the complement of a verb ("said/declared that Y
    must"), or of a noun ("a reminder that Y must")."""
    return verb.dep_ in ("ccomp", "acl", "parataxis") or (
        verb.dep_ == "conj" and verb.head.dep_ in ("ccomp", "acl"))


def _clause_subject_above(tok: Token) -> Token | None:
    """Subject of the verb that a complement clause hangs off (through a noun: "X issued a
    reminder that ...")."""
    verb = next((a for a in islice(tok.ancestors, 4) if a.pos_ in ("VERB", "AUX")), None)
    return ea.subject_of(verb) if verb is not None else None


_TOPIC_PREPS = ("over", "about", "against", "regarding", "concerning")


def _apart(targets: list[dict[str, Any]], sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``targets`` without any whose span overlaps a source actor's: the source is never its
    own target (a name spanning "the National Union for the Independence of X" is one actor,
    whichever of its tokens a frame reached)."""
    return [t for t in targets if not any(
        t["start_char"] < s["end_char"] and s["start_char"] < t["end_char"] for s in sources)]


def _source_side(tok: Token, src: Token | None) -> set[int]:
    """Token indices of the source's phrase and its coordinated actors ("the investigation by
    a UN-OPCW panel": "UN" is part of the source), leaving out the trigger's own phrase when it
    sits inside ("rebels who attacked the town")."""
    if src is None:
        return set()
    out = {t.i for h in (src, *src.conjuncts) for t in h.subtree}
    if tok.i in out:
        out -= {t.i for t in tok.subtree}
    return out | {src.i}


def _means_objects(verb: Token) -> list[Token]:
    """Objects of "in"/"by" naming the means of an attack ("killed in a car bomb explosion",
    "wounded by a roadside bomb")."""
    return [o for _p, o in ea.prep_objects(verb, ("in", "by"))
            if o.lemma_.lower() in _ATTACK_MEANS]


def _word_start(tok: Token) -> int:
    """Start offset of the hyphenated word ``tok`` ends ("sit-in", "drive-by"), which the
    tokenizer splits; ``tok.idx`` when it is a word of its own."""
    doc = tok.doc
    i = tok.i
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ \
            and not doc[i - 2].whitespace_ and doc[i - 2].head.i == tok.i:
        i -= 2
    return doc[i].idx


def _weapon_lemmas(tok: Token, src: Token | None) -> set[str]:
    """Lemmas of the phrases that can name an attack's weapon: the subject ("a roadside bomb
    killed", "military aircraft bombed") and the "in"/"by" means ("killed in an airstrike"),
    each with its compound and adjective modifiers (``acled.weapon_sub_type`` reads them)."""
    out: set[str] = set()
    heads = [o for _p, o in ea.prep_objects(tok, ("in", "by", "with"))]
    for w in ([src] if src is not None else []) + heads:
        out.add(w.lemma_.lower())
        out.update(c.lemma_.lower() for c in w.children if c.dep_ in ("compound", "amod"))
    return out


def _other_targets(tok: Token, entry: TriggerEntry, first: Token | None) -> list[Token]:
    """Target candidates when the first choice names no actor, in order: the "of" object of
    the trigger's object ("demanded the removal of X from Y": X before Y), the recipient ("gave
    the Ivory Coast $5 million", "granted asylum to 18 rebels"; a verb with no object of its
    own shares its conjunct's: "donated and shipped rice to X"), "between" parties, the
    parties of a demanded or protested clause ("demanded that the US cancel"; the reported
    clause of a misparsed reporting tail: "X is failing ..., a rights group protested"),
    parties inside the first choice (``inner_targets``) and in the trigger's verb complement
    (``complement_targets``). Callers keep the first that is an actor other than the source.
    """
    out: list[Token] = []
    holders = [tok] + [c for c in tok.children if c.dep_ == "dobj"]
    if tok.dep_ == "compound" and tok.pos_ != "VERB":
        holders.append(tok.head)  # "a mediation mission between X and Y"
    if tok.pos_ == "VERB" and len(holders) == 1:
        # "donated and delivered goods to X": a verb with no object of its own shares its
        # conjunct's
        for c in tok.children:
            if c.dep_ == "conj" and c.pos_ == "VERB" and not any(
                    s.dep_ in ("nsubj", "nsubjpass") for s in c.children):
                holders += [c, *(o for o in c.children if o.dep_ == "dobj")]
                break
    # "demanded the withdrawal of X from Y": the "of" party of a nominalised object is the
    # one the event is about, before any place or party it moves from or to
    for h in holders[1:]:
        if h.pos_ in ("NOUN", "PROPN"):
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    out.extend(o for o in c.children if o.dep_ == "pobj")
    for h in holders:
        for c in h.children:
            if c.dep_ == "dative" and c.pos_ != "ADP":
                out.append(c)
            if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "between", "from", "with",
                                                             "against", "on", "into"):
                objs = [o for o in c.children if o.dep_ == "pobj"]
                if not objs:  # "granted asylum to five officers holed up in ...": misparsed
                    objs = [o for _p, o in ea.prep_objects(h, (c.lower_,)) if o.head.i != c.i]
                out.extend(objs)
                # "hacked into the computers of X", "fired on the homes of X": the party
                # inside a non-actor object
                out.extend(t for o in objs for t in ea.inner_targets(o, 1))
    if entry.plover_type in ("REQUEST", "ACCUSE", "REJECT", "SUPPORT", "PROTEST"):
        for c in tok.children:
            if c.dep_ == "ccomp":
                out.extend(ea.demanded_parties(c))
        if ea.reporting_tail(tok) and (said := ea.subject_of(tok.sent.root)) is not None:
            out.append(said)  # "Croatia is failing to ..., a rights group protested": Croatia
    # the party inside a non-actor object ("praised Haiti's efforts", "rejected calls by X",
    # "called for sanctions against X") and in the trigger's verb complement ("threatened to
    # break off relations with X")
    if first is not None:
        out.extend(ea.inner_targets(first))
    if tok.pos_ != "VERB":  # "an investigation into crimes committed by X"
        out.extend(ea.inner_targets(tok, poss=False))
    else:  # "called for sanctions against X", "called for the release of X"
        out.extend(t for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"
                   for o in c.children if o.dep_ == "pobj" for t in ea.inner_targets(o))
    out.extend(ea.complement_targets(tok))
    if tok.pos_ != "VERB" and tok.dep_ == "dobj":  # "continued their strike to demand ..."
        out.extend(ea.complement_targets(tok.head))
    out.extend(ea.clause_targets(tok, entry.plover_type))
    return [t for t in out if first is None or t.i != first.i]


def _stance_events(tok: Token, gov: Token | None, entry: TriggerEntry,
                   coded: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events CAMEO codes for the actor's stance toward an unrealised event, as new factual
    events on the same trigger: a stated intent is AGREE (CAMEO 03x) for cooperative events
    and THREATEN (13x) for conflictual ones or an ultimatum ("will withdraw unless");
    refusing or not accepting an agreement or concession is REJECT (12x)."""
    if not coded:
        return []
    base = coded[0]
    ptype = entry.plover_type
    new: tuple[str, str | None, str] | None = None
    if base["hypothetical"] and not base["negated"]:
        frame = ea.intent_frame(tok, gov)
        if frame == "intent" and ptype == "ASSAULT" and _prepared(tok):
            # "the army prepared to resume shelling": military preparation is a show of
            # force (CAMEO 150), not a stated threat
            new = ("MOBILIZE", None, "150")
        elif frame == "ultimatum" or (frame == "intent" and ptype in _THREAT_TYPES):
            code, mode = _INTENT_THREAT.get(ptype, ("130", None))
            if ptype == "THREATEN":
                code, mode = entry.cameo or "130", entry.plover_mode
            new = ("THREATEN", mode, code)
        elif frame == "intent":
            new = ("AGREE", None, _INTENT_AGREE_CODE.get(ptype, "030"))
    if ptype in ("AGREE", "CONCEDE") and (
        base["negated"] or (tok.dep_ == "xcomp" and tok.head.lemma_ in _REFUSAL_HEADS)
    ):
        new = ("REJECT", None, "127" if ptype == "AGREE" else "124")
    if new is None:
        return []
    ntype, nmode, code = new
    out = []
    for ev in coded:
        d = dict(ev)
        d.update({
            "id": stable_id("evt", ev["id"], ntype),
            "plover_type": ntype,
            "plover_mode": nmode,
            "cameo_code": code,
            "quad_class": cameo.quad_class(code),
            "goldstein": cameo.goldstein(code),
            "acled_event_type": None,
            "acled_sub_event_type": None,
            "negated": False,
            "hypothetical": False,
            "counts": [],
            "confidence": round(min(0.99, ev["confidence"] + 0.1), 2),
        })
        out.append(d)
    return out
