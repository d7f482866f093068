"""Train the learned event-type classifier (``wirewatch train events``).

A spaCy ``textcat`` (bag of unigrams and bigrams, exclusive classes, 16 PLOVER 0.8 types) over
single sentences, used by ``wirewatch_events`` with ``event_classifier = "learned"`` (see
``wirewatch.pipeline.event_classifier`` for how it is combined with the rules).

Training examples:
    * ``ngec_synthetic/gpt_synthetic_events_2023-10-19_19.csv`` (MIT): per story, its headline
      (``{country_1}``-style placeholders filled with country names drawn with the fixed seed) and
      its lead sentence, both with the story's label. Later sentences are background and are not
      used. The event and mode definitions of ``PLOVER_structured_codebook_updated.csv`` (same
      repository, MIT) are added as examples of their event.
    * ``zero_shot_plover/PLV_train.tsv`` (no license stated: training/development only): the
      ``sentence`` with ``gold_root``; INVESTIGATE -> ACCUSE; YIELD (PLOVER 0.5) is RETREAT when the
      sentence names what CAMEO 084-087 codes (release, return, withdraw, ceasefire, surrender,
      disarm, allow aid or inspectors in), else CONCEDE (CAMEO 080-083). A fixed 20% of its rows
      (stratified by label) are held out to tune the rules/classifier combination.

Every example whose normalised text (``wirewatch.eval.plover.normalise``) equals a PLOVER gold
sentence is removed before training, and the count is printed. The normalised training sentences
are shipped as 16-hex-digit SHA-1 prefixes (``training_sentences.sha1``) so the evaluation can
drop any gold record that overlaps them.

Source: Halterman et al. (2023) NGEC synthetic stories; PLOVER manual draft 0.8 (2021) for the
YIELD split; spaCy ``TextCatBOW.v3`` (Honnibal & Montani).
"""

from __future__ import annotations

import csv
import hashlib
import random
import re
import shutil
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wirewatch.errors import InputError

__all__ = ["Example", "load_examples", "train_events", "sentence_hash", "LABELS", "MODEL_DIR"]

LABELS = (
    "ACCUSE",
    "AGREE",
    "AID",
    "ASSAULT",
    "COERCE",
    "CONCEDE",
    "CONSULT",
    "COOPERATE",
    "MOBILIZE",
    "PROTEST",
    "REJECT",
    "REQUEST",
    "RETREAT",
    "SANCTION",
    "SUPPORT",
    "THREATEN",
)
MODEL_DIR = Path(__file__).resolve().parents[1] / "resources" / "models" / "event_textcat"
NGEC = "ngec_synthetic/gpt_synthetic_events_2023-10-19_19.csv"
CODEBOOK = "ngec_synthetic/PLOVER_structured_codebook_updated.csv"
PLV = "zero_shot_plover/PLV_train.tsv"
GOLD = "plover/PLOVER_GSR_CAMEO.txt"
SEED = 13
_RETREAT_WORDS = re.compile(
    r"\b(releas|return|freed|free[sd]?\b|withdr[ae]w|pull(ed|s|ing)? (out|back)|retreat|"
    r"cease-?fire|truce|surrender|disarm|demobili|handed over|hand over|peacekeep|inspector|"
    r"humanitarian (aid|access)|lift(ed|s)? the (blockade|curfew|state of emergency))",
    re.I,
)
_PLACEHOLDER = re.compile(r"\{[a-z_]+\d*\}")
_FILL = (
    "France",
    "Kenya",
    "Brazil",
    "India",
    "Japan",
    "Egypt",
    "Mexico",
    "Turkey",
    "Nigeria",
    "Peru",
    "Germany",
    "Indonesia",
    "Pakistan",
    "Chile",
    "Ghana",
    "Poland",
    "Vietnam",
    "Colombia",
    "Ukraine",
    "Morocco",
)
_SENT_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“A-Z])")
_ABBREV = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Rep|Sen|Gov|St|U\.S|U\.N|No)\.$")


@dataclass(frozen=True)
class Example:
    text: str
    label: str
    origin: str  # "ngec-title", "ngec-lead", "plv"


def sentence_hash(normalised: str) -> str:
    """16 hex digits of the SHA-1 of a normalised sentence (the overlap key shipped with the
    weights)."""
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:16]


