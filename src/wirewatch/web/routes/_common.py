"""Shared request parsing: the event filter, paging, and links that keep the current query."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Annotated
from urllib.parse import urlencode

from fastapi import HTTPException, Query

from wirewatch.web.corpus import EventFilter

__all__ = ["event_filter", "Page", "PerPage", "link"]

_Text = Annotated[str | None, Query(max_length=200)]

Page = Annotated[int, Query(ge=1, le=1_000_000, description="1-based page number")]
PerPage = Annotated[int, Query(ge=1, le=500, description="rows per page")]


def _clean(v: str | None) -> str | None:
    v = (v or "").strip()
    return v or None


def _date(name: str, v: str | None) -> str | None:
    v = _clean(v)
    if v is None:
        return None
    try:
        return dt.date.fromisoformat(v).isoformat()
    except ValueError:
        raise HTTPException(422, f"{name} must be a date YYYY-MM-DD, not {v!r}") from None


def event_filter(
    plover_type: Annotated[str | None, Query(max_length=200, description="PLOVER type")] = None,
    acled_event_type: Annotated[str | None, Query(max_length=200, description="ACLED type")] = None,
    actor: Annotated[
        str | None, Query(max_length=200, description="part of the source or target name")
    ] = None,
    country: Annotated[
        str | None, Query(max_length=3, description="ISO alpha-3 of an actor or the place")
    ] = None,
    date_from: Annotated[str | None, Query(description="first day, YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, Query(description="last day, YYYY-MM-DD")] = None,
    place: Annotated[str | None, Query(max_length=200, description="part of the place")] = None,
    source_actor: Annotated[
        str | None, Query(max_length=200, description="exact source actor key")
    ] = None,
    target_actor: Annotated[
        str | None, Query(max_length=200, description="exact target actor key")
    ] = None,
    article_id: _Text = None,
) -> EventFilter:
    """The ``EventFilter`` of a request; empty form fields count as unset."""
    return EventFilter(
        plover_type=_clean(plover_type),
        acled_event_type=_clean(acled_event_type),
        actor=_clean(actor),
        country=(_clean(country) or "").upper() or None,
        date_from=_date("date_from", date_from),
        date_to=_date("date_to", date_to),
        place=_clean(place),
        source_actor=_clean(source_actor),
        target_actor=_clean(target_actor),
        article_id=_clean(article_id),
    )


def link(path: str, items: Iterable[tuple[str, object]]) -> str:
    """``path?query`` from the pairs whose value is set (URL-encoded)."""
    q = urlencode([(k, str(v)) for k, v in items if v not in (None, "")])
    return f"{path}?{q}" if q else path
