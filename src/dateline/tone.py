"""Document tone, GDELT V1.5TONE style, from the VADER sentiment lexicon.

GDELT's tone counts words: the positive score is the percentage of all words that carry a positive connotation,
the negative score the percentage that carry a negative one, tone = positive - negative and polarity = positive +
negative. dateline does the same with VADER's lexicon (7,500 words and their valence, MIT licence), one dictionary
lookup per word, so it costs well under a millisecond per article:

1. words are the alphabetic tokens of the body (from the spaCy Doc when there is one, else a regular expression);
2. a word counts when VADER gives it a valence, it is not part of a proper name ("United", "Hope" in "Port
   Hope": capitalised mid-sentence, or PROPN/entity in a parsed Doc) and it is not one of the function words VADER
   scores but news uses neutrally (`NEUTRAL_WORDS`: "like", "no", "well", "party", ...);
3. VADER's negation rule flips the valence when one of the three words before is a negator ("not", "never",
   "didn't"): "not good" counts as negative.

`activity` (GDELT's activity reference density) is the percentage of words that are verbs, known only with a parsed
Doc; `self_group` is the percentage of personal pronouns ("we", "our", "they").
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
from spacy.attrs import ENT_TYPE, IDX, IS_ALPHA, IS_TITLE, LOWER, ORTH, POS, SENT_START
from spacy.parts_of_speech import PROPN, VERB
from spacy.tokens import Doc

from dateline.model import Tone

# Words VADER scores that news prose uses neutrally: prepositions, discourse markers, political vocabulary.
NEUTRAL_WORDS = frozenset(
    {"like", "no", "yes", "please", "well", "ok", "okay", "sure", "kind", "party", "parties", "united", "top"}
    | {"lol", "pretty", "just", "matter", "matters", "reach", "reached", "share", "shares", "interest", "interests"}
    | {"security", "joint", "justice", "fund", "funds", "care", "cares"}
)
PRONOUNS = frozenset(
    {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your", "yours", "yourself"}
    | {"yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself", "they", "them", "their"}
    | {"theirs", "themselves"}
)
NEGATION_WINDOW = 3  # VADER looks this many words back for a negator
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*|[.!?]+")
_SENTENCE_END = frozenset(".!?")
_WORD_ATTRS = [IDX, IS_ALPHA, SENT_START, POS, ENT_TYPE, IS_TITLE, LOWER, ORTH]


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, float], frozenset[str]]:
    from vaderSentiment.vaderSentiment import NEGATE, SentimentIntensityAnalyzer

    valence = {w: v for w, v in SentimentIntensityAnalyzer().lexicon.items() if w not in NEUTRAL_WORDS}
    return valence, frozenset(NEGATE)


def document_tone(text: str, *, start: int = 0, doc: Doc | None = None) -> Tone:
    """The tone of `text[start:]` (the article body); with `doc`, its tokens, POS and entities are used.

    >>> t = document_tone("The talks were a great success. Nobody was hurt.")
    >>> (t.words, round(t.positive, 1), round(t.negative, 1), round(t.tone, 1))
    (9, 22.2, 11.1, 11.1)
    """
    words = _doc_words(doc, start) if doc is not None else _text_words(text[start:])
    return _score(words, verbs=None if doc is None else _verbs(doc, start))


Word = tuple[str, bool, bool]  # (lowercased word, may carry sentiment, first word of a sentence)


def _doc_words(doc: Doc, start: int) -> list[Word]:
    # Column arithmetic, not a Token object (or a Python row) per token: this pass sees every token of every article.
    if not len(doc):
        return []
    columns = doc.to_array(_WORD_ATTRS)
    columns = columns[columns[:, 0] >= start]
    _idx, alpha, sent_start, pos, ent_type, title, lower, orth = columns.T
    strings = doc.vocab.strings
    alpha = alpha.astype(bool)
    # A word opens a sentence when a sentence start or an end mark (. ! ?) comes after the previous word, or at it.
    ends = np.array([strings[c] for c in _SENTENCE_END], dtype=orth.dtype)
    boundary = (sent_start == 1) | (~alpha & np.isin(orth, ends))
    seen = np.cumsum(boundary)[alpha]
    new_sentence = np.empty(len(seen), dtype=bool)
    if len(seen):
        new_sentence[0] = True
        new_sentence[1:] = seen[1:] > seen[:-1]
    proper = (pos[alpha] == PROPN) | (ent_type[alpha] != 0) | (title[alpha].astype(bool) & ~new_sentence)
    # each distinct word is read from the StringStore once (a read decodes a new str)
    distinct, inverse = np.unique(lower[alpha], return_inverse=True)
    names = [strings[h] for h in distinct.tolist()]
    words = [names[k] for k in inverse.tolist()]
    return list(zip(words, (~proper).tolist(), new_sentence.tolist(), strict=True))


def _verbs(doc: Doc, start: int) -> int | None:
    if not doc.has_annotation("POS"):
        return None
    if not len(doc):
        return 0
    columns = doc.to_array([IDX, POS])
    return int(((columns[:, 0] >= start) & (columns[:, 1] == VERB)).sum())


def _text_words(text: str) -> list[Word]:
    out: list[Word] = []
    new_sentence = True
    for m in _WORD.finditer(text):
        token = m.group()
        if token[0] in _SENTENCE_END:
            new_sentence = True
            continue
        out.append((token.lower().replace("\u2019", "'"), new_sentence or not token[0].isupper(), new_sentence))
        new_sentence = False
    return out


def _score(words: list[Word], *, verbs: int | None) -> Tone:
    valence, negators = _lexicon()
    positive = negative = pronouns = 0
    sentence_start = 0
    for i, (word, scorable, new_sentence) in enumerate(words):
        if new_sentence:
            sentence_start = i
        if word in PRONOUNS:
            pronouns += 1
        value = valence.get(word) if scorable else None
        if not value:
            continue
        if any(w[0] in negators for w in words[max(sentence_start, i - NEGATION_WINDOW) : i]):
            value = -value
        if value > 0:
            positive += 1
        else:
            negative += 1
    n = len(words)
    if n == 0:
        return Tone(0.0, 0.0, 0.0, 0.0, 0, None if verbs is None else 0.0, 0.0)
    pos, neg = 100.0 * positive / n, 100.0 * negative / n
    activity = None if verbs is None else 100.0 * verbs / n
    return Tone(pos - neg, pos, neg, pos + neg, n, activity, 100.0 * pronouns / n)
