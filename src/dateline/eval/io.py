"""Reading gold and system files for `dateline eval`, and the one-line summary it prints last.

Gold and system files come in three shapes, told apart by their content rather than their suffix so that a
`.json` holding JSON Lines (or a `.jsonl` holding one object) still loads:

- a JSON array of records;
- one JSON object (our own gold, e.g. the seed's), which becomes a one-record list;
- JSON Lines, one record per non-blank line.

Gold problems raise DL501 (the run cannot be scored); system problems raise the input errors DL101/DL105/DL106/DL112,
since the system file is ordinary dateline output that the user may have edited or truncated.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from os import PathLike
from pathlib import Path, PurePath
from typing import Any, Literal

from dateline.errors import DatelineError

Role = Literal["gold", "system"]
Record = dict[str, Any]

#: Keys that may carry a gold record's document id, in order of preference.
GOLD_ID_KEYS: tuple[str, ...] = ("id", "hid", "doc_id", "doc")

#: Spans in gold and system records: [start, end) character offsets into the article text.
Span = tuple[float, float]


def _fail(role: Role, path: str, reason: str, *, not_found: bool = False) -> DatelineError:
    if role == "gold":
        return DatelineError("DL501", path=path, reason=reason)
    if not_found:
        return DatelineError("DL101", path=path)
    return DatelineError("DL106", path=path, reason=reason)


def _decode_lines(body: str, role: Role, path: str) -> list[Any]:
    values: list[Any] = []
    for number, line in enumerate(body.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            values.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise _fail(role, path, f"line {number}: {exc.msg} (column {exc.colno})") from exc
    return values


def parse_records(text: str, *, role: Role = "gold", path: str = "<string>") -> list[Record]:
    """Parse the text of a gold or system file into a list of JSON objects (see the module docstring)."""
    body = text.strip()
    if not body:
        return []
    values: list[Any]
    if body.startswith("["):
        try:
            parsed = json.loads(body)
        except json.JSONDecodeError as exc:
            raise _fail(role, path, f"{exc.msg} at line {exc.lineno} column {exc.colno}") from exc
        values = list(parsed)
    else:
        # A whole-file parse first: a pretty-printed single object spans many lines and is not JSON Lines.
        try:
            values = [json.loads(body)]
        except json.JSONDecodeError:
            values = _decode_lines(body, role, path)
    for number, value in enumerate(values, start=1):
        if not isinstance(value, dict):
            raise _fail(role, path, f"record {number} is a JSON {type(value).__name__}, not an object")
    return values


def load_records(path: str | PathLike[str], *, role: Role = "gold") -> list[Record]:
    """Load a gold (default) or system file as a list of records.

    Raises DatelineError: DL501 for any problem with a gold file; for a system file DL101 (missing),
    DL105 (not UTF-8), DL112 (unreadable) or DL106 (not JSON, or records that are not objects).
    """
    where = str(path)
    try:
        # utf-8-sig: editors on Windows add a BOM that json.loads would otherwise reject.
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise _fail(role, where, "file not found", not_found=True) from exc
    except UnicodeDecodeError as exc:
        if role == "gold":
            raise _fail(role, where, f"invalid UTF-8 at byte {exc.start}") from exc
        raise DatelineError("DL105", path=where, position=exc.start) from exc
    except OSError as exc:
        if role == "gold":
            raise _fail(role, where, exc.strerror or str(exc)) from exc
        raise DatelineError("DL112", path=where, reason=exc.strerror or str(exc)) from exc
    return parse_records(text, role=role, path=where)


def gold_record_id(record: Mapping[str, Any], *, gold_path: str = "<gold>") -> str:
    """The document id of a gold record: the first of GOLD_ID_KEYS that is set. DL501 when none is."""
    for key in GOLD_ID_KEYS:
        value = record.get(key)
        if value is not None:
            return str(value)
    raise DatelineError("DL501", path=gold_path, reason="a record has no id, hid, doc_id or doc")


def index_system(system: Sequence[Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    """System records by their "id" (dateline's output always has one); a later duplicate replaces an earlier one.

    Gold files often name a document by its file name ("seed_article.txt"), so a record read from a file is also
    found under the file's name, unless a record has that as its id.
    """
    records = [rec for rec in system if isinstance(rec, Mapping) and rec.get("id") is not None]
    by_id = {str(rec["id"]): rec for rec in records}
    for rec in records:
        path = rec.get("path")
        if isinstance(path, str) and path:
            by_id.setdefault(PurePath(path.split(":")[0]).name, rec)
    return by_id


def as_span(value: Any) -> Span | None:
    """A [start, end] pair as a tuple; None for an absent, empty or malformed span (it then overlaps nothing)."""
    if not isinstance(value, Sequence) or isinstance(value, str) or len(value) != 2:
        return None
    start, end = value
    if isinstance(start, bool) or isinstance(end, bool):
        return None
    if not isinstance(start, int | float) or not isinstance(end, int | float):
        return None
    return (start, end)


def span_overlap(a: Span | None, b: Span | None) -> float:
    """Number of characters two spans share (0 when either is missing or they are disjoint)."""
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    """Counts with precision, recall and F1, rounded to 4 places (0.0 where a ratio is undefined)."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


def summary_line(task: str, report: Mapping[str, Any]) -> str:
    """The one human-readable line `dateline eval TASK` prints after its JSON report."""
    if task == "events":
        level = "strict" if "strict" in report else "dyad_root"
        scores = report[level]
        return (
            f"events {level} P {scores['precision']:.3f} R {scores['recall']:.3f} F1 {scores['f1']:.3f}"
            f" ({report['documents']} docs, {report['missing_in_system']} missing)"
        )
    if task == "quotes":
        return (
            f"quotes direct+mixed F1 {report['direct_mixed']['f1']:.3f} indirect F1 {report['indirect']['f1']:.3f}"
            f" speaker-acc {report['speaker_accuracy']:.3f} end-to-end F1 {report['end_to_end']['f1']:.3f}"
            f" ({report['documents']} docs, {report['missing_in_system']} missing)"
        )
    if task == "plover":
        return (
            f"plover category accuracy {report['category_accuracy']:.3f}"
            f" with source {report['category_and_source_accuracy']:.3f}"
            f" ({report['sentences']} sentences, {report['with_any_event']} with an event)"
        )
    raise ValueError(f"unknown eval task {task!r} (events, quotes or plover)")
