"""Lookups over the actor tables in wirewatch/resources."""

from __future__ import annotations

import pycountry
import pytest

from wirewatch.ontology import actors as onto


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kazakhstan", "KAZ"),
        ("the U.S.", "USA"),
        ("Russia’s", "RUS"),
        ("UK", "GBR"),
        ("Ivory Coast", "CIV"),
        ("us", None),  # acronyms only in capitals
        ("Kazakh", None),  # a demonym, not a name
        ("Narnia", None),
    ],
)
def test_country_code(text, expected):
    assert onto.country_code(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kazakh", "KAZ"),
        ("Russian", "RUS"),
        ("American", "USA"),
        ("Uzbeks", "UZB"),
        ("Filipino", "PHL"),
        ("Swiss", "CHE"),
        ("Martian", None),
    ],
)
def test_demonym_country(text, expected):
    assert onto.demonym_country(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Washington", ("USA", "GOV", "capital")),
        ("the Kremlin", ("RUS", "GOV", "seat")),
        ("Beijing", ("CHN", "GOV", "capital")),
        ("the State Department", ("USA", "GOV", "institution")),
        ("Pentagon", ("USA", "MIL", "institution")),
    ],
)
def test_metonym(text, expected):
    m = onto.metonym(text)
    assert m is not None and (m.country, m.sector, m.kind) == expected


def test_metonym_unknown():
    assert onto.metonym("Springfield") is None


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("CSTO", "CSTO"),
        ("Collective Security Treaty Organization", "CSTO"),
        ("the United Nations", "UN"),
        ("U.N.", "UN"),
        ("Shanghai Cooperation Organisation", "SCO"),
    ],
)
def test_igo(text, acronym):
    g = onto.igo(text)
    assert g is not None and g.acronym == acronym and g.sector == "IGO"


@pytest.mark.parametrize(
    ("noun", "sector"),
    [
        ("police", "COP"),
        ("protesters", "OPP"),
        ("troops", "MIL"),
        ("soldier", "MIL"),
        ("ministry", "GOV"),
        ("rebels", "REB"),
        ("journalists", "MED"),
        ("oil workers", "LAB"),
        ("policemen", "COP"),
        ("the authorities", "GOV"),
        ("weather", None),
    ],
)
def test_sector_of(noun, sector):
    assert onto.sector_of(noun) == sector


@pytest.mark.parametrize(
    ("title", "sector"),
    [
        ("President", "GOV"),
        ("Foreign Minister", "GOV"),
        ("secretary of state", "GOV"),
        ("ambassador", "GOV"),
        ("professor", "EDU"),
        ("General", "MIL"),
        ("juggler", None),
    ],
)
def test_title_sector(title, sector):
    assert onto.title_sector(title) == sector


def test_given_name_gender():
    assert onto.given_name_gender("Jennifer") == "f"
    assert onto.given_name_gender("William") == "m"
    assert onto.given_name_gender("Zyx") is None


def test_countries_cover_un_members_with_valid_codes():
    rows = onto.countries()
    codes = [c.iso3 for c in rows]
    assert len(codes) == len(set(codes)) >= 197
    for code in codes:
        if code != "XKX":  # Kosovo: user-assigned code, not in ISO 3166-1
            assert pycountry.countries.get(alpha_3=code) is not None, code
    assert all(c.demonyms for c in rows if c.iso3 not in {"DMA"})


def test_metonym_and_igo_codes_are_known_countries():
    known = {c.iso3 for c in onto.countries()}
    assert {m.country for m in onto.metonyms()} <= known
    assert all(g.names for g in onto.igos())


def test_title_country():
    assert onto.title_country("Secretary of State") == "USA"
    assert onto.title_country("President") is None


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Turkish Kurd refugees", ("TUR", "REF")),  # demonym inside the phrase
        ("the Iraqi government", ("IRQ", "GOV")),
        ("Vietnamese-led forces", ("VNM", None)),  # "X-led": the leading country
        ("anti-Syria journalist", (None, "MED")),  # "anti-X" is not X
        ("ethnic Albanians", (None, None)),  # a people, not the state
        ("the European Community", (None, "IGO")),
        ("U.N. mediator", (None, "IGO")),
        ("Hezbollah guerrillas", ("LBN", "REB")),
    ],
)
def test_actor_codes_of_a_span(text, expected):
    from wirewatch.ontology.actors import actor_codes

    assert actor_codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Michael Jordan", (None, None)),  # a given name before the country's name
        ("Chad Smith", (None, None)),  # a surname after it
        ("Jordan's King Abdullah", ("JOR", "GOV")),  # a possessive: the country's king
        ("Sri Lanka President Ranil Silva", ("LKA", "GOV")),  # a title after it
        ("President of Chad Idriss Moussa", ("TCD", "GOV")),  # "of <country>"
        ("Jordan", ("JOR", None)),  # the whole name is the country
    ],
)
def test_a_country_inside_a_personal_name_names_no_country(text, expected):
    from wirewatch.ontology.actors import actor_codes

    assert actor_codes(text, "PERSON") == expected
