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

Then, per document, ``merge_reports`` (``_event_merge``) makes one event of the reports of one
real event in several sentences.

The parts live in private modules named for what they hold: ``_event_context`` (per-document
facts), ``_event_triggers`` (lexicon conditions, folded triggers), ``_event_actors`` (actor
records, a mixin of ``EventCoder``), ``_event_actor_country`` (actor countries),
``_event_parties`` (target fallbacks, dyads), ``_event_places``, ``_event_movement``
(targets of troop movements: the place moved into or out of, an earlier movement's scene),
``_place_mentions`` (a place taken from context points to its nearest mention),
``_event_fields`` (date, historical, asserted_by, offsets), ``_event_counts``,
``_event_intent`` (stance events),
``_event_phrase_roles`` (parties the trigger's own phrase names: "anti-X", the addressee of an
appeal, a bare count of people, a response's owner; event nouns quantified over their kind),
``_event_merge`` and ``_event_implied`` (the implied protesters, rioters or strikers of a
protest that names no source actor, added after merging).

Sources: PLOVER manual draft 0.8 (2021); CAMEO manual 1.1b3 (Schrodt 2012); Goldstein (1992);
PETRARCH-2 (Norris, Schrodt & Beieler 2017) for the dyad rules; ACLED codebook (2023) names.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from wirewatch.errors import ConfigError
from wirewatch.model import Event, stable_id
from wirewatch.ontology import actors as oa
from wirewatch.ontology import cameo, plover
from wirewatch.ontology.event_lexicon import TriggerEntry, entries_for, lexicon
from wirewatch.pipeline import acled
from wirewatch.pipeline import event_args as ea
from wirewatch.pipeline._event_actor_country import _located, _relational, _with_sole_country
from wirewatch.pipeline._event_actor_spans import actor_span, conjuncts
from wirewatch.pipeline._event_actors import _ACTOR_NOUNS, _NAME_LABELS, _ActorFinder
from wirewatch.pipeline._event_context import _STATE_SECTORS, _DocContext, _sd
from wirewatch.pipeline._event_counts import (
    _count,
    _counts_things,
    _number_owner,
    _one_person,
    _sentence_numbers,
)
from wirewatch.pipeline._event_fields import (
    _asserted_by,
    _date,
    _historical,
    _trimmed,
    _word_start,
    statement_date,
)
from wirewatch.pipeline._event_implied import implied_sources
from wirewatch.pipeline._event_intent import _stance_events
from wirewatch.pipeline._event_merge import merge_reports
from wirewatch.pipeline._event_modality import (
    deontic_clause,
    intent_frame,
    is_hypothetical,
    is_negated,
)
from wirewatch.pipeline._event_movement import (
    continue_scenes,
    foreign_place,
    is_movement,
    own_countries,
    without_own_places,
)
from wirewatch.pipeline._event_parties import (
    _ATTACK_MEANS,
    _RECIPROCAL,
    _apart,
    _casualty_clauses,
    _clause_subject_above,
    _dyads,
    _escalated_parties,
    _means_objects,
    _other_targets,
    _reported_or_nominal,
    _source_side,
    _targets_from_complement,
    _time_clause_antecedent,
    _voiced_by_protest,
    _weapon_lemmas,
)
from wirewatch.pipeline._event_phrase_roles import (
    RESPONSE_NOUNS,
    addressee_of_appeal,
    anti_parties,
    counted_patients,
    generic,
)
from wirewatch.pipeline._event_places import _location, _own_place, _places_from_siblings
from wirewatch.pipeline._event_protest_places import placed_protest, protest_places
from wirewatch.pipeline._event_target_candidates import (
    addressee,
    inner_targets,
    is_place_noun,
    mission_owners,
)
from wirewatch.pipeline._event_triggers import (
    _cond_holds,
    _escalation,
    _folded,
    _folded_same,
    _opinion_agreement,
    official_protest,
)
from wirewatch.pipeline._place_mentions import nearest_mention, point_to_nearest_mentions
from wirewatch.pipeline.counts import NumberPhrase
from wirewatch.pipeline.event_classifier import (
    CombineParams,
    EventTypeClassifier,
    cameo_for,
    combine,
)
from wirewatch.pipeline.extensions import add_diagnostic, doc_id, doc_text

__all__ = ["EventCoder", "merge_reports"]

_DEMAND_ENTRY = TriggerEntry(
    "must", True, False, (), "100", "REQUEST", None, None, {"subj": "target"}, None, None, 0.7
)
# salience of a sentence's position: confidence falls by LEAD_STEP per sentence after the lead,
# for at most LEAD_CAP sentences (Source: the inverted pyramid of news writing; van Dijk 1988,
# "News as Discourse", ch. 2: the main event in the headline and lead, background later)
LEAD_STEP = 0.15
LEAD_CAP = 3
# a trigger in a scene-setting adjunct (``event_args.is_background``) falls by this much
BACKGROUND_PENALTY = 0.15
_FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})
# reciprocal types whose compound subject are each other's parties whatever the topic of the
# talks or cooperation names (CAMEO 04 consult, 06 material cooperation)
_MUTUAL = frozenset({"CONSULT", "COOPERATE"})
# participles that report an attack's casualties ("..., killing 12", "..., wounding two")
_CASUALTY_VERBS = frozenset({"kill", "wound", "injure", "hurt", "maim"})


