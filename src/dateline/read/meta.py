"""Leading metadata of an article's text: header blocks, date markers, title lines and newswire datelines.

Nothing here changes the text. Every parser takes the text and an offset and returns what it found plus the
offset just past it, so `Article.body_start` and `Dateline.span` are offsets into the exact text the reader keeps.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass, field

from dateline.model import Dateline

# Months as newswires write them: full names, AP abbreviations ("Aug.", "Sept.").
_MONTHS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
)
_DAY_RE = r"\d{1,2}(?:st|nd|rd|th)?"

# Keys of a leading "Key: value" block, mapped to the Article field they fill (None: recognised, not kept).
HEADER_KEYS: dict[str, str | None] = {
    "title": "title",
    "headline": "title",
    "date": "published",
    "published": "published",
    "dateline": None,
    "source": "source",
    "publisher": "source",
    "outlet": "source",
    "url": "url",
    "link": "url",
    "id": None,  # ids come from the file name or the caller, not from the text
    "lang": "lang",
    "language": "lang",
    "author": None,
    "byline": None,
    "section": None,
    "tags": None,
}

# A title line is short; anything longer is the first paragraph. Calibrated on newswire headlines (under 20 words).
TITLE_MAX_CHARS = 200
TITLE_MAX_WORDS = 25

# All-caps kickers that open a story like a dateline would, but are not places.
_NOT_PLACES = frozenset(
    {
        "ADVISORY",
        "ANALYSIS",
        "BREAKING",
        "BREAKING NEWS",
        "BULLETIN",
        "COMMENT",
        "CORRECTION",
        "EDITORIAL",
        "EDITOR'S NOTE",
        "EXCLUSIVE",
        "EXPLAINER",
        "FACTBOX",
        "FACT CHECK",
        "FEATURE",
        "FILE",
        "FILE PHOTO",
        "FLASH",
        "HIGHLIGHTS",
        "INTERVIEW",
        "LIVE",
        "NEWS",
        "NOTE",
        "OPINION",
        "PHOTO",
        "PHOTOS",
        "PODCAST",
        "RESTRICTION SUMMARY",
        "REVIEW",
        "SPECIAL REPORT",
        "SUMMARY",
        "TIMELINE",
        "TRANSCRIPT",
        "UPDATE",
        "UPDATED",
        "URGENT",
        "VIDEO",
        "WATCH",
    }
)

# Agencies whose datelines end at the closing parenthesis, with no dash: "Washington (CNN) The Supreme Court ...".
_BARE_AGENCIES = frozenset(
    {"cnn", "ap", "afp", "reuters", "xinhua", "upi", "dpa", "efe", "ansa", "tass", "pti", "ians"}
)

# US datelines name a state (AP style "Ill.", "Calif.", or in full) where others name a country.
_US_STATES = frozenset(
    {
        "ala.",
        "ariz.",
        "ark.",
        "calif.",
        "colo.",
        "conn.",
        "del.",
        "d.c.",
        "fla.",
        "ga.",
        "ill.",
        "ind.",
        "kan.",
        "ky.",
        "la.",
        "md.",
        "mass.",
        "mich.",
        "minn.",
        "miss.",
        "mo.",
        "mont.",
        "neb.",
        "nev.",
        "n.h.",
        "n.j.",
        "n.m.",
        "n.y.",
        "n.c.",
        "n.d.",
        "okla.",
        "ore.",
        "pa.",
        "r.i.",
        "s.c.",
        "s.d.",
        "tenn.",
        "vt.",
        "va.",
        "wash.",
        "w.va.",
        "wis.",
        "wyo.",
        "alabama",
        "alaska",
        "arizona",
        "arkansas",
        "california",
        "colorado",
        "connecticut",
        "delaware",
        "florida",
        "hawaii",
        "idaho",
        "illinois",
        "indiana",
        "iowa",
        "kansas",
        "kentucky",
        "louisiana",
        "maine",
        "maryland",
        "massachusetts",
        "michigan",
        "minnesota",
        "mississippi",
        "missouri",
        "montana",
        "nebraska",
        "nevada",
        "new hampshire",
        "new jersey",
        "new mexico",
        "new york",
        "north carolina",
        "north dakota",
        "ohio",
        "oklahoma",
        "oregon",
        "pennsylvania",
        "rhode island",
        "south carolina",
        "south dakota",
        "tennessee",
        "texas",
        "utah",
        "vermont",
        "virginia",
        "west virginia",
        "wisconsin",
        "wyoming",
    }
)

# Words kept lower-case inside a title-cased place name ("Rio de Janeiro", "Stratford upon Avon").
_PLACE_PARTICLES = frozenset({"de", "da", "di", "do", "dos", "das", "del", "della", "du", "van", "von", "der", "upon"})

_SP = r"[ \u00a0]"
# One word of a place: letters, with inner hyphens, apostrophes or periods ("AL-QAIM", "N'DJAMENA", "D.C.", "ST.").
_WORD = r"[^\W\d_]+(?:[-'’.][^\W\d_]+)*\.?"
_DATELINE_RE = re.compile(
    rf"""
    (?P<place>{_WORD}(?:{_SP}{_WORD}){{0,4}})
    (?:,{_SP}(?!{_MONTH_RE}{_SP}?\d)(?P<region>{_WORD}(?:{_SP}(?:of|and|the|{_WORD})){{0,5}}))?
    (?:,{_SP}(?:
        (?P<month>{_MONTH_RE}){_SP}(?P<day>{_DAY_RE})(?:,{_SP}(?P<year>\d{{4}}))?
      | (?P<day2>{_DAY_RE}){_SP}(?P<month2>{_MONTH_RE})(?:{_SP}(?P<year2>\d{{4}}))?
    ))?
    (?:{_SP}*(?:\((?P<agency>[^()\n]{{1,40}})\)|/(?P<agency2>[^/\n]{{1,40}})/))?
    (?:{_SP}*(?P<term>--|[—–:.|-]))?
    """,
    re.VERBOSE,
)

_HEADER_LINE_RE = re.compile(r"(?P<key>[A-Za-z][A-Za-z _-]{0,20}):[ \t]*(?P<value>[^\r\n]*)(?:\r\n|\n|\r|$)")
_DATE_MARKER_RE = re.compile(r"date:?[ \t]+(?P<date>\d{4}-\d{2}-\d{2})(?=\s)", re.IGNORECASE)
_BLANK_LINE_RE = re.compile(r"[ \t]*(?:\r\n|\n|\r)")
_SPACE_RE = re.compile(r"\s*")


@dataclass
class Leading:
    """What the start of a text says about the article, and where its body begins."""

    fields: dict[str, str] = field(default_factory=dict)  # Article field name -> value (title, published, ...)
    body_start: int = 0
    dateline: Dateline | None = None
    source: str | None = None  # the agency of a "(Reuters)"-style dateline
    dateline_date: tuple[int | None, int, int] | None = None  # (year or None, month, day)


def parse_leading(text: str, *, headers: bool = True, start: int = 0) -> Leading:
    """Read the leading metadata of `text`: header block, date marker, title line, dateline.

    `headers=False` is for texts that came with structured metadata (JSON, HTML, feeds): only a date marker and a
    dateline are looked for there, because a short first line of such a text is body, not a title. `start` skips
    what the caller already knows is not body (an HTML page's headline repeated at the top of its text).
    """
    found = Leading()
    pos = skip_space(text, start)
    if headers:
        block, pos = parse_header_block(text, pos)
        found.fields.update(block)
    pos = _parse_marker(text, pos, found)
    if headers and "title" not in found.fields:
        title, pos = parse_title_line(text, pos)
        if title:
            found.fields["title"] = title
            pos = _parse_marker(text, pos, found)
    pos = _parse_dateline_into(text, pos, found)
    found.body_start = pos
    return found


def _parse_marker(text: str, pos: int, found: Leading) -> int:
    date, pos = parse_date_marker(text, pos)
    if date and "published" not in found.fields:
        found.fields["published"] = date
    return pos


def _parse_dateline_into(text: str, pos: int, found: Leading) -> int:
    parsed = parse_dateline(text, pos)
    if parsed is None:
        return pos
    found.dateline, found.source, found.dateline_date, pos = parsed
    return pos


def skip_space(text: str, pos: int) -> int:
    match = _SPACE_RE.match(text, pos)  # a regex, not a Python loop: a text may open with megabytes of blanks
    return match.end() if match else pos


def parse_header_block(text: str, pos: int) -> tuple[dict[str, str], int]:
    """A block of `Key: value` lines ended by a blank line (or the end of the text).

    Every line of the block must look like a header and at least one key must be known, so a first paragraph
    that happens to contain a colon ("Note: the talks ...") is not swallowed.
    """
    fields: dict[str, str] = {}
    known = False
    cur = pos
    while cur < len(text):
        blank = _BLANK_LINE_RE.match(text, cur)
        if blank:
            if not known:
                return {}, pos
            return fields, skip_space(text, blank.end())
        line = _HEADER_LINE_RE.match(text, cur)
        if not line:
            return {}, pos
        key = line.group("key").strip().lower()
        if key in HEADER_KEYS:
            known = True
            target = HEADER_KEYS[key]
            value = line.group("value").strip()
            if target and value and target not in fields:
                fields[target] = value
        cur = line.end()
    # A file that is nothing but headers has no body: leave it to the caller's emptiness check.
    return ({}, pos) if not known else (fields, len(text))


def parse_date_marker(text: str, pos: int) -> tuple[str | None, int]:
    """A `date YYYY-MM-DD` marker, as some exports put before the dateline (the bundled example does)."""
    m = _DATE_MARKER_RE.match(text, pos)
    if not m or normalize_date(m.group("date")) is None:
        return None, pos
    return m.group("date"), skip_space(text, m.end())


def parse_title_line(text: str, pos: int) -> tuple[str | None, int]:
    """The first line, when it is a short headline followed by a blank line and more text."""
    end = text.find("\n", pos)
    if end < 0:
        return None, pos
    line = text[pos:end].strip()
    rest = _BLANK_LINE_RE.match(text, end + 1)
    if rest is None or not line or text[rest.end() :].strip() == "":
        return None, pos
    if len(line) > TITLE_MAX_CHARS or len(line.split()) > TITLE_MAX_WORDS:
        return None, pos
    # A sentence ends with a period; a headline does not. A dateline line is not a title either.
    if line[-1] in ".,;:" or not any(c.isalpha() for c in line) or parse_dateline(line, 0) is not None:
        return None, pos
    return line, skip_space(text, rest.end())


def parse_dateline(text: str, pos: int) -> tuple[Dateline, str | None, tuple[int | None, int, int] | None, int] | None:
    """A newswire dateline at `pos`: `BAKU, Azerbaijan, August 11.`, `WASHINGTON (Reuters) -`, `KYIV, Ukraine —`.

    Returns the Dateline (span over the place name), the agency, the (year, month, day) if given, and the offset of
    the body after it; None when the text does not open with a dateline.
    """
    m = _DATELINE_RE.match(text, pos)
    if m is None:
        return None
    place = m.group("place")
    agency = (m.group("agency") or m.group("agency2") or "").strip() or None
    date = _dateline_date(m)
    term = m.group("term")
    end = m.end()
    if not _is_dateline(place, term, has_date=date is not None, has_agency=agency is not None):
        return None
    # Only a known agency may end a dateline without punctuation ("Amman, Jordan (CNN) ISIS militants ..."): any
    # other parenthesis ("Nancy Pelosi (D-Calif.) said") is prose. A hyphen, period, colon or bar ends a dateline
    # only when a space follows ("WASHINGTON - The ..."); em and en dashes need none ("WASHINGTON—The").
    if term is None and (agency or "").lower() not in _BARE_AGENCIES:
        return None
    if term in (None, "-", ".", ":", "|") and not _space_at(text, end):
        return None
    region = m.group("region")
    dateline = Dateline(place=title_place(place), country=_country(region), span=(m.start("place"), m.end("place")))
    return dateline, agency, date, skip_space(text, end)


def _space_at(text: str, pos: int) -> bool:
    return pos < len(text) and text[pos].isspace()


def _is_dateline(place: str, term: str | None, *, has_date: bool, has_agency: bool) -> bool:
    letters = [c for c in place if c.isalpha()]
    if len(letters) < 2 or place.upper() in _NOT_PLACES:
        return False
    if place == place.upper():
        # "WASHINGTON." alone is a sentence fragment, not a dateline; with a date it is "BAKU, August 11."
        return term != "." or has_date
    # Title-case places ("Baku, Aug. 11 (Trend) —") only with a date or agency: otherwise any sentence opener matches.
    words = place.split()
    return len(words) <= 3 and all(w[0].isupper() for w in words) and (has_date or has_agency)


def _dateline_date(m: re.Match[str]) -> tuple[int | None, int, int] | None:
    month = m.group("month") or m.group("month2")
    day = m.group("day") or m.group("day2")
    if not month or not day:
        return None
    year = m.group("year") or m.group("year2")
    return (int(year) if year else None, _MONTHS[month[:3].lower()], int(re.sub(r"\D", "", day)))


def _country(region: str | None) -> str | None:
    """The raw country name of a dateline; US state names stand for the United States."""
    if not region:
        return None
    region = region.strip()
    if region.lower() in _US_STATES:
        return "United States"
    return region


def title_place(place: str) -> str:
    """`BAKU` -> `Baku`, `RIO DE JANEIRO` -> `Rio de Janeiro`; mixed-case names are kept as written."""
    if place != place.upper():
        return place
    words = []
    for i, word in enumerate(place.split()):
        lower = word.lower()
        words.append(lower if i and lower in _PLACE_PARTICLES else _title_word(lower))
    return " ".join(words)


def _title_word(word: str) -> str:
    # Capitalise after hyphens, apostrophes and periods too: "Al-Qaim", "N'Djamena", "St.".
    return re.sub(r"(^|[-'’.])([^\W\d_])", lambda m: m.group(1) + m.group(2).upper(), word)


def dateline_published(date: tuple[int | None, int, int] | None, known_year: int | None) -> str | None:
    """The ISO date a dateline gives; a dateline without a year borrows `known_year`, else gives none."""
    if date is None:
        return None
    year, month, day = date
    year = year or known_year
    if year is None:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


_ISO_RE = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")
_YEAR_RE = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")
_MDY_RE = re.compile(rf"(?:\w+,?\s+)?({_MONTH_RE})\s+({_DAY_RE}),?\s+(\d{{4}})", re.IGNORECASE)
_DMY_RE = re.compile(rf"(?:\w+,?\s+)?({_DAY_RE})\s+({_MONTH_RE}),?\s+(\d{{4}})", re.IGNORECASE)


def normalize_date(value: object) -> str | None:
    """An ISO `YYYY-MM-DD` from the date forms inputs use: ISO (with time), RFC 2822, `August 11, 2025`,
    `11 August 2025`. Anything else (a bare year, garbage) gives None rather than a wrong date."""
    if not isinstance(value, str) or not value.strip():
        return None
    s = value.strip()
    if m := _ISO_RE.match(s):
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _MDY_RE.fullmatch(s):
        return _iso(int(m.group(3)), _MONTHS[m.group(1)[:3].lower()], int(re.sub(r"\D", "", m.group(2))))
    if m := _DMY_RE.fullmatch(s):
        return _iso(int(m.group(3)), _MONTHS[m.group(2)[:3].lower()], int(re.sub(r"\D", "", m.group(1))))
    try:
        parsed = email.utils.parsedate_to_datetime(s)
    except (TypeError, ValueError, IndexError, OverflowError):  # OverflowError: a year of 20 digits
        return None
    return parsed.date().isoformat() if parsed else None


def year_of(value: object) -> int | None:
    """The year a date-ish value names, even when it is only a year ("2025")."""
    if iso := normalize_date(value):
        return int(iso[:4])
    if isinstance(value, str) and (m := _YEAR_RE.search(value)):
        return int(m.group(1))
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
