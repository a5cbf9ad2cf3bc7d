"""Average the weights of fine-tuned checkpoints that share a start into one checkpoint: a
uniform model soup (Wortsman et al., 2022). Runs of one recipe that differ only in their seed
land near each other; their mean is one model, which scored at least the draws' mean on most
dev scores (notes/ISSUE-4.md, session 22).

    python train/soup.py --out train/runs/soup5 train/runs/v18/epoch-1.pt train/runs/v18b/epoch-1.pt

Writes OUT/soup.pt and OUT/meta.json (each member's command, seed and checkpoint hash, and the
training data hashes, which must be the same for every member), ready for export_onnx.py.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).parent))
import data as D  # noqa: E402


def average(checkpoints: list[Path]) -> dict[str, torch.Tensor]:
    """The element-wise mean of the checkpoints' float tensors (others taken from the first)."""
    states = [torch.load(path, map_location="cpu") for path in checkpoints]
    keys = states[0].keys()
    if any(state.keys() != keys for state in states):
        sys.exit("soup: the checkpoints do not hold the same tensors; are they one architecture?")
    return {key: _mean([state[key] for state in states]) for key in keys}


def _mean(tensors: list[torch.Tensor]) -> torch.Tensor:
    if not tensors[0].is_floating_point():
        return tensors[0]
    return torch.stack([t.to(torch.float32) for t in tensors]).mean(0).to(tensors[0].dtype)


def member_record(checkpoint: Path) -> dict:
    meta = json.loads((checkpoint.parent / "meta.json").read_text(encoding="utf-8"))
    return {"checkpoint": str(checkpoint), "sha256": D.sha256(checkpoint),
            "command": meta["command"], "seed": meta["args"]["seed"],
            "init": meta["args"].get("init"), "data_sha256": meta["data_sha256"]}


def soup_meta(members: list[dict]) -> dict:
    data, start = members[0]["data_sha256"], members[0]["init"]
    if any(m["data_sha256"] != data for m in members):
        sys.exit("soup: the members were trained on different data; a soup needs one recipe")
    if any(m["init"] != start for m in members):
        sys.exit("soup: the members start from different checkpoints; average runs of one start")
    return {"command": " ".join(["train/soup.py", *sys.argv[1:]]),
            "members": [{k: v for k, v in m.items() if k != "data_sha256"} for m in members],
            "data_sha256": data}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("checkpoints", type=Path, nargs="+")
    p.add_argument("--out", type=Path, required=True)
    args = p.parse_args()
    if len(args.checkpoints) < 2:
        sys.exit("soup: give at least two checkpoints")
    members = [member_record(path) for path in args.checkpoints]
    args.out.mkdir(parents=True, exist_ok=True)
    torch.save(average(args.checkpoints), args.out / "soup.pt")
    meta = soup_meta(members)
    (args.out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"soup of {len(members)} -> {args.out / 'soup.pt'}")


if __name__ == "__main__":
    main()
