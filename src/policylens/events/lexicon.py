"""Our verb and noun cue lexicons: the PLOVER type a governing word signals.

Written for policylens from the PLOVER event definitions. The topmost cue
word on the event's verb chain decides ("threatened to impose tariffs" is a
threat); light verbs ("paid a visit", "issued a warning") defer to their object
noun; reporting verbs ("said", "announced") never decide.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Token

from .modality import chain

LIGHT_VERBS = {"pay", "make", "hold", "have", "take", "give", "launch", "issue", "conduct",
               "express", "extend", "lodge", "file", "carry", "stage", "level", "announce",
               "impose", "reach", "begin", "start", "continue", "open", "complete", "declare",
               "order", "speed", "accelerate", "institute", "renew", "resume"}
REPORTING = {"say", "tell", "state", "announce", "report", "add", "note", "claim", "declare",
             "write", "suggest", "believe", "think", "argue", "explain", "insist"}
PARTICLES = {("call", "for"): "REQUEST", ("call", "on"): "REQUEST", ("pull", "out"): "RETREAT",
             ("cut", "off"): "SANCTION", ("meet", "with"): "CONSULT", ("speak", "with"): "CONSULT",
             ("talk", "with"): "CONSULT", ("crack", "down"): "COERCE", ("back", "down"): "CONCEDE",
             ("step", "down"): "RETREAT", ("open", "fire"): "ASSAULT", ("lash", "out"): "ACCUSE",
             ("speak", "out"): "ACCUSE", ("sign", "up"): "AGREE",
             ("break", "off"): "SANCTION", ("walk", "out"): "PROTEST"}
# Words that name a meeting, which PLOVER's codebook defines as CONSULT ("all consultations and
# meetings: visiting and hosting visits, meeting at a neutral location"): a visit, or attending,
# hosting or taking part in a summit, meeting or talks.
MEETING_NOUNS = {"summit", "meeting", "talks", "talk", "visit", "conference", "dialogue",
                 "consultation", "consultations", "negotiation", "negotiations"}
ATTEND_VERBS = {"attend", "host", "participate", "join", "invite", "engage"}
# Staying away from a meeting one could attend is a refusal (PLOVER REJECT, mode "meet"):
# "skipped the summit", "did not attend the summit".
DECLINE_VERBS = {"skip", "miss", "boycott", "decline", "snub"}
STAY_AWAY_VERBS = {"attend", "participate", "join"}
# Stative verbs report a state, not an act, and PLOVER codes acts: "South Korea shares many
# interests with its ally", "he values Moscow as a channel" are no events without a cue word.
STATIVE_VERBS = {"be", "have", "share", "value", "see", "seem", "appear", "remain", "want", "need",
                 "face", "lack", "know", "own", "possess", "contain", "include", "consist",
                 "depend", "deserve", "matter", "mean", "resemble", "belong", "love", "like",
                 "prefer", "hate", "view", "regard", "consider", "understand", "recognize",
                 "realize", "wish", "hope", "differ"}
# Sending or delivering a message is speech, not aid: "send a strong signal".
MESSAGE_NOUNS = {"signal", "message", "communication", "communications", "speech", "address",
                 "remark", "lecture", "keynote", "statement"}
# Verbs whose cue holds only without a direct object: "demonstrated in Seoul" is a protest,
# "demonstrated its commitment" is not.
INTRANSITIVE_CUES = {"demonstrate"}
# "share" is an act with intelligence or data, a state with interests or values.
SHARED_STATES = {"interest", "value", "concern", "view", "goal", "priority", "border", "history",
                 "sense", "vision", "belief", "objective", "outlook"}


@lru_cache(maxsize=2)
def _table(name: str) -> dict[str, str]:
    with (files("policylens") / "data" / "events" / name).open(encoding="utf-8") as fh:
        return {r["lemma"]: r["type"] for r in csv.DictReader(fh)}


def word_type(tok: Token) -> str | None:
    """The type one verb (with its particle or object noun) signals, if any."""
    lemma = tok.lemma_.lower()
    for child in tok.children:
        if (lemma, child.lower_) in PARTICLES and child.dep_ in ("prt", "prep", "dobj"):
            return PARTICLES[(lemma, child.lower_)]
    if lemma in LIGHT_VERBS:
        for child in tok.children:
            if child.dep_ in ("dobj", "attr") and child.lemma_.lower() in _table("nouns.csv"):
                return _table("nouns.csv")[child.lemma_.lower()]
    if lemma in REPORTING:
        return None
    objects = [o for c in tok.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)]
    if lemma == "share" and any(o.lemma_.lower() in SHARED_STATES for o in _own_nouns(tok)):
        return None  # "shares many, but not all, interests with its ally": a state
    if lemma == "seek" and any(c.dep_ == "xcomp" for c in tok.children):
        return None  # "sought to engage": an attempt, the act is the infinitive's
    if (objects and lemma in INTRANSITIVE_CUES) or any(
            o.lemma_.lower() in MESSAGE_NOUNS for o in objects):
        return None  # "sent a strong signal", "demonstrated its commitment"
    if tok.pos_ == "NOUN":
        return _table("nouns.csv").get(lemma)
    return _table("verbs.csv").get(lemma)


def _own_nouns(verb: Token) -> list[Token]:
    """The nouns of the verb's own clause, not those of clauses below it."""
    out, todo = [], [c for c in verb.children if c.i > verb.i]
    while todo:
        tok = todo.pop()
        if tok.pos_ in ("VERB", "AUX"):
            continue
        if tok.pos_ == "NOUN":
            out.append(tok)
        todo.extend(tok.children)
    return out


