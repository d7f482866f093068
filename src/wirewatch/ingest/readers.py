"""Read input documents from .txt and .html files, standard input, and JSONL files.

Every reader raises a ``wirewatch.errors.InputError`` subclass naming the file and what to do;
``read_jsonl`` instead yields an ``ErrorRecord`` for a bad line and goes on.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from wirewatch.errors import (
    BinaryInputError,
    DecodeInputError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    MalformedRecordError,
    MissingInputError,
    NoArticleTextError,
    NotAFileError,
)
from wirewatch.ingest.document import InputDocument
from wirewatch.ingest.validate import MAX_CHARS
from wirewatch.model import ErrorInfo, ErrorRecord

__all__ = [
    "HTML_SUFFIXES",
    "decode_bytes",
    "read_html",
    "read_path",
    "parse_jsonl_line",
    "read_jsonl",
    "error_record",
]

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_MAX_BYTES = MAX_CHARS * 4 + 1024
MIN_HTML_WORDS = 5
"""Fewer words than this extracted from a page means navigation or boilerplate, not an article."""


def error_record(source_id: str | None, exc: InputError | Exception) -> ErrorRecord:
    """The batch-mode stand-in for a failed document: ``{"article": {"source_id"}, "error"}``."""
    code = getattr(exc, "code", "internal_error")
    message = getattr(exc, "message", None) or f"{type(exc).__name__}: {exc}"
    return ErrorRecord(
        article={"source_id": source_id}, error=ErrorInfo(code=code, message=message)
    )


def decode_bytes(data: bytes, source: str) -> str:
    """Decode article bytes as UTF-8 (BOM allowed).

    Raises:
        EmptyInputError: zero bytes, or whitespace only.
        BinaryInputError: NUL bytes (an image, PDF or archive, not text).
        DecodeInputError: not valid UTF-8.
    """
    if not data.strip():
        raise EmptyInputError(
            "the file is empty (or holds only whitespace); give a file with the article's text "
            "in it.",
            source=source,
        )
    if b"\x00" in data[:8192]:
        raise BinaryInputError(
            "the file is binary (it contains NUL bytes), not text; give a .txt or .html article.",
            source=source,
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DecodeInputError(
            f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "re-encode it as UTF-8, e.g. iconv -f latin1 -t utf-8.",
            source=source,
        ) from exc


def read_html(html: str, source: str) -> InputDocument:
    """Main text and metadata (title, date, url) of an HTML page, through trafilatura.

    Raises:
        NoArticleTextError: trafilatura finds no article text in the page.
    """
    import trafilatura

    result = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True
    )
    data: dict[str, Any] = {}
    if result is not None:
        data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = (data.get("text") or "").strip()
    if len(text.split()) < MIN_HTML_WORDS:
        raise NoArticleTextError(
            "no article text found in this HTML page (navigation or an empty page?); give the "
            "article's own page, or its text as .txt.",
            source=source,
        )
    date = data.get("date")
    return InputDocument(
        text=text,
        source_id=source,
        date=str(date)[:10] if date else None,
        title=data.get("title") or None,
        url=data.get("url") or None,
    )


def read_path(path: str) -> InputDocument:
    """Read one input: a ``.txt``/``.html`` file path, or ``-`` for standard input.

    Args:
        path: file path; ``.html``/``.htm`` go through trafilatura, anything else is plain text.

    Returns:
        The document, ``source_id`` set to the path as given.

    Raises:
        MissingInputError, NotAFileError, InputTooLargeError, and the errors of
        ``decode_bytes`` and ``read_html``.
    """
    if path == "-":
        data = sys.stdin.buffer.read()
        text = decode_bytes(data, "<stdin>")
        if text.lstrip()[:1] == "<" and "<html" in text[:2000].lower():
            return read_html(text, "<stdin>")
        return InputDocument(text=text, source_id="<stdin>")
    p = Path(path)
    if not p.exists():
        raise MissingInputError("no such file; check the path.", source=path)
    if p.is_dir():
        raise NotAFileError(
            "is a directory; give the article files inside it (e.g. dir/*.txt).", source=path
        )
    if p.stat().st_size > _MAX_BYTES:
        raise InputTooLargeError(
            f"the file is {p.stat().st_size:,} bytes, too large for one article; split it.",
            source=path,
        )
    text = decode_bytes(p.read_bytes(), path)
    if p.suffix.lower() in HTML_SUFFIXES:
        return read_html(text, path)
    return InputDocument(text=text, source_id=path)


def parse_jsonl_line(raw: bytes, where: str) -> InputDocument | ErrorRecord:
    """One JSONL line -> a document, or an ``ErrorRecord`` saying what is wrong with it.

    Args:
        raw: the line's bytes (UTF-8, BOM allowed).
        where: ``"{file}:{line}"``, the ``source_id`` of a line without an ``id``.
    """
    try:
        obj: Any = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return error_record(
            where, DecodeInputError("line is not valid UTF-8; re-encode it.", source=where)
        )
    except json.JSONDecodeError as exc:
        msg = (
            f"not valid JSON ({exc}); each line must be one object like "
            '{"id": "a1", "text": "..."}.'
        )
        return error_record(where, MalformedRecordError(msg, source=where))
    if not isinstance(obj, dict):
        return error_record(where, MalformedRecordError("line is not a JSON object.", source=where))
    sid = str(obj["id"]) if obj.get("id") is not None else where
    if not isinstance(obj.get("text"), str):
        return error_record(
            sid,
            MalformedRecordError(
                "record has no string 'text' field; add the article text.", source=sid
            ),
        )
    date = obj.get("date")
    return InputDocument(
        text=obj["text"],
        source_id=sid,
        date=str(date)[:10] if date else None,
        title=obj.get("title"),
        url=obj.get("url"),
    )


def read_jsonl(path: str) -> Iterator[InputDocument | ErrorRecord]:
    """Documents from a JSONL file (plain, or gzip when the name ends in ``.gz``; ``-`` reads
    standard input): one object per line with ``id``, ``text`` and optional ``date``,
    ``title``, ``url``. Blank lines are skipped.

    Yields:
        An ``InputDocument`` per good line, in file order; an ``ErrorRecord`` per bad one
        (``source_id`` = the line's id or ``"{path}:{line}"``; ``<stdin>`` for standard input).
        A truncated gzip archive yields what was read, then one ``undecodable_input`` record.

    Raises:
        MissingInputError / NotAFileError / DecodeInputError: the file itself cannot be read.
    """
    label = "<stdin>" if path == "-" else path
    p = Path(path) if path != "-" else None
    if p is not None and not p.exists():
        raise MissingInputError("no such file; check the path.", source=path)
    if p is not None and p.is_dir():
        raise NotAFileError("is a directory; give a .jsonl file.", source=path)
    stream: Any
    if p is None:
        stream = sys.stdin.buffer
    elif p.name.lower().endswith(".gz"):
        try:
            stream = gzip.open(p, "rb")
            stream.peek(1)
        except OSError as exc:
            raise DecodeInputError(f"not a gzip file ({exc}).", source=path) from exc
    else:
        stream = open(p, "rb")  # noqa: SIM115
    try:
        lineno = 0
        while True:
            try:
                raw = stream.readline()
            except (OSError, EOFError) as exc:  # truncated archive: keep what was read
                where = f"{label}:{lineno + 1}"
                yield error_record(
                    where, DecodeInputError(f"compressed stream broken ({exc}).", source=where)
                )
                return
            if not raw:
                return
            lineno += 1
            if raw.strip():
                yield parse_jsonl_line(raw, f"{label}:{lineno}")
    finally:
        if p is not None:
            stream.close()
