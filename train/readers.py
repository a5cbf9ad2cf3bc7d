"""Reading (question, text) pairs with a torch checkpoint of either encoder: stance probabilities."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
Reader = Callable[[Sequence[tuple[str, str]]], np.ndarray]  # (question, text) -> probs [N, 3]


def torch_reader(checkpoint: str, encoder: str, max_len: int) -> Reader:
    import torch
    from encoders import encoder_dir
    from model_def import CrossEncoder
    from tokenizers import Tokenizer

    folder = encoder_dir(encoder)
    model = CrossEncoder(str(folder))
    model.load_state_dict(torch.load(checkpoint, map_location="cpu"))
    model.eval()
    tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(max_length=max_len)

    def read(pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        encs = tok.encode_batch(list(pairs))
        order = sorted(range(len(encs)), key=lambda i: len(encs[i].ids))
        probs = np.zeros((len(encs), 3), dtype=np.float32)
        with torch.no_grad():
            for start in range(0, len(order), 32):
                batch = order[start:start + 32]
                ids, types, mask = padded([(encs[i].ids, encs[i].type_ids) for i in batch])
                logits, _, _ = model(ids, mask, types)
                probs[batch] = logits.softmax(-1).numpy()
        return probs
    return read


def padded(rows: Sequence[tuple[list[int], list[int]]]) -> tuple:
    """Input ids, type ids and attention mask of a batch of (ids, type ids), zero-padded to its
    longest pair."""
    import torch

    width = max(len(tid) for tid, _ in rows)
    ids, types, mask = (torch.zeros(len(rows), width, dtype=torch.long) for _ in range(3))
    for row, (tid, tty) in enumerate(rows):
        ids[row, :len(tid)] = torch.tensor(tid)
        types[row, :len(tty)] = torch.tensor(tty)
        mask[row, :len(tid)] = 1
    return ids, types, mask
