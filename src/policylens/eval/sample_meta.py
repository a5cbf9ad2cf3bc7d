"""Score ingest (readers, cleaning, metadata) on the bundled sample corpus.

The sample's gold (tests/fixtures/sample_gold.json) was written with the
articles, before and apart from the cleaning rules: a second check, beside
the seeds, that the rules generalise. It is only present in a source checkout.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..ingest.build import build_document
from ..ingest.readers import read_inputs
from ..model import DocMeta
from ..settings import Settings
from .seeds_meta import _fold, _same, date_in_window

SAMPLE_GOLD = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "sample_gold.json"


def _documents(sample_dir: Path) -> dict[str, tuple[str, DocMeta]]:
    settings = Settings(progress=False)
    found = {}
    for raw in read_inputs([str(sample_dir)], settings):
        outcome = build_document(raw, settings)
        if outcome.document is not None:
            found[raw.source] = (outcome.document.text, outcome.document.meta)
    return found


def score_sample(sample_dir: Path, gold_path: Path = SAMPLE_GOLD) -> dict[str, float]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["documents"]
    docs = _documents(sample_dir)
    hits = {k: 0 for k in ("title", "author", "outlet", "kind", "date", "doc")}
    removed = kept = n_bp = n_keep = 0
    for g in gold:
        if g["file"] not in docs:
            continue
        text, meta = docs[g["file"]]
        hits["doc"] += 1
        hits["title"] += _same(meta.title, g["title"])
        hits["author"] += _same(meta.author, g["author"])
        hits["outlet"] += _same(meta.outlet, g.get("outlet"))
        hits["kind"] += meta.kind == g["kind"]
        hits["date"] += date_in_window(meta, g["published"]["earliest"], g["published"]["latest"])
        lines = [_fold(line).casefold() for line in text.splitlines()]
        removed += sum(not any(ln.startswith(_fold(b).casefold()) for ln in lines)
                       for b in g["boilerplate"])
        folded = _fold(text)
        kept += sum(_fold(k) in folded for k in g["keep"])
        n_bp, n_keep = n_bp + len(g["boilerplate"]), n_keep + len(g["keep"])
    n = len(gold)
    return {"documents": hits["doc"] / n, "title_acc": hits["title"] / n,
            "author_acc": hits["author"] / n, "outlet_acc": hits["outlet"] / n,
            "kind_acc": hits["kind"] / n, "date_in_window": hits["date"] / n,
            "boilerplate_removed": removed / max(n_bp, 1), "keep_kept": kept / max(n_keep, 1)}
