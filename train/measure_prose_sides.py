"""How well a stance checkpoint reads the side of written argued prose (a diagnosis, not a gate).

For the gold key-point quotes of the development sets (the seeds, the EU-Ukraine and the
Brazil-OPEC+ corpora), the side AUC of the pro share p_pro / (p_pro + p_con): the chance that
a pro quote reads more pro than a con quote. Each quote is read against its question as
written, with no calibration and no framing, so checkpoints of any encoder compare alike;
the shipped ONNX model is read the same way beside them. ``--own-lean`` adds each model
with each sentence's own lean taken out (``without_own_lean``).

    python train/measure_prose_sides.py --shared ../shared \
        --checkpoint train/runs/s30-mpnet/epoch-1.pt:mpnet train/runs/s30-minilm/epoch-1.pt:minilm
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Sequence

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from readers import Reader, torch_reader  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
# Three questions on nothing the development sets argue, written once (session 32) and not
# changed; VAST's bare targets are met by the same three as phrases.
UNRELATED = (("Should the city build a new football stadium?", "a new football stadium"),
             ("Should schools require students to wear uniforms?", "school uniforms"),
             ("Should the national park charge an entry fee?", "national park entry fees"))
DEV_SETS = {"seeds": "gold/seeds.json", "dev_eu": "tests/fixtures/dev_ukraine_eu/gold.json",
            "dev_opec": "tests/fixtures/dev_brazil_opec/gold.json"}


def side_auc(pro_share: Sequence[float], is_pro: Sequence[bool]) -> float:
    """The chance that a pro item scores above a con one (ties count half)."""
    pos = [s for s, p in zip(pro_share, is_pro) if p]
    neg = [s for s, p in zip(pro_share, is_pro) if not p]
    if not pos or not neg:
        return float("nan")
    wins = sum((a > b) + 0.5 * (a == b) for a in pos for b in neg)
    return wins / (len(pos) * len(neg))


def sided_evidence(gold: dict) -> list[tuple[dict, bool]]:
    """The evidence ({"source", "quote"}) of a gold file's pro and con key points, each with
    whether it is pro."""
    return [(e, g["side"] == "pro") for g in gold["key_points"] if g["side"] in ("pro", "con")
            for e in g["evidence"]]


def gold_quotes(path: Path) -> tuple[str, list[str], list[bool]]:
    """The question, and the pro and con gold quotes of a gold file with their sides."""
    gold = json.loads(path.read_text())
    evidence = sided_evidence(gold)
    return gold["question"]["text"], [e["quote"] for e, _ in evidence], [p for _, p in evidence]


def dev_set_gold(name: str, shared: Path) -> Path:
    """The gold file of a development set: the seeds' under ../shared, the others in the repo."""
    return (shared if name == "seeds" else REPO) / DEV_SETS[name]


def sided_auc(read: Reader, pairs: Sequence[tuple[str, str]], is_pro: Sequence[bool]) -> float:
    """The side AUC of the pro share p_pro / (p_pro + p_con) of the read pairs, to 3 places."""
    probs = np.asarray(read(pairs))
    return round(side_auc(probs[:, 0] / (probs[:, 0] + probs[:, 1]), is_pro), 3)


def quotes_in_context(evidence: Sequence[tuple[dict, bool]], corpus: Path) -> list[str]:
    """Each gold quote of ``sided_evidence``, with the sentence before it in its document (in
    ``corpus``) as the training articles are read (``data.in_context``)."""
    from data import in_context, sentence_before_quote

    documents = {e["source"]: (corpus / e["source"]).read_text() for e, _ in evidence}
    return [in_context(e["quote"], sentence_before_quote(documents[e["source"]], e["quote"])) for e, _ in evidence]


def dev_set_corpus(name: str, shared: Path) -> Path:
    """The folder of a development set's documents."""
    return shared / "corpus" / "seeds" if name == "seeds" else dev_set_gold(name, shared).parent / "corpus"


