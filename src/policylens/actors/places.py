"""States and organisations named in text, and when a capital names a government."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .gazetteer import Gazetteer
from .matching import Slot
from .mention import ActorMention, code_mention

PLACE_PREPS = {"in", "at", "near", "outside", "across", "throughout", "around"}
# "the Madrid summit", "the Washington Declaration": the capital names where, not who.
EVENT_NOUNS = {"summit", "talks", "declaration", "meeting", "conference", "process", "accord",
               "agreement", "treaty", "forum", "format", "communique", "consensus", "office",
               "embassy", "bureau", "correspondent", "airport", "university", "time", "visit"}


def code_mention_for(gaz: Gazetteer, doc: Doc, slot: Slot) -> ActorMention | None:
    """A state, organisation or metonym name slot as a mention; None for a place name.

    A capital used as a place ("held in Seoul", "the Madrid summit") keeps its state, which
    can be the target of an event ("shelling in Kyiv"), but not the government sector; a
    name inside a place name ("the Korean Peninsula", "the South China Sea") gives nothing.
    """
    entry = slot.entries[0]
    if entry.kind == "place":
        return None
    span = doc[slot.start:slot.end]
    sector = None if entry.how == "capital" and locative(span) else entry.sector
    how = "capital" if entry.kind == "metonym" else entry.how
    return code_mention(gaz, entry.target, span.start_char, span.end_char, span.text, how,
                        sector)


def locative(span: Span) -> bool:
    """"in Seoul" names a place; "Seoul said" names the government."""
    root, head = span.root, span.root.head
    if after_place_preposition(span):
        return True
    return root.dep_ in {"compound", "nmod", "amod"} and head.lemma_.lower() in EVENT_NOUNS


def after_place_preposition(span: Span) -> bool:
    """"in Algiers", "across Sudan": the name is where something happens."""
    return span.root.dep_ == "pobj" and span.root.head.lower_ in PLACE_PREPS
