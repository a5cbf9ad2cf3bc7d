"""The target phrase of a question: what a stance is taken toward.

"Should South Korea deepen its engagement with NATO, including ...?" ->
"South Korea's engagement with NATO". A bare phrase ("nuclear power") is its own target.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Token

PRONOUN_SUBJECTS = {"we", "i", "you", "they", "one", "people"}
POSSESSIVES = {"its", "their", "his", "her"}


def main_clause(question: str) -> str:
    """The question without its trailing "?" and what follows a comma, "including", a dash…"""
    return re.split(r",| including | such as | - | — ", question.strip().rstrip("?"), maxsplit=1)[0]


def derive_target(question: str, nlp: Language) -> str:
    """A short noun phrase for the question's issue (the question itself when none is found)."""
    text = question.strip()
    if not text.endswith("?") and not re.match(r"(?i)^(should|is|are|does|do|can|will|would)\b", text):
        return text
    main = main_clause(text)
    doc = nlp(main)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return main
    subject = next((t for t in root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    obj = next((t for t in root.children if t.dep_ in ("dobj", "attr", "oprd")), None)
    if obj is None or subject is None:
        return _strip_aux(main)
    return _object_phrase(subject, obj)


def _object_phrase(subject: Token, obj: Token) -> str:
    """The object's phrase with a possessive pronoun resolved to the subject, after the verb
    (and the subject) when no possessive named the subject."""
    phrase = resolved_phrase(obj, subject)
    subj_text = " ".join(t.text for t in subject.subtree)
    if subj_text + "'s" in phrase:
        return phrase
    verb = obj.head.lemma_ if obj.head.pos_ in ("VERB", "AUX") else ""
    if subject.lower_ in PRONOUN_SUBJECTS:
        return f"{verb} {phrase}".strip()
    return f"{subj_text} {verb} {phrase}".replace("  ", " ")


def resolved_phrase(head: Token, subject: Token | None) -> str:
    """The head's phrase, "its" resolved to a named subject ("South Korea's engagement")."""
    named = subject is not None and subject.lower_ not in PRONOUN_SUBJECTS
    subj_text = " ".join(t.text for t in subject.subtree) if named and subject is not None else ""
    words = [subj_text + "'s" if named and t.lower_ in POSSESSIVES and t.head == head else t.text
             for t in head.subtree]
    return re.sub(r"\s+([,.;:'’])", r"\1", " ".join(words)).replace(" 's", "'s").strip()


def _strip_aux(text: str) -> str:
    return re.sub(r"(?i)^(should|is|are|does|do|can|will|would)\s+", "", text).strip()
