"""GDELT 2.0 exports: Events (61 columns), Mentions (16) and GKG 2.1 (27), tab-separated, no header, as GDELT
publishes them, so tools written for GDELT's files read dateline's.

Events. GDELT counts one event however many articles report it; so does this export: stored events with the same
date, Actor1Code, Actor2Code, EventCode and ActionGeo country form one row, whose NumMentions, NumSources and
NumArticles count them, AvgTone averages the tone of their articles, and IsRootEvent is 1 when any mention is in
an article's lead paragraph. GLOBALEVENTID is the first 63 bits of SHA-256 of that key, stable across exports and
stores. DATEADDED and SOURCEURL are those of the first mention ingested. The Mentions export has one row per stored
event, pointing to its GLOBALEVENTID. Conventions follow GDELT's codebook:

- actor codes are CAMEO: Actor1Code "AZEGOV", CountryCode "AZE", Type1Code "GOV"; an actor with no known country
  has an empty CountryCode and the sector as its code ("REB"); an IGO's code ("UNO") goes to KnownGroupCode;
- geography uses FIPS 10-4 country codes ("AJ" for Azerbaijan, "UP" for Ukraine), Geo_Type 1 country, 2 US state,
  3 US city, 4 world city, and ADM1 codes as FIPS country + GeoNames admin1 ("AJ09", "USDC": GDELT's own ADM1
  for most countries); FeatureID is the country's FIPS code, the state's postal code or the GeoNames id of a city
  (GDELT uses GNS/GNIS ids there); a field with no geography has Geo_Type 0 and empty columns;
- Actor1Geo/Actor2Geo is the place mentioned nearest the actor in its sentence, else the first place in the
  article in the actor's country; ActionGeo is the event's location (the dateline or "in X" near the trigger);
- SQLDATE is the event date; an event dated only by a year (a background event: "in 1992") gets 1 January;
- FractionDate is YYYY + ((month - 1) * 30 + day) / 365 to 4 decimals (what GDELT's files hold; its codebook's
  formula differs by a month);
- SentenceID comes from a punctuation sentence splitter; MentionType is 1 (web) with a URL, else 2 (citation only),
  and then MentionIdentifier and SOURCEURL hold the outlet and article id.

GKG 2.1, one row per article: themes (our taxonomy, not GDELT's), locations, persons, organizations, V2Tone, dates,
quotations (offset|length|verb|quote), all names; Counts, GCAM (only "wc:"), images and amounts stay empty. DATE
and the record id carry the ingest time, as GDELT's carry its 15-minute batch; the publication date is in Extras
(<PAGE_PRECISEPUBTIMESTAMP>), with the title.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import IO, Any

import duckdb

from dateline.export.common import StoredArticle, clean, iter_articles, number, timestamp
from dateline.places import Gazetteer, load_gazetteer

EVENT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name", "Actor1CountryCode",
    "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code",
    "Actor1Type2Code", "Actor1Type3Code", "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
    "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone", "Actor1Geo_Type", "Actor1Geo_FullName",
    "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long",
    "Actor1Geo_FeatureID", "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID", "ActionGeo_Type",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat",
    "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL"
)  # fmt: skip
MENTION_COLUMNS = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
    "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
    "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras"
)  # fmt: skip
GKG_COLUMNS = (
    "GKGRECORDID", "DATE", "SourceCollectionIdentifier", "SourceCommonName", "DocumentIdentifier", "Counts",
    "V2Counts", "Themes", "V2Themes", "Locations", "V2Locations", "Persons", "V2Persons", "Organizations",
    "V2Organizations", "V2Tone", "Dates", "GCAM", "SharingImage", "RelatedImages", "SocialImageEmbeds",
    "SocialVideoEmbeds", "Quotations", "AllNames", "Amounts", "TranslationInfo", "Extras"
)  # fmt: skip
_INTEGER = {
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions", "NumSources",
    "NumArticles", "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type", "DATEADDED", "EventTimeDate",
    "MentionTimeDate", "MentionType", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "DATE", "SourceCollectionIdentifier",
}  # fmt: skip
_FLOAT = {
    "FractionDate", "GoldsteinScale", "AvgTone", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor2Geo_Lat", "Actor2Geo_Long",
    "ActionGeo_Lat", "ActionGeo_Long", "MentionDocTone",
}  # fmt: skip
TABLES = {"events": EVENT_COLUMNS, "mentions": MENTION_COLUMNS, "gkg": GKG_COLUMNS}
GEO_TYPES = {"country": 1, "us_state": 2, "us_city": 3, "city": 4, "region": 5}
DATE_RESOLUTION = {"year": 1, "month": 2, "day": 3, "week": 3}  # GKG V2.1 Dates: 1 year, 2 month, 3 full date
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "him", "her", "them", "his", "its", "their"})
NO_GEO = ("0", "", "", "", "", "", "", "")


def column_types(table: str) -> dict[str, str]:
    """GDELT's column names and types (INTEGER, FLOAT, STRING, as in its column-label files) for "events",
    "mentions" or "gkg"."""
    return {c: "INTEGER" if c in _INTEGER else "FLOAT" if c in _FLOAT else "STRING" for c in TABLES[table]}


def duckdb_columns(table: str) -> dict[str, str]:
    """`columns=` for DuckDB's read_csv: read an export back with GDELT's types.

    >>> duckdb_columns("mentions")["MentionDocTone"]
    'DOUBLE'
    """
    kinds = {"INTEGER": "BIGINT", "FLOAT": "DOUBLE", "STRING": "VARCHAR"}
    return {name: kinds[kind] for name, kind in column_types(table).items()}


# ---- events and mentions -----------------------------------------------------------------------------------------


@dataclass
class _Mention:
    """What one stored event contributes: its Mentions row (from MentionTimeDate on) and what the counts need."""

    article_id: str
    outlet: str
    tone: float | None
    in_lead: bool
    cells: list[str]


@dataclass
class _Cluster:
    """One GDELT event: the Events row of its first mention (counts filled when written) and all its mentions."""

    key: tuple[str, ...]
    row: list[str]
    mentions: list[_Mention] = field(default_factory=list)

    @property
    def event_id(self) -> int:
        digest = hashlib.sha256("\x1f".join(self.key).encode("utf-8")).digest()
        return int.from_bytes(digest[:8], "big") >> 1

    def event_row(self) -> list[str]:
        tones = {m.article_id: m.tone for m in self.mentions}
        known = [t for t in tones.values() if t is not None]
        row = list(self.row)
        row[0] = str(self.event_id)
        row[_IS_ROOT] = "1" if any(m.in_lead for m in self.mentions) else "0"
        row[_COUNTS : _COUNTS + 4] = [
            str(len(self.mentions)),
            str(len({m.outlet for m in self.mentions})),
            str(len(tones)),
            number(sum(known) / len(known), 10) if known else "0",
        ]
        return row


_IS_ROOT = EVENT_COLUMNS.index("IsRootEvent")
_COUNTS = EVENT_COLUMNS.index("NumMentions")  # NumMentions, NumSources, NumArticles, AvgTone
_DATEADDED = EVENT_COLUMNS.index("DATEADDED")


def write_events(con: duckdb.DuckDBPyConnection, out: IO[str]) -> int:
    """Write the GDELT 2.0 Events export; returns the number of rows (distinct events)."""
    clusters = _clusters(con, load_gazetteer())
    for cluster in clusters:
        out.write("\t".join(cluster.event_row()) + "\n")
    return len(clusters)


def write_mentions(con: duckdb.DuckDBPyConnection, out: IO[str]) -> int:
    """Write the GDELT 2.0 Mentions export (one row per stored event); returns the number of rows."""
    n = 0
    for cluster in _clusters(con, load_gazetteer()):
        head = [str(cluster.event_id), cluster.row[_DATEADDED]]
        for mention in cluster.mentions:
            out.write("\t".join(head + mention.cells) + "\n")
            n += 1
    return n


def _clusters(con: duckdb.DuckDBPyConnection, gaz: Gazetteer) -> list[_Cluster]:
    """Stored events grouped into GDELT events, in order of first mention; no article is kept in memory."""
    clusters: dict[tuple[str, ...], _Cluster] = {}
    for article in iter_articles(con):
        tone = (article.record.get("tone") or {}).get("tone")
        outlet = article.record.get("source") or article.source_name
        added = timestamp(article.ingested_at)
        for event in article.record["events"]:
            day = _sqldate(event)
            actors = _actor_fields(event.get("source"), gaz), _actor_fields(event.get("target"), gaz)
            key = _event_key(event, day, actors, gaz)
            cluster = clusters.get(key)
            if cluster is None:
                cluster = clusters[key] = _Cluster(key, _event_cells(article, event, day, actors, added, gaz))
            in_lead = article.in_lead((event.get("trigger_span") or [None])[0])
            cells = _mention_cells(article, event, added)
            cluster.mentions.append(_Mention(article.article_id, outlet, tone, in_lead, cells))
    return list(clusters.values())


Actors = tuple[list[str], list[str]]  # the ten Actor1 and Actor2 columns


def _event_key(event: dict[str, Any], day: str | None, actors: Actors, gaz: Gazetteer) -> tuple[str, ...]:
    """What makes two stored events one GDELT event: date, Actor1Code, Actor2Code, EventCode, ActionGeo country."""
    loc = event.get("location") or {}
    country = gaz.fips(loc.get("country")) if loc.get("lat") is not None else ""
    return (day or "", actors[0][0], actors[1][0], event.get("code") or "", country)


def _event_cells(
    article: StoredArticle, event: dict[str, Any], day: str | None, actors: Actors, added: str, gaz: Gazetteer
) -> list[str]:
    """The Events row of one stored event; GLOBALEVENTID, IsRootEvent and the counts are the cluster's."""
    code = event.get("code") or ""
    return [
        "",
        day or "",
        day[:6] if day else "",
        day[:4] if day else "",
        _fraction_date(day),
        *actors[0],
        *actors[1],
        "",
        code,
        code[:3],
        code[:2],
        str(event.get("quad_class") or ""),
        str(float(event.get("goldstein") or 0.0)),
        "",
        "",
        "",
        "",
        *_actor_geo(article, event, "source", gaz),
        *_actor_geo(article, event, "target", gaz),
        *_action_geo(article, event, gaz),
        added,
        clean(article.citation),
    ]


