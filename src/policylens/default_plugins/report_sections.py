"""The built-in report sections, registered like any plugin's."""

from __future__ import annotations

from ..hookspecs import hookimpl


@hookimpl
def register_report_sections(register):  # type: ignore[no-untyped-def]
    from ..report.sections import (actors, dyads, evidence, keypoints, provenance, questions,
                                   sources, timeline)

    for module in (questions, keypoints, timeline, dyads, actors, sources, provenance, evidence):
        register(module.SECTION)
