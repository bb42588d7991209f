"""Coding with PETRARCH dictionaries, PETRARCH's XML input and event TSV, and the CLI options (issue 9).

The dictionaries are the small made-up ones of test_petrarch_dictionaries.py; the PETRARCH suite itself (../shared)
runs at the end when it is there.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.model import Analysis, Event, EventActor
from dateline.petrarch import ENV_DICTIONARIES, PetrarchCoder, describe_code, load_dictionaries, merge, petrarch_rows
from dateline.petrarch.tsv import issue_counts
from dateline.read import ReadFailure, read_paths
from dateline.read.petrarch import is_petrarch_xml, petrarch_date
from test_petrarch_dictionaries import write_set

SHARED_SUITE = Path(__file__).resolve().parents[2] / "shared" / "eval" / "petrarch"
runner = CliRunner()

XML = """<Sentences>
<Sentence date="20120501" id="T-01" source="Wire" sentence="true">
<Text>
Northland gave Southia ten million
dollars.
</Text>
<Parse>(ROOT (S (NP (NNP Northland)) (VP (VBD gave) (NP (NNP Southia)))))</Parse>
</Sentence>
<Sentence date="20160101" id="T-02"><Text>Mara Venn met the Northland foreign minister.</Text></Sentence>
<Sentence date="20160101" id="T-03"><Text>   </Text></Sentence>
</Sentences>
"""


@pytest.fixture
def folder(tmp_path) -> Path:
    write_set(tmp_path / "dicts")
    return tmp_path / "dicts"


@pytest.fixture
def coder(folder):
    return PetrarchCoder.load([folder])


def code(coder, text: str, published: str | None = "2012-05-01") -> list[tuple[str, str, str]]:
    from dateline.nlp import Parser, load_nlp
    from dateline.read import read_text

    article = read_text(text, published=published)
    doc = Parser(load_nlp())(text)
    return sorted((e.source.code, e.target.code, e.code) for e in coder.code(doc, article))


# ------------------------------------------------------------------------------------------------ XML and TSV


def test_xml_sentences_become_articles(tmp_path):
    path = tmp_path / "records.xml"
    path.write_text(XML, encoding="utf-8")
    first, second, failure = list(read_paths([path]))
    assert first.id == "T-01" and first.published == "2012-05-01" and first.source == "Wire"
    assert first.text == "Northland gave Southia ten million dollars."  # line breaks in <Text> are spaces
    assert second.id == "T-02" and second.published == "2016-01-01"
    assert isinstance(failure, ReadFailure) and failure.error.code == "DL131" and failure.path.endswith("#T-03")


def test_broken_xml_is_a_coded_error_and_feeds_still_read(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text("<Sentences><Sentence id='x'><Text>A</Text></Sentences>", encoding="utf-8")
    (failure,) = list(read_paths([broken]))
    assert failure.error.code == "DL130"
    feed = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Sentence</title>'
    assert not is_petrarch_xml(feed + b"<description>x</description></item></channel></rss>")
    assert petrarch_date("19950101") == "1995-01-01" and petrarch_date("Jan 1") is None


def _event(code: str, source: str, target: str, sentence=(0, 40)) -> Event:
    def actor(c):
        return EventActor(c, (0, 1), c, c, c[:3], c[3:] or None)

    return Event(code, code[:2], "n", 1, 0.0, actor(source), actor(target), "v", (1, 2), sentence, date="2012-05-01")


def test_tsv_rows_follow_petrarch_columns():
    analysis = Analysis("a1", 40, "h", published="2012-05-01", source="Wire")
    analysis.events = [_event("071", "NLD", "STH"), _event("071", "NLD", "STH"), _event("160", "NLD", "EMA", (41, 80))]
    analysis.text_length = 80
    rows = petrarch_rows(analysis)
    assert rows == [
        ["20120501", "NLD", "STH", "071", "", "a1-0", "Wire"],
        ["20120501", "NLD", "EMA", "160", "", "a1-41", "Wire"],
    ]
    with_url = dataclasses.replace(analysis, url="https://x.test/a", source=None, text_length=40)
    with_url.events = [_event("071", "NLD", "STH")]
    assert petrarch_rows(with_url) == [["20120501", "NLD", "STH", "071", "", "a1", "https://x.test/a", "NULL"]]


def test_issues_are_counted_per_sentence(coder):
    issues = coder.dictionaries.issues
    assert issue_counts("Two refugees and a refugee at the border crossing.", issues) == {"REFUGEES": 2, "BORDERS": 1}
    assert not issue_counts("The refugee camp fire spread.", issues)  # an ignore phrase cancels the sentence


def test_codes_outside_the_cameo_table_do_not_crash():
    assert describe_code("042")[:2] == ("04", "Make a visit")
    root, name, quad, _ = describe_code("1717")
    assert root == "17" and "1717" in name and quad == 4
    assert describe_code("903")[2:] == (0, 0.0)


def test_add_mode_drops_duplicates_in_the_same_sentence():
    ours = [_event("071", "NLDGOV", "STH")]
    theirs = [_event("073", "NLD", "STH"), _event("160", "NLD", "STH")]
    assert [e.code for e in merge(ours, theirs)] == ["071", "160"]


# ------------------------------------------------------------------------------------------------ coding


@pytest.mark.slow
def test_verbs_patterns_synsets_and_null_codes(coder):
    assert code(coder, "Northland gave Southia ten million dollars.") == [("NLD", "STH", "071")]
    assert code(coder, "Northland gave Southia ten million Swiss francs.") == [("NLD", "STH", "071")]
    assert code(coder, "Northland gave Southia a farm.") == [("NLD", "STH", "070")]
    assert code(coder, "Northland will not give Southia any dollars.") == []  # a null-coded pattern
    assert code(coder, "Northland praised Southia.") == []  # not in the verb dictionary
    loans = code(coder, "The Northlanders gave Southia loans.")
    assert loans == [("NLD", "STH", "072"), ("STH", "NLD", "075")]  # [072:075]: the reverse event too


@pytest.mark.slow
def test_agents_dates_and_compounds(coder):
    assert code(coder, "The Northland foreign minister warned Mara Venn.") == [("NLDGOVFRM", "STHGOV", "160")]
    assert code(coder, "The Northland foreign minister warned Mara Venn.", "2016-03-01") == [
        ("NLDGOVFRM", "STHELI", "160")
    ]
    assert code(coder, "Northland warned Southia and Eastmarch.") == [
        ("NLD", "EMA", "160"),
        ("NLD", "EMB", "160"),
        ("NLD", "STH", "160"),
    ]
    assert code(coder, "Police warned Southia.") == [("---COP", "STH", "160")]
    assert code(coder, "A Northland relief agency gave Southia a farm.") == [("NGONLD", "STH", "070")]
    assert code(coder, "Northland and Southia met on Monday.") == [("NLD", "STH", "031"), ("STH", "NLD", "031")]


@pytest.mark.slow
def test_slots_passives_and_multiword_verbs(coder):
    assert code(coder, "Northland warned against Southia.") == [("NLD", "STH", "161")]
    assert code(coder, "Southia was warned by Northland.") == [("NLD", "STH", "160")]
    assert code(coder, "Northland shut down the border crossing with Southia.") == [("NLD", "STH", "192")]


@pytest.mark.slow
def test_discards(coder):
    assert code(coder, "Northland gave Southia a football.") == []
    assert code(coder, "Northland gave Southia a farm. A hurricane hit.") == []  # a story discard: no events at all
    assert code(coder, "Northland gave Southia a farm. Hurricanes hit.") == [("NLD", "STH", "070")]


@pytest.mark.slow
def test_pipeline_replace_and_add_modes(folder):
    from dateline.pipeline import analyze_article, load_resources
    from dateline.read import read_text

    article = read_text("Russian troops attacked Ukrainian soldiers. Northland gave Southia dollars.")
    base = load_resources()
    ours = analyze_article(article, base).events
    replaced = analyze_article(article, dataclasses.replace(base, petrarch=PetrarchCoder.load([folder]))).events
    added = analyze_article(article, dataclasses.replace(base, petrarch=PetrarchCoder.load([folder], "add"))).events
    assert [e.code for e in ours] == ["190"]
    assert [(e.source.code, e.code, e.target.code) for e in replaced] == [("NLD", "071", "STH")]
    assert replaced[0].source.country == "NLD" and replaced[0].trigger == "gave"
    assert [e.code for e in added] == ["190", "071"]


# ------------------------------------------------------------------------------------------------ CLI


@pytest.mark.slow
def test_cli_analyze_xml_writes_petrarch_tsv(tmp_path, folder):
    xml = tmp_path / "records.xml"
    xml.write_text(XML, encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(xml), "--petrarch-dictionaries", str(folder), "-f", "petrarch"])
    assert result.exit_code == 1  # T-03 has no text: reported, the others coded
    lines = [line.split("\t") for line in result.stdout.splitlines() if "\t" in line]
    assert lines[0] == ["20120501", "NLD", "STH", "071", "", "T-01", "Wire"]
    assert ["20160101", "STHELI", "NLDGOVFRM", "031", "", "T-02", "NULL"] in lines
    assert ENV_DICTIONARIES not in os.environ  # the setting lasts as long as the command


@pytest.mark.slow
def test_cli_jsonl_and_add_mode(tmp_path, folder):
    text = tmp_path / "a.txt"
    text.write_text("Russian troops attacked Ukrainian soldiers. Northland gave Southia dollars.\n", encoding="utf-8")
    args = ["analyze", str(text), "--petrarch-dictionaries", str(folder), "--petrarch-mode", "add", "-f", "jsonl"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.splitlines()[-1])
    assert [e["code"] for e in record["events"]] == ["190", "071"]


@pytest.mark.slow
def test_cli_ingest_stores_petrarch_events(tmp_path, folder):
    import duckdb

    text = tmp_path / "a.txt"
    text.write_text("Northland gave Southia dollars.\n", encoding="utf-8")
    db = tmp_path / "t.duckdb"
    result = runner.invoke(app, ["ingest", str(text), "--db", str(db), "-q", "--petrarch-dictionaries", str(folder)])
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT source_code, code, target_code FROM events").fetchall()
    assert rows == [("NLD", "071", "STH")]
    assert ENV_DICTIONARIES not in os.environ


def test_cli_bad_dictionaries_stop_with_a_coded_error(tmp_path):
    (tmp_path / "x.actors.txt").write_text("A [AAA]\n", encoding="utf-8")
    result = runner.invoke(app, ["analyze", "--petrarch-dictionaries", str(tmp_path)])
    assert result.exit_code == 1 and "DL231" in result.output


# ------------------------------------------------------------------------------------------------ the suite


@pytest.mark.slow
@pytest.mark.shared
def test_petrarch_unit_test_suite_scores_and_never_crashes(tmp_path):
    from dateline.eval import load_records, score_events

    out = tmp_path / "suite.jsonl"
    args = ["analyze", str(SHARED_SUITE / "PETR.UnitTest.records.xml"), "-f", "jsonl", "-o", str(out)]
    for kind in ("verbs", "actors", "agents", "discards"):
        args += ["--petrarch-dictionaries", str(SHARED_SUITE / "dictionaries" / f"PETR.Validate.{kind}.txt")]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    gold = load_records(SHARED_SUITE / "unittest_gold.jsonl")
    report = score_events(gold, load_records(out, role="system"), strict=True)
    assert report["missing_in_system"] == 0  # no crashes
    assert report["strict"]["f1"] >= 0.85, report["strict"]  # measured 0.905; PETRARCH-2 itself: 0.41
    assert load_dictionaries([SHARED_SUITE / "dictionaries" / "PETR.Validate.verbs.txt"]).verbs.entries
