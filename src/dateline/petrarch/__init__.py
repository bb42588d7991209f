"""A drop-in for PETRARCH users: code events with PETRARCH / Phoenix dictionaries (docs/petrarch.md).

    from dateline.petrarch import PetrarchCoder
    coder = PetrarchCoder.load(["CAMEO.2.0.txt", "Phoenix.Countries.actors.txt", "Phoenix.agents.txt"])
    res = dataclasses.replace(load_resources(), petrarch=coder)   # or: dateline analyze --petrarch-dictionaries

Modules: `dictionaries` (the five file kinds -> typed records), `actors` (longest-match actors and agents, combined
per noun phrase, date-restricted codes), `patterns` (verb patterns around a verb), `coder` (sentences -> Events),
`tsv` (PETRARCH's event TSV). PETRARCH's XML input is read by `dateline.read.petrarch`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from dateline.errors import DataFileError
from dateline.model import Article, Event
from dateline.petrarch.coder import MODES, code_article, describe_code, merge
from dateline.petrarch.dictionaries import PetrarchDictionaries, load_dictionaries
from dateline.petrarch.tsv import petrarch_rows, write_events

__all__ = [
    "ENV_DICTIONARIES",
    "ENV_MODE",
    "MODES",
    "PetrarchCoder",
    "PetrarchDictionaries",
    "code_article",
    "describe_code",
    "load_dictionaries",
    "merge",
    "petrarch_rows",
    "setting_from_env",
    "write_events",
]

# How the CLI hands the choice to worker processes (the engines pass DATELINE_* variables on to their workers).
ENV_DICTIONARIES = "DATELINE_PETRARCH_DICTIONARIES"  # paths, separated by os.pathsep
ENV_MODE = "DATELINE_PETRARCH_MODE"  # replace | add

Setting = tuple[tuple[str, ...], str]  # (dictionary paths, mode): hashable, for the per-process resource cache


@dataclass(frozen=True)
class PetrarchCoder:
    """PETRARCH dictionaries and how their events join ours: `replace` (theirs only) or `add` (ours, plus theirs
    that are not already there)."""

    dictionaries: PetrarchDictionaries
    mode: str = "replace"

    @classmethod
    def load(cls, paths: Iterable[str | Path], mode: str = "replace") -> PetrarchCoder:
        check_mode(mode)
        return cls(load_dictionaries(paths), mode)

    def code(self, doc: Doc, article: Article, ours: Sequence[Event] = ()) -> list[Event]:
        theirs = code_article(doc, article, self.dictionaries, body_start=article.body_start)
        return theirs if self.mode == "replace" else merge(list(ours), theirs)


def check_mode(mode: str) -> str:
    if mode not in MODES:
        raise DataFileError("DL234", mode=mode)
    return mode


def setting(paths: Iterable[str | Path], mode: str = "replace") -> Setting:
    return tuple(str(Path(p).resolve()) for p in paths), check_mode(mode)


def setting_from_env() -> Setting | None:
    """The PETRARCH setting the CLI put in the environment, or None."""
    raw = os.environ.get(ENV_DICTIONARIES, "").strip()
    if not raw:
        return None
    return setting([p for p in raw.split(os.pathsep) if p], os.environ.get(ENV_MODE, "replace") or "replace")
