"""Step 4: what was done and who came: realizations, status, progress and indicators.

A *realization* is one session of an activity that was held: its date, how many men
(L) and women (P) came, what it cost and what came out of it. From the activities
(the plan) and the realizations (what happened) this module derives, for a given
"as of" date:

* each activity's **status** (:func:`derive_status`): ``batal`` stays ``batal``;
  nothing held yet -> ``rencana``; some sessions held -> ``berjalan``; every planned
  session held, or the end date passed with at least one held -> ``selesai``;
* **progress** per activity and per need: planned vs held sessions, planned vs
  actual participants and cost (:func:`progress`, :func:`progress_table`);
* **indicators**: each activity's target participants per session vs the average
  that came, and whether each need's activities happened.

Only realizations dated on or before the as-of date count, so a report "as of 31
January" stays the same whatever is recorded later.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
from markupsafe import Markup

from rtplan.display import html_table
from rtplan.fmt import format_date, format_idr, format_number, format_percent
from rtplan.kas import activity_spending, mask_private, select_rows
from rtplan.messages import normalize_lang, t
from rtplan.plan import Plan
from rtplan.schedule import activity_range, expand_dates, parse_recurrence
from rtplan.schema import ACTIVITY_STATUSES, split_list
from rtplan.tables import as_date, is_missing

RENCANA, BERJALAN, SELESAI, BATAL = ACTIVITY_STATUSES

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


# ---------------------------------------------------------------------------------
# Status
# ---------------------------------------------------------------------------------
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


def default_as_of(plan: Plan) -> dt.date:
    """Today, or the last recorded session when that is later.

    A realization records a session that was held, so the plan's "now" is at least its
    date; this keeps a plan whose dates run ahead of the computer's clock (the
    fictional examples, a laptop with a wrong date) from showing nothing held.
    """
    dates = [d for d in (as_date(v) for v in plan["realizations"]["date"]) if d is not None]
    return max([dt.date.today(), *dates])


# ---------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------
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
        return value.item()  # type: ignore[union-attr]
    return value


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    return [{k: _json_value(v) for k, v in zip(frame.columns, row)} for row in frame.itertuples(index=False)]


ACTIVITY_COLUMNS = [
    "activity_id", "title", "need_ids", "pic", "start_date", "end_date", "status", "status_recorded",
    "planned_sessions", "planned_to_date", "held_sessions", "last_held", "next_planned", "behind",
    "target_participants", "planned_participants", "participants_l", "participants_p", "participants",
    "participants_mean", "target_ratio", "cost_planned_idr", "cost_actual_idr", "cost_ratio", "cash_spent_idr",
]


def _held(plan: Plan, as_of: dt.date) -> pd.DataFrame:
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
    held = _held(plan, as_of)
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
        status = derive_status(_text(a["status"]), start, last, len(dates), n_held, as_of)
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


NEED_STATES = ("terlaksana", "sebagian", "belum", "batal", "tanpa_kegiatan")
NEED_COLUMNS = ["need_id", "title", "category", "activity_ids", "activities", "held_activities",
                "done_activities", "cancelled_activities", "planned_sessions", "held_sessions", "participants",
                "cost_planned_idr", "cost_actual_idr", "state", "happened"]


def need_progress(plan: Plan, as_of: dt.date | None = None, activities: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per need: its activities and whether they happened (as of a date).

    ``state``: ``terlaksana`` every activity not cancelled has had at least one
    session; ``sebagian`` some have; ``belum`` none yet; ``batal`` all its activities
    were cancelled; ``tanpa_kegiatan`` no activity answers the need. ``happened`` is
    ``True`` only for ``terlaksana``.
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
        elif held == len(live):
            state = "terlaksana"
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
            "state": state, "happened": state == "terlaksana",
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
    held = _held(plan, as_of)
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
    for r in activities.itertuples(index=False):
        if r.status_recorded and r.status_recorded != r.status:
            checks.append(ProgressCheck("status_differs", "info", t(
                "mon.check.status_differs", lang, activity=r.activity_id,
                recorded=status_label(r.status_recorded, lang), derived=status_label(r.status, lang),
                held=r.held_sessions, planned=r.planned_sessions), r.activity_id))
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


# ---------------------------------------------------------------------------------
# Recording a session (pure: the widget saves the returned table through storage)
# ---------------------------------------------------------------------------------
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


# ---------------------------------------------------------------------------------
# People-facing tables (text), for notebooks, the CLI and documents
# ---------------------------------------------------------------------------------
def status_label(status: str, lang: str) -> str:
    """``rencana`` -> ``Rencana`` / ``Planned``; unknown values as written."""
    key = f"mon.status.{status}"
    return t(key, lang) if status in ACTIVITY_STATUSES else status


def need_state_label(state: str, lang: str) -> str:
    return t(f"mon.need_state.{state}", lang)


def _count_text(value: object) -> str:
    return "" if value is None or is_missing(value) else str(int(value))  # type: ignore[call-overload]


def _pct(value: object, lang: str) -> str:
    return "" if value is None or is_missing(value) else format_percent(float(value), lang)  # type: ignore[arg-type]


def activity_display(report: ProgressReport, lang: str | None = None) -> pd.DataFrame:
    """The per-activity progress as text columns for a table people read."""
    lang = normalize_lang(lang or report.lang)
    rows = []
    for r in report.activities.itertuples(index=False):
        behind = f" {t('mon.behind_mark', lang)}" if r.behind else ""
        target = _count_text(r.target_participants)
        mean = "–" if r.participants_mean is None or is_missing(r.participants_mean) else format_number(
            r.participants_mean, lang, 1)
        rows.append({
            "activity": f"{r.activity_id} · {r.title}",
            "status": status_label(r.status, lang),
            "sessions": t("mon.sessions_value", lang, held=r.held_sessions, to_date=r.planned_to_date,
                          planned=r.planned_sessions) + behind,
            "participants": t("mon.participants_value", lang, n=r.participants, l=r.participants_l,
                              p=r.participants_p),
            "per_session": f"{mean} / {target}" if target else mean,
            "cost": f"{format_idr(r.cost_actual_idr, lang)} / {format_idr(r.cost_planned_idr, lang)}",
            "cost_ratio": _pct(r.cost_ratio, lang),
        })
    return pd.DataFrame(rows, columns=["activity", "status", "sessions", "participants", "per_session", "cost",
                                       "cost_ratio"])


def need_display(report: ProgressReport, lang: str | None = None) -> pd.DataFrame:
    """The per-need progress as text columns."""
    lang = normalize_lang(lang or report.lang)
    rows = []
    for r in report.needs.itertuples(index=False):
        rows.append({
            "need": f"{r.need_id} · {r.title}",
            "activities": ", ".join(r.activity_ids) or "-",
            "held": t("mon.need_held_value", lang, held=r.held_activities, n=r.activities - r.cancelled_activities),
            "sessions": f"{r.held_sessions} / {r.planned_sessions}",
            "participants": str(r.participants),
            "cost": f"{format_idr(r.cost_actual_idr, lang)} / {format_idr(r.cost_planned_idr, lang)}",
            "state": need_state_label(r.state, lang),
        })
    return pd.DataFrame(rows, columns=["need", "activities", "held", "sessions", "participants", "cost", "state"])


def indicator_display(report: ProgressReport, lang: str | None = None) -> pd.DataFrame:
    """Indicators as text: target vs achieved per activity."""
    lang = normalize_lang(lang or report.lang)
    rows = []
    for r in report.indicators.itertuples(index=False):
        if r.achieved is None or is_missing(r.achieved):
            verdict = t("mon.achieved.none", lang)
        else:
            verdict = t("mon.achieved.yes" if r.achieved else "mon.achieved.no", lang)
        mean = "" if r.participants_mean is None or is_missing(r.participants_mean) else format_number(
            r.participants_mean, lang, 1)
        target = _count_text(r.target_participants)
        rows.append({
            "activity": f"{r.activity_id} · {r.title}", "indicator": r.indicator, "target": target,
            "achieved_mean": mean, "ratio": _pct(r.target_ratio, lang), "verdict": verdict,
            "latest_output": r.latest_output,
        })
    return pd.DataFrame(rows, columns=["activity", "indicator", "target", "achieved_mean", "ratio", "verdict",
                                       "latest_output"])


def headers(kind: str, lang: str) -> dict[str, str]:
    """Column headers of :func:`activity_display` (``activity``), :func:`need_display`
    (``need``) or :func:`indicator_display` (``indicator``)."""
    columns = {
        "activity": ("activity", "status", "sessions", "participants", "per_session", "cost", "cost_ratio"),
        "need": ("need", "activities", "held", "sessions", "participants", "cost", "state"),
        "indicator": ("activity", "indicator", "target", "achieved_mean", "ratio", "verdict", "latest_output"),
    }[kind]
    return {c: t(f"mon.col.{kind}.{c}", lang) for c in columns}


def totals_text(report: ProgressReport, lang: str | None = None) -> str:
    """One paragraph: how far the plan is, as of the report's date."""
    lang = normalize_lang(lang or report.lang)
    tt = report.totals
    statuses = ", ".join(f"{status_label(s, lang).lower()} {n}" for s, n in tt.by_status.items() if n)
    return t("mon.totals", lang, as_of=format_date(report.as_of, lang, "long"), n=tt.activities,
             statuses=statuses or "-", held=tt.held_sessions, to_date=tt.planned_to_date,
             planned=tt.planned_sessions, people=tt.participants, p=tt.participants_p, l=tt.participants_l,
             actual=format_idr(tt.cost_actual_idr, lang), budget=format_idr(tt.cost_planned_idr, lang))


