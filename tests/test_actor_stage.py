"""The actor stages through the real pipeline and CLI: tables, exports, recall on gold."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from conftest import REPO, export_jsonl, invoke
from policylens.actors.stage import ActorStage, document_day
from policylens.eval.actors import score_event_codes
from policylens.store.db import db_path

MENTION_FIELDS = ["id", "doc_id", "sentence_id", "start", "end", "text", "actor_id", "name",
                  "code", "role", "sector", "kind", "how", "entity_label", "stage",
                  "stage_version"]


def test_mentions_export_the_resolved_actor_mentions(sample_project: Path) -> None:
    rows = export_jsonl(sample_project, "mentions")
    texts = {d["id"]: d["text"] for d in export_jsonl(sample_project, "documents")}
    assert rows and list(rows[0]) == MENTION_FIELDS
    for row in rows:
        assert texts[row["doc_id"]][row["start"]:row["end"]] == row["text"]
        assert (row["stage"], row["stage_version"]) == ("actors.gazetteer", ActorStage.version)
        assert row["kind"] in {"state", "org", "person", "agent"}
    assert {"KOR", "NATO", "PRK", "RUS"} <= {r["code"] for r in rows}


def test_dated_roles_follow_the_publication_date(sample_project: Path) -> None:
    rows = export_jsonl(sample_project, "mentions")
    docs = {d["id"]: d for d in export_jsonl(sample_project, "documents")}
    presidents = {(Path(docs[r["doc_id"]]["source"]).name[:2], r["actor_id"]) for r in rows
                  if r["role"] == "president" and r["code"] == "KOR"}
    assert ("01", "person:yoon-suk-yeol") in presidents
    assert ("07", "person:lee-jae-myung") in presidents


def test_actors_and_roles_export(sample_project: Path) -> None:
    actors = {r["id"]: r for r in export_jsonl(sample_project, "actors")}
    assert actors["KOR"]["name"] == "South Korea" and actors["KOR"]["kind"] == "state"
    assert actors["NATO"]["kind"] == "org"
    assert actors["person:yoon-suk-yeol"]["code"] == "KOR"
    roles = export_jsonl(sample_project, "actor_roles")
    yoon = [r for r in roles if r["actor_id"] == "person:yoon-suk-yeol"]
    assert [(r["office"], r["start"], r["end"]) for r in yoon] == [
        ("KOR.president", "2022-05-10", "2025-04-04")]
    assert {r["stage"] for r in roles} == {"actors.catalog"}


def test_spacy_entities_export_as_entities(sample_project: Path) -> None:
    rows = export_jsonl(sample_project, "entities")
    assert rows and {"label", "sentence_id", "start", "end"} <= set(rows[0])


def test_sample_gold_event_actors_are_found(sample_project: Path) -> None:
    gold = json.loads((REPO / "tests" / "fixtures" / "sample_gold.json").read_text("utf-8"))
    db = sqlite3.connect(db_path(sample_project))
    db.row_factory = sqlite3.Row
    try:
        found, total = score_event_codes(db, gold)
    finally:
        db.close()
    assert total > 20
    assert found / total >= 0.9


def test_seeds_gold_event_actors_are_found(seeds_project: Path, seeds_gold: dict) -> None:
    db = sqlite3.connect(db_path(seeds_project))
    db.row_factory = sqlite3.Row
    try:
        found, total = score_event_codes(db, seeds_gold)
    finally:
        db.close()
    print(f"seeds actor recall {found}/{total} = {found / total:.3f}")
    assert found / total >= 0.9


def test_rerun_is_a_no_op(sample_project: Path) -> None:
    before = export_jsonl(sample_project, "mentions")
    result = invoke("run", "--project", str(sample_project))
    assert result.exit_code == 0, result.output
    assert export_jsonl(sample_project, "mentions") == before


@pytest.mark.parametrize("row, day", [
    ({"published": "2025-06-25"}, date(2025, 6, 25)),
    ({"published": "2025-06-25T10:00:00+00:00"}, date(2025, 6, 25)),
    ({"published": None, "published_earliest": "2023-07-12",
      "published_latest": "2023-07-16"}, date(2023, 7, 14)),
    ({"published": None, "published_earliest": None, "published_latest": None}, None),
    ({"published": "not a date"}, None),
])
def test_document_day(row: dict, day: date | None) -> None:
    assert document_day(row) == day


def test_an_empty_project_has_the_actor_tables(tmp_path: Path) -> None:
    assert invoke("init", "--project", str(tmp_path / "p")).exit_code == 0
    db = sqlite3.connect(db_path(tmp_path / "p"))
    try:
        names = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
    finally:
        db.close()
    assert {"actors", "actor_roles", "actor_mentions", "entities"} <= names
    result = invoke("export", "mentions", "--project", str(tmp_path / "p"), "--format", "csv")
    assert result.exit_code == 0 and result.output == ""
