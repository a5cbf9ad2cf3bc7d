"""Running the registered stages over the documents that still need them."""

from __future__ import annotations

import json
import sqlite3
import time
from typing import Any, Iterator

from rich.progress import Progress

from ..settings import Settings
from ..errors import UsageError
from ..stages import Stage, StageContext, registered_stages
from ..store.db import transaction
from ..store.writes import insert_rows, replace_stage_rows
from .executors import Executor, Partition, database_file, make_executor

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


def partitions(db: sqlite3.Connection, todo: list[str], size: int) -> Iterator[Partition]:
    """The pending documents in slices, each read from the store only when needed."""
    for index, start in enumerate(range(0, len(todo), size)):
        ids = todo[start:start + size]
        yield Partition(index, ids, load_batch(db, ids))


def run_document_stage(db: sqlite3.Connection, stage: Stage, executor: Executor,
                       settings: Settings, run_id: int, progress: Progress) -> int:
    """Map the stage over the pending documents; merge each partition in one transaction."""
    todo = pending_documents(db, stage)
    task = progress.add_task(f"{stage.name}.{stage.version}", total=len(todo))
    parts = list(range(0, len(todo), settings.batch_size))
    results = executor.map(stage, partitions(db, todo, settings.batch_size))
    for start, rows in zip(parts, results):
        ids = todo[start:start + settings.batch_size]
        with transaction(db):
            replace_stage_rows(db, stage, ids, rows, run_id)
        progress.advance(task, len(ids))
    return len(todo)


def selected_stages(settings: Settings) -> list[Stage]:
    """The registered stages, or those named by the ``stages`` setting."""
    stages = registered_stages()
    wanted = {n.strip() for n in settings.stages.split(",") if n.strip()}
    unknown = wanted - {s.name for s in stages}
    if unknown:
        raise UsageError(f"Unknown stage {', '.join(sorted(unknown))} in the stages setting. "
                         f"Choose from: {', '.join(s.name for s in stages)}.")
    return [s for s in stages if not wanted or s.name in wanted]


def run_stages(db: sqlite3.Connection, settings: Settings, run_id: int, progress: Progress,
               executor: Executor | None = None) -> tuple[dict[str, int], dict[str, float]]:
    """Run every registered stage; return documents processed and seconds per stage.

    Document stages go to ``executor`` (by default the one the settings name);
    corpus stages run here, on the driver, after the document stages they follow.
    """
    if executor is None:
        executor = make_executor(db, settings, database_file(db).parent, run_id)
        try:
            return run_stages(db, settings, run_id, progress, executor)
        finally:
            executor.close()
    counts: dict[str, int] = {}
    timings: dict[str, float] = {}
    for stage in selected_stages(settings):
        began = time.perf_counter()
        if stage.level == "document":
            counts[stage.name] = run_document_stage(db, stage, executor, settings,
                                                    run_id, progress)
        else:
            counts[stage.name] = run_corpus_stage(db, stage, settings, executor)
        timings[stage.name] = round(time.perf_counter() - began, 3)
    return counts, timings


def run_corpus_stage(db: sqlite3.Connection, stage: Stage, settings: Settings,
                     executor: Executor | None = None) -> int:
    rows = stage.process([], StageContext(db=db, settings=settings, executor=executor))
    with transaction(db):
        replace_corpus_rows(db, stage, rows)
    return sum(len(v) for v in rows.values())


def replace_corpus_rows(db: sqlite3.Connection, stage: Stage,
                        rows: dict[str, list[dict[str, Any]]]) -> None:
    kept = getattr(stage, "keeps", ())  # caches the stage adds to rather than replaces
    for table in stage.writes:
        if table not in kept:
            db.execute(f"DELETE FROM {table}")
    for table, table_rows in rows.items():
        insert_rows(db, table, table_rows)
