"""Kill `dateline ingest` with SIGKILL at random points over a real corpus, then run it to completion.

    python bench/kill_ingest.py                      # the first 1000 articles of ../shared/corpus/world_news_1k.jsonl
    python bench/kill_ingest.py --limit 200 --kills 6 --seed 1
    python bench/kill_ingest.py --corpus my.jsonl    # any JSON Lines corpus

Each run is the real console script (`dateline ingest INPUT --db DB -q`) in a subprocess, killed after a random
delay; after every kill the store is re-opened read-only and every row of every table is read (DuckDB has no
integrity check: reading every block verifies its checksum), then one last run goes to completion. Prints the
articles stored, the duplicates (must be 0), the articles lost (must be 0: every readable article is stored or was
reported as an error) and the kills. Exit status 0 when nothing is duplicated, lost or corrupt, 1 otherwise, 2 when
the corpus is missing.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "world_news_1k.jsonl"
CHILD_TABLES = ("actors", "events", "quotes", "places", "themes")
ERROR_LINE = re.compile(r"^error (?P<label>.+?): (?P<code>DL\d{3}): ", re.MULTILINE)


def dateline_exe() -> str:
    exe = shutil.which("dateline", path=str(Path(sys.executable).parent)) or shutil.which("dateline")
    if exe is None:
        sys.exit("kill_ingest: no `dateline` console script next to this Python or on PATH: pip install -e .")
    return exe


def write_input(corpus: Path, limit: int, dest: Path) -> int:
    """The first `limit` lines of the corpus (JSON Lines) into `dest`; returns how many were written."""
    n = 0
    with corpus.open("rb") as src, dest.open("wb") as out:
        for line in src:
            if n >= limit:
                break
            out.write(line if line.endswith(b"\n") else line + b"\n")
            n += 1
    return n


def expected_articles(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """What the readers make of the input, without NLP: label -> content hash, and label -> code of read failures."""
    from dateline.read import ReadFailure, read_paths

    hashes: dict[str, str] = {}
    failures: dict[str, str] = {}
    for item in read_paths([path]):
        if isinstance(item, ReadFailure):
            failures[item.path] = item.error.code
        else:
            hashes[item.path] = item.content_hash
    return hashes, failures


def check_store(db: Path) -> dict[str, object]:
    """Open read-only, read every row of every table, check duplicates and article/child consistency."""
    from dateline.store import open_store
    from dateline.store.schema import TABLES

    con = open_store(db, read_only=True)
    try:
        rows = {name: len(con.execute(f'SELECT * FROM "{name}"').fetchall()) for name in TABLES}
        ids = [r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()]
        duplicates = len(ids) - len(set(ids))
        bad_text = 0
        inconsistent = 0
        for article_id, text, n_actors, n_events, n_quotes in con.execute(
            "SELECT article_id, text, n_actors, n_events, n_quotes FROM articles"
        ).fetchall():
            if hashlib.sha256(text.encode("utf-8")).hexdigest() != article_id:
                bad_text += 1
            got = [
                con.execute(f'SELECT COUNT(*) FROM "{t}" WHERE article_id = ?', [article_id]).fetchone()[0]
                for t in ("actors", "events", "quotes")
            ]
            if got != [n_actors, n_events, n_quotes]:
                inconsistent += 1
        orphans = sum(
            con.execute(
                f'SELECT COUNT(*) FROM "{t}" WHERE article_id NOT IN (SELECT article_id FROM articles)'
            ).fetchone()[0]
            for t in CHILD_TABLES
        )
    finally:
        con.close()
    return {
        "ids": set(ids),
        "rows": rows,
        "duplicates": duplicates,
        "bad_text": bad_text,
        "inconsistent": inconsistent,
        "orphans": orphans,
    }


def run(cmd: list[str], timeout: float | None, log: Path, env: dict[str, str]) -> tuple[int | None, float]:
    """Run `cmd`; SIGKILL it after `timeout` seconds. Returns (exit code, or None when killed; seconds)."""
    started = time.monotonic()
    with log.open("ab") as err:
        err.write(f"\n--- {' '.join(cmd)} (kill after {timeout} s)\n".encode())
        err.flush()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=env)
        try:
            rc: int | None = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            rc = None
    return rc, time.monotonic() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help=f"JSON Lines corpus (default: {CORPUS})")
    parser.add_argument("--limit", type=int, default=1000, help="first N articles of the corpus (default 1000)")
    parser.add_argument("--kills", type=int, default=4, help="runs to kill before the last one (default 4)")
    parser.add_argument("--seed", type=int, default=None, help="random seed of the kill delays (default: random)")
    parser.add_argument("--min-delay", type=float, default=5.0, help="shortest delay before a kill, s (default 5)")
    parser.add_argument("--max-delay", type=float, default=120.0, help="longest delay before a kill, s (default 120)")
    parser.add_argument("--workdir", type=Path, default=None, help="keep the input, store and log here")
    args = parser.parse_args(argv)

    if not args.corpus.exists():
        where = "../shared is missing" if args.corpus == CORPUS else "no such corpus"
        print(f"kill_ingest: {where} ({args.corpus}): pass --corpus FILE.jsonl", file=sys.stderr)
        return 2
    if not hasattr(signal, "SIGKILL"):
        print("kill_ingest: needs SIGKILL (POSIX)", file=sys.stderr)
        return 2
    seed = args.seed if args.seed is not None else random.randrange(10**6)
    rng = random.Random(seed)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="kill_ingest_"))
    work.mkdir(parents=True, exist_ok=True)
    source, db, log = work / "input.jsonl", work / "killed.duckdb", work / "stderr.log"
    for stale in (db, Path(f"{db}.wal"), log):
        stale.unlink(missing_ok=True)

    n = write_input(args.corpus, args.limit, source)
    hashes, read_failures = expected_articles(source)
    expected = set(hashes.values())
    print(f"input: {n} articles from {args.corpus} ({len(expected)} distinct texts, {len(read_failures)} unreadable)")
    print(f"kills: {args.kills}, delays {args.min_delay:g}-{args.max_delay:g} s, seed {seed}; work dir {work}")

    cmd = [dateline_exe(), "ingest", str(source), "--db", str(db), "-q"]
    env = {**os.environ, "COLUMNS": "100000"}  # one error per line, whatever the console width
    problems: list[str] = []
    killed = 0
    stored_before = 0
    for k in range(1, args.kills + 1):
        delay = rng.uniform(args.min_delay, args.max_delay)
        rc, seconds = run(cmd, delay, log, env)
        killed += rc is None
        state = check_store(db) if db.exists() else {"ids": set(), "duplicates": 0}
        stored = len(state["ids"])
        how = "killed" if rc is None else f"finished first (exit {rc})"
        if rc not in (None, 0):  # say why: the store could not be opened, a traceback ...
            tail = log.read_text(encoding="utf-8", errors="replace").rsplit("\n--- ", 1)[-1].splitlines()
            how += ": " + next((line for line in tail[1:] if line.strip()), "no message")[:200]
        print(f"run {k}: {how} after {seconds:.1f} s; stored {stored} (+{stored - stored_before})", flush=True)
        stored_before = stored
        for key in ("duplicates", "bad_text", "inconsistent", "orphans"):
            if state.get(key):
                problems.append(f"after run {k}: {state[key]} {key}")

    rc, seconds = run(cmd, None, log, env)
    print(f"last run: exit {rc} after {seconds:.1f} s")
    last_log = log.read_text(encoding="utf-8", errors="replace").rsplit("\n--- ", 1)[-1]
    if "Traceback" in log.read_text(encoding="utf-8", errors="replace"):
        problems.append(f"a traceback in {log}")
    if rc not in (0, 1):
        problems.append(f"the last run exited {rc}")
    reported = {m["label"] for m in ERROR_LINE.finditer(last_log)}
    state = check_store(db)
    failed = {hashes[label] for label in reported if label in hashes}  # read, then refused by the analysis
    lost = expected - state["ids"] - failed
    for key in ("duplicates", "bad_text", "inconsistent", "orphans"):
        if state[key]:
            problems.append(f"at the end: {state[key]} {key}")
    if lost:
        problems.append(f"{len(lost)} article(s) lost: {sorted(lost)[:5]}")

    print(
        f"articles stored: {len(state['ids'])}; duplicates: {state['duplicates']}; lost: {len(lost)}; "
        f"reported as errors: {len(reported)} ({len(read_failures)} unreadable, {len(failed)} refused by analysis); "
        f"kills: {killed} of {args.kills} runs"
    )
    print("rows: " + ", ".join(f"{name} {count}" for name, count in state["rows"].items()))
    for problem in problems:
        print(f"PROBLEM: {problem}")
    print("OK: nothing duplicated, lost or corrupt" if not problems else "FAILED")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
