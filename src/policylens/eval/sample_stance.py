"""Document stances and key points on the corpora written for policylens, scored as the seeds'.

The bundled sample's ten articles: tests/fixtures/sample_gold.json gives each one's stance
toward the sample's question, and tests/fixtures/sample_keypoints.json the key points they
argue, annotated by a separate writer who never ran the tool nor saw the seeds' gold. The
held-out corpus (tests/fixtures/heldout_taurus/): eight articles on another question
("Should Germany deliver Taurus cruise missiles to Ukraine?") with their stances and key points,
written by a writer who never ran the tool. Each is read exactly as ``analyze`` reads any
corpus.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import PolicylensError
from .sample_meta import SAMPLE_GOLD
from .seeds_stance import analysed, aspect_accuracy, document_stances, keypoint_scores, produced_keypoints

SAMPLE_KEYPOINTS = SAMPLE_GOLD.with_name("sample_keypoints.json")
HELDOUT = SAMPLE_GOLD.parent / "heldout_taurus"
# development corpora: written apart like the held-out one, but open to diagnosis
DEV_CORPORA = {"dev_eu": SAMPLE_GOLD.parent / "dev_ukraine_eu",
               "dev_opec": SAMPLE_GOLD.parent / "dev_brazil_opec"}


def score_sample_stance(sample_dir: Path, gold_path: Path = SAMPLE_GOLD,
                        keypoints_path: Path = SAMPLE_KEYPOINTS) -> dict[str, float]:
    """Share of the sample's documents whose stance toward the gold question is the gold one;
    the gold key points found and the gold evidence funnel."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    points = json.loads(keypoints_path.read_text(encoding="utf-8"))
    if points["question"] != gold["question"]:
        raise PolicylensError(f"{keypoints_path.name} and {gold_path.name} ask different questions: "
                              "annotate the key points toward the sample gold's question")
    return score_written_corpus(sample_dir, gold["question"], gold["documents"], points["key_points"])


def score_gold_folder(folder: Path) -> dict[str, float]:
    """A written corpus in ``folder/corpus`` with its ``folder/gold.json`` (the held-out corpus or
    a development one), scored by ``score_written_corpus``."""
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    return score_written_corpus(folder / "corpus", gold["question"]["text"], gold["documents"],
                                gold["key_points"])


def score_written_corpus(corpus: Path, question: str, documents: list[dict],
                         key_points: list[dict]) -> dict[str, float]:
    """Share of the documents whose stance toward ``question`` is the gold one; the gold key
    points found, the gold evidence funnel, and the share of gold quotes given their point's
    aspect."""
    with analysed(corpus, question) as db:
        got = document_stances(db)
        found = keypoint_scores(db, produced_keypoints(db), key_points)
    right = sum(got.get(d["file"]) == d["stance"] for d in documents)
    return {"doc_stance_acc": right / len(documents), **found,
            "aspect_acc": aspect_accuracy(key_points, question)}
