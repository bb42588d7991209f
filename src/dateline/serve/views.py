"""What the pages show, computed in Python so that the templates only lay it out: the article text cut into
highlighted segments (from the analysis spans), the geometry of the SVG charts, and each page's context, gathered
with the named queries of `dateline.store.query` and `dateline.serve.queries`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

import duckdb

from dateline.serve import queries
from dateline.serve.errors import ApiError
from dateline.store import event_id, load_analysis
from dateline.store.query import events, find_article, parse_dyad, quotes_by_speaker, top_actors

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

# ---- the article text with its evidence highlighted ---------------------------------------------------------


@dataclass
class Mark:
    start: int
    end: int
    css: str  # classes the covered text gets
    label: str  # tooltip line
    key: str  # what the side lists point at: a3 (actor), q1 (quote), e2 (event)
    anchor: str | None = None  # id to jump to at the start of the mark


@dataclass
class Segment:
    """A run of text covered by the same marks."""

    text: str
    css: str = ""
    title: str = ""
    keys: str = ""
    anchors: list[str] = field(default_factory=list)


def marks_of(analysis: dict[str, Any], text_length: int) -> list[Mark]:
    """Every span of an Analysis (JSON dict) worth showing: actor mentions, quotations with their speaker and cue,
    event triggers and the dateline. Spans outside the text are dropped."""
    marks: list[Mark] = []
    for i, actor in enumerate(analysis.get("actors") or []):
        label = f"{actor['name']} ({actor['code']}{', ' + actor['role'] if actor.get('role') else ''})"
        for span in actor.get("mentions") or []:
            marks.append(Mark(span[0], span[1], f"actor actor-{actor.get('kind') or 'person'}", label, f"a{i}"))
    for i, quote in enumerate(analysis.get("quotes") or []):
        speaker = (quote.get("speaker") or {}).get("name") or "unknown speaker"
        marks.append(
            Mark(
                *quote["content_span"],
                f"quote quote-{quote['type']}",
                f"{quote['type']} quote: {speaker}",
                f"q{i}",
                f"q{i}",
            )
        )
        mention = (quote.get("speaker") or {}).get("mention_span")
        if mention:
            marks.append(Mark(*mention, "speaker", f"speaker: {speaker}", f"q{i}"))
        if quote.get("cue_span"):
            marks.append(Mark(*quote["cue_span"], "cue", f"cue: {quote.get('cue')}", f"q{i}"))
    article_id = analysis.get("content_hash", "")
    for i, ev in enumerate(analysis.get("events") or []):
        target = (ev.get("target") or {}).get("code") or "-"
        label = f"{ev['code']} {ev['name']}: {ev['source']['code']} → {target}"
        marks.append(
            Mark(
                *ev["trigger_span"], f"trigger quad{ev['quad_class']}", label, f"e{i}", f"ev-{event_id(article_id, i)}"
            )
        )
    dl = analysis.get("dateline")
    if dl and dl.get("span"):
        marks.append(Mark(*dl["span"], "dateline", f"dateline: {dl['place']} ({dl.get('country') or '?'})", "dl"))
    return [m for m in marks if 0 <= m.start < m.end <= text_length]


def highlight(text: str, marks: Sequence[Mark]) -> list[Segment]:
    """Cut `text` at every mark boundary; each piece carries the classes, tooltips and keys of the marks over it.

    Flat segments (not nested tags) because spans overlap freely: a trigger inside a quotation inside a mention.
    A sweep over the sorted boundaries keeps this linear in the number of marks.

    >>> marks = [Mark(0, 12, "quote", "quote", "q0"), Mark(4, 9, "trigger", "visit", "e0", "ev-1")]
    >>> [(s.text, s.css, s.anchors) for s in highlight("The visit is on.", marks)]
    [('The ', 'quote', []), ('visit', 'quote trigger', ['ev-1']), (' is', 'quote', []), (' on.', '', [])]
    """
    starts: dict[int, list[int]] = defaultdict(list)
    ends: dict[int, list[int]] = defaultdict(list)
    for i, m in enumerate(marks):
        starts[m.start].append(i)
        ends[m.end].append(i)
    cuts = sorted({0, len(text), *starts, *ends})
    active: dict[int, Mark] = {}
    out: list[Segment] = []
    for a, b in pairwise(cuts):
        for i in ends.get(a, ()):
            active.pop(i, None)
        anchors = []
        for i in starts.get(a, ()):
            active[i] = marks[i]
            if marks[i].anchor:
                anchors.append(marks[i].anchor)
        on = active.values()
        out.append(
            Segment(
                text[a:b],
                " ".join(dict.fromkeys(c for m in on for c in m.css.split())),
                "\n".join(dict.fromkeys(m.label for m in on)),
                " ".join(dict.fromkeys(m.key for m in on)),
                anchors,
            )
        )
    return out


def mark_term(snippet: str, term: str) -> list[tuple[str, bool]]:
    """`snippet` split around each case-insensitive occurrence of `term`: [(text, is_hit), ...].

    >>> mark_term("Peace talks; peace now", "PEACE")
    [('', False), ('Peace', True), (' talks; ', False), ('peace', True), (' now', False)]
    """
    if not term:
        return [(snippet, False)]
    low, t, out, pos = snippet.lower(), term.lower(), [], 0
    while (hit := low.find(t, pos)) >= 0:
        out += [(snippet[pos:hit], False), (snippet[hit : hit + len(t)], True)]
        pos = hit + len(t)
    return [*out, (snippet[pos:], False)]


def mark_trigger(sentence: str | None, trigger: str | None) -> list[tuple[str, bool]]:
    """An evidence sentence with its trigger marked (its first occurrence: the event rows carry no offsets)."""
    if not sentence:
        return []
    if not trigger or (hit := sentence.find(trigger)) < 0:
        return [(sentence, False)]
    return [(sentence[:hit], False), (trigger, True), (sentence[hit + len(trigger) :], False)]


# ---- charts ---------------------------------------------------------------------------------------------------

W, H = 880, 220  # the SVG viewBox; the CSS scales it to the page width
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 28


def pick_bucket(first: date | None, last: date | None) -> str:
    """Days for up to three months, weeks up to two years, months beyond: 30 to 100 bars in practice.

    >>> pick_bucket(date(2025, 1, 1), date(2025, 2, 1)), pick_bucket(date(2024, 1, 1), date(2025, 6, 1))
    ('day', 'week')
    """
    if not first or not last:
        return "day"
    days = (last - first).days
    return "day" if days <= 92 else "week" if days <= 730 else "month"


def bucket_start(day: date, bucket: str) -> date:
    if bucket == "week":
        return day - timedelta(days=day.weekday())
    if bucket == "month":
        return day.replace(day=1)
    return day


def periods(first: date, last: date, bucket: str) -> list[date]:
    """Every period from the one holding `first` to the one holding `last` (gaps kept, so time reads evenly)."""
    out, day = [], bucket_start(first, bucket)
    while day <= last and len(out) < 5000:
        out.append(day)
        if bucket == "month":
            day = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
        else:
            day += timedelta(days=7 if bucket == "week" else 1)
    return out


def _nice(top: float) -> float:
    """A round axis maximum at or above `top` (1, 2, 2.5, 5 x 10^k)."""
    if top <= 0:
        return 1
    base = 10 ** math.floor(math.log10(top))
    return next(m * base for m in (1, 2, 2.5, 5, 10) if m * base >= top)


def _label(day: date, bucket: str) -> str:
    return day.strftime("%b %Y") if bucket == "month" else day.isoformat()


def _x_labels(days: Sequence[date], x_of, bucket: str, count: int = 6) -> list[dict[str, Any]]:
    if not days:
        return []
    step = max(1, math.ceil(len(days) / count))
    return [_x_label(x_of(i), _label(days[i], bucket)) for i in range(0, len(days), step)]


def _x_label(x: float, text: str) -> dict[str, Any]:
    # labels are centred on their tick, except near the right edge, where a centred label would be cut off
    return {"x": round(x, 1), "text": text, "anchor": "end" if x > W - RIGHT - 32 else "middle"}


def stacked_bars(rows: Iterable[tuple[date, int, int]], bucket: str) -> dict[str, Any]:
    """Bars of events per period, stacked by QuadClass, from rows (period, quad_class, count)."""
    counts: dict[date, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for day, quad, n in rows:
        if day is not None and quad in QUAD_NAMES:
            counts[bucket_start(day, bucket)][quad] += n
    chart: dict[str, Any] = {"width": W, "height": H, "bars": [], "xlabels": [], "ylabels": [], "empty": not counts}
    if not counts:
        return chart
    days = periods(min(counts), max(counts), bucket)
    top = _nice(max(sum(c.values()) for c in counts.values()))
    plot_w, plot_h = W - LEFT - RIGHT, H - TOP - BOTTOM
    slot = plot_w / len(days)
    gap = min(2.0, slot * 0.2)
    for i, day in enumerate(days):
        y = TOP + plot_h
        total = sum(counts[day].values()) if day in counts else 0
        for quad in (1, 2, 3, 4):
            n = counts[day][quad] if day in counts else 0
            if not n:
                continue
            h = plot_h * n / top
            y -= h
            title = f"{_label(day, bucket)}: {n} {QUAD_NAMES[quad]} of {total} events"
            chart["bars"].append(
                {
                    "x": round(LEFT + i * slot + gap / 2, 2),
                    "y": round(y, 2),
                    "w": round(max(slot - gap, 0.5), 2),
                    "h": round(h, 2),
                    "quad": quad,
                    "title": title,
                }
            )
    chart["xlabels"] = _x_labels(days, lambda i: LEFT + (i + 0.5) * slot, bucket)
    chart["ylabels"] = [{"y": round(TOP + plot_h * (1 - f), 1), "text": f"{top * f:g}"} for f in (0, 0.5, 1)]
    return chart


def goldstein_line(days: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Mean Goldstein score per day (-10 conflict .. +10 cooperation) as a line with one dot per day; the dot's
    area grows with the day's events."""
    chart: dict[str, Any] = {"width": W, "height": H, "points": [], "path": "", "xlabels": [], "empty": not days}
    if not days:
        return chart
    first, last = days[0]["date"], days[-1]["date"]
    span = max((last - first).days, 1)
    plot_w, plot_h = W - LEFT - RIGHT, H - TOP - BOTTOM

    def x_of(day: date) -> float:
        return LEFT + plot_w * ((day - first).days / span if len(days) > 1 else 0.5)

    def y_of(score: float) -> float:
        return TOP + plot_h * (10 - score) / 20

    most = max(d["events"] for d in days)
    for d in days:
        score = d["goldstein"] if d["goldstein"] is not None else 0.0
        chart["points"].append(
            {
                "x": round(x_of(d["date"]), 1),
                "y": round(y_of(score), 1),
                "r": round(2.5 + 4 * math.sqrt(d["events"] / most), 1),
                "sign": "pos" if score > 0 else "neg" if score < 0 else "zero",
                "title": f"{d['date']}: {d['events']} events, mean Goldstein {score:+.1f}",
            }
        )
    chart["path"] = "M" + " L".join(f"{p['x']},{p['y']}" for p in chart["points"])
    chart["zero"] = round(y_of(0), 1)
    chart["ylabels"] = [{"y": round(y_of(v), 1), "text": f"{v:+d}" if v else "0"} for v in (10, 5, 0, -5, -10)]
    # ticks evenly spaced in time (not one per point: points bunch up where the news does)
    ticks = sorted({first + timedelta(days=round(span * i / 5)) for i in range(6)}) if len(days) > 1 else [first]
    chart["xlabels"] = [_x_label(x_of(day), day.isoformat()) for day in ticks]
    return chart


