"""The DuckDB schema of a dateline store, declared once.

`TABLES` is the single source of truth: the DDL (`ddl()`), the column order that ingest writes, and the reference
page `docs/schema.md` (`schema_markdown()`, checked by the tests) are all generated from it.

Conventions: every child table carries `article_id` (the content hash of the article text, `articles.article_id`)
and a zero-based `*_idx`, the item's position in the Analysis lists, so `(article_id, *_idx)` names an item and
joins it back to the JSON. Offsets (`*_start`, `*_end`) are Python `str` indices into `articles.text`, end
exclusive, exactly as in the JSON contract. Country columns hold ISO 3166 alpha-3 or IGO codes, `---` when unknown.
"""

from __future__ import annotations

from dataclasses import dataclass

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # DuckDB type, as written in the DDL and in the casts of ingest
    doc: str
    not_null: bool = False


@dataclass(frozen=True)
class Table:
    name: str
    doc: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def _c(name: str, type_: str, doc: str, *, not_null: bool = False) -> Column:
    return Column(name, type_, doc, not_null)


def _actor_columns(prefix: str, who: str) -> tuple[Column, ...]:
    return (
        _c(f"{prefix}_text", "VARCHAR", f"the {who} as written in the sentence"),
        _c(f"{prefix}_name", "VARCHAR", f"canonical name of the {who}"),
        _c(f"{prefix}_code", "VARCHAR", f"CAMEO actor code of the {who} (country + sector, e.g. `USAGOV`)"),
        _c(f"{prefix}_country", "VARCHAR", f"country or IGO code of the {who}; `---` when unknown"),
        _c(f"{prefix}_sector", "VARCHAR", f"CAMEO sector of the {who} (GOV, MIL, ...), NULL when none"),
        _c(f"{prefix}_start", "INTEGER", f"offset where the {who} text starts"),
        _c(f"{prefix}_end", "INTEGER", f"offset where the {who} text ends"),
    )


ARTICLES = Table(
    "articles",
    "One row per stored article. Ingest is idempotent on `article_id`: the same text is never stored twice.",
    (
        _c(
            "article_id",
            "VARCHAR",
            "SHA-256 (hex) of the article text: the identity ingest deduplicates on",
            not_null=True,
        ),
        _c("id", "VARCHAR", "the article's own id (given by the user or derived by the reader)"),
        _c("title", "VARCHAR", "headline"),
        _c(
            "published",
            "DATE",
            "publication date; NULL when absent or not an ISO date (the raw value is in `analysis`)",
        ),
        _c("source", "VARCHAR", "outlet"),
        _c("url", "VARCHAR", "URL of the article"),
        _c("lang", "VARCHAR", "language code"),
        _c("path", "VARCHAR", "where it was read from (file, file:line, feed item)"),
        _c("text", "VARCHAR", "the full article text that all offsets index into; NULL if ingested without text"),
        _c("text_length", "INTEGER", "length of the text in Python characters"),
        _c("dateline_place", "VARCHAR", "place of the dateline (`BAKU, Aug 11 --`)"),
        _c("dateline_country", "VARCHAR", "country code of the dateline place"),
        _c("dateline_start", "INTEGER", "offset where the dateline starts"),
        _c("dateline_end", "INTEGER", "offset where the dateline ends"),
        _c("tone", "DOUBLE", "document tone, GDELT V1.5TONE style: `tone_positive` minus `tone_negative` (tone.py)"),
        _c("tone_positive", "DOUBLE", "percentage of the words that are positive in the VADER lexicon"),
        _c("tone_negative", "DOUBLE", "percentage of the words that are negative in the VADER lexicon"),
        _c("tone_polarity", "DOUBLE", "polarity (positive plus negative)"),
        _c("tone_words", "INTEGER", "number of words the tone was computed on"),
        _c("model", "VARCHAR", "spaCy model name/version that produced the analysis"),
        _c("ingested_at", "TIMESTAMP", "when the article was stored (UTC)", not_null=True),
        _c("n_actors", "INTEGER", "number of rows in `actors` for this article", not_null=True),
        _c("n_events", "INTEGER", "number of rows in `events` for this article", not_null=True),
        _c("n_quotes", "INTEGER", "number of rows in `quotes` for this article", not_null=True),
        _c("analysis", "JSON", "the full Analysis record (DESIGN.md §2) for lossless export", not_null=True),
    ),
    primary_key=("article_id",),
)

