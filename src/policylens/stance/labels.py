"""Short readable labels for key points, taken or condensed from their best claim."""

from __future__ import annotations

import re

MIN_WORDS = 10
MAX_WORDS = 20
# Openers that frame a sentence rather than carry its point.
LEADING = re.compile(
    r"^(\W*(however|moreover|furthermore|in addition|additionally|also|indeed|thus|therefore|"
    r"consequently|in sum|in short|overall|for example|for instance|meanwhile|still|yet|and|but|"
    r"so|first|second|third|finally|above all|in return|at the same time)\b,?\s*)+",
    re.IGNORECASE,
)
# A leading concession or setting is not the point: "Although X, <point>", "Given X, <point>".
FRAMING_CLAUSE = re.compile(
    r"^(although|though|even though|while|whereas|despite|in spite of|given|starting with|amid|"
    r"considering|notwithstanding)\b[^,]{3,}?,\s+", re.IGNORECASE)
MIN_POINT_WORDS = 6  # what is left after dropping such a clause must still say something


def clean_sentence(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip().strip("\"“”'")
    text = LEADING.sub("", text).strip()
    rest = FRAMING_CLAUSE.sub("", text, count=1)
    if rest != text and len(rest.split()) >= MIN_POINT_WORDS:
        text = LEADING.sub("", rest).strip()
    return text[:1].upper() + text[1:] if text else text


def condense(text: str) -> str:
    """A 10–20 word label: the sentence itself when short enough, else its leading clauses."""
    words = clean_sentence(text).rstrip(".").split()
    if len(words) <= MAX_WORDS:
        return " ".join(words)
    cut = _clause_cut(words)
    kept = words[:cut] if cut else words[:MAX_WORDS]
    label = " ".join(kept).rstrip(",;:—–-")
    return label if cut else label + " …"


def _clause_cut(words: list[str]) -> int:
    """The last clause boundary (after , ; : or a dash) between MIN_WORDS and MAX_WORDS words."""
    best = 0
    for i, w in enumerate(words[:MAX_WORDS], start=1):
        if i >= MIN_WORDS and (w.endswith((",", ";", ":")) or (i < len(words) and words[i] in ("—", "–"))):
            best = i
    return best
