"""Event-coding scores: seeds gold end to end, PLOVER GSR, ConfliBERT source/target spans."""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any, Iterable

from .event_gold import load_conll_spans, load_gsr

Scores = dict[str, float]


def _coder():  # type: ignore[no-untyped-def]
    from ..events.code import code_lines
    from ..nlp.model import load_nlp
    from ..settings import Settings

    nlp = load_nlp(Settings().spacy_model)
    return lambda lines: list(code_lines(lines, "eval", nlp))


def _codes(actors: list[dict[str, Any]]) -> set[str]:
    return {a["code"] for a in actors if a.get("code")}


def gold_matches(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, Any] | None:
    """The gold coding (main or an ``also``) this predicted mention fits, if any."""
    if gold["actor_code"] not in _codes(pred["actor"]):
        return None
    if not set(gold["target_code"].split(";")) & _codes(pred["target"]):
        return None
    for option in [gold] + gold.get("also", []):
        if option["type"] == pred["type"]:
            return option
    return None


def date_right(gold: str | None, pred: str | None) -> bool:
    """Right when the predicted date, cut to the gold's precision, equals it."""
    if gold is None or pred is None:
        return gold is None and pred is None
    return pred[:len(gold)] == gold


def score_seed_events(gold_docs: list[dict[str, Any]], mentions: list[dict[str, Any]]) -> Scores:
    by_file: dict[str, list[dict[str, Any]]] = {}
    for m in mentions:
        by_file.setdefault(Path(m["source"] or "").name, []).append(m)
    total = matched = dates = moods = 0
    keys: set[tuple] = set()
    good_keys: set[tuple] = set()
    for doc in gold_docs:
        preds = by_file.get(doc["file"], [])
        for p in preds:
            keys.add((doc["file"], p["type"], tuple(sorted(_codes(p["actor"]))),
                      tuple(sorted(_codes(p["target"])))))
        for g in doc.get("events", []):
            total += 1
            hits = [(p, o) for p in preds if (o := gold_matches(g, p))]
            if not hits:
                continue
            matched += 1
            dates += any(date_right(g["date"], p["date"]) for p, _ in hits)
            moods += any(p["modality"] == o.get("modality", g["modality"]) for p, o in hits)
            good_keys |= {(doc["file"], p["type"], tuple(sorted(_codes(p["actor"]))),
                           tuple(sorted(_codes(p["target"])))) for p, _ in hits}
    return {"event_recall": matched / max(total, 1),
            "event_precision": len(good_keys) / max(len(keys), 1),
            "event_date_acc": dates / max(matched, 1),
            "event_modality_acc": moods / max(matched, 1)}


def seeds_events(shared: Path) -> Scores:
    """Analyse the seeds in a temporary project and score its exported events."""
    from ..project import Project
    from ..run.pipeline import analyze
    from ..settings import Settings
    from ..store.export import table_rows

    gold = json.loads((shared / "gold" / "seeds.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        analyze(Project(project), [str(shared / "corpus" / "seeds")],
                Settings(progress=False))
        db = Project(project).reader()
        try:
            mentions = list(table_rows(db, "events"))
        finally:
            db.close()
    return score_seed_events(gold["documents"], mentions)


def macro_f1(gold: list[str], pred: list[str]) -> float:
    labels = sorted(set(gold))
    f1s = []
    for lab in labels:
        tp = sum(g == p == lab for g, p in zip(gold, pred))
        fp = sum(p == lab and g != lab for g, p in zip(gold, pred))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred))
        f1s.append(2 * tp / max(2 * tp + fp + fn, 1))
    return sum(f1s) / max(len(f1s), 1)


def gsr_events(shared: Path) -> Scores:
    recs = load_gsr(shared / "event_coding" / "gold" / "PLOVER_GSR_CAMEO.json")
    code = _coder()
    given = code(json.dumps({"text": r.text, "source": (r.sources or [None])[0],
                             "target": (r.targets or [None])[0]}) for r in recs)
    with_spans = [_top_type(q.events) for q in given]
    found = code(json.dumps({"text": r.text}) for r in recs)
    end_to_end = [_top_type(q.events) for q in found]
    gold = [r.type for r in recs]
    return {"event_type_acc_given_spans": _accuracy(gold, with_spans),
            "event_macro_f1_given_spans": macro_f1(gold, with_spans),
            "event_e2e_acc": _accuracy(gold, end_to_end),
            "event_e2e_macro_f1": macro_f1(gold, end_to_end),
            "event_e2e_coverage": sum(t != "NONE" for t in end_to_end) / max(len(recs), 1)}


def _top_type(events: list[dict[str, Any]]) -> str:
    return max(events, key=lambda e: e["confidence"])["type"] if events else "NONE"


def _accuracy(gold: list[str], pred: list[str]) -> float:
    return sum(g == p for g, p in zip(gold, pred)) / max(len(gold), 1)


def ner_spans(shared: Path) -> Scores:
    """Source/target span F1 on the ConfliBERT NER test sentences, end to end."""
    sents = load_conll_spans(shared / "event_coding" / "gold" / "conflibert_cameo_ner_test.txt")
    coded = _coder()(json.dumps({"text": s.text}) for s in sents)
    counts: Counter[str] = Counter()
    for sent, req in zip(sents, coded):
        starts = _token_starts(sent.tokens)
        for kind, side in (("S", 0), ("T", 1)):
            pred = {_to_tokens(starts, a) for spans in req.spans for a in spans[side]}
            gold = sent.spans(kind)
            counts[kind + "tp"] += len(pred & gold)
            counts[kind + "fp"] += len(pred - gold)
            counts[kind + "fn"] += len(gold - pred)
            counts[kind + "otp"] += sum(any(_overlap(p, g) for p in pred) for g in gold)
    out = {}
    for kind, name in (("S", "source"), ("T", "target")):
        tp, fp, fn = counts[kind + "tp"], counts[kind + "fp"], counts[kind + "fn"]
        out[f"event_{name}_span_f1"] = 2 * tp / max(2 * tp + fp + fn, 1)
        out[f"event_{name}_span_overlap_recall"] = counts[kind + "otp"] / max(tp + fn, 1)
    return out


def _token_starts(tokens: list[str]) -> list[int]:
    starts, pos = [], 0
    for tok in tokens:
        starts.append(pos)
        pos += len(tok) + 1
    return starts


def _to_tokens(starts: list[int], span: Iterable[int]) -> tuple[int, int]:
    import bisect

    a, b = span  # type: ignore[misc]
    return bisect.bisect_right(starts, a) - 1, bisect.bisect_left(starts, b)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
