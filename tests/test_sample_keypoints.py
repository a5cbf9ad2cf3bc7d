"""The sample corpus's gold key points (tests/fixtures/sample_keypoints.json) are well formed:
each quote is in its article's body, ids are unique, sides and aspects are the allowed ones."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from policylens.eval.sample_meta import SAMPLE_GOLD
from policylens.eval.sample_stance import SAMPLE_KEYPOINTS
from policylens.eval.seeds_stance import quote_overlaps

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "policylens" / "data" / "sample"
GOLD = json.loads(SAMPLE_KEYPOINTS.read_text(encoding="utf-8"))


def _visible(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text)))


def test_every_quote_is_in_its_article() -> None:
    texts = {p.name: _visible(p) for p in SAMPLE.iterdir()}
    missing = [(e["source"], e["quote"]) for k in GOLD["key_points"] for e in k["evidence"]
               if e["quote"] not in texts.get(e["source"], "")]
    assert not missing, missing


def test_ids_sides_and_aspects_are_the_allowed_ones() -> None:
    points = GOLD["key_points"]
    assert len({k["id"] for k in points}) == len(points)
    assert {k["side"] for k in points} == {"pro", "con"}
    assert {k["aspect"] for k in points} <= {"security", "economy", "diplomacy", "domestic", "values"}
    assert all(k["id"][0] == k["side"][0].upper() and k["evidence"] for k in points)


def test_it_asks_the_sample_question() -> None:
    assert GOLD["question"] == json.loads(SAMPLE_GOLD.read_text(encoding="utf-8"))["question"]


def test_a_quote_overlaps_only_the_sentence_that_holds_it() -> None:
    quote = GOLD["key_points"][0]["evidence"][0]["quote"]
    assert quote_overlaps(f"As one writer put it, {quote}.", quote)
    assert not quote_overlaps("Seoul hosted a trade fair on Tuesday.", quote)
