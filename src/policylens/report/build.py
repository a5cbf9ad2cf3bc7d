"""The self-contained HTML report of a project: one file, offline, every text escaped."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from importlib.resources import files
from pathlib import Path

from markupsafe import Markup

from ..present.actors import corpus_period
from ..present.base import has_rows
from ..project import Project
from ..store.files import write_text_atomic
from .charts import DRAW_SCRIPT, plotly_js
from .context import ReportContext
from .registry import report_sections


def write_report(project: Project, output: Path | None = None) -> Path:
    output = Path(output or project.report_path)
    db = project.reader()
    try:
        html = render_report(db)
    finally:
        db.close()
    return write_text_atomic(output, html)


def stylesheet() -> str:
    return (files("policylens.report") / "templates" / "style.css").read_text(encoding="utf-8")


def render_report(db: sqlite3.Connection) -> str:
    ctx = ReportContext(db)
    # Sections render in order, so the evidence section (last) sees every citation.
    sections = [(s, s.render(ctx)) for s in report_sections()]
    first, last = corpus_period(db)
    summary = {"documents": len(ctx.corpus.docs), "first": first, "last": last,
               "found": _found(ctx)}
    page = ctx.env.get_template("report.html")
    return page.render(
        sections=sections, questions=ctx.questions, summary=summary, style=Markup(stylesheet()),
        plotly_js=Markup(plotly_js()), draw_script=Markup(DRAW_SCRIPT),
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))


def _found(ctx: ReportContext) -> list[str]:
    """One line of what the stages found, for the header; only what was computed."""
    found = []
    if ctx.events is not None:
        facts = sum(1 for e in ctx.events if e.modality == "asserted")
        found.append(f"{facts} asserted events, {len(ctx.events) - facts} hypothetical, "
                     "planned or negated")
    if ctx.actors is not None:
        n = len(ctx.actors)
        found.append(f"{n} actor{'s' if n != 1 else ''} mentioned")
    if has_rows(ctx.db, "keypoints"):
        count = ctx.db.execute("SELECT count(*) FROM keypoints").fetchone()[0]
        found.append(f"{count} key point{'s' if count != 1 else ''}")
    return found
