"""Panels for paper meetings: type a worksheet back (the sheet's own grid), print, make cards.

Thin: the grid is read from the widgets and handed to :mod:`rtplan.documents.worksheets`
(checks) and :class:`~rtplan.ui.base.PlanSession` (saves through storage); a refused
sheet shows every problem and leaves the plan on disk as it was.
"""

from __future__ import annotations

import ipywidgets as w

from rtplan.form_messages import rows_of
from rtplan.messages import t
from rtplan.ui.base import PlanSession, SafetyNet, StatusLine

# a kind of sheet (rtplan.documents.worksheets.KINDS) -> the catalogue key of its name
KIND_KEYS = {"usg": "paper.ui.kind.usg", "dots": "paper.ui.kind.dots", "pairwise": "paper.ui.kind.pairwise"}


class SheetEntryPanel(SafetyNet, w.VBox):  # ipywidgets ships no type hints: VBox is Any
    """Type back one USG, dots or pairwise sheet: choose the sheet and the participant, fill the grid, save."""

    def __init__(self, session: PlanSession, top: int = 5) -> None:
        from rtplan.documents.worksheets import KINDS

        self.session = session
        self.lang = session.lang
        self.top = top
        self.kind = w.Dropdown(options=[(t(KIND_KEYS[k], self.lang), k) for k in KINDS], value="usg",
                               description=t("paper.ui.kind", self.lang))
        self.who = w.Dropdown(description=t("paper.ui.who", self.lang))
        self.grid_box = w.VBox()
        self.record: dict[str, object] | None = None  # what the pairwise sheet printed (its record)
        self.partial = w.Checkbox(value=False, description=t("cli.worksheets.partial", self.lang), indent=False)
        self.cells: dict[str, list[w.Text]] = {}
        self.save_button = w.Button(description=t("paper.ui.save", self.lang), button_style="primary")
        self.save_button.add_class("rtplan-paper-save")
        self.save_button.on_click(lambda _b: self.save())
        self.status = StatusLine()
        safety = self.safety_net("paper")
        self.kind.observe(lambda _c: self.refresh(), names="value")
        super().__init__([w.HTML(f"<h3>{t('paper.ui.title', self.lang)}</h3>"), self.kind, self.who,
                          self.grid_box, self.partial, w.HBox([self.save_button, safety]), self.status])
        self.add_class("rtplan-paper-entry")
        self.refresh()

    def refresh(self) -> None:
        """Show the grid of the chosen sheet kind (the same rows as the printed sheet)."""
        from rtplan.documents.sheet_entry import latest_record
        from rtplan.documents.worksheets import sheet_needs

        plan = self.session.plan
        people = [(f"{p} · {n}", str(p)) for p, n in zip(plan["participants"]["participant_id"],
                                                         plan["participants"]["name"])]
        kind = self.kind.value
        previous = self.who.value
        if kind == "pairwise":
            options = [(t("paper.ui.group", self.lang), ""), *people]
        else:
            options = people + ([("konsensus", "konsensus")] if kind == "usg" else [])
        self.who.options = options
        values = [v for _, v in options]
        if kind == "pairwise":  # the pairwise sheet is usually the group's decision
            self.who.value = ""
        else:
            self.who.value = previous if previous in values else (values[0] if values else None)
        rows: list[w.Widget] = []
        self.cells = {}
        small = w.Layout(width="52px")
        if kind == "usg":
            rows.append(w.HTML("<b>U · S · G</b> (1-5)"))
            for nid, title in sheet_needs(plan):
                cells = [w.Text(layout=small, placeholder=c) for c in "USG"]
                self.cells[nid] = cells
                rows.append(w.HBox([w.Label(f"{nid} {title}", layout=w.Layout(width="380px")), *cells]))
        elif kind == "dots":
            for nid, title in sheet_needs(plan):
                cell = w.Text(layout=small, placeholder="0")
                self.cells[nid] = [cell]
                rows.append(w.HBox([w.Label(f"{nid} {title}", layout=w.Layout(width="380px")), cell]))
        else:
            # the pairs as the last pairwise sheet printed them, never worked out again from today's ranking
            titles = dict(sheet_needs(plan))
            self.record = latest_record(plan, "pairwise")
            raw = self.record.get("pairs") if self.record else None
            printed = [(str(p[0]), str(p[1])) for p in raw] if isinstance(raw, list) else []
            if self.record is None:
                rows.append(w.HTML(t("paper.enter.no_record", self.lang, code="PW")))
            rows.append(w.HTML(str(self.record.get("code", "")) if self.record else ""))
            for i, (a, b) in enumerate(printed, start=1):
                cell = w.Dropdown(options=[("", ""), ("A", "A"), ("B", "B"), (t("paper.pw.tie", self.lang), "seri")],
                                  value="", layout=w.Layout(width="110px"))
                self.cells[str(i)] = [cell]
                rows.append(w.HBox([w.Label(f"{i}. A: {a} {titles.get(a, '')}", layout=w.Layout(width="330px")),
                                    w.Label(f"B: {b} {titles.get(b, '')}", layout=w.Layout(width="330px")),
                                    cell]))
        self.grid_box.children = rows

    def grid(self) -> dict[str, object]:
        """The values typed, as the grid :func:`rtplan.documents.sheet_entry.grid_update` takes."""
        if self.kind.value == "usg":
            return {k: tuple(c.value for c in cells) for k, cells in self.cells.items()}
        return {k: cells[0].value for k, cells in self.cells.items()}

    def save(self) -> None:
        from rtplan.documents.sheet_entry import grid_update
        from rtplan.documents.worksheets import GridError

        try:
            if self.kind.value == "pairwise" and self.record is None:
                raise GridError([t("paper.enter.no_record", self.lang, code="PW")], self.lang)
            table, frame, n = grid_update(self.session.plan, self.kind.value, str(self.who.value or ""),
                                          self.grid(), self.top, self.lang,
                                          self.record if self.kind.value == "pairwise" else None,
                                          bool(self.partial.value))
        except GridError as exc:
            self.status.error(exc.problems)
            return
        if not self.save_updates({table: frame}):
            return
        self.status.ok(t("paper.ui.saved", self.lang, sheet=t(KIND_KEYS[self.kind.value], self.lang),
                         things=rows_of(table, n, self.lang)))


