"""The web app in headless Chromium (Debian's ``chromium``, driven by Playwright's Python API).

The server runs in a background thread on 127.0.0.1; every request the browser
makes to any other origin is blocked and counted (the app must need none).
A screenshot of each page is saved under ``test-artifacts/screenshots/``.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is missing (Debian's chromium package); browser tests need it", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")

import uvicorn  # noqa: E402

from dragoman.web.app import create_app  # noqa: E402
from tests.test_web_api import build_store  # noqa: E402

SHOTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("browser")
    return build_store(tmp / "browser.db", tmp)


@pytest.fixture(scope="module")
def server(world: dict[str, Any]) -> Iterator[str]:
    port = free_port()
    config = uvicorn.Config(create_app(world["db"]), host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1360, "height": 900}, base_url=server)
    pg = context.new_page()
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.foreign = []  # type: ignore[attr-defined]
    pg.errors = []  # type: ignore[attr-defined]

    def on_dialog(d: Any) -> None:
        pg.dialogs.append(d.message)
        d.dismiss()

    def route(r: Any) -> None:
        if r.request.url.startswith(server):
            r.continue_()
        else:
            pg.foreign.append(r.request.url)
            r.abort()

    pg.on("dialog", on_dialog)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.route("**/*", route)
    yield pg
    assert pg.dialogs == [], f"a dialog opened: {pg.dialogs}"
    assert pg.foreign == [], f"the page asked for other origins: {pg.foreign}"
    assert pg.errors == [], f"script errors: {pg.errors}"
    context.close()


def shot(page: Any, name: str, full: bool = True) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full)


def test_stories_page_and_search(page: Any, world: dict[str, Any]):
    page.goto("/")
    expect = sync_api.expect
    expect(page.locator("h1")).to_have_text("Stories")
    expect(page.locator(f'a[href="/stories/{world["sample_story"]}"]')).to_be_visible()
    shot(page, "01-stories")
    word = "Baghdad" if world["seed_story"] else "Mandera"
    page.fill("#story-filters input[name=q]", word)
    page.press("#story-filters input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"q=" + word))
    hits = page.locator(".hit")
    expect(hits.first).to_be_visible()
    expect(page.locator(".hit mark").first).to_have_text(re.compile(word, re.I))
    story = world["seed_story"] or world["sample_story"]
    expect(page.locator(f'table.stories a[href="/stories/{story}"]')).to_be_visible()
    shot(page, "02-search")


def test_dossier_timeline_to_highlighted_sentence(page: Any, world: dict[str, Any]):
    expect = sync_api.expect
    story = world["seed_story"] or world["sample_story"]
    page.goto("/")
    page.click(f'table.stories a[href="/stories/{story}"]')
    page.wait_for_url(f"**/stories/{story}")
    expect(page.locator("#timeline-chart svg")).to_be_visible()
    shot(page, "03-dossier")
    # click the first event mark on the timeline: its row becomes the target
    mark = page.locator("#timeline-chart svg a").first
    mark.locator("circle, rect").first.click()
    page.wait_for_url(re.compile(r"#ev\d+$"))
    row_id = page.url.rsplit("#", 1)[1]
    row = page.locator(f"tr#{row_id}")
    expect(row).to_be_visible()
    assert page.evaluate("document.querySelector(':target') && document.querySelector(':target').id") == row_id
    shot(page, "04-dossier-timeline-row", full=False)
    # then through the row's source link to the sentence, highlighted in its article
    link = row.locator("a.evidence").first
    sentence = link.get_attribute("title")
    link.click()
    page.wait_for_url(re.compile(r"/articles/[0-9a-f]+#ev\d+-\d+$"))
    target = page.locator(":target")
    expect(target).to_be_visible()
    assert "ev" in (target.get_attribute("class") or "").split()
    assert target.inner_text().strip() == (sentence or "").strip()
    background = target.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background == "rgb(255, 212, 59)", background  # the :target highlight
    expect(page.locator("#record-view .rec-ev").first).to_be_visible()  # its record is shown beside it
    shot(page, "05-article-from-timeline", full=False)


def test_article_click_shows_record(page: Any, world: dict[str, Any]):
    expect = sync_api.expect
    story = world["sample_story"]
    page.goto(f"/stories/{story}")
    first = page.locator("a.evidence").first
    first.click()
    page.wait_for_load_state()
    actor = page.locator("#body .hl.ev .hl.ac").first
    actor.click()
    panel = page.locator("#record-view")
    expect(panel.locator(".rec-ac").first).to_contain_text("Actor mention")
    expect(panel.locator(".rec-ev").first).to_be_visible()  # and the event of the sentence around it
    assert page.locator("#body .hl.selected").count() >= 1
    shot(page, "06-article", full=False)
    # every record is also listed on the page, and the removed parts are kept apart
    expect(page.locator("#rec-e0")).to_be_hidden()
    page.click("details#records > summary")
    expect(page.locator("#rec-e0")).to_be_visible()
    if page.locator("details#comments").count():
        page.click("details#comments > summary")
        expect(page.locator("details#comments .comment").first).to_be_visible()


def test_events_filter_and_sort(page: Any, world: dict[str, Any]):
    expect = sync_api.expect
    actor = "IRN" if world["seed_story"] else "KEN"
    page.goto("/events")
    expect(page.locator("#events-table tbody tr").first).to_be_visible()
    shot(page, "07-events", full=False)
    page.fill("#event-filters input[name=actor]", actor)
    page.click("#event-filters button[type=submit]")
    page.wait_for_url(re.compile(r"actor=" + actor))
    rows = page.locator("#events-table tbody tr")
    n = rows.count()
    assert n > 0
    for i in range(n):
        who = rows.nth(i).locator("td").nth(1).inner_text() + " " + rows.nth(i).locator("td").nth(3).inner_text()
        assert actor in who, who
    # sort by Goldstein, descending (two clicks)
    page.click("th a.sort:has-text('Goldstein')")
    page.wait_for_url(re.compile(r"sort=goldstein"))
    page.click("th a.sort:has-text('Goldstein')")
    page.wait_for_url(re.compile(r"sort=-goldstein"))
    values = [float(t) for t in page.locator("#events-table tbody tr td.num").all_inner_texts()]
    assert values == sorted(values, reverse=True) and len(values) == n
    # a CAMEO root on top
    root = page.locator("#events-table tbody tr td:nth-child(3) a").first.inner_text()[:2]
    page.fill("#event-filters input[name=code]", root)
    page.click("#event-filters button[type=submit]")
    page.wait_for_url(re.compile(r"code=" + root))
    codes = page.locator("#events-table tbody tr td:nth-child(3) a").all_inner_texts()
    assert codes and all(c.startswith(root) for c in codes)
    shot(page, "08-events-filtered")


def test_actor_page(page: Any, world: dict[str, Any]):
    expect = sync_api.expect
    page.goto("/actors/KEN")
    expect(page.locator("h1")).to_contain_text("KEN")
    expect(page.locator(".chart").first).to_be_visible()
    expect(page.locator("svg[aria-label^='relations']")).to_be_visible()
    shot(page, "09-actor")


def test_hostile_article_shown_as_text_never_run(page: Any, world: dict[str, Any]):
    expect = sync_api.expect
    page.add_init_script("window.__pwned = 0; window.alert = function () { window.__pwned += 1; };")
    page.goto(f"/articles/{world['xss_id']}")
    body = page.locator("#body")
    expect(body).to_contain_text("<script>alert(1)</script>")
    expect(body).to_contain_text("<img src=x onerror=alert(1)>")
    expect(page.locator("h1")).to_contain_text("<script>alert('title')</script>")
    assert page.locator("#body script, #body img, h1 script, h1 b").count() == 0
    # the quote span over the hostile words is highlighted and its record shown as text too
    page.locator("#body .hl.qt", has_text="<script>alert(1)</script>").last.click()
    expect(page.locator("#record-view")).to_contain_text("Hacker <b>X</b>")
    shot(page, "10-hostile-article")
    for url in ("/?q=hacker", "/events?actor=KEN&limit=500"):
        page.goto(url)
        page.wait_for_load_state("load")
    if page.evaluate("window.__pwned") != 0:
        pytest.fail("an alert ran")
    assert page.dialogs == []


def test_ingest_and_docs_pages(page: Any):
    expect = sync_api.expect
    page.goto("/ingest")
    expect(page.locator("#ingest-form")).to_be_visible()
    page.fill("#ingest-form textarea[name=urls]", "http://127.0.0.1/admin\nhttp://10.0.0.1/")
    page.click("#ingest-form button[type=submit]")
    expect(page.locator("#ingest-result")).to_contain_text("refused")
    expect(page.locator("#ingest-result")).to_contain_text("0 stored")
    shot(page, "11-ingest")
    page.goto("/docs")
    expect(page.locator("h1")).to_contain_text("API")
    expect(page.locator("code:has-text('/api/events')").first).to_be_visible()
    shot(page, "12-api-docs", full=False)
