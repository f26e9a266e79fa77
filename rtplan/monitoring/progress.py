"""Progress as of a date: per activity, per need, indicators, totals and checks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd

from rtplan.fmt import format_date
from rtplan.kas import activity_spending, mask_private, select_rows
from rtplan.messages import normalize_lang, t
from rtplan.monitoring.realizations import held_sessions
from rtplan.monitoring.status import (
    BATAL,
    SELESAI,
    _int,
    _text,
    activity_state,
    default_as_of,
    planned_dates,
    status_label,
)
from rtplan.plan import Plan
from rtplan.schema import ACTIVITY_STATUSES, split_list
from rtplan.tables import as_date, is_missing


@dataclass(frozen=True)
class ProgressCheck:
    """Something in the realizations worth a look; ``level`` ``"warning"`` or ``"info"``."""

    rule: str
    level: str
    message: str
    activity_id: str = ""

    @property
    def is_warning(self) -> bool:
        return self.level == "warning"


@dataclass(frozen=True)
class ProgressTotals:
    """The plan as a whole: sessions, people and money, planned vs actual."""

    activities: int
    by_status: dict[str, int]
    planned_sessions: int
    planned_to_date: int
    held_sessions: int
    participants_l: int
    participants_p: int
    cost_planned_idr: int
    cost_actual_idr: int

    @property
    def participants(self) -> int:
        return self.participants_l + self.participants_p


@dataclass(frozen=True)
class ProgressReport:
    """Progress of a plan as of one date.

    Attributes
    ----------
    as_of : the date the report is for.
    activities : :func:`progress_table` (one row per activity).
    needs : :func:`need_progress` (one row per need).
    indicators : :func:`indicator_table` (one row per activity).
    totals : the plan as a whole.
    checks : realizations worth a look.
    """

    as_of: dt.date
    activities: pd.DataFrame
    needs: pd.DataFrame
    indicators: pd.DataFrame
    totals: ProgressTotals
    checks: tuple[ProgressCheck, ...]
    lang: str = "id"

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (dates ISO, amounts whole Rupiah)."""
        return {
            "as_of": self.as_of.isoformat(),
            "totals": {
                "activities": self.totals.activities, "by_status": dict(self.totals.by_status),
                "planned_sessions": self.totals.planned_sessions, "planned_to_date": self.totals.planned_to_date,
                "held_sessions": self.totals.held_sessions, "participants": self.totals.participants,
                "participants_l": self.totals.participants_l, "participants_p": self.totals.participants_p,
                "cost_planned_idr": self.totals.cost_planned_idr, "cost_actual_idr": self.totals.cost_actual_idr,
            },
            "activities": _records(self.activities),
            "needs": _records(self.needs),
            "indicators": _records(self.indicators),
            "checks": [{"rule": c.rule, "level": c.level, "message": c.message, "activity_id": c.activity_id or None}
                       for c in self.checks],
        }


def _json_value(value: object) -> object:
    if isinstance(value, (list, tuple)):
        return [_json_value(v) for v in value]
    if is_missing(value):
        return None
    if isinstance(value, (dt.date, pd.Timestamp)):
        return as_date(value).isoformat()  # type: ignore[union-attr]
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    return [{k: _json_value(v) for k, v in zip(frame.columns, row)} for row in frame.itertuples(index=False)]


ACTIVITY_COLUMNS = [
    "activity_id", "title", "need_ids", "pic", "start_date", "end_date", "status", "status_recorded",
    "planned_sessions", "planned_to_date", "held_sessions", "last_held", "next_planned", "behind",
    "target_participants", "planned_participants", "participants_l", "participants_p", "participants",
    "participants_mean", "target_ratio", "cost_planned_idr", "cost_actual_idr", "cost_ratio", "cash_spent_idr",
]


def _ratio(actual: float, planned: float) -> float | None:
    return None if not planned else actual / planned


