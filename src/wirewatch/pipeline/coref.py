"""Merges mentions into entities (surname linking, pronouns, descriptors, affiliations).

``EntityLinker`` (factory ``wirewatch_coref``) reads ``doc._.ww_mentions`` (from
``wirewatch_actors``), writes ``doc._.ww_entities`` (dicts valid for ``model.Entity``, ordered by
first mention) and sets ``entity_id`` on every mention (None for an unresolved pronoun).

Rules, in order:

1. Names merge on ``name_key``: same surname -> one PERSON; a country's names, abbreviations and
   demonyms -> one GPE; an IGO's acronym and full name -> one IGO; "the State Department" and
   "State Department" -> one ORG; an acronym whose letters are the initials of an ORG named
   earlier joins it.
2. Person descriptors and affiliations come from the parse: an appositive ("John Herbst, a former
   U.S. ambassador to Ukraine") is a descriptor; the organisation in a possessive ("the Atlantic
   Council's John Herbst") or an of/at/from phrase ("Jennifer Murtazashvili, of the University
   of Pittsburgh and the Carnegie Endowment") is an affiliation. The descriptor's title gives the
   sector (titles.tsv) and a country or demonym before the title the country; a descriptor with
   no known title gives the codes of its phrase (``ontology.actors.actor_codes``, the helper
   the event coder reads actor spans with); "of <country>" after a name ("King Hassan of
   Morocco") gives the country; without a title, the first affiliation's sector is used.
3. Pronouns (a salience heuristic in the spirit of Lappin & Leass 1994, simplified):
   he/she -> a gender-compatible PERSON (gender from given_names.tsv, unknown is compatible);
   the subject of a reporting verb ("..., he says") -> the most recent speaker; otherwise the
   nearest antecedent in the same sentence (main-clause pronouns prefer the main subject), then
   the subject of the closest previous sentence, then its latest PERSON. Candidates on the same
   side of a quotation mark are preferred. "it"/"its" as subject of a reporting verb
   ("..., it tweeted") -> the most recent organisation, IGO or government subject; "its" ->
   nearest organisation or country in the sentence. "they" is left unresolved.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import Any

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
_QUOTE_CHARS = re.compile("[\u201c\u201d\"]")
_STOP_INITIALS = frozenset({"of", "and", "the", "for", "in", "on", "&"})
_ORG_TYPES = frozenset({"ORG", "IGO"})
_IT_WINDOW_TOKENS = 200  # "it tweeted" looks back this many tokens for an organisation subject


def _quote_intervals(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of quoted stretches (curly quotes pair open/close; straight ones toggle)."""
    starts: list[int] = []
    ends: list[int] = []
    open_at: int | None = None
    for m in _QUOTE_CHARS.finditer(text):
        ch = m.group()
        if open_at is None and ch in "\u201c\"":
            open_at = m.start()
        elif open_at is not None and ch in "\u201d\"":
            starts.append(open_at)
            ends.append(m.end())
            open_at = None
        elif ch == "\u201c":
            open_at = m.start()
    return starts, ends


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
            m["name_key"] = key
            clusters.setdefault(key, []).append(i)
        clusters = _merge_groups(clusters)

        entities: dict[str, dict[str, Any]] = {}
        ids: set[str] = set()
        for key, idxs in clusters.items():
            try:
                entities[key] = ent = self._entity(doc, [mentions[i] for i in idxs], key)
                if ent["id"] in ids:  # "Russian troops" and "Russian" start at the same char
                    first = mentions[idxs[0]]
                    ent["id"] = stable_id("ent", doc_id(doc), first["start_char"],
                                          first["end_char"])
                ids.add(ent["id"])
                for i in idxs:
                    mentions[i]["entity_id"] = entities[key]["id"]
            except Exception as exc:  # noqa: BLE001
                first = mentions[idxs[0]]
                add_diagnostic(doc, self.name, f"skipped entity {key!r}: {exc!r}",
                               span_dict(doc, first["start_char"], first["end_char"]))
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
                add_diagnostic(doc, self.name, f"skipped descriptors: {exc!r}",
                               span_dict(doc, m["start_char"], m["end_char"]))
        for e in by_id.values():
            if e["entity_type"] == "PERSON" and e["sector"] is None:
                for aff in e["affiliations"]:
                    a = doc.char_span(aff["start_char"], aff["end_char"],
                                      alignment_mode="expand")
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

        # 3. pronouns
        for i, m in enumerate(mentions):
            if m["kind"] != "pronoun":
                continue
            try:
                eid = self._resolve(doc, i, mentions, info, by_id)
            except Exception as exc:  # noqa: BLE001
                add_diagnostic(doc, self.name, f"pronoun not resolved: {exc!r}",
                               span_dict(doc, m["start_char"], m["end_char"]))
                eid = None
            if eid is not None:
                m["entity_id"] = eid
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
        name = max(named, key=lambda m: (len(m["text"]), -m["start_char"]))["text"]
        if etype == "GPE" and first["name_key"].startswith("GPE:") and not any(
            m["kind"] in ("name", "acronym") for m in ms
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
        if etype == "PERSON" and " " in name:
            gender = onto.given_name_gender(name.split()[0])
        if etype != "PERSON":
            name = onto.normalize(name)
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
            "mentions": [{k: m[k] for k in ("start_char", "end_char", "text", "kind")}
                         for m in ms],
            "_gender": gender,
        }

    # ------------------------------------------------------------------------ descriptors
    def _describe(self, doc: Doc, root: Token, ent: dict[str, Any],
                  at_root: dict[int, dict[str, Any]], by_id: dict[str, dict[str, Any]]) -> None:
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

    def _from_descriptor(self, desc: Span, head: Token, ent: dict[str, Any],
                         at_root: dict[int, dict[str, Any]]) -> None:
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

    def _affiliations(self, doc: Doc, prep: Token, ent: dict[str, Any],
                      at_root: dict[int, dict[str, Any]]) -> None:
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            todo = [pobj]
            while todo:
                tok = todo.pop()
                self._add_org(doc, tok, ent, at_root)
                todo.extend(c for c in tok.children if c.dep_ == "conj")

    @staticmethod
    def _add_org(doc: Doc, tok: Token, ent: dict[str, Any],
                 at_root: dict[int, dict[str, Any]]) -> None:
        m = at_root.get(tok.i)
        if m is not None and m["entity_type"] in _ORG_TYPES:
            _add(ent["affiliations"], span_dict(doc, m["start_char"], m["end_char"]))

    # ---------------------------------------------------------------------------- pronouns
    def _resolve(self, doc: Doc, i: int, mentions: list[dict[str, Any]],
                 info: list[tuple[Token | None, int, int]],
                 by_id: dict[str, dict[str, Any]]) -> str | None:
        pron = mentions[i]
        word = pron["text"].lower()
        tok, sent, quote = info[i]
        if tok is None:
            return None
        reporting = (tok.dep_ in _SUBJ and tok.head.lemma_.lower() in REPORTING_VERBS
                     and tok.head.dep_ in _MAIN)  # "..., he says", not "a coup he claims was"
        if word in _NONPERSON:
            return self._resolve_it(doc, i, mentions, info, by_id, reporting)
        if word not in _MALE and word not in _FEMALE:
            return None  # "they": groups and conjunctions are left for later
        gender = "m" if word in _MALE else "f"

        def ok(j: int) -> bool:
            m = mentions[j]
            e = by_id.get(m.get("entity_id") or "")
            if e is None or e["entity_type"] != "PERSON" or m["kind"] == "pronoun":
                return False
            return e.get("_gender") in (None, gender)

        prev = list(itertools.islice(  # nearest first; a bounded window
            (j for j in range(i - 1, -1, -1)
             if mentions[j]["end_char"] <= pron["start_char"] and ok(j)), 60))
        if not prev:
            return None

        def pick_speaker(cands: list[int]) -> str | None:
            for j in cands:  # "..., he says": the last speaker
                r = info[j][0]
                if r is not None and r.dep_ in _SUBJ and r.head.lemma_.lower() in REPORTING_VERBS:
                    return mentions[j]["entity_id"]
            return None

        def pick_same(cands: list[int]) -> str | None:
            same = [j for j in cands if info[j][1] == sent]
            if same:
                if tok.dep_ in _SUBJ and tok.head.dep_ in _MAIN:
                    for j in reversed(same):  # the main subject
                        r = info[j][0]
                        if r is not None and r.dep_ in _SUBJ and r.head.dep_ == "ROOT":
                            return mentions[j]["entity_id"]
                return mentions[same[0]]["entity_id"]
            return None

        def pick_before(cands: list[int]) -> str | None:
            by_sent: dict[int, list[int]] = {}
            for j in cands:
                by_sent.setdefault(info[j][1], []).append(j)
            for s in sorted(by_sent, reverse=True):
                group = by_sent[s]
                for j in group:
                    r = info[j][0]
                    if r is not None and r.dep_ in _SUBJ:
                        return mentions[j]["entity_id"]
                return mentions[group[0]]["entity_id"]
            return None

        # same side of quotation marks first, then any
        same_side = [j for j in prev if (info[j][2] == quote) or (quote >= 0 and info[j][2] < 0)]
        if reporting:
            found = pick_speaker(same_side) or pick_speaker(prev)
            if found:
                return found
        return (pick_same(same_side) or pick_same(prev) or pick_before(same_side)
                or pick_before(prev))

    def _resolve_it(self, doc: Doc, i: int, mentions: list[dict[str, Any]],
                    info: list[tuple[Token | None, int, int]],
                    by_id: dict[str, dict[str, Any]], reporting: bool) -> str | None:
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


