"""The FastAPI application: routers, coded error handling, request-size limit and security headers; `run` serves it.

Errors: every failure becomes `{"error": {"code": "DLnnn", "message": ...}}` with a fitting HTTP status (an HTML
page with the same code for a page). An unexpected exception is logged here with a reference, and the client
gets DL600 with that reference, never a traceback.
"""

from __future__ import annotations

import ipaddress
import logging
import sys
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dateline import __version__
from dateline.errors import DatelineError
from dateline.serve import service
from dateline.serve.config import ServeSettings, resolve_token
from dateline.serve.deps import ServerState
from dateline.serve.errors import ApiError, error_body, status_of
from dateline.serve.routes import articles, events, pages, quotes, tools
from dateline.serve.schemas import ErrorOut

log = logging.getLogger("dateline.serve")
STATIC = Path(__file__).resolve().parent / "static"
DESCRIPTION = """Who did what to whom, who said what, when and where: the events, quotations and actors of a
dateline store (docs/api.md). Reads are open; `POST /api/articles` needs the server's token
(`Authorization: Bearer ...`). Every error is `{"error": {"code": "DLnnn", "message": "..."}}`."""
# Our pages load nothing from elsewhere, and run no inline script; the API docs page is exempt (it needs inline JS).
CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'"


def create_app(settings: ServeSettings) -> FastAPI:
    """The application over `settings.db`, opened now (so a missing or locked store fails here, DL301/DL302)."""
    state = ServerState(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if settings.warm_model:
            state.analyzer.submit(service.warm_up)  # in the background: the server answers reads meanwhile
        yield
        state.close()

    app = FastAPI(
        title="dateline",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # served below with the vendored Swagger UI: no CDN
        redoc_url=None,
        responses={422: {"model": ErrorOut, "description": "Invalid request (DL601) or refused query (DL303)."}},
    )
    app.state.dateline = state
    for module in (articles, events, quotes, tools):
        app.include_router(module.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="dateline API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
            swagger_ui_parameters={"validatorUrl": None},  # Swagger UI would otherwise call validator.swagger.io
        )

    app.add_exception_handler(DatelineError, _dateline_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected_error)
    app.add_middleware(ResponseHeaders)
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    return app


# ---- errors ----------------------------------------------------------------------------------------------------


def _wants_page(request: Request) -> bool:
    """A browser asking for a page gets an HTML error page; the API, the analyze box's fetch and files get JSON."""
    path = request.url.path
    return request.method == "GET" and not path.startswith(("/api/", "/static/", "/openapi.json", "/docs"))


def _answer(request: Request, code: str, message: str, status: int, headers: dict[str, str] | None = None) -> Response:
    if _wants_page(request):
        context = {"code": code, "message": message, "status": status}
        return pages.templates.TemplateResponse(request, "error.html", context, status_code=status, headers=headers)
    return JSONResponse(error_body(code, message), status_code=status, headers=headers)


async def _dateline_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, DatelineError)
    headers = exc.headers if isinstance(exc, ApiError) else None
    return _answer(request, exc.code, exc.message, status_of(exc), headers)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    return _answer(request, "DL601", ApiError("DL601", reason=describe(exc.errors())).message, 422)


def describe(errors: Any) -> str:
    """pydantic's error list as one line: 'query.limit: Input should be less than or equal to 1000; ...'."""
    parts = []
    for err in list(errors)[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "body" or len(err.get("loc", ())) == 1)
        parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg", "invalid")))
    return "; ".join(parts) or "invalid request"


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 404:
        error = ApiError("DL604", what=f"{request.method} {request.url.path}")
    else:
        error = ApiError("DL609", status=exc.status_code, http=exc.status_code, reason=str(exc.detail))
    return _answer(request, error.code, error.message, error.status, getattr(exc, "headers", None))


async def _unexpected_error(request: Request, exc: Exception) -> Response:
    ref = uuid.uuid4().hex[:12]
    log.error("unexpected error %s on %s %s", ref, request.method, request.url.path, exc_info=exc)
    error = ApiError("DL600", ref=ref)
    return _answer(request, error.code, error.message, error.status)


# ---- middleware --------------------------------------------------------------------------------------------------


class BodyLimit:
    """Refuse request bodies over `limit` bytes (DL605, 413): by Content-Length before reading, and by counting
    what arrives when the length is not given (chunked), so no body larger than the limit is ever held whole.

    Not FastAPI's own `max_body_size`: that one answers a plain-text 'Content Too Large', not a coded error."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None:
            size = int(declared) if declared.isdigit() else -1
            if size < 0 or size > self.limit:
                error = ApiError("DL605", size=declared.decode("latin-1"), limit=self.limit) if size > 0 else None
                error = error or ApiError("DL601", reason="Content-Length is not a number")
                await JSONResponse(error_body(error.code, error.message), status_code=error.status)(
                    scope, receive, send
                )
                return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit:
                raise ApiError("DL605", size=f"more than {received}", limit=self.limit)
            return message

        await self.app(scope, counted, send)


class ResponseHeaders:
    """Security headers that keep a browser from sniffing types, framing our pages or running scripts from
    elsewhere, and `Server-Timing: app;dur=<ms>`: the server's own time up to the response, which the benchmarks
    read (bench/serve_pages.py)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        is_docs = scope["path"] == "/docs"

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                took = (time.perf_counter() - started) * 1000
                headers = list(message.get("headers", []))
                headers += [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin")]
                headers.append((b"server-timing", f"app;dur={took:.2f}".encode()))
                if not is_docs:
                    headers.append((b"content-security-policy", CSP.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


# ---- serving -----------------------------------------------------------------------------------------------------


def run(
    db: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    *,
    analyze_timeout: float | None = None,
    warm_model: bool = True,
    log_level: str = "info",
) -> None:
    """Serve the web pages and REST API over the store `db` until interrupted (what `dateline serve` runs).

    `token` (else $DATELINE_TOKEN) enables writes (POST /api/articles) and opens the store for writing; without
    one the store is opened read-only and every write is refused (DL603). Raises `StoreError` (DL301, DL302) when
    the store cannot be opened, before listening.
    """
    import uvicorn

    options: dict[str, Any] = {"db": Path(db), "token": resolve_token(token), "warm_model": warm_model}
    if analyze_timeout is not None:
        options["analyze_timeout"] = analyze_timeout
    settings = ServeSettings(**options)
    app = create_app(settings)
    if settings.writable and not _is_loopback(host):
        log.warning("serving writes on %s over plain HTTP: the token can be read on the network", host)
    mode = "read-write (token set)" if settings.writable else "read-only (no token: writes are refused)"
    print(f"dateline serve: {settings.db}, {mode}, on http://{_url_host(host)}:{port}/", file=sys.stderr, flush=True)
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level=log_level,
        server_header=False,
        timeout_keep_alive=5,
        limit_concurrency=200,  # beyond this uvicorn answers 503 at once instead of queueing without bound
    )


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
