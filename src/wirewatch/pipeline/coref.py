"""Merges mentions into entities (surname linking, pronouns, descriptors, affiliations).

``EntityLinker`` (factory ``wirewatch_coref``) reads ``doc._.ww_mentions`` (from
``wirewatch_actors``), writes ``doc._.ww_entities`` (dicts valid for ``model.Entity``, ordered by
first mention) and sets ``entity_id`` on every mention (None for an unresolved pronoun).

Rules, in order:

1. Names merge on ``name_key``: same surname -> one PERSON; a country's names, abbreviations and
   demonyms -> one GPE; an IGO's acronym and full name -> one IGO; "the State Department" and
   "State Department" -> one ORG; an acronym whose letters are the initials of an ORG named
   earlier joins it. Groups merge on their head noun, except that a possessed group ("his
   close family people", "Kazakhstan's people") joins only groups with the same possessor,
   and a singular group noun with an indefinite article ("an official", "another official")
   is a new referent that later definite singulars ("the official") join; a generic noun
   that is no actor ("a country") has no mention, hence no entity.
2. Person descriptors and affiliations come from the parse: an appositive ("John Herbst, a former
   U.S. ambassador to Ukraine") is a descriptor; the organisation in a possessive ("the Atlantic
   Council's John Herbst") or an of/at/from phrase ("Jennifer Murtazashvili, of the University
   of Pittsburgh and the Carnegie Endowment") is an affiliation. The descriptor's title gives the
   sector (titles.tsv) and a country or demonym before the title the country; a descriptor with
   no known title gives the codes of its phrase (``ontology.actors.actor_codes``, the helper
   the event coder reads actor spans with); "of <country>" after a name ("King Hassan of
   Morocco") gives the country; without a title, the first affiliation's sector is used.
3. Namesakes: a surname cluster holding full names with different listed given names ("Bill
   Clinton", "Hillary Clinton") is split into one PERSON per given name; a surname-only mention
   joins the namesake its honorific allows ("Mr."/"Mrs."), else the one named last before it.
   A PERSON entity is named by its mention that starts with a listed given name, without a
   dateline glued on by the NER ("CLEVELAND - Donald Trump" -> "Donald Trump").
4. Pronouns, by salience (Lappin & Leass 1994: recency 100, subject 80, object 50, oblique 40,
   head noun 80, halved per narrative sentence back, four sentences; an entity counts its best
   mention): he/she -> a gender-compatible PERSON (gender from given_names.tsv, else from an
   honorific, a gendered appositive noun or a reflexive or possessive object of the name's
   verb, "Ana Ruiz defended herself"; unknown is compatible), among PERSON mentions,
   surnames the NER missed and earlier resolved pronouns; a reporting pronoun ("..., he says")
   favours the previous speaker; a name inside a quotation the pronoun is not in counts a tenth;
   co-arguments of one verb do not corefer ("Obama praised him"). "it"/"its" as subject of a
   reporting verb ("..., it tweeted") -> the most recent organisation, IGO or government
   subject; "its" -> nearest organisation or country in the sentence. "they"/"them"/"their" ->
   a plural GROUP/NORP/ORG noun at least as salient as the previous sentence's subject, stored
   as the pronoun mention's ``antecedent_id`` (not ``entity_id``: event coding reads linked
   pronouns as actor spans) and used to name attribution sources.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable
from typing import Any, NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from wirewatch.model import stable_id
from wirewatch.ontology import actors as onto
from wirewatch.pipeline._lexicons import reporting_verbs
from wirewatch.pipeline.extensions import add_diagnostic, doc_id, doc_text, span_dict

__all__ = ["EntityLinker", "REPORTING_VERBS"]

REPORTING_VERBS = reporting_verbs()  # one list: resources/reporting_verbs.txt
_SUBJ = frozenset({"nsubj", "nsubjpass"})
_MAIN = frozenset({"ROOT", "conj", "parataxis"})
_AFFIL_PREPS = frozenset({"of", "at", "from", "with", "for"})
_MALE = frozenset({"he", "him", "his", "himself"})
_FEMALE = frozenset({"she", "her", "hers", "herself"})
_NONPERSON = frozenset({"it", "its", "itself"})
_REFLEXIVE = frozenset({"himself", "herself"})
_PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
_PLURAL_TYPES = frozenset({"GROUP", "NORP", "ORG", "IGO"})
# "they" is resolved only to a plural noun at least as salient as the subject of the previous
# sentence (L&L weights: (recency + subject + head) / 2); a weaker one is left unresolved
_PLURAL_MIN = 130.0
_QUOTE_CHARS = re.compile("[\u201c\u201d\"]|''|``")  # ''…'' and ``…'': NYT, PTB
_STOP_INITIALS = frozenset({"of", "and", "the", "for", "in", "on", "&"})
_ORG_TYPES = frozenset({"ORG", "IGO"})
_IT_WINDOW_TOKENS = 200  # "it tweeted" looks back this many tokens for an organisation subject

# Salience of a he/she antecedent (Lappin & Leass 1994, section 2.1, weights as published):
# sentence recency 100, subject 80, accusative (direct object) 50, indirect object / oblique 40,
# head noun 80 (not a modifier inside another noun phrase); halved per sentence boundary.
_W_RECENCY = 100.0
_W_ROLE = {
    "nsubj": 80.0,
    "nsubjpass": 80.0,
    "dobj": 50.0,
    "dative": 40.0,
    "pobj": 40.0,
    "agent": 40.0,
    "attr": 40.0,
}
_W_HEAD = 80.0
_W_MAIN = 50.0  # L&L's "non-adverbial" emphasis, read here as: an argument of the main clause
_NON_HEAD = frozenset({"poss", "compound", "amod", "nmod", "npadvmod"})
_W_SPEAKER = 100.0  # "..., he said": the previous speaker (reporting-role parallelism)
_OTHER_SIDE = 0.1  # a name inside a quotation is a weak antecedent for a pronoun outside it
_SENT_WINDOW = 4  # L&L: antecedents within the last four sentences, older ones as a fallback
# Gender of a person from the words around the name, in general English usage: the honorific
# before it ("Mr. Daniloff", "Ms. Warren") or a gendered noun in an appositive ("his wife,
# Jane"; "Ana Ruiz, the committee's chairwoman").
_MALE_WORDS = frozenset(
    {
        "mr",
        "mr.",
        "sir",
        "king",
        "prince",
        "father",
        "husband",
        "son",
        "brother",
        "uncle",
        "nephew",
        "grandfather",
        "businessman",
        "congressman",
        "spokesman",
        "councilman",
        "assemblyman",
        "widower",
        "boyfriend",
        "duke",
    }
)
_FEMALE_WORDS = frozenset(
    {
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "miss",
        "madam",
        "dame",
        "lady",
        "queen",
        "princess",
        "mother",
        "wife",
        "daughter",
        "sister",
        "aunt",
        "niece",
        "grandmother",
        "businesswoman",
        "congresswoman",
        "spokeswoman",
        "chairwoman",
        "councilwoman",
        "assemblywoman",
        "actress",
        "widow",
        "girlfriend",
        "duchess",
    }
)


def _quote_intervals(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of quoted stretches (curly quotes pair open/close; straight ones toggle)."""
    starts: list[int] = []
    ends: list[int] = []
    open_at: int | None = None
    for m in _QUOTE_CHARS.finditer(text):
        ch = {"''": '"', "``": "\u201c"}.get(m.group(), m.group())
        if open_at is None and ch in '\u201c"':
            open_at = m.start()
        elif open_at is not None and ch in '\u201d"':
            starts.append(open_at)
            ends.append(m.end())
            open_at = None
        elif ch == "\u201c":
            open_at = m.start()
    return starts, ends


