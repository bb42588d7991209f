"""The `dateline` command line: thin commands over the library (dateline.pipeline, .read, .store, .eval)."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from . import __version__
from .errors import DatelineError
from .export import ExportFormat

CONTEXT = {"help_option_names": ["-h", "--help"]}
app = typer.Typer(
    help="dateline: who did what to whom, who said what, when and where, from news text.",
    context_settings=CONTEXT,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
eval_app = typer.Typer(
    help="Score dateline output against gold files (DESIGN.md §4 rules).",
    context_settings=CONTEXT,
    no_args_is_help=True,
)
app.add_typer(eval_app, name="eval")
err = Console(stderr=True, soft_wrap=True)  # one line per message, also in logs


class Format(StrEnum):
    summary = "summary"
    json = "json"
    jsonl = "jsonl"
    petrarch = "petrarch"


class QueryFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def example_path() -> Path:
    """The bundled example article (the seed: Azerbaijan's president visits Washington)."""
    return Path(str(resources.files("dateline") / "examples" / "seed_article.txt"))


PathsArg = Annotated[
    list[str] | None,
    typer.Argument(
        help="Files (.txt .html .json .jsonl .xml .rss .atom), directories, or - for stdin. "
        "Default: the bundled example article.",
        show_default=False,
    ),
]
ActorsOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--actors",
        help="YAML file of extra actors (name, code, aliases, role); repeatable.",
        exists=True,
        dir_okay=False,
    ),
]


class PetrarchMode(StrEnum):
    replace = "replace"
    add = "add"


PetrarchOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--petrarch-dictionaries",
        help="Code events with PETRARCH/Phoenix dictionaries: a folder, a PETR_config.ini, or files (a CAMEO verbs "
        "file, *actors*, *agents*, *discards*, *issue* files); repeatable. See docs/petrarch.md.",
        exists=True,
    ),
]
PetrarchModeOpt = Annotated[
    PetrarchMode,
    typer.Option(
        "--petrarch-mode",
        help="With --petrarch-dictionaries: replace (their events only) or add (ours, plus theirs not already there).",
    ),
]


