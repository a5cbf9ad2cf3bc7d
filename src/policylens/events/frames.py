"""Event frames from the parse: which actor mentions are the source and target of which verb.

For each verb, actor mentions attach as its subject side (nsubj, agent: the
source) or its object side (objects, prepositional phrases, passive subjects:
the target). A verb with targets but no source takes the source of the verb or
noun that governs it ("Trump threatened to impose tariffs on Spain"; "Lee, who
is looking to host Xi"). Who is a party at all is decided in ``parties``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from spacy.tokens import Doc, Span, Token

from ..actors.places import after_place_preposition
from .actors_bridge import Actor
from .lexicon import MEETING_NOUNS, lexicon_type
from .parties import (acts_as_part_of, coined_term, dates_the_act, deep_in_agent,
                      denied_or_prevented, is_a_meeting, is_demanded, merely_possible,
                      names_a_relation, object_of, owns_the_subject, topic_of_speech,
                      with_the_subject)

SUBJECT_DEPS = {"nsubj", "csubj", "agent", "expl"}
LEFT_SUBJECT_DEPS = {"advmod", "npadvmod", "dep", "compound"}
INHERIT_DEPS = {"xcomp", "ccomp", "advcl", "conj", "relcl", "acl", "pcomp", "prep", "pobj",
                "dobj", "advmod", "acomp"}
# "Syria says it is willing to withdraw": an adjective of intent passes its subject on, as PLOVER
# codes a stated readiness to act (AGREE, THREATEN); "would be well-placed to" does not.
INTENT_ADJECTIVES = {"willing", "ready", "prepared", "eager", "determined", "keen", "unwilling",
                     "reluctant"}
AUX_OR_IF = {"has", "have", "had", "having", "is", "are", "was", "were", "be", "been", "being",
             "if", "unless"}  # a perfect or progressive verb, or a condition, is no participle clause


@dataclass
class Candidate:
    """A (sources, verb, targets) triple found in the parse, before typing."""

    sentence: Span
    sources: list[Actor]
    targets: list[Actor]
    verb: Token
    top: Token
    evidence: str = ""
    fixed: str | None = None  # a type the construction fixes ("a meeting between A and B")
    twin: bool = False  # another verb has the same first source and target but another cue


# Participles that work as prepositions ("given Russia's invasion", "regarding China",
# "including the deployment"): a name under them belongs to the verb above.
PREPOSITION_PARTICIPLES = {"given", "regarding", "including", "concerning", "considering",
                           "excluding", "barring", "pending", "notwithstanding"}


def _is_verb(tok: Token) -> bool:
    if tok.lower_ in PREPOSITION_PARTICIPLES and tok.dep_ != "ROOT" and not any(
            c.dep_ in ("aux", "auxpass") for c in tok.children):
        return False
    return tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ not in ("aux", "auxpass"))


def attach(root: Token) -> tuple[Token | None, str]:
    """The verb an actor's head token hangs from, and the dependency it hangs by."""
    tok, dep = root, root.dep_
    while tok.head.i != tok.i:
        dep = tok.dep_
        tok = tok.head
        if _is_verb(tok):
            return tok, dep
    return None, dep


def actor_tokens(doc: Doc, actors: Sequence[Actor], sent: Span) -> list[tuple[Actor, Span]]:
    out = []
    for a in actors:
        if a.start >= sent.start_char and a.end <= sent.end_char and a.code:
            span = doc.char_span(a.start, a.end, alignment_mode="expand")
            if span is not None and len(span):
                out.append((a, span))
    return out


Placed = dict[int, list[tuple[Actor, Span]]]  # verb index -> the actor mentions hanging from it


def candidates(doc: Doc, actors: Sequence[Actor], sent: Span) -> list[Candidate]:
    """Every verb in the sentence with a target actor and a (possibly inherited) source."""
    placed = actor_tokens(doc, actors, sent)
    subj, obj = _sides(placed)
    out = [c for c in _object_frames(doc, sent, subj, obj, placed) if _happens(c)]
    # a verb whose objects are all its own subjects ("the US and Jordan agreed on a pact
    # between the two countries") is coded as joint subjects below
    coded = {c.verb.i for c in out if c.targets}
    out += [c for c in _embedded_subjects(doc, sent, subj, placed, coded) if _happens(c)]
    out += [c for c in _joint_subjects(doc, sent, subj, coded) if _happens(c)]
    return _mark_twins(out + meetings_between(sent, placed))


