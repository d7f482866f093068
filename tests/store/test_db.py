"""Idempotent writes, transactions and reads of the DuckDB store, on hand-made records."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _store_samples import aside_record, sample_records
from wirewatch.errors import StoreError
from wirewatch.model import Article, Record, stable_id
from wirewatch.store import Store

EXPECTED = {
    "articles": 3,
    "entities": 4,
    "mentions": 4,
    "quotes": 1,
    "events": 5,
    "counts": 1,
    "stances": 1,
    "errors": 0,
    "inputs": 3,
}


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "s.duckdb") as s:
        yield s


def _counts(s: Store) -> dict[str, int]:
    return {k: v for k, v in s.counts().items() if k in EXPECTED}


def test_write_then_rewrite_adds_nothing(store):
    recs = sample_records()
    store.add(recs, source="corpus.jsonl")
    assert _counts(store) == EXPECTED
    store.add(recs, source="corpus.jsonl")
    store.add(list(reversed(recs)), source="corpus.jsonl")
    assert _counts(store) == EXPECTED


def test_rows_hold_the_model_values(store):
    recs = sample_records()
    store.add(recs, source="s")
    ev = recs[0].events[0]
    row = store.query("SELECT * FROM events WHERE id = ?", [ev.id]).iloc[0]
    assert row["article_id"] == recs[0].article.id
    assert row["trigger_text"] == ev.trigger.text == "detained"
    assert (row["trigger_start_char"], row["trigger_end_char"]) == (
        ev.trigger.start_char,
        ev.trigger.end_char,
    )
    assert row["source_actor_country"] == "KAZ" and row["target_actor_sector"] == "CVL"
    assert row["location_admin1"] == "Almaty" and row["location_lat"] == 43.25
    assert json.loads(row["evidence"])[0]["text"] == ev.evidence[0].text
    cnt = store.query("SELECT * FROM counts").iloc[0]
    assert (cnt["event_id"], cnt["seq"], cnt["kind"], cnt["value"]) == (ev.id, 0, "killed", 2.0)
    men = store.query("SELECT * FROM mentions ORDER BY entity_id, seq")
    assert set(men["kind"]) == {"name", "descriptor"}
    q = store.query("SELECT * FROM quotes").iloc[0]
    assert q["source_name"] == "Kassym-Jomart Tokayev" and q["quote_type"] == "direct"


def test_errors_rows(store):
    from wirewatch.model import ErrorInfo, ErrorRecord

    err = ErrorRecord(
        article={"source_id": "bad.txt"}, error=ErrorInfo(code="empty_input", message="empty")
    )
    store.add([err, err], source="/data")
    assert store.query("SELECT * FROM errors").to_dict("records") == [
        {"source": "/data", "id": "bad.txt", "code": "empty_input", "message": "empty"}
    ]
    assert store.known_inputs() == {("/data", "bad.txt")}


def test_a_failing_batch_leaves_nothing(store):
    good = Store.rows_of(sample_records()[0], source="s")
    bad = {"events": [("x",)]}  # wrong arity: the insert fails after articles went in
    with pytest.raises(StoreError, match="rolled back"):
        store.write([good, bad])
    assert sum(_counts(store).values()) == 0
    store.write([good])
    assert _counts(store)["articles"] == 1


def test_read_only_store_rejects_writes(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        s.add(sample_records(), source="s")
    with Store(db, read_only=True) as ro:
        assert len(ro.query("SELECT * FROM articles")) == 3
        assert ro.arrow("SELECT count(*) AS n FROM events").column("n").to_pylist() == [5]
        with pytest.raises(StoreError, match="read-only"):
            ro.query("DELETE FROM articles")
        assert list(ro.table("inputs").columns) == ["source", "id", "article_id", "added_at"]
        with pytest.raises(StoreError, match="no table"):
            ro.table("articles; DROP TABLE x")


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(min_size=1, max_size=200), title=st.none() | st.text(max_size=30))
def test_article_round_trip_any_unicode(tmp_path_factory, text, title):
    rec = Record(article=Article(id=stable_id("art", text), text=text, title=title))
    with Store(":memory:") as s:
        s.add([rec, rec], source="s")
        row = s.query("SELECT * FROM articles").to_dict("records")
    assert len(row) == 1
    assert row[0]["text"] == text and row[0]["title"] == title
    assert row[0]["id"] == rec.article.id


def _same_record(got: Record, want: Record) -> None:
    g, w = got.model_dump(mode="json"), want.model_dump(mode="json")
    # the store keeps no order for entities; record() orders them by first mention
    assert sorted(g.pop("entities"), key=lambda e: e["id"]) == sorted(
        w.pop("entities"), key=lambda e: e["id"]
    )
    assert g == w


def test_record_returns_the_stored_record(tmp_path):
    recs = sample_records()
    with Store(tmp_path / "s.duckdb") as s:
        s.add(recs, source="s")
    with Store(tmp_path / "s.duckdb", read_only=True) as s:
        for rec in recs:
            got = s.record(rec.article.id)
            assert got is not None
            _same_record(got, rec)
            firsts = [e.mentions[0].start_char for e in got.entities if e.mentions]
            assert firsts == sorted(firsts)
        assert s.record("art_0000000000000000") is None


def test_record_round_trips_the_example(store, example_record):
    """The real pipeline's record has shapes hand-made ones lack (nested optionals, counts)."""
    store.add([example_record], source="examples")
    got = store.record(example_record.article.id)
    assert got is not None
    _same_record(got, example_record)


