"""The exceptions rtplan raises for a user's own mistakes.

The CLI and the widget panels turn each of them into one clear message in the
plan's language; nobody sees a traceback for a mistake they can fix.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from rtplan.problems import Problem


class RtplanError(Exception):
    """Raised when rtplan refuses a request; ``str()`` is the user-facing message."""


class PlanNotFoundError(RtplanError):
    """Raised when a folder is not a plan (missing or without ``plan.toml``)."""


class NoPlanChosen(RtplanError):
    """Raised by a step panel given no plan (``PLAN = None`` and none chosen yet).

    A notebook shows only the message ("choose a plan first, above"), never a
    traceback: IPython prints ``_render_traceback_()``, and the workshop's page
    template shows the message by this class's name.
    """

    def _render_traceback_(self) -> list[str]:
        return [str(self)]


class PlanExistsError(RtplanError):
    """Raised when ``rtplan new`` would overwrite an existing plan."""


class PlanFormatError(RtplanError):
    """Raised when ``plan.toml`` or a table file cannot be read at all."""


class ConcurrentChangeError(RtplanError):
    """Raised when a file changed on disk since it was loaded, so saving would lose that change."""


class EmptiedTableError(RtplanError):
    """Raised when a save would write over a table that was found empty or header-only
    while its history holds rows (another program may have been writing it)."""

    def __init__(self, message: str, emptied: dict[str, int]) -> None:
        super().__init__(message)
        #: table name -> rows of its last kept version
        self.emptied = emptied


class HistoryError(RtplanError):
    """Raised when a version to restore does not exist."""


class ValidationError(RtplanError):
    """Raised when data would be saved that breaks a rule; carries every problem found."""

    def __init__(self, problems: Sequence[Problem], lang: str = "id") -> None:
        self.problems = list(problems)
        self.lang = lang
        super().__init__("\n".join(p.message for p in self.problems))


class DiskError(RtplanError):
    """Raised when a file cannot be written: the disk is full, read-only, or not ours to write.

    The old files are left as they were and no temporary file stays behind.
    ``path`` is the file or folder that could not be written, ``errno`` the cause.
    """

    def __init__(self, message: str, path: object = None, errno: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.errno = errno


class UnsafeLinkError(PlanFormatError):
    """Raised when a plan file or the history folder is a symbolic link leaving the plan folder."""
