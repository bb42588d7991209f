"""Input readers: every format, the leading-metadata parsers, and every input failure code."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from dateline.errors import InputError
from dateline.model import Article
from dateline.read import ReadFailure, read_paths, read_text
from dateline.read.html import html_to_text
from dateline.read.meta import normalize_date, title_place
from dateline.read.text import MAX_CHARS

SEED_STYLE = (
    " date 2024-03-05 KYIV, Ukraine, March 5. The meeting of the foreign ministers of Ukraine and Poland in Kyiv"
    " at the invitation of the Ukrainian side is a step towards closer cooperation, an analyst told reporters.\n\n"
    "He said the talks would continue in Warsaw next month.\n"
)


def read_all(*paths: str | Path, **kwargs) -> list[Article | ReadFailure]:
    return list(read_paths(list(paths), **kwargs))


def read_one(path: str | Path) -> Article:
    [item] = read_all(path)
    assert isinstance(item, Article), item
    return item


def failure(path: str | Path) -> ReadFailure:
    [item] = read_all(path)
    assert isinstance(item, ReadFailure), item
    return item


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


# --- .txt and leading metadata ---------------------------------------------------------------------------------


def test_read_txt_seed_style_date_marker_and_dateline(tmp_path: Path) -> None:
    path = write(tmp_path / "kyiv_talks.txt", SEED_STYLE)
    article = read_one(path)
    assert article.text == SEED_STYLE  # nothing stripped: offsets are into the file as it is
    assert article.id == "kyiv_talks.txt"
    assert article.path == str(path)
    assert article.published == "2024-03-05"
    assert article.dateline is not None
    assert article.dateline.place == "Kyiv"
    assert article.dateline.country == "Ukraine"
    start, end = article.dateline.span
    assert SEED_STYLE[start:end] == "KYIV"
    assert SEED_STYLE[article.body_start :].startswith("The meeting of")
    assert article.body_start == len(" date 2024-03-05 KYIV, Ukraine, March 5. ")
    assert article.title is None
    assert article.source is None
    assert article.lang is None


def test_read_txt_header_block(tmp_path: Path) -> None:
    text = (
        "Title: Ministers resume prisoner talks\n"
        "Date: March 5, 2024\n"
        "Source: Example Wire\n"
        "URL: https://example.org/talks\n"
        "\n"
        "KYIV, Ukraine — Ministers met on Tuesday.\n"
    )
    article = read_one(write(tmp_path / "talks.txt", text))
    assert article.text == text
    assert article.title == "Ministers resume prisoner talks"
    assert article.published == "2024-03-05"
    assert article.source == "Example Wire"
    assert article.url == "https://example.org/talks"
    assert text[article.body_start :].startswith("Ministers met")
    start, end = article.dateline.span
    assert text[start:end] == "KYIV"


def test_read_txt_reuters_dateline(tmp_path: Path) -> None:
    text = "WASHINGTON (Reuters) - The Senate voted on Tuesday to extend sanctions."
    article = read_one(write(tmp_path / "senate.txt", text))
    assert article.source == "Reuters"
    assert article.dateline.place == "Washington"
    assert article.dateline.country is None
    assert text[slice(*article.dateline.span)] == "WASHINGTON"
    assert text[article.body_start :].startswith("The Senate")
    assert article.published is None  # no date anywhere


@pytest.mark.parametrize(
    ("text", "place", "country", "source", "published", "body"),
    [
        ("MOSCOW, March 3 (AP) — Officials said.", "Moscow", None, "AP", None, "Officials"),
        ("KYIV, Ukraine — The ministers met.", "Kyiv", "Ukraine", None, None, "The ministers"),
        ("BAKU, Azerbaijan, August 11. The visit began.", "Baku", "Azerbaijan", None, None, "The visit"),
        (
            "LAGOS, Nigeria, Aug. 11, 2025 (Reuters) -- Police said.",
            "Lagos",
            "Nigeria",
            "Reuters",
            "2025-08-11",
            "Police",
        ),
        ("LONDON, 11 August 2023 (Reuters) - Britain said.", "London", None, "Reuters", "2023-08-11", "Britain"),
        ("RIO DE JANEIRO, Brazil — Leaders met.", "Rio de Janeiro", "Brazil", None, None, "Leaders"),
        ("ST. PETERSBURG, Russia — Talks began.", "St. Petersburg", "Russia", None, None, "Talks"),
        ("SPRINGFIELD, Ill. (AP) — Lawmakers voted.", "Springfield", "United States", "AP", None, "Lawmakers"),
        ("NEW DELHI: The government said.", "New Delhi", None, None, None, "The government"),
        ("WASHINGTON—The president said.", "Washington", None, None, None, "The president"),
        ("Baku, Aug. 11 (Trend) — Officials said.", "Baku", None, "Trend", None, "Officials"),
        ("Amman, Jordan (CNN) ISIS militants attacked.", "Amman", "Jordan", "CNN", None, "ISIS"),
        ("WASHINGTON (CBSDC/AP) — The president said.", "Washington", None, "CBSDC/AP", None, "The president"),
        ("STEUBENVILLE, Ohio | A hush fell.", "Steubenville", "United States", None, None, "A hush"),
        ("BAKU, August 11 /Trend/ - Officials said.", "Baku", None, "Trend", None, "Officials"),
    ],
)
def test_read_text_datelines(text, place, country, source, published, body) -> None:
    article = read_text(text)
    assert article.dateline is not None
    assert article.dateline.place == place
    assert article.dateline.country == country
    assert title_place(text[slice(*article.dateline.span)]) == place
    assert article.source == source
    assert article.published == published
    assert text[article.body_start :].startswith(body)


@pytest.mark.parametrize(
    "text",
    [
        "UPDATE: The government said.",  # a kicker, not a place
        "WASHINGTON. The president said.",  # a bare period ends a dateline only after a date
        "The talks resumed — officials said.",  # a sentence, not a dateline
        "Officials said, March 3 — nothing.",
        "FILE PHOTO: Officials at the talks.",
        "Nancy Pelosi (D-Calif.) said on Tuesday.",  # a parenthesis that is not a known agency needs a dash
        "LONDON(Reuters) -Body",  # a hyphen ends a dateline only before a space
    ],
)
def test_read_text_no_dateline(text: str) -> None:
    article = read_text(text)
    assert article.dateline is None
    assert article.body_start == 0


def test_dateline_without_year_takes_the_known_year() -> None:
    text = "Date: 2024\n\nKYIV, March 5 (Reuters) - Ministers met."
    assert read_text(text).published == "2024-03-05"
    assert read_text("KYIV, March 5 (Reuters) - Ministers met.").published is None


def test_read_txt_title_line(tmp_path: Path) -> None:
    text = "Ministers resume prisoner talks\n\nKYIV, Ukraine — Ministers met on Tuesday.\n"
    article = read_one(write(tmp_path / "t.txt", text))
    assert article.title == "Ministers resume prisoner talks"
    assert text[article.body_start :].startswith("Ministers met")
    # A first paragraph that is a sentence is body, not a title.
    prose = "Ministers met on Tuesday in Kyiv.\n\nThey agreed to meet again.\n"
    article = read_one(write(tmp_path / "p.txt", prose))
    assert article.title is None
    assert article.body_start == 0


def test_read_text_keywords_override_the_text() -> None:
    text = "Title: From the header\n\nWASHINGTON (Reuters) - Body."
    article = read_text(text, id="a1", title="Given", published="2020-01-02", source="Given Wire", url="u")
    assert (article.id, article.title, article.published, article.source, article.url) == (
        "a1",
        "Given",
        "2020-01-02",
        "Given Wire",
        "u",
    )
    assert article.path is None
    assert read_text("Some text.").id == article_hash("Some text.")


def article_hash(text: str) -> str:
    return Article(text=text).content_hash[:16]


def test_read_text_refuses_blank() -> None:
    with pytest.raises(InputError) as info:
        read_text("  \n ")
    assert info.value.code == "DL103"


def test_read_txt_utf8_bom_and_utf16(tmp_path: Path) -> None:
    article = read_one(write(tmp_path / "bom.txt", b"\xef\xbb\xbfKYIV, Ukraine \xe2\x80\x94 Talks."))
    assert article.text == "KYIV, Ukraine — Talks."  # the BOM is an encoding mark, not content
    assert article.dateline.span == (0, 4)
    article = read_one(write(tmp_path / "u16.txt", "Ministers met in Kyiv.".encode("utf-16")))
    assert article.text == "Ministers met in Kyiv."


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T23:30:00-05:00", "2024-03-05"),
        ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05"),
        ("March 5, 2024", "2024-03-05"),
        ("5 March 2024", "2024-03-05"),
        ("2024", None),
        ("2024-02-30", None),
        ("soon", None),
        (None, None),
    ],
)
def test_normalize_date(value, iso) -> None:
    assert normalize_date(value) == iso


# --- JSON and JSON Lines -------------------------------------------------------------------------------------------


def test_read_jsonl_with_a_bad_line(tmp_path: Path) -> None:
    good = {"id": "a1", "title": "T", "date": "2024-03-05", "source": "Wire", "url": "u", "text": "  Kept as is. "}
    lines = [
        json.dumps(good),
        '{"id": "broken", "text": ',
        "",
        json.dumps({"text": "No id here.", "published": "March 6, 2024"}),
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps(["not", "an", "object"]),
    ]
    path = write(tmp_path / "corpus.jsonl", "\n".join(lines) + "\n")
    items = read_all(path)
    assert [type(i).__name__ for i in items] == ["Article", "ReadFailure", "Article", "ReadFailure", "ReadFailure"]
    first, bad, second, no_text, not_object = items
    assert (first.id, first.title, first.published, first.source, first.url) == ("a1", "T", "2024-03-05", "Wire", "u")
    assert first.text == "  Kept as is. "
    assert first.path == f"{path}:1"
    assert bad.path == f"{path}:2"
    assert bad.error.code == "DL106"
    assert str(bad.error).startswith("DL106: invalid JSON in")
    assert second.id == article_hash("No id here.")
    assert second.published == "2024-03-06"
    assert second.path == f"{path}:4"
    assert (no_text.path, no_text.error.code) == (f"{path}:5", "DL107")
    assert (not_object.path, not_object.error.code) == (f"{path}:6", "DL106")


def test_read_jsonl_dateline_in_text(tmp_path: Path) -> None:
    text = "KYIV, March 5 (Reuters) - Ministers met."
    path = write(tmp_path / "c.jsonl", json.dumps({"id": 7, "date": "2024-03-09", "text": text}))
    article = read_one(path)
    assert article.id == "7"
    assert article.published == "2024-03-09"  # the record's date wins over the dateline's
    assert article.source == "Reuters"
    assert text[slice(*article.dateline.span)] == "KYIV"


def test_read_jsonl_invalid_utf8_line(tmp_path: Path) -> None:
    path = write(tmp_path / "c.jsonl", b'{"text": "ok"}\n{"text": "bad \xff"}\n{"text": "ok again"}\n')
    items = read_all(path)
    assert [type(i).__name__ for i in items] == ["Article", "ReadFailure", "Article"]
    assert items[1].error.code == "DL105"
    assert items[1].error.fields["position"] == len(b'{"text": "ok"}\n{"text": "bad ')


def test_read_json_object_and_list(tmp_path: Path) -> None:
    one = read_one(write(tmp_path / "one.json", json.dumps({"title": "T", "text": "Body."})))
    assert (one.title, one.text, one.path) == ("T", "Body.", str(tmp_path / "one.json"))
    path = write(tmp_path / "many.json", json.dumps([{"id": "x", "text": "A."}, 3, {"text": ""}]))
    items = read_all(path)
    assert items[0].id == "x"
    assert (items[1].path, items[1].error.code) == (f"{path}#2", "DL106")
    assert (items[2].path, items[2].error.code) == (f"{path}#3", "DL107")
    assert failure(write(tmp_path / "bad.json", "{nope")).error.code == "DL106"
    assert failure(write(tmp_path / "empty_list.json", "[]")).error.code == "DL103"


# --- feeds -----------------------------------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire</title><language>en-us</language>
<item><title>Ministers meet in Kyiv</title><link>https://example.org/1</link><guid>item-1</guid>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;KYIV, Ukraine &#8212; Ministers &lt;b&gt;met&lt;/b&gt; on Tuesday.&lt;/p&gt;
&lt;p&gt;Talks go on.&lt;/p&gt;</description>
</item>
<item><title>Headline only</title><link>https://example.org/2</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:feed</id>
<updated>2024-03-06T00:00:00Z</updated>
<entry><title>Leaders sign accord</title><id>urn:entry:1</id><link href="https://example.org/a"/>
<published>2024-03-05T23:30:00-05:00</published><updated>2024-03-06T08:00:00Z</updated>
<summary>Short summary.</summary>
<content type="html">&lt;p&gt;Leaders signed the accord in Baku.&lt;/p&gt;</content>
</entry></feed>
"""


