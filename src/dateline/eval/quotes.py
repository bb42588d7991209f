"""Quotation accuracy (DESIGN.md §4): content spans matched one to one, then the speaker checked.

A system quote matches a gold quote when the characters they share are at least half of each one's length, so
neither a fragment nor a run-on swallowing the next sentence counts. Matched pairs are scored in the gold quote's
bucket (direct and mixed together, or indirect); an unmatched system quote is a false positive in its own type's
bucket. Gold comes as our own format (content_span or quote_char_span, speaker_resolved) or PolNeAR's
(quote_char_span, speaker_text, speaker_char_span).

The speaker of a matched quote is right when the system mention span overlaps the gold speaker span (PolNeAR marks
"sources", "the Post" and so on, so the span is what identifies them), or when the names share the gold name's last
word (or the system name's last word is in the gold name): "Garayev" and "Azer Garayev" are the same person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from dateline.errors import DatelineError
from dateline.eval.io import Span, as_span, gold_record_id, index_system, prf, span_overlap

QUOTE_BUCKETS: tuple[str, ...] = ("direct_mixed", "indirect", "all")

# Honorifics and articles say nothing about who is speaking.
_NAME_NOISE = frozenset({"the", "a", "an", "mr", "mrs", "ms", "dr"})
# A gold speaker recorded as a pronoun cannot be compared by name; the span test still applies.
_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "it", "i", "we", "his", "its", "their"})
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class _Quote:
    span: Span | None
    bucket: str  # "indirect" or "direct_mixed"
    speaker_name: str | None
    speaker_span: Span | None


def _bucket(quote_type: Any) -> str:
    return "indirect" if quote_type == "indirect" else "direct_mixed"


def _name_words(name: Any) -> list[str]:
    return [word for word in _WORD.findall(str(name or "").lower()) if word not in _NAME_NOISE]


def _quotes_of(record: Mapping[str, Any]) -> list[Any]:
    quotes = record.get("quotes")
    return list(quotes) if isinstance(quotes, list) else []


def _gold_quotes(record: Mapping[str, Any], doc_id: str, gold_path: str) -> list[_Quote]:
    out: list[_Quote] = []
    for number, quote in enumerate(_quotes_of(record), start=1):
        if not isinstance(quote, Mapping):
            raise DatelineError("DL501", path=gold_path, reason=f"quote {number} of {doc_id!r} is not an object")
        raw_span = quote.get("content_span") or quote.get("quote_char_span")
        span = as_span(raw_span)
        if raw_span and span is None:
            raise DatelineError(
                "DL501", path=gold_path, reason=f"quote {number} of {doc_id!r} has a malformed span {raw_span!r}"
            )
        speaker = quote.get("speaker")
        if isinstance(speaker, Mapping):
            speaker = speaker.get("name")
        out.append(
            _Quote(
                span=span,
                bucket=_bucket(quote.get("type", "indirect")),
                # The resolved name beats the surface mention ("He" -> "Azer Garayev").
                speaker_name=quote.get("speaker_resolved") or speaker or quote.get("speaker_text"),
                speaker_span=as_span(quote.get("speaker_mention_span") or quote.get("speaker_char_span")),
            )
        )
    return out


def _system_quotes(record: Mapping[str, Any]) -> list[_Quote]:
    out: list[_Quote] = []
    for quote in _quotes_of(record):
        if not isinstance(quote, Mapping):
            continue
        speaker = quote.get("speaker") or {}
        if isinstance(speaker, str):
            speaker = {"name": speaker}
        if not isinstance(speaker, Mapping):
            speaker = {}
        out.append(
            _Quote(
                span=as_span(quote.get("content_span")),
                bucket=_bucket(quote.get("type", "indirect")),
                speaker_name=speaker.get("name") or speaker.get("mention"),
                speaker_span=as_span(speaker.get("mention_span")),
            )
        )
    return out


def _spans_match(gold: Span | None, system: Span | None) -> bool:
    """At least half of each span lies in the other."""
    if gold is None or system is None:
        return False
    shared = span_overlap(gold, system)
    return shared >= 0.5 * (gold[1] - gold[0]) and shared >= 0.5 * (system[1] - system[0])


def same_speaker(gold: _Quote, system: _Quote) -> bool:
    """Whether the system speaker is the gold speaker, by mention span or by (last) name."""
    if system.speaker_name is None:
        return False
    if span_overlap(gold.speaker_span, system.speaker_span):
        return True
    gold_words = [word for word in _name_words(gold.speaker_name) if word not in _PRONOUNS]
    system_words = _name_words(system.speaker_name)
    if not gold_words or not system_words:
        return False
    return gold_words[-1] in system_words or system_words[-1] in gold_words


def score_quotes(
    gold: Iterable[Mapping[str, Any]],
    system: Iterable[Mapping[str, Any]],
    *,
    gold_path: str = "<gold>",
) -> dict[str, Any]:
    """Score system quotations against gold (DESIGN.md §4).

    Returns P/R/F1 blocks "direct_mixed", "indirect" and "all"; "speaker_accuracy" (right speakers over matched
    quotes); "end_to_end" (a quote counts only with its right speaker: a wrong speaker is both a false positive and
    a false negative); "documents" and "missing_in_system". `gold_path` names the gold in DL501 errors.
    """
    gold = list(gold)
    by_id = index_system(list(system))
    counts = {bucket: [0, 0, 0] for bucket in QUOTE_BUCKETS}
    end_to_end = [0, 0, 0]
    speakers_right = matched = missing = 0
    for record in gold:
        if not isinstance(record, Mapping):
            raise DatelineError("DL501", path=gold_path, reason="a record is not a JSON object")
        doc_id = gold_record_id(record, gold_path=gold_path)
        system_record = by_id.get(doc_id)
        if system_record is None:
            missing += 1
            system_record = {}
        systems = _system_quotes(system_record)
        taken: set[int] = set()
        for gold_quote in _gold_quotes(record, doc_id, gold_path):
            hit = next(
                (i for i, sq in enumerate(systems) if i not in taken and _spans_match(gold_quote.span, sq.span)),
                None,
            )
            if hit is None:
                for bucket in (gold_quote.bucket, "all"):
                    counts[bucket][2] += 1
                end_to_end[2] += 1
                continue
            taken.add(hit)
            for bucket in (gold_quote.bucket, "all"):
                counts[bucket][0] += 1
            matched += 1
            if same_speaker(gold_quote, systems[hit]):
                speakers_right += 1
                end_to_end[0] += 1
            else:
                end_to_end[1] += 1
                end_to_end[2] += 1
        for index, system_quote in enumerate(systems):
            if index not in taken:
                for bucket in (system_quote.bucket, "all"):
                    counts[bucket][1] += 1
                end_to_end[1] += 1
    report: dict[str, Any] = {bucket: prf(*counts[bucket]) for bucket in QUOTE_BUCKETS}
    report["speaker_accuracy"] = round(speakers_right / matched, 4) if matched else 0.0
    report["end_to_end"] = prf(*end_to_end)
    report["documents"] = len(gold)
    report["missing_in_system"] = missing
    return report
