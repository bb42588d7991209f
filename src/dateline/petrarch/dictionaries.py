"""PETRARCH / Phoenix dictionary files -> typed records (formats: docs/petrarch.md, docs/data-formats.md).

Five kinds of file, as PETRARCH-2 reads them:

- verbs (CAMEO.2.0.txt, PETR.Validate.verbs.txt): synsets (`&NAME` + `+member` lines), then verb blocks
  (`--- NAME [CODE] ---`, verb lines `VERB {IRREGULAR FORMS} [CODE]`, pattern lines `- PATTERN [CODE]`);
- actors (Phoenix.*.actors.txt): a phrase with an optional `[CODE]`, `+synonym` lines and date-restricted codes
  `[CODE <DATE]`, `[CODE >DATE]`, `[CODE DATE-DATE]` (YYYYMMDD or YYMMDD);
- agents (Phoenix.agents.txt): `PHRASE {PLURALS} [~CODE]` (or `[CODE~]` for a prefix) and `!MARK! = A, B` sets;
- discards: phrases whose sentence (or, with `+`, whole story) is not coded;
- issues: `n:word`/`v:word` phrases with an issue code, written to the event TSV.

PETRARCH is lenient: a line it cannot read is skipped. So is it here, but each one is kept as a `Problem` (file, line,
reason: code DL230) and logged; `strict=True` raises the first one instead. Parsed dictionaries are cached per process
(keyed by the files' paths, sizes and modification times): the 55,000-line Phoenix country file is read once.
"""

from __future__ import annotations

import configparser
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product
from pathlib import Path
from typing import Generic, TypeVar

from dateline.errors import DataFileError
from dateline.petrarch.words import phrase_words, plurals, verb_forms

log = logging.getLogger(__name__)

KINDS = ("verbs", "actors", "agents", "discards", "issues")
NULL_CODE = "---"
_EVENT_CODE = re.compile(r"^\d{2,4}[A-Za-z]?$")  # '042', '1721', '174K' (PETRARCH keeps a letter suffix as written)
_ACTOR_CODE = re.compile(r"^[A-Z0-9]{2,}$|^---$")
_DATE_RULE = re.compile(
    r"^(?P<code>[^\s<>]+?)?\s*(?:(?P<op>[<>])\s*(?P<date>\d+)|(?P<start>\d+)\s*-\s*(?P<end>\d+))?\s*$"
)


# ------------------------------------------------------------------------------------------------ records


@dataclass(frozen=True)
class Problem:
    """A dictionary line that could not be used (it was skipped)."""

    path: str
    line: int
    reason: str

    def error(self) -> DataFileError:
        return DataFileError("DL230", path=self.path, line=self.line, reason=self.reason)

    def __str__(self) -> str:
        return str(self.error())


@dataclass(frozen=True)
class CodeRule:
    """A date-restricted actor code: it holds from `start` to `end` (ISO dates, inclusive; None: open)."""

    codes: tuple[str, ...]  # () is the null code '---': the actor is known but not coded
    start: str | None = None
    end: str | None = None

    def holds(self, date: str) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass(frozen=True)
class ActorEntry:
    name: str  # the primary phrase, readable ("Minas Tirith" is found under "Gondor")
    phrases: tuple[tuple[str, ...], ...]
    default: tuple[str, ...] | None  # codes when no date rule holds; None: no default given
    rules: tuple[CodeRule, ...]
    where: str  # file:line of the primary phrase

    def codes_on(self, date: str | None) -> tuple[str, ...]:
        """The codes on an ISO date: the first rule that holds, else the default. Without a date: the default, else
        the most recent rule (the actor's current role). Several codes ('FRO/BIL/SAM') make a compound actor."""
        if date:
            for rule in self.rules:
                if rule.holds(date[:10]):
                    return rule.codes
        if self.default is not None:
            return self.default
        if not date and self.rules:
            return max(self.rules, key=lambda r: r.end or "9999").codes
        return ()


@dataclass(frozen=True)
class AgentEntry:
    name: str
    code: str  # 'GOV', 'GOVFRM'
    prefix: bool  # written 'NGO~': goes before the actor code
    where: str


@dataclass(frozen=True)
class EventCode:
    """'032:033': `primary` for source -> target, `secondary` for target -> source; None where null ('---', '')."""

    primary: str | None
    secondary: str | None = None

    @property
    def null(self) -> bool:
        return self.primary is None and self.secondary is None