def test_read_rss_feed(tmp_path: Path) -> None:
    path = write(tmp_path / "wire.rss", RSS)
    first, second = read_all(path)
    assert isinstance(first, Article)
    assert first.id == "item-1"
    assert first.title == "Ministers meet in Kyiv"
    assert first.url == "https://example.org/1"
    assert first.published == "2024-03-05"
    assert first.source == "Example Wire"
    assert first.lang == "en-us"
    assert first.path == f"{path}#1"
    assert first.text == "KYIV, Ukraine — Ministers met on Tuesday.\n\nTalks go on."
    assert first.dateline.place == "Kyiv"
    assert isinstance(second, ReadFailure)
    assert (second.path, second.error.code) == (f"{path}#2", "DL113")


def test_read_atom_feed(tmp_path: Path) -> None:
    article = read_one(write(tmp_path / "wire.atom", ATOM))
    assert article.text == "Leaders signed the accord in Baku."  # content wins over the summary
    assert article.published == "2024-03-05"  # the outlet's local date
    assert (article.id, article.url, article.source) == ("urn:entry:1", "https://example.org/a", "Atom Wire")


def test_read_feed_failures(tmp_path: Path) -> None:
    assert failure(write(tmp_path / "sitemap.xml", "<urlset><url><loc>x</loc></url></urlset>")).error.code == "DL109"
    empty = '<rss version="2.0"><channel><title>Empty</title></channel></rss>'
    assert failure(write(tmp_path / "empty.rss", empty)).error.code == "DL109"


