"""Can the match head read which side a sentence takes, as the statement of the question it makes?

    python train/measure_match_sides.py [FILE ...]   (default: the written training prose)

For each (question, sentence) with a gold side of pro or con, the shipped reading's side share
r = P(pro) / (P(pro) + P(con)) (``framed_stance``) is compared with the match head's share
m = s_pro / (s_pro + s_con), where s_x = match(statement_x, sentence) and the statements are
(a) the question asserted and negated ("Japan should join AUKUS." / "Japan should not join
AUKUS."), (b) the target judged ("{target} is beneficial" / "… is harmful", swapped when the
question's polarity is −1), or (c) the mean of (a) and (b). Printed: pro/con accuracy (share
> 0.5 means pro) of each reading alone and averaged with the shipped share.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Callable

import numpy as np

from policylens.stance.framing import framed_stance, framing_of
from policylens.stance.model import CrossEncoder, load_model
from policylens.stance.target import main_clause

PROSE = sorted((Path(__file__).parent / "data").glob("policy_prose_*.jsonl"))
AUXILIARIES = {"should", "must", "can", "will", "would", "could", "is", "are", "does", "do"}


def asserted(question: str, negate: bool) -> str:
    """"Should Japan join AUKUS?" -> "Japan should join AUKUS." (or "… should not join …")."""
    from policylens.nlp.model import load_nlp
    from policylens.settings import Settings

    doc = load_nlp(Settings().spacy_model)(main_clause(question))
    aux = doc[0].lower_ if len(doc) else ""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root else None
    if aux not in AUXILIARIES or subject is None:
        return ("It is not true that " if negate else "") + main_clause(question) + "."
    end = max(t.i for t in subject.subtree) + 1
    rest, subject_text = doc[end:].text, doc[1:end].text
    return f"{subject_text[:1].upper()}{subject_text[1:]} {aux}{' not' if negate else ''} {rest}.".replace("  ", " ")


def judged(question: str, pro: bool) -> str:
    framing = framing_of(question)
    if framing.target == question.strip():  # no target framed: the assertion instead
        return asserted(question, not pro)
    good = pro == (framing.polarity > 0)
    return f"{framing.target} is {'beneficial' if good else 'harmful'}."


def match_share(model: CrossEncoder, rows: list[dict],
                statement: Callable[[str, bool], str]) -> np.ndarray:
    """s_pro / (s_pro + s_con): the match head's share for the pro statement of each row's question."""
    pro = model.match([(statement(r["question"], True), r["text"]) for r in rows])
    con = model.match([(statement(r["question"], False), r["text"]) for r in rows])
    return pro / np.maximum(pro + con, 1e-9)


def main(paths: list[Path]) -> None:
    rows = [json.loads(line) for p in paths for line in open(p, encoding="utf-8") if line.strip()]
    rows = [r for r in rows if r["stance"] in ("pro", "con")]
    gold = np.array([r["stance"] == "pro" for r in rows])
    model = load_model()
    probs = framed_stance(model, [(r["question"], r["text"]) for r in rows])
    shipped = probs[:, 0] / np.maximum(probs[:, 0] + probs[:, 1], 1e-9)
    a = match_share(model, rows, lambda q, pro: asserted(q, not pro))
    b = match_share(model, rows, judged)
    readings = {"shipped": shipped, "a": a, "b": b, "c": (a + b) / 2}
    for name in ("a", "b", "c"):
        readings[f"{name}+shipped"] = (readings[name] + shipped) / 2
    print(f"{len(rows)} pro/con sentences ({int(gold.sum())} pro)")
    for name, share in readings.items():
        pred = share > 0.5
        acc_pro = float(np.mean(pred[gold])) if gold.any() else 0.0
        acc_con = float(np.mean(~pred[~gold])) if (~gold).any() else 0.0
        print(f"{name:12s} accuracy {np.mean(pred == gold):.3f}  pro {acc_pro:.3f}  con {acc_con:.3f}")


if __name__ == "__main__":
    main([Path(p) for p in sys.argv[1:]] or PROSE)
