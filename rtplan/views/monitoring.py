"""Step 4 tables for people: progress per activity and per need, indicators, realizations.

Each table is declared once here and built by a pure function from
:class:`rtplan.monitoring.ProgressReport` (or the plan's realizations):

* :data:`ACTIVITIES` - per activity: status, sessions held / due / planned, who came,
  mean vs target per session, money spent vs budget;
* :data:`NEEDS` - per need: its activities and whether they happened;
* :data:`INDICATORS` - per activity: the indicator, target vs achieved, latest output;
* :data:`REALIZATIONS` - the sessions held (date, men, women, cost, output).

The cells that join several figures ("3 terlaksana / 7 sampai kini / 12 rencana")
are written by the builders here, in the report's language; the raw figures stay in
the report's frames (``rtplan progress --format json|csv``).
:func:`progress_html` puts the totals, the tables and the checks together; a
:class:`~rtplan.monitoring.ProgressReport` shows itself that way.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from rtplan.fmt import format_date, format_idr, format_number, format_percent
from rtplan.kas import mask_private
from rtplan.messages import normalize_lang, t
from rtplan.monitoring import ProgressReport, need_state_label, status_label
from rtplan.tables import as_date, is_missing
from rtplan.views.base import Col, View, ViewSpec

CUT = 44  # the terminal cuts longer cells with "…"

# -- declarations ---------------------------------------------------------------------
ACTIVITIES = ViewSpec("progress.activities", (
    Col("activity", "mon.col.activity.activity", cut=CUT),
    Col("status", "mon.col.activity.status", cut=CUT),
    Col("sessions", "mon.col.activity.sessions", cut=CUT),
    Col("participants", "mon.col.activity.participants", cut=CUT),
    Col("per_session", "mon.col.activity.per_session", cut=CUT),
    Col("cost", "mon.col.activity.cost", cut=CUT),
    Col("cost_ratio", "mon.col.activity.cost_ratio", cut=CUT),
), caption="mon.caption.activities")

NEEDS = ViewSpec("progress.needs", (
    Col("need", "mon.col.need.need", cut=CUT),
    Col("activities", "mon.col.need.activities", cut=CUT),
    Col("held", "mon.col.need.held", cut=CUT),
    Col("sessions", "mon.col.need.sessions", cut=CUT),
    Col("participants", "mon.col.need.participants", fmt="plain_int", align="left"),
    Col("cost", "mon.col.need.cost", cut=CUT),
    Col("state", "mon.col.need.state", cut=CUT),
), caption="mon.caption.needs")

INDICATORS = ViewSpec("progress.indicators", (
    Col("activity", "mon.col.indicator.activity", cut=CUT),
    Col("indicator", "mon.col.indicator.indicator", cut=CUT),
    Col("target", "mon.col.indicator.target"),
    Col("achieved_mean", "mon.col.indicator.achieved_mean"),
    Col("ratio", "mon.col.indicator.ratio"),
    Col("verdict", "mon.col.indicator.verdict"),
    Col("latest_output", "mon.col.indicator.latest_output", cut=CUT),
), caption="mon.caption.indicators")

REALIZATIONS = ViewSpec("progress.realizations", (
    Col("activity_id", "mon.col.real.activity_id", fmt="id"),
    Col("date", "mon.col.real.date", fmt="date"),
    Col("participants_l", "mon.col.real.participants_l", fmt="plain_int"),
    Col("participants_p", "mon.col.real.participants_p", fmt="plain_int"),
    Col("cost_idr", "mon.col.real.cost_idr", fmt="idr"),
    Col("output", "mon.col.real.output", cut=CUT),
), caption="mon.caption.realizations")
"""The sessions recorded for one activity (or all), oldest first."""

_ACHIEVED = {True: "mon.achieved.yes", False: "mon.achieved.no"}


# -- builders -------------------------------------------------------------------------
def _count_text(value: object) -> str:
    return "" if value is None or is_missing(value) else str(int(value))  # type: ignore[call-overload]


def _pct(value: object, lang: str) -> str:
    return "" if value is None or is_missing(value) else format_percent(float(value), lang)  # type: ignore[arg-type]


def _spent(actual: int, planned: int, lang: str) -> str:
    return f"{format_idr(actual, lang)} / {format_idr(planned, lang)}"


def activities_view(report: ProgressReport, lang: str | None = None) -> View:
    """Progress per activity (:data:`ACTIVITIES`); an activity behind its plan is marked."""
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
            "cost": _spent(r.cost_actual_idr, r.cost_planned_idr, lang),
            "cost_ratio": _pct(r.cost_ratio, lang),
        })
    frame = pd.DataFrame(rows, columns=[c.key for c in ACTIVITIES.columns])
    return ACTIVITIES.build(frame, lang, table_id="rtplan-progress-activities")


def needs_view(report: ProgressReport, lang: str | None = None) -> View:
    """Progress per need (:data:`NEEDS`): its activities, how many started, its state."""
    lang = normalize_lang(lang or report.lang)
    rows = [{
        "need": f"{r.need_id} · {r.title}",
        "activities": ", ".join(r.activity_ids) or "-",
        "held": t("mon.need_held_value", lang, held=r.held_activities, n=r.activities - r.cancelled_activities),
        "sessions": f"{r.held_sessions} / {r.planned_sessions}",
        "participants": int(r.participants),
        "cost": _spent(r.cost_actual_idr, r.cost_planned_idr, lang),
        "state": need_state_label(r.state, lang),
    } for r in report.needs.itertuples(index=False)]
    frame = pd.DataFrame(rows, columns=[c.key for c in NEEDS.columns])
    return NEEDS.build(frame, lang, table_id="rtplan-progress-needs")


def indicators_view(report: ProgressReport, lang: str | None = None) -> View:
    """Indicators (:data:`INDICATORS`): target vs achieved participants per activity."""
    lang = normalize_lang(lang or report.lang)
    rows = []
    for r in report.indicators.itertuples(index=False):
        achieved = None if r.achieved is None or is_missing(r.achieved) else bool(r.achieved)
        verdict = t(_ACHIEVED[achieved], lang) if achieved is not None else t("mon.achieved.none", lang)
        mean = "" if r.participants_mean is None or is_missing(r.participants_mean) else format_number(
            r.participants_mean, lang, 1)
        rows.append({
            "activity": f"{r.activity_id} · {r.title}", "indicator": r.indicator,
            "target": _count_text(r.target_participants), "achieved_mean": mean, "ratio": _pct(r.target_ratio, lang),
            "verdict": verdict, "latest_output": r.latest_output,
        })
    frame = pd.DataFrame(rows, columns=[c.key for c in INDICATORS.columns])
    return INDICATORS.build(frame, lang, table_id="rtplan-progress-indicators")


def realizations_view(realizations: pd.DataFrame, lang: str, activity_id: str | None = None,
                      until: dt.date | None = None) -> View:
    """The sessions held (:data:`REALIZATIONS`), oldest first: all, or one activity's,
    optionally only those on or before ``until``. Outputs with phone numbers are masked."""
    frame = realizations.copy()
    frame["date"] = [as_date(d) for d in frame["date"]]
    keep = [d is not None and (until is None or d <= until)
            and (activity_id is None or str(a) == activity_id) for a, d in zip(frame["activity_id"], frame["date"])]
    frame = frame.loc[keep].sort_values("date", kind="stable")
    frame["output"] = [mask_private(o) for o in frame["output"]]
    return REALIZATIONS.build(frame, lang, table_id="rtplan-realizations")


def totals_text(report: ProgressReport, lang: str | None = None) -> str:
    """One paragraph: how far the plan is, as of the report's date."""
    lang = normalize_lang(lang or report.lang)
    tt = report.totals
    statuses = ", ".join(f"{status_label(s, lang).lower()} {n}" for s, n in tt.by_status.items() if n)
    return t("mon.totals", lang, as_of=format_date(report.as_of, lang, "long"), n=tt.activities,
             statuses=statuses or "-", held=tt.held_sessions, to_date=tt.planned_to_date,
             planned=tt.planned_sessions, people=tt.participants, p=tt.participants_p, l=tt.participants_l,
             actual=format_idr(tt.cost_actual_idr, lang), budget=format_idr(tt.cost_planned_idr, lang))



__all__ = ["ACTIVITIES", "INDICATORS", "NEEDS", "REALIZATIONS", "activities_view", "indicators_view", "needs_view",
           "realizations_view", "totals_text"]
