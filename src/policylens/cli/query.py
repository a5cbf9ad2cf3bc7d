"""Commands that read a project: status, search, export."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..project import Project
from ..store.export import FORMATS, export_table
from ..store.queries import project_status, search_sentences
from .options import project_option


@click.command()
@project_option
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
def status(project_dir: Path, as_json: bool) -> None:
    """Counts, inputs by status, ingest errors and the last run."""
    db = Project(project_dir).reader()
    try:
        st = project_status(db)
    finally:
        db.close()
    if as_json:
        click.echo(json.dumps(st.__dict__, indent=2))
        return
    click.echo(", ".join(f"{n} {t}" for t, n in st.counts.items()))
    click.echo("Inputs: " + (", ".join(f"{n} {s}" for s, n in sorted(st.sources.items())) or "none"))
    for err in st.errors:
        click.echo(f"  error: {err['source']}: {err['reason']}")
    if st.last_run:
        r = st.last_run
        click.echo(f"Last run: #{r['id']} {r['command']} {r['status']} "
                   f"({r['started']} → {r['finished'] or 'running'})")


@click.command()
@click.argument("query")
@project_option
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def search(query: str, project_dir: Path, limit: int, as_json: bool) -> None:
    """Full-text search over sentences; prints document and sentence ids."""
    db = Project(project_dir).reader()
    try:
        hits = search_sentences(db, query, limit)
    finally:
        db.close()
    for hit in hits:
        if as_json:
            click.echo(json.dumps(hit, ensure_ascii=False))
        else:
            click.echo(f"{hit['sentence_id']}\t{hit['source']}\t{hit['text']}")
    if not hits and not as_json:
        click.echo("No sentence matches.", err=True)


@click.command()
@click.argument("table")
@project_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Output file (JSON lines and CSV go to standard output without it).")
def export(table: str, project_dir: Path, fmt: str, output: Path | None) -> None:
    """Export a table (documents, sources, sentences, mentions, runs, ...)."""
    db = Project(project_dir).reader()
    try:
        count = export_table(db, table, fmt, output)
    finally:
        db.close()
    if output is not None:
        click.echo(f"Wrote {count} rows to {output}", err=True)


COMMANDS = [status, search, export]
