"""docs/reliability.md cannot drift: every test it names exists, every case names a test."""

from __future__ import annotations

import re

import pytest

from conftest import REPO

DOC = (REPO / "docs" / "reliability.md").read_text(encoding="utf-8")
NAMED = sorted(set(re.findall(r"`(tests/[\w/]+\.py)::(test_\w+)`", DOC)))


def test_the_document_names_tests() -> None:
    assert len(NAMED) > 40


@pytest.mark.parametrize("path, name", NAMED, ids=[f"{p}::{n}" for p, n in NAMED])
def test_every_test_named_in_reliability_md_exists(path: str, name: str) -> None:
    source = (REPO / path).read_text(encoding="utf-8")
    assert re.search(rf"^def {name}\(", source, re.MULTILINE), f"{path}::{name} is gone"


def test_every_case_row_names_a_test() -> None:
    rows = [line for line in DOC.splitlines()
            if line.startswith("| ") and not line.startswith(("| case", "| property", "|---"))]
    assert rows and all("`tests/" in row for row in rows), [r for r in rows if "`tests/" not in r]
