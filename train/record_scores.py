"""Score the shipped stance model on the dev sets and record the scores in its training.json.

    PYTHONPATH=src python train/record_scores.py --shared ../shared
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from policylens.eval.runner import STANCE_CORPORA, run_evaluations
from policylens.stance.model import MODEL_DIR


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--shared", type=Path, default=Path("../shared"))
    p.add_argument("--skip-seeds", action="store_true")
    p.add_argument("--jobs", type=int, default=2, help="evaluations run in this many processes")
    args = p.parse_args()
    only = [f"stance#{name}" for name in STANCE_CORPORA] + ([] if args.skip_seeds else ["seeds_stance"])
    scores = run_evaluations(args.shared, only=only, jobs=args.jobs)
    path = MODEL_DIR / "training.json"
    record = json.loads(path.read_text(encoding="utf-8"))
    record["dev_scores"] = scores
    path.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(scores, indent=2))


if __name__ == "__main__":
    main()
