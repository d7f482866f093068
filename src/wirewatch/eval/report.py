"""Write ``docs/accuracy.md`` from fresh evaluation runs (never edited by hand).

Each section runs one evaluation on the shared gold data and quotes the command that reproduces
it, the model and the date. Sections whose data folder is missing are listed as skipped.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["SECTIONS", "build_report"]


def _prf_table(rows: dict[str, dict[str, Any]]) -> list[str]:
    out = ["| | precision | recall | F1 | tp | fp | fn |", "|---|---|---|---|---|---|---|"]
    for k, v in rows.items():
        out.append(
            f"| {k} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} "
            f"| {v['tp']:g} | {v['fp']:g} | {v['fn']:g} |"
        )
    return out


def _plover(data: Path, extractor: Any) -> tuple[str, list[str]] | None:
    path = data / "plover" / "PLOVER_GSR_CAMEO.txt"
    if not path.exists():
        return None
    from wirewatch.eval.plover import evaluate_plover

    r = evaluate_plover(path, extractor)
    et = r["event_type"]
    lines = [
        f"Command: `wirewatch eval plover {path}`",
        "",
        f"- records: {r['n']} (removed as overlapping training data: {r['removed_overlap']}; "
        f"non-ISO gold country codes read as ISO: {r['gold_codes_mapped']}, JAP/ITL/VTN)",
        f"- event type macro-F1: **{et['macro_f1']:.3f}** (goal ≥ 0.85); accuracy "
        f"{et['accuracy']:.3f}",
        f"- source actor: text match {r['source']['text_match']:.3f}, country/code accuracy "
        f"**{r['source']['country_accuracy']:.3f}** over {r['source']['n']} (goal ≥ 0.85)",
        f"- target actor: text match {r['target']['text_match']:.3f}, country/code accuracy "
        f"**{r['target']['country_accuracy']:.3f}** over {r['target']['n']} (goal ≥ 0.85)",
        f"- mode accuracy (right type, gold mode given): {r['mode']['accuracy']:.3f} over "
        f"{r['mode']['n']}",
        f"- speed: {r['docs_per_s']} sentences/s",
        "",
        "Per type:",
        "",
        *_prf_table(et["per_type"]),
    ]
    return "PLOVER gold-standard records (event coding)", lines


def _ngec(data: Path, extractor: Any) -> tuple[str, list[str]] | None:
    path = data / "ngec_synthetic" / "gpt_synthetic_events_2023-10-19_19.csv"
    if not path.exists():
        return None
    from wirewatch.eval.plover import SYNTHETIC_NOTE, evaluate_ngec

    r = evaluate_ngec(path, extractor)
    et, found = r["event_type"], r["found"]
    lines = [
        f"Command: `wirewatch eval plover {path}` (a fixed sample of {r['n']} stories, seed 13, "
        "stratified by label)",
        "",
        f"**{SYNTHETIC_NOTE}** A second check of event typing on text the rules were not "
        "written against; document level, so the figures are not comparable with the gold "
        "records above.",
        "",
        f"- story has an event of its label's type: **{found['recall']:.3f}**",
        f"- the story's top factual event has the label's type: accuracy "
        f"**{et['accuracy']:.3f}**, macro-F1 {et['macro_f1']:.3f}",
        f"- stories with no factual event: {r['no_factual_event']:.3f}",
        *([f"- warning: {r['warning']}"] if r.get("warning") else []),
        "",
        "Top event per type:",
        "",
        *_prf_table(et["per_type"]),
    ]
    return "NGEC synthetic stories (event type, document level)", lines


def _polnear(data: Path, extractor: Any) -> tuple[str, list[str]] | None:
    path = data / "polnear" / "dev"
    if not (path / "text").is_dir():
        return None
    from wirewatch.eval.attribution import evaluate_polnear

    quotes = extractor.nlp.get_pipe("wirewatch_quotes")
    r = evaluate_polnear(path, extractor)
    ex, ov = r["exact"], r["overlap"]
    ind = r["by_quote_type"]["indirect"]["exact"]
    pron = r["pronoun_sources"]
    acc = pron["accuracy"]
    learned = _polnear_learned(path, extractor)
    lines = [
        f"Command: `wirewatch eval polnear {path}` (attributor mode "
        f"`{getattr(quotes, 'mode', 'rules')}`; `--mode rules` gives the figures with no "
        "PolNeAR-derived data)",
        "",
        f"- articles: {r['articles']}, annotator files: {r['annotator_files']}, gold "
        f"attributions: {r['gold_attributions']}, predicted quotes: {r['predicted_quotes']}",
        f"- exact F1: source **{ex['source']['f1']:.3f}** (goal ≥ 0.86), cue "
        f"**{ex['cue']['f1']:.3f}** (goal ≥ 0.80), content **{ex['content']['f1']:.3f}** "
        "(goal ≥ 0.76); CofeNet (COLING 2022): 0.832 / 0.753 / 0.729",
        f"- recall on indirect attributions (exact cue): **{ind['cue']['recall']:.3f}** "
        "(goal ≥ 0.75)",
        f"- with the optional PolNeAR-learned cue table (`--mode learned`, research use only): "
        f"exact F1 source {learned[0]:.3f}, cue {learned[1]:.3f}, content {learned[2]:.3f}; "
        f"indirect cue recall {learned[3]:.3f}",
        f"- pronoun sources named right: {'n/a' if acc is None else f'{acc:.3f}'} over "
        f"{pron['gold_pronoun_sources']} (found {pron['found']})",
        f"- speed: {r['docs_per_s']} docs/s, {r['words_per_s']} words/s (whole pipeline)",
        f"- protocol: {r['protocol']}",
        "",
        "How far the annotators agree with each other (the human ceiling for exact match). Every "
        "ordered pair of two annotator files of one article is scored like a prediction against "
        "gold; wirewatch is scored on the same files. Commands: "
        f"`wirewatch eval polnear {path} --agreement-only` and the same on "
        f"`{data / 'polnear' / 'train'}`.",
        "",
        *_agreement_rows(
            [("dev", r["annotator_agreement"]), ("train", _train_agreement(data, extractor))]
        ),
        "",
        "Exact match:",
        "",
        *_prf_table(ex),
        "",
        "Overlap (character Jaccard ≥ 0.5):",
        "",
        *_prf_table(ov),
        "",
        "Exact match by quote type:",
        "",
        *_prf_table(
            {f"{t} {f}": v["exact"][f] for t, v in r["by_quote_type"].items() for f in v["exact"]}
        ),
    ]
    return "PolNeAR dev (attribution: source, cue, content)", lines


def _train_agreement(data: Path, extractor: Any) -> dict[str, Any] | None:
    path = data / "polnear" / "train"
    if not (path / "text").is_dir():
        return None
    from wirewatch.eval.attribution import agreement_on_split

    return agreement_on_split(path, extractor)


def _agreement_rows(rows: list[tuple[str, dict[str, Any] | None]]) -> list[str]:
    """A markdown table: exact F1 per field and indirect cue recall, annotators vs wirewatch."""
    out = [
        "| split | articles (files, pairs) | who | source | cue | content | indirect cue recall |",
        "|---|---|---|---|---|---|---|",
    ]
    for split, agr in rows:
        if not agr:
            continue
        for who in ("humans", "wirewatch"):
            e, ind = agr[who]["exact"], agr[who]["indirect_exact"]["cue"]["recall"]
            label = "annotator vs annotator" if who == "humans" else "wirewatch vs annotator"
            out.append(
                f"| {split} | {agr['articles']} ({agr['annotator_files']}, {agr['pairs']}) | "
                f"{label} | {e['source']['f1']:.3f} | {e['cue']['f1']:.3f} | "
                f"{e['content']['f1']:.3f} | {ind:.3f} |"
            )
    return out


def _polnear_learned(path: Path, extractor: Any) -> tuple[float, float, float, float]:
    """Exact F1 (source, cue, content) and indirect cue recall with ``mode: learned``."""
    from wirewatch.eval.attribution import evaluate_polnear

    nlp = extractor.nlp
    mode = getattr(nlp.get_pipe("wirewatch_quotes"), "mode", "rules")
    nlp.replace_pipe("wirewatch_quotes", "wirewatch_quotes", config={"mode": "learned"})
    try:
        r = evaluate_polnear(path, extractor)
    finally:  # the pipeline is shared (load_pipeline caches it): put the default back
        nlp.replace_pipe("wirewatch_quotes", "wirewatch_quotes", config={"mode": mode})
    e = r["exact"]
    ind = r["by_quote_type"]["indirect"]["exact"]["cue"]["recall"]
    return e["source"]["f1"], e["cue"]["f1"], e["content"]["f1"], ind


def _petrarch(data: Path, extractor: Any) -> tuple[str, list[str]] | None:
    folder = data / "petrarch2"
    records = folder / "PETR.UnitTest.records.xml"
    if not records.exists():
        return None
    from wirewatch.eval.petrarch import evaluate_petrarch

    files = {k: folder / f"PETR.Validate.{k}.txt" for k in ("actors", "agents", "verbs")}
    r = evaluate_petrarch(
        records, files["actors"], files["agents"], files["verbs"], nlp=extractor.nlp
    )
    lines = [
        f"Command: `wirewatch eval petrarch {records} --actors {files['actors']} --agents "
        f"{files['agents']} --verbs {files['verbs']}` (spaCy parse only; the records' CoreNLP "
        "parses are not used)",
        "",
        f"- records coded whole: **{r['coded_whole']:.3f}** of {r['records']} (goal ≥ 0.90)",
        f"- event accuracy {r['event_accuracy']:.3f}, source {r['source_accuracy']:.3f}, "
        f"target {r['target_accuracy']:.3f}",
        "",
        "| category | records | coded whole |",
        "|---|---|---|",
        *(
            f"| {row.get('category')} | {row.get('records', row.get('n'))} | "
            f"{row.get('coded_whole', 0):.3f} |"
            for row in r["per_category"]
        ),
    ]
    return "PETRARCH-2 unit-test records (dictionary coder)", lines


SECTIONS: list[Callable[[Path, Any], tuple[str, list[str]] | None]] = [
    _plover,
    _ngec,
    _polnear,
    _petrarch,
]
"""Report sections, in order; each returns (title, markdown lines) or None when data is absent."""


def build_report(data: Path, extractor: Any) -> str:
    """The markdown text of ``docs/accuracy.md``.

    Args:
        data: the shared data folder (``../shared/data``).
        extractor: a ``wirewatch.Extractor``.
    """
    today = _dt.date.today().isoformat()
    lines = [
        "# wirewatch accuracy",
        "",
        f"Generated by `wirewatch eval report --data {data}` on {today} with model "
        f"`{extractor.meta['model']}`, wirewatch {extractor.meta['wirewatch']}, "
        f"spaCy {extractor.meta['spacy']}. Do not edit by hand: re-run the command.",
        "",
    ]
    for section in SECTIONS:
        res = section(data, extractor)
        if res is None:
            lines += [f"_{section.__name__.strip('_')}: data absent, skipped._", ""]
            continue
        title, body = res
        lines += [f"## {title}", "", *body, ""]
    return "\n".join(lines)
