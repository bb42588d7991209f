"""Enrichments: tone (VADER, GDELT V1.5TONE style), themes, dates resolved against publication, offline geocoding."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.actors.kb import load_kb
from dateline.dates import date_events, find_dates
from dateline.errors import DataFileError
from dateline.model import Actor, Event, EventActor, Location
from dateline.places import find_places, load_gazetteer, locate_events
from dateline.themes import find_themes, load_themes
from dateline.tone import document_tone

# ---- tone -------------------------------------------------------------------------------------------------------


def test_tone_counts_positive_and_negative_words_as_percentages() -> None:
    tone = document_tone("The talks were a great success. Nobody was hurt.")
    assert tone.words == 9
    assert tone.positive == pytest.approx(100 * 2 / 9)  # great, success
    assert tone.negative == pytest.approx(100 * 1 / 9)  # hurt
    assert tone.tone == pytest.approx(tone.positive - tone.negative)
    assert tone.polarity == pytest.approx(tone.positive + tone.negative)


def test_tone_negation_flips_and_stops_at_the_sentence_end() -> None:
    assert document_tone("The deal is not good.").tone < 0
    # "not" belongs to the first sentence: "Hope" opens the next one and stays positive.
    tone = document_tone("The talks were not good. Hope grows.")
    assert tone.positive > 0 and tone.negative > 0


def test_tone_ignores_proper_names_and_neutral_function_words() -> None:
    neutral = document_tone("Officials from the United States met officials like them in Port Hope.")
    assert neutral.positive == 0 and neutral.negative == 0
    assert neutral.self_group > 0  # "them"


def test_tone_of_empty_body_and_start_offset() -> None:
    assert document_tone("").words == 0
    assert document_tone("Terrible war. Calm day.", start=14).negative == 0


def test_tone_with_a_blank_spacy_doc_has_no_activity() -> None:
    import spacy

    nlp = spacy.blank("en")
    text = "A wonderful agreement."
    tone = document_tone(text, doc=nlp(text))
    assert tone.words == 3 and tone.positive > 0 and tone.activity is None


# ---- themes -----------------------------------------------------------------------------------------------------


def test_themes_from_triggers_with_evidence_spans() -> None:
    text = "Azerbaijan and Armenia signed a peace agreement. A ceasefire holds along the border."
    themes, hits = find_themes(text)
    assert themes[0] == "PEACE_PROCESS" and "DIPLOMACY" in themes  # implied
    for hit in hits:
        assert text[hit.span[0] : hit.span[1]] == hit.trigger


def test_themes_min_hits_stems_and_case_rules() -> None:
    themes, _ = find_themes("Sanctions were imposed.")
    assert themes == ["SANCTIONS"]
    assert find_themes("One oil tanker.")[0] == []  # ENERGY needs two hits
    assert "ENERGY" in find_themes("Oil and gas exports rose.")[0]
    assert find_themes("Bill Clinton spoke. Bill Gates too.")[0] == []  # '=bill' matches only lowercase
    assert "LEGISLATION" in find_themes("The bill passed; the bill is law.")[0]


def test_themes_from_coded_events() -> None:
    visit = Event(
        "042", "04", "Make a visit", 1, 1.9,
        EventActor("Aliyev", (0, 6), "Ilham Aliyev", "AZEGOV", "AZE", "GOV"),
        EventActor("Washington", (15, 25), "United States", "USAGOV", "USA", "GOV"),
        "visited", (7, 14), (0, 26),
    )  # fmt: skip
    themes, hits = find_themes("Aliyev visited Washington.", events=[visit])
    assert themes == ["STATE_VISIT", "DIPLOMACY"]
    assert any(h.theme == "STATE_VISIT" and h.trigger == "visited" for h in hits)


def test_themes_file_is_validated(tmp_path: Path) -> None:
    bad = tmp_path / "themes.yaml"
    bad.write_text("version: 1\nthemes:\n  lower_case: {triggers: [x]}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="DL201"):
        load_themes(bad)
    bad.write_text("version: 1\nthemes:\n  A: {triggers: [war], implies: [B]}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="unknown theme"):
        load_themes(bad)
    assert len(load_themes().spec.themes) >= 12


def test_themes_cost_grows_with_the_text_not_the_lexicon(monkeypatch: pytest.MonkeyPatch) -> None:
    # counted, not timed (bench/scaling.py times it): a trigger is tried only at words that can start it, so the
    # number of tries is proportional to the text and a small multiple of its words, whatever the lexicon's size
    import dateline.themes as themes

    tries = 0
    real = themes._match

    def counting(*args: object) -> int | None:
        nonlocal tries
        tries += 1
        return real(*args)

    monkeypatch.setattr(themes, "_match", counting)
    sentence = "The ministers discussed trade, energy and security in Baku. "
    found = find_themes(sentence * 400)  # ~24,000 characters
    once = tries
    tries = 0
    find_themes(sentence * 800)
    assert found and tries == 2 * once
    assert once <= 3 * len(sentence.split()) * 400


# ---- dates ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("It happened yesterday.", "2025-08-11", ("yesterday", "2025-08-10", "day", True)),
        ("They met on Tuesday.", "2025-08-11", ("Tuesday", "2025-08-05", "day", True)),  # 11 Aug 2025 is a Monday
        ("They met on Monday.", "2025-08-11", ("Monday", "2025-08-11", "day", True)),
        ("They will meet on Friday.", "2025-08-11", ("Friday", "2025-08-15", "day", True)),
        ("They will meet on Monday.", "2025-08-11", ("Monday", "2025-08-18", "day", True)),
        ("It was last Monday.", "2025-08-11", ("last Monday", "2025-08-04", "day", True)),
        ("Talks resume next Thursday.", "2025-08-11", ("next Thursday", "2025-08-14", "day", True)),
        ("It was agreed last week.", "2025-08-13", ("last week", "2025-08-04", "week", True)),
        ("Prices rose last month.", "2025-01-15", ("last month", "2024-12", "month", True)),
        ("It was built two years ago.", "2025-08-11", ("two years ago", "2023", "year", True)),
        ("He left 3 days ago.", "2025-03-02", ("3 days ago", "2025-02-27", "day", True)),
        ("Signed on August 11, 2025.", None, ("August 11, 2025", "2025-08-11", "day", False)),
        ("Signed on 3 March 2021.", None, ("3 March 2021", "2021-03-03", "day", False)),
        ("Signed on Dec. 30.", "2026-01-02", ("Dec. 30", "2025-12-30", "day", False)),  # closest year
        ("Elections in May 2024.", None, ("May 2024", "2024-05", "month", False)),
        ("The war ended in 1994.", None, ("1994", "1994", "year", False)),
        ("Dated 2025-08-11.", None, ("2025-08-11", "2025-08-11", "day", False)),
    ],
)
def test_dates_resolved_against_publication(text, published, expected) -> None:
    found = find_dates(text, published)
    assert [(d.text, d.date, d.resolution, d.relative) for d in found] == [expected]
    assert text[found[0].span[0] : found[0].span[1]] == expected[0]


def test_dates_ignore_modal_may_and_relative_dates_without_publication() -> None:
    assert find_dates("It may rain. We may 5 times.", "2025-08-11") == []
    assert find_dates("It happened yesterday.", None) == []


def test_dates_redate_events_from_their_own_sentence() -> None:
    text = "Russian troops attacked Kharkiv on Friday. Talks were held in 1992."
    published = "2024-05-13"
    attack = Event(
        "190", "19", "Fight", 4, -10.0,
        EventActor("Russian troops", (0, 14), "Russia", "RUSMIL", "RUS", "MIL"),
        EventActor("Kharkiv", (24, 31), "Ukraine", "UKR", "UKR", None),
        "attacked", (15, 23), (0, 42), date=published,
    )  # fmt: skip
    old = Event(
        "046", "04", "Negotiate", 1, 7.0, attack.source, None, "Talks", (43, 48), (43, 67), date="1992",
        background=True,
    )  # fmt: skip
    date_events([attack, old], find_dates(text, published), published)
    assert attack.date == "2024-05-10"  # the Friday before Monday 13 May
    assert old.date == "1992"


# ---- places -----------------------------------------------------------------------------------------------------


def test_gazetteer_cascade() -> None:
    gaz, kb = load_gazetteer(), load_kb()

    def where(name: str, qualifier: str = "") -> tuple:
        found = gaz.resolve(name, kb=kb, qualifier=qualifier)
        return (found.name, found.country, found.kind) if found else None

    assert where("Azerbaijan") == ("Azerbaijan", "AZE", "country")
    assert where("U.S.") == ("United States", "USA", "country")
    assert where("Washington") == ("Washington", "USA", "us_city")  # the capital, not the state
    assert where("the Kremlin") == ("Moscow", "RUS", "city")
    assert where("Downing Street") == ("London", "GBR", "city")
    assert where("IDF") is None and where("Knesset") is None  # seats that are institutions, not buildings
    assert where("Kansas") == ("Kansas", "USA", "us_state")
    assert where("New York") == ("New York City", "USA", "us_city")
    assert where("Kiev") == ("Kyiv", "UKR", "city")
    assert where("Paris") == ("Paris", "FRA", "city")
    assert where("Paris", "Texas") == ("Paris", "USA", "us_city")
    assert where("Nowhereville") is None
    assert gaz.fips("AZE") == "AJ" and gaz.fips("UKR") == "UP" and gaz.fips("UNO") == ""


def test_places_from_entities_and_actor_mentions_with_coordinates() -> None:
    text = "BAKU -- Azerbaijan hosted talks. Mr. Rahami visited Karachi, Pakistan, and Quetta."
    kb = load_kb()
    entities = [(52, 59, "GPE"), (61, 69, "GPE"), (75, 81, "GPE"), (8, 18, "PERSON")]
    actors = [Actor("Azerbaijan", "AZE", "AZE", None, kind="country", mentions=[(8, 18)])]
    places = find_places(text, entities=entities, actors=actors, kb=kb, start=8)
    assert [(p.name, p.country, p.kind) for p in places] == [
        ("Azerbaijan", "AZE", "country"),
        ("Karachi", "PAK", "city"),
        ("Pakistan", "PAK", "country"),
        ("Quetta", "PAK", "city"),
    ]
    karachi = places[1]
    assert karachi.lat == pytest.approx(24.86, abs=0.1) and karachi.lon == pytest.approx(67.01, abs=0.1)
    assert karachi.geonameid and karachi.admin1


def test_event_locations_get_coordinates() -> None:
    actor = EventActor("Russia", (0, 6), "Russia", "RUS", "RUS", None)
    event = Event("190", "19", "Fight", 4, -10.0, actor, None, "attacked", (7, 15), (0, 30))
    event.location = Location("KHARKIV", None)
    unknown = Event("190", "19", "Fight", 4, -10.0, actor, None, "attacked", (7, 15), (0, 30))
    unknown.location = Location("Xyzzyville", None)
    locate_events([event, unknown], kb=load_kb())
    assert event.location.country == "UKR" and event.location.lat == pytest.approx(50.0, abs=0.5)
    assert unknown.location.lat is None


def test_country_centres_are_near_gdelts() -> None:
    gaz = load_gazetteer()
    for iso3, (lat, lon) in {"UKR": (49, 32), "IND": (20, 77), "RUS": (60, 100), "USA": (39.8, -98.6)}.items():
        entry = gaz.country(iso3)
        assert abs(entry.lat - lat) < 4 and abs(entry.lon - lon) < 4, iso3


# ---- the pipeline ------------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_seed_analysis_is_enriched(seed_analysis) -> None:
    a = seed_analysis
    assert a.tone is not None and a.tone.words > 500 and a.tone.tone > 0 and a.tone.activity
    assert {"DIPLOMACY", "STATE_VISIT"} <= set(a.themes)
    names = {(p.name, p.country) for p in a.places}
    assert ("Azerbaijan", "AZE") in names and ("Washington", "USA") in names
    assert all(p.lat is not None for p in a.places)
    located = [e for e in a.events if e.location is not None]
    assert located and all(e.location.lat is not None for e in located)
    assert any(d.relative and d.date == "2025-08-11" for d in a.dates)  # "today"
    record = a.to_dict()
    assert record["theme_hits"] and record["places"][0]["span"]


@pytest.mark.slow
def test_a_failing_enrichment_is_contained(monkeypatch, caplog) -> None:
    import dateline
    from dateline import pipeline

    def broken(*args, **kwargs):
        raise RuntimeError("theme lexicon bug")

    monkeypatch.setattr(pipeline, "find_themes", broken)
    a = dateline.analyze("Russian troops attacked Ukrainian soldiers near Kharkiv on Friday.", published="2024-05-13")
    assert a.events and a.themes == [] and a.tone is not None and a.places
    assert a.events[0].date == "2024-05-10"  # "on Friday", said on Monday 13 May
    assert "enrichment 'themes' failed" in caplog.text
