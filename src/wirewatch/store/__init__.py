"""The local corpus store (DuckDB): tables derived from the record model, idempotent writes,
numbered migrations and cross-article event clusters.

>>> from wirewatch.store import Store
>>> st = Store("corpus.duckdb", read_only=True)
>>> st.query("SELECT * FROM event_clusters ORDER BY n_articles DESC LIMIT 10")  # pandas
"""

from __future__ import annotations

from wirewatch.store.db import Store
from wirewatch.store.dedup import ClusterRule, refresh_clusters
from wirewatch.store.schema import TABLE_NAMES, TABLES

__all__ = ["Store", "ClusterRule", "refresh_clusters", "TABLES", "TABLE_NAMES"]
