"""Numbered schema migrations of the DuckDB store.

Each migration runs once, in its own transaction, and is recorded in ``schema_migrations``
(``version``, ``name``, ``applied_at``). Migration 1 creates the record tables from
``wirewatch.store.schema.TABLES``; later migrations add what came after. A field added to the
record model later needs no hand-written migration: ``migrate`` adds the missing nullable column
(``ALTER TABLE … ADD COLUMN``). Renaming or removing a field does need one, appended to
``MIGRATIONS`` with the next number; a published number never changes meaning.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb

from wirewatch.errors import StoreError
from wirewatch.store.schema import TABLES

__all__ = ["Migration", "MIGRATIONS", "migrate", "applied_versions"]


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[duckdb.DuckDBPyConnection], None]


def _record_tables(con: duckdb.DuckDBPyConnection) -> None:
    for t in TABLES:
        con.execute(t.ddl())


def _cluster_tables(con: duckdb.DuckDBPyConnection) -> None:
    from wirewatch.store.dedup import CLUSTER_DDL

    for ddl in CLUSTER_DDL:
        con.execute(ddl)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "record tables (articles, entities, mentions, quotes, events, counts, "
        "stances, errors, inputs)",
        _record_tables,
    ),
    Migration(2, "event_clusters and event_cluster_members", _cluster_tables),
)


def applied_versions(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Versions recorded in ``schema_migrations`` (empty if the table does not exist)."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchall()[0]
    if not exists or not exists[0]:
        return []
    rows = con.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()
    return [r[0] for r in rows]


def _add_missing_columns(con: duckdb.DuckDBPyConnection) -> list[str]:
    added = []
    for t in TABLES:
        have = {
            r[0]
            for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ?",
                [t.name],
            ).fetchall()
        }
        for c in t.columns:
            if c.name not in have:
                con.execute(f"ALTER TABLE {t.name} ADD COLUMN {c.name} {c.sql_type}")
                added.append(f"{t.name}.{c.name}")
    return added


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Bring the store's schema up to date.

    Returns:
        The versions applied by this call (empty when the store was current).

    Raises:
        StoreError: the store was written by a newer wirewatch (it has unknown versions).
    """
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        "version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    done = set(applied_versions(con))
    known = {m.version for m in MIGRATIONS}
    if done - known:
        raise StoreError(
            f"the store has schema version(s) {sorted(done - known)} that this wirewatch does not "
            "know; upgrade wirewatch to open it."
        )
    applied = []
    for m in MIGRATIONS:
        if m.version in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            m.apply(con)
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, current_timestamp)",
                [m.version, m.name],
            )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(m.version)
    _add_missing_columns(con)
    return applied