class _Anchor(NamedTuple):
    """A possible antecedent of he/she: a PERSON mention, a surname the NER missed, or an
    already resolved pronoun; ordered by ``start_char``."""

    start_char: int
    end_char: int
    root: Token
    sent: int  # first token of its sentence
    quote: int  # index of the quotation holding it, -1 outside quotes
    entity: dict[str, Any]


def _person_anchors(
    doc: Doc,
    mentions: list[dict[str, Any]],
    info: list[tuple[Token | None, int, int]],
    by_id: dict[str, dict[str, Any]],
    in_quote: Any,
) -> list[_Anchor]:
    """PERSON antecedents for he/she, by start: the PERSON mentions, plus a capitalised proper
    noun the NER left out that is the surname of exactly one PERSON named in full ("Jolly said"
    after "David Jolly")."""
    out: list[_Anchor] = []
    covered: set[int] = set()
    for m, (root, sent, quote) in zip(mentions, info, strict=True):
        e = by_id.get(m.get("entity_id") or "")
        span = doc.char_span(m["start_char"], m["end_char"], alignment_mode="expand")
        if span is not None:
            covered.update(range(span.start, span.end))
        if root is None or e is None or e["entity_type"] != "PERSON" or m["kind"] == "pronoun":
            continue
        out.append(_Anchor(m["start_char"], m["end_char"], root, sent, quote, e))
    surnames: dict[str, dict[str, Any] | None] = {}
    for e in by_id.values():
        words = e["name"].split()
        if e["entity_type"] == "PERSON" and len(words) > 1:
            key = words[-1].lower()
            surnames[key] = e if surnames.get(key, e) is e else None
    for tok in doc:
        ent = surnames.get(tok.lower_)
        if ent is None or tok.i in covered or tok.pos_ != "PROPN" or not tok.is_title:
            continue
        if tok.dep_ in ("compound", "amod"):
            continue  # "the Jolly campaign"
        out.append(
            _Anchor(tok.idx, tok.idx + len(tok.text), tok, tok.sent.start, in_quote(tok.idx), ent)
        )
    out.sort()
    return out


def _plural_anchors(
    mentions: list[dict[str, Any]],
    info: list[tuple[Token | None, int, int]],
    by_id: dict[str, dict[str, Any]],
) -> list[_Anchor]:
    """Antecedents for they/them/their, by start: mentions of a GROUP, NORP, ORG or IGO entity
    headed by a plural noun ("Military analysts", "Democrats", "six newspapers")."""
    out = []
    for m, (root, sent, quote) in zip(mentions, info, strict=True):
        e = by_id.get(m.get("entity_id") or "")
        if root is None or e is None or m["kind"] == "pronoun":
            continue
        if e["entity_type"] in _PLURAL_TYPES and root.tag_ in ("NNS", "NNPS"):
            out.append(_Anchor(m["start_char"], m["end_char"], root, sent, quote, e))
    return out


def _initials(text: str) -> str:
    words = [w for w in text.split() if w.lower() not in _STOP_INITIALS and w[:1].isalpha()]
    return "".join(w[0] for w in words)


