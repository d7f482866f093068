"""Corpus sources: folders, JSONL(.gz) and feeds, each bad document an error record."""

from __future__ import annotations

import gzip
import json
import os
import random

import pytest

from wirewatch.errors import InputError, MissingInputError
from wirewatch.ingest.document import InputDocument
from wirewatch.ingest.sources import (
    count_documents,
    date_from_path,
    iter_documents,
    open_source,
)
from wirewatch.model import ErrorRecord

TEXT = "Police in Springfield detained twelve protesters on Monday, the mayor said."

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Wire</title><link>https://wire.example/</link><description>d</description>
<item>
  <title>Arrests in Springfield</title>
  <guid>wire-1</guid>
  <pubDate>Tue, 02 May 2023 10:00:00 GMT</pubDate>
  <content:encoded><![CDATA[<p>{long}</p><p>Second paragraph here.</p>]]></content:encoded>
</item>
<item>
  <title>Empty</title>
  <guid>wire-2</guid>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id>
<updated>2023-05-03T00:00:00Z</updated>
<entry><title>One</title><id>urn:a:1</id><updated>2023-05-03T08:00:00Z</updated>
<content type="html">&lt;p&gt;{long}&lt;/p&gt;</content></entry>
</feed>
"""

LONG = " ".join([TEXT] * 5)


def _docs(items):
    return [i for i in items if isinstance(i, InputDocument)]


def _errs(items):
    return [i for i in items if isinstance(i, ErrorRecord)]


def test_folder_reads_txt_and_html_recursively_with_relative_ids(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text(
        f"<html><head><title>T</title></head><body><article><p>{TEXT}</p></article></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "sub" / "broken.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text(TEXT)
    (tmp_path / "notes.md").write_text(TEXT)
    src = open_source(str(tmp_path))
    assert src.kind == "folder" and src.label == str(tmp_path.resolve())
    items = list(iter_documents(src))
    assert count_documents(src) == len(items) == 4
    assert [d.source_id for d in _docs(items)] == ["a.txt", "sub/b.html"]
    assert _docs(items)[1].text.startswith("Police in Springfield")
    errs = {e.article["source_id"]: e.error.code for e in _errs(items)}
    assert errs == {"empty.txt": "empty_input", "sub/broken.txt": "binary_input"}


def _write_jsonl(path, lines, gz=False):
    data = "".join(lines).encode("utf-8")
    if gz:
        with gzip.open(path, "wb") as fh:
            fh.write(data)
    else:
        path.write_bytes(data)


LINES = [
    json.dumps({"id": "a1", "text": TEXT, "date": "2023-05-02T10:00:00", "title": "T"}) + "\n",
    "\n",
    "{not json\n",
    json.dumps({"id": "a3", "title": "no text"}) + "\n",
    json.dumps([1, 2]) + "\n",
    json.dumps({"text": TEXT, "url": "https://x.example/2023/05/04/y"}) + "\n",
]


def test_jsonl_gz_reads_like_plain_jsonl(tmp_path):
    _write_jsonl(tmp_path / "c.jsonl", LINES)
    _write_jsonl(tmp_path / "c.jsonl.gz", LINES, gz=True)
    plain = open_source(str(tmp_path / "c.jsonl"))
    gz = open_source(str(tmp_path / "c.jsonl.gz"))
    assert (plain.kind, gz.kind) == ("jsonl", "jsonl.gz")
    a, b = list(iter_documents(plain)), list(iter_documents(gz))
    assert len(a) == len(b) == count_documents(plain) == count_documents(gz) == 5

    def norm(items, path):
        return [
            (i.model_dump_json() if isinstance(i, ErrorRecord) else repr(i)).replace(path, "P")
            for i in items
        ]

    assert norm(a, plain.label) == norm(b, gz.label)
    assert _docs(a)[0].date == "2023-05-02"
    assert [e.error.code for e in _errs(a)] == ["malformed_record"] * 3


def test_truncated_gzip_keeps_what_was_read(tmp_path):
    rnd = random.Random(5)
    lines = [
        json.dumps({"id": i, "text": "".join(rnd.choice("abcdefgh ") for _ in range(300))}) + "\n"
        for i in range(2000)
    ]
    _write_jsonl(tmp_path / "c.jsonl.gz", lines, gz=True)
    data = (tmp_path / "c.jsonl.gz").read_bytes()
    (tmp_path / "t.jsonl.gz").write_bytes(data[: len(data) // 2])
    items = list(iter_documents(open_source(str(tmp_path / "t.jsonl.gz"))))
    assert isinstance(items[0], InputDocument)
    assert isinstance(items[-1], ErrorRecord) and items[-1].error.code == "undecodable_input"


def test_rss_feed_entries(tmp_path):
    f = tmp_path / "wire.xml"
    f.write_text(RSS.replace("{long}", LONG), encoding="utf-8")
    src = open_source(str(f))
    assert src.kind == "feed"
    items = list(iter_documents(src))
    (doc,) = _docs(items)
    assert doc.source_id == "wire-1" and doc.date == "2023-05-02"
    assert doc.title == "Arrests in Springfield"
    assert doc.text.startswith("Police in Springfield") and "Second paragraph" in doc.text
    (err,) = _errs(items)
    assert err.article["source_id"] == "wire-2" and err.error.code == "no_article_text"


def test_atom_feed_detected_by_content(tmp_path):
    f = tmp_path / "feed"
    f.write_text(ATOM.replace("{long}", LONG), encoding="utf-8")
    (doc,) = list(iter_documents(open_source(str(f))))
    assert (doc.source_id, doc.date, doc.title) == ("urn:a:1", "2023-05-03", "One")


@pytest.mark.parametrize(
    ("s", "date"),
    [
        ("https://news.example/2022/01/05/kazakhstan.html", "2022-01-05"),
        ("wire/2023-05-02-arrests.txt", "2023-05-02"),
        ("reuters_20210230_x.txt", None),  # 30 February
        ("id-1234567890", None),
        (None, None),
    ],
)
def test_date_from_path(s, date):
    assert date_from_path(s) == date


def test_date_from_metadata_fills_missing_dates(tmp_path):
    _write_jsonl(tmp_path / "c.jsonl", LINES)
    src = open_source(str(tmp_path / "c.jsonl"))
    dates = [d.date for d in _docs(iter_documents(src, date_from_metadata=True))]
    assert dates == ["2023-05-02", "2023-05-04"]
    assert [d.date for d in _docs(iter_documents(src))] == ["2023-05-02", None]
    (tmp_path / "f").mkdir()
    p = tmp_path / "f" / "a.txt"
    p.write_text(TEXT)
    os.utime(p, (1_650_000_000, 1_650_000_000))  # 2022-04-15 UTC
    (doc,) = list(iter_documents(open_source(str(tmp_path / "f")), date_from_metadata=True))
    assert doc.date in ("2022-04-15", "2022-04-14", "2022-04-16")  # local time zone


def test_bad_sources_raise(tmp_path):
    with pytest.raises(MissingInputError):
        open_source(str(tmp_path / "missing"))
    (tmp_path / "x.bin").write_bytes(b"\x00\x01")
    with pytest.raises(InputError, match="cannot tell"):
        open_source(str(tmp_path / "x.bin"))
    (tmp_path / "bad.xml").write_text("<rss><channel></channel></rss>")
    with pytest.raises(InputError, match="no feed entries"):
        list(iter_documents(open_source(str(tmp_path / "bad.xml"))))
