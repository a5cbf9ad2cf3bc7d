"""``policylens question``: the questions stances are taken toward."""

from __future__ import annotations

from pathlib import Path

import click

from ..project import Project
from ..questions import add_questions
from .options import project_option


@click.group()
def question() -> None:
    """Add and list the questions of a project."""


@question.command(name="add")
@click.argument("text")
@project_option
def question_add(text: str, project_dir: Path) -> None:
    """Add a question; prints its id."""
    with Project(project_dir).writer() as db:
        (qid,) = add_questions(db, [text])
    click.echo(qid)


@question.command(name="list")
@project_option
def question_list(project_dir: Path) -> None:
    """List the questions with their ids."""
    db = Project(project_dir).reader()
    try:
        for row in db.execute("SELECT id, text FROM questions ORDER BY created, id"):
            click.echo(f"{row['id']}\t{row['text']}")
    finally:
        db.close()


COMMANDS = [question]