def test_html_to_text() -> None:
    html = "<p>One &amp; two</p><script>x()</script><ul><li>three</li></ul>"
    assert html_to_text(html) == "One & two\n\nthree"


# --- HTML ------------------------------------------------------------------------------------------------------------

PAGE = """<!doctype html>
<html><head><title>Talks resume | Example News</title>
<meta property="og:site_name" content="Example News">
<link rel="canonical" href="https://example.org/news/talks">
<meta name="date" content="2024-03-05"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Talks resume in Kyiv</h1>
<p>KYIV, Ukraine — Officials from both countries met on Tuesday to resume talks on a prisoner exchange,
the foreign ministry said in a statement.</p>
<p>The meeting was the first in several months, and both delegations described it as constructive.</p>
</article><footer>Copyright Example News</footer></body></html>
"""


def test_read_html_article(tmp_path: Path) -> None:
    article = read_one(write(tmp_path / "talks.html", PAGE))
    assert article.id == "talks.html"
    assert article.title == "Talks resume in Kyiv"
    assert article.published == "2024-03-05"
    assert article.source == "Example News"
    assert article.url == "https://example.org/news/talks"
    assert "Officials from both countries" in article.text
    assert "Home" not in article.text and "Copyright" not in article.text
    assert article.text[article.body_start :].startswith("Officials from both")
    assert article.text[slice(*article.dateline.span)] == "KYIV"


