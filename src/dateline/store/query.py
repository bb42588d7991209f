"""Named queries over a dateline store, read-only user SQL, and the table / CSV / JSON rendering of results.

Every function takes an open connection (`open_store(path, read_only=True)`) and returns a `QueryResult`: column
names and rows, at most `limit` of them (`truncated` says whether more matched). All values reach DuckDB as
parameters, never spliced into SQL.

User SQL (`run_sql`) is read-only twice over: the statement must parse, with DuckDB's own parser, as exactly one
SELECT (WITH, FROM-first, VALUES, DESCRIBE, SHOW and SUMMARIZE parse as SELECT too; INSERT, UPDATE, DELETE, CREATE,
DROP, ALTER, ATTACH, COPY, EXPORT, PRAGMA, SET, CALL, INSTALL, LOAD and transactions are refused with DL303), and
the connection it runs on should be opened with `read_only=True, external_access=False`, so that even a statement
that slipped through could neither write the database nor read or write any other file.
"""

from __future__ import annotations

import csv
import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import IO, Any

import duckdb

from dateline.errors import StoreError

DEFAULT_LIMIT = 1000
SQL_TIMEOUT = 30.0  # seconds a user statement may run before it is interrupted
WILDCARD = "*"


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


@dataclass
class QueryResult:
    """Column names and rows of a query; `truncated` when more rows matched than the limit let through."""

    columns: list[str]
    rows: list[tuple[Any, ...]]
    truncated: bool = False

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


# ---- named queries -------------------------------------------------------------------------------------------

_EVENT_COLUMNS = """
    e.date, e.code, e.name, e.quad_class, e.goldstein,
    e.source_code, e.source_name, e.target_code, e.target_name, e.trigger,
    substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence,
    e.modality, a.id AS article, a.source AS outlet, a.url, e.event_id"""


def parse_dyad(dyad: str) -> tuple[str | None, str | None]:
    """'USA-AZE' -> ('USA', 'AZE'); '*' on either side (or nothing) means any actor.

    >>> parse_dyad("USA-AZE"), parse_dyad("USAGOV-*"), parse_dyad("---REB-SYR")
    (('USA', 'AZE'), ('USAGOV', None), ('---REB', 'SYR'))
    """
    text = dyad.strip().upper()
    # A code may start with '---' (unknown country), so split on the first '-' after the first three characters.
    cut = text.find("-", 3) if text.startswith("---") else text.find("-")
    if cut < 0:
        raise StoreError("DL303", reason=f"--dyad takes SOURCE-TARGET, such as USA-AZE or USAGOV-*, not {dyad!r}")
    source, target = text[:cut].strip(), text[cut + 1 :].strip()
    return (None if source in ("", WILDCARD) else source), (None if target in ("", WILDCARD) else target)


def events(
    con: duckdb.DuckDBPyConnection,
    *,
    source: str | None = None,
    target: str | None = None,
    code: str | None = None,
    quad_class: int | None = None,
    start: str | date | None = None,
    end: str | date | None = None,
    both_ways: bool = False,
    limit: int = DEFAULT_LIMIT,
) -> QueryResult:
    """Events, newest last, with their evidence sentence, filtered by any of:

    - `source`, `target`: a 3-letter country or IGO code (`USA`, matched against the actor's country) or a full
      actor code (`USAGOV`); `both_ways` also returns target -> source events;
    - `code`: a CAMEO code prefix (`04` is the root Consult, `042` Make a visit);
    - `quad_class`: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict;
    - `start`, `end`: inclusive ISO dates on the event date.
    """
    where, params = [], []
    dyad_sql, dyad_params = _dyad_filter(source, target)
    if both_ways and (source or target):
        back_sql, back_params = _dyad_filter(target, source)
        dyad_sql, dyad_params = f"(({dyad_sql}) OR ({back_sql}))", dyad_params + back_params
    where.append(dyad_sql)
    params += dyad_params
    if code:
        if not code.isdigit() or len(code) > 4:
            raise StoreError("DL303", reason=f"a CAMEO code is 2 to 4 digits (04, 042, 0421), not {code!r}")
        where.append("starts_with(e.code, ?)")
        params.append(code)
    if quad_class is not None:
        if quad_class not in (1, 2, 3, 4):
            raise StoreError("DL303", reason=f"QuadClass is 1, 2, 3 or 4, not {quad_class}")
        where.append("e.quad_class = ?")
        params.append(quad_class)
    date_sql, date_params = _date_filter("e.date", start, end)
    where.append(date_sql)
    params += date_params
    sql = (
        f"SELECT {_EVENT_COLUMNS} FROM events e JOIN articles a USING (article_id) "
        f"WHERE {' AND '.join(where)} ORDER BY e.date NULLS LAST, e.event_id"
    )
    return _fetch(con, sql, params, limit)


