"""PLOVER gold-record loading (no model needed)."""

from __future__ import annotations

import json

from wirewatch.eval.plover import load_gold


def test_gold_records_keep_their_own_date(tmp_path):
    p = tmp_path / "gold.json"
    p.write_text(json.dumps([
        {"id": "DOC", "event": "DOCUMENT"},
        {"id": "a", "date": "1998-04-02", "event": "DEMAND", "text": "X demanded Y leave.",
         "source": [{"actorText": "X", "code": "USA"}], "target": []},
        {"id": "b", "event": "AGREE", "text": "X agreed."},
    ]), encoding="utf-8")
    a, b = load_gold(p)
    assert (a.event, a.date) == ("REQUEST", "1998-04-02")
    assert b.date is None
