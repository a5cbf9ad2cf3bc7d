"""Document identity and language."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException

_SPACE = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def document_id(text: str) -> str:
    """Hash of the normalized clean text: the same article gets the same id."""
    digest = hashlib.sha256(normalize_text(text).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:24]


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or 'unknown'."""
    sample = text[:3000]
    DetectorFactory.seed = 0  # langdetect is random otherwise; results must repeat
    try:
        best = detect_langs(sample)[0]
    except (LangDetectException, IndexError):
        return "unknown"
    return best.lang if best.prob >= 0.5 else "unknown"