def dyad_events(
    con: duckdb.DuckDBPyConnection,
    source: str | None,
    target: str | None,
    start: str | date | None = None,
    end: str | date | None = None,
    *,
    both_ways: bool = False,
    limit: int = DEFAULT_LIMIT,
) -> QueryResult:
    """The event timeline of one dyad: `events(con, source=..., target=..., start=..., end=...)`."""
    return events(con, source=source, target=target, start=start, end=end, both_ways=both_ways, limit=limit)


def top_actors(
    con: duckdb.DuckDBPyConnection,
    *,
    country: str | None = None,
    start: str | date | None = None,
    end: str | date | None = None,
    limit: int = 20,
) -> QueryResult:
    """The actors in most articles (published between `start` and `end`), with mentions and events as source/target."""
    date_sql, date_params = _date_filter("ar.published", start, end)
    country_sql = "TRUE" if not country else "ac.country = ?"
    params = [*date_params, *([country.upper()] if country else []), *date_params, *date_params]
    sql = f"""
        WITH chosen AS (SELECT article_id FROM articles ar WHERE {date_sql}),
        a AS (
            SELECT ac.name, ac.code, any_value(ac.country) AS country, any_value(ac.kind) AS kind,
                   count(DISTINCT ac.article_id) AS articles, sum(json_array_length(ac.mentions)) AS mentions
            FROM actors ac JOIN chosen USING (article_id) WHERE {country_sql} GROUP BY ac.name, ac.code
        ),
        s AS (
            SELECT source_name AS name, source_code AS code, count(*) AS as_source
            FROM events JOIN articles ar USING (article_id) WHERE {date_sql} GROUP BY ALL
        ),
        t AS (
            SELECT target_name AS name, target_code AS code, count(*) AS as_target
            FROM events JOIN articles ar USING (article_id) WHERE {date_sql} GROUP BY ALL
        )
        SELECT a.name, a.code, a.country, a.kind, a.articles, a.mentions,
               coalesce(s.as_source, 0) AS as_source, coalesce(t.as_target, 0) AS as_target
        FROM a LEFT JOIN s USING (name, code) LEFT JOIN t USING (name, code)
        ORDER BY a.articles DESC, a.mentions DESC, a.name"""
    return _fetch(con, sql, params, limit)


