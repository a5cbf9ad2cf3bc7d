"""``events code``: code JSON lines of text into events, with or without given spans."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable, Iterator

from spacy.tokens import Doc, Span

from .actors_bridge import Actor, resolve_actors
from .coder import CodedEvent, finish, type_candidates
from .frames import Candidate, _candidate, attach, candidates
from .corpus import event_id
from .stage import PloverStage, codes, parse_day

EVENT_FIELDS = ("id", "event_id", "doc_id", "source", "sentence", "evidence", "actor", "target",
                "type", "mode", "context", "modality", "date", "date_precision", "date_how",
                "cameo", "goldstein", "confidence", "stage", "stage_version")
CHUNK = 64  # lines parsed and typed together


@dataclass
class Request:
    line: int
    text: str = ""
    source: str | None = None
    target: str | None = None
    published: date | None = None
    error: str | None = None
    events: list[dict[str, Any]] = field(default_factory=list)
    # Character spans of each event's actors and targets (for span scoring; not exported).
    spans: list[tuple[list[tuple[int, int]], list[tuple[int, int]]]] = field(default_factory=list)

    def add(self, event: CodedEvent, origin: str | None, doc: Doc) -> None:
        self.events.append(event_dict(event, f"{self.line}:{len(self.events)}", origin, None))
        self.spans.append(([noun_phrase(doc, a.start, a.end) for a in event.sources],
                           [noun_phrase(doc, a.start, a.end) for a in event.targets]))


# Words before a name that belong to the phrase naming the actor ("the United States",
# "five hundred Ugandan rebels"), as span annotations such as ConfliBERT's mark it.
PHRASE_LEFT_DEPS = {"det", "predet", "nummod", "quantmod"}


def noun_phrase(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character span of the actor's noun phrase: the name with its determiner and number."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return start, end
    first = span.start
    for child in sorted(span.root.lefts, key=lambda t: -t.i):
        if child.i < first and child.dep_ in PHRASE_LEFT_DEPS and child.right_edge.i == first - 1:
            first = child.left_edge.i
    return doc[first].idx, end


def parse_line(number: int, line: str) -> Request:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return Request(number, error=f"line {number}: not JSON ({exc.msg}); write one object "
                                     'per line like {"text": "..."}')
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        return Request(number, error=f'line {number}: needs a "text" string, e.g. {{"text": "..."}}')
    published = parse_day(data.get("published"))
    if data.get("published") and published is None:
        return Request(number, error=f"line {number}: 'published' must be an ISO date like 2025-06-24")
    return Request(number, data["text"], _span(data.get("source")), _span(data.get("target")),
                   published)


def _span(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def event_dict(e: CodedEvent, id_: str, origin: str | None, doc_id: str | None) -> dict[str, Any]:
    as_list = lambda actors: [{"name": a.display_name, "code": a.code} for a in actors]  # noqa: E731
    eid = event_id([{"type": e.type, "actor_codes": codes(e.sources),
                     "target_codes": codes(e.targets), "date": e.date}])
    values = {"id": id_, "event_id": eid, "doc_id": doc_id, "source": origin,
              "sentence": e.sentence, "evidence": e.evidence, "actor": as_list(e.sources),
              "target": as_list(e.targets), "type": e.type, "mode": e.mode,
              "context": e.context, "modality": e.modality, "date": e.date,
              "date_precision": e.date_precision, "date_how": e.date_how, "cameo": e.cameo,
              "goldstein": e.goldstein, "confidence": e.confidence,
              "stage": PloverStage.name, "stage_version": PloverStage.version}
    return {k: values[k] for k in EVENT_FIELDS}


def code_lines(lines: Iterable[str], origin: str, nlp: Any) -> Iterator[Request]:
    """Coded requests in input order, ``CHUNK`` lines at a time."""
    chunk: list[Request] = []
    for number, line in enumerate(lines, 1):
        # A blank line gets an empty answer so that output lines match input lines.
        chunk.append(parse_line(number, line) if line.strip() else Request(number))
        if len(chunk) >= CHUNK:
            yield from _code_chunk(chunk, origin, nlp)
            chunk = []
    yield from _code_chunk(chunk, origin, nlp)


def _code_chunk(chunk: list[Request], origin: str, nlp: Any) -> list[Request]:
    """Parse the chunk, gather every candidate, type them together, then finish."""
    good = [r for r in chunk if r.error is None]
    found: list[tuple[Request, Candidate, bool]] = []  # (request, candidate, spans given)
    for req, doc in zip(good, nlp.pipe([r.text for r in good])):
        actors = resolve_actors(doc, req.published)
        if req.source or req.target:
            cand = _span_request(req, doc, actors)
            if cand is not None:
                found.append((req, cand, True))
        else:
            found += [(req, c, False) for sent in doc.sents
                      for c in candidates(doc, actors, sent) if c.targets]
    probs = type_candidates([c for _, c, _ in found])
    for (req, cand, given), p in zip(found, probs):
        event = finish(cand, p, req.published, require_event=not given)
        if event is not None:
            req.add(event, None if given else origin, cand.sentence.doc)
    return chunk


def _span_request(req: Request, doc: Doc, actors: list[Actor]) -> Candidate | None:
    """The candidate relating the given source and target spans, or None with an error set."""
    src = _locate(doc, req.source, actors) if req.source else None
    tgt = _locate(doc, req.target, actors) if req.target else None
    if (req.source and src is None) or (req.target and tgt is None):
        missing = req.source if req.source and src is None else req.target
        req.error = f"line {req.line}: span {missing!r} is not in the text; give it exactly"
        return None
    return _span_candidate(doc, src, tgt)


def _find(haystack: str, text: str) -> tuple[int, int] | None:
    """Exact, then case- and space-insensitive; "..." in a span skips words."""
    start = haystack.find(text)
    if start >= 0:
        return start, start + len(text)
    parts = [re.escape(p) for p in re.split(r"\s*\.\.\.\s*|\s+", text.strip()) if p]
    if not parts:
        return None
    found = re.search(r"\s*".join(parts), haystack, re.I)
    found = found or re.search(r"[\s\S]{0,60}?".join(parts), haystack, re.I)
    return (found.start(), found.end()) if found else None


def _locate(doc: Doc, text: str, actors: list[Actor]) -> tuple[Actor, Span] | None:
    where = _find(doc.text, text)
    if where is None:
        return None
    start, end = where
    span = doc.char_span(start, end, alignment_mode="expand")
    inside = [a for a in actors if a.start < end and start < a.end and a.code]
    best = inside[0] if inside else None
    name = best.name if best and len(inside) == 1 else text
    code = best.code if best else None
    return Actor(start, end, text, name, code), span  # type: ignore[return-value]


def _span_candidate(doc: Doc, src: tuple | None, tgt: tuple | None) -> Candidate:
    anchor = (tgt or src)[1]  # type: ignore[index]
    sent = anchor.sent if len(list(doc.sents)) else doc[:]
    verb = attach(tgt[1].root)[0] if tgt else None
    top = attach(src[1].root)[0] if src else None
    verb = verb or top or sent.root
    top = top or verb
    sources = [src] if src else []
    targets = [tgt] if tgt else []
    cand = _candidate(sent, sources, targets, verb, top)
    if not cand.targets and tgt:  # same code on both sides: keep what was asked for
        cand.targets = [tgt[0]]
    if src and src[1].sent != sent:
        cand.sentence = doc[:]
    return cand
