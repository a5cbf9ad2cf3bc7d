"""Stances and key points on the five seed articles against ../shared/gold/seeds.json.

A produced key point finds a gold one when it is on the same side, one of its quotes comes
from a gold source and overlaps a gold evidence quote, and its label says the same thing: the
label is itself one of the point's gold evidence quotes, or the match head scores label and
gold text at least 0.5 in both directions on average. Each produced key point finds at most one
gold point (a maximum matching). ``keypoints_found_by_head`` keeps the earlier count (the head
alone judges, and one key point may find several gold ones).
The gold evidence quotes are also followed through the stages (``evidence_funnel``): the
share that the claims stage takes as claims, as claims on the gold side, and that end in a key
point on that side. A key point lost after the last step was lost by grouping or labelling.
"""

from __future__ import annotations

import json
import re
import sqlite3
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..stance.aspect import classify_aspects
from ..stance.model import load_model

QUOTE_OVERLAP = 0.6  # share of a gold quote's words a produced quote must contain
SAME_LABEL = 0.5
GOLD_ASPECTS = {"domestic": "domestic politics", "values": "values/law", "law": "values/law"}


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def quote_overlaps(sentence: str, gold_quote: str) -> bool:
    have, want = set(_words(sentence)), _words(gold_quote)
    return bool(want) and sum(w in have for w in want) / len(want) >= QUOTE_OVERLAP


@contextmanager
def analysed(corpus: Path, question: str) -> Iterator[sqlite3.Connection]:
    """``corpus`` analysed for ``question`` into a throw-away project: a reader of its database,
    closed (and the project removed) on leaving."""
    from ..project import Project
    from ..run.pipeline import analyze

    with tempfile.TemporaryDirectory() as tmp:
        p = Project(Path(tmp) / "project")
        analyze(p, (str(corpus),), p.settings(progress=False), (question,))
        db = p.reader()
        try:
            yield db
        finally:
            db.close()


def document_stances(db: sqlite3.Connection) -> dict[str, str]:
    """Each input file's stance toward the (one) question."""
    from ..store.export import table_rows

    return {r["source"]: r["stance"] for r in table_rows(db, "stances")}


def found_keypoints(produced: list[dict], gold_kps: list[dict]) -> list[str]:
    """Ids of the gold key points that some produced key point makes, on the right side, each
    produced key point finding at most one."""
    return judged_keypoints(produced, gold_kps)[0]


def judged_keypoints(produced: list[dict], gold_kps: list[dict]) -> tuple[list[str], list[str]]:
    """The gold key points found by the corrected judge, and by the earlier one (the match head
    alone judges the label, and one produced key point may find several gold ones)."""
    return _judged(produced, gold_kps)[:2]


def _judged(produced: list[dict], gold_kps: list[dict]) -> tuple[list[str], list[str], set[int]]:
    """Gold points found (corrected judge, head alone), and the produced key points that make
    some gold point by the corrected judge."""
    pairs = _label_pairs(produced, gold_kps)
    by_head = _head_says_same(pairs, produced)
    accepted = [(g["id"], i) for (g, i), ok in zip(pairs, by_head)
                if ok or _label_is_evidence(produced[i]["label"], g)]
    return (sorted(maximum_matching(accepted)),
            sorted({g["id"] for (g, _), ok in zip(pairs, by_head) if ok}),
            {i for _, i in accepted})


def _label_pairs(produced: list[dict], gold_kps: list[dict]) -> list[tuple[dict, int]]:
    """(gold point, index of a produced key point) on the same side with a quote of its evidence."""
    return [(g, i) for g in gold_kps for i, kp in enumerate(produced)
            if kp["side"] == g["side"] and any(
                q["source"] == e["source"] and quote_overlaps(q["sentence"], e["quote"])
                for q in kp["quotes"] for e in g["evidence"])]


def _head_says_same(pairs: list[tuple[dict, int]], produced: list[dict]) -> list[bool]:
    if not pairs:
        return []
    texts = [(g["text"], produced[i]["label"]) for g, i in pairs]
    model = load_model()
    a, b = model.match(texts), model.match([(y, x) for x, y in texts])
    return [bool((x + y) / 2 >= SAME_LABEL) for x, y in zip(a, b)]


def _label_is_evidence(label: str, gold_kp: dict) -> bool:
    return any(quote_overlaps(label, e["quote"]) for e in gold_kp["evidence"])


