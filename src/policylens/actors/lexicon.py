"""Phrase tables built from the gazetteer: what each surface form may refer to."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .gazetteer import Gazetteer, strip_accents

PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m",
            "she": "f", "her": "f", "hers": "f", "herself": "f"}
PRECEDING = {"predecessor": -1, "successor": 1}
# "the alliance", "the bloc": the most recent organisation of these kinds.
ORG_NOUNS = {"alliance": {"alliance"}, "bloc": {"union", "alliance", "grouping", "igo"},
             "union": {"union"}}
# "the summit": the organisation whose summit the document named last ("the NATO summit").
MEETING_NOUNS = {"summit", "summits"}
# "the two countries", "both sides": the two states the document named last.
PAIR_NOUNS = {"countries", "nations", "states", "governments", "sides", "capitals"}
FORMER = {"former", "ex", "then", "ex-", "then-", "late", "past", "previous"}


@dataclass(frozen=True)
class Entry:
    """One thing a phrase may name."""

    kind: str  # state | org | person | metonym | place (a place name that is no actor)
    target: str  # ISO3, org code or person slug
    how: str  # name | alias | demonym | capital | short
    sector: str | None = None


@dataclass
class Lexicon:
    names: dict[str, list[Entry]] = field(default_factory=dict)  # case-sensitive phrases
    titles: set[str] = field(default_factory=set)  # lower-case office titles
    sector_phrases: dict[str, str] = field(default_factory=dict)  # lower-case -> sector

    def add(self, phrase: str, entry: Entry) -> None:
        phrase = phrase.strip()
        if phrase and entry not in self.names.setdefault(phrase, []):
            self.names[phrase].append(entry)


def name_variants(name: str) -> set[str]:
    """Spelling variants: without accents, and hyphenated given names spaced ("Suk Yeol")."""
    out = {name, strip_accents(name)}
    for form in list(out):
        if "-" in form:
            out.add(re.sub(r"-(\w)", lambda m: " " + m.group(1).upper(), form))
    return out


def build_lexicon(gaz: Gazetteer) -> Lexicon:
    lex = Lexicon()
    for state in gaz.states.values():
        for phrase in name_variants(state.name):
            lex.add(phrase, Entry("state", state.code, "name"))
        for alias in state.aliases:
            lex.add(alias, Entry("state", state.code, "alias"))
        for demonym in state.demonyms:
            lex.add(demonym, Entry("state", state.code, "demonym"))
        for capital in state.capitals:
            for phrase in name_variants(capital):
                lex.add(phrase, Entry("state", state.code, "capital", "GOV"))
    for org in gaz.orgs.values():
        lex.add(org.name, Entry("org", org.code, "name"))
        for alias in org.aliases:
            lex.add(alias, Entry("org", org.code, "alias"))
    for phrase in gaz.places:
        lex.add(phrase, Entry("place", "", "name"))
    for phrase, (code, sector) in gaz.metonyms.items():
        lex.add(phrase, Entry("metonym", code, "capital", sector))
    for person in gaz.people.values():
        for form in (person.name, *person.variants):
            for phrase in name_variants(form):
                lex.add(phrase, Entry("person", person.id, "name"))
        for short in person.short:
            lex.add(short, Entry("person", person.id, "short"))
    for office in gaz.offices.values():
        lex.titles.update(office.titles)
    lex.sector_phrases = dict(gaz.sectors)
    return lex
