"""Evaluate event coding on the PLOVER gold-standard records (``PLOVER_GSR_CAMEO.txt``).

The file is one JSON array; record 0 is a header and is skipped. Each gold record is one sentence
with one event (PLOVER 0.5b1 name, mapped to 0.8 as below), its source and target actors
(``actorText``, ``code``: ISO alpha-3 or an IGO/sector code) and an optional mode.

Date: each sentence is extracted on its gold record's own ``date`` (the publication date that
dated dictionaries, e.g. the bundled leaders, are read on). In GSR 01 every record carries
2000-01-01, a placeholder: the sentences are CAMEO-manual examples from 1980s-2000s news, so a
leader is coded with the office held on 1 January 2000, or by nationality when the dictionary
lists no office for that day.

Scoring rule (one prediction per sentence):
    * The predicted event of a sentence is wirewatch's event with the highest ``confidence``
      that is not negated or hypothetical, else the highest-confidence event; no event at all
      counts as the label ``NONE`` (a false negative for the gold type).
    * Event type: per-type precision / recall / F1 and their macro average over gold types.
    * Actors: a predicted source (target) matches by **text** when its span overlaps any gold
      source (target) ``actorText`` in the sentence, and by **country** when its code (country,
      else sector for IGOs) equals any gold code. Accuracy is over gold records that have that
      actor; a missing prediction counts as wrong.
    * Mode: accuracy over gold records with a non-empty mode whose predicted type is right;
      0.5b1 modes are compared by name, so this figure is indicative only.

Source: PLOVER GSR 01 (Open Event Data Alliance, 2016; CC BY-SA 4.0); label mapping 0.5b1 -> 0.8
from ``../shared/data/README.md``: DEMAND->REQUEST, DISAPPROVE->ACCUSE, INVESTIGATE->ACCUSE
(mode investigate), FIGHT->ASSAULT.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wirewatch.errors import InputError
from wirewatch.eval.metrics import PRF
from wirewatch.ingest.document import InputDocument
from wirewatch.model import Event, Record

__all__ = ["LABEL_MAP_05_TO_08", "GoldEvent", "load_gold", "normalise", "evaluate_plover"]

LABEL_MAP_05_TO_08 = {
    "DEMAND": ("REQUEST", None),
    "DISAPPROVE": ("ACCUSE", None),
    "INVESTIGATE": ("ACCUSE", "investigate"),
    "FIGHT": ("ASSAULT", None),
}


@dataclass
class GoldEvent:
    id: str
    text: str
    event: str
    mode: str | None
    sources: list[dict[str, Any]] = field(default_factory=list)
    targets: list[dict[str, Any]] = field(default_factory=list)
    date: str | None = None


def normalise(text: str) -> str:
    """Lower-case, whitespace-collapsed text: the key for overlap removal."""
    return re.sub(r"\s+", " ", text).strip().lower()


def _actors(v: Any) -> list[dict[str, Any]]:
    if isinstance(v, list):
        return [a for a in v if isinstance(a, dict)]
    return []


def load_gold(path: str | Path) -> list[GoldEvent]:
    """Gold events from ``PLOVER_GSR_CAMEO.txt`` with 0.8 labels.

    Raises:
        InputError: the file is missing or not the expected JSON array.
    """
    p = Path(path)
    if p.is_dir():
        p = p / "PLOVER_GSR_CAMEO.txt"
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(
            f"cannot read PLOVER gold records ({exc}); give the path of PLOVER_GSR_CAMEO.txt.",
            source=str(p),
        ) from exc
    out = []
    for r in data:
        if not isinstance(r, dict) or r.get("event") in (None, "DOCUMENT") or not r.get("text"):
            continue
        label, mode = LABEL_MAP_05_TO_08.get(r["event"], (r["event"], None))
        mode = mode or (r.get("mode") or None)
        out.append(
            GoldEvent(
                r["id"], r["text"], label, mode, _actors(r.get("source")), _actors(r.get("target")),
                r.get("date") if isinstance(r.get("date"), str) else None,
            )
        )
    return out


def _pick(events: list[Event]) -> Event | None:
    if not events:
        return None
    factual = [e for e in events if not e.negated and not e.hypothetical]
    return max(factual or events, key=lambda e: e.confidence)


def _text_match(pred: Any, text: str, gold: list[dict[str, Any]]) -> bool:
    if pred is None:
        return False
    for g in gold:
        at = g.get("actorText") or ""
        i = text.find(at) if at else -1
        if i >= 0 and min(pred.end_char, i + len(at)) > max(pred.start_char, i):
            return True
    return False


def _code_match(pred: Any, gold: list[dict[str, Any]]) -> bool:
    if pred is None:
        return False
    code = pred.country or pred.sector
    return any(code and code == g.get("code") for g in gold)


def _training_overlap(extractor: Any) -> set[str]:
    """Hashes of the sentences the active learned event classifier was trained on (empty when
    ``wirewatch_events`` runs on rules only)."""
    nlp = getattr(extractor, "nlp", None)
    if nlp is None or "wirewatch_events" not in getattr(nlp, "pipe_names", ()):
        return set()
    clf = getattr(nlp.get_pipe("wirewatch_events"), "classifier", None)
    if clf is None:
        return set()
    from wirewatch.pipeline.event_classifier import training_hashes

    return set(training_hashes(clf.path))


def _excluded(norm: str, exclude: set[str]) -> bool:
    """A normalised gold sentence is in the training data: listed as text or as the SHA-1 prefix
    shipped with the classifier (``training_sentences.sha1``)."""
    from wirewatch.train.events import sentence_hash

    return norm in exclude or sentence_hash(norm) in exclude


def evaluate_plover(
    path: str | Path,
    extractor: Any,
    *,
    exclude_texts: set[str] | None = None,
) -> dict[str, Any]:
    """Score an ``Extractor`` on the PLOVER gold records.

    Args:
        path: ``PLOVER_GSR_CAMEO.txt`` or the folder holding it.
        extractor: a ``wirewatch.Extractor``.
        exclude_texts: normalised sentences (see ``normalise``) or their SHA-1 prefixes seen in
            training data; gold records among them are removed and counted in
            ``removed_overlap``. Default: the training hashes of the learned event classifier
            when the extractor's ``wirewatch_events`` uses it, else none.

    Returns:
        ``{"n", "removed_overlap", "event_type": {"macro_f1", "accuracy", "per_type"},
        "source": {...}, "target": {...}, "mode": {...}, "docs_per_s"}``.
    """
    gold = load_gold(path)
    removed = 0
    if exclude_texts is None:
        exclude_texts = _training_overlap(extractor)
    if exclude_texts:
        kept = [g for g in gold if not _excluded(normalise(g.text), exclude_texts)]
        removed = len(gold) - len(kept)
        gold = kept
    t0 = time.perf_counter()
    items = [InputDocument(text=g.text, source_id=g.id, date=g.date) for g in gold]
    records = list(extractor.extract_many(items))
    elapsed = time.perf_counter() - t0
    per_type: dict[str, PRF] = {}
    confusion: Counter[tuple[str, str]] = Counter()
    correct = 0
    src = {"n": 0, "text": 0, "country": 0}
    tgt = {"n": 0, "text": 0, "country": 0}
    mode = {"n": 0, "correct": 0}
    for g, rec in zip(gold, records, strict=True):
        ev = _pick(rec.events) if isinstance(rec, Record) else None
        pred = ev.plover_type if ev else "NONE"
        per_type.setdefault(g.event, PRF())
        if pred == g.event:
            per_type[g.event].add(tp=1)
            correct += 1
        else:
            per_type[g.event].add(fn=1)
            per_type.setdefault(pred, PRF()).add(fp=1)
            confusion[(g.event, pred)] += 1
        for gold_actors, acc, attr in (
            (g.sources, src, "source_actor"),
            (g.targets, tgt, "target_actor"),
        ):
            if not gold_actors:
                continue
            acc["n"] += 1
            p = getattr(ev, attr) if ev else None
            acc["text"] += _text_match(p, g.text, gold_actors)
            acc["country"] += _code_match(p, gold_actors)
        if g.mode and ev and pred == g.event:
            mode["n"] += 1
            mode["correct"] += (ev.plover_mode or "") == g.mode
    gold_types = sorted({g.event for g in gold})
    macro = sum(per_type[t].f1 for t in gold_types) / len(gold_types) if gold_types else 0.0

    def ratio(a: int, b: int) -> float:
        return round(a / b, 4) if b else 0.0

    return {
        "dataset": str(path),
        "n": len(gold),
        "removed_overlap": removed,
        "event_type": {
            "macro_f1": round(macro, 4),
            "accuracy": ratio(correct, len(gold)),
            "per_type": {t: per_type[t].as_dict() for t in sorted(per_type)},
            "top_confusions": [
                {"gold": a, "pred": b, "n": n} for (a, b), n in confusion.most_common(10)
            ],
        },
        "source": {
            "n": src["n"],
            "text_match": ratio(src["text"], src["n"]),
            "country_accuracy": ratio(src["country"], src["n"]),
        },
        "target": {
            "n": tgt["n"],
            "text_match": ratio(tgt["text"], tgt["n"]),
            "country_accuracy": ratio(tgt["country"], tgt["n"]),
        },
        "mode": {"n": mode["n"], "accuracy": ratio(mode["correct"], mode["n"])},
        "docs_per_s": round(len(gold) / elapsed, 1) if elapsed else None,
    }
