"""Synthetic but complete Analysis records for store, query and export tests (no spaCy model needed).

`story(k, ...)` builds one article whose text really contains every span it claims: a dateline, a visit or an
attack between two countries, a quotation by a named speaker, places with coordinates, themes, dates and tone.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from dateline.model import (
    Actor,
    Analysis,
    Dateline,
    DateMention,
    Event,
    EventActor,
    Location,
    Place,
    Quote,
    Speaker,
    ThemeHit,
    Tone,
    content_hash,
)
from dateline.store import ingest, open_store

COUNTRIES = {
    "AZE": ("Azerbaijan", "Baku", 40.37767, 49.89201, 587084, "09"),
    "USA": ("United States", "Washington", 38.89511, -77.03637, 4140963, "DC"),
    "ARM": ("Armenia", "Yerevan", 40.18111, 44.51361, 616052, "11"),
    "RUS": ("Russia", "Moscow", 55.75204, 37.61781, 524901, "48"),
    "UKR": ("Ukraine", "Kyiv", 50.45466, 30.5238, 703448, "12"),
}
SPEAKERS = ["Ilham Aliyev", "Hikmet Hajiyev", "Azer Garayev"]
ACTIONS = {  # code: (root, name, quad, goldstein, verb)
    "042": ("04", "Make a visit", 1, 1.9, "visited"),
    "057": ("05", "Sign formal agreement", 1, 8.0, "signed an agreement with"),
    "190": ("19", "Use conventional military force, not specified below", 4, -10.0, "attacked"),
    "112": ("11", "Accuse, not specified below", 3, -2.0, "accused"),
    "010": ("01", "Make statement, not specified below", 1, 0.0, "addressed"),
}


def story(
    k: int,
    *,
    source: str = "AZE",
    target: str = "USA",
    code: str = "042",
    day: date = date(2025, 8, 11),
    speaker: str = "Ilham Aliyev",
    url: bool = True,
    outlet: str = "Trend",
) -> tuple[Analysis, str]:
    src_name, src_city, *_ = COUNTRIES[source]
    tgt_name, tgt_city, tlat, tlon, tgeo, tadm = COUNTRIES[target]
    root, name, quad, goldstein, verb = ACTIONS[code]
    text = (
        f"{src_city.upper()}, story {k} -- The government of {src_name} {verb} {tgt_name} in {tgt_city} on Tuesday.\n"
        f'"This is a historic day for peace and trade," {speaker} said. Officials met in {tgt_city} yesterday.\n'
    )

    def span(s: str, start: int = 0) -> tuple[int, int]:
        i = text.index(s, start)
        return (i, i + len(s))

    first = span(f"The government of {src_name}")
    sentence = (first[0], text.index(".", first[0]) + 1)
    event = Event(
        code=code,
        root=root,
        name=name,
        quad_class=quad,
        goldstein=goldstein,
        source=EventActor(f"The government of {src_name}", first, src_name, source + "GOV", source, "GOV"),
        target=EventActor(tgt_name, span(tgt_name, first[1]), tgt_name, target + "GOV", target, "GOV"),
        trigger=verb.split()[0],
        trigger_span=span(verb.split()[0], first[1]),
        sentence_span=sentence,
        date=day.isoformat(),
        location=Location(tgt_city, target, tlat, tlon, "us_city" if target == "USA" else "city", tgeo, tadm),
        confidence=0.8,
    )
    quote_text = "This is a historic day for peace and trade,"
    quote = Quote(
        "direct", quote_text, span(quote_text), Speaker(speaker, speaker, span(speaker), None), "said", span(" said")
    )
    city_spans = [span(tgt_city), span(tgt_city, span(tgt_city)[1])]
    places = [
        Place(tgt_city, target, s, tlat, tlon, "us_city" if target == "USA" else "city", tgeo, tadm) for s in city_spans
    ]
    analysis = Analysis(
        id=f"story-{k}",
        text_length=len(text),
        content_hash=content_hash(text),
        title=f"Story {k}: {src_name} and {tgt_name}",
        published=day.isoformat(),
        source=outlet,
        url=f"https://www.example.org/news/{k}" if url else None,
        lang="en",
        dateline=Dateline(src_city, source, span(src_city.upper())),
        actors=[
            Actor(speaker, source + "GOV", source, "GOV", role="President", mentions=[span(speaker)]),
            Actor(src_name, source + "GOV", source, "GOV", kind="country", mentions=[span(src_name)]),
            Actor(tgt_name, target + "GOV", target, "GOV", kind="country", mentions=[span(tgt_name)]),
            Actor("Trade Ministry", source + "GOV", source, "GOV", kind="organization", mentions=[]),
        ],
        events=[event],
        quotes=[quote],
        places=places,
        themes=["PEACE_PROCESS", "TRADE"],
        tone=Tone(2.5, 5.0, 2.5, 7.5, 40, 5.0, 2.5),
        model="test",
        theme_hits=[ThemeHit("PEACE_PROCESS", "peace", span("peace")), ThemeHit("TRADE", "trade", span("trade"))],
        dates=[
            DateMention("Tuesday", span("Tuesday"), (day - timedelta(days=6)).isoformat(), "day", True),
            DateMention("yesterday", span("yesterday"), (day - timedelta(days=1)).isoformat(), "day", True),
        ],
    )
    return analysis, text


def corpus(n: int = 40, start: date = date(2024, 12, 1)) -> list[tuple[Analysis, str]]:
    """`n` stories cycling through dyads, codes, speakers and days (one every 3 days from `start`)."""
    dyads = [("AZE", "USA"), ("USA", "AZE"), ("ARM", "AZE"), ("RUS", "UKR")]
    codes = ["042", "057", "112", "190", "010"]
    out = []
    for k in range(n):
        source, target = dyads[k % len(dyads)]
        out.append(
            story(
                k,
                source=source,
                target=target,
                code=codes[k % len(codes)],
                day=start + timedelta(days=3 * k),
                speaker=SPEAKERS[k % len(SPEAKERS)],
                url=k % 7 != 6,
                outlet=("Trend", "Reuters", "AP")[k % 3],
            )
        )
    return out


def build_store(path: Path, n: int = 40) -> Path:
    con = open_store(path)
    try:
        ingest(con, corpus(n))
    finally:
        con.close()
    return path
