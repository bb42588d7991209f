"""The CLI through its real entry points: typer's runner on the app, and the installed console script."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from dateline.cli import app

runner = CliRunner()


def test_help_lists_commands():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("analyze", "ingest", "eval"):
        assert command in result.output


@pytest.mark.slow
def test_analyze_bundled_example_summary():
    result = runner.invoke(app, ["analyze"])
    assert result.exit_code == 0, result.output
    assert "Azer Garayev" in result.output
    assert "042" in result.output and "Quotations by speaker" in result.output


@pytest.mark.slow
def test_analyze_json_contract(seed_path):
    result = runner.invoke(app, ["analyze", str(seed_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["id"] == "seed_article.txt"
    event = record["events"][0]
    for key in (
        "code",
        "root",
        "name",
        "quad_class",
        "goldstein",
        "source",
        "target",
        "trigger",
        "trigger_span",
        "sentence_span",
        "date",
        "in_quote",
        "attributed_to",
        "background",
        "modality",
        "confidence",
    ):
        assert key in event


@pytest.mark.slow
def test_analyze_jsonl_to_file_keeps_ids(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a1", "date": "2024-02-01", "text": "Russian troops attacked Ukrainian soldiers."})
        + "\n"
        + "{not json\n"
        + json.dumps({"id": "a2", "text": "The Chinese foreign minister visited Moscow on Monday."})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["analyze", str(src), "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 1  # the bad line is reported and makes the run fail at the end
    assert "in.jsonl:2" in result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in records] == ["a1", "a2"]
    assert any(e["code"] == "042" and e["target"]["country"] == "RUS" for e in records[1]["events"])


def test_bad_inputs_name_the_file_and_run_goes_on(tmp_path):
    missing = tmp_path / "missing.txt"
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    weird = tmp_path / "notes.docx"
    weird.write_text("x")
    result = runner.invoke(app, ["analyze", str(missing), str(empty), str(binary), str(weird)])
    assert result.exit_code == 1
    for name, code in (
        ("missing.txt", "DL101"),
        ("empty.txt", "DL103"),
        ("image.txt", "DL104"),
        ("notes.docx", "DL102"),
    ):
        assert name in result.output and code in result.output


@pytest.mark.slow
def test_ingest_twice_stores_once(tmp_path, seed_path):
    db = tmp_path / "t.duckdb"
    first = runner.invoke(app, ["ingest", str(seed_path), "--db", str(db), "-q"])
    assert first.exit_code == 0, first.output
    assert "stored 1 article" in first.output
    second = runner.invoke(app, ["ingest", str(seed_path), "--db", str(db), "-q"])
    assert "stored 0 article(s), skipped 1" in second.output
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*) from articles").fetchone()[0] == 1
    assert con.execute("select count(*) from events where code = '042'").fetchone()[0] == 1
    con.close()


@pytest.mark.slow
def test_console_script_and_stdin():
    exe = shutil.which("dateline") or str(Path(sys.executable).parent / "dateline")
    proc = subprocess.run(
        [exe, "analyze", "-", "--format", "json"],
        input="NATO condemned Russia on Tuesday.",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["events"][0]["code"] == "111"
    assert record["events"][0]["source"]["country"] == "NAT"


def test_module_entry_point_version():
    proc = subprocess.run([sys.executable, "-m", "dateline", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.startswith("dateline ")


def test_serve_refuses_a_missing_store_with_a_coded_line(tmp_path):
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb"), "--port", "8799"])
    assert result.exit_code == 1
    assert "DL301" in result.output


@pytest.mark.slow
def test_dyads_only_keeps_only_events_with_both_countries(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Three US soldiers were killed by a roadside bomb. Russia attacked Ukraine.", encoding="utf-8")
    every = json.loads(runner.invoke(app, ["analyze", str(article), "--format", "json"]).stdout)["events"]
    assert {(e["source"]["country"], e["target"]["country"]) for e in every} == {("---", "USA"), ("RUS", "UKR")}
    result = runner.invoke(app, ["analyze", str(article), "--format", "json", "--dyads-only"])
    assert result.exit_code == 0, result.output
    assert [(e["source"]["country"], e["target"]["country"]) for e in json.loads(result.stdout)["events"]] == [
        ("RUS", "UKR")
    ]
    partitions = runner.invoke(app, ["analyze", str(article), "--dyads-only", "--engine", "ray", "--out", "parts"])
    assert partitions.exit_code != 0 and "Parquet partitions" in partitions.output


def test_min_confidence_keeps_only_confident_events():
    every = json.loads(runner.invoke(app, ["analyze", "--format", "json"]).stdout)["events"]
    result = runner.invoke(app, ["analyze", "--format", "json", "--min-confidence", "0.6"])
    assert result.exit_code == 0, result.output
    kept = json.loads(result.stdout)["events"]
    assert kept == [e for e in every if e["confidence"] >= 0.6]
    assert 0 < len(kept) < len(every)  # the bundled example has events on both sides of 0.6
    bad = runner.invoke(app, ["analyze", "--min-confidence", "1.5"])
    assert bad.exit_code != 0 and "--min-confidence" in bad.output
    partitions = runner.invoke(app, ["analyze", "--min-confidence", "0.6", "--engine", "ray", "--out", "parts"])
    assert partitions.exit_code != 0 and "Parquet partitions" in partitions.output
