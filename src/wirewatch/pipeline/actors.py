"""Finds actor mentions: names, IGOs, countries, demonyms, metonyms, sector nouns, pronouns.

``ActorRecognizer`` (factory ``wirewatch_actors``) runs after ``ner``, relabels GPE the NER
entities that are exactly a country's name but carry another label (below), and writes
``doc._.ww_mentions``: a list of dicts ordered by ``start_char``::

    {start_char, end_char, text, kind, entity_type, country, sector, name_key, descriptors}

``kind`` is a ``model.MentionKind``; ``name_key`` is the key coreference merges on (None for
pronouns); ``descriptors`` holds span dicts of title prefixes ("President" in "Kazakh President
Kassym-Jomart Tokayev"). ``wirewatch_coref`` adds ``entity_id``.

The small English model's NER faults are repaired by kind, from data, never per name:

* a demonym/country and title merged into a name ("Kazakh President X", labelled ORG) are split
  off: the rest is a PERSON with the title as descriptor, the title's sector and the country;
* a lone capitalised token labelled GPE/ORG/NORP that is the last word of a PERSON name
  elsewhere in the doc is that person's surname;
* a name the NER labels PERSON (or ORG) that is exactly a country's name is the country
  ("Sri Lanka has seen protests", "Jordan said"), unless a courtesy title comes before it
  ("Mr. Jordan" is a person) or it is a word of a full personal name in the same document
  ("Jordan said" after "Rep. Jim Jordan", "Chad said" after "Chad Morris"); one that is only
  part of a longer PERSON name ("Michael Jordan", "Chad Smith") is never a country; an
  ambiguous country name ("Niger", "Chad") that the NER labels WORK_OF_ART or PRODUCT counts
  as a name when the entity is exactly it;
* names in the actor tables (countries, demonyms, capitals and seats of power, IGOs, national
  institutions) override NER labels; an NER span fully lower-case is dropped;
* a capital is the government ("Moscow said") unless it is used as a place: the object of a
  locative preposition ("protests in (central) Moscow") or a noun modifier ("Moscow residents");
  a place mention has key ``PLACE:<name>`` and no sector;
* a national institution named without its country ("Supreme Court", listed as USA) takes the
  country of a country name or demonym right before it ("Kenya's Supreme Court");
* a country after "anti-"/"pro-" is a stance, not a nationality ("an anti-Syria journalist" is not
  SYR);
* a capital names a place of another state (key ``PLACE:<name>``, no sector) on a date before its
  own state existed ("Juba" in 2000 is SDN: ``successor_states.tsv``) or when it shares its name
  with a large city of the one country its sentence names instead ("Tripoli ... the north
  Lebanese port" is LBN).

PETRARCH/Phoenix dictionaries (config ``actor_dictionaries``, ``agent_dictionaries``, and the
bundled ``leaders.actors.txt`` unless ``use_default_leaders`` is false) are applied last, on the
document's publication date (``doc._.ww_pub_date``, else today): their codes set ``country`` and
``sector`` (winning over the table guesses; the full code is kept as ``actor_code``) and add the
names the NER missed (see ``wirewatch.pipeline._actor_dicts``); a listed leader's name that
modifies a body gives it the leader's country ("the Clinton administration"). This is how
"President Vladimir Putin" is RUS GOV on a 2022 article: through data, not per-article rules.

Source: tables in ``wirewatch/resources`` via ``wirewatch.ontology.actors``; sector codes
CAMEO 1.1b3 ch. 4 / PLOVER 0.8.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
from spacy.attrs import LOWER, TAG
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from wirewatch.ontology import actors as onto
from wirewatch.pipeline import _actor_dicts as dicts
from wirewatch.pipeline.extensions import add_diagnostic, doc_text, span_dict
from wirewatch.pipeline.places import gazetteer

__all__ = [
    "ActorRecognizer",
    "PRONOUNS",
    "LOCATIVE_PREPS",
    "misspelled_country",
    "misspelled_country_at",
    "place_country",
    "stance_prefixed",
]

NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
# honorifics that only ever precede a person's name (general English usage; AP Stylebook
# "courtesy titles"): a country name after one is a surname ("Mr. Jordan")
_HONORIFICS = frozenset(
    {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "mx", "mx.", "sir", "dame"}
)


def _relabel_countries(doc: Doc, mentions: list[dict[str, Any]]) -> None:
    """Set the NER label of an entity that is exactly a country's name to GPE ("Sri Lanka"
    labelled PERSON, "Niger" WORK_OF_ART), so later components that read ``doc.ents`` (event
    places, actor countries) see the place the actor recogniser found. Only whole entities
    whose text the recogniser coded as a country (kind name/acronym, ``GPE:<iso3>`` key) are
    relabelled; a person named like a country ("Mr. Jordan") was never coded one."""
    spans = {
        (m["start_char"], m["end_char"])
        for m in mentions
        if m["entity_type"] == "GPE" and str(m.get("name_key") or "").startswith("GPE:")
    }
    ents = list(doc.ents)
    fixed = [
        Span(doc, e.start, e.end, label="GPE")
        if e.label_ not in ("GPE", "LOC", "NORP") and (e.start_char, e.end_char) in spans
        else e
        for e in ents
    ]
    if any(a is not b for a, b in zip(fixed, ents, strict=True)):
        doc.ents = fixed


def _honorific_before(doc: Doc, i: int) -> bool:
    """Whether the token before ``doc[i]`` is a courtesy title ("Mr.", "Ms", "Dr.")."""
    return i > 0 and doc[i - 1].lower_ in _HONORIFICS


PRONOUNS = frozenset(
    "he him his himself she her hers herself it its itself "
    "they them their theirs themselves".split()
)
LOCATIVE_PREPS = frozenset("in at near outside inside around across into throughout".split())
_TRIM_LEFT = frozenset({"the", "a", "an"})
_TRIM_RIGHT = frozenset({"'s", "\u2019s", "'", "\u2019"})
_TITLE_MODIFIERS = frozenset(
    {
        "former",
        "acting",
        "then",
        "then-",
        "ex",
        "deputy",
        "interim",
        "ousted",
        "deposed",
        "exiled",
        "late",
    }
)
# modifiers that make a state title a past one: CAMEO codes former officials as elites (ELI)
_PAST_MODIFIERS = frozenset({"former", "ex", "ousted", "deposed", "exiled", "late"})
_STATE_TITLE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
# "anti-Syria", "pro-Moscow", "anti-American": a stance toward a country, not membership of it
_STANCE_PREFIXES = frozenset({"anti", "pro"})
_HYPHENS = frozenset({"-", "\u2010", "\u2011", "\u2013"})


# the adjectives of the two US parties, which spaCy labels NORP ("Republican lawmakers",
# "Democratic administrations"); written alone they name the party, not a people
US_PARTY_ADJECTIVES = frozenset({"Republican", "Democratic", "Democrat"})


def _party_adjective(span: Span) -> bool:
    """A lone US party adjective modifying a common noun ("Republican senators", "both
    Republican and Democratic administrations"), not part of another state's party or body
    ("Social Democratic", "Irish Republican", "the Republican Guard")."""
    if len(span) != 1 or span.text not in US_PARTY_ADJECTIVES:
        return False
    tok = span[0]
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "Republican and Democratic administrations"
    noun = first.head
    if first.dep_ not in ("amod", "compound") or noun.pos_ != "NOUN" or not noun.text.islower():
        return False
    return not any(c.dep_ in ("amod", "compound") and c.text[:1].isupper() for c in tok.children)


def _code_us_parties(doc: Doc, mentions: list[dict[str, Any]]) -> None:
    """Give the party mentions of ``_party_adjective`` the United States, and the government
    or legislature body they modify ("Democratic administrations", "Republican lawmakers")
    the United States when it has no country, once the text names the United States; a
    text that never does may be about another state's Democratic party. Changes
    ``mentions`` in place.

    Source: CAMEO manual 1.1b3 ch. 4 (parties, GOV and LEG coded by their state).
    """
    parties = [
        m
        for m in mentions
        if m.get("sector") == "PTY" and str(m.get("name_key", "")).startswith("ORG:party:")
    ]
    if not parties or not any(m.get("country") == "USA" for m in mentions):
        return
    for p in parties:
        p["country"] = "USA"
        span = doc.char_span(p["start_char"], p["end_char"])
        if span is None:
            continue
        first = span[0]
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        noun = first.head
        for m in mentions:
            if (
                m["start_char"] <= noun.idx < m["end_char"]
                and not m.get("country")
                and m.get("sector") in ("GOV", "LEG")
                and m.get("kind") != "pronoun"
            ):
                m["country"] = "USA"


def _mention(
    doc: Doc,
    start: int,
    end: int,
    kind: str,
    entity_type: str | None,
    country: str | None = None,
    sector: str | None = None,
    name_key: str | None = None,
    descriptors: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A mention dict for the code-point range [start, end)."""
    d = span_dict(doc, start, end)
    d.update(
        kind=kind,
        entity_type=entity_type,
        country=country,
        sector=sector,
        name_key=name_key,
        descriptors=descriptors or [],
    )
    return d


def _forms(word: str) -> list[str]:
    """The word and its regular English plurals (matching is on LOWER, not on lemmas)."""
    out = [word, word + "s", word + "es"]
    if word.endswith("y"):
        out.append(word[:-1] + "ies")
    if word.endswith("man"):
        out.append(word[:-3] + "men")
    out.extend(k for k, v in onto._IRREGULAR_SINGULAR.items() if v == word)  # "children"
    return out


class ActorRecognizer:
    """Finds actor mentions: names, IGOs, countries, demonyms, metonyms, sector nouns, pronouns.

    Args:
        nlp: the pipeline (its tokenizer builds the phrase patterns).
        name: component name.
        actor_dictionaries: paths of PETRARCH/Phoenix actor dictionaries (``[KAZGOV >190320]``);
            earlier files win where matches overlap.
        agent_dictionaries: paths of PETRARCH agent dictionaries (``PRESIDENT [~GOV]``).
        use_default_leaders: also apply the bundled ``leaders.actors.txt`` (after the user's).

    Raises:
        ConfigError: a dictionary file is missing or malformed (the message names file:line).
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        actor_dictionaries: list[str] | tuple[str, ...] = (),
        agent_dictionaries: list[str] | tuple[str, ...] = (),
        use_default_leaders: bool = True,
    ) -> None:
        self.name = name
        self._dicts = dicts.ActorDictionaries(
            actor_dictionaries, agent_dictionaries, use_default_leaders
        )
        vocab = nlp.vocab
        # Case-sensitive names: countries, demonyms, seats of power, IGOs.
        self._names = PhraseMatcher(vocab, attr="ORTH")
        self._payload: dict[str, dict[str, Any]] = {}
        pats: dict[str, list[str]] = {"COUNTRY": [], "DEMONYM": [], "METONYM": [], "IGO": []}
        for c in onto.countries():
            pats["COUNTRY"] += [n for n in c.names if not n.startswith("the ")]
            pats["DEMONYM"] += list(c.demonyms)
        pats["METONYM"] = [m.text for m in onto.metonyms()]
        for g in onto.igos():
            pats["IGO"] += ([g.acronym] if g.acronym else []) + list(g.names)
        for label, texts in pats.items():
            variants = {t for t in texts} | {t.replace("'", "\u2019") for t in texts}
            self._names.add(label, [nlp.make_doc(t) for t in sorted(variants)])
        # Titles (case-insensitive): "Foreign Minister", "secretary of state".
        self._titles = PhraseMatcher(vocab, attr="LOWER")
        self._titles.add("TITLE", [nlp.make_doc(t) for t in onto.titles()])
        # Group / institution nouns with a sector; the last word also matches its plural.
        # (a PhraseMatcher over the expanded forms: several times faster than a token Matcher)
        self._groups = PhraseMatcher(vocab, attr="LOWER")
        group_forms = {
            " ".join([*noun.split()[:-1], form])
            for noun in onto.sector_nouns()
            for form in _forms(noun.split()[-1])
        }
        self._groups.add("GROUP", [nlp.make_doc(t) for t in sorted(group_forms)])
        # third-person pronouns by hash (one array pass; a token Matcher costs ~10x more)
        self._pronoun_hashes = np.array(
            [vocab.strings.add(p) for p in sorted(PRONOUNS)], dtype=np.uint64
        )
        self._pronoun_tags = np.array([vocab.strings.add(t) for t in ("PRP", "PRP$")], np.uint64)

    # ----------------------------------------------------------------------------- matching
    def _pronoun_starts(self, doc: Doc) -> list[int]:
        """Indices of third-person pronouns: LOWER in ``PRONOUNS`` and TAG PRP or PRP$."""
        arr = doc.to_array([LOWER, TAG])
        if not len(arr):
            return []
        hit = np.isin(arr[:, 0], self._pronoun_hashes) & np.isin(arr[:, 1], self._pronoun_tags)
        return [int(i) for i in np.flatnonzero(hit)]

    def _name_matches(self, doc: Doc, ent_of: list[int]) -> list[Span]:
        """Table names that stand: longest first; capitals and ambiguous names only inside NER."""
        spans = []
        any_ent = {(e.start, e.end) for e in doc.ents}
        for match_id, start, end in self._names(doc):
            label = doc.vocab.strings[match_id]
            span = Span(doc, start, end, label=label)
            text = span.text
            needs_ner = False
            if label == "COUNTRY":
                c = onto.country_code(text)
                needs_ner = c is None or any(
                    x.ambiguous for x in onto.countries() if x.iso3 == c and text in x.names
                )
            elif label == "METONYM":
                m = onto.metonym(text)
                needs_ner = m is None or m.ambiguous or m.kind == "capital"
            if (
                needs_ner
                and all(ent_of[i] < 0 for i in range(start, end))
                and not (label == "COUNTRY" and (start, end) in any_ent)
            ):
                # an ambiguous country name ("Niger", "Chad") needs the NER to call it a name;
                # the small model sometimes labels one WORK_OF_ART or PRODUCT: a name all the
                # same, when the entity is exactly the country's name
                continue
            spans.append(span)
        spans.sort(key=lambda s: (-(s.end - s.start), s.start))
        taken: set[int] = set()
        out = []
        for s in spans:
            if taken.isdisjoint(range(s.start, s.end)):
                out.append(s)
                taken.update(range(s.start, s.end))
        return sorted(out, key=lambda s: s.start)

    def _table_mention(self, doc: Doc, span: Span, main: str | None) -> dict[str, Any] | None:
        text = span.text
        a, b = span.start_char, span.end_char
        if span.label_ == "COUNTRY":
            code = onto.country_code(text)
            kind = "acronym" if onto._is_acronym(text) else "name"
            return _mention(doc, a, b, kind, "GPE", code, None, f"GPE:{code}")
        if span.label_ == "DEMONYM":
            code = onto.demonym_country(text)
            return _mention(doc, a, b, "demonym", "GPE", code, None, f"GPE:{code}")
        if span.label_ == "IGO":
            g = onto.igo(text)
            if g is None:
                return None
            key = g.acronym or g.names[0]
            kind = "acronym" if text == g.acronym or onto._is_acronym(text) else "name"
            etype = "IGO" if g.sector in ("IGO", "JUD") else "ORG"
            return _mention(doc, a, b, kind, etype, None, g.sector, f"IGO:{key}")
        m = onto.metonym(text)
        if m is None:
            return None
        if m.kind == "institution":
            kind = "acronym" if onto._is_acronym(text) else "name"
            key = f"ORG:{m.country}:{m.text}"
            return _mention(doc, a, b, kind, "ORG", m.country, m.sector, key)
        if m.kind == "capital" and (elsewhere := place_country(span, m.country)) != m.country:
            # "Juba" before South Sudan existed, "Tripoli" in a sentence about Lebanon
            return _mention(doc, a, b, "name", "GPE", elsewhere, None, f"PLACE:{m.text}")
        if m.kind == "capital" and _used_as_place(doc, span):
            # "protests in Moscow", "Moscow residents": a place, not the government
            return _mention(doc, a, b, "name", "GPE", m.country, None, f"PLACE:{m.text}")
        return _mention(doc, a, b, "metonym", "GPE", m.country, m.sector, f"GOV:{m.country}")

    # -------------------------------------------------------------------------- NER repair
    @staticmethod
    def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
        while start < end and (doc[start].lower_ in _TRIM_LEFT or doc[start].is_punct):
            start += 1
        while end > start and (doc[end - 1].lower_ in _TRIM_RIGHT or doc[end - 1].is_punct):
            end -= 1
        return start, end

    def _title_before(
        self, doc: Doc, pos: int, title_end: dict[int, int], table_at: dict[int, Span]
    ) -> tuple[int, int, int, str | None]:
        """Title (and demonym) ending at token ``pos``: (title_start, title_end, prefix_start,
        country); title_start == title_end when there is none."""
        t_start = title_end.get(pos, -1)
        if t_start < 0:
            return pos, pos, pos, None
        first = t_start
        while first > 0 and doc[first - 1].lower_ in _TITLE_MODIFIERS:
            first -= 1
        country = None
        prev = table_at.get(first - 1)
        if (
            prev is not None
            and prev.label_ in ("COUNTRY", "DEMONYM")
            and not stance_prefixed(doc[prev.start])
        ):
            country = onto.country_code(prev.text) or onto.demonym_country(prev.text)
            first = prev.start
        return t_start, pos, first, country

    def _person(
        self, doc: Doc, start: int, end: int, title: tuple[int, int, int, str | None]
    ) -> dict[str, Any]:
        t_start, t_end, first, country = title
        descriptors, sector = [], None
        if t_end > t_start:
            tspan = doc[t_start:t_end]
            descriptors = [span_dict(doc, tspan.start_char, tspan.end_char)]
            sector = onto.title_sector(tspan.text)
            country = country or onto.title_country(tspan.text)
            if sector in _STATE_TITLE_SECTORS and any(
                t.lower_ in _PAST_MODIFIERS for t in doc[first:t_start]
            ):
                sector = "ELI"  # "former Prime Minister X", "ousted President Y"
            if (
                not country
                and t_start > 0
                and onto.actor_codes(doc[t_start - 1].text, "ORG") == (None, "IGO")
            ):
                sector = "IGO"  # "U.N. mediator X", "EU envoy Y": the body's official
        span = doc[start:end]
        return _mention(
            doc,
            span.start_char,
            span.end_char,
            "name",
            "PERSON",
            country,
            sector,
            f"PERSON:{doc[end - 1].text.lower()}",
            descriptors,
        )

    # -------------------------------------------------------------------------------- call
    def __call__(self, doc: Doc) -> Doc:
        mentions: list[dict[str, Any]] = []
        try:
            mentions = self.find(doc)
        except Exception as exc:  # noqa: BLE001 - one bad doc must not sink a batch
            add_diagnostic(doc, self.name, f"actor recognition failed: {exc!r}")
        doc._.ww_mentions = mentions
        _relabel_countries(doc, mentions)
        return doc

    def find(self, doc: Doc) -> list[dict[str, Any]]:
        """All actor mentions of ``doc``, ordered by start_char (see the module docstring)."""
        n = len(doc)
        ents = [e for e in doc.ents if e.label_ in NER_LABELS]
        ent_of = [-1] * n
        for k, e in enumerate(ents):
            for i in range(e.start, e.end):
                ent_of[i] = k
        table_spans = self._name_matches(doc, ent_of)
        table_at: dict[int, Span] = {}
        for s in table_spans:
            table_at[s.start] = s
            table_at[s.end - 1] = s
        strong = [s for s in table_spans if s.label_ == "IGO" or _is_institution(s.text)]
        covered = [False] * n  # tokens in a table name
        for s in table_spans:
            for i in range(s.start, s.end):
                covered[i] = True
        title_end: dict[int, int] = {}  # token after a title -> title start (longest)
        title_tok = [False] * n
        for _, ts, te in self._titles(doc):
            if not any(t.is_title or t.is_upper for t in doc[ts:te]) and not (
                te < n
                and ent_of[te] >= 0
                and ents[ent_of[te]].label_ == "PERSON"
                and ents[ent_of[te]].start == te
            ):
                # pre-nominal titles are capitalised ("Foreign Minister"), unless a person's
                # name follows at once ("former prime minister Ivo Marek")
                continue
            if te not in title_end or ts < title_end[te]:
                title_end[te] = ts
        mentions: list[dict[str, Any]] = []

        # words of the document's full personal names ("Jim Jordan", "Chad Morris"): a lone
        # PERSON token that is one of them is that person even when it is a country's name
        full_names = [e for e in ents if e.label_ == "PERSON" and len(e) >= 2]
        name_words = {t.text for e in full_names for t in e if t.text[:1].isupper()}
        surnames_early = {e[-1].text for e in full_names}
        # 1. NER names, repaired; persons first so lone surnames can be recognised after.
        pending: list[tuple[int, int, str]] = []
        person_spans: list[tuple[int, int]] = []
        for e in ents:
            try:
                a, b = self._trim(doc, e.start, e.end)
                if a >= b or not any(t.text[:1].isupper() for t in doc[a:b]):
                    continue
                if e.label_ == "PERSON" and (
                    _honorific_before(doc, a) or (b - a == 1 and doc[a].text in name_words)
                ):
                    # "Mr. Jordan"; "Jordan said" after "Rep. Jim Jordan", "Chad said" after
                    # "Chad Morris": a person whose name is also a country's
                    m = self._person(doc, a, b, (a, a, a, None))
                    if doc[a].text in surnames_early:
                        m["kind"] = "surname"
                    mentions.append(m)
                    person_spans.append((a, b))
                    continue
                if all(covered[i] for i in range(a, b)):
                    continue  # a table name (country, IGO, …) says it better
                if any(s.start < b and a < s.end for s in strong):
                    continue  # "Shanghai Cooperation Organization (SCO" -> the IGO match
                # strip a demonym/country + title prefix: "Kazakh President Kassym-Jomart Tokayev"
                p = a
                while p < b and (covered[p] or doc[p].lower_ in _TITLE_MODIFIERS):
                    p += 1
                title_here = None
                for te in range(b - 1, p, -1):
                    if title_end.get(te) == p:
                        title_here = te
                        break
                if title_here is not None:
                    if title_here >= b:
                        continue
                    rest = doc[title_here:b]
                    if all(t.text[:1].isupper() or t.is_punct for t in rest):
                        for i in range(title_here, b):
                            title_tok[i] = True
                        title = self._title_before(doc, title_here, title_end, table_at)
                        mentions.append(self._person(doc, title_here, b, title))
                        person_spans.append((title_here, b))
                        continue
                if any(
                    title_end.get(te) is not None and title_end[te] <= a < te
                    for te in range(a + 1, b + 1)
                ):
                    continue  # "State" inside "Secretary of State"
                if e.label_ == "PERSON":
                    title = self._title_before(doc, a, title_end, table_at)
                    mentions.append(self._person(doc, a, b, title))
                    person_spans.append((a, b))
                    continue
                pending.append((a, b, e.label_))
            except Exception as exc:  # noqa: BLE001
                add_diagnostic(
                    doc,
                    self.name,
                    f"skipped entity: {exc!r}",
                    span_dict(doc, e.start_char, e.end_char),
                )

        surnames = {doc[b - 1].text for a, b in person_spans if b - a >= 2}
        for a, b, label in pending:
            span = doc[a:b]
            if b - a == 1 and span.text in surnames:
                mentions.append(
                    _mention(
                        doc,
                        span.start_char,
                        span.end_char,
                        "surname",
                        "PERSON",
                        None,
                        None,
                        f"PERSON:{span.text.lower()}",
                    )
                )
                person_spans.append((a, b))
                continue
            if label in ("LOC", "FAC"):
                continue  # regions and buildings are places, not actors
            if label in ("NORP", "GPE") and stance_prefixed(doc[a]):
                continue  # "pro-Russian", "anti-American": a stance, not an actor
            if label == "NORP" and _party_adjective(span):
                # "both Republican and Democratic administrations": a party, not a people
                mentions.append(
                    _mention(
                        doc,
                        span.start_char,
                        span.end_char,
                        "name",
                        "ORG",
                        None,
                        "PTY",
                        f"ORG:party:{span.text.lower()}",
                    )
                )
                continue
            country = None
            first = table_at.get(a)
            if first is not None and first.label_ in ("COUNTRY", "DEMONYM") and first.end < b:
                country = onto.country_code(first.text) or onto.demonym_country(first.text)
            if b - a == 1 and first is None and (country := misspelled_country_at(doc[a])):
                # "Afganistan", "Ethopia" (often labelled an organisation): a misspelled country
                label = "NORP" if label == "NORP" else "GPE"
            if label == "GPE" and country is None and b - a <= 3:
                # "Almaty", "Mosul": a city that only one country has a large namesake of is in
                # that country (GeoNames via the gazetteer)
                only = gazetteer().city_countries(span.text)
                if len(only) == 1:
                    country = next(iter(only))
            sector = None
            if label == "ORG":  # "University of Pittsburgh" -> EDU
                sector = next((x for x in (onto.sector_of(t.text) for t in span) if x), None)
            key = f"{label}:{onto.normalize(span.text).lower()}"
            mentions.append(
                _mention(doc, span.start_char, span.end_char, "name", label, country, sector, key)
            )
        for m in mentions:
            if m["entity_type"] == "PERSON" and " " not in m["text"] and m["text"] in surnames:
                m["kind"] = "surname"
        person_tok = [False] * n
        for a, b in person_spans:
            for i in range(a, b):
                person_tok[i] = True

        # 2. Table names: countries, demonyms, capitals/seats, IGOs, institutions.
        counts: Counter[str] = Counter()
        first_country: str | None = None
        table_mentions = []
        for s in table_spans:
            if any(person_tok[i] for i in range(s.start, s.end)):
                continue  # "Jordan" inside "Michael Jordan"
            if stance_prefixed(doc[s.start]):
                continue  # "anti-Syria", "pro-Russian": a stance toward the state, not an actor
            try:
                tm = self._table_mention(doc, s, None)
            except Exception as exc:  # noqa: BLE001
                add_diagnostic(
                    doc,
                    self.name,
                    f"skipped name: {exc!r}",
                    span_dict(doc, s.start_char, s.end_char),
                )
                continue
            if tm is None:
                continue
            if tm["entity_type"] == "ORG" and (owner := _owner_country(doc, s, table_at)):
                # "Pakistan's Supreme Court", "the Israeli Supreme Court": a national body named
                # without its country in the table belongs to the country that owns it here
                tm["country"] = owner
                tm["name_key"] = f"ORG:{owner}:{onto.normalize(s.text)}"
            table_mentions.append(tm)
            if tm["name_key"].startswith("GPE:") and tm["country"]:
                counts[tm["country"]] += 1
                first_country = first_country or tm["country"]
        mentions += table_mentions
        main = _main_country(counts, first_country)

        # 3. Group nouns with a sector: "police", "Russian troops", "the government".
        used = [covered[i] or person_tok[i] or title_tok[i] or ent_of[i] >= 0 for i in range(n)]
        groups = [Span(doc, s, e) for _, s, e in self._groups(doc)]
        groups.sort(key=lambda s: (-(s.end - s.start), s.start))
        for s in groups:
            try:
                if any(used[i] for i in range(s.start, s.end)):
                    continue
                head = doc[s.end - 1]
                if head.dep_ == "compound" or head.pos_ not in ("NOUN", "PROPN"):
                    continue  # "a police state", "state-run"
                if head.i in title_end or (head.i + 1) in title_end:
                    continue  # "journalist John Smith" is a title
                for i in range(s.start, s.end):
                    used[i] = True
                self_m = self._group(doc, s, table_at, main)
                mentions.append(self_m)
            except Exception as exc:  # noqa: BLE001
                add_diagnostic(
                    doc,
                    self.name,
                    f"skipped group noun: {exc!r}",
                    span_dict(doc, s.start_char, s.end_char),
                )

        # 4. Third-person pronouns: resolved by wirewatch_coref.
        for p_start in self._pronoun_starts(doc):
            t = doc[p_start]
            mentions.append(_mention(doc, t.idx, t.idx + len(t.text), "pronoun", None))

        # 5. PETRARCH/Phoenix dictionaries: codes win; names the NER missed are added.
        if self._dicts:
            try:
                hits, agent_hits = self._dicts.match(doc)
                self._apply_dictionaries(doc, mentions, hits, agent_hits, table_at)
            except Exception as exc:  # noqa: BLE001
                add_diagnostic(doc, self.name, f"dictionary matching failed: {exc!r}")

        _code_us_parties(doc, mentions)
        mentions.sort(key=lambda m: (m["start_char"], -m["end_char"]))
        return mentions

    def _apply_dictionaries(
        self,
        doc: Doc,
        mentions: list[dict[str, Any]],
        hits: list[dicts.DictHit],
        agent_hits: list[tuple[int, int, str]],
        table_at: dict[int, Span],
    ) -> None:
        """Write dictionary codes onto ``mentions`` and append the mentions the NER missed."""
        text = doc_text(doc)
        surnames = {
            m["text"].split()[-1]
            for m in mentions
            if m["entity_type"] == "PERSON" and " " in m["text"]
        }
        for h in hits:
            m = dicts.best_overlap(mentions, h.start_char, h.end_char)
            if m is not None and m["end_char"] > h.end_char:
                # the name modifies a longer mention: "Biden administration", "Putin's
                # government"; a leader's name still tells the body's country
                if (
                    h.persons
                    and h.country
                    and not m["country"]
                    and m["kind"] != "pronoun"
                    and m["start_char"] <= h.start_char
                ):
                    m["country"] = h.country
                continue
            if m is None:
                etype = dicts.guess_type(text, h, surnames)
                m = _mention(
                    doc,
                    h.start_char,
                    h.end_char,
                    "name",
                    etype,
                    None,
                    None,
                    dicts.name_key(text, h, etype),
                )
                mentions.append(m)
            elif h.persons and m["entity_type"] != "PERSON" and m["kind"] in ("name", "surname"):
                # the NER called a listed leader an ORG/GPE ("Tileuberdi" as ORG)
                m["entity_type"] = "PERSON"
                m["name_key"] = f"PERSON:{m['text'].split()[-1].lower()}"
            m["actor_code"] = h.code
            if h.persons and h.country:
                _leader_owns(doc, mentions, h)
            if h.country:
                m["country"] = h.country
            if h.sector and not (h.sector == "ELI" and _holds_title(doc, m)):
                m["sector"] = h.sector
        used = [False] * len(doc)
        for m in mentions:
            if m["kind"] == "pronoun":
                continue
            span = doc.char_span(m["start_char"], m["end_char"], alignment_mode="expand")
            if span is not None:
                for i in range(span.start, span.end):
                    used[i] = True
        for i, j, code in agent_hits:
            a, b = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
            owner = next(
                (
                    m
                    for m in mentions
                    if m["kind"] != "pronoun"
                    and any(d["start_char"] <= a and b <= d["end_char"] for d in m["descriptors"])
                ),
                None,
            )
            if owner is None:  # "President" before a name is in that person's descriptors
                owner = dicts.best_overlap(mentions, a, b)
                if owner is not None and owner["kind"] != "group":
                    continue  # part of a name: "Council" in "Atlantic Council"
            if owner is not None:
                if not (owner.get("actor_code") and owner["sector"]):
                    owner["sector"] = code
                continue
            head = doc[j - 1]
            if (
                any(used[k] for k in range(i, j))
                or head.pos_ not in ("NOUN", "PROPN")
                or head.dep_ == "compound"
            ):
                continue  # a title before a name, "police state"
            for k in range(i, j):
                used[k] = True
            g = self._group(doc, doc[i:j], table_at, None)
            g["sector"] = code
            lemma = head.lemma_.lower() or head.lower_
            g["name_key"] = f"GROUP:{g['country']}:{code}:{lemma}"
            mentions.append(g)

    def _group(
        self, doc: Doc, s: Span, table_at: dict[int, Span], main: str | None
    ) -> dict[str, Any]:
        words = " ".join(t.lower_ for t in s)
        sector = onto.sector_of(words)
        table = onto.sector_nouns()
        etype = "GROUP"
        for form in (
            words,
            *(" ".join([*words.split()[:-1], w]) for w in onto._singular(words.split()[-1])),
        ):
            if form in table:
                etype = table[form][1]
                break
        start = s.start
        country = None
        prev = table_at.get(s.start - 1)
        if (
            prev is not None
            and prev.label_ in ("COUNTRY", "DEMONYM")
            and not stance_prefixed(doc[prev.start])
        ):
            country = onto.country_code(prev.text) or onto.demonym_country(prev.text)
            start = prev.start
        if country is None:
            for child in doc[s.end - 1].children:
                if child.dep_ in ("poss", "amod", "compound", "nmod") and not stance_prefixed(
                    child
                ):
                    sp = table_at.get(child.i)
                    if sp is not None and sp.label_ in ("COUNTRY", "DEMONYM", "METONYM"):
                        m = onto.metonym(sp.text)
                        country = (
                            onto.country_code(sp.text)
                            or onto.demonym_country(sp.text)
                            or (m.country if m else None)
                        )
        modified = any(
            c.dep_ in ("poss", "amod", "compound", "nmod") for c in doc[s.end - 1].children
        )
        if country is None and sector in ("GOV", "COP") and not modified:
            country = main  # "the government", "police": the article's main country
        lemma = doc[s.end - 1].lemma_.lower() or doc[s.end - 1].lower_
        span = doc[start : s.end]
        return _mention(
            doc,
            span.start_char,
            span.end_char,
            "group",
            etype,
            country,
            sector,
            f"GROUP:{country}:{sector}:{lemma}",
        )


def _holds_title(doc: Doc, m: dict[str, Any]) -> bool:
    """The text gives ``m`` a current office: a title with a sector, not "former X"; it beats a
    dictionary's out-of-office (ELI) code, e.g. on an undated article coded at today's date."""
    if not m["sector"] or not m["descriptors"]:
        return False
    d = m["descriptors"][0]
    span = doc.char_span(d["start_char"], d["end_char"], alignment_mode="expand")
    if span is None:
        return False
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    return before not in {"former", "ex", "then", "then-"}


def _leader_owns(doc: Doc, mentions: list[dict[str, Any]], h: dicts.DictHit) -> None:
    """A listed leader's name modifying a body gives it the leader's country: "the Obama
    administration", "Putin's government" (the body's mention has no country of its own)."""
    span = doc.char_span(h.start_char, h.end_char, alignment_mode="expand")
    if span is None:
        return
    last = span[-1]
    if last.i + 1 < len(doc) and doc[last.i + 1].lower_ in _TRIM_RIGHT:
        last = doc[last.i + 1]
    if last.dep_ not in ("compound", "poss", "case"):
        return
    head = last.head.head if last.dep_ == "case" else last.head
    if head.i <= last.i:
        return
    for m in mentions:
        if (
            m["kind"] == "group"
            and not m["country"]
            and m["start_char"] <= head.idx < m["end_char"]
        ):
            m["country"] = h.country


def _owner_country(doc: Doc, span: Span, table_at: dict[int, Span]) -> str | None:
    """Country of a country name or demonym right before ``span`` ("Kenya's", "Israeli"),
    or None."""
    i = span.start - 1
    if i >= 0 and doc[i].lower_ in _TRIM_RIGHT:
        i -= 1  # the possessive "'s"
    prev = table_at.get(i)
    if (
        prev is None
        or prev.end != i + 1
        or prev.label_ not in ("COUNTRY", "DEMONYM")
        or stance_prefixed(doc[prev.start])
    ):
        return None
    return onto.country_code(prev.text) or onto.demonym_country(prev.text)


def stance_prefixed(tok: Token) -> bool:
    """Whether ``tok`` (a country name, demonym or capital) follows "anti-" or "pro-": "an
    anti-Syria journalist", "pro-Moscow rebels", "anti-American protests" name a stance toward
    the country, not the actor's own nationality.

    Args:
        tok: the first token of the name.

    Returns:
        True when the token is written "anti-X"/"pro-X", is the "anti"/"pro" of such a
        word, or comes right after "anti"/"pro" + hyphen.
    """
    if tok.lower_.startswith(("anti-", "pro-")):
        return True
    doc, i = tok.doc, tok.i
    if tok.lower_ in _STANCE_PREFIXES and i + 1 < len(doc) and doc[i + 1].text in _HYPHENS:
        return True  # the span starts at "pro" of "pro-Russian"
    return i >= 2 and doc[i - 1].text in _HYPHENS and doc[i - 2].lower_ in _STANCE_PREFIXES


def misspelled_country(word: str) -> str | None:
    """The country a misspelled country name or demonym in news copy stands for.

    ``ontology.actors.near_country`` ("Afganistan" -> AFG, "Ethopia" -> ETH, "Phillippines" ->
    PHL: one edit from a country name or demonym of 7+ letters), unless the gazetteer knows the
    word as a place of its own ("Columbia" is a US city, not Colombia; "Granada" is not Grenada).

    Args:
        word: one capitalised token as written.

    Returns:
        ISO 3166-1 alpha-3 code, or None.

    Source:
        countries.tsv, country_lookalikes.tsv; GeoNames (via the gazetteer).
    """
    iso3 = onto.near_country(word)
    if iso3 is None or gazetteer().is_place_name(word):
        return None
    return iso3


# place-kind nouns whose "of" object names a place inside a country ("the state of Bolivar",
# "the province of Kandahar"), never a country
_SUBNATIONAL_KINDS = frozenset(
    {
        "state",
        "province",
        "city",
        "town",
        "village",
        "region",
        "district",
        "county",
        "municipality",
        "governorate",
        "prefecture",
        "department",
    }
)
_QUOTES = frozenset({"'", '"', "‘", "’", "“", "”", "``", "''"})


def misspelled_country_at(tok: Token) -> str | None:
    """``misspelled_country`` of a token where it stands alone as a country's name.

    Not a word of a longer proper name ("Movimiento Mocambique", "La Romana": a capitalised
    proper noun next to it), not a name in quotation marks ("the so-called 'Mocambique'": a
    label being introduced), and not the "of" object of a place-kind noun ("the state of
    Boliva", "the province of ..."), which names a place inside a country.

    Args:
        tok: a token of a parsed ``Doc``.

    Returns:
        ISO 3166-1 alpha-3 code, or None.
    """
    if not tok.is_title:
        return None
    iso3 = misspelled_country(tok.text)
    if iso3 is None:
        return None
    doc, i = tok.doc, tok.i
    near = [doc[j] for j in (i - 1, i + 1) if 0 <= j < len(doc)]
    if any(t.pos_ == "PROPN" and t.is_title for t in near):
        return None
    if len(near) == 2 and all(t.text in _QUOTES for t in near):
        return None
    if (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "of"
        and tok.head.head.lemma_.lower() in _SUBNATIONAL_KINDS
    ):
        return None
    return iso3


def place_country(span: Span, iso3: str | None) -> str | None:
    """The country a place named in the text belongs to here: the one rule for a place's
    country, used for actor mentions (capitals), group locatives and the event's location.

    ``iso3`` is the country the gazetteer or the capital table gives the name out of context.
    On the document date (``doc._.ww_pub_date``) before that state became independent, the
    place was the predecessor's (``ontology.actors.sovereign_on``: "Juba" in 2000 -> SDN).
    Otherwise, when the sentence names one or more countries (by name or demonym, not
    "anti-"/"pro-" stances) but not ``iso3`` itself, and the gazetteer has a large namesake
    city (``Gazetteer.city_countries``) in exactly one of them, that country ("Tripoli" and
    "the north Lebanese port" -> LBN, not LBY).

    Args:
        span: the place's tokens in a parsed ``Doc`` ("Tripoli", "Juba").
        iso3: ISO 3166-1 alpha-3 code of the place out of context, or None.

    Returns:
        ISO 3166-1 alpha-3 code of the place's state in this sentence on this date; ``iso3``
        unchanged when no rule applies (None stays None).

    Source:
        successor_states.tsv (UN admission dates); GeoNames city populations.
    """
    if not iso3:
        return iso3
    doc = span.doc
    pub = doc._.ww_pub_date
    then = onto.sovereign_on(iso3, str(pub) if pub else None)
    if then != iso3:
        return then
    sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
    named = {
        code
        for e in doc.ents
        if e.label_ in ("GPE", "NORP")
        and sent.start <= e.start
        and e.end <= sent.end
        and not (e.start < span.end and span.start < e.end)
        and not stance_prefixed(e[0])
        and (code := onto.country_code(e.text) or onto.demonym_country(e.text))
    }
    if not named or iso3 in named:
        return iso3
    alt = (gazetteer().city_countries(span.text) & named) - {iso3}
    return next(iter(alt)) if len(alt) == 1 else iso3


def _used_as_place(doc: Doc, span: Span) -> bool:
    """A capital used as a place: after a locative preposition ("in Moscow", "in central
    Moscow") or as a noun modifier ("Moscow residents", "the Almaty airport")."""
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ in LOCATIVE_PREPS:
        return True
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS:
        return True
    return root.dep_ == "compound" and root.head.pos_ == "NOUN"


def _is_institution(text: str) -> bool:
    m = onto.metonym(text)
    return m is not None and m.kind in ("institution", "seat")


def _main_country(counts: Counter[str], first: str | None) -> str | None:
    """The article's main country: the most mentioned one, if it leads clearly (1.2x the next)
    or is also the first country named."""
    if not counts:
        return None
    ranked = counts.most_common(2)
    top, n_top = ranked[0]
    if len(ranked) == 1 or n_top >= 1.2 * ranked[1][1] or (top == first and n_top > ranked[1][1]):
        return top
    return None
