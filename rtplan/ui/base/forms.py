"""The pieces of a form: the status line, one field per schema column, the confirm bar,
and the safety net that keeps typed values when a save is refused.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import ipywidgets as w
import pandas as pd

from rtplan.form_messages import still_used
from rtplan.messages import t
from rtplan.plan import Plan
from rtplan.render import fragment
from rtplan.schema import TABLES, Column, split_list
from rtplan.tables import is_missing
from rtplan.ui.base.session import PlanSession, UndoPoint
from rtplan.ui.inputs import ConsentInput, DateInput, MoneyInput, read_money


class StatusLine(w.HTML):
    """A one-line message under a form: green when saved, red with the problems."""

    def __init__(self) -> None:
        super().__init__(value="")
        self.add_class("rtplan-status")
        self.kind = ""

    def ok(self, text: str) -> None:
        self.kind = "ok"
        self.value = f'<div style="color:#17612e">✔ {html.escape(text)}</div>'

    def error(self, messages: Sequence[str]) -> None:
        self.kind = "error"
        items = "".join(f"<li>{html.escape(m)}</li>" for m in messages)
        self.value = f'<div style="color:#a4161a"><b>✘</b><ul style="margin:0">{items}</ul></div>'

    def clear(self) -> None:
        self.kind = ""
        self.value = ""

    @property
    def text(self) -> str:
        """The message without markup (for tests and logs)."""
        import re

        return html.unescape(re.sub(r"<[^>]+>", " ", self.value)).strip()


def _layout(width: str = "460px") -> w.Layout:
    return w.Layout(width=width)


_STYLE = {"description_width": "150px"}


# the hint in an empty field by the column's kind (static keys, so tools can extract them)
HINT_KEYS = {"time": "ui.hint.time", "money": "ui.hint.money", "int": "ui.hint.int", "list": "ui.hint.list"}


def pick_several_hint(lang: str, indent: bool = True) -> w.HTML:
    """The line under a list where several can be chosen: how to choose more than one
    (``indent``: under a field with a label to its left)."""
    hint = w.HTML(fragment('<div style="margin-left:{{ left }}px;color:#444;font-style:italic">{{ text }}</div>',
                           text=t("ui.pick_several", lang), left=158 if indent else 0))
    hint.add_class("rtplan-pick-several")
    return hint


def field_for(column: Column, session: PlanSession, lang: str) -> w.ValueWidget:
    """The input widget for one column, chosen from its declaration."""
    text = column.label[lang] + (" *" if column.required else "")
    common: dict[str, Any] = {"description": text, "style": _STYLE, "layout": _layout()}
    if column.ref is not None and column.kind in ("id", "list"):
        options = reference_options(session.plan, column.ref[0], lang)
        options += [(v, v) for v in column.ref_extra]
        if column.kind == "list":
            return w.SelectMultiple(options=options, rows=min(6, max(2, len(options))), **common)
        return w.Dropdown(options=[("—", ""), *options], value="", **common)
    if column.kind == "bool" and column.name == "consent":  # asked, never a silent default
        return ConsentInput(column.label[lang], lang, style=_STYLE, layout=_layout())
    if column.kind == "bool":
        return w.Checkbox(value=False, indent=True, description=text, style=_STYLE, layout=_layout())
    if column.kind == "date":
        return DateInput(column.label[lang], lang, required=column.required, style=_STYLE, layout=_layout())
    if column.kind == "money":
        return MoneyInput(column.label[lang], lang, required=column.required, style=_STYLE, layout=_layout())
    if column.allowed:
        return w.Dropdown(options=[("—", "")] + [(v, v) for v in column.allowed], value="", **common)
    if column.suggested:
        return w.Combobox(options=list(column.suggested), value="", ensure_option=False, **common)
    # a hint, never something that reads as a value (grey on the projector, see rtplan.css)
    hint = HINT_KEYS.get(column.kind)
    placeholder = t(hint, lang) if hint else ""
    if column.private:
        placeholder = t("ui.private_placeholder", lang)
    if column.name in ("description", "agenda", "text", "notes", "output", "decision"):
        return w.Textarea(value="", placeholder=placeholder, rows=2, **common)
    return w.Text(value="", placeholder=placeholder, **common)


def reference_options(plan: Plan, table: str, lang: str) -> list[tuple[str, str]]:
    """``[(label, id)]`` for picking a row of ``table`` (id plus its name or title)."""
    tbl = TABLES[table]
    frame = plan[table]
    key = tbl.key[0]
    name_col = next((c for c in ("name", "title", "text") if c in frame.columns), None)
    out = []
    for _, row in frame.iterrows():
        ident = str(row[key])
        label = f"{ident} · {row[name_col]}" if name_col and not is_missing(row[name_col]) else ident
        out.append((label, ident))
    return out


def widget_value(column: Column, widget: w.ValueWidget) -> object:
    """A widget's value as the table cell it becomes (text for numbers: storage checks it)."""
    if isinstance(widget, ConsentInput):
        return widget.answer
    value = widget.value
    if column.kind == "list":
        return ";".join(value) if isinstance(value, (tuple, list)) else str(value or "")
    if column.kind == "date":
        return pd.Timestamp(value) if value else pd.NaT
    if column.kind == "money":  # whole Rupiah; unreadable text stays as typed (the form refuses it)
        reading = read_money(value)
        return reading.value if reading.value is not None else ("" if reading.error is None else str(value).strip())
    if column.kind == "bool":
        return bool(value)
    if isinstance(value, str):
        return value.strip()
    return value