def graph(rows: Iterable[tuple[Any, ...]]) -> dict[str, list[dict[str, Any]]]:
    """Network rows (a, b, events, goldstein, a_name, b_name) as nodes and edges; a node's size is its events."""
    nodes: dict[str, dict[str, Any]] = {}
    edges = []
    for a, b, n, gold, a_name, b_name in rows:
        for code, name in ((a, a_name), (b, b_name)):
            node = nodes.setdefault(code, {"id": code, "name": name, "events": 0})
            node["events"] += n
        edges.append({"source": a, "target": b, "events": n, "goldstein": gold})
    return {"nodes": sorted(nodes.values(), key=lambda v: -v["events"]), "edges": edges}


# ---- page contexts: what each page shows, gathered with the store's queries -----------------------------------


def overview(con: duckdb.DuckDBPyConnection, start: date | None, end: date | None) -> dict[str, Any]:
    stats = queries.stats(con)
    bucket = pick_bucket(start or stats["first_date"], end or stats["last_date"])
    by_period = queries.events_by_period(con, bucket=bucket, start=start, end=end)
    return {
        "stats": stats,
        "start": start,
        "end": end,
        "bucket": bucket,
        "chart": stacked_bars(by_period.rows, bucket),
        "actors": top_actors(con, start=start, end=end, limit=12).records(),
        "dyads": queries.top_dyads(con, start=start, end=end, limit=12).records(),
        "articles": queries.list_articles(con, start=start, end=end, limit=8).records(),
    }


