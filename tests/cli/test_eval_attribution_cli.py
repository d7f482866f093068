"""``wirewatch eval polnear`` on a tiny synthetic brat folder made here (no PolNeAR data)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from wirewatch.cli.main import cli

pytestmark = pytest.mark.slow

TEXT = (
    "Governor Ana Ruiz said the bridge will reopen in May.\n"
    "“We have checked every bolt,” she said.\n"
)
# offsets: Ana Ruiz's indirect attribution, then the pronoun-sourced direct quote
ANN = (
    "T1\tSource 0 17\tGovernor Ana Ruiz\n"
    "T2\tCue 18 22\tsaid\n"
    "T3\tContent 23 52\tthe bridge will reopen in May\n"
    "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"
    "T4\tContent 54 83\t“We have checked every bolt,”\n"
    "T5\tSource 84 87\tshe\n"
    "T6\tCue 88 92\tsaid\n"
    "E2\tAttribution:T6 Content:T4 Cue:T6 Source:T5\n"
)


@pytest.fixture
def split(tmp_path):
    assert TEXT[0:17] == "Governor Ana Ruiz" and TEXT[84:87] == "she"
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "bridge.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "bridge_a1b2.ann").write_text(ANN, encoding="utf-8")
    return tmp_path


def test_eval_polnear_json(split, nlp):
    res = CliRunner().invoke(cli, ["eval", "polnear", str(split), "--json", "--mode", "rules"])
    assert res.exit_code == 0, res.output
    r = json.loads(res.stdout)
    assert (r["articles"], r["annotator_files"], r["gold_attributions"]) == (1, 1, 2)
    assert r["attributor_mode"] == "rules"
    for f in ("source", "cue", "content"):
        assert r["exact"][f]["recall"] == 1.0, (f, r["exact"][f])
    assert r["by_quote_type"]["direct_or_mixed"]["exact"]["content"]["tp"] == 1
    assert r["by_quote_type"]["indirect"]["exact"]["content"]["tp"] == 1
    assert r["pronoun_sources"]["gold_pronoun_sources"] == 1
    assert r["pronoun_sources"]["found"] == 1  # resolution itself depends on wirewatch_coref
    assert r["docs_per_s"] > 0 and r["words_per_s"] > 0
    assert "annotator file" in r["protocol"]
    assert r["annotator_agreement"] is None  # one annotator: no human ceiling to report


def test_eval_polnear_agreement_only(split, nlp):
    # a second annotator who marked only Ana Ruiz's attribution
    (split / "attributions" / "bridge_c3d4.ann").write_text(
        "\n".join(ANN.splitlines()[:4]) + "\n", encoding="utf-8"
    )
    res = CliRunner().invoke(
        cli, ["eval", "polnear", str(split), "--json", "--agreement-only", "--mode", "rules"]
    )
    assert res.exit_code == 0, res.output
    agr = json.loads(res.stdout)["annotator_agreement"]
    assert (agr["articles"], agr["annotator_files"], agr["pairs"]) == (1, 2, 2)
    # the annotators share one of the first file's two cues: 1 tp each way, 1 fp and 1 fn
    assert agr["humans"]["exact"]["cue"]["f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert agr["wirewatch"]["exact"]["cue"]["recall"] == 1.0


def test_eval_polnear_table_and_help(split, nlp):
    runner = CliRunner()
    res = runner.invoke(cli, ["eval", "polnear", str(split)])
    assert res.exit_code == 0, res.output
    assert "PolNeAR attribution" in res.output and "exact" in res.output
    from wirewatch.cli.eval_attribution import polnear_cmd

    example = "Example: wirewatch eval polnear ../shared/data/polnear/dev"
    assert (polnear_cmd.help or "").rstrip().endswith(example)
    assert example in runner.invoke(cli, ["eval", "polnear", "--help"]).output


def test_eval_polnear_not_a_split(tmp_path):
    res = CliRunner().invoke(cli, ["eval", "polnear", str(tmp_path)])
    assert res.exit_code != 0
    assert "not a PolNeAR split" in res.output
