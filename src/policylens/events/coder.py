"""The PLOVER coder: source and target from the parse, type from the trained head.

For each verb, actor mentions attach as its subject side (nsubj, agent: the
source) or its object side (objects, prepositional phrases, passive subjects:
the target). A verb with targets but no source takes the source of the verb or
noun that governs it ("Trump threatened to impose tariffs on Spain"; "Lee, who
is looking to host Xi"). The head reads the sentence with the pair marked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Sequence

import numpy as np
from spacy.tokens import Doc, Span, Token

from ..actors.places import after_place_preposition
from .actors_bridge import Actor
from .head import LABELS, NONE, TYPES, load_model, mark
from .lexicon import MEETING_NOUNS, declines_a_meeting, lexicon_type, names_a_meeting, only_states
from .modality import modality
from .ontology import cameo_for, context_for, mode_for
from .parties import (acts_as_part_of, dates_the_act, deep_in_agent, demanded_in_speech,
                      denied_or_prevented, is_a_meeting, is_demanded, names_a_relation, object_of,
                      owns_the_subject, topic_of_speech)
from .when import resolve_date

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
MIN_CONFIDENCE = 0.8  # without a cue word, the model alone must be this sure
# Below this probability of its best type the model yields to a cue word: never (0.0), chosen by
# train/choose_type_policy.py on held-out PLV training rows (never on a dev set): type accuracy
# 0.83 with the model deciding, 0.72 with the cue word deciding. A cue still marks an event.
CUE_BELOW = 0.0


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


@dataclass
class CodedEvent:
    sentence: str
    evidence: str
    sources: list[Actor]
    targets: list[Actor]
    type: str
    mode: str | None
    context: str | None
    modality: str
    date: str | None
    date_precision: str | None
    date_how: str | None
    cameo: str
    goldstein: float
    confidence: float
    extra: dict = field(default_factory=dict)


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


def candidates(doc: Doc, actors: Sequence[Actor], sent: Span) -> list[Candidate]:
    """Every verb in the sentence with a target actor and a (possibly inherited) source."""
    placed = actor_tokens(doc, actors, sent)
    subj: dict[int, list[tuple[Actor, Span]]] = {}
    obj: dict[int, list[tuple[Actor, Span]]] = {}
    for actor, span in placed:
        verb, dep = attach(span.root)
        if verb is None:
            continue
        # A name misparsed as a modifier left of its verb ("Yoon/ADV supplied") is its subject.
        subject = ((dep in SUBJECT_DEPS and not deep_in_agent(span.root, verb))
                   or (dep in LEFT_SUBJECT_DEPS and span.end <= verb.i))
        if subject and owns_the_subject(span):
            continue  # "his participation could bolster …": the participation acts, not Lee
        if subject and names_a_relation(span):
            continue  # "the North Korea-Russia relationship leads …": the relation acts, not a party
        if is_a_meeting(span) and (subject or actor.kind != "org" or dates_the_act(span)):
            continue  # an occasion, not an actor: "the summit could offer", "during the Madrid summit"
        if not subject and topic_of_speech(span.root, verb):
            continue  # "reported on the IP4 meeting": what was said, not who was acted on
        if not subject and acts_as_part_of(span):
            continue  # "invited as part of the IP4": the source's own group
        (subj if subject else obj).setdefault(verb.i, []).append((actor, span))
    out = []
    for vi, targets in obj.items():
        verb = doc[vi]
        sources, top = subj.get(vi), verb
        if not sources:
            sources, top = _inherit(verb, subj, placed)
        if sources:
            out.append(_candidate(sent, sources, targets, verb, top))
    out = [c for c in out if not is_demanded(c.top)  # the demand is the event, coded below
           and not denied_or_prevented(c.verb, c.top)]
    # a verb whose objects are all its own subjects ("the US and Jordan agreed on a pact
    # between the two countries") is coded as joint subjects below
    coded = {c.verb.i for c in out if c.targets}
    for vi, inner in subj.items():  # "Putin warned that ... if South Korea decided to ..."
        if vi not in coded and doc[vi].dep_ != "relcl":  # not "the dinner that the King held"
            outer, top = _inherit(doc[vi], subj, placed)
            sides = {a.side for a, _ in inner}
            if outer and top.i != vi and not sides & {a.side for a, _ in outer}:
                out.append(_candidate(sent, outer, inner, top, top))
                if demanded_in_speech(doc[vi]):  # "Russia said Sudan must return …"
                    out[-1].fixed = "REQUEST"
    for vi, joint in subj.items():  # "South Korea and NATO launched a dialogue"
        if vi not in coded and len({a.side for a, _ in joint}) > 1 and not all(
                _between(span) for _, span in joint):  # "talks between A and B": coded below
            out.append(_candidate(sent, joint[:1], joint[1:], doc[vi], doc[vi]))
    return out + meetings_between(sent, placed)


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
    tokens = ([verb.i, top.i, _clause_end(verb)] + [s.start for _, s in sources]
              + [s.end - 1 for _, s in kept])
    lo, hi = max(min(tokens), sent.start), min(max(tokens) + 1, sent.end)
    doc = sent.doc
    return Candidate(sent, _unique([a for a, _ in sources]), _unique([a for a, _ in kept]),
                     verb, top, doc[lo:hi].text)


def _clause_end(verb: Token) -> int:
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


def type_candidates(cands: list[Candidate]) -> np.ndarray:
    """Type probabilities [N, 17] for each candidate: its sentence with the pair marked."""
    if not cands:
        return np.zeros((0, len(LABELS)), dtype=np.float32)
    return load_model().probs([mark(c.sentence.text, c.sources[0].text if c.sources else None,
                                    c.targets[0].text if c.targets else None) for c in cands])


def choose_type(cue: str | None, probs: np.ndarray, require_event: bool,
                cue_below: float | None = None, fixed: str | None = None) -> tuple[str, float] | None:
    """The type and its confidence: ``fixed`` when the ontology fixes it (``meeting_type``),
    the model's when it is at least ``cue_below`` sure, else the cue word's (confidence 0.5 +
    half the model's probability of the type); None when no event."""
    cue_below = CUE_BELOW if cue_below is None else cue_below
    typed = probs[:len(TYPES)] / probs[:len(TYPES)].sum()
    i = int(np.argmax(typed))
    if fixed or (cue is not None and typed[i] < cue_below):
        chosen = fixed or cue
        return chosen, 0.5 + 0.5 * float(typed[TYPES.index(chosen)])
    if require_event and probs[LABELS.index(NONE)] >= probs[i]:
        return None  # the model says the sentence states no event between the two
    if cue is None and require_event and typed[i] < MIN_CONFIDENCE:
        return None
    return TYPES[i], float(typed[i])


def meeting_type(c: Candidate) -> str | None:
    """The type PLOVER's codebook fixes for a meeting: REJECT for staying away from one
    ("skipped the summit", "if Lee does not attend the summit"), CONSULT for a meeting whether
    it took place, is planned or would take place if a condition held (the modality says which:
    "is looking to host Xi at the upcoming APEC summit" is CONSULT, planned, as the issue's own
    example has it); None for anything else, a cancelled meeting included, which the model
    decides."""
    if declines_a_meeting(c.verb, c.top):
        return "REJECT"
    if names_a_meeting(c.verb, c.top) and modality(c.verb, c.top) != "negated":
        return "CONSULT"
    return None


def looks_ahead(mood: str, verb: Token) -> bool:
    """Whether the event lies after publication: planned, or hypothetical in the present
    ("If Lee attends the summit") rather than counterfactual ("if Yoon had attended")."""
    return mood == "planned" or (mood == "hypothetical" and verb.tag_ not in ("VBD", "VBN"))


def finish(c: Candidate, probs: np.ndarray, published: date | None,
           require_event: bool = True) -> CodedEvent | None:
    """Type, mode, modality, date and CAMEO for a typed candidate; None when no event."""
    cue, fixed = lexicon_type(c.verb, c.top), c.fixed or meeting_type(c)
    if require_event and cue is None and fixed is None and only_states(c.verb, c.top):
        return None  # a state, not an act
    chosen = choose_type(cue, probs, require_event, fixed=fixed)
    if chosen is None:
        return None
    type_, confidence = chosen
    mood = modality(c.verb, c.top, type_)
    # A former office holder's act happened in office, not in the month of the news.
    news = not any(a.out_of_office for a in c.sources)
    when = resolve_date([c.evidence, c.sentence.text], published, planned=looks_ahead(mood, c.verb),
                        context=c.sentence.doc.text, news=news)
    mode = mode_for(type_, c.evidence)
    cameo, goldstein = cameo_for(type_, mode)
    return CodedEvent(
        sentence=c.sentence.text, evidence=c.evidence, sources=c.sources, targets=c.targets,
        type=type_, mode=None if mode == "demand" else mode, context=context_for(c.sentence.text),
        modality=mood, date=when.value if when else None,
        date_precision=when.precision if when else None, date_how=when.how if when else None,
        cameo=cameo, goldstein=goldstein, confidence=round(confidence, 4))
