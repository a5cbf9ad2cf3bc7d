"""The one error type users see.

Every message says what went wrong and how to fix it. Library code raises
:class:`PolicylensError`; the CLI prints its message and exits with its code.
"""

from __future__ import annotations

import os

__all__ = ["PolicylensError", "UsageError", "InputError", "unexpected_reason",
           "raise_unexpected", "RAISE_ENV", "UNEXPECTED"]

# Set to 1 (the test suite does) to let unexpected exceptions escape batch boundaries.
RAISE_ENV = "POLICYLENS_RAISE"
UNEXPECTED = "unexpected failure"


class PolicylensError(Exception):
    """A problem the user can act on; ``exit_code`` is what the CLI returns."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(PolicylensError):
    """The command was called wrongly (exit code 2)."""

    exit_code = 2


class InputError(PolicylensError):
    """One input could not become a document; recorded as a source error."""


def raise_unexpected() -> bool:
    """True when unexpected exceptions must propagate (tests, debugging)."""
    return os.environ.get(RAISE_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


def unexpected_reason(exc: BaseException) -> str:
    """The recorded reason of an input that failed in a way we did not foresee."""
    text = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else "no message"
    return (f"{UNEXPECTED} ({exc.__class__.__name__}: {text}): this input was skipped; "
            f"please report it with the file, or rerun with {RAISE_ENV}=1 to see the traceback")
