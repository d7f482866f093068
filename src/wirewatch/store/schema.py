"""The store's tables, derived from the record model in one place.

``TABLES`` maps each model class to a table. Columns are not written out by hand: ``columns()``
walks the pydantic fields of the class and

* turns ``str``/``Literal`` into ``VARCHAR``, ``int`` into ``BIGINT``, ``float`` into ``DOUBLE``,
  ``bool`` into ``BOOLEAN`` (``X | None`` becomes a nullable column of ``X``);
* flattens a nested model into prefixed columns (``Event.trigger`` -> ``trigger_start_char``,
  ``trigger_end_char``, ``trigger_text``; ``Event.location.span`` -> ``location_span_start_char``…);
* stores any other list or dict as one ``JSON`` column (``Entity.descriptors``, ``Event.evidence``),
  except the lists that have a table of their own (``Entity.mentions`` -> ``mentions``,
  ``Event.counts`` -> ``counts``), whose rows carry ``article_id``, their parent's id and ``seq``
  (their position in the parent's list).

Two tables do not come from ``Record``: ``errors`` (``source``, ``id``, ``code``, ``message``; one
row per input that failed, ``id`` being the input's ``source_id``) and ``inputs`` (``source``,
``id``, ``article_id``, ``added_at`` (UTC time it was stored); one row per input that became an
article, so two inputs with the same text share one article). ``source`` is the SOURCE argument
of ``wirewatch ingest`` (a resolved path or a URL); ``id`` the document's ``source_id`` within it.
"""

from __future__ import annotations

import datetime as _dt
import json
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel

from wirewatch.model import Count as CountModel
from wirewatch.model import Entity, ErrorInfo, ErrorRecord, Event, Mention, Quote, Record, Stance

__all__ = ["Column", "Table", "TABLES", "TABLE_NAMES", "columns", "record_rows", "error_rows"]

