"""The DuckDB store: open, write records idempotently, query into pandas or Arrow.

>>> from wirewatch.store import Store
>>> with Store("corpus.duckdb") as st:
...     st.write([st.rows_of(record, source="feed.jsonl", source_id="a1")])
...     st.query("SELECT plover_type, count(*) FROM events GROUP BY 1")   # pandas DataFrame
...     st.record("art_0123456789abcdef")   # the Record of one article, or None

Writes are idempotent: every table has a primary key built from the model's deterministic ids
(``articles.id`` is the text hash, entity/quote/event/stance ids are hashes of their evidence,
mentions and counts are keyed by parent id and position), and rows go in with ``INSERT OR
IGNORE``, so writing a record twice adds nothing. ``write`` puts a batch of whole records in one
transaction: a crash (even ``kill -9``) leaves each record either fully stored or absent, and
DuckDB's write-ahead log discards the unfinished transaction when the file is next opened.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from wirewatch.errors import StoreError
from wirewatch.model import ErrorRecord, Record
from wirewatch.store.migrations import applied_versions, migrate
from wirewatch.store.schema import TABLES, Column, error_rows, input_row, record_rows, table

__all__ = ["Store", "Rows", "merge_rows"]

Rows = dict[str, list[tuple]]
"""Rows to write, per table name: ``{"events": [(article_id, id, ...), ...]}``."""

_ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "JSON": pa.string(),
    "BIGINT": pa.int64(),
    "INTEGER": pa.int32(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "TIMESTAMP": pa.timestamp("us"),
}


def merge_rows(parts: Iterable[Rows]) -> Rows:
    """Concatenate several ``Rows`` into one, table by table."""
    out: Rows = {}
    for p in parts:
        for name, rows in p.items():
            out.setdefault(name, []).extend(rows)
    return out


def _arrow_table(name: str, rows: list[tuple], columns: list[tuple[str, str]]) -> pa.Table:
    cols = list(zip(*rows, strict=True)) if rows else [() for _ in columns]
    return pa.table(
        {
            c: pa.array(list(v), type=_ARROW_TYPES[t])
            for (c, t), v in zip(columns, cols, strict=True)
        }
    )


def _nest(columns: tuple[Column, ...], row: dict[str, Any]) -> dict[str, Any]:
    """A row as the nested dict of its model: the inverse of ``schema.columns``' flattening.

    Each ``Column.path`` says where the value sits in a model dump (``("trigger",
    "start_char")``); JSON columns are parsed; a NULL JSON column, or a NULL in a column whose
    field has a default and takes no None (``Column.defaulted``), is left out, so the model's
    default applies (a field added after the row was written, e.g. ``Quote.content_parts`` or
    ``ActorRef.implied`` in a store made before it, reads as its default: ``[]``, ``False``); a
    nested optional model whose leaves are all NULL becomes ``None``.
    """
    out: dict[str, Any] = {}
    for c in columns:
        if not c.path or c.path[0].startswith("__"):
            continue
        v = row.get(c.name)
        if v is None and (c.sql_type == "JSON" or c.defaulted):
            continue
        if c.sql_type == "JSON" and isinstance(v, str):
            v = json.loads(v)
        node = out
        for k in c.path[:-1]:
            node = node.setdefault(k, {})
        node[c.path[-1]] = v
    return _prune(out)


def _prune(d: dict[str, Any]) -> dict[str, Any]:
    """Replace nested dicts whose leaves are all None by None (an absent optional model)."""
    for k, v in list(d.items()):
        if isinstance(v, dict) and k != "pipeline":
            d[k] = _prune(v)
            if all(x is None for x in d[k].values()):
                d[k] = None
    return d


def _fetch(cur: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    res = cur.execute(sql, params)
    names = [d[0] for d in res.description]
    return [dict(zip(names, r, strict=True)) for r in res.fetchall()]


def _record(cur: duckdb.DuckDBPyConnection, article_id: str) -> Record | None:
    arts = _fetch(cur, "SELECT * FROM articles WHERE id = ?", [article_id])
    if not arts:
        return None
    rec = _nest(table("articles").columns, arts[0])

    def children(name: str, parent: str) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {}
        sql = f"SELECT * FROM {name} WHERE article_id = ? ORDER BY {parent}, seq"
        for row in _fetch(cur, sql, [article_id]):
            out.setdefault(row[parent], []).append(_nest(table(name).columns, row))
        return out

    def rows(name: str, order: str) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        sql = f"SELECT * FROM {name} WHERE article_id = ? ORDER BY {order}, id"
        return [(r, _nest(table(name).columns, r)) for r in _fetch(cur, sql, [article_id])]

    mentions = children("mentions", "entity_id")
    entities = [d | {"mentions": mentions.get(r["id"], [])} for r, d in rows("entities", "id")]
    entities.sort(key=lambda d: d["mentions"][0]["start_char"] if d["mentions"] else 1 << 62)
    counts = children("counts", "event_id")
    events = [
        d | {"counts": counts.get(r["id"], [])} for r, d in rows("events", "trigger_start_char")
    ]
    rec.update(
        entities=entities,
        events=events,
        quotes=[d for _, d in rows("quotes", "content_start_char")],
        stances=[d for _, d in rows("stances", "evidence_start_char")],
    )
    rec["diagnostics"] = rec.get("diagnostics") or []
    rec["pipeline"] = rec.get("pipeline") or {}
    return Record.model_validate(rec)


class Store:
    """A wirewatch corpus in one DuckDB file.

    Args:
        path: the database file (created if absent, unless ``read_only``); ``":memory:"`` works.
        read_only: open without write access (for ``wirewatch query``); the schema is not migrated.

    Raises:
        StoreError: the file cannot be opened (missing in read-only mode, locked by another
            process, not a DuckDB file) or is not a wirewatch store.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError("no such store; run wirewatch ingest first.", source=self.path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(
                f"cannot open the store ({exc}); is another wirewatch process writing to it?",
                source=self.path,
            ) from exc
        self.read_only = read_only
        if read_only:
            if not applied_versions(self.con):
                self.con.close()
                raise StoreError(
                    "not a wirewatch store (no schema_migrations table); give the --db of an "
                    "ingest.",
                    source=self.path,
                )
        else:
            migrate(self.con)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- writing ---------------------------------------------------------------------------------

    @staticmethod
    def rows_of(item: Record | ErrorRecord, *, source: str, source_id: str | None = None) -> Rows:
        """The rows of one extracted record or error record (see ``schema.record_rows``)."""
        if isinstance(item, Record):
            return record_rows(item, source, source_id or item.article.source_id)
        return error_rows(item, source, source_id)

    @staticmethod
    def alias_rows(source: str, source_id: str, article_id: str) -> Rows:
        """The ``inputs`` row of an input whose text is already stored as ``article_id``."""
        return {"inputs": [input_row(source, source_id, article_id)]}

    def write(self, batch: Iterable[Rows]) -> None:
        """Write whole records in one transaction; rows whose key exists are ignored.

        Raises:
            StoreError: the write failed; nothing of the batch is kept.
        """
        merged = merge_rows(batch)
        self.con.execute("BEGIN TRANSACTION")
        try:
            for t in TABLES:
                rows = merged.get(t.name)
                if not rows:
                    continue
                cols = [(c.name, c.sql_type) for c in t.columns]
                tbl = _arrow_table(t.name, rows, cols)
                self.con.register("_ww_rows", tbl)
                try:
                    names = ", ".join(c for c, _ in cols)
                    self.con.execute(
                        f"INSERT OR IGNORE INTO {t.name} ({names}) SELECT {names} FROM _ww_rows"
                    )
                finally:
                    self.con.unregister("_ww_rows")
            self.con.execute("COMMIT")
        except Exception as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"writing a batch failed and was rolled back: {exc}") from exc

    def add(self, items: Iterable[Record | ErrorRecord], *, source: str = "") -> None:
        """Write records (and error records) in one transaction; convenience for the API."""
        self.write(self.rows_of(it, source=source) for it in items)

    # -- what is there ---------------------------------------------------------------------------

    def known_inputs(self) -> set[tuple[str, str]]:
        """``(source, id)`` of every input already stored as an article or an error."""
        rows = self.con.execute(
            "SELECT source, id FROM inputs UNION SELECT source, id FROM errors"
        ).fetchall()
        return {(r[0], r[1]) for r in rows}

    def settle_aliases(self) -> int:
        """Turn ``inputs`` rows that point at no article into ``errors`` rows; return how many.

        An input whose text equals an earlier input's is stored as an alias of that article
        before the earlier one is extracted. If the earlier one then failed, the alias would
        point at nothing: it becomes an error (code ``same_text_failed``) instead, so every
        input is either an article or an error, and ``--retry-errors`` retries it.
        """
        self.con.execute("BEGIN TRANSACTION")
        try:
            dangling = "FROM inputs i WHERE i.article_id NOT IN (SELECT id FROM articles)"
            (n,) = self.con.execute(f"SELECT count(*) {dangling}").fetchall()[0]
            if n:
                self.con.execute(
                    "INSERT OR IGNORE INTO errors (source, id, code, message) "
                    "SELECT i.source, i.id, 'same_text_failed', "
                    "'its text is the same as another input that failed (see that input''s row "
                    f"in errors); fix that one and re-run with --retry-errors' {dangling}"
                )
                self.con.execute(
                    "DELETE FROM inputs WHERE article_id NOT IN (SELECT id FROM articles)"
                )
            self.con.execute("COMMIT")
        except Exception as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"settling aliases failed and was rolled back: {exc}") from exc
        return int(n)

    def article_ids(self) -> set[str]:
        """Ids of every stored article."""
        return {r[0] for r in self.con.execute("SELECT id FROM articles").fetchall()}

    def counts(self) -> dict[str, int]:
        """Number of rows in every table, plus ``event_clusters``."""
        names = [t.name for t in TABLES] + ["event_clusters", "event_cluster_members"]
        out = {}
        for n in names:
            row = self.con.execute(f"SELECT count(*) FROM {n}").fetchall()[0]
            out[n] = int(row[0]) if row else 0
        return out

    # -- reading ---------------------------------------------------------------------------------

    def has_column(self, table_name: str, column: str) -> bool:
        """Whether ``table_name`` has ``column``. A store written before a model field was added
        and opened read-only lacks that field's column (only a writable open adds it), so
        readers that name such a column check first (``ActorRef.implied`` ->
        ``events.source_actor_implied``)."""
        row = self.con.execute(
            "SELECT count(*) FROM information_schema.columns "
            "WHERE table_name = ? AND column_name = ?",
            [table_name, column],
        ).fetchall()[0]
        return bool(row and row[0])

    def query(self, sql: str, params: list[Any] | None = None) -> Any:
        """Run SQL and return a pandas DataFrame.

        Raises:
            StoreError: the SQL failed (syntax, unknown table, or a write on a read-only store).
        """
        try:
            return self.con.execute(sql, params or []).df()
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}") from exc

    def arrow(self, sql: str, params: list[Any] | None = None) -> pa.Table:
        """Run SQL and return a ``pyarrow.Table``."""
        try:
            rel = self.con.sql(sql, params=params or None)
            return (getattr(rel, "to_arrow_table", None) or rel.arrow)()
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}") from exc

    def record(self, article_id: str) -> Record | None:
        """The stored ``Record`` of one article, as extraction returned it.

        Safe to call from several threads at once: each call reads through its own cursor.

        Args:
            article_id: ``articles.id`` (``art_`` + 16 hex digits).

        Returns:
            The record with entities (each with its mentions) ordered by first mention, quotes
            ordered by ``content.start_char``, events (each with its counts) ordered by
            ``trigger.start_char``, and stances ordered by ``evidence.start_char``; ``None`` if
            no article has that id.
        """
        cur = self.con.cursor()
        try:
            return _record(cur, article_id)
        finally:
            cur.close()

    def table(self, name: str) -> Any:
        """A whole table (or ``event_clusters``) as a pandas DataFrame."""
        allowed = {t.name for t in TABLES} | {"event_clusters", "event_cluster_members"}
        if name not in allowed:
            raise StoreError(f"no table {name!r}; choose one of {sorted(allowed)}.")
        return self.query(f"SELECT * FROM {name}")

    def columns(self, name: str) -> list[str]:
        """Column names of a record table, in order."""
        return [c.name for c in table(name).columns]