def quotes_by_speaker(
    con: duckdb.DuckDBPyConnection,
    speaker: str,
    *,
    start: str | date | None = None,
    end: str | date | None = None,
    limit: int = DEFAULT_LIMIT,
) -> QueryResult:
    """Quotations whose resolved speaker name contains `speaker` (any case), newest first; `*` lists the speakers
    with their number of quotations instead."""
    date_sql, date_params = _date_filter("ar.published", start, end)
    if speaker.strip() in ("", WILDCARD):
        sql = f"""
            SELECT q.speaker_name AS speaker, any_value(q.speaker_actor_code) AS actor_code, count(*) AS quotes,
                   count(DISTINCT q.article_id) AS articles, max(ar.published) AS last_quoted
            FROM quotes q JOIN articles ar USING (article_id)
            WHERE q.speaker_name IS NOT NULL AND {date_sql}
            GROUP BY q.speaker_name ORDER BY quotes DESC, speaker"""
        return _fetch(con, sql, date_params, limit)
    sql = f"""
        SELECT ar.published, q.speaker_name AS speaker, q.type, q.content, q.cue, ar.source AS outlet,
               ar.title, ar.id AS article, ar.url
        FROM quotes q JOIN articles ar USING (article_id)
        WHERE q.speaker_name ILIKE ? ESCAPE '\\' AND {date_sql}
        ORDER BY ar.published DESC NULLS LAST, ar.id, q.quote_idx"""
    return _fetch(con, sql, [f"%{_escape_like(speaker.strip())}%", *date_params], limit)


def find_article(con: duckdb.DuckDBPyConnection, key: str, *, limit: int = DEFAULT_LIMIT) -> QueryResult:
    """Articles whose own id or URL is `key`, or whose content hash starts with it (6 characters at least)."""
    key = key.strip()
    prefix = key.lower() if len(key) >= 6 and all(c in "0123456789abcdef" for c in key.lower()) else None
    sql = """
        SELECT a.article_id, a.id, a.title, a.published, a.source AS outlet, a.url, a.dateline_place,
               a.n_actors, a.n_events, a.n_quotes, round(a.tone, 2) AS tone,
               (SELECT string_agg(theme, ';') FROM themes t WHERE t.article_id = a.article_id) AS themes
        FROM articles a
        WHERE a.id = ? OR a.url = ? OR (? IS NOT NULL AND starts_with(a.article_id, ?))
        ORDER BY a.published, a.article_id"""
    return _fetch(con, sql, [key, key, prefix, prefix], limit)


def run_query(
    con: duckdb.DuckDBPyConnection,
    *,
    sql: str | None = None,
    dyad: str | None = None,
    code: str | None = None,
    quad_class: int | None = None,
    both_ways: bool = False,
    top: bool = False,
    speaker: str | None = None,
    article: str | None = None,
    country: str | None = None,
    start: str | None = None,
    end: str | None = None,
    limit: int = DEFAULT_LIMIT,
) -> QueryResult:
    """What `dateline query` runs: one of user SQL, an article lookup, quotes by speaker, the top actors, or events
    (by dyad, code and QuadClass, combinable); `start`/`end` narrow every named query. DL303 when the choice is
    ambiguous or empty."""
    chosen = [
        name
        for name, given in (("--sql", sql), ("--article", article), ("--speaker", speaker), ("--top-actors", top))
        if given
    ]
    if dyad or code or quad_class is not None:
        chosen.append("--dyad/--code/--quad")
    if not chosen:
        raise StoreError(
            "DL303", reason="choose a query: --dyad, --code, --quad, --top-actors, --speaker, --article or --sql"
        )
    if len(chosen) > 1:
        raise StoreError("DL303", reason=f"choose one query, not {' and '.join(chosen)} together")
    if sql:
        return run_sql(con, sql, limit=limit)
    if article:
        return find_article(con, article, limit=limit)
    if speaker:
        return quotes_by_speaker(con, speaker, start=start, end=end, limit=limit)
    if top:
        return top_actors(con, country=country, start=start, end=end, limit=limit)
    source, target = parse_dyad(dyad) if dyad else (None, None)
    return events(
        con,
        source=source,
        target=target,
        code=code,
        quad_class=quad_class,
        start=start,
        end=end,
        both_ways=both_ways,
        limit=limit,
    )


# ---- user SQL --------------------------------------------------------------------------------------------------


