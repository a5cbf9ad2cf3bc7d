"""The bundled gazetteer: states, organisations, offices with dated terms, sector nouns.

The CSV files under ``policylens/data/gazetteer`` are written for policylens (see
docs/actors.md); this module reads them once per process into lookups.
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from ..errors import PolicylensError

__all__ = ["State", "Org", "Person", "Office", "Term", "Gazetteer", "load_gazetteer",
           "GAZETTEER_DIR"]

GAZETTEER_DIR = Path(str(files("policylens") / "data" / "gazetteer"))
OPEN_END = date(9999, 12, 31)


@dataclass(frozen=True)
class State:
    code: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True)
class Org:
    code: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    members: tuple[str, ...]


@dataclass(frozen=True)
class Person:
    id: str  # slug, e.g. "yoon-suk-yeol"; actor ids are "person:" + slug
    name: str
    variants: tuple[str, ...]
    short: tuple[str, ...]  # surname-only forms, resolved by context and date
    gender: str  # "m" | "f" | "" (unknown)
    nationality: str  # ISO3

    @property
    def actor_id(self) -> str:
        return f"person:{self.id}"


@dataclass(frozen=True)
class Office:
    id: str  # e.g. "KOR.president"
    code: str  # the state or organisation the holder acts for
    kind: str  # head_of_state, head_of_government, foreign_minister, defence_minister, …
    role: str  # display role, e.g. "president"
    titles: tuple[str, ...]  # lower-case title phrases naming this office
    leader: bool  # the office "leader" refers to


@dataclass(frozen=True)
class Term:
    office: str
    person: str
    start: date
    end: date  # inclusive last day; OPEN_END while in office
    acting: bool
    note: str

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass
class Gazetteer:
    states: dict[str, State]
    orgs: dict[str, Org]
    people: dict[str, Person]
    offices: dict[str, Office]
    terms: list[Term]
    metonyms: dict[str, tuple[str, str]]  # phrase -> (code, sector)
    sectors: dict[str, str]  # lower-case noun (lemma or phrase) -> sector code
    iso3: dict[str, str]  # every ISO 3166 alpha-3 code -> name
    places: tuple[str, ...] = ()  # place names holding a state's name ("Korean Peninsula")
    _by_office: dict[str, list[Term]] = field(default_factory=dict, repr=False)
    _by_person: dict[str, list[Term]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for term in sorted(self.terms, key=lambda t: t.start):
            self._by_office.setdefault(term.office, []).append(term)
            self._by_person.setdefault(term.person, []).append(term)

    def holders(self, office: str, day: date) -> list[Term]:
        """Terms of ``office`` covering ``day``: acting holders after the substantive one."""
        terms = [t for t in self._by_office.get(office, []) if t.covers(day)]
        return sorted(terms, key=lambda t: (t.acting, -t.start.toordinal()))

    def terms_of(self, person: str) -> list[Term]:
        return self._by_person.get(person, [])

    def office_of(self, person: str, day: date) -> Term | None:
        """The most senior office ``person`` held on ``day``."""
        held = [t for t in self.terms_of(person) if t.covers(day)]
        return min(held, key=lambda t: (KIND_RANK[self.offices[t.office].kind], t.acting),
                   default=None)

    def predecessor(self, term: Term) -> Term | None:
        """The previous substantive holder of the office of ``term`` (acting holders skipped)."""
        before = [t for t in self._by_office.get(term.office, [])
                  if t.start < term.start and t.person != term.person and not t.acting]
        return before[-1] if before else None

    def successor(self, term: Term) -> Term | None:
        after = [t for t in self._by_office.get(term.office, [])
                 if t.start > term.start and t.person != term.person and not t.acting]
        return after[0] if after else None

    def offices_for(self, code: str) -> list[Office]:
        return [o for o in self.offices.values() if o.code == code]

    def code_name(self, code: str) -> str:
        if code in self.states:
            return self.states[code].name
        if code in self.orgs:
            return self.orgs[code].name
        return self.iso3.get(code, code)


KIND_RANK = {"head_of_state": 0, "head_of_government": 1, "secretary_general": 1,
             "foreign_minister": 2, "defence_minister": 3}


def split(cell: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (cell or "").split(";") if p.strip())


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c))


def parse_day(value: str, where: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise PolicylensError(f"{where}: '{value}' is not a date (use YYYY-MM-DD).") from exc


def read_csv(directory: Path, name: str) -> list[dict[str, str]]:
    path = directory / name
    if not path.exists():
        raise PolicylensError(f"Gazetteer file {path} is missing: reinstall policylens.")
    with open(path, encoding="utf-8", newline="") as fh:
        return [row for row in csv.DictReader(fh) if not row[next(iter(row))].startswith("#")]


def load_terms(directory: Path) -> list[Term]:
    terms = []
    for n, row in enumerate(read_csv(directory, "roles.csv"), start=2):
        where = f"roles.csv line {n}"
        terms.append(Term(
            office=row["office"], person=row["person"],
            start=parse_day(row["start"], where),
            end=parse_day(row["end"], where) if row["end"] else OPEN_END,
            acting=row["acting"].strip().lower() == "true", note=row.get("note") or ""))
    return terms


def load_from(directory: Path) -> Gazetteer:
    """Read every gazetteer file in ``directory``."""
    states = {r["iso3"]: State(r["iso3"], r["name"], split(r["aliases"]), split(r["demonyms"]),
                               split(r["capitals"])) for r in read_csv(directory, "states.csv")}
    orgs = {r["code"]: Org(r["code"], r["name"], split(r["aliases"]), r["kind"],
                           split(r["members"])) for r in read_csv(directory, "orgs.csv")}
    people = {r["id"]: Person(r["id"], r["name"], split(r["variants"]), split(r["short"]),
                              r["gender"], r["nationality"])
              for r in read_csv(directory, "people.csv")}
    offices = {r["id"]: Office(r["id"], r["code"], r["kind"], r["role"],
                               tuple(t.lower() for t in split(r["titles"])),
                               r["leader"] == "1")
               for r in read_csv(directory, "offices.csv")}
    metonyms = {r["phrase"]: (r["code"], r["sector"])
                for r in read_csv(directory, "metonyms.csv")}
    sectors = {r["noun"].lower(): r["sector"] for r in read_csv(directory, "sectors.csv")}
    iso3 = {r["iso3"]: r["name"] for r in read_csv(directory, "iso3166.csv")}
    places = tuple(r["phrase"] for r in read_csv(directory, "places.csv"))
    return Gazetteer(states, orgs, people, offices, load_terms(directory), metonyms,
                     sectors, iso3, places)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The bundled gazetteer, read once per process."""
    return load_from(GAZETTEER_DIR)
