"""Strip page furniture from plain-text dumps of web pages.

The page is cut into units (a line, or a hard-wrapped paragraph), each unit
gets a label from ``furniture`` and a content score from its shape (long,
ending like a sentence: article; short, unpunctuated, or furniture: not). The
article body is the run of units with the highest total score, furniture
recognised for sure being skipped rather than scored; units before and after
it are furniture, except a one-sentence standfirst under the headline. Inside
the body only furniture, captions and duplicates (summary bullets, repeated
headlines) are removed. Nothing is ever rewritten: the text
returned is made of the input's own lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policylens.ingest.furniture import (
    SOFT_LABELS,
    fold,
    furniture_label,
    is_bare_name,
    is_sentence_like,
    word_count,
)
from policylens.model import CleanText

__all__ = ["clean_plain_text"]

_BULLET = re.compile(r"^(?:[-*\u2022\u00b7\u25aa\u2023\u25e6]|\d{1,2}[.)])\s+")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_CAPTION_DATE = re.compile(
    r",\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},\s+\d{4}\.$"
)
# Furniture that follows the article: where the body ends (see _trim_author_box).
_END_MARKERS = frozenset({"byline", "bio", "comments"})
# Duplicate search compares every short unit with the whole page; above this
# much work it is skipped (exact repeats are still found).
_MAX_DUP_WORK = 50_000_000


@dataclass
class _Unit:
    lines: list[str]
    text: str
    label: str | None = None
    words: int = 0
    sentence: bool = False
    bullet: bool = False
    dup: bool = False
    inside: bool = False  # its text also appears inside a longer unit
    key: str = ""
    keep: bool = False


def _split_units(raw: str) -> list[_Unit]:
    """Lines, joined where a paragraph was hard-wrapped onto several lines."""
    lines = [line.strip() for line in raw.splitlines()]
    wrapped = _looks_wrapped(lines)
    units: list[_Unit] = []
    current: list[str] = []
    for line in lines + [""]:
        if current and (not line or not _continues(current[-1], line, wrapped)):
            units.append(_Unit(current, " ".join(current)))
            current = []
        if line:
            current.append(line)
    return units


def _looks_wrapped(lines: list[str]) -> bool:
    """Whether the dump breaks paragraphs at a fixed width (every line short)."""
    filled = [len(line) for line in lines if line]
    if len(filled) < 8:
        return False
    longest = max(filled)
    return longest <= 100 and sum(n >= 0.6 * longest for n in filled) >= 0.6 * len(filled)


# A long line ending in a word that cannot end a sentence or a heading ("... The summit in
# Bergen on") was cut by a hard wrap, even in a file too short to look wrapped.
_DANGLING = re.compile(r"\b(?:the|a|an|of|on|in|at|to|for|with|by|from|into|and|or|but|as|that|"
                       r"which|who|whose|its|their|his|her|our|is|are|was|were|will|would|has|"
                       r"have|had)$")


def _continues(previous: str, line: str, wrapped: bool) -> bool:
    """Whether ``line`` carries on the paragraph ending with ``previous``."""
    cut_short = len(previous) >= 60 and _DANGLING.search(previous) is not None
    if len(previous) < 30 or is_sentence_like(previous) and not wrapped and not cut_short:
        return False
    if furniture_label(previous) or furniture_label(line):
        return False
    return wrapped or cut_short or line[:1].islower()


def _describe(unit: _Unit) -> None:
    unit.label = furniture_label(unit.text) if len(unit.lines) == 1 else None
    unit.bullet = bool(_BULLET.match(unit.text))
    body = _BULLET.sub("", unit.text, count=1)
    unit.words = word_count(body)
    unit.sentence = is_sentence_like(body)
    unit.key = fold(body).translate(_QUOTES).casefold()


def _mark_duplicates(units: list[_Unit]) -> None:
    """Summary bullets, pull quotes and repeated headlines: text found twice."""
    groups: dict[str, list[int]] = {}
    for i, unit in enumerate(units):
        groups.setdefault(unit.key, []).append(i)
    for indices in groups.values():
        if len(indices) < 2:
            continue
        if units[indices[0]].words <= 25 and not units[indices[0]].sentence:
            keep = None  # a repeated headline-like line belongs in the metadata
        else:  # the last plain copy: teasers and summaries come before the body
            plain = [i for i in indices if not units[i].bullet]
            keep = plain[-1] if plain else indices[-1]
        for i in indices:
            units[i].dup = i != keep
    page = "\n".join(u.key for u in units)
    candidates = [u for u in units if not u.dup and 6 <= u.words <= 80]
    if len(candidates) * len(page) > _MAX_DUP_WORK:
        return
    for unit in candidates:
        if page.count(unit.key) > 1 and len(groups[unit.key]) == 1:
            unit.inside = True


def _mark_captions(units: list[_Unit]) -> None:
    """A short sentence just above a photo credit, or ending with the photo's date."""
    for i, unit in enumerate(units):
        if unit.label or unit.words > 45:
            continue
        above_credit = i + 1 < len(units) and units[i + 1].label == "credit"
        if above_credit and unit.sentence or _CAPTION_DATE.search(unit.text):
            unit.label = "caption"


