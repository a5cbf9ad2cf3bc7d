"""The self-contained HTML report of a project (grows as stages land)."""

from __future__ import annotations

import json
import sqlite3
from html import escape
from pathlib import Path
from typing import Any, Iterable

from ..project import Project
from ..store.files import write_text_atomic
from ..store.queries import project_status

STYLE = """
body{font:15px/1.5 system-ui,sans-serif;max-width:1180px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;width:100%;margin:1em 0}th,td{border-bottom:1px solid #ddd;
padding:.3em .5em;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#f4f4f4}.muted{color:#666}.err{color:#a00}
@media print{body{max-width:none;margin:0}a{color:inherit;text-decoration:none}}
"""


def write_report(project: Project, output: Path | None = None) -> Path:
    output = Path(output or project.report_path)
    db = project.reader()
    try:
        html = render_report(db)
    finally:
        db.close()
    return write_text_atomic(output, html)


def render_report(db: sqlite3.Connection) -> str:
    sections = [_questions_section(db), _sources_section(db), _errors_section(db), _provenance_section(db)]
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>policylens report</title><style>{STYLE}</style></head><body>"
        "<h1>policylens report</h1>" + "".join(sections) + "</body></html>"
    )


def _table(headers: Iterable[str], rows: Iterable[Iterable[Any]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape('' if v is None else str(v))}</td>" for v in row) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _questions_section(db: sqlite3.Connection) -> str:
    rows = db.execute("SELECT id, text FROM questions ORDER BY created, id").fetchall()
    if not rows:
        return ""
    items = "".join(f"<li>{escape(r['text'])} <span class='muted'>({escape(r['id'])})</span></li>"
                    for r in rows)
    return f"<h2>Questions</h2><ul>{items}</ul>"


def _sources_section(db: sqlite3.Connection) -> str:
    rows = db.execute(
        """SELECT title, source, outlet, author, coalesce(published,
             published_earliest || ' – ' || published_latest) AS date, date_how, kind
           FROM documents ORDER BY coalesce(published, published_earliest), source"""
    ).fetchall()
    headers = ("Title", "Source", "Outlet", "Author", "Published", "Date from", "Kind")
    return f"<h2>Sources ({len(rows)} documents)</h2>" + _table(headers, rows)


def _errors_section(db: sqlite3.Connection) -> str:
    rows = db.execute("SELECT source, status, reason FROM sources WHERE status != 'ok' "
                      "ORDER BY key").fetchall()
    if not rows:
        return "<h2>Inputs not analysed</h2><p class='muted'>None: every input became a document.</p>"
    return "<h2>Inputs not analysed</h2>" + _table(("Input", "Status", "Reason"), rows)


def _provenance_section(db: sqlite3.Connection) -> str:
    status = project_status(db)
    run = db.execute("SELECT * FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    versions = json.loads(run["versions"] or "{}") if run else {}
    rows = [(k, v) for k, v in status.counts.items()] + [
        (f"inputs {k}", v) for k, v in sorted(status.sources.items())]
    rows += [(f"version of {k}", v) for k, v in sorted(versions.items())]
    if run:
        rows += [("last run", f"{run['command']} #{run['id']}, {run['started']} → "
                              f"{run['finished'] or '(running)'}, {run['status']}")]
    return "<h2>Run provenance</h2>" + _table(("What", "Value"), rows)
