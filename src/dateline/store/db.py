"""Open a dateline DuckDB store and ingest Analysis records into it, idempotently and crash-safely.

Ingest guarantees (DESIGN.md §5, §6):

- **Idempotent.** An article is identified by the content hash of its text (`articles.article_id`). An article
  already stored, or repeated within the same input, is skipped and counted in `IngestReport.duplicates`.
- **Never half an article.** An article row and all its child rows (actors, events, quotes, places, themes) are
  written in the same transaction. For speed several whole articles share a transaction: a batch is committed
  every `batch_size` articles or `batch_seconds` seconds, whichever comes first. A process killed mid-run loses at
  most the uncommitted batch, never part of an article, and re-running the same input stores exactly what is missing.
- **Errors stop at a clean boundary.** When the input iterator raises (or the run is interrupted), every whole
  article received before the error is committed, then the error propagates. An article that cannot be stored
  raises `StoreError` DL305 (DL304 when its text does not match its hash); the articles before it are stored,
  none after it.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, fields, is_dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb

from dateline import __version__
from dateline.errors import StoreError
from dateline.model import Analysis, content_hash
from dateline.store.schema import SCHEMA_VERSION, TABLES, ddl

# Batch limits, calibrated with bench/store_dyad.py (articles of 10 events, 2 cores): one transaction per article
# ingests ~77 articles/s (each commit plus six inserts with index upkeep costs ~13 ms), 50 per transaction ~740/s,
# 200 to 2,000 per transaction ~1,000/s. The time limit keeps a slow producer (NLP at a few articles/s) committing
# every second, and the character limit bounds the memory a batch of long texts may hold.
BATCH_ARTICLES = 500
BATCH_SECONDS = 1.0
BATCH_CHARS = 32_000_000

_LOCK_MARKERS = ("could not set lock", "conflicting lock")
_SURROGATES = re.compile("[\ud800-\udfff]")


@dataclass
class IngestReport:
    """What one `ingest` call did."""

    stored: int = 0  # articles written
    duplicates: int = 0  # articles skipped: already stored, or repeated in the input
    events: int = 0  # event rows written
    quotes: int = 0  # quote rows written
    actors: int = 0  # actor rows written


def open_store(
    path: str | Path = "dateline.duckdb", *, read_only: bool = False, external_access: bool = True
) -> duckdb.DuckDBPyConnection:
    """Open (and, when new and writable, create) a dateline store; `":memory:"` gives a throwaway one.

    `external_access=False` opens it with DuckDB's file system, network and extension access turned off for good
    (no read_csv('/etc/passwd'), ATTACH, COPY TO or INSTALL on that connection): what user SQL gets.

    Raises `StoreError` DL302 when another process holds the file (DuckDB allows one writing process), and DL301
    for anything else: a missing file opened read-only, a file that is not DuckDB, a DuckDB file that is not a
    dateline store, or a store written by a newer dateline.
    """
    target = str(path)
    in_memory = target in ("", ":memory:")
    if read_only and not in_memory and not Path(target).exists():
        raise StoreError("DL301", path=target, reason="no such file (a read-only open does not create one)")
    try:
        if not read_only and not in_memory:
            Path(target).parent.mkdir(parents=True, exist_ok=True)
        config = {} if external_access else {"enable_external_access": False}
        con = duckdb.connect(target, read_only=read_only, config=config)
        # No progress bar: DuckDB draws one on stdout for queries over 2 s, which would corrupt a piped export.
        con.execute("SET enable_progress_bar = false")
    except duckdb.Error as exc:
        if any(marker in str(exc).lower() for marker in _LOCK_MARKERS):
            raise StoreError("DL302", path=target) from exc
        raise StoreError("DL301", path=target, reason=_reason(exc)) from exc
    except OSError as exc:
        raise StoreError("DL301", path=target, reason=_reason(exc)) from exc
    try:
        _prepare(con, target, read_only=read_only)
    except BaseException as exc:
        con.close()
        if isinstance(exc, duckdb.Error):
            raise StoreError("DL301", path=target, reason=_reason(exc)) from exc
        raise
    return con


def has_article(con: duckdb.DuckDBPyConnection, content_hash: str) -> bool:
    """Whether an article with this content hash (`Article.content_hash`) is stored."""
    return bool(con.execute("SELECT 1 FROM articles WHERE article_id = ? LIMIT 1", [content_hash]).fetchall())


def load_analysis(con: duckdb.DuckDBPyConnection, content_hash: str) -> dict[str, Any] | None:
    """The stored Analysis of an article as a JSON-contract dict (`Analysis.to_dict()`), or None if not stored."""
    rows = con.execute("SELECT analysis FROM articles WHERE article_id = ?", [content_hash]).fetchall()
    return json.loads(rows[0][0]) if rows else None


def ingest(
    con: duckdb.DuckDBPyConnection,
    items: Iterable[Analysis | tuple[Analysis, str]],
    *,
    batch_size: int = BATCH_ARTICLES,
    batch_seconds: float = BATCH_SECONDS,
) -> IngestReport:
    """Store analyses, each with the text it was made from, skipping articles already stored.

    `items` yields `(analysis, text)` pairs, where `text` is `Article.text` (the text all offsets index into; it
    must hash to `analysis.content_hash`, else DL304). A bare `Analysis` is accepted too and stores no text
    (`articles.text` is NULL). Items are consumed lazily, so a generator over a large corpus streams.

    `batch_size` and `batch_seconds` bound how many whole articles share one transaction (see the module notes);
    `batch_size=1` commits every article on its own. Lone surrogates (not encodable as UTF-8) are stored as U+FFFD
    and non-finite floats as NULL; offsets are unchanged.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    report = IngestReport()
    batch: list[tuple[Analysis, str | None]] = []
    in_batch: set[str] = set()
    chars = 0
    started = time.monotonic()
    try:
        for item in items:
            analysis, text = _split_item(item)
            if analysis.content_hash in in_batch:
                report.duplicates += 1
                continue
            batch.append((analysis, text))
            in_batch.add(analysis.content_hash)
            chars += len(text or "")
            if len(batch) >= batch_size or chars >= BATCH_CHARS or time.monotonic() - started >= batch_seconds:
                pending, batch, in_batch, chars, started = batch, [], set(), 0, time.monotonic()
                _flush(con, pending, report)
    except BaseException:
        _flush(con, batch, report)  # commit the whole articles received before the error, then let it through
        raise
    _flush(con, batch, report)
    return report


