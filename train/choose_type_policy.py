"""Choose when the event-type model yields to a cue word (``CUE_BELOW`` in events/coder.py).

    PYTHONPATH=src nice -n 10 python train/choose_type_policy.py --shared ../shared

Codes the PLV training rows that ``train_event_types.py`` held out (same seed, same split;
the model never trained on them) through the real span path of ``events code``, once, and
scores every threshold on them: below the threshold the cue word decides, at or above it the
model. No dev set is read. Prints the accuracy per threshold and the best one, and the
accuracy of the shipped threshold with and without the type the codebook fixes for meetings.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import event_data as ED  # noqa: E402

from policylens.events.code import Request, _span_request  # noqa: E402
from policylens.events.coder import CUE_BELOW, choose_type, meeting_type, type_candidates  # noqa: E402
from policylens.events.head import TYPES  # noqa: E402
from policylens.events.lexicon import lexicon_type  # noqa: E402
from policylens.nlp.model import load_nlp  # noqa: E402
from policylens.settings import Settings  # noqa: E402

THRESHOLDS = (1.01, 0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.0)


def held_out_plv(shared: Path, seed: int) -> list[tuple]:
    """The PLV rows train_event_types.py held out: PLV rows come first there, and each draws once."""
    rows = ED.load_plv(shared / "event_coding" / "training" / "PLV_train.tsv")
    rng = random.Random(seed)
    return [r for r in rows if rng.random() < 0.1]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    p.add_argument("--seed", type=int, default=13)
    args = p.parse_args()
    nlp = load_nlp(Settings().spacy_model)
    held = held_out_plv(args.shared, args.seed)
    cands, gold = [], []
    for (text, (src, tgt), target, _), doc in zip(held, nlp.pipe([h[0] for h in held])):
        req = Request(0, text=text, source=src or None, target=tgt or None)
        cand = _span_request(req, doc, [])
        if cand is not None:
            cands.append(cand)
            gold.append({TYPES[i] for i, v in enumerate(target[:len(TYPES)]) if v > 0})
    probs = type_candidates(cands)
    cues = [lexicon_type(c.verb, c.top) for c in cands]
    meetings = [meeting_type(c) for c in cands]

    def accuracy(t: float, meeting_rule: bool) -> float:
        right = 0
        for cue, pr, g, meets in zip(cues, probs, gold, meetings):
            chosen = choose_type(cue, pr, require_event=False, cue_below=t, fixed=meets if meeting_rule else None)
            right += chosen is not None and chosen[0] in g
        return round(right / max(len(gold), 1), 4)

    scores = {str(t): accuracy(t, False) for t in THRESHOLDS}
    best = max(THRESHOLDS, key=lambda t: (scores[str(t)], -t))
    print(json.dumps({"held_out_rows": len(held), "coded": len(cands),
                      "with_cue": sum(c is not None for c in cues), "accuracy_by_threshold": scores,
                      "best": best, "typed_as_meetings": sum(m is not None for m in meetings),
                      "shipped_without_meeting_rule": accuracy(CUE_BELOW, False),
                      "shipped_with_meeting_rule": accuracy(CUE_BELOW, True)}, indent=2))


if __name__ == "__main__":
    main()
