"""Building blocks shared by every step's panels.

* :class:`PlanSession` holds the loaded plan, saves through storage and tells the
  panels that listen when a table changed (so summaries and charts refresh).
* :class:`TableEditor` is the add / edit / remove form for any table of the schema:
  its fields come from the column declarations (labels, allowed values, references).
* :class:`StatusLine` shows what happened, in the plan's language.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import ipywidgets as w
import pandas as pd

from rtplan import storage
from rtplan.exceptions import RtplanError, ValidationError
from rtplan.messages import t, tn
from rtplan.plan import Plan
from rtplan.schema import TABLES, Column, Table, split_list
from rtplan.tables import is_missing

Listener = Callable[[set[str]], None]


class PlanSession:
    """One plan opened in a notebook, shared by all its panels.

    Parameters
    ----------
    plan_or_path : a plan folder or an already loaded :class:`~rtplan.plan.Plan`.
    lang : message language (default: the plan's).
    """

    def __init__(self, plan_or_path: Plan | str | Path, lang: str | None = None) -> None:
        self.plan = plan_or_path if isinstance(plan_or_path, Plan) else storage.load_plan(plan_or_path, lang)
        self.lang = lang or self.plan.lang
        self._listeners: list[Listener] = []

    def on_change(self, listener: Listener) -> None:
        """Call ``listener(changed_table_names)`` after every successful save."""
        self._listeners.append(listener)

    def table(self, name: str) -> pd.DataFrame:
        """A copy of a table to edit."""
        return self.plan.copy_table(name)

    def save(self, updates: Mapping[str, pd.DataFrame], meta: Mapping[str, Any] | None = None) -> list[str]:
        """Save through storage; return ``[]`` on success or the messages of the refusal."""
        try:
            storage.save_tables(self.plan, updates, meta)
        except ValidationError as exc:
            return [p.message for p in exc.problems]
        except RtplanError as exc:
            return [str(exc)]
        changed = set(updates) | ({"plan"} if meta is not None else set())
        for listener in list(self._listeners):
            listener(changed)
        return []

    def reload(self) -> None:
        """Load the plan again from disk (after a refused save because of another editor)."""
        self.plan = storage.load_plan(self.plan.path, self.lang)
        for listener in list(self._listeners):
            listener(set(TABLES) | {"plan"})


_SESSIONS: dict[tuple[Path, str | None], PlanSession] = {}


def open_session(plan: Plan | PlanSession | str | Path, lang: str | None = None) -> PlanSession:
    """The notebook's one session for a plan folder, shared by every cell.

    The step panels and the live results of a notebook call this with the same
    ``PLAN``, so a save in a panel refreshes every result shown below it. A
    :class:`PlanSession` or :class:`~rtplan.plan.Plan` passed in is used as it is.
    """
    if isinstance(plan, PlanSession):
        return plan
    if isinstance(plan, Plan):
        return PlanSession(plan, lang)
    key = (Path(plan).resolve(), lang)
    session = _SESSIONS.get(key)
    if session is None:
        session = _SESSIONS[key] = PlanSession(plan, lang)
    return session


class LiveResult(w.Output):
    """A result that shows itself again whenever the plan is saved.

    ``build(plan)`` returns anything a notebook can display (a view, a ranking, a
    chart); it runs once now and again after every save in the same session, so the
    facilitator never has to re-run a cell.
    """

    def __init__(self, session: PlanSession, build: Callable[[Plan], object]) -> None:
        super().__init__()
        self.add_class("rtplan-live")
        self.session = session
        self.build = build
        self.renders = 0
        self.refresh()
        session.on_change(lambda _changed: self.refresh())

    def refresh(self) -> None:
        from IPython.display import display

        result = self.build(self.session.plan)
        self.clear_output(wait=True)
        with self:
            display(result)
        self.renders += 1


def live(plan: Plan | PlanSession | str | Path, build: Callable[[Plan], object],
         lang: str | None = None) -> LiveResult:
    """Show ``build(plan)`` in a notebook and keep it current as panels save.

    Example (a notebook cell): ``live(PLAN, lambda plan: all_rankings(plan)["final"])``.
    """
    return LiveResult(open_session(plan, lang), build)


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
    if column.kind == "bool":
        return w.Checkbox(value=False, indent=True, description=text, style=_STYLE, layout=_layout())
    if column.kind == "date":
        return w.DatePicker(value=None, **common)
    if column.allowed:
        return w.Dropdown(options=[("—", "")] + [(v, v) for v in column.allowed], value="", **common)
    if column.suggested:
        return w.Combobox(options=list(column.suggested), value="", ensure_option=False, **common)
    placeholder = {"time": "19:30", "money": "1500000", "int": "0", "list": "a;b"}.get(column.kind, "")
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
    value = widget.value
    if column.kind == "list":
        return ";".join(value) if isinstance(value, (tuple, list)) else str(value or "")
    if column.kind == "date":
        return pd.Timestamp(value) if value else pd.NaT
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


class TableEditor(w.VBox):
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
        self.title = w.HTML(f"<h3>{html.escape(self.spec.label[self.lang])}</h3>")
        self.count = w.HTML()
        self.rows.observe(self._on_pick, names="value")
        self.new_button.on_click(lambda _: self.start_new())
        self.save_button.on_click(lambda _: self.save())
        self.delete_button.on_click(lambda _: self.delete())
        session.on_change(self._on_plan_change)
        form = w.VBox([*self.fields.values(), w.HBox([self.save_button, self.new_button, self.delete_button]),
                       self.status])
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
        ident = str(self.form_values()[self.key])
        problems = self.session.save({self.spec.name: self.form_table()})
        if problems:
            self.status.error(problems)
            return False
        self.rows.value = ident
        self.status.ok(t("ui.saved_row", self.lang, id=ident))
        return True

    def delete(self) -> bool:
        """Remove the chosen row; refused (with the reason) when other tables still use it."""
        ident = self.rows.value
        if ident is None:
            self.status.error([t("ui.pick_first", self.lang)])
            return False
        frame = self.session.table(self.spec.name)
        problems = self.session.save({self.spec.name: frame[frame[self.key].astype(str) != ident]})
        if problems:
            self.status.error([t("ui.delete_refused", self.lang, id=ident), *problems])
            return False
        self.start_new()
        self.status.ok(t("ui.deleted_row", self.lang, id=ident))
        return True


def step_tabs(session: PlanSession, panels: Sequence[tuple[str, str, w.Widget]], step: int) -> w.Tab:
    """A step's panels as tabs: ``panels`` are ``(key, title, widget)``.

    The tab keeps ``session`` and ``panels`` (key -> widget) for tests and notebooks,
    and has the class ``rtplan-step<N>`` for browser tests.
    """
    tab = w.Tab(children=[p for _, _, p in panels], titles=[title for _, title, _ in panels])
    tab.add_class(f"rtplan-step{step}")
    tab.session = session
    tab.panels = {key: p for key, _, p in panels}
    return tab
