"""Tell news from opinion from analysis by the way a text is written.

A page label ("Opinion", "Analysis") decides when there is one. Otherwise:
a dateline or wire credit marks news; an author arguing (first person,
"in sum", "makes sense", a headline that prescribes or predicts on a
condition) marks opinion; many attributed quotes without argument mark
news; the rest of a long text is analysis.
"""

from __future__ import annotations

import re

__all__ = ["classify_kind"]

_LABELS = (
    (re.compile(r"^(?:opinion|op-?ed|commentary|comment|perspectives?|viewpoints?|editorial|"
                r"columns?|guest essay|letters?)\b", re.IGNORECASE), "opinion"),
    (re.compile(r"^(?:analysis|explainer|in[- ]depth|long read|features?|briefing|report)\b",
                re.IGNORECASE), "analysis"),
)
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z .'\u2019-]{2,30}(?:,\s*[A-Z][\w.]+)*\s*(?:\([A-Za-z ]{2,20}\))?\s*[\u2013\u2014-]{1,2}\s"
    r"|[A-Z][\w .'-]{2,30},\s+\w+\.?\s+\d{1,2}\s*\((?:Reuters|AP|AFP|Yonhap|Xinhua|Bloomberg|dpa)\))"
)
_WIRE = re.compile(r"\((?:Reuters|AP|AFP|Yonhap|Xinhua|Bloomberg|dpa|Kyodo|UPI)\)")
_QUOTED = re.compile(r"[\u201c\"][^\u201d\"]{0,600}[\u201d\"]")
_FIRST_PERSON = re.compile(r"\b(?:I|I['\u2019]m|I['\u2019]ve|I['\u2019]d|my|me|myself)\b")
_ARGUMENT = re.compile(
    r"\b(?:in sum|in short|in conclusion|to be sure|ultimately|makes sense|make sense|wishful thinking|"
    r"would be wise|would be a mistake|it is time|it['\u2019]s time|we must|we should|"
    r"it is (?:clear|wrong|right|essential|imperative|crucial|high time))\b",
    re.IGNORECASE,
)
_REPORTING = re.compile(r"\b(?:said|says|told|according to|announced|added|reportedly|stated)\b")
_HEADLINE_CUE = re.compile(
    r"\b(?:should|must|needs? to|time to|case for|case against|why\b.*\b(?:is|are)\b.*\b(?:wrong|right))|"
    r"\bwill\b.*\bif\b|\bif\b.*\bwill\b",
    re.IGNORECASE,
)


def _label(lines: list[str]) -> str | None:
    for line in lines:
        text = line.strip()
        if len(text.split()) > 6:
            continue
        for pattern, kind in _LABELS:
            if pattern.match(text):
                return kind
    return None


def _per_thousand(count: int, words: int) -> float:
    return 1000.0 * count / max(words, 1)


def classify_kind(text: str, title: str | None = None, labels: list[str] | None = None) -> str:
    """``news``, ``opinion``, ``analysis`` or ``unknown`` for an article's clean text.

    ``labels`` are lines where a section label may sit (bylines, beside the headline).
    """
    text = text[:200_000]  # rates settle long before this; keeps huge inputs cheap
    labelled = _label(labels or [])
    if labelled:
        return labelled
    words = len(text.split())
    if words < 120:
        return "unknown"
    opening = text.lstrip()[:200]
    if _DATELINE.match(opening) or _WIRE.search(opening):
        return "news"
    prose = _QUOTED.sub(" ", text)
    first_person = _per_thousand(len(_FIRST_PERSON.findall(prose)), words)
    argument = _per_thousand(len(_ARGUMENT.findall(prose)), words)
    if first_person >= 3 or argument >= 3 or (title and _HEADLINE_CUE.search(title)):
        return "opinion"
    reporting = _per_thousand(len(_REPORTING.findall(text)), words)
    if reporting >= 10 and argument == 0:
        return "news"
    return "analysis"
