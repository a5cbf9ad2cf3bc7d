"""``python -m policylens``: the same as the ``policylens`` command."""

from .cli.main import cli

cli(prog_name="policylens")