def check_read_only(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    """Raise DL303 unless `sql` is exactly one SELECT statement (parsed by DuckDB itself)."""
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise StoreError("DL303", reason=_first_line(exc)) from exc
    if len(statements) != 1:
        raise StoreError("DL303", reason=f"give exactly one SQL statement, not {len(statements)}")
    kind = statements[0].type
    if kind != duckdb.StatementType.SELECT:
        raise StoreError("DL303", reason=f"only SELECT statements may run here, not {kind.name}")


def run_sql(
    con: duckdb.DuckDBPyConnection,
    sql: str,
    params: Sequence[Any] | None = None,
    *,
    limit: int = DEFAULT_LIMIT,
    timeout: float | None = SQL_TIMEOUT,
) -> QueryResult:
    """Run one read-only SELECT (see the module notes), returning at most `limit` rows; interrupted after `timeout`
    seconds (DL303)."""
    check_read_only(con, sql)
    timer = threading.Timer(timeout, con.interrupt) if timeout else None
    if timer:
        timer.start()
    try:
        relation = con.sql(sql.strip().rstrip(";"), params=list(params) if params else None)
        rows = relation.limit(limit + 1).fetchall()
        columns = list(relation.columns)
    except duckdb.InterruptException as exc:
        raise StoreError("DL303", reason=f"the query ran longer than {timeout:g} s and was stopped") from exc
    except duckdb.Error as exc:
        raise StoreError("DL303", reason=_first_line(exc)) from exc
    finally:
        if timer:
            timer.cancel()
    return QueryResult(columns, rows[:limit], len(rows) > limit)


# ---- rendering -------------------------------------------------------------------------------------------------


def write_result(result: QueryResult, fmt: OutputFormat | str, out: IO[str]) -> None:
    """Write `result` as a readable table (rich), CSV with a header row, or a JSON array of objects."""
    fmt = OutputFormat(fmt)
    if fmt is OutputFormat.csv:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([[_csv_cell(v) for v in row] for row in result.rows])
    elif fmt is OutputFormat.json:
        out.write(json.dumps(result.records(), ensure_ascii=False, indent=1, default=_json_default) + "\n")
    else:
        _write_table(result, out)


def _write_table(result: QueryResult, out: IO[str]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(*result.columns, show_lines=False, highlight=False)
    for row in result.rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    console = Console(file=out, width=max(120, min(240, 24 * len(result.columns))))
    console.print(table)
    shown = f"{len(result.rows)} row(s)" + (" (more matched: raise --limit)" if result.truncated else "")
    console.print(shown, highlight=False)


def _csv_cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=_json_default)
    return "" if value is None else value


def _json_default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (bytes, bytearray)):
        return value.hex()
    return str(value)


# ---- helpers ---------------------------------------------------------------------------------------------------


def _fetch(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any], limit: int) -> QueryResult:
    if limit < 1:
        raise StoreError("DL303", reason=f"--limit must be at least 1, not {limit}")
    cursor = con.execute(f"{sql}\nLIMIT {int(limit) + 1}", params)
    columns = [d[0] for d in cursor.description]
    rows = cursor.fetchall()
    return QueryResult(columns, rows[:limit], len(rows) > limit)


def _dyad_filter(source: str | None, target: str | None) -> tuple[str, list[Any]]:
    parts, params = [], []
    for side, code in (("source", source), ("target", target)):
        if not code:
            continue
        code = code.strip().upper()
        parts.append(f"e.{side}_country = ?" if len(code) == 3 else f"e.{side}_code = ?")
        params.append(code)
    return (" AND ".join(parts) or "TRUE"), params


def _date_filter(column: str, start: str | date | None, end: str | date | None) -> tuple[str, list[Any]]:
    parts, params = [], []
    for bound, op, name in ((start, ">=", "--from"), (end, "<=", "--to")):
        if bound is None or bound == "":
            continue
        parts.append(f"{column} {op} ?")
        params.append(_iso(bound, name))
    return (" AND ".join(parts) or "TRUE"), params


def _iso(value: str | date, name: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise StoreError("DL303", reason=f"{name} takes an ISO date (YYYY-MM-DD), not {value!r}") from exc


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip() or type(exc).__name__).split("\n", 1)[0]
