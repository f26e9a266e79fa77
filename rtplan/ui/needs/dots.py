"""Dot votes: each person spreads their dots over the needs; or every person's dots at once,
copied from the poster (a grid of participants x needs).
"""

from __future__ import annotations

from typing import Any, cast

import ipywidgets as w

from rtplan.messages import t, tn
from rtplan.needs import (
    read_votes_grid,
    set_votes,
    set_votes_grid,
    suggested_dots,
    votes_grid,
)
from rtplan.render import fragment
from rtplan.schema import TABLES
from rtplan.tables import is_missing
from rtplan.ui.base import (
    _STYLE,
    PlanSession,
    SafetyNet,
    StatusLine,
)
from rtplan.ui.needs.common import (
    _BIG_TEXT,
    _H3,
    _NEED,
    BIG,
    _choose,
    _drafts_note,
    _int_entry,
    _need_rows,
    _Panel,
    _participant_options,
    _remember_draft,
)


class DotVotePanel(SafetyNet, _Panel):
    """Enter one participant's dots per need (stacking allowed), then save."""

    MAX_DOTS = int(TABLES["votes"].column("dots").max or 20)

    def __init__(self, session: PlanSession) -> None:
        self.session = session
        self.lang = session.lang
        self.participant = w.Dropdown(description=t("ui.needs.participant", self.lang), style=_STYLE,
                                      layout=w.Layout(width="460px"))
        self.participant.add_class("rtplan-dots-participant")
        self.boxes: dict[str, w.Text] = {}
        self.grid = w.GridBox(layout=w.Layout(grid_template_columns="420px 90px", grid_gap="4px 8px"))
        self.used = w.HTML()
        self.save_button = w.Button(description=t("ui.save", self.lang), icon="check", button_style="success")
        self.save_button.add_class("rtplan-save-dots")
        self.save_button.on_click(lambda _: self.save())
        self.status = StatusLine()
        safety = self.safety_net("dots")
        #: dots typed but not saved, per participant (kept when another participant is picked)
        self.drafts: dict[str, dict[str, str]] = {}
        self.draft_note = w.HTML()
        self.draft_note.add_class("rtplan-dots-draft")
        self._shown: str | None = None
        self._quiet = False
        self.participant.observe(self._on_participant, names="value")
        super().__init__(session, [w.HTML(fragment(_H3, text=t("ui.needs.dots_title", self.lang))),
                                   self.participant, self.draft_note, self.grid, self.used,
                                   w.HBox([self.save_button, safety]),
                                   self.status],
                         "rtplan-dots-panel")
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the rows (needs or participants changed); what was typed stays as a draft."""
        self._keep_draft()
        plan = self.session.plan
        options = _participant_options(plan)
        self._quiet = True
        _choose(self.participant, options, self.participant.value, options[0][1] if options else None)
        self._quiet = False
        cells: list[w.Widget] = []
        self.boxes = {}
        for need_id, title in _need_rows(plan):
            box = w.Text(value="", placeholder="0", layout=w.Layout(width="80px"), style={"font_size": BIG})
            box.add_class(f"rtplan-dots-{need_id}")
            box.observe(lambda _: self._count(), names="value")
            self.boxes[need_id] = box
            cells += [w.HTML(fragment(_NEED, need_id=need_id, title=title)), box]
        self.grid.children = cells
        self.show()

    def _on_participant(self, change: dict[str, object]) -> None:
        """Another participant picked: keep what was typed for the previous one as a draft."""
        if self._quiet:
            return
        self._keep_draft()
        self.show()

    def _saved_texts(self, pid: object) -> dict[str, str]:
        votes = self.session.plan["votes"]
        mine = votes[votes["participant_id"].astype(str) == str(pid)]
        saved = dict(zip(mine["need_id"].astype(str), mine["dots"]))
        out = {}
        for need_id in self.boxes:
            value = saved.get(need_id)
            out[need_id] = "" if value is None or is_missing(value) or int(value) == 0 else str(int(value))
        return out

    def _keep_draft(self) -> None:
        """Keep the grid's typing for the participant it shows when it differs from the saved dots."""
        if self._shown is None or not self.boxes:
            return
        typed = {n: str(b.value).strip() for n, b in self.boxes.items()}
        _remember_draft(self.drafts, self._shown, typed, self._saved_texts(self._shown))

    def _show_draft_note(self) -> None:
        self.draft_note.value = _drafts_note(self.drafts, self.participant, self.lang)

    def show(self) -> None:
        """Show the chosen participant's saved dots, then any unsaved draft of theirs."""
        pid = self.participant.value
        saved = self._saved_texts(pid)
        draft = self.drafts.get(str(pid), {})
        for need_id, box in self.boxes.items():
            box.value = draft.get(need_id, saved[need_id])
        self._shown = None if pid is None else str(pid)
        self._show_draft_note()
        self.status.clear()
        self._count()

    def _count(self) -> None:
        used = sum(_int_entry(b.value, 0, self.MAX_DOTS) or 0 for b in self.boxes.values())
        k = suggested_dots(len(self.boxes))
        key = "ui.needs.dots_over" if used > k else "ui.needs.dots_used"
        self.used.value = fragment(_BIG_TEXT, size="16px", text=t(key, self.lang, used=used, k=k))

    def save(self) -> bool:
        """Save the chosen participant's dots (0 or empty removes the vote)."""
        pid = self.participant.value
        if not pid:
            self.status.error([t("ui.needs.no_participant", self.lang)])
            return False
        dots: dict[str, object] = {}
        problems = []
        for need_id, box in self.boxes.items():
            text = str(box.value).strip()
            value = _int_entry(text, 0, self.MAX_DOTS) if text else 0
            if value is None:
                problems.append(t("ui.needs.dots_bad", self.lang, need=need_id, max=self.MAX_DOTS, value=text))
            dots[need_id] = value
        if problems:
            self.status.error(problems)
            return False
        if not self.save_updates({"votes": set_votes(self.session.table("votes"), str(pid), dots)}):
            return False
        self.drafts.pop(str(pid), None)
        self._show_draft_note()
        self.status.ok(t("ui.needs.dots_saved", self.lang, participant=pid,
                         n=sum(int(str(v)) for v in dots.values() if v)))
        return True

    def typing(self) -> object:
        return self.participant.value, {n: b.value for n, b in self.boxes.items()}

    def restore_typing(self, typed: object) -> None:
        pid, values = cast("tuple[Any, ...]", typed)
        if pid in {o[1] for o in self.participant.options} and self.participant.value != pid:
            self._quiet = True
            self.participant.value = pid
            self._quiet = False
            self.show()
        for need_id, text in values.items():
            if need_id in self.boxes:
                self.boxes[need_id].value = text

    def after_undo(self) -> None:
        self.show()


