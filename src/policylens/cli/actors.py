"""``policylens actors``: resolve actor mentions in a piece of text, for quick checks."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from datetime import date

import click

from ..errors import UsageError


def parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"--date '{value}' is not a date: use YYYY-MM-DD, e.g. 2025-07-15.") \
            from exc


@click.group()
def actors() -> None:
    """Check how text is linked to states, organisations and office holders."""


@actors.command(name="resolve")
@click.argument("text", required=False)
@click.option("--date", "on", default=None,
              help="Resolve roles at this date (YYYY-MM-DD); without it roles stay undated.")
def actors_resolve(text: str | None, on: str | None) -> None:
    """Print the actor mentions of TEXT (or standard input) as JSON lines."""
    from ..actors.stage import shared_resolver
    from ..nlp.model import load_nlp
    from ..settings import load_settings

    day = parse_date(on)
    body = text if text is not None else sys.stdin.read()
    if not body.strip():
        raise UsageError("Give the text to resolve as an argument or on standard input.")
    nlp = load_nlp(load_settings(None).spacy_model)
    for mention in shared_resolver().resolve(nlp(body), day):
        click.echo(json.dumps(asdict(mention), ensure_ascii=False))


COMMANDS = [actors]
