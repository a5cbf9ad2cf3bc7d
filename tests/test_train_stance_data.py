"""The training pairs of the stance model (train/data.py): rewritten motions and claim targets."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import require_shared
from policylens.eval.stance_prose import PROSE_TEST

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


def test_synthetic_pairs_take_the_side_of_course_times_judgement() -> None:
    import random

    from synthetic_stance import DEBATES, FAVOURABLE, UNFAVOURABLE, synthetic_stance_pairs

    pairs = synthetic_stance_pairs(random.Random(5))
    germany = DEBATES[0]
    by_text = {p.text_b: p.label for p in pairs if p.group == "synthetic:" + germany.question}
    assert by_text["Berlin has little to lose from sending the missiles to Kyiv."] == 0
    assert by_text["Berlin has little to lose from holding the missiles back."] == 1
    assert by_text["Berlin has much to lose from holding the missiles back."] == 0
    assert {p.label for p in pairs} == {0, 1, 2}
    holding_back = [p.text_b for p in pairs for d in DEBATES for s in d.holding_back if s in p.text_b]
    assert holding_back and not any(d.gain in t or d.cost in t for t in holding_back for d in DEBATES)
    judgements = FAVOURABLE + UNFAVOURABLE
    plain = [t for t in judgements if "{gain}" not in t and "{cost}" not in t]
    per_subject_doing, per_subject_holding = len(judgements) + 3, len(plain) + 3  # + 3 reports
    assert len(pairs) == len(DEBATES) * 2 * (per_subject_doing + per_subject_holding)
    assert not any("Korea" in p.text_a + p.text_b or "NATO" in p.text_a + p.text_b for p in pairs)


PROSE_FILES = sorted((Path(__file__).resolve().parents[1] / "train" / "data").glob("policy_prose_*.jsonl"))


def test_written_prose_keeps_its_labels_and_debates() -> None:
    pairs = D.written_prose(PROSE_FILES)
    assert PROSE_FILES and len(pairs) >= 200 * len(PROSE_FILES)
    assert all(p.task == "stance" and p.group.startswith("prose:") for p in pairs)
    for debate in {p.group for p in pairs}:  # every debate argues both sides and reports
        assert {p.label for p in pairs if p.group == debate} == {0, 1, 2}, debate


def test_written_prose_test_debates_are_not_trained_on_nor_about_the_evaluated_debate() -> None:
    train = D.written_prose(PROSE_FILES)
    test = D.written_prose([PROSE_TEST])
    assert len(test) >= 300
    assert not {p.text_a for p in train} & {p.text_a for p in test}
    assert not {p.text_b for p in train} & {p.text_b for p in test}
    texts = [p.text_a + " " + p.text_b for p in train + test]
    assert not any("Korea" in t or "NATO summit" in t for t in texts)


def test_written_prose_asks_nothing_the_development_sets_ask() -> None:
    questions = {p.text_a for p in D.written_prose(PROSE_FILES + [PROSE_TEST])}
    assert not [q for q in questions if "OPEC" in q]
    assert not [q for q in questions if "Ukraine" in q and any(
        w in q for w in ("member", "admit", "accession", "join"))]
