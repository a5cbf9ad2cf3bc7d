"""The stance stages on the bundled sample corpus: exports, provenance, re-runs, new questions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import SAMPLE_QUESTION, export_jsonl, invoke
from policylens.stance.claims_stage import ClaimsStage

STANCE_FIELDS = ["doc_id", "source", "question_id", "question", "stance", "confidence", "evidence"]
KEYPOINT_FIELDS = ["id", "question_id", "label", "side", "aspect", "sources", "quotes", "support"]
ASPECTS = {"security", "economy", "diplomacy", "domestic politics", "values/law", "other"}
# Share of the sample's own gold document stances the pipeline must get right: a regression floor
# pinned at the first measurement (0.4, with the first, one-epoch model; 4 of the 10 gold stances
# are neutral; see notes/ISSUE-4.md). The goal is 1.0.
SAMPLE_STANCE_FLOOR = 0.4


def test_one_stance_per_document_and_question_with_exact_fields(sample_project: Path) -> None:
    stances = export_jsonl(sample_project, "stances")
    docs = export_jsonl(sample_project, "documents")
    assert len(stances) == len(docs)
    texts = {d["id"]: d["text"] for d in docs}
    for row in stances:
        assert list(row) == STANCE_FIELDS
        assert row["question"] == SAMPLE_QUESTION
        assert row["stance"] in {"pro", "con", "neutral", "none"}
        assert 0.0 <= row["confidence"] <= 1.0
        assert isinstance(row["evidence"], list)
        assert all(sentence in texts[row["doc_id"]] for sentence in row["evidence"])


def test_sample_document_stances_agree_with_our_gold(sample_project: Path) -> None:
    gold = json.loads((Path(__file__).parent / "fixtures" / "sample_gold.json").read_text(encoding="utf-8"))
    want = {d["file"]: d["stance"] for d in gold["documents"]}
    got = {r["source"]: r["stance"] for r in export_jsonl(sample_project, "stances")}
    right = sum(got.get(f) == s for f, s in want.items())
    assert right / len(want) >= SAMPLE_STANCE_FLOOR, got


def test_claims_carry_stance_aspect_and_provenance(sample_project: Path) -> None:
    claims = export_jsonl(sample_project, "claims")
    assert any(c["is_claim"] for c in claims)
    for c in claims:
        assert c["stance"] in {"pro", "con", "neutral"}
        assert c["aspect"] in ASPECTS
        assert isinstance(c["is_claim"], bool)
        assert (c["stage"], c["stage_version"]) == (ClaimsStage.name, ClaimsStage.version)


def test_keypoints_have_exact_fields_and_cite_their_sources(sample_project: Path) -> None:
    keypoints = export_jsonl(sample_project, "keypoints")
    assert keypoints
    for kp in keypoints:
        assert list(kp) == KEYPOINT_FIELDS
        assert kp["side"] in {"pro", "con"} and kp["aspect"] in ASPECTS
        assert kp["support"] == len(kp["sources"]) >= 1
        assert {q["source"] for q in kp["quotes"]} <= set(kp["sources"])
        assert all(set(q) == {"source", "sentence"} for q in kp["quotes"])
        assert 4 <= len(kp["label"].split()) <= 21


def test_a_new_question_reruns_the_stance_stage(tmp_path: Path, sample_dir: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in sorted(p.name for p in sample_dir.iterdir() if p.suffix == ".txt")[:2]:
        shutil.copy(sample_dir / name, inputs / name)
    project = str(tmp_path / "p")
    assert invoke("analyze", str(inputs), "--project", project, "--question", SAMPLE_QUESTION).exit_code == 0
    assert invoke("question", "add", "Should Japan join NATO?", "--project", project).exit_code == 0
    assert invoke("run", "--project", project).exit_code == 0
    stances = export_jsonl(Path(project), "stances")
    assert len({r["question_id"] for r in stances}) == 2
    assert len(stances) == 4
    questions = invoke("question", "list", "--project", project).output
    assert "Should Japan join NATO?" in questions


def test_matrix_marks_the_sources_of_each_key_point(sample_project: Path) -> None:
    keypoints = {kp["id"]: kp for kp in export_jsonl(sample_project, "keypoints")}
    result = invoke("keypoints", "matrix", "--project", str(sample_project), "--json")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert {r["id"] for r in rows} == set(keypoints)
    for row in rows:
        makes = {s for s, v in row["cells"].items() if v == "makes"}
        assert makes == set(keypoints[row["id"]]["sources"])
    table = invoke("keypoints", "matrix", "--project", str(sample_project)).output.splitlines()
    assert table[0].split("\t")[:2] == ["side", "key point"] and len(table) == len(rows) + 1


def test_key_point_model_work_goes_to_the_executor_in_chunks(
        sample_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The corpus stage hands its embedding and scoring to the run's executor; the rows are
    the same as when it does the work itself."""
    from policylens.run.executors import InlineExecutor
    from policylens.stance import cluster
    for name, value in (("FULL_PAIRS", 8), ("SHORTLIST", 4), ("REFERENCE", 4)):
        monkeypatch.setattr(cluster, name, value)  # so that the sample's sides are shortlisted
    from policylens.settings import Settings
    from policylens.stages import StageContext
    from policylens.stance import keypoint_work
    from policylens.stance.keypoints_stage import KeypointsStage
    from policylens.stance.labels import MAX_WORDS
    from policylens.store.db import connect, transaction

    shutil.copy(sample_project / "policylens.db", tmp_path / "policylens.db")
    db = connect(tmp_path / "policylens.db")
    with transaction(db):
        db.execute("DELETE FROM keypoint_cache")  # so that every result is computed
    settings = Settings()
    calls: list[tuple[str, int]] = []
    key_points: list[str] = []

    class Recording(InlineExecutor):
        def map_function(self, fn, items):  # type: ignore[no-untyped-def]
            items = list(items)
            calls.extend((fn.__name__, len(chunk)) for chunk in items)
            if fn.__name__ == "match_pairs":
                key_points.extend(kp for chunk in items for kp, _ in chunk)
            return super().map_function(fn, items)

    stage = KeypointsStage()
    alone = stage.process([], StageContext(db=db, settings=settings))
    spread = stage.process([], StageContext(db=db, settings=settings,
                                            executor=Recording(db, settings)))
    assert spread == alone and alone["keypoints"]
    assert {name for name, _ in calls} == {"embed_texts", "match_pairs"}
    assert max(n for name, n in calls if name == "match_pairs") == keypoint_work.MATCH_CHUNK
    # candidates reach the match head in their label form, as its training key points were
    assert key_points and max(len(kp.split()) for kp in key_points) <= MAX_WORDS + 1  # "…"