class EntityLinker:
    """Merges mentions into entities (surname linking, pronouns, descriptors).

    Args:
        nlp: the pipeline (unused; kept for the factory signature).
        name: component name.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        mentions = doc._.ww_mentions or []
        entities: list[dict[str, Any]] = []
        try:
            entities = self.link(doc, mentions)
        except Exception as exc:  # noqa: BLE001 - one bad doc must not sink a batch
            add_diagnostic(doc, self.name, f"entity linking failed: {exc!r}")
            for m in mentions:
                m.setdefault("entity_id", None)
        doc._.ww_mentions = mentions
        doc._.ww_entities = entities
        return doc

    # ------------------------------------------------------------------------------- link
    def link(self, doc: Doc, mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Cluster ``mentions`` (setting their ``entity_id``) and return the entity dicts."""
        q_starts, q_ends = _quote_intervals(doc_text(doc))

        def in_quote(char: int) -> int:
            k = bisect.bisect_right(q_starts, char) - 1
            return k if k >= 0 and char < q_ends[k] else -1

        # token info per mention: root token, sentence start, quote index
        info: list[tuple[Token | None, int, int]] = []
        for m in mentions:
            span = doc.char_span(m["start_char"], m["end_char"], alignment_mode="expand")
            root = span.root if span is not None and len(span) else None
            sent = root.sent.start if root is not None else -1
            info.append((root, sent, in_quote(m["start_char"])))

        # 1. group names by key (acronym -> earlier ORG with the same initials)
        clusters: dict[str, list[int]] = {}
        org_initials: dict[str, str] = {}
        latest_group: dict[str, str] = {}  # group key -> its latest singular indefinite
        for i, m in enumerate(mentions):
            m["entity_id"] = None
            key = m.get("name_key")
            if not key:
                continue
            if m["entity_type"] == "ORG" and key.startswith("ORG:"):
                letters = m["text"].replace(".", "")
                if letters.isupper() and letters in org_initials:
                    key = org_initials[letters]
                elif len(m["text"].split()) > 1:
                    org_initials.setdefault(_initials(m["text"]), key)
            if m["kind"] == "group" and key.startswith("GROUP:"):
                key += _group_modifiers(m, info[i][0])  # "his family people" != "160 people"
                root = info[i][0]
                if root is not None and root.tag_ == "NN":  # a plural is the group at large
                    if _indefinite(root):
                        latest_group[key] = f"{key}#{m['start_char']}"  # "another official"
                    key = latest_group.get(key, key)  # "the official": the latest one
            m["name_key"] = key
            clusters.setdefault(key, []).append(i)
        clusters = _merge_groups(clusters)
        clusters = _split_namesakes(doc, clusters, mentions, info)

        entities: dict[str, dict[str, Any]] = {}
        ids: set[str] = set()
        for key, idxs in clusters.items():
            try:
                entities[key] = ent = self._entity(doc, [mentions[i] for i in idxs], key)
                if ent["id"] in ids:  # "Russian troops" and "Russian" start at the same char
                    first = mentions[idxs[0]]
                    ent["id"] = stable_id(
                        "ent", doc_id(doc), first["start_char"], first["end_char"]
                    )
                ids.add(ent["id"])
                for i in idxs:
                    mentions[i]["entity_id"] = entities[key]["id"]
            except Exception as exc:  # noqa: BLE001
                first = mentions[idxs[0]]
                add_diagnostic(
                    doc,
                    self.name,
                    f"skipped entity {key!r}: {exc!r}",
                    span_dict(doc, first["start_char"], first["end_char"]),
                )
        by_id = {e["id"]: e for e in entities.values()}

        # 2. descriptors and affiliations of persons from the parse
        mention_at_root: dict[int, dict[str, Any]] = {}
        for m, (root, _s, _q) in zip(mentions, info, strict=True):
            if root is not None and m["kind"] != "pronoun":
                mention_at_root.setdefault(root.i, m)
        for m, (root, _s, _q) in zip(mentions, info, strict=True):
            if root is None or m["entity_type"] != "PERSON" or m["entity_id"] not in by_id:
                continue
            try:
                self._describe(doc, root, by_id[m["entity_id"]], mention_at_root, by_id)
            except Exception as exc:  # noqa: BLE001
                add_diagnostic(
                    doc,
                    self.name,
                    f"skipped descriptors: {exc!r}",
                    span_dict(doc, m["start_char"], m["end_char"]),
                )
        for e in by_id.values():
            if e["entity_type"] == "PERSON" and e["sector"] is None:
                for aff in e["affiliations"]:
                    a = doc.char_span(aff["start_char"], aff["end_char"], alignment_mode="expand")
                    am = mention_at_root.get(a.root.i) if a is not None else None
                    if am is not None and am.get("sector"):
                        e["sector"] = am["sector"]
                        break

        for e in by_id.values():  # "Former Foreign Minister X": a title before the name
            if e["entity_type"] == "PERSON" and e["sector"] != "ELI":
                for d in e["descriptors"]:
                    span = doc.char_span(d["start_char"], d["end_char"], alignment_mode="expand")
                    if span is None or not len(span) or not _former_before(span):
                        continue
                    titled = onto.title_sector(span.text) or onto.title_sector(span.root.lower_)
                    if e["sector"] in (None, titled):
                        e["sector"] = "ELI"
                        e["country"] = e["country"] or onto.actor_codes(span.text)[0]
                        break

        _gender_from_context(doc, mentions, info, by_id)

        # 3. pronouns
        sent_no = _narrative_sentence_numbers(doc, in_quote)
        anchors = _person_anchors(doc, mentions, info, by_id, in_quote)
        plural = _plural_anchors(mentions, info, by_id)
        for i, m in enumerate(mentions):
            if m["kind"] != "pronoun":
                continue
            try:
                eid = self._resolve(doc, i, mentions, info, by_id, sent_no, anchors, plural)
            except Exception as exc:  # noqa: BLE001
                add_diagnostic(
                    doc,
                    self.name,
                    f"pronoun not resolved: {exc!r}",
                    span_dict(doc, m["start_char"], m["end_char"]),
                )
                eid = None
            if eid is not None and m["text"].lower() in _PLURAL:
                # "they" -> a group: kept apart from the entity's mentions (event coding reads
                # linked pronouns as actor spans); attribution names the speaker with it
                m["antecedent_id"] = eid
            elif eid is not None:
                m["entity_id"] = eid
                root, sent, quote = info[i]
                ent = by_id[eid]
                if root is not None and ent["entity_type"] == "PERSON" and quote < 0:
                    # a resolved pronoun in the narrative keeps its referent salient
                    bisect.insort(
                        anchors, _Anchor(m["start_char"], m["end_char"], root, sent, quote, ent)
                    )
                by_id[eid]["mentions"].append(
                    {k: m[k] for k in ("start_char", "end_char", "text", "kind")}
                )

        out = sorted(by_id.values(), key=lambda e: e["mentions"][0]["start_char"])
        for e in out:
            e["mentions"].sort(key=lambda x: (x["start_char"], x["end_char"]))
            e["descriptors"].sort(key=lambda x: x["start_char"])
            e["affiliations"].sort(key=lambda x: x["start_char"])
        for e in out:  # keep only the public fields; gender was internal
            e.pop("_gender", None)
        return out

    # ----------------------------------------------------------------------------- entity
    def _entity(self, doc: Doc, ms: list[dict[str, Any]], key: str) -> dict[str, Any]:
        first = ms[0]
        types = [m["entity_type"] for m in ms if m["entity_type"]]
        etype = "PERSON" if "PERSON" in types else (types[0] if types else "GROUP")
        named = [m for m in ms if m["kind"] == "name"] or ms
        longest = max(named, key=lambda m: (len(m["text"]), -m["start_char"]))["text"]
        name = longest
        if etype == "PERSON":
            name = max((_person_name(m["text"]), -m["start_char"]) for m in named)[0][-1]
        if (
            etype == "GPE"
            and first["name_key"].startswith("GPE:")
            and not any(m["kind"] in ("name", "acronym") for m in ms)
        ):
            etype = "NORP"  # only demonyms: "Chinese" (the people / the state, unclear)
        # dictionary codes (``actor_code``) win over the table guesses
        coded = [m for m in ms if m.get("actor_code")]
        country = next((m["country"] for m in [*coded, *ms] if m["country"]), None)
        sector = next((m["sector"] for m in [*coded, *ms] if m["sector"]), None)
        descriptors: list[dict[str, Any]] = []
        for m in ms:
            for d in m.get("descriptors") or []:
                if d not in descriptors:
                    descriptors.append(dict(d))
        gender = None
        if etype == "PERSON":  # the first listed given name ("CLEVELAND - Donald Trump")
            gender = next(
                (g for w in longest.split()[:-1] if (g := onto.given_name_gender(w)) is not None),
                None,
            )
        if etype != "PERSON":
            name = onto.normalize(name)
        if key.startswith("GROUP:") and "|" in key:  # "Kazakhstan's people", not "people"
            span = doc.char_span(first["start_char"], first["end_char"], alignment_mode="expand")
            lo = _modifiers_start(first, span.root if span is not None else None)
            name = doc.text[lo : first["end_char"]] if lo is not None else name
        if key.startswith("GOV:"):
            etype, name = "GPE", _government_name(key[4:]) or name
        elif etype == "GPE" and key.startswith("GPE:"):
            name = onto.country_name(key[4:]) or name  # "United States", not "America"
        return {
            "id": stable_id("ent", doc_id(doc), first["start_char"]),
            "name": name,
            "entity_type": etype,
            "country": country,
            "sector": sector,
            "descriptors": descriptors,
            "affiliations": [],
            "mentions": [{k: m[k] for k in ("start_char", "end_char", "text", "kind")} for m in ms],
            "_gender": gender,
        }

    # ------------------------------------------------------------------------ descriptors
    def _describe(
        self,
        doc: Doc,
        root: Token,
        ent: dict[str, Any],
        at_root: dict[int, dict[str, Any]],
        by_id: dict[str, dict[str, Any]],
    ) -> None:
        for child in root.children:
            if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN"):
                other = at_root.get(child.i)
                if other is not None and other["entity_type"] == "PERSON":
                    continue  # "his son, John" names someone
                a, b = child.left_edge.i, child.right_edge.i + 1
                while a < b and doc[a].is_punct:
                    a += 1
                while b > a and doc[b - 1].is_punct:
                    b -= 1
                desc = doc[a:b]
                _add(ent["descriptors"], span_dict(doc, desc.start_char, desc.end_char))
                self._from_descriptor(desc, child, ent, at_root)
                for tok in desc:  # "a researcher at the Brookings Institution"
                    if tok.dep_ == "prep" and tok.lower_ in _AFFIL_PREPS and tok.head == child:
                        self._affiliations(doc, tok, ent, at_root)
            elif child.dep_ == "poss":
                self._add_org(doc, child, ent, at_root)
            elif child.dep_ == "prep" and child.lower_ in _AFFIL_PREPS:
                self._affiliations(doc, child, ent, at_root)
                if child.lower_ == "of" and ent["country"] is None:
                    # "King Hassan of Morocco": the state a ruler or official is "of"
                    for pobj in child.children:
                        m = at_root.get(pobj.i)
                        if pobj.dep_ == "pobj" and m is not None and m["entity_type"] == "GPE":
                            ent["country"] = m["country"]

    def _from_descriptor(
        self, desc: Span, head: Token, ent: dict[str, Any], at_root: dict[int, dict[str, Any]]
    ) -> None:
        left = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "NOUN"]
        title = " ".join([*(t.lower_ for t in left), head.lower_])
        sector = onto.title_sector(title) or onto.title_sector(head.lower_)
        if sector is None:
            # no known title: the codes the descriptor phrase itself gives ("the United
            # Nations Emergency Relief Coordinator" -> IGO), read as events read actor spans
            country, sector = onto.actor_codes(desc.text)
            if ent["country"] is None and country:
                ent["country"] = country
            if ent["sector"] is None and sector:
                ent["sector"] = sector
            return
        if _former(desc, head):
            # "a former U.S. ambassador": CAMEO codes former officials as elites (ELI); the
            # title still gives the country
            if ent["sector"] in (None, sector):
                ent["sector"] = "ELI"
        elif ent["sector"] is None:
            ent["sector"] = sector
        if ent["country"] is None:
            for tok in desc:
                if tok.i >= head.i:
                    break
                m = at_root.get(tok.i)
                if m is not None and m["entity_type"] == "GPE" and m["country"]:
                    ent["country"] = m["country"]
                    break

    def _affiliations(
        self, doc: Doc, prep: Token, ent: dict[str, Any], at_root: dict[int, dict[str, Any]]
    ) -> None:
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            todo = [pobj]
            while todo:
                tok = todo.pop()
                self._add_org(doc, tok, ent, at_root)
                todo.extend(c for c in tok.children if c.dep_ == "conj")

    @staticmethod
    def _add_org(
        doc: Doc, tok: Token, ent: dict[str, Any], at_root: dict[int, dict[str, Any]]
    ) -> None:
        m = at_root.get(tok.i)
        if m is not None and m["entity_type"] in _ORG_TYPES:
            _add(ent["affiliations"], span_dict(doc, m["start_char"], m["end_char"]))

    # ---------------------------------------------------------------------------- pronouns
    def _resolve(
        self,
        doc: Doc,
        i: int,
        mentions: list[dict[str, Any]],
        info: list[tuple[Token | None, int, int]],
        by_id: dict[str, dict[str, Any]],
        sent_no: dict[int, int],
        anchors: list[_Anchor],
        plural: list[_Anchor],
    ) -> str | None:
        """Entity id of the pronoun ``mentions[i]``, or None.

        he/she: the most salient gender-compatible PERSON among ``anchors`` (Lappin & Leass
        1994 weights, see ``_salience``), counting narrative sentences back from the pronoun
        (``sent_no``); a pronoun that reports ("..., he said") favours the previous speaker.
        they/them/their: the most salient plural group, party or organisation noun
        (``plural``). it/its: see ``_resolve_it``; we/you: unresolved.
        """
        pron = mentions[i]
        word = pron["text"].lower()
        tok, sent, quote = info[i]
        if tok is None:
            return None
        reporting = (
            tok.dep_ in _SUBJ
            and tok.head.lemma_.lower() in REPORTING_VERBS
            and tok.head.dep_ in _MAIN
        )  # "..., he says", not "a coup he claims was"
        if word in _NONPERSON:
            return self._resolve_it(doc, i, mentions, info, by_id, reporting)
        if word in _PLURAL:
            return _most_salient(
                pron["start_char"],
                tok,
                quote,
                sent_no.get(sent, 0),
                plural,
                sent_no,
                reporting,
                lambda _e: True,
                _PLURAL_MIN,
            )
        if word not in _MALE and word not in _FEMALE:
            return None  # "we", "you"
        gender = "m" if word in _MALE else "f"
        return _most_salient(
            pron["start_char"],
            tok,
            quote,
            sent_no.get(sent, 0),
            anchors,
            sent_no,
            reporting,
            lambda e: e.get("_gender") in (None, gender),
        )

    def _resolve_it(
        self,
        doc: Doc,
        i: int,
        mentions: list[dict[str, Any]],
        info: list[tuple[Token | None, int, int]],
        by_id: dict[str, dict[str, Any]],
        reporting: bool,
    ) -> str | None:
        pron = mentions[i]
        tok, sent, quote = info[i]

        def actor(j: int) -> bool:
            m = mentions[j]
            e = by_id.get(m.get("entity_id") or "")
            if e is None or m["kind"] == "pronoun" or m["end_char"] > pron["start_char"]:
                return False
            if e["entity_type"] in _ORG_TYPES:
                return True
            return e["entity_type"] == "GPE" and (not reporting or e["sector"] == "GOV")

        cands = list(itertools.islice((j for j in range(i - 1, -1, -1) if actor(j)), 40))
        if reporting:
            for j in cands:
                r = info[j][0]
                near = sent - info[j][1] < _IT_WINDOW_TOKENS
                if r is not None and r.dep_ in _SUBJ and info[j][2] < 0 and near:
                    return mentions[j]["entity_id"]
            return None
        if pron["text"].lower() == "its":
            for j in cands:
                if info[j][1] == sent and info[j][2] == quote:
                    return mentions[j]["entity_id"]
        return None


