"""Property-based tests (hypothesis): the readers and `analyze` on any input.

- Readers: any string, any bytes under any supported suffix, any mix of JSONL lines gives Articles and coded
  ReadFailures, never another exception, and never the DL112 catch-all that stands for a parser bug.
- `analyze`: any string gives a valid Analysis or a clean DatelineError; every span lies in [0, len(text)] with
  start <= end, and `text[span]` is the recorded text wherever the record has one (docs/output.md: "text[start:end]
  is the evidence").

The analysis tests need the spaCy model (`slow`). Example counts are modest; `database=None` keeps the tree clean
of a `.hypothesis/` folder (a failure prints its example, which is enough to reproduce it).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dateline.errors import MESSAGES, DatelineError, InputError
from dateline.model import Analysis, Article
from dateline.read import READERS, ReadFailure, read_paths, read_text
from dateline.read.html import html_to_text
from dateline.read.meta import normalize_date, parse_leading, title_place, year_of

READER_SETTINGS = settings(
    max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
ANALYSIS_SETTINGS = settings(
    max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)

# The DL112 catch-all of the readers names the exception class: "cannot read f.txt: OverflowError: ...".
_CATCH_ALL = re.compile(r"^[A-Z]\w*(?:Error|Exception|Exit|Interrupt)\b:")

# ---------------------------------------------------------------------------------------------- strategies

# Any character, lone surrogates included: a JSON "\ud800" escape gives one, and `analyze` takes any str.
any_char = st.characters(codec=None, categories=None)
any_text = st.text(any_char, max_size=400)
# Any character UTF-8 can encode: what a file can hold.
utf8_text = st.text(st.characters(codec="utf-8"), max_size=400)

PEOPLE = [
    ("President", "Ilham Aliyev", "Aliyev"),
    ("US President", "Donald Trump", "Trump"),
    ("Foreign Minister", "Sergei Lavrov", "Lavrov"),
    ("Prime Minister", "Narendra Modi", "Modi"),
    ("political analyst", "Azer Garayev", "Garayev"),
    ("Chancellor", "Olaf Scholz", "Scholz"),
    ("", "Emmanuel Macron", "Macron"),
    ("spokeswoman", "Maria Zakharova", "Zakharova"),
]
COUNTRIES = ["Russia", "Ukraine", "Azerbaijan", "Armenia", "the United States", "China", "Iran", "Israel", "NATO"]
DEMONYMS = ["Russian", "Ukrainian", "Azerbaijani", "Armenian", "American", "Chinese", "Iranian", "Israeli"]
VERBS = [
    "met",
    "visited",
    "condemned",
    "accused",
    "signed an agreement with",
    "attacked",
    "praised",
    "threatened",
    "imposed sanctions on",
    "called for talks with",
    "rejected",
    "did not meet",
]
CUES = ["said", "told Reuters", "stressed", "noted", "added", "pointed out", "warned"]
PLACES = ["BAKU", "WASHINGTON", "MOSCOW", "KYIV, Ukraine", "Baku, Aug. 11", "RIO DE JANEIRO", "N'DJAMENA", "Paris"]
# Pairs of marks, the unbalanced and odd ones included.
MARKS = [('"', '"'), ("“", "”"), ("«", "»"), ("‘", "’"), ("'", "'"), ("„", "“"), ('"', ""), ("", "”"), ("“", '"')]


@st.composite
def sentences(draw) -> str:
    title, full, surname = draw(st.sampled_from(PEOPLE))
    who = draw(
        st.sampled_from(
            [f"{title} {full}".strip(), full, surname, "he", "she", "the minister", "the analyst", *COUNTRIES]
        )
    )
    kind = draw(st.integers(0, 5))
    other = draw(st.sampled_from(COUNTRIES))
    if kind == 0:
        return f"{who[:1].upper()}{who[1:]} {draw(st.sampled_from(VERBS))} {other} on Monday."
    if kind == 1:
        return f"{draw(st.sampled_from(DEMONYMS))} troops {draw(st.sampled_from(VERBS))} {other} near the border."
    opening, closing = draw(st.sampled_from(MARKS))
    words = draw(st.sampled_from(["We will not give up", "The talks went well", "This is unacceptable", "No"]))
    cue = draw(st.sampled_from(CUES))
    if kind == 2:
        return f"{opening}{words},{closing} {who} {cue}."
    if kind == 3:
        return f"{who[:1].upper()}{who[1:]} {cue}: {opening}{words}.{closing}"
    if kind == 4:
        return f"According to {who}, {other} {draw(st.sampled_from(VERBS))} {draw(st.sampled_from(COUNTRIES))}."
    return f"{who[:1].upper()}{who[1:]} {cue} that {other} had {draw(st.sampled_from(VERBS))} the deal."


@st.composite
def newswire(draw) -> str:
    """Newswire-ish text: header lines, a date marker, a dateline, paragraphs of sentences with quotations and names,
    and now and then noise characters anywhere."""
    parts: list[str] = []
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(["Title: Talks in Baku\n", "Source: Trend\nDate: 2025-08-11\n", "T: x\n"])))
        parts.append(draw(st.sampled_from(["\n", "", "\r\n"])))
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(["date 2025-08-11 ", "Date: 1999-02-30 ", "date 2025-13-01\n"])))
    if draw(st.booleans()):
        place = draw(st.sampled_from(PLACES))
        agency = draw(st.sampled_from(["", " (Reuters)", " (AP)", " /Trend/", " (Unknown Agency Name)"]))
        term = draw(st.sampled_from([" -- ", " - ", " — ", "—", ": ", ". ", " ", ""]))
        parts.append(f"{place}{agency}{term}")
    paragraphs = draw(st.lists(st.lists(sentences(), min_size=1, max_size=4), min_size=1, max_size=5))
    separator = draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n", " "]))
    parts.append(separator.join(" ".join(p) for p in paragraphs))
    text = "".join(parts)
    for _ in range(draw(st.integers(0, 3))):  # noise: quote marks, control characters, emoji, surrogates
        at = draw(st.integers(0, len(text)))
        noise = draw(
            st.one_of(st.sampled_from(['"', "“", "”", "«", "\x00", "\u2028", "\ufeff", "🙂", "\n\n"]), any_text)
        )
        text = text[:at] + noise + text[at:]
    return text


# ------------------------------------------------------------------------------------------------- checks


def check_article(article: Article, text: str | None = None) -> None:
    assert isinstance(article, Article)
    if text is not None:
        assert article.text == text
    assert article.text.strip(), "an Article is never blank"
    assert 0 <= article.body_start <= len(article.text)
    if article.dateline is not None:
        start, end = article.dateline.span
        assert 0 <= start < end <= article.body_start
        assert title_place(article.text[start:end]) == article.dateline.place
    if article.published is not None:
        assert dt.date.fromisoformat(article.published).isoformat() == article.published


def check_failure(failure: ReadFailure) -> None:
    assert isinstance(failure, ReadFailure)
    assert isinstance(failure.error, InputError)
    assert failure.error.code in MESSAGES and str(failure.error).startswith(failure.error.code + ": ")
    if failure.error.code == "DL112":  # DL112 is for OS errors and bad UTF-16/32; its catch-all form is a bug
        assert not _CATCH_ALL.match(str(failure.error.fields.get("reason", ""))), str(failure.error)


def check_items(items: list) -> None:
    for item in items:
        if isinstance(item, ReadFailure):
            check_failure(item)
        else:
            check_article(item)


def span_problems(a: Analysis, text: str) -> list[str]:
    """Every span of an Analysis against its text: inside [0, len(text)], start <= end, evidence text equal."""
    n = len(text)
    problems: list[str] = []

    def check(where: str, span, expected: str | None = None, *, optional: bool = False) -> None:
        if span is None:
            if not optional:
                problems.append(f"{where}: no span")
            return
        if not (isinstance(span, (tuple, list)) and len(span) == 2 and all(isinstance(x, int) for x in span)):
            problems.append(f"{where}: span {span!r} is not a pair of ints")
            return
        start, end = span
        if not 0 <= start <= end <= n:
            problems.append(f"{where}: span {span} outside [0, {n}] or reversed")
        elif expected is not None and text[start:end] != expected:
            problems.append(f"{where}: text[{start}:{end}] = {text[start:end]!r}, recorded {expected!r}")

    if a.dateline is not None:
        check("dateline", a.dateline.span)
        start, end = a.dateline.span
        if 0 <= start <= end <= n and title_place(text[start:end]) != a.dateline.place:
            problems.append(f"dateline: text {text[start:end]!r} is not place {a.dateline.place!r}")
    for i, actor in enumerate(a.actors):
        for m in actor.mentions:
            check(f"actors[{i}] ({actor.name}) mention", m)
    for i, e in enumerate(a.events):
        # An inferred actor is not named in the sentence: its span points at a mention elsewhere, its text may
        # be the name. Only named ones must match.
        for role, actor in (("source", e.source), ("target", e.target)):
            if actor is not None:
                check(f"events[{i}].{role}", actor.span, None if actor.inferred else actor.text)
        check(f"events[{i}].trigger", e.trigger_span, e.trigger)
        check(f"events[{i}].sentence", e.sentence_span)
        s0, s1 = e.sentence_span
        t0, t1 = e.trigger_span
        if not s0 <= t0 <= t1 <= s1:
            problems.append(f"events[{i}]: trigger {e.trigger_span} outside its sentence {e.sentence_span}")
    for i, q in enumerate(a.quotes):
        check(f"quotes[{i}].content", q.content_span, q.content)
        check(f"quotes[{i}].cue", q.cue_span, q.cue, optional=q.cue is None)
        if q.cue is None and q.cue_span is not None:
            problems.append(f"quotes[{i}]: a cue span {q.cue_span} without a cue")
        m = q.speaker.mention
        check(f"quotes[{i}].speaker.mention", q.speaker.mention_span, m, optional=m is None)
    for i, p in enumerate(a.places):
        check(f"places[{i}] ({p.name})", p.span, p.text)
    for i, h in enumerate(a.theme_hits):
        check(f"theme_hits[{i}] ({h.theme})", h.span, h.trigger)
    for i, d in enumerate(a.dates):
        check(f"dates[{i}]", d.span, d.text)
    return problems


# ------------------------------------------------------------------------------------------------ readers


@READER_SETTINGS
@given(text=st.one_of(any_text, newswire()))
@example(text="Date: Mon, 20 Nov 99999999999999999999 10:00:00 +0000\n\nNATO condemned Russia.")
@example(text=" \t\n\u3000")
def test_read_text_any_string(text: str) -> None:
    try:
        article = read_text(text)
    except InputError as exc:
        assert exc.code in {"DL103", "DL111"}
        assert exc.code != "DL103" or not text.strip()
        return
    check_article(article, text)


@READER_SETTINGS
@given(text=st.one_of(any_text, newswire()), headers=st.booleans(), start=st.integers(0, 5))
def test_parse_leading_offsets(text: str, headers: bool, start: int) -> None:
    start = min(start, len(text))
    leading = parse_leading(text, headers=headers, start=start)
    assert start <= leading.body_start <= len(text)
    if leading.dateline is not None:
        s, e = leading.dateline.span
        assert start <= s < e <= leading.body_start


@READER_SETTINGS
@given(value=st.one_of(st.text(max_size=60), st.none(), st.integers(), st.dates().map(str)))
@example(value="Mon, 20 Nov 99999999999999999999 10:00:00 +0000")
@example(value="Tue, 1 Jan 2999999999 00:00:00 +9999")
def test_normalize_date_never_raises(value) -> None:
    iso = normalize_date(value)
    assert iso is None or dt.date.fromisoformat(iso).isoformat() == iso
    year = year_of(value)
    assert year is None or isinstance(year, int)


@READER_SETTINGS
@given(
    fragment=st.one_of(
        any_text, st.lists(st.sampled_from(["<p>", "</p>", "<br>", "<script>", "x", "&amp;"])).map("".join)
    )
)
def test_html_to_text_never_raises(fragment: str) -> None:
    text = html_to_text(fragment)
    assert text == text.strip() or not text.strip()
    assert "\n\n\n" not in text


@pytest.fixture
def scratch(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("prop")


_counter = iter(range(10**9))


@READER_SETTINGS
@given(
    data=st.one_of(
        st.binary(max_size=600),
        any_text.map(lambda s: s.encode("utf-8", "surrogatepass")),
        newswire().map(lambda s: s.encode("utf-16" if "\x00" not in s else "utf-8", "surrogatepass")),
        st.sampled_from([b"\x89PNG\r\n\x1a\n", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff\x00", b"<rss><channel>"]),
    ),
    suffix=st.sampled_from(sorted(READERS)),
)
def test_read_paths_any_bytes(scratch: Path, data: bytes, suffix: str) -> None:
    path = scratch / f"f{next(_counter)}{suffix}"
    path.write_bytes(data)
    items = list(read_paths([path]))
    assert items, "every input gives an Article or a failure"
    check_items(items)


# One JSONL line: a good record, a record without text, broken JSON, a non-object, deep nesting, invalid UTF-8.
jsonl_line = st.one_of(
    newswire().map(lambda t: ("good", json.dumps({"text": t}))),
    st.fixed_dictionaries({"text": any_text, "id": st.one_of(st.none(), st.integers(), st.text(max_size=5))}).map(
        lambda r: ("maybe", json.dumps(r))
    ),
    st.just(("bad", '{"id": 1}')),
    st.just(("bad", '{"text": "   "}')),
    st.just(("bad", '{"text": 12}')),
    st.just(("bad", "[1, 2]")),
    st.just(("bad", '{"text": "x"')),
    st.just(("bad", "[" * 50_000 + "]" * 50_000)),
    # (no NUL: a NUL in the first 8 KiB makes the whole file binary, DL104, by design)
    st.text(st.characters(exclude_characters="\n\r\x00"), max_size=30).map(lambda s: ("junk", s)),
    st.just(("bad", b'{"text": "caf\xe9"}')),
)


@READER_SETTINGS
@given(lines=st.lists(jsonl_line, min_size=1, max_size=12))
def test_read_jsonl_every_line_accounted_for(scratch: Path, lines: list) -> None:
    path = scratch / f"f{next(_counter)}.jsonl"
    raw = [line if isinstance(line, bytes) else line.encode("utf-8", "surrogatepass") for _, line in lines]
    path.write_bytes(b"\n".join(raw) + b"\n")
    items = list(read_paths([path]))
    check_items(items)
    by_line = {}
    for item in items:
        label = item.path
        if ":" in label.rsplit("/", 1)[-1]:
            by_line.setdefault(int(label.rsplit(":", 1)[1]), []).append(item)
        else:  # a whole-file failure only when no line has anything to read
            assert isinstance(item, ReadFailure) and item.error.code == "DL103", item
    for n, (kind, line) in enumerate(lines, 1):
        got = by_line.get(n, [])
        if kind == "good":  # a good line after any number of bad ones is read: nothing after a bad line is lost
            assert len(got) == 1 and isinstance(got[0], Article), (n, got)
        elif kind == "bad":
            assert len(got) == 1 and isinstance(got[0], ReadFailure), (n, got)
        elif kind == "maybe":
            assert len(got) == 1, (n, got)
        else:  # junk: a blank line is skipped, anything else is a failure
            assert len(got) == (1 if line.strip() else 0), (n, got)


def _raw_utf8(text: str) -> bytes:
    """UTF-8 bytes, lone surrogates included (as a broken upstream encoder writes them): `str.encode` would raise on
    them in the generator, before the reader under test ever ran."""
    return text.encode("utf-8", "surrogatepass")


@READER_SETTINGS
@given(
    data=st.one_of(
        st.binary(max_size=300),
        newswire().map(_raw_utf8),
        any_text.map(_raw_utf8),
    )
)
def test_read_stdin_any_bytes(data: bytes) -> None:
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    items = list(read_paths(["-"], stdin=stream))
    assert items
    check_items(items)


# ---------------------------------------------------------------------------------------------- analysis


@pytest.fixture(scope="module")
def resources():
    from dateline.pipeline import load_resources

    return load_resources()


def analyze_or_error(text: str, resources) -> Analysis | None:
    """Analysis, or None for a clean DatelineError; any other exception fails the test."""
    from dateline.pipeline import analyze

    try:
        analysis = analyze(text, resources=resources)
    except DatelineError as exc:
        assert exc.code in MESSAGES
        return None
    assert isinstance(analysis, Analysis)
    assert analysis.text_length == len(text)
    json.loads(analysis.to_json())  # the output contract serialises
    return analysis


@pytest.mark.slow
@ANALYSIS_SETTINGS
@given(text=utf8_text)
@example(text='"' * 40)
@example(text="“„«»‘’" * 20)
@example(text="\x00\x01\u2028\u2029\ufeff\u200b said")
def test_analyze_any_string(text: str, resources) -> None:
    analysis = analyze_or_error(text, resources)
    if analysis is not None:
        assert span_problems(analysis, text) == []


@pytest.mark.slow
def test_analyze_lone_surrogate(resources) -> None:
    text = "NATO condemned Russia \ud800 on Friday, officials said."
    analysis = analyze_or_error(text, resources)
    assert analysis is not None and span_problems(analysis, text) == []


@pytest.mark.slow
@ANALYSIS_SETTINGS
@given(text=newswire())
@example(text='BAKU, Aug. 11 (Trend) — "We signed it," President Ilham Aliyev said. He visited Washington.')
@example(
    text='WASHINGTON (Reuters) - Russian troops attacked Ukrainian soldiers. "This is unacceptable,\n\n'
    '"Nothing changed," the minister said.'
)
def test_analyze_newswire_spans(text: str, resources) -> None:
    analysis = analyze_or_error(text, resources)
    if analysis is not None:
        assert span_problems(analysis, text) == []


HEADER_TEXTS = [
    "WASHINGTON (Reuters) - Russian troops attacked Ukrainian soldiers near Kharkiv.",
    "Title: Talks in Baku\n\nPresident Ilham Aliyev met Russia on Monday.",
]


@pytest.mark.slow
@pytest.mark.parametrize("text", HEADER_TEXTS)
def test_event_actor_span_stops_at_the_body(text: str, resources) -> None:
    """An actor phrase that opens the body does not reach back over the (blanked) header or dateline before it."""
    analysis = analyze_or_error(text, resources)
    assert analysis is not None and analysis.events
    assert span_problems(analysis, text) == []
    body_start = read_text(text).body_start
    assert all(e.source.span[0] >= body_start for e in analysis.events)


@pytest.mark.slow
def test_analyze_seed_spans(seed_path: Path, seed_analysis: Analysis) -> None:
    """The bundled example: the same span checks on a real article with every kind of record."""
    (article,) = list(read_paths([seed_path]))
    assert seed_analysis.events and seed_analysis.quotes and seed_analysis.actors
    assert span_problems(seed_analysis, article.text) == []
