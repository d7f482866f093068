"""The terminal table view (``wirewatch extract --format table``) of a record's quotes."""

from __future__ import annotations

from rich.console import Console

from _store_samples import aside_record, sample_records
from wirewatch.export.table import render_record


def _render(rec) -> str:
    console = Console(width=200, record=True, color_system=None)
    console.print(render_record(rec))
    return console.export_text()


def test_a_discontinuous_content_shows_its_parts_not_its_source_and_cue():
    out = _render(aside_record())
    assert "Kenya and Uganda … lost the most votes" in out
    assert "Kenya and Uganda, the minister said" not in out
    assert "0-66" in out  # the chars column keeps the content hull's offsets


def test_a_one_piece_content_shows_its_text():
    assert "We will restore order," in _render(sample_records()[0])


def test_an_implied_actor_is_marked_in_the_events_table():
    from _store_samples import protest_records

    recs = protest_records()
    assert "protesters (implied) → —" in _render(recs[0])
    assert "rioters (implied) → —" in _render(recs[2])
    named = _render(recs[1])
    assert "protesters → —" in named and "(implied)" not in named
