"""Scorers behind `dateline eval`: events, quotations and PLOVER categories, to the rules of DESIGN.md §4.

    gold = load_records("seed_gold.json")
    system = load_records("out.jsonl", role="system")
    report = score_events(gold, system)
    print(summary_line("events", report))

Every scorer takes gold and system records (dicts) and returns a JSON-ready report; a gold file or record that
cannot be scored raises DatelineError DL501.
"""

from __future__ import annotations

from dateline.eval.events import EVENT_LEVELS, STRICT_LEVEL, score_events
from dateline.eval.io import GOLD_ID_KEYS, load_records, parse_records, summary_line
from dateline.eval.plover import (
    SHARED_PLOVER_TABLE,
    default_plover_table_path,
    load_plover_table,
    parse_plover_table,
    plover_categories,
    score_plover,
)
from dateline.eval.quotes import QUOTE_BUCKETS, score_quotes

__all__ = [
    "EVENT_LEVELS",
    "GOLD_ID_KEYS",
    "QUOTE_BUCKETS",
    "SHARED_PLOVER_TABLE",
    "STRICT_LEVEL",
    "default_plover_table_path",
    "load_plover_table",
    "load_records",
    "parse_plover_table",
    "parse_records",
    "plover_categories",
    "score_events",
    "score_plover",
    "score_quotes",
    "summary_line",
]
