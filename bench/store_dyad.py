"""Store benchmark: ingest 100,000 synthetic events through the public API, then time a dyad query.

10,000 articles x 10 events, random dyads among 50 countries over two years (2024-2025), go into a temporary
DuckDB file via `dateline.store.ingest`. The dyad query (one source/target pair since a date, ordered by date) is
then timed on a fresh read-only connection against a full-table `COUNT(*)` baseline in the same run: as bare SQL,
and through `dateline.store.query.dyad_events` (what `dateline query --dyad USA-AZE --from 2025-01-01` runs: it
also joins each event's article for its evidence sentence, outlet and URL).

    .venv/bin/python bench/store_dyad.py [--articles 10000] [--events 10] [--repeat 30]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from dateline.model import Actor, Analysis, Event, EventActor, Location, Quote, Speaker, Tone, content_hash
from dateline.store import ingest, open_store
from dateline.store.query import dyad_events

_COUNTRY_LIST = (
    "USA AZE ARM RUS CHN GBR FRA DEU TUR IRN ISR UKR GEO KAZ IND PAK JPN KOR PRK BRA MEX CAN ITA ESP POL "
    "SAU ARE QAT EGY SYR IRQ AFG NGA ZAF ETH KEN SDN LBY VEN COL ARG CHL IDN PHL VNM THA AUS NZL UNO EUR"
)
COUNTRIES = _COUNTRY_LIST.split()
CODES = [
    ("042", "04", "Make a visit", 1, 1.9),
    ("036", "03", "Express intent to meet", 1, 4.0),
    ("112", "11", "Accuse", 3, -2.0),
    ("190", "19", "Fight", 4, -10.0),
    ("057", "05", "Sign agreement", 1, 8.0),
]
START = date(2024, 1, 1)
DYAD_SQL = (
    "SELECT date, code, goldstein FROM events "
    "WHERE source_country = 'USA' AND target_country = 'AZE' AND date >= '2025-01-01' ORDER BY date"
)
BASELINE_SQL = "SELECT COUNT(*) FROM events"


def synthetic(n_articles: int, n_events: int, seed: int = 7):
    """Yield `(Analysis, text)` pairs shaped like real output: actors, events with spans, one quote, tone."""
    rng = random.Random(seed)
    for k in range(n_articles):
        text = f"Article {k}. " + " ".join(rng.choice(COUNTRIES) for _ in range(120)) + " officials said."
        day = START + timedelta(days=rng.randrange(731))
        events = []
        for i in range(n_events):
            src, tgt = rng.sample(COUNTRIES, 2)
            code, root, name, quad, gold = rng.choice(CODES)
            s = (i * 8) % (len(text) - 8)
            events.append(
                Event(
                    code=code,
                    root=root,
                    name=name,
                    quad_class=quad,
                    goldstein=gold,
                    source=EventActor(src, (s, s + 3), src, src + "GOV", src, "GOV"),
                    target=EventActor(tgt, (s + 4, s + 7), tgt, tgt + "GOV", tgt, "GOV"),
                    trigger="met",
                    trigger_span=(s, s + 3),
                    sentence_span=(0, len(text)),
                    date=(day - timedelta(days=rng.randrange(3))).isoformat(),
                    location=Location("Baku", "AZE", 40.4, 49.9),
                    confidence=rng.random(),
                )
            )
        actors = [Actor(c, c + "GOV", c, "GOV", kind="country", mentions=[(0, 3)]) for c in COUNTRIES[:5]]
        quote = Quote("direct", "officials", (len(text) - 15, len(text) - 6), Speaker("X", "he", None), "said", None)
        analysis = Analysis(
            id=f"a{k}",
            text_length=len(text),
            content_hash=content_hash(text),
            title=f"Article {k}",
            published=day.isoformat(),
            source="Synthetic",
            actors=actors,
            events=events,
            quotes=[quote],
            themes=["DIPLOMACY"],
            tone=Tone(1.0, 2.0, 1.0, 3.0, 120),
            model="none",
        )
        yield analysis, text


def timed(con, sql, repeat: int) -> tuple[float, object]:
    """Median milliseconds of `sql` (a statement, or a function of the connection) over `repeat` runs."""
    run = sql if callable(sql) else (lambda c: c.execute(sql).fetchall())
    result = run(con)  # warm-up
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = run(con)
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.duckdb"
        items = list(synthetic(args.articles, args.events))  # built first: the timing is the store's alone
        con = open_store(path)
        t0 = time.perf_counter()
        report = ingest(con, items)
        ingest_s = time.perf_counter() - t0
        con.close()
        size_mb = path.stat().st_size / 1e6
        con = open_store(path, read_only=True)
        baseline_ms, total = timed(con, BASELINE_SQL, args.repeat)
        dyad_ms, rows = timed(con, DYAD_SQL, args.repeat)
        library_ms, result = timed(con, lambda c: dyad_events(c, "USA", "AZE", "2025-01-01"), args.repeat)
        con.close()
    print(f"ingest: {report.stored} articles, {report.events} events in {ingest_s:.2f} s")
    print(
        f"  {report.stored / ingest_s:,.0f} articles/s, {report.events / ingest_s:,.0f} events/s, file {size_mb:.1f} MB"
    )
    print(f"COUNT(*) baseline: {baseline_ms:.3f} ms (median of {args.repeat}; {total[0][0]} events)")
    print(f"dyad query USA->AZE since 2025-01-01: {dyad_ms:.3f} ms (median of {args.repeat}; {len(rows)} rows)")
    print(f"ratio dyad / COUNT(*): {dyad_ms / baseline_ms:.1f}x")
    print(
        f"dateline.store.query.dyad_events(USA, AZE, 2025-01-01), with evidence sentences: {library_ms:.3f} ms "
        f"(median of {args.repeat}; {len(result.rows)} rows)"
    )


if __name__ == "__main__":
    main()
