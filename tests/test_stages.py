"""Stages register through the plugin hook, run only where needed, and rerun on a new version."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from conftest import invoke
from policylens.hookspecs import hookimpl
from policylens.plugins import load_plugins
from policylens.stages import StageContext, order_stages, registered_stages

ARTICLE = ("Japan and South Korea agreed on Tuesday to resume regular defence talks, "
           "their foreign ministers said in Tokyo after a meeting that lasted two hours.")


@dataclass
class CountingStage:
    """A third-party stage: records which documents it was given."""

    name: str = "test.counting"
    version: str = "v1"
    level: str = "document"
    requires: tuple[str, ...] = ("nlp.spacy",)
    writes: tuple[str, ...] = ()
    seen: list[str] = field(default_factory=list)

    def process(self, batch: list[dict[str, Any]], ctx: StageContext) -> dict:
        self.seen.extend(row["id"] for row in batch)
        return {}


@pytest.fixture
def counting_stage():  # type: ignore[no-untyped-def]
    stage = CountingStage()

    class Plugin:
        @hookimpl
        def register_stages(self, register):  # type: ignore[no-untyped-def]
            register(lambda: stage)

    plugin = Plugin()
    load_plugins().register(plugin, name="test-counting")
    yield stage
    load_plugins().unregister(plugin)


def test_third_party_stage_runs_after_what_it_requires(counting_stage: CountingStage) -> None:
    names = [s.name for s in registered_stages()]
    assert names.index("test.counting") > names.index("nlp.spacy")


def test_stage_runs_only_on_new_documents(counting_stage: CountingStage, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    project = str(tmp_path / "p")
    invoke("analyze", str(tmp_path / "a.txt"), "--project", project)
    assert len(counting_stage.seen) == 1
    (tmp_path / "b.txt").write_text(ARTICLE.replace("Tuesday", "Friday"), encoding="utf-8")
    invoke("analyze", str(tmp_path / "b.txt"), "--project", project)
    assert len(counting_stage.seen) == 2 and counting_stage.seen[0] != counting_stage.seen[1]


def test_new_version_reprocesses_that_stage_and_later_ones(
        counting_stage: CountingStage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    project = tmp_path / "p"
    invoke("analyze", str(tmp_path / "a.txt"), "--project", str(project))
    invoke("run", "--project", str(project))
    assert len(counting_stage.seen) == 1
    from policylens.nlp.spacy_stage import SpacyStage

    monkeypatch.setattr(SpacyStage, "version", "v99")
    result = invoke("run", "--project", str(project))
    assert "Stage nlp.spacy: 1 processed" in result.output
    assert len(counting_stage.seen) == 2
    db = sqlite3.connect(project / "policylens.db")
    assert {r[0] for r in db.execute("SELECT stage_version FROM sentences")} == {"v99"}


def test_stage_cycles_are_reported() -> None:
    a = CountingStage(name="a", requires=("b",))
    b = CountingStage(name="b", requires=("a",))
    with pytest.raises(RuntimeError, match="stage cycle"):
        order_stages([a, b])


def test_stages_setting_runs_only_the_named_stages(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.setenv("POLICYLENS_STAGES", "nlp.spacy")
    result = invoke("analyze", str(tmp_path / "a.txt"), "--project", str(tmp_path / "p"))
    assert [line for line in result.output.splitlines() if line.startswith("Stage ")] == [
        "Stage nlp.spacy: 1 processed"]
    monkeypatch.setenv("POLICYLENS_STAGES", "nlp.spacy,nope")
    result = invoke("run", "--project", str(tmp_path / "p"))
    assert result.exit_code == 2
    assert "Unknown stage nope in the stages setting. Choose from: " in result.output


def test_summary_counts_documents_for_document_stages_and_rows_for_corpus_stages(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.setenv("POLICYLENS_STAGES", "nlp.spacy,actors.gazetteer,actors.catalog")
    result = invoke("analyze", str(tmp_path / "a.txt"), "--project", str(tmp_path / "p"))
    lines = [line for line in result.output.splitlines() if line.startswith("Stage ")]
    assert lines[:2] == ["Stage nlp.spacy: 1 processed", "Stage actors.gazetteer: 1 processed"]
    assert re.fullmatch(r"Stage actors\.catalog: [1-9]\d* rows written \(whole corpus\)", lines[2])