@contextlib.contextmanager
def _petrarch(dictionaries: list[Path] | None, mode: PetrarchMode) -> Iterator[object]:
    """Load the PETRARCH dictionaries (a bad one stops the command here) and hand them to the workers through the
    environment while the block runs; yields the dictionaries (None without the option)."""
    if not dictionaries:
        yield None
        return
    from .petrarch import ENV_DICTIONARIES, ENV_MODE, PetrarchCoder, setting

    paths, _ = setting(dictionaries, mode.value)
    try:
        coder = PetrarchCoder.load(paths, mode.value)
    except DatelineError as exc:
        raise _abort(exc) from exc
    saved = {key: os.environ.get(key) for key in (ENV_DICTIONARIES, ENV_MODE)}
    os.environ[ENV_DICTIONARIES] = os.pathsep.join(paths)
    os.environ[ENV_MODE] = mode.value
    try:
        yield coder.dictionaries
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _version(value: bool) -> None:
    if value:
        typer.echo(f"dateline {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """dateline: who did what to whom, who said what, when and where, from news text."""


class Engine(StrEnum):
    local = "local"
    ray = "ray"


WorkersOpt = Annotated[
    int,
    typer.Option(
        "--workers",
        "-w",
        min=0,
        help="Worker processes, each with its own model (0: one per CPU). With --engine ray: Ray actors "
        "(0: one per CPU of the cluster). Output is the same, in the same order, whatever the number.",
    ),
]
EngineOpt = Annotated[
    Engine,
    typer.Option("--engine", help="local (processes on this machine) or ray (Ray Data; pip install 'ray[data]')."),
]
RayAddressOpt = Annotated[
    str,
    typer.Option(
        "--ray-address",
        help="With --engine ray: local (start a Ray instance here), auto (join the running cluster) or an address.",
    ),
]
OutOpt = Annotated[
    str | None,
    typer.Option(
        "--out",
        help="With --engine ray: write Parquet partitions (one row per article: text and Analysis JSON) to this "
        "directory (on a cluster: storage every node can write).",
    ),
]
MinConfidenceOpt = Annotated[
    float,
    typer.Option(
        "--min-confidence",
        min=0.0,
        max=1.0,
        help="Keep only events whose confidence is at least this (0 to 1; default 0 keeps all). Events with a side "
        "the text leaves unnamed or only implies score below 0.6; see docs/scoring.md for precision per threshold.",
    ),
]
DyadsOnlyOpt = Annotated[
    bool,
    typer.Option(
        "--dyads-only",
        help="Keep only events both of whose sides have a country (no '---' side), as PETRARCH's require_dyad "
        "does; see docs/scoring.md for their precision.",
    ),
]
ProgressOpt = Annotated[
    bool | None,
    typer.Option(
        "--progress/--no-progress",
        help="Progress bar (articles/s, ETA) on stderr. Default: when stderr is a terminal.",
        show_default=False,
    ),
]


@dataclass
class _Run:
    """How to map analyze over the input: engine, workers, progress."""

    workers: int = 1
    engine: Engine = Engine.local
    ray_address: str = "local"
    progress: bool | None = None
    petrarch: list[Path] | None = None  # --petrarch-dictionaries, in force while the articles are analyzed
    petrarch_mode: PetrarchMode = PetrarchMode.replace

    @property
    def show_progress(self) -> bool:
        return err.is_terminal if self.progress is None else self.progress

    def check(self, out: str | None) -> None:
        if out is not None and self.engine is not Engine.ray:
            _usage("--out writes the Parquet partitions of a Ray run: add --engine ray")
        if self.engine is Engine.ray:
            from .engines.ray import available

            if not available():
                _usage("--engine ray needs Ray Data: pip install 'ray[data]==2.58.0'")


def _usage(message: str) -> None:
    err.print(f"[red]error[/red] {escape(message)}", highlight=False)
    raise typer.Exit(2)


def _articles(
    paths: list[str] | None, *, stored: Callable[[str], bool] | None = None, tick: Callable[[], None] = lambda: None
) -> Iterator[object]:
    """The Articles of the inputs, lazily; unreadable inputs are reported, stored ones passed over (and counted)."""
    from .read import ReadFailure, read_paths

    def skipped(path: str, why: str) -> None:
        err.print(f"skipped {escape(path)}: {escape(why)}", highlight=False)

    for item in read_paths(_inputs(paths), stdin=sys.stdin, on_skip=skipped):
        if isinstance(item, ReadFailure):
            _fail(f"{item.path}: {item.error}")
            tick()
        elif stored is not None and stored(item.content_hash):
            _passed_over.append(item.content_hash)
            tick()
        else:
            yield item


def _inputs(paths: list[str] | None) -> list[str]:
    return paths or [str(example_path())]


def _analyses(
    paths: list[str] | None,
    actors: list[Path] | None,
    *,
    stored: Callable[[str], bool] | None = None,
    run: _Run | None = None,
) -> Iterator[tuple[object, str]]:
    """(Analysis, text) for every readable input, in input order; failures are reported on stderr and counted.

    `stored(content_hash)` names articles to pass over before any NLP is spent on them (ingest's resume).
    """
    run = run or _Run()
    actor_files = tuple(str(p) for p in actors or ())
    with _petrarch(run.petrarch, run.petrarch_mode), _progress(run.show_progress, paths) as tick:
        articles = _articles(paths, stored=stored, tick=tick)
        if run.engine is Engine.ray:
            from .engines.ray import analyze_ray

            results = analyze_ray(articles, address=run.ray_address, workers=run.workers, actor_files=actor_files)
        else:
            from .engines import analyze_parallel

            results = analyze_parallel(articles, workers=run.workers, actor_files=actor_files)
        for article, result in results:
            tick()
            if isinstance(result, DatelineError):
                _fail(f"{article.path or article.id}: {result}")
            else:
                yield result, article.text


@contextlib.contextmanager
def _progress(enabled: bool, paths: list[str] | None) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr (articles, articles/s, elapsed, ETA) while the block runs; `tick()` per article."""
    if not enabled:
        yield lambda: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn, TimeRemainingColumn

    total = _estimate_articles(_inputs(paths))
    columns = [
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn() if total else "{task.completed} articles",
        _rate_column(),
        TimeElapsedColumn(),
        *([TimeRemainingColumn()] if total else []),
    ]
    # stdout is redirected above the bar only when both are the terminal; piped output is never touched
    with Progress(*columns, console=err, redirect_stdout=sys.stdout.isatty(), redirect_stderr=False) as bar:
        task = bar.add_task("analyzing", total=total)
        yield lambda: bar.advance(task)


def _rate_column():
    from rich.progress import ProgressColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task) -> Text:
            speed = task.finished_speed or task.speed
            return Text("? articles/s" if speed is None else f"{speed:.1f} articles/s", style="progress.data.speed")

    return RateColumn()


def _estimate_articles(inputs: list[str]) -> int | None:
    """How many articles the inputs hold, for the ETA: JSON Lines lines, one per other file; None when unknown
    (stdin, feeds)."""
    from .read import READERS

    total = 0
    for given in inputs:
        path = Path(given)
        if given == "-":
            return None
        if path.is_dir():  # what read_paths reads: supported files, hidden ones and folders left out
            files = [
                p
                for p in path.rglob("*")
                if p.suffix.lower() in READERS and not any(part.startswith(".") for part in p.relative_to(path).parts)
            ]
        else:
            files = [path]
        for file in files:
            suffix = file.suffix.lower()
            if suffix in {".xml", ".rss", ".atom"}:
                return None
            total += _count_lines(file) if suffix == ".jsonl" else 1
    return total or None


def _count_lines(path: Path) -> int:
    count = 0
    try:
        with path.open("rb") as f:
            while chunk := f.read(1 << 20):
                count += chunk.count(b"\n")
    except OSError:
        return 1
    return count


_failures: list[str] = []
_passed_over: list[str] = []  # content hashes ingest found stored already


def _abort(exc: BaseException) -> typer.Exit:
    """Report an error that stops the command; `raise _abort(exc) from exc`.

    Escaped, since paths and SQL may hold rich markup such as '[1]'."""
    err.print(f"[red]error[/red] {escape(str(exc))}", highlight=False)
    return typer.Exit(1)


def _fail(message: str) -> None:
    _failures.append(message)
    err.print(f"[red]error[/red] {escape(message)}", highlight=False)


def _finish() -> None:
    if _failures:
        err.print(f"{len(_failures)} input(s) failed", highlight=False)
        raise typer.Exit(1)


@app.command()
def analyze(
    paths: PathsArg = None,
    format: Annotated[
        Format,
        typer.Option("--format", "-f", help="summary (readable), json, jsonl or petrarch (PETRARCH's event TSV)."),
    ] = Format.summary,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")] = None,
    actors: ActorsOpt = None,
    petrarch_dictionaries: PetrarchOpt = None,
    petrarch_mode: PetrarchModeOpt = PetrarchMode.replace,
    workers: WorkersOpt = 1,
    engine: EngineOpt = Engine.local,
    ray_address: RayAddressOpt = "local",
    out: OutOpt = None,
    progress: ProgressOpt = None,
    min_confidence: MinConfidenceOpt = 0.0,
    dyads_only: DyadsOnlyOpt = False,
) -> None:
    """Analyze articles: actors, CAMEO events and quotations, with evidence spans.

    Example:

        dateline analyze article.txt

        dateline analyze corpus.jsonl --format jsonl -o out.jsonl --workers 4

        dateline analyze corpus.jsonl --engine ray --out parts/

        dateline analyze PETR.records.xml --petrarch-dictionaries dicts/ -f petrarch

        dateline analyze corpus.jsonl -f jsonl -o out.jsonl --min-confidence 0.6

        dateline analyze corpus.jsonl -f jsonl -o out.jsonl --dyads-only
    """
    _failures.clear()
    run = _Run(workers, engine, ray_address, progress, petrarch_dictionaries, petrarch_mode)
    run.check(out)
    if out is not None:
        if min_confidence:
            raise typer.BadParameter(
                "applies to --format output, not to Parquet partitions: load them, then select events with "
                "confidence >= the threshold in SQL",
                param_hint="--min-confidence",
            )
        if dyads_only:
            raise typer.BadParameter(
                "applies to --format output, not to Parquet partitions: load them, then select events whose "
                "source and target country are not '---' in SQL",
                param_hint="--dyads-only",
            )
        _write_partitions(paths, actors, run, out)
        _finish()
        return
    _write_analyses(paths, actors, run, format, output, min_confidence, dyads_only)
    _finish()


def _write_analyses(
    paths, actors, run: _Run, format: Format, output: Path | None, min_confidence: float = 0.0, dyads_only: bool = False
) -> None:
    out_file = output.open("w", encoding="utf-8") if output else None
    console = Console(file=out_file, width=140) if out_file and format is Format.summary else Console()
    records = []
    try:
        for analysis, text in _analyses(paths, actors, run=run):
            if min_confidence:
                analysis = analysis.confident(min_confidence)
            if dyads_only:
                analysis = analysis.dyadic()
            if format is Format.summary:
                from .summary import print_summary

                print_summary(analysis, text, console)
            elif format is Format.jsonl:
                _write(out_file, analysis.to_json())
            elif format is Format.petrarch:
                from .petrarch import load_dictionaries, write_events

                issues = load_dictionaries(run.petrarch).issues if run.petrarch else None  # loaded: cached
                write_events([(analysis, text)], out_file or sys.stdout, issues)
            else:
                records.append(analysis.to_dict())
        if format is Format.json:
            body = records[0] if len(records) == 1 else records
            _write(out_file, json.dumps(body, ensure_ascii=False, indent=2))
    finally:
        if out_file:
            out_file.close()


def _write(out, line: str) -> None:
    (out or sys.stdout).write(line + "\n")


def _write_partitions(
    paths: list[str] | None,
    actors: list[Path] | None,
    run: _Run,
    out: str,
    *,
    stored: Callable[[str], bool] | None = None,
):
    """Analyze on Ray into Parquet partitions under `out`; report the run's failures. Returns the RayRun."""
    from .engines.parquet import run_failures
    from .engines.ray import write_partitions

    actor_files = tuple(str(p) for p in actors or ())
    articles = _articles(paths, stored=stored)
    with _petrarch(run.petrarch, run.petrarch_mode):
        report = write_partitions(
            articles,
            out,
            address=run.ray_address,
            workers=run.workers,
            actor_files=actor_files,
            progress=run.show_progress,
        )
    failures = run_failures(out, report.run) if report.articles else []
    for label, error in failures:
        _fail(f"{label}: {error}")
    err.print(
        f"{out}: wrote {report.articles - len(failures)} article(s) as Parquet partitions (run {report.run}), "
        f"{len(failures)} failed",
        highlight=False,
    )
    return report


@app.command()
def ingest(
    paths: PathsArg = None,
    db: Annotated[Path, typer.Option("--db", help="DuckDB file (created when missing).")] = Path("dateline.duckdb"),
    actors: ActorsOpt = None,
    petrarch_dictionaries: PetrarchOpt = None,
    petrarch_mode: PetrarchModeOpt = PetrarchMode.replace,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary of the stored articles.")] = False,
    workers: WorkersOpt = 1,
    engine: EngineOpt = Engine.local,
    ray_address: RayAddressOpt = "local",
    out: OutOpt = None,
    parquet_only: Annotated[
        bool, typer.Option("--parquet-only", help="With --out: write the partitions, do not load them into --db.")
    ] = False,
    from_parquet: Annotated[
        str | None,
        typer.Option(
            "--from-parquet",
            help="Load the Parquet partitions of a Ray run (a directory, a file or a glob) instead of analyzing.",
        ),
    ] = None,
    progress: ProgressOpt = None,
) -> None:
    """Analyze articles and store them in DuckDB; an article already stored (same text) is skipped.

    Example:

        dateline ingest news/ --db news.duckdb --workers 4

        dateline ingest news/ --db news.duckdb --engine ray --out parts/

        dateline ingest --from-parquet parts/ --db news.duckdb
    """
    from .store import has_article, open_store
    from .store import ingest as store_ingest

    _failures.clear()
    _passed_over.clear()
    run = _Run(workers, engine, ray_address, progress, petrarch_dictionaries, petrarch_mode)
    run.check(out)
    if parquet_only and out is None:
        _usage("--parquet-only goes with --out DIR")
    if from_parquet is not None and (paths or out is not None):
        _usage("--from-parquet loads partitions: give no input paths and no --out")
    if parquet_only:
        _write_partitions(paths, actors, run, out)
        _finish()
        return
    try:
        con = open_store(db)
    except DatelineError as exc:
        raise _abort(exc) from exc
    shown: list[tuple[object, str]] = []

    def remember(items):
        for analysis, text in items:
            if len(shown) < 3:
                shown.append((analysis, text))
            yield analysis, text

    try:
        stored = partial(has_article, con)
        if from_parquet is not None:
            items = _from_partitions(from_parquet, stored)
        elif out is not None:
            ray_run = _write_partitions(paths, actors, run, out, stored=stored)
            items = _from_partitions(out, stored, run=ray_run.run, report_failures=False) if ray_run.articles else []
        else:
            items = _analyses(paths, actors, stored=stored, run=run)
        report = store_ingest(con, remember(items))
    except DatelineError as exc:
        raise _abort(exc) from exc
    finally:
        con.close()
    if not quiet:
        from .summary import print_summary

        for analysis, text in shown:
            print_summary(analysis, text)
    typer.echo(
        f"{db}: stored {report.stored} article(s), skipped {report.duplicates + len(_passed_over)} already stored; "
        f"{report.events} events, {report.quotes} quotations, {report.actors} actors"
    )
    _finish()


def _from_partitions(
    source: str, stored: Callable[[str], bool], *, run: str | None = None, report_failures: bool = True
) -> Iterator[tuple[object, str]]:
    """(Analysis, text) from Parquet partitions; failed rows are reported, stored articles passed over."""
    from .engines.parquet import read_partitions

    def skip(content_hash: str) -> bool:
        if stored(content_hash):
            _passed_over.append(content_hash)
            return True
        return False

    for first, second in read_partitions(source, skip=skip, run=run):
        if isinstance(second, DatelineError):
            if report_failures:
                _fail(f"{first}: {second}")
        else:
            yield first, second


# -------------------------------------------------------------------- query and export

DbOpt = Annotated[
    Path, typer.Option("--db", help="DuckDB store to read (opened read-only).", exists=True, dir_okay=False)
]


def _open_read_only(db: Path, *, external_access: bool = True):
    from .store import open_store

    try:
        return open_store(db, read_only=True, external_access=external_access)
    except DatelineError as exc:
        raise _abort(exc) from exc


@app.command()
def query(
    db: DbOpt = Path("dateline.duckdb"),
    dyad: Annotated[
        str | None,
        typer.Option(help="Events SOURCE-TARGET: countries (USA-AZE) or actor codes (USAGOV-AZEGOV); * for any."),
    ] = None,
    both_ways: Annotated[bool, typer.Option("--both-ways", help="With --dyad: also TARGET -> SOURCE.")] = False,
    code: Annotated[str | None, typer.Option(help="Events whose CAMEO code starts so (04 root, 042).")] = None,
    quad: Annotated[int | None, typer.Option(help="Events of this QuadClass (1-4).", min=1, max=4)] = None,
    top_actors: Annotated[bool, typer.Option("--top-actors", help="Actors in most articles.")] = False,
    country: Annotated[str | None, typer.Option(help="With --top-actors: only this country.")] = None,
    speaker: Annotated[str | None, typer.Option(help="Quotations by a speaker (name part); * lists speakers.")] = None,
    article: Annotated[str | None, typer.Option(help="Article by id, URL or content-hash prefix.")] = None,
    sql: Annotated[str | None, typer.Option(help="One read-only SELECT statement.")] = None,
    start: Annotated[str | None, typer.Option("--from", help="From this date (YYYY-MM-DD), inclusive.")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Up to this date (YYYY-MM-DD), inclusive.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.", min=1)] = 1000,
    format: Annotated[QueryFormat, typer.Option("--format", "-f", help="table, csv or json.")] = QueryFormat.table,
) -> None:
    """Query the store: events of a dyad, by code or QuadClass; top actors; quotes by speaker; articles; SQL.

    Example:

        dateline query --db news.duckdb --dyad USA-AZE --from 2025-01-01

        dateline query --db news.duckdb --sql "SELECT root, count(*) FROM events GROUP BY 1" -f csv
    """
    from .store.query import run_query, write_result

    con = _open_read_only(db, external_access=False)
    try:
        args = {"dyad": dyad, "code": code, "quad_class": quad, "both_ways": both_ways, "top": top_actors}
        args |= {"country": country, "speaker": speaker, "article": article, "sql": sql}
        result = run_query(con, **args, start=start, end=end, limit=limit)
    except DatelineError as exc:
        raise _abort(exc) from exc
    finally:
        con.close()
    write_result(result, format, sys.stdout)


@app.command()
def export(
    db: DbOpt = Path("dateline.duckdb"),
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="What to write.")] = ExportFormat.jsonl,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (parquet: a directory). Default: stdout.")
    ] = None,
) -> None:
    """Export the store: parquet, jsonl, gdelt-events, gdelt-mentions, gdelt-gkg or plover (JSONL).

    Example:

        dateline export --db news.duckdb --format gdelt-events -o events.CSV

        dateline export --db news.duckdb --format parquet -o lake/
    """
    from .export import export as run_export

    con = _open_read_only(db)
    try:
        out = output.open("w", encoding="utf-8", newline="") if output and format != "parquet" else None
        with out or contextlib.nullcontext():
            report = run_export(con, format.value, out, directory=output)
    except (DatelineError, OSError, ValueError) as exc:
        raise _abort(exc) from exc
    finally:
        con.close()
    err.print(report.summary(), highlight=False)


