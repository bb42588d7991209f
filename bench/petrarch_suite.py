"""PETRARCH's own unit-test suite, coded by dateline with PETRARCH's dictionaries (needs ../shared).

    python bench/petrarch_suite.py            # overall and per-category strict P/R/F1, crashes
    python bench/petrarch_suite.py --list     # also every record coded differently from the gold

Runs `dateline analyze PETR.UnitTest.records.xml --petrarch-dictionaries <PETR.Validate.*> -f jsonl` through the CLI
entry point, then scores it with dateline's eval in strict mode: a system event is right only when its source code,
target code and event code are exactly the gold ones for that sentence (what `dateline eval events --strict` and
`../shared/tools/dlscore.py events --strict` report). A crash is a record with no output (an error on stderr).
For comparison, PETRARCH-2 itself: P 0.54 R 0.33 F1 0.41 and 36 of 284 records crashing.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SUITE = SHARED / "eval" / "petrarch"
DICTIONARIES = [
    SUITE / "dictionaries" / f"PETR.Validate.{kind}.txt" for kind in ("verbs", "actors", "agents", "discards")
]
DATELINE = [sys.executable, "-m", "dateline"]


def run(out: Path) -> tuple[float, str]:
    args = [*DATELINE, "analyze", str(SUITE / "PETR.UnitTest.records.xml"), "-f", "jsonl", "-o", str(out)]
    for path in DICTIONARIES:
        args += ["--petrarch-dictionaries", str(path)]
    start = time.perf_counter()
    proc = subprocess.run(args, capture_output=True, text=True, check=False)
    return time.perf_counter() - start, proc.stderr


def score(gold: list[dict], system: list[dict]) -> tuple[dict, dict[str, list[int]]]:
    sys.path.insert(0, str(ROOT / "src"))
    from dateline.eval import score_events

    report = score_events(gold, system, strict=True, gold_path=str(SUITE / "unittest_gold.jsonl"))
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for record, row in zip(gold, report["per_document"], strict=True):  # in gold order; two gold ids repeat
        counts = per[record.get("category") or "?"]
        counts[3] += 1
        for k in range(3):
            counts[k] += row["strict"][k]
    return report, per


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    if not SUITE.exists():
        print(f"bench/petrarch_suite.py needs PETRARCH's suite in {SUITE}; it is not there.", file=sys.stderr)
        return 2
    gold = [json.loads(line) for line in (SUITE / "unittest_gold.jsonl").read_text(encoding="utf-8").splitlines()]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "suite.jsonl"
        seconds, stderr = run(out)
        system = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] if out.exists() else []
    report, per = score(gold, system)
    coded = {str(r.get("id")) for r in system}
    crashes = sum(1 for g in gold if str(g["id"]) not in coded)
    errors = [line for line in stderr.splitlines() if line.startswith("error")]
    print(f"PETRARCH unit-test suite: {len(gold)} records, {len(system)} analysed in {seconds:.1f} s")
    print(f"{'category':10} {'records':>7} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for name, (tp, fp, fn, records) in sorted(per.items()):
        p, r, f = prf(tp, fp, fn)
        print(f"{name:10} {records:7d} {tp:4d} {fp:4d} {fn:4d} {p:6.3f} {r:6.3f} {f:6.3f}")
    s = report["strict"]
    counts = f"{s['tp']:4d} {s['fp']:4d} {s['fn']:4d}"
    print(f"{'overall':10} {len(gold):7d} {counts} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f}")
    print(f"crashes: {crashes} record(s) without output; {len(errors)} error line(s)")
    for line in errors[:10]:
        print("  " + line)
    if "--list" in sys.argv[1:]:
        _list_differences(gold, system)
    return 0


def _list_differences(gold: list[dict], system: list[dict]) -> None:
    by_id = {str(r.get("id")): r for r in system}
    for g in gold:
        want = sorted((e["source"], e["target"], e["code"]) for e in g["events"])
        events = by_id.get(str(g["id"]), {}).get("events", [])
        got = sorted((e["source"]["code"], (e.get("target") or {}).get("code", "---"), e["code"]) for e in events)
        if want != got:
            print(f"{g['id']} [{g.get('category')}] {' '.join(g['text'].split())[:100]}")
            print(f"    gold   {want}\n    system {got}")


if __name__ == "__main__":
    sys.exit(main())
