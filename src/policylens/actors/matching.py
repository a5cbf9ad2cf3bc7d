"""Finding candidate spans in a parsed Doc: names, office titles and sector nouns."""

from __future__ import annotations

from dataclasses import dataclass, field

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from .lexicon import Entry, Lexicon

NOUNISH = {"NOUN", "PROPN"}


@dataclass
class Slot:
    """A token span waiting to be resolved, in document order."""

    start: int
    end: int  # exclusive token index
    kind: str  # name | role | pronoun | relative | orgref | meetingref | pairref
    entries: list[Entry] = field(default_factory=list)
    code: str | None = None  # role slots: the state or organisation named with the title
    title: str | None = None  # role slots: the lower-case title
    former: bool = False  # role slots: "former president"
    stranger: bool = False  # role slots: the title is followed by a name not in the gazetteer


class Matchers:
    """PhraseMatchers over one vocabulary, built once."""

    def __init__(self, vocab: Vocab, lex: Lexicon) -> None:
        make = spacy.blank("en", vocab=vocab).make_doc
        self.lex = lex
        self.names = PhraseMatcher(vocab, attr="ORTH")
        for phrase in lex.names:
            self.names.add(phrase, [make(phrase)])
        self.titles = PhraseMatcher(vocab, attr="LOWER")
        for title in lex.titles:
            self.titles.add(title, [make(title)])
        self.sectors = PhraseMatcher(vocab, attr="LOWER")
        for phrase in lex.sector_phrases:
            if " " in phrase:
                self.sectors.add(phrase, [make(phrase)])

    def name_slots(self, doc: Doc) -> list[Slot]:
        spans = [Span(doc, s, e, label=k) for k, s, e in self.names(doc)]
        slots = []
        for span in filter_spans(spans):
            entries = self.lex.names[span.label_]
            slots.append(Slot(span.start, span.end, "name", list(entries)))
        return slots

    def title_spans(self, doc: Doc, names: list[Slot]) -> list[Span]:
        """Office titles not overlapping a name ("President" after "European Commission")."""
        named = {i for s in names for i in range(s.start, s.end)}
        spans = [Span(doc, s, e, label=k) for k, s, e in self.titles(doc)
                 if not named & set(range(s, e))]
        return [s for s in filter_spans(spans) if s[-1].pos_ in NOUNISH]

    def sector_spans(self, doc: Doc, taken: set[int]) -> list[tuple[Span, str]]:
        """Sector nouns (multi-word phrases first, then single lemmas) on free tokens."""
        found: list[tuple[Span, str]] = []
        multi = [Span(doc, s, e, label=k) for k, s, e in self.sectors(doc)]
        for span in filter_spans(multi):
            if _in_longer_name(doc, span):
                continue
            if span[-1].pos_ in NOUNISH and not taken & set(range(span.start, span.end)):
                found.append((span, self.lex.sector_phrases[span.label_]))
                taken |= set(range(span.start, span.end))
        for token in doc:
            if token.i in taken or token.pos_ not in NOUNISH or _in_longer_name(doc, token):
                continue
            sector = (self.lex.sector_phrases.get(token.lower_)
                      or self.lex.sector_phrases.get(token.lemma_.lower()))
            if sector:
                found.append((doc[token.i:token.i + 1], sector))
        return sorted(found, key=lambda f: f[0].start)


def _in_longer_name(doc: Doc, item: Span | Token) -> bool:
    """ "General" in "EU General Court" is part of a name, not a sector noun."""
    end = item.end if isinstance(item, Span) else item.i + 1
    last = doc[end - 1]
    return last.pos_ == "PROPN" and end < len(doc) and doc[end].pos_ == "PROPN"
