"""``/events``: the filterable, sortable, paginated events table and its CSV download."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, StreamingResponse

from wirewatch.web.app import corpus, render
from wirewatch.web.corpus import EVENT_COLUMNS, Corpus, EventFilter
from wirewatch.web.routes._common import Page, PerPage, event_filter, link
from wirewatch.web.schemas import EventPage

router = APIRouter()

SortKey = Literal[
    "date",
    "plover_type",
    "acled_event_type",
    "source",
    "target",
    "place",
    "country",
    "quad_class",
    "goldstein",
    "confidence",
    "article",
]
"""The keys of ``corpus.SORTS`` (a test checks they agree)."""
Sort = Annotated[SortKey, Query(description="column to sort by")]
Order = Annotated[Literal["asc", "desc"], Query()]
Filter = Annotated[EventFilter, Depends(event_filter)]

COLUMNS = (
    ("date", "Date"),
    ("plover_type", "PLOVER"),
    ("acled_event_type", "ACLED"),
    ("source", "Source actor"),
    (None, "Trigger"),
    ("target", "Target actor"),
    ("place", "Place"),
    ("country", "Country"),
    ("quad_class", "Quad"),
    ("goldstein", "Goldstein"),
    ("confidence", "Conf."),
    ("article", "Article"),
)


@router.get("/events", response_class=HTMLResponse, include_in_schema=False)
def events_page(
    request: Request,
    c: Annotated[Corpus, Depends(corpus)],
    flt: Filter,
    sort: Sort = "date",
    order: Order = "desc",
    page: Page = 1,
    per_page: PerPage = 50,
) -> HTMLResponse:
    total, rows = c.events(flt, sort, order, page, per_page)
    n_pages = max(1, -(-total // per_page))
    base = flt.query_items()

    def page_link(p: int) -> str:
        return link("/events", base + [("sort", sort), ("order", order), ("page", p)])

    def sort_link(key: str) -> str:
        new_order = "asc" if (key == sort and order == "desc") else "desc"
        return link("/events", base + [("sort", key), ("order", new_order)])

    return render(
        request,
        "events.html",
        flt=flt,
        options=c.filter_options(),
        rows=rows,
        total=total,
        page=page,
        n_pages=n_pages,
        sort=sort,
        order=order,
        columns=[(k, label, sort_link(k) if k else None) for k, label in COLUMNS],
        prev_link=page_link(page - 1) if page > 1 else None,
        next_link=page_link(page + 1) if page < n_pages else None,
        csv_link=link("/api/events.csv", base + [("sort", sort), ("order", order)]),
        json_link=link("/api/events", base + [("sort", sort), ("order", order), ("page", page)]),
        timeline_link=link("/timeline", base),
        map_link=link("/map", base),
    )


@router.get("/api/events", response_model=EventPage, tags=["events"])
def events_api(
    c: Annotated[Corpus, Depends(corpus)],
    flt: Filter,
    sort: Sort = "date",
    order: Order = "desc",
    page: Page = 1,
    per_page: PerPage = 50,
) -> dict[str, Any]:
    """One page of events matching the filter (all filters combine with AND)."""
    total, rows = c.events(flt, sort, order, page, per_page)
    return {
        "total": total,
        "page": page,
        "per_page": per_page,
        "sort": sort,
        "order": order,
        "items": rows,
    }


@router.get(
    "/api/events.csv",
    response_class=StreamingResponse,
    tags=["events"],
    responses={200: {"content": {"text/csv": {}}, "description": "CSV with a header row"}},
)
def events_csv(
    c: Annotated[Corpus, Depends(corpus)],
    flt: Filter,
    sort: Sort = "date",
    order: Order = "desc",
) -> StreamingResponse:
    """Every event matching the filter as CSV (the columns of ``/api/events`` items).

    Cells that start with ``=``, ``+``, ``-`` or ``@`` are prefixed with ``'`` so that a
    spreadsheet does not run article text as a formula."""

    def body() -> Iterator[str]:
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(EVENT_COLUMNS)
        for i, row in enumerate(c.iter_events(flt, sort, order)):
            w.writerow([_cell(v) for v in row])
            if i % 500 == 499:
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
        yield buf.getvalue()

    return StreamingResponse(
        body(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="wirewatch-events.csv"'},
    )


def _cell(v: object) -> object:
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + v
    return v
