"""Which date an event has in the web views: its own, else the article's, never the article's
for an undated historical event."""

from __future__ import annotations

from pathlib import Path

from _store_samples import _event, stable_id
from wirewatch.model import Article, Record
from wirewatch.store import Store
from wirewatch.web.corpus import Corpus, EventFilter

TEXT = "Police detained protesters in Almaty, two said. Police had detained protesters in Almaty."


def test_undated_historical_event_is_on_no_timeline_day(tmp_path: Path) -> None:
    aid = stable_id("art", TEXT)
    now = _event(TEXT, aid, "detained", date=None)
    past = _event(TEXT, aid, "had detained", date=None).model_copy(update={"historical": True})
    rec = Record(article=Article(id=aid, date="2022-01-10", text=TEXT), events=[now, past])
    path = tmp_path / "c.duckdb"
    with Store(path) as st:
        st.add([rec], source="hand-made")
    c = Corpus(str(path))
    t = c.timeline()
    assert t["periods"] == [{"start": "2022-01-10", "end": "2022-01-10"}]
    assert sum(sum(s["counts"]) for s in t["series"]) == 1
    dates = {r["historical"]: r["date"] for r in c.events(EventFilter())[1]}
    assert str(dates[False])[:10] == "2022-01-10"
    assert dates[True] is None
