"""``/actors``: the actor network (nodes actors, edges dyads coloured by QuadClass)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from wirewatch.web.app import corpus, render
from wirewatch.web.corpus import Corpus
from wirewatch.web.schemas import Network

router = APIRouter()


@router.get("/actors", response_class=HTMLResponse, include_in_schema=False)
def actors_page(request: Request) -> HTMLResponse:
    return render(request, "actors.html")


@router.get("/api/actors", response_model=Network, tags=["actors"])
def actors_api(
    c: Annotated[Corpus, Depends(corpus)],
    limit: Annotated[int, Query(ge=1, le=1000, description="most active actors kept")] = 80,
) -> dict[str, Any]:
    """The actor network. List a dyad's events with
    ``/api/events?source_actor={source}&target_actor={target}``."""
    return c.network(limit)
