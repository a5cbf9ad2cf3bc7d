"""Helpers for the fault tests: the real CLI in a subprocess, database snapshots."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from conftest import REPO

# Columns that differ between two correct runs: which run wrote a row, and when.
RUN_COLUMNS = {"run_id", "updated", "created", "started", "finished", "applied"}
SKIP_TABLES = {"runs", "_migrations", "sqlite_sequence"}


def cli_env(**extra: str) -> dict[str, str]:
    src = str(REPO / "src")
    path = os.pathsep.join(p for p in (src, os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path, "POLICYLENS_PROGRESS": "false", **extra}


def cli_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "policylens", *args]


def run_cli(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cli_command(*args), env=cli_env(**extra), capture_output=True,
                          text=True, timeout=600)


def start_cli(*args: str, **extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(cli_command(*args), env=cli_env(**extra), text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def snapshot(db_file: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every content row of every table, sorted, duplicates kept (so they show).

    Covers the tables later stages add too; blobs compare by length and hash.
    """
    db = sqlite3.connect(db_file)
    try:
        tables = [r[0] for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
            "'sentences_fts%' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {t: _rows(db, t) for t in tables if t not in SKIP_TABLES}
    finally:
        db.close()


def _rows(db: sqlite3.Connection, table: str) -> list[tuple[Any, ...]]:
    cols = [r[1] for r in db.execute(f"PRAGMA table_info({table})") if r[1] not in RUN_COLUMNS]
    rows = db.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
    return sorted((tuple(_plain(v) for v in row) for row in rows), key=repr)


def _plain(value: Any) -> Any:
    if isinstance(value, bytes):
        return ("blob", len(value), hashlib.sha256(value).hexdigest()[:16])
    return value


def integrity(db_file: Path) -> str:
    db = sqlite3.connect(db_file)
    try:
        return db.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        db.close()


def run_statuses(db_file: Path) -> list[str]:
    db = sqlite3.connect(db_file)
    try:
        return [r[0] for r in db.execute("SELECT status FROM runs ORDER BY id")]
    finally:
        db.close()