@dataclass(frozen=True)
class Element:
    """One pattern element: a word, a synset, a slot ($ source, + target, % compound) or ^ (skip a noun phrase)."""

    kind: str  # word | synset | source | target | compound | skip
    value: str = ""
    joined: bool = False  # '_' ties it to the element before it in the text (or to the verb)


@dataclass(frozen=True)
class VerbPattern:
    before: tuple[Element, ...]  # in text order
    after: tuple[Element, ...]
    verb_joined: bool  # '_*': the verb follows the last `before` element directly
    code: EventCode
    text: str
    where: str
    words: frozenset[str] = frozenset()  # its literal words: a sentence without one of them cannot match
    synsets: tuple[str, ...] = ()

    @property
    def weight(self) -> int:
        """More elements make a more specific pattern; the most specific match wins (TABARI/PETRARCH order)."""
        return len(self.before) + len(self.after)


@dataclass
class VerbBlock:
    name: str
    code: EventCode
    patterns: list[VerbPattern] = field(default_factory=list)


@dataclass(frozen=True)
class VerbEntry:
    words: tuple[str, ...]  # ('CORDON', 'OFF'), ('WIRE', 'TAP')
    head: int  # which word inflects
    forms: frozenset[str]  # forms of the head word
    block: int  # index into VerbDictionary.blocks
    code: EventCode | None  # the verb line's own code, else the block's
    where: str


@dataclass(frozen=True)
class SynsetMember:
    words: tuple[str, ...] = ()
    plural: bool = True  # the last word may also be a regular plural
    synset: str | None = None  # a member that is itself a synset ('+&TIETYPES')


@dataclass
class VerbDictionary:
    synsets: dict[str, list[SynsetMember]] = field(default_factory=dict)
    blocks: list[VerbBlock] = field(default_factory=list)
    entries: list[VerbEntry] = field(default_factory=list)
    by_form: dict[str, list[int]] = field(default_factory=dict)  # head-word form -> entries
    # synset phrases, flattened and indexed by their first (or last) word: built on first use (patterns.py)
    phrase_cache: dict[str, object] = field(default_factory=dict)

    def entries_for(self, form: str) -> list[VerbEntry]:
        return [self.entries[i] for i in self.by_form.get(form, ())]


T = TypeVar("T")


