"""The readable terminal summary of an Analysis (rich)."""

from __future__ import annotations

from collections import defaultdict

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .model import Analysis

MAX_EVIDENCE = 160  # characters of evidence sentence shown per event


def render(analysis: Analysis, text: str) -> Group:
    parts = [_header(analysis), _actors(analysis), _events(analysis, text), _quotes(analysis)]
    return Group(*[p for p in parts if p is not None])


def print_summary(analysis: Analysis, text: str, console: Console | None = None) -> None:
    (console or Console()).print(render(analysis, text))


def _header(a: Analysis) -> Panel:
    place = f"{a.dateline.place} ({a.dateline.country or '?'})" if a.dateline else "—"
    lines = Text()
    lines.append(a.title or a.id, style="bold")
    lines.append(f"\npublished {a.published or '—'} · dateline {place} · outlet {a.source or '—'}")
    lines.append(f"\n{len(a.actors)} actors · {len(a.events)} events · {len(a.quotes)} quotations")
    return Panel(lines, title="dateline", expand=False)


def _actors(a: Analysis) -> Table | None:
    if not a.actors:
        return None
    table = Table(title="Actors", title_justify="left", show_lines=False)
    for col in ("actor", "code", "role", "mentions", "from"):
        table.add_column(col)
    for actor in a.actors:
        table.add_row(actor.name, actor.code, actor.role or "", str(len(actor.mentions)), actor.inferred_from or "")
    return table


def _events(a: Analysis, text: str) -> Table | None:
    if not a.events:
        return None
    table = Table(title="Events", title_justify="left", show_lines=True)
    table.add_column("event")
    table.add_column("evidence")
    for e in a.events:
        target = e.target.name if e.target else "—"
        flags = [
            f
            for f, on in (
                ("in quote", e.in_quote),
                ("background", e.background),
                ("target inferred", bool(e.target and e.target.inferred)),
            )
            if on
        ]
        head = Text(f"{e.source.name} ({e.source.code}) —[{e.code} {e.name}]→ {target}", style="bold")
        if e.target:
            head.append(f" ({e.target.code})", style="bold")
        head.append(f"\n{e.date or ''} goldstein {e.goldstein:+.1f} conf {e.confidence:.2f}")
        if flags:
            head.append(" · " + ", ".join(flags), style="yellow")
        table.add_row(head, _evidence(text, e.sentence_span, e.trigger_span))
    return table


def _evidence(text: str, sentence: tuple[int, int], trigger: tuple[int, int]) -> Text:
    s, e = sentence
    start = max(s, trigger[0] - MAX_EVIDENCE // 2) if e - s > MAX_EVIDENCE else s
    end = min(e, start + MAX_EVIDENCE)
    out = Text("…" if start > s else "")
    out.append(text[start : trigger[0]].replace("\n", " "))
    out.append(text[trigger[0] : trigger[1]], style="bold magenta")
    out.append(text[trigger[1] : end].replace("\n", " "))
    if end < e:
        out.append("…")
    return out


def _quotes(a: Analysis) -> Table | None:
    if not a.quotes:
        return None
    by_speaker: dict[str, list] = defaultdict(list)
    for q in a.quotes:
        by_speaker[q.speaker.name or "(unattributed)"].append(q)
    table = Table(title="Quotations by speaker", title_justify="left", show_lines=True)
    table.add_column("speaker")
    table.add_column("quotation")
    for speaker, quotes in by_speaker.items():
        body = Text()
        for i, q in enumerate(quotes):
            content = " ".join(q.content.split())
            if len(content) > 220:
                content = content[:217] + "…"
            body.append(f"{'' if i == 0 else chr(10)}[{q.type}, {q.cue or '—'}] ", style="cyan")
            body.append(content)
        table.add_row(f"{speaker}\n({len(quotes)})", body)
    return table
