"""``policylens analyze`` on the reference articles gives clean documents with gold metadata."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import export_jsonl


def fold(text: str | None) -> str | None:
    return None if text is None else re.sub(r"\s+", " ", text).strip().casefold()


def by_source(seeds_project: Path) -> dict[str, dict]:
    return {d["source"]: d for d in export_jsonl(seeds_project, "documents")}


def test_every_seed_becomes_a_document(seeds_project: Path, seeds_gold: dict) -> None:
    assert sorted(by_source(seeds_project)) == sorted(d["file"] for d in seeds_gold["documents"])


def test_metadata_matches_the_gold(seeds_project: Path, seeds_gold: dict) -> None:
    docs = by_source(seeds_project)
    for gold in seeds_gold["documents"]:
        doc = docs[gold["file"]]
        assert fold(doc["title"]) == fold(gold["title"]), gold["file"]
        assert fold(doc["author"]) == fold(gold["author"]), gold["file"]
        if gold.get("outlet"):
            assert fold(doc["outlet"]) == fold(gold["outlet"]), gold["file"]


def test_dates_fall_in_the_gold_windows(seeds_project: Path, seeds_gold: dict) -> None:
    docs = by_source(seeds_project)
    for gold in seeds_gold["documents"]:
        doc, window = docs[gold["file"]], gold["published"]
        earliest = doc["published"] or doc["published_earliest"]
        latest = doc["published"] or doc["published_latest"]
        assert earliest and latest, gold["file"]
        assert window["earliest"] <= earliest <= latest <= window["latest"], gold["file"]
        assert doc["date_how"] in {"stated", "page", "inferred"}


def test_clean_text_has_no_gold_boilerplate_and_keeps_the_evidence(
        seeds_project: Path, seeds_gold: dict) -> None:
    docs = by_source(seeds_project)
    for gold in seeds_gold["documents"]:
        text = fold(docs[gold["file"]]["text"])
        for line in gold["boilerplate"]:
            assert not any(fold(l) == fold(line) for l in docs[gold["file"]]["text"].split("\n")), line
        quotes = [e["evidence"] for e in gold["events"]] + [gold["stance_evidence"]]
        for quote in quotes:
            assert fold(quote) in text, (gold["file"], quote)
