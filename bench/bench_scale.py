"""Benchmark: end-to-end and per-stage throughput, memory and worker scaling.

    nice -n 10 python bench/bench_scale.py --docs 1000 --added 10

Builds a corpus by replicating the sample corpus, analyses it in process, then
times a bare ``nlp.pipe`` over the same clean texts (the floor of a parse-based
pipeline), adds ``--added`` documents to measure an incremental run, and analyses
(a subset of) the corpus again on 1 and 2 Dask workers and pool processes. Prints one JSON object; BENCHMARKS.md records the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).parent))

from corpus import replicate  # noqa: E402
from memory import PeakMemory  # noqa: E402

from policylens.cli.ingest import SAMPLE_QUESTION  # noqa: E402
from policylens.nlp.model import load_nlp  # noqa: E402
from policylens.project import Project  # noqa: E402
from policylens.run.pipeline import execute  # noqa: E402
from policylens.settings import Settings  # noqa: E402


def count(project: Project, sql: str) -> int:
    db = sqlite3.connect(project.db_path)
    n = db.execute(sql).fetchone()[0]
    db.close()
    return n


def timed_run(project: Project, settings: Settings, paths: list[str], run: bool = True,
              questions: tuple[str, ...] = ()) -> dict:
    with PeakMemory() as memory:
        began = time.perf_counter()
        result = execute(project, "bench", settings, paths, run=run, questions=questions)
        seconds = time.perf_counter() - began
    return {"seconds": round(seconds, 2), "stage_seconds": result.timings,
            "processed": result.processed, "peak_rss_mb": round(memory.peak_mb),
            "cpu_seconds": round(memory.cpu_seconds, 1),
            "rss_samples": memory.samples}


def bare_pipe(project: Project, settings: Settings) -> tuple[float, float]:
    """Wall and CPU seconds of a bare nlp.pipe over the stored clean texts."""
    db = sqlite3.connect(project.db_path)
    texts = [r[0] for r in db.execute("SELECT text FROM documents ORDER BY id")]
    db.close()
    # The model exactly as shipped: none of our components.
    nlp = spacy.load(settings.spacy_model)
    began, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=settings.batch_size):
        pass
    return time.perf_counter() - began, time.process_time() - cpu


def warm_cluster(workers: int, model: str):  # type: ignore[no-untyped-def]
    """A Dask LocalCluster whose workers have loaded the model: startup is not throughput."""
    from distributed import Client, LocalCluster

    import dask

    from policylens.run.dask_executor import WORKER_ENV

    with dask.config.set({"distributed.nanny.pre-spawn-environ": WORKER_ENV}):
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
    client = Client(cluster)
    client.run(load_nlp, model)
    return cluster, client


def run_subset(corpus: Path, settings: Settings, tmp: Path, name: str, docs: int,
               questions: tuple[str, ...]) -> dict:
    """Ingest and every stage of the first ``docs`` documents with another executor."""
    subset = tmp / f"{name}-corpus"
    subset.mkdir()
    for path in sorted(corpus.iterdir())[:docs or None]:
        shutil.copy(path, subset / path.name)
    out = timed_run(Project(tmp / name), settings, [str(subset)], questions=questions)
    out.pop("rss_samples")
    return out


def rates(docs: int, sentences: int, words: int, seconds: float) -> dict:
    return {"docs_per_s": round(docs / seconds, 2), "sentences_per_s": round(sentences / seconds, 1),
            "words_per_s": round(words / seconds)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--added", type=int, default=10)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--workers", default="1,2", help="worker counts for the scaling runs")
    parser.add_argument("--executors", default="dask,pool", help="executors for the scaling runs")
    parser.add_argument("--scaling-docs", type=int, default=0,
                        help="documents of the scaling runs (default: all)")
    parser.add_argument("--output", type=Path, default=None,
                        help="also write the JSON here (updated after every phase)")
    parser.add_argument("--question", action="append", default=None,
                        help="question(s) for the stance stages (default: the sample corpus's own; "
                             "pass --question '' to run without stance)")
    parser.add_argument("--only-scaling", action="store_true",
                        help="skip the in-process, bare-pass and incremental measurements")
    args = parser.parse_args()
    args.questions = tuple(q for q in (args.question or [SAMPLE_QUESTION]) if q)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        replicate(tmp / "corpus", args.docs + args.added)
        (tmp / "later").mkdir()
        for path in sorted((tmp / "corpus").iterdir())[args.docs:]:
            path.rename(tmp / "later" / path.name)
        settings = Settings(batch_size=args.batch_size, progress=False)
        load_nlp(settings.spacy_model)  # loading the model is not throughput
        report: dict = {"documents": args.docs, "batch_size": args.batch_size}
        if not args.only_scaling:
            in_process(Project(tmp / "project"), settings, tmp, args, report)
        report["scaling"] = scaling(settings, tmp, args)
    save(report, args.output)
    print(json.dumps(report, indent=2))


def in_process(project: Project, settings: Settings, tmp: Path, args: argparse.Namespace,
               report: dict) -> None:
    """End to end in this process, the bare nlp.pipe pass, then an incremental add."""
    report["questions"] = list(args.questions)
    e2e = report["end_to_end"] = timed_run(project, settings, [str(tmp / "corpus")],
                                           questions=args.questions)
    docs = count(project, "SELECT count(*) FROM documents")
    sents = count(project, "SELECT count(*) FROM sentences")
    words = count(project, "SELECT sum(length(text) - length(replace(text, ' ', '')) + 1) "
                           "FROM documents")
    report["stored"] = {"documents": docs, "sentences": sents, "words": words}
    report["end_to_end_rates"] = rates(docs, sents, words, e2e["seconds"])
    report["stage_rates"] = {
        stage: rates(docs, sents, words, s) for stage, s in e2e["stage_seconds"].items() if s}
    report["rss_mb_by_quarter_of_run"] = quarters(e2e.pop("rss_samples"))
    save(report, args.output)
    bare, bare_cpu = bare_pipe(project, settings)
    report["bare_nlp_pipe"] = {"seconds": round(bare, 2), "cpu_seconds": round(bare_cpu, 1),
                               **rates(docs, sents, words, bare)}
    report["ratio_end_to_end_to_bare_pipe"] = round(e2e["seconds"] / bare, 2)
    # CPU time is what a shared machine does not distort: the run is one process here.
    report["ratio_end_to_end_to_bare_pipe_cpu"] = round(e2e["cpu_seconds"] / bare_cpu, 2)
    report["ratio_nlp_stage_to_bare_pipe"] = round(e2e["stage_seconds"]["nlp.spacy"] / bare, 2)
    save(report, args.output)
    inc = timed_run(project, settings, [str(tmp / "later"), str(tmp / "corpus")])
    inc.pop("rss_samples")
    report["incremental_add"] = {"added": args.added, **inc}
    save(report, args.output)


def save(report: dict, output: Path | None) -> None:
    report["machine"] = machine()
    if output:
        output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


def quarters(samples: list[tuple[float, float]]) -> list[int]:
    """Peak RSS in each quarter of the run: flat when memory does not grow with the corpus."""
    if not samples:
        return []
    end = samples[-1][0] or 1.0
    peaks = [0.0] * 4
    for t, rss in samples:
        q = min(3, int(4 * t / end))
        peaks[q] = max(peaks[q], rss)
    return [round(p) for p in peaks]


def scaling(settings: Settings, tmp: Path, args: argparse.Namespace) -> dict:
    out: dict = {"documents": args.scaling_docs or "all"}
    for executor in filter(None, args.executors.split(",")):
        for n in (int(w) for w in args.workers.split(",")):
            if executor == "dask":
                cluster, client = warm_cluster(n, settings.spacy_model)
                flags = {"executor": "dask", "scheduler": cluster.scheduler_address}
            else:  # the pool's startup and model loading are inside its time
                flags = {"executor": "local", "workers": n}
            out[f"{executor}-{n}"] = run_subset(tmp / "corpus", replace(settings, **flags), tmp,
                                                f"{executor}-{n}", args.scaling_docs, args.questions)
            if executor == "dask":
                client.close()
                cluster.close()
        runs = [out[f"{executor}-{n}"] for n in args.workers.split(",")]
        out[f"{executor}-speedup-end-to-end"] = [
            round(runs[0]["seconds"] / r["seconds"], 2) for r in runs[1:]]
        out[f"{executor}-cpu-seconds-ratio"] = [
            round(r["cpu_seconds"] / runs[0]["cpu_seconds"], 2) for r in runs[1:]]
        out[f"{executor}-speedup-nlp-stage"] = [
            round(runs[0]["stage_seconds"]["nlp.spacy"] / r["stage_seconds"]["nlp.spacy"], 2)
            for r in runs[1:]]
    return out


def machine() -> dict:
    load = os.getloadavg()
    return {"cpu": platform.processor() or platform.machine(), "cores": os.cpu_count(),
            "python": platform.python_version(), "load_average_at_end": [round(x, 2) for x in load]}


if __name__ == "__main__":
    main()
