"""The server's coded errors (DL6xx) and the HTTP status of every dateline error.

Every error a client sees is `{"error": {"code": "DLnnn", "message": "..."}}`: the codes of `dateline.errors`
(DL1xx input, DL3xx store, DL4xx model ...) pass through with their own message, and the server adds the DL6xx
DL6xx codes (in the same catalogue) for what only HTTP has: authentication, size limits, timeouts. Tracebacks never
leave the server.
"""

from __future__ import annotations

from typing import Any

from dateline.errors import DatelineError

# HTTP status of each code; a code missing here answers 400 (a DL1xx input error is the client's to fix).
STATUS: dict[str, int] = {
    "DL600": 500,
    "DL601": 422,
    "DL602": 401,
    "DL603": 403,
    "DL604": 404,
    "DL605": 413,
    "DL606": 504,
    "DL607": 503,
    "DL608": 409,
    "DL103": 422,  # empty text
    "DL107": 422,  # JSON article without text
    "DL111": 413,  # text over the analysis limit
    "DL301": 503,  # the store cannot be opened: the server's problem, not the request's
    "DL302": 503,  # the store is locked by another process
    "DL303": 422,  # query refused: not one SELECT, a bad filter value, an SQL error or timeout
    "DL305": 500,
    "DL401": 503,  # no spaCy model: analysis is unavailable on this server
    "DL402": 503,
}


class ApiError(DatelineError):
    """An error the server answers with; `status` is its HTTP status (`STATUS`, or `status=` for DL609)."""

    def __init__(self, code: str, *, status: int | None = None, headers: dict[str, str] | None = None, **fields: Any):
        super().__init__(code, **fields)
        self.status = status or STATUS.get(code, 400)
        self.headers = headers


def status_of(exc: DatelineError) -> int:
    """The HTTP status that answers a dateline error."""
    return exc.status if isinstance(exc, ApiError) else STATUS.get(exc.code, 400)


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}
