"""Step 0 panels: RT profile, participants, meetings, attendance, participation summary."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, cast

import ipywidgets as w

from rtplan.charts import participation_figure
from rtplan.messages import t
from rtplan.plan import Plan
from rtplan.profile import set_attendance
from rtplan.render import fragment
from rtplan.render.profile import participation_html
from rtplan.schema import META_FIELDS, MetaField
from rtplan.ui.base import (
    _STYLE,
    LiveResult,
    PlanSession,
    SafetyNet,
    StatusLine,
    TableEditor,
    draft_note,
    open_session,
    step_tabs,
)
from rtplan.ui.inputs import DateInput, input_errors
from rtplan.views.glance import attendance_glance, participants_glance
from rtplan.views.profile import participation_summary

_TITLE = "<h3>{{ text }}</h3>"
# the plan's language by name (static keys, so tools can extract them)
LANGUAGE_LABELS = {"id": "ui.lang.id", "en": "ui.lang.en"}


class ProfileForm(SafetyNet, w.VBox):
    """The settings of ``plan.toml``: title, area, officers, period, households."""

    def __init__(self, session: PlanSession) -> None:
        self.session = session
        self.lang = session.lang
        self.fields: dict[str, w.ValueWidget] = {}
        for f in META_FIELDS:
            if f.key == "schema_version":
                continue
            self.fields[f.path] = self._widget(f)
            self.fields[f.path].add_class(f"rtplan-meta-{f.path.replace('.', '-')}")
        self.save_button = w.Button(description=t("ui.save", self.lang), icon="check", button_style="success")
        self.save_button.add_class("rtplan-save-profile")
        self.save_button.on_click(lambda _: self.save())
        self.status = StatusLine()
        safety = self.safety_net("profile")
        super().__init__([w.HTML(str(fragment(_TITLE, text=t("ui.profile.title", self.lang)))), *self.fields.values(),
                          w.HBox([self.save_button, safety]), self.status])
        self.show()

    def _widget(self, f: MetaField) -> w.ValueWidget:
        text = f.label[self.lang] + (" *" if f.required else "")
        common: dict[str, Any] = {"description": text, "style": _STYLE, "layout": w.Layout(width="460px")}
        if f.kind == "date":
            return DateInput(f.label[self.lang], self.lang, required=f.required, style=_STYLE,
                             layout=w.Layout(width="460px"))
        if f.allowed and f.key == "language":
            return w.Dropdown(options=[(t(LANGUAGE_LABELS.get(v, v), self.lang), v) for v in f.allowed], **common)
        if f.allowed:
            return w.Dropdown(options=list(f.allowed), **common)
        return w.Text(**common)

    def show(self) -> None:
        """Show the saved settings."""
        meta = self.session.plan.meta
        for f in META_FIELDS:
            if f.path not in self.fields:
                continue
            section = meta.get(f.section, {}) if f.section else meta
            value = section.get(f.key) if isinstance(section, dict) else None
            widget = self.fields[f.path]
            if isinstance(widget, DateInput):
                widget.show(value if isinstance(value, dt.date) else None)
            elif f.allowed:
                widget.value = value if value in f.allowed else f.allowed[0]
            else:
                widget.value = "" if value is None else str(value)

    def form_meta(self) -> dict[str, Any]:
        """The form as ``plan.toml`` settings (numbers parsed; bad ones left for the check)."""
        meta: dict[str, Any] = {k: (dict(v) if isinstance(v, dict) else v) for k, v in self.session.plan.meta.items()}
        for f in META_FIELDS:
            if f.path not in self.fields:
                continue
            value: Any = self.fields[f.path].value
            if f.kind == "int":
                text = str(value).strip().replace(".", "")
                value = int(text) if text.lstrip("-").isdigit() else (None if not text else str(value))
            elif isinstance(value, str):
                value = value.strip()
            target = meta.setdefault(f.section, {}) if f.section else meta
            if value is None:
                target.pop(f.key, None)
            else:
                target[f.key] = value
        return meta

    def save(self) -> bool:
        unreadable = input_errors(self.fields.values(), self.lang)
        if unreadable:  # one message per field typed wrong, nothing saved
            self.status.error(unreadable)
            return False
        if not self.save_updates({}, meta=self.form_meta()):
            return False
        self.status.ok(t("ui.saved", self.lang))
        return True

    def after_undo(self) -> None:
        self.show()


class AttendancePanel(SafetyNet, w.VBox):
    """Tick who came to a meeting (a big checkbox per participant), then save."""

    def __init__(self, session: PlanSession) -> None:
        self.session = session
        self.lang = session.lang
        self.meeting = w.Dropdown(description=t("ui.attendance.meeting", self.lang), style=_STYLE,
                                  layout=w.Layout(width="460px"))
        self.meeting.add_class("rtplan-attendance-meeting")
        self.boxes: dict[str, w.Checkbox] = {}
        self.grid = w.GridBox(layout=w.Layout(grid_template_columns="repeat(auto-fill, minmax(290px, 1fr))"))
        self.count = w.HTML()
        self.save_button = w.Button(description=t("ui.save", self.lang), icon="check", button_style="success")
        self.save_button.add_class("rtplan-save-attendance")
        self.save_button.on_click(lambda _: self.save())
        self.status = StatusLine()
        safety = self.safety_net("attendance")
        #: ticks changed but not saved, per meeting (kept when another meeting is picked)
        self.drafts: dict[str, set[str]] = {}
        self.draft_note = w.HTML()
        self.draft_note.add_class("rtplan-attendance-draft")
        self._shown: str | None = None
        self.meeting.observe(self._on_meeting, names="value")
        session.on_change(self._on_change)
        super().__init__([w.HTML(str(fragment(_TITLE, text=t("ui.attendance.title", self.lang)))), self.meeting,
                          self.draft_note, self.count, self.grid, w.HBox([self.save_button, safety]), self.status])
        self.refresh()

    def _on_change(self, changed: set[str]) -> None:
        if changed & {"participants", "meetings", "attendance"}:
            self.refresh()

    def refresh(self) -> None:
        plan = self.session.plan
        keep = self.meeting.value
        options = [(f"{m.meeting_id} · {m.title}", m.meeting_id) for m in plan["meetings"].itertuples()]
        self.meeting.options = options
        ids = [o[1] for o in options]
        self.meeting.value = keep if keep in ids else (ids[-1] if ids else None)
        self.boxes = {}
        for p in plan["participants"].itertuples():
            box = w.Checkbox(description=f"{p.participant_id} · {p.name}", indent=False,
                             layout=w.Layout(width="290px"))
            box.add_class(f"rtplan-present-{p.participant_id}")
            box.observe(lambda _: self._count(), names="value")
            self.boxes[str(p.participant_id)] = box
        self.grid.children = list(self.boxes.values())
        self.show()

    def _saved(self, meeting: object) -> set[str]:
        att = self.session.plan["attendance"]
        return set(att[att["meeting_id"] == meeting]["participant_id"].astype(str))

    def _on_meeting(self, change: dict[str, object]) -> None:
        """Another meeting picked: keep the ticks of the previous one as a draft."""
        if self._shown is not None:
            ticked = {pid for pid, box in self.boxes.items() if box.value}
            if ticked != self._saved(self._shown) & set(self.boxes):
                self.drafts[self._shown] = ticked
            else:
                self.drafts.pop(self._shown, None)
        self.show()

    def show(self) -> None:
        """Tick the saved attendance of the chosen meeting (or its unsaved draft)."""
        meeting = self.meeting.value
        present = self.drafts.get(str(meeting), self._saved(meeting))
        for pid, box in self.boxes.items():
            box.value = pid in present
        self._shown = None if meeting is None else str(meeting)
        self.draft_note.value = draft_note(
            t("ui.draft", self.lang, items=", ".join(sorted(self.drafts))) if self.drafts else "")
        self._count()
        self.status.clear()

    def _count(self) -> None:
        n = sum(b.value for b in self.boxes.values())
        self.count.value = t("ui.attendance.count", self.lang, n=n)

    def save(self) -> bool:
        meeting = self.meeting.value
        if meeting is None:
            self.status.error([t("ui.attendance.no_meeting", self.lang)])
            return False
        ticked = [pid for pid, box in self.boxes.items() if box.value]
        if not self.save_updates({"attendance": set_attendance(self.session.table("attendance"), meeting, ticked)}):
            return False
        self.drafts.pop(str(meeting), None)
        self.draft_note.value = draft_note(
            t("ui.draft", self.lang, items=", ".join(sorted(self.drafts))) if self.drafts else "")
        self.status.ok(t("ui.attendance.saved", self.lang, n=len(ticked), meeting=meeting))
        return True

    def typing(self) -> object:
        return self.meeting.value, {pid for pid, box in self.boxes.items() if box.value}

    def restore_typing(self, typed: object) -> None:
        meeting, ticked = cast("tuple[Any, ...]", typed)
        if meeting in {o[1] for o in self.meeting.options}:
            self._shown = None  # the ticks on screen are the ones kept here, not a draft of another meeting
            self.meeting.value = meeting
            for pid, box in self.boxes.items():
                box.value = pid in ticked


class ParticipationSummary(w.VBox):
    """Who took part, by sex, age band and unsur, per meeting: tables and a chart, live."""

    def __init__(self, session: PlanSession) -> None:
        self.session = session
        self.tables = w.HTML()
        self.tables.add_class("rtplan-participation")
        self.chart = w.Output()
        session.on_change(lambda changed: self.refresh() if changed & {"participants", "meetings", "attendance"}
                          else None)
        super().__init__([w.HTML(str(fragment(_TITLE, text=t("ui.summary.title", session.lang)))), self.tables,
                          self.chart])
        self.refresh()

    def refresh(self) -> None:
        self.tables.value = str(participation_html(participation_summary(self.session.plan, self.session.lang)))
        self.chart.clear_output(wait=True)
        with self.chart:
            from IPython.display import display

            display(participation_figure(self.session.plan, self.session.lang))


def step0(plan: str | Path | Plan | PlanSession, lang: str | None = None) -> w.Tab:
    """The whole step 0 as tabs: profile, participants, meetings, attendance, summary.

    Parameters
    ----------
    plan : the plan folder (or a loaded plan, or an open session).
    lang : ``"id"`` or ``"en"`` (default: the plan's language).
    """
    session = open_session(plan, lang)
    lang = session.lang
    return step_tabs(session, [
        ("profile", t("ui.tab.profile", lang), lambda: ProfileForm(session)),
        ("participants", t("ui.tab.participants", lang), lambda: TableEditor(session, "participants", id_prefix="P")),
        ("meetings", t("ui.tab.meetings", lang), lambda: TableEditor(session, "meetings", id_prefix="M", id_width=2)),
        ("attendance", t("ui.tab.attendance", lang), lambda: AttendancePanel(session)),
        ("summary", t("ui.tab.summary", lang), lambda: ParticipationSummary(session)),
    ], 0, beside={  # who is listed beside the participants form, who came beside the daftar hadir
        "participants": lambda: LiveResult(session, participants_glance, ("participants",)),
        "attendance": lambda: LiveResult(session, attendance_glance, ("attendance", "meetings", "participants")),
    })


__all__ = ["AttendancePanel", "ParticipationSummary", "ProfileForm", "step0"]
