"""Load and validate the CAMEO trigger lexicon (data/events/lexicon.yaml; format described in its header)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from ..cameo import cameo_table
from ..errors import DataFileError

LAW_MARK = "@LAW"  # synset member meaning "a span the NER tags as LAW" (a statute used as a restriction)


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    verbs: list[str] = []
    nouns: list[str] = []
    of_target: bool = False
    symmetric: bool = False


class _LexiconFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    synsets: dict[str, list[str]] = {}
    codes: dict[str, _Entry]


@dataclass(frozen=True)
class Pattern:
    code: str
    pos: str  # "verb" | "noun"
    lemma: str
    words: tuple[str, ...]  # particles/prepositions that must attach to the trigger, in order
    synset: str | None  # object constraint
    of_target: bool
    symmetric: bool
    source: str  # the pattern as written, for evidence and debugging

    @property
    def specificity(self) -> int:
        return len(self.words) + (2 if self.synset else 0)


@dataclass
class Lexicon:
    patterns: dict[tuple[str, str], list[Pattern]]  # (pos, lemma) -> patterns, most specific first
    synsets: dict[str, frozenset[str]]  # name -> lemmas (multiword members as space-joined lemmas)
    law_synsets: frozenset[str]  # synsets that accept NER LAW spans

    def candidates(self, pos: str, lemma: str) -> list[Pattern]:
        return self.patterns.get((pos, lemma), [])

    def in_synset(self, name: str, lemma: str) -> bool:
        return lemma in self.synsets.get(name, ())

    @property
    def trigger_lemmas(self) -> frozenset[str]:
        return frozenset(lemma for _, lemma in self.patterns)

    @property
    def n_codes(self) -> int:
        return len({p.code for ps in self.patterns.values() for p in ps})


def default_lexicon_path() -> Path:
    return Path(str(resources.files("dateline") / "data" / "events" / "lexicon.yaml"))


@lru_cache(maxsize=8)
def load_lexicon(path: str | None = None) -> Lexicon:
    path = path or str(default_lexicon_path())
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        parsed = _LexiconFile.model_validate(raw)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise DataFileError("DL201", path=path, reason=str(exc).splitlines()[0]) from exc
    table = cameo_table()
    synsets = {name: frozenset(m for m in members if m != LAW_MARK) for name, members in parsed.synsets.items()}
    law = frozenset(name for name, members in parsed.synsets.items() if LAW_MARK in members)
    patterns: dict[tuple[str, str], list[Pattern]] = defaultdict(list)
    for code, entry in parsed.codes.items():
        if code not in table:
            raise DataFileError("DL202", code=code, path=path)
        for pos, items in (("verb", entry.verbs), ("noun", entry.nouns)):
            for text in items:
                pattern = _parse(code, pos, text, entry, synsets, path)
                patterns[(pos, pattern.lemma)].append(pattern)
    for plist in patterns.values():
        plist.sort(key=lambda p: -p.specificity)  # stable: ties keep file order
    return Lexicon(dict(patterns), synsets, law)


def _parse(code: str, pos: str, text: str, entry: _Entry, synsets: dict, path: str) -> Pattern:
    parts = text.split()
    if not parts or not parts[0].islower():
        raise DataFileError("DL201", path=path, reason=f"{code}: pattern {text!r} must start with a lower-case lemma")
    words: list[str] = []
    synset = None
    for word in parts[1:]:
        if word.isupper():
            if word not in synsets:
                raise DataFileError("DL201", path=path, reason=f"{code}: pattern {text!r} uses unknown synset {word}")
            synset = word
        else:
            words.append(word)
    return Pattern(code, pos, parts[0], tuple(words), synset, entry.of_target, entry.symmetric, text)
