"""A readable terminal view of a ``Record`` (rich): entities, quotes, events, stances."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from wirewatch.model import ActorRef, ErrorRecord, Record

__all__ = ["render_record", "print_records"]


def _short(s: str | None, n: int = 70) -> str:
    if not s:
        return ""
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _actor_cell(actor: ActorRef | None) -> str:
    """An event actor as the events table shows it: its name, "(implied)" after an actor the
    text does not name (``ActorRef.implied``: "protesters (implied)"), "—" for none."""
    if actor is None:
        return "—"
    return f"{actor.name} (implied)" if actor.implied else actor.name


def render_record(rec: Record) -> Group:
    """Rich renderable of one record: a header and one table per record kind."""
    names = {e.id: e.name for e in rec.entities}
    a = rec.article
    head = Text.assemble(
        ("article ", "bold"),
        (a.source_id or a.id, "cyan"),
        f"  id={a.id}  date={a.date or '-'}  lang={a.language or '-'}  ",
        f"{len(a.text):,} chars",
    )
    ents = Table(title=f"Entities ({len(rec.entities)})", title_justify="left", expand=True)
    for col in ("name", "type", "country", "sector", "mentions", "descriptors / affiliations"):
        ents.add_column(col, overflow="fold")
    for e in rec.entities:
        extra = "; ".join([d.text for d in e.descriptors] + [f"@{x.text}" for x in e.affiliations])
        ents.add_row(
            e.name,
            e.entity_type,
            e.country or "",
            e.sector or "",
            str(len(e.mentions)),
            _short(extra, 60),
        )
    quotes = Table(title=f"Quotes ({len(rec.quotes)})", title_justify="left", expand=True)
    for col in ("source", "cue", "type", "content", "chars"):
        quotes.add_column(col, overflow="fold")
    for q in rec.quotes:
        src = (q.source.name or q.source.text) if q.source else "—"
        if q.continued_from:
            src += " (cont.)"
        quotes.add_row(
            src,
            q.cue.text if q.cue else "",
            q.quote_type,
            _short(" … ".join(p.text for p in q.content_parts) or q.content.text),
            f"{q.content.start_char}-{q.content.end_char}",
        )
    events = Table(title=f"Events ({len(rec.events)})", title_justify="left", expand=True)
    for col in (
        "type/mode",
        "CAMEO",
        "source → target",
        "date",
        "where",
        "counts",
        "flags",
        "trigger@char",
    ):
        events.add_column(col, overflow="fold")
    for ev in rec.events:
        src, tgt = _actor_cell(ev.source_actor), _actor_cell(ev.target_actor)
        counts = ", ".join(
            f"{c.kind} {'~' if c.approximate else ''}"
            f"{c.value if c.value is not None else c.low:,.0f}"
            for c in ev.counts
            if (c.value is not None or c.low is not None)
        )
        flags = ",".join(
            f
            for f, on in (
                ("neg", ev.negated),
                ("hyp", ev.hypothetical),
                ("hist", ev.historical),
                (f"said:{names.get(ev.asserted_by or '', '?')}", ev.asserted_by),
            )
            if on
        )
        events.add_row(
            f"{ev.plover_type}/{ev.plover_mode or '-'}",
            ev.cameo_code or "",
            f"{src} → {tgt}",
            ev.event_date or "",
            ev.location.name if ev.location else "",
            counts,
            flags,
            f"{ev.trigger.text}@{ev.trigger.start_char}",
        )
    stances = Table(title=f"Stances ({len(rec.stances)})", title_justify="left", expand=True)
    for col in ("from", "relation", "to", "evidence"):
        stances.add_column(col, overflow="fold")
    for s in rec.stances:
        stances.add_row(
            names.get(s.from_entity, s.from_entity),
            s.relation,
            names.get(s.to_entity, s.to_entity),
            _short(s.evidence.text),
        )
    return Group(head, ents, quotes, events, stances)


def print_records(records: list[Record | ErrorRecord], console: Console | None = None) -> None:
    """Print records (and error records, in red) to the terminal."""
    console = console or Console()
    for rec in records:
        if isinstance(rec, ErrorRecord):
            console.print(
                Panel(
                    Text(f"{rec.error.code}: {rec.error.message}", style="red"),
                    title=str(rec.article.get("source_id")),
                )
            )
        else:
            console.print(render_record(rec))
