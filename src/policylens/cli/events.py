"""``policylens events``: code text into PLOVER events without a project."""

from __future__ import annotations

import json
import sys

import click


@click.group()
def events() -> None:
    """PLOVER event coding."""


@events.command()
@click.argument("file", type=click.File("r", encoding="utf-8"), default="-")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Where to write the JSON lines (standard output without it).")
def code(file, output) -> None:  # type: ignore[no-untyped-def]
    """Code JSON lines {"text", "source"?, "target"?, "published"?} into events.

    Writes one line {"events": [...]} per input line. With "source" and
    "target" span texts given it codes the relation between them; without,
    it finds the events itself. Exits 1 when some lines could not be coded.
    """
    from ..events.code import code_lines
    from ..nlp.model import load_nlp
    from ..settings import load_settings

    nlp = load_nlp(load_settings().spacy_model)
    origin = "-" if file.name in ("-", "<stdin>") else file.name
    failed = 0
    for req in code_lines(file, origin, nlp):
        line = {"events": req.events}
        if req.error:
            line["error"] = req.error
            click.echo(f"Error: {req.error}", err=True)
            failed += 1
        output.write(json.dumps(line, ensure_ascii=False) + "\n")
    if failed:
        click.echo(f"{failed} line(s) could not be coded.", err=True)
        sys.exit(1)


COMMANDS = [events]
