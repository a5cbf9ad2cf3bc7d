"""Adding inputs to a project: every input ends as a document or a recorded reason."""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice
from typing import Iterable, Iterator

from rich.progress import Progress

from ..errors import UNEXPECTED, raise_unexpected, unexpected_reason
from ..ingest.build import Outcome, build_document
from ..ingest.read_files import content_hash
from ..ingest.readers import read_inputs
from ..model import RawInput
from ..settings import Settings
from ..store.db import transaction
from ..store.writes import document_exists, known_source, write_document, write_source


@dataclass
class AddReport:
    counts: Counter = field(default_factory=Counter)
    errors: list[tuple[str, str]] = field(default_factory=list)
    unexpected: int = 0  # errors caught by the batch-boundary guard (bugs to report)

    @property
    def failed(self) -> int:
        return self.counts["error"]


def add_inputs(db: sqlite3.Connection, paths: Iterable[str], settings: Settings,
               run_id: int, progress: Progress) -> AddReport:
    """Read, clean and store inputs in batches, one transaction per batch."""
    report = AddReport()
    task = progress.add_task("Reading inputs", total=None)
    for batch in _batches(read_inputs(paths, settings), settings.batch_size):
        outcomes = [(raw, _outcome(db, raw, settings)) for raw in batch]
        with transaction(db):
            for raw, outcome in outcomes:
                _record(db, raw, outcome, run_id, report)
        progress.advance(task, len(batch))
    return report


def _batches(items: Iterator[RawInput], size: int) -> Iterator[list[RawInput]]:
    while chunk := list(islice(items, size)):
        yield chunk


def _outcome(db: sqlite3.Connection, raw: RawInput,
             settings: Settings) -> tuple[Outcome | None, str | None]:
    """The outcome and content hash; None when this exact input was already stored."""
    try:
        digest = None if raw.error else content_hash(raw.content)
    except Exception as exc:  # noqa: BLE001 - batch boundary, counted and recorded
        return _unexpected(exc), None
    previous = known_source(db, raw.key)
    if (previous is not None and digest is not None and previous["status"] != "error"
            and previous["content_hash"] == digest):
        return None, digest  # re-runs change nothing
    try:
        return build_document(raw, settings), digest
    except Exception as exc:  # noqa: BLE001 - batch boundary, counted and recorded
        return _unexpected(exc), digest


def _unexpected(exc: Exception) -> Outcome:
    """The batch boundary: one input's unforeseen failure never stops the others."""
    if raise_unexpected():
        raise exc
    return Outcome("error", unexpected_reason(exc))


def _record(db: sqlite3.Connection, raw: RawInput, prepared: tuple[Outcome | None, str | None],
            run_id: int, report: AddReport) -> None:
    outcome, digest = prepared
    if outcome is None:
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
                 content_hash=digest)
    report.counts[status] += 1
    if status == "error":
        report.errors.append((raw.source, reason or "unknown error"))
        report.unexpected += (reason or "").startswith(UNEXPECTED)


def _same_source(db: sqlite3.Connection, key: str, doc_id: str) -> bool:
    row = known_source(db, key)
    return row is not None and row["doc_id"] == doc_id and row["status"] == "ok"
