"""Readers for the event gold sets in ../shared/event_coding (read at run time only)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

# PLOVER 0.5b1 names in the GSR file -> PLOVER 0.8+ names.
PLOVER_05_TO_08 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
                   "FIGHT": "ASSAULT"}


@dataclass
class GsrRecord:
    text: str
    type: str
    sources: list[str]
    targets: list[str]
    source_codes: list[str] = field(default_factory=list)
    target_codes: list[str] = field(default_factory=list)
    mode: str | None = None
    context: str | None = None


def load_gsr(path: Path) -> list[GsrRecord]:
    """The coded sentences of PLOVER_GSR_CAMEO.json, event names mapped to PLOVER 0.8."""
    out = []
    for rec in json.loads(Path(path).read_text(encoding="utf-8")):
        event = rec.get("event")
        if not event or event == "DOCUMENT" or not rec.get("text"):
            continue
        src = [a for a in rec.get("source") or [] if isinstance(a, dict)]
        tgt = [a for a in rec.get("target") or [] if isinstance(a, dict)]
        out.append(GsrRecord(
            text=rec["text"], type=PLOVER_05_TO_08.get(event, event),
            sources=[a.get("actorText", "") for a in src],
            targets=[a.get("actorText", "") for a in tgt],
            source_codes=[a.get("code", "") for a in src],
            target_codes=[a.get("code", "") for a in tgt],
            mode=rec.get("mode") or None, context=rec.get("context") or None))
    return out


@dataclass
class SpanSentence:
    tokens: list[str]
    tags: list[str]  # BIO with S (source), T (target), R (reciprocal)

    @property
    def text(self) -> str:
        return " ".join(self.tokens)

    def spans(self, kind: str) -> set[tuple[int, int]]:
        """Token spans (start, end) of one kind."""
        found, start = set(), None
        for i, tag in enumerate(self.tags + ["O"]):
            if start is not None and tag != f"I-{kind}":
                found.add((start, i))
                start = None
            if tag == f"B-{kind}":
                start = i
        return found


def load_conll_spans(path: Path) -> list[SpanSentence]:
    """ConfliBERT's ``token TAG`` files, blank lines between sentences."""
    out: list[SpanSentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines() + [""]:
        parts = line.strip().split()
        if len(parts) >= 2:
            tokens.append(parts[0])
            tags.append(parts[-1])
        elif tokens:
            out.append(SpanSentence(tokens, tags))
            tokens, tags = [], []
    return out
