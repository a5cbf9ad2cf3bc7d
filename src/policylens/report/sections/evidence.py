"""Every sentence the sections above cite, so each quote links to its sentence."""

from __future__ import annotations

from markupsafe import Markup

from ..context import ReportContext
from ..registry import ReportSection


def render(ctx: ReportContext) -> Markup:
    """Runs last: the other sections have recorded what they cite in ``ctx.links``."""
    cited = []
    for doc_id, doc in ctx.corpus.docs.items():
        wanted = ctx.links.cited.get(doc_id)
        if wanted:
            cited.append((doc, [s for s in ctx.corpus.sentences(doc_id) if s["idx"] in wanted]))
    return ctx.render("sections/evidence.html", cited=cited)


SECTION = ReportSection("evidence", "Cited sentences", 1000, render)
