"""The schema: migrations from empty and from the oldest schema, WAL, FTS, one writer."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from policylens.errors import PolicylensError
from policylens.project import Project
from policylens.store.db import applied_migrations, connect, migrate, transaction
from policylens.store.migrations import MIGRATIONS


def test_migrations_from_empty_database(tmp_path: Path) -> None:
    db = connect(tmp_path / "p.db")
    assert applied_migrations(db) == [name for name, _ in MIGRATIONS]
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "sources", "sentences", "mentions", "runs", "parses"} <= tables


def test_migrations_are_applied_once(tmp_path: Path) -> None:
    connect(tmp_path / "p.db").close()
    db = connect(tmp_path / "p.db")
    assert migrate(db) == []


def test_migrating_from_the_oldest_schema(tmp_path: Path) -> None:
    raw = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    raw.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied TEXT)")
    first_name, first_sql = MIGRATIONS[0]
    raw.executescript(first_sql)
    raw.execute("INSERT INTO _migrations VALUES (?, 'then')", (first_name,))
    raw.execute("INSERT INTO runs (started, command) VALUES ('2025-01-01', 'analyze')")
    raw.close()
    db = connect(tmp_path / "old.db")
    assert applied_migrations(db) == [name for name, _ in MIGRATIONS]
    assert db.execute("SELECT command FROM runs").fetchone()[0] == "analyze"


def test_fts_index_follows_inserts_and_deletes(tmp_path: Path) -> None:
    db = connect(tmp_path / "p.db")
    with transaction(db):
        db.execute("INSERT INTO documents (id, source, text, stage, stage_version) "
                   "VALUES ('d', 's', 'x', 't', 'v1')")
        db.execute("INSERT INTO sentences VALUES ('d:0', 'd', 0, 0, 5, 'Seoul joined NATO talks', 't', 'v1')")
    hits = db.execute("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH 'talks'").fetchall()
    assert len(hits) == 1
    with transaction(db):
        db.execute("DELETE FROM sentences")
    assert db.execute("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'talks'").fetchone()[0] == 0


def test_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    db = connect(tmp_path / "p.db")
    with pytest.raises(RuntimeError):
        with transaction(db):
            db.execute("INSERT INTO runs (started) VALUES ('x')")
            raise RuntimeError("boom")
    assert db.execute("SELECT count(*) FROM runs").fetchone()[0] == 0


def test_second_writer_fails_with_a_clear_message(tmp_path: Path) -> None:
    project = Project(tmp_path / "proj")
    with project.writer():
        with pytest.raises(PolicylensError, match="Another policylens run .* is writing"):
            with project.writer():
                pass


def test_reader_works_while_a_writer_holds_the_lock(tmp_path: Path) -> None:
    project = Project(tmp_path / "proj")
    with project.writer() as db:
        with transaction(db):
            db.execute("INSERT INTO runs (started) VALUES ('x')")
            reader = project.reader()
            assert reader.execute("SELECT count(*) FROM runs").fetchone()[0] == 0
        assert reader.execute("SELECT count(*) FROM runs").fetchone()[0] == 1
        with pytest.raises(sqlite3.OperationalError):
            reader.execute("INSERT INTO runs (started) VALUES ('y')")


def test_missing_database_says_what_to_run(tmp_path: Path) -> None:
    with pytest.raises(PolicylensError, match="Run 'policylens analyze PATH... --project"):
        Project(tmp_path / "none").reader()
