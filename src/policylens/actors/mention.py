"""The record the resolver produces, and how one is made from a gazetteer target."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .gazetteer import Gazetteer


@dataclass(frozen=True)
class ActorMention:
    """A span of the document text linked to an actor."""

    start: int
    end: int
    text: str  # char offsets into the document text
    actor_id: str  # e.g. "KOR", "NATO", "person:yoon-suk-yeol"
    name: str  # canonical name, e.g. "South Korea", "Yoon Suk-yeol"
    code: str  # ISO3 of the state or org code (NATO, UN...)
    role: str | None  # e.g. "president", "foreign minister" (at the date)
    sector: str | None  # GOV, MIL, LEG, OPP, BUS, MED...
    kind: str  # "state" | "org" | "person" | "agent"
    how: str  # "name" | "alias" | "capital" | "demonym" | "role" | "pronoun" | "coref"


def code_mention(gaz: Gazetteer, code: str, start: int, end: int, text: str, how: str,
                 sector: str | None = None, role: str | None = None,
                 kind: str | None = None) -> ActorMention:
    """A mention of a state or organisation (or of an agent of one, with ``kind='agent'``)."""
    kind = kind or ("org" if code in gaz.orgs else "state")
    return ActorMention(start, end, text, code, gaz.code_name(code), code, role, sector,
                        kind, how)


def person_mention(gaz: Gazetteer, person_id: str, day: date | None, start: int, end: int,
                   text: str, how: str) -> ActorMention:
    """A mention of a person, with the office they held on ``day``."""
    person = gaz.people[person_id]
    term = gaz.office_of(person_id, day) if day else None
    if term is None:
        return ActorMention(start, end, text, person.actor_id, person.name,
                            person.nationality, None, None, "person", how)
    office = gaz.offices[term.office]
    role = f"acting {office.role}" if term.acting else office.role
    return ActorMention(start, end, text, person.actor_id, person.name, office.code, role,
                        "GOV", "person", how)
