"""Adding inputs to a project: every input ends as a document or a recorded reason."""

from __future__ import annotations

import sqlite3
from collections import Counter, deque
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Iterable, Iterator

from rich.progress import Progress

from ..errors import UNEXPECTED, raise_unexpected
from ..ingest.build import Outcome
from ..ingest.read_files import content_hash
from ..ingest.readers import read_inputs
from ..model import RawInput
from ..settings import Settings
from ..store.db import transaction
from ..store.writes import document_exists, known_source, write_document, write_source
from .executors import Executor
from .tasks import build_documents


@dataclass
class AddReport:
    counts: Counter = field(default_factory=Counter)
    errors: list[tuple[str, str]] = field(default_factory=list)
    unexpected: int = 0  # errors caught by the batch-boundary guard (bugs to report)

    @property
    def failed(self) -> int:
        return self.counts["error"]


def add_inputs(db: sqlite3.Connection, paths: Iterable[str], settings: Settings,
               run_id: int, progress: Progress, executor: Executor | None = None) -> AddReport:
    """Read, clean and store inputs in batches, one transaction per batch.

    Inputs stream from the readers in batches; cleaning runs on the executor
    (in this process by default) and the driver writes the batches in order.
    """
    report = AddReport()
    task = progress.add_task("Reading inputs", total=None)
    read: deque[list[RawInput]] = deque()

    def to_build() -> Iterator[list[RawInput | None]]:
        for batch in _batches(read_inputs(paths, settings), settings.batch_size):
            read.append(batch)
            yield [None if _unchanged(db, raw) else raw for raw in batch]

    if executor is None:
        built: Iterator[list[Any]] = (build_documents(b, settings) for b in to_build())
    else:
        built = executor.map_function(build_documents, to_build())
    for outcomes in built:
        batch = read.popleft()
        with transaction(db):
            for raw, outcome in zip(batch, outcomes):
                _record(db, raw, outcome, run_id, report)
        progress.advance(task, len(batch))
    return report


def _batches(items: Iterator[RawInput], size: int) -> Iterator[list[RawInput]]:
    while chunk := list(islice(items, size)):
        yield chunk


def _digest(raw: RawInput) -> str | None:
    """The input's content hash; None for a read error or content that cannot be hashed."""
    if raw.error:
        return None
    try:
        return content_hash(raw.content)
    except Exception:  # noqa: BLE001 - batch boundary: the build step records the failure
        if raise_unexpected():
            raise
        return None


def _unchanged(db: sqlite3.Connection, raw: RawInput) -> bool:
    """This exact input is already stored: re-runs change nothing."""
    previous = known_source(db, raw.key)
    digest = _digest(raw)
    return (previous is not None and digest is not None and previous["status"] != "error"
            and previous["content_hash"] == digest)


def _record(db: sqlite3.Connection, raw: RawInput, outcome: Outcome | None,
            run_id: int, report: AddReport) -> None:
    if outcome is None or _unchanged(db, raw):  # again: the same input twice in a run
        report.counts["unchanged"] += 1
        return
    status, doc_id = outcome.status, None
    if outcome.document is not None:
        doc_id = outcome.document.id
        if document_exists(db, doc_id) and not _same_source(db, raw.key, doc_id):
            status = "duplicate"
        else:
            write_document(db, outcome.document, raw.source, run_id)
    reason = outcome.reason if status != "duplicate" else f"same text as document {doc_id}"
    write_source(db, key=raw.key, source=raw.source, run_id=run_id, status=status,
                 reason=reason, doc_id=doc_id,
                 content_hash=_digest(raw))
    report.counts[status] += 1
    if status == "error":
        report.errors.append((raw.source, reason or "unknown error"))
        report.unexpected += (reason or "").startswith(UNEXPECTED)


def _same_source(db: sqlite3.Connection, key: str, doc_id: str) -> bool:
    row = known_source(db, key)
    return row is not None and row["doc_id"] == doc_id and row["status"] == "ok"
