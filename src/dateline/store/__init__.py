"""dateline's embedded DuckDB store: schema, idempotent ingest, stored-analysis lookup (docs/schema.md), and in
`dateline.store.query` the named queries and read-only SQL of `dateline query` (docs/query.md)."""

from dateline.store.db import IngestReport, event_id, has_article, ingest, load_analysis, open_store
from dateline.store.schema import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "IngestReport", "event_id", "has_article", "ingest", "load_analysis", "open_store"]
