"""Kill-and-resume benchmark: SIGKILL `dateline ingest` midway through a corpus, run it again, count duplicates.

    .venv/bin/python bench/kill_resume.py [--corpus ../shared/corpus/world_news_1k.jsonl] [--kill-after 60]

The first run is killed `--kill-after` seconds after it starts (model loading included); the second run goes to the
end. Then the store must hold each distinct article text of the corpus exactly once (the expected set is computed
from the corpus with `dateline.read`, without NLP), no article partly (child rows equal to the n_* counts), and no
duplicate event or quote rows. tests/test_kill_resume.py checks the same on a small generated corpus.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from dateline.read import ReadFailure, read_paths

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "world_news_1k.jsonl"

CHECKS = {
    "articles": "SELECT count(*) FROM articles",
    "distinct articles": "SELECT count(DISTINCT article_id) FROM articles",
    "duplicate event rows": "SELECT count(*) - count(DISTINCT (article_id, event_idx)) FROM events",
    "duplicate quote rows": "SELECT count(*) - count(DISTINCT (article_id, quote_idx)) FROM quotes",
    "duplicate actor rows": "SELECT count(*) - count(DISTINCT (article_id, actor_idx)) FROM actors",
    "partial articles": """SELECT count(*) FROM articles a
        WHERE n_events <> (SELECT count(*) FROM events e WHERE e.article_id = a.article_id)
           OR n_quotes <> (SELECT count(*) FROM quotes q WHERE q.article_id = a.article_id)
           OR n_actors <> (SELECT count(*) FROM actors c WHERE c.article_id = a.article_id)""",
    "orphan events": "SELECT count(*) FROM events WHERE article_id NOT IN (SELECT article_id FROM articles)",
}


def ingest(corpus: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "dateline", "ingest", str(corpus), "--db", str(db), "--quiet"]


def check(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {name: con.execute(sql).fetchall()[0][0] for name, sql in CHECKS.items()}
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--kill-after", type=float, default=60.0, help="seconds before SIGKILL")
    args = parser.parse_args()
    expected = {a.content_hash for a in read_paths([args.corpus]) if not isinstance(a, ReadFailure)}
    print(f"corpus: {args.corpus} ({len(expected)} distinct article texts)")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "kill.duckdb"
        t0 = time.perf_counter()
        proc = subprocess.Popen(ingest(args.corpus, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            proc.wait(timeout=args.kill_after)
            sys.exit("ingest finished before the kill: lower --kill-after")
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
        after_kill = check(db)
        print(f"killed after {time.perf_counter() - t0:.0f} s: {after_kill}")
        t1 = time.perf_counter()
        done = subprocess.run(ingest(args.corpus, db), capture_output=True, text=True)
        print(f"resumed run: {time.perf_counter() - t1:.0f} s, exit {done.returncode}: {done.stdout.strip()}")
        failed = [line for line in done.stderr.splitlines() if "error" in line.lower()]
        final = check(db)
        print(f"after resume: {final}")
        con = duckdb.connect(str(db), read_only=True)
        stored = {r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()}
        con.close()
    missing = len(expected - stored)
    duplicates = final["articles"] - final["distinct articles"]
    print(
        f"RESULT: {final['articles']} articles stored of {len(expected)} distinct texts; missing {missing} "
        f"({len(failed)} input error line(s)); duplicate articles {duplicates}; duplicate event rows "
        f"{final['duplicate event rows']}; partial articles {final['partial articles']}"
    )
    ok = duplicates == 0 and final["partial articles"] == 0 and final["duplicate event rows"] == 0
    ok = ok and 0 < after_kill["articles"] < len(expected) and missing == len(failed)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
