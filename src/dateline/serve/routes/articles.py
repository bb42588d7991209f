"""/api/articles: list, search, one with its text and analysis, and POST to analyze and store one."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from dateline.serve import queries, service
from dateline.serve.deps import Cursor, State, Writer
from dateline.serve.routes.params import From, Limit, Offset, To, rows
from dateline.serve.schemas import ArticleIn, ArticleOut, ErrorOut, Ingested, Rows

router = APIRouter(prefix="/api", tags=["articles"])

# POST bodies are read by hand (JSON or plain text), so their two forms are declared for the docs here.
ARTICLE_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": ArticleIn.model_json_schema()},
            "text/plain": {"schema": {"type": "string"}, "example": "date 2025-08-11\nBAKU -- Aliyev visited ..."},
        },
    }
}


def _errors(*codes: tuple[int, str]) -> dict:
    return {status: {"model": ErrorOut, "description": text} for status, text in codes}


# What an analysis can answer besides success, for the docs.
ANALYSIS_ERRORS = _errors(
    (413, "Body over 1 MiB (DL605) or text over the analysis limit (DL111)."),
    (415, "Neither JSON nor plain text (DL601)."),
    (503, "Too many analyses waiting (DL607), or no spaCy model on the server (DL401)."),
    (504, "The analysis took longer than the server's timeout (DL606)."),
)
WRITE_ERRORS = _errors(
    (401, "Missing or wrong `Authorization: Bearer` token (DL602)."),
    (403, "The server was started without a token: it accepts no writes (DL603)."),
)


@router.get("/articles", response_model=Rows)
def list_articles(cur: Cursor, start: From = None, end: To = None, limit: Limit = 50, offset: Offset = 0):
    """Stored articles, newest first: id, title, date, outlet and counts."""
    return rows(queries.list_articles(cur, start=start, end=end, limit=limit, offset=offset))


@router.get("/search", response_model=Rows)
def search(cur: Cursor, q: Annotated[str, Query(min_length=1, max_length=200)], limit: Limit = 50):
    """Articles whose title or text contains `q` (any case), with a snippet around the first hit."""
    return rows(queries.search_articles(cur, q, limit=limit))


@router.get("/articles/{key:path}", response_model=ArticleOut)
def get_article(cur: Cursor, key: Annotated[str, Path(max_length=2000)]):
    """One article by its id, URL or content hash (6 characters or more): its text and full Analysis."""
    return service.article(cur, key)


@router.post(
    "/articles",
    response_model=Ingested,
    status_code=201,
    dependencies=[Writer],
    openapi_extra=ARTICLE_BODY,
    responses={
        200: {"model": Ingested, "description": "The same text was stored already; nothing written."},
        **WRITE_ERRORS,
        **ANALYSIS_ERRORS,
    },
)
async def post_article(request: Request, response: Response, state: State):
    """Analyze an article and store it (needs the token). Send JSON (`ArticleIn`) or plain text."""
    article = await service.read_article(request)
    if await run_in_threadpool(state.store.has, article.content_hash):
        response.status_code = 200
        return Ingested(
            article_id=article.content_hash, id=article.id or "", stored=False, events=0, quotes=0, actors=0
        )
    analysis = await state.analyzer.run(service.analyze, article)
    report = await run_in_threadpool(state.store.write, analysis, article.text)
    if not report.stored:  # stored by a concurrent request between the check and the write
        response.status_code = 200
    return Ingested(
        article_id=analysis.content_hash,
        id=analysis.id,
        stored=bool(report.stored),
        events=len(analysis.events),
        quotes=len(analysis.quotes),
        actors=len(analysis.actors),
    )