def _most_salient(
    start_char: int,
    tok: Token,
    quote: int,
    here: int,
    anchors: list[_Anchor],
    sent_no: dict[int, int],
    reporting: bool,
    compatible: Callable[[dict[str, Any]], bool],
    minimum: float = 0.0,
) -> str | None:
    """The entity id of the most salient compatible anchor before ``start_char`` (Lappin &
    Leass 1994): each anchor weighs ``_salience`` (+ ``_W_SPEAKER`` for a reporting pronoun and
    an anchor that is a speaker), times ``_OTHER_SIDE`` inside a quotation the pronoun is not in
    (unless a fragment quoted in the pronoun's own sentence, "…” that he claims"), halved per
    narrative sentence back (``here`` is the pronoun's); an entity counts its best anchor. With
    nothing in the last ``_SENT_WINDOW`` sentences, the nearest compatible anchor; with a
    ``minimum``, None unless the best score reaches it.
    """
    scores: dict[str, float] = {}
    nearest: str | None = None
    k = bisect.bisect_left(anchors, (start_char,))
    for anc in reversed(anchors[max(0, k - 120) : k]):
        if anc.end_char > start_char or not compatible(anc.entity):
            continue
        eid = anc.entity["id"]
        nearest = nearest or eid
        dist = here - sent_no.get(anc.sent, here)
        if dist > _SENT_WINDOW:
            break
        if dist == 0 and _bound(tok, anc.root):
            continue  # "Obama praised him": co-arguments of one verb differ
        w = _salience(anc.root)
        if reporting and _is_speaker(anc.root):
            w += _W_SPEAKER
        if anc.quote >= 0 and anc.quote != quote and (reporting or dist > 0):
            w *= _OTHER_SIDE  # not a fragment quoted inside the pronoun's own narrative clause
        scores[eid] = max(scores.get(eid, 0.0), w * 0.5**dist)
    if minimum:
        best = max(scores, key=lambda x: scores[x], default=None)
        return best if best is not None and scores[best] >= minimum else None
    if scores:
        return max(scores, key=lambda x: scores[x])
    return nearest


