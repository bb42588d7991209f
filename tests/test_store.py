"""dateline.store: schema, idempotent and crash-safe ingest, locking, round-trip of the stored Analysis."""

from __future__ import annotations

import math
import signal
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import duckdb
import pytest

from dateline.errors import StoreError
from dateline.model import (
    Actor,
    Analysis,
    Dateline,
    Event,
    EventActor,
    Location,
    Place,
    Quote,
    Speaker,
    Tone,
    content_hash,
)
from dateline.store import SCHEMA_VERSION, IngestReport, has_article, ingest, load_analysis, open_store
from dateline.store.db import _event_id, _plain
from dateline.store.schema import TABLES, schema_markdown

ROOT = Path(__file__).resolve().parents[1]
CHILD_TABLES = ("actors", "events", "quotes", "places", "themes")


def make_item(k: int = 0, *, published: str | None = "2025-08-11") -> tuple[Analysis, str]:
    """A small but complete Analysis (every kind of child row, optional parts both present and absent)."""
    text = (
        f"BAKU, Aug 11 -- Story {k}. President Ilham Aliyev visited Washington. "
        '"We will sign the agreement," he said. Armenia accused Azerbaijan.'
    )

    def span(s: str, length: int | None = None) -> tuple[int, int]:
        i = text.index(s)
        return (i, i + (len(s) if length is None else length))

    aliyev = EventActor(
        "President Ilham Aliyev", span("President Ilham Aliyev"), "Ilham Aliyev", "AZEGOV", "AZE", "GOV"
    )
    washington = EventActor("Washington", span("Washington"), "United States", "USAGOV", "USA", "GOV")
    armenia = EventActor("Armenia", span("Armenia"), "Armenia", "ARM", "ARM", None)
    visit = Event(
        code="042",
        root="04",
        name="Make a visit",
        quad_class=1,
        goldstein=1.9,
        source=aliyev,
        target=washington,
        trigger="visited",
        trigger_span=span("visited"),
        sentence_span=span("President Ilham Aliyev visited Washington."),
        date="2025-08-11",
        location=Location("Washington", "USA", 38.9, -77.0),
        confidence=0.86,
    )
    accuse = Event(
        code="112",
        root="11",
        name="Accuse",
        quad_class=3,
        goldstein=-2.0,
        source=armenia,
        target=None,
        trigger="accused",
        trigger_span=span("accused"),
        sentence_span=span("Armenia accused Azerbaijan."),
        date=None,
        location=None,
        in_quote=False,
        attributed_to="Armenia",
        background=True,
        modality="hypothetical",
    )
    quote = Quote(
        type="direct",
        content="We will sign the agreement,",
        content_span=span("We will sign the agreement,"),
        speaker=Speaker("Ilham Aliyev", "he", span("he said", 2), "AZEGOV"),
        cue="said",
        cue_span=span("said"),
    )
    indirect = Quote("indirect", "Armenia", span("Armenia"), Speaker(None, None, None), None, None)
    analysis = Analysis(
        id=f"story-{k}",
        text_length=len(text),
        content_hash=content_hash(text),
        title=f"Visit {k}",
        published=published,
        source="Trend",
        url=f"https://example.org/{k}",
        lang="en",
        path=f"in.jsonl:{k + 1}",
        dateline=Dateline("Baku", "AZE", span("BAKU, Aug 11 --")),
        actors=[
            Actor(
                "Ilham Aliyev",
                "AZEGOV",
                "AZE",
                "GOV",
                role="President",
                mentions=[span("Ilham Aliyev")],
                inferred_from="apposition",
            ),
            Actor("United States", "USAGOV", "USA", "GOV", kind="country", mentions=[span("Washington")]),
        ],
        events=[visit, accuse],
        quotes=[quote, indirect],
        places=[Place("Baku", "AZE", span("BAKU"), 40.4, 49.9), Place("Washington", "USA", span("Washington"))],
        themes=["DIPLOMACY", "VISIT", "DIPLOMACY"],
        tone=Tone(1.5, 3.0, 1.5, 4.5, 20),
        model="en_core_web_sm-3.8.0",
    )
    return analysis, text


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("articles", *CHILD_TABLES)}


