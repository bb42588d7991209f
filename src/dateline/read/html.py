"""HTML pages: the main text via trafilatura, and HTML fragments (feed summaries) flattened to plain text.

The page's boilerplate (menus, footers, comments) is not the article; offsets are into the extracted text.
"""

from __future__ import annotations

import codecs
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import trafilatura

from dateline.errors import InputError
from dateline.model import Article
from dateline.read.meta import normalize_date
from dateline.read.text import build_article, check_text, decode, load_bytes

# trafilatura's last-resort extractor returns whatever text a page has, menus included: a "main text" of fewer
# words than this is a navigation bar, not an article (a nav-only page gives "Home | World", 2 words).
MIN_HTML_WORDS = 3

_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def read_html(path: Path, display: str) -> Article:
    """One `.html`/`.htm` page -> one Article with id = the file's stem."""
    data = load_bytes(path, display)
    page = decode(data, display, encoding=_declared_charset(data))
    return article_from_html(page, id=path.name, path=display)


def article_from_html(page: str, *, id: str, path: str) -> Article:
    try:
        extracted = trafilatura.extract(
            page, output_format="json", with_metadata=True, include_comments=False, deduplicate=False
        )
    except Exception:  # a page lxml cannot make sense of has, for us, no main text: report it, read on
        extracted = None
    record = json.loads(extracted) if extracted else {}
    text = (record.get("text") or "").rstrip()
    if len(re.findall(r"\w+", text)) < MIN_HTML_WORDS:
        raise InputError("DL110", path=path)
    check_text(text, path)
    title = record.get("title") or None
    # trafilatura repeats an in-article headline as the first line of the text: the body starts after it.
    start = len(title) + 1 if title and text.startswith(title + "\n") else 0
    return build_article(
        text,
        id=id,
        path=path,
        headers=False,
        start=start,
        title=title,
        published=normalize_date(record.get("date")),
        source=record.get("source-hostname") or record.get("hostname") or None,
        url=record.get("source") or None,
        lang=record.get("language") or None,
    )


def _declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag, when Python knows it and it is not UTF-8 (checked strictly)."""
    m = _CHARSET_RE.search(data[:4096])
    if not m:
        return None
    try:
        codec = codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None
    return None if codec in ("utf-8", "utf-8-sig") else codec


_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "table", "hr", "pre"}
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template"})


class _TextCollector(HTMLParser):
    """Collects the text of an HTML fragment: block elements become paragraph breaks, scripts are dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: tags gone, entities decoded, paragraphs separated by one blank line."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    paragraphs = []
    for block in "".join(collector.parts).split("\n\n"):
        words = " ".join(block.split())
        if words:
            paragraphs.append(words)
    return "\n\n".join(paragraphs)
