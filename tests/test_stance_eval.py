"""The stance scores on the research dev sets stay at or above their pinned floors."""

from __future__ import annotations

import pytest

from conftest import SHARED, require_shared
from policylens.eval.gate import load_floors
from policylens.eval.stance_corpora import score_stance_corpora


@pytest.mark.slow
def test_stance_dev_scores_meet_their_floors() -> None:
    require_shared("stance", "vast", "vast_dev.reduced.csv")
    scores = {f"stance.{k}": v for k, v in score_stance_corpora(SHARED).items()}
    floors = load_floors()["floors"]
    assert set(scores) <= set(floors), "pin new scores: python -m policylens.eval.gate --update"
    below = {k: (v, floors[k]) for k, v in scores.items() if v < floors[k]}
    assert not below, below