def assert_consistent(con: duckdb.DuckDBPyConnection) -> None:
    """Every stored article has all its child rows, and no child row lacks its article."""
    for article_id, n_actors, n_events, n_quotes, record in con.execute(
        "SELECT article_id, n_actors, n_events, n_quotes, analysis FROM articles"
    ).fetchall():
        got = {
            t: con.execute(f"SELECT COUNT(*) FROM {t} WHERE article_id = ?", [article_id]).fetchone()[0]
            for t in CHILD_TABLES
        }
        assert (got["actors"], got["events"], got["quotes"]) == (n_actors, n_events, n_quotes)
        assert got["places"] == len(load_analysis(con, article_id)["places"])
        assert record
    for table in CHILD_TABLES:
        orphans = con.execute(
            f"SELECT COUNT(*) FROM {table} WHERE article_id NOT IN (SELECT article_id FROM articles)"
        ).fetchone()[0]
        assert orphans == 0, table


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "dateline.duckdb"


def test_store_open_creates_schema(db_path: Path) -> None:
    con = open_store(db_path)
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert tables == set(TABLES)
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    con.close()
    con = open_store(db_path, read_only=True)  # reopening an existing store checks, does not recreate
    assert counts(con)["articles"] == 0
    con.close()


def test_store_open_creates_parent_directories(tmp_path: Path) -> None:
    con = open_store(tmp_path / "a" / "b" / "x.duckdb")
    con.close()
    assert (tmp_path / "a" / "b" / "x.duckdb").exists()


def test_store_ingest_twice_stores_once(db_path: Path) -> None:
    items = [make_item(0), make_item(1)]
    con = open_store(db_path)
    first = ingest(con, items)
    assert first == IngestReport(stored=2, duplicates=0, events=4, quotes=4, actors=4)
    before = counts(con)
    second = ingest(con, items)
    assert second == IngestReport(stored=0, duplicates=2, events=0, quotes=0, actors=0)
    assert counts(con) == before == {"articles": 2, "actors": 4, "events": 4, "quotes": 4, "places": 4, "themes": 4}
    assert has_article(con, items[0][0].content_hash)
    assert not has_article(con, "0" * 64)


def test_store_duplicates_within_one_input_are_skipped() -> None:
    con = open_store(":memory:")
    report = ingest(con, [make_item(0), make_item(0), make_item(1), make_item(0)], batch_size=2)
    assert (report.stored, report.duplicates) == (2, 2)
    assert counts(con)["articles"] == 2


def test_store_article_row(db_path: Path) -> None:
    analysis, text = make_item(3)
    con = open_store(db_path)
    ingest(con, [(analysis, text)])
    cols = TABLES["articles"].column_names
    row = dict(zip(cols, con.execute("SELECT * FROM articles").fetchone(), strict=True))
    assert row["article_id"] == content_hash(text) and row["text"] == text and row["text_length"] == len(text)
    assert (row["id"], row["title"], row["published"], row["source"]) == (
        "story-3",
        "Visit 3",
        date(2025, 8, 11),
        "Trend",
    )
    assert (row["url"], row["lang"], row["path"], row["model"]) == (
        "https://example.org/3",
        "en",
        "in.jsonl:4",
        "en_core_web_sm-3.8.0",
    )
    assert (row["dateline_place"], row["dateline_country"]) == ("Baku", "AZE")
    assert text[row["dateline_start"] : row["dateline_end"]] == "BAKU, Aug 11 --"
    assert (row["tone"], row["tone_positive"], row["tone_negative"], row["tone_polarity"], row["tone_words"]) == (
        1.5,
        3.0,
        1.5,
        4.5,
        20,
    )
    assert (row["n_actors"], row["n_events"], row["n_quotes"]) == (2, 2, 2)
    assert row["ingested_at"] is not None