def _mark_twins(cands: list[Candidate]) -> list[Candidate]:
    """Flag candidates the type model cannot tell apart: it reads the sentence with the first
    source and target marked, so two verbs with the same pair ("launched a dialogue … and then
    signed a programme") get the same answer, and only their cue words, when they differ,
    separate them."""
    cues: dict[tuple[str | None, str], set[str | None]] = {}
    for c in cands:
        if c.targets:
            cues.setdefault(_first_pair(c), set()).add(lexicon_type(c.verb, c.top))
    for c in cands:
        c.twin = bool(c.targets) and len(cues[_first_pair(c)]) > 1
    return cands


def _first_pair(c: Candidate) -> tuple[str | None, str]:
    return (c.sources[0].text if c.sources else None, c.targets[0].text)


def _happens(c: Candidate) -> bool:
    """Whether the frame is an act of its own, not the content of a demand (coded as the
    demand), an act denied or prevented, one merely possible, nor a quoted coinage."""
    return not (is_demanded(c.top) or denied_or_prevented(c.verb, c.top)
                or merely_possible(c.verb, c.top) or coined_term(c.verb))


def _sides(placed: list[tuple[Actor, Span]]) -> tuple[Placed, Placed]:
    """The mentions that are each verb's subjects and its objects; names beside the act left out."""
    subj: Placed = {}
    obj: Placed = {}
    for actor, span in placed:
        verb, dep = attach(span.root)
        if verb is None:
            continue
        # A name misparsed as a modifier left of its verb ("Yoon/ADV supplied") is its subject.
        subject = ((dep in SUBJECT_DEPS and not deep_in_agent(span.root, verb))
                   or (dep in LEFT_SUBJECT_DEPS and span.end <= verb.i))
        if not _beside_the_act(actor, span, verb, subject):
            (subj if subject else obj).setdefault(verb.i, []).append((actor, span))
    return subj, obj


def _beside_the_act(actor: Actor, span: Span, verb: Token, subject: bool) -> bool:
    """Whether the mention names something other than a party to the verb's act."""
    if subject and (owns_the_subject(span) or names_a_relation(span)
                    or with_the_subject(span)):
        return True  # "his participation could bolster …", "the North Korea-Russia relationship …"
    if is_a_meeting(span) and (subject or actor.kind != "org" or dates_the_act(span)):
        return True  # an occasion: "the summit could offer", "during the Madrid summit"
    # "reported on the IP4 meeting": what was said; "invited as part of the IP4": the source's group
    return not subject and (topic_of_speech(span.root, verb) or acts_as_part_of(span))


def _object_frames(doc: Doc, sent: Span, subj: Placed, obj: Placed, placed: list) -> list[Candidate]:
    """Each verb with objects, its source its own subject or one inherited from above."""
    out = []
    for vi, targets in obj.items():
        verb = doc[vi]
        sources, top = subj.get(vi), verb
        if not sources:
            sources, top = _inherit(verb, subj, placed)
        if sources:
            out.append(_candidate(sent, sources, targets, verb, top))
    return out


def _embedded_subjects(doc: Doc, sent: Span, subj: Placed, placed: list,
                       coded: set[int]) -> list[Candidate]:
    """A subject inside a clause under a verb with its own source is that verb's target:
    "Putin warned that … if South Korea decided to …"."""
    out = []
    for vi, inner in subj.items():
        if vi in coded or doc[vi].dep_ == "relcl":  # not "the dinner that the King held"
            continue
        outer, top = _inherit(doc[vi], subj, placed)
        if outer and top.i != vi and not {a.side for a, _ in inner} & {a.side for a, _ in outer}:
            cand = _candidate(sent, outer, inner, top, top)
            if is_demanded(doc[vi]):  # "Greece demanded that its partners refuse …": REQUEST
                cand.fixed = "REQUEST"
            out.append(cand)
    return out


def _joint_subjects(doc: Doc, sent: Span, subj: Placed, coded: set[int]) -> list[Candidate]:
    """Joint subjects of one verb, the first against the others: "South Korea and NATO
    launched a dialogue" (not "talks between A and B", which the meeting rule codes), and of
    the verbs joined to it that have no subject of their own ("… and then signed a programme")."""
    joints = {vi: joint for vi, joint in subj.items()
              if len({a.side for a, _ in joint}) > 1 and not all(_between(s) for _, s in joint)}
    for vi, joint in list(joints.items()):
        for verb in _shared_subject_conjuncts(doc[vi]):
            joints.setdefault(verb.i, joint)
    return [_candidate(sent, joint[:1], joint[1:], doc[vi], doc[vi])
            for vi, joint in joints.items() if vi not in coded]