def _narrative_sentence_numbers(doc: Doc, in_quote: Any) -> dict[int, int]:
    """Ordinal of each sentence (keyed by its first token) counting only narrative sentences:
    those with a verb outside quotation marks. A quoted passage of several sentences, or a
    verbless subheading, does not push the previous speaker further back."""
    out: dict[int, int] = {}
    k = 0
    for sent in doc.sents:
        if any(t.pos_ in ("VERB", "AUX") and in_quote(t.idx) < 0 for t in sent):
            k += 1
        out[sent.start] = k
    return out


def _person_name(text: str) -> tuple[bool, bool, int, str]:
    """A PERSON mention's text as a display name, with its rank (higher is better): the NER may
    glue a dateline to the name ("CLEVELAND - Donald Trump": the part after the dash is kept)
    or take a headline word ("Beneath Clinton"); a name that starts with a listed given name
    ranks first, then one that does not start with a function word, then the longer."""
    for dash in (" - ", " \u2013 ", " \u2014 "):
        text = text.rsplit(dash, 1)[-1]
    first = text.split()[0] if text.split() else ""
    given = onto.given_name_gender(first) is not None
    return given, first.lower() not in STOP_WORDS, len(text), text


def _salience(root: Token) -> float:
    """Lappin & Leass (1994) salience of a mention headed by ``root`` in its own sentence:
    recency, plus its grammatical role, plus the head-noun weight when it is not a modifier
    inside another noun phrase ("Obama" in "Obama's plan" is not). A name in apposition takes
    the role of the noun it renames."""
    if root.dep_ == "appos":  # "Mr. Trump's campaign chairman, Paul Manafort, dismissed"
        root = root.head
    w = _W_RECENCY + _W_ROLE.get(root.dep_, 0.0)
    if root.dep_ not in _NON_HEAD:
        w += _W_HEAD
    if root.dep_ in _SUBJ and root.head.dep_ in _MAIN:
        w += _W_MAIN
    return w