class DotGridPanel(SafetyNet, _Panel):
    """Every participant's dots at once: one row per participant, one box per need, one save.

    For a meeting that voted with stickers on a poster: the counts are copied in one go
    rather than person by person. The reading and the saving are :func:`rtplan.needs.read_votes_grid`
    and :func:`rtplan.needs.set_votes_grid`; a box that is not a count saves nothing.
    """

    MAX_DOTS = DotVotePanel.MAX_DOTS

    def __init__(self, session: PlanSession) -> None:
        self.session = session
        self.lang = session.lang
        self.boxes: dict[str, dict[str, w.Text]] = {}
        self.grid = w.GridBox(layout=w.Layout(grid_gap="4px 6px", overflow="auto", max_width="100%"))
        self.grid.add_class("rtplan-dotgrid")
        self.save_button = w.Button(description=t("ui.save", self.lang), icon="check", button_style="success")
        self.save_button.add_class("rtplan-save-dotgrid")
        self.save_button.on_click(lambda _: self.save())
        self.status = StatusLine()
        safety = self.safety_net("dotgrid")
        super().__init__(session, [w.HTML(fragment(_H3, text=t("ui.needs.dotgrid_title", self.lang))),
                                   w.HTML(fragment(_BIG_TEXT, size=BIG, text=t("ui.needs.dotgrid_lead", self.lang))),
                                   self.grid, w.HBox([self.save_button, safety]), self.status],
                         "rtplan-dotgrid-panel")
        self.refresh()

    def refresh(self) -> None:
        """One row per participant and one column per need, showing the saved dots."""
        plan = self.session.plan
        people = _participant_options(plan)
        needs = _need_rows(plan)
        self.boxes = {}
        if not people or not needs:
            self.grid.children = [w.HTML(fragment(_BIG_TEXT, size=BIG, text=t("ui.needs.dotgrid_empty", self.lang)))]
            self.grid.layout.grid_template_columns = "auto"
            return
        saved = votes_grid(plan["votes"], [p for _, p in people], [n for n, _ in needs])
        cells: list[w.Widget] = [w.HTML("")]
        cells += [w.HTML(fragment('<b class="rtplan-needlabel" title="{{ title }}">{{ need_id }}</b>',
                                  need_id=n, title=title)) for n, title in needs]
        for label, pid in people:
            cells.append(w.HTML(fragment(_BIG_TEXT, size=BIG, text=label)))
            row = {}
            for need_id, _ in needs:
                dots = saved[pid][need_id]
                box = w.Text(value=str(dots) if dots else "", layout=w.Layout(width="64px"),
                             style={"font_size": BIG})
                box.add_class(f"rtplan-dotgrid-{pid}-{need_id}")
                row[need_id] = box
                cells.append(box)
            self.boxes[pid] = row
        self.grid.layout.grid_template_columns = f"minmax(220px, 320px) repeat({len(needs)}, 64px)"
        self.grid.children = cells

    def typed(self) -> dict[str, dict[str, str]]:
        return {pid: {n: str(b.value) for n, b in row.items()} for pid, row in self.boxes.items()}

    def save(self) -> bool:
        """Save every row (a 0 or an empty box removes that vote); nothing is saved while a box is wrong."""
        grid, problems = read_votes_grid(self.typed(), self.MAX_DOTS, self.lang)
        if problems:
            self.status.error(problems)
            return False
        if not self.save_updates({"votes": set_votes_grid(self.session.table("votes"), grid)}):
            return False
        people = sum(1 for row in grid.values() if any(row.values()))
        self.status.ok(tn("ui.needs.dotgrid_saved", people, self.lang,
                          n=sum(sum(row.values()) for row in grid.values()), people=people))
        return True

    def typing(self) -> object:
        return self.typed()

    def restore_typing(self, typed: object) -> None:
        for pid, row in cast("dict[str, dict[str, str]]", typed).items():
            for need_id, text in row.items():
                if pid in self.boxes and need_id in self.boxes[pid]:
                    self.boxes[pid][need_id].value = text
