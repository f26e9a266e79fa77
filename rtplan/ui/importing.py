"""The upload panel: a file in, a preview and an editable column mapping, then import.

Thin: it reads the upload, calls :mod:`rtplan.importing` (the same core as
``rtplan import``) and shows what came back; nothing is saved before the import
button is clicked, and a refused import leaves the plan as it was. Beside the
mapping: a fixed value per field (``--set``), a small table that reads each value
found that is not allowed as an allowed one (``--values``), the date order
(``--date-order``) and rounding of Rupiah (``--round``); what was read another way
is listed under the status line.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import ipywidgets as w

from rtplan.exceptions import ConcurrentChangeError, EmptiedTableError
from rtplan.form_messages import changed_elsewhere
from rtplan.importing import (
    IGNORE,
    ImportFileError,
    ImportRefused,
    Prepared,
    commit,
    make_options,
    prepare,
    read,
)
from rtplan.messages import t, tn
from rtplan.plan import Plan
from rtplan.schema import SEX, TABLES
from rtplan.ui.base import PlanSession, SafetyNet, StatusLine

PREVIEW_ROWS = 5


class ImportPanel(SafetyNet, w.VBox):  # ipywidgets ships no type hints: VBox is Any
    """Upload a CSV/XLSX/ODS file into one table, with a preview and the mapping shown.

    Parameters
    ----------
    session : the notebook's :class:`PlanSession` (or a plan folder / loaded plan).
    table : the target table (a drop-down lets people pick another).
    """

    def __init__(self, session: PlanSession | Plan | str | Path, table: str = "participants",
                 lang: str | None = None) -> None:
        self.session = session if isinstance(session, PlanSession) else PlanSession(session, lang)
        self.lang = lang or self.session.lang
        lg = self.lang
        self.upload = w.FileUpload(accept=".csv,.tsv,.txt,.xlsx,.ods", multiple=False,
                                   description=t("ui.import.upload", lg))
        self.table = w.Dropdown(options=[(TABLES[n].label[lg], n) for n in TABLES], value=table,
                                description=t("ui.import.table", lg))
        self.preview = w.HTML()
        self.mapping_box = w.VBox()
        self.mapping: dict[int, w.Dropdown] = {}
        self.check_button = w.Button(description=t("ui.import.check", lg))
        self.import_button = w.Button(description=t("ui.import.do", lg), button_style="primary", disabled=True)
        self.skip_invalid = w.Checkbox(value=False, description=t("ui.import.skip_invalid", lg))
        self.date_order = w.Dropdown(options=[("-", None), ("dmy", "dmy"), ("mdy", "mdy"), ("ymd", "ymd")],
                                     value=None, description="--date-order")
        self.round_money = w.Checkbox(value=False, description="--round")
        self.fixed: dict[str, w.Text] = {}
        self.fixed_box = w.VBox()
        self.values_box = w.VBox()
        self.value_choices: dict[str, dict[str, str]] = {}  # field -> {value found: allowed value}
        self.value_widgets: dict[tuple[str, str], w.Dropdown] = {}
        self.notes = w.HTML()
        self.status = StatusLine()
        safety = self.safety_net("import")
        self.prepared: Prepared | None = None
        self._data: bytes | None = None
        self._name = ""
        self.upload.observe(self._on_upload, names="value")
        self.table.observe(lambda _: self.load(), names="value")
        self.check_button.on_click(lambda _: self.check())
        self.import_button.on_click(lambda _: self.run())
        self.date_order.observe(lambda _: self.check(), names="value")
        self.round_money.observe(lambda _: self.check(), names="value")
        self._build_fixed()
        super().__init__([self.upload, self.table, self.preview, self.mapping_box,
                          w.HTML(f"<b>{html.escape(t('ui.import.fixed', lg))}</b>"), self.fixed_box,
                          w.HTML(f"<b>{html.escape(t('ui.import.values', lg))}</b>"), self.values_box,
                          w.HBox([self.date_order, self.round_money]),
                          w.HBox([self.check_button, self.import_button, self.skip_invalid]), safety,
                          self.status, self.notes])

    def _build_fixed(self) -> None:
        """One text box per field of the table: a value typed there fills every row."""
        self.fixed = {}
        for col in TABLES[self.table.value].columns:
            box = w.Text(value="", description=f"{col.label[self.lang]} ({col.name})"[:40],
                         style={"description_width": "initial"}, continuous_update=False)
            box.observe(lambda _: self.check(), names="value")
            self.fixed[col.name] = box
        self.fixed_box.children = tuple(self.fixed.values())

    # the file ------------------------------------------------------------------------------
    def _on_upload(self, change: dict[str, Any]) -> None:
        files = change["new"]
        if not files:
            return
        item = files[0] if isinstance(files, (list, tuple)) else next(iter(files.values()))
        self.set_file(bytes(item["content"]), str(item.get("name", "upload")))

    def set_file(self, data: bytes, name: str) -> None:
        """Use ``data`` as the uploaded file (what the upload widget calls)."""
        self._data, self._name = data, name
        self.load()

    def load(self) -> None:
        """Read the file for the chosen table and show the preview and the automatic mapping."""
        self.prepared = None
        self.import_button.disabled = True
        self.mapping_box.children = ()
        self.mapping = {}
        self.value_choices = {}
        self.values_box.children = ()
        if set(self.fixed) != set(TABLES[self.table.value].column_names):
            self._build_fixed()
        if self._data is None:
            return
        try:
            raw = read(self._data, self.table.value, name=self._name, lang=self.lang)
        except (ImportFileError, ImportRefused) as exc:
            self.preview.value = ""
            self.status.error([str(exc)])
            return
        self._raw = raw
        head = "".join(f"<th>{html.escape(h)}</th>" for h in raw.header)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>"
                       for row in raw.data.head(PREVIEW_ROWS).itertuples(index=False, name=None))
        self.preview.value = (f"<div>{html.escape(t('ui.import.preview', self.lang, rows=len(raw)))}</div>"
                              f"<table class='rtplan-preview'><tr>{head}</tr>{body}</table>")
        self.check(first=True)

    def _options(self) -> list[tuple[str, str]]:
        table = TABLES[self.table.value]
        return [(t("ui.import.ignore", self.lang), IGNORE)] + [
            (c.label[self.lang], c.name) for c in table.columns]

    def overrides(self) -> dict[str, str]:
        """The mapping as shown in the drop-downs, by column position (``#1`` ...)."""
        return {f"#{i + 1}": dd.value for i, dd in self.mapping.items()}

    # checking and importing ---------------------------------------------------------------
    def check(self, first: bool = False) -> bool:
        """Prepare and check the import with the mapping shown; show the problems."""
        if self._data is None or not hasattr(self, "_raw"):
            return False
        plan = self.session.plan
        try:
            table = TABLES[self.table.value]
            chosen = make_options(table, self.lang, None if first else self.overrides(),
                                   {f: box.value for f, box in self.fixed.items() if box.value.strip()},
                                   self.value_choices, self.date_order.value, self.round_money.value)
            prepared = prepare(plan, self.table.value, self._raw, None, self.lang, options=chosen)
        except (ImportFileError, ImportRefused) as exc:
            self.status.error([str(exc)])
            self.import_button.disabled = True
            return False
        self.prepared = prepared
        if first or not self.mapping:
            options = self._options()
            self.mapping = {}
            rows = []
            for i, header in enumerate(self._raw.header):
                if i in prepared.info.ignored or not header:
                    continue
                dd = w.Dropdown(options=options, value=prepared.mapping.get(i, IGNORE),
                                description=header[:40], style={"description_width": "initial"})
                self.mapping[i] = dd
                rows.append(dd)
            self.mapping_box.children = tuple(rows)
        outcome = commit(plan, [prepared], self.skip_invalid.value, dry_run=True)
        self._build_values(prepared)
        said = prepared.notes + prepared.duplicate_messages()
        self.notes.value = "".join(f"<div>ℹ {html.escape(n)}</div>" for n in said)
        messages = prepared.messages() + outcome.blocked
        n = len(prepared.to_add())
        if messages:
            self.status.error(messages)
        else:
            self.status.ok(tn("ui.import.ready", n, self.lang, dup=len(prepared.duplicates)))
        self.import_button.disabled = bool(outcome.blocked) or (bool(messages) and not self.skip_invalid.value) \
            or n == 0
        return not messages

    def _build_values(self, prepared: Prepared) -> None:
        """The values found that are not allowed (and those already chosen), each with a drop-down of allowed ones."""
        table = TABLES[self.table.value]
        wanted: dict[str, list[str]] = {f: list(v) for f, v in self.value_choices.items()}
        for p in prepared.problems:
            if p.field and p.value and p.rule in ("allowed", "sex", "bool"):
                found = wanted.setdefault(p.field, [])
                if p.value not in found and len(found) < 30:
                    found.append(p.value)
        rows = []
        self.value_widgets = {}
        for fld, found in wanted.items():
            col = table.column(fld)
            allowed = col.allowed or (SEX if col.allowed == SEX else None)
            choices = list(allowed) if allowed else (["ya", "tidak"] if col.kind == "bool" else [])
            if not choices:
                continue
            for value in found:
                chosen = self.value_choices.get(fld, {}).get(value)
                dd = w.Dropdown(options=[(t("ui.import.keep", self.lang), "")] + [(c, c) for c in choices],
                                value=chosen if chosen in choices else "",
                                description=f"{fld}: {value}"[:50], style={"description_width": "initial"})
                dd.observe(lambda change, f=fld, v=value: self._choose(f, v, change["new"]), names="value")
                self.value_widgets[(fld, value)] = dd
                rows.append(dd)
        self.values_box.children = tuple(rows)

    def _choose(self, fld: str, value: str, target: str) -> None:
        if target:
            self.value_choices.setdefault(fld, {})[value] = target
        else:
            self.value_choices.get(fld, {}).pop(value, None)
        self.check()

    def run(self) -> bool:
        """Import with the mapping shown; saves through storage (all or nothing)."""
        if not self.check() and not self.skip_invalid.value:
            return False
        assert self.prepared is not None
        plan = self.session.plan
        before = self.session.fingerprints()
        try:
            outcome = commit(plan, [self.prepared], self.skip_invalid.value)
        except ConcurrentChangeError:  # someone else saved meanwhile: "Muat ulang", then import again
            self.session.refused_concurrent = True
            self.status.error([changed_elsewhere(plan, self.lang)])
            self._after_refusal()
            return False
        except EmptiedTableError as exc:  # a table found empty: only with the person's consent
            self.status.error([str(exc)])
            emptied = dict(exc.emptied)

            def confirmed() -> None:
                for name in emptied:
                    plan.emptied.pop(name, None)
                self.run()

            self.ask_emptied(emptied, confirmed)
            return False
        if not outcome.saved:
            self.status.error(self.prepared.messages() + outcome.blocked or [t("cli.import.nothing_new", self.lang)])
            return False
        self.session.saved_elsewhere(before)  # "Urungkan" takes the whole import back
        self._after_save()
        self.status.ok(tn("ui.import.saved", outcome.added, self.lang))
        self.import_button.disabled = True
        return True