class PhraseIndex(Generic[T]):
    """Phrases (word tuples) -> entries, for longest-match lookups over a token sequence."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], T]]] = {}
        self._seen: set[tuple[str, ...]] = set()
        self.size = 0

    def add(self, words: tuple[str, ...], entry: T) -> None:
        if not words or words in self._seen:  # the first entry for a phrase wins, as in PETRARCH
            return
        self._seen.add(words)
        self._by_first.setdefault(words[0], []).append((words, entry))
        self.size += 1

    def freeze(self) -> None:
        for candidates in self._by_first.values():
            candidates.sort(key=lambda item: -len(item[0]))

    def longest_at(self, keys: Sequence[str], start: int) -> tuple[int, T] | None:
        """(length, entry) of the longest phrase that starts at keys[start], or None."""
        for words, entry in self._by_first.get(keys[start], ()):
            end = start + len(words)
            if end <= len(keys) and tuple(keys[start:end]) == words:
                return len(words), entry
        return None


@dataclass(frozen=True)
class Discard:
    phrase: str
    story: bool  # '+': the whole story is not coded
    pattern: re.Pattern[str]


@dataclass
class Issues:
    phrases: list[tuple[str, str]] = field(default_factory=list)  # (' PHRASE ', code)
    ignore: list[str] = field(default_factory=list)  # ' PHRASE ': no issues coded in a sentence that holds one


@dataclass
class PetrarchDictionaries:
    verbs: VerbDictionary
    actors: PhraseIndex[ActorEntry]
    agents: PhraseIndex[AgentEntry]
    discards: list[Discard]
    issues: Issues | None
    files: dict[str, tuple[str, ...]]  # kind -> files read
    problems: list[Problem]

    def __post_init__(self) -> None:
        # one regular expression per level: 500 discard phrases tried one by one cost more than the coding itself
        self.story_discard = _union([d for d in self.discards if d.story])
        self.sentence_discard = _union([d for d in self.discards if not d.story])

    def summary(self) -> str:
        return (
            f"{len(self.verbs.entries)} verbs in {len(self.verbs.blocks)} blocks, "
            f"{sum(len(b.patterns) for b in self.verbs.blocks)} patterns, {len(self.verbs.synsets)} synsets; "
            f"{self.actors.size} actor phrases, {self.agents.size} agent phrases, {len(self.discards)} discards, "
            f"{len(self.issues.phrases) if self.issues else 0} issue phrases; {len(self.problems)} lines skipped"
        )


# ------------------------------------------------------------------------------------------------ loading


def load_dictionaries(paths: Iterable[str | Path], *, strict: bool = False) -> PetrarchDictionaries:
    """Read PETRARCH dictionaries from files, folders or a PETRARCH config (.ini); cached per process.

    A folder is read for its files of each kind, told apart by name (`*verbs*` or `CAMEO*`, `*actors*`, `*agents*`,
    `*discards*`, `*issue*`); a folder with two verb dictionaries is ambiguous (DL232): name the files. Problems in
    lines are skipped and logged (`strict=True` raises DL230 at the first one). Missing files raise DL233, no verb
    dictionary DL231.
    """
    files = resolve_files(paths)
    stamp = tuple((kind, tuple((f, *_stamp(f)) for f in names)) for kind, names in files.items())
    return _load(stamp, strict)


def _stamp(path: str) -> tuple[int, int]:
    stat = Path(path).stat()
    return stat.st_size, stat.st_mtime_ns


@lru_cache(maxsize=4)
def _load(stamp: tuple, strict: bool) -> PetrarchDictionaries:
    files = {kind: tuple(entry[0] for entry in entries) for kind, entries in stamp}
    problems = _Problems(strict)
    verbs = VerbDictionary()
    for path in files.get("verbs", ()):
        _read_verbs(path, _text(path), verbs, problems)
    actors: PhraseIndex[ActorEntry] = PhraseIndex()
    for path in files.get("actors", ()):
        _read_actors(path, _text(path), actors, problems)
    actors.freeze()
    agents: PhraseIndex[AgentEntry] = PhraseIndex()
    for path in files.get("agents", ()):
        _read_agents(path, _text(path), agents, problems)
    agents.freeze()
    discards = [d for path in files.get("discards", ()) for d in _read_discards(path, _text(path), problems)]
    issues = None
    if files.get("issues"):
        issues = Issues()
        for path in files["issues"]:
            _read_issues(path, _text(path), issues, problems)
    loaded = PetrarchDictionaries(verbs, actors, agents, discards, issues, files, problems.found)
    if problems.found:
        first = problems.found[0]
        log.warning("PETRARCH dictionaries: %d line(s) skipped; first: %s", len(problems.found), first)
    return loaded


def resolve_files(paths: Iterable[str | Path]) -> dict[str, tuple[str, ...]]:
    """kind -> absolute file paths, from the given files, folders and PETRARCH config files."""
    found: dict[str, list[str]] = {kind: [] for kind in KINDS}
    given = [Path(p) for p in paths]
    for path in given:
        if not path.exists():
            raise DataFileError("DL233", path=str(path), reason="no such file or folder")
        if path.is_dir():
            config = path / "PETR_config.ini"
            if config.exists():
                _add_config(config, found)
                continue
            by_kind: dict[str, list[str]] = {kind: [] for kind in KINDS}
            for child in sorted(path.iterdir()):
                kind = kind_of(child.name) if child.is_file() else None
                if kind:
                    by_kind[kind].append(str(child.resolve()))
            if len(by_kind["verbs"]) > 1:
                names = ", ".join(Path(f).name for f in by_kind["verbs"])
                raise DataFileError("DL232", path=str(path), files=names)
            for kind, names in by_kind.items():
                found[kind].extend(names)
        elif path.suffix.lower() == ".ini":
            _add_config(path, found)
        else:
            kind = kind_of(path.name)
            if kind is None:
                reason = "cannot tell its kind from its name (expected *verbs*, CAMEO*, *actors*, *agents*, "
                raise DataFileError("DL233", path=str(path), reason=reason + "*discards* or *issue*)")
            found[kind].append(str(path.resolve()))
    if not found["verbs"]:
        raise DataFileError("DL231", paths=", ".join(str(p) for p in given) or "(nothing given)")
    return {kind: tuple(dict.fromkeys(names)) for kind, names in found.items() if names}


def kind_of(name: str) -> str | None:
    lower = name.lower()
    if not lower.endswith((".txt", ".verbs", ".actors", ".agents")):
        return None
    if "verb" in lower or lower.startswith("cameo"):
        return "verbs"
    for kind, word in (("actors", "actor"), ("agents", "agent"), ("discards", "discard"), ("issues", "issue")):
        if word in lower:
            return kind
    return None


def _add_config(config: Path, found: dict[str, list[str]]) -> None:
    """PETRARCH's own PETR_config.ini: [Dictionaries] verbfile_name, actorfile_list, agentfile_name, ..."""
    parser = configparser.ConfigParser()
    try:
        parser.read(config, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError) as exc:
        raise DataFileError("DL233", path=str(config), reason=str(exc)) from exc
    if not parser.has_section("Dictionaries"):
        raise DataFileError("DL233", path=str(config), reason="no [Dictionaries] section")
    section = parser["Dictionaries"]
    folder = config.parent / section.get("dictionary_dir", "").strip()
    keys = {
        "verbs": "verbfile_name",
        "actors": "actorfile_list",
        "agents": "agentfile_name",
        "discards": "discardfile_name",
        "issues": "issuefile_name",
    }
    for kind, key in keys.items():
        for name in (n.strip() for n in section.get(key, "").split(",")):
            if name:
                file = folder / name
                if not file.is_file():
                    raise DataFileError("DL233", path=str(file), reason=f"named by {key} in {config}, not found")
                found[kind].append(str(file.resolve()))


