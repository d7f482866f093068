"""The routers of the web view, one module per page; each holds its page and its JSON API."""

from __future__ import annotations

from wirewatch.web.routes import (
    actors,
    articles,
    docs,
    events,
    overview,
    sources,
    timeline,
    worldmap,
)

__all__ = ["ROUTERS"]

ROUTERS = (
    overview.router,
    articles.router,
    events.router,
    actors.router,
    timeline.router,
    worldmap.router,
    sources.router,
    docs.router,
)