def maximum_matching(edges: list[tuple[str, int]]) -> set[str]:
    """The left ends of a largest set of edges no two of which share an end (augmenting paths)."""
    right_of: dict[str, list[int]] = {}
    for left, right in edges:
        right_of.setdefault(left, []).append(right)
    owner: dict[int, str] = {}

    def augment(left: str, seen: set[int]) -> bool:
        for right in right_of[left]:
            if right not in seen:
                seen.add(right)
                if right not in owner or augment(owner[right], seen):
                    owner[right] = left
                    return True
        return False

    return {left for left in right_of if augment(left, set())}


def evidence_funnel(db: sqlite3.Connection, gold_kps: list[dict]) -> dict[str, float]:
    """Shares of the gold evidence quotes that are claims, claims on the gold side, and claims
    in a key point of that side."""
    claims = db.execute("""SELECT c.id, d.source, c.sentence, c.stance, c.is_claim FROM claims c
                           JOIN documents d ON d.id = c.doc_id""").fetchall()
    in_side = {(r[0], r[1]) for r in db.execute(
        """SELECT kc.claim_id, k.side FROM keypoint_claims kc JOIN keypoints k ON k.id = kc.keypoint_id""")}
    steps = {"evidence_claimed": 0, "evidence_on_side": 0, "evidence_in_keypoints": 0}
    quotes = [(e, g["side"]) for g in gold_kps for e in g["evidence"]]
    for e, side in quotes:
        hits = [c for c in claims if c[1] == e["source"] and c[4] and quote_overlaps(c[2], e["quote"])]
        steps["evidence_claimed"] += bool(hits)
        steps["evidence_on_side"] += any(c[3] == side for c in hits)
        steps["evidence_in_keypoints"] += any((c[0], side) in in_side for c in hits)
    return {k: v / max(1, len(quotes)) for k, v in steps.items()}


def furniture_keypoints(produced: list[dict], gold_docs: list[dict]) -> int:
    lines = [b for d in gold_docs for b in d.get("boilerplate", []) if len(b.split()) >= 3]
    return sum(any(_words(b) and " ".join(_words(b)) in " ".join(_words(q["sentence"]))
                   for b in lines for q in kp["quotes"]) for kp in produced)


def aspect_accuracy(gold_kps: list[dict], question: str = "") -> float:
    """Share of the gold quotes whose aspect is their key point's, read as the claims stage reads
    a sentence coded for ``question``."""
    quotes = [(e["quote"], GOLD_ASPECTS.get(g["aspect"], g["aspect"])) for g in gold_kps for e in g["evidence"]]
    got = classify_aspects(load_model(), [q for q, _ in quotes], [question] * len(quotes))
    return sum(a == want for (a, _), (_, want) in zip(got, quotes)) / len(quotes)


def keypoint_scores(db: sqlite3.Connection, produced: list[dict], gold_kps: list[dict]) -> dict[str, float]:
    """The gold key points found (by the corrected judge and by the head alone), as a count and
    a share; the share of produced key points that make some gold point (a lower bound of
    precision: a gold list names the main points, not every fair one); the evidence funnel."""
    found, by_head, making_gold = _judged(produced, gold_kps)
    return {"keypoints_found": float(len(found)), "keypoints_found_by_head": float(len(by_head)),
            "keypoints_recall": len(found) / len(gold_kps),
            "keypoints_precision": len(making_gold) / max(1, len(produced)),
            **evidence_funnel(db, gold_kps)}


def produced_keypoints(db: sqlite3.Connection) -> list[dict]:
    from ..store.export import table_rows

    return list(table_rows(db, "keypoints"))


def score_seeds_stance(shared: Path) -> dict[str, float]:
    gold = json.loads((shared / "gold" / "seeds.json").read_text(encoding="utf-8"))
    with analysed(shared / "corpus" / "seeds", gold["question"]["text"]) as db:
        stances = document_stances(db)
        produced = produced_keypoints(db)
        found = keypoint_scores(db, produced, gold["key_points"])
    right = sum(stances.get(d["file"]) == d["stance"] for d in gold["documents"])
    return {"doc_stance_acc": right / len(gold["documents"]), **found,
            "furniture_free": 1.0 - furniture_keypoints(produced, gold["documents"]) / max(1, len(produced)),
            "aspect_acc": aspect_accuracy(gold["key_points"], gold["question"]["text"])}
