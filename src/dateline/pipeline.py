"""`analyze(article) -> Analysis`: the unit of work. Pure, deterministic, and cheap to call again.

Stages, each reading the one spaCy Doc and what the stages before it found:
  1. nlp      parse the body (leading metadata is blanked, so offsets stay those of the original text);
  2. actors   knowledge-base names, persons with roles, sector groups (actors/resolve.py);
  3. quotes   direct, mixed and indirect quotations with resolved speakers (quotes.py);
  4. events   CAMEO-coded events with their evidence (events/coder.py).
Heavy resources (model, knowledge base, lexicon) load once per process in `Resources`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .actors.kb import KnowledgeBase, load_kb
from .actors.resolve import DocActors, find_actors, kb_matcher
from .errors import InputError
from .events.coder import code_events
from .events.lexicon import Lexicon, load_lexicon
from .model import Analysis, Article, Dateline, Location
from .nlp import load_nlp, model_label
from .quotes import find_quotes

MAX_CHARS = 1_000_000  # spaCy's own default limit; the parser needs about 1 GB per 100,000 characters
OUTLET_CUES = {"tell", "to"}  # 'X told Reuters', 'said to AFP'


@dataclass(frozen=True)
class Resources:
    nlp: object
    kb: KnowledgeBase
    matcher: PhraseMatcher
    lexicon: Lexicon

    @property
    def model(self) -> str:
        return model_label(self.nlp)


@lru_cache(maxsize=4)
def load_resources(actor_files: tuple[str, ...] = ()) -> Resources:
    nlp = load_nlp()
    kb = load_kb(actor_files)
    return Resources(nlp, kb, kb_matcher(nlp, kb), load_lexicon())


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
    [('RUS', '180', 'UKR')]
    """
    if isinstance(text, Article):
        article = text
    else:
        from .read import read_text

        article = read_text(text, id=id, title=title, published=published, source=source, url=url)
    return analyze_article(article, resources or load_resources())


def analyze_article(article: Article, res: Resources) -> Analysis:
    text = article.text
    if len(text) > MAX_CHARS:
        raise InputError("DL111", path=article.path or article.id or "<text>", size=len(text), limit=MAX_CHARS)
    doc = res.nlp(_blank_header(text, article.body_start))
    dateline = _resolve_dateline(article.dateline, res.kb)
    actors = find_actors(doc, res.kb, res.matcher, default_country=dateline.country if dateline else None)
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
    return Analysis(
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


def _blank_header(text: str, body_start: int) -> str:
    """Replace leading metadata with spaces (newlines kept) so the parser sees only the body, at the same offsets."""
    if body_start <= 0:
        return text
    head = "".join(c if c == "\n" else " " for c in text[:body_start])
    return head + text[body_start:]


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
    for t in doc:
        if t.idx < body_start or not t.text[:1].isupper():
            continue
        if kb.is_outlet(t.text) and (t.head.lemma_.lower() in OUTLET_CUES or doc[t.i - 1].text == "("):
            return t.text
    return None


def _actor_list(actors: DocActors) -> list:
    out = [a for a in actors.actors.values() if a.mentions]
    for a in out:
        a.mentions.sort()
    kind_order = {"person": 0, "group": 1, "organization": 2, "country": 3}
    return sorted(out, key=lambda a: (kind_order.get(a.kind, 9), a.mentions[0]))
