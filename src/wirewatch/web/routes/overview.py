"""``/``: counts, recent articles, top actors and top event types."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from wirewatch.web.app import corpus, render
from wirewatch.web.corpus import Corpus
from wirewatch.web.schemas import Overview

router = APIRouter()


def _overview(c: Corpus) -> dict[str, Any]:
    return {
        "counts": c.counts(),
        "recent_articles": c.articles(per_page=10)[1],
        "top_actors": c.network(limit=10)["nodes"],
        "top_event_types": c.top_event_types(10),
    }


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def overview_page(request: Request, c: Annotated[Corpus, Depends(corpus)]) -> HTMLResponse:
    return render(request, "overview.html", **_overview(c))


@router.get("/api/overview", response_model=Overview, tags=["overview"])
def overview_api(c: Annotated[Corpus, Depends(corpus)]) -> dict[str, Any]:
    """Row counts, the ten newest articles, the ten most active actors and event types."""
    return _overview(c)
