"""Quotations and speakers (dateline.quotes): quotation marks, attribution conventions, speaker resolution.

The mark-pairing tests need nothing; the attribution tests parse text and need the spaCy model (`slow`).
Expected quotations for each newswire convention live in tests/fixtures/quotes/newswire.yaml.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from dateline.model import Quote
from dateline.quotes import cue_kinds, cue_lexicon, quote_spans

FIXTURES = Path(__file__).parent / "fixtures" / "quotes"
CASES: list[dict[str, Any]] = yaml.safe_load((FIXTURES / "newswire.yaml").read_text(encoding="utf-8"))


def contents(text: str) -> list[str]:
    return [text[s.start : s.end] for s in quote_spans(text)]


# ----------------------------------------------------------------------------------------------- marks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will win," he said.', ["We will win,"]),
        ("“We will win,” he said.", ["We will win,"]),
        ("«We will win,» he said.", ["We will win,"]),
        ("„We will win“, he said.", ["We will win"]),
        ("'We don't know yet,' he said.", ["We don't know yet,"]),
        ("\"He told me 'no way',\" she said.", ["He told me 'no way',"]),  # nested singles stay inside
        ('He called it "a farce" and "a disgrace."', ["a farce", "a disgrace."]),
        ("He called them “rapists“ and left.", ["rapists"]),  # a typo'd closing mark still closes
    ],
)
def test_marks_pair(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


def test_apostrophes_are_not_quotations() -> None:
    assert contents("The voters’ choice: Clinton’s plan and Trump’s wall, the ’90s.") == []


def test_quotation_runs_over_paragraphs_without_reopened_marks() -> None:
    text = 'He spoke.\n\n"First paragraph.\n\nSecond paragraph," he said.\n\nAfter.'
    assert contents(text) == ["First paragraph.\n\nSecond paragraph,"]


def test_quotation_runs_over_paragraphs_that_reopen_the_mark() -> None:
    text = "He spoke.\n\n“First.\n\n“Second.\n\n“Third,” he said.\n\n“Another,” she said."
    assert contents(text) == ["First.\n\n“Second.\n\n“Third,", "Another,"]


def test_unclosed_mark_ends_with_its_line_and_spares_what_follows() -> None:
    text = 'He said "we will win. Then he left. "Another point," she said.\n\n"Next," he added.'
    assert contents(text) == ["we will win. Then he left.", "Another point,", "Next,"]


def test_unclosed_quotation_is_recovered_not_dropped() -> None:
    text = 'The minister said: "We will never agree to this\n\nThe talks ended.'
    assert contents(text) == ["We will never agree to this"]


def test_ten_thousand_marks_with_an_odd_one_never_raise() -> None:
    # how the time grows with the marks is measured in bench/scaling.py
    text = 'He said "yes" and "no". ' * 2500 + 'She said "maybe'
    assert text.count('"') == 10_001
    spans = quote_spans(text)
    assert len(spans) == 5001
    assert all(a.end <= b.open_at for a, b in itertools.pairwise(spans))  # in order, never overlapping


# ----------------------------------------------------------------------------------------------- lexicon


def test_cue_lexicon_has_speech_thought_intent_naming_and_stance_cues() -> None:
    kinds = {k for entries in cue_lexicon().values() for e in entries for k in e.kinds}
    assert kinds == {"speech", "thought", "intent", "naming", "stance"}
    assert ("out",) in {e.particles for e in cue_lexicon()["point"]}


# ----------------------------------------------------------------------------------------------- attribution


@pytest.fixture(scope="module")
def quotes_of():
    """text -> its quotations, through the whole pipeline (dateline and metadata lines handled as in `analyze`)."""
    import dateline

    def run(text: str) -> list[Quote]:
        return dateline.analyze(text).quotes

    return run


@pytest.mark.slow
def test_cue_kinds_use_lemma_and_particle() -> None:
    from dateline.nlp import load_nlp

    doc = load_nlp()("She pointed out that he pointed at the map and called for calm.")
    pointed_out, pointed_at, called = (t for t in doc if t.lower_ in {"pointed", "called"})
    assert "speech" in cue_kinds(pointed_out)  # 'point out'
    assert not cue_kinds(pointed_at)  # a bare 'point' reports nothing
    assert "stance" in cue_kinds(called)  # 'call for'


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_newswire_convention(case: dict[str, Any], quotes_of) -> None:
    text = case["text"]
    found = quotes_of(text)
    for q in found:
        assert text[q.content_span[0] : q.content_span[1]] == q.content
        if q.cue_span is not None:
            assert text[q.cue_span[0] : q.cue_span[1]] == q.cue
        if q.speaker.mention_span is not None:
            assert text[q.speaker.mention_span[0] : q.speaker.mention_span[1]] == q.speaker.mention
    if "count" in case:
        assert len(found) == case["count"], [q.content for q in found]
    for want in case["quotes"]:
        match = [q for q in found if _matches(q, want)]
        assert match, f"{want} not in {[(q.type, q.content, q.speaker, q.cue) for q in found]}"


def _matches(q: Quote, want: dict[str, Any]) -> bool:
    checks = {
        "type": q.type,
        "content": q.content,
        "speaker": q.speaker.name,
        "mention": q.speaker.mention,
        "cue": q.cue,
        "actor_code": q.speaker.actor_code,
    }
    return all(checks[key] == value for key, value in want.items())


@pytest.mark.slow
def test_ten_thousand_marks_through_the_parser() -> None:
    from dateline.actors.kb import load_kb
    from dateline.actors.resolve import find_actors, kb_matcher
    from dateline.nlp import load_nlp
    from dateline.quotes import find_quotes

    text = '"We agree on this," he said. "Not at all," she replied. ' * 2500 + '"Maybe'
    assert text.count('"') == 10_001
    nlp = load_nlp()
    kb = load_kb()
    doc = nlp(text)
    actors = find_actors(doc, kb, kb_matcher(nlp, kb))
    found = find_quotes(doc, actors, text)  # bench/scaling.py measures how its time grows with the marks
    assert len(found) >= 4000  # the stray mark at the end costs nothing before it
    assert all(text[q.content_span[0] : q.content_span[1]] == q.content for q in found)


# ----------------------------------------------------------------------------------------------- seed, newswire style

CONTINUATION = "“"


def reopen_continuations(text: str) -> str:
    """The seed with the newswire convention: every continuation paragraph of a quotation re-opens the mark."""
    paragraphs = text.split("\n\n")
    inside = False
    for k, para in enumerate(paragraphs):
        if inside:
            paragraphs[k] = CONTINUATION + para
        marks = len(re.findall('["“”]', para))
        if marks % 2 == 1:
            inside = not inside
    return "\n\n".join(paragraphs)


@pytest.mark.slow
def test_seed_with_reopened_marks_gives_the_same_quotations(seed_path, seed_analysis, tmp_path) -> None:
    from dateline.pipeline import analyze_article, load_resources
    from dateline.read import read_paths

    variant = reopen_continuations(seed_path.read_text(encoding="utf-8"))
    assert variant.count("\n\n" + CONTINUATION) >= 5  # the four multi-paragraph quotations re-open their marks
    path = tmp_path / "seed_reopened.txt"
    path.write_text(variant, encoding="utf-8")
    (article,) = list(read_paths([path]))
    quotes = analyze_article(article, load_resources()).quotes

    original = seed_analysis.quotes
    assert len(original) == 11 and len(quotes) == 11
    for got, want in zip(quotes, original, strict=True):
        assert got.type == want.type
        assert got.speaker.name == want.speaker.name == "Azer Garayev"
        assert got.speaker.mention == want.speaker.mention
        assert got.cue == want.cue
        assert got.content.replace("\n\n" + CONTINUATION, "\n\n") == want.content
        assert variant[got.content_span[0] : got.content_span[1]] == got.content
