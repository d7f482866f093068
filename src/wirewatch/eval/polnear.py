"""Reading PolNeAR attributions (brat standoff) and scoring wirewatch's quotes against them.

PolNeAR (Newell, Margolin & Ruths 2018) annotates attributions in US political news with the
PARC 3.0 scheme: text-bound ``Source``, ``Cue`` and ``Content`` spans tied together by
``Attribution`` / ``Attribution-no-source`` events. Format pitfalls handled here:

* a text-bound span's text may contain a newline, so the ``.ann`` file has continuation lines that
  are not annotations (skipped: only lines that start with a brat id are read);
* discontinuous spans ``start end;start end`` (kept as fragments; a second content piece may also
  come as a ``Content2`` role);
* several annotators per article (the 4-hex suffix of ``<article>_<hex>.ann``): **each annotator's
  file is scored as its own document** against wirewatch's output for the article;
* quotation marks are part of the content span; direct/indirect is not marked.

Scoring, per field (source, cue, content), over the distinct spans of each document:

* exact: a predicted span equals the gold span; a discontinuous gold span is compared by its hull
  (first start to last end), since wirewatch emits one span per field;
* overlap: character Jaccard >= 0.5 between the predicted span and the gold fragments' characters.

Matching is one-to-one (greedy by Jaccard), then precision, recall and F1 are micro-averaged over
documents. Published figures to compare with (exact F1, CofeNet, COLING 2022): source 83.2, cue
75.3, content 72.9.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wirewatch.eval.metrics import PRF

__all__ = ["GoldAttribution", "GoldDocument", "read_ann", "load_split", "evaluate_polnear"]

FIELDS = ("source", "cue", "content")
_ID = re.compile(r"^[TEARN#]\d*\t")
Frags = tuple[tuple[int, int], ...]


@dataclass
class GoldAttribution:
    """One gold attribution: each field a tuple of ``(start, end)`` fragments (source may be ())."""

    source: Frags
    cue: Frags
    content: Frags


@dataclass
class GoldDocument:
    """One annotator's file for one article."""

    article: str
    annotator: str | None
    text: str
    attributions: list[GoldAttribution] = field(default_factory=list)


def _frags(offsets: str) -> Frags:
    out = []
    for piece in offsets.split(";"):
        a, b = piece.split()
        out.append((int(a), int(b)))
    return tuple(sorted(out))


def read_ann(ann: str | Path, text: str) -> list[GoldAttribution]:
    """Attributions of one brat ``.ann`` file.

    Args:
        ann: path of the ``.ann`` file.
        text: the article text its offsets point into.

    Returns:
        The attributions, in file order; lines that are not brat annotations (continuations of a
        span text that holds a newline) and malformed lines are skipped.
    """
    spans: dict[str, tuple[str, Frags]] = {}
    events: list[dict[str, str]] = []
    for line in Path(ann).read_text(encoding="utf-8").split("\n"):
        if not _ID.match(line):
            continue
        parts = line.split("\t")
        try:
            if line.startswith("T") and len(parts) >= 2:
                label, _, offsets = parts[1].partition(" ")
                frags = _frags(offsets)
                if all(0 <= a <= b <= len(text) for a, b in frags):
                    spans[parts[0]] = (label, frags)
            elif line.startswith("E") and len(parts) >= 2:
                roles = dict(r.split(":", 1) for r in parts[1].split() if ":" in r)
                events.append(roles)
        except ValueError:
            continue

    def get(roles: dict[str, str], *names: str) -> Frags:
        frs: list[tuple[int, int]] = []
        for n in names:
            tid = roles.get(n)
            if tid is not None and tid in spans:
                frs.extend(spans[tid][1])
        return tuple(sorted(frs))

    out = []
    for roles in events:
        if "Attribution" not in roles and "Attribution-no-source" not in roles:
            continue
        content = get(roles, "Content", "Content2")
        if content:
            out.append(GoldAttribution(get(roles, "Source"), get(roles, "Cue"), content))
    return out


