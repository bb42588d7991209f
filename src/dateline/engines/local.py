"""The local engine: `analyze` mapped over batches of articles by a pool of worker processes on this machine.

- **One model per worker.** Each worker loads the spaCy model, knowledge base and lexicon once, in the pool's
  initializer; the parent process reads the input and never loads the model.
- **Bounded.** The input is read lazily and cut into batches of at most `batch_size` articles and `batch_chars`
  characters (`pipeline.batches`): the characters bound the memory a worker's parse needs. At most `in_flight`
  batches (default three per worker) are read ahead and in the pool at once, so a corpus of any size streams
  through in constant memory, and a consumer that stops reading stops the reading of the input.
- **Same output, same order.** Results come back in input order, and each is exactly what one process gives: the
  analysis of an article does not depend on its batch. An article that cannot be analyzed yields
  `(article, DatelineError)` as with one worker.
- **Workers are renewed** every `recycle_after` batches (default 2,000 batches, some 20,000 articles), which bounds
  the growth of spaCy's vocabulary in a worker over a corpus of millions of articles.
- **A dying worker is contained.** When a worker dies (out of memory, a crash in native code), the batches that were
  in the pool are run again one article at a time in a fresh pool; the article that kills its worker again gets a
  DL114 error record and the run goes on.

Workers are started with the `forkserver` method where the platform has it (a fork of a clean, single-threaded
server that has imported dateline already: quick, and safe while the parent runs threads), else `spawn`.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from dateline.engines.records import ErrorRecord, error_from_record, error_record
from dateline.errors import DatelineError
from dateline.model import Analysis, Article
from dateline.pipeline import BATCH_ARTICLES, BATCH_CHARS, analyze_articles, analyze_batch, batches, load_resources

Result = tuple[Article, Analysis | DatelineError]
ENV_PREFIX = "DATELINE_"  # settings the workers must share with the parent (model choice, full pipeline, ...)
RECYCLE_AFTER = 2_000  # batches a pool's workers take before fresh workers replace them (see _Pool)


@dataclass
class EngineStats:
    """What a run of `analyze_parallel` did; filled in as it goes."""

    workers: int = 0
    batches: int = 0
    articles: int = 0
    worker_peak_rss_mb: dict[int, float] = field(default_factory=dict)  # worker pid -> its peak RSS
    worker_deaths: int = 0

    @property
    def max_worker_rss_mb(self) -> float:
        return max(self.worker_peak_rss_mb.values(), default=0.0)


def cpu_count() -> int:
    """CPUs this process may use (its affinity where the platform says, else all)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def resolve_workers(workers: int) -> int:
    """`0` means one worker per CPU."""
    if workers < 0:
        raise ValueError("workers must be 0 (one per CPU) or more")
    return workers or cpu_count()


def analyze_parallel(
    articles: Iterable[Article],
    *,
    workers: int,
    actor_files: tuple[str, ...] = (),
    batch_size: int = BATCH_ARTICLES,
    batch_chars: int = BATCH_CHARS,
    in_flight: int | None = None,
    stats: EngineStats | None = None,
    start_method: str | None = None,
    recycle_after: int = RECYCLE_AFTER,
) -> Iterator[Result]:
    """`(article, Analysis | DatelineError)` for every article, in input order, computed by `workers` processes.

    `workers=1` runs in this process (no pool); `0` means one per CPU. A model that cannot be loaded raises its
    ModelError here, as with one worker.
    """
    stats = stats if stats is not None else EngineStats()
    workers = resolve_workers(workers)
    stats.workers = workers
    if workers == 1:
        res = load_resources(actor_files)
        for item in analyze_articles(articles, res, batch_size=batch_size, batch_chars=batch_chars):
            stats.articles += 1
            yield item
        stats.worker_peak_rss_mb[os.getpid()] = peak_rss_mb()
        return
    limit = in_flight or 3 * workers
    if limit < 1:
        raise ValueError("in_flight must be at least 1")
    pool = _Pool(workers, actor_files, start_method, recycle_after)
    window: deque[tuple[list[Article], Future]] = deque()
    todo = batches(articles, batch_size=batch_size, batch_chars=batch_chars)
    try:
        while True:
            while len(window) < limit:
                batch = next(todo, None)
                if batch is None:
                    break
                window.append((batch, pool.submit(batch)))
            if not window:
                break
            batch, future = window.popleft()
            try:
                outcome = future.result()
            except BrokenProcessPool:
                # A worker died and took the pool with it: every batch in the pool is lost. Run them again one
                # article at a time, to tell the article that kills its worker from the ones that were only near it.
                stats.worker_deaths += 1
                lost = [batch, *(b for b, _ in window)]
                window.clear()
                pool.restart()
                for one in lost:
                    for article in one:
                        yield _isolated(pool, article, stats)
                continue
            yield from _unpack(batch, outcome, stats)
    finally:
        pool.close()