def progress_table(plan: Plan, as_of: dt.date | None = None) -> pd.DataFrame:
    """Progress per activity as of a date: one row per activity, in plan order.

    Columns: ``activity_id``, ``title``, ``need_ids``, ``pic``, ``start_date``,
    ``end_date``, ``status`` (derived), ``status_recorded`` (as written in the plan),
    ``planned_sessions`` (all), ``planned_to_date`` (planned on or before ``as_of``),
    ``held_sessions``, ``last_held``, ``next_planned``, ``behind`` (fewer held than
    planned to date, and not cancelled), ``target_participants`` (per session),
    ``planned_participants`` (target x planned sessions to date), ``participants_l``,
    ``participants_p``, ``participants`` (summed over sessions: people-sessions),
    ``participants_mean`` (per held session), ``target_ratio`` (mean / target),
    ``cost_planned_idr`` (the activity's total budget), ``cost_actual_idr`` (sum of
    the realizations' costs), ``cost_ratio``, ``cash_spent_idr`` (net spending in the
    kas book linked to the activity: expenses minus refunds).
    """
    as_of = as_of or default_as_of(plan)
    held = held_sessions(plan, as_of)
    every = held_sessions(plan, dt.date.max)  # sessions recorded after as_of keep a recorded selesai from standing
    spent = activity_spending(plan["ledger"], until=as_of)
    rows = []
    for a in plan["activities"].to_dict("records"):
        ident = _text(a["activity_id"])
        dates = planned_dates(a, plan.period)
        sessions = held[held["activity_id"] == ident]
        n_held = len(sessions)
        start, end = as_date(a["start_date"]), as_date(a["end_date"])
        # a repeating activity without an end date runs until its last planned session
        last = end or (dates[-1] if dates else start)
        later = int((every["activity_id"] == ident).sum()) - n_held
        status = activity_state(a["status"], start, last, len(dates), n_held, later, as_of)
        to_date = sum(d <= as_of for d in dates)
        target = None if is_missing(a["target_participants"]) else int(a["target_participants"])
        people_l, people_p = int(sessions["participants_l"].sum()), int(sessions["participants_p"].sum())
        mean = (people_l + people_p) / n_held if n_held else None
        budget = _int(a["cost_idr"])
        actual = int(sessions["cost_idr"].sum())
        rows.append({
            "activity_id": ident, "title": _text(a["title"]), "need_ids": tuple(split_list(a["need_ids"])),
            "pic": _text(a["pic"]), "start_date": start, "end_date": end, "status": status,
            "status_recorded": _text(a["status"]),
            "planned_sessions": len(dates), "planned_to_date": int(to_date), "held_sessions": n_held,
            "last_held": max(sessions["date"]) if n_held else None,
            "next_planned": next((d for d in dates if d > as_of), None) if status not in (BATAL, SELESAI) else None,
            "behind": status != BATAL and n_held < to_date,
            "target_participants": target,
            "planned_participants": None if target is None else target * int(to_date),
            "participants_l": people_l, "participants_p": people_p, "participants": people_l + people_p,
            "participants_mean": mean,
            "target_ratio": None if mean is None or not target else mean / target,
            "cost_planned_idr": budget, "cost_actual_idr": actual, "cost_ratio": _ratio(actual, budget),
            "cash_spent_idr": int(spent.get(ident, 0)),
        })
    return pd.DataFrame(rows, columns=ACTIVITY_COLUMNS)



NEED_COLUMNS = ["need_id", "title", "category", "activity_ids", "activities", "held_activities",
                "done_activities", "cancelled_activities", "planned_sessions", "held_sessions", "participants",
                "cost_planned_idr", "cost_actual_idr", "state", "happened"]


