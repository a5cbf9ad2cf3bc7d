"""Commands that write to a project: init, add, run, analyze, report, demo."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import click

from ..project import Project
from ..report.build import write_report
from ..run.pipeline import RunResult, analyze, execute
from ..settings import CONFIG_NAME
from ..stages import registered_stages
from .options import (executor_options, project_option, question_option, run_options,
                      settings_for)

SAMPLE = files("policylens") / "data" / "sample"
# The question the sample corpus was written around (see data/SAMPLE.md).
SAMPLE_QUESTION = ("Should South Korea deepen its engagement with NATO, including the "
                   "president attending NATO summits?")


def _summary(result: RunResult) -> None:
    counts = result.added.counts
    parts = [f"{counts[k]} {k}" for k in ("ok", "duplicate", "skipped", "error", "unchanged")
             if counts[k]]
    click.echo(f"Inputs: {', '.join(parts) or 'none'}")
    for source, reason in result.added.errors:
        click.echo(f"  error: {source}: {reason}", err=True)
    if result.added.unexpected:
        click.echo(f"  {result.added.unexpected} of the errors were unexpected failures "
                   "(a bug in policylens): please report them", err=True)
    corpus_level = {s.name for s in registered_stages() if s.level == "corpus"}
    for stage, n in result.processed.items():
        done = f"{n} rows written (whole corpus)" if stage in corpus_level else f"{n} processed"
        click.echo(f"Stage {stage}: {done}")
    click.echo(f"Database: {Project(result.project).db_path}")
    if result.report:
        click.echo(f"Report: {result.report}")


@click.command()
@project_option
def init(project_dir: Path) -> None:
    """Create an empty project folder with its database."""
    project = Project(project_dir)
    with project.writer():
        pass
    config = project.path / CONFIG_NAME
    if not config.exists():
        config.write_text("# policylens settings for this project (see docs/settings.md)\n")
    click.echo(f"Project ready: {project.db_path}")


@click.command()
@click.argument("paths", nargs=-1, required=True)
@project_option
@run_options
def add(paths: tuple[str, ...], project_dir: Path, batch_size: int | None,
        progress: bool | None) -> None:
    """Add files, folders, URL lists or URLs to a project without running the stages."""
    project = Project(project_dir)
    result = execute(project, "add", settings_for(project, batch_size, progress), paths, run=False)
    _summary(result)
    raise SystemExit(result.exit_code)


@click.command()
@project_option
@question_option
@run_options
@executor_options
def run(project_dir: Path, questions: tuple[str, ...], batch_size: int | None,
        progress: bool | None, **executor: object) -> None:
    """Run every stage on the documents that still need it."""
    project = Project(project_dir)
    _summary(execute(project, "run", settings_for(project, batch_size, progress, **executor),
                     questions=questions))


@click.command(name="analyze")
@click.argument("paths", nargs=-1, required=True)
@project_option
@question_option
@run_options
@executor_options
def analyze_command(paths: tuple[str, ...], project_dir: Path, questions: tuple[str, ...],
                    batch_size: int | None, progress: bool | None, **executor: object) -> None:
    """Add inputs and questions, run every stage and write the report."""
    project = Project(project_dir)
    settings = settings_for(project, batch_size, progress, **executor)
    result = analyze(project, paths, settings, questions)
    _summary(result)
    raise SystemExit(result.exit_code)


@click.command()
@project_option
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Where to write the HTML file (default: report.html in the project).")
def report(project_dir: Path, output: Path | None) -> None:
    """Write the self-contained HTML report of a project."""
    click.echo(f"Report: {write_report(Project(project_dir), output)}")


@click.command()
@click.option("--project", "project_dir", type=click.Path(path_type=Path, file_okay=False),
              default=Path("demo-project"), show_default=True, help="Where to put the demo project.")
@question_option
@run_options
def demo(project_dir: Path, questions: tuple[str, ...], batch_size: int | None,
         progress: bool | None) -> None:
    """Analyse the sample corpus bundled with policylens (by default with its question)."""
    project = Project(project_dir)
    questions = questions or (SAMPLE_QUESTION,)
    click.echo(f"Analysing the bundled sample corpus ({SAMPLE}) into {project_dir}")
    click.echo(f"Question: {' / '.join(questions)}")
    result = analyze(project, [str(SAMPLE)], settings_for(project, batch_size, progress),
                     questions)
    _summary(result)
    raise SystemExit(result.exit_code)


COMMANDS = [init, add, run, analyze_command, report, demo]
