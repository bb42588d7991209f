"""PETRARCH dictionary files -> records: small dictionaries written here (no ../shared, no spaCy model)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dateline.errors import DataFileError
from dateline.petrarch.actors import combine
from dateline.petrarch.dictionaries import (
    AgentEntry,
    EventCode,
    clean_lines,
    kind_of,
    load_dictionaries,
    resolve_files,
)
from dateline.petrarch.words import phrase_words, plurals, verb_forms

VERBS = """<!-- a made-up verb dictionary -->
&CURRENCY
+DOLLARS
+SWISS FRANCS

&NEGATIVES_   # no plurals for these
+DID N'T
+WILL NOT

--- GIVE [070] ---
GIVE {GAVE GIVEN}
DONATE [073]   # its own code
- * &CURRENCY [071]
- &NEGATIVES * &CURRENCY [---]
- * LOANS [072:075]
- * JUNK [+++]

--- MEET [031:031] ---
MEET {MET}
- RECENTLY_* [036]

--- SHUT [---] ---
+SHUT_DOWN {+SHUTS_DOWN +SHUTTING_DOWN}
- * BORDER_CROSSING [192]

--- WARN [160] ---
WARN
- * AGAINST + [161]
- * (OF {GRAVE DANGER}) [162]
"""

ACTORS = """# made-up actors
NORTHLAND_ [NLD]
+NORTHLANDERS
SOUTHIA [STH]
+SOUTHIAN
MARA_VENN
\t[STHGOV 20100101-20141231]
\t[STHELI >20150101]
OLD_KING  [KNG] ; a TABARI-style comment
\t[KNGGOV <991231]
EASTMARCH [EMA/EMB]
BAD_ACTOR [???]
"""

AGENTS = """!MIN! = MINISTER, MINISTERS, MINISTRY
MINISTER [~GOV]
FOREIGN_MINISTER [~GOVFRM]
POLICE {} [~COP]
ARMY_CHIEF {ARMY_CHIEFS} [~MIL]
RELIEF_AGENCY [NGO~]
!MIN!_OF_FISHERIES [~GOVAGR]
"""

DISCARDS = """FOOTBALL
+HURRICANE_
"""

ISSUES = """<ISSUE CATEGORY="MIGRATION">
n:refugee [REFUGEES]
border+crossing [BORDERS]
~refugee camp fire
</ISSUE>
"""


def write_set(folder: Path, *, prefix: str = "Test") -> list[Path]:
    files = {
        f"{prefix}.verbs.txt": VERBS,
        f"{prefix}.actors.txt": ACTORS,
        f"{prefix}.agents.txt": AGENTS,
        f"{prefix}.discards.txt": DISCARDS,
        f"{prefix}.IssueCoding.txt": ISSUES,
    }
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [folder / name for name in files]


@pytest.fixture
def dicts(tmp_path):
    write_set(tmp_path / "d")
    return load_dictionaries([tmp_path / "d"])


def test_words_split_like_spacy_tokens():
    assert phrase_words("MINAS_TIRITH") == ("MINAS", "TIRITH")
    assert phrase_words("BARAD-DUR") == ("BARAD", "-", "DUR")
    assert phrase_words("U.S._ARMY") == ("U.S.", "ARMY")
    assert phrase_words("won't") == ("WO", "N'T")
    assert plurals("AGENCY") == ("AGENCIES",) and plurals("BOSS") == ("BOSSES",) and plurals("DAY") == ("DAYS",)
    assert {"STOPPED", "STOPPING", "STOPS"} <= set(verb_forms("STOP"))
    assert {"DEPARTS", "DEPARTED", "DEPARTING"} <= set(verb_forms("DEPART")) and "DEPARTES" not in verb_forms("DEPART")


def test_comments_html_hash_and_brackets():
    text = "A <!-- one --> B\n<!-- two\nlines -->\nC # note\n- * X [###]\nD ; old\n"
    assert list(clean_lines(text, semicolons=True)) == [(1, "A  B"), (4, "C"), (5, "- * X [###]"), (6, "D")]


def test_verb_dictionary_blocks_forms_and_codes(dicts):
    verbs = dicts.verbs
    give = verbs.entries_for("GAVE")
    assert [e.words for e in give] == [("GIVE",)] and verbs.blocks[give[0].block].code == EventCode("070")
    assert verbs.entries_for("DONATED")[0].code == EventCode("073")
    (shut,) = verbs.entries_for("SHUTTING")
    assert shut.words == ("SHUT", "DOWN") and shut.head == 0
    assert verbs.synsets["CURRENCY"][1].words == ("SWISS", "FRANCS") and verbs.synsets["CURRENCY"][1].plural
    assert not verbs.synsets["NEGATIVES"][0].plural


def test_patterns_compile_with_slots_joins_and_paired_codes(dicts):
    blocks = {b.name: b for b in dicts.verbs.blocks}
    give = {p.text: p for p in blocks["GIVE"].patterns}
    assert give["* LOANS"].code == EventCode("072", "075")
    assert give["&NEGATIVES * &CURRENCY"].code.null
    assert [e.kind for e in give["&NEGATIVES * &CURRENCY"].before] == ["synset"]
    assert "* JUNK" not in give  # [+++] is no event code: the pattern is skipped, and said so
    (recently,) = blocks["MEET"].patterns
    assert recently.verb_joined and recently.before[0].value == "RECENTLY"
    warn = {p.text: p for p in blocks["WARN"].patterns}
    assert [(e.kind, e.value) for e in warn["* AGAINST +"].after] == [("word", "AGAINST"), ("target", "")]
    grave = warn["* (OF {GRAVE DANGER})"].after  # ( ) groups, { } words that go together
    assert [(e.value, e.joined) for e in grave] == [("OF", False), ("GRAVE", False), ("DANGER", True)]
    junk = [p for p in dicts.problems if "[+++]" in p.reason]
    assert junk and junk[0].line == 16 and junk[0].path.endswith("Test.verbs.txt")


def test_actor_codes_by_date_synonyms_and_compounds(dicts):
    def entry(*words):
        found = dicts.actors.longest_at(list(words), 0)
        return found[1] if found else None

    assert entry("NORTHLANDERS").name == "Northland" and entry("NORTHLANDERS").codes_on(None) == ("NLD",)
    venn = entry("MARA", "VENN")
    assert venn.codes_on("2012-05-01") == ("STHGOV",)
    assert venn.codes_on("2016-02-01") == ("STHELI",)
    assert venn.codes_on("2005-01-01") == ()  # no default: known, not coded
    assert venn.codes_on(None) == ("STHELI",)  # no date: the latest role
    king = entry("OLD", "KING")
    assert king.codes_on("1999-12-31") == ("KNGGOV",) and king.codes_on("2000-01-01") == ("KNG",)
    assert entry("EASTMARCH").codes_on("2020-01-01") == ("EMA", "EMB")
    bad = [p for p in dicts.problems if "'???'" in p.reason]
    assert bad and bad[0].line == 12 and "DL230" in str(bad[0])


def test_agents_plurals_substitutions_and_prefixes(dicts):
    def code(*words):
        found = dicts.agents.longest_at(list(words), 0)
        return (found[1].code, found[1].prefix) if found else None

    assert code("MINISTERS") == ("GOV", False)
    assert code("FOREIGN", "MINISTER") == ("GOVFRM", False)
    assert code("POLICE") == ("COP", False) and code("POLICES") is None  # {}: no plural
    assert code("ARMY", "CHIEFS") == ("MIL", False)
    assert code("RELIEF", "AGENCIES") == ("NGO", True)
    assert code("MINISTRY", "OF", "FISHERIES") == ("GOVAGR", False)


def test_agent_codes_combine_with_actor_codes():
    gov = AgentEntry("minister", "GOV", False, "")
    ngo = AgentEntry("relief agency", "NGO", True, "")
    assert combine("NLD", [gov]) == "NLDGOV"
    assert combine("USAGOV", [gov]) == "USAGOV"  # not twice
    assert combine("NLD", [ngo, gov]) == "NGONLDGOV"
    assert combine("---", [gov]) == "---GOV"


def test_discards_and_issues(dicts):
    football, hurricane = dicts.discards
    assert not football.story and football.pattern.search("the footballers")  # a stem
    assert hurricane.story and hurricane.pattern.search("A hurricane hit")
    assert not hurricane.pattern.search("hurricanes")  # a final '_': the whole word
    assert dicts.story_discard.search("A HURRICANE.") and not dicts.story_discard.search("Hurricanes")
    assert dicts.sentence_discard.search("Footballs")
    assert (" REFUGEES ", "REFUGEES") in dicts.issues.phrases
    assert (" BORDER-CROSSING ", "BORDERS") in dicts.issues.phrases


def test_strict_mode_raises_the_first_bad_line(tmp_path):
    files = write_set(tmp_path / "d")
    with pytest.raises(DataFileError) as info:
        load_dictionaries(files, strict=True)
    assert info.value.code == "DL230" and "line 16" in str(info.value)


def test_file_discovery_errors(tmp_path):
    write_set(tmp_path / "two")
    write_set(tmp_path / "two", prefix="Other")
    with pytest.raises(DataFileError) as info:
        resolve_files([tmp_path / "two"])
    assert info.value.code == "DL232"
    (tmp_path / "none").mkdir()
    (tmp_path / "none" / "x.actors.txt").write_text("A [AAA]\n")
    with pytest.raises(DataFileError) as info:
        resolve_files([tmp_path / "none"])
    assert info.value.code == "DL231"
    with pytest.raises(DataFileError) as info:
        resolve_files([tmp_path / "missing"])
    assert info.value.code == "DL233"
    assert kind_of("CAMEO.2.0.txt") == "verbs" and kind_of("Phoenix.IssueCoding.txt") == "issues"
    assert kind_of("LICENSE") is None


def test_petrarch_config_names_the_files(tmp_path):
    files = write_set(tmp_path / "d")
    (tmp_path / "d" / "PETR_config.ini").write_text(
        "[Dictionaries]\nverbfile_name = Test.verbs.txt\nactorfile_list = Test.actors.txt\n", encoding="utf-8"
    )
    found = resolve_files([tmp_path / "d"])
    assert found == {"verbs": (str(files[0].resolve()),), "actors": (str(files[1].resolve()),)}


def test_loaded_once_per_process_and_again_when_a_file_changes(tmp_path):
    files = write_set(tmp_path / "d")
    first = load_dictionaries(files)
    assert load_dictionaries(files) is first
    stat = files[1].stat()
    files[1].write_text(ACTORS + "WESTREACH [WRE]\n", encoding="utf-8")
    os.utime(files[1], ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    again = load_dictionaries(files)
    assert again is not first and again.actors.longest_at(["WESTREACH"], 0) is not None


@pytest.mark.shared
def test_phoenix_dictionaries_load():
    # bench/scaling.py reports the time these take to load
    folder = Path(__file__).resolve().parents[2] / "shared" / "eval" / "petrarch" / "dictionaries"
    names = ["CAMEO.2.0.txt", "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.agents.txt"]
    loaded = load_dictionaries([folder / n for n in names])
    assert loaded.actors.longest_at(["AFGHANISTAN"], 0)[1].codes_on("2020-01-01") == ("AFG",)
    assert loaded.verbs.entries_for("SIGNED") and loaded.agents.size > 1000
