"""What runs on a worker: one stage over one partition of documents.

This module is importable (never ``__main__``) so that worker processes keep
what they load between tasks: the spaCy model through ``load_nlp``'s cache and
one read-only connection to the project database per process.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import raise_unexpected, unexpected_reason
from ..settings import Settings
from ..stages import Rows, Stage, StageContext
from ..store.db import connect
from .partitions import write_partition

_contexts: dict[tuple[str, str, str], StageContext] = {}


@lru_cache(maxsize=4)
def _reader(db_file: str) -> Any:
    return connect(Path(db_file), readonly=True)


def worker_context(stage: Stage, settings: Settings, db_file: str) -> StageContext:
    """One context per stage version and process, so a stage's cache lives on."""
    key = (stage.name, stage.version, db_file)
    ctx = _contexts.get(key)
    if ctx is None or ctx.settings != settings:
        ctx = _contexts[key] = StageContext(db=_reader(db_file), settings=settings)
    return ctx


def process_partition(stage: Stage, docs: list[dict[str, Any]], settings: Settings,
                      db_file: str, spill: str | None = None) -> Rows | str:
    """Run ``stage`` on ``docs``; return its rows, or the Parquet folder under ``spill``."""
    rows = stage.process(docs, worker_context(stage, settings, db_file))
    if spill is None:
        return rows
    return str(write_partition(Path(spill), rows))


def build_documents(raws: list[Any], settings: Settings) -> list[Any]:
    """Clean and identify a batch of read inputs (ingest's pure part)."""
    return [None if raw is None else _guarded_build(raw, settings) for raw in raws]


def _guarded_build(raw: Any, settings: Settings) -> Any:
    """The batch boundary: one input's unforeseen failure never stops the others."""
    from ..ingest.build import Outcome, build_document

    try:
        return build_document(raw, settings)
    except Exception as exc:  # noqa: BLE001 - batch boundary, counted and recorded
        if raise_unexpected():
            raise
        return Outcome("error", unexpected_reason(exc))
