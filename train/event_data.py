"""Event-type training rows from ../shared/event_coding/training (never from dev or gold).

PLV_train (gold_root, source, target only: the ZSP prediction columns are dropped),
ConfliBERT cameo_class train (quad class only: a negative mask over its types) and the
NGEC synthetic stories (lede sentence, label). Each row is (text, (source, target),
target vector over LABELS, data set name).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
from pathlib import Path

import numpy as np

from policylens.events.head import LABELS, NONE, QUAD, TYPES

PLV_KEEP = ("sentence", "source", "target", "gold_root")  # gold columns only
# synthetic / coarse data count less; the dictionary sentences are the roughest
SOURCE_WEIGHT = {"plv": 1.0, "ngec": 0.5, "conflibert": 0.5, "cameo": 0.3}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def target_row(label: str) -> np.ndarray:
    row = np.zeros(len(LABELS), dtype=np.float32)
    if label == "YIELD":  # PLV merges CONCEDE and RETREAT
        row[LABELS.index("CONCEDE")] = row[LABELS.index("RETREAT")] = 0.5
    else:
        row[LABELS.index(label)] = 1.0
    return row


def quad_mask(quad: int) -> np.ndarray:
    return np.array([1.0 if QUAD[lab] == quad else 0.0 for lab in LABELS], dtype=np.float32)


def load_plv(path: Path) -> list[tuple]:
    csv.field_size_limit(10**8)
    with open(path, encoding="utf-8", newline="") as fh:
        rows = [{k: r[k] for k in PLV_KEEP} for r in csv.DictReader(fh, delimiter="\t")]
    return [(r["sentence"], (r["source"], r["target"]),
             target_row(r["gold_root"]), "plv") for r in rows]


def load_conflibert(path: Path) -> list[tuple]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            text, label = line.rsplit("\t", 1)
            quad = int(label.strip())
            tgt = target_row(NONE) if quad == 0 else -quad_mask(quad)  # negative: a mask
            out.append((text.strip(), (None, None), tgt, "conflibert"))
    return out


def lede(text: str) -> str:
    first = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", text.strip(), maxsplit=1)[0]
    return first[:400]


def load_ngec(path: Path) -> list[tuple]:
    with zipfile.ZipFile(path) as z:
        name = z.namelist()[0]
        rows = list(csv.DictReader(io.TextIOWrapper(z.open(name), encoding="utf-8")))
    return [(lede(r["text"]), (None, None), target_row(r["label"]), "ngec")
            for r in rows if r["label"] in TYPES and r["text"].strip()]
