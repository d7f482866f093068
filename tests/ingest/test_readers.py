"""Readers: every kind of bad input raises its own InputError naming the file."""

from __future__ import annotations

import json

import pytest

from wirewatch.errors import (
    BinaryInputError,
    DecodeInputError,
    EmptyInputError,
    MissingInputError,
    NoArticleTextError,
    NotAFileError,
)
from wirewatch.ingest.document import InputDocument
from wirewatch.ingest.readers import read_jsonl, read_path
from wirewatch.model import ErrorRecord

ARTICLE_HTML = """<html><head><title>Police detain dozens in Springfield</title>
<meta property="article:published_time" content="2023-03-07T10:00:00Z"></head>
<body><article><h1>Police detain dozens in Springfield</h1>
<p>Police in Springfield detained dozens of protesters on Thursday, the interior ministry said in
a statement. Witnesses said officers used tear gas near the main square.</p></article></body></html>
"""


@pytest.mark.parametrize(
    ("content", "error", "fragment"),
    [
        (b"", EmptyInputError, "empty"),
        (b"   \n\t ", EmptyInputError, "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryInputError, "binary"),
        (b"caf\xe9 au lait", DecodeInputError, "byte 0xe9 at offset 3"),
    ],
)
def test_bad_file_content_raises_named_error(tmp_path, content, error, fragment):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    with pytest.raises(error) as info:
        read_path(str(f))
    assert str(f) in info.value.message
    assert fragment in info.value.message


def test_missing_path_and_directory(tmp_path):
    with pytest.raises(MissingInputError, match="no such file"):
        read_path(str(tmp_path / "nope.txt"))
    with pytest.raises(NotAFileError, match="is a directory"):
        read_path(str(tmp_path))


def test_txt_keeps_text_exactly_and_strips_bom(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes("\ufeffThe “army” said.\r\nNext line.".encode())
    doc = read_path(str(f))
    assert doc.text == "The “army” said.\r\nNext line."
    assert doc.source_id == str(f)


def test_html_gives_text_title_and_date(tmp_path):
    f = tmp_path / "a.html"
    f.write_text(ARTICLE_HTML, encoding="utf-8")
    doc = read_path(str(f))
    assert doc.title == "Police detain dozens in Springfield"
    assert doc.date == "2023-03-07"
    assert "detained dozens of protesters" in doc.text


def test_html_without_article_text(tmp_path):
    f = tmp_path / "nav.html"
    f.write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    with pytest.raises(NoArticleTextError, match="no article text"):
        read_path(str(f))


def test_jsonl_bad_lines_become_error_records_in_order(tmp_path):
    f = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "Police detained ten people.", "date": "2022-01-05"}),
        "{not json",
        "",
        json.dumps({"id": "a3", "title": "no text"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": 7, "text": "Troops withdrew."}),
    ]
    f.write_text("\n".join(lines), encoding="utf-8")
    out = list(read_jsonl(str(f)))
    assert [type(o).__name__ for o in out] == [
        "InputDocument",
        "ErrorRecord",
        "ErrorRecord",
        "ErrorRecord",
        "InputDocument",
    ]
    assert out[0] == InputDocument("Police detained ten people.", "a1", "2022-01-05")
    assert isinstance(out[1], ErrorRecord)
    assert out[1].article["source_id"] == f"{f}:2"
    assert out[1].error.code == "malformed_record"
    assert out[2].article["source_id"] == "a3"
    assert out[4].source_id == "7"