# -- Quote.content_parts: a list field added to the model after stores existed ------------------


def test_content_parts_round_trip(store):
    rec = aside_record()
    store.add([rec], source="s")
    row = store.query("SELECT content_text, content_parts FROM quotes").iloc[0]
    assert (
        row["content_text"] == "Kenya and Uganda, the minister said on Monday, lost the most votes"
    )
    assert [
        (p["start_char"], p["end_char"], p["text"]) for p in json.loads(row["content_parts"])
    ] == [
        (0, 16, "Kenya and Uganda"),
        (47, 66, "lost the most votes"),
    ]
    got = store.record(rec.article.id)
    assert got is not None
    _same_record(got, rec)
    # a one-piece content is stored as an empty list, not NULL
    store.add(sample_records()[:1], source="s")
    assert (
        store.query(
            "SELECT content_parts FROM quotes WHERE content_text = 'We will restore order,'"
        ).iloc[0]["content_parts"]
        == "[]"
    )


def test_a_store_made_before_content_parts_opens_and_gets_the_column(tmp_path):
    """An existing store lacks the column: opening it adds a nullable JSON column (no
    hand-written migration), its old quotes read back with no parts, and new ones store theirs."""
    import duckdb

    db = tmp_path / "old.duckdb"
    old = sample_records()
    with Store(db) as s:
        s.add(old, source="s")
    con = duckdb.connect(str(db))
    con.execute("ALTER TABLE quotes DROP COLUMN content_parts")  # as written before the field
    con.close()
    with Store(db) as s:
        cols = s.query("DESCRIBE quotes")
        types = dict(zip(cols["column_name"], cols["column_type"], strict=True))
        assert types["content_parts"] == "JSON"
        assert s.query("SELECT count(*) AS n FROM quotes WHERE content_parts IS NULL")["n"][0] == 1
        got = s.record(old[0].article.id)
        assert got is not None and got.quotes[0].content_parts == []
        _same_record(got, old[0])
        s.add([aside_record()], source="s")
        new = s.record(aside_record().article.id)
        assert new is not None
        assert [p.text for p in new.quotes[0].content_parts] == [
            "Kenya and Uganda",
            "lost the most votes",
        ]


# -- ActorRef.implied: a defaulted field added to the model after stores existed ----------------


def test_implied_actor_round_trip(store):
    from _store_samples import protest_records

    recs = protest_records()
    store.add(recs, source="s")
    cols = store.query("DESCRIBE events")
    types = dict(zip(cols["column_name"], cols["column_type"], strict=True))
    assert types["source_actor_implied"] == "BOOLEAN"
    rows = store.query(
        "SELECT source_actor_text, source_actor_name, source_actor_implied, "
        "target_actor_implied IS NULL AS no_target FROM events ORDER BY source_actor_text"
    ).to_dict("records")
    assert [tuple(r.values()) for r in rows] == [
        ("Demonstrations", "protesters", True, True),
        ("Rioting", "rioters", True, True),
        ("protesters", "protesters", False, True),
    ]  # no target actor: its columns are all NULL, and it reads back as None
    for rec in recs:
        got = store.record(rec.article.id)
        assert got is not None
        _same_record(got, rec)
    got = store.record(recs[0].article.id)
    assert got is not None and got.events[0].source_actor is not None
    assert got.events[0].source_actor.implied is True
    assert got.events[0].target_actor is None


def test_a_store_made_before_implied_opens_read_only_and_writable(tmp_path):
    """An existing store lacks the column: read-only, its actors read as named (``implied``
    False) and the exports still run; a writable open adds a nullable BOOLEAN column."""
    import duckdb

    from _store_samples import protest_records
    from wirewatch.export.acled import acled_rows

    db = tmp_path / "old.duckdb"
    old = sample_records()
    with Store(db) as s:
        s.add(old, source="s")
    con = duckdb.connect(str(db))
    for side in ("source", "target"):  # as written before the field
        con.execute(f"ALTER TABLE events DROP COLUMN {side}_actor_implied")
    con.close()
    with Store(db, read_only=True) as ro:
        assert not ro.has_column("events", "source_actor_implied")
        got = ro.record(old[0].article.id)
        assert got is not None and got.events[0].source_actor is not None
        assert got.events[0].source_actor.implied is False
        _same_record(got, old[0])
        assert acled_rows(ro, "events")  # the export query copes with the missing column
    with Store(db) as s:
        assert s.has_column("events", "source_actor_implied")
        assert (
            s.query("SELECT count(*) AS n FROM events WHERE source_actor_implied IS NULL")["n"][0]
            == 5
        )
        _same_record(s.record(old[0].article.id), old[0])  # type: ignore[arg-type]
        new = protest_records()[0]
        s.add([new], source="s")
        got = s.record(new.article.id)
        assert got is not None and got.events[0].source_actor.implied is True  # type: ignore[union-attr]
