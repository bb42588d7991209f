"""/api/speakers and /api/quotes: who is quoted, and what they said."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from dateline.serve.deps import Cursor
from dateline.serve.routes.params import From, Limit, To, rows
from dateline.serve.schemas import Rows
from dateline.store.query import quotes_by_speaker

router = APIRouter(prefix="/api", tags=["quotes"])


@router.get("/speakers", response_model=Rows)
def speakers(cur: Cursor, start: From = None, end: To = None, limit: Limit = 100):
    """The resolved speakers, most quoted first, with their number of quotations and articles."""
    return rows(quotes_by_speaker(cur, "*", start=start, end=end, limit=limit))


@router.get("/quotes", response_model=Rows)
def quotes(
    cur: Cursor,
    speaker: Annotated[str, Query(min_length=1, max_length=200, description="Any part of the speaker's name.")],
    start: From = None,
    end: To = None,
    limit: Limit = 100,
):
    """Quotations whose resolved speaker's name contains `speaker` (any case), newest first."""
    return rows(quotes_by_speaker(cur, speaker, start=start, end=end, limit=limit))
