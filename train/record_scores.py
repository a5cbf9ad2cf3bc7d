"""Score the shipped stance model on the dev sets and record the scores in its training.json.

    PYTHONPATH=src python train/record_scores.py --shared ../shared
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from policylens.eval.seeds_stance import score_seeds_stance
from policylens.eval.stance_corpora import score_stance_corpora
from policylens.stance.model import MODEL_DIR


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--shared", type=Path, default=Path("../shared"))
    p.add_argument("--skip-seeds", action="store_true")
    args = p.parse_args()
    scores = {f"stance.{k}": round(v, 4) for k, v in score_stance_corpora(args.shared).items()}
    if not args.skip_seeds:
        scores.update({f"seeds_stance.{k}": round(v, 4) for k, v in score_seeds_stance(args.shared).items()})
    path = MODEL_DIR / "training.json"
    record = json.loads(path.read_text(encoding="utf-8"))
    record["dev_scores"] = scores
    path.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(scores, indent=2))


if __name__ == "__main__":
    main()
