"""Quotations and their speakers.

Four passes over one parsed document, each linear in its length:
  1. marks     pair quotation marks into spans (`quote_spans`): curly, straight, typewriter '' and ``,
               «guillemets», „German“ and single marks (nested single marks stay inside their quotation).
               A quotation may run over several paragraphs, whether or not each continuation paragraph re-opens
               the mark (newswire style); unbalanced marks never raise and never cost the quotations after them:
               an unclosed quotation ends with its own line, or where the next one opens.
  2. direct    attribute each span to a cue: '"...," she said' / '"...," said X' / '"...," X, a spokesman for
               Y, said' / 'X warned: "..."' / 'X tweeted — "..."' / 'X called the plan "a disaster"'. The spans one
               attribution holds together ('"A," she said. "B."', and a cue-less quotation paragraph right after)
               make one quotation. When the reported clause holds more than the quoted words ('X said the deal
               was "a disaster" for the region') the quotation is mixed and its content is the whole clause.
  3. indirect  a cue outside quotation marks with what it reports (cues.yaml): a clause ('X noted that ...',
               '..., X told Trend.', 'The plan, she said, ...'), an infinitive ('X vowed to ...'), a position
               ('X endorsed Y', 'X called for ...'), 'according to X', or a headline 'X: ...'.
  4. speakers  the cue's subject as mentioned ('he', 'the analyst', 'Garayev', 'Smith, a spokesman for Y'),
               resolved to a name and an actor code through the document's actors: pronouns to the nearest person
               named outside every quotation, descriptions to the person with that role; a quotation with no cue
               goes on with the speaker of the quotation just before it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy
import yaml
from spacy.attrs import LEMMA, LOWER, ORTH, POS
from spacy.strings import get_string_id
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Token

from .actors.resolve import DocActors
from .model import Quote, Speaker
from .tokens import children, tokens

# '' and `` (typewriter style) and doubled single marks stand for double marks in some wire copy
DOUBLE_OPENERS = {"“": "”", "«": "»", "„": "“", "‟": "”", '"': '"', "''": "''", "``": "''", "‘‘": "’’"}
DOUBLE_MARKS = re.compile("''|``|‘‘|’’|[“”«»„‟\"]")
SINGLE_MARKS = re.compile("(?<!['‘’])[‘’‹›‚'](?!['‘’])")
STRAIGHT = {'"', "''"}
OPEN_AFTER = set("([{—–-:,;/")  # a straight mark right after one of these opens a quotation
MAX_PARAGRAPHS = 8  # a quotation still open after this many paragraphs is taken to be a stray mark
MAX_SINGLE_CHARS = 600  # single marks further apart than this are apostrophes, not one quotation
MIN_DIRECT_WORDS = 4  # shorter quoted runs without a cue are scare quotes ('so-called "blockade"')
MIN_REPORTED_WORDS = 3  # 'he said so' reports nothing worth a record
MIN_STANCE_WORDS = 1  # 'X endorsed Clinton': a name is the whole position
MAX_CONTEXT_LINES = 1  # an unattributed quotation is given to a person named in its paragraph or the one before
MAX_HEADLINE_SOURCE = 5  # 'Dr. Ben Carson: ...', 'Clinton camp: ...'
MAX_HEADLINE_TOKENS = 40  # a headline, not a paragraph that happens to hold a colon
NOT_SOURCES = {"related", "note", "update", "editor", "watch", "read", "photo", "video", "correction", "source"}
MAX_GAP = 40  # tokens scanned between a quotation and its cue
MAX_DEPTH = 40  # parse-tree steps followed up from a token (a guard against cycles in odd parses)
SENTENCE_END = {".", "!", "?", ";"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
PRONOUNS = PERSON_PRONOUNS | {"i", "we", "they", "it", "you", "me", "us", "them"}
CLAUSE_DEPS = {"ccomp", "xcomp", "dobj", "oprd", "attr", "acomp", "parataxis", "dative"}
APPENDED_DEPS = {"nsubj", "npadvmod", "advmod", "prt", "dative", "dobj", "prep", "agent"}
TIMES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
ADVERBIAL_MARKS = {"as", "while", "because", "since", "although", "though", "when", "after", "before", "until"}
AUDIENCE_CUES = {"tell", "ask", "inform", "remind", "assure", "warn", "urge", "notify", "advise"}
NAMING_PREPS = {"call", "refer", "describe", "characterize", "dismiss", "denounce", "decry", "praise", "criticize"}
TITLE_CUES = {"title", "entitle", "call", "name", "dub", "headline", "label", "brand", "nickname"}
INVERTED_DEPS = {"dobj", "attr", "npadvmod", "dative", "nsubj", "appos"}


# -------------------------------------------------------------------- cue lexicon


@dataclass(frozen=True)
class CueEntry:
    particles: tuple[str, ...]  # words that must depend on the verb ('point' needs 'out')
    kinds: frozenset[str]  # speech | thought | intent | naming | stance


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[str, tuple[CueEntry, ...]]:
    """lemma -> its entries, from data/quotes/cues.yaml."""
    raw = yaml.safe_load((resources.files("dateline") / "data" / "quotes" / "cues.yaml").read_text("utf-8"))
    kinds: dict[tuple[str, ...], set[str]] = {}
    for kind in ("speech", "thought", "intent", "naming", "stance"):
        for entry in raw.get(kind) or []:
            kinds.setdefault(tuple(entry.split()), set()).add(kind)
    table: dict[str, list[CueEntry]] = {}
    for words, ks in kinds.items():
        table.setdefault(words[0], []).append(CueEntry(words[1:], frozenset(ks)))
    # entries with a particle first: 'go on' before a bare 'go'
    return {k: tuple(sorted(v, key=lambda e: -len(e.particles))) for k, v in table.items()}


def cue_entry(t: Token) -> CueEntry | None:
    """The lexicon entry a token is a cue by, if any ('called for' -> 'call for', 'called' -> 'call')."""
    if t.pos_ not in {"VERB", "AUX"}:
        return None
    for entry in cue_lexicon().get(t.lemma_.lower(), ()):
        if all(any(c.lower_ == p for c in children(t)) for p in entry.particles):
            return entry
    return None


def cue_kinds(t: Token) -> frozenset[str]:
    """The kinds of cue a token is (speech, thought, intent, naming, stance); empty when it is none."""
    entry = cue_entry(t)
    return entry.kinds if entry is not None else frozenset()


def _is_speech(t: Token) -> bool:
    return "speech" in cue_kinds(t)


def _attributes_marks(t: Token) -> bool:
    """A cue for a marked quotation: a speech verb, or a naming verb with a speaker ('X called it "a farce"')."""
    kinds = cue_kinds(t)
    if "speech" in kinds:
        return True
    return "naming" in kinds and t.dep_ not in {"acl", "amod"} and _subject(t) is not None


# -------------------------------------------------------------------- 1. quotation marks


@dataclass
class QuoteSpan:
    start: int  # first character inside the marks
    end: int  # end of the content (the closing mark's offset)
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark, None when recovered from an unbalanced mark
    single: bool = False  # 'single' marks: a quotation only when a cue attributes it


class _Lines:
    """Paragraph numbers of a text: blank-line paragraphs, or lines when the text has no blank line."""

    def __init__(self, text: str) -> None:
        sep = r"\n(?:[ \t]*\n)+" if re.search(r"\n[ \t]*\n", text) else r"\n"
        self.starts = [0] + [m.end() for m in re.finditer(sep, text)]

    def index(self, i: int) -> int:
        return bisect_right(self.starts, i) - 1


def quote_spans(text: str, start: int = 0) -> list[QuoteSpan]:
    """Pair the quotation marks of text[start:] into spans, in text order; never raises on odd marks.

    Linear in the number of marks (a bisect per mark), so a text of 10,000 stray marks costs milliseconds.
    """
    doubles = _pair_doubles(text, start, _Lines(text))
    singles = _pair_singles(text, start, doubles)
    return sorted(doubles + singles, key=lambda s: s.open_at)


def _pair_doubles(text: str, start: int, lines: _Lines) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    open_at = tail = -1  # tail: the latest (re-)opening mark of the open quotation
    width = 1  # length of the opening mark ('' and `` are two characters)
    closer = ""
    for m in DOUBLE_MARKS.finditer(text, start):
        i, mark = m.start(), m.group()
        if open_at < 0:
            if _can_open(text, i, mark):
                open_at, tail, width, closer = i, i, len(mark), DOUBLE_OPENERS[mark]
            continue
        if lines.index(i) - lines.index(open_at) > MAX_PARAGRAPHS:
            spans.append(_recover(text, open_at, width, tail))
            open_at = -1
            if _can_open(text, i, mark):
                open_at, tail, width, closer = i, i, len(mark), DOUBLE_OPENERS[mark]
            continue
        if lines.index(i) > lines.index(tail) and _line_start(text, i, start) and _can_open(text, i, mark):
            tail = i  # a continuation paragraph re-opening the mark (newswire style): the quotation goes on
            continue
        if (mark == closer and mark not in STRAIGHT) or _can_close(text, i, mark):
            spans.append(QuoteSpan(open_at + width, i, open_at, i))
            open_at = -1
        elif _can_open(text, i, mark):
            # an opening mark while a quotation is open: the earlier mark was stray
            spans.append(_recover(text, open_at, width, tail, i))
            open_at, tail, width, closer = i, i, len(mark), DOUBLE_OPENERS[mark]
    if open_at >= 0:
        spans.append(_recover(text, open_at, width, tail))
    return [s for s in spans if s.end > s.start]


def _pair_singles(text: str, start: int, doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    """Single marks outside double quotations, paired within a line ('We will win,' he said)."""
    spans: list[QuoteSpan] = []
    # a closing double mark may be two characters long ('')
    bounds = sorted((s.open_at, (s.end if s.close_at is None else s.close_at) + 1) for s in doubles)
    j = 0
    open_at = -1
    for m in SINGLE_MARKS.finditer(text, start):
        i = m.start()
        while j < len(bounds) and bounds[j][1] < i:
            j += 1
        if j < len(bounds) and bounds[j][0] <= i:
            continue  # nested in a double quotation: part of its content
        if open_at >= 0 and (i - open_at > MAX_SINGLE_CHARS or _crosses(text, open_at, i)):
            open_at = -1
        if open_at >= 0 and _single_closes(text, i):
            if i > open_at + 1:
                spans.append(QuoteSpan(open_at + 1, i, open_at, i, single=True))
            open_at = -1
        elif _single_opens(text, i):
            open_at = i
    return spans


def _crosses(text: str, a: int, b: int) -> bool:
    """A line break or a double mark between two single marks: they are not one quotation."""
    return text.find("\n", a, b) != -1 or DOUBLE_MARKS.search(text, a, b) is not None


def _glued_close(text: str, i: int, width: int = 1) -> bool:
    """A mark glued to the end of a word, before a space or punctuation, closes ('“rapists“ and')."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)")


