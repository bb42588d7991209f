"""Quotations and their speakers.

Three passes over one parsed document:
  1. pair quote marks into direct-quote spans (`quote_spans`): curly, straight, guillemets and „German“ marks;
     a quotation may run over several paragraphs, whether or not each continuation paragraph re-opens the
     mark; unbalanced marks never raise: an unclosed quote is closed at the end of its own paragraph;
  2. attribute each span to a cue verb ("he said", "said X", "X told Reuters: ...") in the sentence where it
     ends or begins; a quoted fragment inside a reported clause makes a mixed quote whose content is the
     whole clause;
  3. indirect quotes: a cue verb outside quotation marks with a clausal complement ("X noted that ...",
     "..., X told Trend."), or "according to X, ...".
Speakers are resolved to names through the document's actors: pronouns to the nearest person named outside
quotation marks, descriptions ("the analyst") to the nearest person with that role, surnames to full names.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Span, Token

from .actors.resolve import DocActors
from .model import Quote, Speaker

OPENERS = {"“": "”", "«": "»", "„": "“", "‹": "›", '"': '"'}
CLOSERS = {"”", "»", "“", "›", '"'}
MAX_PARAGRAPHS = 8  # a quotation still open after this many paragraphs is taken to be a stray mark
MIN_DIRECT_TOKENS = 4  # shorter quoted runs without a cue are scare quotes ('so-called "blockade"')
SPEAKER_DEPS = {"nsubj", "nsubjpass"}
PRONOUNS = {"he", "she", "him", "her"}


@dataclass
class QuoteSpan:
    start: int  # first character inside the marks
    end: int  # end of the content (the closing mark's offset)
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark, None when recovered from an unbalanced mark


@lru_cache(maxsize=1)
def cue_lemmas() -> dict[str, tuple[str, ...]]:
    """lemma -> particles that must follow it ('point' -> ('out',)); () means the bare verb."""
    raw = yaml.safe_load((resources.files("dateline") / "data" / "quotes" / "cues.yaml").read_text("utf-8"))
    table: dict[str, tuple[str, ...]] = {}
    for entry in raw["speech"]:
        words = entry.split()
        table[words[0]] = tuple(words[1:])
    return table


# -------------------------------------------------------------------- 1. quotation marks


def quote_spans(text: str, start: int = 0) -> list[QuoteSpan]:
    """Pair the double quotation marks of text[start:] into spans; never raises on odd marks."""
    marks = [i for i in range(start, len(text)) if text[i] in OPENERS or text[i] in CLOSERS]
    if not marks:
        return []
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    expected_close = ""
    for i in marks:
        ch = text[i]
        if open_at is None:
            if _opens(text, i):
                open_at, expected_close = i, OPENERS[ch]
            continue
        if _at_paragraph_start(text, i) and _paragraph_of(text, open_at) != _paragraph_of(text, i) and _opens(text, i):
            # a continuation paragraph re-opening the mark (newswire style): the quotation goes on
            if _paragraphs_between(text, open_at, i) > MAX_PARAGRAPHS:
                spans.append(_recover(text, open_at))
                open_at, expected_close = i, OPENERS[ch]
            continue
        if ch == expected_close or (ch in CLOSERS and _closes(text, i)):
            if _paragraphs_between(text, open_at, i) > MAX_PARAGRAPHS:
                spans.append(_recover(text, open_at))
                open_at = i if _opens(text, i) else None
                continue
            spans.append(QuoteSpan(open_at + 1, i, open_at, i))
            open_at = None
        elif _opens(text, i):
            # an opening mark inside an open quotation of the same paragraph: the earlier one was stray
            spans.append(_recover(text, open_at))
            open_at, expected_close = i, OPENERS[ch]
    if open_at is not None:
        spans.append(_recover(text, open_at))
    return [s for s in spans if s.end > s.start]


def _opens(text: str, i: int) -> bool:
    ch = text[i]
    if ch in {"“", "«", "„", "‹"}:
        return not (ch == "“" and _closes_german(text, i))
    if ch != '"':
        return False
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:,") and not after.isspace()


def _closes(text: str, i: int) -> bool:
    ch = text[i]
    if ch in {"”", "»", "›"}:
        return True
    if ch == "“":
        return _closes_german(text, i)
    after = text[i + 1] if i + 1 < len(text) else " "
    before = text[i - 1] if i > 0 else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-")


def _closes_german(text: str, i: int) -> bool:
    """'“' closes a quotation opened with '„' (German convention)."""
    j = text.rfind("„", 0, i)
    return j != -1 and text.rfind("“", j + 1, i) == -1 and "\n\n" not in text[j:i]


def _at_paragraph_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] == "\n"


def _paragraph_of(text: str, i: int) -> int:
    return text.count("\n\n", 0, i)


def _paragraphs_between(text: str, a: int, b: int) -> int:
    return text.count("\n\n", a, b)


def _recover(text: str, open_at: int) -> QuoteSpan:
    """An unclosed quotation ends with its own paragraph."""
    end = text.find("\n", open_at)
    end = len(text) if end == -1 else end
    while end > open_at + 1 and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(open_at + 1, end, open_at, None)


# -------------------------------------------------------------------- 2. direct and mixed quotes


def find_quotes(doc: Doc, actors: DocActors, text: str, body_start: int = 0) -> list[Quote]:
    spans = quote_spans(text, body_start)
    inside = _inside_index(doc, spans)
    quotes: list[Quote] = []
    used_cues: set[int] = set()
    last_speaker: Speaker | None = None
    for qs in spans:
        quote, cue = _attribute(doc, actors, qs, inside, text)
        if quote is None:
            continue
        if quote.speaker.name is None and last_speaker is not None and _starts_paragraph(text, qs.open_at):
            # a paragraph-long quotation with no cue continues the previous speaker (newswire convention)
            quote.speaker = Speaker(last_speaker.name, last_speaker.mention, None, last_speaker.actor_code)
        if cue is not None:
            used_cues.add(cue.i)
        if quote.speaker.name is not None:
            last_speaker = quote.speaker
        quotes.append(quote)
    quotes.extend(_indirect(doc, actors, inside, used_cues, text))
    quotes.sort(key=lambda q: q.content_span)
    _resolve_pronoun_speakers(doc, actors, quotes)
    return quotes


def _resolve_pronoun_speakers(doc: Doc, actors: DocActors, quotes: list[Quote]) -> None:
    """'he said' names the nearest person mentioned outside every quotation, direct or reported.

    People quoted about ('... Trump's decision', he said) are not the speaker; the reporter's own narration is
    where the speaker was introduced. Runs after all quotations are known, so reported clauses count too.
    """
    quoted: set[int] = set()
    for q in quotes:
        span = doc.char_span(*q.content_span, alignment_mode="expand")
        if span is not None:
            quoted.update(range(span.start, span.end))
    for q in quotes:
        mention = q.speaker.mention_span
        if q.speaker.mention is None or mention is None or q.speaker.mention.lower() not in PRONOUNS:
            continue
        token = doc.char_span(*mention, alignment_mode="expand")
        person = _last_person_outside(actors, token.start, quoted) if token is not None else None
        if person is not None:
            q.speaker = Speaker(person.name, q.speaker.mention, mention, person.code)


def _inside_index(doc: Doc, spans: list[QuoteSpan]) -> set[int]:
    """Token indices inside quotation marks."""
    inside: set[int] = set()
    for qs in spans:
        span = doc.char_span(qs.start, qs.end, alignment_mode="expand")
        if span is not None:
            inside.update(range(span.start, span.end))
    return inside


def _attribute(doc: Doc, actors: DocActors, qs: QuoteSpan, inside: set[int], text: str):
    content = doc.char_span(qs.start, qs.end, alignment_mode="expand")
    if content is None:
        return None, None
    cue = _cue_after(doc, qs, inside) or _cue_before(doc, qs, inside)
    words = [t for t in content if not t.is_punct and not t.is_space]
    if cue is None:
        if len(words) < MIN_DIRECT_TOKENS:
            return None, None
        return Quote("direct", text[qs.start : qs.end], (qs.start, qs.end), Speaker(None, None, None), None, None), None
    speaker = _speaker(doc, actors, cue, inside)
    # a quoted fragment inside the reported clause ('X said the deal was "a disaster"') is a mixed quote
    clause = _reported_clause(cue)
    if clause is not None and clause.start_char < qs.open_at and clause.end_char >= qs.end:
        start, end = _trim_clause(clause)
        return Quote("mixed", text[start:end], (start, end), speaker, *_cue_fields(cue)), cue
    if len(words) < 2:
        return None, None
    return Quote("direct", text[qs.start : qs.end], (qs.start, qs.end), speaker, *_cue_fields(cue)), cue


def _cue_after(doc: Doc, qs: QuoteSpan, inside: set[int]) -> Token | None:
    """The cue in the rest of the sentence after the closing mark: '..." he said.' / '..." said X.'"""
    if qs.close_at is None:
        return None
    close = doc.char_span(qs.close_at, qs.close_at + 1, alignment_mode="expand")
    if close is None:
        return None
    sent_end = close[-1].sent.end
    for t in doc[close.end : sent_end]:
        if t.i in inside:
            break
        if _is_cue(t):
            return t
    return None


def _cue_before(doc: Doc, qs: QuoteSpan, inside: set[int]) -> Token | None:
    """The cue before the opening mark in the same sentence: 'He said: "...' / 'X told reporters, "...'."""
    opening = doc.char_span(qs.open_at, qs.open_at + 1, alignment_mode="expand")
    if opening is None:
        return None
    sent = opening[0].sent
    for t in reversed(doc[sent.start : opening.start]):
        if t.i in inside:
            break
        if _is_cue(t):
            return t
    # 'X said:' at the end of the previous paragraph introduces a quotation that starts a paragraph
    prev = opening.start - 1
    while prev >= 0 and (doc[prev].is_space or doc[prev].text in {"“", '"'}):
        prev -= 1
    if prev >= 0 and doc[prev].text == ":":
        for t in reversed(doc[doc[prev].sent.start : prev]):
            if _is_cue(t) and t.i not in inside:
                return t
    return None


def _is_cue(t: Token) -> bool:
    if t.pos_ not in {"VERB", "AUX"}:
        return False
    particles = cue_lemmas().get(t.lemma_.lower())
    if particles is None:
        return False
    return all(any(c.lower_ == p for c in t.children) for p in particles)


def _speaker(doc: Doc, actors: DocActors, cue: Token, inside: set[int]) -> Speaker:
    subject = next((c for c in cue.children if c.dep_ in SPEAKER_DEPS and c.i not in inside), None)
    if subject is None and cue.dep_ in {"conj", "xcomp", "advcl"}:
        subject = next((c for c in cue.head.children if c.dep_ in SPEAKER_DEPS), None)
    if subject is None:
        return Speaker(None, None, None)
    return _speaker_for(doc, actors, subject, inside)


def _speaker_for(doc: Doc, actors: DocActors, subject: Token, inside: set[int]) -> Speaker:
    mention = _mention(subject)
    name = mention.text
    actor_code = None
    if subject.lower_ in PRONOUNS:  # resolved once every quotation is known
        return Speaker(None, mention.text, (mention.start_char, mention.end_char))
    resolved = actors.resolve(subject)
    if resolved is not None:
        name = resolved.actor.name
        actor_code = resolved.actor.code
    return Speaker(name, mention.text, (mention.start_char, mention.end_char), actor_code)


def _last_person_outside(actors: DocActors, before: int, inside: set[int]):
    for j in range(before - 1, -1, -1):
        if j in inside:
            continue
        actor = actors.actor_at(j)
        if actor is not None and actor.kind == "person":
            return actor
    return None


def _mention(subject: Token) -> Span:
    doc = subject.doc
    start = subject.left_edge.i
    end = subject.i + 1
    for child in subject.rights:
        if child.dep_ in {"appos", "compound", "flat"}:
            end = child.right_edge.i + 1
    while end > start + 1 and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end]


def _cue_fields(cue: Token) -> tuple[str, tuple[int, int]]:
    particles = [c for c in cue.children if c.dep_ == "prt"]
    end = max([cue.idx + len(cue.text)] + [p.idx + len(p.text) for p in particles])
    return cue.doc.text[cue.idx : end], (cue.idx, end)


def _reported_clause(cue: Token) -> Span | None:
    for child in cue.children:
        if child.dep_ in {"ccomp", "parataxis"}:
            return cue.doc[child.left_edge.i : child.right_edge.i + 1]
    return None


def _trim_clause(clause: Span) -> tuple[int, int]:
    """Drop the complementiser and the edge punctuation: content starts after 'that'."""
    start, end = clause.start, clause.end
    doc = clause.doc
    while start < end and (doc[start].dep_ == "mark" or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (
        (doc[end - 1].is_punct and doc[end - 1].text not in {".", "!", "?", "”", '"'}) or doc[end - 1].is_space
    ):
        end -= 1
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _starts_paragraph(text: str, i: int) -> bool:
    return _at_paragraph_start(text, i)


# -------------------------------------------------------------------- 3. indirect quotes


def _indirect(doc: Doc, actors: DocActors, inside: set[int], used: set[int], text: str) -> list[Quote]:
    out: list[Quote] = []
    for t in doc:
        if t.i in inside or t.i in used:
            continue
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            quote = _according_to(doc, actors, t, inside, text)
            if quote is not None:
                out.append(quote)
            continue
        if not _is_cue(t):
            continue
        clause = _reported_clause(t)
        if clause is None or any(i in inside for i in range(clause.start, clause.end)):
            continue
        if len([x for x in clause if not x.is_punct]) < 3:
            continue
        speaker = _speaker(doc, actors, t, inside)
        if speaker.mention is None:
            continue
        start, end = _trim_clause(clause)
        out.append(Quote("indirect", text[start:end], (start, end), speaker, *_cue_fields(t)))
    return out


def _according_to(doc: Doc, actors: DocActors, according: Token, inside: set[int], text: str) -> Quote | None:
    to = doc[according.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    sent = according.sent
    if according.i == sent.start or (according.i - 1 >= sent.start and doc[according.i - 1].is_space):
        # 'According to X, <content>.'
        start_tok = source.right_edge.i + 1
        while start_tok < sent.end and (doc[start_tok].is_punct or doc[start_tok].is_space):
            start_tok += 1
        end_tok = sent.end
    else:
        # '<content>, according to X.'
        start_tok = sent.start
        end_tok = according.i
    while end_tok > start_tok and (doc[end_tok - 1].is_space or doc[end_tok - 1].text in {",", "—", "–"}):
        end_tok -= 1
    while start_tok < end_tok and doc[start_tok].is_space:
        start_tok += 1
    if end_tok - start_tok < 3 or any(i in inside for i in range(start_tok, end_tok)):
        return None
    speaker = _speaker_for(doc, actors, source, inside)
    start, end = doc[start_tok].idx, doc[end_tok - 1].idx + len(doc[end_tok - 1].text)
    cue_span = (according.idx, to.idx + len(to.text))
    return Quote("indirect", text[start:end], (start, end), speaker, text[cue_span[0] : cue_span[1]], cue_span)
