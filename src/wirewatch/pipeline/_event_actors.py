"""Actor phrases of the ``wirewatch_events`` coder: ``_ActorFinder``, the mixin of
``EventCoder`` that turns a head token into a source or target actor record
(``{start_char, end_char, text, entity_id, name, country, sector}``, codes from
``wirewatch_coref``'s entity or the actor tables), coordinated actors, and the first actor of a
verb phrase as the target.

It is a mixin rather than module functions because it reads the coder's lexicon (event nouns
are not actors) and its methods call one another recursively.

Source: PETRARCH-2 (Norris, Schrodt & Beieler 2017) for the verb-phrase target convention.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from wirewatch.ontology import actors as oa
from wirewatch.pipeline import event_args as ea
from wirewatch.pipeline._event_actor_country import (
    _NATIONLESS_SECTORS,
    _actor_us_party,
    _place_country,
    _relational,
    _with_appositive,
    owner_country,
)
from wirewatch.pipeline._event_actor_spans import actor_span, conjuncts
from wirewatch.pipeline._event_context import _PLACE_LABELS, _STATE_SECTORS, _DocContext, _sd
from wirewatch.pipeline._event_parties import _TOPIC_PREPS, _source_side
from wirewatch.pipeline._event_target_candidates import (
    inner_targets,
    is_place_noun,
    verb_phrase_parties,
)
from wirewatch.pipeline.actors import stance_prefixed
from wirewatch.pipeline.extensions import entity_at
from wirewatch.pipeline.places import gazetteer

_NAME_LABELS = frozenset(
    {"ORG", "PERSON", "GPE", "NORP", "FAC", "LAW", "EVENT", "WORK_OF_ART", "PRODUCT", "LOC"}
)
_NOT_ACTOR_LABELS = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LAW", "EVENT"}
)


# common nouns that name actors even without a country or sector ("urging all parties")
_ACTOR_NOUNS = frozenset(
    {
        "party",
        "side",
        "faction",
        "government",
        "authority",
        "leader",
        "official",
        "people",
        "civilian",
        "resident",
        "protester",
        "demonstrator",
        "community",
        "country",
        "nation",
        "state",
        "neighbour",
        "neighbor",
        "ally",
        "partner",
        "member",
        "rebel",
        "militant",
        "force",
        "group",
        "population",
        "citizen",
        "villager",
        "refugee",
        "worker",
        "student",
        "minority",
        "opposition",
        "supporter",
        "activist",
        "organisation",
        "organization",
        "administration",
        "hostage",
        "prisoner",
        "detainee",
        "captive",
        "diplomat",
        "soldier",
        "troop",
        "police",
    }
)
# heads whose "of"/"from" phrase names the actor ("a group of Moroccan diplomats")
_PARTITIVE = frozenset(
    {
        "group",
        "member",
        "leader",
        "delegation",
        "team",
        "some",
        "many",
        "one",
        "thousand",
        "hundred",
        "dozen",
        "number",
        "doctor",
        "head",
        "representative",
        "official",
        "members",
        "leaders",
    }
)


class _ActorFinder:
    """Mixin of ``EventCoder``: actor records for head tokens (needs ``_noun_lemmas``, the
    lemmas of the lexicon's noun rows)."""

    _noun_lemmas: frozenset[str]

    def _coordinated(self, ctx: _DocContext, head: Token | None) -> list[dict[str, Any]]:
        """The actors headed by ``head`` and the nouns coordinated with it ("Russia and China",
        "the ruling party and the opposition"), in text order; empty when ``head`` heads no
        actor itself ("the removal of X and his party": the removal is no party)."""
        if head is None or (first := self._actor(ctx, head)) is None:
            return []
        rest = conjuncts(head, groups=True)[1:]
        return [first, *(a for h in rest if (a := self._actor(ctx, h)) is not None)]

    def _complained_about(self, ctx: _DocContext, verb: Token) -> Token | None:
        """The party a complaint is about, named in its "over/about/against" phrase or inside
        it ("complained to the UN over Israeli raids" -> "Israeli raids"); None when there is
        none."""
        for _p, o in ea.prep_objects(verb, _TOPIC_PREPS):
            for h in [o, *inner_targets(o)]:
                if self._actor(ctx, h) is not None:
                    return h
        return None

    def _phrase_target(
        self,
        ctx: _DocContext,
        sent: Span,
        tok: Token,
        src: Token | None,
        sources: list[dict[str, Any]],
        theme: Token | None = None,
    ) -> list[dict[str, Any]]:
        """The first actor in the trigger's verb phrase (``verb_phrase_parties``)
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
        cands = verb_phrase_parties(tok)
        head = tok.head
        if tok.pos_ == "VERB" and tok.tag_ == "VBG" and tok.dep_ == "conj" and head.dep_ == "advcl":
            head = head.head
        if (
            tok.pos_ == "VERB"
            and tok.tag_ == "VBG"
            and tok.dep_ in ("advcl", "conj")
            and head.pos_ == "VERB"
            and head.i < tok.i
            and ea.subject_of(tok) is not None
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        ):
            cands += [t for t in verb_phrase_parties(head, adjuncts=True) if t.i < tok.i]
        tried: set[int] = set()
        for t in cands:
            # a modifier is tried after the phrase it modifies ("Moslem fundamentalist
            # demonstrators" before "Moslem"; "Kampuchean guerrilla camps" is no actor, then
            # "Kampuchean" is)
            heads = (
                [t.head]
                if t.dep_ in ("amod", "compound", "nmod", "npadvmod")
                and t.head.i > t.i
                and t.head.pos_ in ("NOUN", "PROPN")
                else []
            )
            for h in [*heads, t]:
                if h.i in tried or h.i in banned or any(a <= h.idx < b for a, b in taken):
                    continue
                tried.add(h.i)
                if is_place_noun(h) or any(
                    c.ent_type_ in ("DATE", "TIME") for c in h.children if c.i < h.i
                ):
                    continue  # "guerrilla camps": the modifier is the party, not the site;
                    # "a 30-day state of siege": a period, not a party
                a = self._actor_in_text(ctx, h)
                if (
                    a is None
                    or not (
                        a.get("entity_id")
                        or a.get("country")
                        or a.get("sector")
                        or h.pos_ == "PROPN"
                    )
                    or any(a["start_char"] < b and x < a["end_char"] for x, b in taken)
                ):
                    continue  # a bare common noun ("the state", "people") names no party
                return [self._actor(ctx, h) or a]
        return []

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
        if (
            a is not None
            and a.get("country")
            and (relational or any(t.lower_ == "ethnic" for t in head.subtree if t.i < head.i))
        ):
            # "ethnic Albanians", "ethnic Turks": a people, not the state their name comes from;
            # the place they are in decides. "Israel's militia ally", "a U.S. ally": the
            # possessor is the other side of the relation, not the actor's own country (a
            # demonym adjective still is: "Washington's Brazilian allies")
            own = [
                oa.demonym_country(t.text)
                for t in head.lefts
                if relational and t.dep_ == "amod" and t.ent_type_ == "NORP"
            ]
            a = {**a, "country": next((x for x in own if x), None)}
        if (
            a is not None
            and a.get("country")
            and head.tag_ in ("NNS", "NNPS")
            and oa.demonym_country(head.text) == a["country"]
        ):
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
            lefts = [
                t
                for t in head.lefts
                if t.dep_ in ("poss", "compound", "amod", "nmod") and t.idx < a["start_char"]
            ]
            if a.get("sector") == "IGO" and any(
                oa.leader_modifier(ctx.text[t.left_edge.idx : t.idx + len(t.text)]) for t in lefts
            ):
                # "the Saudi-led Gulf Cooperation Council": the leading member is not the
                # international body's country
                lefts = []
            if lefts:
                s0 = min(t.left_edge.idx for t in lefts)
                left_text = ctx.text[s0 : a["start_char"]].strip()
                country, sector = ctx.codes(left_text, "NORP")
                if not country and all(t.ent_type_ in _PLACE_LABELS for t in lefts):
                    # "Darfur rebels", "Chechnya's separatists": a region names the country
                    loc = gazetteer().resolve(left_text, None, ctx.us_context)
                    if loc["precision"] in ("admin1", "city"):
                        country = loc.get("country")
                if country:
                    a = {
                        **a,
                        **_sd(ctx.text, s0, a["end_char"]),
                        "country": country,
                        "sector": a.get("sector") or sector,
                    }
        if (
            a is not None
            and not a.get("country")
            and a.get("sector") not in ("IGO", "NGO")
            and (head.ent_type_ == "PERSON" or head.pos_ == "PROPN")
        ):
            # "Kenzo Oshima, the UN relief coordinator", "X, the foreign minister of Y": the
            # appositive title names the person's country or international body
            a = _with_appositive(ctx, head, a)
        if (
            a is not None
            and not a.get("country")
            and head.pos_ in ("NOUN", "PROPN")
            and head.ent_type_ not in _PLACE_LABELS
            and not relational
        ):
            # "Darfur rebels", "Chechnya separatists": a region modifying a group names its country
            mods = [
                t
                for t in head.lefts
                if t.dep_ == "compound" and t.ent_type_ in _PLACE_LABELS and not stance_prefixed(t)
            ]
            if mods:
                rng = actor_span(mods[-1])
                loc = gazetteer().resolve(
                    ctx.text[rng[0] : rng[1]] if rng else mods[-1].text, None, ctx.us_context
                )
                if loc["precision"] in ("admin1", "city") and loc.get("country"):
                    a = {**a, "country": loc["country"]}
        if (
            a is not None
            and not a.get("country")
            and (a.get("sector") in _STATE_SECTORS or head.lemma_.lower() == "force")
            and (owner := owner_country(ctx, head))
        ):
            # "Kenya said its soldiers in Somalia were attacked": the state the possessive
            # stands for owns its forces and officials
            a = {**a, "country": owner}
        if (
            a is not None
            and not a.get("country")
            and head.pos_ in ("NOUN", "PROPN")
            and a.get("sector") not in _NATIONLESS_SECTORS
        ):
            # "demonstrators in Baghdad", "rebels in the Ivory Coast", "a missionary from
            # Calgary": a group's place gives its country; a force's only its origin
            # ("soldiers of Uganda", not "soldiers in Somalia")
            force = a.get("sector") == "MIL" or head.lemma_.lower() == "force"
            country = _place_country(ctx, head, force=force)
            if country:
                a = {**a, "country": country}
        if (
            a is not None
            and not a.get("country")
            and head.pos_ == "NOUN"
            and a.get("sector") not in _NATIONLESS_SECTORS
        ):
            # "doctors from two American aid groups": people from a national body share its
            # country
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ == "from":
                    for o in c.children:
                        if (
                            o.dep_ == "pobj"
                            and (inner := self._actor_in_text(ctx, o))
                            and inner.get("country")
                        ):
                            return {**a, "country": inner["country"]}
        if (
            a is not None
            and not a.get("country")
            and head.pos_ == "NOUN"
            and a.get("sector") not in _NATIONLESS_SECTORS
        ):
            # "militants loyal to Iraq's al-Qaeda leader", "troops loyal to the Ivorian
            # president": followers take the country of the one they are loyal to
            for adj in head.children:
                if adj.dep_ != "amod" or adj.lower_ != "loyal":
                    continue
                for o in (
                    g
                    for p in adj.children
                    if p.dep_ == "prep" and p.lower_ == "to"
                    for g in p.children
                    if g.dep_ == "pobj"
                ):
                    if (inner := self._actor_in_text(ctx, o)) and inner.get("country"):
                        return {**a, "country": inner["country"]}
        if (
            a is None or not a.get("country") or head.lower_ in ("group", "number")
        ) and head.lemma_.lower() in _PARTITIVE:
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
        rng = actor_span(head)
        if rng is None:
            return None
        doc = head.doc
        start, end = rng
        ent = entity_at(doc, start, end)
        party_of = (
            ent is not None
            and ent.get("sector") == "PTY"
            and not any(
                m["start_char"] <= head.idx < m["end_char"] for m in ent.get("mentions", [])
            )
        )
        if party_of:
            # "Democratic lawmakers", "Republican voters": the party adjective modifies the
            # actor, it is not it; the phrase still names a group of the party's people
            ent = None
        if ent is not None:
            country, sector = ent.get("country"), ent.get("sector")
            if not country and (not sector or head.ent_type_ != "PERSON"):
                # the entity has a sector but its nationality is in the phrase ("Turkish Kurd
                # refugees", "the Iraqi government")
                c2, s2 = ctx.codes(ctx.text[start:end], head.ent_type_)
                # "U.N. war crimes court", "NATO troops", "Red Cross officials": an
                # international body's own organ, force or staff is coded as the body (CAMEO
                # puts the IGO code first)
                country, sector = c2, (s2 if s2 in _NATIONLESS_SECTORS and not c2 else sector or s2)
            return {
                **_sd(ctx.text, start, end),
                "entity_id": ent.get("id"),
                "name": ent.get("name") or ctx.text[start:end],
                "country": country,
                "sector": sector,
            }
        if head.pos_ == "PRON":
            return None  # an unresolved pronoun names no one
        if head.lemma_.lower() in self._noun_lemmas and head.pos_ != "PROPN":
            return None  # an event noun ("protests turned into riots") is not an actor
        text = ctx.text[start:end]
        country, sector = ctx.codes(text, head.ent_type_)
        if not (
            country
            or sector
            or head.pos_ == "PROPN"
            or head.ent_type_ in _NAME_LABELS
            or head.lemma_.lower() in _ACTOR_NOUNS
            or party_of
        ):
            return None  # "deep disagreements", "violence": not an actor
        return {
            **_sd(ctx.text, start, end),
            "entity_id": None,
            "name": text,
            "country": country,
            "sector": sector,
        }

    def _place_actor(self, ctx: _DocContext, location: dict[str, Any]) -> dict[str, Any] | None:
        """The located place as an actor, with the place's country."""
        sp = location["span"]
        span = ctx.doc.char_span(sp["start_char"], sp["end_char"], alignment_mode="expand")
        a = self._actor(ctx, span.root) if span is not None and len(span) else None
        if a is None or not (a["start_char"] < sp["end_char"] and sp["start_char"] < a["end_char"]):
            a = {
                **_sd(ctx.text, sp["start_char"], sp["end_char"]),
                "entity_id": None,
                "name": sp["text"],
                "country": None,
                "sector": None,
            }
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