@app.command()
def serve(
    db: Annotated[
        Path, typer.Option("--db", help="DuckDB store to serve; opened read-only unless a token is set.")
    ] = Path("dateline.duckdb"),
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="DATELINE_TOKEN",
            show_default=False,
            help="Write token: enables POST /api/articles with 'Authorization: Bearer TOKEN' (prefer the "
            "DATELINE_TOKEN variable: options show in the process list).",
        ),
    ] = None,
    analyze_timeout: Annotated[
        float, typer.Option("--analyze-timeout", help="Seconds a client waits for an analysis.", min=1.0)
    ] = 30.0,
) -> None:
    """Serve web pages and a REST API (OpenAPI at /docs) over a store; read-only unless a token is set.

    Example:

        dateline serve --db news.duckdb

        DATELINE_TOKEN=change-me dateline serve --db news.duckdb --port 8080
    """
    from .serve import run

    try:
        run(db, host, port, token, analyze_timeout=analyze_timeout)
    except DatelineError as exc:
        raise _abort(exc) from exc


# -------------------------------------------------------------------- eval


SystemArg = Annotated[Path, typer.Option("--system", "-s", help="dateline JSONL output to score.", exists=True)]
GoldArg = Annotated[
    Path, typer.Option("--gold", "-g", help="Gold file (dateline gold JSON, PolNeAR or PETRARCH JSONL).", exists=True)
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the full JSON report before the summary line.")]


def _run_eval(task: str, report: dict, as_json: bool) -> None:
    from .eval import summary_line

    if as_json:
        typer.echo(json.dumps({k: v for k, v in report.items() if k != "per_document"}, indent=1))
    typer.echo(summary_line(task, report))


@eval_app.command("events")
def eval_events(
    gold: GoldArg,
    system: SystemArg,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Exact (source code, target code, event code) per sentence, PETRARCH style."),
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Event precision, recall and F1: dyad+root, root, dyad+code (or strict).

    Example:

        dateline eval events --gold gold.json --system out.jsonl
    """
    from .eval import load_records, score_events

    try:
        report = score_events(
            load_records(gold), load_records(system, role="system"), strict=strict, gold_path=str(gold)
        )
    except DatelineError as exc:
        raise _abort(exc) from exc
    _run_eval("events", report, as_json)


@eval_app.command("quotes")
def eval_quotes(gold: GoldArg, system: SystemArg, as_json: JsonOpt = False) -> None:
    """Quotation P/R/F1 (direct+mixed, indirect) and speaker accuracy.

    Example:

        dateline eval quotes --gold polnear_dev.jsonl --system out.jsonl
    """
    from .eval import load_records, score_quotes

    try:
        report = score_quotes(load_records(gold), load_records(system, role="system"), gold_path=str(gold))
    except DatelineError as exc:
        raise _abort(exc) from exc
    _run_eval("quotes", report, as_json)


@eval_app.command("plover")
def eval_plover(
    gold: GoldArg,
    system: SystemArg,
    map: Annotated[
        Path | None,
        typer.Option("--map", help="CAMEO->PLOVER table (TSV). Default: ../shared/eval/plover_categories.tsv."),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """PLOVER category accuracy on one-event sentences (CAMEO manual examples).

    Example:

        dateline eval plover --gold cameo_manual_examples.jsonl --system out.jsonl --map plover_categories.tsv
    """
    from .eval import default_plover_table_path, load_plover_table, load_records, score_plover

    table_path = map or default_plover_table_path()
    if table_path is None:
        err.print("[red]error[/red] no CAMEO->PLOVER table: pass --map FILE", highlight=False)
        raise typer.Exit(2)
    try:
        report = score_plover(
            load_records(gold), load_records(system, role="system"), load_plover_table(table_path), gold_path=str(gold)
        )
    except DatelineError as exc:
        raise _abort(exc) from exc
    _run_eval("plover", report, as_json)


def main() -> None:
    try:
        app()
    except DatelineError as exc:  # a library error that escaped a command: one line, no traceback
        _abort(exc)
        sys.exit(1)


if __name__ == "__main__":
    main()
