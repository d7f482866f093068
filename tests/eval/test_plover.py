"""PLOVER gold-record loading and the NGEC synthetic-story scorer (no model needed)."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from wirewatch.eval.plover import (
    SYNTHETIC_NOTE,
    SyntheticStory,
    evaluate_ngec,
    is_ngec_csv,
    load_gold,
    load_ngec,
    stratified_sample,
)
from wirewatch.model import Article, Event, Record, Span


def test_gold_records_keep_their_own_date(tmp_path):
    p = tmp_path / "gold.json"
    p.write_text(
        json.dumps(
            [
                {"id": "DOC", "event": "DOCUMENT"},
                {
                    "id": "a",
                    "date": "1998-04-02",
                    "event": "DEMAND",
                    "text": "X demanded Y leave.",
                    "source": [{"actorText": "X", "code": "USA"}],
                    "target": [],
                },
                {"id": "b", "event": "AGREE", "text": "X agreed."},
            ]
        ),
        encoding="utf-8",
    )
    a, b = load_gold(p)
    assert (a.event, a.date) == ("REQUEST", "1998-04-02")
    assert b.date is None


def test_non_iso_gold_codes_are_read_as_the_country_they_name(tmp_path):
    p = tmp_path / "gold.json"
    p.write_text(
        json.dumps(
            [
                {
                    "id": "a",
                    "event": "AGREE",
                    "text": "Japan and Italy agreed with Laos.",
                    "source": [
                        {"actorText": "Japan", "code": "JAP"},
                        {"actorText": "Italy", "code": "ITL"},
                    ],
                    "target": [{"actorText": "Laos", "code": "LAO"}],
                },
            ]
        ),
        encoding="utf-8",
    )
    (g,) = load_gold(p)
    assert [a["code"] for a in g.sources] == ["JPN", "ITA"]
    assert [a.get("gold_code") for a in g.sources] == ["JAP", "ITL"]
    assert g.targets == [{"actorText": "Laos", "code": "LAO"}]


# --- NGEC synthetic stories (a tiny CSV of our own; a fake extractor keyed on words) -----------

_ROWS = [
    # text, prompt, label, mode
    ("Troops shelled the border town overnight.", "Army Shells Town\n\n(AP) --", "ASSAULT", ""),
    (
        "Workers marched on parliament, and police threatened arrests.",
        "Workers March\n\n(AP) --",
        "PROTEST",
        "DEMONSTRATE",
    ),
    ("The two ministers met in Oslo.", "Ministers Meet\n\n(AP) --", "CONSULT", ""),
    ("Nothing of note happened.", "Quiet Day\n\n(AP) --", "AID", ""),
    ("", "Empty\n\n(AP) --", "AID", ""),  # no text: skipped
]
# word -> (type, mode, confidence, hypothetical)
_CUES = {
    "shelled": ("ASSAULT", "aerial", 0.9, False),
    "marched": ("PROTEST", "demonstrate", 0.6, False),
    "threatened": ("THREATEN", None, 0.8, True),
    "met": ("CONSULT", None, 0.7, False),
}


def _csv(tmp_path):
    p = tmp_path / "stories.csv"
    with p.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["disclaimer", "text", "title", "source", "prompt", "label", "mode"])
        for text, prompt, label, mode in _ROWS:
            w.writerow(["### SYNTHETIC ###", text, "{country_1} x", "AP", prompt, label, mode])
    return p


class _FakeExtractor:
    """One event per cue word; records the texts it was given."""

    def __init__(self):
        self.texts = []

    def extract_many(self, items):
        for item in items:
            self.texts.append(item.text)
            events = []
            for word, (typ, mode, conf, hyp) in _CUES.items():
                i = item.text.find(word)
                if i >= 0:
                    span = Span(start_char=i, end_char=i + len(word), text=word)
                    events.append(
                        Event(
                            id=f"e{len(events)}",
                            plover_type=typ,
                            plover_mode=mode,
                            trigger=span,
                            evidence=[span],
                            confidence=conf,
                            hypothetical=hyp,
                        )
                    )
            yield Record(article=Article(id="art_0", text=item.text), events=events)


def test_load_ngec_takes_headline_from_prompt_and_skips_empty_rows(tmp_path):
    stories = load_ngec(_csv(tmp_path))
    assert [s.label for s in stories] == ["ASSAULT", "PROTEST", "CONSULT", "AID"]
    assert stories[0].headline == "Army Shells Town" and stories[0].mode is None
    assert stories[1].mode == "DEMONSTRATE"
    assert is_ngec_csv(_csv(tmp_path)) and not is_ngec_csv(tmp_path / "missing.csv")


def test_stratified_sample_is_even_fixed_and_in_file_order(tmp_path):
    stories = [
        SyntheticStory(str(i), "t", "h", lab, None)
        for i, lab in enumerate(["A"] * 10 + ["B"] * 10 + ["C"] * 2)
    ]
    a = stratified_sample(stories, 9, seed=1)
    assert a == stratified_sample(stories, 9, seed=1)
    labels = [s.label for s in a]
    # C has only 2 stories; its shortfall goes to A and B
    assert (labels.count("A"), labels.count("B"), labels.count("C")) == (4, 3, 2)
    assert [int(s.id) for s in a] == sorted(int(s.id) for s in a)
    assert len(stratified_sample(stories, None)) == 22


def test_evaluate_ngec_scores_found_and_top_event(tmp_path):
    r = evaluate_ngec(_csv(tmp_path), _FakeExtractor(), limit=None)
    assert r["labels"] == SYNTHETIC_NOTE and r["n"] == 4
    et = r["event_type"]
    # ASSAULT, PROTEST (the hypothetical threat is not the top event), CONSULT right; AID -> NONE
    assert et["accuracy"] == 0.75
    assert et["per_type"]["AID"]["fn"] == 1 and et["per_type"]["NONE"]["fp"] == 1
    assert et["macro_f1"] == 0.75
    assert r["found"]["recall"] == 0.75 and r["found"]["per_type"]["AID"]["recall"] == 0.0
    assert r["no_factual_event"] == 0.25
    assert r["mode"] == {"n": 1, "accuracy": 1.0}  # "demonstrate" == "DEMONSTRATE"


def test_evaluate_ngec_headline_option_prepends_it(tmp_path):
    ex = _FakeExtractor()
    evaluate_ngec(_csv(tmp_path), ex, limit=None, headline=True)
    assert ex.texts[0].startswith("Army Shells Town\n\n")


def test_cli_says_labels_are_synthetic(tmp_path, monkeypatch):
    import sys

    from wirewatch.cli.main import cli

    monkeypatch.setattr(
        sys.modules["wirewatch.extract"], "Extractor", lambda model: _FakeExtractor()
    )
    res = CliRunner().invoke(cli, ["eval", "plover", str(_csv(tmp_path)), "--limit", "2"])
    assert res.exit_code == 0, res.output
    assert "SYNTHETIC" in res.output and "--limit 2" in res.output


def test_real_ngec_file_reads(shared_data):
    path = shared_data / "ngec_synthetic" / "gpt_synthetic_events_2023-10-19_19.csv"
    if not path.exists():
        pytest.skip(f"{path} not present")
    stories = load_ngec(path)
    assert len(stories) == 4500 and len({s.label for s in stories}) == 16
    sample = stratified_sample(stories, 600)
    assert (
        len(sample) == 600
        and min(sum(s.label == lab for s in sample) for lab in {s.label for s in stories}) == 37
    )
