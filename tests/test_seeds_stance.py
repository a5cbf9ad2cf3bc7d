"""Seeds end to end: the five document stances and the gold key points (issue 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import export_jsonl
from policylens.eval.seeds_stance import found_keypoints, furniture_keypoints

MIN_KEYPOINTS_FOUND = 11
# The targets. The shipped model (v8) does not reach them yet (measured: 4 of 5
# document stances, 4 of 13 key points; the eval gate pins those as floors). These tests stay as
# the definition of done and pass, not xfail, once a better model ships.
NOT_YET = pytest.mark.xfail(reason="issue 4 target not reached by the shipped model (v8); see notes/ISSUE-4.md",
                            strict=False)


@NOT_YET
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
