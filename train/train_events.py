"""Train the event-type head on ../shared/event_coding/training (never on dev/gold).

    nice -n 10 python train/train_events.py [--shared ../shared]

Data: PLV_train (gold_root, source, target only: the ZSP prediction columns are
dropped), ConfliBERT cameo_class train (quad class: trained through the sum of
its types' probabilities), NGEC synthetic stories (lede sentence, label).
Writes the weights and ``training.json`` (data hashes, command, dev scores).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import sys
import time
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from policylens.eval.event_gold import load_gsr  # noqa: E402
from policylens.events.head import LABELS, NONE, QUAD, SECOND_TEXT, TYPES, WEIGHTS, TypeHead, features  # noqa: E402
from policylens.nlp.embed import encode  # noqa: E402

PLV_KEEP = ("sentence", "source", "target", "gold_root")  # gold columns only
SOURCE_WEIGHT = {"plv": 1.0, "ngec": 0.5, "conflibert": 0.5}  # synthetic / coarse data count less
SEED = 13


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def target_row(label: str) -> np.ndarray:
    row = np.zeros(len(LABELS), dtype=np.float32)
    if label == "YIELD":  # PLV merges CONCEDE and RETREAT
        row[LABELS.index("CONCEDE")] = row[LABELS.index("RETREAT")] = 0.5
    else:
        row[LABELS.index(label)] = 1.0
    return row


def quad_mask(quad: int) -> np.ndarray:
    return np.array([1.0 if QUAD[lab] == quad else 0.0 for lab in LABELS], dtype=np.float32)


def load_plv(path: Path) -> list[tuple]:
    csv.field_size_limit(10**8)
    with open(path, encoding="utf-8", newline="") as fh:
        rows = [{k: r[k] for k in PLV_KEEP} for r in csv.DictReader(fh, delimiter="\t")]
    return [(r["sentence"], (r["source"], r["target"]),
             target_row(r["gold_root"]), "plv") for r in rows]


def load_conflibert(path: Path) -> list[tuple]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            text, label = line.rsplit("\t", 1)
            quad = int(label.strip())
            tgt = target_row(NONE) if quad == 0 else -quad_mask(quad)  # negative: a mask
            out.append((text.strip(), (None, None), tgt, "conflibert"))
    return out


def lede(text: str) -> str:
    first = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", text.strip(), maxsplit=1)[0]
    return first[:400]


def load_ngec(path: Path) -> list[tuple]:
    with zipfile.ZipFile(path) as z:
        name = z.namelist()[0]
        rows = list(csv.DictReader(io.TextIOWrapper(z.open(name), encoding="utf-8")))
    return [(lede(r["text"]), (None, None), target_row(r["label"]), "ngec")
            for r in rows if r["label"] in TYPES and r["text"].strip()]


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, val: np.ndarray, hidden: int = 0,
        l2: float = 1e-4, epochs: int = 600, lr: float = 0.01) -> tuple[TypeHead, int, float]:
    """Full-batch Adam; keeps the epoch with the best held-out training loss."""
    rng = np.random.default_rng(SEED)
    width = hidden or x.shape[1]
    head = TypeHead(rng.normal(0, 0.05, (width, y.shape[1])).astype(np.float32),
                    np.zeros(y.shape[1], dtype=np.float32))
    if hidden:
        head.hidden_w = rng.normal(0, np.sqrt(2 / x.shape[1]), (x.shape[1], hidden)).astype(np.float32)
        head.hidden_b = np.zeros(hidden, dtype=np.float32)
    names = ["weights", "bias"] + (["hidden_w", "hidden_b"] if hidden else [])
    m = {n: np.zeros_like(getattr(head, n)) for n in names}
    v = {n: np.zeros_like(getattr(head, n)) for n in names}
    xt, yt, wt = x[~val], y[~val], w[~val]
    best, best_epoch, best_params = np.inf, 0, {}
    for epoch in range(1, epochs + 1):
        grads = gradients(head, xt, yt, wt, l2)
        for n in names:
            m[n] = 0.9 * m[n] + 0.1 * grads[n]
            v[n] = 0.999 * v[n] + 0.001 * grads[n] ** 2
            step = lr * (m[n] / (1 - 0.9**epoch)) / (np.sqrt(v[n] / (1 - 0.999**epoch)) + 1e-8)
            setattr(head, n, getattr(head, n) - step)
        loss = held_out_loss(head, x[val], y[val])
        if loss < best:
            best, best_epoch = loss, epoch
            best_params = {n: getattr(head, n).copy() for n in names}
    for n, value in best_params.items():
        setattr(head, n, value)
    return head, best_epoch, best


def gradients(head: TypeHead, x: np.ndarray, y: np.ndarray, w: np.ndarray,
              l2: float) -> dict[str, np.ndarray]:
    h = head.hidden(x)
    p = head.probs(x)
    g = (p - targets(p, y)) * w[:, None] / w.sum()
    out = {"weights": h.T @ g + l2 * head.weights, "bias": g.sum(axis=0)}
    if head.hidden_w is not None:
        dh = (g @ head.weights.T) * (h > 0)
        out["hidden_w"] = x.T @ dh + l2 * head.hidden_w
        out["hidden_b"] = dh.sum(axis=0)
    return out


def targets(p: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Soft labels as given; quad-mask rows (negative) become p renormalised in the quad."""
    mask_rows = (y < 0).any(axis=1)
    out = y.copy()
    masked = p[mask_rows] * -y[mask_rows]
    out[mask_rows] = masked / np.clip(masked.sum(axis=1, keepdims=True), 1e-12, None)
    return out