def test_a_rerun_takes_key_point_model_results_from_the_cache(sample_project: Path,
                                                               tmp_path: Path) -> None:
    """The second run of the key-point stage computes nothing and writes the same rows;
    the cache is added to, never cleared."""
    from policylens.run.executors import InlineExecutor
    from policylens.run.stage_step import replace_corpus_rows
    from policylens.settings import Settings
    from policylens.stages import StageContext
    from policylens.stance.keypoints_stage import KeypointsStage
    from policylens.store.db import connect, transaction

    shutil.copy(sample_project / "policylens.db", tmp_path / "policylens.db")
    db = connect(tmp_path / "policylens.db")
    settings = Settings()
    calls: list[str] = []

    class Recording(InlineExecutor):
        def map_function(self, fn, items):  # type: ignore[no-untyped-def]
            items = list(items)
            calls.extend(fn.__name__ for _ in items)
            return super().map_function(fn, items)

    stage = KeypointsStage()
    cached = db.execute("SELECT count(*) FROM keypoint_cache").fetchone()[0]
    assert cached > 0  # the analysed project filled it
    with transaction(db):
        db.execute("DELETE FROM keypoint_cache WHERE kind = 'match' AND rowid % 2 = 0")
    left = db.execute("SELECT count(*) FROM keypoint_cache").fetchone()[0]
    first = stage.process([], StageContext(db=db, settings=settings, executor=Recording(db, settings)))
    assert set(calls) == {"match_pairs"} and len(first["keypoint_cache"]) == cached - left
    with transaction(db):
        replace_corpus_rows(db, stage, first)
    assert db.execute("SELECT count(*) FROM keypoint_cache").fetchone()[0] == cached
    calls.clear()
    again = stage.process([], StageContext(db=db, settings=settings, executor=Recording(db, settings)))
    assert calls == [] and again["keypoint_cache"] == []
    assert again["keypoints"] == first["keypoints"]
    assert again["keypoint_claims"] == first["keypoint_claims"]
