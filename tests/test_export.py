"""Exports: Parquet and JSONL round trips, GDELT 2.0 Events / Mentions / GKG 2.1 in GDELT's layout, PLOVER JSON."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.export import ExportFormat, export
from dateline.export.gdelt import EVENT_COLUMNS, GKG_COLUMNS, MENTION_COLUMNS, column_types, duckdb_columns
from dateline.export.plover import load_plover_table
from dateline.store import ingest, load_analysis, open_store
from dateline.store.schema import TABLES
from store_data import build_store, story

SAMPLE = Path(__file__).resolve().parents[1].parent / "shared" / "gdelt_sample"
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("export") / "news.duckdb", 40)


def run(db: Path, fmt: str) -> str:
    con = open_store(db, read_only=True)
    try:
        out = io.StringIO()
        export(con, fmt, out)
        return out.getvalue()
    finally:
        con.close()


def tsv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))


def as_dicts(columns, rows: list[list[str]]) -> list[dict[str, str]]:
    return [dict(zip(columns, row, strict=True)) for row in rows]


def assert_types(rows: list[list[str]], types: dict[str, str]) -> None:
    """Every INTEGER cell is empty or an integer, every FLOAT cell empty or a number, as GDELT's files are."""
    names = list(types)
    for row in rows:
        assert len(row) == len(names)
        for name, value in zip(names, row, strict=True):
            if value == "":
                continue
            if types[name] == "INTEGER":
                assert value.lstrip("-").isdigit(), (name, value)
            elif types[name] == "FLOAT":
                float(value)


def reread(path: Path, table: str) -> duckdb.DuckDBPyRelation:
    """Read a GDELT-format file back with DuckDB, with GDELT's column names and types."""
    con = duckdb.connect()
    return con.read_csv(str(path), delimiter="\t", header=False, columns=duckdb_columns(table), quotechar="")


# ---- Parquet and JSONL --------------------------------------------------------------------------------------------


def test_export_parquet_rereads_every_table_with_its_types(db: Path, tmp_path: Path) -> None:
    con = open_store(db, read_only=True)
    try:
        report = export(con, ExportFormat.parquet, directory=tmp_path / "lake")
        assert sorted(f.name for f in report.files) == sorted(f"{t}.parquet" for t in TABLES)
        check = duckdb.connect()
        for name in TABLES:
            stored = con.execute(f'SELECT * FROM "{name}"')
            stored_types = [d[1] for d in stored.description]
            stored_rows = sorted(map(repr, stored.fetchall()))
            back = check.execute(f"SELECT * FROM read_parquet('{tmp_path / 'lake' / name}.parquet')")
            assert [d[0] for d in back.description] == list(TABLES[name].column_names)
            assert [d[1] for d in back.description] == stored_types
            assert sorted(map(repr, back.fetchall())) == stored_rows, name
        assert report.rows == sum(check.execute(f"SELECT count(*) FROM '{f}'").fetchall()[0][0] for f in report.files)
    finally:
        con.close()


def test_export_parquet_needs_a_directory(db: Path) -> None:
    con = open_store(db, read_only=True)
    try:
        with pytest.raises(ValueError, match="directory"):
            export(con, "parquet", io.StringIO())
    finally:
        con.close()


def test_export_jsonl_is_the_stored_analyses(db: Path) -> None:
    lines = run(db, "jsonl").splitlines()
    assert len(lines) == 40
    con = open_store(db, read_only=True)
    try:
        for line in lines:
            record = json.loads(line)
            assert record == load_analysis(con, record["content_hash"])
    finally:
        con.close()


def test_exports_are_stable(db: Path) -> None:
    for fmt in ("gdelt-events", "gdelt-mentions", "gdelt-gkg", "plover", "jsonl"):
        assert run(db, fmt) == run(db, fmt), fmt


# ---- GDELT Events and Mentions ----------------------------------------------------------------------------------