def held_out_loss(head: TypeHead, x: np.ndarray, y: np.ndarray) -> float:
    p = head.probs(x)
    mass = np.where(y < 0, p * -y, p * 0)
    prob = np.where((y < 0).any(axis=1), mass.sum(axis=1), (p * y).sum(axis=1))
    return float(-np.log(np.clip(prob, 1e-12, None)).mean())


def gsr_accuracy(head: TypeHead, shared: Path) -> dict[str, float]:
    recs = load_gsr(shared / "event_coding" / "gold" / "PLOVER_GSR_CAMEO.json")
    make = SECOND_TEXT[head.second]
    x = cached_features([r.text for r in recs],
                        [make(r.text, (r.sources or [None])[0], (r.targets or [None])[0]) for r in recs])
    probs = head.probs(x)[:, :len(TYPES)]
    pred = [TYPES[i] for i in probs.argmax(axis=1)]
    gold = [r.type for r in recs]
    return {"gsr_type_accuracy_given_spans": round(float(np.mean([a == b for a, b in zip(pred, gold)])), 4),
            "gsr_sentences": len(recs)}


def cached_features(sentences: list[str], marked: list[str]) -> np.ndarray:
    """Embeddings are the slow part: cache them by content outside the repo."""
    key = hashlib.sha256("\x00".join(sentences + marked).encode()).hexdigest()[:16]
    path = Path("/tmp") / f"policylens-train-{key}.npy"
    if path.exists():
        return np.load(path)
    x = features(encode, sentences, marked)
    np.save(path, x)
    return x


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    tr = args.shared / "event_coding" / "training"
    files = {"plv": tr / "PLV_train.tsv", "conflibert": tr / "conflibert_cameo_class_train.tsv",
             "ngec": tr / "ngec_gpt_synthetic_events_2023-10-19_19.csv.zip"}
    began = time.time()
    data = load_plv(files["plv"]) + load_conflibert(files["conflibert"]) + load_ngec(files["ngec"])
    xs = {name: cached_features([d[0] for d in data], [make(d[0], *d[1]) for d in data])
          for name, make in SECOND_TEXT.items()}
    y = np.stack([d[2] for d in data])
    w = np.array([SOURCE_WEIGHT[d[3]] for d in data], dtype=np.float32)
    val = np.random.default_rng(SEED).random(len(data)) < 0.1
    trials = {}
    for second, x in xs.items():
        for name, hidden, lr in (("softmax", 0, 0.02), ("mlp256", 256, 0.002)):
            head, epoch, loss = fit(x, y, w, val, hidden=hidden, lr=lr)
            head.second = second
            trials[f"{name}+{second}"] = {"head": head, "best_epoch": epoch,
                                          "held_out_loss": round(loss, 4)}
    chosen = min(trials, key=lambda k: trials[k]["held_out_loss"])  # chosen on held-out training rows
    head, epoch = trials[chosen]["head"], trials[chosen]["best_epoch"]
    WEIGHTS.parent.mkdir(parents=True, exist_ok=True)
    head.save(WEIGHTS)
    report = {"command": "python train/train_events.py", "seed": SEED,
              "data": {k: {"file": str(p.relative_to(args.shared)), "sha256_16": sha(p)}
                       for k, p in files.items()},
              "rows": {k: sum(1 for d in data if d[3] == k) for k in files},
              "source_weights": SOURCE_WEIGHT, "best_epoch": epoch, "chosen": chosen,
              "trials": {k: {kk: vv for kk, vv in t.items() if kk != "head"}
                         for k, t in trials.items()},
              "encoder": "minilm-l6-v2-int8", "seconds": round(time.time() - began, 1),
              "dev": gsr_accuracy(head, args.shared)}
    (WEIGHTS.parent / "training.json").write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
