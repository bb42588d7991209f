"""Engines: workers and Ray give, article for article and in order, what one process gives (DESIGN.md §1, §5)."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.engines.records import analysis_from_dict, error_from_record, error_record
from dateline.errors import InputError, ModelError
from dateline.model import Article
from dateline.pipeline import MAX_CHARS, batches

runner = CliRunner()
SHORT = [
    "Russian troops attacked Ukrainian soldiers near Kharkiv on Friday.",
    "President Emmanuel Macron met Chancellor Olaf Scholz in Berlin on Monday, officials said.",
    '"We will not give in," the minister told reporters in Tehran.',
    "Protesters clashed with police in Nairobi after the court ruling.",
]


def corpus(seed_text: str) -> list[dict]:
    """18 articles: 12 long ones (two character-capped batches and more), short ones, one too long to analyze."""
    records = [{"id": f"seed-{i}", "text": f"Story {i}.\n\n{seed_text}", "date": "2025-08-11"} for i in range(12)]
    records += [{"id": f"short-{i}", "text": text, "date": "2024-05-10"} for i, text in enumerate(SHORT)]
    records.insert(5, {"id": "huge", "text": "Word " * (MAX_CHARS // 5 + 1)})
    records.insert(9, {"id": "short-again", "text": SHORT[0] + " Again."})
    return records


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory, seed_path: Path) -> Path:
    path = tmp_path_factory.mktemp("engines") / "corpus.jsonl"
    lines = [json.dumps(r) for r in corpus(seed_path.read_text(encoding="utf-8"))]
    lines.insert(3, "{not json")  # a read failure: reported, and the run goes on
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def articles_of(path: Path) -> list[Article]:
    from dateline.read import ReadFailure, read_paths

    return [a for a in read_paths([path]) if not isinstance(a, ReadFailure)]


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error")]


# ------------------------------------------------------------------------------------------- without the model


def test_batches_cap_articles_and_characters():
    arts = [Article("x" * n, id=str(i)) for i, n in enumerate([10, 20, 30, 100, 5, 5, 5, 5])]
    got = [[a.id for a in b] for b in batches(arts, batch_size=3, batch_chars=40)]
    # 10+20 fit, +30 would pass 40; 30 alone; 100 is over the cap: a batch of its own; then at most 3 articles
    assert got == [["0", "1"], ["2"], ["3"], ["4", "5", "6"], ["7"]]
    whole = [[a.id for a in b] for b in batches(arts, batch_size=100, batch_chars=10_000)]
    assert whole == [[str(i) for i in range(8)]]
    with pytest.raises(ValueError):
        next(batches(arts, batch_chars=0))


def test_batches_are_lazy():
    taken = []

    def source():
        for i in range(1_000_000):
            taken.append(i)
            yield Article("text", id=str(i))

    first = next(batches(source(), batch_size=4, batch_chars=1_000))
    assert len(first) == 4 and len(taken) == 5  # one article of look-ahead, no more


def test_error_records_round_trip():
    exc = InputError("DL111", path="a.txt", size=10, limit=5)
    back = error_from_record(json.loads(json.dumps(error_record(exc))))
    assert type(back) is InputError and str(back) == str(exc) and back.code == "DL111"


def test_coded_errors_survive_pickling_between_processes():
    import pickle

    error = InputError("DL111", path="big.txt", size=200_000, limit=MAX_CHARS)
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is InputError
    assert (copy.code, copy.fields, str(copy)) == (error.code, error.fields, str(error))


def test_missing_model_is_reported_by_workers_as_by_one_process(monkeypatch):
    monkeypatch.setenv("DATELINE_SPACY_MODEL", "no_such_model_xyz")
    from dateline.engines import analyze_parallel

    with pytest.raises(ModelError) as info:
        list(analyze_parallel([Article("Some text.", id="a")], workers=2))
    assert info.value.code == "DL401" and "no_such_model_xyz" in str(info.value)


def test_out_needs_ray_engine(tmp_path):
    result = runner.invoke(app, ["analyze", "--out", str(tmp_path / "parts")])
    assert result.exit_code == 2 and "--engine ray" in result.stderr


# ------------------------------------------------------------------------------------------- with the model


@pytest.mark.slow
def test_analysis_round_trips_through_json(seed_analysis):
    back = analysis_from_dict(json.loads(seed_analysis.to_json()))
    assert back == seed_analysis and back.to_json() == seed_analysis.to_json()


@pytest.mark.slow
def test_two_workers_give_the_same_jsonl_as_one(corpus_file: Path):
    one = runner.invoke(app, ["analyze", str(corpus_file), "-f", "jsonl"])
    two = runner.invoke(app, ["analyze", str(corpus_file), "-f", "jsonl", "--workers", "2"])
    assert one.exit_code == two.exit_code == 1  # the bad line and the huge article failed; the rest went on
    assert two.stdout == one.stdout
    ids = [json.loads(line)["id"] for line in one.stdout.splitlines()]
    assert len(ids) == 17 and ids[:3] == ["seed-0", "seed-1", "seed-2"]  # input order
    assert error_lines(two.stderr) == error_lines(one.stderr)
    assert any("DL111" in line for line in error_lines(one.stderr))
    assert any("DL106" in line for line in error_lines(one.stderr))
    assert "articles/s" not in two.stderr  # no progress bar unless stderr is a terminal or --progress


@pytest.mark.slow
def test_progress_bar_on_request_leaves_stdout_alone(corpus_file: Path):
    plain = runner.invoke(app, ["analyze", str(corpus_file), "-f", "jsonl", "--workers", "2"])
    shown = runner.invoke(app, ["analyze", str(corpus_file), "-f", "jsonl", "--workers", "2", "--progress"])
    assert shown.stdout == plain.stdout
    assert "articles/s" in shown.stderr and "19/19" in shown.stderr  # 19 lines: 17 analyzed, 1 too long, 1 unreadable


@pytest.mark.slow
def test_ingest_with_workers_stores_what_one_process_stores(corpus_file: Path, tmp_path: Path):
    for name, extra in (("one", []), ("two", ["--workers", "2"])):
        runner.invoke(app, ["ingest", str(corpus_file), "--db", str(tmp_path / f"{name}.duckdb"), "-q", *extra])
    assert _store_rows(tmp_path / "one.duckdb") == _store_rows(tmp_path / "two.duckdb")
    again = runner.invoke(app, ["ingest", str(corpus_file), "--db", str(tmp_path / "two.duckdb"), "-q", "-w", "2"])
    assert "stored 0 article(s), skipped 17 already stored" in again.stdout


@pytest.mark.slow
def test_workers_read_ahead_a_bounded_number_of_batches(seed_path: Path):
    from dateline.engines import EngineStats, analyze_parallel

    text = seed_path.read_text(encoding="utf-8")
    taken: list[int] = []

    def endless():
        i = 0
        while True:
            taken.append(i)
            yield Article(f"Story {i}. {text}", id=str(i))
            i += 1

    stats = EngineStats()
    results = analyze_parallel(endless(), workers=2, batch_size=2, in_flight=3, stats=stats)
    first = [next(results) for _ in range(4)]
    # 3 batches of 2 in the pool, topped up as each is consumed: never more than 3 batches + 1 look-ahead article
    assert len(taken) <= 3 * 2 + 2 + 1
    results.close()  # stops the pool; reading stops with it
    assert [a.id for a, _ in first] == ["0", "1", "2", "3"]
    assert len(stats.worker_peak_rss_mb) >= 1 and 0 < stats.max_worker_rss_mb < 2_000


@pytest.mark.slow
def test_workers_are_renewed_without_changing_the_output():
    from dateline.engines import EngineStats, analyze_parallel

    arts = [Article(SHORT[i % len(SHORT)] + f" Item {i}.", id=str(i)) for i in range(12)]
    stats = EngineStats()
    renewed = [
        (a.id, r.to_json()) for a, r in analyze_parallel(arts, workers=2, batch_size=2, recycle_after=2, stats=stats)
    ]
    assert renewed == [(a.id, r.to_json()) for a, r in analyze_parallel(arts, workers=1)]
    assert len(stats.worker_peak_rss_mb) > 2  # 6 batches, 2 per pool: new worker processes took over


@pytest.mark.slow
def test_a_worker_that_dies_costs_only_the_article_that_killed_it(monkeypatch):
    import os

    from dateline.engines import EngineStats, local

    real = local.analyze_batch

    def deadly(batch, res):
        if any(a.id == "poison" for a in batch):
            os._exit(9)  # as the kernel's OOM killer or a segfault would end it
        return real(batch, res)

    monkeypatch.setattr(local, "analyze_batch", deadly)  # the forked workers inherit the patch
    arts = [Article(SHORT[i % len(SHORT)] + f" Item {i}.", id=str(i)) for i in range(10)]
    arts.insert(5, Article("The poison pill article.", id="poison"))
    stats = EngineStats()
    results = list(local.analyze_parallel(arts, workers=2, batch_size=2, stats=stats, start_method="fork"))
    assert [a.id for a, _ in results] == [a.id for a in arts]
    failed = [(a.id, r.code) for a, r in results if isinstance(r, Exception)]
    assert failed == [("poison", "DL114")] and stats.worker_deaths >= 1
    expected = {a.id: r.to_json() for a, r in local.analyze_parallel(arts[:5] + arts[6:], workers=1)}
    assert {a.id: r.to_json() for a, r in results if a.id != "poison"} == expected


def _store_rows(db: Path) -> dict[str, list]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "articles": con.execute("SELECT article_id, id, text, analysis FROM articles ORDER BY 1").fetchall(),
            "events": con.execute("SELECT * EXCLUDE (event_id) FROM events ORDER BY ALL").fetchall(),
            "quotes": con.execute("SELECT * FROM quotes ORDER BY ALL").fetchall(),
            "actors": con.execute("SELECT * FROM actors ORDER BY ALL").fetchall(),
        }
    finally:
        con.close()


# ------------------------------------------------------------------------------------------- Ray (local instance)


RAY_WARNINGS = "ignore::DeprecationWarning:ray.data.context"  # Ray Data's own settings, not ours


@pytest.fixture(scope="module")
def ray_local():
    """One local Ray instance for the Ray tests (it takes seconds to start), shut down before other modules run."""
    ray = pytest.importorskip("ray")
    pytest.importorskip("ray.data")
    ray.init(num_cpus=2, include_dashboard=False, logging_level="warning")
    yield ray
    ray.shutdown()


@pytest.mark.slow
@pytest.mark.filterwarnings(RAY_WARNINGS)
def test_ray_gives_what_the_local_engine_gives(ray_local, corpus_file: Path, tmp_path: Path):
    from dateline.engines import analyze_parallel
    from dateline.engines.parquet import read_partitions
    from dateline.engines.ray import analyze_ray, write_partitions

    articles = articles_of(corpus_file)[:8]  # with the article too long to analyze
    local = list(analyze_parallel(articles, workers=1))
    assert [(a.id, _plain(r)) for a, r in analyze_ray(articles, workers=2)] == [(a.id, _plain(r)) for a, r in local]

    report = write_partitions(articles, str(tmp_path / "parts"), workers=2)
    assert report.articles == 8 and list((tmp_path / "parts").glob("*.parquet"))
    rows = list(read_partitions(tmp_path / "parts"))
    loaded = {first.id: first.to_json() for first, _ in rows if not isinstance(first, str)}
    failed = {first: str(second) for first, second in rows if isinstance(first, str)}
    assert loaded == {a.id: r.to_json() for a, r in local if not isinstance(r, Exception)}
    assert failed == {a.path: str(r) for a, r in local if isinstance(r, Exception)}
    assert len(failed) == 1 and "DL111" in next(iter(failed.values()))

    # and through the CLI: the same JSONL as the local engine's, streamed back in input order
    local_cli = runner.invoke(app, ["analyze", str(corpus_file), "-f", "jsonl"])
    ray_cli = runner.invoke(app, ["analyze", str(corpus_file), "-f", "jsonl", "--engine", "ray", "-w", "2"])
    assert ray_cli.exit_code == local_cli.exit_code == 1
    assert ray_cli.stdout == local_cli.stdout and error_lines(ray_cli.stderr) == error_lines(local_cli.stderr)


def _plain(result) -> str:
    return str(result) if isinstance(result, Exception) else result.to_json()


@pytest.mark.slow
@pytest.mark.filterwarnings(RAY_WARNINGS)
def test_ray_ingest_through_parquet_equals_local_ingest(ray_local, corpus_file: Path, tmp_path: Path):
    local_db, ray_db, reload_db = (tmp_path / f"{n}.duckdb" for n in ("local", "ray", "reload"))
    parts = tmp_path / "parts"
    runner.invoke(app, ["ingest", str(corpus_file), "--db", str(local_db), "-q"])
    result = runner.invoke(
        app, ["ingest", str(corpus_file), "--db", str(ray_db), "-q", "--engine", "ray", "-w", "2", "--out", str(parts)]
    )
    assert result.exit_code == 1, result.output  # the same two failures as locally
    assert "stored 17 article(s)" in result.stdout and "DL111" in result.stderr
    assert _store_rows(ray_db) == _store_rows(local_db)
    # the partitions load anywhere, idempotently
    first = runner.invoke(app, ["ingest", "--from-parquet", str(parts), "--db", str(reload_db), "-q"])
    second = runner.invoke(app, ["ingest", "--from-parquet", str(parts), "--db", str(reload_db), "-q"])
    assert "stored 17 article(s)" in first.stdout and "stored 0 article(s), skipped 17" in second.stdout
    assert _store_rows(reload_db) == _store_rows(local_db)
