"""How the key-point stage groups arguments, scored on ArgKP-2021 dev.

Each (topic, stance) of ArgKP dev is grouped exactly as the stage groups one side's claims
(``stance.cluster``) and compared with the gold grouping: arguments labelled as making the
same single key point belong together; one that makes none (or several) stands alone.
Reported: the mean adjusted Rand index (0 = chance, 1 = the gold grouping) and the mean
pairwise F1 over the (topic, stance) groups.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache
from math import comb
from pathlib import Path
from typing import Sequence

import numpy as np

from ..stance.cluster import (MAKES_POINT, ClaimGraph, candidate_pairs, claim_graph, group_claims,
                              needs_shortlist)
from ..stance.keypoints_stage import as_key_point
from ..stance.labels import stands_alone
from ..stance.model import load_model
from .stance_corpora import _read

Groups = list[list[int]]


def gold_groupings(root: Path, split: str = "dev") -> dict[tuple[str, str], tuple[list[str], list[str]]]:
    """(topic, stance) -> (argument texts, the gold key point of each or an id of its own)."""
    made: dict[str, list[str]] = defaultdict(list)
    for r in _read(root / f"labels_{split}.csv"):
        if r["label"] == "1":
            made[r["arg_id"]].append(r["key_point_id"])
    groups: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
    for r in _read(root / f"arguments_{split}.csv"):
        texts, gold = groups.setdefault((r["topic"], r["stance"]), ([], []))
        texts.append(r["argument"])
        kps = made.get(r["arg_id"], [])
        gold.append(kps[0] if len(kps) == 1 else "alone:" + r["arg_id"])
    return groups


def adjusted_rand(found: Groups, gold: Sequence[str]) -> float:
    """Hubert and Arabie's adjusted Rand index of a grouping against gold labels."""
    label = {i: k for k, g in enumerate(found) for i in g}
    cells = Counter((label[i], gold[i]) for i in range(len(gold)))
    pairs = sum(comb(c, 2) for c in cells.values())
    a = sum(comb(c, 2) for c in Counter(label[i] for i in range(len(gold))).values())
    b = sum(comb(c, 2) for c in Counter(gold).values())
    expected = a * b / comb(len(gold), 2) if len(gold) > 1 else 0.0
    best = (a + b) / 2
    return 1.0 if best == expected else float((pairs - expected) / (best - expected))


def pairwise_f1(found: Groups, gold: Sequence[str]) -> float:
    """F1 of the pairs put together against the pairs that belong together."""
    same_found = {(i, j) for g in found for i in g for j in g if i < j}
    same_gold = {(i, j) for i in range(len(gold)) for j in range(i + 1, len(gold)) if gold[i] == gold[j]}
    hits = len(same_found & same_gold)
    if not hits:
        return float(not same_found and not same_gold)
    precision, recall = hits / len(same_found), hits / len(same_gold)
    return 2 * precision * recall / (precision + recall)


def scored_graph(texts: list[str]) -> ClaimGraph:
    """The stage's graph of these texts, its pairs scored by the shipped model."""
    model = load_model()
    graph = claim_graph(texts)
    n = len(graph.texts)
    pairs = candidate_pairs(n, model.embed(graph.texts) if needs_shortlist(n) else None)
    scores = model.match([(as_key_point(graph.texts[c]), graph.texts[a]) for c, a in pairs])
    graph.scores = dict(zip(pairs, scores.tolist()))
    return graph


def stage_groups(graph: ClaimGraph, threshold: float = MAKES_POINT) -> Groups:
    """The stage's groups of the input texts (copies of a text go with it)."""
    can_lead = [stands_alone(t) for t in graph.texts]
    group_of = {node: k for k, (_, nodes) in enumerate(group_claims(graph, threshold, can_lead))
                for node in nodes}
    groups: dict[int, list[int]] = defaultdict(list)
    for i, node in enumerate(graph.node_of):
        groups[group_of[node]].append(i)
    return list(groups.values())


def score_grouping(root: Path) -> dict[str, float]:
    """Mean adjusted Rand index and pairwise F1 of the stage's grouping on ArgKP dev (computed
    once per process: ~90,000 match passes, and the gate, its CLI and the tests all ask)."""
    return dict(_score_grouping(root.resolve()))


@lru_cache(maxsize=None)
def _score_grouping(root: Path) -> tuple[tuple[str, float], ...]:
    ari, f1 = [], []
    for texts, gold in gold_groupings(root).values():
        found = stage_groups(scored_graph(texts))
        ari.append(adjusted_rand(found, gold))
        f1.append(pairwise_f1(found, gold))
    return (("grouping_ari", float(np.mean(ari))), ("grouping_f1", float(np.mean(f1))))