def _is_speaker(root: Token) -> bool:
    """The mention is the subject of a reporting verb ("Rendell said", "he added") or the
    object of "according to"."""
    if root.dep_ == "appos":
        root = root.head
    if root.dep_ in _SUBJ:
        return root.head.lemma_.lower() in REPORTING_VERBS
    if root.dep_ == "pobj" and root.head.lower_ == "to":
        prev = root.head.nbor(-1) if root.head.i > 0 else None
        return prev is not None and prev.lower_ == "according"
    return False


def _bound(pron: Token, root: Token) -> bool:
    """A non-reflexive pronoun and a name that are arguments of the same verb do not corefer
    (binding condition B: "Obama praised him", "Smith told him")."""
    if pron.lower_.endswith("self") or pron.dep_ == "poss":
        return False
    return pron.head == root.head and pron.dep_ != root.dep_


def _gender_from_context(
    doc: Doc,
    mentions: list[dict[str, Any]],
    info: list[tuple[Token | None, int, int]],
    by_id: dict[str, dict[str, Any]],
) -> None:
    """Set the internal ``_gender`` ("m"/"f") of PERSON entities from the words next to their
    names: an honorific before the name ("Mr. Daniloff", "Ms. Warren") or a gendered noun the
    name is in apposition with ("his wife, Jane"; "Ana Ruiz, the panel's chairwoman"). Conflicting
    evidence leaves it unknown; a gender from the given-name table is kept."""
    votes: dict[str, set[str]] = {}
    for m, (root, _s, _q) in zip(mentions, info, strict=True):
        e = by_id.get(m.get("entity_id") or "")
        if root is None or e is None or e["entity_type"] != "PERSON" or m["kind"] == "pronoun":
            continue
        span = doc.char_span(m["start_char"], m["end_char"], alignment_mode="expand")
        if span is None:
            continue
        words = [span[0].lower_]
        if span.start > 0:
            words.append(doc[span.start - 1].lower_)
        words.extend(c.lower_ for c in root.children if c.dep_ == "appos")
        if root.dep_ == "appos":
            words.append(root.head.lower_)
        for w in words:
            if w in _MALE_WORDS:
                votes.setdefault(e["id"], set()).add("m")
            elif w in _FEMALE_WORDS:
                votes.setdefault(e["id"], set()).add("f")
        # a bare surname may stand for a namesake the entity holds too ("Dorn" for
        # "Lina Dorn" when "Omar Dorn" is also named): only full names then
        bound = _bound_pronoun_gender(root) if len(span) > 1 or _one_full_name(e) else None
        if bound is not None:
            votes.setdefault(e["id"], set()).add(bound)
    for eid, vs in votes.items():
        e = by_id[eid]
        if e.get("_gender") is None and len(vs) == 1:
            e["_gender"] = next(iter(vs))


