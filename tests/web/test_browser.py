"""The web view in real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

The server runs in a thread on a free loopback port over the hand-made store of conftest.py.
Every request that leaves 127.0.0.1 is blocked and recorded (the pages must work offline), every
JavaScript dialog is recorded (the XSS payloads must stay inert), and every page error fails the
test. Screenshots land in artifacts/screenshots/ (gitignored).

Skipped only when chromium or playwright is missing AND ``CI`` is unset; under CI they must run.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import IMG, SCRIPT, aside_record, nested_record, xss_record

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
IN_CI = os.environ.get("CI", "").lower() not in ("", "0", "false", "no")

_missing = []
if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
    _missing.append(f"{CHROMIUM} (apt-get install chromium)")
try:
    import playwright.sync_api  # noqa: F401
except ImportError:
    _missing.append("playwright (pip install -e '.[test]')")
try:
    import fastapi  # noqa: F401
    import uvicorn
except ImportError:
    _missing.append("the web extra (pip install -e '.[web]')")

if _missing and not IN_CI:
    pytest.skip(
        "browser tests need " + " and ".join(_missing) + "; `make test` installs them",
        allow_module_level=True,
    )

from playwright.sync_api import Browser, Page, expect, sync_playwright  # noqa: E402

from wirewatch.model import Record  # noqa: E402
from wirewatch.web import create_app  # noqa: E402

XSS_ID = xss_record().article.id
pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _serve(db: Path) -> Iterator[str]:
    """``wirewatch serve`` over ``db`` in a thread on a free loopback port; yields its URL."""
    from wirewatch.cli.web import allowed_hosts

    port = _free_port()
    app = create_app(str(db), allowed_hosts=allowed_hosts("127.0.0.1"))
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def base_url(web_db: Path) -> Iterator[str]:
    with _serve(web_db) as url:
        yield url


@pytest.fixture(scope="module")
def nested_url(nested_db: Path) -> Iterator[str]:
    with _serve(nested_db) as url:
        yield url


@pytest.fixture(scope="module")
def aside_url(aside_db: Path) -> Iterator[str]:
    with _serve(aside_db) as url:
        yield url


@pytest.fixture(scope="module")
def example_url(example_db: Path) -> Iterator[str]:
    with _serve(example_db) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


class Watch:
    """What a page did that it should not: dialogs, page errors, requests off this host."""

    def __init__(self) -> None:
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.external: list[str] = []

    def check(self) -> None:
        assert self.dialogs == [], f"a dialog fired: {self.dialogs}"
        assert self.errors == [], f"page errors: {self.errors}"
        assert self.external == [], f"requests left 127.0.0.1: {self.external}"


@pytest.fixture()
def page(browser: Browser) -> Iterator[tuple[Page, Watch]]:
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    watch = Watch()

    def route(r):  # type: ignore[no-untyped-def]
        if urlsplit(r.request.url).hostname != "127.0.0.1":
            watch.external.append(r.request.url)
            return r.abort()
        return r.continue_()

    ctx.route("**/*", route)
    pg = ctx.new_page()
    pg.on("dialog", lambda d: (watch.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: watch.errors.append(str(e)))
    yield pg, watch
    ctx.close()
    watch.check()


def shot(pg: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_overview_page(page: tuple[Page, Watch], base_url: str) -> None:
    pg, _ = page
    pg.goto(base_url + "/")
    expect(pg.locator("#counts .card")).to_have_count(7)
    expect(pg.locator("#counts")).to_contain_text("articles")
    # the hostile title is listed as text
    expect(pg.get_by_role("link", name=f"Hostile {SCRIPT} title")).to_be_visible()
    shot(pg, "overview")


def test_article_xss_payload_stays_inert(page: tuple[Page, Watch], base_url: str) -> None:
    pg, watch = page
    pg.goto(f"{base_url}/articles/{XSS_ID}")
    text = pg.locator("#article-text[data-ready='1']")
    expect(text).to_be_visible()
    content = text.text_content() or ""
    assert SCRIPT in content and IMG in content
    assert pg.locator("#article-text script, #article-text img").count() == 0
    assert pg.locator("img").count() == 0
    expect(pg.locator("#article-title")).to_have_text(f"Hostile {SCRIPT} title")
    # the payload entity renders as text in the list and in the detail
    pg.get_by_role("tab", name="Entities (2)").click()
    pg.locator(".rec-btn", has_text="onerror").click()
    expect(pg.locator("#record-detail")).to_contain_text(IMG)
    pg.wait_for_timeout(300)
    assert watch.dialogs == []
    shot(pg, "article_xss")


def test_article_to_event_to_evidence(page: tuple[Page, Watch], base_url: str) -> None:
    pg, _ = page
    pg.goto(f"{base_url}/articles/{XSS_ID}")
    expect(pg.locator("#article-text[data-ready='1']")).to_be_visible()
    # click the event's trigger word in the text
    trigger = pg.locator("#article-text .m-evt", has_text="attacked")
    trigger.click()
    detail = pg.locator("#record-detail")
    expect(detail).to_contain_text("ASSAULT")
    expect(detail).to_contain_text("Violence against civilians")
    assert pg.url.endswith("#" + xss_record().events[1].id)
    # the evidence field jumps to its sentence: the focused words are exactly the evidence
    ev = xss_record().events[1].evidence[0]
    pg.locator('#record-detail .jump[data-field="evidence.0"]').click()
    text = pg.locator("#article-text")
    expect(text).to_have_attribute("data-focus", f"{ev.start_char}-{ev.end_char}")
    focused = "".join(pg.locator("#article-text .focus").all_text_contents())
    assert focused == ev.text
    # offsets are code points: the emoji before the sentence does not shift the highlight
    place = xss_record().events[1].location.span
    pg.locator('#record-detail .jump[data-field="location.span"]').click()
    assert "".join(pg.locator("#article-text .focus").all_text_contents()) == place.text
    expect(text).to_have_attribute("data-focus", f"{place.start_char}-{place.end_char}")
    pg.locator('#record-detail .jump[data-field="evidence.0"]').click()
    shot(pg, "article_event_evidence")
    # a quote: speaker -> content
    pg.locator("#article-text .m-quote").first.click()
    expect(detail).to_contain_text("must stop")
    pg.locator('#record-detail .jump[data-field="content"]').click()
    assert "".join(pg.locator("#article-text .focus").all_text_contents()) == (
        f"{SCRIPT} must stop,"
    )


def test_events_filter_then_event_then_evidence(page: tuple[Page, Watch], base_url: str) -> None:
    pg, _ = page
    pg.goto(base_url + "/events")
    rows = pg.locator("#events-table tbody tr[data-event-id]")
    expect(rows).to_have_count(7)
    shot(pg, "events")
    pg.select_option("select[name=plover_type]", "COERCE")
    pg.fill("input[name=place]", "Almaty")
    pg.click("#apply-filter")
    pg.wait_for_url("**/events?*plover_type=COERCE*")
    expect(rows).to_have_count(4)
    expect(pg.locator("#events-total")).to_have_text("(4)")
    assert "plover_type=COERCE" in (pg.locator("#csv-link").get_attribute("href") or "")
    shot(pg, "events_filtered")
    # sort by Goldstein
    pg.get_by_role("link", name="Goldstein").click()
    pg.wait_for_url("**sort=goldstein*")
    expect(rows).to_have_count(4)
    # from the table to the article, the event selected, then to its evidence
    pg.locator("#events-table .evt-link").first.click()
    pg.wait_for_url("**/articles/**#evt_*")
    detail = pg.locator("#record-detail")
    expect(detail).to_contain_text("COERCE")
    pg.locator('#record-detail .jump[data-field="evidence.0"]').click()
    assert pg.locator("#article-text .focus").count() > 0
    assert "detained" in "".join(pg.locator("#article-text .focus").all_text_contents())
    # the CSV of the filter downloads
    pg.goto(base_url + "/events?plover_type=PROTEST")
    with pg.expect_download() as dl:
        pg.locator("#csv-link").click()
    body = Path(dl.value.path()).read_text(encoding="utf-8")
    assert body.count("\n") == 3 and "PROTEST" in body


def test_actor_network_edge_lists_events(page: tuple[Page, Watch], base_url: str) -> None:
    pg, _ = page
    pg.goto(base_url + "/actors")
    edge = pg.locator('#network .edge[data-source="police"][data-target="protesters"]')
    expect(edge).to_have_count(1)
    assert pg.locator("#network .node").count() >= 5
    # the payload actor's label is SVG text, not markup
    assert pg.locator("#network image, #network img, #network script").count() == 0
    expect(pg.locator("#network .node text", has_text="onerror")).to_have_count(1)
    edge.locator(".edge-hit").dispatch_event("click")
    expect(pg.locator("#edge-events li")).to_have_count(3)
    shot(pg, "actors")


def test_timeline_and_map(page: tuple[Page, Watch], base_url: str) -> None:
    pg, _ = page
    pg.goto(base_url + "/timeline")
    bars = pg.locator("#timeline .bar")
    expect(bars.first).to_be_visible()
    assert bars.count() >= 4
    expect(pg.locator("#timeline-legend .legend-item")).to_have_count(3)
    shot(pg, "timeline")
    bars.first.click()
    pg.wait_for_url("**/events?*date_from=*")
    assert pg.locator("#events-table tbody tr[data-event-id]").count() >= 1

    pg.goto(base_url + "/map")
    expect(pg.locator("#map .place")).to_have_count(1)
    assert pg.locator("#map .country").count() > 150
    assert pg.locator('#map .country.has-events[data-iso="KAZ"]').count() == 1
    pg.locator("#map .place").click()
    expect(pg.locator("#map-detail")).to_contain_text("Almaty")
    expect(pg.locator("#map-detail .event-list li")).to_have_count(7)
    shot(pg, "map")
    pg.click("#map-world")
    shot(pg, "map_world")


def test_sources_page(page: tuple[Page, Watch], base_url: str) -> None:
    pg, _ = page
    pg.goto(base_url + "/sources")
    speakers = pg.locator("#speakers .speaker")
    assert speakers.count() == 3
    evil = pg.locator(".speaker h2", has_text="onerror")
    expect(evil).to_contain_text(IMG)
    expect(pg.locator(".speaker .stance.disagree").first).to_be_visible()
    shot(pg, "sources")
    pg.locator(".quote-link", has_text="must stop").click()
    pg.wait_for_url("**/articles/**#quo_*")
    expect(pg.locator("#record-detail")).to_contain_text("direct")


def test_articles_page_and_docs(page: tuple[Page, Watch], base_url: str) -> None:
    pg, _ = page
    pg.goto(base_url + "/articles")
    expect(pg.locator("#articles-table tbody tr")).to_have_count(4)
    shot(pg, "articles")
    pg.goto(base_url + "/docs")
    expect(pg.locator("#swagger-ui .opblock").first).to_be_visible(timeout=15000)
    assert pg.locator("#swagger-ui .opblock").count() >= 9
    shot(pg, "docs")


# -- issue 6: overlapping and nested spans, as real articles have them ----------------------------

# For every highlighted span of the record: the text of the segments inside it, and whether each
# of them carries the span's class and the record's id. A span is highlighted when the text is
# its words and every segment is marked.
_MARKED = """([spans]) => spans.map(([s, e, kind, id]) => {
  const segs = Array.from(document.querySelectorAll("#article-text .seg")).filter(
    (g) => +g.dataset.s >= s && +g.dataset.e <= e);
  return [segs.map((g) => g.textContent).join(""),
          segs.length > 0 && segs.every((g) => g.classList.contains("m-" + kind) &&
                                               (g.dataset.records || "").split(" ").includes(id))];
})"""


def _anchors(rec: Record) -> list[tuple[int, int, str, str, str]]:
    """``(start, end, kind, record id, words)`` of every span the page must highlight."""
    out = []
    for e in rec.entities:
        out += [(m.start_char, m.end_char, "ent", e.id, m.text) for m in e.mentions]
    for q in rec.quotes:
        # a discontinuous content is highlighted piece by piece (its source and cue are not)
        contents = [("quote", p) for p in q.content_parts] or [("quote", q.content)]
        for kind, s in (*contents, ("src", q.source), ("cue", q.cue)):
            if s is not None:
                out.append((s.start_char, s.end_char, kind, q.id, s.text))
    out += [
        (v.trigger.start_char, v.trigger.end_char, "evt", v.id, v.trigger.text) for v in rec.events
    ]
    return out


def _assert_all_highlighted(pg: Page, rec: Record) -> None:
    want = _anchors(rec)
    got = pg.evaluate(_MARKED, [[list(a[:4]) for a in want]])
    missing = [
        (a[2], a[4], a[0])
        for a, (words, marked) in zip(want, got, strict=True)
        if not marked or words != a[4]
    ]
    assert missing == [], f"{len(missing)} of {len(want)} spans not highlighted: {missing[:10]}"


def _open_article(pg: Page, url: str, rec: Record) -> None:
    pg.goto(f"{url}/articles/{rec.article.id}")
    expect(pg.locator("#article-text[data-ready='1']")).to_be_visible()
    expect(pg.locator("#article-notice")).to_be_hidden()
    assert pg.locator("#article-text").text_content() == rec.article.text


def test_issue_6_nested_and_overlapping_spans(page: tuple[Page, Watch], nested_url: str) -> None:
    pg, _ = page
    rec = nested_record()
    _open_article(pg, nested_url, rec)
    for kind in ("ent", "quote", "src", "cue", "evt", "stance"):
        assert pg.locator(f"#article-text .m-{kind}").count() > 0, kind
    _assert_all_highlighted(pg, rec)
    # the quote inside a quote, and the trigger of two events, are marked as such
    nested = "".join(pg.locator("#article-text .m-quote.nested").all_text_contents())
    assert "was an attempted coup" in nested and "full support" in nested
    call = pg.locator("#article-text .m-evt.multi")
    expect(call).to_have_count(1)
    expect(call).to_have_text("call")
    shot(pg, "article_nested")

    # clicking the shared trigger selects one event, offers the other, and focuses the evidence
    call.click()
    first, second = rec.events[0], rec.events[1]
    assert pg.url.endswith("#" + first.id)
    detail = pg.locator("#record-detail")
    expect(detail).to_contain_text("CONSULT")
    ev = first.evidence[0]
    text = pg.locator("#article-text")
    expect(text).to_have_attribute("data-focus", f"{ev.start_char}-{ev.end_char}")
    assert "".join(pg.locator("#article-text .focus").all_text_contents()) == ev.text
    pg.locator("#record-detail .also .ref", has_text="Tileuberdi → Antony Blinken").click()
    assert pg.url.endswith("#" + second.id)
    pg.locator('#record-detail .jump[data-field="date_span"]').click()
    assert "".join(pg.locator("#article-text .focus").all_text_contents()) == "January 6"

    # a speaker inside another quote's content selects its own quote
    he = rec.quotes[1].source
    pg.locator(f'#article-text .m-src[data-s="{he.start_char}"]').click()
    assert pg.url.endswith("#" + rec.quotes[1].id)
    expect(detail).to_contain_text("was an attempted coup")
    pg.locator('#record-detail .jump[data-field="content"]').click()
    assert "".join(pg.locator("#article-text .focus").all_text_contents()) == (
        "was an attempted coup"
    )
    shot(pg, "article_nested_event")


def test_issue_6_example_article_through_the_pipeline(
    page: tuple[Page, Watch], example_url: str, example_record: Record
) -> None:
    pg, _ = page
    rec = example_record
    _open_article(pg, example_url, rec)
    for kind in ("ent", "quote", "src", "cue", "evt"):
        assert pg.locator(f"#article-text .m-{kind}").count() > 0, kind
    _assert_all_highlighted(pg, rec)
    expect(pg.get_by_role("tab", name=f"Events ({len(rec.events)})")).to_be_visible()
    expect(pg.locator("#record-list .rec-btn")).to_have_count(len(rec.events))
    shot(pg, "article_example")

    blinken = next(
        e
        for e in rec.events
        if e.plover_type == "CONSULT"
        and e.source_actor is not None
        and "Blinken" in e.source_actor.name
        and e.target_actor is not None
        and "Tileuberdi" in e.target_actor.name
    )
    pg.locator(f'#article-text .m-evt[data-s="{blinken.trigger.start_char}"]').click()
    assert pg.url.endswith("#" + blinken.id)
    expect(pg.locator("#record-detail")).to_contain_text("Tileuberdi")
    ev = blinken.evidence[0]
    expect(pg.locator("#article-text")).to_have_attribute(
        "data-focus", f"{ev.start_char}-{ev.end_char}"
    )
    assert "".join(pg.locator("#article-text .focus").all_text_contents()) == ev.text
    assert pg.locator("#article-text .focus").first.is_visible()
    shot(pg, "article_example_blinken")


def test_a_discontinuous_content_is_highlighted_piece_by_piece(
    page: tuple[Page, Watch], aside_url: str
) -> None:
    """ "Kenya and Uganda, the minister said on Monday, lost the most votes": the two content
    parts are quote content; the source, the cue and the rest of the frame are not."""
    pg, _ = page
    rec = aside_record()
    _open_article(pg, aside_url, rec)
    _assert_all_highlighted(pg, rec)
    quoted = pg.locator("#article-text .m-quote").all_text_contents()
    assert "".join(quoted) == "Kenya and Ugandalost the most votes"
    assert "the minister" not in "".join(quoted) and "on Monday" not in "".join(quoted)
    pg.get_by_role("tab", name="Quotes (1)").click()
    expect(pg.locator("#record-list .rec-btn")).to_have_text(
        "the minister: “Kenya and Uganda … lost the most votes”"
    )
    pg.locator("#record-list .rec-btn").click()
    assert "".join(pg.locator("#article-text .sel").all_text_contents()) == (
        "Kenya and Ugandathe ministersaidlost the most votes"
    )
    shot(pg, "article_content_parts")