# --- opening -----------------------------------------------------------------------------------------------------


def _prepare(con: duckdb.DuckDBPyConnection, target: str, *, read_only: bool) -> None:
    """Check the schema version of an existing store, or create the schema in a new one."""
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'").fetchall()}
    if "meta" in tables:
        # fetchall, not fetchone: DuckDB 2 keeps a half-read result open and then refuses the relational API
        rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
        row = rows[0] if rows else None
        version = int(row[0]) if row and str(row[0]).isdigit() else None
        if version is None:
            raise StoreError("DL301", path=target, reason="not a dateline store (meta has no schema_version)")
        if version > SCHEMA_VERSION:
            raise StoreError(
                "DL301",
                path=target,
                reason=f"written by a newer dateline (schema version {version}; this one reads {SCHEMA_VERSION})",
            )
        # version < SCHEMA_VERSION: migrations go here when the schema changes.
        return
    if read_only:
        raise StoreError("DL301", path=target, reason="not a dateline store (no meta table)")
    if tables:
        shown = ", ".join(sorted(tables)[:5])
        raise StoreError("DL301", path=target, reason=f"not a dateline store (it holds other tables: {shown})")
    con.begin()
    try:
        for statement in ddl():
            con.execute(statement)
        con.execute(
            "INSERT INTO meta VALUES ('schema_version', ?), ('created_by', ?)",
            [str(SCHEMA_VERSION), f"dateline {__version__}"],
        )
        con.commit()
    except BaseException:
        con.rollback()
        raise


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.split("\n", 1)[0]


# --- ingest ------------------------------------------------------------------------------------------------------


def _split_item(item: Analysis | tuple[Analysis, str]) -> tuple[Analysis, str | None]:
    if isinstance(item, Analysis):
        return item, None
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], Analysis):
        analysis, text = item
        if (
            not isinstance(text, str)
            or len(text) != analysis.text_length
            or content_hash(text) != analysis.content_hash
        ):
            raise StoreError("DL304", id=analysis.id, content_hash=analysis.content_hash)
        return analysis, text
    raise TypeError(f"ingest expects Analysis or (Analysis, text) items, got {type(item).__name__}")