def test_store_event_rows(db_path: Path) -> None:
    analysis, text = make_item(0)
    con = open_store(db_path)
    ingest(con, [(analysis, text)])
    cols = TABLES["events"].column_names
    rows = [dict(zip(cols, r, strict=True)) for r in con.execute("SELECT * FROM events ORDER BY event_idx").fetchall()]
    visit, accuse = rows
    assert visit["event_id"] == _event_id(analysis.content_hash, 0) > 0
    assert (visit["code"], visit["root"], visit["name"], visit["quad_class"], visit["goldstein"]) == (
        "042",
        "04",
        "Make a visit",
        1,
        1.9,
    )
    assert (visit["source_code"], visit["source_country"], visit["source_sector"]) == ("AZEGOV", "AZE", "GOV")
    assert text[visit["source_start"] : visit["source_end"]] == visit["source_text"] == "President Ilham Aliyev"
    assert (visit["target_name"], visit["target_country"]) == ("United States", "USA")
    assert text[visit["trigger_start"] : visit["trigger_end"]] == visit["trigger"] == "visited"
    assert text[visit["sentence_start"] : visit["sentence_end"]].startswith("President")
    assert (visit["date"], visit["location_name"], visit["lat"], visit["lon"]) == (
        date(2025, 8, 11),
        "Washington",
        38.9,
        -77.0,
    )
    assert (visit["in_quote"], visit["background"], visit["modality"], visit["confidence"]) == (
        False,
        False,
        "asserted",
        0.86,
    )
    # no target, no date, no location: NULLs, and the flags as given
    assert all(accuse[f"target_{k}"] is None for k in ("text", "name", "code", "country", "sector", "start", "end"))
    assert (accuse["date"], accuse["location_name"], accuse["lat"]) == (None, None, None)
    assert (accuse["attributed_to"], accuse["background"], accuse["modality"]) == ("Armenia", True, "hypothetical")
    assert accuse["source_sector"] is None
    # the dyad query of the web timeline
    dyad = con.execute(
        "SELECT date, code, goldstein FROM events WHERE source_country = 'AZE' AND target_country = 'USA' "
        "AND date >= '2025-01-01' ORDER BY date"
    ).fetchall()
    assert dyad == [(date(2025, 8, 11), "042", 1.9)]


def test_store_quote_actor_place_theme_rows(db_path: Path) -> None:
    analysis, text = make_item(0)
    con = open_store(db_path)
    ingest(con, [(analysis, text)])
    direct, indirect = con.execute(
        "SELECT type, content, content_start, content_end, speaker_name, speaker_mention, speaker_start, speaker_end, "
        "speaker_actor_code, cue, cue_start, cue_end FROM quotes ORDER BY quote_idx"
    ).fetchall()
    assert direct[:2] == ("direct", "We will sign the agreement,") and text[direct[2] : direct[3]] == direct[1]
    assert direct[4:6] == ("Ilham Aliyev", "he") and text[direct[6] : direct[7]] == "he"
    assert direct[8:10] == ("AZEGOV", "said") and text[direct[10] : direct[11]] == "said"
    assert indirect == (
        "indirect",
        "Armenia",
        *analysis.quotes[1].content_span,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
    )
    actors = con.execute(
        "SELECT name, code, country, sector, role, kind, inferred_from, mentions FROM actors ORDER BY actor_idx"
    ).fetchall()
    assert actors[0][:7] == ("Ilham Aliyev", "AZEGOV", "AZE", "GOV", "President", "person", "apposition")
    assert actors[1][:7] == ("United States", "USAGOV", "USA", "GOV", None, "country", None)
    start, end = con.execute(
        "SELECT mentions->>'$[0][0]', mentions->>'$[0][1]' FROM actors WHERE actor_idx = 0"
    ).fetchone()
    assert text[int(start) : int(end)] == "Ilham Aliyev"
    places = con.execute(
        "SELECT name, country, span_start, span_end, lat, lon FROM places ORDER BY place_idx"
    ).fetchall()
    assert places == [("Baku", "AZE", 0, 4, 40.4, 49.9), ("Washington", "USA", *analysis.places[1].span, None, None)]
    assert text[0:4] == "BAKU"
    assert con.execute("SELECT theme FROM themes ORDER BY theme").fetchall() == [("DIPLOMACY",), ("VISIT",)]


