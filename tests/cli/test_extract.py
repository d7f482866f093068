"""The extract command as a user runs it: formats, batch error records, exit codes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from wirewatch.cli.main import cli

TEXT = "Police in Springfield detained twelve protesters on Monday, the mayor said."


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


@pytest.fixture
def good(tmp_path):
    f = tmp_path / "good.txt"
    f.write_text(TEXT, encoding="utf-8")
    return f


def test_single_file_json(runner, good, nlp):
    res = runner.invoke(cli, ["extract", str(good), "--date", "2023-05-02"])
    assert res.exit_code == 0, res.output
    rec = json.loads(res.stdout)
    assert rec["article"]["text"] == TEXT
    assert rec["article"]["date"] == "2023-05-02"
    assert rec["article"]["source_id"] == str(good)
    assert rec["article"]["id"].startswith("art_")


def test_single_bad_file_exits_1_with_one_message(runner, tmp_path, nlp):
    f = tmp_path / "empty.txt"
    f.write_text("")
    res = runner.invoke(cli, ["extract", str(f)])
    assert res.exit_code == 1
    assert res.stdout == ""
    assert res.stderr.strip() == (
        f"wirewatch: error: {f}: the file is empty (or holds only whitespace); give a file with "
        "the article's text in it."
    )


def test_several_inputs_error_record_and_rest_go_on(runner, good, tmp_path, nlp):
    missing = tmp_path / "missing.txt"
    res = runner.invoke(cli, ["extract", str(missing), str(good), str(tmp_path)])
    assert res.exit_code == 1
    lines = [json.loads(x) for x in res.stdout.splitlines()]
    assert [x["article"]["source_id"] for x in lines] == [str(missing), str(good), str(tmp_path)]
    assert lines[0]["error"]["code"] == "missing_input"
    assert "error" not in lines[1] and lines[1]["article"]["text"] == TEXT
    assert lines[2]["error"]["code"] == "not_a_file"


def test_jsonl_in_input_order_with_source_ids(runner, tmp_path, nlp):
    f = tmp_path / "in.jsonl"
    rows = [
        {"id": "b", "text": TEXT, "date": "2023-01-01"},
        {"id": "bad", "text": ""},
        {"id": "a", "text": "The ministry condemned the attack."},
    ]
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n{oops\n", encoding="utf-8")
    res = runner.invoke(cli, ["extract", "--jsonl", str(f)])
    assert res.exit_code == 1
    out = [json.loads(x) for x in res.stdout.splitlines()]
    assert [o["article"]["source_id"] for o in out] == ["b", "bad", "a", f"{f}:4"]
    assert out[0]["article"]["date"] == "2023-01-01"
    assert out[1]["error"]["code"] == "empty_input"
    assert out[3]["error"]["code"] == "malformed_record"


def test_stdin_and_table(runner, nlp):
    res = runner.invoke(cli, ["extract", "-", "--format", "table"], input=TEXT)
    assert res.exit_code == 0, res.output
    assert "Entities" in res.stdout and "Events" in res.stdout and "<stdin>" in res.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["{good}"],
        ["{good}", "{good}"],  # batch: still a usage error, not an error record per document
        ["--jsonl", "{good}"],
    ],
)
def test_bad_date_is_a_usage_error_before_any_input_is_read(runner, good, args):
    argv = ["extract", *(a.format(good=good) for a in args), "--date", "12/01/2022"]
    res = runner.invoke(cli, argv)
    assert res.exit_code == 2
    assert "--date '12/01/2022'" in res.stderr and "YYYY-MM-DD" in res.stderr
    assert res.stdout == ""


def test_a_day_that_does_not_exist_is_called_invalid_not_malformed(runner, good):
    res = runner.invoke(cli, ["extract", str(good), "--date", "2022-02-30"])
    assert res.exit_code == 2
    assert "'2022-02-30' is not a valid date" in res.stderr and "existing day" in res.stderr


def test_unknown_model_names_the_model(runner, good):
    res = runner.invoke(cli, ["extract", str(good), "--model", "xx_no_such_model"])
    assert res.exit_code == 2
    assert "xx_no_such_model" in res.stderr and "not installed" in res.stderr


def test_output_file(runner, good, tmp_path, nlp):
    out = tmp_path / "out.json"
    res = runner.invoke(cli, ["extract", str(good), "-o", str(out)])
    assert res.exit_code == 0
    assert json.loads(out.read_text())["article"]["text"] == TEXT


def test_every_command_is_documented_with_an_example():
    for name, cmd in cli.commands.items():
        assert cmd.help and "Example:" in cmd.help, name


def test_schema_command(runner):
    res = runner.invoke(cli, ["schema"])
    assert res.exit_code == 0
    assert json.loads(res.stdout)["title"] == "Record"
