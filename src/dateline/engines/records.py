"""Records that cross a process or machine boundary: Analysis and Article to and from JSON, errors to and from plain
values.

`Analysis` and `Article` are plain dataclasses: they pickle as they are (the local engine sends them so). Ray's
Parquet partitions hold them as JSON (`Analysis.to_json()`), and `analysis_from_dict` rebuilds the very same record
from it (spans become tuples again), so a record that went through Parquet stores and prints exactly like one that
did not. `DatelineError` does not pickle (its constructor takes keyword fields), so errors travel as
`(class name, code, fields)`.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import cache
from typing import Any

from dateline import errors
from dateline.errors import DatelineError
from dateline.model import Analysis, Article

ErrorRecord = tuple[str, str, dict[str, Any]]


def error_record(exc: DatelineError) -> ErrorRecord:
    """A DatelineError as plain values that pickle and JSON-encode."""
    return (type(exc).__name__, exc.code, {k: _plain_field(v) for k, v in exc.fields.items()})


def error_from_record(record: ErrorRecord | list) -> DatelineError:
    name, code, fields = record
    cls = getattr(errors, name, DatelineError)
    if not (isinstance(cls, type) and issubclass(cls, DatelineError)):
        cls = DatelineError
    try:
        return cls(code, **fields)
    except (KeyError, IndexError, ValueError):  # a code or field this version does not know
        return DatelineError("DL114", path=fields.get("path", "<article>"), reason=f"{code} {fields}")


def _plain_field(value: Any) -> Any:
    return value if isinstance(value, (str, int, float, bool, type(None))) else str(value)


def analysis_from_dict(record: dict[str, Any]) -> Analysis:
    """The inverse of `Analysis.to_dict()`: `analysis_from_dict(a.to_dict()) == a`."""
    return _build(Analysis, record)


def analysis_from_json(text: str) -> Analysis:
    return analysis_from_dict(json.loads(text))


def article_to_json(article: Article) -> str:
    return json.dumps(dataclasses.asdict(article), ensure_ascii=False)


def article_from_json(text: str) -> Article:
    return _build(Article, json.loads(text))


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _build(cls: type, record: dict[str, Any]) -> Any:
    hints = _hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: _convert(hints[k], v) for k, v in record.items() if k in names})


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _convert(options[0], value) if len(options) == 1 else value
    if origin is list:
        (item,) = typing.get_args(hint) or (Any,)
        return [_convert(item, v) for v in value]
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v) for v in value)
        return tuple(_convert(a, v) for a, v in zip(args, value, strict=False))
    if dataclasses.is_dataclass(hint) and isinstance(value, dict):
        return _build(hint, value)
    return value
