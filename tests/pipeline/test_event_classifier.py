"""The learned event-type classifier: shipped weights load, the combination keeps rules intact."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from wirewatch.pipeline.event_classifier import (
    CombineParams,
    EventTypeClassifier,
    cameo_for,
    combine,
    model_path,
    training_hashes,
)
from wirewatch.pipeline.events import EventCoder

GOLD = Path(__file__).resolve().parents[3] / "shared" / "data" / "plover" / "PLOVER_GSR_CAMEO.txt"


def test_shipped_weights_load_and_classify_a_sentence() -> None:
    assert (model_path() / "NOTE.md").exists()
    assert len(training_hashes()) > 5000
    clf = EventTypeClassifier()
    nlp = spacy.blank("en")
    doc = nlp("Rebels fired rockets at an army base, killing four soldiers.")
    probs = clf.predict([doc[:]])[0]
    assert set(probs) == set(clf.labels) and len(probs) == 16
    assert max(probs, key=probs.__getitem__) == "ASSAULT"
    assert abs(sum(probs.values()) - 1.0) < 1e-3


def test_factory_learned_loads_weights() -> None:
    nlp = spacy.blank("en")
    pipe = nlp.add_pipe("wirewatch_events", config={"event_classifier": "learned"})
    assert pipe.classifier is not None


def test_factory_rules_path_has_no_classifier() -> None:
    nlp = spacy.blank("en")
    pipe = nlp.add_pipe("wirewatch_events", config={"event_classifier": "rules"})
    assert pipe.classifier is None


def test_unknown_classifier_setting_is_a_config_error() -> None:
    from wirewatch.errors import ConfigError

    with pytest.raises(ConfigError, match="event_classifier"):
        EventCoder(spacy.blank("en"), "x", event_classifier="neural")


def _doc() -> Doc:
    # "Police arrested the protesters." parsed by hand
    words = ["Police", "arrested", "the", "protesters", "."]
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[1, 1, 3, 1, 1],
        deps=["nsubj", "ROOT", "det", "dobj", "punct"],
        pos=["NOUN", "VERB", "DET", "NOUN", "PUNCT"],
        lemmas=["police", "arrest", "the", "protester", "."],
    )


def _event(ptype: str, conf: float, start: int = 7) -> dict:
    return {
        "id": "e1",
        "plover_type": ptype,
        "plover_mode": None,
        "cameo_code": "173",
        "quad_class": 4,
        "goldstein": -5.0,
        "acled_event_type": None,
        "acled_sub_event_type": None,
        "trigger": {"start_char": start, "end_char": 15, "text": "arrested"},
        "negated": False,
        "hypothetical": False,
        "confidence": conf,
    }


@pytest.mark.parametrize(
    ("rule_conf", "probs", "expected_type"),
    [
        (0.9, {"COERCE": 0.1, "ASSAULT": 0.9}, "COERCE"),  # sure rules are never re-typed
        (0.4, {"COERCE": 0.02, "ASSAULT": 0.95}, "ASSAULT"),  # unsure rules, sure classifier
        (0.4, {"COERCE": 0.45, "ASSAULT": 0.55}, "COERCE"),  # classifier not sure enough
    ],
)
def test_combine_overrides_only_uncertain_rules(
    rule_conf: float, probs: dict[str, float], expected_type: str
) -> None:
    out = combine([_event("COERCE", rule_conf)], probs, CombineParams(), {7: "arrest"})
    assert out[0]["plover_type"] == expected_type
    code, _ = cameo_for(expected_type, "arrest")
    assert out[0]["cameo_code"] == (code if expected_type != "COERCE" else "173")


def test_combine_reranks_competing_rule_events() -> None:
    evs = [_event("COERCE", 0.6), {**_event("PROTEST", 0.62, 20), "id": "e2"}]
    out = combine(evs, {"COERCE": 0.9, "PROTEST": 0.05}, CombineParams(), {})
    best = max(out, key=lambda e: e["confidence"])
    assert best["plover_type"] == "COERCE"


def test_rules_path_codes_hand_built_doc() -> None:
    doc = _doc()
    events = EventCoder(spacy.blank("en"), "x", event_classifier="rules").match(doc)
    assert [e["plover_type"] for e in events] == ["COERCE"]


def test_cameo_code_consistent_with_type() -> None:
    from wirewatch.ontology import cameo

    for ptype in ("RETREAT", "CONCEDE", "AID", "MOBILIZE"):
        code, _ = cameo_for(ptype)
        assert code is not None and cameo.to_plover(code).plover_type == ptype


@pytest.mark.skipif(not GOLD.exists(), reason="../shared/data/plover not present")
def test_eval_reports_training_overlap(monkeypatch: pytest.MonkeyPatch) -> None:
    from wirewatch.eval import plover as ev
    from wirewatch.eval.plover import evaluate_plover, load_gold, normalise
    from wirewatch.train.events import sentence_hash

    first = load_gold(GOLD)[0]

    class _Fake:
        nlp = None

        def extract_many(self, items):  # noqa: ANN001, ANN202
            return iter([None for _ in items])

    monkeypatch.setattr(ev, "_training_overlap", lambda _x: {sentence_hash(normalise(first.text))})
    result = evaluate_plover(GOLD, _Fake())
    assert result["removed_overlap"] == sum(
        normalise(g.text) == normalise(first.text) for g in load_gold(GOLD)
    )
    assert result["removed_overlap"] >= 1
