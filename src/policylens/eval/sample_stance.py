"""Document stances on the bundled sample corpus against tests/fixtures/sample_gold.json.

The sample's ten articles were written for policylens, and its gold gives each one's stance
toward the sample's question. They are the first thing a user runs, and they are read here
exactly as ``analyze`` reads any corpus: a second check of document stances beside the seeds.
"""

from __future__ import annotations

import json
from pathlib import Path

from .sample_meta import SAMPLE_GOLD
from .seeds_stance import analysed, document_stances


def score_sample_stance(sample_dir: Path, gold_path: Path = SAMPLE_GOLD) -> dict[str, float]:
    """Share of the sample's documents whose stance toward the gold question is the gold one."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    with analysed(sample_dir, gold["question"]) as db:
        got = document_stances(db)
    want = {d["file"]: d["stance"] for d in gold["documents"]}
    return {"doc_stance_acc": sum(got.get(f) == s for f, s in want.items()) / len(want)}
