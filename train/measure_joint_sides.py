"""Group each side's claims apart, or both sides together with sides given after grouping?

    python train/measure_joint_sides.py --shared ../shared [--split train --topics 8]

Each ArgKP-2021 topic's arguments are read as the claims stage reads a sentence (the topic as
the question) and those read pro or con are kept. (a) ``apart``: each read side grouped as the
stage groups a side, the read side kept; (b) ``together``: all grouped at once, each group's
side the sign of its arguments' summed p_pro - p_con. Printed per method: the mean adjusted
Rand index against the gold key points over the whole topic (an argument making none or
several stands alone) and the mean share of arguments whose group's side is their gold side.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from policylens.eval.grouping import adjusted_rand, gold_groupings, scored_graph, stage_groups
from policylens.stance.coding import code_sentences
from policylens.stance.model import load_model

sys.path.insert(0, str(Path(__file__).parent))
from measure_keypoint_grouping import kept_topics, topic_arguments  # noqa: E402

Topic = tuple[list[str], list[str], list[str]]  # texts, gold key point (or own id), gold side


def topics(root: Path, split: str) -> dict[str, Topic]:
    """Each topic's arguments of both sides, with their gold key points and gold sides."""
    out: dict[str, Topic] = {}
    for (topic, stance), (texts, gold) in gold_groupings(root, split).items():
        all_texts, all_gold, sides = out.setdefault(topic, ([], [], []))
        all_texts += texts
        all_gold += gold
        sides += ["pro" if stance == "1" else "con"] * len(texts)
    return out


def grouped(texts: list[str]) -> list[list[int]]:
    return stage_groups(scored_graph(texts)) if texts else []


def measure(topic: str, data: Topic) -> dict[str, tuple[float, float]]:
    texts, gold, sides = data
    coded = code_sentences(load_model(), [(t, topic) for t in texts], aspect_for=lambda c: False)
    keep = [i for i, c in enumerate(coded) if c.stance in ("pro", "con")]
    lean = {i: coded[i].p_pro - coded[i].p_con for i in keep}
    apart: list[tuple[list[int], str]] = []
    for side in ("pro", "con"):
        members = [i for i in keep if coded[i].stance == side]
        apart += [([members[j] for j in g], side) for g in grouped([texts[i] for i in members])]
    together = [([keep[j] for j in g], "") for g in grouped([texts[i] for i in keep])]
    together = [(g, "pro" if sum(lean[i] for i in g) >= 0 else "con") for g, _ in together]
    kept_gold = [gold[i] for i in keep]
    position = {i: k for k, i in enumerate(keep)}
    return {name: (adjusted_rand([[position[i] for i in g] for g, _ in groups], kept_gold),
                   float(np.mean([side == sides[i] for g, side in groups for i in g])))
            for name, groups in (("apart", apart), ("together", together))}


def main() -> None:
    args = topic_arguments(__doc__.splitlines()[0], split="train", every=8)
    data = topics(args.shared / "stance" / "argkp2021" / "kpm_data", args.split)
    kept = sorted(kept_topics(set(data), args.topics))
    rows = {t: measure(t, data[t]) for t in kept}
    summary = {m: {"mean_adjusted_rand": round(float(np.mean([r[m][0] for r in rows.values()])), 4),
                   "mean_side_accuracy": round(float(np.mean([r[m][1] for r in rows.values()])), 4)}
               for m in ("apart", "together")}
    print(json.dumps({"split": args.split, "per_topic": {t: {m: [round(x, 4) for x in v] for m, v in r.items()}
                                                         for t, r in rows.items()},
                      **summary}, indent=1))


if __name__ == "__main__":
    main()