def checks_html(checks: tuple[ProgressCheck, ...], lang: str, css_id: str = "rtplan-progress-checks") -> Markup:
    from rtplan.render import render

    return render("checks.html.j2", checks=list(checks), css_id=css_id, none_text=t("mon.check.none", lang))


def progress_html(report: ProgressReport, lang: str | None = None, *, with_checks: bool = True) -> Markup:
    """The progress report as HTML: the totals, then activities, needs, indicators (and checks)."""
    from rtplan.render import fragment, join

    lang = normalize_lang(lang or report.lang)
    parts = [fragment('<p class="rtplan-progress-totals">{{ text }}</p>', text=totals_text(report, lang)),
             html_table(activity_display(report, lang), headers("activity", lang),
                        table_id="rtplan-progress-activities", caption=t("mon.caption.activities", lang)),
             html_table(need_display(report, lang), headers("need", lang), table_id="rtplan-progress-needs",
                        caption=t("mon.caption.needs", lang)),
             html_table(indicator_display(report, lang), headers("indicator", lang),
                        table_id="rtplan-progress-indicators", caption=t("mon.caption.indicators", lang))]
    if with_checks:
        parts.append(checks_html(report.checks, lang))
    return join(parts)


__all__ = [
    "ProgressCheck", "ProgressReport", "ProgressTotals", "activity_display", "default_as_of",
    "derive_status", "indicator_display", "indicator_table", "need_display", "need_progress", "planned_dates",
    "progress", "progress_checks", "progress_html", "progress_table", "record_session", "remove_session",
    "status_label", "totals_text",
]