def dyad(
    con: duckdb.DuckDBPyConnection, dyad: str, *, both_ways: bool, start: date | None, end: date | None
) -> dict[str, Any]:
    source, target = parse_dyad(dyad)
    days = queries.dyad_series(con, source, target, start=start, end=end, both_ways=both_ways).records()
    found = events(con, source=source, target=target, start=start, end=end, both_ways=both_ways, limit=EVENT_ROWS)
    bucket = pick_bucket(days[0]["date"], days[-1]["date"]) if days else "day"
    quads = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
    by_quad = [(d["date"], q, d[name]) for d in days for q, name in enumerate(quads, start=1)]
    total = sum(d["events"] for d in days)
    mean = sum((d["goldstein"] or 0) * d["events"] for d in days) / total if total else None
    rows = found.records()
    for row in rows:
        row["evidence"] = mark_trigger(row["sentence"], row["trigger"])
    return {
        "dyad": dyad.upper(),
        "source": source or "*",
        "target": target or "*",
        "both_ways": both_ways,
        "start": start,
        "end": end,
        "total": total,
        "mean": mean,
        "gold": goldstein_line(days),
        "bars": stacked_bars(by_quad, bucket),
        "bucket": bucket,
        "events": rows,
        "truncated": found.truncated,
    }


def network_page(con: duckdb.DuckDBPyConnection, start: date | None, end: date | None, limit: int) -> dict[str, Any]:
    return {
        "start": start,
        "end": end,
        "limit": limit,
        "graph": graph(queries.network(con, start=start, end=end, limit=limit).rows),
    }


