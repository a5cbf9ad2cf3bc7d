"""Stance on analytic policy prose: sentences written for policylens on ten debates the tool
is not tuned on (``tests/fixtures/stance_prose_test.jsonl``; none about South Korea or NATO).

Each line is {"debate", "question", "text", "stance"}; the sentence is read against the
question exactly as ``policylens stance code`` reads it. Scores: 3-class macro-F1, F1 of pro
and of con, and accuracy.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from ..stance.framing import framed_stance
from ..stance.model import STANCES, load_model
from .stance_corpora import f1_scores

PROSE_TEST = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "stance_prose_test.jsonl"
SIDES = {stance: i for i, stance in enumerate(STANCES)}  # the head's output order


def read_prose(path: Path = PROSE_TEST) -> list[dict]:
    """The rows of a written-prose file (the test, or a training file under train/data)."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def score_prose(path: Path = PROSE_TEST) -> dict[str, float]:
    rows = read_prose(path)
    probs = framed_stance(load_model(), [(r["question"], r["text"]) for r in rows])
    gold = [SIDES[r["stance"]] for r in rows]
    pred = [int(i) for i in np.argmax(probs, axis=1)]
    f1 = f1_scores(gold, pred)
    accuracy = sum(g == p for g, p in zip(gold, pred)) / len(rows)
    return {"macro_f1": float(np.mean(f1)), "pro_f1": f1[0], "con_f1": f1[1], "accuracy": accuracy}
