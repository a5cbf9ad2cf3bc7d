"""Running the registered stages over the documents that still need them."""

from __future__ import annotations

import json
import sqlite3
import time
from typing import Any

from rich.progress import Progress

from ..settings import Settings
from ..stages import Stage, StageContext, registered_stages
from ..store.db import transaction
from ..store.writes import insert_rows, replace_stage_rows

DOC_COLUMNS = "id, text, title, published, published_earliest, published_latest, kind"


def pending_documents(db: sqlite3.Connection, stage: Stage) -> list[str]:
    """Documents this stage has not processed at its current version.

    A document is also pending when a stage it requires ran after it: changing
    a stage's version reprocesses that stage and the ones after it.
    """
    rows = db.execute(
        """SELECT d.id FROM documents d
           LEFT JOIN stage_done s ON s.doc_id = d.id AND s.stage = ?
           WHERE s.stage_version IS NULL OR s.stage_version != ?
              OR EXISTS (SELECT 1 FROM stage_done r WHERE r.doc_id = d.id
                         AND r.stage IN (SELECT value FROM json_each(?))
                         AND r.run_id > s.run_id)
           ORDER BY d.id""",
        (stage.name, stage.version, _json_list(stage.requires)),
    )
    return [r[0] for r in rows]


def _json_list(items: tuple[str, ...]) -> str:
    return json.dumps(list(items))


def load_batch(db: sqlite3.Connection, doc_ids: list[str]) -> list[dict[str, Any]]:
    marks = ",".join("?" for _ in doc_ids)
    rows = db.execute(f"SELECT {DOC_COLUMNS} FROM documents WHERE id IN ({marks}) "
                      "ORDER BY id", doc_ids)
    return [dict(r) for r in rows]


def run_document_stage(db: sqlite3.Connection, stage: Stage, settings: Settings,
                       run_id: int, progress: Progress) -> int:
    todo = pending_documents(db, stage)
    task = progress.add_task(f"{stage.name}.{stage.version}", total=len(todo))
    ctx = StageContext(db=db, settings=settings)
    for start in range(0, len(todo), settings.batch_size):
        ids = todo[start:start + settings.batch_size]
        rows = stage.process(load_batch(db, ids), ctx)
        with transaction(db):
            replace_stage_rows(db, stage, ids, rows, run_id)
        progress.advance(task, len(ids))
    return len(todo)


def run_stages(db: sqlite3.Connection, settings: Settings, run_id: int,
               progress: Progress) -> tuple[dict[str, int], dict[str, float]]:
    """Run every registered stage; return documents processed and seconds per stage."""
    counts: dict[str, int] = {}
    timings: dict[str, float] = {}
    for stage in registered_stages():
        began = time.perf_counter()
        if stage.level == "document":
            counts[stage.name] = run_document_stage(db, stage, settings, run_id, progress)
        else:
            ctx = StageContext(db=db, settings=settings)
            rows = stage.process([], ctx)
            with transaction(db):
                replace_corpus_rows(db, stage, rows)
            counts[stage.name] = sum(len(v) for v in rows.values())
        timings[stage.name] = round(time.perf_counter() - began, 3)
    return counts, timings


def replace_corpus_rows(db: sqlite3.Connection, stage: Stage,
                        rows: dict[str, list[dict[str, Any]]]) -> None:
    for table in stage.writes:
        db.execute(f"DELETE FROM {table}")
    for table, table_rows in rows.items():
        insert_rows(db, table, table_rows)
