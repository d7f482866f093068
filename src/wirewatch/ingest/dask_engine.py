"""Run ingest's batch function on a Dask distributed cluster (``--engine dask``).

Needs the extra: ``pip install 'wirewatch[dask]'``.

The client (the ``wirewatch ingest`` process) reads the sources, plans the chunks exactly as the
local engine does, and submits each chunk to the cluster; every Dask worker builds its
``Extractor`` once (cached per worker process) and runs ``process_chunk``; the chunk's rows come
back to the client, which writes them to the DuckDB store in one transaction per chunk, in input
order. So crash safety and idempotence are those of the local engine, and only the client needs
the store file. Rows come back through Dask rather than as Parquet files on a shared disk, so the
workers need no filesystem in common with the client. At most ``2 x workers`` chunks are in
flight, so memory stays flat on any corpus size.

On a real cluster:

1. install the same wirewatch version (and its spaCy model) on every worker machine:
   ``pip install 'wirewatch[dask]'``;
2. start a scheduler (``dask scheduler``) and workers (``dask worker tcp://HOST:8786
   --nthreads 1 --nworkers N``: one thread per worker process, as spaCy is CPU-bound);
3. ``wirewatch ingest corpus.jsonl.gz --db corpus.duckdb --engine dask
   --scheduler tcp://HOST:8786``.

Without ``--scheduler`` a ``LocalCluster`` is started on this machine.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import Any

from wirewatch.errors import ConfigError

__all__ = ["run_dask"]

_EXTRACTORS: dict[tuple[str, tuple[str, ...], tuple[str, ...]], Any] = {}


def _worker_extractor(
    model: str, actors: tuple[str, ...] = (), agents: tuple[str, ...] = ()
) -> Any:
    key = (model, actors, agents)
    ex = _EXTRACTORS.get(key)
    if ex is None:
        from wirewatch.extract import Extractor

        ex = _EXTRACTORS[key] = Extractor(model, actors=actors, agents=agents)
    return ex


def _dask_work(
    chunk: list[Any], model: str, actors: tuple[str, ...] = (), agents: tuple[str, ...] = ()
) -> Any:
    from wirewatch.ingest.batch import process_chunk

    return process_chunk(_worker_extractor(model, actors, agents), chunk)


def _client(scheduler: str | None, workers: int | None, processes: bool) -> tuple[Any, Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigError(
            "the dask engine needs Dask distributed; install wirewatch[dask] "
            "(pip install 'wirewatch[dask]') or use --engine local."
        ) from exc
    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(
        n_workers=workers or 1,
        threads_per_worker=1,
        processes=processes,
        dashboard_address=None,
    )
    return Client(cluster), cluster


def run_dask(
    chunk_iter: Iterator[list[Any]],
    *,
    model: str,
    actors: tuple[str, ...] = (),
    agents: tuple[str, ...] = (),
    scheduler: str | None = None,
    workers: int | None = None,
    processes: bool = True,
    extractor: Any = None,
) -> Iterator[Any]:
    """Run ``process_chunk`` on each chunk on a Dask cluster; yield results in input order.

    Args:
        chunk_iter: chunks from ``wirewatch.ingest.batch.chunks``.
        model: spaCy model each worker loads once.
        actors, agents: PETRARCH/Phoenix dictionary files for every worker's ``Extractor``
            (paths as the workers see them).
        scheduler: address of a running scheduler; None starts a ``LocalCluster``.
        workers: workers of the local cluster (default 1).
        processes: local cluster with worker processes (False: threads in this process).
        extractor: unused (each worker builds its own); accepted for the engine interface.

    Yields:
        ``ChunkResult`` per chunk.

    Raises:
        ConfigError: Dask distributed is not installed.
    """
    client, cluster = _client(scheduler, workers, processes)
    try:
        n = max(1, len(client.scheduler_info().get("workers", {})))
        pending: deque[Any] = deque()
        for ch in chunk_iter:
            pending.append(client.submit(_dask_work, ch, model, actors, agents, pure=False))
            if len(pending) >= 2 * n:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
