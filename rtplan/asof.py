"""A plan as it stood on a date: what a document for a meeting may count.

A handout for a meeting on 6 December must not show a session held in January as
done, nor a January expense in the kas. :func:`plan_as_of` gives the plan's tables as
they stood on a date, and every document (handout, berita acara, reports) and the
``progress`` and ``kas`` commands with ``--as-of`` build from it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd

from rtplan.plan import Plan
from rtplan.tables import as_date, is_missing

# the dated rows that happen over time: dropped when dated after the as-of date
DATED = {"realizations": "date", "ledger": "date", "meetings": "date"}
# rows belonging to a meeting: dropped with it
BY_MEETING = ("attendance", "decisions")


def _on_or_before(frame: pd.DataFrame, column: str, day: dt.date) -> pd.Series:
    """Rows dated ``day`` or earlier (an undated row is kept: nothing says it is later)."""
    dates = [as_date(v) for v in frame[column]] if column in frame.columns else [None] * len(frame)
    return pd.Series([d is None or d <= day for d in dates], index=frame.index, dtype=bool)


def plan_as_of(plan: Plan, day: dt.date) -> Plan:
    """The plan as it stood on ``day`` (a copy; ``plan`` is not changed).

    * realizations and ledger entries dated after ``day`` are left out;
    * so are meetings after ``day``, with their attendance and decisions;
    * each activity's status is the one it could have had on ``day``
      (:func:`rtplan.monitoring.status.activity_state`): sessions held later do not count.

    Parameters
    ----------
    plan : the loaded plan.
    day : the as-of date (a meeting's date, a report's ``--as-of``).
    """
    from rtplan.monitoring.status import activity_state, planned_dates

    tables = dict(plan.tables)
    for name, column in DATED.items():
        if name in tables:
            frame = tables[name]
            tables[name] = frame[_on_or_before(frame, column, day)].reset_index(drop=True)
    if "meetings" in tables:
        kept = set(tables["meetings"]["meeting_id"])
        for name in BY_MEETING:
            if name in tables and "meeting_id" in tables[name].columns:
                frame = tables[name]
                tables[name] = frame[frame["meeting_id"].isin(kept)].reset_index(drop=True)
    if "activities" in tables and not tables["activities"].empty:
        everything = plan.tables.get("realizations", pd.DataFrame(columns=["activity_id", "date"]))
        dates: dict[str, list[dt.date]] = {}
        for aid, value in zip(everything["activity_id"], everything["date"]):
            d = as_date(value)
            if d is not None and not is_missing(aid):
                dates.setdefault(str(aid), []).append(d)
        activities = tables["activities"].copy()
        statuses = []
        for _, row in activities.iterrows():
            held = set(dates.get(str(row["activity_id"]), []))
            statuses.append(activity_state(
                row.get("status"), as_date(row.get("start_date")), as_date(row.get("end_date")),
                len(planned_dates(row, plan.period)), sum(d <= day for d in held), sum(d > day for d in held), day))
        activities["status"] = pd.array(statuses, dtype=activities["status"].dtype)
        tables["activities"] = activities
    return dataclasses.replace(plan, tables=tables, error_cache=None)


# the tables whose rows record the meeting that decided them (``decided_in``)
DECIDED = ("priorities", "activities")


def _undecided_mask(plan: Plan, name: str) -> pd.Series:
    """Rows of ``name`` whose ``decided_in`` names a meeting not (yet) in ``plan``'s meetings.

    An empty ``decided_in`` (a plan written before the column existed) counts as decided."""
    frame = plan.tables.get(name)
    if frame is None or "decided_in" not in frame.columns:
        return pd.Series([], dtype=bool)
    held = {str(m) for m in plan["meetings"]["meeting_id"] if not is_missing(m)}
    return pd.Series([not is_missing(v) and str(v).strip() != "" and str(v).strip() not in held
                      for v in frame["decided_in"]], index=frame.index, dtype=bool)


def undecided(plan: Plan) -> dict[str, pd.DataFrame]:
    """What ``plan`` (as of a date, :func:`plan_as_of`) proposes but has not decided yet:
    per table of :data:`DECIDED`, its rows whose ``decided_in`` meeting has not been held."""
    out: dict[str, pd.DataFrame] = {}
    for name in DECIDED:
        mask = _undecided_mask(plan, name)
        if len(mask):
            out[name] = plan[name][mask].reset_index(drop=True)
        else:
            out[name] = plan[name].iloc[0:0]
    return out


def decided_plan(plan: Plan) -> Plan:
    """``plan`` with only what was decided by its meetings: priorities and activities whose
    ``decided_in`` meeting has not been held are left out (a copy; see :func:`undecided`)."""
    tables = dict(plan.tables)
    for name in DECIDED:
        mask = _undecided_mask(plan, name)
        if len(mask) and bool(mask.any()):
            tables[name] = tables[name][~mask].reset_index(drop=True)
    return dataclasses.replace(plan, tables=tables, error_cache=None)
