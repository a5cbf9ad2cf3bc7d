"""Agents: sector nouns joined to the state or organisation they belong to."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .gazetteer import Gazetteer
from .matching import Matchers
from .mention import ActorMention, code_mention

LINKS = {"amod", "compound", "poss", "nmod", "nn"}
PREPS = {"of", "from", "in"}
BRIDGE = {"'s", "’s", "top", "senior", "main", "ruling", "former", "local", "new", "own",
          "state", "national", "federal"}


def attach_sectors(gaz: Gazetteer, doc: Doc, mentions: list[ActorMention],
                   matchers: Matchers) -> list[ActorMention]:
    """Add agent mentions; a state name right before its sector noun is folded into it."""
    tokens = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            tokens[m] = (span.start, span.end)
    taken = {i for a, b in tokens.values() for i in range(a, b)}
    out = list(mentions)
    for span, sector in matchers.sector_spans(doc, set(taken)):
        owner = _owner(doc, span, tokens)
        if owner is None:
            continue
        mention, (a, _) = owner
        if a < span.start and mention in out and _adjacent(doc, a, tokens[mention][1], span):
            out.remove(mention)
            whole = doc[a:span.end]
        else:
            whole = span
        out.append(code_mention(gaz, mention.code, whole.start_char, whole.end_char,
                                whole.text, mention.how if whole is not span else "name",
                                sector, None, "agent"))
    return out


def _owner(doc: Doc, span: Span, tokens: dict) -> tuple[ActorMention, tuple[int, int]] | None:  # type: ignore[type-arg]
    """The mention that modifies the sector noun: a left neighbour, a modifier or an of-phrase."""
    head = span[-1]
    candidates = [c.i for c in head.children if c.dep_ in LINKS]
    candidates += [g.i for c in head.children if c.dep_ == "prep" and c.lower_ in PREPS
                   for g in c.children if g.dep_ == "pobj"]
    for m, (a, b) in tokens.items():
        if m.kind == "person" and not _adjacent(doc, a, b, span):
            continue
        if _adjacent(doc, a, b, span) or any(a <= i < b or _within(doc, i, a, b)
                                             for i in candidates):
            return m, (a, b)
    return None


def _within(doc: Doc, i: int, a: int, b: int) -> bool:
    return a <= doc[i].head.i < b and doc[i].dep_ == "case" or False


def _adjacent(doc: Doc, a: int, b: int, span: Span) -> bool:
    """The mention ends right before the sector noun, bar a possessive or a few adjectives."""
    if b > span.start:
        return False
    return all(t.lower_ in BRIDGE for t in doc[b:span.start])
