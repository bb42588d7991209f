"""PETRARCH-2's tab-separated event output, written from dateline's `Analysis` records.

One line per event, as PETRARCH-2 writes its events file:

    date  source  target  code  issues  ids  [url]  outlet

- date: YYYYMMDD, the article's date (PETRARCH's story date), else the event's;
- source / target: CAMEO actor codes ('---' for an unknown side);
- code: the CAMEO event code;
- issues: `CODE,count;CODE,count` from an issues dictionary, empty without one;
- ids: the sentence: the article id for a PETRARCH XML sentence (one sentence per article), else
  `{article id}-{offset}` with the sentence's start offset in the article text;
- url: only when the article has one (PETRARCH leaves the column out otherwise);
- outlet: the article's source, `NULL` when unknown.

Like PETRARCH, one (date, source, target, code) is written once per article, with the ids of all its sentences.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TextIO

from dateline.model import Analysis, Event
from dateline.petrarch.dictionaries import Issues


def petrarch_rows(analysis: Analysis, text: str | None = None, issues: Issues | None = None) -> list[list[str]]:
    """The article's events as PETRARCH TSV rows (lists of fields). `text` (the article text) and `issues` (an
    issues dictionary, `PetrarchDictionaries.issues`) fill the issues column."""
    rows: dict[tuple[str, str, str, str], list] = {}
    for event in analysis.events:
        date = _yyyymmdd(analysis.published or event.date)  # PETRARCH writes the story date
        target = event.target.code if event.target else "---"
        key = (date, event.source.code or "---", target or "---", event.code)
        sentence_id = _sentence_id(analysis, event)
        row = rows.setdefault(key, [[], Counter()])
        if sentence_id not in row[0]:
            row[0].append(sentence_id)
            if text is not None and issues is not None:
                start, end = event.sentence_span
                row[1].update(issue_counts(text[start:end], issues))
    out = []
    for (date, source, target, code), (ids, counted) in rows.items():
        issue_field = ";".join(f"{name},{n}" for name, n in sorted(counted.items()))
        fields = [date, source, target, code, issue_field, ";".join(ids)]
        if analysis.url:
            fields.append(analysis.url)
        fields.append(analysis.source or "NULL")
        out.append([_clean(f) for f in fields])
    return out


def write_events(items: Iterable[tuple[Analysis, str | None]], out: TextIO, issues: Issues | None = None) -> int:
    """Write the events of (analysis, text) pairs as PETRARCH TSV lines; returns the number of lines."""
    lines = 0
    for analysis, text in items:
        for row in petrarch_rows(analysis, text, issues):
            out.write("\t".join(row) + "\n")
            lines += 1
    return lines


def issue_counts(sentence: str, issues: Issues) -> Counter[str]:
    """Issue codes with the number of their phrases in a sentence; none when it holds an ignore phrase."""
    padded = " " + " ".join("".join(ch if ch.isalnum() or ch in "-'" else " " for ch in sentence.upper()).split()) + " "
    if any(phrase in padded for phrase in issues.ignore):
        return Counter()
    return Counter(code for phrase, code in issues.phrases if phrase in padded)


def _sentence_id(analysis: Analysis, event: Event) -> str:
    start, end = event.sentence_span
    if start == 0 and end >= analysis.text_length - 1:  # the article is one sentence (PETRARCH XML input)
        return analysis.id
    return f"{analysis.id}-{start}"


def _yyyymmdd(date: str | None) -> str:
    return (date or "").replace("-", "")[:8]


def _clean(field: str) -> str:
    return " ".join(str(field).replace("\t", " ").splitlines())
