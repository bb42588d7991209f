"""The bundled example article (the seed) end to end: the floor set by issue 2.

These read the bundled example, not ../shared, and need the spaCy model the quick start installs.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_seed_metadata(seed_analysis):
    a = seed_analysis
    assert a.published == "2025-08-11"
    assert a.source == "Trend"
    assert a.dateline.place == "Baku" and a.dateline.country == "AZE"


def test_seed_actors(seed_analysis):
    by_name = {a.name: a for a in seed_analysis.actors}
    assert by_name["Ilham Aliyev"].code == "AZEGOV" and by_name["Ilham Aliyev"].role == "President"
    assert by_name["Donald Trump"].code == "USAGOV" and by_name["Donald Trump"].role == "President"
    assert by_name["Azer Garayev"].role == "political analyst"
    assert any(a.code == "USALEG" for a in seed_analysis.actors)


def test_seed_quotes_all_by_the_analyst(seed_analysis):
    quotes = seed_analysis.quotes
    assert len([q for q in quotes if q.type == "direct"]) == 5
    assert len([q for q in quotes if q.type == "indirect"]) == 6
    assert {q.speaker.name for q in quotes} == {"Azer Garayev"}
    # four of the direct quotations run over several paragraphs without re-opened quote marks
    assert len([q for q in quotes if q.type == "direct" and "\n\n" in q.content]) == 4
    mentions = {q.speaker.mention.lower() for q in quotes}
    assert {"he", "him", "the analyst", "garayev"} <= mentions


def test_seed_core_events(seed_analysis):
    found = {(e.code, e.source.country, e.target.country) for e in seed_analysis.events}
    for core in [("042", "AZE", "USA"), ("057", "AZE", "USA"), ("085", "USA", "AZE"), ("057", "AZE", "ARM")]:
        assert core in found, core


def test_seed_spans_point_at_their_text(seed_analysis, seed_path):
    text = seed_path.read_text(encoding="utf-8")
    for e in seed_analysis.events:
        assert text[e.trigger_span[0] : e.trigger_span[1]] == e.trigger
        assert text[e.source.span[0] : e.source.span[1]] == e.source.text
    for q in seed_analysis.quotes:
        assert text[q.content_span[0] : q.content_span[1]] == q.content
        assert text[q.cue_span[0] : q.cue_span[1]] == q.cue
