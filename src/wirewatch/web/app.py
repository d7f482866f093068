"""The FastAPI application of ``wirewatch serve``: ``create_app(db_path)``.

Security model (the corpus is untrusted text):

* The store is opened read-only (``Store(path, read_only=True)``); every query binds its values.
* Templates are Jinja2 with autoescaping on; scripts write data with ``textContent`` and
  ``setAttribute`` only, never ``innerHTML``.
* Every HTML response carries a Content-Security-Policy that allows scripts only from this
  server (no inline script), so even a markup slip could not run an article's ``<script>``.
* Static assets are read into memory at start-up; no request parameter reaches the file system.
* ``allowed_hosts`` (set by ``wirewatch serve`` for a loopback bind) rejects requests whose Host
  header names another site, which stops DNS-rebinding pages from reading the corpus.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

import jinja2
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from wirewatch.web._assets import Asset, load_assets, load_swagger_assets
from wirewatch.web.corpus import Corpus

__all__ = ["create_app", "corpus", "render"]

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
# Swagger UI sets inline styles; its page shows no corpus data.
CSP_DOCS = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")

NAV = (
    ("/", "Overview"),
    ("/articles", "Articles"),
    ("/events", "Events"),
    ("/actors", "Actors"),
    ("/timeline", "Timeline"),
    ("/map", "Map"),
    ("/sources", "Sources"),
    ("/docs", "API"),
)


def corpus(request: Request) -> Corpus:
    """The app's ``Corpus`` (FastAPI dependency)."""
    return request.app.state.corpus


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render template ``name`` with the navigation and ``context``."""
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(
        request,
        name,
        {"nav": NAV, "path": request.url.path, "db_name": request.app.state.db_name, **context},
        status_code=status_code,
    )


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("wirewatch.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return Jinja2Templates(env=env)


def _asset_response(request: Request, asset: Asset | None) -> Response:
    if asset is None:
        raise HTTPException(404, "no such asset")
    headers = {"ETag": f'"{asset.etag}"', "Cache-Control": "no-cache"}
    if request.headers.get("if-none-match") == f'"{asset.etag}"':
        return Response(status_code=304, headers=headers)
    return Response(asset.body, media_type=asset.media_type, headers=headers)


def create_app(db_path: str, *, allowed_hosts: Sequence[str] | None = None) -> FastAPI:
    """The web view and JSON API over one store.

    Args:
        db_path: a DuckDB store written by ``wirewatch ingest``; opened read-only.
        allowed_hosts: accepted ``Host`` header names (e.g. ``["127.0.0.1", "localhost"]``);
            ``None`` accepts any.

    Returns:
        The FastAPI app; the store stays open until the app shuts down.

    Raises:
        StoreError: the file is missing or is not a wirewatch store.
    """
    from pathlib import Path

    from wirewatch.web.routes import ROUTERS

    store = Corpus(db_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="wirewatch",
        summary="Events, quotes and actors of a wirewatch store, each linked to its words.",
        description=(
            "Read-only JSON API over a DuckDB store written by `wirewatch ingest`. Records and "
            "rows follow `wirewatch.model`: every span is `start_char`/`end_char` (half-open, "
            "Unicode code points into the article text) plus its `text`."
        ),
        version=_version(),
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.corpus = store
    app.state.db_name = Path(db_path).name
    app.state.templates = _templates()
    app.state.assets = load_assets()
    app.state.swagger = load_swagger_assets()

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        docs = request.url.path == "/docs"
        response.headers["Content-Security-Policy"] = CSP_DOCS if docs else CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str, request: Request) -> Response:
        return _asset_response(request, request.app.state.assets.get(name))

    @app.get("/static/docs/{name}", include_in_schema=False)
    def swagger_static(name: str, request: Request) -> Response:
        return _asset_response(request, request.app.state.swagger.get(name))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        path = request.url.path
        if path.startswith("/api/") or path.startswith("/static/") or path == "/openapi.json":
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return render(
            request,
            "error.html",
            status_code=exc.status_code,
            status=exc.status_code,
            detail=str(exc.detail),
        )

    for router in ROUTERS:
        app.include_router(router)
    return app


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("wirewatch")
    except PackageNotFoundError:  # pragma: no cover
        return "0"
