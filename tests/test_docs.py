"""Docs cannot drift: every command and setting is documented; the README's commands run."""

from __future__ import annotations

import re
import shlex
from dataclasses import fields
from pathlib import Path

import click
import pytest

from conftest import REPO, export_jsonl, invoke
from policylens.cli.main import cli
from policylens.settings import Settings

README = (REPO / "README.md").read_text(encoding="utf-8")


def command_paths(group: click.Group, prefix: str = "policylens") -> list[str]:
    paths = []
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            paths += command_paths(command, f"{prefix} {name}")
        else:
            paths.append(f"{prefix} {name}")
    return paths


@pytest.mark.parametrize("command", command_paths(cli))
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"`{command}" in README, f"document '{command}' in README.md"


@pytest.mark.parametrize("name", [f.name for f in fields(Settings)])
def test_every_setting_is_documented(name: str) -> None:
    assert f"`{name}`" in (REPO / "docs" / "settings.md").read_text(encoding="utf-8")


def test_readme_gives_the_two_commands() -> None:
    assert "make demo" in README and "make test" in README
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


def readme_try_it_commands() -> list[list[str]]:
    block = re.search(r"## Try it.*?```bash\n(.*?)```", README, re.S).group(1)
    return [shlex.split(line)[1:] for line in block.splitlines() if line.startswith("policylens ")]


def test_readme_try_it_commands_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert invoke("demo").exit_code == 0
    commands = readme_try_it_commands()
    assert len(commands) >= 4
    for args in commands:
        result = invoke(*args)
        assert result.exit_code == 0, (args, result.output)
    assert (tmp_path / "documents.jsonl").stat().st_size > 0


def test_documented_stage_versions_are_the_running_ones() -> None:
    from policylens.stages import registered_stages

    running = {s.name: s.version for s in registered_stages()}
    # "`stage` vN" states the running version; "since `stage` vN" is history
    documented = [(m.group(1), m.group(2)) for doc in (REPO / "docs").glob("*.md")
                  for m in re.finditer(r"(?<!since )`([a-z_]+\.[a-z_]+)` (v\d+)\b", doc.read_text(encoding="utf-8"))
                  if m.group(1) in running]
    assert documented, "no stage version is named in docs/"
    assert [(n, v) for n, v in documented if running[n] != v] == []


def readme_export_fields(table: str) -> list[str]:
    """The field names the README lists for ``export TABLE`` (backticked identifiers)."""
    text = re.search(rf"`export {table}`:(.*?)(?=`export [a-z_]+`|See \[)", README, re.S).group(1)
    return [name for name in re.findall(r"`([^`]+)`", text) if re.fullmatch(r"[a-z_]+", name)]


@pytest.mark.parametrize("table", ["stances", "keypoints", "claims"])
def test_readme_lists_the_argument_exports_fields(table: str, sample_project: Path) -> None:
    assert readme_export_fields(table) == list(export_jsonl(sample_project, table)[0])
