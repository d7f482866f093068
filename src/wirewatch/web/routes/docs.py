"""``/docs``: Swagger UI served from this package's dependencies, so it works offline."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from wirewatch.web.app import render

router = APIRouter()


@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def docs_page(request: Request) -> HTMLResponse:
    """Swagger UI when its assets are installed; else a plain list of the endpoints."""
    if request.app.state.swagger:
        return render(request, "docs.html")
    paths = request.app.openapi().get("paths", {})
    endpoints = [
        (method.upper(), path, (op.get("summary") or ""))
        for path, ops in sorted(paths.items())
        for method, op in ops.items()
    ]
    return render(request, "docs_plain.html", endpoints=endpoints)
