"""Score an exported stance model against every gate floor without touching the checkout.

    python train/score_candidate.py --model DIR [--only stance#prose sample#stance] [--shared ../shared]

DIR is what ``train/export_onnx.py --out DIR`` wrote. A throw-away git worktree of HEAD gets
DIR's files in place of the shipped stance model; the evaluations run there in a subprocess
(so the shipped model is never loaded by mistake), and every score is printed beside its floor,
the ones under it marked. Exit status 1 when some floor is broken. A candidate's rule is
written in notes/ISSUE-4.md before this is run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MODEL_FILES = ("model.int8.onnx", "tokenizer.json", "training.json", "train.log")
RUN = """
import sys
from pathlib import Path
import policylens
from policylens.eval.gate import check_floors
from policylens.eval.runner import run_evaluations
assert policylens.__file__.startswith(sys.argv[1]), policylens.__file__
scores = run_evaluations(Path(sys.argv[2]), sys.argv[3:])
result = check_floors(scores)
for k in sorted(scores):
    mark = "  BELOW" if k in result.below else ""
    print(f"{k:45} {scores[k]:8.4f}  floor {result.floors.get(k, '-')}{mark}")
sys.exit(1 if result.below else 0)
"""

def score(model: Path, shared: Path, only: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(REPO), "worktree", "add", "-q", "--detach", str(tree), "HEAD"],
                       check=True)
        try:
            target = tree / "src" / "policylens" / "data" / "models" / "stance"
            for name in MODEL_FILES:
                if (model / name).exists():
                    shutil.copy(model / name, target / name)
            src = str(tree / "src")
            return subprocess.run([sys.executable, "-c", RUN, src, str(shared.resolve()), *only],
                                  env={**os.environ, "PYTHONPATH": src}, cwd=tree).returncode
        finally:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)], check=True)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--model", type=Path, required=True, help="a directory written by export_onnx.py")
    p.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    p.add_argument("--only", nargs="*", default=[], help="evaluation keys (default: all)")
    args = p.parse_args()
    if not (args.model / "model.int8.onnx").exists():
        sys.exit(f"{args.model} has no model.int8.onnx: export the checkpoint first (train/export_onnx.py --out DIR)")
    sys.exit(score(args.model, args.shared, args.only))


if __name__ == "__main__":
    main()