def _bound_pronoun_gender(root: Token) -> str | None:
    """ "m"/"f" from a pronoun bound to the subject headed by ``root`` (a PERSON name), else
    None: a reflexive object of the name's verb ("Ana Ruiz defended herself") or a possessive
    in its object ("Ruiz thanked her staff"). These are path patterns Bergsma & Lin (2006,
    "Bootstrapping path-based pronoun resolution") found almost always coreferent. A verb
    with another person as object or dative ("Ruiz told him his plan failed") gives nothing,
    nor do pronouns of both genders."""
    if root.dep_ == "appos":
        root = root.head
    if root.dep_ not in _SUBJ:
        return None
    objects = [c for c in root.head.children if c.dep_ in ("dobj", "dative")]
    if any(c.pos_ in ("PROPN", "PRON") and c.lower_ not in _REFLEXIVE for c in objects):
        return None
    found = {
        g
        for c in objects
        for t in (c, *(p for p in c.children if p.dep_ == "poss"))
        if (t is not c or t.lower_ in _REFLEXIVE) and (g := _pron_gender(t)) is not None
    }
    return found.pop() if len(found) == 1 else None


def _one_full_name(ent: dict[str, Any]) -> bool:
    """At most one given name appears among the entity's full-name mentions ("Ana Ruiz",
    "Ruiz"; not "Omar Dorn" with "Lina Dorn")."""
    firsts = {
        m["text"].split()[0]
        for m in ent["mentions"]
        if m["kind"] == "name" and len(m["text"].split()) > 1
    }
    return len(firsts) <= 1


def _pron_gender(tok: Token) -> str | None:
    """ "m" for he/him/his/himself, "f" for she/her/hers/herself, else None."""
    if tok.lower_ in _MALE:
        return "m"
    if tok.lower_ in _FEMALE:
        return "f"
    return None


def _government_name(iso3: str) -> str | None:
    """Name of a state's government entity: the country's first demonym + "government"
    ("Russian government" for "the Kremlin", "Moscow"), else "government of <country>"."""
    c = next((x for x in onto.countries() if x.iso3 == iso3), None)
    if c is None:
        return None
    if c.demonyms:
        return f"{c.demonyms[0]} government"
    return f"government of {c.names[0]}"


def _honorific_gender(doc: Doc, m: dict[str, Any], root: Token | None) -> str | None:
    """ "m"/"f" from an honorific or gendered title at the start of a mention or right before
    it ("Mr. Clinton", "Mrs. Clinton"), else None."""
    words = m["text"].lower().split()[:1]
    if root is not None:
        span = doc.char_span(m["start_char"], m["end_char"], alignment_mode="expand")
        if span is not None and span.start > 0:
            words.append(doc[span.start - 1].lower_)
    if any(w in _MALE_WORDS for w in words):
        return "m"
    if any(w in _FEMALE_WORDS for w in words):
        return "f"
    return None


def _split_namesakes(
    doc: Doc,
    clusters: dict[str, list[int]],
    mentions: list[dict[str, Any]],
    info: list[tuple[Token | None, int, int]],
) -> dict[str, list[int]]:
    """Split a surname cluster that holds several people ("Bill Clinton" and "Hillary Clinton",
    "Donald Trump" and "Melania Trump"): full names with different listed given names become
    separate PERSON entities; each surname-only mention ("Clinton", "Mr. Clinton") joins the
    namesake whose gender its honorific allows and that was mentioned most often before it
    (full names plus surnames already given to it; a tie goes to the one named last), else the
    first one named after it. A relative named in passing ("his wife, Heidi Cruz") so does not
    take over the later bare surnames of the article's subject: in news style the bare surname
    stays with the principal person (salience, cf. Lappin & Leass 1994)."""
    out: dict[str, list[int]] = {}
    for key, idxs in clusters.items():
        full: dict[str, list[int]] = {}
        if key.startswith("PERSON:"):
            for i in idxs:
                words = mentions[i]["text"].split()
                if (
                    mentions[i]["kind"] == "name"
                    and len(words) > 1
                    and onto.given_name_gender(words[0]) is not None
                ):
                    full.setdefault(words[0], []).append(i)
        if len(full) < 2:
            out[key] = idxs
            continue
        sub = {i: given for given, members in full.items() for i in members}
        seen: dict[str, tuple[int, int]] = {}  # namesake -> (mentions so far, last one)
        for i in sorted(idxs):
            if i not in sub:
                g = _honorific_gender(doc, mentions[i], info[i][0])
                ok = [n for n in full if g is None or onto.given_name_gender(n) == g] or list(full)
                known = [n for n in ok if n in seen]
                after = [(j, sub[j]) for j in sub if j > i and sub[j] in ok]
                sub[i] = max(known, key=lambda n: seen[n]) if known else min(after)[1]
            seen[sub[i]] = (seen.get(sub[i], (0, i))[0] + 1, i)
        for i in idxs:
            out.setdefault(f"{key}#{sub[i]}", []).append(i)
    return out


