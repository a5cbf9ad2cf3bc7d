"""A document's stance toward a question, from the stances of its claims.

Rule: each claim adds its pro and con probabilities, weighted by its position — the closing
fifth of an article (where op-eds conclude) counts double and the lead counts one and a half
(fixed in advance). A side wins when the two weights differ by at least a quarter of their sum
(one side about 1.67 times the other); otherwise the document weighs both (neutral). The 0.25
was chosen on the development corpora (seeds and the two written ones) from seven thresholds, by
a rule written before measuring (notes/ISSUE-4.md, session 26). A document with no claim is
neutral when some sentences bear on the question, and "none" when none does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

CONCLUSION_SHARE = 0.2
CONCLUSION_WEIGHT = 2.0
LEAD_SHARE = 0.1
LEAD_WEIGHT = 1.5
MIN_BALANCE = 0.25  # (a - b) / (a + b): one side weighs about 1.67 times the other
MAX_EVIDENCE = 3


@dataclass(frozen=True)
class ClaimVote:
    sentence: str
    position: float  # index of the sentence / number of sentences, in [0, 1)
    p_pro: float
    p_con: float


@dataclass(frozen=True)
class DocStance:
    stance: str
    confidence: float
    evidence: list[str]


def position_weight(position: float) -> float:
    if position >= 1 - CONCLUSION_SHARE:
        return CONCLUSION_WEIGHT
    if position < LEAD_SHARE:
        return LEAD_WEIGHT
    return 1.0


def document_stance(claims: Sequence[ClaimVote], bears_on: bool) -> DocStance:
    if not claims:
        return DocStance("neutral" if bears_on else "none", 0.5 if bears_on else 1.0, [])
    pro = sum(position_weight(c.position) * c.p_pro for c in claims)
    con = sum(position_weight(c.position) * c.p_con for c in claims)
    balance = (pro - con) / max(pro + con, 1e-9)
    if abs(balance) < MIN_BALANCE:
        return DocStance("neutral", 1 - abs(balance) / MIN_BALANCE * 0.5, _evidence(claims, "both"))
    side = "pro" if balance > 0 else "con"
    return DocStance(side, min(1.0, 0.5 + abs(balance) / 2), _evidence(claims, side))


def _evidence(claims: Sequence[ClaimVote], side: str) -> list[str]:
    def strength(c: ClaimVote, s: str) -> float:
        return position_weight(c.position) * (c.p_pro if s == "pro" else c.p_con)

    if side != "both":
        ranked = sorted(claims, key=lambda c: -strength(c, side))
        return [c.sentence for c in ranked[:MAX_EVIDENCE]]
    best = [max(claims, key=lambda c: strength(c, s)) for s in ("pro", "con")]
    return list(dict.fromkeys(c.sentence for c in best))
