"""The web UI command: serve."""

from __future__ import annotations

from pathlib import Path

import click

from ..web.app import LOOPBACK, ServeOptions, is_loopback, serve as serve_app
from .options import project_option


@click.command()
@project_option
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True)
@click.option("--host", default=LOOPBACK, show_default=True,
              help="Address to listen on; anything but loopback exposes the data to the network.")
@click.option("--sql-time-limit-ms", type=click.IntRange(min=10), default=3000, show_default=True,
              help="Time limit of one SQL query in the web UI.")
def serve(project_dir: Path, port: int, host: str, sql_time_limit_ms: int) -> None:
    """Browse a project in Datasette with the policylens dashboard (read-only)."""
    options = ServeOptions(project_dir, host, port, sql_time_limit_ms)
    from ..web.app import check_project

    check_project(project_dir)
    if not is_loopback(host):
        click.echo(f"Warning: listening on {host}: anyone who can reach this address can read "
                   "the project. Use --host 127.0.0.1 to keep it local.", err=True)
    click.echo(f"policylens dashboard: http://{host}:{port}/-/policylens  (Ctrl+C to stop)")
    serve_app(options)


COMMANDS = [serve]
