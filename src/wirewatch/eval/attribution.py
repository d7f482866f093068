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

__all__ = [
    "GoldAttribution",
    "GoldDocument",
    "read_ann",
    "load_split",
    "evaluate_polnear",
    "score_predictions",
    "quote_type_of",
    "annotator_agreement",
    "agreement_on_split",
]

FIELDS = ("source", "cue", "content")
_ID = re.compile(r"^[TEARN#]\d*\t")
_QMARK = re.compile(r"``|''|[“”„‟«»\"]")
PRONOUN_SOURCES = frozenset(
    {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "me"}
)
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


def quote_type_of(text: str, start: int, end: int) -> str:
    """``direct_or_mixed`` if a quotation mark lies in ``text[start:end]``, else ``indirect``."""
    return "direct_or_mixed" if _QMARK.search(text, start, end) else "indirect"


def _key_word(name: str) -> str | None:
    """The last capitalised word of a name, possessive stripped ("Sen. Ted Cruz's" -> "cruz").

    Only the part before an appositive comma or a parenthesis is read when it holds a
    capitalised word ("Jeb Bush, the former Florida governor" -> "bush", not "florida";
    "Sen. Ted Cruz (R-Texas)" -> "cruz")."""
    text = name.replace("’s", "").replace("'s", "")
    head = re.split(r"[,(]", text, maxsplit=1)[0]
    words = re.findall(r"[A-Z][\w.-]*", head) or re.findall(r"[A-Z][\w.-]*", text)
    return words[-1].lower().rstrip(".") if words else None


def _pronoun_resolution(
    doc: GoldDocument, quotes: list[dict[str, Any]], acc: dict[str, int]
) -> None:
    """Count, for gold sources that are a bare pronoun, whether wirewatch named the referent.

    PolNeAR does not resolve coreference, so the referent is approximated by the nearest earlier
    gold source of the same file that is not a pronoun and holds a capitalised word; the prediction
    is right when its resolved ``name`` contains that source's key word (``_key_word``: the last
    capitalised word before any appositive comma or parenthesis).
    """
    named: list[tuple[int, str]] = []
    for a in doc.attributions:
        if a.source:
            s, e = a.source[0][0], a.source[-1][1]
            t = doc.text[s:e]
            if t.strip().lower() not in PRONOUN_SOURCES and _key_word(t):
                named.append((s, t))
    named.sort()
    for a in doc.attributions:
        if not a.source:
            continue
        s, e = a.source[0][0], a.source[-1][1]
        if doc.text[s:e].strip().lower() not in PRONOUN_SOURCES:
            continue
        before = [t for p, t in named if p < s]
        if not before:
            continue
        acc["gold_pronoun_sources"] += 1
        pred = next(
            (
                q
                for q in quotes
                if q.get("source") and q["source"]["start_char"] < e and s < q["source"]["end_char"]
            ),
            None,
        )
        if pred is None:
            continue
        acc["found"] += 1
        key = _key_word(before[-1])
        name = str(pred["source"].get("name") or "")
        if key and key in name.lower().replace("’s", "").replace("'s", ""):
            acc["resolved"] += 1


