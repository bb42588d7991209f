"""Web page benchmark: the server-side time of each page of `dateline serve` over a store of 100,000 events.

The store is bench/store_dyad.py's synthetic one (10,000 articles x 10 events, 50 countries, two years), written
to a temporary file (or to --db, and reused when that file exists). The real server (`dateline.serve.run`, uvicorn)
runs in a subprocess on a free loopback port; each page is fetched `--repeat` times after one warm-up, and the
time is the server's own (`Server-Timing: app;dur=`, from the request's arrival to the response's headers, the
whole page rendered by then) and, for comparison, the client's (including the loopback HTTP). The target is a
p95 under 300 ms for every page.

    .venv/bin/python bench/serve_pages.py [--articles 10000] [--events 10] [--repeat 20] [--db store.duckdb]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from store_dyad import synthetic

from dateline.store import ingest, open_store

PAGES = [
    "/",
    "/?from=2025-01-01&to=2025-03-31",
    "/dyad/USA-AZE",
    "/dyad/USA-AZE?both_ways=true",
    "/dyad/USAGOV-*",
    "/network",
    "/quotes",
    "/quotes?speaker=X",
    "/articles",
    "/articles?page=50",
    "/articles?q=officials",
    "/articles/a1234",
    "/analyze",
]
TARGET_MS = 300.0


def build_store(path: Path, articles: int, events: int) -> float:
    """Write the synthetic store; seconds taken."""
    started = time.perf_counter()
    con = open_store(path)
    try:
        ingest(con, synthetic(articles, events))
    finally:
        con.close()
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(db: Path) -> Iterator[str]:
    """`dateline.serve.run` on a free loopback port in a subprocess (read-only, no model warm-up); its base URL."""
    port = free_port()
    code = (
        "import sys; from dateline.serve import run; "
        "run(sys.argv[1], '127.0.0.1', int(sys.argv[2]), None, warm_model=False, log_level='warning')"
    )
    env = {k: v for k, v in os.environ.items() if k != "DATELINE_TOKEN"}
    proc = subprocess.Popen([sys.executable, "-c", code, str(db), str(port)], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(base + "/api/health", timeout=2).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def fetch(base: str, path: str) -> tuple[int, float, float, int]:
    """(status, server ms, client ms, bytes) of one GET."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(base + urllib.parse.quote(path, safe="/?=&*-"), timeout=30) as r:
            body = r.read()
            status, timing = r.status, r.headers.get("server-timing", "")
    except urllib.error.HTTPError as exc:
        body, status, timing = exc.read(), exc.code, exc.headers.get("server-timing", "")
    client_ms = (time.perf_counter() - started) * 1000
    server_ms = float(timing.split("dur=")[1]) if "dur=" in timing else float("nan")
    return status, server_ms, client_ms, len(body)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--db", type=Path, help="store to use (built there when missing); default: a temporary one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "pages.duckdb"
        if not db.exists():
            took = build_store(db, args.articles, args.events)
            print(f"store: {args.articles:,} articles x {args.events} events built in {took:.1f} s")
        with serving(db) as base:
            print(f"{'page':34} {'status':>6} {'server p50':>11} {'server p95':>11} {'client p50':>11} {'KB':>7}")
            worst = 0.0
            for path in PAGES:
                fetch(base, path)  # warm-up: first-use costs (template compile, DuckDB caches) are not the page's
                runs = [fetch(base, path) for _ in range(args.repeat)]
                server = [r[1] for r in runs]
                client = [r[2] for r in runs]
                p95 = percentile(server, 0.95)
                worst = max(worst, p95)
                print(
                    f"{path:34} {runs[0][0]:>6} {statistics.median(server):>9.1f}ms {p95:>9.1f}ms "
                    f"{statistics.median(client):>9.1f}ms {runs[0][3] / 1024:>7.1f}"
                )
    verdict = "within" if worst < TARGET_MS else "OVER"
    print(f"slowest page p95: {worst:.1f} ms server time ({verdict} the {TARGET_MS:.0f} ms target)")


if __name__ == "__main__":
    main()