def _flush(con: duckdb.DuckDBPyConnection, batch: list[tuple[Analysis, str | None]], report: IngestReport) -> None:
    """Write a batch of whole articles: already-stored ones are skipped; the rest go in one transaction."""
    if not batch:
        return
    hashes = [a.content_hash for a, _ in batch]
    query = "SELECT article_id FROM articles WHERE article_id IN (SELECT UNNEST(?::VARCHAR[]))"
    stored = {r[0] for r in con.execute(query, [hashes]).fetchall()}
    report.duplicates += len(stored)
    now = datetime.now(UTC).replace(tzinfo=None)
    converted: list[_ArticleRows] = []
    failure: StoreError | None = None
    for analysis, text in batch:
        if analysis.content_hash in stored:
            continue
        try:
            converted.append(_ArticleRows.build(analysis, text, now))
        except Exception as exc:  # a malformed record: store those before it, then report it
            failure = StoreError("DL305", id=analysis.id, content_hash=analysis.content_hash, reason=_reason(exc))
            failure.__cause__ = exc
            break
    try:
        _write(con, converted)
        _count(report, converted)
    except duckdb.Error:
        # Find the culprit: commit article by article up to the first one the database refuses.
        for one in converted:
            try:
                _write(con, [one])
            except duckdb.Error as exc:
                raise StoreError("DL305", id=one.id, content_hash=one.article_id, reason=_reason(exc)) from exc
            _count(report, [one])
    if failure is not None:
        raise failure


def _count(report: IngestReport, written: list[_ArticleRows]) -> None:
    for one in written:
        report.stored += 1
        report.events += len(one.rows["events"])
        report.quotes += len(one.rows["quotes"])
        report.actors += len(one.rows["actors"])


def _write(con: duckdb.DuckDBPyConnection, articles: list[_ArticleRows]) -> None:
    """Insert the rows of whole articles in ONE transaction: all of them or none."""
    if not articles:
        return
    con.begin()
    try:
        for name in _CHILD_ORDER:
            rows = [row for one in articles for row in one.rows[name]]
            if rows:
                con.execute(_INSERT_SQL[name], [list(column) for column in zip(*rows, strict=True)])
        con.commit()
    except BaseException:
        con.rollback()
        raise


def _insert_sql(table_name: str) -> str:
    """`INSERT ... SELECT UNNEST(?::T[]), ...`: one statement per table per batch, columns passed as lists.

    DuckDB runs this ~100x faster than `executemany`, which executes the statement once per row.
    """
    table = TABLES[table_name]
    names = ", ".join(f'"{c.name}"' for c in table.columns)
    values = ", ".join(f"UNNEST(?::{c.type}[])" for c in table.columns)
    return f'INSERT INTO "{table_name}" ({names}) SELECT {values}'


_CHILD_ORDER = ("articles", "actors", "events", "quotes", "places", "themes")
_INSERT_SQL = {name: _insert_sql(name) for name in _CHILD_ORDER}


@dataclass
class _ArticleRows:
    """The rows one article becomes, in `TABLES` column order."""

    article_id: str
    id: str
    rows: dict[str, list[tuple[Any, ...]]]

    @classmethod
    def build(cls, analysis: Analysis, text: str | None, now: datetime) -> _ArticleRows:
        record, record_json = _encode(_plain(analysis))
        if text is not None and not _utf8_safe(text):
            text = _SURROGATES.sub("\ufffd", text)
        h = analysis.content_hash
        rows = {
            "articles": [_article_row(record, record_json, text, now)],
            "actors": [_actor_row(h, i, a) for i, a in enumerate(record["actors"])],
            "events": [_event_row(h, i, e) for i, e in enumerate(record["events"])],
            "quotes": [_quote_row(h, i, q) for i, q in enumerate(record["quotes"])],
            "places": [_place_row(h, i, p) for i, p in enumerate(record["places"])],
            "themes": [(h, theme) for theme in dict.fromkeys(record["themes"])],
        }
        return cls(h, analysis.id, rows)


