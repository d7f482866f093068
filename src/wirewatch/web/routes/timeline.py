"""``/timeline``: events per period, stacked by PLOVER type."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from wirewatch.web.app import corpus, render
from wirewatch.web.corpus import Corpus, EventFilter
from wirewatch.web.routes._common import event_filter, link
from wirewatch.web.schemas import Timeline

router = APIRouter()
Filter = Annotated[EventFilter, Depends(event_filter)]


@router.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
def timeline_page(request: Request, flt: Filter) -> HTMLResponse:
    return render(request, "timeline.html", flt=flt, events_link=link("/events", flt.query_items()))


@router.get("/api/timeline", response_model=Timeline, tags=["events"])
def timeline_api(
    c: Annotated[Corpus, Depends(corpus)],
    flt: Filter,
    unit: Annotated[Literal["auto", "day", "week", "month"], Query()] = "auto",
) -> dict[str, Any]:
    """Events per period and PLOVER type (date = event_date, else publication date; an
    undated historical event is left out)."""
    return c.timeline(flt, unit)
