"""Input readers: files, directories and stdin -> Articles, one format per module.

`read_paths` yields an `Article` for each article it can read and a `ReadFailure` (with a coded InputError) for
each input it cannot; a failure never stops the reading of the other inputs, so a run over a large corpus reports
its bad files and goes on. `read_text` makes an Article from a string, for `dateline.analyze(text)`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TextIO

from dateline.errors import InputError
from dateline.model import Article
from dateline.read.feed import read_feed
from dateline.read.html import read_html
from dateline.read.jsonl import looks_like_jsonl, read_json, read_jsonl, read_jsonl_text
from dateline.read.petrarch import read_xml
from dateline.read.text import (
    SNIFF_BYTES,
    ReadFailure,
    build_article,
    check_text,
    decode,
    read_text,
    read_txt,
    short_hash,
    unexpected_failure,
)

__all__ = ["READERS", "STDIN_PATH", "ReadFailure", "read_paths", "read_text"]

Reader = Callable[[Path, str], Article | Iterable[Article | ReadFailure]]

# File suffix (lower-cased) -> reader. A directory is read for exactly these; anything else is skipped.
READERS: dict[str, Reader] = {
    ".txt": read_txt,
    ".html": read_html,
    ".htm": read_html,
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".xml": read_xml,  # PETRARCH sentences when it holds them, else a feed
    ".rss": read_feed,
    ".atom": read_feed,
}

# How stdin is named in Article.path and in errors.
STDIN_PATH = "<stdin>"


def read_paths(
    paths: Iterable[str | Path] | str | Path,
    *,
    stdin: TextIO | None = None,
    on_skip: Callable[[str, str], None] | None = None,
) -> Iterator[Article | ReadFailure]:
    """Read files, directories (recursively, in sorted order) and `-` (stdin), lazily and in the order given.

    `on_skip(path, reason)` hears about files a directory holds that are not articles (unsupported types, hidden
    files); they are not failures. A file named explicitly with an unsupported type is a failure (DL102).
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]  # one path, not a sequence of one-character paths
    for given in paths:
        display = str(given)
        if display == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin)
        elif Path(given).is_dir():
            yield from _read_dir(Path(given), on_skip)
        else:
            yield from _read_file(Path(given), display)


def _read_file(path: Path, display: str) -> Iterator[Article | ReadFailure]:
    if not path.exists():
        yield ReadFailure(display, InputError("DL101", path=display))
        return
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        yield ReadFailure(display, InputError("DL102", suffix=path.suffix, path=display))
        return
    try:
        result = reader(path, display)
        if isinstance(result, Article):
            yield result
        else:
            yield from result
    except InputError as exc:
        yield ReadFailure(display, exc)
    except Exception as exc:  # a parser bug on one odd file must not end a corpus run: report it and go on
        yield unexpected_failure(display, exc)


def _read_dir(root: Path, on_skip: Callable[[str, str], None] | None) -> Iterator[Article | ReadFailure]:
    files, walk_errors = _walk(root, on_skip or _ignore)
    read_any = False
    for error in walk_errors:
        read_any = True
        yield error
    for path in files:
        for item in _read_file(path, str(path)):
            read_any = True
            yield item
    if not read_any:
        yield ReadFailure(str(root), InputError("DL108", path=str(root)))


def _walk(root: Path, on_skip: Callable[[str, str], None]) -> tuple[list[Path], list[ReadFailure]]:
    """Supported files under `root`, sorted; hidden folders (.git, ...) are not entered."""
    files: list[Path] = []
    errors: list[ReadFailure] = []

    def on_error(exc: OSError) -> None:
        where = str(exc.filename or root)
        errors.append(ReadFailure(where, InputError("DL112", path=where, reason=exc.strerror or str(exc))))

    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error):
        for name in sorted(dirnames):
            if name.startswith("."):
                on_skip(os.path.join(dirpath, name), "hidden folder")
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath, name)
            if name.startswith("."):
                on_skip(str(path), "hidden file")
            elif path.suffix.lower() not in READERS:
                on_skip(str(path), f"unsupported file type {path.suffix!r}")
            else:
                files.append(path)
    return sorted(files), errors


def _ignore(path: str, reason: str) -> None:
    pass


def _read_stdin(stream: TextIO) -> Iterator[Article | ReadFailure]:
    """stdin holds one text article, or JSON Lines when every non-empty line is a JSON object."""
    try:
        text = _stdin_text(stream)
    except InputError as exc:
        yield ReadFailure(STDIN_PATH, exc)
        return
    if looks_like_jsonl(text):
        try:
            yield from read_jsonl_text(text, STDIN_PATH)
        except InputError as exc:
            yield ReadFailure(STDIN_PATH, exc)
        return
    try:
        check_text(text, STDIN_PATH)
    except InputError as exc:
        yield ReadFailure(STDIN_PATH, exc)
        return
    yield build_article(text, id=short_hash(text), path=STDIN_PATH)


def _stdin_text(stream: TextIO) -> str:
    """Bytes when the stream has them, so stdin gets the same binary and UTF-8 checks as a file.

    No size limit here: stdin may carry a JSONL stream far larger than one article; limits apply per article.
    """
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return decode(buffer.read(), STDIN_PATH, limit=False)
    text = stream.read()
    if "\x00" in text[:SNIFF_BYTES]:
        raise InputError("DL104", path=STDIN_PATH)
    return check_text(text, STDIN_PATH, limit=False)