def lexicon_type(verb: Token, top: Token) -> str | None:
    """The cue of the topmost word on the chain from the event verb up to ``top``."""
    tok = _cue_word(verb, top)
    return word_type(tok) if tok is not None else None


def names_a_meeting(verb: Token, top: Token) -> bool:
    """Whether the cue word names a meeting, which makes the event CONSULT by definition:
    "visited Kyiv", "paid a visit", "attends the summit", "host Xi at the APEC summit"."""
    tok = _cue_word(verb, top)
    if tok is None:
        return False
    lemma = tok.lemma_.lower()
    if lemma == "visit" or (tok.pos_ == "NOUN" and lemma in MEETING_NOUNS):
        return True
    if lemma in LIGHT_VERBS:
        return any(c.dep_ in ("dobj", "attr") and c.lemma_.lower() in MEETING_NOUNS for c in tok.children)
    return lemma in ATTEND_VERBS and _names_meeting_noun(tok)


def declines_a_meeting(verb: Token, top: Token) -> bool:
    """Whether the chain stays away from a meeting: "skipped the summit", "did not attend
    the summit" (not "did not host the summit": that refuses nothing)."""
    for tok in chain(verb, top):
        lemma = tok.lemma_.lower()
        negated = any(c.dep_ == "neg" for c in tok.children)
        if (lemma in DECLINE_VERBS or (negated and lemma in STAY_AWAY_VERBS)) and _names_meeting_noun(tok):
            return True
    return False


def _names_meeting_noun(tok: Token) -> bool:
    return any(t.lemma_.lower() in MEETING_NOUNS and t.pos_ == "NOUN" for t in tok.subtree if t is not tok)


def _cue_word(verb: Token, top: Token) -> Token | None:
    for tok in reversed(chain(verb, top)):
        if word_type(tok):
            return tok
    return None


def only_states(verb: Token, top: Token) -> bool:
    """Whether every verb on the event's chain is stative ("shares interests", "values Moscow")."""
    return all(tok.lemma_.lower() in STATIVE_VERBS for tok in chain(verb, top))


def event_noun(tok: Token) -> bool:
    """Whether the noun names an act of the kind PLOVER codes ("invasion", "visit", "ban")."""
    return tok.lemma_.lower() in _table("nouns.csv") or tok.lemma_.lower() in MEETING_NOUNS
