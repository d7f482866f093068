from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

import wirewatch
from wirewatch.model import Count, Quote, Record, Span, json_schema, stable_id


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


_ASIDE = "The new port, she said, will open in May."


def _sp(text: str, part: str) -> dict:
    start = text.index(part)
    return {"start_char": start, "end_char": start + len(part), "text": part}


def _quote(**extra) -> Quote:
    t = _ASIDE
    return Quote.model_validate(
        {
            "id": "quo_x",
            "source": _sp(t, "she"),
            "cue": _sp(t, "said"),
            "content": _sp(t, "The new port, she said, will open in May"),
            "quote_type": "indirect",
            "confidence": 0.8,
            **extra,
        }
    )


def test_quote_content_parts_default_to_empty():
    assert _quote().content_parts == []
    schema = json.loads(json_schema())
    prop = schema["$defs"]["Quote"]["properties"]["content_parts"]
    assert prop["type"] == "array" and prop["items"] == {"$ref": "#/$defs/Span"}
    assert "content_parts" not in schema["$defs"]["Quote"].get("required", [])


def test_quote_content_parts_hold_the_pieces_around_source_and_cue():
    t = _ASIDE
    q = _quote(content_parts=[_sp(t, "The new port"), _sp(t, "will open in May")])
    assert [(p.start_char, p.end_char) for p in q.content_parts] == [(0, 12), (24, 40)]
    assert all(t[p.start_char : p.end_char] == p.text for p in q.content_parts)
    assert q.content.text == "The new port, she said, will open in May"  # the hull stays
    assert Quote.model_validate_json(q.model_dump_json()) == q


@pytest.mark.parametrize(
    "parts",
    [
        [_sp(_ASIDE, "will open in May"), _sp(_ASIDE, "The new port")],  # out of order
        [_sp(_ASIDE, "The new port"), _sp(_ASIDE, "May.")],  # past the content's end
    ],
)
def test_quote_content_parts_must_lie_in_order_inside_the_content(parts):
    with pytest.raises(ValidationError):
        _quote(content_parts=parts)