def score_predictions(
    docs: list[GoldDocument], preds: dict[str, list[dict[str, Any]]]
) -> dict[str, Any]:
    """P/R/F1 of predicted quotes (``{article: [Quote dict]}``) against the gold files ``docs``.

    Returns:
        ``{"exact", "overlap"}`` each ``{field: PRF dict}``; ``"by_quote_type"`` as
        ``{type: {"exact": ..., "overlap": ...}}``; ``"pronoun_sources"``; counts.
    """
    types = ("direct_or_mixed", "indirect")
    exact = {f: PRF() for f in FIELDS}
    overlap = {f: PRF() for f in FIELDS}
    by_type = {t: ({f: PRF() for f in FIELDS}, {f: PRF() for f in FIELDS}) for t in types}
    pron = {"gold_pronoun_sources": 0, "found": 0, "resolved": 0}
    n_gold = n_pred = 0
    for d in docs:
        quotes = preds.get(d.article, [])
        n_gold += len(d.attributions)
        n_pred += len(quotes)
        qtype = [
            quote_type_of(d.text, q["content"]["start_char"], q["content"]["end_char"])
            for q in quotes
        ]
        gtype = [quote_type_of(d.text, a.content[0][0], a.content[-1][1]) for a in d.attributions]
        for f in FIELDS:
            pred = [(q[f]["start_char"], q[f]["end_char"]) for q in quotes if q.get(f) is not None]
            gold = [getattr(a, f) for a in d.attributions if getattr(a, f)]
            _score(pred, gold, exact[f], overlap[f])
            for t in types:
                tp = [
                    (q[f]["start_char"], q[f]["end_char"])
                    for q, qt in zip(quotes, qtype, strict=True)
                    if q.get(f) is not None and qt == t
                ]
                tg = [
                    getattr(a, f)
                    for a, gt in zip(d.attributions, gtype, strict=True)
                    if getattr(a, f) and gt == t
                ]
                _score(tp, tg, by_type[t][0][f], by_type[t][1][f])
        _pronoun_resolution(d, quotes, pron)
    n_pron = pron["gold_pronoun_sources"]
    return {
        "gold_attributions": n_gold,
        "predicted_quotes": n_pred,
        "exact": {f: exact[f].as_dict() for f in FIELDS},
        "overlap": {f: overlap[f].as_dict() for f in FIELDS},
        "by_quote_type": {
            t: {
                "exact": {f: by_type[t][0][f].as_dict() for f in FIELDS},
                "overlap": {f: by_type[t][1][f].as_dict() for f in FIELDS},
            }
            for t in types
        },
        "pronoun_sources": {
            **pron,
            "accuracy": round(pron["resolved"] / n_pron, 4) if n_pron else None,
        },
    }


def _as_quotes(doc: GoldDocument) -> list[dict[str, Any]]:
    """An annotator file's attributions in the shape of wirewatch's Quote dicts (hull spans)."""

    def span(frags: Frags) -> dict[str, int] | None:
        return {"start_char": frags[0][0], "end_char": frags[-1][1]} if frags else None

    return [
        {"source": span(a.source), "cue": span(a.cue), "content": span(a.content)}
        for a in doc.attributions
    ]


def annotator_agreement(
    docs: list[GoldDocument], preds: dict[str, list[dict[str, Any]]] | None = None
) -> dict[str, Any] | None:
    """How far PolNeAR's own annotators agree, on the articles that several of them annotated.

    Every ordered pair of two annotator files of one article is scored by
    :func:`score_predictions`, the first file standing in for the prediction and the second for
    gold, so the figures are on the same scale as wirewatch's (exact and overlap span match, per
    quote type). As both orders are counted, precision equals recall. This is the ceiling an
    exact-match figure can be read against: a system cannot be expected to agree with one
    annotator more than a second annotator does.

    Args:
        docs: annotator files of one split (``load_split``).
        preds: wirewatch's quotes per article (``{article: [Quote dict]}``); given, the same
            annotator files are also scored against wirewatch, for a like-for-like comparison.

    Returns:
        None when no article has two annotator files; else ``{"articles", "annotator_files",
        "pairs", "humans": scores, "wirewatch": scores}`` ("wirewatch" only with ``preds``), where
        scores is ``{"exact", "overlap", "indirect_exact"}``, each ``{field: PRF dict}`` as in
        :func:`score_predictions` (``indirect_exact`` is its ``by_quote_type.indirect.exact``).
    """
    by_article: dict[str, list[GoldDocument]] = {}
    for d in docs:
        by_article.setdefault(d.article, []).append(d)
    multi = {a: ds for a, ds in by_article.items() if len(ds) > 1}
    if not multi:
        return None
    gold: list[GoldDocument] = []
    pred: dict[str, list[dict[str, Any]]] = {}
    for a, ds in multi.items():
        for i, (p, g) in enumerate((p, g) for p in ds for g in ds if p is not g):
            key = f"{a}#{i}"  # one pseudo-article per ordered pair
            gold.append(GoldDocument(key, g.annotator, g.text, g.attributions))
            pred[key] = _as_quotes(p)

    def keep(r: dict[str, Any]) -> dict[str, Any]:
        return {
            "exact": r["exact"],
            "overlap": r["overlap"],
            "indirect_exact": r["by_quote_type"]["indirect"]["exact"],
        }

    humans = score_predictions(gold, pred)
    out: dict[str, Any] = {
        "articles": len(multi),
        "annotator_files": sum(len(ds) for ds in multi.values()),
        "pairs": len(gold),
        "humans": keep(humans),
    }
    if preds is not None:
        files = [d for ds in multi.values() for d in ds]
        ours = score_predictions(files, {a: preds.get(a, []) for a in multi})
        out["wirewatch"] = keep(ours)
    return out


