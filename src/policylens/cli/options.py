"""Options shared by several commands."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import click

from ..project import Project
from ..settings import Settings

project_option = click.option(
    "--project", "project_dir", required=True, type=click.Path(path_type=Path, file_okay=False),
    help="Project folder holding policylens.db and the report (created when missing).",
)


def run_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Flags that override settings for one run."""
    fn = click.option("--batch-size", type=click.IntRange(min=1), default=None,
                      help="Documents per batch and per write transaction.")(fn)
    fn = click.option("--progress/--no-progress", default=None,
                      help="Show progress bars (default: on).")(fn)
    return fn


def executor_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Where document stages run (see docs/scaling.md)."""
    fn = click.option("--scheduler", default=None, metavar="ADDRESS",
                      help="A running Dask scheduler (tcp://HOST:8786); default: a local "
                           "cluster.")(fn)
    fn = click.option("--workers", type=click.IntRange(min=0), default=None,
                      help="Worker processes (local: 0 = in this process; dask: 0 = one per "
                           "CPU).")(fn)
    fn = click.option("--executor", type=click.Choice(["local", "dask"]), default=None,
                      help="Run document stages here (local) or on Dask (default: local).")(fn)
    return fn


def settings_for(project: Project, batch_size: int | None, progress: bool | None,
                 **flags: Any) -> Settings:
    return project.settings(batch_size=batch_size, progress=progress, **flags)


question_option = click.option(
    "--question", "questions", multiple=True, metavar="TEXT",
    help="A question to take stances toward (repeatable).",
)
