"""The HTML pages: overview, dyad timeline, actor network, quote explorer, articles, article view, analyze box.

Each route gathers its page's context with one `views` function and renders a Jinja2 template; the charts are
server-side SVG, and the little JavaScript there is (static/dateline.js) only adds the network layout, the
analyze form and hover links between the lists and the text.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from dateline import __version__
from dateline.serve import service, views
from dateline.serve.deps import Cursor, State
from dateline.serve.routes.params import From, To

HERE = Path(__file__).resolve().parents[1]
templates = Jinja2Templates(directory=HERE / "templates")
templates.env.globals |= {"version": __version__, "quad_names": views.QUAD_NAMES}
templates.env.filters["num"] = lambda n: "" if n is None else f"{n:,}"
templates.env.filters["path"] = lambda s: quote(str(s), safe="")
templates.env.filters["count"] = lambda n, noun: f"{n:,} {noun}{'' if n == 1 else 's'}"
router = APIRouter(include_in_schema=False)


def page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, cur: Cursor, start: From = None, end: To = None):
    return page(request, "overview.html", views.overview(cur, start, end))


@router.get("/dyad")
def dyad_form(dyad: Annotated[str, Query(pattern=r"^[A-Za-z*-]{1,40}$")]):
    """The overview's dyad box: on to the dyad's page."""
    return RedirectResponse(f"/dyad/{dyad.strip().upper()}", status_code=303)


@router.get("/dyad/{dyad}", response_class=HTMLResponse)
def dyad(request: Request, cur: Cursor, dyad: str, both_ways: bool = False, start: From = None, end: To = None):
    return page(request, "dyad.html", views.dyad(cur, dyad, both_ways=both_ways, start=start, end=end))


@router.get("/network", response_class=HTMLResponse)
def network(
    request: Request, cur: Cursor, start: From = None, end: To = None, limit: Annotated[int, Query(ge=5, le=300)] = 80
):
    return page(request, "network.html", views.network_page(cur, start, end, limit))


@router.get("/quotes", response_class=HTMLResponse)
def quotes(request: Request, cur: Cursor, speaker: Annotated[str | None, Query(max_length=200)] = None):
    return page(request, "quotes.html", views.quotes_page(cur, speaker))


@router.get("/articles", response_class=HTMLResponse)
def articles(
    request: Request,
    cur: Cursor,
    q: Annotated[str | None, Query(max_length=200)] = None,
    page_no: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1,
):
    return page(request, "articles.html", views.articles_page(cur, (q or "").strip(), page_no))


@router.get("/articles/{key:path}", response_class=HTMLResponse)
def article(request: Request, cur: Cursor, key: str):
    return page(request, "article.html", views.article_page(cur, key))


@router.get("/analyze", response_class=HTMLResponse)
def analyze_form(request: Request):
    return page(request, "analyze.html", {})


@router.get("/analyze/example", response_class=PlainTextResponse)
def analyze_example():
    """The bundled example article, for the analyze box's example button."""
    return (resources.files("dateline") / "examples" / "seed_article.txt").read_text(encoding="utf-8")


@router.post("/analyze", response_class=HTMLResponse)
async def analyze(request: Request, state: State):
    """The analyze box: the Analysis of the posted article, as the HTML the article page shows (not stored)."""
    article = await service.read_article(request)
    analysis = await state.analyzer.run(service.analyze, article)
    return page(request, "_analysis.html", views.analysis_view(article.text, analysis.to_dict()))
