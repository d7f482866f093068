"""``/sources``: each speaker with their quotes, roles and stances toward others."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from wirewatch.web.app import corpus, render
from wirewatch.web.corpus import Corpus
from wirewatch.web.routes._common import Page, PerPage
from wirewatch.web.schemas import QuotePage, Speaker

router = APIRouter()

_Q = Annotated[str | None, Query(max_length=200, description="part of the speaker's name")]
_Limit = Annotated[int, Query(ge=1, le=1000, description="at most this many speakers")]


@router.get("/sources", response_class=HTMLResponse, include_in_schema=False)
def sources_page(
    request: Request, c: Annotated[Corpus, Depends(corpus)], q: _Q = None, limit: _Limit = 100
) -> HTMLResponse:
    return render(request, "sources.html", q=q or "", speakers=c.sources(q or None, limit))


@router.get("/api/sources", response_model=list[Speaker], tags=["quotes"])
def sources_api(
    c: Annotated[Corpus, Depends(corpus)], q: _Q = None, limit: _Limit = 100
) -> list[dict[str, Any]]:
    """Speakers, most quoted first, with up to ten quotes each, roles and stances."""
    return c.sources(q or None, limit)


@router.get("/api/quotes", response_model=QuotePage, tags=["quotes"])
def quotes_api(
    c: Annotated[Corpus, Depends(corpus)],
    speaker: Annotated[
        str | None, Query(max_length=200, description="speaker key (see /api/sources)")
    ] = None,
    article_id: Annotated[str | None, Query(max_length=100)] = None,
    page: Page = 1,
    per_page: PerPage = 50,
) -> dict[str, Any]:
    """Quotes (source, cue, content with offsets), newest articles first."""
    total, rows = c.quotes(speaker or None, article_id or None, page, per_page)
    return {"total": total, "page": page, "per_page": per_page, "items": rows}
