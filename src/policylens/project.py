"""A project folder: the database, the report and the settings of one analysis."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .settings import Settings, load_settings
from .store.db import connect, db_path, transaction
from .store.lock import project_lock
from .store.writes import mark_interrupted_runs

REPORT_NAME = "report.html"


@dataclass
class Project:
    path: Path

    def __post_init__(self) -> None:
        self.path = Path(self.path)

    @property
    def db_path(self) -> Path:
        return db_path(self.path)

    @property
    def report_path(self) -> Path:
        return self.path / REPORT_NAME

    def settings(self, **flags: object) -> Settings:
        return load_settings(self.path if self.path.exists() else None, **flags)

    @contextmanager
    def writer(self) -> Iterator[sqlite3.Connection]:
        """The one writing connection, under the project lock."""
        from .errors import PolicylensError

        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise PolicylensError(
                f"Cannot create the project folder {self.path}: {exc.strerror}. "
                "Choose a writable location with --project."
            ) from exc
        with project_lock(self.path):
            db = connect(self.db_path)
            try:
                with transaction(db):
                    mark_interrupted_runs(db)
                yield db
            finally:
                db.close()

    def reader(self) -> sqlite3.Connection:
        return connect(self.db_path, readonly=True)