def test_export_gdelt_events_layout(db: Path, tmp_path: Path) -> None:
    text = run(db, "gdelt-events")
    rows = tsv_rows(text)
    assert len(rows) == 40 and {len(r) for r in rows} == {61}
    assert_types(rows, column_types("events"))
    path = tmp_path / "events.CSV"
    path.write_text(text, encoding="utf-8")
    back = reread(path, "events")
    assert back.shape == (40, 61)
    first = next(r for r in as_dicts(EVENT_COLUMNS, rows) if r["SOURCEURL"].endswith("/0"))
    assert (first["Actor1Code"], first["Actor1CountryCode"], first["Actor1Type1Code"]) == ("AZEGOV", "AZE", "GOV")
    assert first["Actor1Name"] == "AZERBAIJAN" and first["EventRootCode"] == first["EventCode"][:2]
    assert first["SQLDATE"] == "20241201" and first["MonthYear"] == "202412" and first["Year"] == "2024"
    assert first["FractionDate"] == "2024.9068"  # 2024 + (11 * 30 + 1) / 365
    assert first["ActionGeo_Type"] == "3" and first["ActionGeo_CountryCode"] == "US"
    assert first["ActionGeo_FullName"] == "Washington, District of Columbia, United States"
    assert first["ActionGeo_ADM1Code"] == "USDC" and first["ActionGeo_Lat"] == "38.8951"
    assert first["IsRootEvent"] == "1" and first["NumMentions"] == "1" and first["AvgTone"] == "2.5"
    assert first["SOURCEURL"] == "https://www.example.org/news/0" and len(first["DATEADDED"]) == 14
    no_url = [r for r in rows if not r[60].startswith("http")]
    assert no_url and all(r[60].startswith(("Trend", "Reuters", "AP")) for r in no_url)


def test_export_gdelt_counts_one_event_reported_by_several_articles(tmp_path: Path) -> None:
    same = {"source": "RUS", "target": "UKR", "code": "190", "day": date(2025, 3, 1)}
    items = [story(1, **same, outlet="Reuters"), story(2, **same, outlet="AP"), story(3, **same, outlet="AP")]
    items.append(story(4, source="RUS", target="UKR", code="190", day=date(2025, 3, 2)))
    con = open_store(tmp_path / "s.duckdb")
    ingest(con, items)
    events_out, mentions_out = io.StringIO(), io.StringIO()
    assert export(con, "gdelt-events", events_out).rows == 2
    assert export(con, "gdelt-mentions", mentions_out).rows == 4
    con.close()
    by_date = {r[1]: dict(zip(EVENT_COLUMNS, r, strict=True)) for r in tsv_rows(events_out.getvalue())}
    clustered = by_date["20250301"]
    assert (clustered["NumMentions"], clustered["NumSources"], clustered["NumArticles"]) == ("3", "2", "3")
    assert by_date["20250302"]["NumMentions"] == "1"
    mentions = tsv_rows(mentions_out.getvalue())
    assert sorted(r[0] for r in mentions).count(clustered["GLOBALEVENTID"]) == 3
    added = {row["GLOBALEVENTID"]: row["DATEADDED"] for row in by_date.values()}
    assert all(r[1] == added[r[0]] for r in mentions)  # EventTimeDate is the event's DATEADDED


def test_export_gdelt_mentions_layout(db: Path, tmp_path: Path) -> None:
    text = run(db, "gdelt-mentions")
    rows = tsv_rows(text)
    assert len(rows) == 40 and {len(r) for r in rows} == {16}
    assert_types(rows, column_types("mentions"))
    path = tmp_path / "mentions.CSV"
    path.write_text(text, encoding="utf-8")
    assert reread(path, "mentions").shape == (40, 16)
    con = open_store(db, read_only=True)
    texts = dict(con.execute("SELECT url, text FROM articles").fetchall())
    con.close()
    for row in rows:
        m = dict(zip(MENTION_COLUMNS, row, strict=True))
        if m["MentionType"] == "1":
            body = texts[m["MentionIdentifier"]]
            assert body[int(m["ActionCharOffset"]) :].startswith(("visited", "signed", "attacked", "accused", "add"))
            assert int(m["MentionDocLen"]) == len(body)
        assert m["Confidence"] == "80" and m["SentenceID"] == "1" and m["InRawText"] == "1"


# ---- GKG --------------------------------------------------------------------------------------------------------


