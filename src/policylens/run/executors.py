"""Where document stages run: in process, in a local process pool, or on Dask.

Stages are pure, so an executor only changes where ``process`` runs. Every
executor returns the partitions' rows in submission order, so the driver merges
them in the same order and the store ends the same whatever the executor.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Protocol

from ..errors import PolicylensError, UsageError
from ..settings import Settings
from ..stages import Rows, Stage, StageContext
from .tasks import process_partition

EXECUTORS = ("local", "dask")


@dataclass
class Partition:
    """A slice of the pending documents: one task, one write transaction."""

    index: int
    ids: list[str]
    docs: list[dict[str, Any]]


class Executor(Protocol):
    def map(self, stage: Stage, partitions: Iterable[Partition]) -> Iterator[Rows]: ...

    def map_function(self, fn: Callable[[Any, Settings], Any],
                     items: Iterable[Any]) -> Iterator[Any]: ...

    def close(self) -> None: ...


def in_order(submit: Callable[[Any], Any], partitions: Iterable[Any],
             window: int) -> Iterator[Any]:
    """Submit partitions with at most ``window`` in flight; results in order.

    The window bounds the driver's memory: only that many partitions' texts
    and results are held at once, whatever the corpus size.
    """
    pending: deque[Any] = deque()
    for part in partitions:
        pending.append(submit(part))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


@dataclass
class InlineExecutor:
    """The default: stages run in this process on the writer's connection."""

    db: sqlite3.Connection
    settings: Settings
    contexts: dict[str, StageContext] = field(default_factory=dict)

    def map(self, stage: Stage, partitions: Iterable[Partition]) -> Iterator[Rows]:
        ctx = self.contexts.setdefault(stage.name, StageContext(db=self.db,
                                                                settings=self.settings))
        for part in partitions:
            yield stage.process(part.docs, ctx)

    def map_function(self, fn: Callable[[Any, Settings], Any],
                     items: Iterable[Any]) -> Iterator[Any]:
        return (fn(item, self.settings) for item in items)

    def close(self) -> None:
        self.contexts.clear()


@dataclass
class PoolExecutor:
    """A local process pool; each process loads the models once and keeps them."""

    settings: Settings
    db_file: str
    workers: int
    _pool: ProcessPoolExecutor | None = None

    def start(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn: a fresh interpreter, never a fork of a process holding
            # SQLite connections, threads or a loaded model.
            self._pool = ProcessPoolExecutor(self.workers,
                                             mp_context=multiprocessing.get_context("spawn"))
        return self._pool

    def map_function(self, fn: Callable[[Any, Settings], Any],
                     items: Iterable[Any]) -> Iterator[Any]:
        pool = self.start()
        try:
            yield from in_order(lambda item: pool.submit(fn, item, self.settings), items,
                                2 * self.workers)
        except BrokenProcessPool as exc:
            raise _died(fn.__name__, exc) from exc

    def map(self, stage: Stage, partitions: Iterable[Partition]) -> Iterator[Rows]:
        pool = self.start()

        def submit(part: Partition) -> Any:
            return pool.submit(process_partition, stage, part.docs, self.settings,
                               self.db_file)

        try:
            yield from in_order(submit, partitions, 2 * self.workers)
        except BrokenProcessPool as exc:
            raise _died(stage.name, exc) from exc

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


def _died(work: str, exc: BaseException) -> PolicylensError:
    return PolicylensError(
        f"A worker process of the pool died while running {work} ({exc}). The "
        "partitions finished before it are saved: run the command again to resume; "
        "lower --workers if the machine ran out of memory."
    )


def make_executor(db: sqlite3.Connection, settings: Settings, project: Path,
                  run_id: int) -> Executor:
    """The executor the settings ask for; models and clusters start on first use."""
    check_executor_settings(settings)
    db_file = str(database_file(db))
    if settings.executor == "dask":
        from .dask_executor import DaskExecutor

        return DaskExecutor(settings, db_file, project, run_id)
    if settings.workers == 0:
        return InlineExecutor(db, settings)
    return PoolExecutor(settings, db_file, settings.workers)


def check_executor_settings(settings: Settings) -> None:
    """Refuse wrong executor settings before any work is done."""
    if settings.executor not in EXECUTORS:
        raise UsageError(f"Unknown executor '{settings.executor}'. "
                         f"Choose one of: {', '.join(EXECUTORS)}.")
    if settings.workers < 0:
        raise UsageError(f"workers must be 0 (automatic) or more, got {settings.workers}.")
    if settings.scheduler and settings.executor != "dask":
        raise UsageError("--scheduler needs --executor dask: a scheduler address is only "
                         "used by the Dask executor.")


def database_file(db: sqlite3.Connection) -> Path:
    """The file behind a connection, for workers to open read-only."""
    row = db.execute("PRAGMA database_list").fetchone()
    return Path(row[2])