def _mention_cells(article: StoredArticle, event: dict[str, Any], added: str) -> list[str]:
    """Mentions columns from MentionTimeDate on (GLOBALEVENTID and EventTimeDate are the cluster's)."""
    source, target = event.get("source") or {}, event.get("target") or {}
    trigger = (event.get("trigger_span") or [None])[0]
    raw = not (target.get("inferred") or source.get("inferred") or (source.get("text") or "").lower() in PRONOUNS)
    tone = (article.record.get("tone") or {}).get("tone")
    return [
        added,
        "1" if article.url else "2",
        clean(article.source_name),
        clean(article.citation),
        str(article.sentence_number(trigger)),
        _offset(source.get("span")),
        _offset(target.get("span")),
        str(trigger if trigger is not None else -1),
        "1" if raw else "0",
        str(round(100 * float(event.get("confidence") or 0.0))),
        str(article.record.get("text_length") or 0),
        number(tone, 10) if tone is not None else "0",
        "",
        "",
    ]


def _sqldate(event: dict[str, Any]) -> str | None:
    value = event.get("date") or ""
    if len(value) == 4 and value.isdigit():
        return f"{value}0101"
    return _day(value)


def _day(value: Any) -> str | None:
    """YYYYMMDD of an ISO date (or timestamp) string, else None."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10]).strftime("%Y%m%d")
    except ValueError:
        return None


def _fraction_date(day: str | None) -> str:
    if not day:
        return ""
    year, month, dom = int(day[:4]), int(day[4:6]), int(day[6:8])
    return f"{year + ((month - 1) * 30 + dom) / 365:.4f}"


def _actor_fields(actor: dict[str, Any] | None, gaz: Gazetteer) -> list[str]:
    """Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code, Religion2Code, Type1-3Code."""
    if not actor:
        return [""] * 10
    country = actor.get("country") or "---"
    code = actor.get("code") or ""
    sectors = code[3:] if code[:3] == country else (actor.get("sector") or "")
    types = [sectors[i : i + 3] for i in range(0, len(sectors), 3)][:3]
    group = ""
    if country == "---":
        country_code, code = "", sectors
    elif country in gaz.countries:
        country_code = country
    else:  # an IGO or NGO: UNO, EUR, NAT...
        country_code, group = "", country
    return [code, clean(actor.get("name") or actor.get("text") or "").upper(), country_code, group, "", "", "",
            *types, *[""] * (3 - len(types))]  # fmt: skip


def _geo(place: dict[str, Any] | None, gaz: Gazetteer) -> tuple[str, ...]:
    """Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID of a Place or Location record."""
    if not place or place.get("lat") is None:
        return NO_GEO
    country = place.get("country") or ""
    kind = place.get("kind") or "city"
    fips = gaz.fips(country)
    admin1 = place.get("admin1") or ""
    info = gaz.countries.get(country)
    country_name = info.name if info else country
    if kind == "country":
        full, adm1, feature = country_name, fips, fips
    elif kind == "us_state":
        full, adm1, feature = f"{place['name']}, {country_name}", f"US{admin1}", admin1
    else:
        state = gaz.state_names.get(admin1) if kind == "us_city" else None
        full = ", ".join(p for p in (place["name"], state, country_name) if p)
        adm1 = f"{fips}{admin1}" if admin1 else fips
        feature = str(place.get("geonameid") or "")
    return (str(GEO_TYPES.get(kind, 4)), clean(full), fips, adm1, "", number(place["lat"]), number(place["lon"]),
            feature)  # fmt: skip


def _actor_geo(article: StoredArticle, event: dict[str, Any], side: str, gaz: Gazetteer) -> tuple[str, ...]:
    actor = event.get(side)
    if not actor:
        return NO_GEO
    places = article.record.get("places") or []
    s, e = event.get("sentence_span") or (0, 0)
    at = (actor.get("span") or [s])[0]
    near = [p for p in places if s <= p["span"][0] < e]
    if near:
        return _geo(min(near, key=lambda p: abs(p["span"][0] - at)), gaz)
    same = [p for p in places if p.get("country") == actor.get("country")]
    return _geo(same[0], gaz) if same else NO_GEO


def _action_geo(article: StoredArticle, event: dict[str, Any], gaz: Gazetteer) -> tuple[str, ...]:
    loc = event.get("location")
    if loc and loc.get("lat") is not None:
        return _geo(loc, gaz)
    places = article.record.get("places") or []
    s, e = event.get("sentence_span") or (0, 0)
    near = [p for p in places if s <= p["span"][0] < e]
    trigger = (event.get("trigger_span") or [s])[0]
    return _geo(min(near, key=lambda p: abs(p["span"][0] - trigger)), gaz) if near else NO_GEO


def _offset(span: Any) -> str:
    return str(span[0]) if span else "-1"


# ---- GKG --------------------------------------------------------------------------------------------------------


def write_gkg(con: duckdb.DuckDBPyConnection, out: IO[str]) -> int:
    """Write the GDELT GKG 2.1 export (one row per article); returns the number of rows."""
    gaz = load_gazetteer()
    n = 0
    for n, article in enumerate(iter_articles(con), start=1):
        out.write("\t".join(gkg_row(article, n - 1, gaz)) + "\n")
    return n


def gkg_row(article: StoredArticle, number_in_file: int, gaz: Gazetteer) -> list[str]:
    r = article.record
    added = timestamp(article.ingested_at)
    persons = _actor_mentions(article, {"person"})
    orgs = _actor_mentions(article, {"organization"})
    places = [p for p in r.get("places") or [] if p.get("lat") is not None]
    tone = r.get("tone") or {}
    return [
        f"{added}-{number_in_file}",
        added,
        "1" if article.url else "2",
        clean(article.source_name),
        clean(article.citation),
        "",
        "",
        "".join(f"{clean(t, extra=';,')};" for t in r.get("themes") or []),
        "".join(f"{clean(h['theme'], extra=';,')},{h['span'][0]};" for h in r.get("theme_hits") or []),
        ";".join(dict.fromkeys("#".join(_location(p, gaz, v2=False)) for p in places)),
        ";".join("#".join(_location(p, gaz, v2=True)) for p in places),
        ";".join(dict.fromkeys(clean(name, extra=";,").lower() for name, _ in persons)),
        ";".join(f"{clean(name, extra=';,')},{offset}" for name, offset in persons),
        ";".join(dict.fromkeys(clean(name, extra=";,").lower() for name, _ in orgs)),
        ";".join(f"{clean(name, extra=';,')},{offset}" for name, offset in orgs),
        _v2tone(tone) if tone else "",
        ";".join(_date(d) for d in r.get("dates") or []),
        f"wc:{tone.get('words', 0)}" if tone else "",
        "",
        "",
        "",
        "",
        "#".join(_quotation(q) for q in r.get("quotes") or [] if q.get("content_span")),
        ";".join(_all_names(article)),
        "",
        "",
        _extras(r),
    ]


def _location(place: dict[str, Any], gaz: Gazetteer, *, v2: bool) -> list[str]:
    kind, full, fips, adm1, adm2, lat, lon, feature = _geo(place, gaz)
    full = clean(full, extra="#;")
    if v2:
        return [kind, full, fips, adm1, adm2, lat, lon, feature, str(place["span"][0])]
    return [kind, full, fips, adm1, lat, lon, feature]


def _actor_mentions(article: StoredArticle, kinds: set[str]) -> list[tuple[str, int]]:
    out = []
    for actor in article.record.get("actors") or []:
        if actor.get("kind") in kinds:
            out += [(actor["name"], span[0]) for span in actor.get("mentions") or []]
    return sorted(out, key=lambda x: x[1])


def _all_names(article: StoredArticle) -> Iterator[str]:
    text = article.text
    for actor in article.record.get("actors") or []:
        if actor.get("kind") == "country":
            continue
        for s, e in actor.get("mentions") or []:
            name = text[s:e] if text else actor["name"]
            if name[:1].isupper():
                yield f"{clean(name, extra=';,')},{s}"


def _v2tone(tone: dict[str, Any]) -> str:
    values = [tone.get(k) for k in ("tone", "positive", "negative", "polarity", "activity", "self_group")]
    return ",".join([*(number(v or 0.0, 10) for v in values), str(tone.get("words") or 0)])


def _date(mention: dict[str, Any]) -> str:
    value = mention["date"]
    year, month, day = [*value.split("-"), "0", "0"][:3]
    return f"{DATE_RESOLUTION.get(mention['resolution'], 3)}#{int(month)}#{int(day)}#{int(year)}#{mention['span'][0]}"


def _quotation(quote: dict[str, Any]) -> str:
    s, e = quote["content_span"]
    return f"{s}|{e - s}|{clean(quote.get('cue'), extra='|#')}|{clean(quote.get('content'), extra='|#')}"


def _extras(record: dict[str, Any]) -> str:
    parts = []
    published = _day(record.get("published"))
    if published:
        parts.append(f"<PAGE_PRECISEPUBTIMESTAMP>{published}000000</PAGE_PRECISEPUBTIMESTAMP>")
    if record.get("title"):
        parts.append(f"<PAGE_TITLE>{clean(record['title'])}</PAGE_TITLE>")
    return "".join(parts)
