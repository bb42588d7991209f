"""PETRARCH's XML input: `<Sentences><Sentence date="YYYYMMDD" id=".." source=".."><Text>..</Text>
<Parse>..</Parse></Sentence>...`, one Article per `<Sentence>` (its id, its date as `published`).

The `<Parse>` (a Penn Treebank tree from CoreNLP) is optional and not used: dateline parses the text itself. The text
is the `<Text>` content with its line breaks and runs of spaces made single spaces (PETRARCH reads it so too);
offsets point into that. `.xml` files are sniffed: a PETRARCH file holds `<Sentence` elements, anything else goes to
the RSS/Atom reader.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from dateline.errors import InputError
from dateline.model import Article
from dateline.read.feed import read_feed
from dateline.read.text import ReadFailure, check_binary, decode, load_bytes, replace_surrogates, unexpected_failure

_SNIFF = 65_536
_PETRARCH_ROOTS = re.compile(rb"<\s*(Sentences|Sentence|Validation)\b")
_FEED_ROOTS = re.compile(rb"<\s*(rss|feed|rdf:RDF|channel)\b", re.IGNORECASE)


def read_xml(path: Path, display: str) -> Iterator[Article | ReadFailure]:
    """A `.xml` file: PETRARCH sentences when it holds them, else an RSS/Atom feed."""
    data = load_bytes(path, display)
    if is_petrarch_xml(data):
        yield from read_petrarch_bytes(data, display)
    else:
        yield from read_feed(path, display)


def is_petrarch_xml(data: bytes) -> bool:
    head = data[:_SNIFF]
    petrarch = _PETRARCH_ROOTS.search(head)
    feed = _FEED_ROOTS.search(head)
    return petrarch is not None and (feed is None or petrarch.start() < feed.start())


def read_petrarch_bytes(data: bytes, display: str) -> Iterator[Article | ReadFailure]:
    """Each `<Sentence>` -> an Article (reported as `file#id` when it fails); DL130 when the XML is broken."""
    check_binary(data, display)
    text = decode(data, display, limit=False)
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise InputError("DL130", path=display, reason=str(exc)) from None
    sentences = [root] if root.tag == "Sentence" else list(root.iter("Sentence"))
    if not sentences:
        raise InputError("DL130", path=display, reason="no <Sentence> elements")
    for number, element in enumerate(sentences, 1):
        label = f"{display}#{element.get('id') or number}"
        try:
            yield sentence_article(element, label)
        except InputError as exc:
            yield ReadFailure(label, exc)
        except Exception as exc:  # one odd record must not end the reading of the others
            yield unexpected_failure(label, exc)


def sentence_article(element: ET.Element, label: str) -> Article:
    body = element.find("Text")
    raw = "".join(body.itertext()) if body is not None else ""
    text = replace_surrogates(" ".join(raw.split()))
    if not text:
        raise InputError("DL131", path=label)
    return Article(
        text=text,
        id=(element.get("id") or "").strip() or label,
        published=petrarch_date(element.get("date")),
        source=(element.get("source") or "").strip() or None,
        path=label,
    )


def petrarch_date(raw: str | None) -> str | None:
    """'19950101' (PETRARCH's YYYYMMDD) -> '1995-01-01'; an ISO date is kept; anything else is no date."""
    value = (raw or "").strip()
    if re.fullmatch(r"\d{8}", value):
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    return None
