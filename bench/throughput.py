"""Throughput: dateline against the bare spaCy pipeline, same model, same articles, same run.

    python bench/throughput.py                 # all of ../shared/corpus/world_news_1k.jsonl
    python bench/throughput.py --limit 200     # a quicker look

Each side runs in its own child process, so peak RSS is that side's alone:
  spacy     nlp.pipe(texts, batch_size=64) with the full pipeline (tagger, parser, NER, ...): the parse-bound floor
  dateline  read + analyze every article (actors, quotes, events, enrichment), producing the full Analysis
Prints articles/s, sentences/s and peak RSS for each, and the ratio dateline / spacy (higher is better).
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


def run_side(side: str, path: Path, limit: int | None) -> dict:
    from dateline.nlp import load_nlp

    rows = load_texts(path, limit)
    nlp = load_nlp()
    sentences = 0
    start = time.perf_counter()
    if side == "spacy":
        for doc in nlp.pipe((r["text"] for r in rows), batch_size=64):
            sentences += sum(1 for _ in doc.sents)
    else:
        from dateline.pipeline import analyze_articles, load_resources
        from dateline.read.jsonl import record_to_article

        res = load_resources()
        articles = (record_to_article(r, f"{path.name}:{i + 1}") for i, r in enumerate(rows))
        for _article, _analysis in analyze_articles(articles, res):
            pass
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "side": side,
        "articles": len(rows),
        "seconds": round(elapsed, 2),
        "articles_per_s": round(len(rows) / elapsed, 2),
        "sentences": sentences,
        "peak_rss_mb": round(peak_mb),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--side", choices=["spacy", "dateline"], help=argparse.SUPPRESS)  # child process
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"bench/throughput.py needs {args.corpus} (the shared corpus); it is not there.", file=sys.stderr)
        return 2
    if args.side:
        print(json.dumps(run_side(args.side, args.corpus, args.limit)))
        return 0
    results = {}
    for side in ("spacy", "dateline"):
        cmd = [sys.executable, __file__, "--side", side, "--corpus", str(args.corpus)]
        if args.limit:
            cmd += ["--limit", str(args.limit)]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True, env={**os.environ})
        results[side] = json.loads(out.stdout.strip().splitlines()[-1])
        print(json.dumps(results[side]))
    # both sides read the same articles: the corpus's sentence count (as spaCy splits it) serves for both
    sentences = results["spacy"]["sentences"]
    for side in results.values():
        side["sentences_per_s"] = round(sentences / side["seconds"], 1)
    ratio = results["dateline"]["articles_per_s"] / results["spacy"]["articles_per_s"]
    sp, dl = results["spacy"], results["dateline"]
    print(
        f"cores {os.cpu_count()} · articles {sp['articles']} · spaCy {sp['articles_per_s']} art/s · "
        f"dateline {dl['articles_per_s']} art/s · ratio dateline/spaCy {ratio:.2f}x"
    )
    print(
        f"dateline {dl['sentences_per_s']} sentences/s · peak RSS spaCy {sp['peak_rss_mb']} MB, "
        f"dateline {dl['peak_rss_mb']} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
