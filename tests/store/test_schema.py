"""Store tables derive from the record model: every field has a column; migrations run once."""

from __future__ import annotations

import types
import typing

import duckdb
import pytest
from pydantic import BaseModel

from wirewatch.errors import StoreError
from wirewatch.model import Count, Entity, Event, Mention, Quote, Record, Stance
from wirewatch.store import TABLE_NAMES, Store
from wirewatch.store.migrations import MIGRATIONS
from wirewatch.store.schema import table


def _leaves(model: type[BaseModel], prefix: str = "") -> set[str]:
    out = set()
    for name, info in model.model_fields.items():
        ann = info.annotation
        inner = ann
        if typing.get_origin(ann) in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(ann) if a is not type(None)]
            inner = args[0] if len(args) == 1 else ann
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            out |= _leaves(inner, f"{prefix}{name}_")
        else:
            out.add(f"{prefix}{name}")
    return out


@pytest.mark.parametrize(
    ("name", "model", "stored_elsewhere"),
    [
        ("entities", Entity, {"mentions"}),
        ("mentions", Mention, set()),
        ("quotes", Quote, set()),
        ("events", Event, {"counts"}),
        ("counts", Count, set()),
        ("stances", Stance, set()),
    ],
)
def test_every_model_field_has_a_column(name, model, stored_elsewhere):
    cols = {c.name for c in table(name).columns}
    assert _leaves(model) - stored_elsewhere <= cols
    assert "article_id" in cols


def test_articles_flatten_record_article():
    cols = [c.name for c in table("articles").columns]
    assert {"id", "source_id", "title", "date", "url", "language", "text"} <= set(cols)
    assert {"schema_version", "diagnostics", "pipeline"} <= set(cols)
    assert not {"entities", "events", "quotes", "stances"} & set(cols)
    assert set(Record.model_fields) - {"article", "entities", "quotes", "events", "stances"} <= set(
        cols
    )


def test_errors_table_has_the_issue_columns():
    assert [c.name for c in table("errors").columns] == ["source", "id", "code", "message"]


def test_event_columns_are_flattened_with_prefixes():
    cols = {c.name: c.sql_type for c in table("events").columns}
    assert cols["trigger_start_char"] == "BIGINT"
    assert cols["source_actor_country"] == "VARCHAR"
    assert cols["location_lat"] == "DOUBLE"
    assert cols["location_span_text"] == "VARCHAR"
    assert cols["negated"] == "BOOLEAN"
    assert cols["evidence"] == "JSON"


def test_migrations_are_recorded_once(tmp_path):
    db = tmp_path / "s.duckdb"
    Store(db).close()
    Store(db).close()
    con = duckdb.connect(str(db))
    rows = con.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()
    assert [r[0] for r in rows] == [m.version for m in MIGRATIONS]
    tables = {
        r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    }
    assert set(TABLE_NAMES) | {"event_clusters", "event_cluster_members"} <= tables
    con.close()


def test_a_model_field_missing_from_an_old_store_is_added(tmp_path):
    db = tmp_path / "s.duckdb"
    Store(db).close()
    con = duckdb.connect(str(db))
    con.execute("ALTER TABLE events DROP COLUMN historical")  # as if written before the field
    con.close()
    with Store(db) as st:
        assert "historical" in st.query("SELECT * FROM events").columns


def test_store_from_a_newer_wirewatch_is_refused(tmp_path):
    db = tmp_path / "s.duckdb"
    Store(db).close()
    con = duckdb.connect(str(db))
    con.execute("INSERT INTO schema_migrations VALUES (999, 'future', current_timestamp)")
    con.close()
    with pytest.raises(StoreError, match="999"):
        Store(db)


def test_read_only_open_of_missing_or_foreign_file(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "nope.duckdb", read_only=True)
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    with pytest.raises(StoreError, match="not a wirewatch store"):
        Store(other, read_only=True)