def _text(path: str) -> str:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise DataFileError("DL233", path=path, reason=exc.strerror or str(exc)) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # older TABARI-era files; every byte is a character there


class _Problems:
    def __init__(self, strict: bool) -> None:
        self.strict = strict
        self.found: list[Problem] = []

    def add(self, path: str, line: int, reason: str) -> None:
        problem = Problem(path, line, reason)
        if self.strict:
            raise problem.error()
        self.found.append(problem)


# ------------------------------------------------------------------------------------------------ lines


def clean_lines(text: str, *, semicolons: bool = False) -> Iterator[tuple[int, str]]:
    """(line number, content) without comments: `<!-- ... -->` (also over several lines), `#` (and, in TABARI-era
    actor files, `;`) outside brackets, so that codes such as `[###]` survive. Blank lines are left out."""
    in_comment = False
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw
        if in_comment:
            end = line.find("-->")
            if end < 0:
                continue
            line, in_comment = line[end + 3 :], False
        while (start := line.find("<!")) >= 0:
            end = line.find("-->", start)
            if end < 0:
                line, in_comment = line[:start], True
                break
            line = line[:start] + line[end + 3 :]
        line = _strip_comment(line, semicolons)
        if line.strip():
            yield number, line.rstrip()


def _strip_comment(line: str, semicolons: bool) -> str:
    depth = 0
    for i, char in enumerate(line):
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(0, depth - 1)
        elif depth == 0 and (char == "#" or (semicolons and char == ";")):
            return line[:i]
    return line


def _brackets(text: str) -> tuple[str, list[str]]:
    """('PHRASE {X}', ['CODE', 'CODE <DATE']): the text before the first '[' and every [...] group."""
    head, _, _ = text.partition("[")
    return head, re.findall(r"\[([^\]]*)\]", text)


# ------------------------------------------------------------------------------------------------ actors


def _read_actors(path: str, text: str, index: PhraseIndex[ActorEntry], problems: _Problems) -> None:
    record: dict | None = None

    def close() -> None:
        if record is None or not record["phrases"]:
            return
        entry = ActorEntry(
            name=record["name"],
            phrases=tuple(record["phrases"]),
            default=record["default"],
            rules=tuple(record["rules"]),
            where=f"{path}:{record['line']}",
        )
        for words in entry.phrases:
            index.add(words, entry)

    for number, line in clean_lines(text, semicolons=True):
        stripped = line.strip()
        if stripped.startswith("["):
            if record is None:
                problems.add(path, number, "a code line before any actor phrase")
                continue
            _actor_codes(stripped, record, path, number, problems)
        elif stripped.startswith("+"):
            if record is None:
                problems.add(path, number, "a synonym ('+') before any actor phrase")
                continue
            head, groups = _brackets(stripped[1:])
            words = phrase_words(head.strip().rstrip("_"))
            if words:
                record["phrases"].append(words)
            for group in groups:
                _actor_codes(f"[{group}]", record, path, number, problems)
        else:
            close()
            head, groups = _brackets(stripped)
            phrase = head.strip()
            words = phrase_words(phrase.rstrip("_"))
            if not words:
                record = None
                problems.add(path, number, f"no actor phrase in {stripped!r}")
                continue
            name = " ".join(w.capitalize() for w in re.split(r"[_\s]+", phrase.strip("_")) if w)
            record = {"name": name, "phrases": [words], "default": None, "rules": [], "line": number}
            for group in groups:
                _actor_codes(f"[{group}]", record, path, number, problems)
    close()