def _can_open(text: str, i: int, mark: str) -> bool:
    if mark in {"«", "„", "‟", "``", "‘‘"}:
        return True
    if mark == "“":
        return not _glued_close(text, i)  # a typo for the closing mark
    if mark not in STRAIGHT:
        return False
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    return (before.isspace() or before in OPEN_AFTER) and not after.isspace()


def _can_close(text: str, i: int, mark: str) -> bool:
    if mark in {"”", "»", "’’"}:
        return True
    if mark == "“":
        return _glued_close(text, i)
    if mark not in STRAIGHT:
        return False
    # a straight mark closes unless it plainly opens (space before, a word after)
    before = text[i - 1] if i > 0 else " "
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    return not (before.isspace() and not after.isspace())


def _single_opens(text: str, i: int) -> bool:
    ch = text[i]
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace():
        return False
    if ch in {"‘", "‹", "‚"}:
        return True
    before = text[i - 1] if i > 0 else " "
    return ch == "'" and (before.isspace() or before in OPEN_AFTER)


def _single_closes(text: str, i: int) -> bool:
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch not in {"’", "›", "'", "‘"} or before.isspace():
        return False
    return not after.isalnum()  # don’t, Clinton’s: an apostrophe inside a word


def _line_start(text: str, i: int, floor: int = 0) -> bool:
    j = i - 1
    while j >= floor and text[j] in " \t":
        j -= 1
    return j < floor or text[j] == "\n"


def _recover(text: str, open_at: int, width: int, tail: int, limit: int | None = None) -> QuoteSpan:
    """An unclosed quotation ends with the line of its last (re-)opening mark, or before the next quotation."""
    end = text.find("\n", tail)
    end = len(text) if end == -1 else end
    if limit is not None:
        end = min(end, limit)
    while end > open_at + width and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(open_at + width, end, open_at, None)


