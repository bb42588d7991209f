"""PLOVER category accuracy on the CAMEO manual's example sentences (one gold event per sentence).

dateline codes CAMEO; the examples are labelled with PLOVER 0.5b1 categories. A table maps CAMEO code prefixes to
the PLOVER categories accepted for them (longest prefix wins), so a sentence is right when any system event's code
maps to the gold category, and right "with source" when one of those events also has the country of one of the gold
source actors (the first three letters of its actor code).

The table is a TSV file: `#` comments, an optional `cameo_prefix<TAB>plover` header, then one row per prefix with
its categories separated by `|`, or `-` for a prefix with no PLOVER category (CAMEO 01, statements).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from os import PathLike
from pathlib import Path
from typing import Any

from dateline.errors import DatelineError
from dateline.eval.events import actor_country, cameo_digits
from dateline.eval.io import gold_record_id, index_system

#: Where `dateline eval plover` looks for the table when --map is not given: the shared reference folder beside
#: the project (the table is CC BY-SA and is not shipped in the package).
SHARED_PLOVER_TABLE = Path("..") / "shared" / "eval" / "plover_categories.tsv"

_NO_CATEGORY = "-"
_HEADER_FIRST_CELL = "cameo_prefix"


def default_plover_table_path(cwd: str | PathLike[str] | None = None) -> Path | None:
    """SHARED_PLOVER_TABLE resolved against `cwd` (default: the current directory) when that file exists."""
    candidate = Path(cwd or Path.cwd()) / SHARED_PLOVER_TABLE
    return candidate if candidate.is_file() else None


def parse_plover_table(text: str, *, path: str = "<string>") -> dict[str, set[str]]:
    """Parse the TSV text of a CAMEO-prefix -> PLOVER-categories table (see the module docstring)."""
    table: dict[str, set[str]] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.startswith("#") or line.startswith(_HEADER_FIRST_CELL):
            continue
        cells = line.split("\t")
        if len(cells) != 2 or not cells[0].strip():
            raise DatelineError(
                "DL501", path=path, reason=f"line {number}: expected 'cameo_prefix<TAB>categories', got {line!r}"
            )
        prefix, categories = cells
        table[prefix] = set() if categories == _NO_CATEGORY else set(categories.split("|"))
    return table


def load_plover_table(path: str | PathLike[str]) -> dict[str, set[str]]:
    """Read a CAMEO-prefix -> PLOVER-categories table file. Raises DL501 when missing or malformed."""
    where = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise DatelineError("DL501", path=where, reason="file not found") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DatelineError("DL501", path=where, reason=str(exc)) from exc
    return parse_plover_table(text, path=where)


def plover_categories(code: Any, table: Mapping[str, set[str]]) -> set[str]:
    """PLOVER categories accepted for a CAMEO code: the longest prefix (two digits or more) in the table wins."""
    digits = cameo_digits(code)
    for length in range(len(digits), 1, -1):
        categories = table.get(digits[:length])
        if categories is not None:
            return categories
    return set()


def score_plover(
    gold: Iterable[Mapping[str, Any]],
    system: Iterable[Mapping[str, Any]],
    table: Mapping[str, set[str]],
    *,
    gold_path: str = "<gold>",
) -> dict[str, Any]:
    """Score system events on one-event gold sentences by PLOVER category.

    Returns "sentences" (gold records with an event), "with_any_event" (of those, how many the system coded at
    all), "category_accuracy" and "category_and_source_accuracy" (both over "sentences", rounded to 4 places).
    """
    by_id = index_system(list(system))
    sentences = with_event = right = right_with_source = 0
    for record in gold:
        if not isinstance(record, Mapping):
            raise DatelineError("DL501", path=gold_path, reason="a record is not a JSON object")
        events = record.get("events")
        if not events:
            continue
        doc_id = gold_record_id(record, gold_path=gold_path)
        expected = events[0] if isinstance(events, list) else None
        if not isinstance(expected, Mapping) or "event" not in expected:
            raise DatelineError("DL501", path=gold_path, reason=f"the first event of {doc_id!r} has no PLOVER 'event'")
        sentences += 1
        system_events = [e for e in (by_id.get(doc_id) or {}).get("events") or [] if isinstance(e, Mapping)]
        if system_events:
            with_event += 1
        hits = [e for e in system_events if expected["event"] in plover_categories(e.get("code"), table)]
        if not hits:
            continue
        right += 1
        gold_countries = {
            str(actor.get("code") or "")[:3].upper()
            for actor in expected.get("source") or []
            if isinstance(actor, Mapping)
        }
        if any(actor_country(e.get("source")) in gold_countries for e in hits):
            right_with_source += 1
    return {
        "sentences": sentences,
        "with_any_event": with_event,
        "category_accuracy": round(right / sentences, 4) if sentences else 0.0,
        "category_and_source_accuracy": round(right_with_source / sentences, 4) if sentences else 0.0,
    }
