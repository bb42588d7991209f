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

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from spacy.tokens import Doc, Token

T = TypeVar("T")

_TOKENS = "dateline.tokens"
_CHILDREN = "dateline.children"
_MEMO = "dateline.memo"


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
        table = [[] for _ in toks]
        for t in toks:
            head = t.head.i
            if head != t.i:
                table[head].append(t)
        doc.user_data[_CHILDREN] = table
    return table[token.i]


def memo(doc: Doc, name: str, build: Callable[[Doc], T]) -> T:
    """`build(doc)`, computed once per article inside `shared(doc)` (every call outside it builds afresh): for
    document-wide facts several rules ask for again and again, such as which sentences are questions."""
    if _TOKENS not in doc.user_data:
        return build(doc)
    table = doc.user_data.setdefault(_MEMO, {})
    if name not in table:
        table[name] = build(doc)
    return table[name]


def question_sentences(doc: Doc) -> frozenset[int]:
    """Start indices of the sentences that end in a question mark (before any closing quotation mark)."""
    return frozenset(s.start for s in doc.sents if s.text.rstrip().rstrip("\"”’'").endswith("?"))


def sentence_starts(doc: Doc) -> list[int]:
    """For each token index, the index its sentence starts at."""
    starts = [0] * len(doc)
    for sent in doc.sents:
        starts[sent.start : sent.end] = [sent.start] * (sent.end - sent.start)
    return starts


def sentence_start(token: Token) -> int:
    """The index the token's sentence starts at (`token.sent.start` without building the sentence's Span)."""
    return memo(token.doc, "sentence_starts", sentence_starts)[token.i]


def is_question(token: Token) -> bool:
    """Whether the token's sentence is a question ('Will Russia attack?')."""
    return sentence_start(token) in memo(token.doc, "questions", question_sentences)