def scores(read: Reader, shared: Path, context: bool = False) -> dict[str, float]:
    out = {}
    for name in DEV_SETS:
        gold = json.loads(dev_set_gold(name, shared).read_text())
        evidence = sided_evidence(gold)
        quotes = (quotes_in_context(evidence, dev_set_corpus(name, shared)) if context
                  else [e["quote"] for e, _ in evidence])
        out[name] = sided_auc(read, [(gold["question"]["text"], q) for q in quotes], [p for _, p in evidence])
    out["written_mean"] = round((out["dev_eu"] + out["dev_opec"]) / 2, 3)
    return out


def prose_file_auc(read: Reader, path: Path) -> float:
    """The side AUC of the pro share on the pro and con sentences of a written-prose file."""
    from policylens.eval.stance_prose import read_prose

    rows = [r for r in read_prose(path) if r["stance"] != "neutral"]
    return sided_auc(read, [(r["question"], r["text"]) for r in rows], [r["stance"] == "pro" for r in rows])


def vast_dev_macro_f1(read: Reader, shared: Path) -> float:
    """VAST dev 3-class macro-F1 of the plain argmax (no calibration, no framing)."""
    import data as D
    from policylens.eval.stance_corpora import f1_scores

    pairs = D.vast_dev(shared / "stance")
    predicted = np.asarray(read([(p.text_a, p.text_b) for p in pairs])).argmax(1)
    return round(float(np.mean(f1_scores([p.label for p in pairs], list(predicted)))), 4)


def side_logit(probs: np.ndarray) -> np.ndarray:
    return np.log(probs[:, 0] + 1e-9) - np.log(probs[:, 1] + 1e-9)


def without_own_lean(read: Reader) -> Reader:
    """The reading with each sentence's own lean taken out of its side: its side logit toward
    the question minus its mean side logit toward the UNRELATED questions (or phrases, for a
    bare target); p_neutral is kept and the rest split by the corrected side."""
    from policylens.stance.framing import is_bare_phrase

    def corrected(pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        probs = np.asarray(read(pairs))
        leans = [side_logit(np.asarray(read([(u[is_bare_phrase(q)], t) for q, t in pairs])))
                 for u in UNRELATED]
        pro = 1 / (1 + np.exp(-(side_logit(probs) - np.mean(leans, axis=0))))
        sided = 1 - probs[:, 2]
        return np.stack([sided * pro, sided * (1 - pro), probs[:, 2]], axis=1)

    return corrected


def shipped_reader() -> Reader:
    from policylens.stance.model import load_model

    return load_model().stance


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--shared", default="../shared")
    p.add_argument("--checkpoint", nargs="*", default=[], help="CHECKPOINT:ENCODER (minilm or mpnet)")
    p.add_argument("--max-len", type=int, default=96)
    p.add_argument("--vast", action="store_true", help="also VAST dev macro-F1 of the plain argmax")
    p.add_argument("--own-lean", action="store_true",
                   help="also each model with each sentence's own lean taken out (without_own_lean)")
    p.add_argument("--prose", type=Path, help="also the side AUC on this written-prose file's pro and con sentences")
    p.add_argument("--context", action="store_true",
                   help="read each gold quote with the sentence before it in its document (data.in_context)")
    args = p.parse_args()
    shared = Path(args.shared)
    readers = [("shipped", shipped_reader)] + [
        (spec, lambda spec=spec: torch_reader(*spec.rsplit(":", 1), args.max_len))
        for spec in args.checkpoint]
    if args.own_lean:
        readers += [(f"{name} without own lean", lambda make=make: without_own_lean(make()))
                    for name, make in readers]
    for name, make in readers:
        read = make()
        extra = {"vast_dev_macro_f1": vast_dev_macro_f1(read, shared)} if args.vast else {}
        if args.prose:
            extra["prose_file"] = prose_file_auc(read, args.prose)
        print(json.dumps({"model": name, **scores(read, shared, args.context), **extra}), flush=True)


if __name__ == "__main__":
    main()
