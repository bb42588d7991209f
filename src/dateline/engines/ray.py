"""The Ray engine: `analyze` mapped over batches with Ray Data, on a local Ray instance or a running cluster.

    dateline ingest corpus.jsonl --engine ray --ray-address local --out parts/ --db news.duckdb
    dateline ingest corpus.jsonl --engine ray --ray-address auto --out /shared/parts/ --parquet-only

The driver (the `dateline` process) reads the input and hands it to Ray Data in windows of `window` articles
(`ray.data.from_items`), so a corpus of any size streams through the driver in bounded memory. Each window is mapped
by `map_batches` with a pool of actors (`Analyzer`), each of which loads the model once; within a batch the articles
are parsed in sub-batches of at most `batch_chars` characters, as with the local engine. Then either

- the results stream back to the driver in input order (`analyze_ray`: `dateline analyze --engine ray`, or
  `ingest --engine ray` without `--out`), or
- the actors' output is written as Parquet partitions by the cluster (`write_partitions`: `--out DIR`), one row per
  article with its full Analysis JSON and its text (`engines.parquet.COLUMNS`), which `dateline ingest
  --from-parquet DIR` (or any DuckDB: `SELECT * FROM read_parquet('DIR/*.parquet')`) loads idempotently.

On a cluster of several machines `--out` must name storage every node can write (a shared file system, or a URI such
as s3://bucket/path that pyarrow can write), every node needs dateline and the spaCy model installed, and `--actors`
files must be readable at the same absolute path on every node.
"""

from __future__ import annotations

import json
import logging
import os
import time
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from dateline.engines.records import (
    analysis_from_json,
    article_from_json,
    article_to_json,
    error_from_record,
    error_record,
)
from dateline.errors import DatelineError
from dateline.model import Analysis, Article
from dateline.pipeline import BATCH_ARTICLES, BATCH_CHARS

Result = tuple[Article, Analysis | DatelineError]
WINDOW = 10_000  # articles handed to Ray Data at a time: bounds the driver's memory and the object store's


def available() -> bool:
    """Whether Ray Data can be imported (pip install "ray[data]")."""
    try:
        import ray.data  # noqa: F401
    except ImportError:
        return False
    return True


@dataclass
class RayRun:
    """What a Ray run did."""

    run: str = ""  # this run's id: the `run` column of the Parquet rows it wrote
    articles: int = 0
    windows: int = 0


class Analyzer:
    """Ray Data's callable class: one per actor, loading dateline's resources once (in the constructor).

    `settings` (actor files, batch characters, DATELINE_* variables) is set on a subclass per run (`_configured`).
    """

    settings: dict = {}  # noqa: RUF012 (replaced, never mutated)

    def __init__(self) -> None:
        from dateline.pipeline import load_resources

        os.environ.update(self.settings.get("env", {}))
        self.res = load_resources(tuple(self.settings.get("actor_files", ())))
        self.batch_chars = self.settings.get("batch_chars", BATCH_CHARS)

    def __call__(self, batch: dict) -> dict:
        from dateline.pipeline import analyze_articles

        articles = [article_from_json(str(s)) for s in batch["article"]]
        out: dict[str, list] = {name: [] for name in ("analysis", "error")}
        results = analyze_articles(articles, self.res, batch_size=len(articles) or 1, batch_chars=self.batch_chars)
        for _article, result in results:
            if isinstance(result, DatelineError):
                out["analysis"].append(None)
                out["error"].append(json.dumps(error_record(result)))
            else:
                out["analysis"].append(result.to_json())
                out["error"].append(None)
        return {
            "run": list(batch["run"]),
            "seq": list(batch["seq"]),
            "id": [a.id for a in articles],
            "path": [a.path for a in articles],
            "content_hash": [a.content_hash for a in articles],
            "text": [a.text for a in articles],
            **out,
        }


