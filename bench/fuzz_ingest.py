"""Fuzz the real ingest path: generated good and bad inputs, every one accounted for.

    python bench/fuzz_ingest.py --count 10000 --seed 7

Writes ``--count`` inputs (files, JSON-lines records, URL-list lines; a mix of the
bad-input cases of docs/reliability.md) generated deterministically from ``--seed``,
adds them to a fresh project through readers -> build -> store (``add``: no NLP),
and prints one JSON object: inputs given, rows in ``sources`` (must be equal),
counts by status, unexpected failures and seconds. Exit code 1 if anything is lost.
"""

from __future__ import annotations

import argparse
import codecs
import io
import json
import os
import random
import sqlite3
import sys
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path
from typing import Callable

from policylens.project import Project
from policylens.run.pipeline import execute

WORDS = ("Seoul Tokyo Brussels NATO summit president minister talks agreed defence cyber "
         "alliance officials said on Tuesday the and in with after before security trade "
         "Pacific partners cooperation sanctions envoy treaty ceasefire").split()
GERMAN = ("Die Regierung in Berlin hat am Dienstag beschlossen, die Zusammenarbeit mit den "
          "Partnern im Pazifik auszubauen, sagten Beamte nach einem langen Treffen. ")
# Settings that keep the size cases cheap to generate; the limits are what is tested.
FUZZ_SETTINGS = {"max_input_bytes": 60_000, "max_line_chars": 5_000, "fetch_delay_s": 0.0,
                 "batch_size": 64, "progress": False}


class Generator:
    """Writes inputs into a folder; ``given`` counts the inputs a user would count."""

    def __init__(self, folder: Path, seed: int) -> None:
        self.folder, self.rng, self.given, self.n = folder, random.Random(seed), 0, 0
        self.texts: list[str] = []
        folder.mkdir(parents=True, exist_ok=True)

    def article(self) -> str:
        self.n += 1
        words = [self.rng.choice(WORDS) for _ in range(self.rng.randint(30, 120))]
        text = f"Report {self.n}: " + " ".join(words) + "."
        self.texts.append(text)
        return text

    def file(self, name: str, data: bytes) -> None:
        (self.folder / name).write_bytes(data)
        self.given += 1

    def name(self, suffix: str) -> str:
        odd = self.rng.choice(["", " with space", " ünïcödé 서울", "\nnewline", " 'quote\""])
        return f"in{self.given:05d}{odd}{suffix}"


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "text")
    return buffer.getvalue()


def _text_cases(g: Generator) -> list[Callable[[], None]]:
    def enc(codec: str) -> Callable[[], None]:
        return lambda: g.file(g.name(".txt"), (g.article() + " café “x”").encode(codec, "replace"))
    return [
        lambda: g.file(g.name(".txt"), g.article().encode()),
        lambda: g.file(g.name(".md"), ("# Title\n\n" + g.article()).encode()),
        lambda: g.file(g.name(".txt"), b""),
        lambda: g.file(g.name(".txt"), b" \n\t\r\n "),
        lambda: g.file(g.name(".txt"), b"%PDF-1.5\n" + g.rng.randbytes(64)),
        lambda: g.file(g.name(".txt"), b"\x89PNG\r\n\x1a\n" + g.rng.randbytes(64)),
        lambda: g.file(g.name(".txt"), _zip()),
        lambda: g.file(g.name(".txt"), g.rng.randbytes(g.rng.randint(1, 400))),
        enc("latin-1"), enc("cp1252"), enc("utf-16"),
        lambda: g.file(g.name(".txt"), codecs.BOM_UTF8 + g.article().encode()),
        lambda: g.file(g.name(".txt"), g.article().encode() + b" \xff\xfe bad bytes"),
        lambda: g.file(g.name(".txt"), b"a " * 40_000),  # over max_input_bytes
        lambda: g.file(g.name(".txt"), (g.article() + " " + "x" * 20_000).encode()),
        lambda: g.file(g.name(".txt"), (GERMAN * 3).encode()),
        lambda: g.file(g.name(".txt"), g.rng.choice(g.texts or ["x"]).encode()),  # duplicate
        lambda: g.file(g.name(".pptx"), b"PK\x03\x04"),
    ]