def _lead(text: str) -> str:
    """First sentence of a story (a regex split that keeps "U.S." and "Mr." inside)."""
    text = text.strip()
    para = text.split("\n", 1)[0].strip()
    pos = 0
    for m in _SENT_END.finditer(para):
        if _ABBREV.search(para[: m.start()].rstrip("\"”’'")):
            continue
        pos = m.start()
        break
    return (para[:pos] if pos else para).strip()


def _yield_label(sentence: str) -> str:
    return "RETREAT" if _RETREAT_WORDS.search(sentence) else "CONCEDE"


def load_examples(
    data_dir: str | Path, *, use_plv: bool = True
) -> tuple[list[Example], list[Example], dict[str, int]]:
    """Training and development examples with gold overlaps removed.

    Args:
        data_dir: the shared data folder (holding ``ngec_synthetic/``, ``zero_shot_plover/`` and
            ``plover/``).
        use_plv: also use ``PLV_train.tsv`` (80% train, 20% development).

    Returns:
        ``(train, dev, stats)``; ``stats`` counts examples per origin and ``removed_gold_overlap``.

    Raises:
        InputError: a data file is missing.
    """
    from wirewatch.eval.plover import load_gold, normalise

    d = Path(data_dir)
    for rel in [NGEC, GOLD] + ([PLV] if use_plv else []):
        if not (d / rel).exists():
            raise InputError(
                f"training data file not found: {d / rel}; pass --data with the "
                "shared data folder (../shared/data).",
                source=str(d / rel),
            )
    gold = {normalise(g.text) for g in load_gold(d / GOLD)}
    rng = random.Random(SEED)
    train: list[Example] = []
    dev: list[Example] = []
    with (d / NGEC).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            label = row["label"].strip().upper()
            if label not in LABELS:
                continue
            title = _PLACEHOLDER.sub(lambda _m: rng.choice(_FILL), row["title"]).strip()
            if title:
                train.append(Example(title, label, "ngec-title"))
            lead = _lead(row["text"])
            if len(lead) > 20:
                train.append(Example(lead, label, "ngec-lead"))
    if (d / CODEBOOK).exists():
        seen: set[str] = set()
        with (d / CODEBOOK).open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                label = (row.get("event") or "").strip().upper()
                for col in ("event_def", "mode_def"):
                    text = (row.get(col) or "").strip()
                    if label in LABELS and len(text) > 20 and text not in seen:
                        seen.add(text)
                        train.append(Example(text, label, "ngec-codebook"))
    if use_plv:
        by_label: dict[str, list[Example]] = {}
        with (d / PLV).open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                s, root = (row.get("sentence") or "").strip(), (row.get("gold_root") or "").strip()
                root = {"INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT", "DEMAND": "REQUEST"}.get(
                    root, root
                )
                if root == "YIELD":
                    root = _yield_label(s)
                if s and root in LABELS:
                    by_label.setdefault(root, []).append(Example(s, root, "plv"))
        for label in sorted(by_label):
            rows = by_label[label]
            rng.shuffle(rows)
            k = max(1, round(len(rows) * 0.2))
            dev.extend(rows[:k])
            train.extend(rows[k:])
    n_before = len(train) + len(dev)
    train = [e for e in train if normalise(e.text) not in gold]
    dev = [e for e in dev if normalise(e.text) not in gold]
    stats: dict[str, int] = dict(Counter(e.origin for e in train))
    stats["dev"] = len(dev)
    stats["removed_gold_overlap"] = n_before - len(train) - len(dev)
    return train, dev, stats


def _build(length: int) -> Any:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe(
        "textcat",
        config={
            "model": {
                "@architectures": "spacy.TextCatBOW.v3",
                "exclusive_classes": True,
                "ngram_size": 2,
                "no_output_layer": False,
                "length": length,
            }
        },
    )
    return nlp


