"""The `dateline` command line: thin commands over the library (dateline.pipeline, .read, .store, .eval)."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable, Iterator
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


class QueryFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class ExportFormatOpt(StrEnum):
    parquet = "parquet"
    jsonl = "jsonl"
    gdelt_events = "gdelt-events"
    gdelt_mentions = "gdelt-mentions"
    gdelt_gkg = "gdelt-gkg"
    plover = "plover"


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


def _analyses(
    paths: list[str] | None, actors: list[Path] | None, *, stored: Callable[[str], bool] | None = None
) -> Iterator[tuple[object, str]]:
    """(Analysis, text) for every readable input; failures are reported on stderr and counted.

    `stored(content_hash)` names articles to pass over before any NLP is spent on them (ingest's resume).
    """
    from .pipeline import analyze_articles, load_resources
    from .read import ReadFailure, read_paths

    res = load_resources(tuple(str(p) for p in actors or ()))
    inputs = paths or [str(example_path())]

    def skipped(path: str, why: str) -> None:
        err.print(f"skipped {escape(path)}: {escape(why)}", highlight=False)

    def articles():
        for item in read_paths(inputs, stdin=sys.stdin, on_skip=skipped):
            if isinstance(item, ReadFailure):
                _fail(f"{item.path}: {item.error}")
            elif stored is not None and stored(item.content_hash):
                _passed_over.append(item.content_hash)
            else:
                yield item

    for article, result in analyze_articles(articles(), res):
        if isinstance(result, DatelineError):
            _fail(f"{article.path or article.id}: {result}")
        else:
            yield result, article.text


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
        Format, typer.Option("--format", "-f", help="summary (readable), json or jsonl.")
    ] = Format.summary,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")] = None,
    actors: ActorsOpt = None,
) -> None:
    """Analyze articles: actors, CAMEO events and quotations, with evidence spans.

    Example:

        dateline analyze article.txt

        dateline analyze corpus.jsonl --format jsonl -o out.jsonl
    """
    _failures.clear()
    out = output.open("w", encoding="utf-8") if output else None
    console = Console(file=out, width=140) if out and format is Format.summary else Console()
    records = []
    try:
        for analysis, text in _analyses(paths, actors):
            if format is Format.summary:
                from .summary import print_summary

                print_summary(analysis, text, console)
            elif format is Format.jsonl:
                _write(out, analysis.to_json())
            else:
                records.append(analysis.to_dict())
        if format is Format.json:
            body = records[0] if len(records) == 1 else records
            _write(out, json.dumps(body, ensure_ascii=False, indent=2))
    finally:
        if out:
            out.close()
    _finish()


def _write(out, line: str) -> None:
    (out or sys.stdout).write(line + "\n")


@app.command()
def ingest(
    paths: PathsArg = None,
    db: Annotated[Path, typer.Option("--db", help="DuckDB file (created when missing).")] = Path("dateline.duckdb"),
    actors: ActorsOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary of the stored articles.")] = False,
) -> None:
    """Analyze articles and store them in DuckDB; an article already stored (same text) is skipped.

    Example:

        dateline ingest news/ --db news.duckdb
    """
    from .store import has_article, open_store
    from .store import ingest as store_ingest

    _failures.clear()
    _passed_over.clear()
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
        report = store_ingest(con, remember(_analyses(paths, actors, stored=stored)))
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
    format: Annotated[ExportFormatOpt, typer.Option("--format", "-f", help="What to write.")] = ExportFormatOpt.jsonl,
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
