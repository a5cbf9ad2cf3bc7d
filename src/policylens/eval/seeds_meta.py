"""Score plain-text cleaning and metadata against the seeds gold.

Quotes and boilerplate are compared after folding all white space (no-break
spaces included) to single spaces, as the gold's notes prescribe. A gold
boilerplate string counts as removed when no line of the cleaned text starts
with it; checking whole lines keeps a section label such as "NATO Summit"
from matching the same words inside an article sentence.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from policylens.ingest.clean import clean_plain_text
from policylens.ingest.metadata import extract_metadata
from policylens.model import CleanText, DocMeta

__all__ = ["score_cleaning_and_metadata", "gold_quotes", "date_in_window"]

_WS = re.compile(r"\s+")


def _fold(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _same(found: str | None, gold: str | None) -> bool:
    if found is None or gold is None:
        return found is None and gold is None
    return _fold(found).casefold() == _fold(gold).casefold()


def gold_quotes(gold: dict, doc: dict) -> list[str]:
    """Every evidence quote the gold takes from one document."""
    quotes = [e["evidence"] for e in doc.get("events", []) if e.get("evidence")]
    if doc.get("stance_evidence"):
        quotes.append(doc["stance_evidence"])
    for point in gold.get("key_points", []):
        quotes += [e["quote"] for e in point.get("evidence", []) if e.get("source") == doc["file"]]
    return quotes


def date_in_window(meta: DocMeta, earliest: str, latest: str) -> bool:
    """Whether the date found, or else the whole window found, lies in the gold window."""
    lo, hi = date.fromisoformat(earliest), date.fromisoformat(latest)
    if meta.published:
        return lo <= date.fromisoformat(meta.published) <= hi
    if meta.published_earliest and meta.published_latest:
        earliest, latest = date.fromisoformat(meta.published_earliest), date.fromisoformat(meta.published_latest)
        return lo <= earliest <= latest <= hi
    return False


def _boilerplate_removed(cleaned: CleanText, boilerplate: list[str]) -> int:
    lines = [_fold(line) for line in cleaned.text.splitlines()]
    return sum(not any(line.startswith(_fold(b)) for line in lines) for b in boilerplate)


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def score_cleaning_and_metadata(seeds_dir: Path, gold: dict) -> dict[str, float]:
    """Metrics of ``clean_plain_text`` + ``extract_metadata`` over the gold documents.

    A metric with nothing to measure (no gold outlet at all) scores 1.0.
    ``kind_acc`` (news/opinion/analysis) is reported beside the metrics asked for.
    """
    counts = dict.fromkeys(["docs", "boilerplate", "quotes", "outlets"], 0)
    hits = dict.fromkeys(["boilerplate", "quotes", "title", "author", "date", "outlet", "kind"], 0)
    for doc in gold["documents"]:
        raw = (Path(seeds_dir) / doc["file"]).read_text(encoding="utf-8")
        cleaned = clean_plain_text(raw)
        meta = extract_metadata(raw, cleaned)
        text = _fold(cleaned.text)
        quotes = gold_quotes(gold, doc)
        counts["docs"] += 1
        counts["boilerplate"] += len(doc.get("boilerplate", []))
        counts["quotes"] += len(quotes)
        hits["boilerplate"] += _boilerplate_removed(cleaned, doc.get("boilerplate", []))
        hits["quotes"] += sum(_fold(q) in text for q in quotes)
        hits["title"] += _same(meta.title, doc.get("title"))
        hits["author"] += _same(meta.author, doc.get("author"))
        hits["kind"] += meta.kind == doc.get("kind")
        window = doc.get("published") or {}
        if window.get("earliest") and window.get("latest"):
            hits["date"] += date_in_window(meta, window["earliest"], window["latest"])
        if doc.get("outlet"):
            counts["outlets"] += 1
            hits["outlet"] += _same(meta.outlet, doc["outlet"])
    return {
        "boilerplate_removed": _ratio(hits["boilerplate"], counts["boilerplate"]),
        "evidence_kept": _ratio(hits["quotes"], counts["quotes"]),
        "title_acc": _ratio(hits["title"], counts["docs"]),
        "author_acc": _ratio(hits["author"], counts["docs"]),
        "date_in_window": _ratio(hits["date"], counts["docs"]),
        "outlet_acc": _ratio(hits["outlet"], counts["outlets"]),
        "kind_acc": _ratio(hits["kind"], counts["docs"]),
    }
