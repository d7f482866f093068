"""Exports of a store built from hand-made records: GDELT, ACLED, PLOVER, GraphML, Parquet, CSV."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

from _store_samples import sample_records
from wirewatch.errors import ConfigError
from wirewatch.export.acled import ACLED_COLUMNS, to_acled
from wirewatch.export.corpus import export_store
from wirewatch.export.gdelt import GDELT_COLUMNS, to_gdelt
from wirewatch.export.graph import GRAPHML_NS
from wirewatch.export.plover import plover_records
from wirewatch.model import Article, Record, stable_id
from wirewatch.store import Store, refresh_clusters


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = tmp_path_factory.mktemp("exp") / "s.duckdb"
    with Store(db) as s:
        s.add(sample_records(), source="s")
        refresh_clusters(s.con)
    with Store(db, read_only=True) as ro:
        yield ro


def test_gdelt_61_columns_tab_separated_no_header(store, tmp_path):
    out = tmp_path / "g.tsv"
    res = export_store(store, "gdelt", out)
    assert res["rows"] == 3  # 4 clusters, the denied arrest left out
    df = pd.read_csv(out, sep="\t", header=None, dtype=str, keep_default_na=False)
    assert df.shape == (3, 61)
    df.columns = list(GDELT_COLUMNS)
    first = df.iloc[0]
    assert first["SQLDATE"] == "20220105" and first["MonthYear"] == "202201"
    assert (first["Actor1Code"], first["Actor1CountryCode"], first["Actor1Type1Code"]) == (
        "KAZCOP",
        "KAZ",
        "COP",
    )
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == (
        "173",
        "173",
        "17",
    )
    assert (first["NumMentions"], first["NumArticles"], first["NumSources"]) == ("2", "2", "2")
    assert first["GoldsteinScale"] == "-6" and first["QuadClass"] == "4"
    assert first["ActionGeo_CountryCode"] == "KZ"  # FIPS 10-4
    assert first["ActionGeo_Type"] == "4"
    assert first["AvgTone"] == "" and first["Actor1Geo_Type"] == ""
    assert first["SOURCEURL"] == "https://news.example/2022/01/05/a1"


def test_gdelt_dataframe_and_event_level(store):
    assert list(to_gdelt(store).columns) == list(GDELT_COLUMNS) and len(GDELT_COLUMNS) == 61
    ev = to_gdelt(store, "events")
    assert len(ev) == 4 and set(ev["NumMentions"]) == {"1"}


def test_acled_columns_and_values(store, tmp_path):
    out = tmp_path / "a.csv"
    export_store(store, "acled-csv", out)
    df = pd.read_csv(out)
    assert list(df.columns) == list(ACLED_COLUMNS)
    for col in (
        "event_date",
        "event_type",
        "sub_event_type",
        "actor1",
        "actor2",
        "country",
        "admin1",
        "location",
        "latitude",
        "longitude",
        "fatalities",
        "notes",
        "source",
    ):
        assert col in df.columns
    assert len(df) == 3
    row = df.iloc[0]
    assert (row["event_date"], row["country"], row["admin1"], row["location"]) == (
        "2022-01-05",
        "Kazakhstan",
        "Almaty",
        "Almaty",
    )
    assert row["fatalities"] == 2 and row["iso"] == 398
    # ACLED codes arrested protesters as protesters (inter 6), not civilians
    assert (row["inter1"], row["inter2"], row["interaction"]) == (1, 6, 16)
    assert row["actor2"] == "Protesters (Kazakhstan)" and pd.isna(row["civilian_targeting"])
    assert row["notes"].startswith("Police detained 200 protesters")
    protest = df[df["event_type"] == "Protests"].iloc[0]
    assert protest["inter1"] == 6 and protest["disorder_type"] == "Demonstrations"
    assert sorted(to_acled(store, "events")["fatalities"]) == [0, 0, 0, 2]


def test_plover_jsonl(store, tmp_path):
    out = tmp_path / "p.jsonl"
    assert export_store(store, "plover-jsonl", out)["rows"] == 5
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    r = next(x for x in recs if x.get("size", {}).get("dead") == 2)
    assert r["event"] == ["COERCE"] and r["mode"] == ["arrest"] and r["date"] == "2022-01-05"
    assert r["actor"] == [
        {"code": "KAZ", "sector": "COP", "entity_text": "Police", "identifier_text": "Police"}
    ]
    assert r["recipient"][0]["sector"] == "CVL"
    assert r["event_loc"]["country_code"] == "KAZ" and r["event_loc"]["resolution"] == 4
    text = sample_records()[0].article.text
    assert text[r["text_info"]["start"] : r["text_info"]["end"]] == r["event_text"][0]
    assert sum(x["negated"] for x in recs) == 1
    clusters = [
        json.loads(x)
        for x in (export_store(store, "plover-jsonl", out, level="clusters"), out.read_text())[
            1
        ].splitlines()
    ]
    assert max(c["n_articles"] for c in clusters) == 2


def test_graphml_actor_network(store, tmp_path):
    out = tmp_path / "g.graphml"
    res = export_store(store, "graphml", out)
    assert (res["nodes"], res["edges"]) == (2, 1)
    ns = {"g": GRAPHML_NS}
    root = ET.parse(out).getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", ns)}
    nodes = {
        n.get("id"): {keys[d.get("key")]: d.text for d in n.findall("g:data", ns)}
        for n in root.findall("g:graph/g:node", ns)
    }
    (edge,) = root.findall("g:graph/g:edge", ns)
    data = {keys[d.get("key")]: d.text for d in edge.findall("g:data", ns)}
    assert nodes[edge.get("source")]["sector"] == "COP"
    assert nodes[edge.get("target")]["sector"] == "CVL"
    assert data == {"n_events": "2", "goldstein_mean": "-5.5", "plover_types": "COERCE"}
    nx = pytest.importorskip("networkx")
    g = nx.read_graphml(out)
    assert g.number_of_nodes() == 2 and g.is_directed()


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_table_exports(store, tmp_path, fmt):
    out = tmp_path / f"t.{fmt}"
    res = export_store(store, fmt, out, table="event_clusters")
    df = pd.read_parquet(out) if fmt == "parquet" else pd.read_csv(out)
    assert len(df) == res["rows"] == 4
    assert {"n_mentions", "n_articles", "plover_type"} <= set(df.columns)


def test_unknown_format_or_table(store, tmp_path):
    with pytest.raises(ConfigError, match="format"):
        export_store(store, "xlsx", tmp_path / "x")
    with pytest.raises(ConfigError, match="table"):
        export_store(store, "csv", tmp_path / "x", table="pg_catalog")


def test_acled_leaves_out_events_without_an_acled_type(tmp_path):
    """A diplomatic call (PLOVER CONSULT, no ACLED type) is not an ACLED row unless asked."""
    from _store_samples import _event

    text = "Blinken spoke with Tileuberdi in Almaty by phone on Thursday."
    aid = stable_id("art", text)
    call = _event(
        text,
        aid,
        "spoke",
        plover="CONSULT",
        mode="phone",
        cameo="040",
        src=("Blinken", "USA", "GOV"),
        tgt=("Tileuberdi", "KAZ", "GOV"),
    ).model_copy(update={"acled_event_type": None, "acled_sub_event_type": None})
    rec = Record(article=Article(id=aid, source_id="c", text=text), events=[call])
    with Store(tmp_path / "c.duckdb") as s:
        s.add([*sample_records(), rec], source="s")
        refresh_clusters(s.con)
        assert len(to_acled(s, "events")) == 4  # the 4 factual arrests/protests
        everything = to_acled(s, "events", acled_only=False)
        assert len(everything) == 5
        assert everything["event_type"].isna().sum() == 1


def test_gdelt_dateadded_is_when_the_first_report_was_stored(store):
    df = to_gdelt(store)
    added = store.con.execute("SELECT min(added_at), max(added_at) FROM inputs").fetchone()
    lo, hi = (t.strftime("%Y%m%d%H%M%S") for t in added)
    assert df["DATEADDED"].notna().all()
    assert df["DATEADDED"].between(lo, hi).all() and df["DATEADDED"].str.len().eq(14).all()


def test_quotes_table_export_has_a_content_parts_column(tmp_path):
    """CSV of the quotes table (our format): the existing columns stay, content_parts is added
    as JSON ("[]" for a one-piece content)."""
    from _store_samples import aside_record

    db = tmp_path / "q.duckdb"
    with Store(db) as s:
        s.add([*sample_records()[:1], aside_record()], source="s")
        out = tmp_path / "quotes.csv"
        export_store(s, "csv", out, table="quotes")
    df = pd.read_csv(out).sort_values("content_start_char")
    cols = list(df.columns)
    assert cols.index("content_text") < cols.index("content_parts")
    assert {"source_text", "cue_text", "content_start_char", "content_end_char"} <= set(cols)
    parts = {r.content_text: json.loads(r.content_parts) for r in df.itertuples()}
    assert parts["We will restore order,"] == []
    hull = "Kenya and Uganda, the minister said on Monday, lost the most votes"
    assert [p["text"] for p in parts[hull]] == ["Kenya and Uganda", "lost the most votes"]


@pytest.fixture(scope="module")
def protest_store(tmp_path_factory):
    from _store_samples import protest_records

    db = tmp_path_factory.mktemp("prot") / "p.duckdb"
    with Store(db) as s:
        s.add(protest_records(), source="s")
        refresh_clusters(s.con)
    with Store(db, read_only=True) as ro:
        yield ro


def test_acled_names_implied_crowds_in_its_own_form(protest_store, tmp_path):
    """ACLED Codebook: a demonstration's crowd is "Protesters (Country)" (inter 6) in a protest
    and "Rioters (Country)" (inter 5) in a riot, named or not; alone it is interaction 60 / 50."""
    out = tmp_path / "a.csv"
    export_store(protest_store, "acled-csv", out, level="events")
    df = pd.read_csv(out)
    got = sorted(zip(df["event_type"], df["actor1"], df["inter1"], df["interaction"], strict=True))
    assert got == [
        ("Protests", "Protesters (Kazakhstan)", 6, 60),
        ("Protests", "Protesters (Kazakhstan)", 6, 60),
        ("Riots", "Rioters (Kazakhstan)", 5, 50),
    ]
    # one real demonstration: the cluster's representative is either report, both KAZ OPP
    clusters = to_acled(protest_store)
    assert len(clusters) == 2 and sorted(clusters["inter1"]) == [5, 6]


def test_plover_and_gdelt_carry_implied_actors_codes(protest_store, tmp_path):
    out = tmp_path / "p.jsonl"
    export_store(protest_store, "plover-jsonl", out)
    actors = sorted(
        (json.loads(line)["actor"][0] for line in out.read_text().splitlines()),
        key=lambda a: a["entity_text"],
    )
    assert actors == [
        {
            "code": "KAZ",
            "sector": "OPP",
            "entity_text": "Demonstrations",
            "identifier_text": "protesters",
            "implied": True,
        },
        {
            "code": "KAZ",
            "sector": "CVL",
            "entity_text": "Rioting",
            "identifier_text": "rioters",
            "implied": True,
        },
        {
            "code": "KAZ",
            "sector": "OPP",
            "entity_text": "protesters",
            "identifier_text": "protesters",
        },
    ]
    g = to_gdelt(protest_store, "events")
    assert sorted(zip(g["Actor1Code"], g["Actor1Name"], strict=True)) == [
        ("KAZCVL", "RIOTERS"),
        ("KAZOPP", "PROTESTERS"),
        ("KAZOPP", "PROTESTERS"),
    ]


@pytest.fixture(scope="module")
def dated_store(tmp_path_factory):
    """One article (published 2021-06-04) with three arrests: one dated by its own words (a
    week), one the text gives no date (the publication date stands for it), and one recalled as
    history with no date of its own."""
    from _store_samples import _event

    text = (
        "Police detained 30 students in Almaty this week. Police detained 12 miners in Almaty. "
        "It was the anniversary of a raid in Almaty when police detained nine farmers."
    )
    aid = stable_id("art", text)
    week = _event(text, aid, "detained 30", tgt=("students", "KAZ", "EDU"), date="2021-05-31")
    week = week.model_copy(update={"date_precision": "week"})
    undated = _event(text, aid, "detained 12", tgt=("miners", "KAZ", "LAB"), date=None)
    past = _event(text, aid, "detained nine", tgt=("farmers", "KAZ", "AGR"), date=None)
    past = past.model_copy(update={"historical": True})
    rec = Record(
        article=Article(id=aid, source_id="d", date="2021-06-04", text=text),
        events=[week, undated, past],
    )
    db = tmp_path_factory.mktemp("dates") / "d.duckdb"
    with Store(db) as s:
        s.add([rec], source="s")
        refresh_clusters(s.con)
    with Store(db, read_only=True) as ro:
        yield ro


@pytest.mark.parametrize("level", ["events", "clusters"])
def test_acled_dates_by_where_the_date_comes_from(dated_store, level):
    """ACLED: the text's week is time_precision 2, the publication date 2 (not a known day),
    and the undated past event is no row."""
    df = to_acled(dated_store, level)
    cols = (df["event_date"], df["time_precision"], df["actor2"], df["assoc_actor_2"])
    got = sorted(zip(*cols, strict=True))
    assert got == [
        ("2021-05-31", 2, "Civilians (Kazakhstan)", "students"),
        ("2021-06-04", 2, "Civilians (Kazakhstan)", "miners"),
    ]


@pytest.mark.parametrize("level", ["events", "clusters"])
def test_gdelt_sqldate_is_never_a_past_events_report_date(dated_store, level):
    """GDELT's SQLDATE is the date the event took place: the text's date, else the report's;
    the undated past event has none and is left out."""
    df = to_gdelt(dated_store, level)
    assert sorted(df["SQLDATE"]) == ["20210531", "20210604"]
    assert set(df["Actor2Type1Code"]) == {"EDU", "LAB"}


def test_plover_keeps_the_past_event_undated_and_says_where_dates_come_from(dated_store):
    recs = {r["recipient"][0]["sector"]: r for r in plover_records(dated_store)}
    assert (recs["EDU"]["date"], recs["EDU"]["date_source"], recs["EDU"]["date_precision"]) == (
        "2021-05-31",
        "text",
        "week",
    )
    assert (recs["LAB"]["date"], recs["LAB"]["date_source"]) == ("2021-06-04", "publication")
    assert "date_precision" not in recs["LAB"]
    assert recs["AGR"]["date"] is None and recs["AGR"]["historical"] is True
    assert "date_source" not in recs["AGR"]


def test_an_undated_past_event_joins_no_cluster_by_its_report_date(dated_store):
    """Dedup: with no date of its own a past event has no date to cluster on."""
    rows = dated_store.con.execute(
        "SELECT k.event_date, k.n_mentions FROM event_clusters k "
        "JOIN events e ON e.id = k.rep_event_id WHERE e.historical"
    ).fetchall()
    assert rows == [(None, 1)]


def test_gdelt_sqldate_of_an_article_with_no_date_at_all_is_the_day_it_was_stored(tmp_path):
    """No date in the text and no publication date (a bare text file): SQLDATE may not be
    empty, so it is the day the report was stored (DATEADDED's day), as GDELT dates a report."""
    from _store_samples import _event

    text = "Police detained 12 miners in Almaty."
    aid = stable_id("art", text)
    rec = Record(
        article=Article(id=aid, source_id="u", text=text),
        events=[_event(text, aid, "detained", tgt=("miners", "KAZ", "LAB"), date=None)],
    )
    with Store(tmp_path / "u.duckdb") as s:
        s.add([rec], source="s")
        refresh_clusters(s.con)
        df = to_gdelt(s, "events")
    assert len(df) == 1
    assert df["SQLDATE"].iloc[0] == df["DATEADDED"].iloc[0][:8]
    assert str(df["Year"].iloc[0]) == df["DATEADDED"].iloc[0][:4]