# what sets a group apart from another of the same head noun: its possessor ("Kazakhstan's
# people", "his family members"); numbers, determiners, adjectives and noun modifiers ("more
# than 160 people", "the angry protesters", "opposition lawmakers" ... "the lawmakers") are as
# often a fuller description of the group a later bare noun refers back to
_RESTRICTIVE_DEPS = frozenset({"poss"})


def _group_modifiers(m: dict[str, Any], root: Token | None) -> str:
    """Key suffix of a group mention's possessor outside the mention span.

    In: a group mention (``start_char``/``end_char``) and its head token. Out: "" for a bare
    or only described group ("more than 160 people", "the protesters"), else ``"|"`` and the
    lowercased words of the possessor phrase ("his close family people" -> ``"|his"``,
    "Kazakhstan's people" -> ``"|kazakhstan"``). A possessed group is a different set of
    people from a bare plural of the same head (the victims in "more than 160 people" are
    not "Kazakhstan's people", nor "his close family people"), so mentions merge only when
    their possessors agree. A relative possessor ("whose regimes") is left out.
    """
    words = [
        t.lower_
        for c in _restrictive(m, root)
        for t in c.subtree
        if not (t.is_punct or t.tag_ == "POS")
    ]
    return "|" + " ".join(words) if words else ""


def _indefinite(root: Token | None) -> bool:
    """Whether group head ``root`` has an indefinite determiner ("an official", "another
    official"): an indefinite noun phrase introduces a new referent (Heim 1982; Prince 1992's
    discourse-new), so it does not join an earlier group of the same head."""
    return root is not None and any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in root.children
    )


def _restrictive(m: dict[str, Any], root: Token | None) -> list[Token]:
    """The possessor of group head ``root`` before it and outside mention ``m``'s span."""
    if root is None:
        return []
    return [
        c
        for c in root.children
        if c.dep_ in _RESTRICTIVE_DEPS
        and c.tag_ != "WP$"  # "whose regimes": the relative clause's antecedent, named elsewhere
        and c.i < root.i
        and not (m["start_char"] <= c.idx < m["end_char"])
    ]


def _modifiers_start(m: dict[str, Any], root: Token | None) -> int | None:
    """Character offset where group mention ``m``'s restrictive modifiers start ("his" in "his
    close family people"), for the entity name; None when it has none."""
    mods = _restrictive(m, root)
    if not mods:
        return None
    first = min((c.left_edge for c in mods), key=lambda t: t.i)
    if first.dep_ == "det" and first.i + 1 < len(first.doc):
        first = first.doc[first.i + 1]  # "the town's farmers" -> "town's farmers"
    return first.idx


def _merge_groups(clusters: dict[str, list[int]]) -> dict[str, list[int]]:
    """Merge group clusters that name the same body.

    Keys are ``GROUP:<country>:<sector>:<head lemma>`` (see ``wirewatch_actors``):

    * "the government" of country C is C's government: it joins ``GOV:C`` (the "Kremlin",
      "Moscow" metonyms) as one entity;
    * groups with the same head lemma and country are one group whatever the sector guess;
    * a group with no country joins the one same-head group that has a country ("more than
      160 people" and "Kazakhstan's protesters" with a country from the text); with several
      countries it stays apart. A possessed or noun-modified group ("Kazakhstan's people",
      "his family people") has its modifiers in its key (``_group_modifiers``) and joins only
      a group with the same modifiers.
    """
    target: dict[str, str] = {}
    by_head: dict[tuple[str, str], str] = {}
    heads_with_country: dict[str, set[str]] = {}
    for key in clusters:
        if not key.startswith("GROUP:"):
            continue
        _, country, _sector, lemma = key.split(":", 3)
        if country != "None" and lemma.split("|")[0] == "government":  # "Kazakhstan's government"
            target[key] = f"GOV:{country}"
            continue
        first = by_head.setdefault((country, lemma), key)
        if first != key:
            target[key] = first
        if country != "None":
            heads_with_country.setdefault(lemma, set()).add(country)
    for key in clusters:
        if key.startswith("GROUP:None:") and key not in target:
            lemma = key.split(":", 3)[3]
            countries = heads_with_country.get(lemma, set())
            if len(countries) == 1:
                c = next(iter(countries))
                target[key] = target.get(by_head[(c, lemma)], by_head[(c, lemma)])
    out: dict[str, list[int]] = {}
    for key, idxs in clusters.items():
        out.setdefault(target.get(key, key), []).extend(idxs)
    for idxs in out.values():
        idxs.sort()
    return out


def _former(desc: Span, head: Token) -> bool:
    """The descriptor names a past office: "former" or "ex-" before its title noun
    ("a former U.S. ambassador", "an ex-minister")."""
    for t in desc:
        if t.i > head.i:
            break
        if t.lower_ in ("former", "ex-") or (
            t.lower_ == "ex" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == "-"
        ):
            return True
        if t.lower_.startswith("ex-") and t.i == head.i:
            return True
    return False


def _former_before(span: Span) -> bool:
    """ "former"/"ex-" inside a descriptor before its head or right before it ("Former Foreign
    Minister X", "an ex-minister of defence")."""
    if _former(span, span.root):
        return True
    doc = span.doc
    k = span.start - 1
    if k >= 0 and doc[k].text in ("-", "‐"):
        k -= 1
    return k >= 0 and doc[k].lower_ in ("former", "ex", "ex-")


def _add(items: list[dict[str, Any]], span: dict[str, Any]) -> None:
    if span not in items:
        items.append(span)
