"""Which actor mentions are parties to an act, read from the parse.

A name can sit in a sentence without taking part in its act: a meeting is where actors
act, a venue is where it happened, a relation ("North Korea-Russia cooperation") is what
the sentence speaks of, a phrase nested in a passive's agent belongs to that agent.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .lexicon import MEETING_NOUNS, REPORTING, event_noun, word_type
from .modality import chain

RELATION_NOUNS = {"relationship", "relation", "tie", "cooperation", "partnership", "alignment",
                  "rapprochement", "axis", "friendship", "rivalry", "tension", "alliance", "nexus"}
# Verbs that keep an act from happening ("discouraged China from invading Taiwan").
PREVENT_VERBS = {"discourage", "prevent", "stop", "deter", "dissuade", "bar", "ban", "prohibit",
                 "keep", "restrain", "refrain", "block", "forbid", "preclude"}
# Nouns whose "to" clause is an act that could happen, not one that did or was announced
# ("an opportunity for Lee to demonstrate …", "pressure to share the burden", "its potential
# to arm Ukraine"); unlike "his decision to skip" or "efforts to expand ties", which are acts.
POSSIBILITY_NOUNS = {"opportunity", "chance", "potential", "possibility", "pressure", "ability",
                     "capacity", "capability", "means", "room", "option", "incentive", "scope",
                     "leeway", "temptation", "window"}
# Nouns whose "of" + gerund weighs an act rather than reports it ("the benefits of engaging").
WORTH_NOUNS = {"benefit", "cost", "risk", "idea", "prospect", "value", "merit", "advantage",
               "disadvantage", "downside", "upside", "importance", "danger", "consequence",
               "implication", "wisdom", "necessity", "price"}
WEIGHING_NOUNS = POSSIBILITY_NOUNS | WORTH_NOUNS
COINAGE = 3  # words in a quoted coinage ("NATO passing")
TIME_PREPS = {"following", "after", "before", "during", "since", "until", "ahead", "prior", "amid",
              "throughout"}


def names_a_relation(span: Span) -> bool:
    """The mention only qualifies a relation between parties ("North Korea-Russia military
    cooperation", "the US-China rivalry"), which is what the sentence says something of."""
    tok = span.root
    while tok.dep_ in ("compound", "amod", "nmod", "appos") and tok.head.i != tok.i:
        tok = tok.head  # "North Korea" -> "Russia" -> "cooperation"
        if tok.lemma_.lower() in RELATION_NOUNS:
            return True
    return False


def acts_as_part_of(span: Span) -> bool:
    """The mention names a group the source acts within, not a party to its act: "invited to
    the summit as part of the IP4", "as a member of NATO"."""
    tok = span.root
    while tok.dep_ in ("compound", "conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "of":
        return False
    if prep.head.lemma_.lower() not in ("part", "member"):
        return False
    return prep.head.dep_ == "pobj" and prep.head.head.lower_ == "as"


def topic_of_speech(root: Token, verb: Token) -> bool:
    """The mention is what a verb of saying is about ("reported on the IP4 meeting's outcomes",
    "wrote about China"): the topic of speech, not a party to an act."""
    if verb.lemma_.lower() not in REPORTING:
        return False
    under = _path_below(root, verb)[-1]
    return under.dep_ == "prep" and under.lower_ in ("on", "about", "of")


def deep_in_agent(root: Token, verb: Token) -> bool:
    """Whether the mention sits in a phrase nested inside a passive's agent: "inspired by the
    story of the abduction of Korean missionaries by the Taliban" names the story as agent,
    not the Koreans or the Taliban."""
    *inside, under = _path_below(root, verb)
    return under.dep_ == "agent" and any(t.dep_ == "prep" for t in inside)


def _path_below(root: Token, verb: Token) -> list[Token]:
    """The tokens from ``root`` up to the one hanging from ``verb`` (or the sentence's root)."""
    path = [root]
    while path[-1].head.i not in (path[-1].i, verb.i):
        path.append(path[-1].head)
    return path


def object_of(tok: Token, prep: Token) -> bool:
    """Whether ``tok`` is in the object of ``prep`` itself, not in a phrase hanging from it
    ("between the two countries at the G7": not the G7)."""
    while tok.head.i != tok.i and tok.head.i != prep.i:
        if tok.dep_ == "prep":
            return False
        tok = tok.head
    return tok.head.i == prep.i and tok.dep_ == "pobj"


def is_a_meeting(span: Span) -> bool:
    """The mention names a meeting, not its members: "the summit", "the NATO summit",
    "NATO's summit", "the Madrid summit". A meeting is where actors act: never a source, and a
    target only as the organisation meeting ("attended the NATO summit"), not as its venue."""
    root = span.root
    if root.lemma_.lower() in MEETING_NOUNS:
        return True
    if root.dep_ in ("compound", "poss", "nmod"):
        return root.head.lemma_.lower() in MEETING_NOUNS
    return venue_of_meeting(root)


def dates_the_act(span: Span) -> bool:
    """The meeting dates the act rather than receiving it: "adjusted its aid following the
    summit", "ahead of the NATO summit"."""
    noun = span.root
    if noun.lemma_.lower() not in MEETING_NOUNS and noun.dep_ in ("compound", "poss", "nmod"):
        noun = noun.head  # "the NATO summit": the summit is what the preposition takes
    prep = noun.head
    if prep.lower_ in ("of", "to") and prep.head.lower_ in ("ahead", "prior"):
        prep = prep.head  # "ahead of", "prior to"
    return noun.dep_ == "pobj" and prep.lower_ in TIME_PREPS


def venue_of_meeting(root: Token) -> bool:
    """"the summit in Madrid", "the summit held in Madrid": where the meeting was."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("in", "at"):
        return False
    over = prep.head.head if prep.head.dep_ == "acl" else prep.head
    return over.lemma_.lower() in MEETING_NOUNS


def owns_the_subject(span: Span) -> bool:
    """The mention only owns the subject noun, which names no act ("his participation could
    bolster trust", "South Korea's involvement provided …"); an owner of an act noun is its
    source ("Russia's invasion of Ukraine killed thousands")."""
    root = span.root
    return (root.dep_ == "poss" and root.head.pos_ == "NOUN"
            and root.head.dep_ in ("nsubj", "nsubjpass", "csubj") and not event_noun(root.head))


def with_the_subject(span: Span) -> bool:
    """The mention is the partner in the subject noun ("summitry diplomacy with the United
    States holds the highest importance", "talks with the rebels collapsed"): what the sentence
    speaks of, not who acts."""
    tok = span.root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    prep = tok.head
    return (tok.dep_ == "pobj" and prep.lower_ == "with" and prep.head.pos_ == "NOUN"
            and prep.head.dep_ in ("nsubj", "nsubjpass", "csubj"))


def coined_term(verb: Token) -> bool:
    """The verb is a word of a short quoted coinage used as a noun ("Lee Jae Myung's “NATO
    passing” makes sense"), not a reported act."""
    open_at = next((t.i for t in reversed(verb.doc[max(verb.sent.start, verb.i - COINAGE):verb.i])
                    if t.tag_ in ("``", "''")), None)
    close_at = next((t.i for t in verb.doc[verb.i + 1:min(verb.sent.end, verb.i + COINAGE + 1)]
                     if t.tag_ in ("``", "''")), None)
    if open_at is None or close_at is None or verb.doc[open_at].tag_ != "``":
        return False
    nominal = verb.dep_ in ("csubj", "nsubj", "nsubjpass", "dobj", "pobj", "appos", "compound")
    return close_at - open_at - 1 <= COINAGE and (
        nominal or any(c.dep_ == "poss" for c in verb.children))


def is_demanded(top: Token) -> bool:
    """The act is what another actor demands ("NATO demanded that China refrain from
    providing materials to Russia", "Trump said Seoul should pay more"): the demand is the
    event, not the act demanded, and it is PLOVER's REQUEST toward the clause's subject,
    whatever the verb."""
    return _demand_clause(top) is not None


def _demand_clause(top: Token) -> Token | None:
    tok = top
    for _ in range(6):  # up through the demanded clause's own conditions and conjuncts
        if (tok.dep_ not in ("ccomp", "conj", "advcl", "xcomp") or tok.head.i == tok.i
                or free_relative(tok)):
            return None
        if tok.dep_ == "ccomp" and (word_type(tok.head) == "REQUEST" or _said_it_must(tok)):
            return tok
        tok = tok.head
    return None


def free_relative(clause: Token) -> bool:
    """A clause headed by "what" or "whatever" ("ten times what Biden and Seoul agreed to"):
    a noun phrase naming a fact, not part of the clause around it."""
    return any(c.tag_ == "WP" and c.lower_ in ("what", "whatever") and c.i < clause.i
               and c.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "attr") for c in clause.children)


def _said_it_must(clause: Token) -> bool:
    """A clause said with "must" or "should" under a reporting verb: a demand in reported speech."""
    return clause.head.lemma_.lower() in REPORTING and any(
        c.dep_ == "aux" and c.lower_ in ("must", "should") for c in clause.children)


def denied_or_prevented(verb: Token, top: Token) -> bool:
    """The act is one the frame denies or prevents ("denying that it is helping Russia",
    "discourage China from invading Taiwan"): it did not happen, and its names are not the
    parties of the denial or the prevention."""
    return any((tok.dep_ == "ccomp" and tok.head.lemma_.lower() == "deny")
               or (tok.dep_ == "pcomp" and tok.head.lower_ == "from"
                   and tok.head.head.lemma_.lower() in PREVENT_VERBS)
               for tok in chain(verb, top)[:-1])


def merely_possible(verb: Token, top: Token) -> bool:
    """The act is the complement of a noun of possibility or worth ("seeks opportunities to
    involve South Korea", "faces pressure to share the burden", "the benefits of engaging with
    NATO", "at the cost of damaging ties with Russia"): what is weighed, not what was done."""
    return any(_possibility_clause(tok) or _weighed_gerund(tok) for tok in chain(verb, top))


def _possibility_clause(tok: Token) -> bool:
    return (tok.dep_ in ("acl", "advcl") and tok.head.pos_ == "NOUN"
            and tok.head.lemma_.lower() in POSSIBILITY_NOUNS
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children))


def _weighed_gerund(tok: Token) -> bool:
    prep = tok.head
    if tok.dep_ != "pcomp" or prep.lower_ != "of":
        return False
    # "stressed the benefits for Korea of engaging": the parser may hang "of" on the verb
    # when a phrase splits it from its noun; the noun is then the verb's object.
    nouns = [prep.head] if prep.head.pos_ == "NOUN" else [
        c for c in prep.head.children if c.dep_ == "dobj" and c.i < prep.i]
    return any(n.lemma_.lower() in WEIGHING_NOUNS for n in nouns)
