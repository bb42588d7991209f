"""Parquet partitions of analyses (written by the Ray engine) and their loading into the store.

One row per article:

| column | type | what |
|---|---|---|
| run | VARCHAR | the run that wrote it (`20250811T101500-1a2b3c4d`) |
| seq | BIGINT | the article's position in that run's input |
| id, path, content_hash | VARCHAR | the article's id, where it was read from, the SHA-256 of its text |
| text | VARCHAR | the article's text (every span's offsets index into it) |
| analysis | VARCHAR | the full Analysis JSON (`Analysis.to_json()`, docs/output.md); NULL when it failed |
| error | VARCHAR | NULL, or the failure as JSON `[class, code, fields]` |

`read_partitions` reads them with DuckDB (no Ray needed) and yields `(Analysis, text)` or `(path, DatelineError)`;
`dateline ingest --from-parquet DIR --db FILE` stores them, idempotently by content hash, so loading the same
partitions twice, or partitions of overlapping runs, stores each article once. Plain DuckDB reads them too:

    SELECT id, json_extract(analysis, '$.events') FROM read_parquet('parts/*.parquet') WHERE error IS NULL;
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb

from dateline.engines.records import analysis_from_json, error_from_record
from dateline.errors import DatelineError, InputError
from dateline.model import Analysis

COLUMNS = ("run", "seq", "id", "path", "content_hash", "text", "analysis", "error")
FETCH = 256  # rows per fetch: memory stays that of a few hundred articles


def partition_glob(source: str | Path) -> str:
    """The files of a partition directory (recursively), or the file or glob given."""
    text = str(source)
    if "://" not in text and Path(text).is_dir():
        return str(Path(text) / "**" / "*.parquet")
    return text


def read_partitions(
    source: str | Path, *, skip: Callable[[str], bool] | None = None, run: str | None = None
) -> Iterator[tuple[Analysis, str] | tuple[str, DatelineError]]:
    """`(Analysis, text)` per stored row, `(path, error)` per failed one; `skip(content_hash)` passes rows over
    before their JSON is parsed (articles already in the store). `run` limits it to one run's rows."""
    pattern = partition_glob(source)
    con = duckdb.connect()
    try:
        query = f"SELECT {', '.join(COLUMNS)} FROM read_parquet(?, union_by_name = true)"
        params: list = [pattern]
        if run is not None:
            query += " WHERE run = ?"
            params.append(run)
        try:
            cursor = con.execute(query, params)
        except duckdb.Error as exc:
            raise InputError("DL112", path=str(source), reason=str(exc).split("\n", 1)[0]) from exc
        while rows := cursor.fetchmany(FETCH):
            for row in rows:
                record = dict(zip(COLUMNS, row, strict=True))
                label = record["path"] or record["id"] or record["content_hash"]
                if record["error"] is not None:
                    yield label, error_from_record(json.loads(record["error"]))
                elif skip is not None and skip(record["content_hash"]):
                    continue
                else:
                    yield analysis_from_json(record["analysis"]), record["text"]
    finally:
        con.close()


def run_failures(source: str | Path, run: str) -> list[tuple[str, DatelineError]]:
    """The failed rows one run wrote (to report them without loading the partitions)."""
    return [item for item in read_partitions(source, run=run, skip=lambda _h: True) if isinstance(item[0], str)]
