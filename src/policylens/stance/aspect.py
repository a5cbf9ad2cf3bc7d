"""The aspect of a claim: the words it uses, else how well it matches short descriptions.

A claim naming words of one aspect more than of any other (``KEYWORDS``, written from the
aspect definitions) takes that aspect at no model cost. Otherwise the key-point match head
scores (description, claim) pairs, five passes per claim; the best-scoring aspect wins, and
"other" when no description fits. The descriptions were written once from the aspect names,
not tuned; the word lists were widened once (stance.claims v6) with our own 90 sentences on six
other debates (``tests/fixtures/aspect_dev.jsonl``), the seeds' gold aspects read only after.
"""

from __future__ import annotations

import re
from functools import lru_cache
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
                r"security|army|artillery|ammunition|invasion|attack|strike|targets?\b|escalat|conflict|"
                r"combat|navy|naval|air force|fighter|submarine|warship|frigate|intelligence|espionage|"
                r"sabotage|cyber|border|frontier|coast guard|patrol|bases?\b|forces\b|deploy|contingen|"
                r"shells?\b|drill|exercise|provocation|denucleari|proliferat",
    "economy": r"econom|trade|tariff|export|import|industr|jobs?\b|invest|market|supply chain|"
               r"billion|gdp|budget|sanction|cost|price|tax|debt|spend|money|fund(?:s|ed|ing)?\b|profit|revenue|"
               r"contract|factor(?:y|ies)\b|firms?\b|compan|business|manufactur|shipyard|supplier|consumer|inflation|"
               r"growth|wage|subsid|tourism|energy|oil\b|dollar|euros?\b",
    "diplomacy": r"diplomat|alliance|allies|ally\b|partner|summit|bilateral|multilateral|minilateral|"
                 r"dialogue|ties\b|relations|diplomac|ambassador|foreign minister|foreign polic|"
                 r"neighbou?r|regional|standing|influence|pact|treaty|agreement|talks\b|negotiat|"
                 r"cooperat|coordinat|engage|friendship|rapprochement|isolat",
    "domestic politics": r"domestic|voter|public opinion|election|parliament|national assembly|"
                         r"opposition party|approval|polls?\b|impeach|coalition|party|parties|lawmaker|"
                         r"legislat|congress|senate|bundestag|ballot|campaign|popular|populist|governor|"
                         r"constituen|survey|majority of|citizens|ruling party|protest|nationalis",
    "values/law": r"values|human rights|democra|rule of law|rules-based|international law|freedom|"
                  r"authoritarian|legitima|moral|principle|justice|jurisdiction|legal|illegal|courts?\b|"
                  r"ruling|arbitra|constitution|sovereign|independence|human|forced labou?r|duty|ethic|"
                  r"humanitarian|norms?\b|wto|un charter|territorial integrity|self-defen[cs]e|aggress",
}.items()}


def aspect_by_words(sentence: str, question: str = "") -> str | None:
    """The aspect whose words the sentence uses most, None on a tie or no such word. Words of the
    question itself do not count: every sentence of its debate shares them ("summit" when the
    question is about attending summits, "oil" in a debate on buying oil)."""
    asked = _question_words(question)
    counts = sorted(((sum(not _asked(m.group(0), asked) for m in p.finditer(sentence)), name)
                     for name, p in KEYWORDS.items()), reverse=True)
    if counts[0][0] == 0 or counts[0][0] == counts[1][0]:
        return None
    return counts[0][1]


@lru_cache(maxsize=256)
def _question_words(question: str) -> tuple[str, ...]:
    """The question's words, lower-cased: a document's sentences share one question."""
    return tuple(re.findall(r"\w[\w'-]*", question.lower()))


def _asked(hit: str, asked: tuple[str, ...]) -> bool:
    return any(word.startswith(hit.lower()) for word in asked)


def classify_aspects(model: CrossEncoder, sentences: Sequence[str],
                     questions: Sequence[str] | None = None) -> list[tuple[str, float]]:
    """(aspect, score) for each sentence: by its words (score 1.0), else by the match head. The
    question each sentence was coded for, if given, keeps its own words from counting."""
    asked = questions if questions is not None else [""] * len(sentences)
    by_words = [aspect_by_words(s, q) for s, q in zip(sentences, asked)]
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
