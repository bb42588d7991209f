"""The REST API and pages of `dateline serve`, in process with FastAPI's TestClient.

A synthetic store (tests/store_data.py, no spaCy model) covers every read endpoint, the 4xx answers, the token,
read-only SQL, the size limits and the coded errors; the tests marked slow analyze real text with the model.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dateline.serve import ServeSettings, create_app
from dateline.serve import service as serve_service
from dateline.serve.config import MAX_BODY_BYTES, resolve_token
from dateline.serve.deps import Bounded
from dateline.serve.errors import ApiError
from dateline.store import ingest, open_store
from store_data import build_store, corpus, story

TOKEN = "s3cret-token"
SEED_TEXT_START = " date 2025-08-11 BAKU"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    """40 synthetic stories, plus a second article whose own id is `story-1` (to test an ambiguous key)."""
    path = build_store(tmp_path_factory.mktemp("api") / "api.duckdb", 40)
    con = open_store(path)
    try:
        ingest(con, [story(1, source="RUS", target="UKR", code="190")])
    finally:
        con.close()
    return path


@pytest.fixture(scope="module")
def client(store):
    with TestClient(create_app(ServeSettings(db=store))) as c:
        yield c


@pytest.fixture
def writable(tmp_path):
    """A server with a token, over its own store (a writable open holds the file alone)."""
    path = build_store(tmp_path / "w.duckdb", 5)
    with TestClient(create_app(ServeSettings(db=path, token=TOKEN))) as c:
        yield c


def error_of(response) -> dict:
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
    return body["error"]


# ---- reads -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expect"),
    [
        ("/api/articles?limit=5", "story-"),
        ("/api/articles/story-2", "Story 2: Armenia and Azerbaijan"),
        ("/api/events?dyad=AZE-USA", "Make a visit"),
        ("/api/dyads", '"source":"ARM"'),
        ("/api/dyads/AZE-USA/series", '"verbal_coop"'),
        ("/api/actors?limit=3", "AZEGOV"),
        ("/api/network", '"edges"'),
        ("/api/speakers", "Azer Garayev"),
        ("/api/quotes?speaker=garayev", "historic day"),
        ("/api/search?q=historic", "snippet"),
        ("/api/health", '"writable":false'),
        ("/openapi.json", "/api/events"),
    ],
)
def test_every_read_endpoint_answers(client, url, expect):
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert expect in response.text


def test_articles_list_pages_newest_first(client):
    first = client.get("/api/articles?limit=3").json()
    assert first["columns"][:3] == ["article_id", "id", "title"] and first["truncated"]
    dates = [r["published"] for r in first["rows"]]
    assert dates == sorted(dates, reverse=True)
    second = client.get("/api/articles?limit=3&offset=3").json()
    assert {r["article_id"] for r in first["rows"]}.isdisjoint(r["article_id"] for r in second["rows"])
    window = client.get("/api/articles?from=2025-01-01&to=2025-01-31&limit=100").json()["rows"]
    assert window and all("2025-01-01" <= r["published"] <= "2025-01-31" for r in window)


def test_article_by_id_hash_prefix_and_url_has_text_and_analysis(client):
    body = client.get("/api/articles/story-3").json()
    assert body["id"] == "story-3" and body["analysis"]["id"] == "story-3"
    span = body["analysis"]["events"][0]["trigger_span"]
    assert body["text"][span[0] : span[1]] == body["analysis"]["events"][0]["trigger"]
    by_hash = client.get(f"/api/articles/{body['article_id'][:10]}").json()
    assert by_hash["article_id"] == body["article_id"]
    by_url = client.get("/api/articles/https://www.example.org/news/3").json()
    assert by_url["article_id"] == body["article_id"]


def test_article_not_found_and_ambiguous(client):
    missing = client.get("/api/articles/no-such-article")
    assert missing.status_code == 404 and error_of(missing)["code"] == "DL604"
    ambiguous = client.get("/api/articles/story-1")  # two stored articles have this own id
    assert ambiguous.status_code == 409 and error_of(ambiguous)["code"] == "DL608"


def test_event_filters(client):
    def rows(query: str) -> list[dict]:
        response = client.get(f"/api/events?{query}&limit=1000")
        assert response.status_code == 200, response.text
        return response.json()["rows"]

    dyad = rows("dyad=AZE-USA")
    assert dyad and all(r["source_code"] == "AZEGOV" and r["target_code"] == "USAGOV" for r in dyad)
    assert rows("source=AZE&target=USA") == dyad
    both = rows("dyad=AZE-USA&both_ways=true")
    assert len(both) == len(dyad) + len(rows("dyad=USA-AZE"))
    country = rows("country=ARM")
    assert country and all("ARMGOV" in (r["source_code"], r["target_code"]) for r in country)
    assert rows("actor=ARMGOV") == country
    assert all(r["code"].startswith("19") for r in rows("code=19"))
    assert all(r["quad_class"] == 4 for r in rows("quad=4"))
    window = rows("from=2025-01-01&to=2025-02-01")
    assert window and all("2025-01-01" <= r["date"] <= "2025-02-01" for r in window)
    assert all(r["sentence"] and r["trigger"] in r["sentence"] for r in dyad)  # the evidence comes along


@pytest.mark.parametrize(
    "query",
    [
        "limit=0",
        "limit=100000",
        "quad=5",
        "code=4x",
        "from=yesterday",
        "country=AZERBAIJAN",
        "dyad=USA-AZE&country=AZE",
        "dyad=USA-AZE&source=USA",
        "dyad=US;DROP",
    ],
)
def test_bad_event_filters_are_422_with_a_message(client, query):
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 422, response.text
    error = error_of(response)
    assert error["code"] in ("DL601", "DL303") and len(error["message"]) > 20


def test_dyad_series_per_day(client):
    body = client.get("/api/dyads/AZE-USA/series").json()
    assert body["source"] == "AZE" and body["target"] == "USA" and body["days"]
    events = client.get("/api/events?dyad=AZE-USA&limit=1000").json()["rows"]
    assert sum(d["events"] for d in body["days"]) == len(events)
    for day in body["days"]:
        assert day["events"] == sum(
            day[k] for k in ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
        )
        assert -10 <= day["goldstein"] <= 10
    both = client.get("/api/dyads/AZE-USA/series?both_ways=true").json()
    assert sum(d["events"] for d in both["days"]) > len(events)


def test_network_nodes_and_edges_agree(client):
    graph = client.get("/api/network?limit=10").json()
    ids = {n["id"] for n in graph["nodes"]}
    assert graph["edges"] and all(e["source"] in ids and e["target"] in ids for e in graph["edges"])
    assert client.get("/api/network?min_events=1000").json() == {"nodes": [], "edges": []}


def test_quotes_by_speaker_and_search(client):
    quotes = client.get("/api/quotes?speaker=GARAYEV").json()["rows"]
    assert quotes and all(q["speaker"] == "Azer Garayev" for q in quotes)
    assert client.get("/api/quotes").status_code == 422  # a speaker is required
    hits = client.get("/api/search?q=Yerevan").json()["rows"]
    assert hits and all("yerevan" in (h["snippet"] or "").lower() for h in hits)
    assert client.get("/api/search?q=").status_code == 422
    assert client.get("/api/search?q=%25").json()["rows"] == []  # LIKE wildcards are searched for literally


# ---- read-only SQL -----------------------------------------------------------------------------------------------


def test_sql_runs_one_select(client):
    response = client.post("/api/sql", json={"sql": "SELECT root, count(*) AS n FROM events GROUP BY 1 ORDER BY 1"})
    assert response.status_code == 200
    assert response.json()["columns"] == ["root", "n"]
    capped = client.post("/api/sql", json={"sql": "SELECT * FROM events", "limit": 2}).json()
    assert len(capped["rows"]) == 2 and capped["truncated"]


@pytest.mark.parametrize(
    "sql",
    [
        "DROP TABLE events",
        "DELETE FROM articles",
        "INSERT INTO meta VALUES ('x', 'y')",
        "SELECT 1; DROP TABLE events",
        "ATTACH '/tmp/other.duckdb' AS other",
        "COPY events TO '/tmp/events.csv'",
        "PRAGMA threads=1",
        "CALL pragma_database_size()",
        "SELECT * FROM read_csv('/etc/passwd')",
        "INSTALL httpfs",
        "SELECT * FROM no_such_table",
    ],
)
def test_sql_refuses_anything_but_a_read(client, sql):
    response = client.post("/api/sql", json={"sql": sql})
    assert response.status_code == 422, response.text
    assert error_of(response)["code"] == "DL303"
    assert client.get("/api/health").json()["events"] == 41  # nothing changed


def test_sql_body_is_validated(client):
    assert error_of(client.post("/api/sql", json={}))["code"] == "DL601"
    assert client.post("/api/sql", json={"sql": "SELECT 1", "limit": 5000}).status_code == 422
    assert client.post("/api/sql", json={"sql": "SELECT 1", "extra": True}).status_code == 422


# ---- writes and the token ----------------------------------------------------------------------------------------


def test_writes_refused_without_a_configured_token(client):
    response = client.post("/api/articles", json={"text": "Anything."}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 403
    error = error_of(response)
    assert error["code"] == "DL603" and "DATELINE_TOKEN" in error["message"]


def test_writes_need_the_right_bearer_token(writable):
    body = {"text": "Anything at all."}
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}, {"Authorization": "Basic x"}):
        response = writable.post("/api/articles", json=body, headers=headers)
        assert response.status_code == 401, headers
        assert error_of(response)["code"] == "DL602"
        assert response.headers["www-authenticate"] == "Bearer"


def test_posting_a_stored_text_writes_nothing(writable):
    analysis, text = corpus(1)[0]
    auth = {"Authorization": f"Bearer {TOKEN}"}
    before = writable.get("/api/health").json()
    assert before["writable"] is True
    response = writable.post("/api/articles", json={"text": text, "id": "again"}, headers=auth)
    assert response.status_code == 200, response.text
    assert response.json()["stored"] is False and response.json()["article_id"] == analysis.content_hash
    plain = writable.post("/api/articles", content=text.encode(), headers={**auth, "Content-Type": "text/plain"})
    assert plain.status_code == 200 and plain.json()["stored"] is False
    assert writable.get("/api/health").json()["articles"] == before["articles"]


def test_token_comes_from_the_argument_or_the_environment(monkeypatch):
    monkeypatch.setenv("DATELINE_TOKEN", "from-env")
    assert resolve_token(None) == "from-env"
    assert resolve_token("given") == "given"
    monkeypatch.setenv("DATELINE_TOKEN", "  ")
    assert resolve_token(None) is None


# ---- request bodies: validation and size -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "status", "code"),
    [
        ({"json": {}}, 422, "DL601"),
        ({"json": {"text": ""}}, 422, "DL601"),
        ({"json": {"text": "x", "colour": "red"}}, 422, "DL601"),
        ({"json": {"text": 42}}, 422, "DL601"),
        ({"content": b"{not json", "headers": {"Content-Type": "application/json"}}, 422, "DL601"),
        ({"content": b"   \n ", "headers": {"Content-Type": "text/plain"}}, 422, "DL103"),
        ({"content": b"\xff\xfe bad", "headers": {"Content-Type": "text/plain"}}, 422, "DL601"),
        ({"content": b"<a/>", "headers": {"Content-Type": "application/xml"}}, 415, "DL601"),
    ],
)
def test_analyze_validates_its_input(client, kwargs, status, code):
    response = client.post("/api/analyze", **kwargs)
    assert response.status_code == status, response.text
    assert error_of(response)["code"] == code


def test_bodies_over_the_limit_are_refused_before_reading(client):
    big = b"x" * (MAX_BODY_BYTES + 1)
    response = client.post("/api/analyze", content=big, headers={"Content-Type": "text/plain"})
    assert response.status_code == 413 and error_of(response)["code"] == "DL605"

    def chunks():  # no Content-Length: the limit counts what arrives
        for _ in range(MAX_BODY_BYTES // 65536 + 2):
            yield b"y" * 65536

    response = client.post("/api/analyze", content=chunks(), headers={"Content-Type": "text/plain"})
    assert response.status_code == 413 and error_of(response)["code"] == "DL605"


def test_analysis_timeout_and_queue_bound(store, monkeypatch):
    def slow(article):
        time.sleep(0.6)
        raise AssertionError("abandoned work finishes later; its result is never sent")

    monkeypatch.setattr(serve_service, "analyze", slow)
    app = create_app(ServeSettings(db=store, analyze_timeout=0.1))
    with TestClient(app) as c:
        response = c.post("/api/analyze", json={"text": "Russia attacked Ukraine."})
        assert response.status_code == 504 and error_of(response)["code"] == "DL606"

    async def busy():
        bounded = Bounded("test", workers=1, capacity=1, timeout=5)
        release = threading.Event()
        first = asyncio.ensure_future(bounded.run(release.wait))
        await asyncio.sleep(0.05)
        with pytest.raises(ApiError) as refused:
            await bounded.run(lambda: None)
        release.set()
        assert await first is True
        return refused.value

    refused = asyncio.run(busy())
    assert refused.code == "DL607" and refused.status == 503


# ---- errors never leak -------------------------------------------------------------------------------------------


def test_unexpected_errors_are_coded_and_leak_nothing(store, monkeypatch):
    from dateline.serve import queries

    def broken(*args, **kwargs):
        raise RuntimeError("secret detail /home/user/internal.py line 3")

    monkeypatch.setattr(queries, "top_dyads", broken)
    with TestClient(create_app(ServeSettings(db=store)), raise_server_exceptions=False) as c:
        api = c.get("/api/dyads")
        page = c.get("/")
    assert api.status_code == 500 and error_of(api)["code"] == "DL600"
    assert page.status_code == 500 and "DL600" in page.text and page.headers["content-type"].startswith("text/html")
    for response in (api, page):
        assert "secret" not in response.text and "Traceback" not in response.text and "internal.py" not in response.text


def test_unknown_routes_and_methods(client):
    assert error_of(client.get("/api/nothing-here"))["code"] == "DL604"
    wrong = client.delete("/api/articles")
    assert wrong.status_code == 405 and error_of(wrong)["code"] == "DL609"


# ---- pages, docs, headers ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expect"),
    [
        ("/", "Events per"),
        ("/dyad/AZE-USA", "Dyad"),
        ("/dyad/AZE-USA?both_ways=true&from=2025-01-01", "⇄"),
        ("/network", "network-data"),
        ("/quotes", "Speakers"),
        ("/quotes?speaker=Azer Garayev", "historic day"),
        ("/articles", "Story"),
        ("/articles?q=Kyiv", "<mark>Kyiv</mark>"),
        ("/articles/story-2", 'class="text"'),
        ("/articles/story-1", "names 2 articles"),
        ("/analyze", "analyze-form"),
        ("/analyze/example", "Azer Garayev"),
    ],
)
def test_pages_render(client, url, expect):
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert expect in response.text
    if response.headers["content-type"].startswith("text/html"):
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert "<script>" not in response.text  # no inline script: the CSP would block it


def test_page_errors_are_html_pages(client):
    response = client.get("/articles/no-such-article")
    assert response.status_code == 404 and "DL604" in response.text and "<html" in response.text
    assert client.get("/dyad/USA-AZE?from=someday").status_code == 422
    redirect = client.get("/dyad?dyad=usa-aze", follow_redirects=False)
    assert redirect.status_code == 303 and redirect.headers["location"] == "/dyad/USA-AZE"


def test_docs_are_served_without_a_cdn(client):
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    spec = client.get("/openapi.json").json()
    for path in (
        "/api/articles",
        "/api/articles/{key}",
        "/api/events",
        "/api/dyads/{dyad}/series",
        "/api/actors",
        "/api/network",
        "/api/speakers",
        "/api/quotes",
        "/api/search",
        "/api/analyze",
        "/api/sql",
    ):
        assert path in spec["paths"], path
    assert "/" not in spec["paths"]  # pages are not API
    post = spec["paths"]["/api/articles"]["post"]
    assert {"application/json", "text/plain"} <= set(post["requestBody"]["content"]) and post["security"]


def test_security_and_timing_headers(client):
    response = client.get("/api/health")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["server-timing"].startswith("app;dur=")
    assert "frame-ancestors 'none'" in client.get("/").headers["content-security-policy"]


def test_a_read_only_server_shares_the_file_with_other_readers(client, store):
    code = (
        "import sys; from dateline.store import open_store; "
        "con = open_store(sys.argv[1], read_only=True); print(con.execute('SELECT count(*) FROM events').fetchall())"
    )
    done = subprocess.run([sys.executable, "-c", code, str(store)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "41" in done.stdout


def test_a_writable_server_holds_the_file_alone(writable, tmp_path):
    code = (
        "import sys; from dateline.store import open_store; from dateline.errors import StoreError\n"
        "try:\n    open_store(sys.argv[1], read_only=True)\nexcept StoreError as exc:\n    print(exc.code)"
    )
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "w.duckdb")], capture_output=True, text=True)
    assert done.stdout.strip() == "DL302", done.stderr


# ---- with the spaCy model ----------------------------------------------------------------------------------------


@pytest.mark.slow
def test_analyze_returns_the_analysis_and_stores_nothing(client, seed_path):
    text = seed_path.read_text(encoding="utf-8")
    response = client.post("/api/analyze", content=text.encode(), headers={"Content-Type": "text/plain"})
    assert response.status_code == 200, response.text
    analysis = response.json()
    assert analysis["published"] == "2025-08-11"
    visit = next(e for e in analysis["events"] if e["code"] == "042")
    assert text[visit["trigger_span"][0] : visit["trigger_span"][1]] == "visit"
    assert {q["speaker"]["name"] for q in analysis["quotes"]} == {"Azer Garayev"}
    as_json = client.post("/api/analyze", json={"text": "NATO condemned Russia on Tuesday.", "date": "2024-05-10"})
    assert [(e["source"]["code"], e["code"]) for e in as_json.json()["events"]] == [("NAT", "111")]
    assert client.get("/api/health").json()["articles"] == 41


@pytest.mark.slow
def test_post_article_analyzes_and_stores_once(writable):
    from dateline.pipeline import MAX_CHARS

    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = {
        "text": "Russian troops attacked Ukrainian soldiers near Kharkiv on Friday.",
        "id": "kharkiv",
        "published": "2024-05-10",
        "title": "Kharkiv",
    }
    first = writable.post("/api/articles", json=body, headers=auth)
    assert first.status_code == 201, first.text
    assert first.json()["stored"] is True and first.json()["events"] == 1
    again = writable.post("/api/articles", json=body, headers=auth)
    assert again.status_code == 200 and again.json()["stored"] is False
    stored = writable.get("/api/articles/kharkiv").json()
    assert stored["title"] == "Kharkiv" and stored["analysis"]["events"][0]["code"].startswith("1")
    assert writable.get("/api/events?dyad=RUS-UKR&from=2024-05-10&to=2024-05-10").json()["rows"]
    if MAX_CHARS + 1 < MAX_BODY_BYTES:  # a text the analysis refuses although the body fits
        too_long = writable.post("/api/articles", json={"text": "word " * (MAX_CHARS // 5 + 1)}, headers=auth)
        assert too_long.status_code == 413 and error_of(too_long)["code"] == "DL111"


def test_json_of_errors_is_plain(client):
    """Error bodies are the documented shape and nothing else (no 'detail' from FastAPI)."""
    response = client.get("/api/events?quad=9")
    assert json.loads(response.text) == {"error": response.json()["error"]}
    assert "detail" not in response.text
