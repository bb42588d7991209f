"""Matching PETRARCH verb patterns around a verb.

A pattern is words around the verb (`*`): `- INDICATED WOULD * NOW [1010]`. The words after `*` are matched in order
among the words of the verb's phrase (its dependency subtree) to its right, the words before `*` among the words to
its left, nearest first. Words written apart may have other words between them; words joined by `_` must be
adjacent. `&SYNSET` matches any of the synset's phrases (a noun's regular plural too), `$`, `+` and `%` match an
actor (source, target, compound) at that place, `^` skips one noun phrase. Of the patterns that match, the one with
the most elements wins, the first in the dictionary on a tie.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from dateline.petrarch.actors import Mention, SentenceActors
from dateline.petrarch.dictionaries import Element, VerbDictionary, VerbPattern
from dateline.petrarch.words import plurals

Phrase = tuple[tuple[str, ...], bool]  # a synset phrase's words, and whether its last word may be plural
_MAX_STEPS = 20_000  # backtracking bound per pattern: patterns are short, this is only a guard against odd input


@dataclass(frozen=True)
class Match:
    pattern: VerbPattern
    slots: dict[str, Mention]  # 'source' / 'target' / 'compound:before' / 'compound:after'


class PatternMatcher:
    """Matches patterns around one verb of one sentence."""

    def __init__(
        self,
        keys: Sequence[str],
        actors: SentenceActors,
        chunks: Callable[[], Sequence[tuple[int, int]]],
        verbs: VerbDictionary,
        verb_first: int,
        verb_last: int,
        right: set[int],
    ) -> None:
        self.keys = keys
        self.actors = actors
        self.chunks = chunks
        self._chunk_from: dict[int, int] | None = None
        self._chunk_to: dict[int, int] | None = None
        self.present = set(keys)
        self.synsets = verbs.synsets
        self._cache = verbs.phrase_cache  # shared by all verbs: synsets do not change
        self.first, self.last = verb_first, verb_last
        self.right = right  # positions after the verb that are in its phrase
        self._firsts: dict[str, bool] = {}
        self._failed: set[tuple[int, int]] = set()
        self.steps = 0

    def best(self, patterns: Sequence[VerbPattern]) -> Match | None:
        best: Match | None = None
        for pattern in patterns:
            if best is not None and pattern.weight <= best.pattern.weight:
                continue
            if not self.possible(pattern):
                continue
            slots = self.match(pattern)
            if slots is not None:
                best = Match(pattern, slots)
        return best

    def possible(self, pattern: VerbPattern) -> bool:
        """A cheap test first: every literal word of the pattern, and a word of each synset, is in the sentence."""
        return pattern.words <= self.present and all(self._synset_present(name) for name in pattern.synsets)

    def _synset_present(self, name: str) -> bool:
        if name not in self._firsts:
            self._firsts[name] = any(words[0] in self.present for words, _ in self._synset_phrases(name))
        return self._firsts[name]

    def match(self, pattern: VerbPattern) -> dict[str, Mention] | None:
        self.steps = 0
        self._failed = set()
        after = [(e, e.joined) for e in pattern.after]
        found_after = self._sequence(after, 0, self.last + 1, +1, {})
        if found_after is None:
            return None
        before = list(reversed(pattern.before))
        # in reverse, an element is tied to the one after it in the text (the last one to the verb)
        adjacency = [pattern.verb_joined, *(e.joined for e in reversed(pattern.before[1:]))][: len(before)]
        self._failed = set()
        found_before = self._sequence(list(zip(before, adjacency, strict=True)), 0, self.first - 1, -1, {})
        if found_before is None:
            return None
        slots = dict(found_after)
        for slot, mention in found_before.items():
            slots[slot if slot != "compound" else "compound:before"] = mention
        if "compound" in found_after:
            slots["compound:after"] = slots.pop("compound")
        return slots

    def _sequence(
        self, elements: list[tuple[Element, bool]], k: int, pos: int, step: int, bound: dict[str, Mention]
    ) -> dict[str, Mention] | None:
        if k == len(elements):
            return bound
        if (k, pos) in self._failed:  # whether the rest matches from here does not depend on what was bound
            return None
        self.steps += 1
        if self.steps > _MAX_STEPS:
            return None
        element, adjacent = elements[k]
        end = len(self.keys) if step > 0 else -1
        candidates = [pos] if adjacent else range(pos, end, step)
        for p in candidates:
            if not 0 <= p < len(self.keys):
                break
            for nxt, slot in self._element_at(element, p, step):
                more = dict(bound)
                if slot is not None:
                    more[element.kind] = slot
                result = self._sequence(elements, k + 1, nxt, step, more)
                if result is not None:
                    return result
        self._failed.add((k, pos))
        return None

    def _allowed(self, p: int, step: int) -> bool:
        return p in self.right if step > 0 else p < self.first

    def _element_at(self, element: Element, p: int, step: int) -> Iterator[tuple[int, Mention | None]]:
        if not self._allowed(p, step):
            return
        if element.kind == "word":
            if self.keys[p] == element.value:
                yield p + step, None
        elif element.kind == "synset":
            edge = self.keys[p]  # only phrases that begin (reading forwards) or end (backwards) with this word
            for words, plural in self._synset_index(element.value, step).get(edge, ()):
                n = len(words)
                span = range(p, p + n) if step > 0 else range(p - n + 1, p + 1)
                if span.start < 0 or span.stop > len(self.keys):
                    continue
                if all(self._allowed(q, step) for q in span) and self._words_at(words, span.start, plural):
                    yield (span.stop if step > 0 else span.start - 1), None
        elif element.kind == "skip":
            if self._chunk_from is None or self._chunk_to is None:
                spans = self.chunks()
                self._chunk_from = {start: end for start, end in spans}
                self._chunk_to = {end - 1: start for start, end in spans}
            if step > 0 and p in self._chunk_from:
                yield self._chunk_from[p], None
            elif step < 0 and p in self._chunk_to:
                yield self._chunk_to[p] - 1, None
        else:  # source, target, compound
            mention = self.actors.starting.get(p) if step > 0 else self.actors.ending.get(p)
            if mention is not None and mention.codes:
                yield (mention.end if step > 0 else mention.start - 1), mention

    def _words_at(self, words: tuple[str, ...], start: int, plural: bool) -> bool:
        for offset, word in enumerate(words):
            have = self.keys[start + offset]
            if have != word and not (plural and offset == len(words) - 1 and have in plurals(word)):
                return False
        return True

    def _synset_index(self, name: str, step: int) -> dict[str, list[Phrase]]:
        cache_key = f"index{step}:{name}"
        if cache_key not in self._cache:
            index: dict[str, list[Phrase]] = {}
            for words, plural in self._synset_phrases(name):
                edge = words[0] if step > 0 else words[-1]
                forms = [edge, *plurals(edge)] if plural and (step < 0 or len(words) == 1) else [edge]
                for form in forms:
                    index.setdefault(form, []).append((words, plural))
            self._cache[cache_key] = index
        return self._cache[cache_key]  # type: ignore[return-value]

    def _synset_phrases(self, name: str, depth: int = 0) -> list[Phrase]:
        """A synset's phrases, with the members of synsets inside it ('&ACCORDSYN' holds '&TIETYPES')."""
        cache_key = f"phrases:{name}"
        if cache_key in self._cache:
            return self._cache[cache_key]  # type: ignore[return-value]
        out: list[Phrase] = []
        for member in self.synsets.get(name, ()):
            if member.synset is not None:
                if depth < 5:
                    out.extend(self._synset_phrases(member.synset, depth + 1))
            else:
                out.append((member.words, member.plural))
        self._cache[cache_key] = out
        return out
