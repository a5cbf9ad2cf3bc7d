"""Actors with their roles at the time of the corpus."""

from __future__ import annotations

from markupsafe import Markup

from ...present.actors import corpus_period
from ..context import ReportContext
from ..registry import ReportSection

LIMIT = 60


def render(ctx: ReportContext) -> Markup:
    return ctx.render("sections/actors.html", actors=ctx.actors, limit=LIMIT,
                      period=corpus_period(ctx.db))


SECTION = ReportSection("actors", "Actors and their roles", 50, render)