def _actor_codes(text: str, record: dict, path: str, number: int, problems: _Problems) -> None:
    for group in re.findall(r"\[([^\]]*)\]", text):
        match = _DATE_RULE.match(group.strip())
        if not match or not (match["code"] or "").strip():
            problems.add(path, number, f"unreadable actor code [{group}]")
            continue
        codes = _actor_code_list(match["code"], path, number, problems)
        if codes is None:
            continue
        if match["op"]:
            date = _date(match["date"])
            if date is None:
                problems.add(path, number, f"bad date {match['date']!r} in [{group}] (YYYYMMDD or YYMMDD)")
                continue
            rule = CodeRule(codes, end=date) if match["op"] == "<" else CodeRule(codes, start=date)
            record["rules"].append(rule)
        elif match["start"]:
            start, end = _date(match["start"]), _date(match["end"])
            if start is None or end is None:
                problems.add(path, number, f"bad date range in [{group}] (YYYYMMDD-YYYYMMDD or YYMMDD-YYMMDD)")
                continue
            record["rules"].append(CodeRule(codes, start=start, end=end))
        elif record["default"] is None:
            record["default"] = codes


def _actor_code_list(raw: str, path: str, number: int, problems: _Problems) -> tuple[str, ...] | None:
    """'ELR/GAL' -> ('ELR', 'GAL'); '---' -> () (known, not coded); an unusable code is a problem, taken as null."""
    codes = []
    for code in raw.upper().split("/"):
        code = code.strip()
        if not _ACTOR_CODE.match(code):
            problems.add(path, number, f"unusable actor code {code!r} (taken as no code)")
            return ()
        if code != NULL_CODE:
            codes.append(code)
    return tuple(codes)


def _date(raw: str) -> str | None:
    """'19950601' or '950601' (years before 30 are 20xx, as in PETRARCH's files) -> '1995-06-01'."""
    if len(raw) == 6:
        year = int(raw[:2])
        raw = f"{2000 + year if year < 30 else 1900 + year}{raw[2:]}"
    if len(raw) != 8:
        return None
    month, day = int(raw[4:6]), int(raw[6:])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"


# ------------------------------------------------------------------------------------------------ agents

_SUBSTITUTION = re.compile(r"^!(?P<mark>[A-Z0-9_]+)!\s*=\s*(?P<items>.+)$", re.IGNORECASE)
_AGENT = re.compile(r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<plurals>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]\s*$")


def _read_agents(path: str, text: str, index: PhraseIndex[AgentEntry], problems: _Problems) -> None:
    marks: dict[str, list[str]] = {}
    for number, line in clean_lines(text, semicolons=True):
        stripped = line.strip()
        if sub := _SUBSTITUTION.match(stripped):
            marks[sub["mark"].upper()] = [i.strip().upper() for i in sub["items"].split(",") if i.strip()]
            continue
        match = _AGENT.match(stripped)
        if not match:
            problems.add(path, number, f"not an agent line (PHRASE {{PLURALS}} [~CODE]): {stripped!r}")
            continue
        code = match["code"].replace(" ", "").upper()
        prefix = code.endswith("~") and not code.startswith("~")
        code = code.strip("~")
        if not re.fullmatch(r"[A-Z0-9]{3,}", code):
            problems.add(path, number, f"unusable agent code [{match['code']}]")
            continue
        phrase = match["phrase"].strip().upper()
        for expanded, substituted in _substitute(phrase, marks, path, number, problems):
            base = phrase_words(expanded.rstrip("_"))
            if not base:
                continue
            entry = AgentEntry(_readable(expanded), code, prefix, f"{path}:{number}")
            index.add(base, entry)
            for form in _agent_plurals(base, match["plurals"], substituted):
                index.add(form, entry)


