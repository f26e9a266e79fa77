"""Step 4 panels: record a session held, the cash book, progress, and the cash report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, cast

import ipywidgets as w
import pandas as pd

from rtplan.exceptions import RtplanError
from rtplan.fmt import format_date, format_idr
from rtplan.kas import (
    KasSettings,
    book,
    closing_balance,
    default_period,
    kas_checks,
    kas_summary,
    preview_entry,
    select_rows,
)
from rtplan.messages import t
from rtplan.monitoring import default_as_of, planned_dates, progress, record_session, remove_session, status_label
from rtplan.plan import Plan
from rtplan.render import fragment
from rtplan.render.kas import checks_html, kas_html
from rtplan.render.monitoring import progress_html
from rtplan.render.views import to_html
from rtplan.tables import is_missing
from rtplan.ui.base import (
    _STYLE,
    ConfirmBar,
    LiveResult,
    PlanSession,
    SafetyNet,
    StatusLine,
    TableEditor,
    open_session,
    step_tabs,
)
from rtplan.ui.inputs import DateInput, MoneyInput, input_errors
from rtplan.views.glance import kas_glance, progress_glance
from rtplan.views.kas import BOOK_SHORT, book_view

_TITLE = "<h3>{{ text }}</h3>"

_WIDE = w.Layout(width="460px")


def _activity_options(plan: Plan) -> list[tuple[str, str]]:
    return [(f"{a} · {b}", str(a)) for a, b in zip(plan["activities"]["activity_id"], plan["activities"]["title"])]


class RecordSessionPanel(SafetyNet, w.VBox):
    """Record one session that was held: activity, date, men and women present, cost, output.

    Picking an activity shows its progress and its recorded sessions; picking a
    recorded session loads it to correct it ("Simpan" replaces the session of the
    same activity and date) or to delete it.
    """

    def __init__(self, session: PlanSession) -> None:
        self.session = session
        self.lang = lang = session.lang
        self.activity = w.Dropdown(description=t("ui.mon.activity", lang), style=_STYLE, layout=_WIDE)
        self.date = DateInput(t("ui.mon.date", lang), lang, required=True, style=_STYLE, layout=_WIDE)
        self.men = w.Text(description=t("ui.mon.men", lang), placeholder=t("ui.hint.int", lang), style=_STYLE,
                          layout=_WIDE)
        self.women = w.Text(description=t("ui.mon.women", lang), placeholder=t("ui.hint.int", lang), style=_STYLE,
                            layout=_WIDE)
        self.cost = MoneyInput(t("ui.mon.cost", lang), lang, style=_STYLE, layout=_WIDE)
        self.output = w.Textarea(description=t("ui.mon.output", lang), rows=2, style=_STYLE, layout=_WIDE)
        self.notes = w.Textarea(description=t("ui.mon.notes", lang), rows=2, style=_STYLE, layout=_WIDE)
        self.info = w.HTML()
        self.sessions = w.Select(options=[], rows=10, layout=w.Layout(width="300px"))
        self.save_button = w.Button(description=t("ui.save", lang), icon="check", button_style="success")
        self.new_button = w.Button(description=t("ui.new", lang), icon="plus")
        self.delete_button = w.Button(description=t("ui.delete", lang), icon="trash", button_style="danger")
        self.status = StatusLine()
        safety = self.safety_net("record")
        for widget, name in ((self.activity, "activity"), (self.date, "date"), (self.men, "men"),
                             (self.women, "women"), (self.cost, "cost"), (self.output, "output"),
                             (self.notes, "notes"), (self.sessions, "sessions"), (self.save_button, "save"),
                             (self.new_button, "new"), (self.delete_button, "delete")):
            widget.add_class(f"rtplan-record-{name}")
        self.activity.observe(self._on_activity, names="value")
        self.sessions.observe(self._on_pick, names="value")
        self.save_button.on_click(lambda _: self.save())
        self.new_button.on_click(lambda _: self.start_new())
        self.delete_button.on_click(lambda _: self.ask_delete())
        self.confirm = ConfirmBar(lang, "record")
        session.on_change(lambda changed: self.refresh() if changed & {"activities", "realizations"} else None)
        form = w.VBox([self.activity, self.info, self.date, self.men, self.women, self.cost, self.output, self.notes,
                       w.HBox([self.save_button, self.new_button, self.delete_button, safety]), self.confirm,
                       self.status])
        listing = w.VBox([w.HTML(str(fragment("<b>{{ text }}</b>", text=t("ui.mon.sessions_list", lang)))),
                          self.sessions])
        super().__init__([w.HTML(str(fragment(_TITLE, text=t("ui.mon.record.title", lang)))),
                          w.HBox([form, listing])])
        self.add_class("rtplan-record-panel")
        self.refresh()

    # -- showing ---------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the activities and the chosen activity's sessions from the plan."""
        keep = self.activity.value
        self.activity.unobserve(self._on_activity, names="value")
        options = _activity_options(self.session.plan)
        self.activity.options = options
        ids = [o[1] for o in options]
        self.activity.value = keep if keep in ids else (ids[0] if ids else None)
        self.activity.observe(self._on_activity, names="value")
        self._show_activity()

    def _on_activity(self, change: dict[str, Any]) -> None:
        self._show_activity()

    def _rows(self) -> pd.DataFrame:
        real = self.session.plan["realizations"]
        return real[real["activity_id"].astype(str) == str(self.activity.value)]

    def _show_activity(self) -> None:
        ident = self.activity.value
        self.sessions.unobserve(self._on_pick, names="value")
        if ident is None:
            self.sessions.options = []
            self.info.value = str(fragment("{{ text }}", text=t("ui.mon.no_activity", self.lang)))
        else:
            rows = self._rows().sort_values("date", kind="stable")
            self.sessions.options = [
                (f"{format_date(r.date, self.lang, 'medium')} · {self._people(r)}", r.date.date().isoformat())
                for r in rows.itertuples(index=False)]
            self.info.value = self._progress_line(ident)
        self.sessions.value = None
        self.sessions.observe(self._on_pick, names="value")
        self.start_new()

    @staticmethod
    def _people(row: Any) -> str:
        total = sum(0 if is_missing(v) else int(v) for v in (row.participants_l, row.participants_p))
        return f"{total} L/P"

    def _progress_line(self, ident: str) -> str:
        plan = self.session.plan
        table = progress(plan, default_as_of(plan), self.lang).activities
        row = table[table["activity_id"] == ident]
        if row.empty:
            return ""
        r = row.iloc[0]
        nxt = (format_date(r["next_planned"], self.lang, "long") if r["next_planned"]
               else t("ui.mon.next_none", self.lang))
        text = t("ui.mon.activity_progress", self.lang, status=status_label(r["status"], self.lang),
                 held=r["held_sessions"], planned=r["planned_sessions"], next=nxt)
        return str(fragment('<div class="rtplan-record-progress" style="color:#444">{{ text }}</div>', text=text))

    def _suggested_date(self) -> dt.date | None:
        """The first planned session up to today that has no record yet."""
        plan = self.session.plan
        ident = self.activity.value
        match = plan["activities"][plan["activities"]["activity_id"].astype(str) == str(ident)]
        if match.empty:
            return None
        held = {d.date() for d in self._rows()["date"] if not is_missing(d)}
        as_of = default_as_of(plan)
        return next((d for d in planned_dates(match.iloc[0], plan.period) if d <= as_of and d not in held), None)

    def start_new(self) -> None:
        """Empty the form (the date set to the first planned session not yet recorded)."""
        self.sessions.value = None
        self.date.show(self._suggested_date())
        self.cost.show(None)
        for widget in (self.men, self.women, self.output, self.notes):
            widget.value = ""
        self.status.clear()

    def _on_pick(self, change: dict[str, Any]) -> None:
        if change["new"] is None:
            return
        rows = self._rows()
        match = select_rows(rows, [d.date().isoformat() == change["new"] for d in rows["date"]])
        if match.empty:
            return
        r = match.iloc[0]
        self.date.show(r["date"].date())
        self.cost.show(None if is_missing(r["cost_idr"]) else r["cost_idr"])
        for widget, column in ((self.men, "participants_l"), (self.women, "participants_p"),
                               (self.output, "output"), (self.notes, "notes")):
            widget.value = "" if is_missing(r[column]) else str(r[column])
        self.status.clear()

    # -- saving ------------------------------------------------------------------------
    def values(self) -> dict[str, object]:
        """The form as a realizations row (numbers as typed: saving checks them)."""
        return {
            "activity_id": self.activity.value or "",
            "date": pd.Timestamp(self.date.value) if self.date.value else pd.NaT,
            "participants_l": self.men.value.strip(), "participants_p": self.women.value.strip(),
            "cost_idr": self.cost.value.strip() if self.cost.amount is None else self.cost.amount,
            "output": self.output.value.strip(), "notes": self.notes.value.strip(),
        }

    def save(self) -> bool:
        """Save the session (a new one, or over the one of the same activity and date)."""
        values = self.values()
        if not values["activity_id"]:
            self.status.error([t("ui.mon.pick_activity", self.lang)])
            return False
        unreadable = input_errors((self.date, self.cost), self.lang)
        if unreadable:  # one message per field typed wrong, nothing saved
            self.status.error(unreadable)
            return False
        if self.date.value is None:
            self.status.error([t("ui.mon.pick_date", self.lang)])
            return False
        day = self.date.value
        frame, replaced = record_session(self.session.table("realizations"), values)
        if not self.save_updates({"realizations": frame}):
            return False
        key = "ui.mon.replaced" if replaced else "ui.mon.recorded"
        if day.isoformat() in [o[1] for o in self.sessions.options]:
            self.sessions.value = day.isoformat()  # show the saved session in the form
        self.status.ok(t(key, self.lang, activity=values["activity_id"], date=format_date(day, self.lang, "long")))
        return True

    def ask_delete(self) -> bool:
        """What "Hapus" does: ask first ("Ya, hapus" / "Batal"); ``True`` when asked."""
        chosen = self.sessions.value
        self.confirm.hide()
        if chosen is None:
            self.status.error([t("ui.pick_first", self.lang)])
            return False
        day = format_date(dt.date.fromisoformat(chosen), self.lang, "long")
        self.status.clear()
        self.confirm.ask(t("ui.confirm_delete", self.lang, row=f"{self.activity.value} · {day}"), self.delete)
        return True

    def delete(self) -> bool:
        """Delete the session chosen in the list at once."""
        chosen = self.sessions.value
        if chosen is None:
            self.status.error([t("ui.pick_first", self.lang)])
            return False
        day = dt.date.fromisoformat(chosen)
        ident = str(self.activity.value)
        if not self.save_updates({"realizations": remove_session(self.session.table("realizations"), ident, day)}):
            return False
        self.status.ok(t("ui.mon.removed", self.lang, activity=ident, date=format_date(day, self.lang, "long")))
        return True

    # -- the safety net (SafetyNet) ------------------------------------------------------
    def undo(self) -> bool:
        self.confirm.hide()
        return super().undo()

    def typing(self) -> object:
        return (self.activity.value, self.sessions.value, self.date.text.value, self.cost.value,
                {name: widget.value for name, widget in self._texts().items()})

    def restore_typing(self, typed: object) -> None:
        activity, chosen, date_text, cost, texts = cast("tuple[Any, ...]", typed)
        if activity in {o[1] for o in self.activity.options} and self.activity.value != activity:
            self.activity.value = activity  # shows its sessions and an empty form
        if chosen in {o[1] for o in self.sessions.options}:
            self.sessions.unobserve(self._on_pick, names="value")
            self.sessions.value = chosen
            self.sessions.observe(self._on_pick, names="value")
        self.date.text.value = date_text
        self.cost.value = cost
        for name, widget in self._texts().items():
            widget.value = texts[name]

    def _texts(self) -> dict[str, w.ValueWidget]:
        return {"men": self.men, "women": self.women, "output": self.output, "notes": self.notes}


