"""Reliability (DESIGN.md §6): bad input, killed runs and a second writer never crash dateline or lose data.

- A corpus of bad inputs, generated here, goes through ONE `dateline ingest` (in process with CliRunner, and with the
  real console script in a subprocess): every bad input gets a coded error line naming it, the run never crashes,
  it exits 1, and every good record of the same batch is stored.
- `dateline ingest` killed with SIGKILL at random points, several times, then run to completion: each article is
  stored exactly once and the database is never corrupt.
- A second writer on a database that another process holds gets DL302 and exit code 1, and corrupts nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import shutil
import signal
import struct
import subprocess
import sys
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.model import Analysis, content_hash
from dateline.store import ingest, open_store
from dateline.store.schema import TABLES

runner = CliRunner()
EXE = shutil.which("dateline", path=str(Path(sys.executable).parent)) or shutil.which("dateline")
CHILD_TABLES = ("actors", "events", "quotes", "places", "themes")
needs_sigkill = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

# ------------------------------------------------------------------------------------------- generated text

LEADERS = [
    ("President", "Ilham Aliyev", "Azerbaijan", "BAKU"),
    ("Prime Minister", "Nikol Pashinyan", "Armenia", "YEREVAN"),
    ("President", "Volodymyr Zelensky", "Ukraine", "KYIV"),
    ("Foreign Minister", "Sergei Lavrov", "Russia", "MOSCOW"),
    ("Chancellor", "Olaf Scholz", "Germany", "BERLIN"),
    ("President", "Emmanuel Macron", "France", "PARIS"),
    ("Prime Minister", "Narendra Modi", "India", "NEW DELHI"),
    ("Secretary of State", "Antony Blinken", "the United States", "WASHINGTON"),
]
VERBS = [
    "met",
    "visited",
    "condemned",
    "accused",
    "praised",
    "criticized",
    "called for talks with",
    "signed a deal with",
]


def article(k: int) -> str:
    """A small newswire article, different for every k: dateline, events, quotations, a pronoun."""
    rng = random.Random(k)
    title, name, country, capital = rng.choice(LEADERS)
    _, other, other_country, _ = rng.choice([leader for leader in LEADERS if leader[1] != name])
    surname = name.split()[-1]
    paragraphs = [
        f"{capital}, Aug. {1 + k % 28} (Reuters) - {title} {name} {rng.choice(VERBS)} {other_country} on Monday, "
        f"officials said in statement number {k}."
    ]
    for j in range(rng.randint(6, 10)):
        words = rng.choice(["We will not give up", "We want peace", "We expect results"])
        paragraphs.append(
            f'"{words} in round {j}," {surname} said. {other} {rng.choice(VERBS)} {country} later, and he added '
            f"that the ministry had accused {other_country} of delays."
        )
    return "\n\n".join(paragraphs) + "\n"


def tiny_png() -> bytes:
    """A real 1x1 PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


GERMAN = (
    "BERLIN (dpa) - Bundeskanzler Olaf Scholz hat am Montag den französischen Präsidenten Emmanuel Macron in Berlin "
    "empfangen. „Wir stehen zusammen“, sagte Scholz nach dem Treffen. Die Opposition kritisierte die Regierung.\n"
)
RUSSIAN = (
    "МОСКВА, 11 августа. Президент России Владимир Путин встретился в Кремле с председателем КНР Си Цзиньпином. "
    "«Мы друзья и партнёры», — сказал Путин журналистам. Министр иностранных дел Сергей Лавров осудил санкции.\n"
)
CHINESE = (
    "新华社北京8月11日电 中国国家主席习近平周一在北京会见了俄罗斯总统普京。“我们是好朋友，”习近平说。双方签署了协议。\n"
)
FRENCH_LATIN1 = (
    "PARIS - Le président Emmanuel Macron a rencontré à l'Élysée le chancelier allemand. « Ça va », a-t-il dit.\n"
)


@dataclass
class Corpus:
    """Generated inputs and what one `dateline ingest` over them must do."""

    paths: list[Path] = field(default_factory=list)
    failures: dict[str, str] = field(default_factory=dict)  # label (file, file:line) -> expected DL code
    stored: dict[str, str] = field(default_factory=dict)  # content hash -> label of its first occurrence
    derived: list[str] = field(default_factory=list)  # inputs stored with a text the reader extracts (HTML)
    duplicates: int = 0  # good records whose text came earlier in the batch

    def add(self, path: Path, data: bytes | str | None, *, code: str | None = None, text: str | None = None) -> None:
        """`code`: the input fails with it; `text`: the input is one article with this text; neither: a container
        whose records are declared with `record`."""
        if data is not None:
            path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        self.paths.append(path)
        if code is not None:
            self.failures[str(path)] = code
        if text is not None:
            self.record(str(path), text)

    def record(self, label: str, text: str) -> None:
        h = content_hash(text)
        if h in self.stored:
            self.duplicates += 1
        else:
            self.stored[h] = label


