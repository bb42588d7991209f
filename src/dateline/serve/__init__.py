"""dateline's web pages and REST API over a store (`dateline serve`; docs/api.md).

`run(db, host, port, token)` serves it with uvicorn; `create_app(ServeSettings(db=...))` builds the FastAPI
application (for tests and other ASGI servers).
"""

from dateline.serve.app import create_app, run
from dateline.serve.config import ServeSettings

__all__ = ["ServeSettings", "create_app", "run"]
