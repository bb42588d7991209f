"""What every export reads: stored articles in a stable order, and helpers over their text."""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import duckdb

from dateline import __version__

CODER = f"dateline {__version__}"
FETCH_ROWS = 256  # articles fetched per round trip while streaming an export
LEAD_MIN_WORDS = 15  # the lead paragraph is the first paragraph of the body with at least this many words
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])|\n\s*")
_PARAGRAPH = re.compile(r"[^\n]+")
_FIELD_BREAKS = str.maketrans({"\t": " ", "\n": " ", "\r": " "})


@dataclass
class StoredArticle:
    """One stored article: its Analysis record (`Analysis.to_dict()` shape) and what only the store knows."""

    article_id: str
    ingested_at: datetime
    text: str | None
    record: dict[str, Any]
    _sentences: list[int] | None = field(default=None, repr=False)
    _lead: tuple[int, int] | None = field(default=None, repr=False)

    def sentence_number(self, offset: int | None) -> int:
        """1-based number of the sentence holding `offset` (GDELT's SentenceID), by a punctuation splitter."""
        if self.text is None or offset is None:
            return 1
        if self._sentences is None:
            self._sentences = [m.end() for m in _SENTENCE_END.finditer(self.text)]
        return bisect.bisect_right(self._sentences, offset) + 1

    def in_lead(self, offset: int | None) -> bool:
        """Whether `offset` is in the lead paragraph: the first paragraph after the dateline with enough words."""
        if self.text is None or offset is None:
            return False
        if self._lead is None:
            start = (self.record.get("dateline") or {}).get("span", [0, 0])[1] or 0
            self._lead = (0, 0)
            for m in _PARAGRAPH.finditer(self.text):
                if m.end() > start and len(m.group().split()) >= LEAD_MIN_WORDS:
                    self._lead = (m.start(), m.end())
                    break
        return self._lead[0] <= offset < self._lead[1]

    @property
    def url(self) -> str | None:
        return self.record.get("url")

    @property
    def citation(self) -> str:
        """URL, or a textual citation (outlet and article id) for documents without one."""
        if self.url:
            return self.url
        return " ".join(p for p in (self.record.get("source"), self.record.get("id")) if p) or self.article_id

    @property
    def source_name(self) -> str:
        """GDELT's SourceCommonName: the web domain without www., else the outlet."""
        if self.url:
            host = urlsplit(self.url).hostname or ""
            return host.removeprefix("www.")
        return self.record.get("source") or ""


def iter_articles(con: duckdb.DuckDBPyConnection) -> Iterator[StoredArticle]:
    """Every stored article, oldest ingest first (ties by content hash), streamed."""
    cursor = con.execute(
        "SELECT article_id, ingested_at, text, analysis FROM articles ORDER BY ingested_at, article_id"
    )
    while True:
        rows = cursor.fetchmany(FETCH_ROWS)
        if not rows:
            return
        for article_id, ingested_at, text, analysis in rows:
            yield StoredArticle(article_id, ingested_at, text, json.loads(analysis))


def clean(value: Any, *, extra: str = "") -> str:
    """A value as one GDELT field: no tabs or line breaks (and none of `extra`, GKG's sub-field delimiters)."""
    if value is None:
        return ""
    text = str(value).translate(_FIELD_BREAKS)
    for ch in extra:
        text = text.replace(ch, " ")
    return text


def number(value: float | None, digits: int = 4) -> str:
    """A float as GDELT writes coordinates: at most `digits` decimals, no trailing zeros ("20", "-77.0364")."""
    if value is None:
        return ""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def timestamp(moment: datetime) -> str:
    """YYYYMMDDHHMMSS."""
    return moment.strftime("%Y%m%d%H%M%S")
