"""Step 3 tables for people: activities, sessions, conflicts, and the budget.

Each table is declared once here (:data:`ACTIVITIES`, :data:`SESSIONS`,
:data:`CONFLICTS`, :data:`BUDGET`, :data:`MONTHLY`, :data:`ACTIVITY_COSTS`) and
built by a pure function from step 3's results (:mod:`rtplan.schedule`,
:mod:`rtplan.budget`). Two results show themselves in a notebook and print
themselves for the CLI:

* :class:`ConflictList` - the count line, then the findings (errors first);
* :class:`BudgetReport` - per funding source, its sentences, then per month.

Example (a notebook cell)::

    conflicts_report(find_conflicts(plan), plan.message_lang)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import pandas as pd

from rtplan.budget import BudgetSummary, activity_costs, budget_summary, funding_label, monthly_table
from rtplan.fmt import format_date, format_idr, format_percent
from rtplan.messages import normalize_lang, t
from rtplan.plan import Plan
from rtplan.schedule import (
    CONFLICT_KINDS,
    Conflict,
    describe_recurrence,
    find_conflicts,
    parse_recurrence,
    plan_sessions,
)
from rtplan.tables import is_missing
from rtplan.views.base import Col, View, ViewSpec

# -- labels (static message keys, so tools can extract them) ------------------------
SEVERITY_LABELS: dict[str, str] = {"error": "conflict.severity.error", "warning": "conflict.severity.warning"}
KIND_LABELS: dict[str, str] = {
    "venue_clash": "conflict.kind.venue_clash",
    "pic_clash": "conflict.kind.pic_clash",
    "outside_period": "conflict.kind.outside_period",
    "pic_overload": "conflict.kind.pic_overload",
    "resource_unavailable": "conflict.kind.resource_unavailable",
    "holiday": "conflict.kind.holiday",
    "ramadan_evening": "conflict.kind.ramadan_evening",
    "august_week": "conflict.kind.august_week",
    "no_priority_need": "conflict.kind.no_priority_need",
    "priority_need_without_activity": "conflict.kind.priority_need_without_activity",
}
SUGGESTIONS: dict[str, str] = {
    "venue_clash": "conflict.hint.venue_clash",
    "pic_clash": "conflict.hint.pic_clash",
    "outside_period": "conflict.hint.outside_period",
    "pic_overload": "conflict.hint.pic_overload",
    "resource_unavailable": "conflict.hint.resource_unavailable",
    "holiday": "conflict.hint.holiday",
    "ramadan_evening": "conflict.hint.ramadan_evening",
    "august_week": "conflict.hint.august_week",
    "no_priority_need": "conflict.hint.no_priority_need",
    "priority_need_without_activity": "conflict.hint.priority_need_without_activity",
}
STATUS_LABELS: dict[str, str] = {
    "rencana": "handout.status.rencana",
    "berjalan": "handout.status.berjalan",
    "selesai": "handout.status.selesai",
    "batal": "handout.status.batal",
}

# -- declarations ---------------------------------------------------------------------
ACTIVITIES = ViewSpec("schedule.activities", (
    Col("activity_id", "budget.col.activity_id", fmt="id"),
    Col("title", "handout.activity"),
    Col("when", "handout.dates"),
    Col("repeat", "handout.repeat"),
    Col("time", "handout.time"),
    Col("venue", "handout.place"),
    Col("pic", "handout.pic"),
    Col("sessions", "handout.sessions", fmt="plain_int"),
    Col("status", "schedule.col.status"),
))
"""Every activity: dates and repetition, time, venue, PIC, sessions in the period, status."""

SESSIONS = ViewSpec("schedule.sessions", (
    Col("date", "schedule.col.date", fmt="date"),
    Col("time", "schedule.col.time"),
    Col("activity_id", "budget.col.activity_id", fmt="id"),
    Col("title", "schedule.col.activity"),
    Col("venue", "schedule.col.venue"),
    Col("pic", "schedule.col.pic"),
    Col("funding_source", "schedule.col.funding_source"),
))
"""One row per dated session in the plan period."""

CONFLICTS = ViewSpec("schedule.conflicts", (
    Col("severity", "conflict.col.severity"),
    Col("kind", "conflict.col.kind"),
    Col("activities", "conflict.col.activities"),
    Col("date", "conflict.col.date", fmt="date"),
    Col("message", "conflict.col.message"),
    Col("suggestion", "conflict.col.suggestion"),
))
"""The conflict findings: level, kind, activities, first date, the finding in words, what to do."""

BUDGET = ViewSpec("budget.sources", (
    Col("funding_source", "budget.col.funding_source"),
    Col("planned", "budget.col.planned", fmt="idr"),
    Col("available", "budget.col.available", fmt="idr"),
    Col("shortfall", "budget.col.shortfall", fmt="idr_or_dash"),
    Col("remaining", "budget.col.remaining", fmt="idr_or_dash"),
    Col("activities", "budget.col.activities"),
))
"""Planned cost per funding source against the funds, with a total row."""

MONTHLY = ViewSpec("budget.monthly", (
    Col("month", "budget.col.month", fmt="month"),
    Col("total", "budget.total", fmt="idr"),
))
"""Planned cost per month; one Rupiah column per funding source goes before ``total``."""

ACTIVITY_COSTS = ViewSpec("budget.activities", (
    Col("activity_id", "budget.col.activity_id", fmt="id"),
    Col("title", "budget.col.title"),
    Col("funding_source", "budget.col.funding_source"),
    Col("sessions", "budget.col.sessions", fmt="int"),
    Col("cost_idr", "budget.col.cost_idr", fmt="idr"),
    Col("cost_per_session_idr", "budget.col.cost_per_session_idr", fmt="idr"),
))
"""What each activity costs: its total and per session in the period."""


def _text(value: object) -> str:
    return "" if is_missing(value) else str(value)


# -- activities and sessions ----------------------------------------------------------
def activities_view(plan: Plan, lang: str | None = None, names: Callable[[object], str] | None = None,
                    table_id: str | None = None) -> View:
    """Every activity of ``plan``: dates and repetition, time, venue, PIC, sessions, status.

    ``names`` rewrites the PIC text (the handout masks residents' names with it).
    """
    lang = normalize_lang(lang or plan.message_lang)
    per_activity = plan_sessions(plan).groupby("activity_id").size()
    rows = []
    for a in plan["activities"].itertuples(index=False):
        start = None if is_missing(a.start_date) else a.start_date.date()
        rec = parse_recurrence(a.recurrence, a.recurrence_day, start)
        when = format_date(a.start_date, lang, "medium")
        if not is_missing(a.end_date) and a.end_date != a.start_date:
            when += f" – {format_date(a.end_date, lang, 'medium')}"
        time = "" if is_missing(a.start_time) else f"{a.start_time}–{_text(a.end_time)}"
        status = _text(a.status)
        rows.append({
            "activity_id": a.activity_id, "title": a.title, "when": when,
            "repeat": describe_recurrence(rec, lang), "time": time, "venue": _text(a.venue),
            "pic": names(a.pic) if names else _text(a.pic),
            "sessions": int(per_activity.get(a.activity_id, 0)),
            "status": t(STATUS_LABELS[status], lang) if status in STATUS_LABELS else status,
        })
    frame = pd.DataFrame(rows, columns=[c.key for c in ACTIVITIES.columns])
    return ACTIVITIES.build(frame, lang, table_id=table_id)


def sessions_view(sessions: pd.DataFrame, lang: str = "id") -> View:
    """The dated sessions (:func:`rtplan.schedule.expand_sessions`) as a table, in date order."""
    frame = sessions.sort_values(["date", "start", "activity_id"], kind="stable")
    times = [f"{s}–{e}" if s and e else (s or "")
             for s, e in zip(frame["start_time"].fillna(""), frame["end_time"].fillna(""))]
    frame = frame.assign(date=[d.date() for d in frame["date"]], time=times)
    return SESSIONS.build(frame, lang)


PREVIEW_DATES = 6  # dates named in the activity form's preview


def conflicts_frame(findings: Sequence[Conflict], lang: str = "id") -> pd.DataFrame:
    """The findings' raw rows of :data:`CONFLICTS` (labels in ``lang``, dates as dates)."""
    lang = normalize_lang(lang)
    rows = [{
        "severity": t(SEVERITY_LABELS[c.severity], lang),
        "kind": t(KIND_LABELS[c.kind], lang),
        "activities": ", ".join(c.activity_ids),
        "date": c.date,
        "message": c.message,
        "suggestion": t(SUGGESTIONS[c.kind], lang),
    } for c in findings]
    return pd.DataFrame(rows, columns=[c.key for c in CONFLICTS.columns])


def conflicts_view(findings: Sequence[Conflict], lang: str = "id", table_id: str = "rtplan-conflicts") -> View:
    """:data:`CONFLICTS` built from :func:`rtplan.schedule.find_conflicts`' findings."""
    return CONFLICTS.build(conflicts_frame(findings, lang), lang, table_id=table_id)


def conflict_count(findings: Sequence[Conflict], lang: str = "id") -> str:
    """``25 temuan: 1 bentrok, 24 perlu diperiksa.``, ``Tidak ada bentrok; 3 hal perlu diperiksa.``
    or that there is none."""
    if not findings:
        return t("conflict.none", lang)
    n_err = sum(c.severity == "error" for c in findings)
    if not n_err:  # only things to check: said as such, not as "0 conflicts" beside a count
        return t("conflict.count_warnings", lang, warnings=len(findings))
    return t("conflict.count", lang, n=len(findings), errors=n_err, warnings=len(findings) - n_err)


def conflict_lines(findings: Sequence[Conflict], lang: str = "id", warnings: bool = True) -> list[str]:
    """The findings as text for the terminal: the count, then one group per kind
    (``Bentrok: Tempat dipakai bersamaan (1)``), each finding marked ``!`` (error) or ``?``;
    ``warnings=False`` lists only the errors."""
    lang = normalize_lang(lang)
    lines = [conflict_count(findings, lang)]
    for kind, severity in CONFLICT_KINDS.items():
        group = [c for c in findings if c.kind == kind and (warnings or c.severity == "error")]
        if not group:
            continue
        lines += ["", f"{t(SEVERITY_LABELS[severity], lang)}: {t(KIND_LABELS[kind], lang)} ({len(group)})"]
        lines += [f"  {'!' if c.severity == 'error' else '?'} {c.message}" for c in group]
    return lines


@dataclass(frozen=True)
class ConflictList:
    """The conflict findings of a plan, ready to show: a count line and a table.

    Attributes
    ----------
    findings : every finding (errors first).
    lang : the language of the words.
    warnings : show the warnings too (``False``: only the errors in the table).
    """

    findings: tuple[Conflict, ...]
    lang: str = "id"
    warnings: bool = True

    def __len__(self) -> int:
        return len(self.findings)

    def __iter__(self) -> Iterator[Conflict]:
        return iter(self.findings)

    @property
    def shown(self) -> tuple[Conflict, ...]:
        return tuple(c for c in self.findings if self.warnings or c.severity == "error")

    @property
    def view(self) -> View:
        return conflicts_view(self.shown, self.lang)

    def text(self) -> str:
        return "\n".join(conflict_lines(self.findings, self.lang, self.warnings))

    def __str__(self) -> str:
        return self.text()


def conflicts_report(findings: Sequence[Conflict], lang: str = "id", warnings: bool = True) -> ConflictList:
    """A :class:`ConflictList` of ``findings`` that shows itself in a notebook."""
    return ConflictList(tuple(findings), normalize_lang(lang), warnings)


def plan_conflicts(plan: Plan, lang: str | None = None, warnings: bool = True) -> ConflictList:
    """:func:`conflicts_report` of a plan's :func:`~rtplan.schedule.find_conflicts` (a notebook cell:
    ``plan_conflicts(plan)``)."""
    lang = lang or plan.message_lang
    return conflicts_report(find_conflicts(plan, lang), lang, warnings)


# -- budget ---------------------------------------------------------------------------
def budget_frame(summary: BudgetSummary, lang: str = "id") -> pd.DataFrame:
    """The raw rows of :data:`BUDGET`: one per funding source, then the total row."""
    lang = normalize_lang(lang)
    rows = [{"funding_source": (funding_label(s.funding_source, lang) if s.funding_source
                                else t("budget.no_source", lang)),
             "planned": s.planned_idr,
             "available": s.available_idr, "shortfall": s.shortfall_idr, "remaining": s.remaining_idr,
             "activities": ", ".join(s.activity_ids)} for s in summary.sources]
    rows.append({"funding_source": t("budget.total", lang), "planned": summary.planned_idr,
                 "available": summary.available_idr, "shortfall": summary.shortfall_idr,
                 "remaining": sum(s.remaining_idr for s in summary.sources), "activities": ""})
    return pd.DataFrame(rows, columns=[c.key for c in BUDGET.columns])


def budget_view(summary: BudgetSummary, lang: str = "id", table_id: str = "rtplan-budget",
                only: Sequence[str] | None = None) -> View:
    """:data:`BUDGET` built from :func:`rtplan.budget.budget_summary`."""
    return BUDGET.build(budget_frame(summary, lang), lang, table_id=table_id, only=only)


def budget_lines(summary: BudgetSummary, lang: str = "id") -> list[str]:
    """The budget in sentences: totals, each shortfall, the share of swadaya."""
    lang = normalize_lang(lang)
    lines = [t("budget.line.total", lang, planned=format_idr(summary.planned_idr, lang),
               available=format_idr(summary.available_idr, lang))]
    lines += [t("budget.line.shortfall", lang,
                source=funding_label(s.funding_source, lang) if s.funding_source else t("budget.no_source", lang),
                amount=format_idr(s.shortfall_idr, lang), planned=format_idr(s.planned_idr, lang),
                available=format_idr(s.available_idr, lang)) for s in summary.sources if s.shortfall_idr]
    if not summary.shortfall_idr:
        lines.append(t("budget.line.no_shortfall", lang))
    lines.append(t("budget.line.swadaya", lang, amount=format_idr(summary.swadaya_idr, lang),
                   share=format_percent(summary.swadaya_share, lang)))
    return lines


def monthly_view(table: pd.DataFrame, lang: str = "id", table_id: str = "rtplan-budget-monthly") -> View:
    """:data:`MONTHLY` from :func:`rtplan.budget.monthly_table`: one Rupiah column per funding source
    (headed by its name), between the month and the total."""
    sources = [c for c in table.columns if c not in ("month", "total")]
    month, total = MONTHLY.columns
    spec = dataclasses.replace(MONTHLY, columns=(
        month, *(Col(s, "budget.col.funding_source", fmt="idr", title=funding_label(str(s), lang)) for s in sources),
        total))
    return spec.build(table, lang, table_id=table_id)


def activity_costs_view(costs: pd.DataFrame, lang: str = "id") -> View:
    """:data:`ACTIVITY_COSTS` from :func:`rtplan.budget.activity_costs`."""
    return ACTIVITY_COSTS.build(costs, lang)


@dataclass(frozen=True)
class BudgetReport:
    """The budget of a plan, ready to show: per funding source, its sentences, per month.

    Attributes
    ----------
    summary : :func:`rtplan.budget.budget_summary` of the plan.
    sources : the per-source view (:data:`BUDGET`).
    lines : the sentences (totals, shortfalls, swadaya).
    monthly : the per-month view (:data:`MONTHLY`), or ``None`` when nothing is spent.
    """

    summary: BudgetSummary
    sources: View
    lines: tuple[str, ...]
    monthly: View | None
    lang: str = "id"


def budget_report(summary: BudgetSummary, monthly: pd.DataFrame, lang: str = "id") -> BudgetReport:
    """A :class:`BudgetReport` from :func:`rtplan.budget.budget_summary` and
    :func:`rtplan.budget.monthly_table` (the month table only when something is spent)."""
    lang = normalize_lang(lang)
    spent = len(monthly.columns) > 2
    return BudgetReport(summary, budget_view(summary, lang), tuple(budget_lines(summary, lang)),
                        monthly_view(monthly, lang) if spent else None, lang)


def plan_budget(plan: Plan, lang: str | None = None) -> BudgetReport:
    """:func:`budget_report` of a plan (a notebook cell: ``plan_budget(plan)``)."""
    return budget_report(budget_summary(plan), monthly_table(plan), lang or plan.message_lang)


def plan_activity_costs(plan: Plan, lang: str | None = None) -> View:
    """:func:`activity_costs_view` of a plan."""
    return activity_costs_view(activity_costs(plan), lang or plan.message_lang)


__all__ = [
    "ACTIVITIES", "ACTIVITY_COSTS", "BUDGET", "CONFLICTS", "KIND_LABELS", "MONTHLY", "SESSIONS", "SEVERITY_LABELS",
    "STATUS_LABELS", "SUGGESTIONS", "BudgetReport", "ConflictList", "activities_view", "activity_costs_view",
    "budget_frame", "budget_lines", "budget_report", "budget_view", "conflict_count", "conflict_lines",
    "conflicts_frame", "conflicts_report", "conflicts_view", "monthly_view", "plan_activity_costs", "plan_budget",
    "plan_conflicts", "sessions_view",
]