def _substitute(
    phrase: str, marks: dict[str, list[str]], path: str, number: int, problems: _Problems
) -> Iterator[tuple[str, bool]]:
    """Every expansion of the phrase's !MARK!s, and whether there was one (then no plurals are formed)."""
    found = re.findall(r"!([A-Z0-9_]+)!", phrase)
    if not found:
        yield phrase, False
        return
    unknown = [m for m in found if m not in marks]
    if unknown:
        problems.add(path, number, f"undefined substitution mark !{unknown[0]}!")
        return
    for choice in product(*(marks[m] for m in found)):
        text = phrase
        for mark, item in zip(found, choice, strict=True):
            text = text.replace(f"!{mark}!", item, 1)
        yield text, True


def _agent_plurals(base: tuple[str, ...], given: str | None, substituted: bool) -> list[tuple[str, ...]]:
    if given is not None:  # {} no plural; {FORMS} exactly these
        return [phrase_words(p.rstrip("_")) for p in given.split() if p.strip("_")]
    if substituted:
        return []
    return [(*base[:-1], form) for form in plurals(base[-1])]


def _readable(phrase: str) -> str:
    return " ".join(w.lower() for w in re.split(r"[_\s]+", phrase.strip("_")) if w)


# ------------------------------------------------------------------------------------------------ verbs

_HEADER = re.compile(r"^-{3}\s*(?P<name>[^\[]*?)\s*(?:\[(?P<code>[^\]]*)\].*)?$")
_VERB = re.compile(r"^(?P<words>[^{\[]+?)\s*(?:\{(?P<forms>[^}]*)\})?\s*(?:\[(?P<code>[^\]]*)\])?\s*$")
_PATTERN = re.compile(r"^-\s*(?P<body>.*?)\s*\[(?P<code>[^\]]*)\]\s*$")


def _read_verbs(path: str, text: str, verbs: VerbDictionary, problems: _Problems) -> None:
    """Two passes: synsets may be used before they are defined, so patterns are compiled at the end."""
    mode = None  # 'synset' | 'block'
    synset: str | None = None
    raw_patterns: list[tuple[int, int, str, str]] = []  # (block, line, body, code)
    for number, line in clean_lines(text, semicolons=True):
        stripped = line.strip()
        if stripped.startswith("&"):
            label = stripped.split()[0][1:].upper()
            synset = label.rstrip("_")
            verbs.synsets[synset] = []
            mode = "synset" if not label.endswith("_") else "synset_"
        elif stripped.startswith("+") and mode in {"synset", "synset_"}:
            _synset_member(stripped[1:].strip(), verbs.synsets[synset], mode == "synset")
        elif stripped.startswith("---"):
            header = _HEADER.match(stripped)
            name = header["name"].strip("- ") if header else stripped
            code = _event_code(header["code"] if header and header["code"] is not None else NULL_CODE)
            if code is None:
                problems.add(path, number, f"unusable block code in {stripped!r} (taken as '---')")
                code = EventCode(None)
            verbs.blocks.append(VerbBlock(name, code))
            mode = "block"
        elif stripped.startswith("-"):
            if mode != "block":
                problems.add(path, number, "a pattern outside a verb block")
                continue
            match = _PATTERN.match(stripped)
            if not match:
                problems.add(path, number, f"a pattern without a [CODE]: {stripped!r}")
                continue
            raw_patterns.append((len(verbs.blocks) - 1, number, match["body"], match["code"]))
        elif mode == "block" or (mode is None and verbs.blocks):
            _verb_line(stripped, path, number, verbs, problems)
        else:
            problems.add(path, number, f"a line outside any synset or verb block: {stripped!r}")
    for block, number, body, code in raw_patterns:
        pattern = _compile_pattern(body, code, f"{path}:{number}", verbs.synsets, path, number, problems)
        if pattern is not None:
            verbs.blocks[block].patterns.append(pattern)


def _synset_member(text: str, members: list[SynsetMember], plural: bool) -> None:
    if text.startswith("&"):
        members.append(SynsetMember(synset=text[1:].split()[0].upper().rstrip("_")))
        return
    words = phrase_words(text.rstrip("_"))
    if words:
        members.append(SynsetMember(words, plural and not text.endswith("_")))


