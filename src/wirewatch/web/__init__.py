"""The analyst's web view over a wirewatch store (``wirewatch serve``; extra ``wirewatch[web]``).

>>> from wirewatch.web import create_app
>>> app = create_app("corpus.duckdb")     # FastAPI app; run with uvicorn

Pages: ``/`` overview, ``/articles/{id}`` (text with entities, quotes and events; every field
jumps to its evidence span), ``/events``, ``/actors``, ``/timeline``, ``/map``, ``/sources``.
JSON under ``/api/``; OpenAPI at ``/openapi.json``, Swagger UI at ``/docs``.
"""

from __future__ import annotations

from wirewatch.web.app import create_app

__all__ = ["create_app"]
