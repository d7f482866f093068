"""``wirewatch train attribution`` on a tiny synthetic brat folder made here (no PolNeAR data)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from wirewatch.cli.main import cli

TEXT = "Governor Ana Ruiz said the bridge will reopen in May.\n"
ANN = (
    "T1\tSource 0 17\tGovernor Ana Ruiz\n"
    "T2\tCue 18 22\tsaid\n"
    "T3\tContent 23 52\tthe bridge will reopen in May\n"
    "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"
)


def test_train_attribution_is_registered_and_documented():
    res = CliRunner().invoke(cli, ["train", "attribution", "--help"])
    assert res.exit_code == 0, res.output
    assert "Example: wirewatch train attribution --data ../shared/data/polnear/train" in res.output


@pytest.mark.slow
def test_train_attribution_writes_a_table(tmp_path):
    assert TEXT[0:17] == "Governor Ana Ruiz" and TEXT[23:52] == "the bridge will reopen in May"
    split = tmp_path / "train"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "bridge.txt").write_text(TEXT, encoding="utf-8")
    (split / "attributions" / "bridge_a1b2.ann").write_text(ANN, encoding="utf-8")
    out = tmp_path / "frames.tsv"
    res = CliRunner().invoke(
        cli,
        ["train", "attribution", "--data", str(split), "-o", str(out), "--min-hits", "1"],
    )
    assert res.exit_code == 0, res.output
    assert "from 1 articles (1 annotator files)" in res.output
    rows = [ln.split("\t") for ln in out.read_text(encoding="utf-8").splitlines()]
    assert ["say", "ccomp"] in [r[:2] for r in rows if not r[0].startswith("#")]


def test_train_attribution_refuses_a_folder_that_is_not_a_split(tmp_path):
    res = CliRunner().invoke(cli, ["train", "attribution", "--data", str(tmp_path)])
    assert res.exit_code != 0
    assert "is not a PolNeAR split" in res.output
