"""Shared fixtures: the ../shared data folder, temporary projects, the spaCy model."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

# Property tests repeat exactly from run to run (CI and locally) and leave no example database.
hypothesis_settings.register_profile("policylens", derandomize=True, deadline=None,
                                     database=None, max_examples=100)
hypothesis_settings.load_profile("policylens")

REPO = Path(__file__).resolve().parent.parent
# Under tests an unforeseen exception must surface, not become a recorded input error;
# the test of the batch-boundary guard turns this off for itself.
os.environ["POLICYLENS_RAISE"] = "1"
SHARED = Path(os.environ.get("POLICYLENS_SHARED", REPO.parent / "shared"))
# The question of the sample gold and of the seeds gold (the same one).
SAMPLE_QUESTION = SEEDS_QUESTION = (
    "Should South Korea deepen its engagement with NATO, including the president attending NATO summits?")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longest tests first, then the other slow ones: ``make test``'s work-stealing workers
    start on them and share out the quick ones while they run."""
    def rank(item: pytest.Item) -> int:
        return 0 if item.get_closest_marker("longest") else 1 if item.get_closest_marker("slow") else 2

    items.sort(key=rank)


def require_shared(*parts: str) -> Path:
    """Path under ../shared; skip when absent on a user's clone, fail under CI."""
    path = SHARED.joinpath(*parts)
    if path.exists():
        return path
    if os.environ.get("CI") == "true":
        pytest.fail(f"{path} is missing: CI must run with ../shared beside the repo")
    pytest.skip(f"{path} not found: the reference data in ../shared is not beside this clone")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return require_shared("corpus", "seeds")


@pytest.fixture(scope="session")
def seeds_gold() -> dict:
    return json.loads(require_shared("gold", "seeds.json").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def _quiet_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """No progress bars in test output; unexpected exceptions escape batch boundaries."""
    monkeypatch.setenv("POLICYLENS_PROGRESS", "false")
    monkeypatch.setenv("POLICYLENS_RAISE", "1")


def invoke(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    """Run the real CLI in-process and return click's Result."""
    from click.testing import CliRunner

    from policylens.cli.main import cli

    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    from policylens.cli.ingest import SAMPLE

    return Path(str(SAMPLE))


def analysed_project(tmp_path_factory: pytest.TempPathFactory, name: str, inputs: Path,
                     question: str) -> Path:
    """``inputs`` analysed with ``question`` into a fresh project; fails on any failed input."""
    os.environ["POLICYLENS_PROGRESS"] = "false"
    project = tmp_path_factory.mktemp(name) / "project"
    result = invoke("analyze", str(inputs), "--project", str(project), "--question", question)
    assert result.exit_code == 0, result.output
    return project


@pytest.fixture(scope="session")
def sample_project(tmp_path_factory: pytest.TempPathFactory, sample_dir: Path) -> Path:
    """The bundled sample corpus analysed once per test session."""
    return analysed_project(tmp_path_factory, "sample", sample_dir, SAMPLE_QUESTION)


@pytest.fixture(scope="session")
def seeds_project(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    """The reference articles analysed once per test session."""
    return analysed_project(tmp_path_factory, "seeds", seeds_dir, SEEDS_QUESTION)


def export_jsonl(project: Path, table: str) -> list[dict]:
    result = invoke("export", table, "--project", str(project), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines() if line.strip()]