def test_export_gdelt_gkg_layout(db: Path, tmp_path: Path) -> None:
    text = run(db, "gdelt-gkg")
    rows = tsv_rows(text)
    assert len(rows) == 40 and {len(r) for r in rows} == {27}
    assert_types(rows, column_types("gkg"))
    path = tmp_path / "gkg.csv"
    path.write_text(text, encoding="utf-8")
    assert reread(path, "gkg").shape == (40, 27)
    con = open_store(db, read_only=True)
    texts = dict(con.execute("SELECT url, text FROM articles").fetchall())
    con.close()
    g = next(r for r in as_dicts(GKG_COLUMNS, rows) if r["DocumentIdentifier"].endswith("/0"))
    body = texts[g["DocumentIdentifier"]]
    assert g["GKGRECORDID"][:14] == g["DATE"] and g["SourceCommonName"] == "example.org"
    assert sorted(int(r[0].split("-")[1]) for r in rows) == list(range(40))
    assert g["Themes"] == "PEACE_PROCESS;TRADE;"
    for item in g["V2Themes"].rstrip(";").split(";"):
        theme, offset = item.split(",")
        assert body[int(offset) :].lower().startswith(theme.split("_")[0].lower()[:5])
    assert [len(b.split("#")) for b in g["Locations"].split(";")] == [7]  # two mentions, one place
    assert {len(b.split("#")) for b in g["V2Locations"].split(";")} == {9}
    assert len(g["V2Tone"].split(",")) == 7 and g["V2Tone"].endswith(",40")
    offset, length, verb, quote = g["Quotations"].split("|")
    assert body[int(offset) : int(offset) + int(length)] == quote and verb == "said"
    for block in g["Dates"].split(";"):
        resolution, month, day, year, at = map(int, block.split("#"))
        assert resolution == 3 and date(year, month, day) and at < len(body)
    assert g["Persons"] == g["Persons"].lower() and g["V2Persons"].count(",") == 1
    assert "<PAGE_TITLE>Story 0" in g["Extras"] and "<PAGE_PRECISEPUBTIMESTAMP>20241201" in g["Extras"]


# ---- PLOVER -----------------------------------------------------------------------------------------------------


def test_export_plover_records(db: Path) -> None:
    lines = run(db, "plover").splitlines()
    assert len(lines) == 32  # the 8 CAMEO 01 statements have no PLOVER category
    table = load_plover_table()
    for line in lines:
        r = json.loads(line)
        assert {"id", "date", "source", "event"} <= set(r)
        date.fromisoformat(r["date"])
        assert r["event"][0] in table.quad and r["quad_code"] == table.quad[r["event"][0]]
        assert r["source"][0]["code"] in {"AZE", "USA", "ARM", "RUS"} and r["recipient"][0]["sector"] == "GOV"
        assert r["event_loc"]["cc3"] and r["event_loc"]["latitude"] is not None
        assert r["cite_info"]["codebook"] == "plover-0.7b1"
    kinds = {json.loads(line)["cameo"]["code"]: json.loads(line)["event"][0] for line in lines}
    assert kinds == {"042": "CONSULT", "057": "SUPPORT", "112": "ACCUSE", "190": "ASSAULT"}
    visit = next(json.loads(line) for line in lines if json.loads(line)["cameo"]["code"] == "042")
    assert visit["mode"] == "visit"


def test_plover_table_longest_prefix() -> None:
    table = load_plover_table()
    assert table.category("0841") == ("RETREAT", None)
    assert table.category("083") == ("CONCEDE", None)
    assert table.category("010") is None and table.category("0251") is None
    assert table.category("204") == ("ASSAULT", "unconventional")


# ---- CLI --------------------------------------------------------------------------------------------------------


def test_cli_export_to_stdout_and_file(db: Path, tmp_path: Path) -> None:
    res = runner.invoke(app, ["export", "--db", str(db), "--format", "gdelt-events"])
    assert res.exit_code == 0, res.output
    assert len(tsv_rows(res.stdout)) == 40 and "gdelt-events: 40 record(s)" in res.stderr
    out = tmp_path / "plover.jsonl"
    res = runner.invoke(app, ["export", "--db", str(db), "-f", "plover", "-o", str(out)])
    assert res.exit_code == 0 and len(out.read_text().splitlines()) == 32 and "8 skipped" in res.stderr
    res = runner.invoke(app, ["export", "--db", str(db), "-f", "parquet", "-o", str(tmp_path / "lake")])
    assert res.exit_code == 0 and (tmp_path / "lake" / "events.parquet").exists()


