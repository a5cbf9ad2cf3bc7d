"""``policylens stance code`` and ``policylens keypoints match``: the models on JSON lines."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Callable, Iterator, TextIO

import click

from ..errors import InputError
from .options import project_option

CHUNK = 256  # lines scored together; output stays in input order


@click.group()
def stance() -> None:
    """Stance of sentences toward a question or target."""


@stance.command(name="code")
@click.argument("file", type=click.File("r", encoding="utf-8"), default="-")
def stance_code(file: TextIO) -> None:
    """Read {"text", "question"} JSON lines; write {"stance", "confidence", "aspect", "is_claim"}."""
    from ..stance.coding import code_sentences
    from ..stance.model import load_model

    def score(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        coded = code_sentences(load_model(), [(i["text"], i["question"]) for i in items])
        return [c.as_output() for c in coded]

    _score_lines(file, ("text", "question"), score)


@click.group()
def keypoints() -> None:
    """Key points: whether an argument makes a key point."""


@keypoints.command(name="match")
@click.argument("file", type=click.File("r", encoding="utf-8"), default="-")
def keypoints_match(file: TextIO) -> None:
    """Read {"argument", "key_point", "topic"} JSON lines; write {"score"} (higher = it makes it)."""
    from ..stance.model import load_model

    def score(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        scores = load_model().match([(i["key_point"], i["argument"]) for i in items])
        return [{"score": round(float(s), 6)} for s in scores]

    _score_lines(file, ("argument", "key_point"), score)


@keypoints.command(name="matrix")
@project_option
@click.option("--question", "question_id", default=None, help="Only this question id.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per key point.")
def keypoints_matrix(project_dir: Path, question_id: str | None, as_json: bool) -> None:
    """Print the key points × sources matrix: + makes the point, - takes the other side."""
    from ..project import Project
    from ..stance.matrix import MAKES, keypoint_matrix

    db = Project(project_dir).reader()
    try:
        matrix = keypoint_matrix(db, question_id)
    finally:
        db.close()
    if as_json:
        for row in matrix.rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    click.echo("\t".join(["side", "key point", *matrix.sources]))
    for row in matrix.rows:
        marks = ["+" if row["cells"].get(s) == MAKES else "-" if s in row["cells"] else "" for s in matrix.sources]
        click.echo("\t".join([row["side"], row["label"], *marks]))


def _score_lines(file: TextIO, fields: tuple[str, ...],
                 score: Callable[[list[dict[str, Any]]], list[dict[str, Any]]]) -> None:
    """Score valid lines in chunks; a bad line gets {"error": ...} in its place and exit code 1."""
    failed = 0
    for chunk in _chunks(file):
        parsed = [_parse(n, line, fields) for n, line in chunk]
        good = [p for p in parsed if not isinstance(p, InputError)]
        results = iter(score(good)) if good else iter(())
        for (n, _), p in zip(chunk, parsed):
            if isinstance(p, InputError):
                failed += 1
                click.echo(f"Error: {p.message}", err=True)
                click.echo(json.dumps({"error": p.message}))
            else:
                click.echo(json.dumps(next(results)))
    if failed:
        click.echo(f"{failed} line(s) could not be scored; see the errors above.", err=True)
        sys.exit(1)


def _chunks(file: TextIO) -> Iterator[list[tuple[int, str]]]:
    chunk: list[tuple[int, str]] = []
    for n, line in enumerate(file, start=1):
        if line.strip():
            chunk.append((n, line))
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _parse(n: int, line: str, fields: tuple[str, ...]) -> dict[str, Any] | InputError:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(f"line {n} is not JSON ({exc.msg}): give one JSON object per line.")
    if not isinstance(item, dict):
        return InputError(f"line {n} is not a JSON object: give one object per line.")
    missing = [f for f in fields if not isinstance(item.get(f), str) or not item[f].strip()]
    if missing:
        return InputError(f"line {n} lacks the text field(s) {', '.join(missing)}: "
                          f"each line needs {', '.join(fields)}.")
    return item


COMMANDS = [stance, keypoints]
