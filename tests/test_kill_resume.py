"""`dateline ingest` killed with SIGKILL midway, then run again: every article stored exactly once, none partly.

bench/kill_resume.py does the same on the 1,000 articles of ../shared/corpus/world_news_1k.jsonl.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

N_ARTICLES = 150
WAL_GROWTH = 2048  # bytes: more than the schema, less than one committed article with its child rows
COUNTRIES = ["Russia", "Ukraine", "Azerbaijan", "Armenia", "France", "China", "Japan", "Brazil", "Kenya", "Peru"]


def write_corpus(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as f:
        for k in range(n):
            a, b = COUNTRIES[k % 10], COUNTRIES[(k * 3 + 1) % 10]
            text = f"{a} accused {b} of violating the agreement on day {k}. Officials in {b} rejected the claim."
            f.write(json.dumps({"id": f"a{k}", "text": text, "published": "2025-08-11"}) + "\n")


def ingest_cmd(corpus: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "dateline", "ingest", str(corpus), "--db", str(db), "--quiet"]


def stored(db: Path) -> tuple[int, int, int]:
    """(articles, events, articles whose child rows disagree with their counts)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        articles, events = con.execute("SELECT count(*), sum(n_events) FROM articles").fetchall()[0]
        partial = con.execute(
            """SELECT count(*) FROM articles a
               WHERE n_events <> (SELECT count(*) FROM events e WHERE e.article_id = a.article_id)
                  OR n_quotes <> (SELECT count(*) FROM quotes q WHERE q.article_id = a.article_id)
                  OR n_actors <> (SELECT count(*) FROM actors c WHERE c.article_id = a.article_id)"""
        ).fetchall()[0][0]
        assert con.execute("SELECT count(*) FROM events").fetchall()[0][0] == (events or 0)
        return articles, events or 0, partial
    finally:
        con.close()


def wait_for_a_committed_batch(wal: Path, proc: subprocess.Popen, timeout: float = 120) -> None:
    """Return once the write-ahead log has grown past the schema the store starts with: articles are committed."""
    deadline = time.monotonic() + timeout
    settled: int | None = None
    last = -1
    while time.monotonic() < deadline and proc.poll() is None:
        size = wal.stat().st_size if wal.exists() else 0
        if settled is None and size and size == last:
            settled = size  # the schema's commit, written and stable
        elif settled is not None and size > settled + WAL_GROWTH:
            return
        last = size
        time.sleep(0.05)


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_ingest_killed_midway_then_rerun_stores_each_article_once(tmp_path: Path) -> None:
    corpus, db = tmp_path / "corpus.jsonl", tmp_path / "news.duckdb"
    write_corpus(corpus, N_ARTICLES)
    proc = subprocess.Popen(ingest_cmd(corpus, db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wait_for_a_committed_batch(Path(f"{db}.wal"), proc)
    assert proc.poll() is None, "ingest finished before it could be killed: raise N_ARTICLES"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    first, _, partial = stored(db)
    assert 0 < first < N_ARTICLES and partial == 0

    done = subprocess.run(ingest_cmd(corpus, db), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"stored {N_ARTICLES - first} article(s), skipped {first} already stored" in done.stdout
    articles, events, partial = stored(db)
    assert (articles, partial) == (N_ARTICLES, 0) and events >= N_ARTICLES

    again = subprocess.run(ingest_cmd(corpus, db), capture_output=True, text=True, timeout=300)
    assert f"stored 0 article(s), skipped {N_ARTICLES} already stored" in again.stdout
    assert stored(db)[:2] == (articles, events)
