"""Run every evaluation whose gold data is present and collect the scores."""

from __future__ import annotations

import json
import os
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Sequence

from ..errors import PolicylensError
from .sample_meta import SAMPLE_GOLD
from .sample_stance import DEV_CORPORA, HELDOUT, SAMPLE_KEYPOINTS
from .stance_prose import PROSE_TEST

# the gold of each research corpus scored by stance_corpora.CORPORA
STANCE_CORPORA = {"vast": "stance/vast/vast_dev.reduced.csv", "argkp": "stance/argkp2021/kpm_data",
                  "argkp_grouping": "stance/argkp2021/kpm_data",
                  "ibm": "stance/ibm_claim_stance/claim_stance_train.csv"}

DEFAULT_SHARED = Path(os.environ.get("POLICYLENS_SHARED", "../shared"))
Scores = dict[str, float]


def _seeds_cleaning(shared: Path) -> Scores:
    from .seeds_meta import score_cleaning_and_metadata

    gold = json.loads((shared / "gold" / "seeds.json").read_text(encoding="utf-8"))
    return score_cleaning_and_metadata(shared / "corpus" / "seeds", gold)


def _seeds_actors(shared: Path) -> Scores:
    from .actors import seeds_actor_recall

    return seeds_actor_recall(shared)


def _gsr_actors(shared: Path) -> Scores:
    from .actors import gsr_actor_country

    return gsr_actor_country(shared)


def _sample_dir() -> Path:
    """The bundled sample corpus."""
    from importlib.resources import files

    return Path(str(files("policylens") / "data" / "sample"))


def _sample_ingest(shared: Path) -> Scores:
    from .sample_meta import score_sample

    return score_sample(_sample_dir())


def _sample_stance(shared: Path) -> Scores:
    from .sample_stance import score_sample_stance

    return score_sample_stance(_sample_dir())


def _written_stance(folder: Path) -> Callable[[Path], Scores]:
    """The scorer of a corpus written for policylens with its gold.json (held-out or development)."""
    def score(shared: Path) -> Scores:
        from .sample_stance import score_gold_folder

        return score_gold_folder(folder)

    return score


def _events_seeds(shared: Path) -> Scores:
    from .events_eval import seeds_events

    return seeds_events(shared)


def _events_gsr(shared: Path) -> Scores:
    from .events_eval import gsr_events

    return gsr_events(shared)


def _events_spans(shared: Path) -> Scores:
    from .events_eval import ner_spans

    return ner_spans(shared)


def _stance_corpus(name: str) -> Callable[[Path], Scores]:
    """The scorer of one research corpus in ../shared/stance (``stance_corpora.CORPORA``)."""
    def score(shared: Path) -> Scores:
        from .stance_corpora import score_stance_corpus

        return score_stance_corpus(shared, name)

    return score


def _stance_prose(shared: Path) -> Scores:
    from .stance_prose import score_prose

    return {f"prose.{k}": v for k, v in score_prose().items()}


def _seeds_stance(shared: Path) -> Scores:
    from .seeds_stance import score_seeds_stance

    return score_seeds_stance(shared)


# name prefix -> (gold files it needs, scorer); paths are under the shared folder
# unless absolute (the sample's own gold lives in the source checkout).
EVALUATIONS: dict[str, tuple[tuple[str, ...], Callable[[Path], Scores]]] = {
    "seeds": (("gold/seeds.json", "corpus/seeds"), _seeds_cleaning),
    "sample": ((str(SAMPLE_GOLD),), _sample_ingest),
    "seeds#events": (("gold/seeds.json", "corpus/seeds"), _events_seeds),
    "gsr#events": (("event_coding/gold/PLOVER_GSR_CAMEO.json",), _events_gsr),
    "conflibert#events": (("event_coding/gold/conflibert_cameo_ner_test.txt",), _events_spans),
    "seeds#actors": (("gold/seeds.json", "corpus/seeds"), _seeds_actors),
    "gsr#actors": (("event_coding/gold/PLOVER_GSR_CAMEO.json",), _gsr_actors),
    **{f"stance#{name}": ((need,), _stance_corpus(name)) for name, need in STANCE_CORPORA.items()},
    "seeds_stance": (("gold/seeds.json", "corpus/seeds"), _seeds_stance),
    "stance#prose": ((str(PROSE_TEST),), _stance_prose),
    "sample#stance": ((str(SAMPLE_GOLD), str(SAMPLE_KEYPOINTS)), _sample_stance),
    "heldout#stance": ((str(HELDOUT),), _written_stance(HELDOUT)),
    **{f"{name}#stance": ((str(folder),), _written_stance(folder)) for name, folder in DEV_CORPORA.items()},
}


def runnable(shared: Path, only: Sequence[str] = ()) -> list[str]:
    """The evaluations whose gold data is under ``shared``: all, or those named in ``only``
    (each of which must have its gold)."""
    unknown = sorted(set(only) - set(EVALUATIONS))
    if unknown:
        raise PolicylensError(f"No evaluation named {', '.join(unknown)}: choose from "
                              f"{', '.join(EVALUATIONS)}")
    missing = {p: [n for n in EVALUATIONS[p][0] if not (shared / n).exists()] for p in only}
    if any(missing.values()):
        raise PolicylensError("No gold data for " + "; ".join(
            f"{p} (missing {', '.join(str(shared / n) for n in needs)})" for p, needs in missing.items()
            if needs) + ": pass --shared DIR with the gold it reads")
    return [prefix for prefix, (needs, _) in EVALUATIONS.items()
            if (not only or prefix in only) and all((shared / n).exists() for n in needs)]


def run_one(shared: Path, prefix: str) -> Scores:
    """One evaluation's scores, named ``<corpus>.<metric>`` ("seeds#actors" scores as "seeds.*")."""
    name = prefix.split("#")[0]
    return {f"{name}.{k}": round(v, 4) for k, v in EVALUATIONS[prefix][1](shared).items()}


def run_evaluations(shared: Path | None = None, only: Sequence[str] = (), jobs: int = 1) -> Scores:
    """Every evaluation whose gold is present (or only those named), its scores prefixed;
    ``jobs`` > 1 runs them in that many processes (each evaluation is single-threaded)."""
    shared = Path(shared or DEFAULT_SHARED)
    if not shared.is_dir():
        raise PolicylensError(
            f"No gold data at {shared}: pass --shared DIR (the folder holding gold/ and "
            "corpus/) or set POLICYLENS_SHARED."
        )
    prefixes = runnable(shared, only)
    if jobs <= 1 or len(prefixes) <= 1:
        results = [run_one(shared, prefix) for prefix in prefixes]
    else:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
            results = list(pool.map(run_one, [shared] * len(prefixes), prefixes))
    return {name: value for scores in results for name, value in scores.items()}
