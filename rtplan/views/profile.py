"""Step 0 tables for people: attendance per meeting and participation (counts, never names).

* :data:`ATTENDANCE` - one row per meeting: date, title, place, how many came, women, men;
* :data:`PARTICIPATION` - people per meeting by sex, age band or unsur (one column per
  meeting, whose header is the meeting's id, then the distinct people over all meetings).

:func:`participation_summary` gathers the four tables into a result that shows itself
in a notebook (``_repr_html_``) and prints itself (``str``).

Example (a notebook cell)::

    participation_summary(plan)
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from rtplan.messages import normalize_lang
from rtplan.plan import Plan
from rtplan.profile import BREAKDOWNS, BY_KEYS, group_label, meeting_summary, participation_by, sex_label
from rtplan.views.base import Col, View, ViewSpec

# -- declarations ---------------------------------------------------------------------
ATTENDANCE = ViewSpec("profile.attendance", (
    Col("meeting_id", "chart.meeting", fmt="id"),
    Col("date", "summary.date", fmt="date_long"),
    Col("title", "summary.title"),
    Col("place", "summary.place"),
    Col("attendees", "summary.attendees", fmt="plain_int"),
    Col("women", "sex.P", fmt="plain_int"),
    Col("men", "sex.L", fmt="plain_int"),
))
"""Attendance per meeting (counts only)."""

PARTICIPATION = ViewSpec("profile.participation", (
    Col("value", "chart.by_sex"),
    Col("meeting", "chart.meeting", fmt="plain_int"),
    Col("this_meeting", "handout.this_meeting", fmt="plain_int"),
    Col("total", "summary.total", fmt="plain_int"),
))
"""Participation by one breakdown. ``value``'s header names the breakdown (by sex, by
age band, by unsur); ``meeting`` stands for one column per meeting (headed by its id);
``this_meeting`` is the one meeting a handout is about."""

_BY_COLUMNS = {b: Col("value", BY_KEYS[b]) for b in BREAKDOWNS}
_ALL_MEETINGS = Col("total", "handout.all_meetings", fmt="plain_int")


# -- builders -------------------------------------------------------------------------
def attendance_view(plan: Plan, lang: str | None = None) -> View:
    """Who came to each meeting, counted (:data:`ATTENDANCE`)."""
    lang = normalize_lang(lang or plan.lang)
    return ATTENDANCE.build(meeting_summary(plan), lang, table_id="rtplan-meetings-summary")


def participation_view(plan: Plan, column: str, lang: str | None = None, *, per_meeting: bool = True,
                       meeting: str | None = None, table_id: str | None = None) -> View:
    """People by ``column`` (``sex``, ``age_band`` or ``group``), per meeting (:data:`PARTICIPATION`).

    Parameters
    ----------
    column : the breakdown.
    per_meeting : one column per meeting (default); ``False`` for a handout: only
        ``meeting``'s column ("Pertemuan ini", when given) and the people over all
        meetings ("Semua pertemuan").
    """
    lang = normalize_lang(lang or plan.lang)
    table = participation_by(plan, column, lang)
    label = {"sex": sex_label, "group": group_label}.get(column)
    frame = pd.DataFrame({"value": [label(v, lang) if label else v for v in table[column]]})
    template = PARTICIPATION.col("meeting")
    if per_meeting:
        ids = [str(c) for c in table.columns if c not in (column, "total")]
        cols = [Col(f"m:{mid}", template.label, fmt=template.fmt, title=mid) for mid in ids]
        for mid, col in zip(ids, cols):
            frame[col.key] = table[mid].tolist()
        columns = (_BY_COLUMNS[column], *cols, PARTICIPATION.col("total"))
    else:
        cols = [PARTICIPATION.col("this_meeting")] if meeting is not None and meeting in table.columns else []
        if cols:
            frame["this_meeting"] = table[meeting].tolist()
        columns = (_BY_COLUMNS[column], *cols, _ALL_MEETINGS)
    frame["total"] = table["total"].tolist()
    spec = ViewSpec(PARTICIPATION.name, columns, PARTICIPATION.caption)
    return spec.build(frame, lang, table_id=table_id or f"rtplan-participation-{column}")


@dataclass(frozen=True)
class Participation:
    """Attendance per meeting and participation by sex, age band and unsur (counts only)."""

    attendance: View
    by_sex: View
    by_age_band: View
    by_group: View

    @property
    def views(self) -> tuple[View, ...]:
        return (self.attendance, self.by_sex, self.by_age_band, self.by_group)


def participation_summary(plan: Plan, lang: str | None = None) -> Participation:
    """Who took part: the meetings' attendance, then people by sex, age band and unsur.

    Counts only, never names; a notebook cell shows it as four tables.
    """
    lang = normalize_lang(lang or plan.lang)
    by = {b: participation_view(plan, b, lang) for b in BREAKDOWNS}
    return Participation(attendance_view(plan, lang), by["sex"], by["age_band"], by["group"])


__all__ = ["ATTENDANCE", "PARTICIPATION", "Participation", "attendance_view", "participation_summary",
           "participation_view"]
