"""/api/events, /api/dyads, /api/actors and /api/network: the coded events, filtered and aggregated."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from dateline.serve import queries, service, views
from dateline.serve.deps import Cursor
from dateline.serve.routes.params import ActorCode, Code, Country, Dyad, From, Limit, Quad, To, rows
from dateline.serve.schemas import Network, Rows, Series
from dateline.store.query import events, parse_dyad, top_actors

router = APIRouter(prefix="/api", tags=["events"])
BothWays = Annotated[bool, Query(description="With a dyad: also the events from target to source.")]


@router.get("/events", response_model=Rows)
def list_events(
    cur: Cursor,
    dyad: Dyad = None,
    source: ActorCode = None,
    target: ActorCode = None,
    both_ways: BothWays = False,
    country: Country = None,
    actor: ActorCode = None,
    code: Code = None,
    quad: Quad = None,
    start: From = None,
    end: To = None,
    limit: Limit = 100,
):
    """Events with their evidence sentence, oldest first, filtered by a dyad (or `country` / `actor` on either
    side), a CAMEO code prefix, a QuadClass and dates."""
    src, tgt, both = service.event_filter(
        dyad=dyad, source=source, target=target, country=country, actor=actor, both_ways=both_ways
    )
    result = events(
        cur, source=src, target=tgt, code=code, quad_class=quad, start=start, end=end, both_ways=both, limit=limit
    )
    return rows(result)


@router.get("/dyads", response_model=Rows)
def list_dyads(cur: Cursor, start: From = None, end: To = None, limit: Limit = 20):
    """The country pairs with most events (source -> target), with their mean Goldstein score."""
    return rows(queries.top_dyads(cur, start=start, end=end, limit=limit))


@router.get("/dyads/{dyad}/series", response_model=Series)
def dyad_series(
    cur: Cursor,
    dyad: Annotated[str, Path(pattern=r"^[A-Za-z*-]{1,40}$", examples=["AZE-USA"])],
    both_ways: BothWays = False,
    start: From = None,
    end: To = None,
):
    """A dyad's events per day: count, mean Goldstein score and the count of each QuadClass."""
    source, target = parse_dyad(dyad)
    days = queries.dyad_series(cur, source, target, start=start, end=end, both_ways=both_ways).records()
    return {"source": source, "target": target, "both_ways": both_ways, "days": days}


@router.get("/actors", response_model=Rows)
def list_actors(cur: Cursor, country: Country = None, start: From = None, end: To = None, limit: Limit = 20):
    """The actors in most articles, with their mentions and their events as source and as target."""
    return rows(top_actors(cur, country=country, start=start, end=end, limit=limit))


@router.get("/network", response_model=Network)
def network(
    cur: Cursor,
    start: From = None,
    end: To = None,
    min_events: Annotated[int, Query(ge=1, description="Leave out links with fewer events.")] = 1,
    limit: Annotated[int, Query(ge=1, le=500, description="At most this many links, strongest first.")] = 60,
):
    """The actor network: actor codes linked by their events (either direction), with mean Goldstein scores."""
    return views.graph(queries.network(cur, start=start, end=end, min_events=min_events, limit=limit).rows)