def set_widget_value(column: Column, widget: w.ValueWidget, value: object) -> None:
    """Show a table cell in its widget."""
    if column.kind == "list" and isinstance(widget, w.SelectMultiple):
        known = {opt[1] if isinstance(opt, tuple) else opt for opt in widget.options}
        widget.value = tuple(v for v in split_list(value) if v in known)
    elif isinstance(widget, (DateInput, MoneyInput)):
        widget.show(None if is_missing(value) else value)
    elif isinstance(widget, ConsentInput):
        widget.show(None if is_missing(value) else bool(value))
    elif column.kind == "date":
        widget.value = None if is_missing(value) else pd.Timestamp(value).date()
    elif column.kind == "bool":
        widget.value = False if is_missing(value) else bool(value)
    elif isinstance(widget, w.Dropdown):
        options = [opt[1] if isinstance(opt, tuple) else opt for opt in widget.options]
        text = "" if is_missing(value) else str(value)
        if text not in options:  # keep an unknown value visible instead of dropping it
            widget.options = [*widget.options, (text, text)]
        widget.value = text
    elif isinstance(widget, w.IntSlider):  # an empty cell shows the middle of the scale
        number = (widget.min + widget.max) // 2 if is_missing(value) else int(value)  # type: ignore[call-overload]
        widget.value = max(widget.min, min(widget.max, number))
    else:
        widget.value = "" if is_missing(value) else str(value)


class ConfirmBar(w.VBox):
    """A question under a form with "Ya, hapus" / "Batal": only "Ya" runs the action."""

    def __init__(self, lang: str, name: str = "", yes_text: str | None = None, icon: str = "trash") -> None:
        self.lang = lang
        self.question = w.HTML()
        self.yes = w.Button(description=yes_text or t("ui.confirm_yes", lang), icon=icon, button_style="danger")
        self.no = w.Button(description=t("ui.confirm_no", lang))
        for b, kind in ((self.yes, "yes"), (self.no, "no")):
            b.add_class(f"rtplan-confirm-{kind}" + (f"-{name}" if name else ""))
        self._action: Callable[[], object] | None = None
        self.yes.on_click(lambda _: self._answer(True))
        self.no.on_click(lambda _: self._answer(False))
        super().__init__([self.question, w.HBox([self.yes, self.no])])
        self.add_class("rtplan-confirm")
        self.hide()

    @property
    def asking(self) -> bool:
        return self._action is not None

    def ask(self, text: str, action: Callable[[], object]) -> None:
        """Show ``text`` and run ``action`` only when "Ya" is clicked."""
        self._action = action
        self.question.value = str(fragment(_QUESTION, text=text))
        self.layout.display = None

    def hide(self) -> None:
        self._action = None
        self.question.value = ""
        self.layout.display = "none"

    def _answer(self, yes: bool) -> None:
        action = self._action
        self.hide()
        if yes and action is not None:
            action()


_QUESTION = '<div style="color:#8a4b00"><b>?</b> {{ text }}</div>'
_DRAFT_NOTE = '<div style="color:#8a4b00"><i>{{ text }}</i></div>'


def draft_note(text: str) -> str:
    """The "belum disimpan" note shown next to unsaved typing (empty text: no note)."""
    return str(fragment(_DRAFT_NOTE, text=text)) if text else ""


def used_by(plan: Plan, table: str, ident: str, lang: str) -> str:
    """Why row ``ident`` cannot be deleted yet, in the words a refused save uses ("3 skor
    USG dan 2 suara masih memakai kebutuhan 'Got mampet', ..."); "" when nothing uses it."""
    return still_used(plan.tables, table, ident, lang)