def _mark_author_lines(units: list[_Unit]) -> None:
    """A bare "Firstname Lastname" line beside a date or byline is the author line."""
    for i, unit in enumerate(units):
        if unit.label or not is_bare_name(unit.text):
            continue
        beside = [units[j].label for j in (i - 1, i + 1) if 0 <= j < len(units)]
        if "date" in beside or "byline" in beside:
            unit.label = "byline"


def _mark_link_lists(units: list[_Unit]) -> None:
    """Headlines listed under "Related", "Most read" and the like are links, not text."""
    in_list = False
    for unit in units:
        if unit.label == "related":
            in_list = True
        elif in_list and not unit.label and not unit.sentence and unit.words <= 15:
            unit.label = "related"
        else:
            in_list = False


def _score(unit: _Unit) -> float:
    """How much a unit looks like article text (positive) or not (negative)."""
    if unit.dup or unit.inside:
        return -1.0
    if unit.label:
        return -2.0  # only soft labels get here: a bio or place line
    if unit.sentence:
        return 0.5 + min(unit.words, 150) / 15.0 if unit.words >= 6 else 0.0
    return -1.0 if unit.words <= 20 else min(unit.words, 150) / 30.0 - 0.5


def _best_run(scores: list[float]) -> tuple[int, int]:
    """Start and end (exclusive) of the contiguous run with the largest sum."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, i
        total += score
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def _body_span(units: list[_Unit]) -> tuple[int, int]:
    """Units start:end holding the article, found over everything but hard furniture.

    Furniture recognised for sure (ads, credits, share buttons) is skipped
    rather than scored, so an advertisement between two paragraphs does not
    split the article; only lines of unclear kind count against it.
    """
    soft = [i for i, u in enumerate(units) if not u.label or u.label in SOFT_LABELS]
    start, end = _best_run([_score(units[i]) for i in soft])
    if start == end:
        return 0, 0
    return soft[start], _trim_author_box(units, soft[start], soft[end - 1] + 1)


def _trim_author_box(units: list[_Unit], start: int, end: int) -> int:
    """End the body where the author box or comments begin, after most of the text.

    A byline or comments header there ends the article; a bio-like sentence
    does only when almost nothing follows it, as the body may quote an expert
    introduced the same way.
    """
    mass = [max(_score(u), 0.0) if not u.label or u.label in SOFT_LABELS else 0.0 for u in units]
    total = sum(mass[start:end])
    seen = 0.0
    for i in range(start, end):
        label = units[i].label
        if label in _END_MARKERS and seen >= 0.6 * total:
            if label != "bio" or total - seen - mass[i] <= 0.15 * total:
                return i
        seen += mass[i]
    return end


def _select(units: list[_Unit]) -> None:
    start, end = _body_span(units)
    if start == end:  # no prose at all: keep whatever is not furniture
        for unit in units:
            unit.keep = not unit.label and not unit.dup
        return
    for unit in units[start:end]:
        unit.keep = not unit.dup and (not unit.label or unit.label in SOFT_LABELS)
    standfirst = _standfirst(units, start)
    if standfirst is not None:
        units[standfirst].keep = True
    _restore_orphans(units, start, end)


def _restore_orphans(units: list[_Unit], start: int, end: int) -> None:
    """Keep exactly one copy of repeated body text, even when its first copy was dropped."""
    kept_page = "\n".join(u.key for u in units if u.keep)
    kept_keys = {u.key for u in units if u.keep}
    for unit in units[start:end]:
        if unit.inside and unit.keep:
            unit.keep = kept_page.count(unit.key) < 2
        elif unit.dup and unit.key not in kept_keys and (unit.sentence or unit.words > 25):
            unit.keep = not unit.label or unit.label in SOFT_LABELS
            kept_keys.add(unit.key)


def _standfirst(units: list[_Unit], start: int) -> int | None:
    """The one-sentence summary just above the body (past headline, byline, photo)."""
    for i in range(start - 1, max(-1, start - 8), -1):
        unit = units[i]
        if unit.label or unit.dup or unit.inside:
            continue
        if not unit.sentence:
            if unit.words > 25:
                return None
            continue  # the headline
        return i if 12 <= unit.words <= 60 else None
    return None


def clean_plain_text(raw: str) -> CleanText:
    """Article text of a plain-text page dump, and the furniture lines removed."""
    units = _split_units(raw if isinstance(raw, str) else "")
    for unit in units:
        _describe(unit)
    _mark_duplicates(units)
    _mark_captions(units)
    _mark_author_lines(units)
    _mark_link_lists(units)
    _select(units)
    kept = ["\n".join(u.lines) for u in units if u.keep]
    removed = [line for u in units if not u.keep for line in u.lines]
    return CleanText(text="\n\n".join(kept), removed=removed)