def agreement_on_split(path: str | Path, extractor_or_nlp: Any) -> dict[str, Any] | None:
    """:func:`annotator_agreement` for a split, running wirewatch only on the articles that
    several annotators annotated (16 of PolNeAR train's 840, a few seconds).

    Raises:
        FileNotFoundError: ``path`` is not a PolNeAR split folder.
    """
    docs = load_split(path)
    counts: dict[str, int] = {}
    for d in docs:
        counts[d.article] = counts.get(d.article, 0) + 1
    multi = [d for d in docs if counts[d.article] > 1]
    text_of = {d.article: d.text for d in multi}
    articles = sorted(text_of)
    preds = dict(
        zip(articles, _predict(extractor_or_nlp, [text_of[a] for a in articles]), strict=True)
    )
    return annotator_agreement(multi, preds)


def evaluate_polnear(path: str | Path, extractor_or_nlp: Any) -> dict[str, Any]:
    """Score wirewatch's quotes on a PolNeAR split.

    Args:
        path: a split folder, e.g. ``../shared/data/polnear/dev``.
        extractor_or_nlp: a ``wirewatch.Extractor`` (its ``extract`` is called per article) or a
            spaCy pipeline with ``wirewatch_quotes`` (run with ``nlp.pipe``).

    Returns:
        ``{"articles", "annotator_files", "gold_attributions", "predicted_quotes", "docs_per_s",
        "words_per_s", "exact": {field: PRF dict}, "overlap": {field: PRF dict},
        "by_quote_type": {type: {"exact", "overlap"}}, "pronoun_sources": {...},
        "annotator_agreement": see :func:`annotator_agreement` (None if no article has two
        annotator files), "protocol": str}`` where field is source, cue, content and a PRF dict is
        ``{precision, recall, f1, tp, fp, fn}``; type is ``direct_or_mixed`` or ``indirect``.

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
    words = sum(len(text_of[a].split()) for a in articles)
    scores = score_predictions(docs, preds)
    return {
        "articles": len(articles),
        "annotator_files": len(docs),
        "gold_attributions": scores.pop("gold_attributions"),
        "predicted_quotes": scores.pop("predicted_quotes"),
        "docs_per_s": round(len(articles) / elapsed, 2) if elapsed else None,
        "words_per_s": round(words / elapsed, 1) if elapsed else None,
        **scores,
        "annotator_agreement": annotator_agreement(docs, preds),
        "protocol": PROTOCOL,
    }


PROTOCOL = (
    "each annotator file scored as its own document against wirewatch's output for its article "
    "(an article with k annotators counts k times); distinct spans per field; exact = equal "
    "offsets (gold hull for discontinuous spans); overlap = character Jaccard >= 0.5 with the gold "
    "fragments, one-to-one greedy matching; micro-averaged; quote type: a quotation mark inside "
    "the content span -> direct_or_mixed, else indirect (gold typed by gold content, predictions "
    "by predicted content); pronoun sources: gold source is a bare pronoun, matched to the "
    "predicted source overlapping it, right when the predicted name holds the last capitalised "
    "word (before any appositive comma or parenthesis) of the nearest earlier non-pronoun gold "
    "source (PolNeAR has no coreference)"
)
