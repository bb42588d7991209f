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

# Synset members naming spaCy entity labels instead of words: "@LAW" (a statute used as a restriction), "@GPE" (a
# named place, as in "withdraw from Syria"), "@PERSON" (a named person, as in "release Mahendra Chaudhry").
ENTITY_MARKS = {"@LAW": frozenset({"LAW"}), "@GPE": frozenset({"GPE", "LOC"}), "@PERSON": frozenset({"PERSON"})}
NO_OBJECT = "!obj"  # pattern marker: the trigger must have no direct object ("demonstrate", not "demonstrate a will")
TOPIC_OBJECT = "~obj"  # pattern marker: the direct object is what is talked about, never a party ("discussed Syria")
INFINITIVE = "+inf"  # pattern marker: the trigger must govern a to-infinitive ("declined to meet")
# Words that introduce a noun's complement: in a noun pattern they follow the head ("trip to", "signing of ...").
NOUN_PREPS = frozenset(
    {"of", "to", "with", "against", "on", "between", "for", "in", "at", "from", "into", "over", "toward", "towards"}
)
FRAME_ROOTS = ("02", "03", "10", "12", "13")  # roots whose verbs govern another event (appeal, intend, demand...)


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    verbs: list[str] = []
    nouns: list[str] = []
    of_target: bool = False
    symmetric: bool = False
    home: bool = False


class _Frames(BaseModel):
    model_config = ConfigDict(extra="forbid")
    intent_words: list[str] = []
    maps: dict[str, dict[str, str]] = {}


class _OneSided(BaseModel):
    model_config = ConfigDict(extra="forbid")
    unnamed_source: list[str] = []
    unplaced_source: list[str] = []
    no_target: list[str] = []
    unplaced_target: list[str] = []


class _LexiconFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    synsets: dict[str, list[str]] = {}
    frames: _Frames = _Frames()
    military: dict[str, str] = {}
    one_sided: _OneSided = _OneSided()
    codes: dict[str, _Entry]


@dataclass(frozen=True)
class Pattern:
    code: str
    pos: str  # "verb" | "noun"
    lemma: str
    words: tuple[str, ...]  # particles/prepositions/fixed words that must attach to the trigger
    synset: str | None  # object constraint
    of_target: bool
    symmetric: bool
    source: str  # the pattern as written, for evidence and debugging
    modifiers: tuple[str, ...] = ()  # nouns: words before the head ("hunger" in "hunger strike")
    absent: tuple[str, ...] = ()  # words that must NOT attach to the trigger ("seize !on")
    no_object: bool = False  # "!obj": the trigger must have no direct object
    home: bool = False  # without a stated target, the event is aimed at the source's own country
    infinitive: bool = False  # "+inf": the trigger must govern a to-infinitive
    # synsets that must NOT fill the trigger's object ("host !ARMED": troops based somewhere are no guests)
    absent_synsets: tuple[str, ...] = ()
    topic_object: bool = False  # "~obj": the direct object (and whose it is) is the topic, not the target

    @property
    def specificity(self) -> int:
        return len(self.words) + len(self.modifiers) + (2 if self.synset else 0) + self.infinitive

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass
class Lexicon:
    patterns: dict[tuple[str, str], list[Pattern]]  # (pos, lemma) -> patterns, most specific first
    synsets: dict[str, frozenset[str]]  # name -> lemmas (multiword members as space-joined lemmas)
    entity_labels: dict[str, frozenset[str]]  # synset -> NER labels whose entities fill it
    intent_words: frozenset[str] = frozenset()  # governors that make their complement an intention
    frame_maps: dict[str, dict[str, str]] | None = None  # frame root -> {embedded code prefix: code}
    military: dict[str, str] | None = None  # code -> code when the source is a state's armed forces
    # the roots whose events may leave a side unknown, per way of being unknown ("unnamed_source", "no_target"...)
    one_sided: dict[str, frozenset[str]] | None = None

    def candidates(self, pos: str, lemma: str) -> list[Pattern]:
        return self.patterns.get((pos, lemma), [])

    def in_synset(self, name: str, lemma: str) -> bool:
        return lemma in self.synsets.get(name, ())

    def entity_in_synset(self, name: str, label: str) -> bool:
        return label in self.entity_labels.get(name, ())

    def frame_code(self, frame_root: str, code: str) -> str:
        """The code of event `code` governed by a verb of root `frame_root` ("threaten" + 192 -> 1382).

        The longest prefix of `code` listed under the frame wins; an intention to do harm is a threat, so the
        intent frame (03) falls back to the threat frame (13); otherwise the frame's generic code (020, 030...).
        """
        maps = self.frame_maps or {}
        for root in (frame_root, "13") if frame_root == "03" else (frame_root,):
            table = maps.get(root, {})
            for n in range(len(code), 1, -1):
                found = table.get(code[:n])
                if found is not None:
                    return found
        return frame_root + "0"

    def military_code(self, code: str) -> str:
        return (self.military or {}).get(code, code)

    def may_leave_open(self, how: str, code: str) -> bool:
        """Whether an event of `code` may have a side unknown in the way `how` names (a `one_sided` list)."""
        return code[:2] in (self.one_sided or {}).get(how, frozenset())

    @property
    def trigger_lemmas(self) -> frozenset[str]:
        return frozenset(lemma for _, lemma in self.patterns)

    @property
    def n_codes(self) -> int:
        return len({p.code for ps in self.patterns.values() for p in ps})

    @property
    def roots(self) -> frozenset[str]:
        return frozenset(p.root for ps in self.patterns.values() for p in ps)


