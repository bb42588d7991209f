"""The web pages in a real browser: Playwright drives Debian's headless Chromium against `dateline.serve.run`.

The store holds the bundled seed article and two handwritten ones, analyzed with the spaCy model, plus synthetic
stories (tests/store_data.py). The server runs in a subprocess on a free loopback port. Each test loads a page,
clicks through and checks what a reader would see; screenshots go to artifacts/screenshots/ (gitignored).
Skipped when /usr/bin/chromium or Playwright is missing (CI installs both), or without the spaCy model.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from store_data import corpus

CHROMIUM = Path(os.environ.get("DATELINE_CHROMIUM", "/usr/bin/chromium"))
ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"needs Chromium at {CHROMIUM} (apt-get install chromium)"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="needs playwright (pip install playwright)")

# Two short handwritten articles, so the store has real (NLP-made) events beside the seed's.
HANDWRITTEN = [
    "date 2025-08-12\nArmenia and Azerbaijan sign peace deal\n\nWASHINGTON, Aug 12 (Reuters) - Armenian Prime "
    "Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev signed a peace declaration at the White House "
    'on Friday. "This is a historic day," Pashinyan told reporters.\n',
    "date 2025-08-14\nRussia strikes Kharkiv\n\nKYIV, Aug 14 (AP) - Russian troops attacked Ukrainian positions near "
    "Kharkiv on Thursday, Ukraine's defence ministry said. Ukrainian President Volodymyr Zelensky condemned the "
    'strikes. "Russia must be stopped," Zelensky said in a video address.\n',
]


@pytest.fixture(scope="module")
def web_db(tmp_path_factory, seed_path) -> Path:
    from dateline.pipeline import analyze, analyze_article, load_resources
    from dateline.read import read_paths
    from dateline.store import ingest, open_store

    (seed,) = list(read_paths([seed_path]))
    items = [(analyze_article(seed, load_resources()), seed.text)]
    items += [(analyze(text), text) for text in HANDWRITTEN]
    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    con = open_store(path)
    try:
        ingest(con, [*items, *corpus(20)])
    finally:
        con.close()
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(web_db, tmp_path_factory):
    """`dateline.serve.run` in a subprocess (what `dateline serve` runs), read-only, on a free loopback port."""
    port = _free_port()
    log = tmp_path_factory.mktemp("server") / "server.log"
    code = "import sys; from dateline.serve import run; run(sys.argv[1], '127.0.0.1', int(sys.argv[2]), None)"
    env = {k: v for k, v in os.environ.items() if k != "DATELINE_TOKEN"}
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-c", code, str(web_db), str(port)], stdout=out, stderr=out, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/health", timeout=2) as r:
                    assert json.load(r)["status"] == "ok"
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"the server did not start:\n{log.read_text()}")
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page; the test fails on any script error or console error (a CSP violation shows there too)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.on("console", lambda msg: problems.append(f"console: {msg.text}") if msg.type == "error" else None)
    page.problems = problems
    yield page
    context.close()
    assert not problems, problems


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_overview_to_dyad_to_article(page, server):
    page.goto(server + "/")
    assert page.locator(".stats").inner_text().startswith("23")  # 1 seed + 2 handwritten + 20 synthetic
    assert page.locator("svg.chart rect").count() > 5
    assert page.locator("#top-actors").get_by_text("Ilham Aliyev").count() >= 1
    shot(page, "01_overview")

    page.locator("#top-dyads a", has_text="AZE → USA").click()
    page.wait_for_url("**/dyad/AZE-USA")
    assert page.locator("h1").inner_text() == "Dyad AZE → USA"
    assert page.locator("svg.chart circle.dot").count() >= 1
    visit = page.locator("#dyad-events tr", has_text="Make a visit").filter(has_text="President of the Republic")
    assert visit.locator("mark.trigger").inner_text() == "visit"
    shot(page, "02_dyad")

    visit.locator("a.article-link").click()
    page.wait_for_url("**/articles/seed_article*#ev-*")  # the seed's own id comes from its file name
    text = page.locator("#article-text")
    assert text.locator(".trigger", has_text="visit").count() >= 1
    assert text.locator(".speaker", has_text="Azer Garayev").count() >= 1
    key = page.url.split("/articles/", 1)[1].split("#", 1)[0]
    analysis = page.request.get(f"{server}/api/articles/{key}").json()["analysis"]
    assert page.locator("#event-list li").count() == len(analysis["events"]) >= 4  # every event listed
    assert page.locator("#quote-list li").count() == len(analysis["quotes"])
    assert page.locator("#quote-list").get_by_text("Azer Garayev").count() >= 3
    page.locator("#event-list li").first.hover()  # lights up the trigger of that event in the text
    assert text.locator(".lit").inner_text() == "visit"
    shot(page, "03_article")


def test_network_links_to_timelines(page, server):
    page.goto(server + "/network")
    graph = json.loads(page.locator("#network-data").text_content())
    page.wait_for_selector("#network circle")
    assert page.locator("#network circle").count() == len(graph["nodes"]) >= 4
    assert page.locator("#network line").count() == len(graph["edges"])
    shot(page, "04_network")
    page.locator("#network .node", has_text="AZEGOV").click()
    page.wait_for_url("**/dyad/AZEGOV-*?both_ways=true")
    assert page.locator("#dyad-events tbody tr").count() >= 10


def test_quote_explorer(page, server):
    page.goto(server + "/quotes")
    page.locator("#speakers a", has_text="Azer Garayev").click()
    page.wait_for_url("**/quotes?speaker=Azer*")
    quotes = page.locator("figure.quote")
    assert quotes.count() >= 11
    assert "Azer Garayev" in quotes.first.locator("figcaption").inner_text()
    shot(page, "05_quotes")
    page.locator("input[name=speaker]").fill("zelensky")
    page.locator("input[name=speaker]").press("Enter")
    page.wait_for_url("**/quotes?speaker=zelensky")
    assert "Russia must be stopped" in page.locator("main").inner_text()


def test_search_finds_and_marks(page, server):
    page.goto(server + "/articles")
    page.locator("input[name=q]").fill("Kharkiv")
    page.locator("input[name=q]").press("Enter")
    page.wait_for_url("**/articles?q=Kharkiv")
    assert page.locator("p.snippet mark").first.inner_text() == "Kharkiv"
    shot(page, "06_search")
    page.locator("ul.articles a.title", has_text="Russia strikes Kharkiv").click()
    assert page.locator("#article-text .trigger").first.inner_text() == "attacked"


def test_paste_an_article_and_see_its_analysis(page, server):
    page.goto(server + "/analyze")
    page.locator("#analyze-example").click()
    # (not page.wait_for_function: when it has to poll, it evaluates in the page, which the CSP forbids)
    sync_api.expect(page.locator("#analyze-text")).to_have_value(re.compile(r".{1000,}", re.DOTALL))
    page.locator("#analyze-submit").click()
    page.wait_for_selector("#analyze-result #article-text", timeout=90_000)  # the model may still be loading
    result = page.locator("#analyze-result")
    assert result.locator(".trigger", has_text="visit").count() >= 1
    assert result.locator("#quote-list").get_by_text("Azer Garayev").count() >= 3
    assert page.locator("#analyze-status").inner_text().startswith("Done")
    shot(page, "07_analyze")


def test_api_docs_work_offline(page, server):
    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.goto(server + "/docs")
    page.wait_for_selector(".opblock")
    assert page.locator(".opblock").count() >= 14
    assert not [u for u in failed if not u.startswith(server)]
    shot(page, "08_docs")


def test_missing_article_page(page, server):
    page.goto(server + "/articles/no-such-article")
    assert "DL604" in page.locator("main").inner_text()
    page.problems.clear()  # the browser logs the 404 itself
    shot(page, "09_not_found")