def test_read_html_declared_charset(tmp_path: Path) -> None:
    page = PAGE.replace("<head>", '<head><meta charset="windows-1252">').replace("—", "-").replace("both", "bóth")
    article = read_one(write(tmp_path / "latin.htm", page.encode("cp1252")))
    assert "bóth countries" in article.text


def test_read_html_without_main_text(tmp_path: Path) -> None:
    nav_only = "<html><body><nav><a href='/'>Home</a> | <a href='/w'>World</a></nav></body></html>"
    assert failure(write(tmp_path / "nav.html", nav_only)).error.code == "DL110"
    assert failure(write(tmp_path / "blank.html", "<html><body></body></html>")).error.code == "DL110"


# --- directories -----------------------------------------------------------------------------------------------------


def test_read_directory(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / ".git").mkdir()
    write(corpus / "b.txt", "Second article.")
    write(corpus / "a.txt", "First article.")
    write(corpus / "sub" / "c.jsonl", json.dumps({"id": "c1", "text": "Third."}))
    write(corpus / "photo.png", b"\x89PNG\r\n\x1a\n")
    write(corpus / "table.csv", "a,b\n")
    write(corpus / ".git" / "HEAD.txt", "ref")
    skipped: list[tuple[str, str]] = []
    items = read_all(corpus, on_skip=lambda path, reason: skipped.append((Path(path).name, reason)))
    assert [i.id for i in items] == ["a.txt", "b.txt", "c1"]
    assert items[0].path == str(corpus / "a.txt")
    assert sorted(skipped) == [
        (".git", "hidden folder"),
        ("photo.png", "unsupported file type '.png'"),
        ("table.csv", "unsupported file type '.csv'"),
    ]


