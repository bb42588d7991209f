"""RSS and Atom feeds: one Article per item, its text the item's content (or summary) without HTML tags."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser

from dateline.errors import InputError
from dateline.model import Article
from dateline.read.html import html_to_text
from dateline.read.meta import normalize_date
from dateline.read.text import (
    ReadFailure,
    build_article,
    check_binary,
    check_text,
    load_bytes,
    replace_surrogates,
    short_hash,
    unexpected_failure,
)


def read_feed(path: Path, display: str) -> Iterator[Article | ReadFailure]:
    """A `.xml`/`.rss`/`.atom` file; item n is reported as `file#n`. A document that is no feed is DL109."""
    data = load_bytes(path, display)
    if not data.strip():
        raise InputError("DL103", path=display)
    check_binary(data, display)
    # Bytes, never a string: feedparser fetches a string that looks like a URL.
    parsed = feedparser.parse(data)
    if not parsed.get("version"):
        reason = parsed.get("bozo_exception") or "no RSS or Atom channel or feed element"
        raise InputError("DL109", path=display, reason=str(reason))
    if not parsed.entries:
        raise InputError("DL109", path=display, reason="the feed has no items")
    channel = parsed.get("feed", {})
    for n, entry in enumerate(parsed.entries, 1):
        label = f"{display}#{n}"
        try:
            yield entry_to_article(entry, label, outlet=channel.get("title"), lang=channel.get("language"))
        except InputError as exc:
            yield ReadFailure(label, exc)
        except Exception as exc:  # one odd item must not end the reading of the others
            yield unexpected_failure(label, exc)


def entry_to_article(entry: Any, label: str, *, outlet: str | None, lang: str | None) -> Article:
    text = replace_surrogates(_entry_text(entry))
    if not text:
        raise InputError("DL113", path=label)
    check_text(text, label)
    source = entry.get("source", {}).get("title") or outlet  # aggregators name the original outlet per item
    return build_article(
        text,
        id=entry.get("id") or entry.get("link") or short_hash(text),
        path=label,
        headers=False,
        title=(entry.get("title") or "").strip() or None,
        published=_entry_date(entry),
        source=(source or "").strip() or None,
        url=entry.get("link") or None,
        lang=lang or None,
    )


def _entry_text(entry: Any) -> str:
    """The fullest text an item carries: content:encoded / Atom content, else the summary or description."""
    for detail in [*entry.get("content", []), entry.get("summary_detail")]:
        if not detail or not (detail.get("value") or "").strip():
            continue
        value = detail["value"]
        if detail.get("type") == "text/plain":
            return value.strip()
        return html_to_text(value)
    return ""


def _entry_date(entry: Any) -> str | None:
    """The item's publication date as the outlet wrote it (its local date), else feedparser's UTC reading."""
    for key in ("published", "updated"):
        if iso := normalize_date(entry.get(key)):
            return iso
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if isinstance(parsed, time.struct_time):
            return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"
    return None
