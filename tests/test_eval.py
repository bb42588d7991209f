"""Scorers behind `dateline eval` (DESIGN.md §4): hand-made gold and system records, plus one check against the
reference scorer in ../shared when it is there."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dateline.errors import DatelineError
from dateline.eval import (
    default_plover_table_path,
    load_plover_table,
    load_records,
    parse_plover_table,
    plover_categories,
    score_events,
    score_plover,
    score_quotes,
    summary_line,
)

# ----------------------------------------------------------------------------------------------- builders


def gold_event(
    code: str, src: str | None, tgt: str | None, sentence: tuple[int, int] = (0, 100), **extra: Any
) -> dict[str, Any]:
    return {
        "sentence_span": list(sentence),
        "code": code,
        "source": {"country": src} if src else None,
        "target": {"country": tgt} if tgt else None,
        "confidence": "high",
        **extra,
    }


def sys_event(
    code: str,
    src: str | None,
    tgt: str | None,
    trigger: tuple[int, int] | None = (10, 15),
    sentence: tuple[int, int] | None = (0, 100),
    **extra: Any,
) -> dict[str, Any]:
    def actor(country: str | None) -> dict[str, Any] | None:
        return {"country": country, "code": f"{country}GOV"} if country else None

    return {
        "code": code,
        "root": code[:2],
        "source": actor(src),
        "target": actor(tgt),
        "trigger_span": list(trigger) if trigger else None,
        "sentence_span": list(sentence) if sentence else None,
        **extra,
    }


def counts(block: dict[str, Any]) -> tuple[int, int, int]:
    return block["tp"], block["fp"], block["fn"]


# ----------------------------------------------------------------------------------------------- events


def test_events_perfect_match_scores_one_at_every_level() -> None:
    gold = [{"id": "d1", "events": [gold_event("042", "AZE", "USA"), gold_event("057", "AZE", "ARM", (200, 300))]}]
    system = [
        {"id": "d1", "events": [sys_event("042", "AZE", "USA"), sys_event("057", "AZE", "ARM", (210, 220), None)]}
    ]
    report = score_events(gold, system)
    for level in ("dyad_root", "root", "dyad_code"):
        assert report[level] == {"tp": 2, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert "strict" not in report
    assert report["documents"] == 1
    assert report["missing_in_system"] == 0
    assert report["per_document"] == [{"id": "d1", "dyad_root": [2, 0, 0], "root": [2, 0, 0], "dyad_code": [2, 0, 0]}]


def test_events_matching_is_one_to_one() -> None:
    twin = gold_event("042", "AZE", "USA")
    one_system = [{"id": "d", "events": [sys_event("042", "AZE", "USA")]}]
    assert counts(score_events([{"id": "d", "events": [twin, dict(twin)]}], one_system)["dyad_root"]) == (1, 0, 1)

    two_system = [{"id": "d", "events": [sys_event("042", "AZE", "USA"), sys_event("042", "AZE", "USA")]}]
    assert counts(score_events([{"id": "d", "events": [twin]}], two_system)["dyad_root"]) == (1, 1, 0)


def test_events_medium_confidence_gold_is_optional() -> None:
    optional = gold_event("043", "USA", "AZE", confidence="medium")
    required = gold_event("042", "AZE", "USA")
    gold = [{"id": "d", "events": [optional, required]}]

    # Missing the optional event costs nothing.
    report = score_events(gold, [{"id": "d", "events": [sys_event("042", "AZE", "USA")]}])
    assert counts(report["dyad_root"]) == (1, 0, 0)
    assert report["dyad_root"]["recall"] == 1.0

    # Finding it is a true positive.
    both = [{"id": "d", "events": [sys_event("042", "AZE", "USA"), sys_event("043", "USA", "AZE")]}]
    assert counts(score_events(gold, both)["dyad_root"]) == (2, 0, 0)

    # At root level one system "04" event fits both; the required gold event gets it although listed second.
    assert counts(score_events(gold, [{"id": "d", "events": [sys_event("040", "X", "Y")]}])["root"]) == (1, 0, 0)


def test_events_three_levels_disagree_as_defined() -> None:
    gold = [{"id": "d", "events": [gold_event("042", "AZE", "USA")]}]

    wrong_dyad = score_events(gold, [{"id": "d", "events": [sys_event("042", "AZE", "RUS")]}])
    assert counts(wrong_dyad["root"]) == (1, 0, 0)
    assert counts(wrong_dyad["dyad_root"]) == (0, 1, 1)
    assert counts(wrong_dyad["dyad_code"]) == (0, 1, 1)

    sibling_code = score_events(gold, [{"id": "d", "events": [sys_event("043", "AZE", "USA")]}])
    assert counts(sibling_code["dyad_root"]) == (1, 0, 0)
    assert counts(sibling_code["root"]) == (1, 0, 0)
    assert counts(sibling_code["dyad_code"]) == (0, 1, 1)

    wrong_root = score_events(gold, [{"id": "d", "events": [sys_event("057", "AZE", "USA")]}])
    assert all(counts(wrong_root[level]) == (0, 1, 1) for level in ("dyad_root", "root", "dyad_code"))


def test_events_explicit_root_wins_over_code() -> None:
    gold = [{"id": "d", "events": [gold_event("", "AZE", "USA", root="04")]}]
    system = [{"id": "d", "events": [sys_event("042", "AZE", "USA")]}]
    assert counts(score_events(gold, system)["dyad_root"]) == (1, 0, 0)


@pytest.mark.parametrize(
    ("gold_code", "system_code", "matches"),
    [
        ("04", "042", True),  # gold only commits to the root
        ("042", "042", True),
        ("042", "0421", True),
        ("042", "04", False),  # system too vague
        ("042", "043", False),
        ("17", "174K", True),  # letters in codes are dropped before comparing
    ],
)
def test_events_dyad_code_compares_down_to_gold_code_length(gold_code: str, system_code: str, matches: bool) -> None:
    gold = [{"id": "d", "events": [gold_event(gold_code, "AZE", "USA")]}]
    system = [{"id": "d", "events": [sys_event(system_code, "AZE", "USA")]}]
    assert score_events(gold, system)["dyad_code"]["tp"] == int(matches)


def test_events_span_rules() -> None:
    gold = [{"id": "d", "events": [gold_event("042", "AZE", "USA", (100, 200))]}]

    def tp(event: dict[str, Any]) -> int:
        return score_events(gold, [{"id": "d", "events": [event]}])["dyad_root"]["tp"]

    assert tp(sys_event("042", "AZE", "USA", trigger=(150, 155), sentence=None)) == 1
    assert tp(sys_event("042", "AZE", "USA", trigger=(10, 15), sentence=(90, 110))) == 1  # sentence span suffices
    assert tp(sys_event("042", "AZE", "USA", trigger=None, sentence=(120, 300))) == 1
    assert tp(sys_event("042", "AZE", "USA", trigger=(10, 15), sentence=(0, 100))) == 0  # touching is not overlap
    assert tp(sys_event("042", "AZE", "USA", trigger=None, sentence=None)) == 0


def test_events_missing_actor_is_unknown_country() -> None:
    gold = [{"id": "d", "events": [gold_event("042", "AZE", None)]}]
    assert score_events(gold, [{"id": "d", "events": [sys_event("042", "AZE", None)]}])["dyad_root"]["tp"] == 1
    system = [{"id": "d", "events": [{"code": "042", "source": {"code": "azegov"}, "target": {"country": "---"}}]}]
    system[0]["events"][0]["sentence_span"] = [0, 10]
    assert score_events(gold, system)["dyad_root"]["tp"] == 1  # country from the code's first letters


def test_events_strict_mode_on_sentence_level_gold() -> None:
    # PETRARCH-style: one sentence per record, actor codes as strings, no spans (any system span is fine).
    gold = [
        {
            "id": "s1",
            "text": "Arnor restores ties with Gondor.",
            "events": [{"source": "ARN", "target": "GON", "code": "064"}],
        },
        {
            "id": "s2",
            "text": "Gondor's army attacked Mordor.",
            "events": [{"source": "GONMIL", "target": "MOR", "code": "190"}],
        },
    ]
    system = [
        {"id": "s1", "events": [sys_event("064", None, None, trigger=(900, 905), sentence=None)]},
        {"id": "s2", "events": [sys_event("190", None, None)]},
    ]
    system[0]["events"][0].update(source={"country": "ARN", "code": "ARN"}, target={"country": "GON", "code": "GON"})
    # Right countries, but GON instead of GONMIL: not an exact triple.
    system[1]["events"][0].update(source={"country": "GON", "code": "GON"}, target={"country": "MOR", "code": "MOR"})

    strict = score_events(gold, system, strict=True)
    assert set(strict) == {"strict", "documents", "missing_in_system", "per_document"}
    assert counts(strict["strict"]) == (1, 1, 1)
    assert strict["per_document"] == [{"id": "s1", "strict": [1, 0, 0]}, {"id": "s2", "strict": [0, 1, 1]}]
    assert counts(score_events(gold, system)["dyad_root"]) == (2, 0, 0)


def test_events_missing_documents_and_extra_system_records() -> None:
    gold = [
        {"hid": 7, "events": [gold_event("042", "AZE", "USA")]},
        {
            "doc_id": "b",
            "events": [gold_event("042", "AZE", "USA"), gold_event("01", "AZE", "USA", confidence="medium")],
        },
    ]
    system = [
        {"id": "7", "events": [sys_event("042", "AZE", "USA")]},
        {"id": "zzz", "events": [sys_event("01", "A", "B")]},
    ]
    report = score_events(gold, system)
    assert report["missing_in_system"] == 1
    assert counts(report["dyad_root"]) == (1, 0, 1)  # records in no gold document are ignored
    assert report["dyad_root"]["precision"] == 1.0
    assert report["dyad_root"]["recall"] == 0.5
    assert report["dyad_root"]["f1"] == 0.6667


def test_events_bad_gold_raises_dl501() -> None:
    with pytest.raises(DatelineError) as info:
        score_events([{"id": "d", "events": [{"code": "042"}]}], [], gold_path="g.json")
    assert info.value.code == "DL501"
    assert "g.json" in str(info.value)
    with pytest.raises(DatelineError, match="DL501"):
        score_events([{"events": []}], [])


# ----------------------------------------------------------------------------------------------- quotes


def gold_quote(span: tuple[int, int], qtype: str = "direct", speaker: str = "Azer Garayev", **extra: Any) -> dict:
    return {"quote_char_span": list(span), "type": qtype, "speaker_resolved": speaker, **extra}


def sys_quote(
    span: tuple[int, int],
    qtype: str = "direct",
    name: str | None = "Azer Garayev",
    mention_span: tuple[int, int] | None = None,
) -> dict:
    speaker = {"name": name, "mention": name, "mention_span": list(mention_span) if mention_span else None}
    return {"type": qtype, "content_span": list(span), "speaker": speaker}


@pytest.mark.parametrize(
    ("system_span", "matches"),
    [
        ((0, 100), True),
        ((40, 100), True),  # 60 shared: over half of both
        ((50, 100), True),  # exactly half of the gold
        ((51, 100), False),  # under half of the gold
        ((0, 200), True),  # exactly half of the system span
        ((0, 201), False),  # the system span swallowed too much
        ((100, 150), False),
    ],
)
def test_quotes_need_half_overlap_both_ways(system_span: tuple[int, int], matches: bool) -> None:
    report = score_quotes(
        [{"id": "d", "quotes": [gold_quote((0, 100))]}], [{"id": "d", "quotes": [sys_quote(system_span)]}]
    )
    assert counts(report["all"]) == ((1, 0, 0) if matches else (0, 1, 1))


def test_quotes_buckets_by_type() -> None:
    gold = [
        {
            "id": "d",
            "quotes": [
                gold_quote((0, 100), "direct"),
                gold_quote((200, 300), "mixed"),
                gold_quote((400, 500), "indirect"),
            ],
        }
    ]
    system = [
        {
            "id": "d",
            "quotes": [
                sys_quote((0, 100), "indirect"),  # matched: scored in the gold's bucket
                sys_quote((400, 500), "indirect"),
                sys_quote((600, 700), "indirect"),  # unmatched: a false positive in its own bucket
            ],
        }
    ]
    report = score_quotes(gold, system)
    assert counts(report["direct_mixed"]) == (1, 0, 1)
    assert counts(report["indirect"]) == (1, 1, 0)
    assert counts(report["all"]) == (2, 1, 1)
    assert report["speaker_accuracy"] == 1.0
    assert counts(report["end_to_end"]) == (2, 1, 1)


@pytest.mark.parametrize(
    ("gold_speaker", "gold_span", "system_name", "system_span", "right"),
    [
        ("Azer Garayev", None, "Azer Garayev", None, True),
        ("Azer Garayev", None, "Garayev", None, True),  # last name
        ("Azer Garayev", None, "Mr. Garayev", None, True),
        ("Garayev", None, "political analyst Azer Garayev", None, True),
        ("Azer Garayev", None, "Ilham Aliyev", None, False),
        ("Azer Garayev", None, None, None, False),
        ("He", None, "he", None, False),  # an unresolved pronoun says nothing
        ("sources", (110, 117), "officials", (108, 117), True),  # same mention span
        ("sources", (110, 117), "officials", (90, 110), False),
    ],
)
def test_quotes_speaker_by_span_or_last_name(
    gold_speaker: str,
    gold_span: tuple[int, int] | None,
    system_name: str | None,
    system_span: tuple[int, int] | None,
    right: bool,
) -> None:
    quote = {"quote_char_span": [0, 100], "type": "indirect", "speaker_text": gold_speaker}
    if gold_span:
        quote["speaker_char_span"] = list(gold_span)
    report = score_quotes(
        [{"id": "d", "quotes": [quote]}],
        [{"id": "d", "quotes": [sys_quote((0, 100), "indirect", system_name, system_span)]}],
    )
    assert counts(report["all"]) == (1, 0, 0)
    assert report["speaker_accuracy"] == float(right)
    assert counts(report["end_to_end"]) == ((1, 0, 0) if right else (0, 1, 1))


def test_quotes_speaker_mention_used_when_name_missing() -> None:
    system = [{"id": "d", "quotes": [{"type": "direct", "content_span": [0, 100], "speaker": {"mention": "Garayev"}}]}]
    report = score_quotes([{"id": "d", "quotes": [gold_quote((0, 100))]}], system)
    assert report["speaker_accuracy"] == 1.0


def test_quotes_polnear_style_gold() -> None:
    text = "The Post has learned that the escort was ditched, sources said. “We will not comment,” the campaign said."
    gold = [
        {
            "doc_id": "breitbart_1",
            "text": text,
            "quotes": [
                {
                    "quote_char_span": [21, 48],
                    "speaker_text": "The Post",
                    "speaker_char_span": [0, 8],
                    "type": "indirect",
                },
                {
                    "quote_char_span": [64, 85],
                    "speaker_text": "the campaign",
                    "speaker_char_span": [87, 99],
                    "type": "direct",
                },
            ],
        }
    ]
    system = [
        {
            "id": "breitbart_1",
            "quotes": [
                sys_quote((26, 48), "indirect", "sources", (50, 57)),  # right content, wrong source
                sys_quote((63, 86), "direct", "campaign", None),
            ],
        }
    ]
    report = score_quotes(gold, system)
    assert counts(report["indirect"]) == (1, 0, 0)
    assert counts(report["direct_mixed"]) == (1, 0, 0)
    assert report["speaker_accuracy"] == 0.5
    assert counts(report["end_to_end"]) == (1, 1, 1)
    assert report["documents"] == 1
    assert report["missing_in_system"] == 0


def test_quotes_missing_system_document_is_all_false_negatives() -> None:
    report = score_quotes([{"doc": "x", "quotes": [gold_quote((0, 10), "indirect")]}], [])
    assert report["missing_in_system"] == 1
    assert counts(report["indirect"]) == (0, 0, 1)
    assert report["speaker_accuracy"] == 0.0


def test_quotes_malformed_gold_span_raises_dl501() -> None:
    with pytest.raises(DatelineError, match="DL501"):
        score_quotes([{"id": "d", "quotes": [{"quote_char_span": [1, 2, 3]}]}], [])


# ----------------------------------------------------------------------------------------------- plover

TABLE_TSV = """# comment
cameo_prefix\tplover
01\t-
04\tCONSULT
05\tSUPPORT
057\tAGREE|SUPPORT
"""


def test_plover_table_parsing_and_longest_prefix(tmp_path: Path) -> None:
    path = tmp_path / "map.tsv"
    path.write_text(TABLE_TSV, encoding="utf-8")
    table = load_plover_table(path)
    assert table == {"01": set(), "04": {"CONSULT"}, "05": {"SUPPORT"}, "057": {"AGREE", "SUPPORT"}}
    assert plover_categories("0571", table) == {"AGREE", "SUPPORT"}
    assert plover_categories("051", table) == {"SUPPORT"}
    assert plover_categories("010", table) == set()
    assert plover_categories("19", table) == set()
    with pytest.raises(DatelineError, match="DL501"):
        parse_plover_table("04 CONSULT\n")
    with pytest.raises(DatelineError, match="DL501"):
        load_plover_table(tmp_path / "absent.tsv")


def test_plover_category_and_source() -> None:
    table = parse_plover_table(TABLE_TSV)
    agree = {
        "event": "AGREE",
        "source": [{"actorText": "Israel", "code": "ISR"}, {"actorText": "Palestinians", "code": "PSEGOV"}],
    }
    gold = [
        {"id": "a", "events": [agree]},
        {"id": "b", "events": [agree]},
        {"id": "c", "events": [agree]},
        {"id": "d", "events": [agree]},
        {"id": "no-event", "events": []},  # not a sentence to score
    ]
    system = [
        {"id": "a", "events": [sys_event("057", "PSE", "ISR")]},  # category and source right
        {"id": "b", "events": [sys_event("0571", "USA", "ISR")]},  # category right, source wrong
        {"id": "c", "events": [sys_event("051", "ISR", "PSE")]},  # SUPPORT only
        {"id": "d", "events": []},
    ]
    report = score_plover(gold, system, table)
    assert report == {
        "sentences": 4,
        "with_any_event": 3,
        "category_accuracy": 0.5,
        "category_and_source_accuracy": 0.25,
    }


def test_default_plover_table_path(tmp_path: Path) -> None:
    project = tmp_path / "main"
    project.mkdir()
    assert default_plover_table_path(project) is None
    table = tmp_path / "shared" / "eval" / "plover_categories.tsv"
    table.parent.mkdir(parents=True)
    table.write_text(TABLE_TSV, encoding="utf-8")
    assert default_plover_table_path(project) == project / ".." / "shared" / "eval" / "plover_categories.tsv"


# ----------------------------------------------------------------------------------------------- files and summary


def test_load_records_reads_object_list_and_jsonl(tmp_path: Path) -> None:
    single = tmp_path / "gold.json"
    single.write_text(json.dumps({"doc": "seed.txt", "events": []}, indent=2), encoding="utf-8")
    assert load_records(single) == [{"doc": "seed.txt", "events": []}]

    array = tmp_path / "gold_list.json"
    array.write_text('[{"id": 1}, {"id": 2}]', encoding="utf-8")
    assert [r["id"] for r in load_records(array)] == [1, 2]

    lines = tmp_path / "system.jsonl"
    lines.write_text('{"id": "a"}\n\n{"id": "b"}\n', encoding="utf-8")
    assert [r["id"] for r in load_records(lines, role="system")] == ["a", "b"]

    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    assert load_records(empty) == []


@pytest.mark.parametrize(
    ("content", "gold_code", "system_code"),
    [
        ('{"id": "a"}\n{"id": \n', "DL501", "DL106"),
        ("[1, 2]", "DL501", "DL106"),
        (None, "DL501", "DL101"),
    ],
)
def test_load_records_errors(tmp_path: Path, content: str | None, gold_code: str, system_code: str) -> None:
    path = tmp_path / "bad.jsonl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(DatelineError) as gold_error:
        load_records(path)
    assert gold_error.value.code == gold_code
    assert str(path) in str(gold_error.value)
    with pytest.raises(DatelineError) as system_error:
        load_records(path, role="system")
    assert system_error.value.code == system_code


def test_summary_lines() -> None:
    gold = [{"id": "d", "events": [gold_event("042", "AZE", "USA")], "quotes": [gold_quote((0, 10))]}]
    system = [{"id": "d", "events": [sys_event("042", "AZE", "USA")], "quotes": []}]
    assert (
        summary_line("events", score_events(gold, system))
        == "events dyad_root P 1.000 R 1.000 F1 1.000 (1 docs, 0 missing)"
    )
    assert summary_line("events", score_events(gold, system, strict=True)).startswith("events strict P 0.000")
    assert summary_line("quotes", score_quotes(gold, system)) == (
        "quotes direct+mixed F1 0.000 indirect F1 0.000 speaker-acc 0.000 end-to-end F1 0.000 (1 docs, 0 missing)"
    )
    plover = {"sentences": 4, "with_any_event": 3, "category_accuracy": 0.5, "category_and_source_accuracy": 0.25}
    assert (
        summary_line("plover", plover)
        == "plover category accuracy 0.500 with source 0.250 (4 sentences, 3 with an event)"
    )
    with pytest.raises(ValueError):
        summary_line("tone", {})


# ----------------------------------------------------------------------------------------------- reference scorer

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
COUNTRIES = ["AZE", "USA", "ARM", "RUS", "TUR", "ARN", "GON", "---"]


def _shift(span: list[int], rng: random.Random) -> list[int]:
    """Move a span by up to its own length either way: sometimes still overlapping, sometimes not."""
    length = max(1, span[1] - span[0])
    delta = rng.randint(-length, length)
    cut = rng.randint(0, length // 2)
    return [max(0, span[0] + delta), max(0, span[1] + delta - cut)]


def _perturbed_event(gold: dict[str, Any], span: list[int] | None, rng: random.Random) -> dict[str, Any]:
    def actor(value: Any) -> dict[str, Any] | None:
        code = value if isinstance(value, str) else str((value or {}).get("code") or (value or {}).get("country") or "")
        if rng.random() < 0.2:
            code = rng.choice(COUNTRIES) + rng.choice(["", "GOV", "MIL"])
        if not code and rng.random() < 0.5:
            return None
        roll = rng.random()
        if roll < 0.3:  # country only, as the seed gold has it: strict then compares "" codes
            return {"country": code[:3]}
        if roll < 0.5:  # code only: the country must come from its first letters
            return {"code": code}
        return {"code": code, "country": code[:3]}

    code = "".join(ch for ch in str(gold.get("code") or "") if ch.isdigit())
    roll = rng.random()
    if roll < 0.15:
        code = code[:2]
    elif roll < 0.3:
        code = code[:2] + str(rng.randint(0, 9))
    elif roll < 0.4:
        code = f"{rng.randint(1, 20):02d}"
    event = {"code": code, "root": code[:2], "source": actor(gold.get("source")), "target": actor(gold.get("target"))}
    if span is not None:
        event["sentence_span"] = _shift(span, rng) if rng.random() < 0.3 else list(span)
        trigger = gold.get("trigger_span") or span
        event["trigger_span"] = (
            _shift(trigger, rng) if rng.random() < 0.3 else (None if rng.random() < 0.2 else trigger)
        )
    return event


def _event_systems(gold: list[dict[str, Any]], seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    out = []
    for index, rec in enumerate(gold):
        doc_id = str(next(rec[k] for k in ("id", "hid", "doc_id", "doc") if rec.get(k) is not None))
        if rng.random() < 0.05 and index:
            continue  # a document the system never saw
        events = []
        for event in rec.get("events", []):
            if rng.random() < 0.25:
                continue
            events.append(_perturbed_event(event, event.get("sentence_span"), rng))
        for _ in range(rng.choice([0, 0, 1, 2])):  # spurious events
            events.append(
                _perturbed_event(
                    {"code": f"{rng.randint(1, 20):02d}0", "source": "USA", "target": "AZE"}, [0, 400], rng
                )
            )
        rng.shuffle(events)
        out.append({"id": doc_id, "events": events})
    return out


def _quote_systems(gold: list[dict[str, Any]], seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    out = []
    for index, rec in enumerate(gold):
        doc_id = str(next(rec[k] for k in ("id", "hid", "doc_id", "doc") if rec.get(k) is not None))
        if rng.random() < 0.05 and index:
            continue
        quotes = []
        for quote in rec.get("quotes", []):
            if rng.random() < 0.2:
                continue
            span = quote.get("content_span") or quote["quote_char_span"]
            resolved = quote.get("speaker_resolved") or quote.get("speaker_text") or ""
            speaker_span = quote.get("speaker_char_span")
            name = rng.choice([resolved, resolved.split()[-1] if resolved.split() else "", "Donald Trump", None, "he"])
            mention_span = rng.choice([speaker_span, _shift(speaker_span, rng) if speaker_span else None, None])
            quotes.append(
                {
                    "type": rng.choice([quote.get("type", "indirect"), "direct", "indirect", "mixed"]),
                    "content_span": _shift(span, rng) if rng.random() < 0.4 else span,
                    "speaker": {"name": name, "mention": rng.choice([name, "he"]), "mention_span": mention_span},
                }
            )
        for _ in range(rng.choice([0, 1])):
            start = rng.randint(0, 2000)
            quotes.append(
                {
                    "type": rng.choice(["direct", "indirect"]),
                    "content_span": [start, start + rng.randint(5, 300)],
                    "speaker": None,
                }
            )
        out.append({"id": doc_id, "quotes": quotes})
    return out


def _plover_systems(gold: list[dict[str, Any]], table: dict[str, set[str]], seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    by_category: dict[str, list[str]] = {}
    for prefix, categories in table.items():
        for category in categories:
            by_category.setdefault(category, []).append(prefix)
    prefixes = sorted(table)
    out = []
    for rec in gold:
        expected = rec["events"][0]
        sources = [a.get("code") or "" for a in expected.get("source") or []]
        events = []
        for _ in range(rng.choice([0, 1, 1, 2])):
            prefix = rng.choice(by_category.get(expected["event"], prefixes) if rng.random() < 0.6 else prefixes)
            code = prefix + ("" if rng.random() < 0.5 else str(rng.randint(0, 9)))
            country = rng.choice([*sources, *COUNTRIES]) if sources else rng.choice(COUNTRIES)
            events.append(
                {"code": code, "source": {"country": country[:3]} if rng.random() < 0.8 else {"code": country}}
            )
        out.append({"id": rec["id"], "events": events})
    return out


def _reference(task: str, gold: Path, system: Path, *extra: str) -> tuple[dict[str, Any], str]:
    """Run the reference scorer; it prints a JSON report, then one summary line."""
    tool = SHARED / "tools" / "dlscore.py"
    done = subprocess.run(
        [sys.executable, str(tool), task, "--gold", str(gold), "--system", str(system), *extra],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    body, last = done.stdout.strip().rsplit("\n", 1)
    return json.loads(body), last


def _write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "tools" / "dlscore.py").is_file(), reason="../shared (reference scorer) is absent")
@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize(
    ("task", "gold_name", "strict"),
    [
        ("events", "seed_gold.json", False),
        ("events", "seed_gold.json", True),
        ("events", "petrarch/unittest_gold.jsonl", False),
        ("events", "petrarch/unittest_gold.jsonl", True),
        ("quotes", "seed_gold.json", False),
        ("quotes", "polnear_dev.jsonl", False),
        ("plover", "cameo_manual_examples.jsonl", False),
    ],
)
def test_same_numbers_as_reference_scorer(tmp_path: Path, task: str, gold_name: str, strict: bool, seed: int) -> None:
    gold_path = SHARED / "eval" / gold_name
    gold = load_records(gold_path)
    extra: list[str] = []
    if task == "events":
        system = _event_systems(gold, seed)
        ours: dict[str, Any] = score_events(gold, system, strict=strict)
        ours.pop("per_document")  # the reference prints totals only
        extra = ["--strict"] if strict else []
    elif task == "quotes":
        system = _quote_systems(gold, seed)
        ours = score_quotes(gold, system)
    else:
        table_path = SHARED / "eval" / "plover_categories.tsv"
        table = load_plover_table(table_path)
        system = _plover_systems(gold, table, seed)
        ours = score_plover(gold, system, table)
        extra = ["--map", str(table_path)]
    system_path = _write_jsonl(tmp_path / "system.jsonl", system)

    reference, reference_line = _reference(task, gold_path, system_path, *extra)
    assert ours == reference
    assert summary_line(task, ours) == reference_line
    # The perturbations must leave something to get right and something to get wrong.
    assert reference_line.count(" 0.000") < 4
    assert "1.000 F1 1.000" not in reference_line
