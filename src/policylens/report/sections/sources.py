"""Sources with their metadata and how each date was obtained."""

from __future__ import annotations

from markupsafe import Markup

from ..context import ReportContext
from ..registry import ReportSection


def render(ctx: ReportContext) -> Markup:
    return ctx.render("sections/sources.html", docs=list(ctx.corpus.docs.values()))


SECTION = ReportSection("sources", "Sources", 60, render)
