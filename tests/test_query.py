"""dateline.store.query and `dateline query`: named queries, read-only SQL, table/CSV/JSON output."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.errors import StoreError
from dateline.store import open_store
from dateline.store.query import (
    OutputFormat,
    QueryResult,
    check_read_only,
    dyad_events,
    events,
    find_article,
    parse_dyad,
    quotes_by_speaker,
    run_query,
    run_sql,
    top_actors,
    write_result,
)
from store_data import build_store

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("query") / "news.duckdb", 40)


@pytest.fixture
def con(db: Path):
    con = open_store(db, read_only=True, external_access=False)
    yield con
    con.close()


def counts(path: Path) -> dict[str, int]:
    con = open_store(path, read_only=True, external_access=False)  # same configuration as `con`: DuckDB shares it
    try:
        tables = ("articles", "actors", "events", "quotes", "places", "themes", "meta")
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        con.close()


# ---- named queries ----------------------------------------------------------------------------------------------


def test_query_dyad_over_time(con) -> None:
    result = dyad_events(con, "USA", "AZE", "2025-01-01")
    rows = result.records()
    assert rows and all(r["source_code"] == "USAGOV" and r["target_code"] == "AZEGOV" for r in rows)
    assert all(str(r["date"]) >= "2025-01-01" for r in rows)
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    assert rows[0]["sentence"].startswith("The government of United States")
    bounded = dyad_events(con, "USA", "AZE", "2025-01-01", "2025-02-01").records()
    assert bounded and all(str(r["date"]) <= "2025-02-01" for r in bounded) and len(bounded) < len(rows)


def test_query_dyad_codes_wildcards_and_both_ways(con) -> None:
    one_way = dyad_events(con, "USAGOV", "AZEGOV").rows
    both = dyad_events(con, "USA", "AZE", both_ways=True).records()
    assert len(both) == 2 * len(one_way)
    assert {(r["source_code"], r["target_code"]) for r in both} == {("USAGOV", "AZEGOV"), ("AZEGOV", "USAGOV")}
    any_target = dyad_events(con, "RUS", None).records()
    assert any_target and {r["target_code"] for r in any_target} == {"UKRGOV"}
    assert parse_dyad("usa-aze") == ("USA", "AZE")
    assert parse_dyad("*-AZE") == (None, "AZE")
    assert parse_dyad("---REB-SYR") == ("---REB", "SYR")
    with pytest.raises(StoreError, match="DL303"):
        parse_dyad("USA")


def test_query_events_by_code_root_and_quad(con) -> None:
    attacks = events(con, code="19").records()
    assert attacks and all(r["code"].startswith("19") for r in attacks)
    assert {r["code"] for r in events(con, code="042").records()} == {"042"}
    conflict = events(con, quad_class=4).records()
    assert conflict and all(r["quad_class"] == 4 for r in conflict)
    for bad in ({"code": "4x"}, {"quad_class": 5}, {"start": "2025-13-01"}):
        with pytest.raises(StoreError, match="DL303"):
            events(con, **bad)


def test_query_limit_marks_truncation(con) -> None:
    result = events(con, limit=3)
    assert len(result.rows) == 3 and result.truncated
    assert not events(con, limit=1000).truncated


def test_query_top_actors(con) -> None:
    rows = top_actors(con, limit=3).records()
    assert rows[0]["name"] == "Azerbaijan" and rows[0]["articles"] == 30
    assert rows[0]["as_source"] + rows[0]["as_target"] == 30
    only_rus = top_actors(con, country="rus").records()
    assert only_rus and {r["country"] for r in only_rus} == {"RUS"}
    dated = top_actors(con, start="2025-03-01").records()
    assert dated[0]["articles"] < 30


def test_query_quotes_by_speaker(con) -> None:
    rows = quotes_by_speaker(con, "aliyev").records()
    assert rows and {r["speaker"] for r in rows} == {"Ilham Aliyev"}
    assert [r["published"] for r in rows] == sorted((r["published"] for r in rows), reverse=True)
    assert quotes_by_speaker(con, "100%_").rows == []  # LIKE wildcards are literal
    speakers = quotes_by_speaker(con, "*").records()
    assert {r["speaker"] for r in speakers} == {"Ilham Aliyev", "Hikmet Hajiyev", "Azer Garayev"}
    assert sum(r["quotes"] for r in speakers) == 40


def test_query_article_lookup(con) -> None:
    by_id = find_article(con, "story-3").records()
    assert len(by_id) == 1 and by_id[0]["themes"] == "PEACE_PROCESS;TRADE"
    article_id = by_id[0]["article_id"]
    assert find_article(con, article_id[:10]).records()[0]["id"] == "story-3"
    assert find_article(con, "https://www.example.org/news/3").records()[0]["id"] == "story-3"
    assert find_article(con, "no-such-article").rows == []


def test_query_run_query_needs_exactly_one_kind(con) -> None:
    with pytest.raises(StoreError, match="choose a query"):
        run_query(con)
    with pytest.raises(StoreError, match="--sql and --article"):
        run_query(con, sql="SELECT 1", article="x")
    assert run_query(con, dyad="USA-AZE", code="19").rows


# ---- read-only SQL ----------------------------------------------------------------------------------------------

REFUSED = [
    "INSERT INTO meta VALUES ('x', 'y')",
    "DROP TABLE events",
    "ATTACH '/tmp/other.duckdb' AS other",
    "COPY events TO '/tmp/events.csv'",
    "PRAGMA database_size",
    "CREATE TABLE evil AS SELECT 1",
    "UPDATE events SET code = '190'",
    "DELETE FROM articles",
    "ALTER TABLE events ADD COLUMN x INT",
    "SET threads = 1",
    "CALL pragma_version()",
    "INSTALL httpfs",
    "LOAD json",
    "EXPORT DATABASE '/tmp/dump'",
    "CHECKPOINT",
    "BEGIN TRANSACTION",
    "SELECT 1; DROP TABLE events",
    "DETACH other",
]


@pytest.mark.parametrize("sql", REFUSED)
def test_query_sql_refuses_everything_but_one_select(db: Path, con, sql: str) -> None:
    before = counts(db)
    with pytest.raises(StoreError, match="DL303"):
        run_sql(con, sql)
    assert counts(db) == before


@pytest.mark.parametrize("sql", ["INSERT INTO meta VALUES ('x', 'y')", "DROP TABLE events", "CREATE TABLE t (a INT)"])
def test_query_sql_connection_itself_is_read_only(db: Path, con, sql: str) -> None:
    """Second layer: even a write that skipped the statement check fails on the read-only connection."""
    with pytest.raises(duckdb.Error):
        con.execute(sql)
    assert counts(db)["events"] == 40


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT * FROM read_csv('/etc/hostname')",
        "SELECT * FROM read_text('/etc/hostname')",
        "SELECT * FROM 'https://example.org/x.parquet'",
    ],
)
def test_query_sql_cannot_reach_other_files(con, sql: str) -> None:
    with pytest.raises(StoreError, match="DL303"):
        run_sql(con, sql)


def test_query_sql_runs_selects_with_a_row_limit(con) -> None:
    result = run_sql(con, "SELECT root, count(*) AS n FROM events GROUP BY root ORDER BY root;")
    assert result.columns == ["root", "n"] and sum(n for _, n in result.rows) == 40
    assert run_sql(con, "WITH x AS (SELECT 1 AS a) SELECT * FROM x").rows == [(1,)]
    assert run_sql(con, "FROM articles SELECT count(*)").rows == [(40,)]
    assert run_sql(con, "SELECT ? + 1 AS n", [41]).rows == [(42,)]
    big = run_sql(con, "SELECT * FROM range(1000000000)", limit=5)
    assert len(big.rows) == 5 and big.truncated
    with pytest.raises(StoreError, match="DL303"):
        run_sql(con, "SELECT * FROM no_such_table")
    with pytest.raises(StoreError, match="DL303"):
        check_read_only(con, "SELEC 1")


def test_query_sql_timeout_interrupts(con) -> None:
    with pytest.raises(StoreError, match="longer than"):
        run_sql(con, "SELECT count(*) FROM range(100000000000) a, range(10) b", timeout=0.3)
    assert run_sql(con, "SELECT 42").rows == [(42,)]  # the connection is still usable


# ---- rendering --------------------------------------------------------------------------------------------------


def test_query_write_result_formats() -> None:
    from datetime import date

    result = QueryResult(["day", "n", "note"], [(date(2025, 8, 11), 3, None), (date(2025, 8, 12), 1, "a,b")])
    out = io.StringIO()
    write_result(result, OutputFormat.csv, out)
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [
        ["day", "n", "note"],
        ["2025-08-11", "3", ""],
        ["2025-08-12", "1", "a,b"],
    ]
    out = io.StringIO()
    write_result(result, "json", out)
    assert json.loads(out.getvalue())[0] == {"day": "2025-08-11", "n": 3, "note": None}
    out = io.StringIO()
    write_result(result, "table", out)
    assert "2025-08-12" in out.getvalue() and "2 row(s)" in out.getvalue()


# ---- CLI --------------------------------------------------------------------------------------------------------


def test_cli_query_dyad_csv(db: Path) -> None:
    res = runner.invoke(app, ["query", "--db", str(db), "--dyad", "USA-AZE", "--from", "2025-01-01", "-f", "csv"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows and all(r["source_code"] == "USAGOV" and r["date"] >= "2025-01-01" for r in rows)


def test_cli_query_named_queries_as_json(db: Path) -> None:
    for args in (["--top-actors", "--limit", "2"], ["--speaker", "Garayev"], ["--article", "story-1"],
                 ["--code", "04", "--quad", "1"]):  # fmt: skip
        res = runner.invoke(app, ["query", "--db", str(db), "-f", "json", *args])
        assert res.exit_code == 0, (args, res.output)
        assert json.loads(res.stdout), args


def test_cli_query_table_and_sql(db: Path) -> None:
    res = runner.invoke(app, ["query", "--db", str(db), "--sql", "SELECT count(*) AS n FROM events"])
    assert res.exit_code == 0 and "40" in res.stdout and "1 row(s)" in res.stdout


@pytest.mark.parametrize("sql", ["DROP TABLE events", "INSERT INTO meta VALUES ('a', 'b')", "COPY events TO 'x.csv'"])
def test_cli_query_sql_refuses_writes(db: Path, sql: str) -> None:
    before = counts(db)
    res = runner.invoke(app, ["query", "--db", str(db), "--sql", sql])
    assert res.exit_code == 1 and "DL303" in res.stderr
    assert counts(db) == before


def test_cli_query_errors_are_one_line(db: Path, tmp_path: Path) -> None:
    res = runner.invoke(app, ["query", "--db", str(db)])
    assert res.exit_code == 1 and "choose a query" in res.stderr
    res = runner.invoke(app, ["query", "--db", str(db), "--dyad", "USA-AZE", "--from", "yesterday"])
    assert res.exit_code == 1 and "ISO date" in res.stderr
    res = runner.invoke(app, ["query", "--db", str(tmp_path / "missing.duckdb"), "--top-actors"])
    assert res.exit_code == 2  # typer: the --db file must exist


def test_cli_query_error_with_markup_characters_stays_one_line(db: Path) -> None:
    res = runner.invoke(
        app, ["query", "--db", str(db), "--sql", "SELECT [1,2][3] FROM x[/] WHERE " + "y = 1 AND " * 20]
    )
    assert res.exit_code == 1 and "DL303" in res.stderr and len(res.stderr.strip().splitlines()) == 1


def test_cli_query_help_has_examples() -> None:
    res = runner.invoke(app, ["query", "--help"])
    assert res.exit_code == 0 and "Example:" in res.stdout and "--dyad" in res.stdout
