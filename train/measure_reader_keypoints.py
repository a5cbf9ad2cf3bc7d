"""What a stance reader would do to the key points: the development evaluations run with the
pipeline's stance readings replaced (a diagnosis, not a gate).

Every stance the pipeline reads (the claims stage's framed readings and their calibration)
comes from the chosen reader; the match head, embeddings, aspects and the judge stay the
shipped model's. Readers:

- ``shipped``: the shipped model (the baseline);
- ``CHECKPOINT:ENCODER``: a torch checkpoint of ``train_stance.py`` (the ``train`` extra);
- ``gold-swap``, ``gold-mass``, ``gold-firm``: the shipped reading, except that a sentence
  holding a gold quote of the development sets is read on that quote's side: pro and con
  swapped where the wrong one is larger (``swap``), all of p_pro + p_con on the gold side
  (``mass``), or 0.9 on it (``firm``). Upper bounds for a better reader, using gold.

    PYTHONPATH=src:train python train/measure_reader_keypoints.py --reader gold-mass
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from measure_prose_sides import DEV_SETS, dev_set_gold, gold_quotes  # noqa: E402

EVALUATIONS = ["seeds_stance", "dev_eu#stance", "dev_opec#stance"]
GOLD_WAYS = ("swap", "mass", "firm")
Read = Callable[[Sequence[tuple[str, str]]], np.ndarray]
GoldQuote = tuple[str, str]  # (quote, side)


def dev_gold_quotes(shared: Path) -> list[GoldQuote]:
    """Every pro or con gold quote of the development sets, with its side."""
    quotes: list[GoldQuote] = []
    for name in DEV_SETS:
        _, texts, is_pro = gold_quotes(dev_set_gold(name, shared))
        quotes += [(t, "pro" if pro else "con") for t, pro in zip(texts, is_pro)]
    return quotes


def gold_side(text: str, quotes: Sequence[GoldQuote]) -> str | None:
    """The side of the gold quotes the sentence holds, if they agree."""
    from policylens.eval.seeds_stance import quote_overlaps

    sides = {side for quote, side in quotes if quote_overlaps(text, quote)}
    return sides.pop() if len(sides) == 1 else None


def on_gold_side(probs: np.ndarray, side: str, how: str) -> np.ndarray:
    """One reading [3] put on ``side`` as ``how`` says (swap, mass or firm)."""
    want = 0 if side == "pro" else 1
    out = probs.copy()
    if how == "swap" and out[want] < out[1 - want]:
        out[[0, 1]] = out[[1, 0]]
    elif how == "mass":
        out[want], out[1 - want] = out[0] + out[1], 0.0
    elif how == "firm":
        out[:] = 0.05
        out[want] = 0.9
    return out


def gold_reader(shipped: Read, quotes: Sequence[GoldQuote], how: str) -> Read:
    def read(pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        probs = np.array(shipped(pairs), dtype=np.float32)
        for i, (_, text) in enumerate(pairs):
            side = gold_side(text, quotes)
            if side:
                probs[i] = on_gold_side(probs[i], side, how)
        return probs
    return read


def reader(name: str, shipped: Read, shared: Path, max_len: int = 96) -> Read:
    if name == "shipped":
        return shipped
    if name.startswith("gold-"):
        how = name.removeprefix("gold-")
        if how not in GOLD_WAYS:
            ways = ", ".join(f"gold-{w}" for w in GOLD_WAYS)
            raise SystemExit(f"--reader {name}: the gold readers are {ways}")
        return gold_reader(shipped, dev_gold_quotes(shared), how)
    if ":" not in name:
        raise SystemExit(f"--reader {name}: give shipped, a gold reader or CHECKPOINT:ENCODER")
    from readers import torch_reader

    checkpoint, encoder = name.rsplit(":", 1)
    return torch_reader(checkpoint, encoder, max_len)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--shared", type=Path, default=Path("../shared"))
    p.add_argument("--reader", default="shipped",
                   help="shipped, gold-swap, gold-mass, gold-firm or CHECKPOINT:ENCODER")
    p.add_argument("--max-len", type=int, default=96, help="tokens a checkpoint reads")
    args = p.parse_args()
    from policylens.eval.runner import run_evaluations
    from policylens.stance.model import load_model

    model = load_model()  # one instance per process: every stage reads through it
    read = reader(args.reader, model.stance, args.shared, args.max_len)
    empty = np.zeros((0, 3), np.float32)
    model.stance = lambda pairs: read(list(pairs)) if pairs else empty  # type: ignore[method-assign]
    scores = run_evaluations(args.shared, only=EVALUATIONS, jobs=1)
    print(json.dumps({"reader": args.reader, **scores}, indent=1))


if __name__ == "__main__":
    main()