# -------------------------------------------------------------------- token index


class _Index:
    """Character offsets -> tokens, and which tokens lie inside quotation marks."""

    def __init__(self, doc: Doc, text: str, spans: list[QuoteSpan]) -> None:
        self.tok = tokens(doc)  # Token objects made once (tokens.py); `doc[i]` would make a new one each time
        self.text = text
        self.starts: list[int] = doc.to_array("IDX").tolist() if len(doc) else []
        spaces = numpy.flatnonzero(doc.to_array("IS_SPACE")).tolist() if len(doc) else []
        self.line_breaks = [i for i in spaces if "\n" in self.tok[i].text]
        self.inside = bytearray(len(doc))
        self.marks = bytearray(len(doc))
        for qs in spans:
            a, b = self.first_at(qs.start), self.first_at(qs.end)
            self.inside[a:b] = b"\x01" * (b - a)
            for offset in (qs.open_at, qs.close_at):
                if offset is not None:
                    self.marks[self.token_at(offset)] = 1

    def token_at(self, char: int) -> int:
        """The token holding character `char` (or the next token)."""
        i = bisect_right(self.starts, char) - 1
        if i < 0:
            return 0
        t = self.tok[i]
        return i if char < t.idx + len(t.text) or i + 1 >= len(self.tok) else i + 1

    def first_at(self, char: int) -> int:
        """The first token starting at or after `char` (len(doc) when none)."""
        i = bisect_right(self.starts, char - 1)
        if i > 0 and self.starts[i - 1] < char < self.starts[i - 1] + len(self.tok[i - 1].text):
            return i - 1  # char falls inside a token: that token
        return i

    def boundary(self, i: int) -> bool:
        """A token no cue search crosses: a line break, the next quotation."""
        t = self.tok[i]
        return self.inside[i] == 1 or self.marks[i] == 1 or (t.is_space and "\n" in t.text)

    def chars(self, a: int, b: int) -> tuple[int, int]:
        """Character span of tokens a..b-1."""
        last = self.tok[b - 1]
        return self.tok[a].idx, last.idx + len(last.text)


# -------------------------------------------------------------------- 2. direct and mixed quotes


@dataclass
class _Cue:
    token: Token  # the reporting verb, 'according', or the colon/dash of an introduction
    subject: Token | None
    span: tuple[int, int]
    before: bool  # the cue comes before the quotation


@dataclass
class _Group:
    """Quotation spans held together by one attribution."""

    spans: list[QuoteSpan]
    cue: _Cue | None


def find_quotes(doc: Doc, actors: DocActors, text: str, body_start: int = 0) -> list[Quote]:
    """Every quotation of one article, in text order. `doc` is the parse of `text` (same offsets; metadata before
    `body_start` blanked), `actors` its `find_actors` result."""
    spans = quote_spans(text, body_start)
    ix = _Index(doc, text, spans)
    lines = _Lines(text)
    groups = _group(ix, [(qs, _attribute(ix, actors, qs)) for qs in spans], lines)
    quotes: list[Quote] = []
    used_cues: set[int] = set()
    covered = bytearray(len(doc))
    floor = 0  # the first token a quotation may take: quotations never overlap
    for g in groups:
        if g.spans[0].open_at < (quotes[-1].content_span[1] if quotes else 0):
            continue  # already taken by the reported clause of the quotation before ('a "loser," a "liar"')
        quote = _direct_quote(ix, actors, g, floor)
        if quote is None:
            continue
        floor = ix.first_at(quote.content_span[1])
        if g.cue is not None:
            used_cues.add(g.cue.token.i)
        a, b = ix.first_at(quote.content_span[0]), ix.first_at(quote.content_span[1])
        covered[a:b] = b"\x01" * (b - a)
        quotes.append(quote)
    quotes.extend(_indirect(ix, actors, used_cues, covered))
    quotes.sort(key=lambda q: q.content_span)
    _continue_speakers(quotes, lines)
    _resolve_pronouns(ix, actors, quotes, lines)
    return quotes


def _attribute(ix: _Index, actors: DocActors, qs: QuoteSpan) -> _Cue | None:
    """The cue of one quotation span: after it ('..." he said'), else before it ('He said: "...')."""
    cue = _cue_after(ix, qs) or _cue_before(ix, qs)
    if cue is not None and cue.subject is None and cue.token.pos_ == "VERB":
        cue.subject = _person_near(ix, actors, cue.token)
    return cue


def _person_near(ix: _Index, actors: DocActors, cue: Token) -> Token | None:
    """A cue whose subject the parse missed ('"...," Trump, the GOP front-runner who ..., said'): the person
    named next to it in its clause, looking back first."""
    doc = ix.tok
    j = cue.i - 1
    while j >= 0 and cue.i - j <= MAX_GAP and not ix.boundary(j) and doc[j].text not in SENTENCE_END:
        actor = actors.actor_at(j)
        if actor is not None and actor.kind == "person":
            return doc[j]
        j -= 1
    for j in range(cue.i + 1, min(len(doc), cue.i + 6)):
        if ix.boundary(j) or doc[j].text in SENTENCE_END:
            break
        actor = actors.actor_at(j)
        if actor is not None and actor.kind == "person":
            return doc[j]
    return None


def _cue_after(ix: _Index, qs: QuoteSpan) -> _Cue | None:
    if qs.close_at is None:
        return None
    doc = ix.tok
    gap: list[Token] = []
    next_quote = False
    for i in range(ix.token_at(qs.close_at) + 1, min(len(doc), ix.token_at(qs.close_at) + 1 + MAX_GAP)):
        if ix.boundary(i):
            next_quote = ix.marks[i] == 1
            break
        gap.append(doc[i])
        if doc[i].text in SENTENCE_END:
            break
    if next_quote and ix.text[qs.end - 1 : qs.end] == ".":
        return None  # '"... ." He added, "...': after a full stop the attribution introduces the next quotation
    cue = _shallowest(t for t in gap if _is_speech(t) or _is_according(t))
    if cue is None and ix.text[qs.end - 1 : qs.end] in {",", "?", "!", "—"}:
        # '"...," she smiled': a quotation closed on a comma is attributed by the short clause that follows it
        words = [t for t in gap if not t.is_punct and not t.is_space]
        cue = next((t for t in words[:4] if t.pos_ == "VERB" and not _has_object(t)), None)
        subject = _subject(cue) if cue is not None else None
        if subject is None or len(words) > 8 or subject.tag_ in {"WDT", "WP"}:
            cue = None
    if cue is None or _introduces_new_speech(ix, cue) or _subordinate(cue):
        return None
    return _make_cue(ix, cue, before=False)


