"""ACLED export: actor columns, interaction and disorder codes as the ACLED Codebook (2023) has
them (sentences and rows written for the tests)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from wirewatch.export._acled_actors import acled_actors, disorder_type
from wirewatch.export._frame import Level
from wirewatch.export.acled import to_acled
from wirewatch.store import Store, refresh_clusters

PW, DM = "Political violence", "Demonstrations"


def row(et, sub, src=None, tgt=None, *, src_implied=False) -> dict[str, Any]:
    """An event row as ``event_rows`` gives it; actors are ``(name, country, sector)``."""
    r: dict[str, Any] = {"acled_event_type": et, "acled_sub_event_type": sub}
    for side, a, implied in (("source", src, src_implied), ("target", tgt, False)):
        name, country, sector = a or (None, None, None)
        r |= {
            f"{side}_actor_name": name,
            f"{side}_actor_country": country,
            f"{side}_actor_sector": sector,
            f"{side}_actor_implied": implied,
        }
    return r


@pytest.mark.parametrize(
    ("r", "where", "expected"),
    [
        # a peaceful protest is one-sided: the grievance target is no actor (interaction 60)
        (row("Protests", "Peaceful protest", ("protesters", "NGA", "OPP"),
             ("government", "NGA", "GOV"), src_implied=True), "NGA",
         ("Protesters (Nigeria)", None, 6, None, None, 0, 60)),
        (row("Protests", "Peaceful protest", ("nurses", "KEN", "MED"), ("Kenya", "KEN", None)),
         "KEN", ("Protesters (Kenya)", "nurses", 6, None, None, 0, 60)),
        # with intervention: the force that intervenes is actor2, the crowd actor1 (16)
        (row("Protests", "Protest with intervention", ("riot police", "GHA", "COP"),
             ("demonstrators", "GHA", "OPP")), "GHA",
         ("Protesters (Ghana)", None, 6, "riot police", None, 1, 16)),
        # excessive force on a crowd the text does not name: the crowd is implied
        (row("Protests", "Excessive force against protesters", ("soldiers", "SDN", "MIL")),
         "SDN", ("Protesters (Sudan)", None, 6, "soldiers", None, 1, 16)),
        # a state body's "protest" (a diplomatic note) invents no crowd
        (row("Protests", "Peaceful protest", ("the foreign ministry", "CHN", "GOV"),
             ("the visit", None, None)), "CHN",
         ("the foreign ministry", None, 1, None, None, 0, 10)),
        # riots: the government a riot is aimed at is dropped, police it clashes with kept
        (row("Riots", "Violent demonstration", ("rioters", "PER", "CVL"),
             ("the government", "PER", "GOV")), "PER",
         ("Rioters (Peru)", None, 5, None, None, 0, 50)),
        (row("Riots", "Violent demonstration", ("students", "CHL", "EDU"),
             ("police", "CHL", "COP")), "CHL",
         ("Rioters (Chile)", "students", 5, "police", None, 1, 15)),
        # mob violence against people: the victims are civilians (57)
        (row("Riots", "Mob violence", ("a mob", "IND", "CVL"), ("two traders", "IND", "BUS")),
         "IND", ("Rioters (India)", None, 5, "Civilians (India)", "two traders", 7, 57)),
        # violence against civilians by no one named: an unidentified armed group (37)
        (row("Violence against civilians", "Attack"), "MLI",
         ("Unidentified Armed Group (Mali)", None, 3, "Civilians (Mali)", None, 7, 37)),
        # a country alone stands for its state: its forces abroad are external forces (8)
        (row("Explosions/Remote violence", "Air/drone strike", ("Turkey", "TUR", None),
             ("militants", "SYR", "REB")), "SYR",
         ("Military Forces of Turkey", None, 8, "militants", None, 2, 28)),
        (row("Strategic developments", "Agreement", ("Chad", "TCD", None)), "TCD",
         ("Government of Chad", None, 1, None, None, 0, 10)),
        # a country a force deploys to is a destination, not an actor (sole external force)
        (row("Strategic developments", "Change to group/activity", ("Russian troops", "RUS",
             "MIL"), ("Kazakhstan", "KAZ", None)), "KAZ",
         ("Russian troops", None, 8, None, None, 0, 80)),
        # a sole military action is 10, not 1
        (row("Strategic developments", "Change to group/activity", ("the army", "MMR", "MIL")),
         "MMR", ("the army", None, 1, None, None, 0, 10)),
        # protesters arrested by police stay protesters (16), not civilians
        (row("Strategic developments", "Arrests", ("police", "IRN", "COP"),
             ("protesters", "IRN", "CVL")), "IRN",
         ("police", None, 1, "Protesters (Iran)", None, 6, 16)),
        # an arrest by no one named is the country's police acting on the detainees; people
        # named only by a count are civilians (17)
        (row("Strategic developments", "Arrests", None, ("nearly 40", "UGA", None)), "UGA",
         ("Police Forces of Uganda", None, 1, "Civilians (Uganda)", None, 7, 17)),
        (row("Strategic developments", "Arrests", None, ("Hundreds", None, None)), "PER",
         ("Police Forces of Peru", None, 1, "Civilians (Peru)", None, 7, 17)),
        # named detainees keep their name as the civilians' associated actor
        (row("Strategic developments", "Arrests", None, ("two reporters", "UGA", "MED")),
         "UGA", ("Police Forces of Uganda", None, 1, "Civilians (Uganda)", "two reporters", 7,
                 17)),
        # a named arresting force stays; only the count is named by ACLED's generic actor
        (row("Strategic developments", "Arrests", ("soldiers", "MLI", "MIL"),
             ("at least 15", "MLI", None)), "MLI",
         ("soldiers", None, 1, "Civilians (Mali)", None, 7, 17)),
        # with no country known there is no country's police to name
        (row("Strategic developments", "Arrests", None, ("some 60", None, None)), None,
         ("Civilians", None, 7, None, None, 0, 70)),
    ],
)  # fmt: skip
def test_acled_actor_columns(r, where, expected):
    assert tuple(acled_actors(r, where)) == expected


@pytest.mark.parametrize(
    ("et", "sub", "expected"),
    [
        ("Protests", "Peaceful protest", DM),
        ("Protests", "Protest with intervention", DM),
        ("Protests", "Excessive force against protesters", f"{PW}; {DM}"),
        ("Riots", "Violent demonstration", DM),
        ("Riots", "Mob violence", f"{PW}; {DM}"),
        ("Battles", "Armed clash", PW),
        ("Strategic developments", "Arrests", "Strategic developments"),
        (None, None, None),
    ],
)
def test_disorder_type(et, sub, expected):
    assert disorder_type(et, sub) == expected


def test_protest_row_from_text(extractor, tmp_path):
    """ "Protests broke out in Lagos on Monday." is a sole protester action: no actor2 (60)."""
    rec = extractor.extract("Protests broke out in Lagos on Monday.", date="2023-03-08")
    with Store(tmp_path / "a.duckdb") as s:
        s.add([rec], source="t")
        refresh_clusters(s.con)
        df = to_acled(s, "events")
    (r,) = df.to_dict("records")
    assert (r["event_type"], r["sub_event_type"]) == ("Protests", "Peaceful protest")
    assert (r["actor1"], r["inter1"], r["actor2"], r["inter2"], r["interaction"]) == (
        "Protesters (Nigeria)",
        6,
        None,
        0,
        60,
    )
    assert (r["event_date"], r["time_precision"], r["geo_precision"]) == ("2023-03-06", 1, 1)
    assert r["civilian_targeting"] is None and r["disorder_type"] == DM
    assert isinstance(r["timestamp"], int) and r["timestamp"] > 1_600_000_000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the state force that intervenes is actor2 (16), the crowd actor1
        ("Police fired tear gas at protesters in Accra on Friday.",
         ("Protest with intervention", "Protesters (Ghana)", "Police", 16)),
        # rioters who clash with police (15); the police are kept as actor2
        ("Rioters clashed with police in Dakar on Sunday.",
         ("Violent demonstration", "Rioters (Senegal)", "police", 15)),
        # a protest against the government: the grievance target is no ACLED actor
        ("Teachers protested against the government in Nairobi on Tuesday.",
         ("Peaceful protest", "Protesters (Kenya)", None, 60)),
    ],
)  # fmt: skip
def test_demonstration_rows_from_text(extractor, tmp_path, text, expected):
    rec = extractor.extract(text, date="2023-03-08")
    with Store(tmp_path / "d.duckdb") as s:
        s.add([rec], source="t")
        refresh_clusters(s.con)
        df = to_acled(s, "events")
    (r,) = df.to_dict("records")
    assert (r["sub_event_type"], r["actor1"], r["actor2"], r["interaction"]) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the sentence says whom the count counts: protesters (16) or rioters (15)
        ("Officers said 800 demonstrators had marched; over 200 were held.",
         ("Police Forces of Chile", "Protesters (Chile)", 6, 16)),
        ("Looters emptied two shops before about 30 were detained.",
         ("Police Forces of Chile", "Rioters (Chile)", 5, 15)),
        ("Over 200 were held overnight.", ("Police Forces of Chile", "Civilians (Chile)", 7, 17)),
    ],
)  # fmt: skip
def test_counted_detainees_take_the_group_the_sentence_names(sentence, expected):
    r = row("Strategic developments", "Arrests", None, ("over 200", "CHL", None))
    r["evidence"] = json.dumps([{"start_char": 0, "end_char": len(sentence), "text": sentence}])
    a = acled_actors(r, "CHL")
    assert (a.actor1, a.actor2, a.inter2, a.interaction) == expected


def _acled_from_text(extractor, tmp_path, text: str, level: Level = "events", **kw: Any):
    rec = extractor.extract(text, date="2023-03-08", **kw)
    with Store(tmp_path / f"{level}.duckdb") as s:
        s.add([rec], source="t")
        refresh_clusters(s.con)
        return rec, to_acled(s, level).to_dict("records")


def test_an_arrest_by_no_one_named_is_the_countrys_police(extractor, tmp_path):
    """ "More than 40 were detained in Kampala." ACLED: Police Forces of Uganda (1) arrest
    civilians (7); the event record keeps the words of the text as its PLOVER target."""
    rec, rows = _acled_from_text(extractor, tmp_path, "More than 40 were detained in Kampala.")
    (r,) = rows
    assert (r["sub_event_type"], r["actor1"], r["inter1"], r["actor2"], r["inter2"]) == (
        "Arrests",
        "Police Forces of Uganda",
        1,
        "Civilians (Uganda)",
        7,
    )
    assert r["interaction"] == 17 and r["civilian_targeting"] is None
    (ev,) = [e for e in rec.events if e.plover_mode == "arrest"]
    assert ev.source_actor is None and ev.target_actor is not None
    assert ev.target_actor.text == "More than 40"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the text's own date: its precision (a day 1, a week 2, a month 3)
        ("Police detained 40 students in Kampala on Monday.", ("2023-03-06", 1)),
        ("Police detained 40 students in Kampala last week.", ("2023-02-27", 2)),
        ("Police detained 40 students in Kampala in February.", ("2023-02-01", 3)),
        # only the report's date: within the days before it, not that day (2)
        ("Police detained 40 students in Kampala.", ("2023-03-08", 2)),
    ],
)  # fmt: skip
def test_time_precision_follows_where_the_date_comes_from(extractor, tmp_path, text, expected):
    for level in ("events", "clusters"):
        _, rows = _acled_from_text(extractor, tmp_path, text, level)
        (r,) = rows
        assert (r["event_date"], r["time_precision"]) == expected


def test_a_past_event_with_no_date_of_its_own_is_no_acled_row(extractor, tmp_path):
    """ACLED codes an event on the day it happened: the shooting recalled by an anniversary
    has no date, so only the march (dated by the text) is a row."""
    text = (
        "Hundreds marched in Andijan on Friday on the anniversary of a crackdown in which "
        "troops shot dead dozens of protesters."
    )
    rec, rows = _acled_from_text(extractor, tmp_path, text)
    shot = next(e for e in rec.events if e.trigger.text == "shot")
    assert shot.historical and shot.event_date is None
    assert [(r["event_type"], r["event_date"], r["time_precision"]) for r in rows] == [
        ("Protests", "2023-03-03", 1)
    ]
