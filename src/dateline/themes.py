"""Article themes from a lexicon of triggers (``data/themes.yaml``), with the evidence for each.

The taxonomy is ours (DIPLOMACY, STATE_VISIT, ENERGY, SANCTIONS, PEACE_PROCESS, ...), a small cousin of GDELT's GKG
themes. Matching is one pass over the words of the body, each word looked up in a dictionary keyed by the first word
of every trigger (and by the stems of `*` triggers), so the cost grows with the text, not with the lexicon.

A theme is assigned when its hits reach its `min_hits`: a hit is a trigger in the text, or a coded event whose
CAMEO code starts with one of the theme's `cameo` prefixes. Themes are ordered by hits, then by first mention;
themes another one `implies` follow. `ThemeHit`s (at most `MAX_EVIDENCE` per theme) say which words decided.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from dateline.errors import DataFileError
from dateline.model import Event, ThemeHit

THEMES_PATH = Path(__file__).resolve().parent / "data" / "themes.yaml"
MAX_EVIDENCE = 10  # ThemeHits kept per theme: enough to show why, without growing the record with long texts
MIN_STEM = 2  # shortest `*` stem accepted ("tv*" would be 2)
_TOKEN = re.compile(r"\w+(?:[-'\u2019]\w+)*")
_SPLIT = re.compile(f"({_TOKEN.pattern})")  # `split` keeps the words (the group) between the separators

ThemeName = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9_]*$")]


class ThemeEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str = ""
    triggers: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]] = Field(min_length=1)
    min_hits: int = Field(default=1, ge=1)
    implies: list[ThemeName] = Field(default_factory=list)
    cameo: list[Annotated[str, StringConstraints(pattern=r"^\d{2,4}$")]] = Field(default_factory=list)
    cameo_sectors: list[Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]] = Field(default_factory=list)


class ThemeFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int
    themes: dict[ThemeName, ThemeEntry]

    @model_validator(mode="after")
    def _known_implications(self) -> ThemeFile:
        for name, entry in self.themes.items():
            unknown = [t for t in entry.implies if t not in self.themes]
            if unknown:
                raise ValueError(f"theme {name} implies unknown theme(s) {', '.join(unknown)}")
        return self


@dataclass(frozen=True)
class _Trigger:
    theme: str
    words: tuple[str, ...]  # as they must appear: lowercased unless `exact`
    stem: bool  # the last word is a prefix
    exact: bool  # case-sensitive


class ThemeLexicon:
    """The compiled lexicon; build with `load_themes`."""

    def __init__(self, spec: ThemeFile) -> None:
        self.spec = spec
        self._first: dict[str, list[_Trigger]] = {}  # first word (or the stem of a one-word `*` trigger)
        self._stem_lengths: set[int] = set()
        for theme, entry in spec.themes.items():
            for raw in entry.triggers:
                trigger = _compile(theme, raw)
                if trigger is None:
                    raise ValueError(f"theme {theme}: trigger {raw!r} has no word of at least {MIN_STEM} letters")
                self._first.setdefault(trigger.words[0], []).append(trigger)
                if trigger.stem and len(trigger.words) == 1:
                    self._stem_lengths.add(len(trigger.words[0]))
        # the first letters (as many as the shortest stem has) of every key a stem lookup can find: `hits` tries a
        # word's prefixes only when its own first letters are among them
        shortest = min(self._stem_lengths, default=0)
        self._stem_starts = {key[:shortest] for key in self._first if len(key) >= shortest}

    def hits(self, text: str, start: int = 0) -> list[ThemeHit]:
        """Every trigger occurrence in `text[start:]`, one per theme and position (the longest)."""
        # separators and words alternate; their running lengths give each word's offsets, read only for the hits
        parts = _SPLIT.split(text[start:])
        ends = list(accumulate(map(len, parts), initial=start))  # ends[k + 1]: where parts[k] ends
        words = parts[1::2]
        lowered = [w.lower() for w in words]
        found: dict[tuple[str, int], ThemeHit] = {}
        first, lengths, stem_starts = self._first, sorted(self._stem_lengths), self._stem_starts
        shortest = lengths[0] if lengths else 0
        # the words that can start a trigger, each decided once: a key as written or lowercased, or (behind the
        # `stem_starts` test) a word a stem is a prefix of
        keyed = {w for w in set(words) if w in first}
        keyed |= {w for w in set(lowered) if w in first or (len(w) > shortest and w[:shortest] in stem_starts)}
        for i, word in enumerate(words):
            lower = lowered[i]
            if word not in keyed and lower not in keyed:
                continue
            candidates = first.get(word, ())
            if lower != word and lower in first:
                candidates = [*candidates, *first[lower]]
            if lengths and len(lower) > shortest and lower[:shortest] in stem_starts:
                candidates = [*candidates]
                for n in lengths:
                    if n >= len(lower):
                        break
                    candidates += first.get(lower[:n], ())
            for trigger in candidates:
                last = _match(trigger, words, lowered, i)
                if last is None:
                    continue
                begin, end = ends[2 * i + 1], ends[2 * last + 2]
                key = (trigger.theme, begin)
                if key not in found or end > found[key].span[1]:
                    found[key] = ThemeHit(trigger.theme, text[begin:end], (begin, end))
        return sorted(found.values(), key=lambda h: (h.span, h.theme))

    def assign(self, hits: list[ThemeHit], events: Iterable[Event] = ()) -> tuple[list[str], list[ThemeHit]]:
        """(themes, evidence) from trigger hits and coded events."""
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        evidence: dict[str, list[ThemeHit]] = {}
        for hit in [*hits, *self._event_hits(events)]:
            counts[hit.theme] = counts.get(hit.theme, 0) + 1
            first[hit.theme] = min(first.get(hit.theme, hit.span[0]), hit.span[0])
            evidence.setdefault(hit.theme, []).append(hit)
        chosen = [t for t, n in counts.items() if n >= self.spec.themes[t].min_hits]
        chosen.sort(key=lambda t: (-counts[t], first[t], t))
        themes = list(chosen)
        for theme in chosen:
            themes += [t for t in self.spec.themes[theme].implies if t not in themes]
        kept = [h for t in chosen for h in sorted(evidence[t], key=lambda h: h.span)[:MAX_EVIDENCE]]
        return themes, sorted(kept, key=lambda h: (h.span, h.theme))

    def _event_hits(self, events: Iterable[Event]) -> list[ThemeHit]:
        out = []
        for event in events:
            for theme, entry in self.spec.themes.items():
                if not any(event.code.startswith(prefix) for prefix in entry.cameo):
                    continue
                if entry.cameo_sectors and (event.source.sector or "")[:3] not in entry.cameo_sectors:
                    continue
                out.append(ThemeHit(theme, event.trigger, tuple(event.trigger_span)))
        return out


def find_themes(
    text: str, *, start: int = 0, events: Iterable[Event] = (), lexicon: ThemeLexicon | None = None
) -> tuple[list[str], list[ThemeHit]]:
    """The themes of `text[start:]` and their evidence.

    >>> themes, hits = find_themes("Azerbaijan and Armenia signed a peace agreement. A ceasefire holds.")
    >>> themes
    ['PEACE_PROCESS', 'DIPLOMACY']
    >>> [(h.theme, h.trigger) for h in hits]
    [('PEACE_PROCESS', 'peace agreement'), ('PEACE_PROCESS', 'ceasefire')]
    """
    lex = lexicon or load_themes()
    return lex.assign(lex.hits(text, start), events)


def load_themes(path: str | Path | None = None) -> ThemeLexicon:
    """The theme lexicon (the packaged one by default), validated; DL201 names a bad file and entry."""
    return _load(str(Path(path).resolve()) if path else str(THEMES_PATH))


@lru_cache(maxsize=8)
def _load(path: str) -> ThemeLexicon:
    try:
        data: Any = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        return ThemeLexicon(ThemeFile.model_validate(data))
    except OSError as exc:
        raise DataFileError("DL201", path=path, reason=f"cannot read it ({exc.strerror or exc})") from exc
    except yaml.YAMLError as exc:
        raise DataFileError("DL201", path=path, reason=f"not valid YAML ({exc})") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise DataFileError("DL201", path=path, reason=f"{where}: {first['msg']}") from exc
    except ValueError as exc:
        raise DataFileError("DL201", path=path, reason=str(exc)) from exc


def _compile(theme: str, raw: str) -> _Trigger | None:
    exact = raw.startswith("=") or any(c.isupper() for c in raw)
    body = raw.lstrip("=")
    stem = body.endswith("*")
    words = tuple(_TOKEN.findall(body.rstrip("*")))
    if not words or (stem and len(words[-1]) < MIN_STEM):
        return None
    return _Trigger(theme, words if exact else tuple(w.lower() for w in words), stem, exact)


def _match(trigger: _Trigger, words: list[str], lowered: list[str], i: int) -> int | None:
    """Index of the last word of `trigger` matched from word `i`, or None."""
    n = len(trigger.words)
    if i + n > len(words):
        return None
    for k, want in enumerate(trigger.words):
        got = words[i + k] if trigger.exact else lowered[i + k]
        last = k == n - 1
        if not (got == want or (last and trigger.stem and got.startswith(want))):
            return None
    return i + n - 1
