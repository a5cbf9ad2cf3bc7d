"""The quality gate: scores pinned as floors, with a digest of the gold they came from.

Floors only go up unless lowered on purpose::

    python -m policylens.eval.gate --update                 # raise floors to current scores
    python -m policylens.eval.gate --update --allow-lower --reason "why"
    python -m policylens.eval.gate --update --only seeds_stance   # only these evaluations' floors
"""

from __future__ import annotations

import argparse
import hashlib
import json
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Sequence

from .runner import DEFAULT_SHARED, EVALUATIONS, Scores, run_evaluations, runnable

FLOORS = Path(str(files("policylens") / "eval" / "floors.json"))
MARGIN = 0.02  # floors sit a little under the scores so that noise-free code does not flap


@dataclass
class GateResult:
    floors: Scores
    below: list[str] = field(default_factory=list)


def load_floors() -> dict:
    if not FLOORS.exists():
        return {"floors": {}, "gold_digests": {}, "history": []}
    return json.loads(FLOORS.read_text(encoding="utf-8"))


def check_floors(scores: Scores) -> GateResult:
    floors = load_floors()["floors"]
    below = [k for k, floor in floors.items() if k in scores and scores[k] < floor]
    return GateResult(floors=floors, below=below)


def gold_digest(shared: Path, prefix: str) -> str:
    """Hash of the gold files an evaluation reads, so changed gold is noticed."""
    digest = hashlib.sha256()
    for name in EVALUATIONS[prefix][0]:
        path = shared / name
        paths = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for p in paths:
            digest.update(p.name.encode())
            digest.update(p.read_bytes())
    return digest.hexdigest()[:16]


def update_floors(shared: Path, allow_lower: bool, reason: str | None, jobs: int = 1,
                  only: Sequence[str] = ()) -> list[str]:
    """Raise the floors of every evaluation (or of those in ``only``) to its scores less MARGIN."""
    data = load_floors()
    scores = run_evaluations(shared, only=only, jobs=jobs)
    lowered = []
    for name, value in scores.items():
        new = round(max(0.0, value - MARGIN), 3)
        old = data["floors"].get(name)
        if old is not None and value < old:  # only a score under its floor lowers it
            lowered.append(f"{name}: {old} -> {new}")
            if allow_lower:
                data["floors"][name] = new
            continue
        data["floors"][name] = new if old is None else max(old, new)
    if lowered and not allow_lower:
        raise SystemExit("Refusing to lower floors (use --allow-lower --reason):\n  "
                         + "\n  ".join(lowered))
    data["gold_digests"].update({p: gold_digest(shared, p) for p in runnable(shared, only)})
    if allow_lower:
        data["history"].append({"lowered": lowered, "reason": reason or ""})
    FLOORS.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return [f"{k}: {v}" for k, v in sorted(data["floors"].items())]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true")
    parser.add_argument("--allow-lower", action="store_true")
    parser.add_argument("--reason")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--jobs", type=int, default=1, help="evaluations run in this many processes")
    parser.add_argument("--only", action="append", default=[], metavar="NAME",
                        help="update only this evaluation's floors (repeatable)")
    args = parser.parse_args()
    if args.allow_lower and not args.reason:
        parser.error("--allow-lower needs --reason")
    if args.update:
        print("\n".join(update_floors(args.shared, args.allow_lower, args.reason, args.jobs, args.only)))


if __name__ == "__main__":
    main()