def _has_object(t: Token) -> bool:
    return any(c.dep_ in {"dobj", "ccomp", "xcomp", "attr", "acomp"} for c in children(t))


def _subordinate(cue: Token) -> bool:
    """'..." because voters can change ...': a verb in a subordinate clause attributes nothing."""
    if cue.lower_ == "according":
        return False
    return cue.dep_ in {"relcl", "acl", "amod", "pcomp", "advcl"} or any(c.dep_ == "mark" for c in children(cue))


def _cue_before(ix: _Index, qs: QuoteSpan) -> _Cue | None:
    doc = ix.tok
    opening = ix.token_at(qs.open_at)
    window = _back_window(ix, opening)
    cue = next((t for t in reversed(window) if _attributes_marks(t) or _is_according(t)), None)
    if cue is not None:
        return _make_cue(ix, cue, before=True)
    intro = _introducer(window)
    if intro is None and window == [] and _line_start(ix.text, qs.open_at):
        # 'X said:' at the end of the paragraph before introduces a quotation that starts a paragraph
        prev = opening - 1
        while prev >= 0 and doc[prev].is_space:
            prev -= 1
        if prev >= 0 and doc[prev].text == ":" and not ix.inside[prev]:
            window = [*_back_window(ix, prev), doc[prev]]
            cue = next((t for t in reversed(window) if _is_speech(t)), None)
            if cue is not None:
                return _make_cue(ix, cue, before=True)
            intro = _introducer(window)
    if intro is not None:
        return _colon_cue(ix, intro, window)
    return None


def _back_window(ix: _Index, i: int) -> list[Token]:
    """Tokens before token i back to the start of its sentence, the line, or the previous quotation."""
    doc = ix.tok
    out: list[Token] = []
    j = i - 1
    while j >= 0 and len(out) < MAX_GAP * 2:
        if ix.boundary(j) or doc[j].text in SENTENCE_END:
            break
        out.append(doc[j])
        j -= 1
    out.reverse()
    return out


def _introducer(window: list[Token]) -> Token | None:
    """The colon or dash that ends the window ('Trump: "..."', 'his answer — "..."')."""
    toks = [t for t in window if not t.is_space]
    if toks and toks[-1].text in {":", "—", "–"}:
        return toks[-1]
    return None


def _colon_cue(ix: _Index, intro: Token, window: list[Token]) -> _Cue | None:
    """'Trump leaned in and boomed: "..."': the verb a colon ends introduces the quotation, whatever verb it is;
    'Clinton: "We will ..."': a short name phrase before a colon speaks it."""
    verb = next((t for t in reversed(window) if t.i < intro.i and t.pos_ == "VERB"), None)
    if verb is not None and intro.text == ":" and _subject(verb) is not None:
        objects = [c for c in children(verb) if c.i < intro.i and c.dep_ in {"dobj", "ccomp", "xcomp", "attr"}]
        if not objects:
            return _make_cue(ix, verb, before=True)
    words = [t for t in window if t.i < intro.i and not t.is_space and not t.is_punct]
    if not words or len(words) > 6 or not any(t.pos_ == "PROPN" for t in words):
        return None
    head = next((t for t in words if t.head.i == t.i or t.head.i not in {w.i for w in words}), words[-1])
    return _Cue(intro, head, (intro.idx, intro.idx + len(intro.text)), before=True)


def _is_according(t: Token) -> bool:
    return t.lower_ == "according" and t.i + 1 < len(t.doc) and t.nbor(1).lower_ == "to"


def _shallowest(tokens: Iterable[Token]) -> Token | None:
    """The candidate highest in the parse tree: the main verb, not one inside a relative clause."""
    best, best_depth = None, 10**9
    for t in tokens:
        depth, h = 0, t
        while h.head.i != h.i and depth < 50:
            h, depth = h.head, depth + 1
        if depth < best_depth:
            best, best_depth = t, depth
    return best


def _introduces_new_speech(ix: _Index, cue: Token) -> bool:
    """'"..." He said the plan ...': the verb after a quotation opens a new reported clause of its own
    (not an adverbial one the parser took for a complement: '..., she said, as the crowd cheered')."""
    return any(
        c.dep_ in {"ccomp", "xcomp"}
        and c.i > cue.i
        and not ix.boundary(c.left_edge.i)
        and not any(m.dep_ == "mark" and m.lower_ in ADVERBIAL_MARKS for m in children(c))
        for c in children(cue)
    )


def _make_cue(ix: _Index, cue: Token, before: bool) -> _Cue:
    if _is_according(cue):
        to = cue.nbor(1)
        source = next((c for c in children(to) if c.dep_ == "pobj"), None)
        return _Cue(cue, source, (cue.idx, to.idx + len(to.text)), before)
    subject = _subject(cue, inverted=not before)
    if subject is not None and ix.inside[subject.i]:
        subject = None
    return _Cue(cue, subject, _cue_chars(cue), before)


def _group(ix: _Index, attributed: list[tuple[QuoteSpan, _Cue | None]], lines: _Lines) -> list[_Group]:
    """Merge spans one attribution holds together: '"A," she said. "B."' and '"A," she said, "B."'."""
    groups: list[_Group] = []
    for qs, cue in attributed:
        line = lines.index(qs.open_at)
        prev = groups[-1] if groups else None
        if prev is not None and (
            (lines.index(prev.spans[-1].end) == line and _continues(ix, prev, qs, cue))
            or (lines.index(prev.spans[-1].end) == line - 1 and _next_paragraph(ix, prev, qs, cue))
        ):
            prev.spans.append(qs)
            prev.cue = prev.cue or cue
            continue
        groups.append(_Group([qs], cue))
    return groups


