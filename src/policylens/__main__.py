"""``python -m policylens``: the CLI, for subprocess tests and environments without the script."""

from policylens.cli.main import cli

if __name__ == "__main__":
    cli()
