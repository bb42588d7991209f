"""JSON and JSON Lines records: `{"id", "title", "date"|"published", "source", "url", "lang", "text"}`.

The `text` field is the article exactly as given (but for a lone surrogate escape, `\\ud800`, which becomes U+FFFD);
offsets are into it. A record's own fields are its metadata, so only a date marker and a dateline are looked for in
its text.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from dateline.errors import InputError
from dateline.model import Article
from dateline.read.text import (
    SNIFF_BYTES,
    ReadFailure,
    build_article,
    check_binary,
    check_text,
    decode,
    load_bytes,
    replace_surrogates,
    short_hash,
    unexpected_failure,
)

_UNICODE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # also the prefixes of the UTF-32 marks
_TOO_DEEP = "nested too deeply (thousands of levels of lists or objects)"


def record_to_article(record: dict[str, Any], label: str) -> Article:
    """One JSON object -> Article; `label` names it in errors and becomes `Article.path`."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("DL107", path=label)
    text = replace_surrogates(check_text(text, label))
    given_id = _scalar(_first(record, "id", "doc_id", "hid"))  # gold sets name ids differently
    return build_article(
        text,
        id=given_id or short_hash(text),
        path=label,
        headers=False,
        title=_scalar(record.get("title")),
        published=_scalar(_first(record, "date", "published")),
        source=_scalar(record.get("source")),
        url=_scalar(record.get("url")),
        lang=_scalar(_first(record, "lang", "language")),
    )


def _first(record: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        if record.get(key) not in (None, ""):
            return record[key]
    return None


def _scalar(value: Any) -> str | None:
    """A metadata field as text: numbers become strings (ids are often ints); lists and objects are ignored."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (str, int, float)):
        return str(value).strip() or None
    return None


def read_json(path: Path, display: str) -> Iterator[Article | ReadFailure]:
    """A `.json` file: one object, or a list of objects (item n is reported as `file#n`)."""
    text = decode(load_bytes(path, display), display)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError("DL106", path=display, reason=f"{exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except RecursionError:
        raise InputError("DL106", path=display, reason=_TOO_DEEP) from None
    if isinstance(data, dict):
        yield record_to_article(data, display)
        return
    if not isinstance(data, list):
        raise InputError("DL106", path=display, reason="expected an object or a list of objects")
    if not data:
        raise InputError("DL103", path=display)
    for n, item in enumerate(data, 1):
        label = f"{display}#{n}"
        try:
            if not isinstance(item, dict):
                raise InputError("DL106", path=label, reason="item is not a JSON object")
            yield record_to_article(item, label)
        except InputError as exc:
            yield ReadFailure(label, exc)
        except Exception as exc:  # one odd record must not end the reading of the others
            yield unexpected_failure(label, exc)


def read_jsonl(path: Path, display: str) -> Iterator[Article | ReadFailure]:
    """A `.jsonl` file, streamed line by line (corpora run to millions of records); a bad line is reported as
    `file:line` and reading goes on."""
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
            if head.startswith(_UNICODE_BOMS):
                # UTF-16/32 cannot be split on b"\n": decode it whole.
                lines: Iterable[str | bytes] = decode(load_bytes(path, display), display).split("\n")
            else:
                check_binary(head, display)
                handle.seek(0)
                lines = handle
            yield from _read_lines(lines, display)
    except FileNotFoundError:
        raise InputError("DL101", path=display) from None
    except OSError as exc:
        raise InputError("DL112", path=display, reason=exc.strerror or str(exc)) from None


def read_jsonl_text(text: str, display: str) -> Iterator[Article | ReadFailure]:
    """JSON Lines already decoded (stdin)."""
    yield from _read_lines(text.split("\n"), display)


def _read_lines(lines: Iterable[str | bytes], display: str) -> Iterator[Article | ReadFailure]:
    offset = 0  # byte offset of the current line, for DL105 positions
    seen = False
    for lineno, raw in enumerate(lines, 1):
        label = f"{display}:{lineno}"
        try:
            line = _decode_line(raw, offset, display)
        except InputError as exc:
            seen = True
            yield ReadFailure(label, exc)
            continue
        finally:
            offset += len(raw)
        if lineno == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip():
            continue
        seen = True
        try:
            yield record_to_article(parse_object(line, label), label)
        except InputError as exc:
            yield ReadFailure(label, exc)
        except Exception as exc:  # one odd record must not end the reading of the others
            yield unexpected_failure(label, exc)
    if not seen:
        raise InputError("DL103", path=display)


def _decode_line(raw: str | bytes, offset: int, display: str) -> str:
    if isinstance(raw, str):
        return raw
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError("DL105", path=display, position=offset + exc.start) from None


def parse_object(line: str, label: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError("DL106", path=label, reason=f"{exc.msg} at column {exc.colno}") from None
    except RecursionError:  # not a JSONDecodeError: uncaught, it would end the reading of the whole file
        raise InputError("DL106", path=label, reason=_TOO_DEEP) from None
    if not isinstance(record, dict):
        raise InputError("DL106", path=label, reason="the line is not a JSON object")
    return record


def looks_like_jsonl(text: str) -> bool:
    """True when every non-empty line is a JSON object: how stdin tells JSON Lines from prose."""
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines:
        return False
    for line in lines:
        try:
            if not isinstance(json.loads(line), dict):
                return False
        except (json.JSONDecodeError, RecursionError):
            return False
    return True
