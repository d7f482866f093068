"""--actors / --agents on ``wirewatch extract`` and ``Extractor(actors=, agents=)``."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from wirewatch.cli.main import cli

TEXT = "Foreign Minister Zorbek Almatov met reporters on Monday and answered questions.\n"
ACTORS = "ZORBEK_ALMATOV_\n\t[UZBMIL 20200101 - 20291231]\n"


@pytest.fixture()
def files(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    actors = tmp_path / "mydict.txt"
    actors.write_text(ACTORS, encoding="utf-8")
    return article, actors


def _almatov(stdout):
    rec = json.loads(stdout)
    return next(
        (e["country"], e["sector"]) for e in rec["entities"] if e["name"] == "Zorbek Almatov"
    )


def test_actors_option_changes_country_and_sector(files):
    article, actors = files
    runner = CliRunner()
    plain = runner.invoke(cli, ["extract", str(article), "--date", "2024-06-03"])
    assert plain.exit_code == 0, plain.output
    assert _almatov(plain.stdout) == (None, "GOV")
    coded = runner.invoke(
        cli, ["extract", str(article), "--date", "2024-06-03", "--actors", str(actors)]
    )
    assert coded.exit_code == 0, coded.output
    assert _almatov(coded.stdout) == ("UZB", "MIL")


def test_missing_dictionary_fails_naming_the_file(files, tmp_path):
    article, _ = files
    missing = tmp_path / "nosuch.actors.txt"
    res = CliRunner().invoke(cli, ["extract", str(article), "--actors", str(missing)])
    assert res.exit_code == 2
    assert "nosuch.actors.txt" in res.stderr


def test_malformed_agent_dictionary_fails_naming_file_and_line(files, tmp_path):
    article, _ = files
    bad = tmp_path / "bad.agents.txt"
    bad.write_text("PRESIDENT [~GOV]\nMINISTER\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["extract", str(article), "--agents", str(bad)])
    assert res.exit_code == 2
    assert "bad.agents.txt:2" in res.stderr


def test_python_api_takes_dictionaries(files):
    from wirewatch.extract import Extractor

    _, actors = files
    rec = Extractor(actors=[actors]).extract(TEXT, date="2024-06-03")
    [e] = [e for e in rec.entities if e.name == "Zorbek Almatov"]
    assert (e.country, e.sector) == ("UZB", "MIL")


def test_pipeline_cache_is_keyed_by_dictionaries(files):
    from wirewatch.pipeline import load_pipeline

    _, actors = files
    assert load_pipeline() is load_pipeline()
    assert load_pipeline(actors=(str(actors),)) is not load_pipeline()


def test_dictionaries_with_a_prebuilt_pipeline_are_refused(nlp, files):
    from wirewatch.errors import ConfigError
    from wirewatch.extract import Extractor

    _, actors = files
    with pytest.raises(ConfigError, match="actor_dictionaries"):
        Extractor(nlp=nlp, actors=[actors])
