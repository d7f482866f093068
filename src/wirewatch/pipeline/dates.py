"""Resolve date expressions ("on January 6", "on Monday", "this week", "in 2019") to ISO dates
with a precision, relative to the article's publication date. Pure functions; dateparser is
offline and its parser objects are built once per publication date.

Source: dateparser (scrapinghub) settings ``RELATIVE_BASE``, ``PREFER_DATES_FROM='past'``.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import NamedTuple

__all__ = ["ResolvedDate", "resolve_date", "is_duration", "looks_like_date"]


class ResolvedDate(NamedTuple):
    """An ISO date and how precise the text is about it."""

    date: str  # YYYY-MM-DD (first day of the week/month/year for coarser precision)
    precision: str  # day / week / month / year


_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_WEEKDAY_INDEX = {d: i for i, d in enumerate(_WEEKDAYS.split("|"))}
_WEEKDAY_ONLY = re.compile(rf"(?i)(?:(?P<rel>last|next|this|on)\s+)?(?P<day>{_WEEKDAYS})")
_DURATION = re.compile(
    r"(?i)^(?:the\s+)?(?:past|last|next|first|coming|several|few|many|\d+|[a-z]+-?)?\s*"
    r"(?:several\s+|few\s+)?(?:days|weeks|months|years|decades|hours)(?:\s+ago)?$"
)
_YEAR_ONLY = re.compile(r"(?i)^(?:in\s+|since\s+|by\s+)?(?:the\s+year\s+)?((?:1[89]|20)\d\d)$")
_EDGE_WORDS = re.compile(
    r"(?i)^(?:on|in|since|by|from|until|during|as early as|as late as|at)\s+|^(?:the\s+)"
)
_NEW_YEAR = re.compile(r"(?i)\b(?:the\s+)?new\s+year\b")
_PART = re.compile(
    r"(?i)^(?:the\s+)?(?:(?:first|last|early|late|end|beginning|start|middle)"
    r"(?:\s+(?:few\s+)?(?:days?|weeks?))?\s+of\s+|mid-?\s*|early\s+|late\s+)"
)


_DATE_WORDS = re.compile(
    rf"(?i)\b(?:{_MONTHS}|{_WEEKDAYS}|today|yesterday|tomorrow|tonight|day|days|week|weeks|"
    r"weekend|month|months|year|years|decade|decades|century|ago|new year|spring|summer|autumn|"
    r"fall|winter)\b|\b(?:1[5-9]|20)\d\d(?:s)?\b"
)


def looks_like_date(expr: str) -> bool:
    """Whether text could name a time (a month, weekday, year, or time word); "between 20 and
    30", which NER models sometimes label DATE, does not."""
    return bool(_DATE_WORDS.search(expr))


def is_duration(expr: str) -> bool:
    """True for spans that measure time rather than name it ("30 years", "the past few years")."""
    e = expr.strip()
    if re.search(r"(?i)\bago\b", e):
        return False
    return bool(_DURATION.match(e))


@lru_cache(maxsize=32)
def _parser(pub_date: str | None):  # type: ignore[no-untyped-def]
    from dateparser.date import DateDataParser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if pub_date:
        settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(pub_date[:10])
    return DateDataParser(languages=["en"], settings=settings)


def _precision(expr: str) -> str:
    e = expr.lower()
    if re.search(rf"\b(?:{_WEEKDAYS}|today|yesterday|tomorrow|tonight)\b|\bdays?\s+ago\b", e):
        return "day"
    if re.search(
        rf"\b(?:{_MONTHS})\.?\s+\d{{1,2}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\b", e
    ) or re.search(r"\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4}", e):
        return "day"
    if re.search(r"\bweek(?:end)?\b", e):
        return "week"
    if re.search(rf"\b(?:{_MONTHS})\b|\bmonth\b", e):
        return "month"
    return "year"


