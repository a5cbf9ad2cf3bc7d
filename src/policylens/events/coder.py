"""The PLOVER coder: the type of each frame from the trained head, then mode, modality, date.

The frames (source, verb, target) come from the parse (``frames``); the head reads the
sentence with the pair marked; the codebook fixes the type of meetings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
from spacy.tokens import Token

from .actors_bridge import Actor
from .frames import Candidate, clause_end
from .head import LABELS, NONE, TYPES, load_model, mark
from .lexicon import declines_a_meeting, lexicon_type, names_a_meeting, only_states
from .modality import modality
from .ontology import cameo_for, context_for, mode_for
from .when import resolve_date

MIN_CONFIDENCE = 0.8  # without a cue word, the model alone must be this sure
# Below this probability of its best type the model yields to a cue word: never (0.0), chosen by
# train/choose_type_policy.py on held-out PLV training rows (never on a dev set): type accuracy
# 0.83 with the model deciding, 0.72 with the cue word deciding. A cue still marks an event.
CUE_BELOW = 0.0


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


def own_phrase(verb: Token) -> str:
    """The verb with its own dependents, leaving out verbs joined to it: "signed a programme in
    2012" out of "launched a dialogue in 2005, and then signed a programme in 2012"."""
    start = min([verb.i] + [c.left_edge.i for c in verb.children
                            if c.i < verb.i and c.dep_ not in ("conj", "cc", "punct")])
    return verb.doc[start:clause_end(verb) + 1].text


def finish(c: Candidate, probs: np.ndarray, published: date | None,
           require_event: bool = True) -> CodedEvent | None:
    """Type, mode, modality, date and CAMEO for a typed candidate; None when no event."""
    cue, fixed = lexicon_type(c.verb, c.top), c.fixed or meeting_type(c)
    if require_event and cue is None and fixed is None and only_states(c.verb, c.top):
        return None  # a state, not an act
    # Twins get the model's one answer for two verbs: each verb's own cue word types it.
    chosen = choose_type(cue, probs, require_event, cue_below=1.0 if c.twin else None,
                         fixed=fixed)
    if chosen is None:
        return None
    type_, confidence = chosen
    mood = modality(c.verb, c.top, type_)
    # A former office holder's act happened in office, not in the month of the news.
    news = not any(a.out_of_office for a in c.sources)
    when = resolve_date([own_phrase(c.verb), c.evidence, c.sentence.text], published,
                        planned=looks_ahead(mood, c.verb), context=c.sentence.doc.text, news=news)
    mode = mode_for(type_, c.evidence)
    cameo, goldstein = cameo_for(type_, mode)
    return CodedEvent(
        sentence=c.sentence.text, evidence=c.evidence, sources=c.sources, targets=c.targets,
        type=type_, mode=None if mode == "demand" else mode, context=context_for(c.sentence.text),
        modality=mood, date=when.value if when else None,
        date_precision=when.precision if when else None, date_how=when.how if when else None,
        cameo=cameo, goldstein=goldstein, confidence=round(confidence, 4))