def _verb_line(text: str, path: str, number: int, verbs: VerbDictionary, problems: _Problems) -> None:
    match = _VERB.match(text)
    if not match:
        problems.add(path, number, f"not a verb line (VERB {{FORMS}} [CODE]): {text!r}")
        return
    code = None
    if match["code"] is not None:
        code = _event_code(match["code"])
        if code is None:
            problems.add(path, number, f"unusable event code [{match['code']}] (the block's code is used)")
    words, head = _verb_words(match["words"])
    if not words:
        problems.add(path, number, f"no verb in {text!r}")
        return
    forms = set(verb_forms(words[head]))
    for form in (match["forms"] or "").split():
        irregular, irregular_head = _verb_words(form)
        if irregular:
            forms.add(irregular[irregular_head])
    entry = VerbEntry(words, head, frozenset(forms), len(verbs.blocks) - 1, code, f"{path}:{number}")
    verbs.entries.append(entry)
    for form in entry.forms:
        verbs.by_form.setdefault(form, []).append(len(verbs.entries) - 1)


def _verb_words(text: str) -> tuple[tuple[str, ...], int]:
    """'+BREAK_DOWN' -> (('BREAK', 'DOWN'), 0); 'WIRE_+TAP' -> (('WIRE', 'TAP'), 1); 'LASH OUT' -> (..., 0)."""
    pieces = [p for p in re.split(r"[_\s]+", text.strip().upper()) if p]
    words: list[str] = []
    head = 0
    for piece in pieces:
        if piece.startswith("+"):
            head = len(words)
            piece = piece[1:]
        words.extend(phrase_words(piece))
    return tuple(words), min(head, max(len(words) - 1, 0))


def _event_code(raw: str) -> EventCode | None:
    """'042' / '032:033' / ':173' / '---' -> EventCode; None when unusable ('+++', 'xxy', '025?')."""
    parts = [p.strip() for p in raw.split(":")]
    if len(parts) > 2:
        return None
    codes: list[str | None] = []
    for part in parts:
        if part in {"", NULL_CODE}:
            codes.append(None)
        elif _EVENT_CODE.match(part):
            codes.append(part.upper())
        else:
            return None
    return EventCode(codes[0], codes[1] if len(codes) > 1 else None)


_SLOTS = {"$": "source", "+": "target", "%": "compound", "^": "skip"}


def _compile_pattern(
    body: str,
    code_text: str,
    where: str,
    synsets: dict[str, list[SynsetMember]],
    path: str,
    number: int,
    problems: _Problems,
) -> VerbPattern | None:
    code = _event_code(code_text)
    if code is None:
        problems.add(path, number, f"unusable event code [{code_text}]: pattern skipped")
        return None
    # PETRARCH-2 marks phrases in patterns: (prepositional phrase), {noun phrase}. Words in braces are consecutive.
    text = re.sub(r"\{([^}]*)\}", lambda m: "_".join(m.group(1).split()), body)
    text = text.replace("(", " ").replace(")", " ").replace("**", "*")
    elements: list[Element | str] = []  # '*' marks the verb
    for chunk in text.split():
        first = True
        for piece in _chunk_pieces(chunk, synsets):
            joined = not first
            first = False
            if piece == "*":
                elements.append("*" if not joined else "_*")
            elif piece in _SLOTS:
                elements.append(Element(_SLOTS[piece], joined=joined))
            elif piece.startswith("&"):
                name = piece[1:]
                if name not in synsets:
                    problems.add(path, number, f"undefined synset &{name}: pattern skipped")
                    return None
                elements.append(Element("synset", name, joined))
            else:
                for k, word in enumerate(phrase_words(piece)):
                    elements.append(Element("word", word, joined or k > 0))
    stars = [i for i, e in enumerate(elements) if isinstance(e, str)]
    if len(stars) != 1:
        problems.add(path, number, "a pattern needs exactly one '*' (the verb): pattern skipped")
        return None
    star = stars[0]
    before = tuple(e for e in elements[:star] if isinstance(e, Element))
    after = tuple(e for e in elements[star + 1 :] if isinstance(e, Element))
    literal = frozenset(e.value for e in (*before, *after) if e.kind == "word")
    named = tuple(dict.fromkeys(e.value for e in (*before, *after) if e.kind == "synset"))
    return VerbPattern(before, after, elements[star] == "_*", code, body.strip(), where, literal, named)


