"""ACLED export: actor columns, interaction and disorder codes as the ACLED Codebook (2023) has
them (sentences and rows written for the tests)."""

from __future__ import annotations

from typing import Any

import pytest

from wirewatch.export._acled_actors import acled_actors, disorder_type
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
