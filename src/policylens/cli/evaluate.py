"""``policylens eval``: score the stages against gold sets."""

from __future__ import annotations

from pathlib import Path

import click

from ..eval.runner import DEFAULT_SHARED, EVALUATIONS, run_evaluations
from ..eval.gate import check_floors


@click.command(name="eval")
@click.option("--shared", type=click.Path(path_type=Path, file_okay=False), default=None,
              help=f"Folder with the gold data (default: {DEFAULT_SHARED}).")
@click.option("--gate", is_flag=True, help="Fail (exit 1) when a score falls below its floor.")
@click.option("--only", multiple=True, metavar="NAME",
              help=f"Run only this evaluation (repeatable): {', '.join(EVALUATIONS)}.")
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Run the evaluations in this many processes.")
def eval_command(shared: Path | None, gate: bool, only: tuple[str, ...], jobs: int) -> None:
    """Score cleaning, metadata and later stages against gold sets and print a table."""
    scores = run_evaluations(shared, only=only, jobs=jobs)
    width = max((len(k) for k in scores), default=10)
    click.echo(f"{'metric'.ljust(width)}  score   floor")
    failures = check_floors(scores)
    floors = failures.floors
    for name, value in scores.items():
        floor = floors.get(name)
        mark = "  BELOW FLOOR" if name in failures.below else ""
        click.echo(f"{name.ljust(width)}  {value:.3f}   {'' if floor is None else f'{floor:.3f}'}{mark}")
    if gate and failures.below:
        raise SystemExit(1)


COMMANDS = [eval_command]
