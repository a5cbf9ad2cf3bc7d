"""The plugin hooks: one ``register_*`` hook per kind of extension.

Built-in readers, stages and exporters register through these same hooks
from ``policylens.default_plugins``; third-party packages do so through the
``policylens`` entry point.
"""

from __future__ import annotations

from pluggy import HookimplMarker, HookspecMarker

hookspec = HookspecMarker("policylens")
hookimpl = HookimplMarker("policylens")


@hookspec
def register_readers(register):  # type: ignore[no-untyped-def]
    """Register input readers: ``register(reader)`` with a :class:`policylens.readers.Reader`."""


@hookspec
def register_stages(register):  # type: ignore[no-untyped-def]
    """Register pipeline stages: ``register(stage_factory)``, a callable returning a Stage."""


@hookspec
def register_commands(cli):  # type: ignore[no-untyped-def]
    """Register extra CLI commands on the ``policylens`` click group."""


@hookspec
def register_report_sections(register):  # type: ignore[no-untyped-def]
    """Register report sections: ``register(section)`` with a
    :class:`policylens.report.registry.ReportSection`."""