def _continues(ix: _Index, prev: _Group, qs: QuoteSpan, cue: _Cue | None) -> bool:
    last = prev.spans[-1]
    if last.close_at is None or last.single != qs.single:
        return False
    if cue is not None and prev.cue is not None and cue.token.i == prev.cue.token.i:
        return True
    between = ix.tok[ix.token_at(last.close_at) + 1 : ix.token_at(qs.open_at)]
    gap = [t for t in between if not (t.is_punct or t.is_space)]
    if not gap:
        return cue is None and not any("\n" in t.text for t in between)  # '"A." "B."'
    if prev.cue is None or prev.cue.before or len(gap) > MAX_GAP:
        return False
    # the words between the two spans are the attribution itself ('she said as the crowd cheered')
    if not all(_under(t, prev.cue.token) for t in gap):
        return False
    # '"A," I said, "B."' goes on whatever B's own cue; after a full stop only a span with no cue of its own does
    last_mark = between[-2] if between[-1].is_space and len(between) > 1 else between[-1]
    return cue is None or last_mark.text in {",", ":", "—", "–"}


def _next_paragraph(ix: _Index, prev: _Group, qs: QuoteSpan, cue: _Cue | None) -> bool:
    """'"A," she said.' then a paragraph '"B."' with no cue of its own: one quotation, going on."""
    last = prev.spans[-1]
    if cue is not None or prev.cue is None or last.close_at is None or qs.single or last.single:
        return False
    if not _line_start(ix.text, qs.open_at):
        return False
    # nothing but the attribution may follow the previous quotation in its paragraph
    for t in ix.tok[ix.token_at(last.close_at) + 1 : ix.token_at(qs.open_at)]:
        if t.is_space or t.is_punct:
            continue
        if prev.cue.before or not _under(t, prev.cue.token):
            return False
    return True


def _under(t: Token, head: Token) -> bool:
    for _ in range(MAX_DEPTH):
        if t.i == head.i:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _direct_quote(ix: _Index, actors: DocActors, g: _Group, floor: int) -> Quote | None:
    first, final = g.spans[0], g.spans[-1]
    start, end = first.start, final.end
    words = sum(_word_count(ix.text, s.start, s.end) for s in g.spans)
    if g.cue is None:
        if first.single or words < MIN_DIRECT_WORDS or _is_title(ix, first):
            return None
        # the speaker is found once every quotation is known (`_continue_speakers`, `_resolve_pronouns`)
        return Quote("direct", ix.text[start:end], (start, end), Speaker(None, None, None), None, None)
    speaker = _speaker(ix, actors, g.cue.subject)
    kind = "direct"
    clause = _mixed_clause(ix, g, floor)
    if clause is not None:
        start, end = min(start, clause[0]), max(end, clause[1])
        kind = "mixed"
    elif words < 2 and len(g.spans) == 1:
        return None
    cue_text = ix.text[g.cue.span[0] : g.cue.span[1]]
    return Quote(kind, ix.text[start:end], (start, end), speaker, cue_text, g.cue.span)


def _word_count(text: str, a: int, b: int) -> int:
    return len(re.findall(r"\w+", text[a:b]))


def _is_title(ix: _Index, qs: QuoteSpan) -> bool:
    """A title, not a quotation: 'a film titled "..."', or Title Case Words Without A Sentence."""
    opening = ix.token_at(qs.open_at)
    prev = next((ix.tok[j] for j in range(opening - 1, max(-1, opening - 3), -1) if not ix.tok[j].is_punct), None)
    if prev is not None and prev.lemma_.lower() in TITLE_CUES:
        return True
    words = re.findall(r"[A-Za-z]+", ix.text[qs.start : qs.end])
    capitalised = sum(1 for w in words if w[0].isupper())
    return len(words) <= 12 and capitalised >= 0.8 * len(words) and ix.text[qs.end - 1 : qs.end] not in {".", ","}


def _mixed_clause(ix: _Index, g: _Group, floor: int) -> tuple[int, int] | None:
    """The reported clause around the quoted words, when there is one: a mixed quotation.

    'X said the deal was "a disaster" for the region' / 'Trump had "the opportunity ...," Massie said' /
    '"I held and hugged" grieving families, he said': the narration that is part of what the speaker said
    (the sentence but the attribution itself) belongs to the content. `floor`: the first token the content may
    take (the end of the quotation before).
    """
    if g.cue is None or g.cue.token.text in {":", "—", "–"}:
        return None
    doc = ix.tok
    cue = g.cue.token
    first, final = g.spans[0], g.spans[-1]
    opening = ix.token_at(first.open_at)
    closing = ix.token_at(final.close_at) if final.close_at is not None else ix.first_at(final.end) - 1
    att_start, att_end = _attribution(ix, g.cue)
    if g.cue.before:
        comp = [] if cue.lower_ == "according" else _clause_tokens(cue)
        clause_end = min(comp[-1] + 1 if comp else closing + 1, _sentence_end(ix, closing))
        lead = [doc[i] for i in range(max(att_end, floor), opening) if _in_content(doc[i], cue)]
        trail = list(doc[closing + 1 : max(clause_end, closing + 1)])
    else:
        lead = list(doc[max(_sentence_start(ix, opening), floor) : opening])
        trail = [t for t in doc[closing + 1 : att_start] if _in_content(t, cue)]
    lead = [t for t in lead if not _filler(t)]
    trail = [t for t in trail if not _filler(t)]
    if not lead and not trail:
        return None
    start = min(lead[0].idx, first.start) if lead else first.start
    end = trail[-1].idx + len(trail[-1].text) if trail else final.end
    if final.close_at is not None and start < first.open_at:
        end = max(end, final.close_at + 1)  # the content holds the opening mark: it holds the closing one too
    return start, max(end, final.end)


def _sentence_start(ix: _Index, i: int) -> int:
    """First token of the sentence holding token i, read across quotation marks: a full stop inside a quotation
    ends a sentence only when the quotation closes on it ('"... ."')."""
    doc = ix.tok
    j = i - 1
    while j >= 0 and i - j < MAX_GAP * 3:
        t = doc[j]
        if (t.is_space and "\n" in t.text) or _ends_sentence(ix, j):
            break
        j -= 1
    return j + 1


def _sentence_end(ix: _Index, i: int) -> int:
    """End (exclusive) of the sentence holding token i, read across quotation marks."""
    doc = ix.tok
    j = i + 1
    while j < len(doc) and j - i < MAX_GAP * 3:
        t = doc[j]
        if t.is_space and "\n" in t.text:
            return j
        if _ends_sentence(ix, j):
            return j + 1
        j += 1
    return j


