"""The Doc's Token objects and their dependents, built once per article and shared by every stage that walks them.

spaCy makes a new `Token` object on every `doc[i]` and at every step of `for t in doc`. The stages walk each
document about two dozen times between them, and making those objects was 40% of the time spent after the parse
(26 million Tokens for the 1.1 million tokens of world_news_1k; bench/profile_stages.py). `shared(doc)` builds the list
once; `tokens(doc)` and `children(token)` hand it to whoever asks while the article is analysed.

The lists live in `doc.user_data` only inside `with shared(doc):`. Tokens point back at their Doc, so a list left
behind would tie the Doc into a reference cycle that only the cyclic garbage collector frees, and worker memory
would grow between its passes.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import numpy
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Token

T = TypeVar("T")

_TOKENS = "dateline.tokens"
_CHILDREN = "dateline.children"
_MEMO = "dateline.memo"
_NO_CHILDREN: list[Token] = []  # shared by every token without dependents: never to be changed


@contextmanager
def shared(doc: Doc) -> Iterator[Doc]:
    """Within the block, `tokens(doc)` and `children(token)` return lists built once."""
    doc.user_data[_TOKENS] = list(doc)
    try:
        yield doc
    finally:
        doc.user_data.pop(_TOKENS, None)
        doc.user_data.pop(_CHILDREN, None)
        doc.user_data.pop(_MEMO, None)


def tokens(doc: Doc) -> list[Token]:
    """The Doc's tokens as a list: the shared one inside `shared(doc)`, else a fresh one (callers must not change
    it)."""
    found = doc.user_data.get(_TOKENS)
    return found if found is not None else list(doc)


def children(token: Token) -> list[Token]:
    """`token.children` (its syntactic dependents, in text order), from the shared list inside `shared(doc)`: the
    rules ask a verb for its children many times over, and each `token.children` makes new Token objects."""
    doc = token.doc
    table = doc.user_data.get(_CHILDREN)
    if table is None:
        toks = doc.user_data.get(_TOKENS)
        if toks is None:
            return list(token.children)
        # one list per token that has dependents; the others share one empty list (allocating a million lists
        # that stay empty cost more than the rest of the table, mostly in garbage-collector passes)
        table = [_NO_CHILDREN] * len(toks)
        for i, h in enumerate(head_indices(doc)):  # in text order, as spaCy gives them
            if h == i:
                continue
            if table[h] is _NO_CHILDREN:
                table[h] = [toks[i]]
            else:
                table[h].append(toks[i])
        doc.user_data[_CHILDREN] = table
    return table[token.i]


def head_indices(doc: Doc) -> list[int]:
    """For each token index, the index of its syntactic head, read from the Doc's array at once (`t.head.i` makes
    a Token object per call)."""
    return memo(doc, "heads", _head_indices)


def _head_indices(doc: Doc) -> list[int]:
    offsets = doc.to_array("HEAD").view(numpy.int64)  # relative offsets, stored as unsigned integers
    return (offsets + numpy.arange(len(doc), dtype=numpy.int64)).tolist()


def head(token: Token) -> Token:
    """`token.head`, from the shared list inside `shared(doc)`."""
    toks = token.doc.user_data.get(_TOKENS)
    if toks is None:
        return token.head
    return toks[head_indices(token.doc)[token.i]]


def memo(doc: Doc, name: str, build: Callable[[Doc], T]) -> T:
    """`build(doc)`, computed once per article inside `shared(doc)` (every call outside it builds afresh): for
    document-wide facts several rules ask for again and again, such as which sentences are questions."""
    if _TOKENS not in doc.user_data:
        return build(doc)
    table = doc.user_data.setdefault(_MEMO, {})
    if name not in table:
        table[name] = build(doc)
    return table[name]


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per article inside `shared(doc)`: spaCy joins it anew, a Token per word, on every
    access."""
    return memo(doc, "text", lambda d: "".join([t.text_with_ws for t in tokens(d)]))


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token indices of every sentence, in order."""
    return memo(doc, "sentence_bounds", lambda d: [(s.start, s.end) for s in d.sents])


def span_text(doc: Doc, start: int, end: int) -> str:
    """`doc[start:end].text` without building the Span and its Tokens."""
    if end <= start:
        return ""
    toks = tokens(doc)
    return "".join([t.text_with_ws for t in toks[start : end - 1]]) + toks[end - 1].text


def with_pos(doc: Doc, names: Iterable[str]) -> list[Token]:
    """The tokens whose `pos_` is one of `names`, in text order, picked from the Doc's array of parts of speech: a
    loop that only cares about nouns need not touch every token."""
    pos = memo(doc, "pos", lambda d: d.to_array("POS"))
    toks = tokens(doc)
    return [toks[i] for i in numpy.flatnonzero(numpy.isin(pos, [POS_IDS[n] for n in names])).tolist()]


def question_sentences(doc: Doc) -> frozenset[int]:
    """Start indices of the sentences that end in a question mark (before any closing quotation mark)."""
    toks = tokens(doc)
    out = set()
    for start, end in sentence_bounds(doc):
        # `sent.text`, read from its end only: from the last token back until what the stripping leaves is not
        # empty (then no earlier character can change the answer)
        k = end - 1
        while True:
            tail = "".join([t.text_with_ws for t in toks[k:end]]).rstrip().rstrip("\"”’'")
            if tail or k == start:
                break
            k -= 1
        if tail.endswith("?"):
            out.add(start)
    return frozenset(out)


def sentence_start(token: Token) -> int:
    """The index the token's sentence starts at (`token.sent.start` without building the sentence's Span)."""
    return sentence_range(token)[0]


def is_question(token: Token) -> bool:
    """Whether the token's sentence is a question ('Will Russia attack?')."""
    return sentence_start(token) in memo(token.doc, "questions", question_sentences)


