"""The web view's pages and JSON API (FastAPI TestClient) on a store of hand-made records."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install -e '.[web]'")

from click.testing import CliRunner  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from conftest import IMG, SCRIPT, XSS_TEXT, web_records, xss_record  # noqa: E402
from wirewatch.cli.main import cli  # noqa: E402
from wirewatch.cli.web import allowed_hosts  # noqa: E402
from wirewatch.errors import StoreError  # noqa: E402
from wirewatch.web import create_app  # noqa: E402
from wirewatch.web.corpus import EVENT_COLUMNS, SORTS, actor_key  # noqa: E402

PAGES = ["/", "/articles", "/events", "/actors", "/timeline", "/map", "/sources", "/docs"]
APIS = [
    "/api/overview",
    "/api/articles",
    "/api/events",
    "/api/actors",
    "/api/quotes",
    "/api/sources",
    "/api/timeline",
    "/api/places",
]
XSS_ID = xss_record().article.id


@pytest.fixture(scope="module")
def client(web_db: Path):
    with TestClient(create_app(str(web_db))) as c:
        yield c


def _no_raw_payload(html: str) -> None:
    assert SCRIPT not in html
    assert IMG not in html
    assert "<img" not in html


# -- pages ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", PAGES + [f"/articles/{XSS_ID}"])
def test_every_page_renders_with_a_strict_csp(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self';" in csp and "unsafe-inline" not in csp.split("script-src")[1][:30]
    assert r.headers["x-content-type-options"] == "nosniff"
    _no_raw_payload(r.text)


@pytest.mark.parametrize("path", [f"/articles/{XSS_ID}", "/events", "/sources", "/"])
def test_payloads_are_escaped_as_text(client: TestClient, path: str) -> None:
    html = client.get(path).text
    assert "&lt;img src=x onerror=alert(1)&gt;" in html or "&lt;script&gt;" in html
    _no_raw_payload(html)


def test_article_page_holds_the_escaped_text(client: TestClient) -> None:
    html = client.get(f"/articles/{XSS_ID}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; must stop" in html
    assert "Hostile &lt;script&gt;alert(1)&lt;/script&gt; title" in html
    assert 'href="javascript:' not in html  # the url is shown as text, not linked


def test_no_inline_script_on_any_page(client: TestClient) -> None:
    for path in PAGES[:-1] + [f"/articles/{XSS_ID}"]:
        html = client.get(path).text
        for chunk in html.split("<script")[1:]:
            assert chunk.lstrip().startswith('src="/static/'), (path, chunk[:80])


def test_unknown_article_is_a_404_page_and_json(client: TestClient) -> None:
    r = client.get("/articles/art_0000000000000000")
    assert r.status_code == 404 and "no article" in r.text
    r = client.get("/api/articles/art_0000000000000000")
    assert r.status_code == 404 and r.json()["detail"].startswith("no article")


# -- JSON API ------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", APIS)
def test_json_endpoints(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/json"


def test_article_api_returns_the_stored_record(client: TestClient) -> None:
    for rec in web_records():
        got = client.get(f"/api/articles/{rec.article.id}").json()
        want = rec.model_dump(mode="json")
        # the store keeps no order for entities; the API orders them by first mention
        assert sorted(got.pop("entities"), key=lambda e: e["id"]) == sorted(
            want.pop("entities"), key=lambda e: e["id"]
        )
        assert got == want


def test_article_api_offsets_index_the_text(client: TestClient) -> None:
    rec = client.get(f"/api/articles/{XSS_ID}").json()
    text = rec["article"]["text"]
    assert text == XSS_TEXT

    def spans(v):
        if isinstance(v, dict):
            if "start_char" in v and "end_char" in v:
                yield v
            for x in v.values():
                yield from spans(x)
        elif isinstance(v, list):
            for x in v:
                yield from spans(x)

    found = list(spans(rec))
    assert len(found) > 10
    for s in found:
        assert text[s["start_char"] : s["end_char"]] == s["text"]


def test_articles_list_and_search(client: TestClient) -> None:
    body = client.get("/api/articles").json()
    assert body["total"] == 4
    xss = next(a for a in body["items"] if a["id"] == XSS_ID)
    assert (xss["n_events"], xss["n_quotes"], xss["n_entities"]) == (2, 1, 2)
    assert client.get("/api/articles", params={"q": "riot police"}).json()["total"] == 1
    assert client.get("/api/articles", params={"per_page": 1, "page": 2}).json()["items"][0]


def test_overview(client: TestClient) -> None:
    body = client.get("/api/overview").json()
    assert body["counts"]["articles"] == 4
    assert body["counts"]["events"] == 7
    assert body["top_event_types"][0] == {"plover_type": "COERCE", "n": 4}
    assert (body["top_actors"][0]["id"], body["top_actors"][0]["n_events"]) == ("protesters", 5)


def test_events_row_columns(client: TestClient) -> None:
    items = client.get("/api/events", params={"per_page": 500}).json()["items"]
    assert len(items) == 7
    assert all(list(i) == list(EVENT_COLUMNS) for i in items)


@pytest.mark.parametrize(
    ("params", "n"),
    [
        ({}, 7),
        ({"plover_type": "PROTEST"}, 2),
        ({"acled_event_type": "Violence against civilians"}, 1),
        ({"actor": "POLICE"}, 5),
        ({"actor": "onerror"}, 1),
        ({"country": "kaz"}, 7),
        ({"country": "USA"}, 0),
        ({"date_from": "2022-01-09"}, 4),
        ({"date_to": "2022-01-05"}, 3),
        ({"date_from": "2022-01-06", "date_to": "2022-01-09"}, 2),
        ({"place": "almaty"}, 7),
        ({"place": "lagos"}, 0),
        ({"source_actor": "police"}, 4),
        ({"source_actor": "police", "target_actor": "journalists"}, 1),
        ({"article_id": XSS_ID}, 2),
        ({"plover_type": "", "actor": ""}, 7),  # empty form fields are no condition
        ({"actor": "' OR 1=1 --"}, 0),  # bound parameter, not SQL
        ({"place": "%"}, 0),
    ],
)
def test_event_filters(client: TestClient, params: dict, n: int) -> None:
    body = client.get("/api/events", params=params).json()
    assert body["total"] == n, body
    assert len(body["items"]) == n


@pytest.mark.parametrize("sort", sorted(SORTS))
def test_event_sorts(client: TestClient, sort: str) -> None:
    asc = client.get("/api/events", params={"sort": sort, "order": "asc"}).json()["items"]
    desc = client.get("/api/events", params={"sort": sort, "order": "desc"}).json()["items"]
    assert {e["id"] for e in asc} == {e["id"] for e in desc}


def test_sort_keys_match_the_whitelist() -> None:
    import typing

    from wirewatch.web.routes.events import SortKey

    assert set(typing.get_args(SortKey)) == set(SORTS)


def test_sort_by_goldstein_orders_rows(client: TestClient) -> None:
    items = client.get("/api/events", params={"sort": "goldstein", "order": "asc"}).json()["items"]
    values = [e["goldstein"] for e in items if e["goldstein"] is not None]
    assert values == sorted(values)


@pytest.mark.parametrize(
    "params",
    [
        {"sort": "id; DROP TABLE events"},
        {"order": "sideways"},
        {"per_page": 0},
        {"per_page": 501},
        {"page": 0},
        {"date_from": "yesterday"},
        {"country": "KAZAKHSTAN"},
    ],
)
def test_bad_parameters_are_rejected(client: TestClient, params: dict) -> None:
    assert client.get("/api/events", params=params).status_code == 422


def test_events_pagination(client: TestClient) -> None:
    seen = []
    for page in (1, 2, 3):
        body = client.get("/api/events", params={"per_page": 3, "page": page}).json()
        assert body["total"] == 7
        seen += [e["id"] for e in body["items"]]
    assert len(seen) == len(set(seen)) == 7


def test_events_page_links_keep_the_filter(client: TestClient) -> None:
    html = client.get("/events", params={"plover_type": "COERCE", "per_page": 2}).text
    assert "/api/events.csv?plover_type=COERCE&amp;sort=date&amp;order=desc" in html
    assert "/events?plover_type=COERCE&amp;sort=date&amp;order=desc&amp;page=2" in html
    assert html.count('class="evt-link"') == 2


def test_csv_download_of_the_current_filter(client: TestClient) -> None:
    r = client.get("/api/events.csv", params={"plover_type": "COERCE", "sort": "date"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(r.text)))
    assert tuple(rows[0]) == EVENT_COLUMNS
    assert len(rows) == 1 + 4
    assert {row[EVENT_COLUMNS.index("plover_type")] for row in rows[1:]} == {"COERCE"}


def test_csv_neutralises_formulas() -> None:
    from wirewatch.web.routes.events import _cell

    assert _cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert _cell("@SUM(A1)") == "'@SUM(A1)"
    assert _cell("-2+3") == "'-2+3"
    assert _cell(-9.0) == -9.0 and _cell("Almaty") == "Almaty" and _cell(None) is None


def test_actor_network(client: TestClient) -> None:
    net = client.get("/api/actors").json()
    ids = {n["id"] for n in net["nodes"]}
    assert {"police", "protesters", "journalists", "riot police", actor_key(IMG)} <= ids
    edge = next(e for e in net["edges"] if (e["source"], e["target"]) == ("police", "protesters"))
    assert edge["count"] == 3 and edge["quad_class"] == 4 and edge["conflict"] == 3
    # an edge's events: the dyad filter
    body = client.get(
        "/api/events", params={"source_actor": edge["source"], "target_actor": edge["target"]}
    ).json()
    assert body["total"] == edge["count"]
    assert client.get("/api/actors", params={"limit": 2}).json()["nodes"].__len__() == 2


def test_quotes_and_sources(client: TestClient) -> None:
    q = client.get("/api/quotes").json()
    assert q["total"] == 2
    evil = client.get("/api/quotes", params={"speaker": actor_key(IMG)}).json()
    assert evil["total"] == 1
    assert evil["items"][0]["content_text"] == f"{SCRIPT} must stop,"
    speakers = {s["name"]: s for s in client.get("/api/sources").json()}
    s = speakers[IMG]
    assert s["n_quotes"] == 1 and s["roles"] == [IMG] and s["sectors"] == ["OPP"]
    assert (
        s["stances"][0]["relation"] == "disagree" and s["stances"][0]["to_name"] == "the ministry"
    )
    assert speakers["opposition"]["n_stances"] == 1
    assert speakers["Kassym-Jomart Tokayev"]["roles"] == ["President"]
    assert [x["name"] for x in client.get("/api/sources", params={"q": "tokay"}).json()] == [
        "Kassym-Jomart Tokayev"
    ]


def test_timeline(client: TestClient) -> None:
    t = client.get("/api/timeline").json()
    assert t["unit"] == "day"
    assert t["periods"][0] == {"start": "2022-01-05", "end": "2022-01-05"}
    assert t["periods"][-1]["start"] == "2022-01-10"
    assert sum(sum(s["counts"]) for s in t["series"]) == 7
    m = client.get("/api/timeline", params={"unit": "month"}).json()
    assert m["periods"] == [{"start": "2022-01-01", "end": "2022-01-31"}]
    f = client.get("/api/timeline", params={"plover_type": "PROTEST"}).json()
    assert [s["plover_type"] for s in f["series"]] == ["PROTEST"]


def test_places(client: TestClient) -> None:
    places = client.get("/api/places").json()
    assert sum(p["n_events"] for p in places) == 7
    assert places[0]["name"] == "Almaty" and places[0]["lat"] == 43.25


# -- OpenAPI, docs and assets --------------------------------------------------------------------


def test_openapi_lists_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for p in APIS + ["/api/articles/{article_id}", "/api/events.csv"]:
        assert p in spec["paths"], p
    assert "Record" in spec["components"]["schemas"]
    assert "EventRow" in spec["components"]["schemas"]


def test_docs_work_offline(client: TestClient) -> None:
    html = client.get("/docs").text
    assert "http://" not in html and "https://" not in html
    assert '<script src="/static/docs/swagger-ui-bundle.js">' in html
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css", "favicon.png"):
        assert client.get(f"/static/docs/{asset}").status_code == 200
    js = client.get("/static/docs-init.js").text
    assert "/openapi.json" in js


def test_static_assets_come_from_memory(client: TestClient) -> None:
    r = client.get("/static/app.css")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/css")
    assert (
        client.get("/static/app.css", headers={"If-None-Match": r.headers["etag"]}).status_code
        == 304
    )
    world = client.get("/static/world.json").json()
    assert "Natural Earth" in world["source"] and len(world["countries"]) > 150
    for bad in ("/static/nope.js", "/static/..%2F..%2Fpyproject.toml", "/static/%2e%2e/app.py"):
        assert client.get(bad).status_code == 404, bad


def test_no_cdn_in_assets(client: TestClient) -> None:
    for name in ("app.css", "common.js", "article.js", "actors.js", "timeline.js", "map.js"):
        body = client.get(f"/static/{name}").text
        assert "http://" not in body.replace("http://www.w3.org/2000/svg", "")
        assert "https://" not in body
        assert "innerHTML" not in body and "insertAdjacentHTML" not in body


# -- security of the app itself ------------------------------------------------------------------


def test_store_is_opened_read_only(web_db: Path) -> None:
    app = create_app(str(web_db))
    with pytest.raises(Exception, match="(?i)read.only"):
        app.state.corpus.store.con.execute("CREATE TABLE pwned (i INTEGER)")
    app.state.corpus.close()


def test_missing_store_fails_kindly(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="run wirewatch ingest first"):
        create_app(str(tmp_path / "absent.duckdb"))


def test_foreign_host_header_is_rejected(web_db: Path) -> None:
    app = create_app(str(web_db), allowed_hosts=allowed_hosts("127.0.0.1"))
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/overview").status_code == 200
        assert c.get("/api/overview", headers={"Host": "evil.example"}).status_code == 400


def test_allowed_hosts() -> None:
    assert "localhost" in allowed_hosts("127.0.0.1")
    assert "::1" in allowed_hosts("::1")
    assert allowed_hosts("0.0.0.0") is None


# -- the command ---------------------------------------------------------------------------------


def test_serve_help_ends_with_an_example() -> None:
    from wirewatch.cli.web import serve

    assert serve.help.strip().splitlines()[-1].strip() == (
        "Example: wirewatch serve --db corpus.duckdb"
    )
    out = CliRunner().invoke(cli, ["serve", "--help"])
    assert out.exit_code == 0
    assert "Example: wirewatch serve --db corpus.duckdb" in out.output
    assert "127.0.0.1" in out.output and "8000" in out.output


def test_serve_without_the_web_extra(monkeypatch: pytest.MonkeyPatch, web_db: Path) -> None:
    monkeypatch.setitem(sys.modules, "fastapi", None)  # import fastapi -> ImportError
    out = CliRunner().invoke(cli, ["serve", "--db", str(web_db)])
    assert out.exit_code == 1
    assert "install wirewatch[web] to use serve" in out.output


def test_serve_with_a_missing_store(tmp_path: Path) -> None:
    out = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert out.exit_code == 1
    assert "no such store" in out.output


def test_serve_runs_uvicorn_on_loopback(monkeypatch: pytest.MonkeyPatch, web_db: Path) -> None:
    import uvicorn

    calls = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.update(kw))
    out = CliRunner().invoke(cli, ["serve", "--db", str(web_db), "--port", "8765"])
    assert out.exit_code == 0, out.output
    assert calls == {"host": "127.0.0.1", "port": 8765, "log_level": "warning"}
    assert "http://127.0.0.1:8765/" in out.output


def test_quotes_carry_content_parts(aside_db: Path, tmp_path: Path) -> None:
    """A discontinuous content: the quote rows list its parts and show them joined; the hull
    stays in content_text. A store made before the field reads its quotes with no parts."""
    import shutil

    import duckdb

    with TestClient(create_app(str(aside_db))) as c:
        (item,) = c.get("/api/quotes").json()["items"]
        hull = "Kenya and Uganda, the minister said on Monday, lost the most votes"
        assert item["content_text"] == hull
        assert [(p["start_char"], p["end_char"], p["text"]) for p in item["content_parts"]] == [
            (0, 16, "Kenya and Uganda"),
            (47, 66, "lost the most votes"),
        ]
        assert item["content_shown"] == "Kenya and Uganda … lost the most votes"
        (speaker,) = c.get("/api/sources").json()
        assert speaker["quotes"][0]["content_shown"] == "Kenya and Uganda … lost the most votes"
        html = c.get("/sources").text
        assert "“Kenya and Uganda … lost the most votes”" in html and hull not in html
    old = tmp_path / "old.duckdb"
    shutil.copy(aside_db, old)
    con = duckdb.connect(str(old))
    con.execute("ALTER TABLE quotes DROP COLUMN content_parts")  # as written before the field
    con.close()
    with TestClient(create_app(str(old))) as c:  # opened read-only: no column is added
        (item,) = c.get("/api/quotes").json()["items"]
        assert item["content_parts"] == [] and item["content_shown"] == item["content_text"]
        assert c.get("/api/sources").json()[0]["quotes"][0]["content_shown"] == hull
        rec = c.get(f"/api/articles/{item['article_id']}").json()
        assert rec["quotes"][0]["content_parts"] == []


def test_implied_actors_are_marked_in_the_events_views(tmp_path: Path) -> None:
    """An implied source actor (ActorRef.implied) is flagged in the API rows and shown in
    italics with "(implied)" in the events table; a store made before the field, opened
    read-only, reads every actor as named."""
    import duckdb

    from _store_samples import protest_records
    from wirewatch.store import Store

    db = tmp_path / "p.duckdb"
    with Store(db) as st:
        st.add(protest_records(), source="hand-made")
    with TestClient(create_app(str(db))) as c:
        items = c.get("/api/events").json()["items"]
        assert sorted((i["source_actor_name"], i["source_actor_implied"]) for i in items) == [
            ("protesters", False),
            ("protesters", True),
            ("rioters", True),
        ]
        html = c.get("/events").text
        assert "<em" in html and 'rioters</em> <span class="muted">(implied)</span>' in html
        assert html.count("(implied)") == 2
        rec = c.get(f"/api/articles/{protest_records()[0].article.id}").json()
        assert rec["events"][0]["source_actor"]["implied"] is True
    con = duckdb.connect(str(db))
    for side in ("source", "target"):  # as written before the field
        con.execute(f"ALTER TABLE events DROP COLUMN {side}_actor_implied")
    con.close()
    with TestClient(create_app(str(db))) as c:  # opened read-only: no column is added
        items = c.get("/api/events").json()["items"]
        assert [i["source_actor_implied"] for i in items] == [False, False, False]
        assert "(implied)" not in c.get("/events").text
