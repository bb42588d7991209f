"""Plain-text articles, and the byte checks every reader shares (binary, encoding, size, emptiness).

A `.txt` file's whole decoded content is `Article.text`: nothing is stripped, so every offset dateline reports
points into the file as a user opens it. The one exception is a byte-order mark: it is an encoding signature,
not content, and editors do not show it, so it is dropped on decoding (`utf-8-sig`) and offsets count from the
first real character.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from dateline.errors import InputError
from dateline.model import Article, content_hash
from dateline.read.meta import dateline_published, normalize_date, parse_leading, year_of

# Longest article accepted, in characters: far above any real article (the longest newswire stories are ~100k),
# low enough that a mistaken 50 MB log file is refused before the NLP stage tries to hold it in memory.
MAX_CHARS = 20_000_000
# UTF-8 needs at most 4 bytes a character: a file larger than this is over MAX_CHARS without reading it.
MAX_BYTES = MAX_CHARS * 4
# How much of a file is sniffed for NUL bytes (the same window git and grep use).
SNIFF_BYTES = 8192
_SURROGATES = re.compile("[\ud800-\udfff]")

# Signatures of binary formats that are sometimes named .txt or .json by mistake.
_MAGIC = (
    b"\x89PNG",
    b"%PDF-",
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"\x1f\x8b",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"\x7fELF",
    b"\xfd7zXZ\x00",
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!\x1a\x07",
    b"\xd0\xcf\x11\xe0",
    b"SQLite format 3\x00",
    b"OggS",
    b"ID3",
)
# Byte-order marks, longest first: a UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass
class ReadFailure:
    """An input that could not become an Article; reading goes on with the next one."""

    path: str  # the file, "file:line" for a JSONL line, "file#n" for the n-th item of a feed or JSON list
    error: InputError


def unexpected_failure(label: str, exc: Exception) -> ReadFailure:
    """A parser bug on one odd file or record, reported as DL112 so that reading goes on with the next one."""
    return ReadFailure(label, InputError("DL112", path=label, reason=f"{type(exc).__name__}: {exc}"))


def load_bytes(path: Path, display: str) -> bytes:
    """The file's bytes; a missing, unreadable or hopelessly large file is an InputError."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError("DL111", path=display, size=f"at least {size // 4:,}", limit=f"{MAX_CHARS:,}")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("DL101", path=display) from None
    except OSError as exc:
        raise InputError("DL112", path=display, reason=exc.strerror or str(exc)) from None


def check_binary(data: bytes, display: str) -> None:
    head = data[:SNIFF_BYTES]
    if head.startswith(_MAGIC) or b"\x00" in head:
        raise InputError("DL104", path=display)


def decode(data: bytes, display: str, *, encoding: str | None = None, limit: bool = True) -> str:
    """Bytes -> text: UTF-16/32 when a BOM says so, `encoding` when the caller knows it, else strict UTF-8.

    Refuses binary data, invalid UTF-8 (with the byte offset of the first bad byte), empty text and, unless
    `limit` is False (a stream of many records, limited per record), text over MAX_CHARS.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError("DL112", path=display, reason=f"invalid {codec.upper()} at byte {exc.start}") from None
            return check_text(text, display, limit=limit)
    check_binary(data, display)
    if encoding is not None:
        return check_text(data.decode(encoding, errors="replace"), display, limit=limit)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # utf-8-sig counts from after the BOM; report the offset in the file as it is on disk.
        offset = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
        raise InputError("DL105", path=display, position=exc.start + offset) from None
    return check_text(text, display, limit=limit)


def replace_surrogates(text: str) -> str:
    """Lone surrogates (a JSON `\\ud800` escape gives one) as U+FFFD: one character for one, so offsets stay.

    A surrogate is no character: UTF-8 cannot encode it, so the NLP stage and the store could not take the text.
    """
    return _SURROGATES.sub("\ufffd", text) if _SURROGATES.search(text) else text


def check_text(text: str, display: str, *, limit: bool = True) -> str:
    if not text or text.isspace():  # not `text.strip()`: that copies a text of many megabytes
        raise InputError("DL103", path=display)
    if limit and len(text) > MAX_CHARS:
        raise InputError("DL111", path=display, size=f"{len(text):,}", limit=f"{MAX_CHARS:,}")
    return text


def read_txt(path: Path, display: str) -> Article:
    """One `.txt` file -> one Article with id = the file's stem."""
    text = decode(load_bytes(path, display), display)
    return build_article(text, id=path.name, path=display)  # the file name: what gold files call documents


def short_hash(text: str) -> str:
    """Id of an article that came without one: stable across runs, so re-ingesting finds the same record."""
    return content_hash(text)[:16]


def build_article(
    text: str,
    *,
    id: str,
    path: str | None,
    headers: bool = True,
    start: int = 0,
    title: str | None = None,
    published: str | None = None,
    source: str | None = None,
    url: str | None = None,
    lang: str | None = None,
) -> Article:
    """An Article from its exact text plus what the caller knows; the text's own metadata fills the gaps.

    Fields given by the caller (JSON fields, HTML metadata, keyword arguments) win over what the text's header
    block says, which wins over what a dateline implies ("(Reuters)" as the source, "August 11" as the date).
    """
    leading = parse_leading(text, headers=headers, start=start)
    fields = leading.fields
    raw_date = published or fields.get("published")
    iso = normalize_date(raw_date) or dateline_published(leading.dateline_date, year_of(raw_date))
    return Article(
        text=text,
        id=id,
        title=title or fields.get("title"),
        published=iso,
        source=source or fields.get("source") or leading.source,
        url=url or fields.get("url"),
        lang=lang or fields.get("lang"),
        path=path,
        body_start=leading.body_start,
        dateline=leading.dateline,
    )


def read_text(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    published: str | None = None,
    source: str | None = None,
    url: str | None = None,
    path: str | None = None,
) -> Article:
    """An Article from a string, read like a `.txt` file; the keyword arguments override what the text says.

    Raises InputError DL103 for blank text and DL111 for text over MAX_CHARS.
    """
    check_text(text, path or "<text>")
    return build_article(
        text,
        id=id or short_hash(text),
        path=path,
        title=title,
        published=published,
        source=source,
        url=url,
    )