def test_store_analysis_json_round_trips(db_path: Path) -> None:
    analysis, text = make_item(0)
    con = open_store(db_path)
    ingest(con, [(analysis, text)])
    con.close()
    con = open_store(db_path, read_only=True)
    assert load_analysis(con, analysis.content_hash) == analysis.to_dict()
    assert load_analysis(con, "f" * 64) is None
    # the JSON column is queryable in SQL
    assert con.execute("SELECT analysis->>'$.dateline.place' FROM articles").fetchone()[0] == "Baku"


def test_store_plain_conversion_equals_to_dict() -> None:
    analysis, _ = make_item(0)
    assert _plain(analysis) == analysis.to_dict()
    bare = Analysis(id="x", text_length=1, content_hash=content_hash("x"))
    assert _plain(bare) == bare.to_dict()


def test_store_dates_are_parsed_leniently() -> None:
    con = open_store(":memory:")
    ingest(
        con,
        [
            make_item(0, published="2025-08-11T10:30:00Z"),
            make_item(1, published="Aug 2025"),
            make_item(2, published=None),
        ],
    )
    got = dict(con.execute("SELECT id, published FROM articles").fetchall())
    assert got == {"story-0": date(2025, 8, 11), "story-1": None, "story-2": None}
    assert load_analysis(con, make_item(1)[0].content_hash)["published"] == "Aug 2025"  # the raw value is kept


def test_store_bare_analysis_stores_no_text() -> None:
    analysis, _ = make_item(0)
    con = open_store(":memory:")
    assert ingest(con, [analysis]).stored == 1
    assert con.execute("SELECT text, text_length FROM articles").fetchone() == (None, analysis.text_length)


def test_store_text_must_match_hash() -> None:
    analysis, text = make_item(0)
    con = open_store(":memory:")
    with pytest.raises(StoreError) as info:
        ingest(con, [make_item(1), (analysis, text + " ")])
    assert info.value.code == "DL304" and "story-0" in str(info.value)
    assert counts(con)["articles"] == 1  # the article before it is stored


def test_store_unencodable_values_are_scrubbed() -> None:
    analysis, text = make_item(0)
    analysis.title = "bad \ud800 title"
    analysis.tone = Tone(math.nan, 1.0, math.inf, 1.0, 3)
    con = open_store(":memory:")
    assert ingest(con, [(analysis, text)]).stored == 1
    title, tone, negative = con.execute("SELECT title, tone, tone_negative FROM articles").fetchone()
    assert (title, tone, negative) == ("bad \ufffd title", None, None)
    stored = load_analysis(con, analysis.content_hash)
    assert stored["title"] == "bad \ufffd title" and stored["tone"]["tone"] is None


def test_store_bad_record_stops_at_a_clean_boundary() -> None:
    bad, bad_text = make_item(1)
    bad.events[0].goldstein = "very positive"  # the database refuses it as DOUBLE
    con = open_store(":memory:")
    with pytest.raises(StoreError) as info:
        ingest(con, [make_item(0), (bad, bad_text), make_item(2)], batch_size=10)
    assert info.value.code == "DL305" and "story-1" in str(info.value)
    assert [r[0] for r in con.execute("SELECT id FROM articles").fetchall()] == ["story-0"]
    assert_consistent(con)
    assert counts(con)["events"] == 2


def test_store_crash_in_iterator_keeps_whole_articles_only(db_path: Path) -> None:
    items = [make_item(k) for k in range(5)]

    def crashing():
        yield items[0]
        raise RuntimeError("analysis crashed")

    con = open_store(db_path)
    with pytest.raises(RuntimeError, match="analysis crashed"):
        ingest(con, crashing())
    assert counts(con) == {"articles": 1, "actors": 2, "events": 2, "quotes": 2, "places": 2, "themes": 2}
    assert load_analysis(con, items[0][0].content_hash) == items[0][0].to_dict()
    assert_consistent(con)
    # the rerun stores the rest exactly once
    report = ingest(con, items)
    assert (report.stored, report.duplicates) == (4, 1)
    assert counts(con) == {"articles": 5, "actors": 10, "events": 10, "quotes": 10, "places": 10, "themes": 10}
    assert_consistent(con)


