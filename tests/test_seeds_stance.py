"""Seeds end to end: the five document stances and the gold key points (issue 4)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from conftest import export_jsonl
from policylens.eval.seeds_stance import (evidence_funnel, found_keypoints, furniture_keypoints, keypoint_scores,
                                          maximum_matching)

MIN_KEYPOINTS_FOUND = 11
# The targets. The document stances are reached (5 of 5 since stance.claims v7); the key
# points are not yet (measured: 7 of 13; the eval gate pins that as a floor). These tests stay as
# the definition of done and pass, not xfail, once a better model ships.
NOT_YET = pytest.mark.xfail(reason="issue 4 target not reached by the shipped model (v8); see notes/ISSUE-4.md",
                            strict=False)


def test_every_seed_document_stance_is_right(seeds_project: Path, seeds_gold: dict) -> None:
    got = {r["source"]: r["stance"] for r in export_jsonl(seeds_project, "stances")}
    want = {d["file"]: d["stance"] for d in seeds_gold["documents"]}
    assert got == want


@NOT_YET
def test_most_gold_key_points_are_found_on_their_side(seeds_project: Path, seeds_gold: dict) -> None:
    found = found_keypoints(export_jsonl(seeds_project, "keypoints"), seeds_gold["key_points"])
    assert len(found) >= MIN_KEYPOINTS_FOUND, found


def test_no_key_point_is_built_from_page_furniture(seeds_project: Path, seeds_gold: dict) -> None:
    assert furniture_keypoints(export_jsonl(seeds_project, "keypoints"), seeds_gold["documents"]) == 0


def test_the_evidence_funnel_narrows_from_claims_to_key_points(seeds_project: Path, seeds_gold: dict) -> None:
    import sqlite3

    db = sqlite3.connect(seeds_project / "policylens.db")
    try:
        funnel = evidence_funnel(db, seeds_gold["key_points"])
    finally:
        db.close()
    assert 1 >= funnel["evidence_claimed"] >= funnel["evidence_on_side"] >= funnel["evidence_in_keypoints"] > 0


def test_the_evidence_funnel_counts_each_step() -> None:
    import sqlite3

    db = sqlite3.connect(":memory:")
    db.executescript("""
        CREATE TABLE documents (id TEXT, source TEXT);
        CREATE TABLE claims (id TEXT, doc_id TEXT, sentence TEXT, stance TEXT, is_claim INTEGER);
        CREATE TABLE keypoints (id TEXT, side TEXT);
        CREATE TABLE keypoint_claims (keypoint_id TEXT, claim_id TEXT);
        INSERT INTO documents VALUES ('d1', 'a.html'), ('d2', 'b.html');
        INSERT INTO claims VALUES
            ('c1', 'd1', 'Arms sales to Poland will grow fast.', 'pro', 1),
            ('c2', 'd1', 'China will retaliate against Seoul.', 'pro', 1),
            ('c3', 'd2', 'Voters care about prices, not summits.', 'con', 0);
        INSERT INTO keypoints VALUES ('k1', 'pro');
        INSERT INTO keypoint_claims VALUES ('k1', 'c1');
    """)
    gold = [{"side": "pro", "evidence": [{"source": "a.html", "quote": "Arms sales to Poland will grow"}]},
            {"side": "con", "evidence": [{"source": "a.html", "quote": "China will retaliate"},
                                         {"source": "b.html", "quote": "Voters care about prices"},
                                         {"source": "b.html", "quote": "not in any claim"}]}]
    assert evidence_funnel(db, gold) == {"evidence_claimed": 0.5, "evidence_on_side": 0.25,
                                         "evidence_in_keypoints": 0.25}


def test_a_maximum_matching_gives_each_key_point_one_gold_point() -> None:
    assert maximum_matching([("P4", 4), ("P6", 4), ("P6", 3)]) == {"P4", "P6"}
    assert len(maximum_matching([("A", 1), ("B", 1)])) == 1
    assert maximum_matching([]) == set()


def _gold(kid: str, text: str, quote: str) -> dict:
    return {"id": kid, "side": "con", "text": text, "evidence": [{"source": "a.html", "quote": quote}]}


def test_a_label_that_is_the_gold_evidence_says_the_same_thing() -> None:
    quote = "most voters are not concerned with their president missing a distant summit"
    gold = [_gold("C6", "Domestic economic priorities come first", quote)]
    produced = [{"side": "con", "label": "Most voters are not concerned with their president missing a distant summit",
                 "quotes": [{"source": "a.html", "sentence": quote}]}]
    assert found_keypoints(produced, gold) == ["C6"]
    assert found_keypoints([{**produced[0], "side": "pro"}], gold) == []


def test_one_key_point_finds_one_gold_point_however_many_its_quotes_touch() -> None:
    gold = [_gold("C1", "Seoul's ties with China suffer", "relations with China would sour quickly"),
            _gold("C2", "Russia may arm North Korea", "Moscow could send Pyongyang missile parts")]
    quotes = [{"source": "a.html", "sentence": "Relations with China would sour quickly."},
              {"source": "a.html", "sentence": "Moscow could send Pyongyang missile parts."}]
    produced = [{"side": "con", "label": "Relations with China would sour quickly", "quotes": quotes}]
    assert found_keypoints(produced, gold) == ["C1"]


def test_precision_counts_the_key_points_that_make_some_gold_point() -> None:
    quote = "most voters are not concerned with their president missing a distant summit"
    gold = [_gold("C6", "Domestic economic priorities come first", quote)]
    making = {"side": "con", "label": "Most voters are not concerned with their president missing a distant summit",
              "quotes": [{"source": "a.html", "sentence": quote}]}
    wrong_side = {**making, "side": "pro"}
    elsewhere = {**making, "quotes": [{"source": "b.html", "sentence": quote}]}
    db = sqlite3.connect(":memory:")
    db.executescript("CREATE TABLE claims (id, doc_id, sentence, stance, is_claim);"
                     "CREATE TABLE documents (id, source);"
                     "CREATE TABLE keypoint_claims (claim_id, keypoint_id); CREATE TABLE keypoints (id, side);")
    scores = keypoint_scores(db, [making, wrong_side, elsewhere, making], gold)
    assert scores["keypoints_found"] == 1.0
    assert scores["keypoints_precision"] == 0.5
    assert keypoint_scores(db, [], gold)["keypoints_precision"] == 0.0