def _ends_sentence(ix: _Index, j: int) -> bool:
    t = ix.tok[j]
    if t.text in SENTENCE_END and not ix.inside[j]:
        return True
    return bool(ix.marks[j]) and j > 0 and ix.tok[j - 1].text in {".", "!", "?"} and ix.inside[j - 1] == 1


def _in_content(t: Token, cue: Token) -> bool:
    """Whether t belongs to what the cue reports rather than to the attribution ('he said on Monday')."""
    for _ in range(12):
        if t.head.i == cue.i:
            if t.dep_ == "dobj" and cue.lemma_.lower() in AUDIENCE_CUES:
                return False  # 'told reporters': the audience
            return t.dep_ in {"ccomp", "parataxis", "xcomp", "dobj", "oprd", "attr"} or (
                t.dep_ == "prep"
                and t.lower_ in {"for", "of", "about", "as", "to"}
                and cue.lemma_.lower() in NAMING_PREPS
            )
        if t.head.i == t.i:
            return True  # not under the cue at all
        t = t.head
    return True


def _attribution(ix: _Index, cue: _Cue) -> tuple[int, int]:
    """Token range of the attribution itself: speaker, cue and what hangs on the cue before its clause."""
    t = cue.token
    start, end = t.i, t.i + 1
    if cue.subject is not None:
        a, b = _mention(ix, cue.subject)
        start, end = min(start, a), max(end, b)
    if t.lower_ == "according":
        return start, max(end, t.i + 2)
    comp = _clause_tokens(t)
    if cue.before:
        # 'X told reporters on Monday that ...': up to the reported clause (or the quotation mark)
        limit = comp[0] if comp else end
        for c in t.rights:
            if c.i < limit and c.dep_ not in CLAUSE_DEPS | {"punct"}:
                end = max(end, min(c.right_edge.i + 1, limit))
        for c in t.rights:
            if c.dep_ in {"dative", "dobj"} and t.lemma_ == "tell" and c.i < limit:
                end = max(end, min(c.right_edge.i + 1, limit))
    return start, end


def _filler(t: Token) -> bool:
    return t.is_punct or t.is_space or (t.dep_ == "mark" and t.lower_ == "that")


def _clause_tokens(cue: Token) -> list[int]:
    """Token indices of the cue's reported clause: its complement to the right of it.

    A clausal complement wins over objects: in 'told reporters that ...' the object is the audience.
    """
    rights = list(cue.rights)
    parts = [c for c in rights if c.dep_ in {"ccomp", "parataxis"}]
    if not parts and cue.lemma_.lower() != "tell":
        preps = {"of", "about", "as", "to", "for"} if cue.lemma_.lower() in NAMING_PREPS else {"of", "about", "as"}
        parts = [c for c in rights if c.dep_ in CLAUSE_DEPS or (c.dep_ == "prep" and c.lower_ in preps)]
    if not parts:
        return []
    return list(range(min(p.left_edge.i for p in parts), max(p.right_edge.i for p in parts) + 1))


# -------------------------------------------------------------------- 3. indirect quotes


def _indirect(ix: _Index, actors: DocActors, used: set[int], covered: bytearray) -> list[Quote]:
    out: list[Quote] = []
    for i in _cue_candidates(actors.doc):
        t = ix.tok[i]
        if ix.inside[t.i] or t.i in used or covered[t.i]:
            continue
        if _is_according(t):
            quote = _according_to(ix, actors, t, covered)
        elif t.text == ":":
            quote = _headline_colon(ix, actors, t, covered)
        else:
            entry = cue_entry(t)
            quote = _reported(ix, actors, t, entry, covered) if entry is not None else None
        if quote is not None:
            out.append(quote)
    return out


def _cue_candidates(doc: Doc) -> list[int]:
    """Indices of the tokens `_indirect` can take for a cue: 'according', a colon, and verbs whose lemma the cue
    lexicon lists; read from the Doc's arrays, so the other nine tokens in ten cost no Token."""
    strings = doc.vocab.strings
    columns = doc.to_array([POS, LEMMA, LOWER, ORTH])
    lexicon = cue_lexicon()
    lemmas, inverse = numpy.unique(columns[:, 1], return_inverse=True)
    listed = numpy.array([strings[h].lower() in lexicon for h in lemmas.tolist()], dtype=bool)[inverse]
    verbal = (columns[:, 0] == VERB) | (columns[:, 0] == AUX)
    according = columns[:, 2] == get_string_id("according")
    colon = columns[:, 3] == get_string_id(":")
    return numpy.flatnonzero((verbal & listed) | according | colon).tolist()


def _reported(ix: _Index, actors: DocActors, cue: Token, entry: CueEntry, covered: bytearray) -> Quote | None:
    rng = _reported_range(ix, cue, entry.kinds) or _stance_range(cue, entry)
    if rng is None:
        return None
    a, b = rng
    words = sum(1 for t in ix.tok[a:b] if not t.is_punct)
    if any(covered[a:b]) or words < (MIN_STANCE_WORDS if "stance" in entry.kinds else MIN_REPORTED_WORDS):
        return None
    subject = _subject(cue)
    if subject is None or ix.inside[subject.i] or subject.lower_ in {"it", "there"}:
        return None
    speaker = _speaker(ix, actors, subject)
    kind = "mixed" if any(ix.inside[a:b]) else "indirect"
    start, end = _trim(ix, a, b)
    return Quote(kind, ix.text[start:end], (start, end), speaker, ix.text[slice(*_cue_chars(cue))], _cue_chars(cue))


def _reported_range(ix: _Index, cue: Token, kinds: frozenset[str]) -> tuple[int, int] | None:
    """Token range of what the cue reports: its clausal complement, or the sentence it is appended to."""
    if kinds & {"speech", "thought"}:
        comp = next((c for c in children(cue) if c.dep_ == "ccomp"), None)
        if comp is not None and comp.i > cue.i:
            return comp.left_edge.i, _clause_end(comp)
        if comp is not None and "speech" in kinds:
            # 'The talks will go on, the minister said.' / '..., the Times said, including ...'
            return _appended_range(ix, cue, comp.left_edge.i)
    if "speech" in kinds and cue.dep_ == "parataxis":
        # 'The plan, she said, was a disaster.'
        return _appended_range(ix, cue, cue.sent.start)
    if "intent" in kinds:
        comp = next((c for c in children(cue) if c.dep_ == "xcomp" and c.i > cue.i), None)
        if comp is not None and any(x.dep_ == "aux" and x.lower_ == "to" for x in children(comp)):
            return comp.left_edge.i, _clause_end(comp)
    return None


