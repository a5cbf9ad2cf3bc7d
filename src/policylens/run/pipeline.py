"""The library entry points: add inputs, run stages, analyze (both, then report)."""

from __future__ import annotations

import sqlite3
import time
from dataclasses import asdict, dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Iterable

from ..ingest import STAGE as INGEST_STAGE, VERSION as INGEST_VERSION
from ..project import Project
from ..questions import add_questions
from ..settings import Settings
from ..stages import registered_stages
from ..store.db import transaction
from ..store.writes import finish_run, start_run
from .ingest_step import AddReport, add_inputs
from .executors import check_executor_settings, make_executor
from .progress import progress_bar
from .stage_step import run_stages


@dataclass
class RunResult:
    """What one command did; ``exit_code`` is 1 when any input failed."""

    project: Path
    run_id: int
    added: AddReport = field(default_factory=AddReport)
    processed: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    report: Path | None = None

    @property
    def exit_code(self) -> int:
        return 1 if self.added.failed else 0


def stage_versions() -> dict[str, str]:
    versions = {s.name: s.version for s in registered_stages()}
    versions[INGEST_STAGE] = INGEST_VERSION
    versions["policylens"] = version("policylens")
    versions["spacy"] = version("spacy")
    return versions


def execute(project: Project, command: str, settings: Settings, paths: Iterable[str] = (),
            run: bool = True, report: bool = False, questions: Iterable[str] = ()) -> RunResult:
    """Add ``paths`` and ``questions`` (if any), run the stages, write the report if asked."""
    if run:
        check_executor_settings(settings)
    with project.writer() as db, progress_bar(settings.progress) as progress:
        add_questions(db, questions)
        run_id = _start(db, command, settings)
        result = RunResult(project=project.path, run_id=run_id)
        status = "failed"
        executor = make_executor(db, settings, project.path, run_id)
        try:
            began = time.perf_counter()
            result.added = add_inputs(db, paths, settings, run_id, progress, executor)
            result.timings["ingest"] = round(time.perf_counter() - began, 3)
            if run:
                processed, timings = run_stages(db, settings, run_id, progress, executor)
                result.processed, result.timings = processed, {**result.timings, **timings}
            status = "done"
        finally:
            executor.close()
            _finish(db, result, status)
    if report:
        from ..report.build import write_report

        result.report = write_report(project)
    return result


def _start(db: sqlite3.Connection, command: str, settings: Settings) -> int:
    with transaction(db):
        return start_run(db, command, asdict(settings), stage_versions())


def _finish(db: sqlite3.Connection, result: RunResult, status: str) -> None:
    counts = {"inputs": dict(result.added.counts), "processed": result.processed}
    with transaction(db):
        finish_run(db, result.run_id, status, counts, result.timings)


def analyze(project: Project, paths: Iterable[str], settings: Settings,
            questions: Iterable[str] = ()) -> RunResult:
    return execute(project, "analyze", settings, paths, run=True, report=True,
                   questions=questions)
