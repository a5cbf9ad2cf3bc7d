"""Finding inputs and handing each to the reader that knows its format.

A reader is any object with ``name``, ``accepts(path) -> bool`` and
``read(path, settings) -> Iterator[RawInput]``; RSS or WARC readers are one
module each, registered through the ``register_readers`` hook.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator, Protocol

from ..errors import raise_unexpected, unexpected_reason
from ..model import RawInput
from ..plugins import load_plugins
from ..settings import Settings


class Reader(Protocol):
    name: str

    def accepts(self, path: Path) -> bool: ...

    def read(self, path: Path, settings: Settings) -> Iterator[RawInput]: ...


def registered_readers() -> list[Reader]:
    readers: list[Reader] = []
    load_plugins().hook.register_readers(register=readers.append)
    return readers


def is_url(arg: str) -> bool:
    return arg.lower().startswith(("http://", "https://"))


def walk_inputs(args: Iterable[str]) -> Iterator[Path | str]:
    """Yield files under the given paths (folders recursively) and bare URLs."""
    for arg in args:
        if is_url(arg):
            yield arg
            continue
        path = Path(arg)
        if path.is_dir():
            yield from _walk_dir(path)
        else:
            yield path


PROJECT_MARKER = "policylens.db"


def _walk_dir(root: Path) -> Iterator[Path]:
    """Files under ``root`` in a stable order; symlink loops are not followed twice."""
    seen: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        real = os.path.realpath(dirpath)
        if real in seen or PROJECT_MARKER in filenames:
            dirnames[:] = []  # a loop, or a policylens project: its database is no article
            continue
        seen.add(real)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def read_inputs(args: Iterable[str], settings: Settings) -> Iterator[RawInput]:
    """Every input item as a RawInput; unreadable ones carry an ``error``."""
    readers = registered_readers()
    for item in walk_inputs(args):
        yield from _guarded(item, readers, settings)


def _guarded(item: Path | str, readers: list[Reader], settings: Settings) -> Iterator[RawInput]:
    """The reader boundary: a reader's unforeseen failure becomes that input's error."""
    try:
        if isinstance(item, str):
            from .read_urls import fetch_url

            yield fetch_url(item, item, settings)
        else:
            yield from _read_path(item, readers, settings)
    except Exception as exc:  # noqa: BLE001 - batch boundary, counted and recorded
        if raise_unexpected():
            raise
        key = item if isinstance(item, str) else _key(item)
        source = item if isinstance(item, str) else item.name or str(item)
        yield RawInput(source=source, key=key, error=unexpected_reason(exc))


def _key(path: Path) -> str:
    try:
        return str(path.resolve()) if path.exists() else str(path)
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop on resolve
        return str(path)


def _read_path(path: Path, readers: list[Reader], settings: Settings) -> Iterator[RawInput]:
    key = _key(path)
    if not path.exists():
        reason = (f"{path} is a symbolic link to a missing file or to itself: fix or "
                  "remove the link" if path.is_symlink() else f"file not found: {path}. "
                  "Check the path.")
        yield RawInput(source=path.name or str(path), key=key, error=reason)
        return
    for reader in readers:
        if reader.accepts(path):
            yield from reader.read(path, settings)
            return
    yield RawInput(source=path.name, key=key, error=(
        f"no reader for '{path.suffix or path.name}' files: give .html, .htm, .txt, .md, "
        ".jsonl or a URL list (.urls)"))