def _government_name(iso3: str) -> str | None:
    """Name of a state's government entity: the country's first demonym + "government"
    ("Russian government" for "the Kremlin", "Moscow"), else "government of <country>"."""
    c = next((x for x in onto.countries() if x.iso3 == iso3), None)
    if c is None:
        return None
    if c.demonyms:
        return f"{c.demonyms[0]} government"
    return f"government of {c.names[0]}"


def _merge_groups(clusters: dict[str, list[int]]) -> dict[str, list[int]]:
    """Merge group clusters that name the same body.

    Keys are ``GROUP:<country>:<sector>:<head lemma>`` (see ``wirewatch_actors``):

    * "the government" of country C is C's government: it joins ``GOV:C`` (the "Kremlin",
      "Moscow" metonyms) as one entity;
    * groups with the same head lemma and country are one group whatever the sector guess;
    * a group with no country joins the one same-head group that has a country ("more than
      160 people" and "Kazakhstan's people"); with several countries it stays apart.
    """
    target: dict[str, str] = {}
    by_head: dict[tuple[str, str], str] = {}
    heads_with_country: dict[str, set[str]] = {}
    for key in clusters:
        if not key.startswith("GROUP:"):
            continue
        _, country, _sector, lemma = key.split(":", 3)
        if country != "None" and lemma == "government":
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
                t.lower_ == "ex" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == "-"):
            return True
        if t.lower_.startswith("ex-") and t.i == head.i:
            return True
    return False


def _former_before(span: Span) -> bool:
    """"former"/"ex-" inside a descriptor before its head or right before it ("Former Foreign
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
