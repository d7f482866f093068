"""Corpus sources for ``wirewatch ingest``: folders, JSONL(.gz) files and RSS/Atom feeds.

A SOURCE is one of:

* a **folder**: every ``.txt``/``.text``/``.html``/``.htm``/``.xhtml`` file under it (recursively,
  hidden files skipped, sorted by path); ``source_id`` is the path relative to the folder;
* a **JSONL file**, plain or gzip-compressed (``.jsonl``, ``.ndjson``, ``.jsonl.gz``): one object
  per line with ``id``, ``text`` and optional ``date``, ``title``, ``url``;
* an **RSS or Atom feed**, a file (``.xml``, ``.rss``, ``.atom``, or any file starting with
  ``<rss``/``<feed``/``<?xml``) or an ``http(s)://`` URL, read with feedparser. An entry's text is
  its ``content`` (or ``summary``) with the markup removed; when that has fewer than
  ``MIN_FEED_WORDS`` words, the entry's ``link`` is fetched and its article extracted with
  trafilatura. ``source_id`` is the entry's ``id`` (else its link);
* a single ``.txt``/``.html`` file.

Every bad document becomes an ``ErrorRecord`` and the source goes on; a SOURCE that cannot be read
at all raises ``InputError``.

``date_from_metadata``: when a document carries no publication date of its own (JSONL ``date``,
HTML metadata, feed ``published``), take it from secondary metadata: a ``YYYY-MM-DD``,
``YYYY/MM/DD`` or ``YYYYMMDD`` date in its URL or path, else (files only) the file's modification
date.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from wirewatch.errors import (
    InputError,
    MissingInputError,
    NoArticleTextError,
    WirewatchError,
)
from wirewatch.ingest.document import InputDocument
from wirewatch.ingest.readers import error_record, read_html, read_jsonl, read_path
from wirewatch.model import ErrorRecord

__all__ = [
    "Source",
    "open_source",
    "iter_documents",
    "count_documents",
    "date_from_path",
    "FOLDER_SUFFIXES",
    "MIN_FEED_WORDS",
]

FOLDER_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
MIN_FEED_WORDS = 40
"""A feed entry body shorter than this (in words) is a teaser: the linked page is fetched."""

Kind = Literal["folder", "jsonl", "jsonl.gz", "feed", "file"]


@dataclass(frozen=True)
class Source:
    """One SOURCE argument, resolved.

    Attributes:
        label: the value stored in ``inputs.source``/``errors.source``: the resolved path, or URL.
        kind: how it is read.
    """

    label: str
    kind: Kind


def _is_url(s: str) -> bool:
    return s.startswith(("http://", "https://"))


def open_source(arg: str) -> Source:
    """Work out what kind of SOURCE ``arg`` is.

    Raises:
        MissingInputError: the path does not exist.
        InputError: a file of a kind wirewatch cannot ingest.
    """
    if _is_url(arg):
        return Source(arg, "feed")
    p = Path(arg)
    if not p.exists():
        raise MissingInputError("no such file or folder; check the path.", source=arg)
    label = str(p.resolve())
    if p.is_dir():
        return Source(label, "folder")
    name = p.name.lower()
    if name.endswith((".jsonl.gz", ".ndjson.gz")):
        return Source(label, "jsonl.gz")
    if name.endswith((".jsonl", ".ndjson")):
        return Source(label, "jsonl")
    if p.suffix.lower() in FEED_SUFFIXES:
        return Source(label, "feed")
    with open(p, "rb") as fh:
        head = fh.read(1024).lstrip().lower()
    if head.startswith((b"<rss", b"<feed", b"<?xml")) and (b"<rss" in head or b"<feed" in head):
        return Source(label, "feed")
    if p.suffix.lower() in FOLDER_SUFFIXES:
        return Source(label, "file")
    raise InputError(
        "cannot tell what this file is; give a folder of .txt/.html files, a .jsonl or .jsonl.gz "
        "file, or an RSS/Atom feed (.xml, .rss, .atom).",
        source=arg,
    )


def _folder_files(root: Path) -> list[Path]:
    return sorted(
        p
        for p in root.rglob("*")
        if p.suffix.lower() in FOLDER_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
        and p.is_file()
    )


_DATE_RE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)[-/_]?(0[1-9]|1[0-2])[-/_]?(0[1-9]|[12]\d|3[01])(?!\d)"
)


def skipped_in_folder(root: Path) -> list[Path]:
    """Files under ``root`` that a folder SOURCE does not read (other endings), hidden ones
    left out; a .jsonl among them must be given as its own SOURCE."""
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file()
        and p.suffix.lower() not in FOLDER_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )


def date_from_path(s: str | None) -> str | None:
    """The first plausible ``YYYY-MM-DD`` date written in a path or URL, else None.

    >>> date_from_path("https://news.example/2022/01/05/kazakhstan.html")
    '2022-01-05'
    """
    for m in _DATE_RE.finditer(s or ""):
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            continue
    return None


def _with_date(doc: InputDocument, path: Path | None) -> InputDocument:
    if doc.date:
        return doc
    date = date_from_path(doc.url) or date_from_path(doc.source_id)
    if date is None and path is not None:
        date = dt.date.fromtimestamp(path.stat().st_mtime).isoformat()
    return replace(doc, date=date) if date else doc


def _read_file(path: Path, sid: str, date_meta: bool) -> InputDocument | ErrorRecord:
    try:
        doc = replace(read_path(str(path)), source_id=sid)
    except WirewatchError as exc:
        return error_record(sid, exc)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the corpus
        return error_record(sid, exc)
    return _with_date(doc, path) if date_meta else doc


def _html_to_text(html: str) -> str:
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except Exception:  # noqa: BLE001 - plain text or broken markup
        return html.strip()
    for el in root.iter("p", "br", "div", "li", "h1", "h2", "h3", "h4", "blockquote"):
        el.tail = "\n\n" + (el.tail or "")
    text = root.text_content()
    return re.sub(r"\n\s*\n\s*", "\n\n", re.sub(r"[ \t]+", " ", text)).strip()


def _feed(label: str, date_meta: bool) -> Iterator[InputDocument | ErrorRecord]:
    import feedparser

    parsed = feedparser.parse(label)
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None)
        raise InputError(
            f"no feed entries found{f' ({reason})' if reason else ''}; give an RSS or Atom feed.",
            source=label,
        )
    for i, e in enumerate(parsed.entries):
        link = e.get("link")
        sid = str(e.get("id") or link or f"{label}#{i + 1}")
        stamp = e.get("published_parsed") or e.get("updated_parsed")
        date = time.strftime("%Y-%m-%d", stamp) if stamp else None
        body = ""
        if e.get("content"):
            body = e["content"][0].get("value", "")
        body = body or e.get("summary", "")
        text = _html_to_text(body) if body else ""
        try:
            if len(text.split()) < MIN_FEED_WORDS and link:
                doc = _fetch(link, sid)
                doc = replace(doc, date=date or doc.date, title=e.get("title") or doc.title)
            elif text:
                doc = InputDocument(
                    text=text, source_id=sid, date=date, title=e.get("title"), url=link
                )
            else:
                raise NoArticleTextError("feed entry has no text and no link.", source=sid)
        except WirewatchError as exc:
            yield error_record(sid, exc)
            continue
        except Exception as exc:  # noqa: BLE001
            yield error_record(sid, exc)
            continue
        yield _with_date(doc, None) if date_meta else doc


def _fetch(url: str, sid: str) -> InputDocument:
    import trafilatura

    html = trafilatura.fetch_url(url)
    if not html:
        raise NoArticleTextError(
            f"could not download the linked article {url}; check the network or the link.",
            source=sid,
        )
    return replace(read_html(html, url), source_id=sid, url=url)


def iter_documents(
    src: Source, *, date_from_metadata: bool = False
) -> Iterator[InputDocument | ErrorRecord]:
    """The documents of one source, in a stable order, each bad one as an ``ErrorRecord``.

    Args:
        src: from ``open_source``.
        date_from_metadata: fill missing dates as described in the module docstring.

    Raises:
        InputError: the source as a whole cannot be read (not a feed, not gzip…).
    """
    if src.kind == "folder":
        root = Path(src.label)
        for p in _folder_files(root):
            yield _read_file(p, p.relative_to(root).as_posix(), date_from_metadata)
    elif src.kind == "file":
        p = Path(src.label)
        yield _read_file(p, p.name, date_from_metadata)
    elif src.kind in ("jsonl", "jsonl.gz"):
        items = read_jsonl(src.label)
        for it in items:
            if date_from_metadata and isinstance(it, InputDocument):
                it = _with_date(it, None)
            yield it
    else:
        yield from _feed(src.label, date_from_metadata)


def count_documents(src: Source) -> int | None:
    """How many documents ``iter_documents`` will yield (for the progress bar); None if unknown
    without reading the source (feeds)."""
    try:
        if src.kind == "folder":
            return len(_folder_files(Path(src.label)))
        if src.kind == "file":
            return 1
        if src.kind == "jsonl":
            with open(src.label, "rb") as fh:
                return sum(1 for line in fh if line.strip())
        if src.kind == "jsonl.gz":
            with gzip.open(src.label, "rb") as fh:
                return sum(1 for line in fh if line.strip())
    except (OSError, EOFError):
        return None
    return None