def quotes_page(con: duckdb.DuckDBPyConnection, speaker: str | None) -> dict[str, Any]:
    speakers = quotes_by_speaker(con, "*", limit=200).records()
    found = quotes_by_speaker(con, speaker, limit=200) if speaker else None
    return {
        "speaker": speaker or "",
        "speakers": speakers,
        "quotes": found.records() if found else [],
        "truncated": bool(found and found.truncated),
    }


def articles_page(con: duckdb.DuckDBPyConnection, q: str | None, page: int) -> dict[str, Any]:
    if q:
        found = queries.search_articles(con, q, limit=ARTICLE_ROWS)
        rows = found.records()
        for row in rows:
            row["snippet"] = mark_term(row["snippet"] or "", q)
        return {"q": q, "articles": rows, "page": 1, "more": found.truncated}
    found = queries.list_articles(con, limit=ARTICLE_ROWS, offset=(page - 1) * ARTICLE_ROWS)
    return {"q": "", "articles": found.records(), "page": page, "more": found.truncated}


def analysis_view(text: str, analysis: dict[str, Any]) -> dict[str, Any]:
    """The article text cut into highlighted segments, and the lists beside it (shared by the article page and
    the analyze page)."""
    article_id = analysis.get("content_hash", "")
    evs = [
        {**ev, "key": f"e{i}", "anchor": f"ev-{event_id(article_id, i)}"}
        for i, ev in enumerate(analysis.get("events") or [])
    ]
    return {
        "analysis": analysis,
        "segments": highlight(text, marks_of(analysis, len(text))),
        "actors": [{**a, "key": f"a{i}"} for i, a in enumerate(analysis.get("actors") or [])],
        "events": evs,
        "quotes": [{**q, "key": f"q{i}"} for i, q in enumerate(analysis.get("quotes") or [])],
    }


def article_page(con: duckdb.DuckDBPyConnection, key: str) -> dict[str, Any]:
    """One article with its evidence highlighted; when `key` names several articles, the list to choose from."""
    matches = find_article(con, key, limit=20)
    if not matches.rows:
        raise ApiError("DL604", what=f"no article with id, URL or content hash {key!r}")
    if len(matches.rows) > 1:
        return {"choices": matches.records(), "key": key}
    row = matches.records()[0]
    text = queries.article_text(con, row["article_id"]) or ""
    analysis = load_analysis(con, row["article_id"]) or {}
    return {"row": row, "text": text, **analysis_view(text, analysis)}


EVENT_ROWS = 300  # events listed on a dyad page (the chart counts them all)
ARTICLE_ROWS = 50  # articles a page