ACTORS = Table(
    "actors",
    "The actors resolved in each article (`Analysis.actors`).",
    (
        _c("article_id", "VARCHAR", "the article (`articles.article_id`)", not_null=True),
        _c("actor_idx", "INTEGER", "position in `Analysis.actors`", not_null=True),
        _c("name", "VARCHAR", "canonical name"),
        _c("code", "VARCHAR", "CAMEO actor code (country + sector); `---` prefix when the country is unknown"),
        _c("country", "VARCHAR", "country or IGO code; `---` when unknown"),
        _c("sector", "VARCHAR", "CAMEO sector code, NULL when none"),
        _c("role", "VARCHAR", "role or title (President, Foreign Minister, ...)"),
        _c("kind", "VARCHAR", "person, country, organization or group"),
        _c("inferred_from", "VARCHAR", "what resolved the actor (knowledge-base, title, apposition, coreference, ...)"),
        _c("mentions", "JSON", "the mention spans, `[[start, end], ...]`"),
    ),
)

EVENTS = Table(
    "events",
    "One row per CAMEO-coded event (`Analysis.events`): who did what to whom, when and where, with its evidence.",
    (
        _c("event_id", "BIGINT", "stable id: the first 63 bits of SHA-256(`article_id:event_idx`)", not_null=True),
        _c("article_id", "VARCHAR", "the article (`articles.article_id`)", not_null=True),
        _c("event_idx", "INTEGER", "position in `Analysis.events`", not_null=True),
        _c("code", "VARCHAR", "CAMEO event code (`042`)"),
        _c("root", "VARCHAR", "CAMEO root code (`04`)"),
        _c("name", "VARCHAR", "CAMEO event name (`Make a visit`)"),
        _c(
            "quad_class",
            "TINYINT",
            "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict",
        ),
        _c("goldstein", "DOUBLE", "Goldstein scale score, -10 to +10"),
        *_actor_columns("source", "source actor"),
        *_actor_columns("target", "target actor (all NULL when the event has no target)"),
        _c("trigger", "VARCHAR", "the word or phrase that triggered the code"),
        _c("trigger_start", "INTEGER", "offset where the trigger starts"),
        _c("trigger_end", "INTEGER", "offset where the trigger ends"),
        _c("sentence_start", "INTEGER", "offset where the evidence sentence starts"),
        _c("sentence_end", "INTEGER", "offset where the evidence sentence ends"),
        _c("date", "DATE", "date of the event; NULL when unknown or not an ISO date"),
        _c("location_name", "VARCHAR", "where it happened"),
        _c("location_country", "VARCHAR", "country code of the location"),
        _c("lat", "DOUBLE", "latitude of the location"),
        _c("lon", "DOUBLE", "longitude of the location"),
        _c("in_quote", "BOOLEAN", "the event is reported inside a quotation"),
        _c("attributed_to", "VARCHAR", "who claims it, when the event is attributed speech"),
        _c("background", "BOOLEAN", "background/past event, not news of the day"),
        _c("modality", "VARCHAR", "asserted, negated, hypothetical, future, ..."),
        _c("confidence", "DOUBLE", "coder confidence, 0 to 1"),
    ),
    primary_key=("event_id",),
)

QUOTES = Table(
    "quotes",
    "Quotations with their resolved speakers (`Analysis.quotes`).",
    (
        _c("article_id", "VARCHAR", "the article (`articles.article_id`)", not_null=True),
        _c("quote_idx", "INTEGER", "position in `Analysis.quotes`", not_null=True),
        _c("type", "VARCHAR", "direct, mixed or indirect"),
        _c("content", "VARCHAR", "what was said"),
        _c("content_start", "INTEGER", "offset where the content starts"),
        _c("content_end", "INTEGER", "offset where the content ends"),
        _c("speaker_name", "VARCHAR", "resolved speaker name, NULL when unresolved"),
        _c("speaker_mention", "VARCHAR", "the speaker as mentioned near the quote (`he`, `the minister`)"),
        _c("speaker_start", "INTEGER", "offset where the speaker mention starts"),
        _c("speaker_end", "INTEGER", "offset where the speaker mention ends"),
        _c("speaker_actor_code", "VARCHAR", "CAMEO actor code of the speaker, when resolved"),
        _c("cue", "VARCHAR", "the reporting verb or cue (`said`)"),
        _c("cue_start", "INTEGER", "offset where the cue starts"),
        _c("cue_end", "INTEGER", "offset where the cue ends"),
    ),
)

