"""The Analysis record: dateline's output contract (DESIGN.md §2).

Every stage reads an `Article` and fills parts of one `Analysis`. Records are plain dataclasses so they
pickle cheaply across worker processes and serialise to the JSON contract with `to_dict()`.
Spans are `(start, end)` Python string offsets into `Article.text`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, replace
from typing import Any

UNKNOWN_COUNTRY = "---"  # the country of a side the text does not let us place

Span = tuple[int, int]


def content_hash(text: str) -> str:
    """Stable identity of an article's text: what ingest deduplicates on."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Article:
    text: str
    id: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    source: str | None = None  # outlet
    url: str | None = None
    lang: str | None = None
    path: str | None = None  # where it was read from (file, file:line, feed item)
    body_start: int = 0  # offset where the article body begins (after leading metadata/dateline)
    dateline: Dateline | None = None

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


@dataclass
class Dateline:
    place: str
    country: str | None
    span: Span


@dataclass
class Actor:
    """A real-world actor mentioned in the article, resolved to CAMEO country + sector."""

    name: str
    code: str  # CAMEO actor code, country + sector, e.g. USAGOV; "---" prefix when the country is unknown
    country: str  # ISO alpha-3 or IGO code, "---" when unknown
    sector: str | None
    role: str | None = None
    kind: str = "person"  # person | country | organization | group
    mentions: list[Span] = field(default_factory=list)
    inferred_from: str | None = None  # knowledge-base | title | apposition | coreference | user-dictionary ...


@dataclass
class EventActor:
    text: str
    span: Span
    name: str
    code: str
    country: str
    sector: str | None
    inferred: bool = False  # not named in the sentence: taken from the document's context


@dataclass
class Location:
    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    kind: str | None = None  # geocoded as: country | us_state | us_city | city | region (places.py)
    geonameid: int | None = None  # GeoNames id of the matched place (country: the country's id)
    admin1: str | None = None  # GeoNames first-level division code of the place ("DC", "09")


@dataclass
class Event:
    code: str
    root: str
    name: str
    quad_class: int
    goldstein: float
    source: EventActor
    target: EventActor | None
    trigger: str
    trigger_span: Span
    sentence_span: Span
    date: str | None = None
    location: Location | None = None
    in_quote: bool = False
    attributed_to: str | None = None
    background: bool = False
    modality: str = "asserted"
    confidence: float = 0.5


@dataclass
class Speaker:
    name: str | None
    mention: str | None
    mention_span: Span | None
    actor_code: str | None = None


@dataclass
class Quote:
    type: str  # direct | mixed | indirect
    content: str
    content_span: Span
    speaker: Speaker
    cue: str | None
    cue_span: Span | None


@dataclass
class Place:
    name: str
    country: str | None
    span: Span
    lat: float | None = None
    lon: float | None = None
    kind: str | None = None  # country | us_state | us_city | city | region
    geonameid: int | None = None
    admin1: str | None = None
    text: str | None = None  # the mention as written, when it differs from the canonical name


@dataclass
class ThemeHit:
    """One trigger of a theme: the evidence for `Analysis.themes`."""

    theme: str
    trigger: str
    span: Span


@dataclass
class DateMention:
    """A date expression resolved against the publication date ("on Tuesday" -> 2025-08-05)."""

    text: str
    span: Span
    date: str  # ISO: YYYY-MM-DD, YYYY-MM or YYYY as `resolution` says
    resolution: str  # day | month | year
    relative: bool = False  # resolved from the publication date ("yesterday", "last week")


@dataclass
class Tone:
    tone: float
    positive: float
    negative: float
    polarity: float
    words: int
    activity: float | None = None  # % of words that are verbs (GDELT's activity reference density)
    self_group: float | None = None  # % of words that are personal pronouns (self/group reference density)


@dataclass
class Analysis:
    id: str
    text_length: int
    content_hash: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    lang: str | None = None
    path: str | None = None
    dateline: Dateline | None = None
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    tone: Tone | None = None
    model: str | None = None  # spaCy model name/version that produced it
    theme_hits: list[ThemeHit] = field(default_factory=list)  # evidence of `themes`
    dates: list[DateMention] = field(default_factory=list)  # dates mentioned, resolved

    def to_dict(self) -> dict[str, Any]:
        return _listify(asdict(self))

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    def confident(self, min_confidence: float) -> Analysis:
        """The same analysis with only the events whose `confidence` is at least `min_confidence`.

        Events with a side the text leaves unnamed (country '---') or only implied carry lower confidence; on hand-read
        world news they are right less often (docs/scoring.md), so a threshold trades events for precision.

        >>> import dateline
        >>> a = dateline.analyze("Russian troops attacked Ukrainian positions near Kharkiv.")
        >>> [e.code for e in a.confident(0.6).events]
        ['190']
        """
        return replace(self, events=[e for e in self.events if e.confidence >= min_confidence])

    def dyadic(self) -> Analysis:
        """The same analysis with only the events both of whose sides have a country: no side left unknown ('---'),
        as PETRARCH's `require_dyad` keeps them. On hand-read world news such events are right more often
        (docs/scoring.md).

        >>> import dateline
        >>> a = dateline.analyze("Three US soldiers were killed by a roadside bomb. Russia attacked Ukraine.")
        >>> [(e.source.country, e.target.country) for e in a.events]
        [('---', 'USA'), ('RUS', 'UKR')]
        >>> [(e.source.country, e.target.country) for e in a.dyadic().events]
        [('RUS', 'UKR')]
        """
        return replace(
            self, events=[e for e in self.events if UNKNOWN_COUNTRY not in {e.source.country, e.target.country}]
        )


def _listify(value: Any) -> Any:
    """JSON has no tuples: spans become [start, end]."""
    if isinstance(value, dict):
        return {k: _listify(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_listify(v) for v in value]
    return value
