"""Engines map `analyze` over many articles; nothing else in dateline needs to know about scale (DESIGN.md §1, §5).

- `local` (`engines.local.analyze_parallel`): a pool of worker processes on this machine (`--workers N`).
- `ray` (`engines.ray`): Ray Data over a local or remote Ray cluster (`--engine ray`), streaming results back or
  writing Parquet partitions that `engines.parquet.read_partitions` loads into the store.

Both give, article for article, exactly what `pipeline.analyze_articles` gives in one process.
"""

from __future__ import annotations

from dateline.engines.local import EngineStats, analyze_parallel, cpu_count, resolve_workers

__all__ = ["EngineStats", "analyze_parallel", "cpu_count", "resolve_workers"]