class EventCoder(_ActorFinder):
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

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        event_classifier: str = "rules",
        classifier_path: str | None = None,
        params: CombineParams | None = None,
    ) -> None:
        self.name = name
        self._lexicon = lexicon()  # loads and validates the lexicon once
        self._lemmas = frozenset(e.lemma for e in self._lexicon)
        # lemmas that can be an event noun ("protests"); verb-only rows ("forced X out") do not
        # stop "forces" from being an actor
        self._noun_lemmas = frozenset(e.lemma for e in self._lexicon if e.noun)
        ea.reporting_verbs()
        if event_classifier not in ("rules", "learned"):
            raise ConfigError(
                f'event_classifier must be "rules" or "learned", not {event_classifier!r}.'
            )
        self.event_classifier = event_classifier
        self.params = params or CombineParams()
        self.classifier = (
            EventTypeClassifier(classifier_path) if event_classifier == "learned" else None
        )

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
                add_diagnostic(
                    doc,
                    self.name,
                    f"dropped invalid event: {exc.errors()[0]['msg']}",
                    ev.get("trigger"),
                )
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
            events = self._with_classifier(ctx, per_sent)
        else:
            events = [ev for _, found in per_sent for ev in found]
        # a movement of forces with no place of its own continues an earlier movement's scene
        continue_scenes(
            doc,
            events,
            lambda scene, here, sent: self._scene_target(ctx, scene, here, sent),
            ctx.country_named,
            lambda loc, tok: nearest_mention(ctx, loc, tok),
        )
        # a protest, riot or strike that names no one who protests is the act of implied
        # protesters (ACLED "Protesters (Country)"), once the reports are merged
        events = implied_sources(ctx, merge_reports(events))
        # a place taken from context points to its nearest mention, not to another paragraph
        point_to_nearest_mentions(ctx, events)
        return events

    def _scene_target(
        self, ctx: _DocContext, scene: dict[str, Any], here: dict[str, Any], sent: Span
    ) -> dict[str, Any] | None:
        """The target actor for a movement into or out of the place of ``scene`` (an earlier
        movement's location record, with ``span`` and ``country``) told in ``sent``: the
        sentence's own mention of that country when it names one ("Kazakhstan's leadership"),
        else the place as an actor at ``here``'s span (the mention of the place nearest the
        trigger, ``_place_mentions.nearest_mention``), with the entity and codes of the scene's
        place name."""
        own = self._country_mention(ctx, sent, scene["country"], [])
        if own is not None:
            return own
        place = self._place_actor(ctx, scene)
        if place is None or not here.get("span") or here["span"] == scene["span"]:
            return place
        return {**place, **here["span"]}

    def _match_sentence(self, ctx: _DocContext, sent: Span) -> list[dict[str, Any]]:
        """The rule events of one sentence."""
        doc = sent.doc
        events: list[dict[str, Any]] = []
        triggers = [(t, e) for t in sent if (e := self._entry(t)) is not None]
        if not triggers and not any(t.lower_ in ("must", "ought") for t in sent):
            return events
        trig = {t.i: e for t, e in triggers}
        triggers = [
            (t, e)
            for t, e in triggers
            if not _folded(t, trig) and not _folded_same(t, e, trig) and not _escalation(t, e, trig)
        ]
        numbers = _sentence_numbers(sent, ctx)
        owner = _number_owner(numbers, [t for t, _ in triggers], doc)
        protests = frozenset(t.i for t, e in triggers if e.plover_type == "PROTEST")
        for tok in sent:
            if (
                tok.pos_ in ("VERB", "AUX")
                and deontic_clause(tok)
                and not any(
                    e.plover_type == "REQUEST" and (t in tok.ancestors) for t, e in triggers
                )
                and _reported_or_nominal(tok)
            ):
                try:
                    events.extend(
                        self._code(
                            ctx,
                            sent,
                            tok,
                            _DEMAND_ENTRY,
                            [],
                            {},
                            [],
                            demand=True,
                            protests=protests,
                        )
                    )
                except Exception as exc:  # never sink the sentence
                    add_diagnostic(doc, self.name, f"skipped demand: {exc}")
        for tok, entry in triggers:
            try:
                others = [t for t, _ in triggers if t.i != tok.i]
                events.extend(
                    self._code(ctx, sent, tok, entry, numbers, owner, others, protests=protests)
                )
            except Exception as exc:
                add_diagnostic(
                    doc,
                    self.name,
                    f"skipped trigger: {type(exc).__name__}: {exc}",
                    _sd(doc_text(doc), tok.idx, tok.idx + len(tok.text)),
                )
        _targets_from_complement(sent, events)
        _escalated_parties(sent, events)
        _places_from_siblings([t for t, _ in triggers], events)
        for ev in events:
            src = ev["source_actor"]
            if (
                ev["target_actor"] is None
                and is_movement(ev["cameo_code"])
                and foreign_place(ev["location"], own_countries([src], ctx.country_named))
                and (place := self._place_actor(ctx, ev["location"])) is not None
                and not (src and src["start_char"] == place["start_char"])
            ):
                # "broke up the rally in Tbilisi and deployed riot units": forces sent into
                # the scene a sibling trigger names are sent there (CAMEO 15x/087 target)
                ev["target_actor"] = place
                ev["confidence"] = round(min(0.99, ev["confidence"] + 0.05), 2)
        return _casualty_clauses(sent, events)

    def _with_classifier(
        self, ctx: _DocContext, per_sent: list[tuple[Span, list[dict[str, Any]]]]
    ) -> list[dict[str, Any]]:
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
                    self._actor(ctx, h) is not None for h in conjuncts(subj)
                ):
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
            entry = TriggerEntry(
                root.lemma_.lower(),
                True,
                False,
                (),
                code,
                top,
                mode,
                None,
                {},
                None,
                None,
                round(p[top] * self.params.new_event_scale, 2),
            )
            try:
                numbers = _sentence_numbers(sent, ctx)
                owner = _number_owner(numbers, [root], sent.doc)
                events.extend(self._code(ctx, sent, root, entry, numbers, owner, []))
            except Exception as exc:  # never sink the sentence
                add_diagnostic(sent.doc, self.name, f"skipped learned event: {exc}")
        return events

    def _responder(
        self, ctx: _DocContext, src: Token | None, gov: Token, tok: Token
    ) -> list[dict[str, Any]]:
        """The owners of a response noun that is the subject of the clause the event noun
        ``tok`` is the complement or object of ("X's response was limited to calls for calm"
        -> X); empty when the subject is no such noun, holds ``tok`` itself ("X's response to
        the riots": not X's riots) or its possessor is no actor."""
        subj = (
            src
            if src is not None
            else next((c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        )
        if (
            subj is None
            or subj.lemma_.lower() not in RESPONSE_NOUNS
            or tok.i in {t.i for t in subj.subtree}
        ):
            return []
        owner = next((c for c in subj.children if c.dep_ == "poss"), None)
        return self._coordinated(ctx, owner) if owner is not None else []

    def _stance_party(self, ctx: _DocContext, head: Token) -> dict[str, Any] | None:
        """The actor named after "anti-" ("government" in "anti-government", "American" in
        "anti-American"): the actor of its phrase, else the word alone with the codes of a
        country, demonym or sector noun; None when it names no party ("anti-war")."""
        a = self._actor(ctx, head)
        if a is not None and (a.get("country") or a.get("sector")):
            return a
        country, sector = ctx.codes(head.text, "NORP")
        if not (country or sector):
            return None
        return {
            **_sd(ctx.text, head.idx, head.idx + len(head.text)),
            "entity_id": None,
            "name": (oa.country_name(country) if country else None) or head.text,
            "country": country,
            "sector": sector,
        }

    def _entry(self, tok: Token) -> TriggerEntry | None:
        lemma = tok.lemma_.lower()
        if lemma not in self._lemmas:
            return None
        if tok.ent_type_ in _NAME_LABELS:
            return None
        if tok.pos_ == "NOUN" and generic(tok):
            return None  # "after every instance of unrest": no one event, but all of a kind
        if (
            tok.dep_ == "compound"
            and tok.head.pos_ == "NOUN"
            and (tok.head.lemma_.lower() in _ACTOR_NOUNS or oa.sector_of(tok.head.lower_))
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
        self,
        ctx: _DocContext,
        sent: Span,
        tok: Token,
        entry: TriggerEntry,
        numbers: list[tuple[NumberPhrase, Token]],
        owner: dict[int, int],
        others: list[Token],
        *,
        demand: bool = False,
        protests: frozenset[int] = frozenset(),
    ) -> list[dict[str, Any]]:
        doc = sent.doc
        gov = ea.governing_verb(tok)
        if tok.pos_ == "VERB" or demand:  # a demand's "must be ready": the clause's verb
            src, tgt, theme = ea.verb_source_target(tok, entry.roles)
            if (
                theme is not None
                and entry.plover_type in _FORCE_TYPES
                and entry.roles.get("obj") != "theme"
                and theme.pos_ in ("NOUN", "PROPN")
                and self._actor(ctx, theme) is not None
            ):
                # "kidnapped 12 passengers from a bus", "arrested 30 men from the village": force
                # acts on the counted people, who are no possession sent from or to a place
                tgt = theme
        else:
            src, tgt, theme = ea.noun_source_target(tok, entry.roles)
        # "Ghana has seen protests", "a strike paralysed Santiago": places where a protest
        # happens, not whom it is directed at
        host, hit, tgt = protest_places(tok, entry, tgt, demand=demand)
        if tok.pos_ != "VERB" and not demand:
            if (
                entry.plover_type == "PROTEST"
                and src is not None
                and gov is not None
                and ea.in_during(tok, gov)
                and (g := self._entry(gov)) is not None
                and g.plover_type in _FORCE_TYPES
                and (self._actor(ctx, src) or {}).get("sector") in _STATE_SECTORS
            ):
                # "police arrested 31 people during a protest": a state force using force on
                # the occasion of a protest is not its protester ("youths threw stones during
                # protests" keeps its subject)
                src = None
        if demand:  # "X said Y must ...": the speaker demands, Y is the target
            src = ea.reporting_speaker(tok, sent) or _clause_subject_above(tok)
            if tgt is not None and tgt.pos_ == "PRON" and self._actor(ctx, tgt) is None:
                # "issued a reminder to Iraq that it must ...": an unresolved pronoun is the
                # party the statement is made to
                tgt = addressee(tok) or tgt
        if src is None and entry.plover_type == "ASSAULT" and ea.is_passive(tok):
            # "was killed in a car bomb explosion": the means stands for the unnamed attacker
            src = next((o for o in _means_objects(tok)), None)
        if src is not None and src.dep_ == "poss" and src.pos_ == "PRON" and gov is not None:
            poss_actor = self._actor(ctx, src)
            subj = ea.subject_of(gov)
            if (
                (poss_actor is None or not poss_actor.get("entity_id"))
                and subj is not None
                and subj.pos_ != "PRON"
                and self._actor(ctx, subj) is not None
            ):
                # "the committee completed its investigation", "X reiterated its demand":
                # an unresolved possessive is the clause's subject
                src = subj
        sources = self._coordinated(ctx, src)
        if (
            tok.pos_ == "NOUN"
            and gov is not None
            and (responders := self._responder(ctx, src, gov, tok))
        ):
            # "The government's response has been limited to calls for calm", "the EU's
            # reaction was a call for restraint": the act is the responder's
            sources = responders
        if (
            not sources
            and (
                entry.plover_type in _MUTUAL
                or (tok.dep_ == "pcomp" and entry.plover_type not in _RECIPROCAL)
            )
            and (fronted := ea.fronted_adjunct_subject(tok)) is not None
        ):
            # "Despite growing cooperation in opposing U.S. policies, China and Russia are
            # rivals": the parties the clause is about cooperate, and oppose
            both = self._coordinated(ctx, fronted)
            if len(both) > 1:
                sources = both
        if (
            not sources
            and src is not None
            and tok.dep_ == "acl"
            and src.i == tok.head.i
            and src.dep_ in ("dobj", "attr")
            and src.head.pos_ == "VERB"
        ):
            # "X issued a statement condemning Y", "X passed a resolution calling for": the
            # document's issuer is the source
            subj = ea.subject_of(src.head)
            if subj is not None and subj.i != tok.i:
                sources = [a for h in conjuncts(subj) if (a := self._actor(ctx, h)) is not None]
        if not sources and src is not None and src.pos_ == "PRON":
            # "Syria says it will ...": an unresolved pronoun subject of reported speech is
            # the speaker
            sp = ea.reporting_speaker(tok, sent)
            if sp is not None and sp.pos_ != "PRON":
                sources = [a for h in conjuncts(sp) if (a := self._actor(ctx, h)) is not None]
        if (complaint := official_protest(tok, entry, src, sources)) is not None:
            # "the foreign ministry protested the visit": a state's protest is an official
            # complaint (CAMEO 114, PLOVER ACCUSE), not a demonstration (CAMEO 14)
            entry = complaint
        if (
            entry.plover_type in _FORCE_TYPES
            and theme is not None
            and theme.dep_ == "dobj"
            and any(c.dep_ == "poss" for c in theme.children)
            and (tgt is None or not self._actor(ctx, tgt))
        ):
            tgt = theme  # "ambushed their patrol on the road": the possessed object, not a place
        if (
            tgt is not None
            and is_place_noun(tgt)
            and not tgt.ent_type_
            and not any(c.dep_ == "poss" for c in tgt.children)
        ):
            # "captured a rebel stronghold", "shelled Kurdish positions", "attacked a military
            # base": the party whose site it is (a possessed site is its possessor's: below)
            owners = [c for c in tgt.children if c.dep_ == "amod" and c.i < tgt.i]
            tgt = next((h for h in [*owners, *inner_targets(tgt, 1)] if self._actor(ctx, h)), tgt)
        owner_pron = None
        if (
            tgt is not None
            and entry.plover_type in _FORCE_TYPES
            and tgt.pos_ == "NOUN"
            and not self._actor(ctx, tgt)
        ):
            # "ambushed the army's convoy", "raided their camp": the possessor of an object
            # that is no actor is the party attacked (CAMEO codes the owner of the target)
            poss = next((c for c in tgt.children if c.dep_ == "poss"), None)
            if poss is not None and self._actor(ctx, poss):
                tgt = poss
            elif poss is not None and poss.pos_ == "PRON":
                owner_pron = poss  # "their patrol": an unresolved party, not the place
        elif (
            tgt is not None
            and entry.plover_type in _FORCE_TYPES
            and tgt.dep_ == "poss"
            and tgt.pos_ == "PRON"
            and tgt.head.pos_ == "NOUN"
        ):
            owner_pron = tgt
        if (
            owner_pron is not None
            and (ante := _time_clause_antecedent(tok, owner_pron)) is not None
            and self._actor(ctx, ante) is not None
        ):
            # "three officers were killed when gunmen ambushed their patrol"
            tgt, owner_pron = ante, None
        if (
            tgt is not None
            and entry.plover_type == "ACCUSE"
            and tok.pos_ == "VERB"
            and tgt.dep_ == "pobj"
            and tgt.head.lower_ == "to"
            and tgt.head.head.i == tok.i
        ):
            # "complained to the UN over Israeli raids": the "to" party hears the complaint;
            # the one complained about is the target
            tgt = self._complained_about(ctx, tok) or tgt
        targets = _apart(self._coordinated(ctx, tgt), sources)
        if (
            not sources
            and theme is not None
            and (
                (entry.plover_type == "MOBILIZE" and tok.pos_ != "VERB")
                or (is_movement(entry.cameo) and tok.pos_ == "VERB" and ea.is_passive(tok))
            )
        ):
            # "the deployment of NATO peacekeeping troops", "the deployment of Russian troops",
            # "French troops were withdrawn from X": with no deployer named, the force's own
            # country or body moves it
            sources = [
                a
                for h in conjuncts(theme)
                if (a := self._actor(ctx, h)) is not None
                and (a.get("country") or a.get("sector") == "IGO")
            ]
        # "the U.S. and Russia began to negotiate disagreements over Ukraine": parties that
        # meet or cooperate with each other are each other's targets; a party inside the topic
        # is no fallback for them (CAMEO 04/06 code the dyad of those who meet)
        mutual = len(sources) > 1 and entry.plover_type in _MUTUAL
        if (
            not targets
            and tgt is not None
            and (
                (
                    entry.plover_type == "REQUEST"
                    and tok.pos_ == "VERB"
                    and addressee_of_appeal(tok, tgt)
                )
                or _relational(tgt)
            )
            and (rng := actor_span(tgt)) is not None
        ):
            # "called upon outsiders to protect the country": the party appealed to is the
            # target even when no table codes it; the object of the act it is asked to do
            # ("the country") is not (CAMEO 02 codes the one appealed to). "condolences to
            # America's trusted friend": the friend, not America, the other side of the
            # relation (Barker 1995)
            targets = [
                {
                    **_sd(ctx.text, *rng),
                    "entity_id": None,
                    "name": ctx.text[rng[0] : rng[1]],
                    "country": None,
                    "sector": None,
                }
            ]
        if not targets and not mutual:
            own = _source_side(tok, src)  # the source is never its own target
            # what is sent, deployed or withdrawn ("the deployment of 2,500 peacekeepers") is
            # the theme, never the party the act is aimed at
            own |= {
                t.i
                for h in ([theme] if theme is not None else [])
                for c in conjuncts(h)
                for t in c.subtree
                if t.i <= c.i
            }
            for h in _other_targets(tok, entry, tgt):
                if h.i in own:
                    continue
                # "restraint by both authorities and protesters": each coordinated group
                targets = _apart(
                    self._coordinated(ctx, h)
                    or [a for c in conjuncts(h) if (a := self._actor(ctx, c)) is not None],
                    sources,
                )
                if targets:
                    break
        if not targets and not mutual:
            # CAMEO/PETRARCH: with no frame filled, the first actor in the verb phrase
            targets = self._phrase_target(ctx, sent, tok, src, sources, theme)
        if not targets and entry.plover_type in ("PROTEST", "ACCUSE", "REJECT"):
            # "anti-government protests", "anti-American rallies": the party the protest is
            # against is written on the trigger
            targets = _apart(
                [a for h in anti_parties(tok) if (a := self._stance_party(ctx, h)) is not None],
                sources,
            )
        if not targets and entry.plover_type == "PROTEST":
            # "rallied outside the French embassy": a protest at a state's mission is directed
            # at that state
            targets = _apart(
                [a for h in mission_owners(tok) if (a := self._stance_party(ctx, h)) is not None],
                sources,
            )
        date = _date(ctx, sent, tok, gov)
        # a target named by a place preposition ("withdrew its forces from Syria") is also
        # where the event happens; only the source's span is kept out of the place search
        location = _location(ctx, sent, tok, gov, sources, entry, others)
        location, targets = placed_protest(ctx, host, hit, location, targets)
        if (
            is_movement(entry.cameo)
            and not (location and location.get("span"))
            and (force := theme if theme is not None else src) is not None
            and (stationed := _own_place(ctx, force, entry, [], ctx.focus_country)) is not None
        ):
            # "its soldiers in Somalia would begin departing": forces move out of (or within)
            # the place they are stationed in
            location = stationed
        # the moving side's own countries: a state moving forces inside its own territory acts
        # on no one there (CAMEO 087/15x)
        home = (
            own_countries(
                [*sources, self._actor(ctx, theme) if theme is not None else None],
                ctx.country_named,
            )
            if is_movement(entry.cameo)
            else set()
        )
        targets = without_own_places(targets, home)
        if (
            not targets
            and (entry.plover_type in ("AID", "MOBILIZE") or is_movement(entry.cameo))
            and location
            and location.get("country") not in home
        ):
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
        sources = _with_sole_country(
            ctx, sources, targets, broad=True, placed=placed, strict=strict
        )
        targets = _with_sole_country(ctx, targets, sources, broad=True, placed=placed)
        if (
            not sources
            and src is not None
            and entry.plover_type == "ASSAULT"
            and src.lemma_.lower() in _ATTACK_MEANS
            and (rng := actor_span(src))
        ):
            # "a roadside bomb killed two soldiers", "killed by an explosive device": the
            # perpetrator is unnamed; the means stands for it and takes the place's country
            # (below), as CAMEO coders code an unknown attacker by where the attack happened
            sources = [
                {
                    **_sd(ctx.text, *rng),
                    "entity_id": None,
                    "name": ctx.text[rng[0] : rng[1]],
                    "country": None,
                    "sector": None,
                }
            ]
        if (
            not targets
            and entry.plover_type in _FORCE_TYPES
            and tok.pos_ == "VERB"
            and (num := counted_patients(tok)) is not None
        ):
            # "About 12,000 have been detained", "dozens were killed": the counted people are
            # the target, unnamed; coded by where it happened, as CAMEO coders code an unnamed
            # group
            rng = (num.left_edge.idx, num.right_edge.idx + len(num.right_edge.text))
            targets = [
                {
                    **_sd(ctx.text, *rng),
                    "entity_id": None,
                    "name": ctx.text[rng[0] : rng[1]],
                    "country": (location or {}).get("country"),
                    "sector": None,
                }
            ]
        if not targets and owner_pron is not None:
            # the pronoun stands for the party as PolNeAR keeps pronoun sources: uncoded
            targets = [
                {
                    **_sd(ctx.text, owner_pron.idx, owner_pron.idx + len(owner_pron)),
                    "entity_id": None,
                    "name": owner_pron.text,
                    "country": None,
                    "sector": None,
                }
            ]
        if location and location.get("country") and location.get("span"):
            if (
                not targets
                and not (len(sources) > 1 and entry.plover_type in _RECIPROCAL)
                and location["country"] not in home
                and host is None
            ):
                # no party named: the event is directed at the place it happens in ("a curfew
                # in Abidjan", "protests in Serbia", "withdrew its soldiers from Kosovo"), as
                # CAMEO coders code it
                place = self._place_actor(ctx, location)
                targets = [place] if place is not None else []
            # unnamed people with no nationality take the event's place ("killed 23 people in
            # Tel Aviv"), but a force moving into or out of a whole country crosses its border
            # and is not its own ("the peacekeepers will leave Haiti"); the place itself as
            # target has its country
            if not (is_movement(entry.cameo) and location.get("precision") == "country"):
                sources = [_located(doc, a, location) for a in sources]
            targets = [
                {**a, "country": location["country"]}
                if not a.get("country") and a["start_char"] == location["span"]["start_char"]
                else _located(doc, a, location)
                for a in targets
            ]
        # "attacked a post, killing 12 soldiers", "a bomb exploded, wounding two": the casualty
        # clause's counts are also the attack's (ACLED codes one event with its fatalities)
        # (a noun trigger's clause: "a drone strike hit a car, killing four")
        holders = [tok] + (
            [tok.head]
            if tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" and tok.head.i not in owner.values()
            else []
        )
        casualty = {
            c.i
            for h in holders
            for c in h.children
            if entry.plover_type == "ASSAULT"
            and c.dep_ in ("advcl", "xcomp", "conj")
            and c.tag_ == "VBG"
            and c.lemma_.lower() in _CASUALTY_VERBS
        }
        counts = [
            _count(ctx.text, ph, ptok)
            for k, (ph, ptok) in enumerate(numbers)
            if (owner.get(k) == tok.i or owner.get(k) in casualty) and not _counts_things(ph, ptok)
        ]
        if not counts and tgt is not None and (one := _one_person(ctx.text, tok, tgt)):
            counts = [one]  # "arrested a 23-year-old man", "a woman was killed"
        negated = is_negated(tok, gov)
        hypothetical = not demand and (
            is_hypothetical(tok, gov) or intent_frame(tok, gov) is not None
        )
        historical = _historical(ctx, tok, date)
        asserted_by = _asserted_by(ctx, sent, tok)
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
            eid = (
                base
                if n == 0
                else stable_id(
                    "evt",
                    doc_id(doc),
                    tok.idx,
                    entry.plover_type,
                    s["start_char"] if s else None,
                    t["start_char"] if t else None,
                )
            )
            acled_type, acled_sub = acled.acled_type(
                entry.acled_type,
                entry.acled_sub_event_type,
                entry.plover_type,
                entry.plover_mode,
                s,
                t,
                weapons,
            )
            out.append(
                {
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
                }
            )
        if not demand:
            stance = _stance_events(tok, gov, entry, out)
            if (
                stance
                and stance[0]["plover_type"] in ("AGREE", "THREATEN", "MOBILIZE")
                and hypothetical
            ):
                # the statement of intent happened when it was made, not when the intended
                # act is due ("announced on May 2 that troops would leave next week")
                said = statement_date(ctx, sent, tok)
                for d in stance:
                    d["event_date"], d["date_precision"], d["date_span"] = (
                        said if said is not None else (None, None, None)
                    )
            if stance and stance[0]["plover_type"] == "REJECT":
                # "do not accept X's statements" is one REJECT, not also a negated AGREE on the
                # same trigger and dyad
                return stance
            out.extend(stance)
        return out
