"""`analyze(article) -> Analysis`: the unit of work. Pure, deterministic, and cheap to call again.

Stages, each reading the one spaCy Doc and what the stages before it found:
  1. nlp      parse the body (leading metadata is blanked, so offsets stay those of the original text);
  2. actors   knowledge-base names, persons with roles, sector groups (actors/resolve.py);
  3. quotes   direct, mixed and indirect quotations with resolved speakers (quotes.py);
  4. events   CAMEO-coded events with their evidence (events/coder.py; sides in events/sides.py);
  5. enrich   places geocoded offline and event locations given lat/lon (places.py), dates resolved against the
              publication date and given to events still dated by it (dates.py), themes (themes.py), tone (tone.py).
Heavy resources (model, knowledge base, lexicon) load once per process in `Resources`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .actors.kb import KnowledgeBase, load_kb
from .actors.resolve import DocActors, find_actors, kb_matcher
from .dates import date_events, find_dates
from .errors import DatelineError, InputError
from .events.coder import code_events
from .events.lexicon import Lexicon, load_lexicon
from .model import Analysis, Article, Dateline, Location
from .nlp import Parser, load_nlp, model_label
from .places import find_places, locate_events
from .quotes import find_quotes
from .themes import find_themes
from .tokens import shared, tokens
from .tone import document_tone

if TYPE_CHECKING:
    from .petrarch import PetrarchCoder
    from .petrarch import Setting as PetrarchSetting

log = logging.getLogger(__name__)
_SURROGATES = re.compile("[\ud800-\udfff]")
# Page furniture that scraped news text keeps in its body: video menus ('JUST WATCHED ... Replay More Videos ...
# MUST WATCH ... 02:27') and related-story links ('... Read more', 'More: ...', 'Related: ...', 'Inside Iran:Anger
# as ...', 'Read or Share this story: URL'), each a line with no sentence end: the parser would read their headlines
# as events and glue their names onto the next sentence. (Gallery captions are left: they describe real scenes.)
# Links set in brackets inside a paragraph ('( Also on POLITICO: Obama administration announces new Iran sanctions)')
# likewise, and a video's title with its running time on a line of its own ('Analyst: More violence to come 03:00').
_BOILERPLATE = re.compile(
    r"\bJUST WATCHED\b[^\n]*?\bMUST WATCH\b[^\n]*?\d{1,2}:\d{2}"
    r"|^[^\n]{0,160}[^\s.!?\"'”’)][ \t]+\d{1,2}:\d{2}[ \t]*$"
    r"|^[^\n]*\bRead more[ \t]*$"
    r"|^(?:More|Related|Read or Share this story):[^\n]*$"
    r"|^[A-Z][^:\n]{0,40}:[A-Z][^\n]{0,160}(?<![.,;:?!\"'”’)])[ \t]*$"
    r"|\(\s*(?:Also on [A-Z][\w.]*|Also read|Read|READ|Related|RELATED|See also|SEE ALSO)\s*:[^()\n]*\)",
    re.MULTILINE,
)
# Name cards glued into the text after a person's name: 'Mike Pompeo Michael (Mike) Richard PompeoProtests serve as
# backdrop to Erdoğan's visit ... MORE in a move that ...': the surname, repeated, runs into the headlines of stories
# about the person, closed by 'MORE'. All after the name as shown ('Mike Pompeo') up to 'MORE' is blanked: the full
# name too, which would otherwise be read as another person.
_GLUED_SURNAME = re.compile(r"\b([A-Z][\w'’]*?[a-z])(?=[A-Z][^\n]{0,600}?(?<!READ)(?<!LEARN)(?<!SEE)\sMORE\b(?!:))")
_CARD_END = re.compile(r"\sMORE\b")
NAME_CARD_REACH = 80  # the surname is written out just before it: 'Pompeo Michael (Mike) Richard Pompeo'
MAX_CHARS = 150_000  # calibration: 300,000 chars took 20 s and 1.2 GB; news articles rarely pass 30,000
OUTLET_CUES = {"tell", "to"}  # 'X told Reuters', 'said to AFP'
# A batch is parsed at once, so the parser's memory grows with the batch's characters. Measured on world_news_1k
# (bench/throughput.py, 2 cores): batches of 16 articles (80-140k chars) peaked near 700 MB RSS; capped at 50k
# chars, 410 MB over 300 articles and 520-560 MB over 1,000 (its longest article, 76k chars, is parsed alone), at the
# same speed. The engines (dateline.engines) cut their work with the same `batches`.
BATCH_ARTICLES = 16
BATCH_CHARS = 50_000


@dataclass(frozen=True)
class Resources:
    nlp: object
    kb: KnowledgeBase
    matcher: PhraseMatcher
    lexicon: Lexicon
    parser: Parser
    petrarch: PetrarchCoder | None = None  # PETRARCH/Phoenix dictionaries to code with (dateline.petrarch)

    @cached_property
    def model(self) -> str:  # once: spaCy rebuilds nlp.meta on every access (~1 ms an article when not cached)
        return model_label(self.nlp)


def load_resources(actor_files: tuple[str, ...] = (), petrarch: PetrarchSetting | None = None) -> Resources:
    """The process's resources. `petrarch` is (dictionary paths, mode) to code with PETRARCH dictionaries; by default
    it is read from $DATELINE_PETRARCH_DICTIONARIES / $DATELINE_PETRARCH_MODE, which worker processes inherit."""
    if petrarch is None:
        from .petrarch import setting_from_env

        petrarch = setting_from_env()
    return _load_resources(tuple(actor_files), petrarch)


@lru_cache(maxsize=4)
def _load_resources(actor_files: tuple[str, ...], petrarch: PetrarchSetting | None) -> Resources:
    nlp = load_nlp()
    kb = load_kb(actor_files)
    coder = None
    if petrarch is not None:
        from .petrarch import PetrarchCoder

        coder = PetrarchCoder.load(*petrarch)
    return Resources(nlp, kb, kb_matcher(nlp, kb), load_lexicon(), Parser(nlp), coder)


def analyze(
    text: str | Article,
    *,
    id: str | None = None,
    title: str | None = None,
    published: str | None = None,
    source: str | None = None,
    url: str | None = None,
    resources: Resources | None = None,
) -> Analysis:
    """Analyze one article's text (or an `Article` from `dateline.read`) into an `Analysis`.

    >>> import dateline
    >>> a = dateline.analyze("Russian troops attacked Ukrainian positions near Kharkiv.", published="2024-05-10")
    >>> [(e.source.country, e.code, e.target.country) for e in a.events]
    [('RUS', '190', 'UKR')]
    """
    if isinstance(text, Article):
        article = text
    else:
        from .read import read_text

        article = read_text(text, id=id, title=title, published=published, source=source, url=url)
    return analyze_article(article, resources or load_resources())


def analyze_articles(
    articles: Iterable[Article],
    res: Resources,
    *,
    batch_size: int = BATCH_ARTICLES,
    batch_chars: int = BATCH_CHARS,
) -> Iterator[tuple[Article, Analysis | DatelineError]]:
    """`(article, analysis)` for many articles, parsed in batches (faster than one by one); order is kept.

    An article that cannot be analyzed yields `(article, error)` instead of stopping the run. Batches hold at most
    `batch_size` articles and `batch_chars` characters (see `batches`), which bounds the parser's memory.
    """
    for batch in batches(articles, batch_size=batch_size, batch_chars=batch_chars):
        yield from analyze_batch(batch, res)


def batches(
    articles: Iterable[Article], *, batch_size: int = BATCH_ARTICLES, batch_chars: int = BATCH_CHARS
) -> Iterator[list[Article]]:
    """Consecutive batches of at most `batch_size` articles and `batch_chars` characters, lazily, in order.

    An article longer than `batch_chars` makes a batch of its own. The analysis of an article does not depend on
    the batch it is parsed in, so any batching gives the same records (tests/test_engines.py checks it).
    """
    if batch_size < 1 or batch_chars < 1:
        raise ValueError("batch_size and batch_chars must be at least 1")
    batch: list[Article] = []
    chars = 0
    for article in articles:
        size = len(article.text)
        if batch and (len(batch) >= batch_size or chars + size > batch_chars):
            yield batch
            batch, chars = [], 0
        batch.append(article)
        chars += size
    if batch:
        yield batch


def analyze_batch(batch: list[Article], res: Resources) -> Iterator[tuple[Article, Analysis | DatelineError]]:
    """One batch, parsed together: what `analyze_articles` and the engines' workers run."""
    fits = [a for a in batch if len(a.text) <= MAX_CHARS]
    parsed = res.parser.pipe(_blank_header(a.text, a.body_start) for a in fits)
    docs = dict(zip((id(a) for a in fits), parsed, strict=True))
    for article in batch:
        doc = docs.get(id(article))
        try:
            yield article, analyze_article(article, res, doc=doc)
        except DatelineError as exc:
            yield article, exc
        except Exception as exc:  # one odd article must not end a corpus run: report it, coded, and go on
            log.exception("analysis failed on %s", article.path or article.id)
            reason = f"{type(exc).__name__}: {exc}"
            yield article, DatelineError("DL114", path=article.path or article.id or "<text>", reason=reason)


