"""Report sections, registered through the ``register_report_sections`` hook."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from markupsafe import Markup

from ..plugins import load_plugins
from .context import ReportContext


@dataclass(frozen=True)
class ReportSection:
    """One section of the report: ``render`` returns its HTML (escaped by its template)."""

    id: str
    title: str
    order: int
    render: Callable[[ReportContext], Markup]


def report_sections() -> list[ReportSection]:
    found: list[ReportSection] = []
    load_plugins().hook.register_report_sections(register=found.append)
    return sorted(found, key=lambda s: (s.order, s.id))
