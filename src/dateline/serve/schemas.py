"""Request and response bodies of the REST API (pydantic): what /docs and /openapi.json describe."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field

from dateline.serve.config import MAX_ROWS

_META = {"max_length": 2000}


class ArticleIn(BaseModel):
    """An article to analyze or store: its text and, optionally, what is known about it (the JSON input format)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article text; every offset in the result points into it.")
    id: str | None = Field(None, description="Your id for the article (default: a short hash of the text).", **_META)
    title: str | None = Field(None, **_META)
    published: str | None = Field(
        None,
        validation_alias=AliasChoices("published", "date"),
        description="Publication date, YYYY-MM-DD (also accepted as `date`).",
        **_META,
    )
    source: str | None = Field(None, description="Outlet.", **_META)
    url: str | None = Field(None, **_META)
    lang: str | None = Field(None, max_length=16)


class SqlIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sql: str = Field(min_length=1, max_length=20_000, description="One read-only SELECT statement.")
    limit: int = Field(100, ge=1, le=MAX_ROWS)


class Rows(BaseModel):
    """A query result: column names, rows as objects, and whether more rows matched than `limit` let through."""

    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool = False


class ArticleOut(BaseModel):
    article_id: str = Field(description="SHA-256 of the text (the store's key).")
    id: str | None
    title: str | None
    published: date | None
    outlet: str | None
    url: str | None
    text: str | None = Field(description="The stored text that every span of `analysis` indexes into.")
    analysis: dict[str, Any] = Field(description="The Analysis record (docs/output.md).")


class Ingested(BaseModel):
    article_id: str
    id: str
    stored: bool = Field(description="False when the same text was stored already (nothing was written).")
    events: int
    quotes: int
    actors: int


class SeriesPoint(BaseModel):
    date: date
    events: int
    goldstein: float | None
    verbal_coop: int
    material_coop: int
    verbal_conflict: int
    material_conflict: int


class Series(BaseModel):
    source: str | None
    target: str | None
    both_ways: bool
    days: list[SeriesPoint]


class Node(BaseModel):
    id: str = Field(description="CAMEO actor code (USAGOV).")
    name: str | None
    events: int


class Edge(BaseModel):
    source: str
    target: str
    events: int
    goldstein: float | None


class Network(BaseModel):
    nodes: list[Node]
    edges: list[Edge]


class Health(BaseModel):
    status: str
    version: str
    writable: bool
    articles: int
    events: int


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable dateline error code (DLnnn).")
    message: str


class ErrorOut(BaseModel):
    error: ErrorDetail