def _stance_range(cue: Token, entry: CueEntry) -> tuple[int, int] | None:
    """What a stance verb takes a position on: 'X endorsed Clinton', 'X called for a ban'."""
    if "stance" not in entry.kinds:
        return None
    if entry.particles:
        prep = next((c for c in cue.rights if c.lower_ == entry.particles[-1]), None)
        obj = next((c for c in children(prep) if c.dep_ in {"pobj", "pcomp"}), None) if prep is not None else None
    else:
        obj = next((c for c in cue.rights if c.dep_ == "dobj"), None)
    if obj is None or (obj.pos_ == "PRON" and obj.lower_ in {"it", "this", "that", "them"}):
        return None
    return obj.left_edge.i, _clause_end(obj) if obj.pos_ == "VERB" else obj.right_edge.i + 1


def _clause_end(head: Token) -> int:
    """End of a reported clause, before a coordinated clause with a subject of its own: in 'they were worried,
    and more than 4 in 10 said ...' the second clause is not the first speaker's."""
    end = head.right_edge.i + 1
    for c in head.rights:
        if c.dep_ == "conj" and any(x.dep_ in SUBJECT_DEPS for x in children(c)):
            end = min(end, c.left_edge.i)
    doc = tokens(head.doc)
    while end > head.i + 1 and (doc[end - 1].dep_ == "cc" or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return end


def _appended_range(ix: _Index, cue: Token, start: int) -> tuple[int, int] | None:
    """The sentence an attribution is appended to or inserted in, without the attribution when it ends it."""
    doc = ix.tok
    sent = cue.sent
    start = max(start, sent.start)
    subject = _subject(cue)
    att_start = min(cue.i, _mention(ix, subject)[0]) if subject is not None and subject.i < cue.i + 4 else cue.i
    att_end = cue.i + 1
    for c in cue.rights:
        if c.i != att_end or c.dep_ not in APPENDED_DEPS:
            break
        att_end = c.right_edge.i + 1
    end = sent.end
    while end > att_end and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end <= att_end:
        end = att_start  # the attribution closes the sentence
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return (start, end) if end > start and att_start >= start else None


def _according_to(ix: _Index, actors: DocActors, according: Token, covered: bytearray) -> Quote | None:
    doc = ix.tok
    to = doc[according.i + 1]
    source = next((c for c in children(to) if c.dep_ == "pobj"), None)
    if source is None:
        return None
    sent = according.sent
    if according.i == sent.start or (according.i - 1 >= sent.start and doc[according.i - 1].is_space):
        # 'According to X, <content>.'
        a, b = source.right_edge.i + 1, sent.end
    else:
        # '<content>, according to X.'
        a, b = sent.start, according.i
    while a < b and (doc[a].is_punct or doc[a].is_space):
        a += 1
    while b > a and (doc[b - 1].is_space or doc[b - 1].text in {",", "—", "–", "("}):
        b -= 1
    if b - a < 3 or any(ix.inside[a:b]) or any(covered[a:b]):
        return None
    speaker = _speaker(ix, actors, source)
    start, end = _trim(ix, a, b)
    cue_span = (according.idx, to.idx + len(to.text))
    return Quote("indirect", ix.text[start:end], (start, end), speaker, ix.text[slice(*cue_span)], cue_span)


def _headline_colon(ix: _Index, actors: DocActors, colon: Token, covered: bytearray) -> Quote | None:
    """'Lynch: No outside influence on FBI probe.': a headline line that opens with a short name and a colon
    gives what that source said."""
    doc = ix.tok
    line = bisect_right(ix.line_breaks, colon.i)
    start = ix.line_breaks[line - 1] + 1 if line else 0
    if colon.i - start > 2 * MAX_HEADLINE_SOURCE + 1:  # spaCy never makes two space tokens in a row
        return None
    source = [t for t in doc[start : colon.i] if not t.is_space]
    if not source or len(source) > MAX_HEADLINE_SOURCE or not source[0].text[:1].isupper():
        return None
    if any(t.pos_ in {"VERB", "AUX", "PRON", "NUM"} for t in source) or source[0].lower_ in NOT_SOURCES:
        return None
    end = ix.line_breaks[line] if line < len(ix.line_breaks) else len(doc)
    a = colon.i + 1
    if end - a > MAX_HEADLINE_TOKENS or sum(1 for t in doc[a:end] if not t.is_punct) < MIN_REPORTED_WORDS:
        return None
    if any(covered[a:end]):
        return None
    head = next((t for t in source if t.head.i == t.i or t.head.i >= colon.i or t.head.i < start), source[-1])
    speaker = _speaker(ix, actors, head)
    mention = (source[0].idx, source[-1].idx + len(source[-1].text))
    speaker = Speaker(speaker.name, ix.text[slice(*mention)], mention, speaker.actor_code)
    start_c, end_c = _trim(ix, a, end)
    return Quote("indirect", ix.text[start_c:end_c], (start_c, end_c), speaker, ":", (colon.idx, colon.idx + 1))


def _trim(ix: _Index, a: int, b: int) -> tuple[int, int]:
    """Drop the complementiser and edge punctuation: the content starts after 'that'."""
    doc = ix.tok
    first, last = a, b
    while a < b and (_filler(doc[a]) and not ix.marks[a]):
        a += 1
    while b > a and (
        (doc[b - 1].is_punct and doc[b - 1].text not in {".", "!", "?"} and not ix.marks[b - 1]) or doc[b - 1].is_space
    ):
        b -= 1
    return ix.chars(a, b) if b > a else ix.chars(first, last)


# -------------------------------------------------------------------- 4. speakers


def _subject(cue: Token, inverted: bool = False) -> Token | None:
    """Who speaks through a cue: its subject, the subject of the verb it hangs from, the agent of a passive
    ('was reported by X'), or, right after a quotation ('"...," said Garayev'), a name parsed as its object."""
    t = cue
    for _ in range(6):  # 'X mocked ..., referred to ... and called him "..."': up a chain of conjuncts
        subject = next((c for c in children(t) if c.dep_ == "nsubj" and not c.is_punct), None)
        if subject is not None:
            return None if subject.ent_type_ in TIMES else subject  # '6:50 p.m. Clinton told ...' (live blogs)
        if any(c.dep_ == "nsubjpass" for c in children(t)):
            # 'Trump was asked whether ...': the subject is the one asked, the speaker is the agent, if named
            agent = next((c for c in children(t) if c.dep_ == "agent"), None)
            return next((c for c in children(agent) if c.dep_ == "pobj"), None) if agent is not None else None
        if t.dep_ == "relcl" or (t.dep_ == "acl" and t.head.pos_ in {"NOUN", "PROPN"}):
            return t.head  # 'X, who ...' / 'a sign saying ...', 'a statement reading ...'
        if t.dep_ not in {"conj", "xcomp", "advcl", "acl"} or t.tag_ == "VBN":
            break
        t = t.head
    if not inverted:
        return None
    return next(
        (
            c
            for c in cue.rights
            if c.dep_ in INVERTED_DEPS and c.pos_ in {"PROPN", "NOUN"} and c.i <= cue.i + 4 and c.ent_type_ not in TIMES
        ),
        None,
    )


def _speaker(ix: _Index, actors: DocActors, subject: Token | None) -> Speaker:
    if subject is None:
        return Speaker(None, None, None)
    a, b = _mention(ix, subject)
    start, end = ix.chars(a, b)
    mention = ix.text[start:end]
    if subject.lower_ in PRONOUNS:
        return Speaker(None, mention, (start, end))  # person pronouns are resolved once every quotation is known
    named = _antecedent(subject) or subject  # 'the council, which said ...': the council speaks
    resolved = actors.resolve(named)
    if resolved is not None:
        return Speaker(resolved.actor.name, mention, (start, end), resolved.actor.code)
    person = _described_person(actors, named)
    if person is not None:
        return Speaker(person.name, mention, (start, end), person.code)
    if named is not subject:
        a, b = _mention(ix, named)
        return Speaker(ix.text[slice(*ix.chars(a, b))], mention, (start, end))
    return Speaker(mention, mention, (start, end))


def _described_person(actors: DocActors, head: Token):
    """'the prime minister said' -> the person named earlier with that role, even when the tagger took the
    lower-case noun for a proper noun."""
    if not head.text.islower() or not any(c.lower_ in {"the", "this"} for c in children(head)):
        return None
    return actors.person_with_role(head.lower_, head.i)


def _antecedent(subject: Token) -> Token | None:
    """The noun a relative pronoun subject stands for ('X, who said' -> X)."""
    if subject.tag_ not in {"WDT", "WP"} and subject.lower_ not in {"who", "which", "that"}:
        return None
    verb = subject.head
    return verb.head if verb.dep_ == "relcl" and verb.head.pos_ in {"NOUN", "PROPN"} else None


def _mention(ix: _Index, subject: Token) -> tuple[int, int]:
    """Token range of the speaker as written: 'the analyst', 'Smith, a spokesman for the ministry'."""
    doc = ix.tok
    start = subject.i
    while start > subject.left_edge.i and not ix.boundary(start - 1):
        start -= 1
    end = subject.i + 1
    for child in subject.rights:
        if child.dep_ in {"appos", "compound", "flat"} or (child.dep_ == "prep" and child.lower_ == "of"):
            end = child.right_edge.i + 1
    for i in range(subject.i + 1, end):
        if ix.boundary(i):
            end = i
            break
    while start < subject.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > subject.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def _cue_chars(cue: Token) -> tuple[int, int]:
    particles = [c for c in children(cue) if c.dep_ == "prt"]
    end = max([cue.idx + len(cue.text)] + [p.idx + len(p.text) for p in particles])
    return cue.idx, end


def _continue_speakers(quotes: list[Quote], lines: _Lines) -> None:
    """A quotation with no attribution goes on with the speaker of the quotation just before it, direct or
    reported, in its paragraph or the one before (newswire keeps quoting the same source)."""
    last: Quote | None = None
    for q in quotes:
        if q.cue is None and q.speaker.mention is None:
            near = last is not None and lines.index(q.content_span[0]) - lines.index(last.content_span[1]) <= 1
            if near and last is not None:
                s = last.speaker
                q.speaker = Speaker(s.name, s.mention, s.mention_span, s.actor_code)
        elif q.speaker.mention is not None:
            last = q


def _resolve_pronouns(ix: _Index, actors: DocActors, quotes: list[Quote], lines: _Lines) -> None:
    """'he said' names the nearest person mentioned outside every quotation, direct or reported.

    People quoted about ('... Trump's decision', he said) are not the speaker; the reporter's own narration is
    where the speaker was introduced. A quotation with no attribution at all is given, by the same rule, to the
    person the narration last named (newswire quotes whoever the story is about), mentioned as written there.
    One pass over the tokens after all quotations are known.
    """
    quoted = bytearray(len(ix.tok))
    waiting: dict[int, list[Quote]] = {}
    for q in quotes:
        a, b = ix.first_at(q.content_span[0]), ix.first_at(q.content_span[1])
        quoted[a:b] = b"\x01" * (b - a)
        s = q.speaker
        if s.name is None and s.mention_span is not None and (s.mention or "").lower() in PERSON_PRONOUNS:
            waiting.setdefault(ix.token_at(s.mention_span[0]), []).append(q)
        elif s.mention is None and q.cue is None:
            waiting.setdefault(a, []).append(q)
    if not waiting:
        return
    person, seen_at = None, -1
    # only the tokens a quotation waits at or an actor is named at matter, in text order
    for i in sorted(i for i in waiting.keys() | actors.token_actor.keys() if i < len(ix.tok)):
        for q in waiting.get(i, ()):
            if person is None:
                continue
            if q.speaker.mention is None:
                mention = ix.tok[seen_at]
                if lines.index(q.content_span[0]) - lines.index(mention.idx) > MAX_CONTEXT_LINES:
                    continue  # the person was named too far back to be taken for the speaker
                span = (mention.idx, mention.idx + len(mention.text))
                q.speaker = Speaker(person.name, mention.text, span, person.code)
            else:
                q.speaker = Speaker(person.name, q.speaker.mention, q.speaker.mention_span, person.code)
        if not quoted[i]:
            actor = actors.actor_at(i)
            if actor is not None and actor.kind == "person":
                person, seen_at = actor, i


__all__ = ["QuoteSpan", "cue_kinds", "cue_lexicon", "find_quotes", "quote_spans"]
