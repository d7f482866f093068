"""Response models of the JSON API (documented at ``/docs``, served at ``/openapi.json``).

``/api/articles/{id}`` returns ``wirewatch.model.Record`` itself. The list endpoints return flat
rows whose column names are the store's (``store.schema``), which are the model's field names
flattened with ``_`` (``source_actor_name``, ``trigger_text``); ``EventRow`` is built from the
store's ``events`` columns so it cannot drift from them.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, create_model

from wirewatch.store.schema import table
from wirewatch.web.corpus import EVENT_COLUMNS

__all__ = [
    "ArticleRow",
    "ArticlePage",
    "EventRow",
    "EventPage",
    "ActorNode",
    "Dyad",
    "Network",
    "QuoteRow",
    "QuotePage",
    "StanceRow",
    "Speaker",
    "Period",
    "TimelineSeries",
    "Timeline",
    "Place",
    "TypeCount",
    "Overview",
]

_PY = {"VARCHAR": str, "BIGINT": int, "DOUBLE": float, "BOOLEAN": bool, "JSON": str}


class ArticleRow(BaseModel):
    id: str
    source_id: str | None = None
    title: str | None = None
    date: str | None = Field(default=None, description="publication date, ISO 8601")
    url: str | None = None
    language: str | None = None
    n_chars: int = Field(description="length of the text in code points")
    n_entities: int
    n_quotes: int
    n_events: int


class ArticlePage(BaseModel):
    total: int
    page: int
    per_page: int
    items: list[ArticleRow]


def _event_row() -> type[BaseModel]:
    store_cols = {c.name: _PY[c.sql_type] for c in table("events").columns}
    extra: dict[str, tuple[Any, str]] = {
        "article_title": (str, "title of the article"),
        "article_date": (str, "publication date of the article"),
        "date": (str, "event_date, else the article's publication date"),
        "cluster_id": (str, "cross-article event cluster (event_clusters)"),
        "cluster_articles": (int, "number of articles reporting the cluster"),
    }
    fields: dict[str, Any] = {}
    for name in EVENT_COLUMNS:
        if name in store_cols:
            fields[name] = (store_cols[name] | None, None)
        else:
            typ, desc = extra[name]
            fields[name] = (typ | None, Field(default=None, description=desc))
    return create_model("EventRow", __doc__="One extracted event, flattened.", **fields)


EventRow = _event_row()


class EventPage(BaseModel):
    total: int
    page: int
    per_page: int
    sort: str
    order: str
    items: list[EventRow]  # type: ignore[valid-type]


class ActorNode(BaseModel):
    id: str = Field(description="actor key: the name lower-cased, without a leading 'the'")
    name: str
    country: str | None = None
    sector: str | None = None
    n_events: int


class Dyad(BaseModel):
    source: str = Field(description="actor key of the source actor")
    target: str = Field(description="actor key of the target actor")
    count: int
    quad_class: int | None = Field(description="most frequent QuadClass (1-4) of its events")
    quad_counts: dict[str, int]
    cooperation: int = Field(description="events of QuadClass 1 or 2")
    conflict: int = Field(description="events of QuadClass 3 or 4")


class Network(BaseModel):
    nodes: list[ActorNode]
    edges: list[Dyad]


class QuoteRow(BaseModel):
    id: str
    article_id: str
    article_title: str | None = None
    article_date: str | None = None
    speaker: str | None = Field(description="actor key of the speaker")
    source_name: str | None = None
    source_text: str | None = None
    source_entity_id: str | None = None
    source_start_char: int | None = None
    source_end_char: int | None = None
    cue_text: str | None = None
    cue_start_char: int | None = None
    cue_end_char: int | None = None
    content_text: str = Field(description="the whole content (hull of content_parts)")
    content_start_char: int
    content_end_char: int
    content_parts: list[dict[str, Any]] = Field(
        default_factory=list,
        description="{start_char, end_char, text} of each piece of a discontinuous content "
        "(source and cue inside it), in text order; [] when the content is one piece",
    )
    content_shown: str = Field(description="the content as shown: parts joined by ' … '")
    quote_type: str
    continued_from: str | None = None
    confidence: float


class QuotePage(BaseModel):
    total: int
    page: int
    per_page: int
    items: list[QuoteRow]


class StanceRow(BaseModel):
    id: str
    article_id: str
    relation: str
    to_name: str
    cue_text: str | None = None
    evidence_text: str
    evidence_start_char: int
    evidence_end_char: int


class SpeakerQuote(BaseModel):
    id: str
    article_id: str
    article_title: str | None = None
    article_date: str | None = None
    cue_text: str | None = None
    content_text: str
    content_parts: list[dict[str, Any]] = Field(default_factory=list)
    content_shown: str = Field(description="the content as shown: parts joined by ' … '")
    quote_type: str


class Speaker(BaseModel):
    key: str
    name: str
    n_quotes: int
    n_stances: int
    n_articles: int
    roles: list[str] = Field(description="descriptor and affiliation phrases, most frequent first")
    countries: list[str]
    sectors: list[str]
    quotes: list[SpeakerQuote]
    stances: list[StanceRow]


class Period(BaseModel):
    start: str
    end: str = Field(description="last day of the period, inclusive")


class TimelineSeries(BaseModel):
    plover_type: str
    counts: list[int]


class Timeline(BaseModel):
    unit: str = Field(description="day, week or month")
    periods: list[Period]
    series: list[TimelineSeries]


class Place(BaseModel):
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float
    lon: float
    n_events: int
    types: dict[str, int] = Field(description="events per PLOVER type")


class TypeCount(BaseModel):
    plover_type: str
    n: int


class Overview(BaseModel):
    counts: dict[str, int]
    recent_articles: list[ArticleRow]
    top_actors: list[ActorNode]
    top_event_types: list[TypeCount]