def sentence_root(token: Token) -> int:
    """The index of the root of the token's sentence (`token.sent.root.i` without building the sentence's Span)."""
    start, end = sentence_range(token)
    heads = head_indices(token.doc)
    return next((k for k in range(start, end) if heads[k] == k), start)


def sentence_range(token: Token) -> tuple[int, int]:
    """(start, end) token indices of the token's sentence: `token.sent` without its Span (spaCy walks the
    sentence-start flags to find it on every access)."""
    return memo(token.doc, "sentence_ranges", _sentence_ranges)[token.i]


def _sentence_ranges(doc: Doc) -> list[tuple[int, int]]:
    ranges = [(0, 0)] * len(doc)
    for bounds in sentence_bounds(doc):
        ranges[bounds[0] : bounds[1]] = [bounds] * (bounds[1] - bounds[0])
    return ranges


def with_lower(doc: Doc, words: Iterable[str]) -> list[Token]:
    """The tokens whose `lower_` is one of `words`, in text order, picked from the Doc's array of lowercase forms (as
    `with_pos`): a loop that looks for a few words need not touch every token."""
    lower = memo(doc, "lower", lambda d: d.to_array("LOWER"))
    found = numpy.zeros(len(lower), dtype=bool)
    for word in words:  # (one comparison per word: numpy.isin sorts, and costs more for a few words)
        found |= lower == numpy.uint64(doc.vocab.strings[word])  # the word's hash
    toks = tokens(doc)
    return [toks[i] for i in numpy.flatnonzero(found).tolist()]


def char_text(doc: Doc, start: int, end: int) -> str:
    """`doc.text[start:end]` for character offsets, joined from the tokens that cover them: an event's few words
    need not join the whole text."""
    if start < 0 or end < 0:  # counted from the end of the text
        return doc_text(doc)[start:end]
    starts = memo(doc, "token_starts", lambda d: d.to_array("IDX").tolist())  # each token's character offset
    if end <= start or not starts:
        return ""
    first = max(bisect_right(starts, start) - 1, 0)  # the token `start` falls in (or its trailing space)
    last = bisect_left(starts, end)  # tokens from here on start at or after `end`
    toks = tokens(doc)
    joined = "".join([t.text_with_ws for t in toks[first:last]])
    return joined[start - starts[first] : end - starts[first]]
