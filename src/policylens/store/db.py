"""Opening the project database: WAL, one writer, migrations on open."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..errors import PolicylensError, UsageError
from .files import database_error
from .migrations import MIGRATIONS

DB_NAME = "policylens.db"
BUSY_TIMEOUT_S = 30.0


def db_path(project: Path) -> Path:
    return Path(project) / DB_NAME


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open the database; a writer runs migrations, a reader never writes."""
    path = Path(path)
    if readonly:
        if not path.exists():
            raise UsageError(
                f"No policylens database at {path}. Run 'policylens analyze PATH... "
                f"--project {path.parent}' first."
            )
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
    else:
        db = _open_writer(path)
    db.row_factory = sqlite3.Row
    return db


def _open_writer(path: Path) -> sqlite3.Connection:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
    except (OSError, sqlite3.OperationalError) as exc:
        raise PolicylensError(
            f"Cannot open the project database {path}: {exc}. Check that the folder "
            "exists, is writable and the disk is not full."
        ) from exc
    db.execute("PRAGMA synchronous=NORMAL")
    # Foreign keys document the schema but are not enforced: a stage that reruns
    # replaces its rows under the same deterministic ids while later stages' rows
    # still point at them, and those later stages rerun right after.
    try:
        migrate(db)
    except sqlite3.Error as exc:
        db.close()
        raise database_error(str(path), exc) or exc
    return db


def applied_migrations(db: sqlite3.Connection) -> list[str]:
    db.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied TEXT)"
    )
    return [r[0] for r in db.execute("SELECT name FROM _migrations ORDER BY rowid")]


def migrate(db: sqlite3.Connection) -> list[str]:
    """Apply the migrations not yet applied; return their names."""
    done = set(applied_migrations(db))
    new = []
    for name, sql in MIGRATIONS:
        if name in done:
            continue
        # executescript commits first, so the transaction is written into the script.
        script = f"BEGIN IMMEDIATE;\n{sql}\nINSERT INTO _migrations VALUES ('{name}', datetime('now'));\nCOMMIT;"
        try:
            db.executescript(script)
        except sqlite3.Error:
            if db.in_transaction:
                db.execute("ROLLBACK")
            if name in applied_migrations(db):  # another process applied it meanwhile
                continue
            raise
        new.append(name)
    return new


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction; IMMEDIATE so a second writer waits, then fails clearly."""
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        storage = database_error(_db_file(db), exc)
        if storage is not None:
            raise storage from exc
        raise PolicylensError(
            f"The project database is busy ({exc}): another policylens run is writing "
            "to it. Wait for it to finish, then run the command again."
        ) from exc
    try:
        yield db
        db.execute("COMMIT")
    except BaseException as exc:
        _rollback(db)
        if isinstance(exc, sqlite3.Error):
            storage = database_error(_db_file(db), exc)
            if storage is not None:
                raise storage from exc
        raise


def _rollback(db: sqlite3.Connection) -> None:
    if db.in_transaction:
        db.execute("ROLLBACK")


def _db_file(db: sqlite3.Connection) -> str:
    try:
        return str(db.execute("PRAGMA database_list").fetchone()[2])
    except sqlite3.Error:
        return "(the project database)"
