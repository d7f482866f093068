"""Merging the reports of one real event (``merge_reports``): a headline and its body, a lead
and a later recap are one event with several evidence sentences.

Two events from different sentences are merged when they have the same PLOVER type; their source
actors and their target actors are each compatible (the same entity id, or no contradicting
country or sector with at least one of them shared, or one side missing); their places are
compatible (the same place, a city inside the other's country, or one missing -- the article's
fallback country counts as missing); their dates are compatible (the same, one inside the
other's week/month/year, or one missing); they agree on negated, hypothetical and historical;
their modes do not differ; and they share at least one anchor (an actor, the place or the date),
so that two events with nothing but a type in common stay apart (two actors resolved to
different entities are no shared anchor, even with the same country and sector); a later mention
that names no actor, date, place or count of its own ("the root of the protests") is a reference
back to the one earlier report of its type, mode and flags, and merges into it when there is
exactly one, not counting reports dated by a year alone when there are others (background,
"protests since 2019": so the merge does not depend on whether the publication date is known
to flag them historical). The merged event keeps the earliest trigger and its id, takes the evidence
sentences of all (in text order), fills a missing actor, place, date or ``asserted_by`` from the
others, keeps all counts (one per span) and the highest confidence. Events of one sentence never
merge (the trigger rules decide there), so the dyads of a compound actor ("Russia and China")
stay one event each; and a report that fits more than one such dyad equally well is left
unmerged.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any


def merge_reports(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One event per real event of a document: events from different sentences that report the
    same event merged (the rule is in the module docstring).

    Args:
        events: Event-shaped dicts of one document, each with one evidence sentence.

    Returns:
        list of Event-shaped dicts ordered by trigger start; merged ones carry several
        evidence sentences ordered by start_char.
    """
    clusters: list[tuple[dict[str, Any], list[dict[str, Any]], set[int]]] = []
    for ev in sorted(events, key=lambda e: (e["trigger"]["start_char"], e["id"])):
        sent = ev["evidence"][0]["start_char"] if ev.get("evidence") else -1
        fits = [c for c in clusters if sent not in c[2] and all(_same_report(m, ev) for m in c[1])]
        back = False
        if not fits and _bare(ev):
            # "... the root of the protests": a later mention with no actor, date, place or
            # count of its own refers back to the one earlier report of its kind
            fits = _referent([c for c in clusters if sent not in c[2] and _same_kind(c[0], ev)])
            back = bool(fits)
        if len(fits) > 1:  # several dyads fit: only an exact one may take it
            fits = [
                c
                for c in fits
                if _same_actor(c[0]["source_actor"], ev["source_actor"])
                and _same_actor(c[0]["target_actor"], ev["target_actor"])
            ]
        if len(fits) != 1 or sent < 0:
            clusters.append((dict(ev), [ev], {sent}))
            continue
        merged, members, sents = fits[0]
        members.append(ev)
        sents.add(sent)
        _absorb(merged, ev, back_reference=back)
    return [c[0] for c in clusters]


def _referent(
    fits: list[tuple[dict[str, Any], list[dict[str, Any]], set[int]]],
) -> list[tuple[dict[str, Any], list[dict[str, Any]], set[int]]]:
    """The one earlier report a bare later mention ("the root of the protests") refers back to,
    among the clusters of its kind: the only one, or, of several, the only one not dated by a
    year alone. An event dated only by a year ("protests since 2019", "the 2011 uprising") is
    told as background, not as the story's news, which is dated by day or not at all. With
    the publication date such an event is usually ``historical`` and no candidate already;
    without it, this keeps the merge the same. Empty when none or several remain (two
    reports a mention cannot tell apart: it stays its own event)."""
    if len(fits) > 1:
        fits = [c for c in fits if not _year_only(c[0])]
    return fits if len(fits) == 1 else []


def _year_only(ev: dict[str, Any]) -> bool:
    """The event is dated by a year alone (``date_precision`` "year")."""
    return ev.get("event_date") is not None and ev.get("date_precision") == "year"


def _absorb(merged: dict[str, Any], ev: dict[str, Any], *, back_reference: bool = False) -> None:
    """Merge ``ev`` (a later report) into ``merged`` (the earliest), in place; a back reference
    ("the root of the protests") adds its evidence sentence but not its speaker, who mentions
    the event without reporting it."""
    for role, other in (("source_actor", "target_actor"), ("target_actor", "source_actor")):
        if (
            merged[role] is None
            and ev[role] is not None
            and not _same_actor(ev[role], merged[other])
        ):
            merged[role] = ev[role]
    if (
        ev.get("location")
        and ev["location"].get("span")
        and not (merged.get("location") and merged["location"].get("span"))
    ):
        merged["location"] = ev["location"]
    if merged.get("event_date") is None and ev.get("event_date") is not None:
        for k in ("event_date", "date_precision", "date_span"):
            merged[k] = ev.get(k)
    if merged.get("asserted_by") is None and not back_reference:
        merged["asserted_by"] = ev.get("asserted_by")
    spans = {(c["span"]["start_char"], c["span"]["end_char"]) for c in merged["counts"]}
    merged["counts"] = list(merged["counts"]) + [
        c for c in ev["counts"] if (c["span"]["start_char"], c["span"]["end_char"]) not in spans
    ]
    seen = {(x["start_char"], x["end_char"]) for x in merged["evidence"]}
    merged["evidence"] = sorted(
        [
            *merged["evidence"],
            *(x for x in ev["evidence"] if (x["start_char"], x["end_char"]) not in seen),
        ],
        key=lambda x: (x["start_char"], x["end_char"]),
    )
    merged["confidence"] = max(merged["confidence"], ev["confidence"])


