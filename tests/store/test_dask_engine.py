"""The Dask engine on an in-process LocalCluster gives the same records as the local engine."""

from __future__ import annotations

import pytest

from _store_samples import make_corpus
from wirewatch.ingest.batch import ingest
from wirewatch.store import Store

pytestmark = pytest.mark.slow

_TABLES = (
    "articles",
    "entities",
    "mentions",
    "quotes",
    "events",
    "counts",
    "stances",
    "errors",
    "inputs",
    "event_clusters",
)


def _dump(db):
    with Store(db, read_only=True) as st:
        out = {}
        for t in _TABLES:
            df = st.query(f"SELECT * FROM {t}")
            df = df.drop(columns=["added_at"], errors="ignore")  # when, not what
            out[t] = sorted(map(repr, df.itertuples(index=False)))
        return out


def test_dask_local_cluster_matches_local_engine(tmp_path, extractor):
    pytest.importorskip("distributed")
    sources = make_corpus(tmp_path)
    local_db, dask_db = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    ingest(sources, local_db, extractor=extractor, chunk_size=4)
    s = ingest(sources, dask_db, engine="dask", workers=1, dask_processes=False, chunk_size=4)
    assert (s.ok, s.failed) == (16, 3)
    assert _dump(dask_db) == _dump(local_db)
    again = ingest(sources, dask_db, engine="dask", workers=1, dask_processes=False)
    assert again.ok == 0 and _dump(dask_db) == _dump(local_db)
