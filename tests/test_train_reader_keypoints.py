"""The reader-swap diagnosis of train/ (measure_reader_keypoints.py): gold sides put on readings."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "train"))
import measure_reader_keypoints as R  # noqa: E402

SPLIT = np.array([0.30, 0.45, 0.25], dtype=np.float32)  # read con, its sided mass split


@pytest.mark.parametrize("how, expected", [
    ("swap", [0.45, 0.30, 0.25]),  # the larger side becomes pro, the confidence unchanged
    ("mass", [0.75, 0.0, 0.25]),  # all the sided mass on pro, neutral kept
    ("firm", [0.9, 0.05, 0.05]),
])
def test_a_reading_is_put_on_the_gold_side(how: str, expected: list[float]) -> None:
    assert R.on_gold_side(SPLIT, "pro", how) == pytest.approx(expected)


def test_a_reading_already_on_the_gold_side_is_not_swapped() -> None:
    assert R.on_gold_side(SPLIT, "con", "swap") == pytest.approx(SPLIT)


def test_only_sentences_holding_a_gold_quote_of_one_side_are_changed() -> None:
    quotes = [("skipping the summit made sense on costs", "con"),
              ("the summit is a chance to sell arms", "pro"),
              ("the summit is a chance", "con")]

    def shipped(pairs):
        return np.tile(SPLIT, (len(pairs), 1))

    read = R.gold_reader(shipped, quotes, "mass")
    got = read([("Q?", "For Seoul, skipping the summit made sense on costs alone."),
                ("Q?", "Nothing here is quoted by the gold."),
                ("Q?", "As a rule the summit is a chance to sell arms to Europe.")])  # both sides
    assert got[0] == pytest.approx([0.0, 0.75, 0.25])
    assert got[1] == pytest.approx(SPLIT) and got[2] == pytest.approx(SPLIT)


def test_the_development_gold_quotes_carry_their_sides(seeds_dir: Path) -> None:
    quotes = R.dev_gold_quotes(seeds_dir.parent.parent)  # ../shared
    assert len(quotes) == 32 + 40 + 47
    assert {side for _, side in quotes} == {"pro", "con"}


@pytest.mark.parametrize("name, says", [("gold-sharp", "gold-swap, gold-mass, gold-firm"),
                                        ("epoch-1.pt", "CHECKPOINT:ENCODER")])
def test_an_unknown_reader_is_refused_with_the_choices(name: str, says: str) -> None:
    with pytest.raises(SystemExit, match=says):
        R.reader(name, lambda pairs: np.zeros((len(pairs), 3)), Path("."))