class CashBookPanel(w.VBox):
    """The kas RT: the entry form (add, correct, delete), the balance it would give
    before saving, the current balance, the last entries with the running balance,
    and the book's checks."""

    RECENT = 12

    def __init__(self, session: PlanSession) -> None:
        self.session = session
        self.lang = session.lang
        self.editor = TableEditor(session, "ledger", id_prefix="K", row_label=self._row_label)
        self.preview = w.HTML()
        self.preview.add_class("rtplan-kas-preview")
        self.balance = w.HTML()
        self.balance.add_class("rtplan-kas-balance")
        self.recent = w.HTML()
        self.recent.add_class("rtplan-kas-recent")
        self.checks = w.HTML()
        self.checks.add_class("rtplan-kas-checks")
        for name in ("date", "income_idr", "expense_idr", "description", "proof"):
            self.editor.fields[name].observe(lambda _: self.show_preview(), names="value")
        self.editor.rows.observe(lambda _: self.show_preview(), names="value")
        session.on_change(lambda changed: self.refresh() if changed & {"ledger", "activities", "plan"} else None)
        super().__init__([w.HTML(str(fragment(_TITLE, text=t("ui.mon.kas.title", self.lang)))), self.balance,
                          self.editor, self.preview, self.recent, self.checks])
        self.add_class("rtplan-kas-panel")
        self.refresh()

    def _row_label(self, row: pd.Series) -> str:
        income = 0 if is_missing(row["income_idr"]) else int(row["income_idr"])
        expense = 0 if is_missing(row["expense_idr"]) else int(row["expense_idr"])
        day = "" if is_missing(row["date"]) else row["date"].date().isoformat()
        amount = format_idr(income - expense, self.session.lang)
        return f"{row['entry_id']} · {day} · {'+' if income > expense else ''}{amount}"

    def _settings(self) -> tuple[bool, tuple[dt.date, dt.date] | None]:
        plan = self.session.plan
        return KasSettings.from_meta(plan.meta).allow_negative, plan.period

    def refresh(self) -> None:
        """Show the saved book: balance, last entries, checks."""
        plan = self.session.plan
        the_book = book(plan["ledger"])
        closing = closing_balance(the_book)
        now = t("ui.mon.kas.balance_now", self.lang, amount=format_idr(closing, self.lang))
        self.balance.value = str(fragment("<b>{{ text }}</b>", text=now))
        recent = the_book.tail(self.RECENT)
        self.recent.value = str(to_html(book_view(recent, self.lang, only=BOOK_SHORT, table_id="rtplan-kas-recent",
                                                  caption=t("ui.mon.kas.recent", self.lang, n=len(recent)))))
        allow, period = self._settings()
        self.checks.value = str(checks_html(kas_checks(the_book, self.lang, allow_negative=allow, period=period),
                                            self.lang))
        self.show_preview()

    def show_preview(self) -> None:
        """What the balance would be if the form were saved (nothing is saved here)."""
        values = self.editor.form_values()
        numbers = [str(values.get(c) or "").strip() for c in ("income_idr", "expense_idr")]
        if is_missing(values.get("date")) or not any(numbers) or not all(n == "" or n.isdigit() for n in numbers):
            self.preview.value = ""
            return
        row = dict(values, income_idr=int(numbers[0] or 0), expense_idr=int(numbers[1] or 0))
        allow, period = self._settings()
        found = preview_entry(self.session.plan["ledger"], row, replace_id=self.editor.rows.value, lang=self.lang,
                              allow_negative=allow, period=period)
        text = t("ui.mon.kas.preview", self.lang, after=format_idr(found.balance_after_entry_idr, self.lang),
                 closing=format_idr(found.closing_balance_idr, self.lang))
        self.preview.value = str(fragment(
            "<div>{{ text }}</div>{% if warn %}<ul>{% for m in warn %}<li>⚠ {{ m }}</li>{% endfor %}</ul>{% endif %}",
            text=text, warn=[c.message for c in found.checks]))


