"""Benchmark: claims/s of `policylens stance code` (the cross-encoder, int8; texts run at once on
`model_threads()` threads: POLICYLENS_MODEL_THREADS=1 measures one at a time).

    python bench/bench_stance.py --claims 512

Codes sentences of the bundled sample corpus toward its question, through the same function the
command uses, and prints one JSON object; record the figures in BENCHMARKS.md ("Stance").
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import resource
import time

from policylens.cli.ingest import SAMPLE
from policylens.nlp.onnx_text import model_threads
from policylens.stance.coding import code_sentences
from policylens.stance.model import load_model

QUESTION = "Should South Korea deepen its engagement with NATO, including the president attending NATO summits?"


def sample_sentences(n: int) -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLE.iterdir()) if p.suffix in (".txt", ".md"))
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 8]
    return (sentences * (n // max(1, len(sentences)) + 1))[:n]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=512)
    args = parser.parse_args()
    sentences = sample_sentences(args.claims)
    model = load_model()
    code_sentences(model, [(s, QUESTION) for s in sentences[:8]])  # warm up
    began = time.perf_counter()
    code_sentences(model, [(s, QUESTION) for s in sentences])
    seconds = time.perf_counter() - began
    print(json.dumps({"claims": len(sentences), "seconds": round(seconds, 2),
                      "claims_per_s": round(len(sentences) / seconds, 1),
                      "mean_words": round(sum(len(s.split()) for s in sentences) / len(sentences), 1),
                      "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                      "model_threads": model_threads(), "python": platform.python_version()}))


if __name__ == "__main__":
    main()