def bad_corpus(root: Path) -> Corpus:
    root.mkdir(parents=True, exist_ok=True)
    rng = random.Random(8)
    c = Corpus()
    good, good2, good3, good4 = article(1001), article(1002), article(1003), article(1004)
    c.add(root / "good.txt", good, text=good)
    c.add(root / "good_again.txt", good, text=good)  # the same text: stored once
    c.add(root / "empty.txt", b"", code="DL103")
    c.add(root / "blank.txt", " \n\t \r\n\u3000\n", code="DL103")
    # console markup in a name is printed as written: "[bold]" stays, "[/]" (a missing folder "[") raises nothing
    c.add(root / "odd [bold]name.txt", b"", code="DL103")
    c.add(root / "gone [/] name.txt", None, code="DL101")
    png = tiny_png()
    c.add(root / "image.txt", png + rng.randbytes(2000), code="DL104")
    c.add(root / "image.json", png, code="DL104")
    c.add(root / "random.txt", b"\x00" + rng.randbytes(4095), code="DL104")
    c.add(root / "random_high.txt", bytes(rng.randrange(0x80, 0x100) for _ in range(4096)), code="DL105")
    c.add(root / "invalid_utf8.txt", good2.encode() + b"\xff\xfe\xc3(" + b"more text\n", code="DL105")
    c.add(root / "utf16.txt", good2.encode("utf-16"), text=good2)  # a BOM says UTF-16: read, analyzed
    c.add(root / "latin1.txt", FRENCH_LATIN1.encode("latin-1"), code="DL105")  # not UTF-8: a clear error
    # 50 MB of text: refused by the reader (DL111) without analysis; one line of 5 MB: refused by the pipeline.
    line = "The ministers met again in Geneva on Tuesday and said the talks would continue next week.\n"
    with (root / "huge.txt").open("w", encoding="utf-8") as f:
        f.write(line * (50_000_000 // len(line) + 1))
    c.add(root / "huge.txt", None, code="DL111")
    c.add(root / "one_line.txt", ("word " * 1_000_000).encode(), code="DL111")
    c.add(root / "no_body.html", "<html><head><title>Breaking news</title></head></html>", code="DL110")
    broken_html = (
        "<html><head><title>Talks</title><body><div><p>" + good3.replace("\n\n", "<p>") + "<div><span>unclosed"
    )
    c.add(root / "broken.html", broken_html)  # unclosed tags: the main text is still found
    c.derived.append(str(root / "broken.html"))
    c.add(root / "not_xml.rss", "this is not XML <<< at all &&&", code="DL109")
    c.add(root / "no_items.xml", '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>')
    c.failures[str(root / "no_items.xml")] = "DL109"
    c.add(root / "german.txt", GERMAN, text=GERMAN)
    c.add(root / "russian.txt", RUSSIAN, text=RUSSIAN)
    c.add(root / "chinese.txt", CHINESE, text=CHINESE)
    quotes = "LONDON (Reuters) - The minister said: " + " ".join('"no"' for _ in range(5_000)) + " and left.\n"
    assert quotes.count('"') == 10_000
    c.add(root / "quotes.txt", quotes, text=quotes)
    late_nul = good4 + " " * 9000 + "\x00 end\n"  # a NUL after the sniffed window: text, analyzed
    c.add(root / "late_nul.txt", late_nul, text=late_nul)
    crlf = article(1005).replace("\n", "\r\n")
    c.add(root / "crlf.txt", crlf, text=crlf)
    c.add(root / "missing.txt", None, code="DL101")
    c.add(root / "notes.docx", "not a supported type", code="DL102")
    # JSON Lines: good records mixed with every kind of bad line; line numbers name the bad ones.
    jsonl = root / "mixed.jsonl"
    lone = "NATO condemned Russia \ud800 on Friday, officials said."
    lines: list[bytes] = [
        json.dumps({"id": "j1", "text": article(1006)}).encode(),
        b'{"id": "j2", "text": "broken',
        b"[1, 2, 3]",
        b'{"id": "j4", "title": "no text"}',
        b"",
        json.dumps({"id": "j6", "text": article(1007)}).encode(),
        b'{"id": "j7", "text": "caf\xe9 au lait"}',
        b"[" * 100_000 + b"]" * 100_000,
        b'{"id": "j9", "text": "   "}',
        json.dumps({"id": "j10", "text": good}).encode(),  # the text of good.txt again: skipped
        json.dumps({"id": "j11", "text": lone}).encode(),  # a lone surrogate from a JSON escape
        json.dumps({"id": "j12", "text": 42}).encode(),
        json.dumps({"id": "j13", "text": "word " * 300_000}).encode(),  # 1.5M characters: over the NLP limit
    ]
    jsonl.write_bytes(b"\n".join(lines) + b"\n")
    c.add(jsonl, None)
    c.record(f"{jsonl}:1", article(1006))
    for n, code in ((2, "DL106"), (3, "DL106"), (4, "DL107"), (7, "DL105"), (8, "DL106"), (9, "DL107")):
        c.failures[f"{jsonl}:{n}"] = code
    c.record(f"{jsonl}:6", article(1007))
    c.record(f"{jsonl}:10", good)
    c.record(f"{jsonl}:11", lone.replace("\ud800", "\ufffd"))  # read as U+FFFD: UTF-8 has no lone surrogate
    c.failures[f"{jsonl}:12"] = "DL107"
    c.failures[f"{jsonl}:13"] = "DL111"
    return c


# ------------------------------------------------------------------------------------------------- checks


ERROR_LINE = re.compile(r"^error (?P<label>.+?): (?P<code>DL\d{3}): \S")


def check_run(corpus: Corpus, stderr: str, db: Path) -> None:
    """The errors a run printed and the articles it stored, against what the corpus declares.

    stderr holds exactly one line per failed input, `error LABEL: DLnnn: reason`, and the count at the end: no
    traceback, no wrapped line, no stray log output.
    """
    lines = [line for line in stderr.splitlines() if line.strip()]
    errors = [m for m in map(ERROR_LINE.match, lines) if m]
    assert {m["label"]: m["code"] for m in errors} == corpus.failures, stderr[-3000:]
    assert len(errors) == len(corpus.failures)  # one line each
    assert [line for line in lines if not ERROR_LINE.match(line)] == [f"{len(corpus.failures)} input(s) failed"]
    stored = check_store(db)
    assert set(corpus.stored) <= set(stored), [corpus.stored[h] for h in set(corpus.stored) - set(stored)]
    extra = sorted(path for h, path in stored.items() if h not in corpus.stored)
    assert extra == sorted(corpus.derived)


def check_store(db: Path) -> dict[str, str]:
    """Re-open the store read-only and read every row of every table; check it is whole and duplicate-free.

    DuckDB has no `PRAGMA integrity_check`: reading every column of every table makes it verify each block's
    checksum. Returns content hash -> path of each stored article.
    """
    con = open_store(db, read_only=True)
    try:
        for name in TABLES:
            rows = con.execute(f'SELECT * FROM "{name}"').fetchall()
            assert con.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0] == len(rows)
        dups = con.execute("SELECT article_id, COUNT(*) FROM articles GROUP BY article_id HAVING COUNT(*) > 1")
        assert dups.fetchall() == []
        stored = {}
        for article_id, text, path, n_actors, n_events, n_quotes, analysis in con.execute(
            "SELECT article_id, text, path, n_actors, n_events, n_quotes, analysis FROM articles"
        ).fetchall():
            assert hashlib.sha256(text.encode("utf-8")).hexdigest() == article_id, path  # the text is intact
            record = json.loads(analysis)
            assert record["content_hash"] == article_id
            got = {
                t: con.execute(f'SELECT COUNT(*) FROM "{t}" WHERE article_id = ?', [article_id]).fetchone()[0]
                for t in CHILD_TABLES
            }
            assert (got["actors"], got["events"], got["quotes"]) == (n_actors, n_events, n_quotes), path
            assert (got["places"], got["themes"]) == (len(record["places"]), len(set(record["themes"]))), path
            stored[article_id] = path
        for t in CHILD_TABLES:
            orphans = con.execute(
                f'SELECT COUNT(*) FROM "{t}" WHERE article_id NOT IN (SELECT article_id FROM articles)'
            )
            assert orphans.fetchone()[0] == 0, t
        return stored
    finally:
        con.close()


# ---------------------------------------------------------------------------------------------- bad input


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Corpus:
    return bad_corpus(tmp_path_factory.mktemp("bad") / "in")


@pytest.mark.slow
def test_bad_inputs_one_ingest_cli_runner(corpus: Corpus, tmp_path: Path) -> None:
    db = tmp_path / "bad.duckdb"
    result = runner.invoke(app, ["ingest", *map(str, corpus.paths), "--db", str(db), "-q"])
    assert result.exit_code == 1, result.output[-3000:]
    assert isinstance(result.exception, SystemExit), result.exception  # no exception escaped: a clean exit 1
    check_run(corpus, result.stderr, db)
    stored = len(corpus.stored) + len(corpus.derived)
    assert f"stored {stored} article(s), skipped {corpus.duplicates} already stored" in result.stdout
    # 25 inputs refused; 12 stored: 3 plain articles and 9 odd ones (UTF-16 with a BOM, German, Russian, Chinese,
    # 10,000 quote marks, a NUL after the sniffed 8 KiB, CRLF line ends, broken HTML, a lone surrogate escape); 2
    # duplicates skipped. The 50 MB file and the 5 MB line are refused by the reader, before any NLP.
    assert (len(corpus.failures), len(corpus.stored) + len(corpus.derived)) == (25, 12)


@pytest.mark.slow
def test_bad_inputs_one_ingest_console_script(corpus: Corpus, tmp_path: Path) -> None:
    db = tmp_path / "bad.duckdb"
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    proc = subprocess.run(
        [EXE, "ingest", *map(str, corpus.paths), "--db", str(db), "-q"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert proc.returncode == 1, proc.stderr[-3000:]
    check_run(corpus, proc.stderr, db)
    # the same input again: everything is already there, nothing is stored twice, the same errors come back
    again = subprocess.run(
        [EXE, "ingest", *map(str, corpus.paths), "--db", str(db), "-q"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert again.returncode == 1
    assert (
        f"stored 0 article(s), skipped {len(corpus.stored) + len(corpus.derived) + corpus.duplicates}" in again.stdout
    )
    check_run(corpus, again.stderr, db)


def test_reading_50_mb_holds_at_most_two_copies(tmp_path: Path) -> None:
    """A 50 MB text is refused (DL111) holding no more than its bytes and its decoded text at once."""
    import tracemalloc

    from dateline.read import ReadFailure, read_paths

    path = tmp_path / "huge.txt"
    line = "The ministers met again in Geneva on Tuesday and said the talks would continue next week.\n"
    with path.open("w", encoding="utf-8") as f:
        f.write(line * (50_000_000 // len(line) + 1))
    size = path.stat().st_size
    tracemalloc.start()
    try:
        (failure,) = list(read_paths([path]))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert isinstance(failure, ReadFailure) and failure.error.code == "DL111", failure
    assert peak < 2.2 * size, f"peak {peak / 1e6:.0f} MB for a {size / 1e6:.0f} MB file"


def test_file_over_the_byte_limit_is_refused_unread(tmp_path: Path) -> None:
    from dateline.read import ReadFailure, read_paths
    from dateline.read.text import MAX_BYTES

    path = tmp_path / "sparse.txt"
    with path.open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: no disk used, nothing to read
    (failure,) = list(read_paths([path]))
    assert isinstance(failure, ReadFailure) and failure.error.code == "DL111", failure


@pytest.mark.slow
def test_error_line_with_brackets_in_file_name(tmp_path: Path) -> None:
    """Messages are not console markup: '[/]' in a name must not raise MarkupError, '[bold]' must stay in it."""
    odd = tmp_path / "notes[/].txt"
    bold = tmp_path / "draft[bold].txt"
    bold.write_text(" ")
    good = tmp_path / "after.json"
    good.write_text(json.dumps({"text": ""}))  # any later input: the run must reach it
    result = runner.invoke(app, ["analyze", str(odd), str(bold), str(good)])
    assert isinstance(result.exception, SystemExit) and result.exit_code == 1, result.exception
    assert f"error {odd}: DL101" in result.stderr
    assert f"error {bold}: DL103" in result.stderr
    assert f"error {good}: DL107" in result.stderr


@pytest.mark.slow
def test_error_messages_are_one_line_each(tmp_path: Path) -> None:
    """Not a terminal (a log, a pipe): one error per line, never wrapped at 80 columns or folded inside a path."""
    deep = tmp_path / ("a-rather-long-folder-name-" * 3) / "reports"
    deep.mkdir(parents=True)
    bad = deep / "invalid-utf8-in-a-long-file-name.txt"
    bad.write_bytes(b"caf\xe9 au lait, ministers said on Monday")
    empty = deep / "empty.txt"
    empty.write_text("")
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    proc = subprocess.run([EXE, "analyze", str(bad), str(empty)], capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 1
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert lines == [
        f"error {bad}: DL105: invalid UTF-8 in {bad} at byte 3: re-encode the file as UTF-8",
        f"error {empty}: DL103: empty input: {empty} has no text",
        "2 input(s) failed",
    ]


@pytest.mark.slow
def test_an_analysis_bug_on_one_article_does_not_end_the_run(tmp_path: Path, monkeypatch) -> None:
    import dateline.pipeline

    real = dateline.pipeline.analyze_article

    def flaky(article, res, **kwargs):
        if "story 2" in article.text:
            raise ValueError("a bug in some stage")
        return real(article, res, **kwargs)

    monkeypatch.setattr(dateline.pipeline, "analyze_article", flaky)
    paths = []
    for k in range(1, 4):
        path = tmp_path / f"a{k}.txt"
        path.write_text(f"NATO condemned Russia on Tuesday in story {k}.")
        paths.append(str(path))
    db = tmp_path / "t.duckdb"
    result = runner.invoke(app, ["ingest", *paths, "--db", str(db), "-q"])
    assert isinstance(result.exception, SystemExit) and result.exit_code == 1, result.exception
    assert re.search(rf"error {re.escape(paths[1])}: DL\d\d\d: ", result.stderr), result.stderr
    assert len(check_store(db)) == 2


@pytest.mark.slow
def test_actor_lookups_grow_linearly_with_the_text(monkeypatch) -> None:
    """Analysis time stays linear in pronoun-quoted text: looking back for the speaker of each 'he' / 'the minister'
    must not scan to the start of the document (it did: 34M DocActors.actor_at calls for 80,000 characters).
    Counted, not timed: the calls of DocActors.actor_at for 10 times the text, against 10 times the calls."""
    from dateline.actors.resolve import DocActors
    from dateline.pipeline import analyze_article, load_resources
    from dateline.read import read_text

    res = load_resources()
    calls = [0]
    real = DocActors.actor_at

    def counted(self, i):
        calls[0] += 1
        return real(self, i)

    monkeypatch.setattr(DocActors, "actor_at", counted)
    para = '"We will not give up," he said. "No," the minister said. '

    def lookups(size: int) -> int:
        calls[0] = 0
        analyze_article(read_text((para * (size // len(para) + 1))[:size]), res)
        return calls[0] + 1

    small, large = lookups(4_000), lookups(40_000)
    assert large / small < 20, (small, large)  # linear: ~10 times; quadratic: ~100 times


# ------------------------------------------------------------------------------------------- killed ingest


def kill_after(cmd: list[str], delay: float, log: Path) -> int | None:
    """Run `cmd`, SIGKILL it after `delay` seconds; its exit code when it ended by itself first, else None."""
    with log.open("ab") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        try:
            return proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return None


@pytest.mark.slow
@needs_sigkill
def test_ingest_killed_at_random_points_stores_each_article_once(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = [article(k) for k in range(30)]
    for k, text in enumerate(texts):
        (corpus / f"a{k:02d}.txt").write_text(text)
    for k in (3, 17):  # the same texts again under other names: stored once all the same
        (corpus / f"z{k:02d}_copy.txt").write_text(texts[k])
    expected = {content_hash(t) for t in texts}
    cmd = [EXE, "ingest", str(corpus), "-q"]
    log = tmp_path / "stderr.log"

    # How long an uninterrupted run takes here (into a scratch store): kills are drawn over that span.
    started = time.monotonic()
    assert kill_after([*cmd, "--db", str(tmp_path / "scratch.duckdb")], 600, log) == 0, log.read_text()[-2000:]
    full = time.monotonic() - started

    db = tmp_path / "killed.duckdb"
    seed = random.randrange(10**6)
    rng = random.Random(seed)
    history = []
    for _ in range(4):
        delay = rng.uniform(0.4 * full, 0.98 * full)  # most of a run is loading the model: kill while it stores
        rc = kill_after([*cmd, "--db", str(db)], delay, log)
        stored = set(check_store(db)) if db.exists() else set()  # never corrupt, whenever the kill came
        assert stored <= expected
        history.append((round(delay, 2), rc, len(stored)))
    print(f"kill history (seed {seed}, full run {full:.1f}s): (delay s, exit code or None if killed, stored)", history)
    assert any(rc is None for _, rc, _ in history), history  # at least one run was really killed
    rc = kill_after([*cmd, "--db", str(db)], 600, log)
    assert rc == 0, (seed, history, log.read_text()[-2000:])
    stored = check_store(db)
    assert set(stored) == expected, (seed, history)
    con = duckdb.connect(str(db), read_only=True)
    per_hash = con.execute("SELECT article_id, COUNT(*) FROM articles GROUP BY article_id").fetchall()
    con.close()
    assert sorted(n for _, n in per_hash) == [1] * len(texts), (seed, history)
    assert "Traceback" not in log.read_text()


@pytest.mark.slow
def test_rerun_does_not_analyze_articles_already_stored(tmp_path: Path, monkeypatch) -> None:
    """A run restarted after a kill spends no NLP on what is stored already: resuming costs what is missing only."""
    import dateline.pipeline

    paths = []
    for k in range(3):
        path = tmp_path / f"a{k}.txt"
        path.write_text(article(k))
        paths.append(str(path))
    db = tmp_path / "t.duckdb"
    assert runner.invoke(app, ["ingest", *paths, "--db", str(db), "-q"]).exit_code == 0
    calls = []
    real = dateline.pipeline.analyze_article
    monkeypatch.setattr(dateline.pipeline, "analyze_article", lambda a, r: calls.append(a.path) or real(a, r))
    again = runner.invoke(app, ["ingest", *paths, "--db", str(db), "-q"])
    assert again.exit_code == 0 and "skipped 3 already stored" in again.stdout
    assert calls == []


# --------------------------------------------------------------------------------------------- second writer


def stored_item(k: int) -> tuple[Analysis, str]:
    text = f"Stored before the second writer came, article {k}."
    return Analysis(id=f"s{k}", text_length=len(text), content_hash=content_hash(text)), text


HOLDER = """
import sys, time
from dateline.store import open_store
con = open_store(sys.argv[1])
print("ready", flush=True)
time.sleep(120)
"""


def test_second_writer_gets_dl302(tmp_path: Path) -> None:
    db = tmp_path / "held.duckdb"
    con = open_store(db)
    ingest(con, [stored_item(k) for k in range(3)])
    con.close()
    good = tmp_path / "good.txt"
    good.write_text("NATO condemned Russia on Tuesday.")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "ready", holder.stderr.read() if holder.poll() is not None else ""
        result = runner.invoke(app, ["ingest", str(good), "--db", str(db), "-q"])
        assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.exception
        assert "DL302" in result.stderr and "locked by another process" in result.stderr
        assert "Traceback" not in result.output
        proc = subprocess.run([EXE, "ingest", str(good), "--db", str(db), "-q"], capture_output=True, text=True)
        assert proc.returncode == 1
        assert "DL302" in proc.stderr and "Traceback" not in proc.stderr
        assert proc.stderr.startswith(f"error DL302: database {db} is locked by another process")
        assert proc.stderr.count("\n") == 1  # one line
        assert proc.stdout == ""  # no summary line: nothing was stored
    finally:
        holder.kill()
        holder.wait()
    assert len(check_store(db)) == 3  # nothing lost, nothing added, not corrupt


@pytest.mark.slow
def test_second_ingest_while_an_ingest_runs(tmp_path: Path) -> None:
    """A running `dateline ingest -` waiting on a slow stdin holds the store; a second one is refused with DL302,
    then the first one finishes and stores its article."""
    db = tmp_path / "busy.duckdb"
    other = tmp_path / "other.txt"
    other.write_text(article(7))
    first = subprocess.Popen(
        [EXE, "ingest", "-", "--db", str(db), "-q"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not db.exists() and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)  # the first run creates the store, then waits for stdin
        time.sleep(0.5)
        assert first.poll() is None and db.exists(), first.stderr.read() if first.poll() is not None else "no store"
        second = subprocess.run([EXE, "ingest", str(other), "--db", str(db), "-q"], capture_output=True, text=True)
        assert second.returncode == 1, second.stderr
        assert "DL302" in second.stderr and "Traceback" not in second.stderr
        out, err = first.communicate(article(8), timeout=120)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    assert first.returncode == 0, err
    assert "stored 1 article(s)" in out
    assert set(check_store(db)) == {content_hash(article(8))}
