"""Training and development pairs for the stance cross-encoder (read from ../shared/stance).

Every example is (text_a, text_b, task, label): text_a is the target (a topic phrase, a
debate motion or a question) or a key point, text_b the sentence or argument.
Task "stance": label 0 = pro, 1 = con, 2 = neutral. Task "match": label 1 = the argument
makes the key point, 0 = it does not.
"""

from __future__ import annotations

import csv
import hashlib
import io
import random
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

STANCE_LABELS = ("pro", "con", "neutral")
VAST_TO_OURS = {"1": 0, "0": 1, "2": 2}  # VAST: 0 con, 1 pro, 2 neutral
# Topics of IBM claim stance kept out of training so the accuracy we report is on unseen topics.
IBM_HELDOUT_SHARE = 0.2


@dataclass(frozen=True)
class Pair:
    text_a: str
    text_b: str
    task: str
    label: int
    group: str = ""  # topic or argument id, for grouped evaluation


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def motion_as_question(motion: str) -> str:
    """Turn a debate motion into the question a user would ask ("We should X" -> "Should we X?")."""
    text = motion.strip().rstrip(".")
    m = re.match(r"(?i)^this house would (.+)$", text)
    if m:
        return f"Should we {m.group(1)}?"
    text = re.sub(r"(?i)^this house (believes that |believes |supports )", "", text)
    m = re.match(r"^(.{2,60}?) should (.+)$", text)
    if m:
        subject = m.group(1)
        subject = subject if subject[:2].isupper() else subject[0].lower() + subject[1:]
        return f"Should {subject} {m.group(2)}?"
    return text


def _motion_form(motion: str, rng: random.Random) -> str:
    """Half the time ask the motion as a question, so both forms work at run time."""
    if rng.random() < 0.5:
        return motion_as_question(motion)
    return re.sub(r"(?i)^this house (believes that |would )", "", motion).strip()


def vast_train(root: Path) -> list[Pair]:
    with zipfile.ZipFile(root / "vast/vast_train.zip") as zf:
        name = next(n for n in zf.namelist() if n.endswith("vast_train.csv"))
        rows = list(csv.DictReader(io.TextIOWrapper(zf.open(name), encoding="utf-8")))
    return [Pair(r["topic_str"], r["post"], "stance", VAST_TO_OURS[r["label"]], r["topic_str"]) for r in rows]