def analyze_article(article: Article, res: Resources, *, doc: Doc | None = None) -> Analysis:
    """One article; `doc` is its parse when the caller parsed it already (see analyze_articles)."""
    text = article.text
    if len(text) > MAX_CHARS:
        raise InputError("DL111", path=article.path or article.id or "<text>", size=len(text), limit=MAX_CHARS)
    if doc is None:
        doc = res.parser(_blank_header(text, article.body_start))
    with shared(doc):  # the stages walk one list of the Doc's tokens (tokens.py)
        return _analyze_parsed(article, res, doc)


def _analyze_parsed(article: Article, res: Resources, doc: Doc) -> Analysis:
    text = article.text
    dateline = _resolve_dateline(article.dateline, res.kb)
    actors = find_actors(
        doc, res.kb, res.matcher, default_country=dateline.country if dateline else None, published=article.published
    )
    quotes = find_quotes(doc, actors, text, article.body_start)
    location = Location(dateline.place, dateline.country) if dateline else None
    events = code_events(
        doc,
        actors,
        res.lexicon,
        quotes=quotes,
        published=article.published,
        dateline_location=location,
        body_start=article.body_start,
    )
    if res.petrarch is not None:  # PETRARCH dictionaries: their events instead of ours, or added to ours
        events = res.petrarch.code(doc, article, events)
    analysis = Analysis(
        id=article.id or article.content_hash[:16],
        text_length=len(text),
        content_hash=article.content_hash,
        title=article.title,
        published=article.published,
        source=article.source or _outlet(doc, res.kb, article.body_start),
        url=article.url,
        lang=article.lang,
        path=article.path,
        dateline=dateline,
        actors=_actor_list(actors),
        events=events,
        quotes=quotes,
        model=res.model,
    )
    _enrich(analysis, doc, text, res.kb, article.body_start)
    return analysis


