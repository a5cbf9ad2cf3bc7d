"""What a pipeline stage is, and the registry of stages.

A stage has a versioned name (``nlp.spacy`` + ``v1``), says which tables it
writes, and maps a batch of documents to rows. It is pure: the runner reads
its inputs, stores its rows and records that the stage ran on each document.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any, Protocol

from .plugins import load_plugins
from .settings import Settings

Rows = dict[str, list[dict[str, Any]]]


@dataclass
class StageContext:
    """What a stage may read besides its batch: the store (read-only use) and settings.

    Corpus stages also get the run's executor, to spread their own work over its workers.
    """

    db: sqlite3.Connection
    settings: Settings
    cache: dict[str, Any] = field(default_factory=dict)
    executor: Any = None


class Stage(Protocol):
    name: str
    version: str
    level: str  # "document": runs per batch of documents; "corpus": once over the store
    requires: tuple[str, ...]  # names of stages that must run first
    writes: tuple[str, ...]  # tables whose rows it owns (keyed by doc_id for document stages)
    # A corpus stage may also name, as ``keeps``, tables of ``writes`` that it adds to and
    # never clears (caches keyed by content); the runner replaces the others on each run.

    def process(self, batch: list[dict[str, Any]], ctx: StageContext) -> Rows: ...


def registered_stages() -> list[Stage]:
    """The stages in an order that respects ``requires``."""
    factories: list[Any] = []
    load_plugins().hook.register_stages(register=factories.append)
    return order_stages([make() for make in factories])


def order_stages(stages: list[Stage]) -> list[Stage]:
    by_name = {s.name: s for s in stages}
    ordered: list[Stage] = []

    def visit(stage: Stage, path: tuple[str, ...]) -> None:
        if stage in ordered:
            return
        if stage.name in path:
            raise RuntimeError(f"stage cycle: {' -> '.join(path + (stage.name,))}")
        for dep in stage.requires:
            if dep in by_name:
                visit(by_name[dep], path + (stage.name,))
        ordered.append(stage)

    for stage in stages:
        visit(stage, ())
    return ordered
