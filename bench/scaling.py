"""How the cost of the text-scanning stages grows with their input, and what start-up costs.

    python bench/scaling.py

For each stage that scans raw text (quotation marks, theme triggers, quotation attribution), times the same input
at size N and 2N in this process and prints the ratio: about 2 means linear, 4 or more means the stage has gone
quadratic. The inputs are the adversarial ones: thousands of quotation marks with an odd one at the end, and a long
text full of theme words. It also loads the actor knowledge base in a fresh process and prints that time against
the time the same process took to import the module (the baseline, measured in the same run). Last, when ../shared
is beside the repository, it times loading PETRARCH's Phoenix dictionaries against that load of the bundled
knowledge base (it says so when ../shared is missing).

Unit tests check what these stages return on the same inputs; the timing lives here because wall-clock bounds in
tests fail on loaded machines and catch nothing on fast ones.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

PHOENIX = Path(__file__).resolve().parents[2] / "shared" / "eval" / "petrarch" / "dictionaries"
PHOENIX_FILES = [
    "CAMEO.2.0.txt",
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.agents.txt",
]


def best_of(fn: Callable[[], object], rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def growth(name: str, make: Callable[[int], Callable[[], object]], n: int) -> None:
    small, large = best_of(make(n)), best_of(make(2 * n))
    print(f"{name:<44} {small * 1000:9.1f} ms  {large * 1000:9.1f} ms  x{large / small:5.2f}")


def quote_marks(n: int) -> Callable[[], object]:
    from dateline.quotes import quote_spans

    text = 'He said "yes" and "no". ' * n + 'She said "maybe'
    return lambda: quote_spans(text)


def theme_words(n: int) -> Callable[[], object]:
    from dateline.themes import find_themes

    text = "The ministers discussed trade, energy and security in Baku. " * n
    return lambda: find_themes(text)


def attribution(n: int) -> Callable[[], object]:
    from dateline.actors.kb import load_kb
    from dateline.actors.resolve import find_actors, kb_matcher
    from dateline.nlp import load_nlp
    from dateline.quotes import find_quotes

    text = '"We agree on this," he said. "Not at all," she replied. ' * n + '"Maybe'
    nlp, kb = load_nlp(), load_kb()
    doc = nlp(text)
    actors = find_actors(doc, kb, kb_matcher(nlp, kb))
    return lambda: find_quotes(doc, actors, text)


def fresh_process() -> tuple[float, float]:
    """(import seconds, load seconds) of the knowledge base in a new interpreter, the best of three."""
    code = (
        "import time; t = time.perf_counter(); from dateline.actors.kb import load_kb; i = time.perf_counter() - t; "
        "t = time.perf_counter(); load_kb(); print(i, time.perf_counter() - t)"
    )
    runs = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
        imported, loaded = map(float, out.split())
        runs.append((imported, loaded))
    return min(r[0] for r in runs), min(r[1] for r in runs)


def main() -> None:
    print(f"{'stage (input at N, then 2N)':<44} {'N':>12} {'2N':>12}  ratio (2 = linear)")
    growth("quote_spans, 10,000 quotation marks", quote_marks, 2500)
    growth("find_themes, 24,000 characters", theme_words, 400)
    growth("find_quotes, 10,000 marks after the parse", attribution, 1250)
    imported, loaded = fresh_process()
    print(f"\nfresh process: import dateline.actors.kb {imported:.2f} s, then load_kb() {loaded:.2f} s", end="")
    print(f" (x{loaded / imported:.2f} the import)")
    if not PHOENIX.is_dir():
        print(f"Phoenix dictionaries: not timed, {PHOENIX} is missing (it is in ../shared)")
        return
    from dateline.petrarch.dictionaries import load_dictionaries

    started = time.perf_counter()
    load_dictionaries([PHOENIX / name for name in PHOENIX_FILES])
    phoenix = time.perf_counter() - started
    print(f"Phoenix dictionaries (4 files): {phoenix:.2f} s, x{phoenix / loaded:.0f} the knowledge base load")


if __name__ == "__main__":
    main()
