"""Build and run the Datasette app on a project's database, read-only."""

from __future__ import annotations

import asyncio
import ipaddress
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from ..errors import UsageError
from ..store.db import db_path

LOOPBACK = "127.0.0.1"


@dataclass(frozen=True)
class ServeOptions:
    project: Path
    host: str = LOOPBACK
    port: int = 8001
    sql_time_limit_ms: int = 3000


def check_project(project: Path) -> Path:
    """The database path, or an error that says what to run first."""
    if not Path(project).is_dir():
        raise UsageError(f"No project folder at {project}. Create one first: "
                         f"'policylens analyze PATH... --project {project}' "
                         "(or 'policylens demo' for the bundled sample).")
    path = db_path(project)
    if not path.exists():
        raise UsageError(f"No policylens database in {project}. Run 'policylens analyze "
                         f"PATH... --project {project}' first.")
    return path


def register_plugin() -> None:
    """Add the policylens plugin to Datasette's plugin manager, once."""
    from datasette.plugins import pm

    from . import plugin

    if not pm.is_registered(plugin):
        pm.register(plugin, name="policylens")


def make_datasette(project: Path, sql_time_limit_ms: int = 3000):  # type: ignore[no-untyped-def]
    """A Datasette over the project database. Datasette opens a mutable file with
    ``mode=ro``, which in WAL mode reads a consistent snapshot while a run writes."""
    from datasette.app import Datasette

    path = check_project(project)
    register_plugin()
    return Datasette(files=[str(path)], template_dir=str(files("policylens.web") / "templates"),
                     settings={"sql_time_limit_ms": sql_time_limit_ms,
                               "facet_time_limit_ms": min(sql_time_limit_ms, 500)})


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(options: ServeOptions) -> None:
    """Run the web UI until interrupted."""
    import uvicorn

    ds = make_datasette(options.project, options.sql_time_limit_ms)
    asyncio.run(ds.invoke_startup())
    uvicorn.run(ds.app(), host=options.host, port=options.port, log_level="warning",
                lifespan="on", workers=1)