@lru_cache(maxsize=4096)
def resolve_date(expr: str, pub_date: str | None) -> ResolvedDate | None:
    """Resolve a date expression against the publication date.

    Args:
        expr: the date words, e.g. "January 6", "on Monday", "this week", "2019", "the new year",
            "the end of January". Durations ("30 years") resolve to None.
        pub_date: publication date ``YYYY-MM-DD`` (relative expressions need it), or None.

    Returns:
        ResolvedDate (date ISO string, precision day/week/month/year); coarse precisions give the
        first day of the period (a week starts on Monday). None when the text names no date.
    """
    e = re.sub(r"\s+", " ", expr.strip().strip(",.;:"))
    e = e.replace("’", "'")
    if not e or is_duration(e) or not looks_like_date(e):
        return None
    while True:
        new = _EDGE_WORDS.sub("", e)
        if new == e:
            break
        e = new
    part = _PART.match(e)
    if part:
        e = e[part.end() :]
    pub = dt.date.fromisoformat(pub_date[:10]) if pub_date else None
    if _NEW_YEAR.fullmatch(e) or e.lower() == "new year":
        if pub is None:
            return None
        year = pub.year if pub.month <= 6 else pub.year + 1
        return ResolvedDate(f"{year}-01-01", "month")
    m = _YEAR_ONLY.match(e)
    if m:
        return ResolvedDate(f"{m.group(1)}-01-01", "year")
    precision = _precision(e)
    if precision == "week":
        if pub is None:
            return None
        monday = pub - dt.timedelta(days=pub.weekday())
        if re.search(r"(?i)\blast\b|\bprevious\b", e):
            monday -= dt.timedelta(days=7)
        elif re.search(r"(?i)\bnext\b", e):
            monday += dt.timedelta(days=7)
        elif not re.search(r"(?i)\bthis\b|\bthe\b", expr):
            return None
        return ResolvedDate(monday.isoformat(), "week")
    if pub is None and not re.search(r"\d{4}", e):
        # Without a publication date, "January 6" or "on Monday" has no knowable year: leave
        # event_date empty rather than guess from today's date.
        return None
    wd = _WEEKDAY_ONLY.fullmatch(e)
    if wd and pub is not None:
        # "on Wednesday" in news is the last such day on or before publication (the same day
        # when the article is published on a Wednesday); "next Wednesday" is after it.
        target = _WEEKDAY_INDEX[wd.group("day").lower()]
        delta = (pub.weekday() - target) % 7
        if wd.group("rel") and wd.group("rel").lower() == "next":
            d = pub + dt.timedelta(days=(target - pub.weekday()) % 7 or 7)
        elif wd.group("rel") and wd.group("rel").lower() == "last" and delta == 0:
            d = pub - dt.timedelta(days=7)
        else:
            d = pub - dt.timedelta(days=delta)
        return ResolvedDate(d.isoformat(), "day")
    try:
        data = _parser(pub_date).get_date_data(e)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    relative = bool(re.search(r"(?i)\b(?:next|coming|this|last|ago|tomorrow|yesterday)\b", e))
    if relative and precision == "month" and pub is not None:
        step = (
            -1
            if re.search(r"(?i)\blast\b", e)
            else (1 if re.search(r"(?i)\bnext|coming\b", e) else 0)
        )
        m0 = pub.year * 12 + pub.month - 1 + step
        return ResolvedDate(dt.date(m0 // 12, m0 % 12 + 1, 1).isoformat(), "month")
    if relative and precision == "year" and pub is not None:
        step = (
            -1
            if re.search(r"(?i)\blast\b", e)
            else (1 if re.search(r"(?i)\bnext|coming\b", e) else 0)
        )
        return ResolvedDate(f"{pub.year + step}-01-01", "year")
    if (
        pub is not None
        and precision == "day"
        and d > pub
        and not re.search(r"\d{4}", e)
        and not relative
    ):
        # "on Monday" in past-tense news is the last Monday on or before publication
        d = d.replace(year=d.year - 1) if re.search(rf"(?i){_MONTHS}", e) else d - dt.timedelta(7)
    if precision == "month":
        d = d.replace(day=1)
        if pub is not None and d > pub and not re.search(r"\d{4}", e):
            d = d.replace(year=d.year - 1)
    elif precision == "year":
        d = d.replace(month=1, day=1)
    return ResolvedDate(d.isoformat(), precision)