PLACES = Table(
    "places",
    "Places mentioned in each article (`Analysis.places`), one row per mention, geocoded offline with GeoNames "
    "data (places.py). The kind (country, us_state, us_city, city), GeoNames id and admin1 code are in `analysis`.",
    (
        _c("article_id", "VARCHAR", "the article (`articles.article_id`)", not_null=True),
        _c("place_idx", "INTEGER", "position in `Analysis.places`", not_null=True),
        _c("name", "VARCHAR", "place name"),
        _c("country", "VARCHAR", "country code of the place"),
        _c("span_start", "INTEGER", "offset where the mention starts (`span[0]` in the JSON)"),
        _c("span_end", "INTEGER", "offset where the mention ends (`span[1]` in the JSON)"),
        _c("lat", "DOUBLE", "latitude (a country's or US state's: the centre of its cities)"),
        _c("lon", "DOUBLE", "longitude"),
    ),
)

THEMES = Table(
    "themes",
    "Themes of each article (`Analysis.themes`), one row per distinct theme, from the taxonomy in "
    "`data/themes.yaml`; the triggers that decided (`Analysis.theme_hits`) are in `analysis`.",
    (
        _c("article_id", "VARCHAR", "the article (`articles.article_id`)", not_null=True),
        _c("theme", "VARCHAR", "theme label (DIPLOMACY, STATE_VISIT, ENERGY, SANCTIONS, ...)", not_null=True),
    ),
)

META = Table(
    "meta",
    "Facts about the store itself: `schema_version` (an integer, as text) and `created_by` (dateline version).",
    (
        _c("key", "VARCHAR", "name of the fact", not_null=True),
        _c("value", "VARCHAR", "its value, as text"),
    ),
    primary_key=("key",),
)

TABLES: dict[str, Table] = {t.name: t for t in (ARTICLES, ACTORS, EVENTS, QUOTES, PLACES, THEMES, META)}

# Secondary indexes. DuckDB 2.0 uses an ART index only for a selective equality on one column (measured with
# EXPLAIN ANALYZE: `WHERE article_id = ?` becomes an Index Scan). It never uses one for the conjunctive dyad filter
# `source_country = ? AND target_country = ? AND date >= ?`, composite or not: that query is a columnar scan pruned
# by zone maps (1.4 ms at 100k events, ~34 ms at 3M on 2 cores), so a dyad index would only cost memory and insert
# time. What these serve is the article view: everything of one article, by `article_id`.
INDEXES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("actors_article", "actors", ("article_id",)),
    ("events_article", "events", ("article_id",)),
    ("quotes_article", "quotes", ("article_id",)),
    ("places_article", "places", ("article_id",)),
    ("themes_article", "themes", ("article_id",)),
)


def _column_ddl(column: Column) -> str:
    return f'"{column.name}" {column.type}' + (" NOT NULL" if column.not_null else "")


def table_ddl(table: Table) -> str:
    parts = [_column_ddl(c) for c in table.columns]
    if table.primary_key:
        parts.append("PRIMARY KEY (" + ", ".join(f'"{k}"' for k in table.primary_key) + ")")
    return f'CREATE TABLE IF NOT EXISTS "{table.name}" (\n    ' + ",\n    ".join(parts) + "\n)"


def ddl() -> list[str]:
    """The statements that create an empty store (all idempotent: IF NOT EXISTS)."""
    statements = [table_ddl(t) for t in TABLES.values()]
    for name, table, columns in INDEXES:
        cols = ", ".join(f'"{c}"' for c in columns)
        statements.append(f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" ({cols})')
    return statements


def schema_markdown() -> str:
    """The per-table reference section of `docs/schema.md`, generated from `TABLES`."""
    out: list[str] = []
    for table in TABLES.values():
        out.append(f"## `{table.name}`\n\n{table.doc}\n")
        if table.primary_key:
            out.append("Primary key: " + ", ".join(f"`{k}`" for k in table.primary_key) + ".\n")
        out.append("| column | type | meaning |\n|---|---|---|")
        for c in table.columns:
            type_ = c.type + (" NOT NULL" if c.not_null else "")
            out.append(f"| `{c.name}` | {type_} | {c.doc} |")
        out.append("")
    indexes = [f"- `{name}` on `{table}` ({', '.join(cols)})" for name, table, cols in INDEXES]
    out.append("## Indexes\n\n" + "\n".join(indexes) + "\n")
    return "\n".join(out)
