"""PLOVER 0.8 / CAMEO tables and the event lexicon (no spaCy model needed)."""

from __future__ import annotations

import pytest

from wirewatch.ontology import cameo, event_lexicon, plover


def test_sixteen_plover_types_with_quads():
    types = plover.event_types()
    assert len(types) == 16
    assert {t.quad_class for t in types.values()} == {1, 2, 3, 4}
    assert plover.quad_class("COERCE") == 4
    assert plover.quad_class("CONSULT") == 1


@pytest.mark.parametrize(
    ("event_type", "mode", "valid"),
    [
        ("COERCE", "arrest", True),
        ("RETREAT", "withdraw", True),
        ("PROTEST", "riot", True),
        ("CONSULT", "phone", True),
        ("ACCUSE", "investigate", True),
        ("COERCE", "riot", False),
        ("DISAPPROVE", None, False),  # 0.5b1 name
        ("FIGHT", None, False),
    ],
)
def test_is_valid(event_type, mode, valid):
    assert plover.is_valid(event_type, mode) is valid


@pytest.mark.parametrize(
    ("v05", "expected"),
    [
        ("DEMAND", ("REQUEST", None)),
        ("DISAPPROVE", ("ACCUSE", "disapprove")),
        ("INVESTIGATE", ("ACCUSE", "investigate")),
        ("FIGHT", ("ASSAULT", None)),
        ("PROTEST", ("PROTEST", None)),
    ],
)
def test_v05_names_map_to_v08(v05, expected):
    assert plover.from_v05(v05) == expected


@pytest.mark.parametrize(
    ("code", "quad", "goldstein"),
    [
        ("010", 1, 0.0),
        ("018", 1, 3.4),
        ("041", 1, 1.0),
        ("074", 2, 8.5),
        ("0874", 2, 10.0),
        ("111", 3, -2.0),
        ("141", 3, -6.5),
        ("145", 3, -7.5),
        ("154", 4, -7.2),
        ("173", 4, -5.0),
        ("190", 4, -10.0),
        ("2042", 4, -10.0),
    ],
)
def test_cameo_quad_and_goldstein(code, quad, goldstein):
    assert cameo.quad_class(code) == quad
    assert cameo.goldstein(code) == goldstein


def test_every_root_has_a_goldstein_score():
    for root in range(1, 21):
        assert cameo.goldstein(f"{root:02d}") is not None


@pytest.mark.parametrize(
    ("code", "ptype", "mode"),
    [
        ("173", "COERCE", "arrest"),
        ("041", "CONSULT", "phone"),
        ("111", "ACCUSE", "disapprove"),
        ("145", "PROTEST", "riot"),
        ("1823", "ASSAULT", None),
        ("0871", "RETREAT", "ceasefire"),
        ("1412", "PROTEST", "demo"),
    ],
)
def test_cameo_to_plover(code, ptype, mode):
    p = cameo.to_plover(code)
    assert p is not None
    assert (p.plover_type, p.plover_mode) == (ptype, mode)


def test_cameo_statements_are_not_in_the_plover_table():
    assert cameo.to_plover("010") is None
    assert cameo.to_plover("bogus") is None


def test_lexicon_rows_are_valid_plover_and_cameo():
    rows = event_lexicon.lexicon()
    assert len(rows) > 100
    for r in rows:
        assert plover.is_valid(r.plover_type, r.plover_mode), r
        assert r.cameo is None or cameo.goldstein(r.cameo) is not None, r
        assert 0 < r.weight <= 1


@pytest.mark.parametrize(
    ("lemma", "ptype", "code"),
    [
        ("detain", "COERCE", "173"),
        ("condemn", "ACCUSE", "111"),
        ("urge", "REQUEST", "020"),
        ("condolence", "SUPPORT", "018"),
        ("riot", "PROTEST", "145"),
        ("kill", "ASSAULT", "180"),
        ("withdrawal", "RETREAT", "087"),
    ],
)
def test_lexicon_default_rows(lemma, ptype, code):
    unconditional = [e for e in event_lexicon.entries_for(lemma) if not e.conditions]
    assert unconditional
    assert (unconditional[0].plover_type, unconditional[0].cameo) == (ptype, code)
