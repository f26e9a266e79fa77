"""The result of the schedule checks: :class:`Conflict` findings, their kinds and the settings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rtplan import holidays_id

# kind -> severity; the order is the order of the conflict list
CONFLICT_KINDS: dict[str, str] = {
    "venue_clash": "error",
    "pic_clash": "error",
    "outside_period": "error",
    "pic_overload": "warning",
    "resource_unavailable": "warning",
    "holiday": "warning",
    "ramadan_evening": "warning",
    "august_week": "warning",
    "no_priority_need": "warning",
    "priority_need_without_activity": "warning",
}


@dataclass(frozen=True)
class ConflictSettings:
    """What the conflict checks treat as a problem.

    Attributes
    ----------
    max_weekly_sessions : sessions one PIC may lead in one week (Monday-Sunday) before
        it is flagged as too much for one volunteer.
    top_priorities : how many of the first prioritised needs must each have an activity.
    evening_from : a session starting at or after this time is an evening session
        (in Ramadan it meets buka puasa and tarawih).
    august_window : the days of August around 17 Agustus that are busy (lomba, malam
        tirakatan on the 16th, upacara).
    include_cancelled : check activities with status ``batal`` too.
    """

    max_weekly_sessions: int = 3
    top_priorities: int = 3
    evening_from: str = "17:00"
    august_window: tuple[int, int] = holidays_id.AUGUST_WINDOW
    include_cancelled: bool = False


@dataclass(frozen=True)
class Conflict:
    """One finding of the schedule checks.

    Attributes
    ----------
    kind : one of :data:`CONFLICT_KINDS` (``venue_clash``, ``holiday``, ...).
    severity : ``error`` (two things cannot both happen) or ``warning`` (check it).
    activity_ids : the activities involved (empty for a need without activity).
    date : the first date concerned (``None`` when it is not about a date).
    dates : every date concerned, in order.
    message : the finding in words, in the plan's language.
    subject : what else it is about: the venue, PIC, resource id, holiday or need id.
    """

    kind: str
    severity: str
    activity_ids: tuple[str, ...]
    date: dt.date | None
    message: str
    dates: tuple[dt.date, ...] = ()
    subject: str = ""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (dates as ``YYYY-MM-DD``)."""
        return {
            "kind": self.kind,
            "severity": self.severity,
            "activity_ids": list(self.activity_ids),
            "date": self.date.isoformat() if self.date else None,
            "dates": [d.isoformat() for d in self.dates],
            "subject": self.subject,
            "message": self.message,
        }



def sort_conflicts(findings: Iterable[Conflict]) -> list[Conflict]:
    """Errors first, then by date (undated last), kind and activities (otherwise as found:
    needs without activity stay in priority order)."""
    kinds = list(CONFLICT_KINDS)
    return sorted(findings, key=lambda c: (c.severity != "error", c.date is None, c.date or dt.date.min,
                                           kinds.index(c.kind), c.activity_ids))
