"""Event accuracy (DESIGN.md §4): system events against gold events, per article, matched one to one.

A system event can match a gold event when its trigger span (or, lacking one, its sentence span) or its sentence span
overlaps the gold sentence span. Sentence-level gold (PETRARCH-style records whose `text` is one sentence and whose
events carry no `sentence_span`) skips the span test: the whole record is the sentence. What else must agree depends
on the level:

- ``dyad_root``: CAMEO root and source and target countries;
- ``root``: CAMEO root only;
- ``dyad_code``: countries, and the system code starts with the whole gold code, so a gold "04" accepts a system
  "042" but a gold "042" rejects a system "04";
- ``strict`` (only with ``strict=True``): PETRARCH-style exact triple of event code, full source code and full
  target code.

Gold events with ``"confidence": "medium"`` are optional: matched, they count as true positives; unmatched, they
cost nothing. Required gold events are matched first so that an optional one never takes a system event a required
one needed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dateline.errors import DatelineError
from dateline.eval.io import Span, as_span, gold_record_id, index_system, prf, span_overlap

#: The levels reported by default, and the one reported alone in strict mode.
EVENT_LEVELS: tuple[str, ...] = ("dyad_root", "root", "dyad_code")
STRICT_LEVEL = "strict"

UNKNOWN_COUNTRY = "---"
_NON_DIGITS = re.compile(r"[^0-9]")


def cameo_digits(code: Any) -> str:
    """A CAMEO code reduced to its digits ("174K" -> "174", None -> "")."""
    return _NON_DIGITS.sub("", str(code or ""))


def actor_country(actor: Any) -> str:
    """Country of a gold or system actor, upper-cased.

    An actor is either a CAMEO actor code string ("DAGGOV") or an object with "country" and/or "code"; the country
    is the "country" field, else the first three letters of the code, else "---".
    """
    if isinstance(actor, str):
        return actor[:3].upper() if actor else UNKNOWN_COUNTRY
    if not isinstance(actor, Mapping) or not actor:
        return UNKNOWN_COUNTRY
    country = actor.get("country")
    if country:
        return str(country).upper()
    code = actor.get("code")
    return str(code)[:3].upper() if code else UNKNOWN_COUNTRY


def actor_code(actor: Any) -> str:
    """Full CAMEO actor code of a gold or system actor, upper-cased ("" when it has none)."""
    if isinstance(actor, str):
        return actor.upper()
    if not isinstance(actor, Mapping):
        return ""
    return str(actor.get("code") or "").upper()


@dataclass(frozen=True, slots=True)
class _Event:
    """One event reduced to what matching compares."""

    spans: tuple[Span | None, ...]  # gold: its sentence span; system: trigger-or-sentence span, sentence span
    code: str
    root: str
    source_country: str
    target_country: str
    source_code: str
    target_code: str
    optional: bool = False


def _reduce(event: Mapping[str, Any], spans: tuple[Span | None, ...], *, optional: bool = False) -> _Event:
    code = cameo_digits(event.get("code"))
    return _Event(
        spans=spans,
        code=code,
        # An explicit root wins; otherwise the code's first two digits are its root.
        root=(cameo_digits(event.get("root")) or code)[:2],
        source_country=actor_country(event.get("source")),
        target_country=actor_country(event.get("target")),
        source_code=actor_code(event.get("source")),
        target_code=actor_code(event.get("target")),
        optional=optional,
    )


def _events_of(record: Mapping[str, Any]) -> list[Any]:
    events = record.get("events")
    return list(events) if isinstance(events, list) else []


def is_sentence_level(record: Mapping[str, Any]) -> bool:
    """True for PETRARCH-style gold: the record has a `text` and its (first) event has no sentence span."""
    events = _events_of(record)
    first = events[0] if events else {}
    has_span = isinstance(first, Mapping) and "sentence_span" in first
    return not has_span and "text" in record


def _gold_events(record: Mapping[str, Any], doc_id: str, sentence_level: bool, gold_path: str) -> list[_Event]:
    out: list[_Event] = []
    for number, event in enumerate(_events_of(record), start=1):
        if not isinstance(event, Mapping):
            raise DatelineError("DL501", path=gold_path, reason=f"event {number} of {doc_id!r} is not an object")
        if sentence_level:
            span: Span | None = None  # never compared
        else:
            span = as_span(event.get("sentence_span"))
            if span is None:
                raise DatelineError(
                    "DL501",
                    path=gold_path,
                    reason=f"event {number} of {doc_id!r} has no valid sentence_span [start, end]",
                )
        out.append(_reduce(event, (span,), optional=event.get("confidence") == "medium"))
    return out


def _system_events(record: Mapping[str, Any]) -> list[_Event]:
    out: list[_Event] = []
    for event in _events_of(record):
        if not isinstance(event, Mapping):
            continue
        sentence = as_span(event.get("sentence_span"))
        evidence = as_span(event.get("trigger_span")) or sentence
        out.append(_reduce(event, (evidence, sentence)))
    return out


def _agrees(level: str, gold: _Event, system: _Event) -> bool:
    """Whether a system event that passed the span test codes the gold event right at this level."""
    if level == "root":
        return system.root == gold.root
    same_dyad = system.source_country == gold.source_country and system.target_country == gold.target_country
    if level == "dyad_root":
        return same_dyad and system.root == gold.root
    if level == "dyad_code":
        return same_dyad and system.code.startswith(gold.code)
    # strict: PETRARCH's unit-test convention, exact codes throughout
    return (
        system.code == gold.code and system.source_code == gold.source_code and system.target_code == gold.target_code
    )


def _count(level: str, golds: Sequence[_Event], systems: Sequence[_Event], check_spans: bool) -> tuple[int, int, int]:
    """Greedy one-to-one matching: each gold event takes the first free system event that agrees with it."""
    taken: set[int] = set()
    tp = fn = 0
    # sorted() is stable: required events first, each group in gold order.
    for gold in sorted(golds, key=lambda event: event.optional):
        gold_span = gold.spans[0]
        for index, system in enumerate(systems):
            if index in taken:
                continue
            if check_spans and not any(span_overlap(span, gold_span) for span in system.spans):
                continue
            if _agrees(level, gold, system):
                taken.add(index)
                tp += 1
                break
        else:
            if not gold.optional:
                fn += 1
    return tp, len(systems) - len(taken), fn


def score_events(
    gold: Iterable[Mapping[str, Any]],
    system: Iterable[Mapping[str, Any]],
    *,
    strict: bool = False,
    gold_path: str = "<gold>",
) -> dict[str, Any]:
    """Score system events against gold events (DESIGN.md §4).

    Returns one P/R/F1 block (with tp/fp/fn) per level — dyad_root, root and dyad_code, or strict alone when
    `strict` — plus "documents" (gold records), "missing_in_system" (gold records with no system record of the
    same id; all their required events count as false negatives) and "per_document" ([tp, fp, fn] per level).
    System records whose id is in no gold record are ignored. `gold_path` names the gold in DL501 errors.
    """
    gold = list(gold)
    by_id = index_system(list(system))
    levels = (STRICT_LEVEL,) if strict else EVENT_LEVELS
    totals = {level: [0, 0, 0] for level in levels}
    per_document: list[dict[str, Any]] = []
    missing = 0
    for record in gold:
        if not isinstance(record, Mapping):
            raise DatelineError("DL501", path=gold_path, reason="a record is not a JSON object")
        doc_id = gold_record_id(record, gold_path=gold_path)
        system_record = by_id.get(doc_id)
        if system_record is None:
            missing += 1
            system_record = {}
        sentence_level = is_sentence_level(record)
        golds = _gold_events(record, doc_id, sentence_level, gold_path)
        systems = _system_events(system_record)
        row: dict[str, Any] = {"id": doc_id}
        for level in levels:
            counts = _count(level, golds, systems, check_spans=not sentence_level)
            totals[level] = [total + n for total, n in zip(totals[level], counts, strict=True)]
            row[level] = list(counts)
        per_document.append(row)
    report: dict[str, Any] = {level: prf(*totals[level]) for level in levels}
    report["documents"] = len(gold)
    report["missing_in_system"] = missing
    report["per_document"] = per_document
    return report