class ProgressPanel(w.VBox):
    """Progress as of a date: totals, activities, needs, indicators and the sessions chart."""

    def __init__(self, session: PlanSession) -> None:
        self.session = session
        self.lang = session.lang
        self.as_of = DateInput(t("ui.mon.as_of", self.lang), self.lang, value=default_as_of(session.plan),
                               style=_STYLE, layout=_WIDE)
        self.as_of.add_class("rtplan-progress-as-of")
        self.tables = w.HTML()
        self.tables.add_class("rtplan-progress")
        self.chart = w.Output()
        self.as_of.observe(lambda _: self.refresh(), names="value")
        session.on_change(lambda changed: self.refresh() if changed & {"activities", "realizations", "needs", "ledger",
                                                                     "plan"} else None)
        super().__init__([w.HTML(str(fragment(_TITLE, text=t("ui.mon.progress.title", self.lang)))), self.as_of,
                          self.tables, self.chart])
        self.add_class("rtplan-progress-panel")
        self.refresh()

    def refresh(self) -> None:
        from rtplan.charts.monitoring import sessions_figure

        report = progress(self.session.plan, self.as_of.value or default_as_of(self.session.plan), self.lang)
        self.report = report
        self.tables.value = str(progress_html(report, self.lang))
        self.chart.clear_output(wait=True)
        with self.chart:
            from IPython.display import display

            display(sessions_figure(report, self.lang))


