"""The gold of the corpora written for policylens is well formed: the sample's key points
(tests/fixtures/sample_keypoints.json), the held-out corpus (tests/fixtures/heldout_taurus/) and
the development corpora (tests/fixtures/dev_ukraine_eu/, dev_brazil_opec/).
Each quote is in its article's body, ids are unique, sides, aspects and stances are the allowed
ones."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from policylens.eval.sample_meta import SAMPLE_GOLD
from policylens.eval.sample_stance import DEV_CORPORA, HELDOUT, SAMPLE_KEYPOINTS
from policylens.eval.seeds_stance import quote_overlaps

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "policylens" / "data" / "sample"
SAMPLE_POINTS = json.loads(SAMPLE_KEYPOINTS.read_text(encoding="utf-8"))
WRITTEN = {"heldout": HELDOUT, **DEV_CORPORA}
WRITTEN_GOLD = {name: json.loads((folder / "gold.json").read_text(encoding="utf-8"))
                for name, folder in WRITTEN.items()}
ASPECTS = {"security", "economy", "diplomacy", "domestic", "values", "other"}
GOLD_SETS = {"sample": (SAMPLE, SAMPLE_POINTS["key_points"]),
             **{name: (WRITTEN[name] / "corpus", gold["key_points"]) for name, gold in WRITTEN_GOLD.items()}}


def _visible(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text)))


@pytest.mark.parametrize("name", GOLD_SETS)
def test_every_quote_is_in_its_article(name: str) -> None:
    folder, points = GOLD_SETS[name]
    texts = {p.name: _visible(p) for p in folder.iterdir()}
    missing = [(e["source"], e["quote"]) for k in points for e in k["evidence"]
               if re.sub(r"\s+", " ", e["quote"]) not in texts.get(e["source"], "")]
    assert not missing, missing


@pytest.mark.parametrize("name", GOLD_SETS)
def test_ids_sides_and_aspects_are_the_allowed_ones(name: str) -> None:
    _, points = GOLD_SETS[name]
    assert len({k["id"] for k in points}) == len(points)
    assert {k["side"] for k in points} == {"pro", "con"}
    assert {k["aspect"] for k in points} <= ASPECTS
    assert all(k["id"][0] == k["side"][0].upper() and k["evidence"] for k in points)


def test_the_sample_points_ask_the_sample_question() -> None:
    assert SAMPLE_POINTS["question"] == json.loads(SAMPLE_GOLD.read_text(encoding="utf-8"))["question"]


@pytest.mark.parametrize("name", WRITTEN)
def test_a_written_corpus_has_every_document_and_all_three_stances(name: str) -> None:
    files = {p.name for p in (WRITTEN[name] / "corpus").iterdir()}
    docs = WRITTEN_GOLD[name]["documents"]
    assert {d["file"] for d in docs} == files
    assert {d["stance"] for d in docs} == {"pro", "con", "neutral"}
    assert all(e["source"] in files for k in WRITTEN_GOLD[name]["key_points"] for e in k["evidence"])


def test_a_quote_overlaps_only_the_sentence_that_holds_it() -> None:
    quote = SAMPLE_POINTS["key_points"][0]["evidence"][0]["quote"]
    assert quote_overlaps(f"As one writer put it, {quote}.", quote)
    assert not quote_overlaps("Seoul hosted a trade fair on Tuesday.", quote)
