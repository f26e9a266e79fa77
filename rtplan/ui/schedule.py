"""Step 3 panels: the activity form with a recurrence builder, funds, conflicts, budget.

* :class:`ActivityEditor` is the add / edit / remove form of ``activities.csv``: needs
  and resources are picked from lists, dates from date pickers, and the repetition
  from a :class:`RecurrenceBuilder` (once / every weekday / monthly on a day or on
  the first, second, ... or last weekday) instead of typing ``1-minggu``. A preview
  shows the sessions the form would give before it is saved.
* :class:`ConflictsPanel` and :class:`BudgetPanel` recompute after every saved change;
  their tables are the declared views of :mod:`rtplan.views.schedule`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import ipywidgets as w

from rtplan.budget import BUDGET_TABLES, budget_summary, monthly_table
from rtplan.charts.schedule import budget_figure
from rtplan.fmt import day_names
from rtplan.messages import t
from rtplan.plan import Plan
from rtplan.render import fragment
from rtplan.render.schedule import budget_html, conflicts_html, session_preview
from rtplan.schedule import (
    CONFLICT_TABLES,
    NTH_LABELS,
    Conflict,
    Recurrence,
    activity_dates,
    describe_recurrence,
    find_conflicts,
    parse_recurrence,
)
from rtplan.schema import FUNDING_SOURCES
from rtplan.ui.base import _STYLE, LiveResult, PlanSession, TableEditor, open_session, step_tabs
from rtplan.views.glance import schedule_glance
from rtplan.views.schedule import budget_report, conflicts_report

_NTH_CHOICES = (1, 2, 3, 4, -1)


class RecurrenceBuilder(w.VBox):
    """Choose how an activity repeats without typing codes.

    ``value`` is ``(recurrence, recurrence_day)`` as stored in ``activities.csv``,
    e.g. ``("monthly", "1-minggu")``; :meth:`set` shows a stored pair.
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang
        def layout() -> w.Layout:  # one Layout per widget: a shared one hides them all together
            return w.Layout(width="460px")
        self.kind = w.Dropdown(options=[(t("ui.schedule.rec.once", lang), "once"),
                                        (t("ui.schedule.rec.weekly", lang), "weekly"),
                                        (t("ui.schedule.rec.monthly", lang), "monthly")],
                               value="once", description=t("ui.schedule.rec.label", lang), style=_STYLE,
                               layout=layout())
        days = day_names(lang)
        self.weekday = w.Dropdown(options=[(d, i) for i, d in enumerate(days)], value=5,
                                  description=t("ui.schedule.rec.weekday", lang), style=_STYLE, layout=layout())
        self.mode = w.RadioButtons(options=[(t("ui.schedule.rec.by_day", lang), "day"),
                                            (t("ui.schedule.rec.by_nth", lang), "nth")], value="nth",
                                   description=t("ui.schedule.rec.mode", lang), style=_STYLE, layout=layout())
        self.day = w.BoundedIntText(value=1, min=1, max=31, description=t("ui.schedule.rec.day", lang),
                                    style=_STYLE, layout=w.Layout(width="260px"))
        self.nth = w.Dropdown(options=[(t(NTH_LABELS[n], lang), n) for n in _NTH_CHOICES], value=1,
                              description=t("ui.schedule.rec.nth", lang), style=_STYLE, layout=layout())
        self.summary = w.HTML()
        for name, widget in (("kind", self.kind), ("weekday", self.weekday), ("mode", self.mode),
                             ("day", self.day), ("nth", self.nth)):
            widget.add_class(f"rtplan-recurrence-{name}")
            widget.observe(lambda _: self._changed(), names="value")
        self._callbacks: list[Any] = []
        super().__init__([self.kind, self.mode, self.day, self.nth, self.weekday, self.summary])
        self.add_class("rtplan-recurrence")
        self._changed()

    def on_change(self, callback: Any) -> None:
        """Call ``callback(recurrence, recurrence_day)`` whenever the choice changes."""
        self._callbacks.append(callback)

    @property
    def recurrence(self) -> Recurrence:
        kind = self.kind.value
        if kind == "weekly":
            return Recurrence("weekly", weekday=self.weekday.value)
        if kind == "monthly" and self.mode.value == "nth":
            return Recurrence("monthly", weekday=self.weekday.value, nth=self.nth.value)
        if kind == "monthly":
            return Recurrence("monthly", day=self.day.value)
        return Recurrence("once")

    @property
    def value(self) -> tuple[str, str]:
        rec = self.recurrence
        return rec.kind, rec.code

    def set(self, recurrence: object, recurrence_day: object, start_date: object = None) -> None:
        """Show a stored ``recurrence`` / ``recurrence_day`` pair (an empty day: ``start_date``'s)."""
        start = start_date if isinstance(start_date, dt.date) else None
        rec = parse_recurrence(recurrence, recurrence_day, start)
        self._quiet = True
        try:
            self.kind.value = rec.kind
            if rec.weekday is not None:
                self.weekday.value = rec.weekday
            if rec.kind == "monthly":
                self.mode.value = "nth" if rec.nth is not None else "day"
                if rec.nth is not None:
                    if rec.nth not in _NTH_CHOICES:  # -2..-5 and 5 are rare: offer them when stored
                        self.nth.options = [*self.nth.options, (t(NTH_LABELS[rec.nth], self.lang), rec.nth)]
                    self.nth.value = rec.nth
                if rec.day is not None:
                    self.day.value = rec.day
        finally:
            self._quiet = False
        self._changed()

    _quiet = False

    def _changed(self) -> None:
        kind, mode = self.kind.value, self.mode.value
        self.weekday.layout.display = "" if kind == "weekly" or (kind == "monthly" and mode == "nth") else "none"
        self.mode.layout.display = "" if kind == "monthly" else "none"
        self.day.layout.display = "" if kind == "monthly" and mode == "day" else "none"
        self.nth.layout.display = "" if kind == "monthly" and mode == "nth" else "none"
        self.summary.value = fragment('<div style="margin-left:158px;color:#1b4965">{{ text }}</div>',
                                      text=describe_recurrence(self.recurrence, self.lang))
        if self._quiet:
            return
        for callback in list(self._callbacks):
            callback(*self.value)


