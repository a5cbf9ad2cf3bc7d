"""Benchmark: documents/s and peak memory for ingest + clean + NLP (the spaCy stage only).

    python bench/bench_ingest.py --docs 500

Prints one JSON object; record the figures in BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).parent))

from corpus import replicate  # noqa: E402

from policylens.nlp.model import load_nlp  # noqa: E402
from policylens.project import Project  # noqa: E402
from policylens.run.pipeline import execute  # noqa: E402


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bare_spacy_seconds(project: Project, model: str, batch_size: int) -> float:
    """Time of a bare nlp.pipe over the same clean texts: the floor of the pipeline."""
    db = project.reader()
    texts = [r[0] for r in db.execute("SELECT text FROM documents")]
    db.close()
    # The model exactly as shipped: none of our components.
    nlp = spacy.load(model)
    began = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = replicate(Path(tmp) / "corpus", args.docs)
        words = sum(len(f.read_text(encoding="utf-8").split()) for f in files)
        project = Project(Path(tmp) / "project")
        settings = project.settings(batch_size=args.batch_size, progress=False,
                                    stages="nlp.spacy")
        load_nlp(settings.spacy_model)  # model load is not part of the throughput
        began = time.perf_counter()
        result = execute(project, "bench", settings, [str(Path(tmp) / "corpus")])
        total = time.perf_counter() - began
        bare = bare_spacy_seconds(project, settings.spacy_model, args.batch_size)
    print(json.dumps({
        "documents": args.docs, "input_words": words, "seconds": round(total, 2),
        "docs_per_s": round(args.docs / total, 2),
        "stage_seconds": result.timings,
        "bare_nlp_pipe_seconds": round(bare, 2),
        "ratio_to_bare_nlp_pipe": round(total / bare, 2),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "machine": f"{platform.machine()} {platform.python_version()}",
        "inputs": dict(result.added.counts),
    }, indent=2))


if __name__ == "__main__":
    main()
