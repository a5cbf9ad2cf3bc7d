"""The ``policylens`` command: a thin shell over the library."""

from __future__ import annotations

import sys

import click

from ..errors import PolicylensError
from ..plugins import load_plugins


class PolicylensGroup(click.Group):
    """Prints user-facing errors as one line and exits with their code."""

    def invoke(self, ctx: click.Context):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except PolicylensError as exc:
            click.echo(f"Error: {exc.message}", err=True)
            sys.exit(exc.exit_code)


@click.group(cls=PolicylensGroup)
@click.version_option(package_name="policylens")
def cli() -> None:
    """policylens: cited, structured knowledge from foreign-policy news and commentary."""


def _register() -> None:
    from . import actors, evaluate, events, ingest, query, question, stance, web

    for module in (ingest, query, question, evaluate, actors, events, stance, web):
        for command in module.COMMANDS:
            cli.add_command(command)
    load_plugins().hook.register_commands(cli=cli)


_register()
