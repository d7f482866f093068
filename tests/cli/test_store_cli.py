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


@pytest.mark.slow
def test_ingest_date_fills_only_documents_without_one(runner, tmp_path, nlp):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Police detained twelve protesters on Monday.", "utf-8")
    (folder / "notes.jsonl").write_text('{"id": "x", "text": "ignored here"}\n', "utf-8")
    jl = tmp_path / "b.jsonl"
    jl.write_text(
        json.dumps({"id": "b", "text": "Troops were deployed on Monday.", "date": "2023-03-08"})
        + "\n",
        "utf-8",
    )
    db = tmp_path / "d.duckdb"
    res = runner.invoke(
        cli,
        ["ingest", str(folder), str(jl), "--db", str(db), "--workers", "1", "--date", "2022-01-12"],
    )
    assert res.exit_code == 0, res.output
    assert "notes.jsonl" in res.stderr and "not .txt/.html" in res.stderr
    res = runner.invoke(
        cli,
        [
            "query",
            "--db",
            str(db),
            "--format",
            "json",
            "SELECT source_id, date FROM articles ORDER BY source_id",
        ],
    )
    rows = json.loads(res.stdout)
    assert [(r["source_id"], r["date"]) for r in rows] == [
        ("a.txt", "2022-01-12"),
        ("b", "2023-03-08"),
    ]
    res = runner.invoke(
        cli,
        [
            "query",
            "--db",
            str(db),
            "--format",
            "json",
            "SELECT event_date FROM events WHERE plover_type = 'COERCE'",
        ],
    )
    assert [r["event_date"] for r in json.loads(res.stdout)] == ["2022-01-10"]


def test_ingest_bad_date_is_a_usage_error(runner, corpus, tmp_path):
    res = runner.invoke(
        cli, ["ingest", str(corpus), "--db", str(tmp_path / "x.duckdb"), "--date", "12/01/22"]
    )
    assert res.exit_code == 2
    assert "YYYY-MM-DD" in res.stderr


@pytest.mark.slow
def test_ingest_uses_actor_dictionaries(runner, tmp_path, nlp):
    jl = tmp_path / "c.jsonl"
    jl.write_text(
        json.dumps(
            {
                "id": "k",
                "date": "2021-05-04",
                "text": "Maria Kowalczyk said police detained ten people in Gdansk.",
            }
        )
        + "\n",
        "utf-8",
    )
    actors = tmp_path / "my.actors.txt"
    actors.write_text("MARIA_KOWALCZYK [POLOPP]\n", "utf-8")
    db = tmp_path / "k.duckdb"
    res = runner.invoke(
        cli, ["ingest", str(jl), "--db", str(db), "--workers", "1", "--actors", str(actors)]
    )
    assert res.exit_code == 0, res.output
    res = runner.invoke(
        cli,
        [
            "query",
            "--db",
            str(db),
            "--format",
            "json",
            "SELECT name, country, sector FROM entities WHERE name LIKE 'Maria%'",
        ],
    )
    assert json.loads(res.stdout) == [
        {"name": "Maria Kowalczyk", "country": "POL", "sector": "OPP"}
    ]
    res = runner.invoke(
        cli, ["ingest", str(jl), "--db", str(db), "--actors", str(tmp_path / "nope.txt")]
    )
    assert res.exit_code == 2
    assert "nope.txt: no such dictionary file" in res.stderr
