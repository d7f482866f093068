"""``/articles`` and ``/articles/{id}``: the text with its entities, quotes and events."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from wirewatch.model import Record
from wirewatch.web.app import corpus, render
from wirewatch.web.corpus import Corpus
from wirewatch.web.routes._common import Page, PerPage, link
from wirewatch.web.schemas import ArticlePage

router = APIRouter()

_Q = Annotated[str | None, Query(max_length=200, description="part of the title or text")]


@router.get("/articles", response_class=HTMLResponse, include_in_schema=False)
def articles_page(
    request: Request,
    c: Annotated[Corpus, Depends(corpus)],
    q: _Q = None,
    page: Page = 1,
    per_page: PerPage = 50,
) -> HTMLResponse:
    total, rows = c.articles(q or None, page, per_page)
    n_pages = max(1, -(-total // per_page))

    def page_link(p: int) -> str:
        return link("/articles", [("q", q), ("page", p), ("per_page", per_page)])

    return render(
        request,
        "articles.html",
        q=q or "",
        total=total,
        rows=rows,
        page=page,
        n_pages=n_pages,
        prev_link=page_link(page - 1) if page > 1 else None,
        next_link=page_link(page + 1) if page < n_pages else None,
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
def article_page(
    article_id: str, request: Request, c: Annotated[Corpus, Depends(corpus)]
) -> HTMLResponse:
    rec = c.record(article_id)
    if rec is None:
        raise HTTPException(404, f"no article {article_id!r} in this store")
    return render(request, "article.html", rec=rec, a=rec.article)


@router.get("/api/articles", response_model=ArticlePage, tags=["articles"])
def articles_api(
    c: Annotated[Corpus, Depends(corpus)], q: _Q = None, page: Page = 1, per_page: PerPage = 50
) -> dict[str, Any]:
    """Articles, newest first, with the number of entities, quotes and events of each."""
    total, rows = c.articles(q or None, page, per_page)
    return {"total": total, "page": page, "per_page": per_page, "items": rows}


@router.get("/api/articles/{article_id}", response_model=Record, tags=["articles"])
def article_api(article_id: str, c: Annotated[Corpus, Depends(corpus)]) -> Record:
    """The whole record of one article (``wirewatch.model.Record``), as ``wirewatch extract``
    prints it; every span's offsets index ``article.text`` in code points."""
    rec = c.record(article_id)
    if rec is None:
        raise HTTPException(404, f"no article {article_id!r} in this store")
    return rec
