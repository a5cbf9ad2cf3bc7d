"""Stance distillation in train/train_stance.py: the soft-target loss (needs the train extra)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

torch = pytest.importorskip("torch", reason="the train extra (pip install -e '.[train]') is not installed")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "train"))
import data as D  # noqa: E402
import train_stance as T  # noqa: E402

PAIRS = [D.Pair("Should Seoul join?", "It would deter the North.", "stance", 0),
         D.Pair("Should Seoul join?", "It would anger Beijing.", "stance", 1)]
LOGITS = torch.tensor([[2.0, -1.0, 0.0], [0.5, 0.5, -2.0]])
LABELS = torch.tensor([0, 1])
TAUGHT = {("Should Seoul join?", "It would deter the North."): torch.tensor([0.6, 0.1, 0.3]),
          ("Should Seoul join?", "It would anger Beijing."): torch.tensor([0.2, 0.7, 0.1])}


def test_without_a_teacher_the_loss_is_plain_cross_entropy() -> None:
    plain = torch.nn.functional.cross_entropy(LOGITS, LABELS)
    assert T.stance_loss(LOGITS, LABELS, PAIRS, {}, 0.5) == pytest.approx(plain.item())
    assert T.stance_loss(LOGITS, LABELS, PAIRS, TAUGHT, 0.0) == pytest.approx(plain.item())


def test_with_a_teacher_the_target_mixes_gold_and_teacher() -> None:
    target = 0.5 * torch.nn.functional.one_hot(LABELS, 3).float() + 0.5 * torch.stack(list(TAUGHT.values()))
    expected = -(target * LOGITS.log_softmax(-1)).sum(-1).mean()
    assert T.stance_loss(LOGITS, LABELS, PAIRS, TAUGHT, 0.5) == pytest.approx(expected.item())


def test_the_loss_is_least_when_the_student_reads_as_the_target() -> None:
    target = torch.stack(list(TAUGHT.values()))
    matching = T.stance_loss(target.log(), LABELS, PAIRS, TAUGHT, 1.0)
    assert matching < T.stance_loss(LOGITS, LABELS, PAIRS, TAUGHT, 1.0)
