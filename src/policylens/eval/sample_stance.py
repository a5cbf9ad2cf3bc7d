"""Document stances and key points on the bundled sample corpus.

The sample's ten articles were written for policylens; tests/fixtures/sample_gold.json gives
each one's stance toward the sample's question, and tests/fixtures/sample_keypoints.json the
key points they argue, annotated by a separate writer who never ran the tool nor saw the seeds'
gold. They are the first thing a user runs, and they are read here exactly as ``analyze``
reads any corpus: a second check beside the seeds, scored as the seeds are.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import PolicylensError
from .sample_meta import SAMPLE_GOLD
from .seeds_stance import analysed, document_stances, keypoint_scores

SAMPLE_KEYPOINTS = SAMPLE_GOLD.with_name("sample_keypoints.json")


def score_sample_stance(sample_dir: Path, gold_path: Path = SAMPLE_GOLD,
                        keypoints_path: Path = SAMPLE_KEYPOINTS) -> dict[str, float]:
    """Share of the sample's documents whose stance toward the gold question is the gold one;
    the gold key points found and the gold evidence funnel."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    points = json.loads(keypoints_path.read_text(encoding="utf-8"))
    if points["question"] != gold["question"]:
        raise PolicylensError(f"{keypoints_path.name} and {gold_path.name} ask different questions: "
                              "annotate the key points toward the sample gold's question")
    with analysed(sample_dir, gold["question"]) as db:
        got = document_stances(db)
        found = keypoint_scores(db, points["key_points"])
    want = {d["file"]: d["stance"] for d in gold["documents"]}
    return {"doc_stance_acc": sum(got.get(f) == s for f, s in want.items()) / len(want), **found}
