"""Activities as dated sessions: one row per session inside the plan period.

:func:`session_records` (fast, plain tuples) and :func:`expand_sessions` (a
DataFrame for charts and exports) expand each activity's dates and times;
overnight sessions (ronda 22:00-03:00) end on the next day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import NamedTuple

import pandas as pd

from rtplan.memo import once_per_state
from rtplan.plan import Plan
from rtplan.schedule.recurrence import _text, expand_dates, parse_recurrence
from rtplan.schema import split_list
from rtplan.tables import is_missing

DEFAULT_SESSION_MINUTES = 60  # a session with a start but no end time


class Session(NamedTuple):
    """One dated session of an activity (times as minutes since 0001-01-01 for fast checks)."""

    activity_id: str
    date: dt.date
    start_time: str
    end_time: str
    start: int  # minutes
    end: int  # minutes (exclusive); overnight sessions end on the next day
    venue: str
    pic: str


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def _as_date(value: object) -> dt.date | None:
    if is_missing(value):
        return None
    if isinstance(value, dt.datetime):  # a pandas Timestamp too
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def activity_range(
    start: dt.date | None, end: dt.date | None, recurrence: str, period: tuple[dt.date, dt.date] | None
) -> tuple[dt.date, dt.date] | None:
    """The dates an activity's sessions may fall on: its own dates clipped to the plan period.

    A repeating activity without ``end_date`` runs to the end of the plan period (or a
    year when there is none); a one-off activity without it lasts one day.
    """
    if start is None:
        return None
    if end is None:
        if recurrence in ("weekly", "monthly"):
            end = period[1] if period else start + dt.timedelta(days=365)
        else:
            end = start
    if period:
        start, end = max(start, period[0]), min(end, period[1])
    return (start, end) if start <= end else None


def session_records(
    activities: pd.DataFrame,
    period: tuple[dt.date, dt.date] | None,
    include_cancelled: bool = False,
) -> list[Session]:
    """Every session of every activity within the period, in activity then date order."""
    out: list[Session] = []
    cols = ["activity_id", "start_date", "end_date", "recurrence", "recurrence_day", "start_time",
            "end_time", "venue", "pic", "status"]
    frame = activities.reindex(columns=cols)
    for (raw_id, start, end, raw_kind, day, raw_st, raw_et, raw_venue, raw_pic, status) in frame.itertuples(
            index=False, name=None):
        if not include_cancelled and _text(status) == "batal":
            continue
        start_d, end_d = _as_date(start), _as_date(end)
        kind = _text(raw_kind).lower() or "once"
        span = activity_range(start_d, end_d, kind, period)
        if span is None:
            continue
        rec = parse_recurrence(kind, day, start_d)
        st, et = _text(raw_st), _text(raw_et)
        if st:
            s_min = _minutes(st)
            e_min = _minutes(et) if et else s_min + DEFAULT_SESSION_MINUTES
            if e_min <= s_min:  # overnight: ends the next day
                e_min += 24 * 60
        else:  # no time: the whole day
            s_min, e_min = 0, 24 * 60
        aid, venue, pic = _text(raw_id), _text(raw_venue), _text(raw_pic)
        for day_ in expand_dates(rec, *span):
            base = day_.toordinal() * 1440
            out.append(Session(aid, day_, st, et, base + s_min, base + e_min, venue, pic))
    return out


def activity_dates(row: Mapping[str, object], period: tuple[dt.date, dt.date] | None) -> list[dt.date]:
    """The session dates of one activity given as a mapping of its columns (e.g. a form
    not saved yet): ``start_date``, ``end_date``, ``recurrence``, ``recurrence_day``."""
    start, end = _as_date(row.get("start_date")), _as_date(row.get("end_date"))
    kind = _text(row.get("recurrence")).lower() or "once"
    span = activity_range(start, end, kind, period)
    if span is None:
        return []
    return expand_dates(parse_recurrence(kind, row.get("recurrence_day"), start), *span)


SESSION_COLUMNS = ["activity_id", "title", "date", "start_time", "end_time", "start", "end", "venue", "pic",
                   "kind", "category", "funding_source", "status"]


def _first_category(need_ids: object, categories: Mapping[str, str]) -> str:
    for nid in split_list(need_ids):
        if categories.get(nid):
            return categories[nid]
    return ""


def expand_sessions(
    activities: pd.DataFrame,
    period: tuple[dt.date, dt.date] | None,
    needs: pd.DataFrame | None = None,
    include_cancelled: bool = False,
) -> pd.DataFrame:
    """One row per dated session of each activity, inside the plan period.

    Parameters
    ----------
    activities : the ``activities`` table.
    period : ``(start, end)`` of the plan (``plan.period``); sessions outside it are left out.
    needs : the ``needs`` table, to add each activity's need ``category`` (its first need's).
    include_cancelled : keep activities with status ``batal`` (default: leave them out).

    Returns
    -------
    DataFrame with :data:`SESSION_COLUMNS`: ``date`` (datetime64), ``start``/``end``
    (Timestamps; overnight sessions end the next day), the activity's title, venue, PIC,
    kind, need category, funding source and status.
    """
    records = session_records(activities, period, include_cancelled)
    categories = {} if needs is None else {_text(n): _text(c) for n, c in zip(needs["need_id"], needs["category"])}
    info = {}
    for row in activities.itertuples(index=False):
        info[_text(row.activity_id)] = (
            _text(row.title), _text(row.kind), _first_category(row.need_ids, categories),
            _text(row.funding_source), _text(row.status))
    rows = []
    for s in records:
        title, kind, category, source, status = info.get(s.activity_id, ("", "", "", "", ""))
        midnight = dt.datetime.combine(s.date, dt.time())
        base = s.date.toordinal() * 1440
        rows.append((s.activity_id, title, midnight, s.start_time, s.end_time,
                     midnight + dt.timedelta(minutes=s.start - base),
                     midnight + dt.timedelta(minutes=s.end - base),
                     s.venue, s.pic, kind, category, source, status))
    frame = pd.DataFrame(rows, columns=SESSION_COLUMNS)
    for col in ("date", "start", "end"):
        frame[col] = pd.to_datetime(frame[col]).astype("datetime64[ns]")
    for col in ("activity_id", "title", "start_time", "end_time", "venue", "pic", "kind", "category",
                "funding_source", "status"):
        frame[col] = frame[col].astype("string")
    return frame


def plan_sessions(plan: Plan, include_cancelled: bool = False) -> pd.DataFrame:
    """:func:`expand_sessions` for a loaded plan (its period and need categories)."""
    return _plan_sessions(plan, include_cancelled).copy()  # a copy: the kept one is shared


@once_per_state  # the Gantt chart and every month's calendar ask after each save: expanded once
def _plan_sessions(plan: Plan, include_cancelled: bool) -> pd.DataFrame:
    return expand_sessions(plan["activities"], plan.period, plan["needs"], include_cancelled)
