"""The aspect of a claim: the words it uses, else how well it matches short descriptions.

A claim naming words of one aspect more than of any other (``KEYWORDS``, written from the
aspect definitions) takes that aspect at no model cost. Otherwise the key-point match head
scores (description, claim) pairs, five passes per claim; the best-scoring aspect wins, and
"other" when no description fits. Written once from the aspect names, not tuned.
"""

from __future__ import annotations

import re
from typing import Sequence

import numpy as np

from .model import CrossEncoder

ASPECTS = ("security", "economy", "diplomacy", "domestic politics", "values/law", "other")
DESCRIPTIONS: dict[str, str] = {
    "security": "It matters for military security, defence, deterrence, threats and weapons.",
    "economy": "It matters for the economy, trade, exports, industry, jobs and costs.",
    "diplomacy": "It matters for diplomatic relations, alliances, partnerships and standing abroad.",
    "domestic politics": "It matters for domestic politics, voters, public opinion and priorities at home.",
    "values/law": "It matters for values, human rights, democracy and international law.",
}
MIN_SCORE = 0.05  # below this no description fits at all
KEYWORDS: dict[str, re.Pattern[str]] = {name: re.compile(rf"\b(?:{words})", re.IGNORECASE) for name, words in {
    "security": r"militar|defen[cs]e|deterr|threat|weapon|arms\b|missile|nuclear|troops|soldier|war\b|"
                r"security|army|artillery|ammunition|invasion",
    "economy": r"econom|trade|tariff|export|import|industr|jobs?\b|invest|market|supply chain|"
               r"billion|gdp|budget|sanction",
    "diplomacy": r"diplomat|alliance|allies|ally\b|partner|summit|bilateral|multilateral|minilateral|"
                 r"dialogue|ties\b|relations",
    "domestic politics": r"domestic|voter|public opinion|election|parliament|national assembly|"
                         r"opposition party|approval rating|polls?\b|impeach",
    "values/law": r"values|human rights|democra|rule of law|rules-based|international law|freedom|"
                  r"authoritarian|legitima",
}.items()}


def aspect_by_words(sentence: str) -> str | None:
    """The aspect whose words the sentence uses most, None on a tie or no such word."""
    counts = sorted(((len(p.findall(sentence)), name) for name, p in KEYWORDS.items()), reverse=True)
    if counts[0][0] == 0 or counts[0][0] == counts[1][0]:
        return None
    return counts[0][1]


def classify_aspects(model: CrossEncoder, sentences: Sequence[str]) -> list[tuple[str, float]]:
    """(aspect, score) for each sentence: by its words (score 1.0), else by the match head."""
    by_words = [aspect_by_words(s) for s in sentences]
    unsure = [s for s, a in zip(sentences, by_words) if a is None]
    scored = iter(_by_model(model, unsure))
    return [(a, 1.0) if a is not None else next(scored) for a in by_words]


def _by_model(model: CrossEncoder, sentences: Sequence[str]) -> list[tuple[str, float]]:
    if not sentences:
        return []
    names = list(DESCRIPTIONS)
    pairs = [(DESCRIPTIONS[n], s) for s in sentences for n in names]
    scores = model.match(pairs).reshape(len(sentences), len(names))
    out = []
    for row in scores:
        best = int(np.argmax(row))
        out.append((names[best], float(row[best])) if row[best] >= MIN_SCORE else ("other", float(1 - row[best])))
    return out