def analyze_ray(
    articles: Iterable[Article],
    *,
    address: str = "local",
    workers: int = 0,
    actor_files: tuple[str, ...] = (),
    batch_size: int = BATCH_ARTICLES,
    batch_chars: int = BATCH_CHARS,
    window: int = WINDOW,
    progress: bool = False,
    report: RayRun | None = None,
) -> Iterator[Result]:
    """`(article, Analysis | DatelineError)` for every article, in input order, computed by Ray actors."""
    report = report if report is not None else RayRun()
    with _session(address, workers, progress) as actors:
        for rows, chunk in _windows(articles, window, report):
            ds = _mapped(rows, actors, actor_files, batch_size, batch_chars)
            results = ds.iter_rows()
            for article, row in zip(chunk, results, strict=True):
                yield article, _result(row)


def write_partitions(
    articles: Iterable[Article],
    out: str,
    *,
    address: str = "local",
    workers: int = 0,
    actor_files: tuple[str, ...] = (),
    batch_size: int = BATCH_ARTICLES,
    batch_chars: int = BATCH_CHARS,
    window: int = WINDOW,
    progress: bool = False,
    report: RayRun | None = None,
) -> RayRun:
    """Analyze on Ray and write Parquet partitions under `out` (rows: `engines.parquet.COLUMNS`)."""
    report = report if report is not None else RayRun()
    with _session(address, workers, progress) as actors:
        for rows, _chunk in _windows(articles, window, report):
            ds = _mapped(rows, actors, actor_files, batch_size, batch_chars)
            ds.write_parquet(out)
    return report


def _result(row: dict) -> Analysis | DatelineError:
    if row["error"] is not None:
        return error_from_record(json.loads(row["error"]))
    return analysis_from_json(row["analysis"])


def _windows(articles: Iterable[Article], window: int, report: RayRun) -> Iterator[tuple[list[dict], list[Article]]]:
    report.run = report.run or f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
    it = iter(articles)
    while chunk := list(islice(it, window)):
        rows = [
            {"run": report.run, "seq": report.articles + i, "article": article_to_json(a)} for i, a in enumerate(chunk)
        ]
        report.articles += len(chunk)
        report.windows += 1
        yield rows, chunk


def _mapped(rows: list[dict], actors: int, actor_files: tuple[str, ...], batch_size: int, batch_chars: int):
    import ray.data

    # enough blocks for every actor to get work, even on a small input
    size = max(1, min(batch_size, -(-len(rows) // actors)))
    ds = ray.data.from_items(rows, override_num_blocks=max(1, -(-len(rows) // size)))
    return ds.map_batches(
        _configured(tuple(actor_files), batch_chars),
        batch_size=size,
        batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(size=actors),
        num_cpus=1,
    )


def _configured(actor_files: tuple[str, ...], batch_chars: int) -> type:
    """`Analyzer` with this run's settings as class attributes, pickled with the class: Ray then needs no
    constructor arguments (which it would keep in the object store for actor restarts)."""
    env = {k: v for k, v in os.environ.items() if k.startswith("DATELINE_")}
    files = tuple(str(Path(f).resolve()) for f in actor_files)  # the same path must be readable on every node
    settings = {"actor_files": files, "batch_chars": batch_chars, "env": env}
    return type("Analyzer", (Analyzer,), {"settings": settings, "__module__": __name__ + ".configured"})


class _session:
    """Connect to (or start) Ray for one run; configure Ray Data; shut Ray down again only if this run started it."""

    def __init__(self, address: str, workers: int, progress: bool) -> None:
        self.address, self.workers, self.progress = address, workers, progress
        self.started = False

    def __enter__(self) -> int:
        import ray
        import ray.data

        if not ray.is_initialized():
            kwargs = {"include_dashboard": False, "logging_level": logging.WARNING}
            if self.address == "local":
                ray.init(num_cpus=self.workers or None, **kwargs)
            else:
                ray.init(address=self.address, **kwargs)
            self.started = True
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True  # results and partitions in input order
        context.enable_progress_bars = self.progress
        for name in ("ray.data", "ray"):  # Ray Data warns that its progress bars are off: they are, on purpose
            logging.getLogger(name).setLevel(logging.INFO if self.progress else logging.ERROR)
        cpus = int(ray.cluster_resources().get("CPU", 1))
        return max(1, min(self.workers or cpus, cpus))

    def __exit__(self, *exc) -> None:
        if self.started:
            import ray

            ray.shutdown()