def _shared_subject_conjuncts(verb: Token) -> list[Token]:
    """Verbs conjoined to ``verb`` that take its subject, having none of their own."""
    out = []
    for conj in verb.children:
        if conj.dep_ == "conj" and conj.pos_ == "VERB" and not any(
                c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass" for c in conj.children):
            out += [conj] + _shared_subject_conjuncts(conj)
    return out


def _between(span: Span) -> bool:
    tok = span.root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in ("between", "among")


def meetings_between(sent: Span, placed: list[tuple[Actor, Span]]) -> list[Candidate]:
    """A meeting named with its parties ("talks between Seoul and Washington", "a side meeting
    between the two countries was cancelled"): CONSULT between them, the first named the
    source; the verb over the noun says whether it took place."""
    out = []
    for noun in sent:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in MEETING_NOUNS:
            continue
        preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("between", "among")]
        parties = [(a, s) for a, s in placed for p in preps if object_of(s.root, p)]
        if len({a.code for a, _ in parties}) < 2:
            continue
        verb, _ = attach(noun)
        cand = _candidate(sent, parties[:1], parties[1:], noun, verb or noun)
        cand.fixed = "CONSULT"
        out.append(cand)
    return out


def _inherit(verb: Token, subj: dict[int, list], placed: list) -> tuple[list, Token]:
    """The source of the nearest governing verb, or the actor a relative clause modifies.

    The second value is the top of the event's frame: the governing verb
    ("threatened to impose"), but a conjoined verb is its own event ("supplied
    shells and paid a visit": the visit is not a supply).
    """
    tok = verb
    frame: Token | None = None
    for _ in range(6):
        if tok.dep_ not in INHERIT_DEPS or tok.head.i == tok.i:
            break
        if tok.dep_ == "acomp" and tok.lemma_.lower() not in INTENT_ADJECTIVES:
            break
        head = tok.head
        if frame is None and (tok.dep_ == "conj" or _is_participial_clause(tok)):
            frame = tok
        if head.i in subj:
            return subj[head.i], frame or head
        owners = [(a, s) for a, s in placed
                  if s.root == head or (s.root.head == head and s.root.dep_ == "poss")]
        if owners and not _is_verb(head):
            return owners, tok
        if _relative_on_a_thing(tok):
            break  # "weapons that free up supplies for Ukraine": the weapons do it
        tok = head
    return [], verb


RELATIVE_PRONOUNS = {"that", "which"}


def _relative_on_a_thing(tok: Token) -> bool:
    """A relative clause whose subject is its relative pronoun, on a noun that is no actor
    (no owner was found above): the noun is the clause's subject, not the actor further up."""
    return tok.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in RELATIVE_PRONOUNS
                                       for c in tok.children)


def _is_participial_clause(tok: Token) -> bool:
    """A participle clause beside the main verb ("While applauding NATO's goal, Trump
    threatened Spain"): an act of its own by the same subject, not part of the main verb's."""
    if tok.dep_ != "advcl" or tok.tag_ not in ("VBG", "VBN"):
        return False
    return not any(c.dep_ in SUBJECT_DEPS or (c.dep_ in ("aux", "auxpass", "mark") and c.lower_ in AUX_OR_IF)
                   for c in tok.children)


def _candidate(sent: Span, sources: list, targets: list, verb: Token, top: Token) -> Candidate:
    sides = {a.side for a, _ in sources}
    # "rebels demanded … the government"; "imposed a curfew in Algiers": the place, not the state
    kept = [(a, s) for a, s in targets
            if a.side not in sides or (a.kind == "state" and after_place_preposition(s))]
    # The clause: from the source through the event verb's own phrase.
    tokens = ([verb.i, top.i, clause_end(verb)] + [s.start for _, s in sources]
              + [s.end - 1 for _, s in kept])
    lo, hi = max(min(tokens), sent.start), min(max(tokens) + 1, sent.end)
    doc = sent.doc
    return Candidate(sent, _unique([a for a, _ in sources]), _unique([a for a, _ in kept]),
                     verb, top, doc[lo:hi].text)


def clause_end(verb: Token) -> int:
    """The last token of the verb's own phrase, leaving out conjoined clauses."""
    ends = [c.right_edge.i for c in verb.children
            if c.i > verb.i and c.dep_ not in ("conj", "cc", "punct")]
    return max([verb.i] + ends)


def _unique(actors: list[Actor]) -> list[Actor]:
    seen, out = set(), []
    for a in actors:
        if a.side not in seen:
            seen.add(a.side)
            out.append(a)
    return out
