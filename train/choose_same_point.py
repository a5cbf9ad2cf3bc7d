"""Choose the key-point stage's SAME_POINT threshold on ArgKP-2021 dev argument groups.

    python train/choose_same_point.py --shared ../shared

The stage clusters claims by average linkage over match probabilities. Here each
(topic, stance) of ArgKP dev is clustered exactly as the stage does it, and compared
with the gold grouping: arguments labelled as making the same single key point belong
together; an argument that makes no key point (or several) stands alone. The threshold
with the best mean pairwise F1 over the groups is chosen. The gate's ArgKP score (mAP of
the match head) does not depend on this threshold, and the seed articles are not used.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import defaultdict
from pathlib import Path

import numpy as np

from policylens.stance.cluster import (add_scores, average_linkage, candidate_pairs, claim_graph,
                                       needs_shortlist)
from policylens.stance.model import load_model

GRID = [round(t, 2) for t in np.arange(0.30, 0.96, 0.05)]


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def gold_groups(root: Path) -> dict[tuple[str, str], tuple[list[str], list[str]]]:
    """(topic, stance) -> (argument texts, gold key point of each or a singleton id)."""
    kpm = root / "stance" / "argkp2021" / "kpm_data"
    matches: dict[str, list[str]] = defaultdict(list)
    for r in _read(kpm / "labels_dev.csv"):
        if r["label"] == "1":
            matches[r["arg_id"]].append(r["key_point_id"])
    groups: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
    for r in _read(kpm / "arguments_dev.csv"):
        texts, gold = groups.setdefault((r["topic"], r["stance"]), ([], []))
        kps = matches.get(r["arg_id"], [])
        texts.append(r["argument"])
        gold.append(kps[0] if len(kps) == 1 else "alone:" + r["arg_id"])
    return groups


def pairwise_f1(found: list[list[int]], gold: list[str]) -> float:
    same_found = {(i, j) for g in found for i in g for j in g if i < j}
    same_gold = {(i, j) for i in range(len(gold)) for j in range(i + 1, len(gold))
                 if gold[i] == gold[j]}
    if not same_found and not same_gold:
        return 1.0
    hits = len(same_found & same_gold)
    precision = hits / len(same_found) if same_found else 0.0
    recall = hits / len(same_gold) if same_gold else 0.0
    return 2 * precision * recall / (precision + recall) if hits else 0.0


def scored_graph(texts: list[str]):  # type: ignore[no-untyped-def]
    model = load_model()
    graph = claim_graph(texts)
    n = len(graph.texts)
    vecs = model.embed(graph.texts) if needs_shortlist(n) else None
    pairs = candidate_pairs(n, vecs)
    add_scores(graph, pairs, model.match([(graph.texts[i], graph.texts[j]) for i, j in pairs]))
    return graph


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    args = parser.parse_args()
    scores: dict[float, list[float]] = {t: [] for t in GRID}
    for (topic, stance), (texts, gold) in sorted(gold_groups(args.shared).items()):
        graph = scored_graph(texts)
        for t in GRID:
            scores[t].append(pairwise_f1(average_linkage(graph, t), gold))
        print(topic, stance, len(texts), {t: round(scores[t][-1], 3) for t in GRID[::2]})
    means = {t: round(float(np.mean(v)), 4) for t, v in scores.items()}
    best = max(GRID, key=lambda t: (means[t], -abs(t - 0.5)))
    print(json.dumps({"mean_pairwise_f1": means, "chosen": best}, indent=1))


if __name__ == "__main__":
    main()