def _same_report(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two events of different sentences may report one real event."""
    if a["plover_type"] != b["plover_type"] or any(
        bool(a.get(k)) != bool(b.get(k)) for k in ("negated", "hypothetical", "historical")
    ):
        return False
    if a.get("plover_mode") and b.get("plover_mode") and a["plover_mode"] != b["plover_mode"]:
        return False
    if not (
        _actor_fits(a["source_actor"], b["source_actor"])
        and _actor_fits(a["target_actor"], b["target_actor"])
    ):
        return False
    place = _place_fits(a.get("location"), b.get("location"))
    date = _date_fits(a, b)
    if place is None or date is None:
        return False
    anchored = (
        place
        or date
        or _anchor_actor(a["source_actor"], b["source_actor"])
        or _anchor_actor(a["target_actor"], b["target_actor"])
    )
    return bool(anchored)


def _bare(ev: dict[str, Any]) -> bool:
    """An event that names nothing of its own: no actor, date, place span or count."""
    return (
        ev["source_actor"] is None
        and ev["target_actor"] is None
        and ev.get("event_date") is None
        and not ev.get("counts")
        and not (ev.get("location") and ev["location"].get("span"))
    )


def _same_kind(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """The same PLOVER type and mode (or one mode missing) and the same flags."""
    if a["plover_type"] != b["plover_type"] or any(
        bool(a.get(k)) != bool(b.get(k)) for k in ("negated", "hypothetical", "historical")
    ):
        return False
    return not (
        a.get("plover_mode") and b.get("plover_mode") and a["plover_mode"] != b["plover_mode"]
    )


def _anchor_actor(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    """The same actor as an anchor of a merge: as ``_same_actor``, but two actors resolved to
    different entities ("Secretary Blinken" and "the State Department", both USA GOV) are two
    parties whose separate acts are two events, not one report told twice."""
    if (
        a is not None
        and b is not None
        and a.get("entity_id")
        and b.get("entity_id")
        and a["entity_id"] != b["entity_id"]
    ):
        return False
    return _same_actor(a, b)


def _actor_fits(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    """Compatible actors: one missing, the same entity, or no contradicting country or sector
    with one of them shared (or, with neither known, the same words)."""
    if a is None or b is None:
        return True
    if a.get("entity_id") and a.get("entity_id") == b.get("entity_id"):
        return True
    ca, cb, sa, sb = a.get("country"), b.get("country"), a.get("sector"), b.get("sector")
    if (ca and cb and ca != cb) or (sa and sb and sa != sb):
        return False
    if (ca and cb) or (sa and sb):
        return True
    return _words(a) == _words(b)


def _same_actor(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    """Both given and the same actor (entity id, or country and sector, or words)."""
    if a is None or b is None:
        return False
    if a.get("entity_id") and a.get("entity_id") == b.get("entity_id"):
        return True
    if (a.get("country") or a.get("sector")) and (a.get("country"), a.get("sector")) == (
        b.get("country"),
        b.get("sector"),
    ):
        return True
    return _words(a) == _words(b)


def _words(a: dict[str, Any]) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", str(a.get("text", "")).lower()).strip()


def _place_fits(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool | None:
    """True: the same place (or one inside the other's country); False: one is missing (or only
    the article's fallback country); None: different places."""
    if not a or not b or a.get("span") is None or b.get("span") is None:
        return False
    if a.get("geonameid") and a.get("geonameid") == b.get("geonameid"):
        return True
    if str(a.get("name", "")).lower() == str(b.get("name", "")).lower():
        return True
    if (
        a.get("country")
        and a.get("country") == b.get("country")
        and "country" in (a.get("precision"), b.get("precision"))
    ):
        return True
    return None


def _date_range(ev: dict[str, Any]) -> tuple[dt.date, dt.date] | None:
    try:
        d = dt.date.fromisoformat(str(ev["event_date"])[:10])
    except (TypeError, ValueError):
        return None
    prec = ev.get("date_precision") or "day"
    if prec == "week":
        return d, d + dt.timedelta(days=6)
    if prec == "month":
        nxt = (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return d, nxt - dt.timedelta(days=1)
    if prec == "year":
        return d, d.replace(month=12, day=31)
    return d, d


def _date_fits(a: dict[str, Any], b: dict[str, Any]) -> bool | None:
    """True: the same date (or one inside the other's week/month/year); False: one missing;
    None: different dates."""
    if a.get("event_date") is None or b.get("event_date") is None:
        return False
    if a["event_date"] == b["event_date"]:
        return True
    ra, rb = _date_range(a), _date_range(b)
    if ra is None or rb is None:
        return None
    inside = (ra[0] <= rb[0] and rb[1] <= ra[1]) or (rb[0] <= ra[0] and ra[1] <= rb[1])
    return True if inside else None
