"""Cooperation–conflict over time for the most active pairs of actors."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ...present.events import DyadPoint, top_dyads
from ..charts import dyad_lines
from ..context import ReportContext
from ..registry import ReportSection


@dataclass
class PairSummary:
    source: str
    target: str
    first: str
    last: str
    count: int
    total: float


def summarize(points: list[DyadPoint], pairs: list[tuple[str, str]]) -> list[PairSummary]:
    out = []
    for src, tgt in pairs:
        mine = [p for p in points if (p.source, p.target) == (src, tgt)]
        out.append(PairSummary(src, tgt, min(p.month for p in mine), max(p.month for p in mine),
                               sum(p.count for p in mine), sum(p.goldstein_sum for p in mine)))
    return out


def render(ctx: ReportContext, actor: str | None = None, n: int = 6) -> Markup:
    points = ctx.dyads
    if points is not None and actor:
        points = [p for p in points if actor in (p.source, p.target)]
    pairs = top_dyads(points, n) if points else []
    return ctx.render("sections/dyads.html", points=points, pairs=pairs, actor=actor,
                      chart=dyad_lines(points, pairs) if pairs else "",
                      summary=summarize(points, pairs) if pairs else [])


SECTION = ReportSection("dyads", "Cooperation and conflict between actors", 40,
                        lambda ctx: render(ctx))
