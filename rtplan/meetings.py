"""The meetings of a plan: which one a document or a round is about, and how it is named."""

from __future__ import annotations

import pandas as pd

from rtplan.messages import t
from rtplan.plan import Plan
from rtplan.tables import is_missing


def _text(value: object) -> str:
    return "" if is_missing(value) else str(value).strip()


def choose_meeting(plan: Plan, meeting_id: str | None = None) -> pd.Series | None:
    """The meeting to report: ``meeting_id``, or the latest by date (``None`` if none)."""
    meetings = plan["meetings"]
    if meetings.empty:
        return None
    if meeting_id:
        hit = meetings[meetings["meeting_id"] == meeting_id]
        if hit.empty:
            from rtplan.exceptions import RtplanError

            raise RtplanError(t("handout.no_meeting", plan.lang, meeting=meeting_id,
                                known=", ".join(meetings["meeting_id"])))
        return hit.iloc[0]
    return meetings.sort_values(["date", "meeting_id"]).iloc[-1]


def time_range(meeting: pd.Series) -> str:
    """The meeting's start and end times joined by a dash (just the start when the end is not known;
    ``""`` without a start)."""
    start, end = meeting.get("start_time"), meeting.get("end_time")
    if is_missing(start):
        return ""
    return f"{start}–{end}" if not is_missing(end) else str(start)


def meeting_line(plan: Plan, meeting: pd.Series | None, lang: str) -> str:
    """The one line that names a meeting on a sheet or a slip: title, day, place (the plan's title without one)."""
    from rtplan.fmt import format_date

    if meeting is None:
        return plan.title
    return t("paper.meeting_line", lang, title=_text(meeting["title"]), day=format_date(meeting["date"], lang),
             place=_text(meeting.get("place")) or "-")