class _UniqueKeyLoader(yaml.SafeLoader):
    """A YAML loader that refuses a key given twice in one mapping: plain YAML keeps the last silently, so two
    synsets of one name would quietly lose the first."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"{key!r} is given twice", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def default_lexicon_path() -> Path:
    return Path(str(resources.files("dateline") / "data" / "events" / "lexicon.yaml"))


@lru_cache(maxsize=8)
def load_lexicon(path: str | None = None) -> Lexicon:
    path = path or str(default_lexicon_path())
    try:
        raw = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
        parsed = _LexiconFile.model_validate(raw)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise DataFileError("DL201", path=path, reason=str(exc).splitlines()[0]) from exc
    table = cameo_table()
    for name, members in parsed.synsets.items():
        if any("-" in m for m in members):
            raise DataFileError("DL201", path=path, reason=f"synset {name}: write hyphenated members apart")
    synsets = {name: frozenset(m for m in members if not m.startswith("@")) for name, members in parsed.synsets.items()}
    entity_labels = {name: _entity_labels(name, members, path) for name, members in parsed.synsets.items()}
    patterns: dict[tuple[str, str], list[Pattern]] = defaultdict(list)
    for code, entry in parsed.codes.items():
        _check_code(code, table, path)
        for pos, items in (("verb", entry.verbs), ("noun", entry.nouns)):
            for text in items:
                pattern = _parse(code, pos, text, entry, synsets, path)
                patterns[(pos, pattern.lemma)].append(pattern)
    for plist in patterns.values():
        plist.sort(key=lambda p: (-p.specificity, -len(p.code)))  # ties: the finer code, then file order
    _check_frames(parsed, table, path)
    one_sided = {how: frozenset(roots) for how, roots in parsed.one_sided.model_dump().items()}
    roots = {code for code in table if len(code) == 2}
    for how, listed in one_sided.items():
        unknown = sorted(listed - roots)
        if unknown:
            raise DataFileError("DL201", path=path, reason=f"one_sided.{how}: {unknown[0]!r} is no CAMEO root")
    return Lexicon(
        dict(patterns),
        synsets,
        {name: labels for name, labels in entity_labels.items() if labels},
        frozenset(parsed.frames.intent_words),
        parsed.frames.maps,
        parsed.military,
        one_sided,
    )


def _entity_labels(name: str, members: list[str], path: str) -> frozenset[str]:
    labels: set[str] = set()
    for member in members:
        if member.startswith("@"):
            if member not in ENTITY_MARKS:
                raise DataFileError("DL201", path=path, reason=f"synset {name}: unknown entity mark {member}")
            labels |= ENTITY_MARKS[member]
    return frozenset(labels)


def _check_code(code: str, table: dict, path: str) -> None:
    if code not in table:
        raise DataFileError("DL202", cameo=code, path=path)


def _check_frames(parsed: _LexiconFile, table: dict, path: str) -> None:
    for root, mapping in parsed.frames.maps.items():
        if root not in FRAME_ROOTS:
            raise DataFileError("DL201", path=path, reason=f"frames: {root} is not one of {', '.join(FRAME_ROOTS)}")
        for embedded, code in mapping.items():
            _check_code(embedded, table, path)
            _check_code(code, table, path)
    for before, after in parsed.military.items():
        _check_code(before, table, path)
        _check_code(after, table, path)


def _parse(code: str, pos: str, text: str, entry: _Entry, synsets: dict, path: str) -> Pattern:
    parts = text.split()
    if not parts or not parts[0].islower():
        raise DataFileError("DL201", path=path, reason=f"{code}: pattern {text!r} must start with a lower-case lemma")
    if any("-" in word[1:] for word in parts):
        # the tokenizer splits 'cease-fire' into 'cease - fire': such a word never matches one token
        raise DataFileError("DL201", path=path, reason=f"{code}: pattern {text!r}: write hyphenated words apart")
    modifiers: tuple[str, ...] = ()
    if pos == "noun":
        head = _noun_head(parts)
        modifiers, parts = tuple(parts[:head]), parts[head:]
    words: list[str] = []
    absent: list[str] = []
    absent_synsets: list[str] = []
    synset = None
    no_object = infinitive = topic_object = False
    for word in parts[1:]:
        if word == NO_OBJECT:
            no_object = True
        elif word == TOPIC_OBJECT:
            topic_object = True
        elif word == INFINITIVE:
            infinitive = True
        elif word.startswith("!") and word[1:].isupper():
            if word[1:] not in synsets:
                raise DataFileError("DL201", path=path, reason=f"{code}: pattern {text!r} uses unknown synset {word}")
            absent_synsets.append(word[1:])
        elif word.startswith("!"):
            absent.append(word[1:])
        elif word.isupper():
            if word not in synsets:
                raise DataFileError("DL201", path=path, reason=f"{code}: pattern {text!r} uses unknown synset {word}")
            synset = word
        else:
            words.append(word)
    return Pattern(
        code,
        pos,
        parts[0],
        tuple(words),
        synset,
        entry.of_target,
        entry.symmetric,
        text,
        modifiers,
        tuple(absent),
        no_object,
        entry.home,
        infinitive,
        tuple(absent_synsets),
        topic_object,
    )


def _noun_head(parts: list[str]) -> int:
    """Index of a noun pattern's head: the last word before any preposition or synset ("hunger strike" -> 1)."""
    head = 0
    for i, word in enumerate(parts):
        if word in NOUN_PREPS or word.isupper() or word[:1] in "!+~":
            break
        head = i
    return head
