"""Throughput: dateline against the bare spaCy pipeline, same model, same articles, same run; and its scaling over
worker processes.

    python bench/throughput.py                          # all of ../shared/corpus/world_news_1k.jsonl
    python bench/throughput.py --limit 300              # a quicker look
    python bench/throughput.py --limit 300 --workers 2  # also dateline with 2 worker processes (--workers 2,4 ...)
    python bench/throughput.py --workers 2 --rounds 2   # each side twice, mirrored order, fastest run kept
    python bench/throughput.py --interleaved 50         # the ratio from one process, sides alternating per 50 articles

Each side runs in its own child process, one after the other, so peak RSS is that side's alone:
  spacy         nlp.pipe(texts, batch_size=64) with the full pipeline (tagger, parser, NER, ...): the parse-bound floor
  dateline      read + analyze every article (actors, quotes, events, enrichment), producing the full Analysis, in
                one process (`--workers 1`)
  dateline xN   the same with N worker processes (dateline.engines.local), end to end: worker start-up and model
                loading included; peak RSS is the largest of one worker's
Prints articles/s, sentences/s and peak RSS for each, the ratio dateline / spacy (higher is better) and the scaling
dateline xN / dateline. The load average before and after is printed too: other work on the machine skews the
figures, above all the scaling (N workers need N idle cores).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "world_news_1k.jsonl"


def load_texts(path: Path, limit: int | None) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            rows.append(json.loads(line))
            if limit and len(rows) >= limit:
                break
    return rows


def run_side(side: str, path: Path, limit: int | None, workers: int) -> dict:
    rows = load_texts(path, limit)
    sentences = 0
    worker_rss = None
    failures = 0
    if side == "spacy":
        from dateline.nlp import load_nlp

        nlp = load_nlp()
        start = time.perf_counter()
        for doc in nlp.pipe((r["text"] for r in rows), batch_size=64):
            sentences += sum(1 for _ in doc.sents)
    else:
        from dateline.engines import EngineStats, analyze_parallel
        from dateline.read.jsonl import record_to_article

        stats = EngineStats()
        if workers == 1:  # the model loads before the clock starts, as on the spaCy side (with workers: timed)
            from dateline.nlp import load_nlp

            load_nlp()
        start = time.perf_counter()
        articles = (record_to_article(r, f"{path.name}:{i + 1}") for i, r in enumerate(rows))
        for _article, result in analyze_parallel(articles, workers=workers, stats=stats):
            failures += isinstance(result, Exception)
        worker_rss = round(stats.max_worker_rss_mb)
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "side": side if workers == 1 else f"{side} x{workers}",
        "workers": workers,
        "articles": len(rows),
        "failures": failures,
        "seconds": round(elapsed, 2),
        "articles_per_s": round(len(rows) / elapsed, 2),
        "sentences": sentences,
        "peak_rss_mb": round(peak_mb),
        "peak_rss_per_worker_mb": worker_rss if worker_rss is not None else round(peak_mb),
    }


def run_interleaved(path: Path, limit: int | None, chunk: int) -> dict:
    """Both sides in one process, alternating over chunks of the corpus (spaCy then dateline, then dateline then
    spaCy, ...): whatever else the machine does weighs on both alike. One model object serves both sides (dateline
    runs it without the two components it replaces); memory is not measured here."""
    from dateline.pipeline import analyze_articles, load_resources
    from dateline.read.jsonl import record_to_article

    rows = load_texts(path, limit)
    articles = [record_to_article(r, f"{path.name}:{i + 1}") for i, r in enumerate(rows)]
    res = load_resources()
    list(analyze_articles(articles[:5], res))  # lazy tables load before the clock, as the model does
    spent = {"spacy": 0.0, "dateline": 0.0}
    failures = 0

    def spacy_side(part: list) -> None:
        for _doc in res.nlp.pipe((a.text for a in part), batch_size=64):
            pass

    def dateline_side(part: list) -> None:
        nonlocal failures
        for _article, result in analyze_articles(part, res):
            failures += isinstance(result, Exception)

    for n, first in enumerate(range(0, len(articles), chunk)):
        part = articles[first : first + chunk]
        order = [("spacy", spacy_side), ("dateline", dateline_side)]
        for name, side in order if n % 2 == 0 else reversed(order):
            start = time.perf_counter()
            side(part)
            spent[name] += time.perf_counter() - start
    return {"articles": len(articles), "failures": failures, **{k: round(v, 2) for k, v in spent.items()}}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--workers", default="", help="also run dateline with these numbers of worker processes: 2 or 2,4")
    ap.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="run the sides this many times, in mirrored order (A B C C B A ...), and keep each side's fastest run: "
        "load that comes and goes then weighs on every side alike",
    )
    ap.add_argument(
        "--interleaved",
        type=int,
        metavar="CHUNK",
        default=0,
        help="measure the ratio in one process instead, alternating the two sides over chunks of CHUNK articles "
        "(robust to load that comes and goes; no memory figures)",
    )
    ap.add_argument("--side", choices=["spacy", "dateline"], help=argparse.SUPPRESS)  # child process
    ap.add_argument("--side-workers", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"bench/throughput.py needs {args.corpus} (the shared corpus); it is not there.", file=sys.stderr)
        return 2
    if args.side:
        print(json.dumps(run_side(args.side, args.corpus, args.limit, args.side_workers)))
        return 0
    if args.interleaved:
        out = run_interleaved(args.corpus, args.limit, args.interleaved)
        print(json.dumps(out))
        print(
            f"cores {os.cpu_count()} · articles {out['articles']} in chunks of {args.interleaved}, sides alternating · "
            f"spaCy {out['spacy']} s · dateline {out['dateline']} s · ratio dateline/spaCy "
            f"{out['spacy'] / out['dateline']:.2f}x"
        )
        return 0
    extra = [int(n) for n in args.workers.split(",") if n.strip() and int(n) > 1]
    sides = [("spacy", 1), ("dateline", 1), *(("dateline", n) for n in extra)]
    load_before = os.getloadavg()
    runs: dict[tuple[str, int], list[dict]] = {side: [] for side in sides}
    for round_ in range(max(1, args.rounds)):
        for side, workers in sides if round_ % 2 == 0 else reversed(sides):
            cmd = [sys.executable, __file__, "--side", side, "--side-workers", str(workers)]
            cmd += ["--corpus", str(args.corpus), *(["--limit", str(args.limit)] if args.limit else [])]
            out = subprocess.run(cmd, capture_output=True, text=True, check=True, env={**os.environ})
            runs[(side, workers)].append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(json.dumps(runs[(side, workers)][-1]))
    results = [min(runs[side], key=lambda r: r["seconds"]) for side in sides]
    load_after = os.getloadavg()
    # every side reads the same articles: the corpus's sentence count (as spaCy splits it) serves for all
    sentences = results[0]["sentences"]
    for side in results:
        side["sentences_per_s"] = round(sentences / side["seconds"], 1)
    sp, dl = results[0], results[1]
    ratio = dl["articles_per_s"] / sp["articles_per_s"]
    if args.rounds > 1:
        print(f"fastest of {args.rounds} rounds per side:")
    print(
        f"cores {os.cpu_count()} · load average {load_before[0]:.2f} before, {load_after[0]:.2f} after · "
        f"articles {sp['articles']} · spaCy {sp['articles_per_s']} art/s · dateline {dl['articles_per_s']} art/s · "
        f"ratio dateline/spaCy {ratio:.2f}x"
    )
    print(
        f"dateline {dl['sentences_per_s']} sentences/s · peak RSS spaCy {sp['peak_rss_mb']} MB, "
        f"dateline {dl['peak_rss_mb']} MB"
    )
    for side in results[2:]:
        print(
            f"dateline x{side['workers']}: {side['articles_per_s']} art/s, {side['sentences_per_s']} sentences/s, "
            f"scaling {side['articles_per_s'] / dl['articles_per_s']:.2f}x one worker; "
            f"peak RSS per worker {side['peak_rss_per_worker_mb']} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
