"""The question and the overall balance of sources (stance by source)."""

from __future__ import annotations

from markupsafe import Markup

from ..charts import stance_balance
from ..context import ReportContext
from ..registry import ReportSection


def render(ctx: ReportContext) -> Markup:
    charts = {v.id: stance_balance(v) for v in ctx.questions if v.stances}
    return ctx.render("sections/questions.html", views=ctx.questions, charts=charts)


SECTION = ReportSection("question", "The question and the balance of sources", 10, render)