def _chunk_pieces(chunk: str, synsets: dict[str, list[SynsetMember]]) -> list[str]:
    """Split a chunk on '_' but keep synset names whole ('&FIGHT_OF_WORDS'); '*' and slots stand alone."""
    raw = [p for p in re.split(r"_+", chunk.upper()) if p]
    pieces: list[str] = []
    i = 0
    while i < len(raw):
        piece = raw[i]
        if piece.startswith("&"):
            best = 1
            for j in range(len(raw), i, -1):
                if "_".join(raw[i:j])[1:] in synsets:
                    best = j - i
                    break
            pieces.append("_".join(raw[i : i + best]))
            i += best
            continue
        # a slot or the verb stuck to a word without '_' ('+HAS') is split off
        while piece and piece[0] in "*$+%^" and len(piece) > 1:
            pieces.append(piece[0])
            piece = piece[1:]
        pieces.append(piece)
        i += 1
    return pieces


# ------------------------------------------------------------------------------------------------ discards, issues


def _read_discards(path: str, text: str, problems: _Problems) -> list[Discard]:
    out = []
    for _number, line in clean_lines(text, semicolons=True):
        stripped = line.strip()
        story = stripped.startswith("+")
        phrase = stripped.lstrip("+").strip()
        whole = phrase.endswith("_")
        words = [w for w in re.split(r"[_\s]+", phrase.upper()) if w]
        if not words:
            continue
        # case-insensitive; a phrase without a final '_' is a stem ('BASEBALL' also finds 'baseballs')
        body = r"\s+".join(re.escape(w) for w in words)
        pattern = re.compile(r"(?<![A-Za-z0-9])" + body + (r"(?![A-Za-z0-9])" if whole else ""), re.IGNORECASE)
        out.append(Discard(" ".join(words), story, pattern))
    return out


def _union(discards: list[Discard]) -> re.Pattern[str] | None:
    """All the phrases in one expression, written as a character trie so that a text is read once, whatever the
    number of phrases ("BASE(BALL|LINE)..." rather than 500 alternatives tried one by one)."""
    if not discards:
        return None
    trie: dict = {}
    for discard in discards:
        node = trie
        for char in discard.phrase:
            node = node.setdefault(char, {})
        whole = discard.pattern.pattern.endswith("(?![A-Za-z0-9])")
        node[""] = node.get("", True) and whole  # a stem and a whole word on the same phrase: the stem wins
    return re.compile(r"(?<![A-Za-z0-9])" + _trie_regex(trie), re.IGNORECASE)


def _trie_regex(node: dict) -> str:
    options = []
    for char, child in sorted((k, v) for k, v in node.items() if k):
        options.append((r"\s+" if char == " " else re.escape(char)) + _trie_regex(child))
    if "" in node:
        options.append(r"(?![A-Za-z0-9])" if node[""] else "")
    if len(options) == 1:
        return options[0]
    return "(?:" + "|".join(options) + ")"


def _read_issues(path: str, text: str, issues: Issues, problems: _Problems) -> None:
    for number, line in clean_lines(text):
        stripped = line.strip()
        if stripped.startswith("<"):  # <ISSUE CATEGORY=...> / </ISSUE> group markers
            continue
        if stripped.startswith("~"):
            for variant in _issue_variants(stripped.lstrip("~")):
                issues.ignore.append(f" {variant} ")
            continue
        head, codes = _brackets(stripped)
        if not codes or not codes[0].strip():
            problems.add(path, number, f"an issue phrase without [CODE]: {stripped!r}")
            continue
        for variant in _issue_variants(head):
            issues.phrases.append((f" {variant} ", codes[0].strip().upper()))


def _issue_variants(phrase: str) -> list[str]:
    """'n:crime against humanity' -> CRIME / CRIMES AGAINST HUMANITY; 'v:purge' -> PURGE, PURGES, PURGED, PURGING;
    'al+zarqawi' -> 'AL ZARQAWI' and 'AL-ZARQAWI'."""
    options: list[list[str]] = []
    for word in phrase.upper().split():
        if word.startswith("N:"):
            base = word[2:]
            options.append([base, *plurals(base)])
        elif word.startswith("V:"):
            options.append(list(verb_forms(word[2:])))
        elif "+" in word:
            parts = word.split("+")
            options.append([" ".join(parts), "-".join(parts)])
        else:
            options.append([word])
    return [" ".join(choice) for choice in product(*options)] if options else []
