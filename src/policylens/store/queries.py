"""Read-only queries behind ``status`` and ``search``."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from ..errors import UsageError

COUNTED = ("documents", "sentences", "mentions")


@dataclass
class Status:
    counts: dict[str, int]
    sources: dict[str, int]
    errors: list[dict[str, str]]
    last_run: dict[str, Any] | None


def project_status(db: sqlite3.Connection) -> Status:
    counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED}
    sources = dict(db.execute("SELECT status, count(*) FROM sources GROUP BY status").fetchall())
    errors = [dict(r) for r in db.execute(
        "SELECT source, reason FROM sources WHERE status = 'error' ORDER BY key")]
    run = db.execute("SELECT * FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    last = None
    if run is not None:
        last = {k: run[k] for k in ("id", "command", "started", "finished", "status")}
        last["timings"] = json.loads(run["timings"] or "{}")
    return Status(counts, sources, errors, last)


def search_sentences(db: sqlite3.Connection, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Full-text search over sentences, best matches first."""
    try:
        rows = db.execute(
            """SELECT s.id AS sentence_id, s.doc_id, d.source, d.title, s.text
               FROM sentences_fts f JOIN sentences s ON s.rowid = f.rowid
               JOIN documents d ON d.id = s.doc_id
               WHERE sentences_fts MATCH ? ORDER BY f.rank LIMIT ?""",
            (query, limit),
        ).fetchall()
    except sqlite3.OperationalError as exc:
        raise UsageError(
            f"Cannot search for {query!r}: {exc}. Use words, \"quoted phrases\", "
            "AND, OR, NOT; put other characters inside quotes."
        ) from exc
    return [dict(r) for r in rows]
