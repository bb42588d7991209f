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

from collections.abc import Iterator
from contextlib import contextmanager

from spacy.tokens import Doc, Token

_TOKENS = "dateline.tokens"
_CHILDREN = "dateline.children"


@contextmanager
def shared(doc: Doc) -> Iterator[Doc]:
    """Within the block, `tokens(doc)` and `children(token)` return lists built once."""
    doc.user_data[_TOKENS] = list(doc)
    try:
        yield doc
    finally:
        doc.user_data.pop(_TOKENS, None)
        doc.user_data.pop(_CHILDREN, None)


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
