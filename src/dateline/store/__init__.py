"""dateline's embedded DuckDB store: schema, idempotent ingest, stored-analysis lookup (docs/schema.md)."""

from dateline.store.db import IngestReport, has_article, ingest, load_analysis, open_store
from dateline.store.schema import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "IngestReport", "has_article", "ingest", "load_analysis", "open_store"]