def _isolated(pool: _Pool, article: Article, stats: EngineStats) -> Result:
    try:
        outcome = pool.submit([article]).result()
    except BrokenProcessPool:
        stats.worker_deaths += 1
        pool.restart()
        stats.articles += 1
        reason = "its worker process died (out of memory, or a crash in native code)"
        return article, DatelineError("DL114", path=article.path or article.id or "<text>", reason=reason)
    ((_, result),) = _unpack([article], outcome, stats)
    return article, result


def _unpack(batch: list[Article], outcome: tuple, stats: EngineStats) -> Iterator[Result]:
    kind, pid, rss, payload = outcome
    if kind == "init-error":
        raise error_from_record(payload)
    stats.batches += 1
    stats.worker_peak_rss_mb[pid] = max(rss, stats.worker_peak_rss_mb.get(pid, 0.0))
    if kind == "failed":  # the worker caught something outside any article's analysis (it should not happen)
        for article in batch:
            stats.articles += 1
            yield article, DatelineError("DL114", path=article.path or article.id or "<text>", reason=payload)
        return
    for article, result in zip(batch, payload, strict=True):
        stats.articles += 1
        yield article, (error_from_record(result) if isinstance(result, tuple) else result)


class _Pool:
    """A ProcessPoolExecutor that is replaced when broken, and renewed every `recycle_after` batches; its submit
    never raises BrokenProcessPool (the returned future holds it instead).

    Renewing bounds a worker's memory on a corpus of any size: spaCy's vocabulary keeps every new word it meets
    (about 30 per news article past the first thousand), so a worker that lived for millions of articles would grow
    without end. The old workers finish the batches they hold while the new ones start (Python 3.11's own
    `max_tasks_per_child` hangs with the forkserver method, so it is not used).
    """

    def __init__(
        self, workers: int, actor_files: tuple[str, ...], start_method: str | None, recycle_after: int = RECYCLE_AFTER
    ) -> None:
        self.workers = workers
        # Absolute paths and the parent's DATELINE_* settings and directory: a forkserver started earlier in this
        # process would otherwise give its children the environment and directory it had then.
        files = tuple(str(Path(f).resolve()) for f in actor_files)
        env = {k: v for k, v in os.environ.items() if k.startswith(ENV_PREFIX)}
        self.initargs = (files, env, os.getcwd())
        self.context = _context(start_method)
        self.recycle_after = recycle_after
        self.submitted = 0
        self.retired: list[ProcessPoolExecutor] = []
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers, mp_context=self.context, initializer=_init_worker, initargs=self.initargs
        )

    def submit(self, batch: list[Article]) -> Future:
        if self.submitted >= self.recycle_after:
            self.executor.shutdown(wait=False)  # its workers finish what they hold, then exit
            self.retired.append(self.executor)
            self.executor, self.submitted = self._new(), 0
        self.submitted += 1
        try:
            return self.executor.submit(_work, batch)
        except BrokenProcessPool as exc:
            future: Future = Future()
            future.set_exception(exc)
            return future

    def restart(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor, self.submitted = self._new(), 0

    def close(self) -> None:
        # wait: a worker finishes at most its current batch; then no process is left behind
        for executor in [*self.retired, self.executor]:
            executor.shutdown(wait=True, cancel_futures=True)
        self.retired.clear()


def _context(start_method: str | None):
    methods = multiprocessing.get_all_start_methods()
    method = start_method or ("forkserver" if "forkserver" in methods else "spawn")
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        # The server imports dateline (spaCy, the readers) once; each worker is a fork of it and only loads the model.
        context.set_forkserver_preload(["dateline.engines.local"])
    return context


# ------------------------------------------------------------------------------------------------ in the worker

_worker: dict[str, object] = {}


def _init_worker(actor_files: tuple[str, ...], env: dict[str, str], cwd: str) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the pool
    for key in [k for k in os.environ if k.startswith(ENV_PREFIX) and k not in env]:
        del os.environ[key]
    os.environ.update(env)
    with contextlib.suppress(OSError):
        os.chdir(cwd)
    try:
        _worker["res"] = load_resources(actor_files)
    except DatelineError as exc:  # reported with the first batch, so the parent raises it as one process would
        _worker["error"] = error_record(exc)


def _work(batch: list[Article]) -> tuple[str, int, float, object]:
    """("ok", pid, peak RSS, [Analysis | ErrorRecord]) for a batch, or ("init-error", ..., ErrorRecord)."""
    pid = os.getpid()
    if "error" in _worker:
        return "init-error", pid, peak_rss_mb(), _worker["error"]
    try:
        results: list[Analysis | ErrorRecord] = [
            error_record(result) if isinstance(result, DatelineError) else result
            for _article, result in analyze_batch(batch, _worker["res"])
        ]
    except Exception as exc:  # analyze_batch contains per-article failures; this is a safety net
        return "failed", pid, peak_rss_mb(), f"{type(exc).__name__}: {exc}"
    return "ok", pid, peak_rss_mb(), results


def peak_rss_mb() -> float:
    """This process's peak resident set size, in MB (0 where the platform does not say)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)
