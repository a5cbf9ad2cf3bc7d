"""The two-branch export quantizes the match branch apart (train/export_onnx.py): the nodes
that feed the match logit and the pooled vector, and only those. Needs the train extra."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

onnx = pytest.importorskip("onnx", reason="the train extra (pip install -e '.[train]') is not installed")
pytest.importorskip("torch", reason="the train extra (pip install -e '.[train]') is not installed")
from onnx import TensorProto, helper, numpy_helper  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "train"))
from export_onnx import match_branch_nodes  # noqa: E402


def _weight(name: str, rows: int, cols: int) -> onnx.TensorProto:
    return numpy_helper.from_array(np.ones((rows, cols), dtype=np.float32), name)


def two_branch_graph() -> onnx.GraphProto:
    """x -> embed -> {stance branch -> stance_logits, match branch -> pooled -> match_logit}."""
    nodes = [
        helper.make_node("MatMul", ["x", "w_embed"], ["h"], name="embed"),
        helper.make_node("MatMul", ["h", "w_stance"], ["stance_logits"], name="stance_layer"),
        helper.make_node("MatMul", ["h", "w_match"], ["pooled"], name="match_layer"),
        helper.make_node("Relu", ["pooled"], ["r"], name="act"),
        helper.make_node("MatMul", ["r", "w_head"], ["match_logit"], name="match_head"),
    ]
    return helper.make_graph(
        nodes, "two-branch",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 4])],
        [helper.make_tensor_value_info(n, TensorProto.FLOAT, None)
         for n in ("stance_logits", "pooled", "match_logit")],
        [_weight("w_embed", 4, 4), _weight("w_stance", 4, 3), _weight("w_match", 4, 4),
         _weight("w_head", 4, 1)])


def test_match_branch_is_what_feeds_the_match_outputs() -> None:
    """The shared trunk and the match path, not the stance-only layer."""
    assert sorted(match_branch_nodes(two_branch_graph())) == ["embed", "match_head", "match_layer"]

