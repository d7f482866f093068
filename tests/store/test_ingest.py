"""Ingest through the real pipeline: nothing lost, nothing doubled, failures become rows."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from _store_samples import make_corpus
from wirewatch.ingest.batch import IngestSummary, ingest
from wirewatch.store import Store

pytestmark = pytest.mark.slow

# 12 + 4 articles; failed: broken line, empty text, binary file; dup-of-j0 stored as an alias
N_ARTICLES, N_FAILED, N_INPUTS = 16, 3, 17


def _counts(db) -> dict[str, int]:
    with Store(db, read_only=True) as st:
        return st.counts()


def test_ingest_and_reingest(tmp_path, extractor):
    sources = make_corpus(tmp_path)
    db = tmp_path / "c.duckdb"
    first = ingest(sources, db, extractor=extractor, chunk_size=5)
    assert (first.ok, first.failed, first.skipped) == (N_ARTICLES, N_FAILED, 1)
    counts = _counts(db)
    assert counts["articles"] == N_ARTICLES
    assert counts["errors"] == N_FAILED
    assert counts["inputs"] == N_INPUTS
    with Store(db, read_only=True) as st:
        errs = st.query("SELECT id, code FROM errors ORDER BY id").to_dict("records")
        alias = st.query("SELECT article_id FROM inputs WHERE id IN ('j0', 'dup-of-j0')")
    assert {e["code"] for e in errs} == {"malformed_record", "empty_input", "binary_input"}
    assert "bad.txt" in {e["id"] for e in errs}
    assert alias["article_id"].nunique() == 1 and len(alias) == 2
    again = ingest(sources, db, extractor=extractor)
    assert (again.ok, again.failed, again.skipped) == (0, 0, N_ARTICLES + N_FAILED + 1)
    assert _counts(db) == counts


class Boom(Exception):
    pass


def test_interrupted_run_then_rerun_stores_every_input_once(tmp_path, extractor):
    sources = make_corpus(tmp_path)
    clean_db = tmp_path / "clean.duckdb"
    ingest(sources, clean_db, extractor=extractor)
    expected = _counts(clean_db)

    db = tmp_path / "c.duckdb"
    seen: list[int] = []

    def crash_after_two_chunks(res):
        seen.append(res.ok)
        if len(seen) == 2:
            raise Boom

    with pytest.raises(Boom):
        ingest(sources, db, extractor=extractor, chunk_size=3, on_chunk=crash_after_two_chunks)
    partial = _counts(db)
    assert 0 < partial["articles"] < N_ARTICLES
    second = ingest(sources, db, extractor=extractor, chunk_size=3)
    assert second.ok == N_ARTICLES - partial["articles"]
    assert _counts(db) == expected
    ingest(sources, db, extractor=extractor)
    assert _counts(db) == expected


def test_events_and_clusters_are_queryable(tmp_path, extractor):
    sources = make_corpus(tmp_path)
    db = tmp_path / "c.duckdb"
    summary: IngestSummary = ingest(sources, db, extractor=extractor)
    with Store(db, read_only=True) as st:
        n_events = st.query("SELECT count(*) AS n FROM events")["n"][0]
        members = st.query("SELECT sum(n_mentions) AS n FROM event_clusters")["n"][0]
        assert summary.clusters == len(st.table("event_clusters"))
    assert (members or 0) == n_events


def test_kill_9_and_rerun(tmp_path, nlp):
    """A real ``kill -9`` of ``wirewatch ingest`` part-way, then two re-runs."""
    sources = make_corpus(tmp_path, n_jsonl=40, n_files=4)
    db = tmp_path / "k.duckdb"
    cmd = [
        sys.executable,
        "-c",
        "from wirewatch.cli.main import cli; cli()",
        "ingest",
        *sources,
        "--db",
        str(db),
        "--workers",
        "1",
        "--chunk-size",
        "2",
    ]
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    wal = Path(str(db) + ".wal")
    deadline = time.monotonic() + 120
    sizes: list[int] = []
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists():
            size = wal.stat().st_size
            if not sizes or size > sizes[-1]:
                sizes.append(size)
            if len(sizes) >= 4:  # migrations, then some chunks committed
                break
        time.sleep(0.02)
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL  # it really was killed part-way
    partial = _counts(db)["articles"]
    assert partial < 44
    print(f"killed after {partial} articles")
    for _ in range(2):
        res = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
        assert res.returncode == 0, res.stderr
    counts = _counts(db)
    assert counts["articles"] == 40 + 4
    assert counts["errors"] == N_FAILED
    assert counts["inputs"] == 40 + 4 + 1
    assert "skipped 48" in res.stdout


class FlakyExtractor:
    """Raises for any batch holding the word 'poison', like a pipeline bug on one document."""

    def __init__(self, inner):
        self.inner = inner

    def extract_many(self, docs):
        docs = list(docs)
        if any("poison" in d.text for d in docs):
            raise RuntimeError("component crashed")
        return self.inner.extract_many(docs)


def test_a_document_that_crashes_the_pipeline_becomes_an_error_row(tmp_path, extractor):
    f = tmp_path / "c.jsonl"
    texts = [
        "Police detained protesters in Lagos on Monday.",
        "poison pill text here.",
        "Protesters marched in Quito on Tuesday.",
    ]
    f.write_text(
        "".join(json.dumps({"id": f"p{i}", "text": t}) + "\n" for i, t in enumerate(texts))
    )
    s = ingest([str(f)], tmp_path / "p.duckdb", extractor=FlakyExtractor(extractor))
    assert (s.ok, s.failed) == (2, 1)
    with Store(tmp_path / "p.duckdb", read_only=True) as st:
        (err,) = st.query("SELECT * FROM errors").to_dict("records")
    assert (err["id"], err["code"]) == ("p1", "internal_error")
    assert "component crashed" in err["message"]


def test_retry_errors_after_fixing_a_file(tmp_path, extractor):
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.txt").write_text("Police detained protesters in Lagos on Monday.")
    (folder / "b.txt").write_text("")
    db = tmp_path / "r.duckdb"
    assert ingest([str(folder)], db, extractor=extractor).failed == 1
    (folder / "b.txt").write_text("Protesters marched in Quito on Tuesday.")
    assert ingest([str(folder)], db, extractor=extractor).skipped == 2  # the error stays
    s = ingest([str(folder)], db, extractor=extractor, retry_errors=True)
    assert (s.ok, s.failed, s.skipped) == (1, 0, 1)
    c = _counts(db)
    assert (c["articles"], c["errors"], c["inputs"]) == (2, 0, 2)


def test_copy_of_a_failed_text_becomes_an_error_not_a_dangling_input(tmp_path, extractor):
    german = "Die Regierung hat am Montag neue Gesetze beschlossen, die das Parlament ablehnt. " * 3
    english = "Police detained forty protesters in Almaty on Monday, officials said. " * 2
    src = tmp_path / "d.jsonl"
    src.write_text(
        "\n".join(
            json.dumps({"id": i, "text": t})
            for i, t in (("de1", german), ("en1", english), ("de2", german))
        ),
        encoding="utf-8",
    )
    db = tmp_path / "d.duckdb"
    res = ingest([str(src)], db, extractor=extractor)
    assert (res.ok, res.failed, res.skipped) == (1, 2, 0)
    with Store(db, read_only=True) as st:
        errs = dict(st.query("SELECT id, code FROM errors").itertuples(index=False))
        inputs = set(st.query("SELECT id FROM inputs")["id"])
    assert errs == {"de1": "unsupported_language", "de2": "same_text_failed"}
    assert inputs == {"en1"}
