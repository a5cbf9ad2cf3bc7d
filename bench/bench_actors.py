"""Benchmark: documents/s and sentences/s of the actor resolver on parsed documents.

    python bench/bench_actors.py --docs 200

Parses the documents once (not timed), then times ``ActorResolver.resolve`` alone and the
``actors.gazetteer`` stage (DocBin restore + resolve + rows). Prints one JSON object; record
the figures in BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import replicate  # noqa: E402

from policylens.actors import ActorResolver  # noqa: E402
from policylens.nlp.model import load_nlp  # noqa: E402
from policylens.settings import Settings  # noqa: E402


def texts_of(files: list[Path]) -> list[str]:
    """Plain article text: the benchmark times the resolver, not the cleaner."""
    from policylens.project import Project
    from policylens.run.pipeline import execute

    with tempfile.TemporaryDirectory() as tmp:
        project = Project(Path(tmp) / "p")
        execute(project, "bench", Settings(progress=False), [str(f) for f in files], run=False)
        db = project.reader()
        texts = [r[0] for r in db.execute("SELECT text FROM documents ORDER BY id")]
        db.close()
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        texts = texts_of(replicate(Path(tmp) / "corpus", args.docs))
    nlp = load_nlp(Settings().spacy_model)
    docs = list(nlp.pipe(texts))
    began = time.perf_counter()
    resolver = ActorResolver()
    resolver.matchers(nlp.vocab)
    setup = time.perf_counter() - began
    began = time.perf_counter()
    mentions = sum(len(resolver.resolve(doc, date(2024, 7, 1))) for doc in docs)
    seconds = time.perf_counter() - began
    sentences = sum(len(list(doc.sents)) for doc in docs)
    print(json.dumps({
        "docs": len(docs), "sentences": sentences, "mentions": mentions,
        "setup_s": round(setup, 3), "resolve_s": round(seconds, 3),
        "docs_per_s": round(len(docs) / seconds, 1),
        "sentences_per_s": round(sentences / seconds, 1),
        "python": platform.python_version(), "machine": platform.machine(),
    }))


if __name__ == "__main__":
    main()
