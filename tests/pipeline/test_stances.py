"""Tests of wirewatch_stances: explicit agreement/disagreement cues, (text, expected) rows.

Entities are built by hand (``add_entities``: NER names merged by their last word), so the rows
test the stance rules, not coreference.
"""

from __future__ import annotations

import pytest
from _attribution_helpers import add_entities, parse, run

from wirewatch.model import Stance, stable_id
from wirewatch.pipeline.extensions import doc_id

pytestmark = pytest.mark.slow

# (text, pronoun mentions {word: entity key}, [(from key, relation, to key, cue text)])
CASES = [
    pytest.param(
        "Minister Lena Ortiz disagrees with Paul Grant on the tariffs.",
        {},
        [("Ortiz", "disagree", "Grant", "disagrees with")],
        id="disagrees-with",
    ),
    pytest.param(
        "Paul Grant rejected Lena Ortiz’s claim that the port was closed.",
        {},
        [("Grant", "disagree", "Ortiz", "rejected")],
        id="rejects-possessor-claim",
    ),
    pytest.param(
        "Lena Ortiz does not accept Paul Grant’s statements about the strike.",
        {},
        [("Ortiz", "disagree", "Grant", "does not accept")],
        id="negated-accept-flips",
    ),
    pytest.param(
        "Lena Ortiz echoed Paul Grant, calling the deal a mistake.",
        {},
        [("Ortiz", "agree", "Grant", "echoed")],
        id="echoed",
    ),
    pytest.param(
        "Lena Ortiz agrees with Paul Grant that the deal is dead.",
        {},
        [("Ortiz", "agree", "Grant", "agrees with")],
        id="agrees-with",
    ),
    pytest.param(
        "Lena Ortiz took issue with Paul Grant's characterization of the vote.",
        {},
        [("Ortiz", "disagree", "Grant", "took issue with")],
        id="took-issue-with",
    ),
    pytest.param(
        "Lena Ortiz diverges from Paul Grant’s assessment of the talks.",
        {},
        [("Ortiz", "disagree", "Grant", "diverges from")],
        id="diverges-from-assessment",
    ),
    pytest.param(
        "Paul Grant spoke first. She is among many economists who do not accept Grant’s "
        "assessment.",
        {},
        [],  # "She" is no entity's mention here: no stance, a diagnostic instead
        id="unresolved-side-skipped",
    ),
    pytest.param(
        "Lena Ortiz accepted the offer from Paul Grant.",
        {},
        [],
        id="accept-needs-a-claim",
    ),
]


@pytest.mark.parametrize(("text", "pronouns", "expected"), CASES)
def test_stance_cues(nlp, text, pronouns, expected):
    doc = parse(nlp, text)
    ids = add_entities(doc, {text.index(w): k for w, k in pronouns.items()})
    run(nlp, "wirewatch_stances", doc)
    got = [
        (s["from_entity"], s["relation"], s["to_entity"], s["cue"]["text"])
        for s in doc._.ww_stances
    ]
    assert got == [(ids[f], rel, ids[t], cue) for f, rel, t, cue in expected]
    for s in doc._.ww_stances:
        Stance.model_validate(s)
        assert (
            text[s["evidence"]["start_char"] : s["evidence"]["end_char"]] == s["evidence"]["text"]
        )
        assert s["id"] == stable_id(
            "stn", doc_id(doc), s["evidence"]["start_char"], s["from_entity"], s["to_entity"]
        )


def test_pronoun_subject_of_relative_clause(nlp):
    text = (
        "Lena Ortiz and Paul Grant met on Monday. She is among many economists who do not accept "
        "Grant’s assessment."
    )
    doc = parse(nlp, text)
    ids = add_entities(doc, {text.index("She"): "Ortiz"})
    run(nlp, "wirewatch_stances", doc)
    assert [(s["from_entity"], s["relation"], s["to_entity"]) for s in doc._.ww_stances] == [
        (ids["Ortiz"], "disagree", ids["Grant"])
    ]


def test_reference_article_divergence(nlp, example_text):
    doc = parse(nlp, example_text)
    ids = add_entities(doc)
    run(nlp, "wirewatch_stances", doc)
    pairs = {(s["from_entity"], s["relation"], s["to_entity"]) for s in doc._.ww_stances}
    assert (ids["Murtazashvili"], "disagree", ids["Herbst"]) in pairs


def test_no_entities_no_stances_no_exception(nlp):
    doc = parse(nlp, "Lena Ortiz disagrees with Paul Grant.")
    run(nlp, "wirewatch_stances", doc)
    assert doc._.ww_stances == []
    assert any("not resolved" in d["message"] for d in doc._.ww_diagnostics)
