"""Turning input bytes into text, or into an error a user can act on."""

from __future__ import annotations

import codecs

from ..errors import InputError

_MAGIC = {
    b"%PDF": "a PDF file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a zip archive (or an Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
    b"SQLite format 3": "an SQLite database",
}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, *, max_bytes: int) -> str:
    """Decode ``data`` as text: BOM, then UTF-8, then Windows-1252 / Latin-1."""
    if len(data) > max_bytes:
        raise InputError(
            f"input is {len(data):,} bytes, over the limit of {max_bytes:,}: split it, "
            "or raise the limit with POLICYLENS_MAX_INPUT_BYTES or max_input_bytes in policylens.toml"
        )
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"this is {what}, not text: convert it to text or HTML first")
    text = _decode(data)
    if _looks_binary(text):
        raise InputError("this looks like binary data, not text: give a text, HTML or JSON-lines file")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    if _mostly_utf8(lenient):
        return lenient  # a UTF-8 file with a few bad bytes: keep its accents intact
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _mostly_utf8(text: str) -> bool:
    """More well-formed UTF-8 non-ASCII characters than broken bytes."""
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127) - bad
    return good > bad


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return "\x00" in sample or controls / len(sample) > 0.05
