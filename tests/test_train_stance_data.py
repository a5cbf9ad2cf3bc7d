"""The training pairs of the stance model (train/data.py): rewritten motions and claim targets."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import require_shared

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "train"))
import data as D  # noqa: E402


@pytest.mark.parametrize("motion, negated", [
    ("We should ban boxing", "We should not ban boxing"),
    ("Should we subsidize space exploration?", "Should we not subsidize space exploration?"),
    ("Advertising is harmful", "Advertising is not harmful"),
    ("Should South Korea deepen its ties with NATO?", None),  # no pronoun subject to negate after
    ("Boxing harms people", None),  # no modal or copula
])
def test_a_motion_is_negated_at_its_first_modal_or_copula(motion: str, negated: str | None) -> None:
    assert D.negated_motion(motion) == negated


def test_claim_targets_come_from_training_topics_with_their_sentiment() -> None:
    root = require_shared("stance")
    targets = D.ibm_claim_targets(root)
    _, held_out = D.ibm_split(root)
    held_topics = {p.group for p in held_out}
    assert targets and not any(p.group in held_topics for p in targets)
    assert all(p.task == "stance" and p.label in (0, 1) for p in targets)
    assert all(p.text_a and p.text_a.lower() in p.text_b.lower() for p in targets[:50])
    assert {p.label for p in targets} == {0, 1}  # both sentiments occur
