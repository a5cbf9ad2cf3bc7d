"""Benchmark: memory and time of key-point clustering as the number of distinct claims grows.

    python bench/bench_keypoints.py --claims 5000,20000,50000

The replicated benchmark corpus repeats the sample's claims, which the key-point stage
collapses into one node per distinct text; this measures the other case, every claim
distinct (~5 claims a side per article: 50,000 is what 10,000 distinct articles give).
Vectors and match probabilities are random (seeded) so that only the clustering is
measured; the cross-encoder's cost is measured on real pairs and multiplied out.
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import time
from typing import Callable

import numpy as np
import psutil

from memory import PeakMemory
from policylens.stance.cluster import candidate_pairs, claim_graph, group_claims, key_point_groups
from policylens.stance.keypoints_stage import MIN_SINGLE_CONFIDENCE
from policylens.stance.model import load_model

DIM = 384
COPIES = 0.1  # share of claims that are syndicated copies of another
CLAIMS_PER_SOURCE = 5


def synthetic(n: int, rng: np.random.Generator) -> tuple[list[str], np.ndarray]:
    """Claim texts (some copied) and unit vectors with topical structure (200 centres)."""
    texts = [f"claim {i}" for i in range(n)]
    for i in rng.choice(n, int(n * COPIES), replace=False):
        texts[i] = texts[int(rng.integers(n))]
    distinct = len(dict.fromkeys(texts))
    centres = rng.normal(size=(200, DIM)).astype(np.float32)
    vecs = centres[rng.integers(200, size=distinct)] + rng.normal(size=(distinct, DIM)).astype(
        np.float32)
    return texts, vecs / np.linalg.norm(vecs, axis=1, keepdims=True)


def cluster_once(n: int, seed: int = 0) -> dict:
    rng = np.random.default_rng(seed)
    steps: dict[str, float] = {}
    with PeakMemory(interval=0.05) as peak:
        began = time.perf_counter()
        texts, vecs = synthetic(n, rng)
        graph = claim_graph(texts)
        pairs = candidate_pairs(len(graph.texts), vecs)
        steps["shortlist"] = time.perf_counter() - began
        graph.scores = dict(zip(pairs, rng.beta(2, 3, size=len(pairs)).tolist()))
        began = time.perf_counter()
        groups = group_claims(graph)
        steps["cover"] = time.perf_counter() - began
        began = time.perf_counter()
        kept = key_point_groups(graph, _synthetic_test(len(graph.texts), rng))
        steps["cover_and_regroup"] = time.perf_counter() - began
    return {"claims": n, "distinct": len(graph.texts), "pairs_to_score": len(pairs),
            "groups": len(groups), "key_points": len(kept),
            "seconds": {k: round(v, 2) for k, v in steps.items()},
            "peak_rss_mb": round(peak.peak_mb)}


def _synthetic_test(n: int, rng: np.random.Generator) -> Callable[[int, list[int]], bool]:
    """The stage's test of a key point on synthetic claims: two sources (CLAIMS_PER_SOURCE
    consecutive claims a source), or one made firmly by its candidate."""
    confidence = rng.uniform(0.45, 1.0, size=n)

    def is_key_point(candidate: int, nodes: list[int]) -> bool:
        sources = {node // CLAIMS_PER_SOURCE for node in nodes}
        return len(sources) >= 2 or confidence[candidate] >= MIN_SINGLE_CONFIDENCE

    return is_key_point


def pairs_per_second(n: int = 300) -> float:
    """The cross-encoder's match head on real claim-length pairs, one pair per run."""
    model = load_model()
    a = "Seoul should attend the NATO summit because its security depends on Europe's."
    b = "Closer ties with NATO would anger China, South Korea's largest trading partner."
    model.match([(a, b)] * 5)
    began = time.perf_counter()
    model.match([(a, b)] * n)
    return n / (time.perf_counter() - began)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", default="5000,20000,50000")
    args = parser.parse_args()
    rate = pairs_per_second()
    base = psutil.Process().memory_info().rss / 2**20
    runs = []
    for n in (int(x) for x in args.claims.split(",")):
        gc.collect()
        run = cluster_once(n)
        run["cross_encoder_core_hours"] = round(run["pairs_to_score"] / rate / 3600, 2)
        runs.append(run)
    print(json.dumps({"process_rss_before_mb": round(base), "match_pairs_per_s": round(rate, 1),
                      "runs": runs, "python": platform.python_version()}, indent=2))


if __name__ == "__main__":
    main()
