"""Per-event fields of the ``wirewatch_events`` coder besides actors, place and counts:
the event date, the historical flag (an old date, an anniversary, a habit of years), who
asserts the event (``asserted_by``, from ``ww_quotes`` or the reporting verb), and the
character ranges of the trigger word and the evidence sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from spacy.tokens import Span, Token

from wirewatch.pipeline import event_args as ea
from wirewatch.pipeline._event_actor_spans import actor_span
from wirewatch.pipeline._event_context import _DocContext, _sd
from wirewatch.pipeline.dates import resolve_date
from wirewatch.pipeline.extensions import entity_at

_ANNIVERSARY = frozenset({"anniversary", "commemoration", "commemorate", "memorial"})
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
_LONG_SPANS = frozenset({"year", "decade", "generation", "century"})


def _date(
    ctx: _DocContext, sent: Span, tok: Token, gov: Token | None
) -> tuple[str, str, dict[str, Any]] | None:
    """The date of the event at trigger ``tok``: the DATE (or weekday TIME) entity nearest
    the trigger inside its subtree, else inside the subtree of its governing verb ``gov``,
    resolved against the publication date (``dates.resolve_date``). An event recalled by an
    anniversary or memorial word between it and ``gov`` ("marched on Friday on the
    anniversary of a crackdown") takes only a date of its own subtree: the governing clause's
    date is the commemoration's, not the past event's.

    Returns:
        (ISO 8601 date, precision day/week/month/year, ``{start_char, end_char, text}`` of the
        date phrase), or None when the clause names no resolvable date.
    """
    # a day part spaCy labels TIME still names the day ("on Sunday night", "late Saturday")
    dates = [
        e
        for e in ctx.ents_in(sent)
        if e.label_ == "DATE" or (e.label_ == "TIME" and _WEEKDAY.search(e.text))
    ]
    if not dates:
        return None
    scopes = [set(t.i for t in tok.subtree)]
    if gov is not None and gov.i != tok.i:
        if _commemorated(tok, gov):
            return _date_in(ctx, dates, tok, scopes)
        scopes.append(set(t.i for t in gov.subtree))
    first = _first_conjunct(gov if gov is not None else tok)
    if first is not None:
        # "On May 3 the minister stressed support for X and advocated a truce": a verb
        # coordinated with a dated one shares its date, unless it names its own
        scopes.append(set(t.i for t in first.subtree))
    return _date_in(ctx, dates, tok, scopes)


def _commemorated(tok: Token, gov: Token) -> bool:
    """Whether an anniversary or memorial word stands between ``tok`` and its governing verb
    ``gov`` ("the anniversary of a crackdown", "a memorial to the victims of the attack")."""
    for anc in tok.ancestors:
        if anc.i == gov.i:
            return False
        if anc.lemma_.lower() in _ANNIVERSARY:
            return True
    return False


def _date_in(
    ctx: _DocContext, dates: list[Span], tok: Token, scopes: list[set[int]]
) -> tuple[str, str, dict[str, Any]] | None:
    """The resolvable date entity nearest ``tok`` inside the first of ``scopes`` (sets of
    token indices) that holds one."""
    for scope in scopes:
        for ent in sorted(dates, key=lambda e: abs(e.start - tok.i)):
            if ent.root.i not in scope:
                continue
            r = resolve_date(ent.text, ctx.pub_date)
            if r is not None:
                return r.date, r.precision, _sd(ctx.text, ent.start_char, ent.end_char)
    return None


def _first_conjunct(verb: Token) -> Token | None:
    """The first verb of a coordination that ``verb`` (a later conjunct) shares its subject
    and tense with ("stressed ... and advocated ...", "met X and signed ..."), or the verb a
    subjectless participle clause hangs off ("protests erupted on Monday, turning into
    riots"); None when ``verb`` is neither or changes the modal ("met X and will sign ...").
    """
    if verb.pos_ != "VERB" or not (
        verb.dep_ == "conj"
        or (verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.i < verb.i)
    ):
        return None
    first = verb.head
    while first.dep_ == "conj" and first.head.pos_ == "VERB":
        first = first.head
    if first.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return None
    return first


def statement_date(
    ctx: _DocContext, sent: Span, tok: Token
) -> tuple[str, str, dict[str, Any]] | None:
    """The date on which the intent at trigger ``tok`` was stated, for a stance event (CAMEO
    03x/13x): the date of the reporting verb above the trigger ("On May 2 the president
    announced that the troops would leave next week": May 2, not next week), taken from the
    reporting verb's own clause without the reported one.

    Args:
        ctx: the document context (publication date, date entities).
        sent: the trigger's sentence.
        tok: the trigger of the intended event ("departing").

    Returns:
        (ISO 8601 date, precision, ``{start_char, end_char, text}``) as ``_date``, or None
        when no reporting verb is above the trigger or its clause names no date.
    """
    verbs = ea.reporting_verbs()
    prev = tok
    for anc in tok.ancestors:
        if (
            anc.lemma_ in verbs
            and anc.pos_ in ("VERB", "AUX")
            and prev.dep_ in ("ccomp", "parataxis")
        ):
            dates = [
                e
                for e in ctx.ents_in(sent)
                if e.label_ == "DATE" or (e.label_ == "TIME" and _WEEKDAY.search(e.text))
            ]
            inside = {t.i for t in prev.subtree}
            scope = {t.i for t in anc.subtree} - inside
            return _date_in(ctx, dates, anc, [scope]) if dates else None
        prev = anc
    return None


def _historical(ctx: _DocContext, tok: Token, date: tuple[str, str, dict[str, Any]] | None) -> bool:
    """Whether the event at ``tok`` is history rather than news: its ``date`` (as ``_date``
    returns it) ends more than a year before the publication date, an anniversary or memorial
    word governs it, or its clause has an open duration of years (``_habitual``)."""
    if date is not None and ctx.pub_date:
        try:
            d = dt.date.fromisoformat(date[0])
            pub = dt.date.fromisoformat(ctx.pub_date[:10])
            span_days = {"day": 0, "week": 7, "month": 31, "year": 366}[date[1]]
            if (pub - d).days - span_days > 365:
                return True
        except ValueError:
            pass
    for anc in list(tok.ancestors)[:6]:
        if anc.lemma_.lower() in _ANNIVERSARY:
            return True
    return _habitual(tok)


def _asserted_by(ctx: _DocContext, sent: Span, tok: Token) -> str | None:
    """Entity id of who asserts the event at ``tok``: the source of a ``ww_quotes`` record
    whose content contains the trigger, else the speaker of the reporting verb above it
    (``event_args.reporting_speaker``); None when neither is a known entity."""
    for q in ctx.quotes:
        c = q.get("content") or {}
        if c.get("start_char", 1) <= tok.idx < c.get("end_char", 0):
            src = q.get("source") or {}
            if src.get("entity_id"):
                return str(src["entity_id"])
    speaker = ea.reporting_speaker(tok, sent)
    if speaker is None:
        return None
    rng = actor_span(speaker) or (speaker.idx, speaker.idx + len(speaker.text))
    ent = entity_at(sent.doc, *rng)
    return str(ent["id"]) if ent and ent.get("id") else None


def _habitual(tok: Token) -> bool:
    """A trigger whose clause carries an open duration of years ("For years, X hailed Y",
    "over the decades Britain backed ...", "has for years supported"): a habit or state of the
    past, not a fresh event (flagged ``historical``). A counted duration ("jailed for five
    years") is the event's own length and does not count.

    Args:
        tok: the trigger token.

    Returns:
        True when the trigger or the verb governing it has a "for"/"over" phrase whose object is
        year/decade/generation/century with no number.
    """
    verb = tok if tok.pos_ in ("VERB", "AUX") else ea.governing_verb(tok)
    for h in (tok, verb):
        if h is None:
            continue
        for c in h.children:
            if c.dep_ != "prep" or c.lower_ not in ("for", "over"):
                continue
            for o in c.children:
                if (
                    o.dep_ == "pobj"
                    and o.lemma_.lower() in _LONG_SPANS
                    and o.tag_ == "NNS"
                    and not any(m.dep_ == "nummod" for m in o.children)
                ):
                    return True
    return False


def _trimmed(sent: Span) -> tuple[int, int]:
    text = sent.text
    s = sent.start_char + (len(text) - len(text.lstrip()))
    e = sent.start_char + len(text.rstrip())
    return s, max(s, e)


def _word_start(tok: Token) -> int:
    """Start offset of the hyphenated word ``tok`` ends ("sit-in", "drive-by"), which the
    tokenizer splits; ``tok.idx`` when it is a word of its own."""
    doc = tok.doc
    i = tok.i
    while (
        i >= 2
        and doc[i - 1].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
        and doc[i - 2].head.i == tok.i
    ):
        i -= 2
    return doc[i].idx
