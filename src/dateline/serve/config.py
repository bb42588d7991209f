"""The server's settings, built once by `dateline.serve.run` (or a test) and read by every route."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

TOKEN_ENV = "DATELINE_TOKEN"

# Limits. A news article is rarely over 30,000 characters; the analysis itself refuses text over
# dateline.pipeline.MAX_CHARS (DL111), and the body limit stops anything larger before it is even read whole.
MAX_BODY_BYTES = 1_048_576  # 1 MiB: any request body, JSON or text
ANALYZE_TIMEOUT = 30.0  # seconds a client waits for an analysis (150,000 characters take ~10 s on one core)
ANALYZE_QUEUE = 4  # analyses running or waiting at once; more get DL607 (503) at once instead of piling up
SQL_TIMEOUT = 10.0  # seconds a user SQL statement may run (store.query.run_sql interrupts it)
SQL_CONCURRENCY = 2  # user SQL statements running at once (the machine has 2 cores); more get DL607
MAX_ROWS = 1000  # the largest `limit` an API call may ask for


@dataclass(frozen=True)
class ServeSettings:
    """What the server needs to know; `token` None means read-only (no writes accepted, the file opened read-only)."""

    db: Path
    token: str | None = None
    max_body_bytes: int = MAX_BODY_BYTES
    analyze_timeout: float = ANALYZE_TIMEOUT
    analyze_queue: int = ANALYZE_QUEUE
    sql_timeout: float = SQL_TIMEOUT
    warm_model: bool = False  # load the spaCy model at startup, so the first /api/analyze is not slow

    @property
    def writable(self) -> bool:
        return self.token is not None


def resolve_token(token: str | None) -> str | None:
    """The write token: the argument if given, else $DATELINE_TOKEN; blank means none."""
    value = token if token is not None else os.environ.get(TOKEN_ENV)
    value = (value or "").strip()
    return value or None
