"""The per-document context of the ``wirewatch_events`` coder: ``_DocContext`` (the text,
entities, quotes, publication date, the article's focus country and its only country, cached
actor codes, lead rank of each sentence) and ``_sd``, the ``{start_char, end_char, text}``
record every span field uses.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from spacy.tokens import Doc, Span

from wirewatch.ontology import actors as oa
from wirewatch.pipeline.actors import misspelled_country_at, stance_prefixed
from wirewatch.pipeline.extensions import doc_text
from wirewatch.pipeline.places import gazetteer

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "SPY", "LEG"})
_OPPOSING_PREPS = frozenset({"against", "with", "on", "upon", "toward", "towards"})
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
            caps = [
                w for w in re.findall(r"[^\W\d_]+", _POSSESSIVE.sub("", text)) if w[:1].isupper()
            ]
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

    def country_named(self, text: str) -> str | None:
        """The country (ISO 3166-1 alpha-3) a phrase's own words name ("Russian troops" ->
        RUS, "Kenya" -> KEN), or None; ``codes`` with no entity label."""
        return self.codes(text, "")[0]

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
            placed = {
                (m["start_char"], m["end_char"]): m["country"]
                for m in (self.doc._.ww_mentions or [])
                if str(m.get("name_key") or "").startswith("PLACE:") and m.get("country")
            }
            named = [
                (e, placed.get((e.start_char, e.end_char)) or self.codes(e.text, e.label_)[0])
                for e in self.ents
                if e.label_ in ("GPE", "NORP", "LOC")
                and not _currency_prefix(e)
                and not stance_prefixed(e[0])
            ]  # "anti-Syria" names no party
            found = {c for _e, c in named if c}
            # countries and demonyms the actor tables found inside other names ("the Nigerian
            # Interior Ministry")
            found |= {
                m["country"]
                for m in (self.doc._.ww_mentions or [])
                if m.get("entity_type") in ("GPE", "NORP")
                and m.get("country")
                and not self.text[m["end_char"] : m["end_char"] + 2].lstrip().startswith("$")
            }
            self._sole = next(iter(found)) if len(found) == 1 else ""
            # "sanctions against Venezuela", "talks with Peru": the country is acted upon,
            # so an official elsewhere in the text is not its own
            self.sole_is_opposed = any(
                e.root.dep_ == "pobj" and e.root.head.lower_ in _OPPOSING_PREPS
                for e, c in named
                if c and c == self._sole
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


def _currency_prefix(ent: Span) -> bool:
    """A country name that only qualifies a currency ("US $50 million", "HK$ 3 billion")."""
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return nxt is not None and (
        nxt.text in ("$", "dollars") or nxt.ent_type_ == "MONEY" and nxt.is_currency
    )