def test_read_directory_without_articles(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert failure(empty).error.code == "DL108"
    write(empty / "notes.csv", "a,b\n")
    assert failure(empty).error.code == "DL108"


def test_read_directory_reports_bad_files_and_goes_on(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "")
    write(tmp_path / "b.txt", "Good.")
    items = read_all(tmp_path)
    assert [type(i).__name__ for i in items] == ["ReadFailure", "Article"]


# --- failures --------------------------------------------------------------------------------------------------------


def test_failure_codes(tmp_path: Path) -> None:
    assert failure(tmp_path / "missing.txt").error.code == "DL101"
    assert failure(write(tmp_path / "doc.pdf", "%PDF-1.4")).error.code == "DL102"
    assert failure(write(tmp_path / "empty.txt", "")).error.code == "DL103"
    assert failure(write(tmp_path / "blank.txt", " \n\t\n")).error.code == "DL103"
    assert failure(write(tmp_path / "nul.txt", b"text\x00more")).error.code == "DL104"
    assert failure(write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\nabc")).error.code == "DL104"
    assert failure(write(tmp_path / "zip.json", b"PK\x03\x04rest")).error.code == "DL104"
    assert failure(write(tmp_path / "gz.jsonl", b"\x1f\x8b\x08rest")).error.code == "DL104"
    assert failure(write(tmp_path / "pdf.html", b"%PDF-1.7\n")).error.code == "DL104"
    bad = failure(write(tmp_path / "latin1.txt", "Caf\xe9 talks".encode("latin-1")))
    assert bad.error.code == "DL105"
    assert bad.error.fields["position"] == 3
    assert str(bad.error) == f"DL105: invalid UTF-8 in {tmp_path / 'latin1.txt'} at byte 3: re-encode the file as UTF-8"
    assert bad.path == str(tmp_path / "latin1.txt")


def test_failure_too_large(tmp_path: Path) -> None:
    path = write(tmp_path / "huge.txt", b"a" * (MAX_CHARS + 1))
    error = failure(path).error
    assert error.code == "DL111"
    assert "20,000,001 characters" in str(error)
    record = json.dumps({"text": "a" * (MAX_CHARS + 1)})
    assert failure(write(tmp_path / "huge.jsonl", record)).error.code == "DL111"


def test_failure_does_not_stop_reading(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", "Ministers met.")
    docx = write(tmp_path / "x.docx", b"PK\x03\x04")
    items = read_all(tmp_path / "missing.txt", docx, good)
    assert [i.error.code if isinstance(i, ReadFailure) else i.id for i in items] == ["DL101", "DL102", "good.txt"]


def test_read_paths_accepts_one_path(tmp_path: Path) -> None:
    path = write(tmp_path / "one.txt", "Ministers met.")
    assert [a.id for a in read_paths(str(path))] == ["one.txt"]


# --- stdin -----------------------------------------------------------------------------------------------------------


def test_read_stdin_text() -> None:
    [article] = read_all("-", stdin=io.StringIO(SEED_STYLE))
    assert article.text == SEED_STYLE
    assert article.path == "<stdin>"
    assert article.id == article_hash(SEED_STYLE)
    assert article.dateline.place == "Kyiv"


def test_read_stdin_jsonl() -> None:
    stream = io.StringIO('{"id": "s1", "text": "One."}\n\n{"id": "s2", "text": "Two."}\n')
    assert [a.id for a in read_all("-", stdin=stream)] == ["s1", "s2"]
    # One line that is not a JSON object makes the whole input a text article.
    mixed = '{"id": "s1", "text": "One."}\nand some prose\n'
    [article] = read_all("-", stdin=io.StringIO(mixed))
    assert article.text == mixed


def test_read_stdin_bytes_checks() -> None:
    def stream(data: bytes) -> io.TextIOWrapper:
        return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")

    [article] = read_all("-", stdin=stream(b"Ministers met in Kyiv."))
    assert article.text == "Ministers met in Kyiv."
    assert failure_of(stream(b"bad \xff byte")).error.code == "DL105"
    assert failure_of(stream(b"\x89PNG\r\n\x1a\n")).error.code == "DL104"
    assert failure_of(stream(b"  \n")).error.code == "DL103"
    assert failure_of(io.StringIO("")).error.code == "DL103"


def failure_of(stdin: io.TextIOBase) -> ReadFailure:
    [item] = read_all("-", stdin=stdin)
    assert isinstance(item, ReadFailure)
    assert item.path == "<stdin>"
    return item
