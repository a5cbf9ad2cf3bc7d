"""Measure how the key-point stage groups arguments, per MAKES_POINT threshold, on ArgKP-2021 dev.

    python train/measure_keypoint_grouping.py --shared ../shared

Each (topic, stance) of ArgKP dev is grouped exactly as the stage groups a side's claims
(policylens.stance.cluster) and compared with the gold grouping: arguments labelled as
making the same single key point belong together; one that makes none (or several)
stands alone. Printed per threshold: the mean adjusted Rand index (0 = chance) and the
mean pairwise F1, with the pairwise F1 of putting each side's arguments in one group as
a baseline. The gate's ArgKP score (mAP of the match head) does not depend on the
threshold, and the seed articles are not used.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.metrics import adjusted_rand_score

from policylens.stance.cluster import (ClaimGraph, candidate_pairs, claim_graph, greedy_cover,
                                       needs_shortlist)
from policylens.stance.keypoints_stage import as_key_point
from policylens.stance.labels import stands_alone
from policylens.stance.model import load_model

sys.path.insert(0, str(Path(__file__).parent))
import data as D  # noqa: E402

GRID = [round(float(t), 2) for t in np.arange(0.30, 0.96, 0.05)]


def gold_groups(root: Path) -> dict[tuple[str, str], tuple[list[str], list[str]]]:
    """(topic, stance) -> (argument texts, gold key point of each or a singleton id)."""
    kp_of = D.single_key_point(root / "stance", "dev")
    groups: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
    for r in D.argkp_arguments(root / "stance", "dev"):
        texts, gold = groups.setdefault((r["topic"], r["stance"]), ([], []))
        texts.append(r["argument"])
        gold.append(kp_of.get(r["arg_id"], "alone:" + r["arg_id"]))
    return groups


def pairwise_f1(found: list[list[int]], gold: list[str]) -> float:
    same_found = {(i, j) for g in found for i in g for j in g if i < j}
    same_gold = {(i, j) for i in range(len(gold)) for j in range(i + 1, len(gold))
                 if gold[i] == gold[j]}
    hits = len(same_found & same_gold)
    if not hits:
        return float(not same_found and not same_gold)
    precision, recall = hits / len(same_found), hits / len(same_gold)
    return 2 * precision * recall / (precision + recall)


def adjusted_rand(found: list[list[int]], gold: list[str]) -> float:
    label = {c: k for k, g in enumerate(found) for c in g}
    return float(adjusted_rand_score(gold, [label[i] for i in range(len(gold))]))


def scored_graph(texts: list[str]) -> ClaimGraph:
    """The stage's graph of these texts, with its pairs scored by the shipped model."""
    model = load_model()
    graph = claim_graph(texts)
    n = len(graph.texts)
    pairs = candidate_pairs(n, model.embed(graph.texts) if needs_shortlist(n) else None)
    scores = model.match([(as_key_point(graph.texts[c]), graph.texts[a]) for c, a in pairs])
    graph.scores = dict(zip(pairs, scores.tolist()))
    return graph


def claim_groups(graph: ClaimGraph, threshold: float, can_lead: list[bool]) -> list[list[int]]:
    node_group = {n: k for k, (_, nodes) in enumerate(greedy_cover(graph, threshold, can_lead))
                  for n in nodes}
    groups: dict[int, list[int]] = defaultdict(list)
    for claim, node in enumerate(graph.node_of):
        groups[node_group[node]].append(claim)
    return list(groups.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    args = parser.parse_args()
    groups = gold_groups(args.shared)
    f1: dict[float, list[float]] = {t: [] for t in GRID}
    ari: dict[float, list[float]] = {t: [] for t in GRID}
    for (topic, stance), (texts, gold) in sorted(groups.items()):
        graph = scored_graph(texts)
        can_lead = [stands_alone(t) for t in graph.texts]  # as the stage does
        for t in GRID:
            found = claim_groups(graph, t, can_lead)
            f1[t].append(pairwise_f1(found, gold))
            ari[t].append(adjusted_rand(found, gold))
    one_group = np.mean([pairwise_f1([list(range(len(g)))], g) for _, g in groups.values()])
    print(json.dumps({
        "mean_adjusted_rand": {str(t): round(float(np.mean(v)), 4) for t, v in ari.items()},
        "mean_pairwise_f1": {str(t): round(float(np.mean(v)), 4) for t, v in f1.items()},
        "one_group_pairwise_f1": round(float(one_group), 4)}, indent=1))


if __name__ == "__main__":
    main()
