"""The timeline of asserted events by dyad; hypothetical, planned and negated apart."""

from __future__ import annotations

from markupsafe import Markup

from ...present.events import FACTUAL, Event, EventFilter
from ..charts import timeline
from ..context import ReportContext
from ..registry import ReportSection

LIMIT = 300  # rows per table; the chart and the web UI show them all


def render(ctx: ReportContext, flt: EventFilter | None = None, form: bool = False) -> Markup:
    events = ctx.events
    values: dict[str, object] = {"events": events, "limit": LIMIT, "form": flt if form else None,
                                 "choices": _choices(events or [])}
    if events is not None:
        kept = [e for e in events if flt is None or flt.keeps(e)]
        asserted = [e for e in kept if e.modality == FACTUAL and e.date]
        values.update(
            asserted=asserted, undated=[e for e in kept if e.modality == FACTUAL and not e.date],
            other=[e for e in kept if e.modality != FACTUAL],
            chart=timeline(asserted) if asserted else "")
    return ctx.render("sections/timeline.html", **values)


def _choices(events: list[Event]) -> dict[str, list[str]]:
    return {"types": sorted({e.type for e in events}),
            "modalities": sorted({e.modality for e in events})}


SECTION = ReportSection("timeline", "Timeline of events", 30, lambda ctx: render(ctx))
