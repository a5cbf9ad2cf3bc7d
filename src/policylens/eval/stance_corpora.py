"""Stance and key-point scores on the research corpora in ../shared/stance (dev splits).

- VAST dev: 3-class macro-F1 and F1 of pro and of con.
- ArgKP-2021 dev: key-point matching mAP, strict and relaxed, as the shared task scored it:
  each argument is assigned its best-scoring key point of the same topic and stance; per
  (topic, stance) the top half of arguments by score are kept and their average precision taken;
  pairs without a gold label count as wrong (strict) or right (relaxed); the mean over groups.
  Also the pro/con accuracy of the stance head on the dev arguments, and how the key-point
  stage groups the dev arguments (adjusted Rand index and pairwise F1, ``grouping.py``).
- IBM claim stance: pro/con accuracy on the topics held out of training (listed in the model's
  training.json); the other topics were trained on, so they are not scored.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

import numpy as np

from ..stance.framing import framed_stance
from ..stance.model import MODEL_DIR, load_model

VAST_TO_OURS = {"1": 0, "0": 1, "2": 2}


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def f1_scores(gold: list[int], pred: list[int], classes: int = 3) -> list[float]:
    out = []
    for c in range(classes):
        tp = sum(g == c and p == c for g, p in zip(gold, pred))
        fp = sum(g != c and p == c for g, p in zip(gold, pred))
        fn = sum(g == c and p != c for g, p in zip(gold, pred))
        out.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return out


def score_vast(shared: Path) -> dict[str, float]:
    rows = _read(shared / "stance" / "vast" / "vast_dev.reduced.csv")
    probs = framed_stance(load_model(), [(r["Target"], r["Tweet"]) for r in rows])
    f1 = f1_scores([VAST_TO_OURS[r["Stance"]] for r in rows], list(np.argmax(probs, axis=1)))
    return {"macro_f1": float(np.mean(f1)), "pro_f1": f1[0], "con_f1": f1[1]}


def average_precision(labels: list[int], scores: list[float]) -> float:
    """Area under the precision-recall steps, thresholds at each distinct score."""
    order = np.argsort(-np.asarray(scores), kind="stable")
    y, s = np.asarray(labels)[order], np.asarray(scores)[order]
    positives = y.sum()
    if positives == 0:
        return 0.0
    ap, prev_recall = 0.0, 0.0
    for i in range(len(y)):
        if i + 1 < len(y) and s[i + 1] == s[i]:
            continue  # ties share one threshold
        tp = y[:i + 1].sum()
        recall = tp / positives
        ap += (recall - prev_recall) * (tp / (i + 1))
        prev_recall = recall
    return float(ap)


def score_argkp(shared: Path) -> dict[str, float]:
    root = shared / "stance" / "argkp2021" / "kpm_data"
    args, kps = _read(root / "arguments_dev.csv"), _read(root / "key_points_dev.csv")
    labels = {(r["arg_id"], r["key_point_id"]): int(r["label"]) for r in _read(root / "labels_dev.csv")}
    by_group = defaultdict(list)
    for kp in kps:
        by_group[(kp["topic"], kp["stance"])].append(kp)
    pairs = [(a, kp) for a in args for kp in by_group[(a["topic"], a["stance"])]]
    scores = load_model().match([(kp["key_point"], a["argument"]) for a, kp in pairs])
    best: dict[str, tuple[float, str]] = {}
    for (a, kp), s in zip(pairs, scores):
        if a["arg_id"] not in best or s > best[a["arg_id"]][0]:
            best[a["arg_id"]] = (float(s), kp["key_point_id"])
    out = {f"map_{m}": _map(args, best, labels, m) for m in ("strict", "relaxed")}
    probs = framed_stance(load_model(), [(a["topic"], a["argument"]) for a in args])
    out["stance_acc"] = float(np.mean([(p[0] > p[1]) == (a["stance"] == "1") for a, p in zip(args, probs)]))
    return out


def _map(args: list[dict], best: dict, labels: dict, mode: str) -> float:
    groups = defaultdict(list)
    for a in args:
        score, kp = best.get(a["arg_id"], (0.0, None))
        label = labels.get((a["arg_id"], kp)) if kp else 0
        groups[(a["topic"], a["stance"])].append((score, (1 if mode == "relaxed" else 0) if label is None else label))
    aps = []
    for items in groups.values():
        top = sorted(items, key=lambda x: -x[0])[: int(len(items) * 0.5)]
        aps.append(average_precision([y for _, y in top], [s for s, _ in top]))
    return float(np.mean(aps))


def score_ibm(shared: Path) -> dict[str, float]:
    held = set(json.loads((MODEL_DIR / "training.json").read_text(encoding="utf-8"))["ibm_heldout_topics"])
    rows = [r for r in _read(shared / "stance" / "ibm_claim_stance" / "claim_stance_train.csv")
            if r["topicText"] in held]
    probs = framed_stance(load_model(), [(r["topicText"], r["claims.claimCorrectedText"]) for r in rows])
    correct = [(p[0] > p[1]) == (r["claims.stance"] == "PRO") for r, p in zip(rows, probs)]
    return {"heldout_acc": float(np.mean(correct)), "heldout_n": float(len(rows))}


def score_argkp_grouping(shared: Path) -> dict[str, float]:
    from .grouping import score_grouping  # it imports this module's reader

    return score_grouping(shared / "stance" / "argkp2021" / "kpm_data")


# evaluation name -> (scorer, prefix of its scores); each runs on its own so that the gate can
# share them out over processes (their gold files are named in ``runner.STANCE_CORPORA``).
CORPORA = {
    "vast": (score_vast, "vast"),
    "argkp": (score_argkp, "argkp"),
    "argkp_grouping": (score_argkp_grouping, "argkp"),
    "ibm": (score_ibm, "ibm"),
}


def score_stance_corpus(shared: Path, name: str) -> dict[str, float]:
    """One research corpus's scores, named ``<corpus>.<metric>``."""
    scorer, prefix = CORPORA[name]
    return {f"{prefix}.{k}": v for k, v in scorer(shared).items()}