def need_progress(plan: Plan, as_of: dt.date | None = None, activities: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per need: its activities and whether they happened (as of a date).

    ``state``: ``terlaksana`` every activity not cancelled is finished (``selesai``);
    ``berjalan`` every one has had a session but some still run; ``sebagian`` some have;
    ``belum`` none yet; ``batal`` all its activities were cancelled; ``tanpa_kegiatan`` no
    activity answers the need. ``happened`` (every activity not cancelled has had a session)
    is ``True`` for ``terlaksana`` and ``berjalan``.
    """
    table = activities if activities is not None else progress_table(plan, as_of)
    rows = []
    for n in plan["needs"].itertuples(index=False):
        ident = _text(n.need_id)
        acts = select_rows(table, [ident in ids for ids in table["need_ids"]])
        live = acts[acts["status"] != BATAL]
        held = int((live["held_sessions"] > 0).sum())
        if acts.empty:
            state = "tanpa_kegiatan"
        elif live.empty:
            state = "batal"
        elif held == len(live) and bool((live["status"] == SELESAI).all()):
            state = "terlaksana"
        elif held == len(live):
            state = "berjalan"  # every activity has started, some still run: not "Terlaksana" yet
        elif held:
            state = "sebagian"
        else:
            state = "belum"
        rows.append({
            "need_id": ident, "title": _text(n.title), "category": _text(n.category),
            "activity_ids": tuple(acts["activity_id"]), "activities": len(acts), "held_activities": held,
            "done_activities": int((acts["status"] == SELESAI).sum()),
            "cancelled_activities": int((acts["status"] == BATAL).sum()),
            "planned_sessions": int(acts["planned_sessions"].sum()), "held_sessions": int(acts["held_sessions"].sum()),
            "participants": int(acts["participants"].sum()),
            "cost_planned_idr": int(acts["cost_planned_idr"].sum()),
            "cost_actual_idr": int(acts["cost_actual_idr"].sum()),
            "state": state, "happened": state in ("terlaksana", "berjalan"),
        })
    return pd.DataFrame(rows, columns=NEED_COLUMNS)


INDICATOR_COLUMNS = ["activity_id", "title", "indicator", "target_participants", "participants_mean",
                     "target_ratio", "achieved", "held_sessions", "planned_sessions", "latest_output"]


def indicator_table(plan: Plan, as_of: dt.date | None = None, activities: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per activity: its indicator, target vs achieved participants, the latest output.

    ``achieved`` is ``True`` when the average per held session reaches the target,
    ``False`` when it does not, missing when nothing was held or there is no target.
    ``latest_output`` is the output of the last session held (phone numbers hidden).
    """
    as_of = as_of or default_as_of(plan)
    table = activities if activities is not None else progress_table(plan, as_of)
    held = held_sessions(plan, as_of)
    acts = plan["activities"]
    indicators = {_text(a): _text(i) for a, i in zip(acts["activity_id"], acts["indicator"])}
    rows = []
    for r in table.itertuples(index=False):
        sessions = held[held["activity_id"] == r.activity_id].sort_values("date", kind="stable")
        outputs = [o for o in sessions["output"] if o]
        achieved = None if r.target_ratio is None or pd.isna(r.target_ratio) else bool(r.target_ratio >= 1)
        rows.append({
            "activity_id": r.activity_id, "title": r.title, "indicator": mask_private(indicators.get(r.activity_id)),
            "target_participants": r.target_participants, "participants_mean": r.participants_mean,
            "target_ratio": r.target_ratio, "achieved": achieved, "held_sessions": r.held_sessions,
            "planned_sessions": r.planned_sessions, "latest_output": mask_private(outputs[-1]) if outputs else "",
        })
    return pd.DataFrame(rows, columns=INDICATOR_COLUMNS)


def progress_checks(plan: Plan, as_of: dt.date, activities: pd.DataFrame, lang: str = "id") -> list[ProgressCheck]:
    """Realizations worth a look, each with a clear message.

    Rules: ``before_start`` /
    ``after_end`` (a session outside the activity's dates), ``held_cancelled`` (a
    session of a cancelled activity), ``after_as_of`` (sessions after the as-of date,
    not counted), ``status_differs`` (the status written in the plan is not the one the
    realizations give).
    """
    lang = normalize_lang(lang)
    checks: list[ProgressCheck] = []
    acts = {_text(a["activity_id"]): a for a in plan["activities"].to_dict("records")}
    real = plan["realizations"]
    later = 0
    for r in real.itertuples(index=False):
        ident, day = _text(r.activity_id), as_date(r.date)
        a = acts.get(ident)
        if a is None or day is None:
            continue
        if day > as_of:
            later += 1
            continue
        start, end = as_date(a["start_date"]), as_date(a["end_date"]) or as_date(a["start_date"])
        if start is not None and day < start:
            checks.append(ProgressCheck("before_start", "warning", t(
                "mon.check.before_start", lang, activity=ident, date=format_date(day, lang, "long"),
                start=format_date(start, lang, "long")), ident))
        elif end is not None and day > end:
            checks.append(ProgressCheck("after_end", "warning", t(
                "mon.check.after_end", lang, activity=ident, date=format_date(day, lang, "long"),
                end=format_date(end, lang, "long")), ident))
        if _text(a["status"]).lower() == BATAL:
            checks.append(ProgressCheck("held_cancelled", "warning", t(
                "mon.check.held_cancelled", lang, activity=ident, date=format_date(day, lang, "long")), ident))
    if later:
        checks.append(ProgressCheck("after_as_of", "info", t(
            "mon.check.after_as_of", lang, n=later, as_of=format_date(as_of, lang, "long"))))
    checks.extend(ProgressCheck("status_differs", "info", t(
        "mon.check.status_differs", lang, activity=r.activity_id,
        recorded=status_label(r.status_recorded, lang), derived=status_label(r.status, lang),
        held=r.held_sessions, planned=r.planned_sessions), r.activity_id)
        for r in activities.itertuples(index=False) if r.status_recorded and r.status_recorded != r.status)
    return checks


def progress(plan: Plan, as_of: dt.date | None = None, lang: str | None = None) -> ProgressReport:
    """Everything about progress as of a date (default: :func:`default_as_of`).

    Parameters
    ----------
    plan : the loaded plan.
    as_of : the date the report is for; sessions recorded after it are not counted.
    lang : language of the checks' messages (default: the plan's).
    """
    lang = normalize_lang(lang or plan.lang)
    as_of = as_of or default_as_of(plan)
    acts = progress_table(plan, as_of)
    needs = need_progress(plan, as_of, acts)
    indicators = indicator_table(plan, as_of, acts)
    totals = ProgressTotals(
        activities=len(acts),
        by_status={s: int((acts["status"] == s).sum()) for s in ACTIVITY_STATUSES},
        planned_sessions=int(acts["planned_sessions"].sum()),
        planned_to_date=int(acts["planned_to_date"].sum()),
        held_sessions=int(acts["held_sessions"].sum()),
        participants_l=int(acts["participants_l"].sum()),
        participants_p=int(acts["participants_p"].sum()),
        cost_planned_idr=int(acts["cost_planned_idr"].sum()),
        cost_actual_idr=int(acts["cost_actual_idr"].sum()),
    )
    return ProgressReport(as_of, acts, needs, indicators, totals,
                          tuple(progress_checks(plan, as_of, acts, lang)), lang)
