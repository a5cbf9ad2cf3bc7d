"""Document stances on the bundled sample corpus against tests/fixtures/sample_gold.json.

The sample's ten articles were written for policylens, and its gold gives each one's stance
toward the sample's question. They are the first thing a user runs, and they are read here
exactly as ``analyze`` reads any corpus: a second check of document stances beside the seeds.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from ..store.export import table_rows
from .sample_meta import SAMPLE_GOLD
from .seeds_stance import analyse_corpus


def score_sample_stance(sample_dir: Path, gold_path: Path = SAMPLE_GOLD) -> dict[str, float]:
    """Share of the sample's documents whose stance toward the gold question is the gold one."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        db = analyse_corpus(sample_dir, gold["question"], Path(tmp) / "project")
        try:
            got = {r["source"]: r["stance"] for r in table_rows(db, "stances")}
        finally:
            db.close()
    want = {d["file"]: d["stance"] for d in gold["documents"]}
    return {"doc_stance_acc": sum(got.get(f) == s for f, s in want.items()) / len(want)}