def _enrich(analysis: Analysis, doc: Doc, text: str, kb: KnowledgeBase, body_start: int) -> None:
    """Stage 5: places and event coordinates, dates, themes, tone; each a linear pass over the body.

    A failure is contained: it is logged and leaves that enrichment empty, never the article's events or quotes.
    """
    for name, stage in (("places", _places), ("dates", _dates), ("themes", _themes), ("tone", _tone)):
        try:
            stage(analysis, doc, text, kb, body_start)
        except Exception:
            log.warning("enrichment %r failed on article %s; left empty", name, analysis.id, exc_info=True)


def _places(analysis: Analysis, doc: Doc, text: str, kb: KnowledgeBase, body_start: int) -> None:
    default_country = analysis.dateline.country if analysis.dateline else None
    entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    analysis.places = find_places(
        text, entities=entities, actors=analysis.actors, kb=kb, default_country=default_country, start=body_start
    )
    named = [*([default_country] if default_country else []), *(p.country for p in analysis.places if p.country)]
    locate_events(analysis.events, kb=kb, countries=list(dict.fromkeys(named)))


def _dates(analysis: Analysis, doc: Doc, text: str, kb: KnowledgeBase, body_start: int) -> None:
    analysis.dates = find_dates(text, analysis.published, start=body_start)
    date_events(analysis.events, analysis.dates, analysis.published)


