"""The one error type users see.

Every message says what went wrong and how to fix it. Library code raises
:class:`PolicylensError`; the CLI prints its message and exits with its code.
"""

from __future__ import annotations

__all__ = ["PolicylensError", "UsageError", "InputError"]


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
