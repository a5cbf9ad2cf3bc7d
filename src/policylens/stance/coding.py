"""Coding sentences toward a question: stance, confidence, aspect, and whether it is a claim.

The stance comes from the cross-encoder. A claim is a sentence that takes a side with some
confidence and is argued rather than reported: it carries a modal, an evaluation or a
reason marker ("If Lee attends, ... could bolster ..." is a claim; "Lee met Rutte" is not),
and it states rather than asks ("Why is Seoul interested in NATO?" is not a claim).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Sequence

import numpy as np

from ..ingest.dates import MONTH_NAMES
from .aspect import classify_aspects
from .framing import framed_stance
from .model import STANCES, CrossEncoder

ARGUMENT_CUES = re.compile(
    r"\b(should|could|would|must|might|may|ought|need(s|ed)? to|can|cannot|can't|will|won't|"
    r"because|since|so that|therefore|thus|hence|if|unless|risk\w*|cost\w*|benefit\w*|"
    r"advantage\w*|opportunit\w+|threat\w*|undermin\w+|strengthen\w*|bolster\w*|help\w*|"
    r"harm\w*|hurt\w*|danger\w*|important|crucial|vital|essential|necessary|better|worse|"
    r"best|worst|wise|unwise|mistake|sense|priorit\w+|interest\w*|gain\w*|los[es]\w*|"
    r"signal\w*|elevate\w*|enhance\w*|improve\w*|damag\w+|provok\w+|jeopardi\w+|secure)\b",
    re.IGNORECASE,
)
# Words that look like cues but are dates: the month ("On May 27", "in early May"; "May" opening a
# sentence is the modal unless a day follows) and a temporal "since" ("since September 2017",
# "since taking office", "since then").
NOT_CUES = re.compile(
    r"(?<=\S )May\b|^\W*May(?= \d)|"
    r"\b(?i:since) (?=\d|(?i:then|early|late|mid|last|the (?:start|end|beginning))\b|\w+ing\b|"
    rf"(?:{MONTH_NAMES})\b)")
# A sentence that is itself a question (a heading such as "Why is Seoul interested in NATO?")
# asks rather than argues; a report that quotes a question ("He asked: 'Why …?'") is not one.
QUESTION = re.compile(
    r"^\W*(why|what|how|who|which|when|where|whether|is|are|was|were|do|does|did|should|shall|"
    r"can|could|will|would|has|have|had|must|may|might)\b[^?]*\?[\W]*$", re.IGNORECASE)
MIN_CLAIM_WORDS = 8  # shorter sentences rarely carry a reason, and cannot make a 10-word label
CLAIM_MIN_SIDE = 0.5  # P(pro) + P(con) a claim needs: it takes a side more than not


@dataclass(frozen=True)
class Coded:
    stance: str
    confidence: float
    p_pro: float
    p_con: float
    p_neutral: float
    aspect: str
    is_claim: bool

    def as_output(self) -> dict:
        return {"stance": self.stance, "confidence": round(self.confidence, 4),
                "aspect": self.aspect, "is_claim": self.is_claim}


def is_question(text: str) -> bool:
    return QUESTION.match(text.strip()) is not None


def is_argued(text: str) -> bool:
    return (len(text.split()) >= MIN_CLAIM_WORDS
            and ARGUMENT_CUES.search(NOT_CUES.sub(" ", text)) is not None)


def code_sentences(model: CrossEncoder, items: Sequence[tuple[str, str]],
                   aspect_for: Callable[[Coded], bool] = lambda c: True) -> list[Coded]:
    """Code (sentence, question-or-target) pairs; aspects only where ``aspect_for`` says
    (the aspect costs five model passes per sentence, the stance one)."""
    probs = framed_stance(model, [(q, t) for t, q in items])
    coded = [_coded(text, p, "other") for (text, _), p in zip(items, probs)]
    wanted = [i for i, c in enumerate(coded) if aspect_for(c)]
    aspects = classify_aspects(model, [items[i][0] for i in wanted], [items[i][1] for i in wanted])
    for i, (aspect, _) in zip(wanted, aspects):
        coded[i] = replace(coded[i], aspect=aspect)
    return coded


def _coded(text: str, p: np.ndarray, aspect: str) -> Coded:
    best = int(np.argmax(p))
    sided = float(p[0] + p[1])
    claim = sided >= CLAIM_MIN_SIDE and is_argued(text) and not is_question(text)
    return Coded(stance=STANCES[best], confidence=float(p[best]), p_pro=float(p[0]),
                 p_con=float(p[1]), p_neutral=float(p[2]), aspect=aspect, is_claim=claim)