_SCALARS: dict[type, str] = {str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN"}


@dataclass(frozen=True)
class Column:
    """One column: its name, DuckDB type, and the path of keys to its value in a model dump.

    ``defaulted`` marks a field that has a default and does not accept None
    (``ActorRef.implied``, ``Quote.content_parts``): a NULL there is a row written before the
    field existed, and reads back as the field's default.
    """

    name: str
    sql_type: str
    path: tuple[str, ...] = ()
    not_null: bool = False
    defaulted: bool = False

    def value(self, item: dict[str, Any]) -> Any:
        v: Any = item
        for k in self.path:
            if v is None:
                return None
            v = v.get(k)
        if self.sql_type == "JSON" and v is not None:
            return json.dumps(v, ensure_ascii=False, sort_keys=True)
        return v


@dataclass(frozen=True)
class Table:
    """How one model class becomes one table.

    Attributes:
        name: table name.
        model: the pydantic class whose fields become columns.
        key: primary-key columns.
        links: leading columns that tie a row to its article/parent (not fields of ``model``).
        exclude: fields of ``model`` stored elsewhere (in a child table).
        inline: nested-model fields flattened without a prefix (``Record.article``).
    """

    name: str
    model: type[BaseModel] | None
    key: tuple[str, ...]
    links: tuple[Column, ...] = ()
    exclude: frozenset[str] = field(default_factory=frozenset)
    inline: frozenset[str] = field(default_factory=frozenset)

    @property
    def columns(self) -> tuple[Column, ...]:
        own = columns(self.model, exclude=self.exclude, inline=self.inline) if self.model else ()
        return self.links + own

    def ddl(self) -> str:
        cols = ",\n    ".join(
            f"{c.name} {c.sql_type}{' NOT NULL' if c.not_null or c.name in self.key else ''}"
            for c in self.columns
        )
        return (
            f"CREATE TABLE IF NOT EXISTS {self.name} (\n    {cols},\n"
            f"    PRIMARY KEY ({', '.join(self.key)})\n)"
        )


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """``X | None`` -> (X, True); anything else -> (annotation, False)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def _sql_type(annotation: Any) -> str | None:
    """DuckDB type of a scalar annotation; None for a nested model; 'JSON' for containers."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return None
    if typing.get_origin(annotation) is Literal:
        vals = typing.get_args(annotation)
        return _SCALARS.get(type(vals[0]), "VARCHAR")
    if annotation in _SCALARS:
        return _SCALARS[annotation]
    return "JSON"


def columns(
    model: type[BaseModel],
    *,
    prefix: str = "",
    path: tuple[str, ...] = (),
    exclude: frozenset[str] = frozenset(),
    inline: frozenset[str] = frozenset(),
    required: bool = True,
) -> tuple[Column, ...]:
    """The flattened columns of ``model``.

    Args:
        model: a pydantic model class from ``wirewatch.model``.
        prefix: prepended to every column name (``"trigger_"``).
        path: keys leading to ``model``'s dump inside the row's item.
        exclude: top-level fields to leave out.
        inline: top-level nested-model fields to flatten without a prefix.
        required: False when ``model`` itself is optional (its columns are then nullable).

    Returns:
        Columns in field-declaration order.
    """
    out: list[Column] = []
    for name, info in model.model_fields.items():
        if name in exclude:
            continue
        ann, optional = _unwrap(info.annotation)
        sql = _sql_type(ann)
        if sql is None:
            out.extend(
                columns(
                    ann,
                    prefix="" if name in inline else f"{prefix}{name}_",
                    path=path + (name,),
                    required=required and not optional,
                )
            )
        else:
            out.append(
                Column(
                    f"{prefix}{name}",
                    sql,
                    path + (name,),
                    not_null=required and not optional and info.is_required(),
                    defaulted=not optional and not info.is_required(),
                )
            )
    return tuple(out)


_ARTICLE_ID = Column("article_id", "VARCHAR", ("__article_id",), not_null=True)
_SEQ = Column("seq", "BIGINT", ("__seq",), not_null=True)

TABLES: tuple[Table, ...] = (
    Table(
        "articles",
        Record,
        key=("id",),
        exclude=frozenset({"entities", "quotes", "events", "stances"}),
        inline=frozenset({"article"}),
    ),
    Table("entities", Entity, key=("id",), links=(_ARTICLE_ID,), exclude=frozenset({"mentions"})),
    Table(
        "mentions",
        Mention,
        key=("entity_id", "seq"),
        links=(_ARTICLE_ID, Column("entity_id", "VARCHAR", ("__parent_id",)), _SEQ),
    ),
    Table("quotes", Quote, key=("id",), links=(_ARTICLE_ID,)),
    Table("events", Event, key=("id",), links=(_ARTICLE_ID,), exclude=frozenset({"counts"})),
    Table(
        "counts",
        CountModel,
        key=("event_id", "seq"),
        links=(_ARTICLE_ID, Column("event_id", "VARCHAR", ("__parent_id",)), _SEQ),
    ),
    Table("stances", Stance, key=("id",), links=(_ARTICLE_ID,)),
    Table(
        "errors",
        ErrorInfo,
        key=("source", "id"),
        links=(
            Column("source", "VARCHAR", ("__source",)),
            Column("id", "VARCHAR", ("__id",)),
        ),
    ),
    Table(
        "inputs",
        None,
        key=("source", "id"),
        links=(
            Column("source", "VARCHAR", ("__source",)),
            Column("id", "VARCHAR", ("__id",)),
            Column("article_id", "VARCHAR", ("__article_id",), not_null=True),
            Column("added_at", "TIMESTAMP", ("__added_at",)),
        ),
    ),
)
"""Every table of the store, in the order their rows are written."""

TABLE_NAMES = tuple(t.name for t in TABLES)
_BY_NAME = {t.name: t for t in TABLES}

# where each Record-derived table's items sit in a Record dump: (list field, child list field)
_ITEMS: dict[str, tuple[str, ...]] = {
    "articles": (),
    "entities": ("entities",),
    "mentions": ("entities", "mentions"),
    "quotes": ("quotes",),
    "events": ("events",),
    "counts": ("events", "counts"),
    "stances": ("stances",),
}


def _items(dump: dict[str, Any], where: tuple[str, ...], aid: str) -> Iterator[dict[str, Any]]:
    if not where:
        yield dump
        return
    for parent in dump.get(where[0]) or []:
        if len(where) == 1:
            yield {**parent, "__article_id": aid}
            continue
        for seq, child in enumerate(parent.get(where[1]) or []):
            yield {**child, "__article_id": aid, "__parent_id": parent["id"], "__seq": seq}


def record_rows(rec: Record, source: str, source_id: str | None) -> dict[str, list[tuple]]:
    """The rows one record adds to each table (including its ``inputs`` row).

    Args:
        rec: an extracted record.
        source: the SOURCE it came from (resolved path or URL).
        source_id: its id within the source (defaults to the article id).

    Returns:
        ``{table name: [row tuple in column order]}`` for every table that gets rows.
    """
    dump = rec.model_dump(mode="json")
    aid = rec.article.id
    out: dict[str, list[tuple]] = {}
    for name, where in _ITEMS.items():
        cols = _BY_NAME[name].columns
        rows = [tuple(c.value(it) for c in cols) for it in _items(dump, where, aid)]
        if rows:
            out[name] = rows
    out["inputs"] = [input_row(source, source_id or aid, aid)]
    return out


def input_row(source: str, source_id: str, article_id: str) -> tuple:
    """The ``inputs`` row tying one input to the article it became, stamped now (UTC)."""
    now = _dt.datetime.now(_dt.UTC).replace(tzinfo=None)
    item = {"__source": source, "__id": source_id, "__article_id": article_id, "__added_at": now}
    return tuple(c.value(item) for c in _BY_NAME["inputs"].columns)


def error_rows(err: ErrorRecord, source: str, source_id: str | None) -> dict[str, list[tuple]]:
    """The ``errors`` row of one failed input: ``(source, id, code, message)``."""
    sid = source_id or str(err.article.get("source_id") or "")
    item = {**err.error.model_dump(), "__source": source, "__id": sid}
    return {"errors": [tuple(c.value(item) for c in _BY_NAME["errors"].columns)]}


def table(name: str) -> Table:
    """The ``Table`` called ``name``; KeyError if there is none."""
    return _BY_NAME[name]