class ActivityEditor(TableEditor):
    """The activities form: needs and resources from lists, dates, a recurrence builder, a preview.

    The raw ``recurrence`` and ``recurrence_day`` columns stay in the form (hidden) and
    follow the builder, so saving goes through the same checked path as every table.
    """

    def __init__(self, session: PlanSession) -> None:
        super().__init__(session, "activities", id_prefix="A", id_width=2)
        self.builder = RecurrenceBuilder(self.lang)
        self.preview = w.HTML()
        self.preview.add_class("rtplan-activity-preview")
        raw_kind, raw_day = self.fields["recurrence"], self.fields["recurrence_day"]
        raw_kind.layout.display = "none"
        raw_day.layout.display = "none"
        form = self.children[2].children[1]
        children = list(form.children)
        at = children.index(raw_day) + 1
        form.children = [*children[:at], self.builder, *children[at:-2], self.preview, *children[-2:]]
        self.builder.on_change(self._from_builder)
        for name in ("recurrence", "recurrence_day"):
            self.fields[name].observe(lambda _: self._to_builder(), names="value")
        for name in ("start_date", "end_date"):
            self.fields[name].observe(lambda _: self.show_preview(), names="value")
        self._syncing = False
        self._funding_options()
        self._to_builder()

    def _funding_options(self) -> None:
        known = [str(s) for s in self.session.plan["funds"]["funding_source"] if str(s)]
        self.fields["funding_source"].options = list(dict.fromkeys(known + list(FUNDING_SOURCES)))

    def refresh(self) -> None:
        super().refresh()
        if hasattr(self, "builder"):
            self._funding_options()

    def _on_plan_change(self, changed: set[str]) -> None:
        super()._on_plan_change(changed)
        if changed & {"funds"}:
            self._funding_options()
        if changed & {"plan"}:
            self.show_preview()

    def _from_builder(self, recurrence: str, recurrence_day: str) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            self.fields["recurrence"].value = recurrence
            self.fields["recurrence_day"].value = recurrence_day
        finally:
            self._syncing = False
        self.show_preview()

    def _to_builder(self) -> None:
        if getattr(self, "_syncing", True):
            return
        self._syncing = True
        try:
            self.builder.set(self.fields["recurrence"].value or "once", self.fields["recurrence_day"].value,
                             self.fields["start_date"].value)
        finally:
            self._syncing = False
        kind, day = self.builder.value
        if self.fields["recurrence"].value != kind or (kind != "once" and not self.fields["recurrence_day"].value):
            # an empty form: store what the builder shows
            self._from_builder(kind, day)
        self.show_preview()

    def show_preview(self) -> None:
        """Show how many sessions the form gives in the plan period, the first dates and holidays among them."""
        if not hasattr(self, "preview"):
            return
        dates = activity_dates(self.form_values(), self.session.plan.period)
        self.preview.value = session_preview(dates, self.lang)

    def start_new(self) -> None:
        super().start_new()
        if hasattr(self, "builder"):
            self._to_builder()


