"""The bundled gazetteer is internally consistent."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest

from policylens.actors.gazetteer import (GAZETTEER_DIR, OPEN_END, load_from, load_gazetteer,
                                         read_csv)
from policylens.errors import PolicylensError

SECTORS = {"GOV", "MIL", "LEG", "OPP", "BUS", "MED", "REB", "COP", "JUD", "CVL", "EDU", "REF",
           "SPY", "LAB", "AGR", "PTY"}
KINDS = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister",
         "secretary_general"}


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def test_iso_list_is_complete_and_unique() -> None:
    rows = read_csv(GAZETTEER_DIR, "iso3166.csv")
    codes = [r["iso3"] for r in rows]
    assert len(codes) == len(set(codes))
    assert sum(r["status"] == "official" for r in rows) == 249  # ISO 3166-1 as of 2024
    assert all(len(c) == 3 and c.isupper() for c in codes)


def test_every_state_code_is_iso(gaz) -> None:
    assert set(gaz.states) <= set(gaz.iso3)
    assert len(gaz.states) >= 195  # the UN members, observers, Taiwan and Kosovo


def test_every_code_used_is_known(gaz) -> None:
    known = set(gaz.iso3) | set(gaz.orgs)
    assert not set(gaz.states) & set(gaz.orgs), "a code is both a state and an organisation"
    assert {o.code for o in gaz.offices.values()} <= known
    assert {p.nationality for p in gaz.people.values()} <= set(gaz.iso3)
    assert {code for code, _ in gaz.metonyms.values()} <= known
    assert {m for o in gaz.orgs.values() for m in o.members} <= set(gaz.iso3)


def test_sectors_and_office_kinds_are_known(gaz) -> None:
    assert set(gaz.sectors.values()) <= SECTORS
    assert {sector for _, sector in gaz.metonyms.values()} <= SECTORS
    assert {o.kind for o in gaz.offices.values()} <= KINDS


def test_terms_point_at_known_people_and_offices(gaz) -> None:
    assert {t.person for t in gaz.terms} <= set(gaz.people)
    assert {t.office for t in gaz.terms} <= set(gaz.offices)
    assert set(gaz.people) <= {t.person for t in gaz.terms}, "a person without a role"


def test_terms_start_before_they_end(gaz) -> None:
    bad = [t for t in gaz.terms if not t.start < t.end]
    assert not bad


def test_terms_are_within_reason(gaz) -> None:
    assert all(date(1950, 1, 1) <= t.start <= date.today() for t in gaz.terms)
    assert all(t.end == OPEN_END or t.end <= date.today() for t in gaz.terms)


def test_no_two_holders_of_one_office_on_one_day(gaz) -> None:
    """Substantive holders never overlap; acting holders never overlap each other."""
    groups = defaultdict(list)
    for t in gaz.terms:
        groups[(t.office, t.acting)].append(t)
    overlaps = []
    for (office, _), terms in groups.items():
        terms.sort(key=lambda t: t.start)
        for a, b in zip(terms, terms[1:]):
            if b.start < a.end:
                overlaps.append(f"{office}: {a.person} until {a.end}, {b.person} from {b.start}")
    assert not overlaps, overlaps


def test_at_most_one_open_term_per_office(gaz) -> None:
    open_terms = defaultdict(list)
    for t in gaz.terms:
        if t.end == OPEN_END:
            open_terms[t.office].append(t.person)
    assert all(len(p) == 1 for p in open_terms.values()), open_terms


# Offices the gazetteer must fill on every 1 July, with the first year checked.
COVERED = {
    "USA.president": 2001, "USA.secretary_of_state": 2001, "USA.secretary_of_defense": 2001,
    "KOR.president": 2001, "KOR.foreign_minister": 2001, "KOR.defence_minister": 2001,
    "PRK.leader": 2001, "PRK.premier": 2001, "PRK.defence_minister": 2001,
    "UKR.president": 2001, "UKR.prime_minister": 2001, "UKR.foreign_minister": 2001,
    "UKR.defence_minister": 2001, "CHN.president": 2001, "CHN.premier": 2001,
    "CHN.foreign_minister": 2001, "CHN.defence_minister": 2001, "JPN.emperor": 2001,
    "JPN.prime_minister": 2001, "JPN.foreign_minister": 2001, "JPN.defence_minister": 2001,
    "RUS.president": 2001, "RUS.prime_minister": 2001, "RUS.foreign_minister": 2001,
    "RUS.defence_minister": 2001, "GBR.monarch": 2001, "GBR.prime_minister": 2001,
    "GBR.foreign_secretary": 2001, "GBR.defence_secretary": 2001, "FRA.president": 2001,
    "FRA.prime_minister": 2001, "FRA.foreign_minister": 2001, "FRA.defence_minister": 2001,
    "DEU.president": 2001, "DEU.chancellor": 2001, "DEU.foreign_minister": 2001,
    "DEU.defence_minister": 2001, "ITA.president": 2001, "ITA.prime_minister": 2001,
    "CAN.prime_minister": 2001, "AUS.prime_minister": 2001, "IND.president": 2001,
    "IND.prime_minister": 2001, "BRA.president": 2001, "ARG.president": 2001,
    "MEX.president": 2001, "IDN.president": 2001, "ZAF.president": 2001,
    "TUR.president": 2001, "SAU.king": 2001, "SAU.prime_minister": 2001,
    "EU.commission_president": 2001, "EU.council_president": 2010,
    "NATO.secretary_general": 2001, "UN.secretary_general": 2001,
}


@pytest.mark.parametrize("office", sorted(COVERED))
def test_key_offices_have_a_holder_every_year(gaz, office: str) -> None:
    for year in range(COVERED[office], 2026):
        day = date(year, 7, 1)
        assert gaz.holders(office, day), f"{office} has nobody on {day}"


def test_known_holders(gaz) -> None:
    """Facts checked against public records."""
    def who(office: str, day: str) -> str:
        return gaz.holders(office, date.fromisoformat(day))[0].person

    assert who("KOR.president", "2023-07-15") == "yoon-suk-yeol"
    assert who("KOR.president", "2025-07-15") == "lee-jae-myung"
    assert who("NATO.secretary_general", "2024-09-30") == "jens-stoltenberg"
    assert who("NATO.secretary_general", "2024-10-01") == "mark-rutte"
    assert who("RUS.prime_minister", "2010-01-01") == "vladimir-putin"
    assert who("CHN.foreign_minister", "2023-03-01") == "qin-gang"
    assert who("NGA.president", "2012-01-01") == "goodluck-jonathan"
    assert who("IRQ.prime_minister", "2010-01-01") == "nouri-al-maliki"
    assert who("GEO.president", "2008-01-01") == "nino-burjanadze"  # acting between two terms
    assert who("GRC.prime_minister", "2015-03-01") == "alexis-tsipras"
    assert who("LKA.president", "2023-01-01") == "ranil-wickremesinghe"


def test_a_bad_date_is_a_clear_error(tmp_path) -> None:
    for name in ("states.csv", "orgs.csv", "people.csv", "offices.csv", "metonyms.csv",
                 "sectors.csv", "iso3166.csv", "places.csv"):
        (tmp_path / name).write_text((GAZETTEER_DIR / name).read_text(encoding="utf-8"),
                                     encoding="utf-8")
    (tmp_path / "roles.csv").write_text(
        "office,person,start,end,acting,note\nKOR.president,lee-jae-myung,2025-06-31,,false,\n",
        encoding="utf-8")
    with pytest.raises(PolicylensError) as err:
        load_from(tmp_path)
    assert err.value.message == "roles.csv line 2: '2025-06-31' is not a date (use YYYY-MM-DD)."


@pytest.mark.parametrize("name", ["states.csv", "orgs.csv", "people.csv", "offices.csv",
                                  "roles.csv", "metonyms.csv", "sectors.csv", "iso3166.csv",
                                  "places.csv"])
def test_every_row_has_the_header_width(name: str) -> None:
    import csv

    with open(GAZETTEER_DIR / name, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    widths = {len(r) for r in rows[1:] if r and not r[0].startswith("#")}
    assert widths == {len(rows[0])}, f"{name}: a row has a stray or missing comma"


def test_person_names_are_unique(gaz) -> None:
    names = [p.name for p in gaz.people.values()]
    assert len(names) == len(set(names))
