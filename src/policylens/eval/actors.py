"""Actor evaluations: codes of the seeds' gold events found among the resolved mentions,
and the country part of PLOVER GSR actor codes recovered from their spans."""

from __future__ import annotations

import json
import re
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from ..actors.stage import shared_resolver
from ..nlp.model import load_nlp
from ..settings import Settings


def fold(text: str) -> tuple[str, list[int]]:
    """Text with every run of white space as one space, and each folded char's source index."""
    out, index = [], []
    for m in re.finditer(r"\s+|\S", text):
        out.append(" " if m.group().isspace() else m.group())
        index.append(m.start())
    return "".join(out), index


def locate(text: str, quote: str) -> tuple[int, int] | None:
    """Character span of ``quote`` in ``text``, white space folded on both sides."""
    folded, index = fold(text)
    at = folded.find(fold(quote)[0].strip())
    if at < 0:
        return None
    end = at + len(fold(quote)[0].strip()) - 1
    return index[at], index[end] + 1


def analyse_seeds(corpus: Path, workdir: Path) -> sqlite3.Connection:
    """Run the real pipeline on the seeds into a temporary project."""
    from ..project import Project
    from ..run.pipeline import execute

    project = Project(workdir / "seeds")
    settings = Settings(progress=False)
    execute(project, "eval", settings, [str(corpus)], run=True, report=False)
    return project.reader()


def seeds_actor_recall(shared: Path) -> dict[str, float]:
    """Share of gold actor and target codes found among the mentions of the evidence's sentences."""
    gold = json.loads((shared / "gold" / "seeds.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        db = analyse_seeds(shared / "corpus" / "seeds", Path(tmp))
        try:
            found, total = score_event_codes(db, gold)
        finally:
            db.close()
    return {"actor_recall": found / total if total else 0.0}


def score_event_codes(db: sqlite3.Connection, gold: dict[str, Any]) -> tuple[int, int]:
    """Gold event codes found among the actor mentions of their evidence sentences, and all."""
    docs = {Path(r["source"]).name: (r["id"], r["text"]) for r in db.execute(
        "SELECT d.id, d.text, s.source FROM documents d JOIN sources s ON s.doc_id = d.id")}
    found = total = 0
    for doc in gold["documents"]:
        doc_id, text = docs[doc["file"]]
        for event in doc.get("events", []):
            codes = _codes_near(db, doc_id, text, event["evidence"])
            for field in ("actor_code", "target_code"):
                for code in filter(None, (event.get(field) or "").split(";")):
                    total += 1
                    found += code in codes
    return found, total


def _codes_near(db: sqlite3.Connection, doc_id: str, text: str, evidence: str) -> set[str]:
    span = locate(text, evidence)
    if span is None:
        return set()
    rows = db.execute(
        """SELECT DISTINCT m.code FROM actor_mentions m JOIN sentences s ON s.id = m.sentence_id
           WHERE s.doc_id = ? AND s.start < ? AND ? < s.end""", (doc_id, span[1], span[0]))
    return {r[0] for r in rows}


def gsr_actor_country(shared: Path) -> dict[str, float]:
    """Share of GSR source/target actors whose code's first three letters a mention recovers."""
    records = json.loads((shared / "event_coding" / "gold" / "PLOVER_GSR_CAMEO.json")
                         .read_text(encoding="utf-8"))
    nlp = load_nlp(Settings().spacy_model)
    resolver = shared_resolver()
    found = total = 0
    sentences = [r for r in records if isinstance(r, dict) and r.get("text") and "event" in r]
    for record, doc in zip(sentences, nlp.pipe(r["text"] for r in sentences)):
        mentions = resolver.resolve(doc, None)
        for actor in _gold_actors(record):
            span = locate(record["text"], actor["actorText"])
            if span is None:
                continue
            total += 1
            found += any(m.start < span[1] and span[0] < m.end
                         and _country_part(m.code, m.kind) == actor["code"][:3]
                         for m in mentions)
    return {"actor_country_acc": found / total if total else 0.0}


def _gold_actors(record: dict[str, Any]) -> list[dict[str, str]]:
    actors = []
    for side in ("source", "target"):
        value = record.get(side)
        if isinstance(value, list):
            actors += [a for a in value if isinstance(a, dict) and a.get("actorText")
                       and a.get("code")]
    return actors


def _country_part(code: str, kind: str) -> str:
    """CAMEO codes start with IGO for intergovernmental organisations."""
    from ..actors.gazetteer import load_gazetteer

    if code in load_gazetteer().orgs:
        return "IGO"
    return code[:3]
