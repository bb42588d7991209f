"""What routes receive: a DuckDB cursor per request, the write-token check, and the bounded analysis runner.

DuckDB concurrency: the server opens the store once and hands each request its own `cursor()` (a new connection
to the same database, which is how DuckDB's Python API is used from several threads: one connection must not be
shared by threads running queries at once). Reads run in parallel; writes go through `Store.write`, one at a time
under a lock. Without a token the file is opened read-only, so `dateline query` and other readers can share it.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import threading
from collections.abc import AsyncIterator, Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Annotated, Any, TypeVar

import duckdb
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from dateline.model import Analysis
from dateline.serve.config import SQL_CONCURRENCY, ServeSettings
from dateline.serve.errors import ApiError
from dateline.store import IngestReport, has_article, ingest, open_store

log = logging.getLogger("dateline.serve")
T = TypeVar("T")


class Store:
    """The server's one connection to the store; `cursor()` for each request, `write()` for ingest."""

    def __init__(self, path: Path, *, writable: bool) -> None:
        # External access off for good: user SQL (run_sql) then cannot read or write other files on this server.
        self.con = open_store(path, read_only=not writable, external_access=False)
        self.writable = writable
        self._write_lock = threading.Lock()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        return self.con.cursor()

    def has(self, content_hash: str) -> bool:
        cur = self.cursor()
        try:
            return has_article(cur, content_hash)
        finally:
            cur.close()

    def write(self, analysis: Analysis, text: str) -> IngestReport:
        """Store one analysed article (idempotent by content hash); one writer at a time."""
        with self._write_lock:
            cur = self.cursor()
            try:
                return ingest(cur, [(analysis, text)], batch_size=1)
            finally:
                cur.close()

    def close(self) -> None:
        self.con.close()


class Bounded:
    """Runs blocking work on its own threads off the event loop: at most `capacity` jobs running or waiting, and
    a caller waits at most `timeout` seconds.

    A job that times out cannot be stopped (Python threads cannot be killed), so its slot is released only when it
    really ends: the capacity bounds the CPU and memory used even by abandoned work, and a client is never kept
    waiting past the timeout.
    """

    def __init__(self, name: str, *, workers: int, capacity: int, timeout: float) -> None:
        self.name = name
        self.capacity = capacity
        self.timeout = timeout
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=f"dateline-{name}")
        self._busy = 0
        self._lock = threading.Lock()

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        with self._lock:
            if self._busy >= self.capacity:
                raise ApiError("DL607", reason=f"{self._busy} {self.name} jobs are already running or waiting")
            self._busy += 1
        future = self._pool.submit(fn, *args, **kwargs)
        future.add_done_callback(self._release)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout)
        except TimeoutError:
            raise ApiError("DL606", seconds=self.timeout) from None

    def submit(self, fn: Callable[..., Any]) -> None:
        """Fire and forget (a warm-up): errors are logged, not raised."""
        future = self._pool.submit(fn)
        future.add_done_callback(_log_failure)

    def _release(self, _: Future) -> None:
        with self._lock:
            self._busy -= 1

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def _log_failure(future: Future) -> None:
    if not future.cancelled() and future.exception() is not None:
        log.warning("background job failed: %s", future.exception())


class ServerState:
    """Everything the routes share, kept on `app.state.dateline`."""

    def __init__(self, settings: ServeSettings) -> None:
        self.settings = settings
        self.store = Store(settings.db, writable=settings.writable)
        # One analysis at a time: spaCy pipelines are not documented as thread-safe, and the machine has 2 cores.
        self.analyzer = Bounded(
            "analysis", workers=1, capacity=settings.analyze_queue, timeout=settings.analyze_timeout
        )
        self.sql_slots = threading.BoundedSemaphore(SQL_CONCURRENCY)

    def close(self) -> None:
        self.analyzer.shutdown()
        self.store.close()


def get_state(request: Request) -> ServerState:
    return request.app.state.dateline


async def get_cursor(request: Request) -> AsyncIterator[duckdb.DuckDBPyConnection]:
    # async: making and closing a cursor takes microseconds, not worth two hops through the thread pool
    cur = get_state(request).store.cursor()
    try:
        yield cur
    finally:
        cur.close()


_bearer = HTTPBearer(auto_error=False, description="The server's write token (DATELINE_TOKEN).")


def require_token(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> None:
    """Writes need `Authorization: Bearer <token>`; a server started without a token accepts none (403)."""
    token = get_state(request).settings.token
    if token is None:
        raise ApiError("DL603", reason="it was started without a token (set DATELINE_TOKEN or pass --token)")
    given = credentials.credentials if credentials else ""
    # compare_digest: the time taken must not tell how much of a guessed token was right
    if not given or not hmac.compare_digest(given.encode(), token.encode()):
        why = "wrong token" if given else "send the header 'Authorization: Bearer <token>'"
        raise ApiError("DL602", reason=why, headers={"WWW-Authenticate": "Bearer"})


State = Annotated[ServerState, Depends(get_state)]
Cursor = Annotated[duckdb.DuckDBPyConnection, Depends(get_cursor)]
Writer = Depends(require_token)
