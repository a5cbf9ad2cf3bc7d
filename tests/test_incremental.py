"""Adding documents to a project processes only the new ones, whatever the executor."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from conftest import invoke

CITIES = ["Seoul", "Tokyo", "Brussels", "Washington", "Canberra", "Wellington"]


def write_articles(folder: Path, start: int, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + n):
        city = CITIES[i % len(CITIES)]
        (folder / f"article-{i:03d}.txt").write_text(
            f"Officials in {city} said on Monday that round {i} of the talks between the "
            f"two governments on trade and security would continue next month. The "
            f"ministers met for {i % 5 + 2} hours and agreed to publish a joint statement.",
            encoding="utf-8")


def sentence_rowids(project: Path) -> dict[str, int]:
    db = sqlite3.connect(project / "policylens.db")
    rows = dict(db.execute("SELECT id, rowid FROM sentences"))
    db.close()
    return rows


@pytest.mark.slow
def test_adding_five_documents_to_sixty_processes_only_the_five(tmp_path: Path) -> None:
    project = tmp_path / "p"
    write_articles(tmp_path / "first", 0, 60)
    result = invoke("analyze", str(tmp_path / "first"), "--project", str(project))
    assert "Inputs: 60 ok" in result.output and "Stage nlp.spacy: 60 processed" in result.output
    before = sentence_rowids(project)
    write_articles(tmp_path / "later", 60, 5)
    result = invoke("analyze", str(tmp_path / "first"), str(tmp_path / "later"),
                    "--project", str(project), "--workers", "2", "--batch-size", "2")
    assert "Inputs: 5 ok, 60 unchanged" in result.output
    assert "Stage nlp.spacy: 5 processed" in result.output
    after = sentence_rowids(project)
    assert {k: after[k] for k in before} == before  # the 60 were not rewritten
    assert len(after) == len(before) + 10
    result = invoke("run", "--project", str(project), "--executor", "dask", "--workers", "1")
    assert "Stage nlp.spacy: 0 processed" in result.output
