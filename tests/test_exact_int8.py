"""The int8 models give the same results on every CPU: their integer products are exact.

The yardstick is the same model with each integer product run as an int32 MatMul, which no
CPU rounds or saturates. Without the session option in ``nlp.onnx_text`` this fails on an x86
CPU without VNNI (measured: stance logits off by up to 0.09).
"""

from __future__ import annotations

import numpy as np
import onnx
import onnxruntime as ort
import pytest
from onnx import TensorProto, helper

from policylens.events import head as events
from policylens.nlp.onnx_text import OnnxTextModel, feeds, session_options
from policylens.stance import model as stance

MODELS = {"stance": (stance.MODEL_DIR / "model.int8.onnx", lambda: stance.load_model().model),
          "events": (events.MODEL_DIR / "type_model.int8.onnx", lambda: events.load_model().model)}
PAIRS = [("Should Seoul attend the NATO summit?", "Skipping it saves Lee an awkward photo with leaders "
          "who call Beijing a systemic challenge."),
         ("nuclear power", "Reactors remain the cheapest low-carbon electricity we can build at scale."),
         ("Should Brazil join OPEC+?", "Quotas set elsewhere would cap the output of fields Petrobras "
          "spent a decade developing.")]


def int32_products(model: onnx.ModelProto) -> onnx.ModelProto:
    """``model`` with every MatMulInteger(a, w, a_zero) run as MatMul((a - a_zero), w) in int32."""
    nodes = []
    for node in model.graph.node:
        if node.op_type != "MatMulInteger":
            nodes.append(node)
            continue
        assert len(node.input) < 4 or _zero_initializer(model, node.input[3]), "weights are symmetric"
        a, w, zero = node.input[:3]
        p = f"{node.name}/int32"
        nodes += [helper.make_node("Cast", [a], [f"{p}/a"], to=TensorProto.INT32),
                  helper.make_node("Cast", [zero], [f"{p}/zero"], to=TensorProto.INT32),
                  helper.make_node("Sub", [f"{p}/a", f"{p}/zero"], [f"{p}/centred"]),
                  helper.make_node("Cast", [w], [f"{p}/w"], to=TensorProto.INT32),
                  helper.make_node("MatMul", [f"{p}/centred", f"{p}/w"], [node.output[0]], name=p)]
    del model.graph.node[:]
    model.graph.node.extend(nodes)
    return model


def _zero_initializer(model: onnx.ModelProto, name: str) -> bool:
    init = next(i for i in model.graph.initializer if i.name == name)
    return not np.any(onnx.numpy_helper.to_array(init))


@pytest.mark.parametrize("name", sorted(MODELS))
def test_int8_products_are_exact_on_this_cpu(name: str) -> None:
    path, loaded = MODELS[name]
    shipped: OnnxTextModel = loaded()
    graph = int32_products(onnx.load(str(path)))
    assert any(n.op_type == "MatMul" and n.name.endswith("/int32") for n in graph.graph.node)
    yardstick = ort.InferenceSession(graph.SerializeToString(), session_options(),
                                     providers=["CPUExecutionProvider"])
    outputs = [o.name for o in shipped.session.get_outputs()]
    for encoding in shipped.tokenizer.encode_batch(PAIRS):
        got = shipped.session.run(outputs, feeds(encoding))
        want = yardstick.run(outputs, feeds(encoding))
        for out, g, w in zip(outputs, got, want):
            assert np.array_equal(g, w), f"{name}.{out} differs from exact int32 products"
