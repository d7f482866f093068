"""``/map``: event locations on a world outline shipped with the package (no tiles)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from wirewatch.web.app import corpus, render
from wirewatch.web.corpus import Corpus, EventFilter
from wirewatch.web.routes._common import event_filter, link
from wirewatch.web.schemas import Place

router = APIRouter()
Filter = Annotated[EventFilter, Depends(event_filter)]


@router.get("/map", response_class=HTMLResponse, include_in_schema=False)
def map_page(request: Request, flt: Filter) -> HTMLResponse:
    return render(request, "map.html", flt=flt, events_link=link("/events", flt.query_items()))


@router.get("/api/places", response_model=list[Place], tags=["events"])
def places_api(c: Annotated[Corpus, Depends(corpus)], flt: Filter) -> list[dict[str, Any]]:
    """Event locations with coordinates and their number of events per PLOVER type."""
    return c.places(flt)
