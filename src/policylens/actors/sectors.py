"""Agents: sector nouns joined to the state or organisation they belong to."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .gazetteer import Gazetteer
from .matching import Matchers
from .mention import ActorMention, code_mention

LINKS = {"amod", "compound", "poss", "nmod", "nn"}
PREPS = {"of", "from", "in", "throughout", "across"}
BRIDGE = {"'s", "’s", "top", "senior", "main", "ruling", "former", "local", "new", "own",
          "state", "national", "federal"}


def attach_sectors(gaz: Gazetteer, doc: Doc, mentions: list[ActorMention],
                   matchers: Matchers) -> list[ActorMention]:
    """Add agent mentions; a state name right before its sector noun is folded into it."""
    spans: dict[ActorMention, tuple[int, int]] = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            spans[m] = (span.start, span.end)
    at = {i: m for m, (a, b) in spans.items() for i in range(a, b)}
    out = list(mentions)
    sole: dict[int, ActorMention | None] = {}  # sentence start -> the one state it names
    for span, sector in matchers.sector_spans(doc, set(at)):
        owner, folded = _owner(doc, span, at)
        how = None
        if owner is None:
            sent = span.sent
            if sent.start not in sole:
                sole[sent.start] = _only_state_in(sent, mentions, spans)
            owner, how = sole[sent.start], "coref"
        if owner is None:
            continue
        whole = span
        if folded and owner in out:
            out.remove(owner)
            whole = doc[spans[owner][0]:span.end]
        out.append(code_mention(gaz, owner.code, whole.start_char, whole.end_char,
                                whole.text, how or (owner.how if whole is not span else "name"),
                                sector, None, "agent"))
    return out


def _owner(doc: Doc, span: Span, at: dict[int, ActorMention]) -> tuple[ActorMention | None, bool]:
    """The mention modifying a sector noun, and whether it sits right before it.

    A left neighbour (bar a possessive or a few adjectives) is folded into the agent
    ("South Korean lawmakers"); a modifier or an of-phrase is not ("lawmakers in Seoul").
    """
    i = span.start - 1
    while i >= 0 and i not in at and doc[i].lower_ in BRIDGE:
        i -= 1
    left = at.get(i) if i >= 0 else None
    if left is not None and left.how != "pronoun" and (
            left.kind != "person" or i == span.start - 1):
        return left, True
    head = span[-1]
    if head.dep_ == "compound" and head.head.pos_ == "NOUN":
        head = head.head  # "opposition groups in Zimbabwe": the phrase's own noun has the place
    for child in head.children:
        if child.dep_ in LINKS and child.i in at and at[child.i].kind != "person":
            return at[child.i], False
        if child.dep_ == "prep" and child.lower_ in PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.i in at and at[obj.i].kind != "person":
                    return at[obj.i], False
    return None, False


def _only_state_in(sent: Span, mentions: list[ActorMention],
                   spans: dict[ActorMention, tuple[int, int]]) -> ActorMention | None:
    """The state a sentence names, when it names one only (its people included): a bare sector
    noun there belongs to it ("Ugandan rebels surrendered after a government offensive")."""
    named = [m for m in mentions if m.kind in ("state", "agent", "person") and m in spans
             and sent.start <= spans[m][0] < sent.end]
    states = [m for m in named if m.kind != "person"]
    return states[0] if states and len({m.code for m in named}) == 1 else None
