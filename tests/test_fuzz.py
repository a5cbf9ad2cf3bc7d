"""The fuzz run: 10,000 generated inputs through the real ingest path, none lost."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from conftest import REPO


def _fuzz_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("fuzz_ingest", REPO / "bench" / "fuzz_ingest.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_small_fuzz_accounts_for_every_input(tmp_path: Path) -> None:
    out = _fuzz_module().fuzz(300, 3, tmp_path)
    assert out["given"] == out["accounted"] == out["reported"] == 300
    assert set(out["by_status"]) == {"ok", "duplicate", "skipped", "error"}


@pytest.mark.slow
def test_fuzz_10000_inputs_accounts_for_every_input(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = _fuzz_module().fuzz(10_000, 7, tmp_path)
    with capsys.disabled():
        print(f"\nfuzz: {out['given']} inputs given, {out['accounted']} accounted for "
              f"({out['by_status']}, {out['seconds']} s)")
    assert out["given"] == out["accounted"] == out["reported"] == 10_000
    assert out["unexpected"] == 0
