"""End to end on the bundled reference article (examples/kazakhstan_2022.txt, 2022-01-12).

These are the checks the issue names; the rules behind them are tested on sentences of our own
in tests/pipeline/.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _entity(rec, name_part):
    found = [e for e in rec.entities if name_part in e.name]
    assert found, f"no entity named like {name_part!r}: {[e.name for e in rec.entities]}"
    return found[0]


def _quote(rec, content_part):
    found = [q for q in rec.quotes if content_part in q.content.text]
    assert found, f"no quote containing {content_part!r}"
    return found[0]


def _event(rec, trigger_or_evidence, plover_type):
    found = [
        e
        for e in rec.events
        if e.plover_type == plover_type and any(trigger_or_evidence in s.text for s in e.evidence)
    ]
    assert found, (
        f"no {plover_type} event in a sentence containing {trigger_or_evidence!r}: "
        f"{[(e.plover_type, e.trigger.text) for e in rec.events]}"
    )
    return found[0]


def test_every_span_points_at_its_words(example_record):
    text = example_record.article.text

    def walk(obj):
        if isinstance(obj, dict):
            if {"start_char", "end_char", "text"} <= obj.keys():
                assert text[obj["start_char"] : obj["end_char"]] == obj["text"]
            for v in obj.values():
                walk(v)
        elif isinstance(obj, list):
            for v in obj:
                walk(v)

    walk(example_record.model_dump())


def test_bare_quoted_paragraph_continues_murtazashvili(example_record):
    q = _quote(example_record, "Kazakhstan is beholden to Russia in a way")
    assert q.source is not None and q.source.name == "Jennifer Murtazashvili"
    assert q.quote_type == "direct"


def test_he_says_resolves_to_courtney(example_record):
    q = _quote(example_record, "30 years of really good relations")
    assert q.source is not None and q.source.name == "William Courtney"
    assert q.cue is not None and q.cue.text == "says"


def test_it_tweeted_resolves_to_state_department(example_record):
    q = _quote(example_record, "We believe in the resilience")
    assert q.source is not None and "State Department" in (q.source.name or "")
    assert q.cue is not None and q.cue.text == "tweeted"


def test_detentions_are_coerce_arrest_with_approximate_count(example_record):
    ev = _event(example_record, "About 12,000 have been detained", "COERCE")
    assert ev.plover_mode == "arrest"
    counts = [c for c in ev.counts if c.kind == "arrested"]
    assert counts and counts[0].value == 12000 and counts[0].approximate


def test_csto_deployment(example_record):
    ev = _event(example_record, "The deployment of 2,500", "MOBILIZE")
    assert ev.source_actor is not None and "CSTO" in ev.source_actor.name + ev.source_actor.text
    assert ev.source_actor.sector == "IGO"
    assert ev.target_actor is not None and ev.target_actor.country == "KAZ"
    deployed = [c for c in ev.counts if c.kind == "deployed"]
    assert deployed and deployed[0].value == 2500


def test_blinken_call_is_consult_on_january_6(example_record):
    ev = _event(example_record, "In a call with Foreign Minister", "CONSULT")
    assert ev.event_date == "2022-01-06" and ev.date_precision == "day"
    assert (ev.source_actor.country, ev.source_actor.sector) == ("USA", "GOV")
    assert (ev.target_actor.country, ev.target_actor.sector) == ("KAZ", "GOV")


def test_murtazashvili_disagrees_with_herbst(example_record):
    m = _entity(example_record, "Murtazashvili")
    h = _entity(example_record, "Herbst")
    assert any(
        s.from_entity == m.id and s.to_entity == h.id and s.relation == "disagree"
        for s in example_record.stances
    )


def test_murtazashvili_is_one_person_with_all_her_mentions(example_record):
    m = _entity(example_record, "Murtazashvili")
    assert m.entity_type == "PERSON"
    texts = {x.text for x in m.mentions}
    assert {"Jennifer Murtazashvili", "Murtazashvili", "She"} <= texts
    assert any("University of Pittsburgh" in a.text for a in m.affiliations)


def test_tokayev_is_kazakh_government(example_record):
    t = _entity(example_record, "Tokayev")
    assert (t.entity_type, t.country, t.sector) == ("PERSON", "KAZ", "GOV")
    assert t.name == "Kassym-Jomart Tokayev"
