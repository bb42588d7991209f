"""API load test: 50 concurrent clients for 30 s against `dateline serve` on 127.0.0.1, over 100,000 events.

The server (`dateline.serve.run`, read-only) runs in a subprocess on a free loopback port over bench/store_dyad.py's
synthetic store (built as in bench/serve_pages.py, or --db). Each client is an asyncio task with its own
keep-alive connection that sends GET requests drawn from a fixed mix of API endpoints (seeded, so runs are
comparable) one after another until the time is up. The test is bounded twice, by time (--seconds) and by a cap on
the total number of requests (--max-requests), and stops by itself; it only ever sends to the loopback address.

Reported: requests, throughput, latency percentiles (p50, p95, p99, max) overall and per endpoint, status codes,
and the 5xx and connection-error counts (the target is zero of both).

    .venv/bin/python bench/serve_load.py [--clients 50] [--seconds 30] [--db store.duckdb]
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import random
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import httpx2
from serve_pages import build_store, percentile, serving
from store_dyad import COUNTRIES

MAX_REQUESTS = 500_000  # a hard stop, whatever the time limit


def request_mix(rng: random.Random) -> tuple[str, str]:
    """(endpoint name, path) of one request: reads of every kind, the cheap ones more often as a UI would."""
    a, b = rng.sample(COUNTRIES, 2)
    day = f"2025-{rng.randint(1, 12):02d}-01"
    choices = [
        (6, "events dyad", f"/api/events?dyad={a}-{b}&limit=100"),
        (2, "events code+quad", f"/api/events?code=04&quad=1&from={day}&limit=50"),
        (2, "events country", f"/api/events?country={a}&from={day}&limit=50"),
        (4, "article", f"/api/articles/a{rng.randrange(10_000)}"),
        (3, "articles list", f"/api/articles?limit=50&offset={rng.randrange(5_000)}"),
        (3, "dyad series", f"/api/dyads/{a}-{b}/series"),
        (1, "top dyads", "/api/dyads?limit=20"),
        (1, "top actors", "/api/actors?limit=20"),
        (1, "network", "/api/network?limit=60"),
        (2, "speakers", "/api/speakers"),
        (2, "quotes", "/api/quotes?speaker=X&limit=50"),
        (1, "search", f"/api/search?q={rng.choice(COUNTRIES)}%20{rng.choice(COUNTRIES)}&limit=20"),
        (2, "health", "/api/health"),
    ]
    weights = [w for w, _, _ in choices]
    _, name, path = rng.choices(choices, weights=weights)[0]
    return name, path


async def client(
    base: str, seed: int, deadline: float, budget: list[int], results: list[tuple[str, int, float]]
) -> None:
    rng = random.Random(seed)
    async with httpx2.AsyncClient(base_url=base, timeout=30) as http:
        while time.monotonic() < deadline and budget[0] > 0:
            budget[0] -= 1
            name, path = request_mix(rng)
            started = time.perf_counter()
            try:
                status = (await http.get(path)).status_code
            except httpx2.HTTPError:
                status = -1  # connection error or timeout
            results.append((name, status, (time.perf_counter() - started) * 1000))


async def load(
    base: str, clients: int, seconds: float, max_requests: int
) -> tuple[list[tuple[str, int, float]], float]:
    host = urlsplit(base).hostname or ""
    if not ipaddress.ip_address(host).is_loopback:  # never anywhere but this machine
        raise SystemExit(f"refusing to load-test {host}: loopback addresses only")
    results: list[tuple[str, int, float]] = []
    budget = [max_requests]
    started = time.monotonic()
    deadline = started + seconds
    await asyncio.gather(*(client(base, k, deadline, budget, results) for k in range(clients)))
    return results, time.monotonic() - started


def report(results: list[tuple[str, int, float]], elapsed: float, clients: int) -> None:
    statuses = Counter(status for _, status, _ in results)
    latencies = [ms for _, _, ms in results]
    print(f"{len(results):,} requests from {clients} clients in {elapsed:.1f} s: {len(results) / elapsed:,.0f} req/s")
    print(
        f"latency ms: p50 {percentile(latencies, 0.5):.1f}, p95 {percentile(latencies, 0.95):.1f}, "
        f"p99 {percentile(latencies, 0.99):.1f}, max {max(latencies):.1f}"
    )
    print("status codes:", dict(sorted(statuses.items())))
    by_name: dict[str, list[float]] = defaultdict(list)
    for name, _, ms in results:
        by_name[name].append(ms)
    print(f"{'endpoint':18} {'requests':>9} {'p50':>8} {'p99':>8}")
    for name, values in sorted(by_name.items(), key=lambda kv: -percentile(kv[1], 0.99)):
        print(f"{name:18} {len(values):>9,} {percentile(values, 0.5):>7.1f} {percentile(values, 0.99):>7.1f}")
    server_errors = sum(n for s, n in statuses.items() if s >= 500)
    print(f"5xx: {server_errors}, connection errors: {statuses.get(-1, 0)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--max-requests", type=int, default=MAX_REQUESTS)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=10)
    parser.add_argument("--db", type=Path, help="store to use (built there when missing); default: a temporary one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "load.duckdb"
        if not db.exists():
            took = build_store(db, args.articles, args.events)
            print(f"store: {args.articles:,} articles x {args.events} events built in {took:.1f} s")
        with serving(db) as base:
            results, elapsed = asyncio.run(load(base, args.clients, args.seconds, min(args.max_requests, MAX_REQUESTS)))
    report(results, elapsed, args.clients)


if __name__ == "__main__":
    main()
