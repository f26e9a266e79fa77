"""An activity's planned sessions and its status as of a date (rencana, berjalan, selesai, batal)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pandas as pd

from rtplan.messages import t
from rtplan.plan import Plan
from rtplan.schedule import activity_range, expand_dates, parse_recurrence
from rtplan.schema import ACTIVITY_STATUSES
from rtplan.tables import as_date, is_missing

RENCANA, BERJALAN, SELESAI, BATAL = ACTIVITY_STATUSES
# the message key of each status and need state, written out so tools can extract them
_STATUS_KEYS = {RENCANA: "mon.status.rencana", BERJALAN: "mon.status.berjalan", SELESAI: "mon.status.selesai",
                BATAL: "mon.status.batal"}
_NEED_STATE_KEYS = {"terlaksana": "mon.need_state.terlaksana", "berjalan": "mon.need_state.berjalan",
                    "sebagian": "mon.need_state.sebagian",
                    "belum": "mon.need_state.belum", "batal": "mon.need_state.batal",
                    "tanpa_kegiatan": "mon.need_state.tanpa_kegiatan"}
NEED_STATES = tuple(_NEED_STATE_KEYS)


def _session_dates(start: dt.date, end: dt.date | None, recurrence: str, recurrence_day: str,
                   period: tuple[dt.date, dt.date] | None = None) -> list[dt.date]:
    """An activity's planned session dates (rtplan.schedule's expansion, clipped to the period)."""
    kind = recurrence.strip().lower() or "once"
    span = activity_range(start, end, kind, period)
    if span is None:
        return []
    return list(expand_dates(parse_recurrence(kind, recurrence_day, start), *span))



def _text(value: object) -> str:
    return "" if is_missing(value) else str(value).strip()


def _int(value: object) -> int:
    return 0 if is_missing(value) else int(value)  # type: ignore[call-overload]


def planned_dates(
    activity: Mapping[str, Any] | pd.Series,
    period: tuple[dt.date, dt.date] | None = None,
) -> list[dt.date]:
    """The dated sessions an activity plans within the plan ``period`` (``[]`` without a
    start date), as rtplan.schedule expands them (a repeat day that cannot be read
    falls back to the start date's weekday or day; ``rtplan validate`` reports it)."""
    start = as_date(activity.get("start_date"))
    if start is None:
        return []
    return _session_dates(start, as_date(activity.get("end_date")), _text(activity.get("recurrence")),
                       _text(activity.get("recurrence_day")), period)



def derive_status(
    recorded: str,
    start: dt.date | None,
    end: dt.date | None,
    planned: int,
    held: int,
    as_of: dt.date,
) -> str:
    """An activity's status from what was planned and what was held by ``as_of``.

    * ``batal`` (cancelled) is a decision written in the plan: it stays;
    * nothing held yet -> ``rencana`` (even after the start date: see ``behind``
      in :func:`progress_table` for "should have started");
    * every planned session held, or the end date passed with at least one
      session held -> ``selesai``;
    * otherwise (some held, more to come) -> ``berjalan``.
    """
    if recorded.strip().lower() == BATAL:
        return BATAL
    if held <= 0:
        return RENCANA
    last = end or start
    if held >= planned > 0 or (last is not None and as_of > last):
        return SELESAI
    return BERJALAN


def activity_state(
    recorded: object,
    start: dt.date | None,
    end: dt.date | None,
    planned: int,
    held_by: int,
    held_after: int,
    day: dt.date,
) -> str:
    """An activity's one state on ``day``, from its ``status``, dates and realizations.

    Every document, card and panel shows this state (the handout through
    :func:`rtplan.asof.plan_as_of`, the progress report through
    :func:`rtplan.monitoring.progress_table`), so one date never shows two states:

    * ``batal`` (cancelled) is a decision written in the plan: it stays;
    * sessions held by ``day`` decide (:func:`derive_status`): ``berjalan`` or ``selesai``;
    * nothing held by ``day``: a recorded ``selesai`` stands when its last date has passed
      and no session is recorded later, a recorded ``berjalan`` when its start has passed
      (a plan that records statuses but no realizations); otherwise ``rencana``.

    ``held_by`` / ``held_after``: sessions recorded on or before / after ``day``.
    """
    status = "" if is_missing(recorded) else str(recorded).strip().lower()
    if status == BATAL:
        return BATAL
    if held_by > 0:
        return derive_status(status, start, end, planned, held_by, day)
    last = end or start
    if status == SELESAI and held_after == 0 and last is not None and day >= last:
        return SELESAI
    if status == BERJALAN and start is not None and day >= start:
        return BERJALAN
    return RENCANA


def default_as_of(plan: Plan) -> dt.date:
    """Today, or the last recorded session when that is later.

    A realization records a session that was held, so the plan's "now" is at least its
    date; this keeps a plan whose dates run ahead of the computer's clock (the
    fictional examples, a laptop with a wrong date) from showing nothing held.
    """
    dates = [d for d in (as_date(v) for v in plan["realizations"]["date"]) if d is not None]
    return max([dt.date.today(), *dates])


def status_label(status: str, lang: str) -> str:
    """``rencana`` -> ``Rencana`` / ``Planned``; unknown values as written."""
    key = _STATUS_KEYS.get(status)
    return t(key, lang) if key else status


def need_state_label(state: str, lang: str) -> str:
    """``terlaksana`` -> ``Terlaksana`` / ``Happened`` (see :func:`rtplan.monitoring.need_progress`)."""
    key = _NEED_STATE_KEYS.get(state)
    return t(key, lang) if key else state
