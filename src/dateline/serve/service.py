"""The few steps a route needs beyond one library call: reading an article from a request body, looking one up
by any of its keys, and turning the event filters of the API into those of `store.query.events`."""

from __future__ import annotations

from typing import Any

import duckdb
from fastapi import Request
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from dateline.model import Analysis, Article
from dateline.read import read_text
from dateline.read.jsonl import record_to_article
from dateline.serve import queries
from dateline.serve.errors import ApiError
from dateline.serve.schemas import ArticleIn
from dateline.store import load_analysis
from dateline.store.query import find_article, parse_dyad

REQUEST_PATH = "<request>"  # how a request body is named in errors and in Article.path


async def read_article(request: Request) -> Article:
    """The article in a request body: JSON (`ArticleIn`) or plain UTF-8 text, read as a .txt file would be (a
    leading `date YYYY-MM-DD` line, a title line and a dateline are recognised)."""
    kind = request.headers.get("content-type", "text/plain").split(";", 1)[0].strip().lower()
    body = await request.body()
    if kind == "application/json" or kind.endswith("+json"):
        try:
            given = ArticleIn.model_validate_json(body)
        except ValidationError as exc:
            # the same 422 as a body FastAPI validates itself, so every validation error reads alike
            raise RequestValidationError(exc.errors(include_url=False, include_context=False)) from None
        return record_to_article(given.model_dump(exclude_none=True), REQUEST_PATH)
    if kind != "text/plain":
        raise ApiError("DL601", status=415, reason=f"send application/json or text/plain, not {kind}")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError("DL601", reason=f"the body is not valid UTF-8 (byte {exc.start})") from None
    return read_text(text, path=REQUEST_PATH)


def analyze(article: Article) -> Analysis:
    """`dateline.analyze` (imported here so that a server never asked to analyze never loads spaCy's model)."""
    from dateline.pipeline import analyze as run

    return run(article)


def warm_up() -> None:
    from dateline.pipeline import load_resources

    load_resources()


def article(con: duckdb.DuckDBPyConnection, key: str) -> dict[str, Any]:
    """One stored article by id, URL or content-hash prefix: its row, text and Analysis (404, or 409 when the key
    names several)."""
    found = find_article(con, key, limit=20)
    if not found.rows:
        raise ApiError("DL604", what=f"no article with id, URL or content hash {key!r}")
    if len(found.rows) > 1:
        raise ApiError("DL608", key=key, count=f"{len(found.rows)}{'+' if found.truncated else ''}")
    row = found.records()[0]
    return {
        "article_id": row["article_id"],
        "id": row["id"],
        "title": row["title"],
        "published": row["published"],
        "outlet": row["outlet"],
        "url": row["url"],
        "text": queries.article_text(con, row["article_id"]),
        "analysis": load_analysis(con, row["article_id"]) or {},
    }


def event_filter(
    *,
    dyad: str | None,
    source: str | None,
    target: str | None,
    country: str | None,
    actor: str | None,
    both_ways: bool,
) -> tuple[str | None, str | None, bool]:
    """(source, target, both_ways) for `store.query.events` from the API's filters, which name at most one of: a
    dyad (`dyad=USA-AZE` or `source`/`target`), a country on either side, an actor code on either side."""
    given = [n for n, v in (("dyad", dyad or source or target), ("country", country), ("actor", actor)) if v]
    if len(given) > 1:
        raise ApiError("DL601", reason=f"filter by one of dyad (or source/target), country, actor; not {given}")
    if dyad:
        if source or target:
            raise ApiError("DL601", reason="give dyad=SOURCE-TARGET or source/target, not both")
        source, target = parse_dyad(dyad)
    if country or actor:
        # either side: events(source=X, both_ways=True) is "source is X or target is X"
        return (country or actor), None, True
    return source, target, both_ways