def test_cli_export_parquet_without_directory_is_one_line_error(db: Path) -> None:
    res = runner.invoke(app, ["export", "--db", str(db), "-f", "parquet"])
    assert res.exit_code == 1 and "directory" in res.stderr and "Traceback" not in res.output


def test_cli_export_offers_every_library_format() -> None:
    res = runner.invoke(app, ["export", "--help"])
    assert "Example:" in res.stdout
    assert all(f.value in res.stdout for f in ExportFormat)


# ---- compared with GDELT's own files (../shared/gdelt_sample) --------------------------------------------------


def _label_types(name: str) -> dict[str, str]:
    path = next(SAMPLE.glob(f"*{name}*Column_Labels*"))
    delimiter = "\t" if path.suffix == ".tsv" else ","
    rows = list(csv.reader(path.open(encoding="utf-8"), delimiter=delimiter))
    at = rows[0].index("tableId")
    return {r[at]: r[at + 1] for r in rows[1:]}


@pytest.mark.shared
@pytest.mark.parametrize(("table", "label"), [("events", "Events"), ("mentions", "eventMentions"),
                                              ("gkg", "gdeltKnowledgeGraph")])  # fmt: skip
def test_export_columns_and_types_are_gdelts(table: str, label: str) -> None:
    assert column_types(table) == _label_types(label)


@pytest.mark.shared
def test_export_gdelt_events_read_like_gdelts_sample(db: Path, tmp_path: Path) -> None:
    sample = SAMPLE / "20250810020000.export.first85rows.CSV"
    sample_rows = tsv_rows(sample.read_text(encoding="utf-8"))
    assert_types(sample_rows, _label_types("Events"))  # the checker accepts GDELT's own rows
    ours = tmp_path / "ours.CSV"
    ours.write_text(run(db, "gdelt-events"), encoding="utf-8")
    con = duckdb.connect()
    auto = [con.read_csv(str(p), delimiter="\t", header=False, quotechar="") for p in (sample, ours)]
    assert len(auto[0].columns) == len(auto[1].columns) == 61
    for column in ("column00", "column01", "column02", "column03", "column04", "column29", "column30", "column59"):
        sample_type, our_type = (str(a.select(column).types[0]) for a in auto)
        assert sample_type == our_type, column
    for row in sample_rows:  # FractionDate: the formula reproduces GDELT's files
        sqldate = row[1]
        month, day = int(sqldate[4:6]), int(sqldate[6:8])
        assert f"{int(sqldate[:4]) + ((month - 1) * 30 + day) / 365:.4f}" == row[4]


@pytest.mark.shared
def test_export_gkg_fields_split_like_gdelts_sample(db: Path) -> None:
    import sys

    csv.field_size_limit(sys.maxsize)
    sample = tsv_rows((SAMPLE / "20230702153000.gkg.first300rows.csv").read_text(encoding="utf-8", errors="replace"))
    ours = tsv_rows(run(db, "gdelt-gkg"))
    assert {len(r) for r in sample} == {len(r) for r in ours} == {27}
    for rows in (sample, ours):
        for row in rows:
            for block in filter(None, row[9].split(";")):
                assert len(block.split("#")) == 7
            for block in filter(None, row[10].split(";")):
                assert len(block.split("#")) == 9
            assert len(row[15].split(",")) == 7
            for block in filter(None, row[16].split(";")):
                assert len(block.split("#")) == 5
            for block in filter(None, row[22].split("#")):
                assert len(block.split("|")) == 4


@pytest.mark.shared
def test_export_mentions_match_gdelts_sample_columns(db: Path) -> None:
    with (SAMPLE / "gdeltPyR_mentionssamp_20170701234500.csv").open(encoding="utf-8") as f:
        sample = list(csv.reader(f))
    assert len(sample[0]) == len(MENTION_COLUMNS) == 16
    assert [h.lower() for h in MENTION_COLUMNS] == sample[0]
    types = column_types("mentions")
    assert_types([r for r in sample[1:] if len(r) == 16], types)
