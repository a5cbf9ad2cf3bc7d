"""Writing records: sources and documents, stage rows, runs."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from typing import Any, Iterable

from ..ingest import STAGE as INGEST_STAGE, VERSION as INGEST_VERSION
from ..model import Document


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def insert_rows(db: sqlite3.Connection, table: str, rows: Iterable[dict[str, Any]]) -> int:
    rows = list(rows)
    if not rows:
        return 0
    cols = list(rows[0])
    sql = (f"INSERT OR REPLACE INTO {table} ({', '.join(cols)}) "
           f"VALUES ({', '.join('?' for _ in cols)})")
    db.executemany(sql, [[row[c] for c in cols] for row in rows])
    return len(rows)


def known_source(db: sqlite3.Connection, key: str) -> sqlite3.Row | None:
    return db.execute("SELECT * FROM sources WHERE key = ?", (key,)).fetchone()


def document_exists(db: sqlite3.Connection, doc_id: str) -> bool:
    return db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None


def write_document(db: sqlite3.Connection, doc: Document, source: str, run_id: int) -> None:
    m = doc.meta
    insert_rows(db, "documents", [{
        "id": doc.id, "source": source, "url": m.url, "title": m.title, "author": m.author,
        "outlet": m.outlet, "published": m.published,
        "published_earliest": m.published_earliest, "published_latest": m.published_latest,
        "date_how": m.date_how, "date_evidence": m.date_evidence, "kind": m.kind,
        "language": doc.language, "text": doc.text,
        "removed": json.dumps(doc.removed, ensure_ascii=False),
        "stage": INGEST_STAGE, "stage_version": INGEST_VERSION, "run_id": run_id,
    }])


def write_source(db: sqlite3.Connection, *, key: str, source: str, content_hash: str | None,
                 status: str, reason: str | None, doc_id: str | None, run_id: int) -> None:
    db.execute(
        """INSERT INTO sources (key, source, content_hash, status, reason, doc_id, stage,
                                stage_version, run_id, updated)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(key) DO UPDATE SET source=excluded.source,
             content_hash=excluded.content_hash, status=excluded.status,
             reason=excluded.reason, doc_id=excluded.doc_id, stage=excluded.stage,
             stage_version=excluded.stage_version, run_id=excluded.run_id,
             updated=excluded.updated""",
        (key, source, content_hash, status, reason, doc_id, INGEST_STAGE, INGEST_VERSION,
         run_id, now()),
    )


def replace_stage_rows(db: sqlite3.Connection, stage: Any, doc_ids: list[str],
                       rows: dict[str, list[dict[str, Any]]], run_id: int) -> None:
    """Swap a document stage's rows for these documents and mark them done."""
    marks = ",".join("?" for _ in doc_ids)
    for table in stage.writes:
        db.execute(f"DELETE FROM {table} WHERE doc_id IN ({marks})", doc_ids)
    for table, table_rows in rows.items():
        insert_rows(db, table, table_rows)
    db.executemany(
        "INSERT OR REPLACE INTO stage_done VALUES (?, ?, ?, ?)",
        [(doc_id, stage.name, stage.version, run_id) for doc_id in doc_ids],
    )


def start_run(db: sqlite3.Connection, command: str, config: dict[str, Any],
              versions: dict[str, str]) -> int:
    cur = db.execute(
        "INSERT INTO runs (started, command, config, versions) VALUES (?, ?, ?, ?)",
        (now(), command, json.dumps(config, default=str), json.dumps(versions)),
    )
    return int(cur.lastrowid or 0)


def finish_run(db: sqlite3.Connection, run_id: int, status: str,
               counts: dict[str, Any], timings: dict[str, float]) -> None:
    db.execute(
        "UPDATE runs SET finished=?, status=?, counts=?, timings=? WHERE id=?",
        (now(), status, json.dumps(counts), json.dumps(timings), run_id),
    )


def mark_interrupted_runs(db: sqlite3.Connection) -> None:
    """Runs left 'running' by a killed process (we hold the project lock now)."""
    db.execute("UPDATE runs SET status='interrupted' WHERE status='running'")
