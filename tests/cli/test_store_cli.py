"""wirewatch ingest / query / export as a user runs them."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from click.testing import CliRunner

from wirewatch.cli.main import cli

TEXTS = [
    "Police in Springfield detained twelve protesters on Monday, the mayor said.",
    "Protesters marched in Almaty on Tuesday, demanding lower fuel prices.",
    "The government of Kazakhstan declared a state of emergency on Wednesday.",
]


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


@pytest.fixture
def corpus(tmp_path):
    lines = [
        json.dumps({"id": f"a{i}", "text": t, "date": "2022-01-05"}) for i, t in enumerate(TEXTS)
    ]
    lines.append("{oops")
    f = tmp_path / "c.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return f


@pytest.mark.parametrize("name", ["ingest", "query", "export"])
def test_help_ends_with_an_example(runner, name):
    res = runner.invoke(cli, [name, "--help"])
    assert res.exit_code == 0
    assert res.output.strip().splitlines()[-1].strip().startswith("-h, --help")
    cmd = cli.commands[name]
    assert cmd.help.strip().splitlines()[-1].strip().startswith(f"Example: wirewatch {name} ")


@pytest.mark.slow
def test_ingest_query_export(runner, corpus, tmp_path, nlp):
    db = tmp_path / "c.duckdb"
    res = runner.invoke(cli, ["ingest", str(corpus), "--db", str(db), "--workers", "1"])
    assert res.exit_code == 0, res.output
    assert "ok 3, failed 1, skipped 0" in res.stdout
    res = runner.invoke(cli, ["ingest", str(corpus), "--db", str(db), "--workers", "1"])
    assert "ok 0, failed 0, skipped 4" in res.stdout

    res = runner.invoke(
        cli, ["query", "--db", str(db), "--format", "json", "SELECT id, code FROM errors"]
    )
    assert res.exit_code == 0, res.output
    (err,) = json.loads(res.stdout)
    assert err["code"] == "malformed_record"
    res = runner.invoke(
        cli,
        [
            "query",
            "--db",
            str(db),
            "--format",
            "csv",
            "SELECT source_id FROM articles ORDER BY source_id",
        ],
    )
    assert res.stdout.splitlines() == ["source_id", "a0", "a1", "a2"]
    res = runner.invoke(cli, ["query", "--db", str(db), "SELECT count(*) AS n FROM articles"])
    assert res.exit_code == 0 and "3" in res.stdout
    res = runner.invoke(cli, ["query", "--db", str(db), "DROP TABLE articles"])
    assert res.exit_code == 1 and "read-only" in res.output

    out = tmp_path / "g.tsv"
    res = runner.invoke(cli, ["export", "--db", str(db), "--format", "gdelt", "-o", str(out)])
    assert res.exit_code == 0, res.output
    if out.read_text():
        assert pd.read_csv(out, sep="\t", header=None).shape[1] == 61
    out = tmp_path / "a.parquet"
    res = runner.invoke(
        cli,
        ["export", "--db", str(db), "--format", "parquet", "-o", str(out), "--table", "articles"],
    )
    assert res.exit_code == 0, res.output
    assert len(pd.read_parquet(out)) == 3


def test_errors_are_one_line(runner, tmp_path):
    res = runner.invoke(cli, ["query", "--db", str(tmp_path / "none.duckdb"), "SELECT 1"])
    assert res.exit_code == 1 and "no such store" in res.output
    res = runner.invoke(
        cli,
        [
            "ingest",
            str(tmp_path / "missing.jsonl"),
            "--db",
            str(tmp_path / "x.duckdb"),
            "--workers",
            "1",
        ],
    )
    assert res.exit_code == 1 and "no such file" in res.output
