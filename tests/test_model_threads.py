"""Models run several texts at once in the process the user started, one at a time in workers,
and give the same results either way."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

import numpy as np
import pytest

from policylens.errors import UsageError
from policylens.nlp import onnx_text
from policylens.stance import model as stance

PAIRS = [("Should Seoul attend the NATO summit?", f"Skipping it saves Lee {n} awkward photos with "
          "leaders who call Beijing a systemic challenge.") for n in range(40)]


def test_results_are_the_same_on_one_thread_and_on_several(monkeypatch: pytest.MonkeyPatch) -> None:
    model = stance.load_model().model
    monkeypatch.setenv(onnx_text.THREADS_ENV, "1")
    one = model.run(PAIRS, "stance_logits")
    monkeypatch.setenv(onnx_text.THREADS_ENV, "3")
    several = model.run(PAIRS, "stance_logits")
    assert one.shape == (len(PAIRS), 3)
    assert np.array_equal(one, several)


def test_the_setting_is_read_and_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(onnx_text.THREADS_ENV, "3")
    assert onnx_text.model_threads() == 3
    for bad in ("0", "two", "-1"):
        monkeypatch.setenv(onnx_text.THREADS_ENV, bad)
        with pytest.raises(UsageError, match="POLICYLENS_MODEL_THREADS must be a whole number"):
            onnx_text.model_threads()


def test_automatic_threads_follow_the_usable_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(onnx_text.THREADS_ENV, raising=False)
    monkeypatch.setattr(onnx_text, "_usable_cores", lambda: 2)
    assert onnx_text.model_threads() == 2
    monkeypatch.setattr(onnx_text, "_usable_cores", lambda: 64)
    assert onnx_text.model_threads() == onnx_text.MAX_THREADS


def _threads_in_worker() -> int:
    return onnx_text.model_threads()


def test_a_worker_process_runs_one_text_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(onnx_text.THREADS_ENV, raising=False)
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        assert pool.submit(_threads_in_worker).result() == 1
