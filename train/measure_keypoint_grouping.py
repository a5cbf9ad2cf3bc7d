"""Measure how the key-point stage groups arguments, per MAKES_POINT threshold, on ArgKP-2021.

    python train/measure_keypoint_grouping.py --shared ../shared [--split train --topics 3]

Each (topic, stance) is grouped exactly as the stage groups a side's claims
(policylens.eval.grouping, which the gate also uses at the shipped threshold) and compared with
the gold grouping. Printed per threshold: the mean adjusted Rand index (0 = chance) and the mean
pairwise F1, with the pairwise F1 of putting each side's arguments in one group as a baseline.
Choose a threshold on train topics (``--split train``; every ``--topics``-th topic keeps it
short) and report dev: the model has seen the train topics' pairs, never dev's. The seed
articles are not used.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from policylens.eval.grouping import adjusted_rand, gold_groupings, pairwise_f1, scored_graph, stage_groups

GRID = [round(float(t), 2) for t in np.arange(0.30, 0.96, 0.05)]


def topic_arguments(description: str, split: str = "dev", every: int = 1) -> argparse.Namespace:
    """--shared, --split and --topics, as the ArgKP measurement scripts take them."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--split", choices=("dev", "train"), default=split)
    parser.add_argument("--topics", type=int, default=every, help="keep every N-th topic (sorted), from the third")
    return parser.parse_args()


def kept_topics(topics: set[str], every: int) -> set[str]:
    names = sorted(topics)
    return set(names[2::every]) if every > 1 else set(names)


def main() -> None:
    args = topic_arguments(__doc__.splitlines()[0])
    groups = gold_groupings(args.shared / "stance" / "argkp2021" / "kpm_data", args.split)
    kept = kept_topics({t for t, _ in groups}, args.topics)
    f1: dict[float, list[float]] = {t: [] for t in GRID}
    ari: dict[float, list[float]] = {t: [] for t in GRID}
    for (topic, _), (texts, gold) in sorted(groups.items()):
        if topic not in kept:
            continue
        graph = scored_graph(texts)
        for t in GRID:
            found = stage_groups(graph, t)
            f1[t].append(pairwise_f1(found, gold))
            ari[t].append(adjusted_rand(found, gold))
    one_group = np.mean([pairwise_f1([list(range(len(g)))], g)
                         for (topic, _), (_, g) in groups.items() if topic in kept])
    print(json.dumps({
        "split": args.split, "topics": sorted(kept),
        "mean_adjusted_rand": {str(t): round(float(np.mean(v)), 4) for t, v in ari.items()},
        "mean_pairwise_f1": {str(t): round(float(np.mean(v)), 4) for t, v in f1.items()},
        "one_group_pairwise_f1": round(float(one_group), 4)}, indent=1))


if __name__ == "__main__":
    main()
