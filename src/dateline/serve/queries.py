"""The read queries that only the web pages and API need, beside the named queries of `dateline.store.query`.

Each is one SELECT run through `dateline.store.query.run_sql` (the same read-only check and timeout as user SQL),
with every value passed as a parameter, and returns a `QueryResult`. Dyad and actor filters follow the rule of
`store.query.events`: a 3-letter code matches an actor's country, a longer one the full actor code (USAGOV).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb

from dateline.errors import StoreError
from dateline.store.query import QueryResult, run_sql

Day = str | date | None
TIMEOUT = 10.0  # seconds; these are all sub-second at 100,000 events, so this only stops a pathological store
BUCKETS = ("day", "week", "month")


def stats(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Counts and the date range of the whole store."""
    sql = """
        SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM events) AS events,
               (SELECT count(*) FROM quotes) AS quotes,
               (SELECT count(DISTINCT speaker_name) FROM quotes) AS speakers,
               (SELECT count(DISTINCT code) FROM actors) AS actor_codes,
               (SELECT min(date) FROM events) AS first_date, (SELECT max(date) FROM events) AS last_date"""
    return _run(con, sql, [], 1).records()[0]


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Articles and events stored: the cheap part of `stats`, for health checks."""
    sql = "SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM events) AS events"
    return _run(con, sql, [], 1).records()[0]


def events_by_period(con: duckdb.DuckDBPyConnection, *, bucket: str = "day", start: Day = None, end: Day = None):
    """Events per period (day, week or month) and QuadClass: rows (period, quad_class, events)."""
    if bucket not in BUCKETS:
        raise StoreError("DL303", reason=f"bucket is day, week or month, not {bucket!r}")
    where, params = _dates("date", start, end)
    sql = f"""
        SELECT CAST(date_trunc('{bucket}', date) AS DATE) AS period, quad_class, count(*) AS events
        FROM events WHERE date IS NOT NULL AND {where} GROUP BY ALL ORDER BY period, quad_class"""
    return _run(con, sql, params, 100_000)


def top_dyads(con: duckdb.DuckDBPyConnection, *, start: Day = None, end: Day = None, limit: int = 20):
    """Country pairs (source -> target, both known and different) with most events, their mean Goldstein score."""
    where, params = _dates("date", start, end)
    sql = f"""
        SELECT source_country AS source, target_country AS target, count(*) AS events,
               round(avg(goldstein), 2) AS goldstein, max(date) AS last_date
        FROM events
        WHERE source_country <> '---' AND target_country <> '---' AND source_country <> target_country AND {where}
        GROUP BY ALL ORDER BY events DESC, source, target"""
    return _run(con, sql, params, limit)


def dyad_series(
    con: duckdb.DuckDBPyConnection,
    source: str | None,
    target: str | None,
    *,
    start: Day = None,
    end: Day = None,
    both_ways: bool = False,
):
    """A dyad's events per day: count, mean Goldstein score and the count of each QuadClass."""
    dyad, params = dyad_filter(source, target, both_ways=both_ways)
    where, date_params = _dates("date", start, end)
    sql = f"""
        SELECT date, count(*) AS events, round(avg(goldstein), 2) AS goldstein,
               count(*) FILTER (quad_class = 1) AS verbal_coop,
               count(*) FILTER (quad_class = 2) AS material_coop,
               count(*) FILTER (quad_class = 3) AS verbal_conflict,
               count(*) FILTER (quad_class = 4) AS material_conflict
        FROM events WHERE date IS NOT NULL AND {dyad} AND {where} GROUP BY date ORDER BY date"""
    return _run(con, sql, params + date_params, 100_000)


