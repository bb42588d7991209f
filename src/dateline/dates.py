"""Dates mentioned in an article, resolved to the calendar against the publication date.

Newswire dates events relative to the day it is published: "on Tuesday", "yesterday", "last week", "two years ago".
`find_dates` finds those and absolute dates ("August 11", "11 August 2025", "2025-08-11", "in 1992") with regular
expressions and resolves each to an ISO date and a resolution (day, week, month, year). The rules, in order:

1. absolute dates with a year are taken as written;
2. a month and day without a year gets the year that puts it closest to the publication date;
3. relative words count from the publication date: today, tonight, this morning (0), yesterday, last night (-1),
   tomorrow (+1), "N days/weeks/months/years ago", last/this/next week, month and year (a week is dated by its
   Monday);
4. a bare weekday ("on Tuesday") is the most recent such day on or before publication, or the next one after it
   when the sentence speaks of the future before it ("will meet on Tuesday", "is scheduled for Friday"); "last"
   and "next" force the direction.

Without a publication date only rule 1 applies. dateparser (installed with trafilatura) was measured as an
alternative: `search_dates` takes ~60 ms on the bundled example (6,500 characters), gives no character offsets,
and invents a month and day for year-only mentions; these rules take ~1.5 ms there and keep the evidence span.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from dateline.model import DateMention, Event

MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
)  # fmt: skip
MONTHS = {
    **{name: n for n, name in enumerate(MONTH_NAMES, start=1)},
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11,
    "dec": 12,
}  # fmt: skip
WEEKDAYS = {d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
DAY_WORDS = {
    "the day before yesterday": -2, "yesterday": -1, "last night": -1, "today": 0, "tonight": 0,
    "this morning": 0, "this afternoon": 0, "this evening": 0, "tomorrow": 1, "the day after tomorrow": 2,
}  # fmt: skip
FUTURE_WINDOW = 120  # characters looked back, within the sentence, for a future cue before a bare weekday

_MONTH = r"(?P<{}>January|February|March|April|May|June|July|August|September|October|November|December|" \
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"  # fmt: skip
_DAY = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{}>(?:1[89]|20)\d\d)"
_PATTERNS = [
    ("iso", r"(?P<iy>\d{4})-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b"),
    ("mdy", rf"{_MONTH.format('m1')}\s+{_DAY.format('d1')},?\s+{_YEAR.format('y1')}\b"),
    ("dmy", rf"{_DAY.format('d2')}\s+(?:of\s+)?{_MONTH.format('m2')},?\s+{_YEAR.format('y2')}\b"),
    ("my", rf"{_MONTH.format('m3')},?\s+{_YEAR.format('y3')}\b"),
    ("md", rf"{_MONTH.format('m4')}\s+{_DAY.format('d4')}\b(?![-/:]?\d)"),
    ("dm", rf"{_DAY.format('d5')}\s+(?:of\s+)?{_MONTH.format('m5')}(?!\w)"),
    ("dayword", r"(?i:(?P<dw>the day before yesterday|the day after tomorrow|yesterday|last night|today|tonight"
     r"|tomorrow|this (?:morning|afternoon|evening))\b)"),
    ("ago", r"(?i:(?P<n>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
     r"(?P<unit>day|week|month|year)s?\s+ago\b)"),
    ("span", r"(?i:(?P<mod>last|this|next|coming|earlier this|later this)\s+(?P<u>week|month|year)\b)"),
    ("weekday", r"(?:(?P<wmod>(?i:last|next|this|past|coming))\s+)?"
     r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    ("year", r"(?i:(?:in|since|by|during|until|from|before|after|of)\s+)(?P<yy>(?:1[89]|20)\d\d)\b(?![-/]\d)"),
]  # fmt: skip
# A gate in front of the alternation: a position that is not the start of a digit, a month or weekday name or a word
# some pattern can start with fails once instead of once per alternative (measured 3x faster on the bundled example).
# Every alternative starts with one of these, so the gate saves time and never drops a date. Its character class
# turns away most word boundaries in one step (ends of words, words starting with other letters): it holds every first
# character of the names and, case-insensitively, of the words (İ, ı and ſ match i and s under IGNORECASE). The
# words are grouped by first letter, so one letter that does not fit rules out its group. (Class and grouping halved
# find_dates on world_news_1k, where it tried the lookahead at every word boundary.)
_GATE = (
    r"\b(?=[\dABCDEFIJLMNOPSTUWYabcdefilnopstuy\u0130\u0131\u017f])"
    r"(?=\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun"
    r"|(?i:t(?:he\b|o[dnm]|his|wo|hree|en|welve)|yes|l(?:ast|ater)|n(?:ext|ine)|coming|e(?:arlier|ight|leven)|past"
    r"|a(?:n?\b|fter)|o(?:ne|f\b)|f(?:our|ive|rom)|s(?:ix|even|ince)|in\b|b(?:y\b|efore)|during|until))"
)
_DATE_RE = re.compile(_GATE + "(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _PATTERNS) + ")")
_FUTURE = re.compile(
    r"(?i)\b(?:will|shall|going to|is to|are to|scheduled|set to|set for|due to|plans? to|planning to|"
    r"expected to|upcoming|would)\b|['\u2019]ll\b"
)
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")


def find_dates(text: str, published: str | date | None = None, *, start: int = 0) -> list[DateMention]:
    """The dates mentioned in `text[start:]`, resolved against `published` (an ISO date) where relative.

    >>> [(d.text, d.date, d.resolution) for d in find_dates("He arrived on Tuesday and leaves tomorrow.", "2025-08-11")]
    [('Tuesday', '2025-08-05', 'day'), ('tomorrow', '2025-08-12', 'day')]
    """
    base = _as_date(published)
    out = []
    for m in _DATE_RE.finditer(text, start):
        found = _resolve(m, base, text)
        if found is None:
            continue
        iso, resolution, relative, span = found
        out.append(DateMention(text[span[0] : span[1]], span, iso, resolution, relative))
    return out


def date_events(events: Iterable[Event], dates: list[DateMention], published: str | None) -> None:
    """Give events still dated by publication the day-level date mentioned in their sentence (nearest the trigger).

    Background events (the coder dated them by a past year) and events with another date are left alone.
    """
    days = [d for d in dates if d.resolution == "day"]
    if not days:
        return
    for event in events:
        if event.background or (event.date is not None and event.date != published):
            continue
        s, e = event.sentence_span
        inside = [d for d in days if s <= d.span[0] and d.span[1] <= e]
        if inside:
            trigger = event.trigger_span[0]
            event.date = min(inside, key=lambda d: abs(d.span[0] - trigger)).date


def _as_date(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


Resolved = tuple[str, str, bool, tuple[int, int]]  # (ISO date, resolution, relative, span)


def _resolve(m: re.Match[str], base: date | None, text: str) -> Resolved | None:
    kind = m.lastgroup
    g = m.groupdict()
    span = m.span()
    if kind == "iso":
        return _day(int(g["iy"]), int(g["im"]), int(g["id"]), span)
    if kind in ("mdy", "dmy"):
        k = "1" if kind == "mdy" else "2"
        return _day(int(g["y" + k]), MONTHS[g["m" + k].lower().rstrip(".")], int(g["d" + k]), span)
    if kind == "my":
        return f"{g['y3']}-{MONTHS[g['m3'].lower().rstrip('.')]:02d}", "month", False, span
    if kind == "year":
        return g["yy"], "year", False, m.span("yy")
    if base is None:
        return None
    if kind in ("md", "dm"):
        k = "4" if kind == "md" else "5"
        return _closest_year(base, MONTHS[g["m" + k].lower().rstrip(".")], int(g["d" + k]), span)
    if kind == "dayword":
        delta = DAY_WORDS[" ".join(g["dw"].lower().split())]
        return (base + timedelta(days=delta)).isoformat(), "day", True, span
    if kind == "ago":
        return _ago(base, g["n"].lower(), g["unit"].lower(), span)
    if kind == "span":
        return _named_span(base, " ".join(g["mod"].lower().split()), g["u"].lower(), span)
    if kind == "weekday":
        return _weekday(base, (g["wmod"] or "").lower(), WEEKDAYS[g["wd"].lower()], text, m.start(), span)
    return None


def _day(year: int, month: int, day: int, span: tuple[int, int]) -> Resolved | None:
    try:
        return date(year, month, day).isoformat(), "day", False, span
    except ValueError:
        return None


def _closest_year(base: date, month: int, day: int, span: tuple[int, int]) -> Resolved | None:
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    best = min(candidates, key=lambda d: abs((d - base).days))
    return best.isoformat(), "day", False, span


def _ago(base: date, n: str, unit: str, span: tuple[int, int]) -> Resolved:
    count = int(n) if n.isdigit() else NUMBERS[n]
    if unit == "day":
        return (base - timedelta(days=count)).isoformat(), "day", True, span
    if unit == "week":
        return _monday(base - timedelta(weeks=count)).isoformat(), "week", True, span
    if unit == "month":
        return _month(base, -count), "month", True, span
    return str(base.year - count), "year", True, span


def _named_span(base: date, mod: str, unit: str, span: tuple[int, int]) -> Resolved:
    step = {"last": -1, "next": 1, "coming": 1}.get(mod, 0)
    if unit == "week":
        return _monday(base + timedelta(weeks=step)).isoformat(), "week", True, span
    if unit == "month":
        return _month(base, step), "month", True, span
    return str(base.year + step), "year", True, span


def _weekday(base: date, mod: str, weekday: int, text: str, at: int, span: tuple[int, int]) -> Resolved:
    back = (base.weekday() - weekday) % 7  # days since the most recent such day, 0 when it is today
    if mod in ("last", "past"):
        delta = -(back or 7)
    elif mod in ("next", "coming") or _future_before(text, at):
        delta = (weekday - base.weekday()) % 7 or 7
    else:
        delta = -back
    return (base + timedelta(days=delta)).isoformat(), "day", True, span


def _future_before(text: str, at: int) -> bool:
    window = text[max(0, at - FUTURE_WINDOW) : at]
    breaks = list(_SENTENCE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    return _FUTURE.search(window) is not None


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _month(base: date, step: int) -> str:
    index = base.year * 12 + base.month - 1 + step
    return f"{index // 12:04d}-{index % 12 + 1:02d}"
