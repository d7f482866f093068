"""Export a store in one of the supported formats; the API behind ``wirewatch export``.

>>> from wirewatch.store import Store
>>> from wirewatch.export.corpus import export_store
>>> with Store("corpus.duckdb", read_only=True) as st:
...     export_store(st, "acled-csv", "events.csv")
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from wirewatch.errors import ConfigError
from wirewatch.export._frame import Level
from wirewatch.store.db import Store

__all__ = ["FORMATS", "DEFAULT_LEVEL", "TABLE_CHOICES", "export_store"]

FORMATS = ("gdelt", "plover-jsonl", "acled-csv", "parquet", "csv", "graphml")
DEFAULT_LEVEL: dict[str, Level] = {
    "gdelt": "clusters",
    "acled-csv": "clusters",
    "graphml": "clusters",
    "plover-jsonl": "events",
}
TABLE_CHOICES = (
    "articles", "entities", "mentions", "quotes", "events", "counts", "stances", "errors",
    "inputs", "event_clusters", "event_cluster_members",
)  # fmt: skip


def export_store(
    store: Store,
    fmt: str,
    output: str | Path,
    *,
    level: Level | None = None,
    table: str = "events",
) -> dict[str, Any]:
    """Write the store (or one table of it) to ``output``.

    Args:
        store: an open store (read-only is enough).
        fmt: one of ``FORMATS``.
        output: file to write (overwritten).
        level: ``"events"`` (as extracted) or ``"clusters"`` (deduplicated); default per
            format (``DEFAULT_LEVEL``). Not used by parquet/csv, which export ``table``.
        table: the table parquet/csv export (default ``events``).

    Returns:
        ``{"format", "output", "rows"}`` (GraphML: ``nodes`` and ``edges`` too).

    Raises:
        ConfigError: unknown format or table.
    """
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}.")
    out = Path(output)
    lvl: Level = level or DEFAULT_LEVEL.get(fmt, "events")
    result: dict[str, Any] = {"format": fmt, "output": str(out)}
    if fmt in ("parquet", "csv"):
        if table not in TABLE_CHOICES:
            raise ConfigError(f"unknown table {table!r}; choose one of {', '.join(TABLE_CHOICES)}.")
        opts = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
        path = str(out).replace("'", "''")
        store.con.execute(f"COPY (SELECT * FROM {table}) TO '{path}' ({opts})")
        result["rows"] = int(store.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])
        result["table"] = table
        return result
    with open(out, "w", encoding="utf-8", newline="") as fh:
        if fmt == "gdelt":
            from wirewatch.export.gdelt import write_gdelt

            result["rows"] = write_gdelt(store, fh, lvl)
        elif fmt == "acled-csv":
            from wirewatch.export.acled import write_acled

            result["rows"] = write_acled(store, fh, lvl)
        elif fmt == "plover-jsonl":
            from wirewatch.export.plover import write_plover

            result["rows"] = write_plover(store, fh, lvl)
        else:
            from wirewatch.export.graph import write_graphml

            result["nodes"], result["edges"] = write_graphml(store, fh, lvl)
            result["rows"] = result["edges"]
    result["level"] = lvl
    return result