class PaperOutputPanel(w.VBox):  # ipywidgets ships no type hints: VBox is Any
    """Two buttons: "Cetak lembar kerja" (the worksheet PDF) and "Buat kartu" (the phone cards)."""

    def __init__(self, session: PlanSession, output_dir: str = "exports") -> None:
        self.session = session
        self.lang = session.lang
        self.output_dir = output_dir
        self.print_button = w.Button(description=t("paper.ui.print", self.lang), icon="print")
        self.cards_button = w.Button(description=t("paper.ui.cards", self.lang), icon="image")
        self.print_button.on_click(lambda _b: self.print_sheets())
        self.cards_button.on_click(lambda _b: self.make_cards())
        self.status = StatusLine()
        super().__init__([w.HBox([self.print_button, self.cards_button]), self.status])

    def _target(self, name: str) -> str:
        from pathlib import Path

        return str(Path(self.output_dir) / f"{Path(self.session.plan.path).name}-{name}")

    def print_sheets(self) -> None:
        from rtplan.documents.worksheets import write_worksheets
        from rtplan.exceptions import RtplanError

        try:
            path = write_worksheets(self.session.plan, self._target("lembar-kerja.pdf"), lang=self.lang)
        except RtplanError as exc:
            self.status.error([str(exc)])
            return
        self.status.ok(t("paper.ui.written", self.lang, paths=path))

    def make_cards(self) -> None:
        from rtplan.documents.cards import write_cards
        from rtplan.exceptions import RtplanError

        try:
            paths = write_cards(self.session.plan, self._target("kartu"), lang=self.lang)
        except RtplanError as exc:
            self.status.error([str(exc)])
            return
        self.status.ok(t("paper.ui.written", self.lang, paths=", ".join(p.name for p in paths)))
