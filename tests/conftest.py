"""Shared fixtures: the ../shared data folder, temporary projects, the spaCy model."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("POLICYLENS_SHARED", REPO.parent / "shared"))


def require_shared(*parts: str) -> Path:
    """Path under ../shared; skip when absent on a user's clone, fail under CI."""
    path = SHARED.joinpath(*parts)
    if path.exists():
        return path
    if os.environ.get("CI") == "true":
        pytest.fail(f"{path} is missing: CI must run with ../shared beside the repo")
    pytest.skip(f"{path} not found: the reference data in ../shared is not beside this clone")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return require_shared("corpus", "seeds")


@pytest.fixture(scope="session")
def seeds_gold() -> dict:
    return json.loads(require_shared("gold", "seeds.json").read_text(encoding="utf-8"))
