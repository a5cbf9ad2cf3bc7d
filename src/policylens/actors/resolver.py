"""Linking mentions in a parsed document to actors of the gazetteer, at a date.

Rules, in order: gazetteer names (longest match wins); office titles joined with the
state or organisation before them ("South Korean President", "NATO's secretary
general") or after them ("president of Ukraine") and with a name after them
("President Yoon"); titles without a name resolved to the holder on the date; bare
titles ("the president"), pronouns and "X's predecessor" resolved to the most recent
compatible person in the document; "the two countries" and "both sides" to the two states
named last; sector nouns joined to a state ("South Korean
lawmakers" -> KOR LEG).
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc
from spacy.vocab import Vocab

from .gazetteer import Gazetteer, load_gazetteer
from .lexicon import (FORMER, MEETING_NOUNS, ORG_NOUNS, PAIR_NOUNS, PRECEDING,
                      PRONOUNS, Lexicon, build_lexicon)
from .matching import Matchers, Slot
from .mention import ActorMention
from .sequence import Sequencer
from .sectors import attach_sectors

__all__ = ["ActorMention", "ActorResolver"]

POSSESSIVE = {"'s", "’s", "'"}
CURRENT = {"new", "current", "sitting", "acting", "incumbent"}  # "South Korea's new president"
CODE_KINDS = {"state", "org", "metonym"}


class ActorResolver:
    """Resolves actor mentions in spaCy Docs; build once, call ``resolve`` per document."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or load_gazetteer()
        self.lexicon: Lexicon = build_lexicon(self.gazetteer)
        self._matchers: dict[int, Matchers] = {}

    def matchers(self, vocab: Vocab) -> Matchers:
        key = id(vocab)
        if key not in self._matchers:
            self._matchers[key] = Matchers(vocab, self.lexicon)
        return self._matchers[key]

    def resolve(self, doc: Doc, when: date | None) -> list[ActorMention]:
        """Every actor mention in ``doc``, roles resolved at ``when`` (None: no dated roles)."""
        matchers = self.matchers(doc.vocab)
        names = matchers.name_slots(doc)
        slots = self._role_slots(doc, names, matchers) + self._pronoun_slots(doc, names)
        slots = sorted(slots, key=lambda s: (s.start, s.end))
        mentions = Sequencer(self.gazetteer, doc, when).run(slots)
        mentions = attach_sectors(self.gazetteer, doc, mentions, matchers)
        return sorted(mentions, key=lambda m: (m.start, m.end))

    def _role_slots(self, doc: Doc, names: list[Slot], matchers: Matchers) -> list[Slot]:
        """Join titles with the names around them; the names left over stay name slots."""
        by_start = {s.start: s for s in names}
        by_end = {s.end: s for s in names}
        used: set[int] = set()
        roles = []
        for title in matchers.title_spans(doc, names):
            slot = Slot(title.start, title.end, "role", title=title.text.lower())
            self._join_left(doc, slot, by_end, used)
            self._join_right(doc, slot, by_start, used)
            roles.append(slot)
        return roles + [s for s in names if id(s) not in used]

    def _join_left(self, doc: Doc, slot: Slot, by_end: dict[int, Slot], used: set[int]) -> None:
        i = slot.start
        while i > 0 and doc[i - 1].lower_ in CURRENT:
            i -= 1
        if i > 0 and doc[i - 1].lower_ in FORMER | {"-"}:
            slot.former = True
            i -= 2 if doc[i - 1].text == "-" and i > 1 else 1
        if i > 0 and doc[i - 1].text in POSSESSIVE:
            i -= 1
        left = by_end.get(i)
        if left and left.entries[0].kind in CODE_KINDS:
            slot.code = left.entries[0].target
            slot.start = left.start
            used.add(id(left))
            if slot.start > 0 and doc[slot.start - 1].lower_ in FORMER:
                slot.former = True

    def _join_right(self, doc: Doc, slot: Slot, by_start: dict[int, Slot],
                    used: set[int]) -> None:
        right = by_start.get(slot.end)
        if right and right.entries[0].kind == "person":
            slot.entries = right.entries
            slot.end = right.end
            used.add(id(right))
            return
        if slot.end < len(doc) and doc[slot.end].ent_iob_ == "B" \
                and doc[slot.end].ent_type_ == "PERSON":
            ent = next(e for e in doc.ents if e.start == slot.end)
            slot.end, slot.stranger = ent.end, True  # "Russian President Boris Yeltsin"
            return
        if slot.code is None and slot.end < len(doc) and doc[slot.end].lower_ == "of":
            after = by_start.get(slot.end + 1) or by_start.get(slot.end + 2)
            if after and after.entries[0].kind in CODE_KINDS:
                slot.code = after.entries[0].target
                slot.end = after.end
                used.add(id(after))

    def _pronoun_slots(self, doc: Doc, names: list[Slot]) -> list[Slot]:
        taken = {i for s in names for i in range(s.start, s.end)}
        slots = []
        for token in doc:
            if token.i in taken:
                continue
            if token.lower_ in PRONOUNS and token.pos_ == "PRON":
                slots.append(Slot(token.i, token.i + 1, "pronoun"))
            elif token.lemma_.lower() in PRECEDING and token.pos_ == "NOUN":
                slots.append(Slot(token.i, token.i + 1, "relative"))
            elif (token.lower_ in ORG_NOUNS and token.i > 0
                  and doc[token.i - 1].lower_ == "the"):
                slots.append(Slot(token.i, token.i + 1, "orgref"))
            elif (token.lower_ in MEETING_NOUNS and token.i > 0
                  and doc[token.i - 1].lower_ in {"the", "this", "that"}):
                slots.append(Slot(token.i, token.i + 1, "meetingref"))
            elif token.lower_ in PAIR_NOUNS and (start := _pair_start(doc, token.i)) is not None:
                slots.append(Slot(start, token.i + 1, "pairref"))
        return slots


def _pair_start(doc: Doc, i: int) -> int | None:
    """Where "the two countries" or "both sides" begins, if the noun at ``i`` ends one."""
    before = [t.lower_ for t in doc[max(i - 2, 0):i]]
    if before[-1:] == ["both"]:
        return i - 1
    if before == ["the", "two"]:
        return i - 2
    return None