def vast_dev(root: Path) -> list[Pair]:
    with open(root / "vast/vast_dev.reduced.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return [Pair(r["Target"], r["Tweet"], "stance", VAST_TO_OURS[r["Stance"]], r["Target"]) for r in rows]


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def argkp_arguments(root: Path, split: str) -> list[dict]:
    return _read(root / f"argkp2021/kpm_data/arguments_{split}.csv")


def argkp_stance(root: Path, split: str, rng: random.Random) -> list[Pair]:
    return [
        Pair(_motion_form(r["topic"], rng), r["argument"], "stance", 0 if r["stance"] == "1" else 1, r["topic"])
        for r in argkp_arguments(root, split)
    ]


def argkp_match(root: Path, split: str) -> list[Pair]:
    args = {r["arg_id"]: r for r in argkp_arguments(root, split)}
    kps = {r["key_point_id"]: r for r in _read(root / f"argkp2021/kpm_data/key_points_{split}.csv")}
    return [
        Pair(kps[r["key_point_id"]]["key_point"], args[r["arg_id"]]["argument"], "match", int(r["label"]), r["arg_id"])
        for r in _read(root / f"argkp2021/kpm_data/labels_{split}.csv")
    ]


def single_key_point(root: Path, split: str) -> dict[str, str]:
    """arg_id -> the key point of each argument labelled as making exactly one."""
    kps: dict[str, list[str]] = {}
    for r in _read(root / f"argkp2021/kpm_data/labels_{split}.csv"):
        if r["label"] == "1":
            kps.setdefault(r["arg_id"], []).append(r["key_point_id"])
    return {arg: found[0] for arg, found in kps.items() if len(found) == 1}


def argkp_argument_pairs(root: Path, split: str, n_pos: int, neg_ratio: float,
                         rng: random.Random) -> list[Pair]:
    """Match pairs of two arguments of one topic and side: 1 when both make the same single
    key point, 0 when they make different ones (how the key-point stage compares claims)."""
    kp_of = single_key_point(root, split)
    sides: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for r in argkp_arguments(root, split):
        if r["arg_id"] in kp_of:
            sides.setdefault((r["topic"], r["stance"]), []).append((r["argument"], kp_of[r["arg_id"]]))
    pos, neg = [], []
    for key in sorted(sides):
        args = sides[key]
        for i, (a, ka) in enumerate(args):
            for b, kb in args[i + 1:]:
                first, second = (a, b) if rng.random() < 0.5 else (b, a)
                (pos if ka == kb else neg).append(Pair(first, second, "match", int(ka == kb), key[0]))
    pos = rng.sample(pos, min(n_pos, len(pos)))
    return pos + rng.sample(neg, min(len(neg), int(len(pos) * neg_ratio)))


def ibm_split(root: Path) -> tuple[list[Pair], list[Pair]]:
    """IBM claim stance split by topic: (train topics, held-out topics)."""
    rows = _read(root / "ibm_claim_stance/claim_stance_train.csv")
    held = _ibm_heldout_topics(rows)
    rng = random.Random(11)
    train, dev = [], []
    for r in rows:
        label = 0 if r["claims.stance"] == "PRO" else 1
        target = r["topicText"] if r["topicText"] in held else _motion_form(r["topicText"], rng)
        pair = Pair(target, r["claims.claimCorrectedText"], "stance", label, r["topicText"])
        (dev if r["topicText"] in held else train).append(pair)
    return train, dev


def ibm_claim_targets(root: Path) -> list[Pair]:
    """Claims of the IBM training topics read against their own target: the phrase the claim
    is about ("hydro plants"), labelled by the claim's annotated sentiment toward it. The stance
    toward a thing named in the sentence, which the motion then turns consistent or contrastive
    ("skipping the summit makes sense" is pro skipping, con attending)."""
    rows = _read(root / "ibm_claim_stance/claim_stance_train.csv")
    held = _ibm_heldout_topics(rows)
    return [Pair(r["claims.claimTarget.text"], r["claims.claimCorrectedText"], "stance",
                 0 if r["claims.claimSentiment"] == "1" else 1, r["topicText"])
            for r in rows if r["topicText"] not in held
            and r["claims.claimSentiment"] in ("1", "-1") and r["claims.claimTarget.text"].strip()]


def _ibm_heldout_topics(rows: list[dict]) -> set[str]:
    topics = sorted({r["topicText"] for r in rows})
    return set(random.Random(7).sample(topics, max(1, round(len(topics) * IBM_HELDOUT_SHARE))))


_NEGATABLE = re.compile(r"(?i)\b(should|would|must|can|is|are|will)\b(?!\s+not\b)")


def written_prose(paths: list[Path], context: bool = False) -> list[Pair]:
    """Stance pairs from JSON lines {"debate", "question", "text", "stance"}: sentences of
    analytic policy prose written for policylens, on debates the tool is not evaluated on.
    With ``context``, a sentence of an article file (rows with "article" and "paragraph") is
    read with the sentence before it in its paragraph (``in_context``)."""
    from policylens.eval.stance_prose import SIDES, read_prose

    rows = [row for path in paths for row in read_prose(path)]
    befores = sentences_before(rows) if context else [None] * len(rows)
    return [Pair(row["question"], in_context(row["text"], before), "stance", SIDES[row["stance"]],
                 "prose:" + row["debate"]) for row, before in zip(rows, befores)]


def sentences_before(rows: list[dict]) -> list[str | None]:
    """For each row, the text of the row before it when both are in the same article and
    paragraph, else None (stand-alone prose has no article)."""
    def same_paragraph(a: dict, b: dict) -> bool:
        return "article" in b and (a.get("article"), a.get("paragraph")) == (b["article"], b["paragraph"])

    return [None] + [a["text"] if same_paragraph(a, b) else None for a, b in zip(rows, rows[1:])]


def in_context(sentence: str, before: str | None) -> str:
    """The sentence to read, with the sentence before it appended as context: the sentence
    comes first, so a pair too long for the reader loses context, never the sentence."""
    return sentence if not before else f"{sentence} (Before it: {before})"


def sentence_before_quote(document: str, quote: str) -> str | None:
    """The sentence before the one where ``quote`` starts, in the same paragraph of a plain-text
    document (paragraphs split at blank lines); None when the quote opens its paragraph or is
    not found. Sentences end where the ingest stage's date finders end them."""
    from policylens.ingest.known_events import SENTENCE_END

    for paragraph in re.split(r"\n\s*\n", document):
        flat = " ".join(paragraph.split())
        at = flat.find(" ".join(quote.split()))
        if at < 0:
            continue
        ends = [m.end() for m in SENTENCE_END.finditer(flat) if m.end() <= at]
        if not ends:
            return None
        start = ends[-2] if len(ends) > 1 else 0
        return flat[start:ends[-1]].strip()
    return None


def negated_motion(motion: str) -> str | None:
    """The motion with its first modal or copula negated ("We should ban X" -> "We should not
    ban X", "Should we X?" -> "Should we not X?", "X is harmful" -> "X is not harmful")."""
    m = _NEGATABLE.search(motion)
    if m is None:
        return None
    if motion.endswith("?") and m.start() == 0:  # "Should we X?": negate after a pronoun subject
        words = motion.split(" ", 2)
        pronoun = len(words) == 3 and words[1].lower() in {"we", "they", "you", "it", "he", "she"}
        return f"{words[0]} {words[1]} not {words[2]}" if pronoun else None
    return motion[:m.end()] + " not" + motion[m.end():]


def negated_pairs(pairs: list[Pair], share: float, rng: random.Random) -> list[Pair]:
    """A share of pro/con pairs again with the motion negated and the side flipped: the stance is
    toward the proposition, not toward the thing it names ("advertising is harmful")."""
    def negate(motion: str) -> tuple[str, bool] | None:
        negated = negated_motion(motion)
        return (negated, True) if negated else None
    return _rewritten(pairs, share, rng, negate)


def framed_pairs(pairs: list[Pair], share: float, rng: random.Random) -> list[Pair]:
    """A share of pro/con pairs again with the motion read as its framing (target phrase, side
    flipped when the motion is against it: "We should ban X" → "X"), the second reading of
    ``policylens.stance.framing.framed_stance``."""
    from policylens.stance.framing import framing_of

    def frame(motion: str) -> tuple[str, bool] | None:
        f = framing_of(motion)
        return (f.target, f.polarity < 0) if f.target != motion.strip() else None
    return _rewritten(pairs, share, rng, frame)


def _rewritten(pairs: list[Pair], share: float, rng: random.Random,
               rewrite: Callable[[str], tuple[str, bool] | None]) -> list[Pair]:
    """A share of the pro/con pairs with their motion rewritten, the side flipped if asked."""
    out = []
    for p in pairs:
        if p.label in (0, 1) and rng.random() < share:
            done = rewrite(p.text_a)
            if done:
                text, flip = done
                out.append(Pair(text, p.text_b, p.task, 1 - p.label if flip else p.label, p.group))
    return out


def off_topic_neutrals(pairs: list[Pair], n: int, rng: random.Random) -> list[Pair]:
    """Arguments paired with another topic's target: they do not address it, so neutral."""
    out = []
    while len(out) < n:
        a, b = rng.sample(pairs, 2)
        if a.group != b.group:
            out.append(Pair(b.text_a, a.text_b, "stance", 2, b.group))
    return out


def data_files(root: Path) -> list[Path]:
    return [
        root / "vast/vast_train.zip",
        root / "vast/vast_dev.reduced.csv",
        *sorted((root / "argkp2021/kpm_data").glob("*.csv")),
        root / "ibm_claim_stance/claim_stance_train.csv",
    ]