class ConflictsPanel(w.VBox):
    """Schedule conflicts of the plan, recomputed after every saved change."""

    WATCH = CONFLICT_TABLES | {"plan"}

    def __init__(self, session: PlanSession) -> None:
        self.session = session
        self.lang = session.lang
        self.show_warnings = w.Checkbox(value=True, description=t("ui.schedule.show_warnings", self.lang),
                                        indent=False)
        self.show_warnings.add_class("rtplan-conflicts-warnings")
        self.show_warnings.observe(lambda _: self.refresh(), names="value")
        self.body = w.HTML()
        self.body.add_class("rtplan-conflicts")
        self.findings: list[Conflict] = []
        session.on_change(lambda changed: self.refresh() if changed & self.WATCH else None)
        super().__init__([w.HTML(fragment("<h3>{{ text }}</h3>", text=t("ui.schedule.conflicts_title", self.lang))),
                          self.show_warnings, self.body])
        self.refresh()

    def refresh(self) -> None:
        self.findings = find_conflicts(self.session.plan, self.lang)
        self.body.value = conflicts_html(conflicts_report(self.findings, self.lang, self.show_warnings.value))


class BudgetPanel(w.VBox):
    """Planned cost against available funds per funding source, with a chart; live."""

    WATCH = BUDGET_TABLES | {"plan"}

    def __init__(self, session: PlanSession, chart: bool = True) -> None:
        self.session = session
        self.lang = session.lang
        self.tables = w.HTML()
        self.tables.add_class("rtplan-budget")
        self.chart = w.Output()
        self.with_chart = chart
        session.on_change(lambda changed: self.refresh() if changed & self.WATCH else None)
        super().__init__([w.HTML(fragment("<h3>{{ text }}</h3>", text=t("ui.schedule.budget_title", self.lang))),
                          self.tables, self.chart])
        self.refresh()

    def refresh(self) -> None:
        self.summary = budget_summary(self.session.plan)
        self.tables.value = budget_html(budget_report(self.summary, monthly_table(self.session.plan), self.lang))
        if self.with_chart:
            self.chart.clear_output(wait=True)
            with self.chart:
                from IPython.display import display

                display(budget_figure(self.session.plan, self.lang))


def step3(plan: str | Path | Plan | PlanSession, lang: str | None = None, charts: bool = True) -> w.Tab:
    """The whole step 3 as tabs: activities, funds, conflicts, budget.

    Parameters
    ----------
    plan : the plan folder (or a loaded plan, or an open session).
    lang : ``"id"`` or ``"en"`` (default: the plan's language).
    charts : draw the budget chart in its tab (tests switch it off).
    """
    session = open_session(plan, lang)
    lang = session.lang
    panels = [
        ("activities", t("ui.schedule.tab.activities", lang), lambda: ActivityEditor(session)),
        ("funds", t("ui.schedule.tab.funds", lang), lambda: TableEditor(session, "funds")),
        ("conflicts", t("ui.schedule.tab.conflicts", lang), lambda: ConflictsPanel(session)),
        ("budget", t("ui.schedule.tab.budget", lang), lambda: BudgetPanel(session, chart=charts)),
    ]
    # the conflicts and the money beside the activity form and the funds: they appear as activities are saved
    watched = ConflictsPanel.WATCH | BudgetPanel.WATCH
    # each tab redraws only when open (a hidden one when it is opened)
    return step_tabs(session, panels, 3, beside={key: lambda: LiveResult(session, schedule_glance, watched)
                                                 for key in ("activities", "funds")})


__all__ = ["ActivityEditor", "BudgetPanel", "ConflictsPanel", "RecurrenceBuilder", "step3"]