def train_events(
    data_dir: str | Path,
    output: str | Path = MODEL_DIR,
    *,
    epochs: int = 12,
    use_plv: bool = True,
    length: int = 2**15,
    log: Any = print,
) -> dict[str, Any]:
    """Train the event-type classifier and write it (with hashes and NOTE) to ``output``.

    Args:
        data_dir: the shared data folder.
        output: model folder (default: the one shipped in the package).
        epochs: passes over the training examples.
        use_plv: train on ``PLV_train.tsv`` too (its license is unstated: the NOTE says so).
        length: hashed n-gram feature rows (weights ~ length x 16 x 4 bytes).
        log: progress printer.

    Returns:
        ``{"n_train", "n_dev", "dev_accuracy", "removed_gold_overlap", "seconds", "output"}``.

    Raises:
        InputError: a data file is missing.
    """
    from spacy.training import Example as SpacyExample
    from spacy.util import fix_random_seed, minibatch

    from wirewatch.eval.plover import normalise

    t0 = time.perf_counter()
    fix_random_seed(SEED)
    train, dev, stats = load_examples(data_dir, use_plv=use_plv)
    log(f"examples: {stats}; removed as overlapping PLOVER gold: {stats['removed_gold_overlap']}")
    nlp = _build(length)
    tc = nlp.get_pipe("textcat")
    for label in LABELS:
        tc.add_label(label)

    def mk(ex: Example) -> Any:
        return SpacyExample.from_dict(
            nlp.make_doc(ex.text), {"cats": {lb: float(lb == ex.label) for lb in LABELS}}
        )

    examples = [mk(e) for e in train]
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(SEED)
    dev_acc = 0.0
    for epoch in range(epochs):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=32):
            nlp.update(batch, sgd=optimizer, losses=losses, drop=0.0)
        if dev:
            docs = list(nlp.pipe(e.text for e in dev))
            dev_acc = sum(
                max(d.cats, key=d.cats.__getitem__) == e.label
                for d, e in zip(docs, dev, strict=True)
            ) / len(dev)
        log(f"epoch {epoch + 1}: loss {losses.get('textcat', 0.0):.3f} dev accuracy {dev_acc:.3f}")
    out = Path(output)
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.meta.update(
        {
            "name": "wirewatch_event_textcat",
            "version": "1.0.0",
            "description": "PLOVER 0.8 event type of one sentence (bag of n-grams)",
        }
    )
    nlp.to_disk(out)
    hashes = sorted({sentence_hash(normalise(e.text)) for e in train + dev})
    (out / "training_sentences.sha1").write_text("\n".join(hashes) + "\n", encoding="utf-8")
    (out / "NOTE.md").write_text(_note(stats, dev_acc, use_plv), encoding="utf-8")
    seconds = round(time.perf_counter() - t0, 1)
    log(f"wrote {out} in {seconds} s")
    return {
        "n_train": len(train),
        "n_dev": len(dev),
        "dev_accuracy": round(dev_acc, 4),
        "removed_gold_overlap": stats["removed_gold_overlap"],
        "seconds": seconds,
        "output": str(out),
    }


def _note(stats: dict[str, int], dev_acc: float, use_plv: bool) -> str:
    plv = (
        f"- `zero_shot_plover/PLV_train.tsv` — {stats.get('plv', 0)} sentences (80%; the other "
        f"20%, {stats['dev']} sentences, were the development set). **No license stated**: these "
        "weights are for training and development only; redistribute them only after retraining "
        "without it (`wirewatch train events --no-plv`).\n"
        if use_plv
        else "- `zero_shot_plover/PLV_train.tsv` — not used.\n"
    )
    return (
        "# Event-type classifier: data and licenses\n\n"
        "spaCy textcat (TextCatBOW.v3, unigrams + bigrams, 16 PLOVER 0.8 types), trained by\n"
        "`wirewatch train events --data ../shared/data` (fixed seed 13).\n\n"
        "## Training data\n"
        f"- `ngec_synthetic/gpt_synthetic_events_2023-10-19_19.csv` — MIT license "
        f"(Andy Halterman, 2023); {stats.get('ngec-title', 0)} headlines and "
        f"{stats.get('ngec-lead', 0)} lead sentences of machine-generated stories, not gold.\n"
        f"- `ngec_synthetic/PLOVER_structured_codebook_updated.csv` — MIT (same repository); "
        f"{stats.get('ngec-codebook', 0)} event and mode definitions.\n"
        + plv
        + f"\nBefore training, {stats['removed_gold_overlap']} examples identical (after "
        "`wirewatch.eval.plover.normalise`) to a PLOVER gold sentence were removed. "
        "`training_sentences.sha1` lists the SHA-1 (first 16 hex digits) of every normalised "
        "training and development sentence; `wirewatch eval plover` drops gold records that match "
        "and reports how many (`removed_overlap`).\n\n"
        + (
            f"Development accuracy (PLV_train held-out 20%): {dev_acc:.3f}.\n"
            if use_plv
            else "No development set (it comes from PLV_train, not used here).\n"
        )
    )
