"""Query parameters shared by several routes, declared once so they validate and document the same everywhere."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Query

from dateline.serve.config import MAX_ROWS
from dateline.store.query import QueryResult

From = Annotated[date | None, Query(alias="from", description="From this date (YYYY-MM-DD), inclusive.")]
To = Annotated[date | None, Query(alias="to", description="Up to this date (YYYY-MM-DD), inclusive.")]
Limit = Annotated[int, Query(ge=1, le=MAX_ROWS, description=f"At most this many rows (1 to {MAX_ROWS}).")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip (paging).")]
Country = Annotated[
    str | None, Query(pattern=r"^[A-Za-z]{3}$", description="A 3-letter country or IGO code (USA, AZE, NAT).")
]
ActorCode = Annotated[
    str | None, Query(pattern=r"^[A-Za-z-]{3,15}$", description="A CAMEO actor code (USAGOV) or a country code.")
]
Dyad = Annotated[
    str | None,
    Query(
        pattern=r"^[A-Za-z*-]{1,40}$",
        description="SOURCE-TARGET: countries (USA-AZE) or actor codes (USAGOV-AZEGOV); * for any actor.",
    ),
]
Code = Annotated[
    str | None, Query(pattern=r"^[0-9]{2,4}$", description="CAMEO code prefix: 04 (root Consult), 042 (a visit).")
]
Quad = Annotated[
    int | None,
    Query(ge=1, le=4, description="QuadClass: 1 verbal coop., 2 material coop., 3 verbal conflict, 4 material."),
]


def rows(result: QueryResult) -> dict:
    """A `QueryResult` as the `Rows` body."""
    return {"columns": result.columns, "rows": result.records(), "truncated": result.truncated}