KILLER = textwrap.dedent(
    """
    import importlib.util, os, signal, sys
    spec = importlib.util.spec_from_file_location("test_store", sys.argv[2])
    tests = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tests)
    from dateline.store import ingest, open_store

    class KilledMidTransaction:
        '''A connection that dies (SIGKILL) while writing the events of the second batch.'''
        def __init__(self, con):
            self.con, self.event_inserts = con, 0
        def __getattr__(self, name):
            return getattr(self.con, name)
        def execute(self, sql, *args):
            if sql.startswith('INSERT INTO "events"'):
                self.event_inserts += 1
                if self.event_inserts == 2:
                    os.kill(os.getpid(), signal.SIGKILL)
            return self.con.execute(sql, *args)

    con = open_store(sys.argv[1])
    ingest(KilledMidTransaction(con), (tests.make_item(k) for k in range(6)), batch_size=2)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_store_process_killed_mid_transaction_loses_no_stored_article(db_path: Path, tmp_path: Path) -> None:
    script = tmp_path / "killer.py"
    script.write_text(KILLER)
    done = subprocess.run([sys.executable, str(script), str(db_path), __file__], capture_output=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()
    con = open_store(db_path)
    # the first batch was committed; the second was killed after its article rows, before its events: none of it
    assert counts(con) == {"articles": 2, "actors": 4, "events": 4, "quotes": 4, "places": 4, "themes": 4}
    assert_consistent(con)
    report = ingest(con, [make_item(k) for k in range(6)])
    assert (report.stored, report.duplicates) == (4, 2)
    assert counts(con)["articles"] == 6 and counts(con)["events"] == 12
    assert_consistent(con)


def test_store_locked_by_another_process(db_path: Path) -> None:
    open_store(db_path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); print('ready', flush=True); time.sleep(60)",
            str(db_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        for read_only in (False, True):
            with pytest.raises(StoreError) as info:
                open_store(db_path, read_only=read_only)
            assert info.value.code == "DL302" and str(db_path) in str(info.value)
    finally:
        holder.kill()
        holder.wait()
    open_store(db_path).close()  # free again once the holder is gone


def test_store_open_errors(tmp_path: Path) -> None:
    def code_of(path: Path, **kwargs: bool) -> str:
        with pytest.raises(StoreError) as info:
            open_store(path, **kwargs)
        return info.value.code

    assert code_of(tmp_path / "missing.duckdb", read_only=True) == "DL301"
    assert not (tmp_path / "missing.duckdb").exists()
    junk = tmp_path / "junk.duckdb"
    junk.write_text("not a database" * 100)
    assert code_of(junk) == "DL301"
    foreign = tmp_path / "foreign.duckdb"
    con = duckdb.connect(str(foreign))
    con.execute("CREATE TABLE events (x INTEGER)")
    con.close()
    assert code_of(foreign) == "DL301"
    newer = tmp_path / "newer.duckdb"
    open_store(newer).close()
    con = duckdb.connect(str(newer))
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
    con.close()
    with pytest.raises(StoreError, match="newer dateline"):
        open_store(newer)


def test_store_event_ids_are_stable_across_stores() -> None:
    item = make_item(0)
    ids = []
    for _ in range(2):
        con = open_store(":memory:")
        ingest(con, [item])
        ids.append(con.execute("SELECT event_id FROM events ORDER BY event_idx").fetchall())
    assert ids[0] == ids[1] and len({i for (i,) in ids[0]}) == 2


def test_store_schema_docs_are_current() -> None:
    """docs/schema.md embeds the generated table reference; regenerate it when the schema changes."""
    docs = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    assert schema_markdown() in docs
    assert f"schema_version` is {SCHEMA_VERSION}" in docs
