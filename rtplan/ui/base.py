"""Building blocks shared by every step's panels.

* :class:`PlanSession` holds the loaded plan, saves through storage and tells the
  panels that listen when a table changed (so summaries and charts refresh).
* :class:`TableEditor` is the add / edit / remove form for any table of the schema:
  its fields come from the column declarations (labels, allowed values, references).
* :class:`StatusLine` shows what happened, in the plan's language.
"""

from __future__ import annotations

import contextlib
import html
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from typing import Any, cast

import ipywidgets as w
import pandas as pd

from rtplan import storage
from rtplan.exceptions import ConcurrentChangeError, RtplanError, ValidationError
from rtplan.form_messages import changed_elsewhere, form_messages, still_used
from rtplan.messages import t, tn
from rtplan.plan import Plan
from rtplan.render import fragment
from rtplan.schema import TABLES, Column, Table, split_list
from rtplan.tables import is_missing
from rtplan.ui.inputs import ConsentInput, DateInput, MoneyInput, input_errors, read_money

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
        #: the last save that changed tables, as it can be undone (``None``: nothing to undo)
        self.last_undo: UndoPoint | None = None
        #: the last refusal was because another kernel or person changed the plan on disk
        self.refused_concurrent = False

    def on_change(self, listener: Listener) -> None:
        """Call ``listener(changed_table_names)`` after every successful save."""
        self._listeners.append(listener)

    def table(self, name: str) -> pd.DataFrame:
        """A copy of a table to edit."""
        return self.plan.copy_table(name)

    def save(self, updates: Mapping[str, pd.DataFrame], meta: Mapping[str, Any] | None = None) -> list[str]:
        """Save through storage; return ``[]`` on success or the messages of the refusal."""
        names = [*updates, *(["plan"] if meta is not None else [])]
        before = {name: storage.fingerprint(self.plan, name) for name in names}
        self.refused_concurrent = False
        try:
            storage.save_tables(self.plan, updates, meta)
        except ValidationError as exc:  # in the form's words (rtplan validate keeps files and columns)
            return form_messages(exc.problems, self.plan, updates, meta, self.lang)
        except ConcurrentChangeError:
            self.refused_concurrent = True
            return [changed_elsewhere(self.plan, self.lang)]
        except RtplanError as exc:
            return [str(exc)]
        self._remember_undo(before)
        changed = set(updates) | ({"plan"} if meta is not None else set())
        for listener in list(self._listeners):
            listener(changed)
        return []

    def fingerprints(self) -> dict[str, str | None]:
        """Every table's digest as the plan last read or wrote it (before a save made elsewhere)."""
        return {name: storage.fingerprint(self.plan, name) for name in TABLES}

    def saved_elsewhere(self, before: Mapping[str, str | None]) -> None:
        """After a save made through storage on this session's plan by other code (an
        import): keep it for "Urungkan" and tell the panels what changed. ``before`` is
        :meth:`fingerprints` taken before that save."""
        self._remember_undo(before)
        changed = {name for name, digest in before.items() if storage.fingerprint(self.plan, name) != digest}
        for listener in list(self._listeners):
            listener(changed)

    def _remember_undo(self, before: Mapping[str, str | None]) -> None:
        """Keep, from the plan's history, the versions a just-made save replaced
        (tables, and ``plan`` for the settings of ``plan.toml``)."""
        after = {name: storage.fingerprint(self.plan, name) for name in before}
        changed = [name for name in before if after[name] != before[name]]
        if not changed:
            return
        versions: dict[str, storage.Version | None] = {}
        for name in changed:
            old = before[name]
            version = None if old is None else storage.version_with_digest(self.plan.path, name, old)
            if old is not None and version is None:  # pruned or unreadable: cannot be undone
                self.last_undo = None
                return
            versions[name] = version
        self.last_undo = UndoPoint(versions, {name: after[name] for name in changed})

    def undo(self, point: UndoPoint | None = None) -> list[str]:
        """Bring back the tables as they were before the save ``point`` (default: the last).

        Restored from the plan's history through storage (validated, all tables in one
        atomic save). Refused when a table changed again since that save.
        """
        point = point or self.last_undo
        if point is None:
            return [t("ui.undo_nothing", self.lang)]
        if any(storage.fingerprint(self.plan, name) != digest for name, digest in point.after.items()):
            return [t("ui.undo_stale", self.lang)]
        self.refused_concurrent = False
        tables = {name: v for name, v in point.versions.items() if name != "plan"}
        try:
            if tables:
                storage.restore_versions(self.plan, tables)
            if "plan" in point.versions:  # the settings: the kept plan.toml, checked like any save
                storage.save_tables(self.plan, {}, _kept_meta(point.versions["plan"], self.lang))
        except ValidationError as exc:
            return form_messages(exc.problems, self.plan, {}, None, self.lang)
        except ConcurrentChangeError:
            self.refused_concurrent = True
            return [changed_elsewhere(self.plan, self.lang)]
        except RtplanError as exc:
            return [str(exc)]
        if self.last_undo is point:
            self.last_undo = None
        for listener in list(self._listeners):
            listener(set(point.versions))
        return []

    def reload(self) -> None:
        """Load the plan again from disk (after a refused save because of another editor)."""
        self.plan = storage.load_plan(self.plan.path, self.lang)
        self.refused_concurrent = False
        self.last_undo = None
        for listener in list(self._listeners):
            listener(set(TABLES) | {"plan"})