class SafetyNet:
    """"Urungkan" and "Muat ulang" for any panel that saves through its session.

    A panel mixes this in, calls :meth:`safety_net` once (it makes ``undo_button`` and
    ``reload_button``, classes ``rtplan-undo-<name>`` / ``rtplan-reload-<name>``, and
    returns them in a row to place under the form) and saves with :meth:`save_updates`.

    * "Urungkan" undoes the panel's last saved change from the plan's history
      (:meth:`PlanSession.undo`); refused when the table changed again since.
    * "Muat ulang" shows after a refusal because the plan changed on disk (another
      kernel, another person): it loads the plan again and puts back what was typed.
    * A table found empty when the plan was loaded, while its history holds rows
      (another program was writing it, or someone emptied it by hand), is said under the
      form; a save over it is refused and asks first ("Ya, simpan"): only then is it
      saved. "Muat ulang" reads it again (the other program may have finished).
      A panel whose refresh rebuilds its inputs keeps its typing with :meth:`typing`
      and :meth:`restore_typing`; :meth:`after_undo` shows the restored data.
    """

    session: PlanSession
    lang: str
    status: StatusLine
    undo_button: w.Button
    reload_button: w.Button
    _undo: UndoPoint | None

    def safety_net(self, name: str) -> w.Box:
        """Make the two buttons (and the confirm step for a table found empty); the row to
        show them in."""
        self.undo_button = w.Button(description=t("ui.undo", self.lang), icon="undo", disabled=True)
        self.reload_button = w.Button(description=t("ui.reload", self.lang), icon="refresh", button_style="warning",
                                      layout=w.Layout(display="none"))
        self.undo_button.add_class(f"rtplan-undo-{name}")
        self.reload_button.add_class(f"rtplan-reload-{name}")
        self._undo = None
        self.undo_button.on_click(lambda _: self.undo())
        self.reload_button.on_click(lambda _: self.reload())
        self.emptied_confirm = ConfirmBar(self.lang, f"emptied-{name}", yes_text=t("ui.emptied_save_yes", self.lang),
                                          icon="save")
        self.emptied_confirm.remove_class("rtplan-confirm")  # not the delete question pages look for
        self.emptied_confirm.add_class("rtplan-confirm-emptied")
        self.emptied_note = w.HTML()
        self.emptied_note.add_class(f"rtplan-emptied-{name}")
        self._net_name = name
        self._show_emptied()
        return w.VBox([w.HBox([self.undo_button, self.reload_button]), self.emptied_note, self.emptied_confirm])

    def _show_emptied(self) -> None:
        """Say under the form that this panel's table was found empty (see :attr:`Plan.emptied`)."""
        plan = self.session.plan
        name = getattr(self, "_net_name", "")
        notes = [p.message for p in plan.load_problems if p.rule == "emptied" and p.file == f"{name}.csv"
                 and name in plan.emptied]
        self.emptied_note.value = "".join(draft_note(n) for n in notes)

    def save_updates(self, updates: Mapping[str, pd.DataFrame], meta: Mapping[str, Any] | None = None,
                     force: bool = False) -> bool:
        """Save through the session: ``True`` when saved (the caller then says what was saved),
        else the refusal is shown (with "Muat ulang" when someone else changed the plan, and
        the confirm step when a table to save was found empty)."""
        self.emptied_confirm.hide()
        problems = self.session.save(updates, meta, force=force)
        if problems:
            self.status.error(problems)
            self._after_refusal()
            if self.session.refused_emptied:
                self.ask_emptied(self.session.refused_emptied, lambda: self._save_confirmed(updates, meta))
            return False
        self._after_save()
        return True

    def ask_emptied(self, emptied: Mapping[str, int], retry: Callable[[], object]) -> None:
        """Ask before writing over the tables ``emptied`` (name -> rows of their last
        version); "Ya, simpan" runs ``retry`` (which saves with the person's consent)."""
        question = " ".join(t("ui.emptied_confirm", self.lang, table=name, rows=rows)
                            for name, rows in emptied.items())
        self.emptied_confirm.ask(question, retry)

    def _save_confirmed(self, updates: Mapping[str, pd.DataFrame], meta: Mapping[str, Any] | None) -> None:
        """The person confirmed writing over a table found empty."""
        if self.save_updates(updates, meta, force=True):
            self._show_emptied()
            self.status.ok(t("ui.emptied_saved", self.lang))

    def _after_save(self) -> None:
        self._undo = self.session.last_undo
        self.undo_button.disabled = self._undo is None
        self.reload_button.layout.display = "none"

    def _after_refusal(self) -> None:
        if self.session.refused_concurrent or self.session.refused_emptied:
            self.reload_button.layout.display = None

    def typing(self) -> object:
        """What is typed and not saved, kept over "Muat ulang" (default: nothing to keep)."""
        return None

    def restore_typing(self, typed: object) -> None:
        """Put back what :meth:`typing` kept, after the plan was loaded again."""

    def after_undo(self) -> None:
        """Show the data the undo brought back (panels that do not follow every change)."""

    def undo(self) -> bool:
        """Undo this panel's last saved change (from the plan's history); ``True`` when done."""
        problems = self.session.undo(self._undo) if self._undo is not None else [t("ui.undo_nothing", self.lang)]
        if problems:
            self.status.error(problems)
            self._after_refusal()
            return False
        self._undo = None
        self.undo_button.disabled = True
        self.after_undo()
        self.status.ok(t("ui.undone", self.lang))
        return True

    def reload(self) -> None:
        """Load the plan again from disk and keep what is typed."""
        typed = self.typing()
        self.session.reload()
        self._undo = None
        self.undo_button.disabled = True
        self.restore_typing(typed)
        self.reload_button.layout.display = "none"
        self.emptied_confirm.hide()
        self._show_emptied()
        self.status.ok(t("ui.reloaded", self.lang))
