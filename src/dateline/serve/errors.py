"""The server's coded errors (DL6xx) and the HTTP status of every dateline error.

Every error a client sees is `{"error": {"code": "DLnnn", "message": "..."}}`: the codes of `dateline.errors`
(DL1xx input, DL3xx store, DL4xx model ...) pass through with their own message, and the server adds the DL6xx
codes below for what only HTTP has (authentication, size limits, timeouts). Tracebacks never leave the server.
"""

from __future__ import annotations

from typing import Any

from dateline.errors import DatelineError

# Codes are stable and never reused, like those of dateline.errors (DL6xx: the web server and its API).
API_MESSAGES: dict[str, str] = {
    "DL600": "internal server error (logged on the server as {ref}); please report it",
    "DL601": "invalid request: {reason}",
    "DL602": "authentication required: {reason}",
    "DL603": "writes are disabled on this server: {reason}",
    "DL604": "not found: {what}",
    "DL605": "request body too large: {size} bytes (limit {limit})",
    "DL606": "the analysis took longer than {seconds:g} s and was abandoned; send a shorter text",
    "DL607": "server busy: {reason}; retry later",
    "DL608": "{key!r} matches {count} articles: use the content hash (article_id) instead",
    "DL609": "HTTP {http}: {reason}",
}

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
        # DatelineError's catalogue has no DL6xx codes, so the message is built here from API_MESSAGES.
        self.code = code
        self.fields = fields
        self.message = API_MESSAGES[code].format(**fields)
        self.status = status or STATUS.get(code, 400)
        self.headers = headers
        Exception.__init__(self, f"{code}: {self.message}")


def status_of(exc: DatelineError) -> int:
    """The HTTP status that answers a dateline error."""
    return exc.status if isinstance(exc, ApiError) else STATUS.get(exc.code, 400)


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}
