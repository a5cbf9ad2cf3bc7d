"""Run provenance: versions, times, counts and the inputs that failed."""

from __future__ import annotations

import json

from markupsafe import Markup

from ...present.base import fetch, table_exists
from ...store.queries import project_status
from ..context import ReportContext
from ..registry import ReportSection

EXTRA_TABLES = ("actors", "event_mentions", "events", "dyads", "stances", "claims", "keypoints")


def rows(ctx: ReportContext) -> list[tuple[str, object]]:
    status = project_status(ctx.db)
    out: list[tuple[str, object]] = [(f"{k}", v) for k, v in status.counts.items()]
    out += [(t, ctx.db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0])
            for t in EXTRA_TABLES if table_exists(ctx.db, t)]
    out += [(f"inputs {k}", v) for k, v in sorted(status.sources.items())]
    runs = fetch(ctx.db, "SELECT * FROM runs ORDER BY id DESC LIMIT 1")
    if runs:
        run = runs[0]
        out.append(("last run", f"{run['command']} #{run['id']}, {run['started']} → "
                                f"{run['finished'] or '(running)'}, {run['status']}"))
        timings = json.loads(run["timings"] or "{}")
        out += [(f"seconds in {k}", v) for k, v in timings.items()]
        versions = json.loads(run["versions"] or "{}")
        out += [(f"version of {k}", v) for k, v in sorted(versions.items())]
    return out


def render(ctx: ReportContext) -> Markup:
    errors = fetch(ctx.db, "SELECT source, status, reason FROM sources WHERE status != 'ok' "
                           "ORDER BY key")
    return ctx.render("sections/provenance.html", rows=rows(ctx), errors=errors)


SECTION = ReportSection("provenance", "Run provenance", 70, render)
