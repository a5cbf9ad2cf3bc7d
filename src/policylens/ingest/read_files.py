"""Readers for local files: HTML pages, plain-text/Markdown dumps, JSON lines."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..model import DocMeta, RawInput
from ..settings import Settings
from .decode import decode_bytes

JSONL_FIELDS = ("title", "author", "url", "published", "outlet")


def file_key(path: Path) -> str:
    return str(path.resolve())


def read_text_file(path: Path, settings: Settings) -> str:
    """The file's text, or InputError with the reason."""
    try:
        size = path.stat().st_size
        if size > settings.max_input_bytes:
            raise InputError(
                f"file is {size:,} bytes, over the limit of {settings.max_input_bytes:,}: "
                "split it, or raise max_input_bytes in policylens.toml "
                "(or POLICYLENS_MAX_INPUT_BYTES)"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}") from exc
    return decode_bytes(data, max_bytes=settings.max_input_bytes)


def _one(path: Path, settings: Settings, fmt: str) -> Iterator[RawInput]:
    item = RawInput(source=path.name, key=file_key(path), format=fmt)
    try:
        item.content = read_text_file(path, settings)
    except InputError as exc:
        item.error = exc.message
    yield item


@dataclass(frozen=True)
class HtmlReader:
    name: str = "html"

    def accepts(self, path: Path) -> bool:
        return path.suffix.lower() in {".html", ".htm", ".xhtml"}

    def read(self, path: Path, settings: Settings) -> Iterator[RawInput]:
        return _one(path, settings, "html")


@dataclass(frozen=True)
class TextReader:
    name: str = "text"

    def accepts(self, path: Path) -> bool:
        return path.suffix.lower() in {".txt", ".md", ".markdown", ".text"}

    def read(self, path: Path, settings: Settings) -> Iterator[RawInput]:
        markdown = path.suffix.lower() in {".md", ".markdown"}
        return _one(path, settings, "markdown" if markdown else "text")


@dataclass(frozen=True)
class JsonLinesReader:
    name: str = "jsonl"

    def accepts(self, path: Path) -> bool:
        return path.suffix.lower() in {".jsonl", ".ndjson"}

    def read(self, path: Path, settings: Settings) -> Iterator[RawInput]:
        try:
            if path.stat().st_size > settings.max_input_bytes:
                yield from _stream_jsonl(path, settings)
                return
            text = read_text_file(path, settings)
        except (InputError, OSError) as exc:
            reason = exc.message if isinstance(exc, InputError) else \
                f"cannot read the file: {exc.strerror or exc}"
            yield RawInput(source=path.name, key=file_key(path), error=reason)
            return
        for number, line in enumerate(text.split("\n"), start=1):
            if line.strip():
                yield jsonl_record(path, number, line)


def _stream_jsonl(path: Path, settings: Settings) -> Iterator[RawInput]:
    """A JSON-lines file over the size limit is read line by line: the limit is per record."""
    limit = settings.max_input_bytes
    with path.open("rb") as fh:
        decode_bytes(fh.read(64), max_bytes=limit)  # refuses PDFs, archives, binary data
        if fh.seek(0) == 0 and fh.read(2) in (b"\xff\xfe", b"\xfe\xff"):
            raise InputError("a JSON-lines file over max_input_bytes must be UTF-8: "
                             "convert it, or raise max_input_bytes")
        fh.seek(0)
        number = 0
        while line := fh.readline(limit + 1):
            number += 1
            if len(line) > limit and not line.endswith(b"\n"):
                while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass  # skip the rest of the oversized line
            if line.strip():
                yield _line_record(path, number, line, limit)


def _line_record(path: Path, number: int, data: bytes, limit: int) -> RawInput:
    try:
        line = decode_bytes(data.rstrip(b"\r\n"), max_bytes=limit)
    except InputError as exc:
        return RawInput(source=f"{path.name}:{number}", key=f"{file_key(path)}#{number}",
                        error=f"line {number}: {exc.message}")
    return jsonl_record(path, number, line)


def jsonl_record(path: Path, number: int, line: str) -> RawInput:
    """One JSON-lines record; its source is its ``url`` when it has one."""
    key = f"{file_key(path)}#{number}"
    fallback = f"{path.name}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return RawInput(source=fallback, key=key,
                        error=f"line {number} is not valid JSON ({exc.msg}): fix or remove it")
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return RawInput(source=fallback, key=key,
                        error=f"line {number} has no \"text\" string: each line needs "
                              "{\"text\": ...} and optional title, author, url, published, outlet")
    meta = DocMeta(**{f: _str_or_none(record.get(f)) for f in JSONL_FIELDS})
    if meta.published:
        meta.date_how = "stated"
    return RawInput(source=meta.url or fallback, key=key, content=record["text"],
                    format=_guess_format(record["text"]), meta=meta)


def _str_or_none(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None


def _guess_format(text: str) -> str:
    head = text.lstrip()[:200].lower()
    return "html" if head.startswith(("<!doctype html", "<html")) else "text"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()[:32]
