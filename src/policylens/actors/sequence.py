"""Resolving slots in document order, so that later mentions can point back to earlier ones."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc

from .gazetteer import KIND_RANK, Gazetteer, Term
from .lexicon import MEETING_NOUNS, ORG_NOUNS, PRECEDING, PRONOUNS, Entry
from .matching import Slot
from .mention import ActorMention, code_mention, person_mention
from .places import code_mention_for

PRONOUN_REACH = 3  # sentences a pronoun may reach back
# Surnames that are also ordinary English words: taken only after a full mention or a title.
ENGLISH_WORDS = {"rice", "moon", "park", "gates", "ban", "bush", "austin", "miller", "spencer",
                 "carter", "may", "brown", "young", "long", "king", "rich", "love", "bird",
                 "cook", "mark", "will", "price", "powell", "kerry", "sullivan", "cohen",
                 "han", "hu", "wen", "kan", "tang", "yang", "abe", "mori", "suga"}
# Common surnames: taken alone only when spaCy reads them as a person.
COMMON_SURNAMES = {"lee", "kim", "choi", "wang", "li", "roh", "goh", "aso", "noda", "hwang"}
# "the Bush administration", "the Moon government": a capitalised surname heading a government.
GOVERNMENT_NOUNS = {"administration", "government", "cabinet"}
TITLE_WORDS = {"president", "minister", "prime", "secretary", "general", "chancellor",
               "premier", "leader", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr."}


@dataclass
class Seen:
    token: int
    sentence: int
    person: str


class Sequencer:
    """One pass over a document's slots with a memory of the people mentioned so far."""

    def __init__(self, gaz: Gazetteer, doc: Doc, day: date | None) -> None:
        self.gaz, self.doc, self.day = gaz, doc, day
        self.seen: list[Seen] = []
        self.orgs: list[str] = []  # organisation codes named so far
        self.summits: list[str] = []  # organisations whose summit was named so far
        self.states: list[tuple[str, int]] = []  # (state code, sentence) of each mention so far
        self.named: set[str] = set()
        self.person_at: dict[int, str] = {}  # token index -> person slug
        self.sent_of = {i: n for n, s in enumerate(doc.sents) for i in range(s.start, s.end)}
        self.unknown_people = [e for e in doc.ents if e.label_ == "PERSON"]
        self.titled: dict[str, ActorMention] = {}  # person -> the undated titled mention of them

    def run(self, slots: list[Slot]) -> list[ActorMention]:
        # People named in full anywhere in the document settle bare surnames, even earlier ones
        # ("Lee" in a headline before "Lee Jae-myung" in the text).
        self.named = {e.target for s in slots for e in s.entries
                      if e.kind == "person" and e.how == "name" and len(s.entries) == 1}
        mentions: list[ActorMention] = []
        for slot in slots:
            found = getattr(self, f"_{slot.kind}")(slot)
            for mention in found if isinstance(found, list) else [found]:
                if mention is not None:
                    mentions.append(mention)
                    if mention.code in self.gaz.states:  # for "the two countries" later on
                        self.states.append((mention.code, self.sent_of[slot.start]))
        return mentions

    # -- slot kinds ---------------------------------------------------------------

    def _name(self, slot: Slot) -> ActorMention | None:
        entry = slot.entries[0]
        if entry.kind != "person":
            if self._inside_person_name(slot):
                return None  # "George Washington", "Michael Jordan"
            if entry.kind == "org":
                self.orgs.append(entry.target)
                if self._names_a_summit(slot):
                    self.summits.append(entry.target)
            return code_mention_for(self.gaz, self.doc, slot)
        if entry.how == "short" and not self._plausible_surname(slot):
            return None
        person = self.pick(slot.entries)
        how = "alias" if entry.how == "short" else "name"
        return self._as_titled(self._person(person, slot, how))

    def _role(self, slot: Slot) -> ActorMention | None:
        if slot.entries:
            person = self.pick(slot.entries, slot.code, slot.title)
            how = "name" if slot.entries[0].how == "name" else "alias"
            return self._titled_person(self._person(person, slot, how), slot)
        if slot.stranger:
            return self._stranger(slot)
        if slot.code is not None:
            return self._titled_code(slot)
        if slot.start > 0 and self.doc[slot.start - 1].lower_ in {"the", "this"}:
            person = self._recent_with_title(slot.title or "")  # "the president said"
            return self._person(person, slot, "coref") if person else None
        return None

    def _pronoun(self, slot: Slot) -> ActorMention | None:
        gender = PRONOUNS[self.doc[slot.start].lower_]
        here = self.sent_of[slot.start]
        for seen in reversed(self.seen):
            too_far = here - seen.sentence > PRONOUN_REACH
            if too_far or self._stranger_between(seen.token, slot.start):
                return None
            if self.gaz.people[seen.person].gender in (gender, ""):
                return self._as_titled(self._person(seen.person, slot, "pronoun"))
        return None

    def _orgref(self, slot: Slot) -> ActorMention | None:
        """"the alliance" after NATO was named."""
        kinds = ORG_NOUNS[self.doc[slot.start].lower_]
        code = next((c for c in reversed(self.orgs) if self.gaz.orgs[c].kind in kinds), None)
        if code is None:
            return None
        span = self.doc[slot.start:slot.end]
        return code_mention(self.gaz, code, span.start_char, span.end_char, span.text, "coref")

    def _meetingref(self, slot: Slot) -> ActorMention | None:
        """"the summit" after "the NATO summit" was named: NATO, its host."""
        if not self.summits:
            return None
        span = self.doc[slot.start:slot.end]
        return code_mention(self.gaz, self.summits[-1], span.start_char, span.end_char,
                            span.text, "coref")

    def _pairref(self, slot: Slot) -> list[ActorMention] | None:
        """"the two countries", "both sides": the last two states named within reach, in the
        order the document first named them."""
        here = self.sent_of[slot.start]
        recent: list[str] = []
        for code, sentence in reversed(self.states):
            if here - sentence > PRONOUN_REACH:
                break
            if code not in recent:
                recent.append(code)
            if len(recent) == 2:
                break
        if len(recent) < 2:
            return None
        first = [code for code, _ in self.states]
        span = self.doc[slot.start:slot.end]
        return [code_mention(self.gaz, code, span.start_char, span.end_char, span.text, "coref")
                for code in sorted(recent, key=first.index)]

    def _relative(self, slot: Slot) -> ActorMention | None:
        token = self.doc[slot.start]
        owners = [c.i for c in token.children if c.dep_ == "poss" and c.i in self.person_at]
        if not owners:
            return None
        term = self._reference_term(self.person_at[owners[0]])
        if term is None:
            return None
        step = PRECEDING[token.lemma_.lower()]
        other = self.gaz.predecessor(term) if step < 0 else self.gaz.successor(term)
        return self._person(other.person, slot, "coref") if other else None

    # -- helpers ------------------------------------------------------------------

    def _names_a_summit(self, slot: Slot) -> bool:
        """"NATO summit", "NATO's summit", "the NATO Leaders' Summit"."""
        after = [t.lower_ for t in self.doc[slot.end:slot.end + 3]]
        while after and after[0] in {"'s", "’s", "leaders", "leaders'", "leaders’", "'", "’"}:
            after.pop(0)
        return bool(after) and after[0] in MEETING_NOUNS

    def _person(self, person: str, slot: Slot, how: str) -> ActorMention:
        span = self.doc[slot.start:slot.end]
        self.seen.append(Seen(slot.start, self.sent_of[slot.start], person))
        for i in range(slot.start, slot.end):
            self.person_at[i] = person
        return person_mention(self.gaz, person, self.day, span.start_char, span.end_char,
                              span.text, how)

    def _titled_person(self, mention: ActorMention, slot: Slot) -> ActorMention:
        """"U.N. Secretary-General Kofi Annan" acts for the UN even when no date is known."""
        if mention.role is not None or slot.code is None or slot.former:
            return mention
        offices = self._offices(slot.code, slot.title or "")
        role = self.gaz.offices[offices[0]].role if offices else slot.title
        titled = replace(mention, code=slot.code, role=role, sector="GOV")
        self.titled[mention.actor_id] = titled
        return titled

    def _as_titled(self, mention: ActorMention) -> ActorMention:
        """A later "he" or surname of a person titled without a date acts in the same office:
        "U.N. Secretary-General Kofi Annan said he will withdraw the inspectors" (the UN)."""
        titled = self.titled.get(mention.actor_id)
        if titled is None or mention.role is not None:
            return mention
        return replace(mention, code=titled.code, role=titled.role, sector=titled.sector)

    def _stranger(self, slot: Slot) -> ActorMention | None:
        """A titled person outside the gazetteer acts for the state or organisation named."""
        if slot.code is None:
            return None
        span = self.doc[slot.start:slot.end]
        offices = self._offices(slot.code, slot.title or "")
        role = self.gaz.offices[offices[0]].role if offices else slot.title
        return code_mention(self.gaz, slot.code, span.start_char, span.end_char, span.text,
                            "role", "GOV", role, "agent")

    def _titled_code(self, slot: Slot) -> ActorMention | None:
        span = self.doc[slot.start:slot.end]
        offices = self._offices(slot.code or "", slot.title or "")
        if slot.former or not offices:
            return None if slot.former else code_mention(
                self.gaz, slot.code or "", span.start_char, span.end_char, span.text,
                "role", "GOV", slot.title)
        holders = [t for o in offices for t in self.gaz.holders(o, self.day)] if self.day else []
        if holders:
            return self._person(holders[0].person, slot, "role")
        role = self.gaz.offices[offices[0]].role
        return code_mention(self.gaz, slot.code or "", span.start_char, span.end_char,
                            span.text, "role", "GOV", role)

    def _offices(self, code: str, title: str) -> list[str]:
        """Offices of ``code`` that ``title`` names, most senior first."""
        found = [o for o in self.gaz.offices_for(code)
                 if title in o.titles or (title == "leader" and o.leader)]
        if title == "leader":
            found = sorted(found, key=lambda o: not o.leader)
        return [o.id for o in found]

    def pick(self, entries: list[Entry], code: str | None = None,
             title: str | None = None) -> str:
        """The person a (possibly ambiguous) name means here."""
        people = [e.target for e in entries if e.kind == "person"]
        if len(people) > 1 and code and self.day:
            offices = set(self._offices(code, title or "")) or {
                o.id for o in self.gaz.offices_for(code)}
            fit = [p for p in people if any(t.office in offices and t.covers(self.day)
                                            for t in self.gaz.terms_of(p))]
            people = fit or people
        if len(people) > 1:
            for seen in reversed(self.seen):
                if seen.person in people:
                    return seen.person
            people = [p for p in people if p in self.named] or people
        if self.day is None:  # undated: the most recent office holder is the likeliest
            return max(people, key=lambda p: max((t.start for t in self.gaz.terms_of(p)),
                                                 default=date.min))
        return min(people, key=self._closeness)

    def _closeness(self, person: str) -> tuple[int, int]:
        """Nearest in time first; among office holders on the day, the most senior."""
        assert self.day is not None
        term = self.gaz.office_of(person, self.day)
        rank = KIND_RANK[self.gaz.offices[term.office].kind] if term else 9
        return self._distance(person), rank

    def _distance(self, person: str) -> int:
        """Days between ``self.day`` and the person's nearest term (0 while in office)."""
        assert self.day is not None
        terms = self.gaz.terms_of(person)
        if not terms:
            return 10 ** 6
        return min(0 if t.covers(self.day) else min(abs((t.start - self.day).days),
                                                    abs((t.end - self.day).days))
                   for t in terms)

    def _plausible_surname(self, slot: Slot) -> bool:
        """A bare surname counts when it reads as a person's name, not a common word."""
        token = self.doc[slot.start]
        if any(e.target in self.named for e in slot.entries) or any(
                s.person in {e.target for e in slot.entries} for s in self.seen):
            return True
        if self._heads_a_government(slot):
            return True  # "the Bush administration": a common word, but a leader's name here
        if token.lower_ in ENGLISH_WORDS:
            return False
        ent = next((e for e in self.doc.ents if e.start <= token.i < e.end), None)
        if ent is not None and ent.label_ == "PERSON":
            extra = [t for t in ent if not slot.start <= t.i < slot.end]
            return all(t.lower_ in TITLE_WORDS for t in extra)
        if ent is not None and len(ent) > slot.end - slot.start:
            return False  # part of a longer name: "Rice University", "Park Avenue"
        if token.lower_ in COMMON_SURNAMES or token.is_sent_start:
            return False
        return token.text[:1].isupper()

    def _heads_a_government(self, slot: Slot) -> bool:
        after = self.doc[slot.end] if slot.end < len(self.doc) else None
        return (after is not None and after.lower_ in GOVERNMENT_NOUNS
                and self.doc[slot.start].text[:1].isupper())

    def _inside_person_name(self, slot: Slot) -> bool:
        return any(e.label_ == "PERSON" and e.start <= slot.start and slot.end <= e.end
                   and e.end - e.start > slot.end - slot.start for e in self.unknown_people)

    def _recent_with_title(self, title: str) -> str | None:
        if self.day is None:
            return None
        for seen in reversed(self.seen):
            term = self.gaz.office_of(seen.person, self.day)
            if term and title in self.gaz.offices[term.office].titles:
                return seen.person
        return None

    def _reference_term(self, person: str) -> Term | None:
        """The office a person held on the date, else their latest one before it."""
        if self.day and (term := self.gaz.office_of(person, self.day)):
            return term
        terms = [t for t in self.gaz.terms_of(person) if not t.acting]
        if self.day:
            terms = [t for t in terms if t.start <= self.day] or terms
        return terms[-1] if terms else None

    def _stranger_between(self, start: int, end: int) -> bool:
        """A person outside the gazetteer was named between the antecedent and the pronoun."""
        return any(start < e.start < end and e.start not in self.person_at
                   for e in self.unknown_people)