def _html_cases(g: Generator) -> list[Callable[[], None]]:
    def page(body: str) -> bytes:
        return f"<html><head><title>T{g.given}</title></head><body>{body}</body></html>".encode()
    return [
        lambda: g.file(g.name(".html"), page(f"<article><p>{g.article()}</p></article>")),
        lambda: g.file(g.name(".html"), page("<script>x()</script>" * 20)),
        lambda: g.file(g.name(".html"), page("<div>" * 3000 + g.article() + "</div>" * 3000)),
        lambda: g.file(g.name(".htm"), page(f"<p>{g.article()}<div><span></p></td></tr>")),
        lambda: g.file(g.name(".html"), page(f"<p onclick='x()'>{g.article()}</p><script>"
                                             "alert(1)</script><a href='javascript:x'>a</a>")),
        lambda: g.file(g.name(".html"), g.rng.randbytes(g.rng.randint(0, 300))),
    ]


def _jsonl_line(g: Generator) -> str:
    kind = g.rng.randrange(8)
    if kind == 0:
        return "{not json"
    if kind == 1:
        return json.dumps({"title": "no text"})
    if kind == 2:
        return json.dumps(["a", "list"])
    if kind == 3:
        return json.dumps({"text": ""})
    if kind == 4:
        return json.dumps({"text": GERMAN * 2, "url": f"https://de.example/{g.n}"})
    if kind == 5 and g.texts:
        return json.dumps({"text": g.rng.choice(g.texts)})
    return json.dumps({"text": g.article(), "title": f"T{g.n}", "published": "2024-07-11"})


def _jsonl_file(g: Generator, records: int) -> None:
    lines = []
    for _ in range(records):
        lines.append(_jsonl_line(g))
        if g.rng.random() < 0.05:
            lines.append("")  # blank lines are not inputs
    (g.folder / f"feed{g.given:05d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    g.given += records


def _url_list(g: Generator, count: int) -> None:
    lines = ["# refused before any network access"]
    for i in range(count):
        k = g.given + i
        lines.append(g.rng.choice([f"http://10.{k // 65536 % 256}.{k // 256 % 256}.{k % 256}/a",
                                   f"ftp://files.example/{k}", f"http://127.0.0.1:9/{k}",
                                   f"https://[::1]/{k}", f"http://192.168.{k % 256}.1/{k}"]))
    (g.folder / f"links{g.given:05d}.urls").write_text("\n".join(lines) + "\n", encoding="utf-8")
    g.given += count


def generate(folder: Path, count: int, seed: int) -> int:
    """Write about ``count`` inputs (exactly ``given``, returned) under ``folder``."""
    g = Generator(folder, seed)
    cases = _text_cases(g) + _html_cases(g)
    loops = folder / "loops"
    loops.mkdir()
    os.symlink(folder, loops / "back-to-top")  # a folder loop: must be walked once
    os.symlink("self.txt", folder / "self.txt")  # a file link to itself: one error
    g.given += 1
    while g.given < count:
        roll, left = g.rng.random(), count - g.given
        if roll < 0.04:
            _jsonl_file(g, min(left, g.rng.randint(20, 200)))
        elif roll < 0.06:
            _url_list(g, min(left, g.rng.randint(5, 40)))
        else:
            g.rng.choice(cases)()
    return g.given


def fuzz(count: int, seed: int, workdir: Path) -> dict[str, object]:
    """Generate, add through the real ingest path, and account for every input."""
    given = generate(workdir / "inputs", count, seed)
    project = Project(workdir / "project")
    began = time.perf_counter()
    result = execute(project, "add", project.settings(**FUZZ_SETTINGS),
                     [str(workdir / "inputs")], run=False)
    seconds = time.perf_counter() - began
    db = sqlite3.connect(project.db_path)
    rows = db.execute("SELECT count(*) FROM sources").fetchone()[0]
    by_status = dict(db.execute("SELECT status, count(*) FROM sources GROUP BY status"))
    db.close()
    return {"seed": seed, "given": given, "accounted": rows, "by_status": by_status,
            "reported": sum(result.added.counts.values()), "unexpected": result.added.unexpected,
            "seconds": round(seconds, 1), "inputs_per_s": round(given / seconds, 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="policylens-fuzz-") as tmp:
        out = fuzz(args.count, args.seed, Path(tmp))
    print(json.dumps(out))
    return 0 if out["given"] == out["accounted"] == out["reported"] else 1


if __name__ == "__main__":
    sys.exit(main())
