"""The add / edit / remove form for any table of the schema (its fields come from the
column declarations: labels, allowed values, references).
"""

from __future__ import annotations

import contextlib
import html
from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

import ipywidgets as w
import pandas as pd

from rtplan.messages import t, tn
from rtplan.schema import TABLES, Table
from rtplan.tables import is_missing
from rtplan.ui.base.forms import (
    ConfirmBar,
    SafetyNet,
    StatusLine,
    field_for,
    pick_several_hint,
    reference_options,
    set_widget_value,
    used_by,
    widget_value,
)
from rtplan.ui.base.session import PlanSession
from rtplan.ui.inputs import ConsentInput, input_errors


class TableEditor(SafetyNet, w.VBox):
    """Add, edit and remove the rows of one table.

    The list on the left shows the saved rows; the form shows the chosen row. "Simpan"
    saves the form (new or edited row), "Hapus" removes the chosen row, "Baru" empties
    the form with the next free id. Every change is saved through storage at once.

    Parameters
    ----------
    session : the open plan.
    table : a table name of :data:`rtplan.schema.TABLES` with a one-column key.
    columns : the columns to show (default: all).
    id_prefix : prefix for new ids (``P`` gives ``P031``).
    row_label : how a row appears in the list (default: id and name/title).
    widgets : column name -> a widget to use instead of the one the declaration gives
        (e.g. a 1-5 slider); its value is read and set like any other field.
    """

    def __init__(
        self,
        session: PlanSession,
        table: str,
        columns: Sequence[str] | None = None,
        id_prefix: str | None = None,
        id_width: int = 3,
        row_label: Callable[[pd.Series], str] | None = None,
        widgets: Mapping[str, w.ValueWidget] | None = None,
    ) -> None:
        self.session = session
        self.lang = session.lang
        self.spec: Table = TABLES[table]
        self.key = self.spec.key[0]
        self.id_prefix = id_prefix
        self.id_width = id_width
        self.row_label = row_label
        names = list(columns) if columns else self.spec.column_names
        self.columns = [self.spec.column(n) for n in names]
        given = dict(widgets or {})
        self.fields = {c.name: given.get(c.name) or field_for(c, session, self.lang) for c in self.columns}
        for name, f in self.fields.items():
            f.add_class(f"rtplan-field-{name}")
        self.rows = w.Select(options=[], rows=12, layout=w.Layout(width="300px"))
        self.rows.add_class(f"rtplan-rows-{table}")
        self.new_button = w.Button(description=t("ui.new", self.lang), icon="plus")
        self.save_button = w.Button(description=t("ui.save", self.lang), icon="check", button_style="success")
        self.delete_button = w.Button(description=t("ui.delete", self.lang), icon="trash", button_style="danger")
        for b, name in ((self.new_button, "new"), (self.save_button, "save"), (self.delete_button, "delete")):
            b.add_class(f"rtplan-{name}-{table}")
        self.status = StatusLine()
        self.confirm = ConfirmBar(self.lang, table)
        self.safety_net(table)
        self._undo_row: str | None = None  # the row of the last save or delete (shown after "Urungkan")
        self.title = w.HTML(f"<h3>{html.escape(self.spec.label[self.lang])}</h3>")
        self.count = w.HTML()
        self.rows.observe(self._on_pick, names="value")
        self.new_button.on_click(lambda _: self.start_new())
        self.save_button.on_click(lambda _: self.save())
        self.delete_button.on_click(lambda _: self.delete())
        session.on_change(self._on_plan_change)
        shown: list[w.Widget] = []
        for field in self.fields.values():  # a list where several can be chosen says how
            shown.append(field)
            if isinstance(field, w.SelectMultiple):
                shown.append(pick_several_hint(self.lang))
        form = w.VBox([*shown, w.HBox([self.save_button, self.new_button, self.delete_button,
                                                      self.undo_button]),
                       self.confirm, self.emptied_note, self.emptied_confirm, self.status, self.reload_button])
        super().__init__([self.title, self.count, w.HBox([w.VBox([self.rows]), form])])
        self.add_class(f"rtplan-editor-{table}")
        self.refresh()
        self.start_new()

    # -- reading the saved table ------------------------------------------------
    def _label(self, row: pd.Series) -> str:
        if self.row_label:
            return self.row_label(row)
        name_col = next((c for c in ("name", "title", "text") if c in row.index), None)
        ident = str(row[self.key])
        return f"{ident} · {row[name_col]}" if name_col else ident

    def refresh(self) -> None:
        """Show the saved rows (and refresh reference lists in the form)."""
        frame = self.session.plan[self.spec.name]
        chosen = self.rows.value
        self.rows.unobserve(self._on_pick, names="value")
        self.rows.options = [(self._label(r), str(r[self.key])) for _, r in frame.iterrows()]
        self.rows.value = chosen if chosen in set(frame[self.key].astype(str)) else None
        self.rows.observe(self._on_pick, names="value")
        self.count.value = tn("ui.count", len(frame), self.lang)
        for c in self.columns:
            if c.ref is not None and c.kind in ("id", "list"):
                widget = self.fields[c.name]
                keep = widget.value
                options = reference_options(self.session.plan, c.ref[0], self.lang) + [(v, v) for v in c.ref_extra]
                widget.options = options if c.kind == "list" else [("—", ""), *options]
                valid = {o[1] for o in widget.options}
                widget.value = tuple(v for v in keep if v in valid) if c.kind == "list" else (
                    keep if keep in valid else "")

    def _on_plan_change(self, changed: set[str]) -> None:
        refs = {c.ref[0] for c in self.columns if c.ref}
        if changed & ({self.spec.name} | refs):
            self.refresh()

    def _on_pick(self, change: dict[str, Any]) -> None:
        if change["new"] is not None:
            self.load_row(change["new"])

    def load_row(self, ident: str) -> None:
        """Show the saved row ``ident`` in the form."""
        frame = self.session.plan[self.spec.name]
        match = frame[frame[self.key].astype(str) == ident]
        if match.empty:
            return
        row = match.iloc[0]
        for c in self.columns:
            set_widget_value(c, self.fields[c.name], row[c.name])
        self.fields[self.key].disabled = True
        self.status.clear()

    def start_new(self) -> None:
        """Empty the form for a new row, with the next free id."""
        self.rows.value = None
        for c in self.columns:
            set_widget_value(c, self.fields[c.name], None)
            if isinstance(self.fields[c.name], ConsentInput):
                self.fields[c.name].ask()  # a new person: the question is asked, not answered for them
        key_field = self.fields[self.key]
        key_field.disabled = False
        if self.id_prefix:
            from rtplan.profile import next_id

            key_field.value = next_id(self.session.plan[self.spec.name][self.key], self.id_prefix, self.id_width)
        self.status.clear()

    # -- writing ------------------------------------------------------------------
    def form_values(self) -> dict[str, object]:
        """The form as a row: column name -> cell value."""
        return {c.name: widget_value(c, self.fields[c.name]) for c in self.columns}

    def form_table(self) -> pd.DataFrame:
        """The saved table with the form applied: the chosen row replaced, or a new row added."""
        values = self.form_values()
        frame = self.session.table(self.spec.name)
        editing = self.rows.value
        if editing is not None:
            position = frame.index[frame[self.key].astype(str) == editing]
            frame = frame.astype(dict.fromkeys(values, "object"))
            for col, value in values.items():
                frame.loc[position, col] = value
            return frame
        return pd.concat([frame.astype("object"), pd.DataFrame([values]).astype("object")], ignore_index=True)

    def save(self) -> bool:
        """Save the form as a new row or over the chosen row; ``True`` when saved."""
        unreadable = input_errors(self.fields.values(), self.lang)
        if unreadable:  # one message per field typed wrong, nothing saved
            self.status.error(unreadable)
            return False
        key_value = self.form_values()[self.key]
        if is_missing(key_value):  # an empty form is no row: say which field to fill
            label = self.spec.column(self.key).label_text(self.lang)
            self.status.error([t("ui.input.bad", self.lang, label=label, reason=t("rule.required", self.lang))])
            return False
        ident = str(key_value)
        self._undo_row = ident
        if not self.save_updates({self.spec.name: self.form_table()}):
            return False
        self.rows.value = ident
        self.status.ok(t("ui.saved_row", self.lang, id=ident))
        return True

    def delete(self) -> bool:
        """Ask first, naming the row; "Ya, hapus" then removes it (see :meth:`delete_now`).

        A row other tables still use is not deleted (nothing is asked): the refusal says
        how many rows of which tables use it, to be removed or changed first. Returns
        ``True`` when the question is shown.
        """
        ident = self.rows.value
        self.confirm.hide()
        if ident is None:
            self.status.error([t("ui.pick_first", self.lang)])
            return False
        used = used_by(self.session.plan, self.spec.name, ident, self.lang)
        if used:
            self.status.error([used])
            return False
        frame = self.session.plan[self.spec.name]
        match = frame[frame[self.key].astype(str) == ident]
        label = self._label(match.iloc[0]) if not match.empty else ident
        self.status.clear()
        self.confirm.ask(t("ui.confirm_delete", self.lang, row=label), lambda: self.delete_now(ident))
        return True

    def delete_now(self, ident: str) -> bool:
        """Remove row ``ident`` at once (what "Ya, hapus" does); refused when still used."""
        frame = self.session.table(self.spec.name)
        self._undo_row = ident
        if not self.save_updates({self.spec.name: frame[frame[self.key].astype(str) != ident]}):
            return False
        self.start_new()
        self.status.ok(t("ui.deleted_row", self.lang, id=ident))
        return True

    # -- the safety net: undo, reload (SafetyNet) --------------------------------------
    def undo(self) -> bool:
        self.confirm.hide()
        return super().undo()

    def after_undo(self) -> None:
        """Show the row the undo brought back or changed; an undone new row leaves an empty form."""
        ident = self._undo_row
        if ident is not None and ident in {o[1] for o in self.rows.options}:
            if self.rows.value == ident:
                self.load_row(ident)
            else:
                self.rows.value = ident  # a deleted row is back: show it (not a new row with its id)
        else:
            self.start_new()

    def typing(self) -> object:
        return ({name: f.value for name, f in self.fields.items()}, self.rows.value, self.fields[self.key].disabled)

    def restore_typing(self, typed: object) -> None:
        values, chosen, key_disabled = cast("tuple[Any, ...]", typed)
        self.rows.unobserve(self._on_pick, names="value")
        valid = {o[1] for o in self.rows.options}
        self.rows.value = chosen if chosen in valid else None
        self.rows.observe(self._on_pick, names="value")
        for name, value in values.items():
            with contextlib.suppress(Exception):  # a picked reference that is gone stays empty
                self.fields[name].value = value
        self.fields[self.key].disabled = key_disabled and self.rows.value is not None