def _kept_meta(version: storage.Version | None, lang: str) -> dict[str, Any]:
    """The settings of a kept ``plan.toml`` (a plan always has one: ``None`` is refused)."""
    import tomllib

    if version is None:
        raise RtplanError(t("ui.undo_nothing", lang))
    try:
        return tomllib.loads(version.path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise RtplanError(t("ui.undo_nothing", lang)) from exc


class UndoPoint:
    """A saved change that can be undone: the kept versions it replaced (table ->
    :class:`~rtplan.storage.Version`, ``None`` when the file did not exist) and the
    digests the tables had right after it."""

    def __init__(self, versions: Mapping[str, storage.Version | None], after: Mapping[str, str | None]) -> None:
        self.versions = dict(versions)
        self.after = dict(after)


_SESSIONS: dict[tuple[Path, str | None], PlanSession] = {}


def open_session(plan: Plan | PlanSession | str | Path | None, lang: str | None = None) -> PlanSession:
    """The notebook's one session for a plan folder, shared by every cell.

    The step panels and the live results of a notebook call this with the same
    ``PLAN``, so a save in a panel refreshes every result shown below it. A
    :class:`PlanSession` or :class:`~rtplan.plan.Plan` passed in is used as it is.
    ``None`` (no plan chosen yet in the step header) raises
    :class:`~rtplan.exceptions.NoPlanChosen`, shown as one sentence, not a traceback.
    """
    if plan is None:
        from rtplan.ui.workshop import no_plan

        raise no_plan(lang)
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

    def __init__(self, session: PlanSession, build: Callable[[Plan], object],
                 tables: Collection[str] | None = None) -> None:
        super().__init__()
        self.add_class("rtplan-live")
        self.session = session
        self.build = build
        self.renders = 0
        self.tables = None if tables is None else {*tables, "plan"}
        self.refresh()
        session.on_change(self._on_change)

    def _on_change(self, changed: set[str]) -> None:
        """Show the result again, unless ``tables`` were given and none of them changed."""
        if self.tables is None or self.tables & changed:
            self.refresh()

    def refresh(self) -> None:
        show_in(self, self.build(self.session.plan))
        self.renders += 1


def show_in(out: w.Output, obj: object) -> None:
    """Show ``obj`` in ``out`` in place of what it showed.

    In a kernel the outputs are set as the widget's state (one update, no flicker)
    rather than captured with ``with out:``: capturing while Voila executes a page
    (the workshop) can leave the page stuck at "Executing n of m". Outside a kernel
    (headless tests) it falls back to the capture, which shows nothing there.
    """
    from IPython import get_ipython
    from IPython.display import display

    shell = get_ipython()
    if shell is None or not hasattr(shell, "kernel"):
        out.clear_output(wait=True)
        with out:
            display(obj)
        return
    import base64

    data, metadata = shell.display_formatter.format(obj)
    # binary data (a PNG chart) as base64 text, as a display message carries it (raw bytes in a
    # widget's state would travel as a binary buffer, which the output area cannot show)
    data = {k: base64.b64encode(v).decode("ascii") if isinstance(v, bytes) else v for k, v in data.items()}
    out.outputs = ({"output_type": "display_data", "data": data, "metadata": metadata},)


def live(plan: Plan | PlanSession | str | Path | None, build: Callable[[Plan], object],
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

    def __init__(self, lang: str, name: str = "") -> None:
        self.lang = lang
        self.question = w.HTML()
        self.yes = w.Button(description=t("ui.confirm_yes", lang), icon="trash", button_style="danger")
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
      A panel whose refresh rebuilds its inputs keeps its typing with :meth:`typing`
      and :meth:`restore_typing`; :meth:`after_undo` shows the restored data.
    """

    session: PlanSession
    lang: str
    status: StatusLine
    undo_button: w.Button
    reload_button: w.Button
    _undo: UndoPoint | None

    def safety_net(self, name: str) -> w.HBox:
        """Make the two buttons; the row to show them in."""
        self.undo_button = w.Button(description=t("ui.undo", self.lang), icon="undo", disabled=True)
        self.reload_button = w.Button(description=t("ui.reload", self.lang), icon="refresh", button_style="warning",
                                      layout=w.Layout(display="none"))
        self.undo_button.add_class(f"rtplan-undo-{name}")
        self.reload_button.add_class(f"rtplan-reload-{name}")
        self._undo = None
        self.undo_button.on_click(lambda _: self.undo())
        self.reload_button.on_click(lambda _: self.reload())
        return w.HBox([self.undo_button, self.reload_button])

    def save_updates(self, updates: Mapping[str, pd.DataFrame], meta: Mapping[str, Any] | None = None) -> bool:
        """Save through the session: ``True`` when saved (the caller then says what was saved),
        else the refusal is shown (with "Muat ulang" when someone else changed the plan)."""
        problems = self.session.save(updates, meta)
        if problems:
            self.status.error(problems)
            self._after_refusal()
            return False
        self._after_save()
        return True

    def _after_save(self) -> None:
        self._undo = self.session.last_undo
        self.undo_button.disabled = self._undo is None
        self.reload_button.layout.display = "none"

    def _after_refusal(self) -> None:
        if self.session.refused_concurrent:
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
        self.status.ok(t("ui.reloaded", self.lang))


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
        form = w.VBox([*self.fields.values(), w.HBox([self.save_button, self.new_button, self.delete_button,
                                                      self.undo_button]),
                       self.confirm, self.status, self.reload_button])
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


def beside_its_result(form: w.Widget, result: LiveResult, chart: bool = False) -> w.Box:
    """A form with its live result to its right (below it when the page is too narrow).

    On the projector the room sees the result move as the facilitator saves: the ranking
    beside the scores, the conflicts beside the activity form, the balance beside the cash
    book. A ``chart`` takes a larger share of the width than a few lines of text."""
    form.layout.flex = "1 1 560px" if chart else "3 1 600px"
    form.layout.min_width = "0"
    result.layout.flex = "1 1 420px" if chart else "2 1 360px"
    result.layout.min_width = "320px" if chart else "300px"
    form.add_class("rtplan-beside-form")
    result.add_class("rtplan-beside")
    return w.Box([form, result], layout=w.Layout(display="flex", flex_flow="row wrap", align_items="flex-start",
                                                  width="100%"))


def step_tabs(session: PlanSession, panels: Sequence[tuple[str, str, w.Widget]], step: int,
              beside: Mapping[str, LiveResult] | None = None, chart: bool = False) -> w.Tab:
    """A step's panels as tabs: ``panels`` are ``(key, title, widget)``.

    ``beside`` puts a live result beside the panel of its key (:func:`beside_its_result`;
    ``chart``: the results are charts). The tab keeps ``session`` and ``panels`` (key -> the
    panel itself, not its box) for tests and notebooks, and has the class ``rtplan-step<N>``
    for browser tests.
    """
    beside = beside or {}
    shown = [beside_its_result(p, beside[key], chart) if key in beside else p for key, _, p in panels]
    tab = w.Tab(children=shown, titles=[title for _, title, _ in panels])
    tab.add_class(f"rtplan-step{step}")
    tab.session = session
    tab.panels = {key: p for key, _, p in panels}
    return tab
