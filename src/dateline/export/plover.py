"""PLOVER JSON export: one JSON object per line (JSONL, as the PLOVER codebook suggests) per stored event.

Fields follow the PLOVER codebook's "JSON Data Fields": `id`, `date`, `source` and `recipient` (lists of actor
objects: `code` the country, `sector`, `actor_text`, `identifier_text` the canonical name), `event` (a list of one
PLOVER category), `mode`, `event_loc` (GeoNames field names: geonameid, name, latitude, longitude, country code, cc3,
admin1 code, feature class/code), `event_text`, `quad_code` (PLOVER's quad of the category), `event_scale` (the
Goldstein score of the CAMEO code), `text_info` (sentence number and character offsets), `cite_info`, `coder`,
`coded_date`. dateline's own extras keep what PLOVER has no field for: `cameo` (code, name, QuadClass),
`modality`, `in_quote`, `attributed_to`, `confidence`, `article_id`.

CAMEO codes map to PLOVER through `data/export/plover.yaml` (the 2021 codebook's table; 01 and 02 have no PLOVER
category, so those events are left out and counted as skipped).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

import duckdb
import yaml

from dateline.errors import DataFileError
from dateline.export.common import CODER, StoredArticle, iter_articles
from dateline.places import Gazetteer, load_gazetteer
from dateline.store.db import event_id

PLOVER_TABLE = Path(__file__).resolve().parent.parent / "data" / "export" / "plover.yaml"
FEATURES = {"country": ("A", "PCLI"), "us_state": ("A", "ADM1"), "region": ("A", "ADM1")}  # else ("P", "PPL")


@dataclass(frozen=True)
class PloverTable:
    codebook: str
    categories: dict[str, tuple[str, str | None] | None]
    quad: dict[str, int]

    def category(self, code: str) -> tuple[str, str | None] | None:
        """(category, mode) of a CAMEO code by longest prefix; None when it has no PLOVER category."""
        for n in range(len(code), 1, -1):
            if code[:n] in self.categories:
                return self.categories[code[:n]]
        return None


@lru_cache(maxsize=1)
def load_plover_table(path: str | None = None) -> PloverTable:
    where = path or str(PLOVER_TABLE)
    try:
        data = yaml.safe_load(Path(where).read_text(encoding="utf-8"))
        categories: dict[str, tuple[str, str | None] | None] = {}
        for prefix, value in data["categories"].items():
            if value is None:
                categories[str(prefix)] = None
            elif isinstance(value, str):
                categories[str(prefix)] = (value, None)
            else:
                category, mode = value
                categories[str(prefix)] = (str(category), str(mode))
        quad = {str(k): int(v) for k, v in data["quad"].items()}
        unknown = {c[0] for c in categories.values() if c} - set(quad)
        if unknown:
            raise ValueError(f"categories without a quad: {', '.join(sorted(unknown))}")
        return PloverTable(str(data["codebook"]), categories, quad)
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise DataFileError("DL201", path=where, reason=str(exc) or type(exc).__name__) from exc


def write_plover(con: duckdb.DuckDBPyConnection, out: IO[str]) -> tuple[int, int]:
    """Write one PLOVER record per stored event with a PLOVER category; returns (written, skipped)."""
    table = load_plover_table()
    gaz = load_gazetteer()
    written = skipped = 0
    for article in iter_articles(con):
        for idx in range(len(article.record["events"])):
            record = plover_record(article, idx, table, gaz)
            if record is None:
                skipped += 1
                continue
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
    return written, skipped


def plover_record(article: StoredArticle, idx: int, table: PloverTable, gaz: Gazetteer) -> dict[str, Any] | None:
    """The PLOVER record of the article's event number `idx`, or None when its CAMEO code has no PLOVER category."""
    event = article.record["events"][idx]
    found = table.category(event.get("code") or "")
    if found is None:
        return None
    category, mode = found
    record: dict[str, Any] = {
        "id": f"dateline-{event_id(article.article_id, idx)}",
        "date": _date(event.get("date")) or _date(article.record.get("published")),
        "source": [_actor(event["source"])],
    }
    if event.get("target"):
        record["recipient"] = [_actor(event["target"])]
    record["event"] = [category]
    if mode:
        record["mode"] = mode
    loc = event.get("location")
    if loc and loc.get("lat") is not None:
        record["event_loc"] = _location(loc, gaz)
    s, e = event.get("sentence_span") or (None, None)
    record |= {
        "event_text": [event.get("trigger")],
        "quad_code": table.quad[category],
        "event_scale": event.get("goldstein"),
        "text_info": {"sequence": article.sentence_number(s), "start": s, "end": e},
        "cite_info": _citation(article, table),
        "coder": CODER,
        "coded_date": article.ingested_at.date().isoformat(),
        "cameo": {"code": event.get("code"), "name": event.get("name"), "quad_class": event.get("quad_class")},
        "modality": event.get("modality"),
        "in_quote": event.get("in_quote"),
        "attributed_to": event.get("attributed_to"),
        "confidence": event.get("confidence"),
        "article_id": article.article_id,
    }
    return record


def _actor(actor: dict[str, Any]) -> dict[str, Any]:
    return {
        "code": actor.get("country"),
        "sector": actor.get("sector"),
        "actor_text": actor.get("text"),
        "identifier_text": actor.get("name"),
        "actor_code": actor.get("code"),
    }


def _location(loc: dict[str, Any], gaz: Gazetteer) -> dict[str, Any]:
    info = gaz.countries.get(loc.get("country") or "")
    feature_class, feature_code = FEATURES.get(loc.get("kind") or "", ("P", "PPL"))
    return {
        "geonameid": loc.get("geonameid"),
        "name": loc.get("name"),
        "latitude": loc.get("lat"),
        "longitude": loc.get("lon"),
        "feature class": feature_class,
        "feature code": feature_code,
        "country code": info.iso2 if info else None,
        "cc3": loc.get("country"),
        "admin1 code": loc.get("admin1"),
    }


def _citation(article: StoredArticle, table: PloverTable) -> dict[str, Any]:
    r = article.record
    cite = {
        "citation": r.get("id"),
        "url": r.get("url"),
        "title": r.get("title"),
        "language": r.get("lang"),
        "publication": r.get("source"),
        "coder": CODER,
        "codebook": table.codebook,
    }
    return {k: v for k, v in cite.items() if v is not None}


def _date(value: Any) -> str | None:
    """YYYY-MM-DD; a year alone becomes 1 January of it (PLOVER's date is a full date)."""
    if not isinstance(value, str) or not value[:4].isdigit():
        return None
    if len(value) == 4:
        return f"{value}-01-01"
    return value[:10] if len(value) >= 10 else f"{value[:7]}-01"