def network(
    con: duckdb.DuckDBPyConnection, *, start: Day = None, end: Day = None, min_events: int = 1, limit: int = 60
):
    """The strongest links between actor codes (either direction): events, mean Goldstein, a name for each end.

    Actors of unknown country (`---`) are left out: they would join unrelated actors into one node.
    """
    where, params = _dates("date", start, end)
    sql = f"""
        WITH pairs AS (
            SELECT least(source_code, target_code) AS a, greatest(source_code, target_code) AS b,
                   goldstein, source_code, source_name, target_code, target_name
            FROM events
            WHERE target_code IS NOT NULL AND source_code <> target_code
              AND NOT starts_with(source_code, '---') AND NOT starts_with(target_code, '---') AND {where}
        )
        SELECT a, b, count(*) AS events, round(avg(goldstein), 2) AS goldstein,
               mode(CASE WHEN source_code = a THEN source_name ELSE target_name END) AS a_name,
               mode(CASE WHEN source_code = b THEN source_name ELSE target_name END) AS b_name
        FROM pairs GROUP BY a, b HAVING count(*) >= ? ORDER BY events DESC, a, b"""
    return _run(con, sql, [*params, min_events], limit)


def list_articles(
    con: duckdb.DuckDBPyConnection, *, start: Day = None, end: Day = None, limit: int = 50, offset: int = 0
):
    """Articles, newest first (by publication date)."""
    where, params = _dates("published", start, end)
    sql = f"""
        SELECT article_id, id, title, published, source AS outlet, url, n_actors, n_events, n_quotes
        FROM articles WHERE {where}
        ORDER BY published DESC NULLS LAST, article_id OFFSET ?"""
    return _run(con, sql, [*params, max(0, offset)], limit)


def search_articles(con: duckdb.DuckDBPyConnection, q: str, *, limit: int = 50):
    """Articles whose title or text contains `q` (any case), newest first, with a snippet around the first hit."""
    q = q.strip()
    if not q:
        raise StoreError("DL303", reason="give some words to search for")
    sql = r"""
        WITH hits AS (
            SELECT article_id, id, title, published, source AS outlet, n_events, n_quotes, text,
                   strpos(lower(text), lower(?)) AS pos
            FROM articles WHERE title ILIKE ? ESCAPE '\' OR text ILIKE ? ESCAPE '\'
        )
        SELECT article_id, id, title, published, outlet, n_events, n_quotes,
               CASE WHEN pos > 0 THEN substr(text, greatest(pos - 90, 1), 220 + length(?)) ELSE left(text, 220) END
                   AS snippet
        FROM hits ORDER BY published DESC NULLS LAST, article_id"""
    pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return _run(con, sql, [q, pattern, pattern, q], limit)


def article_text(con: duckdb.DuckDBPyConnection, article_id: str) -> str | None:
    """The stored text of an article (None when it was stored without its text)."""
    rows = _run(con, "SELECT text FROM articles WHERE article_id = ?", [article_id], 1).rows
    return rows[0][0] if rows else None


def dyad_filter(source: str | None, target: str | None, *, both_ways: bool = False) -> tuple[str, list[Any]]:
    """SQL condition and parameters for a dyad (either side may be None: any actor)."""
    one, params = _sides(source, target)
    if both_ways and (source or target):
        back, back_params = _sides(target, source)
        return f"(({one}) OR ({back}))", params + back_params
    return one, params


def _sides(source: str | None, target: str | None) -> tuple[str, list[Any]]:
    parts, params = [], []
    for side, code in (("source", source), ("target", target)):
        if code:
            code = code.strip().upper()
            parts.append(f"{side}_country = ?" if len(code) == 3 else f"{side}_code = ?")
            params.append(code)
    return (" AND ".join(parts) or "TRUE"), params


def _dates(column: str, start: Day, end: Day) -> tuple[str, list[Any]]:
    parts, params = [], []
    for bound, op in ((start, ">="), (end, "<=")):
        if bound:
            parts.append(f"{column} {op} CAST(? AS DATE)")
            params.append(bound.isoformat() if isinstance(bound, date) else bound)
    return (" AND ".join(parts) or "TRUE"), params


def _run(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any], limit: int) -> QueryResult:
    return run_sql(con, sql, params, limit=limit, timeout=TIMEOUT)