def load_split(path: str | Path) -> list[GoldDocument]:
    """Every annotator file of a PolNeAR split folder (``<split>/text``, ``<split>/attributions``).

    Raises:
        FileNotFoundError: ``path`` has no ``text`` or ``attributions`` folder.
    """
    root = Path(path)
    text_dir, ann_dir = root / "text", root / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise FileNotFoundError(
            f"{root} is not a PolNeAR split: expected {text_dir} and {ann_dir}; pass e.g. "
            "../shared/data/polnear/dev"
        )
    texts = {p.stem: p for p in text_dir.glob("*.txt")}
    docs = []
    for ann in sorted(ann_dir.glob("*.ann")):
        stem, annotator = ann.stem, None
        if stem not in texts and "_" in stem:
            stem, annotator = ann.stem.rsplit("_", 1)
        if stem not in texts:
            continue
        with open(texts[stem], encoding="utf-8", newline="") as fh:
            text = fh.read()
        docs.append(GoldDocument(stem, annotator, text, read_ann(ann, text)))
    return docs


def _chars(frags: Frags) -> set[int]:
    return {i for a, b in frags for i in range(a, b)}


def _score(pred: list[tuple[int, int]], gold: list[Frags], exact: PRF, overlap: PRF) -> None:
    """Add one document's one-to-one matches for one field to the two counters."""
    pred = sorted(set(pred))
    gold = sorted(set(gold))
    hulls = {(g[0][0], g[-1][1]) for g in gold}
    tp_exact = len(set(pred) & hulls)
    exact.add(tp=tp_exact, fp=len(pred) - tp_exact, fn=len(gold) - tp_exact)
    pairs = []
    gchars = [_chars(g) for g in gold]
    for i, (a, b) in enumerate(pred):
        pc = set(range(a, b))
        for j, (g, gc) in enumerate(zip(gold, gchars, strict=True)):
            if g[-1][1] <= a or b <= g[0][0]:
                continue
            jac = len(pc & gc) / len(pc | gc) if pc | gc else 0.0
            if jac >= 0.5:
                pairs.append((jac, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    tp = len(used_p)
    overlap.add(tp=tp, fp=len(pred) - tp, fn=len(gold) - tp)


def _predict(extractor_or_nlp: Any, texts: list[str]) -> list[list[dict[str, Any]]]:
    if hasattr(extractor_or_nlp, "extract"):
        out = []
        for t in texts:
            rec = extractor_or_nlp.extract(t)
            out.append([q.model_dump() for q in getattr(rec, "quotes", [])])
        return out
    return [list(doc._.ww_quotes or []) for doc in extractor_or_nlp.pipe(texts, batch_size=16)]


def evaluate_polnear(path: str | Path, extractor_or_nlp: Any) -> dict[str, Any]:
    """Score wirewatch's quotes on a PolNeAR split.

    Args:
        path: a split folder, e.g. ``../shared/data/polnear/dev``.
        extractor_or_nlp: a ``wirewatch.Extractor`` (its ``extract`` is called per article) or a
            spaCy pipeline with ``wirewatch_quotes`` (run with ``nlp.pipe``).

    Returns:
        ``{"articles", "annotator_files", "gold_attributions", "predicted_quotes", "docs_per_s",
        "exact": {field: PRF dict}, "overlap": {field: PRF dict}, "protocol": str}`` where field
        is source, cue, content and a PRF dict is ``{precision, recall, f1, tp, fp, fn}``.

    Raises:
        FileNotFoundError: ``path`` is not a PolNeAR split folder.
    """
    docs = load_split(path)
    articles = sorted({d.article for d in docs})
    text_of = {d.article: d.text for d in docs}
    t0 = time.perf_counter()
    preds = dict(
        zip(articles, _predict(extractor_or_nlp, [text_of[a] for a in articles]), strict=True)
    )
    elapsed = time.perf_counter() - t0
    exact = {f: PRF() for f in FIELDS}
    overlap = {f: PRF() for f in FIELDS}
    n_gold = 0
    for d in docs:
        quotes = preds[d.article]
        n_gold += len(d.attributions)
        for f in FIELDS:
            pred = [(q[f]["start_char"], q[f]["end_char"]) for q in quotes if q.get(f) is not None]
            gold = [getattr(a, f) for a in d.attributions if getattr(a, f)]
            _score(pred, gold, exact[f], overlap[f])
    return {
        "articles": len(articles),
        "annotator_files": len(docs),
        "gold_attributions": n_gold,
        "predicted_quotes": sum(len(preds[d.article]) for d in docs),
        "docs_per_s": round(len(articles) / elapsed, 2) if elapsed else None,
        "exact": {f: exact[f].as_dict() for f in FIELDS},
        "overlap": {f: overlap[f].as_dict() for f in FIELDS},
        "protocol": "each annotator file scored as its own document; distinct spans per field; "
        "exact = equal offsets (gold hull for discontinuous spans); overlap = char Jaccard >= 0.5, "
        "one-to-one greedy matching; micro-averaged",
    }
