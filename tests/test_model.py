from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

import wirewatch
from wirewatch.model import Count, Record, Span, json_schema, stable_id


def test_public_surface():
    assert set(wirewatch.__all__) == {
        "__version__",
        "Extractor",
        "extract",
        "Record",
        "ErrorRecord",
        "WirewatchError",
    }


def test_stable_id_is_deterministic_and_prefixed():
    assert stable_id("evt", "art_1", 12) == stable_id("evt", "art_1", 12)
    assert stable_id("evt", "art_1", 12) != stable_id("evt", "art_1", 13)
    assert stable_id("evt", 1).startswith("evt_") and len(stable_id("evt", 1)) == 20


def test_schema_lists_the_record_keys():
    schema = json.loads(json_schema())
    assert set(schema["properties"]) >= {"article", "entities", "quotes", "events", "stances"}
    assert "plover_type" in schema["$defs"]["Event"]["properties"]


def test_unknown_fields_are_rejected():
    with pytest.raises(ValidationError):
        Span(start_char=0, end_char=1, text="a", extra=1)


def test_count_kind_is_closed():
    with pytest.raises(ValidationError):
        Count(kind="eaten", approximate=False, span=Span(start_char=0, end_char=1, text="a"))


def test_record_round_trips_through_json():
    rec = Record.model_validate(
        {"article": {"id": "art_x", "text": "Hi."}, "entities": [], "quotes": []}
    )
    assert Record.model_validate_json(rec.model_dump_json()) == rec
