"""Modality of an event mention: asserted, hypothetical, planned or negated.

Read from the parse along the event's verb chain (the verb holding the
target up to the verb holding the source) and from cue lexicons. The top of
the chain decides the reporting frame: "announced it would double" is
asserted, "if Lee attends" is hypothetical.
"""

from __future__ import annotations

from spacy.tokens import Token

HYPOTHETICAL_MARKS = {"if", "unless", "whether"}
HYPOTHETICAL_MODALS = {"would", "could", "might", "may", "should", "must", "can"}
PLANNED_MODALS = {"will", "shall", "'ll", "wo"}
PLANNED_LEMMAS = {"plan", "intend", "look", "seek", "aim", "prepare", "schedule", "expect",
                  "hope", "want", "propose", "set"}
PLANNED_WORDS = {"upcoming", "forthcoming", "next"}
# An act in an infinitive hanging from a noun or adjective has not happened: "his desire to
# build cooperation" and "ready to host" are planned, "an opportunity for Lee to engage" and
# "a chance to meet" hypothetical.
PLANNED_HEADS = {"plan", "aim", "goal", "intention", "desire", "wish", "bid", "effort", "attempt",
                 "commitment", "pledge", "promise", "willingness", "readiness",
                 "proposal", "push", "drive", "ambition", "ready", "willing", "eager", "keen",
                 "determined", "open", "set", "poised", "due", "likely"}
DECIDED_HEADS = {"decision", "move", "choice", "refusal", "failure"}  # "his decision to skip": done
NEGATING_LEMMAS = {"skip", "cancel", "scrap", "postpone", "miss", "boycott", "refuse",
                   "decline", "snub", "abandon"}
ATTEND_LEMMAS = {"attend", "join", "go", "meet", "visit", "participate", "travel"}
MODALITIES = ("asserted", "hypothetical", "planned", "negated")


def _ancestors(tok: Token) -> list[Token]:
    out = [tok]
    while tok.head.i != tok.i and len(out) < 40:
        tok = tok.head
        out.append(tok)
    return out


def chain(verb: Token, top: Token | None) -> list[Token]:
    """The tokens from the event verb up to ``top``, through their lowest common head.

    Ordered from the verb upwards, so the last one is the top of the event's frame.
    """
    if top is None or top == verb:
        return [verb]
    up, other = _ancestors(verb), _ancestors(top)
    common = next((t for t in up if t in other), up[-1])
    lower = up[:up.index(common) + 1]
    if common == top:
        return lower
    side = other[:other.index(common)] if common in other else []
    return lower[:-1] + side[::-1] + [common] if side else lower


def modality(verb: Token, top: Token | None = None, event_type: str | None = None) -> str:
    """The modality of the event whose verb chain runs from ``verb`` up to ``top``."""
    verbs = chain(verb, top)
    head = verbs[-1]
    if any(_conditional(v) for v in verbs):
        return "hypothetical"
    if _negated(verbs, event_type):
        return "negated"
    aux = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass") and c.tag_ == "MD"}
    if aux & PLANNED_MODALS:
        return "planned"
    if aux & HYPOTHETICAL_MODALS:
        return "hypothetical"
    if any(v.lemma_.lower() in PLANNED_LEMMAS and _has_xcomp(v) for v in verbs[1:] + [head]):
        return "planned"
    if any(t.lower_ in PLANNED_WORDS and _clause_verb(t) == verb for t in verb.subtree):
        return "planned"
    return _unrealised(head) or next(filter(None, map(_under_a_noun, verbs[:-1])), "asserted")


def _unrealised(verb: Token) -> str | None:
    """The modality of an act in an infinitive that has not happened: hanging from a noun or
    adjective ("his desire to build", "ready to host": planned; "a chance to meet":
    hypothetical), with its own subject ("an avenue for Lee to engage"), or under a modal or
    a planning verb ("could help Seoul to", "aims to")."""
    if not _infinitive(verb):
        return None
    head = verb.head
    if head.pos_ in ("NOUN", "ADJ"):
        return _under_a_noun(verb)
    if any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children):
        return "hypothetical"
    if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_MODALS for c in head.children):
        return "hypothetical"
    if head.lemma_.lower() in PLANNED_LEMMAS:
        return "planned"
    return None


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _under_a_noun(verb: Token) -> str | None:
    """Planned or hypothetical for an infinitive hanging from a noun or adjective anywhere on
    the chain ("faces pressure to share the burden"), None otherwise or for a decision taken."""
    head = verb.head
    if not _infinitive(verb) or verb.dep_ not in ("acl", "relcl", "xcomp", "advcl") \
            or head.pos_ not in ("NOUN", "ADJ") or head.lemma_.lower() in DECIDED_HEADS:
        return None
    return "planned" if head.lemma_.lower() in PLANNED_HEADS else "hypothetical"


def _conditional(verb: Token) -> bool:
    """The verb sits in an if-clause, or governs one ("If Lee goes, he will meet Xi")."""
    if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in verb.children):
        return True
    return any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in HYPOTHETICAL_MARKS
                                         for g in c.children) for c in verb.children)


def _clause_verb(tok: Token) -> Token:
    """The nearest verb above a token: words of nested clauses belong to their own verb."""
    while tok.head.i != tok.i and tok.head.pos_ not in ("VERB", "AUX"):
        tok = tok.head
    return tok.head


def _has_xcomp(verb: Token) -> bool:
    return any(c.dep_ == "xcomp" for c in verb.children)


def _negated(verbs: list[Token], event_type: str | None) -> bool:
    """A negation, unless the event is itself a rejection ("did not attend" = REJECT)."""
    for v in verbs:
        has_neg = any(c.dep_ == "neg" for c in v.children)
        if has_neg and not (event_type == "REJECT" and v.lemma_.lower() in ATTEND_LEMMAS):
            return True
        if v.lemma_.lower() in NEGATING_LEMMAS and event_type != "REJECT":
            return True
    return False
