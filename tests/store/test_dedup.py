"""Cross-article event clusters: the rule in wirewatch.store.dedup, case by case."""

from __future__ import annotations

import pytest

from _store_samples import _event, sample_records
from wirewatch.model import Article, Record, stable_id
from wirewatch.store import ClusterRule, Store, refresh_clusters
from wirewatch.store.dedup import actor_key, place_key


@pytest.fixture
def store():
    with Store(":memory:") as s:
        yield s


def _clusters(s: Store):
    return s.query(
        "SELECT plover_type, event_date, event_date_last, n_mentions, n_articles, goldstein, "
        "fatalities, plover_mode FROM event_clusters ORDER BY event_date, plover_type, n_mentions"
    ).to_dict("records")


def test_same_arrests_in_two_articles_are_one_cluster(store):
    store.add(sample_records(), source="s")
    assert refresh_clusters(store.con) == {"events": 5, "clusters": 4}
    rows = _clusters(store)
    first = rows[0]
    assert (first["plover_type"], first["n_mentions"], first["n_articles"]) == ("COERCE", 2, 2)
    assert first["goldstein"] == -6.0  # mean of -5 and -7
    assert first["fatalities"] == 2.0
    assert first["plover_mode"] == "arrest"
    # the 2022-01-09 arrests are outside the window; the denied arrest is never merged
    later = [r for r in rows if r["event_date"] == "2022-01-09"]
    assert [r["n_mentions"] for r in later] == [1, 1]
    members = store.query("SELECT count(*) AS n FROM event_cluster_members")["n"][0]
    assert members == 5


def test_refresh_is_idempotent_and_ids_stable(store):
    store.add(sample_records(), source="s")
    refresh_clusters(store.con)
    ids = set(store.query("SELECT cluster_id FROM event_clusters")["cluster_id"])
    refresh_clusters(store.con)
    assert set(store.query("SELECT cluster_id FROM event_clusters")["cluster_id"]) == ids


def _article(n: int, date: str, event_date: str | None, **kw) -> Record:
    text = f"Police detained protesters and journalists in Almaty. Story {n}."
    aid = stable_id("art", text)
    return Record(
        article=Article(id=aid, source_id=f"s{n}", date=date, text=text),
        events=[_event(text, aid, "detained", date=event_date, **kw)],
    )


@pytest.mark.parametrize(
    ("window", "dates", "sizes"),
    [
        (1, ["2022-01-05", "2022-01-06", "2022-01-07"], [2, 1]),
        (2, ["2022-01-05", "2022-01-06", "2022-01-07"], [3]),
        (0, ["2022-01-05", "2022-01-05", "2022-01-06"], [2, 1]),
        (1, ["2022-01-05", "2022-03-05", "2022-01-06"], [2, 1]),
    ],
)
def test_date_window(store, window, dates, sizes):
    store.add([_article(i, d, d) for i, d in enumerate(dates)], source="s")
    refresh_clusters(store.con, ClusterRule(window_days=window))
    got = store.query("SELECT n_mentions FROM event_clusters ORDER BY event_date")["n_mentions"]
    assert list(got) == sizes


def test_publication_date_stands_in_for_a_missing_event_date(store):
    store.add(
        [_article(1, "2022-01-05", "2022-01-05"), _article(2, "2022-01-06", None)], source="s"
    )
    refresh_clusters(store.con)
    assert list(store.query("SELECT n_articles FROM event_clusters")["n_articles"]) == [2]


def test_different_target_or_type_are_not_merged(store):
    store.add(
        [
            _article(1, "2022-01-05", "2022-01-05"),
            _article(2, "2022-01-05", "2022-01-05", tgt=("journalists", "KAZ", "MED")),
            _article(3, "2022-01-05", "2022-01-05", plover="ASSAULT", mode=None),
            _article(4, "2022-01-05", "2022-01-05", negated=True),
        ],
        source="s",
    )
    refresh_clusters(store.con)
    assert list(store.query("SELECT n_mentions FROM event_clusters")["n_mentions"]) == [1] * 4


@pytest.mark.parametrize(
    ("args", "key"),
    [
        (("Kazakh police", "KAZ", "COP"), "KAZ|COP"),
        (("The Protesters", None, None), "protesters"),
        (("police", None, "COP"), "|COP"),
        ((None, None, None), ""),
    ],
)
def test_actor_key(args, key):
    assert actor_key(*args) == key


@pytest.mark.parametrize(
    ("args", "key"),
    [
        (("Almaty", "KAZ", "Almaty"), "KAZ|almaty"),
        (("Almaty", "KAZ", None), "almaty"),
        ((None, "KAZ", None), "KAZ"),
        ((None, None, None), ""),
    ],
)
def test_place_key(args, key):
    assert place_key(*args) == key


def test_implied_protesters_cluster_like_named_protesters_of_their_country(store):
    """An agentless demonstration in Almaty (implied protesters, KAZ OPP) and a demonstration
    by named protesters there the same day are one real event; the next day's riot is not."""
    from _store_samples import protest_records

    store.add(protest_records(), source="s")
    refresh_clusters(store.con)
    got = store.query(
        "SELECT plover_mode, source_actor_country, source_actor_sector, n_mentions, n_articles "
        "FROM event_clusters ORDER BY event_date"
    ).to_dict("records")
    assert [tuple(r.values()) for r in got] == [
        ("demo", "KAZ", "OPP", 2, 2),
        ("riot", "KAZ", "CVL", 1, 1),
    ]