def _article_row(r: dict[str, Any], record_json: str, text: str | None, now: datetime) -> tuple[Any, ...]:
    dl = r["dateline"] or {}
    dl_start, dl_end = _span(dl.get("span"))
    tone = r["tone"] or {}
    return (
        r["content_hash"],
        r["id"],
        r["title"],
        _date(r["published"]),
        r["source"],
        r["url"],
        r["lang"],
        r["path"],
        text,
        r["text_length"],
        dl.get("place"),
        dl.get("country"),
        dl_start,
        dl_end,
        tone.get("tone"),
        tone.get("positive"),
        tone.get("negative"),
        tone.get("polarity"),
        tone.get("words"),
        r["model"],
        now,
        len(r["actors"]),
        len(r["events"]),
        len(r["quotes"]),
        record_json,
    )


def _actor_row(h: str, i: int, a: dict[str, Any]) -> tuple[Any, ...]:
    mentions = json.dumps(a["mentions"])
    return (h, i, a["name"], a["code"], a["country"], a["sector"], a["role"], a["kind"], a["inferred_from"], mentions)


def _event_actor(a: dict[str, Any] | None) -> tuple[Any, ...]:
    if a is None:
        return (None,) * 7
    return (a["text"], a["name"], a["code"], a["country"], a["sector"], *_span(a["span"]))


def _event_row(h: str, i: int, e: dict[str, Any]) -> tuple[Any, ...]:
    loc = e["location"] or {}
    return (
        event_id(h, i),
        h,
        i,
        e["code"],
        e["root"],
        e["name"],
        e["quad_class"],
        e["goldstein"],
        *_event_actor(e["source"]),
        *_event_actor(e["target"]),
        e["trigger"],
        *_span(e["trigger_span"]),
        *_span(e["sentence_span"]),
        _date(e["date"]),
        loc.get("name"),
        loc.get("country"),
        loc.get("lat"),
        loc.get("lon"),
        e["in_quote"],
        e["attributed_to"],
        e["background"],
        e["modality"],
        e["confidence"],
    )


def _quote_row(h: str, i: int, q: dict[str, Any]) -> tuple[Any, ...]:
    sp = q["speaker"] or {}
    return (
        h,
        i,
        q["type"],
        q["content"],
        *_span(q["content_span"]),
        sp.get("name"),
        sp.get("mention"),
        *_span(sp.get("mention_span")),
        sp.get("actor_code"),
        q["cue"],
        *_span(q["cue_span"]),
    )


def _place_row(h: str, i: int, p: dict[str, Any]) -> tuple[Any, ...]:
    return (h, i, p["name"], p["country"], *_span(p["span"]), p["lat"], p["lon"])


def _plain(value: Any) -> Any:
    """`Analysis.to_dict()` without its cost: same dicts and lists, built ~5x faster.

    `dataclasses.asdict` deep-copies every leaf and recurses into each span; at ingest that was 75% of the time.
    The leaves of an Analysis are immutable (str, int, float, bool, None), so nothing needs copying.
    """
    kind = type(value)
    if kind in _LEAVES:
        return value
    if kind is list or kind is tuple:
        return [_plain(v) for v in value]
    names = _FIELDS.get(kind)
    if names is None and is_dataclass(value):
        names = _FIELDS.setdefault(kind, tuple(f.name for f in fields(value)))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


_LEAVES = frozenset({str, int, float, bool, type(None)})
_FIELDS: dict[type, tuple[str, ...]] = {}


def event_id(article_id: str, idx: int) -> int:
    """Stable, positive BIGINT id of an event (`events.event_id`): the same article text and position always give
    the same id."""
    digest = hashlib.sha256(f"{article_id}:{idx}".encode("ascii")).digest()
    return int.from_bytes(digest[:8], "big") >> 1


_event_id = event_id


def _span(span: Any) -> tuple[Any, Any]:
    return (None, None) if span is None else (span[0], span[1])


def _date(value: Any) -> date | None:
    """An ISO date (or the date part of an ISO timestamp), else None; the raw value stays in the JSON."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _utf8_safe(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _encode(record: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """The record and its JSON, scrubbed of what JSON or UTF-8 cannot hold (NaN/inf, lone surrogates) if needed."""
    try:
        encoded = json.dumps(record, ensure_ascii=False, allow_nan=False)
        if _utf8_safe(encoded):
            return record, encoded
    except ValueError:
        pass
    record = _scrub(record)
    return record, json.dumps(record, ensure_ascii=False, allow_nan=False)


def _scrub(value: Any) -> Any:
    if isinstance(value, dict):
        return {_scrub(k): _scrub(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, str) and not _utf8_safe(value):
        return _SURROGATES.sub("\ufffd", value)
    return value
