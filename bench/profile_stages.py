"""Where the time goes: the parse and each analysis stage, on world_news_1k, against the bare spaCy pipeline.

    python bench/profile_stages.py              # the first 300 articles
    python bench/profile_stages.py --limit 0    # all of them

Parses the articles once with dateline's parser (timed), then runs the stages over the parses (timed per stage),
then the bare spaCy pipeline (`nlp.pipe`, batch 64) over the same texts. Prints each part's seconds and its share
of dateline's total, and the ratio bare spaCy / dateline (above 1.0: dateline is faster than spaCy alone). Needs
../shared/corpus/world_news_1k.jsonl and says so when it is missing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "world_news_1k.jsonl"
STAGES = {  # pipeline function -> stage name
    "find_actors": "actors",
    "find_quotes": "quotes",
    "code_events": "events",
    "find_places": "places",
    "locate_events": "places",
    "find_dates": "dates",
    "date_events": "dates",
    "find_themes": "themes",
    "document_tone": "tone",
}


def timed(table: Counter, name: str, func):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            table[name] += time.perf_counter() - start

    return wrapper


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=300, help="first N articles (0: all)")
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"bench/profile_stages.py needs {args.corpus} (the shared corpus); it is not there.", file=sys.stderr)
        return 2
    from dateline import pipeline
    from dateline.read.jsonl import record_to_article

    with args.corpus.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    rows = rows[: args.limit] if args.limit else rows
    articles = [record_to_article(r, f"{args.corpus.name}:{i + 1}") for i, r in enumerate(rows)]
    res = pipeline.load_resources()
    list(pipeline.analyze_articles(articles[:5], res))  # lazy tables (tone, gazetteer) load before the clock

    table: Counter = Counter()
    for name, stage in STAGES.items():
        setattr(pipeline, name, timed(table, stage, getattr(pipeline, name)))
    start = time.perf_counter()
    docs = []
    for batch in pipeline.batches(articles):
        docs += res.parser.pipe(pipeline._blank_header(a.text, a.body_start) for a in batch)
    parse = time.perf_counter() - start
    start = time.perf_counter()
    for article, doc in zip(articles, docs, strict=True):
        pipeline.analyze_article(article, res, doc=doc)
    stages = time.perf_counter() - start
    start = time.perf_counter()
    for _ in res.nlp.pipe((a.text for a in articles), batch_size=64):
        pass
    bare = time.perf_counter() - start

    total = parse + stages
    print(f"{len(articles)} articles · bare spaCy {bare:.1f} s · dateline {total:.1f} s · ratio {bare / total:.2f}x")
    print(f"  {'parse':12} {parse:7.2f} s {100 * parse / total:5.1f}%")
    for name, seconds in table.most_common():
        print(f"  {name:12} {seconds:7.2f} s {100 * seconds / total:5.1f}%")
    other = stages - sum(table.values())
    print(f"  {'other':12} {other:7.2f} s {100 * other / total:5.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
