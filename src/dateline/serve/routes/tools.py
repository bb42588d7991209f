"""/api/analyze (a text in, its Analysis out, nothing stored), /api/sql (read-only) and /api/health."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from dateline import __version__
from dateline.serve import queries, service
from dateline.serve.deps import Cursor, State
from dateline.serve.errors import ApiError
from dateline.serve.routes.articles import ANALYSIS_ERRORS, ARTICLE_BODY
from dateline.serve.routes.params import rows
from dateline.serve.schemas import Health, Rows, SqlIn
from dateline.store.query import run_sql

router = APIRouter(prefix="/api", tags=["tools"])


@router.post("/analyze", response_model=dict[str, Any], openapi_extra=ARTICLE_BODY, responses=ANALYSIS_ERRORS)
async def analyze(request: Request, state: State):
    """Analyze one article (JSON or plain text) and return its Analysis record (docs/output.md); nothing is
    stored. One analysis runs at a time; a client waits at most the server's analysis timeout (DL606)."""
    article = await service.read_article(request)
    analysis = await state.analyzer.run(service.analyze, article)
    return analysis.to_dict()


@router.post("/sql", response_model=Rows)
def sql(body: SqlIn, cur: Cursor, state: State):
    """Run one read-only SELECT (`dateline query --sql`): anything else is refused (DL303), the file is opened
    without access to other files, and a statement is stopped after the server's SQL timeout."""
    if not state.sql_slots.acquire(blocking=False):
        raise ApiError("DL607", reason="other SQL statements are running")
    try:
        return rows(run_sql(cur, body.sql, limit=body.limit, timeout=state.settings.sql_timeout))
    finally:
        state.sql_slots.release()


@router.get("/health", response_model=Health)
def health(cur: Cursor, state: State):
    """Whether the server is up, whether it accepts writes, and how much the store holds."""
    found = queries.counts(cur)
    return {"status": "ok", "version": __version__, "writable": state.store.writable, **found}