def _themes(analysis: Analysis, doc: Doc, text: str, kb: KnowledgeBase, body_start: int) -> None:
    analysis.themes, analysis.theme_hits = find_themes(text, start=body_start, events=analysis.events)


def _tone(analysis: Analysis, doc: Doc, text: str, kb: KnowledgeBase, body_start: int) -> None:
    analysis.tone = document_tone(text, start=body_start, doc=doc)


def _blank_header(text: str, body_start: int) -> str:
    """Replace leading metadata with spaces (newlines kept) so the parser sees only the body, at the same offsets;
    video menus and related-story links inside the body likewise (`_blank_boilerplate`).

    Lone surrogates (a Python string may hold them; spaCy cannot encode them) become U+FFFD, one for one.
    """
    text = _SURROGATES.sub("\ufffd", text)
    text = _blank_boilerplate(text)
    if body_start <= 0:
        return text
    head = "".join(c if c == "\n" else " " for c in text[:body_start])
    return head + text[body_start:]


def _blank_boilerplate(text: str) -> str:
    """Video menus, related-story links and name cards as spaces, at the same offsets (see _BOILERPLATE)."""
    return _blank_name_cards(_BOILERPLATE.sub(lambda m: " " * len(m.group(0)), text))


def _blank_name_cards(text: str) -> str:
    """Name cards (see _GLUED_SURNAME) as spaces: a surname glued to a capital and written out in the words just
    before it; from that first writing to the next 'MORE'."""
    if " MORE" not in text:
        return text
    pieces: list[str] = []
    done = 0
    for m in _GLUED_SURNAME.finditer(text):
        reach = max(done, m.start() - NAME_CARD_REACH)
        if m.start() < reach:
            continue
        shown = list(re.finditer(rf"\b{re.escape(m.group(1))}[\w'’]*", text[reach : m.start()]))
        end = _CARD_END.search(text, m.end())
        if not shown or end is None:
            continue
        start = reach + shown[-1].end()  # the name as shown stays; the full name and the headlines go
        pieces += [text[done:start], " " * (end.end() - start)]
        done = end.end()
    return "".join(pieces) + text[done:]


def _resolve_dateline(dateline: Dateline | None, kb: KnowledgeBase) -> Dateline | None:
    """Map the dateline's place (or the country written after it) to an ISO code."""
    if dateline is None:
        return None
    for name in (dateline.country, dateline.place):
        entry = kb.lookup(name) if name else None
        if entry is not None and entry.kind not in {"igo", "ngo"}:
            return Dateline(dateline.place, entry.country, dateline.span)
    return Dateline(dateline.place, None, dateline.span)


def _outlet(doc: Doc, kb: KnowledgeBase, body_start: int) -> str | None:
    """The outlet named in the text: 'X told Trend', '(Reuters) -', 'told AFP'."""
    toks = tokens(doc)
    for t in toks:
        if t.idx < body_start or not t.text[:1].isupper():
            continue
        if kb.is_outlet(t.text) and (t.head.lemma_.lower() in OUTLET_CUES or toks[t.i - 1].text == "("):
            return t.text
    return None


def _actor_list(actors: DocActors) -> list:
    out = [a for a in actors.actors.values() if a.mentions]
    for a in out:
        a.mentions.sort()
    kind_order = {"person": 0, "group": 1, "organization": 2, "country": 3}
    return sorted(out, key=lambda a: (kind_order.get(a.kind, 9), a.mentions[0]))
