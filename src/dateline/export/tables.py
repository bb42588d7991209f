"""Lossless exports of the store: Parquet files (one per table) and the Analysis records as JSONL."""

from __future__ import annotations

from pathlib import Path
from typing import IO

import duckdb

from dateline.store.schema import TABLES

# Row order of each table in its Parquet file: stable, so two exports of the same store are byte-comparable.
ORDER = {
    "articles": "ingested_at, article_id",
    "actors": "article_id, actor_idx",
    "events": "article_id, event_idx",
    "quotes": "article_id, quote_idx",
    "places": "article_id, place_idx",
    "themes": "article_id, theme",
    "meta": "key",
}


def write_parquet(con: duckdb.DuckDBPyConnection, directory: str | Path) -> list[Path]:
    """Write every table to `directory/<table>.parquet` (zstd) with DuckDB's own writer; returns the files.

    Column types are kept (DATE, TIMESTAMP, BOOLEAN, TINYINT...); JSON columns are written as text. Re-read with
    `SELECT * FROM 'directory/events.parquet'` in DuckDB, or any Parquet reader.
    """
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for name in TABLES:
        target = folder / f"{name}.parquet"
        quoted = str(target).replace("'", "''")
        con.execute(
            f"COPY (SELECT * FROM \"{name}\" ORDER BY {ORDER[name]}) TO '{quoted}' (FORMAT parquet, COMPRESSION zstd)"
        )
        files.append(target)
    return files


def write_jsonl(con: duckdb.DuckDBPyConnection, out: IO[str]) -> int:
    """Write every stored Analysis record (the JSON contract, as `dateline analyze -f jsonl` prints it), one a line."""
    cursor = con.execute("SELECT analysis FROM articles ORDER BY ingested_at, article_id")
    n = 0
    while rows := cursor.fetchmany(256):
        for (analysis,) in rows:
            out.write(analysis + "\n")
            n += 1
    return n
