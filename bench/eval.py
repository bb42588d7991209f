"""Accuracy on the reference gold sets (needs ../shared; says so when it is missing).

    python bench/eval.py            # seed, CAMEO manual examples (PLOVER), PolNeAR dev quotes
    python bench/eval.py seed       # one set

Runs `dateline analyze` on each input, then `dateline eval` with the DESIGN.md §4 rules, through the CLI
entry point, so the figures are exactly what a user reproduces by hand.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATELINE = [sys.executable, "-m", "dateline"]

SETS = {
    # name: (input, gold, eval task, extra eval args)
    "seed": ("seed/seed_article.txt", "eval/seed_gold.json", ["events", "quotes"], []),
    "plover": (
        "eval/cameo_manual_examples.jsonl",
        "eval/cameo_manual_examples.jsonl",
        ["plover"],
        ["--map", "eval/plover_categories.tsv"],
    ),
    "polnear": ("eval/polnear_dev.jsonl", "eval/polnear_dev.jsonl", ["quotes"], []),
}


def run(name: str, out_dir: Path) -> None:
    source, gold, tasks, extra = SETS[name]
    system = out_dir / f"{name}.jsonl"
    subprocess.run([*DATELINE, "analyze", str(SHARED / source), "-f", "jsonl", "-o", str(system)], check=False)
    for task in tasks:
        args = [a if not a.startswith("eval/") else str(SHARED / a) for a in extra]
        result = subprocess.run(
            [*DATELINE, "eval", task, "--gold", str(SHARED / gold), "--system", str(system), *args],
            capture_output=True,
            text=True,
            check=False,
        )
        print(f"{name:8} {result.stdout.strip() or result.stderr.strip()}")


def main() -> int:
    if not SHARED.exists():
        print(f"bench/eval.py needs the reference data in {SHARED} (gold sets); it is not there.", file=sys.stderr)
        return 2
    names = sys.argv[1:] or list(SETS)
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            run(name, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