class KasReportPanel(w.VBox):
    """The cash report of a period (saldo awal, penerimaan, pengeluaran, saldo akhir),
    to read out at the musyawarah; the period defaults to the plan period."""

    def __init__(self, session: PlanSession) -> None:
        self.session = session
        self.lang = lang = session.lang
        start, end = default_period(session.plan)
        self.start = DateInput(t("ui.mon.from", lang), lang, value=start, style=_STYLE, layout=_WIDE)
        self.end = DateInput(t("ui.mon.to", lang), lang, value=end, style=_STYLE, layout=_WIDE)
        self.start.add_class("rtplan-kas-from")
        self.end.add_class("rtplan-kas-to")
        self.report = w.HTML()
        self.report.add_class("rtplan-kas-report")
        self.status = StatusLine()
        for picker in (self.start, self.end):
            picker.observe(lambda _: self.refresh(), names="value")
        session.on_change(lambda changed: self.refresh() if changed & {"ledger", "activities", "plan"} else None)
        super().__init__([w.HTML(str(fragment(_TITLE, text=t("ui.mon.report.title", lang)))), self.start, self.end,
                          self.status, self.report])
        self.add_class("rtplan-kas-report-panel")
        self.refresh()

    def refresh(self) -> None:
        unreadable = input_errors((self.start, self.end), self.lang)
        if unreadable:  # a date typed wrong: keep the last report
            self.status.error(unreadable)
            return
        try:
            summary = kas_summary(self.session.plan, self.start.value, self.end.value, self.lang)
        except RtplanError as exc:  # the period ends before it starts: keep the last report
            self.status.error([str(exc)])
            return
        self.summary = summary
        self.status.clear()
        self.report.value = str(kas_html(summary, self.lang, with_book=True))


def step4(plan: str | Path | Plan | PlanSession, lang: str | None = None) -> w.Tab:
    """The whole step 4 as tabs: record a session, cash book, progress, cash report.

    Parameters
    ----------
    plan : the plan folder (or a loaded plan, or an open session).
    lang : ``"id"`` or ``"en"`` (default: the plan's language).
    """
    session = open_session(plan, lang)
    lang = session.lang
    return step_tabs(session, [
        ("record", t("ui.mon.tab.record", lang), lambda: RecordSessionPanel(session)),
        ("kas", t("ui.mon.tab.kas", lang), lambda: CashBookPanel(session)),
        ("progress", t("ui.mon.tab.progress", lang), lambda: ProgressPanel(session)),
        ("report", t("ui.mon.tab.report", lang), lambda: KasReportPanel(session)),
    ], 4, beside={  # how far the plan is beside the record of a session, the balance beside the cash book
        "record": lambda: LiveResult(session, progress_glance, ("realizations", "activities", "meetings")),
        "kas": lambda: LiveResult(session, kas_glance, ("ledger",)),
    })


__all__ = ["CashBookPanel", "KasReportPanel", "ProgressPanel", "RecordSessionPanel", "step4"]
