"""Realizations: the sessions that were held, and recording or removing one (pure: the
panel saves the returned table through storage, which checks every value)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pandas as pd

from rtplan.kas import select_rows
from rtplan.monitoring.status import _int, _text
from rtplan.plan import Plan
from rtplan.tables import as_date


def held_sessions(plan: Plan, as_of: dt.date) -> pd.DataFrame:
    """The sessions held on or before ``as_of``: ``activity_id``, ``date``,
    ``participants_l``, ``participants_p``, ``cost_idr``, ``output`` (plain values)."""
    real = plan["realizations"]
    days = [as_date(v) for v in real["date"]]
    mask = [d is not None and d <= as_of for d in days]
    frame = pd.DataFrame({
        "activity_id": [_text(v) for v in real["activity_id"]],
        "date": days,
        "participants_l": [_int(v) for v in real["participants_l"]],
        "participants_p": [_int(v) for v in real["participants_p"]],
        "cost_idr": [_int(v) for v in real["cost_idr"]],
        "output": [_text(v) for v in real["output"]],
    })
    return select_rows(frame, mask).reset_index(drop=True)


def record_session(realizations: pd.DataFrame, values: Mapping[str, Any]) -> tuple[pd.DataFrame, bool]:
    """The realizations table with one session added, or replaced when one of the same
    activity and date is already recorded. Returns ``(table, replaced)``.

    Values are not checked here: saving through storage checks them all.
    """
    frame = realizations.copy()
    ident = _text(values.get("activity_id"))
    day = as_date(values.get("date"))
    same = [(_text(a) == ident and as_date(d) == day) for a, d in zip(frame["activity_id"], frame["date"])]
    row = {c: values.get(c) for c in frame.columns}
    if any(same):
        frame = frame.astype("object")
        position = frame.index[same][0]
        for column, value in row.items():
            frame.at[position, column] = value
        return frame, True
    added = pd.concat([frame.astype("object"), pd.DataFrame([row]).astype("object")], ignore_index=True)
    return added, False


def remove_session(realizations: pd.DataFrame, activity_id: str, day: dt.date) -> pd.DataFrame:
    """The realizations table without the session of ``activity_id`` on ``day``."""
    keep = [not (_text(a) == activity_id and as_date(d) == day)
            for a, d in zip(realizations["activity_id"], realizations["date"])]
    return select_rows(realizations, keep).reset_index(drop=True)
