"""The live ranking by every method, and the final order the meeting agrees.
"""

from __future__ import annotations

from typing import Any, cast

import ipywidgets as w

from rtplan.charts.needs import method_figure
from rtplan.messages import t
from rtplan.needs import (
    AGGREGATES,
    METHOD_LABELS,
    METHODS,
    SOURCE_LABELS,
    STEP1_TABLES,
    Ranking,
    all_rankings,
    need_labels,
    priorities_frame,
    stored_priorities,
)
from rtplan.render import fragment
from rtplan.render.views import to_html
from rtplan.schema import PRIORITY_METHODS
from rtplan.ui.base import (
    _STYLE,
    ConfirmBar,
    PlanSession,
    SafetyNet,
    StatusLine,
)
from rtplan.ui.needs.common import (
    _BOLD,
    _H3,
    _P,
    _Panel,
    _show_figure,
)
from rtplan.views.needs import ranking_view


class RankingPanel(_Panel):
    """The rankings, updated after every saved change: table, tie-break, notes and chart."""

    WATCH = STEP1_TABLES | {"participants"}

    def __init__(self, session: PlanSession, method: str = "usg") -> None:
        self.session = session
        self.lang = session.lang
        lang = self.lang
        self.method = w.ToggleButtons(options=[(t(METHOD_LABELS[m], lang), m) for m in METHODS], value=method,
                                      style={"button_width": "auto"})
        self.method.add_class("rtplan-ranking-method")
        self.aggregate = w.ToggleButtons(options=[(t(SOURCE_LABELS[a], lang), a) for a in AGGREGATES],
                                         value="mean", description=t("ui.needs.aggregate", lang), style=_STYLE)
        self.consensus = w.Checkbox(value=True, description=t("ui.needs.consensus_option", lang), indent=False)
        self.table = w.HTML(layout=w.Layout(width="100%"))
        self.table.add_class("rtplan-ranking-table")
        self.chart = w.Output()
        self.rankings: dict[str, Ranking] = {}
        for control in (self.method, self.aggregate, self.consensus):
            control.observe(lambda _: self.refresh(), names="value")
        super().__init__(session, [w.HTML(fragment(_H3, text=t("ui.needs.ranking_title", lang))), self.method,
                                   w.HBox([self.aggregate, self.consensus]), self.table, self.chart],
                         "rtplan-ranking-panel")
        self.refresh()

    @property
    def current(self) -> Ranking:
        return self.rankings[self.method.value]

    def refresh(self) -> None:
        """Recompute every ranking and show the chosen one."""
        self.rankings = all_rankings(self.session.plan, self.aggregate.value, self.consensus.value, self.lang)
        self.table.value = to_html(ranking_view(self.current, self.lang))
        _show_figure(self.chart, method_figure(self.current, self.lang))


class FinalOrderPanel(SafetyNet, w.VBox):  # ipywidgets ships no type hints: VBox is Any
    """Agree the final priority order: take the top of a ranking, reorder, annotate, save."""

    def __init__(self, session: PlanSession) -> None:
        self.session = session
        self.lang = session.lang
        lang = self.lang
        self.order: list[str] = []
        self.notes: dict[str, str] = {}
        self.source = "gabungan"
        self.chosen = w.Select(rows=10, layout=w.Layout(width="420px"))
        self.chosen.add_class("rtplan-final-order")
        self.others = w.Select(rows=10, layout=w.Layout(width="340px"))
        self.others.add_class("rtplan-final-others")
        self.up_button = w.Button(description=t("ui.needs.up", lang), icon="arrow-up")
        self.down_button = w.Button(description=t("ui.needs.down", lang), icon="arrow-down")
        self.remove_button = w.Button(description=t("ui.needs.remove", lang), icon="arrow-right")
        self.add_button = w.Button(description=t("ui.needs.add", lang), icon="arrow-left")
        self.up_button.on_click(lambda _: self.move(-1))
        self.down_button.on_click(lambda _: self.move(1))
        self.remove_button.on_click(lambda _: self.remove())
        self.add_button.on_click(lambda _: self.add())
        self.top_k = w.BoundedIntText(value=5, min=1, max=200, description=t("ui.needs.top_k", lang),
                                      layout=w.Layout(width="160px"))
        self.take_from = w.Dropdown(options=[(t(METHOD_LABELS[m], lang), m) for m in
                                             ("combined", "usg", "dots", "pairwise")], value="combined",
                                    layout=w.Layout(width="260px"))
        self.take_button = w.Button(description=t("ui.needs.take_button", lang), icon="download")
        self.take_button.add_class("rtplan-final-take")
        self.take_button.on_click(lambda _: self.take())
        self.note = w.Text(description=t("ui.needs.note", lang), style=_STYLE, layout=w.Layout(width="700px"))
        self.note.observe(self._on_note, names="value")
        self.save_button = w.Button(description=t("ui.save", lang), icon="check", button_style="success")
        self.save_button.add_class("rtplan-save-final")
        self.save_button.on_click(lambda _: self.save())
        self.clear_button = w.Button(description=t("ui.needs.clear", lang), icon="trash", button_style="danger")
        self.clear_button.on_click(lambda _: self.ask_clear())
        self.clear_button.add_class("rtplan-clear-final")
        self.confirm = ConfirmBar(lang, "final")
        self.status = StatusLine()
        safety = self.safety_net("final")
        self.chosen.observe(self._on_pick, names="value")
        session.on_change(lambda changed: self.load() if changed & {"priorities", "needs"} else None)
        super().__init__([
            w.HTML(fragment(_H3, text=t("ui.needs.final_title", lang)) + fragment(_P, text=t("ui.needs.final_help",
                                                                                               lang))),
            w.HBox([w.HTML(fragment(_BOLD, text=t("ui.needs.take", lang))), self.take_from, self.top_k,
                    self.take_button]),
            w.HBox([self.chosen, w.VBox([self.up_button, self.down_button, self.remove_button, self.add_button]),
                    w.VBox([w.HTML(fragment(_BOLD, text=t("ui.needs.others", lang))), self.others])]),
            self.note, w.HBox([self.save_button, self.clear_button, safety]), self.confirm, self.status])
        self.add_class("rtplan-final-panel")
        self.load()

    def load(self) -> None:
        """Show the saved priority order."""
        pri = stored_priorities(self.session.plan)
        self.order = pri["need_id"].tolist()
        self.notes = dict(zip(pri["need_id"], pri["note"]))
        methods = [m for m in pri["method"] if m]
        self.source = methods[0] if methods else "gabungan"
        self._render()

    def _render(self, select: str | None = None) -> None:
        labels = need_labels(self.session.plan)
        self.chosen.unobserve(self._on_pick, names="value")
        self.chosen.options = [(f"{i + 1}. {labels.get(n, n)}", n) for i, n in enumerate(self.order)]
        self.chosen.value = select if select in self.order else None
        self.chosen.observe(self._on_pick, names="value")
        self.others.options = [(label, n) for n, label in labels.items() if n not in self.order]
        self._on_pick({"new": self.chosen.value})

    def _on_pick(self, change: dict[str, Any]) -> None:
        need = change["new"]
        self.note.unobserve(self._on_note, names="value")
        self.note.value = self.notes.get(need, "") if need else ""
        self.note.disabled = need is None
        self.note.observe(self._on_note, names="value")

    def _on_note(self, change: dict[str, Any]) -> None:
        if self.chosen.value:
            self.notes[self.chosen.value] = str(change["new"])

    def take(self) -> None:
        """Replace the working order by the top ``k`` of the chosen ranking (not saved yet)."""
        method = self.take_from.value
        result = all_rankings(self.session.plan, lang=self.lang)[method]
        self.order = result.order[: int(self.top_k.value)]
        self.source = "gabungan" if method == "combined" else method
        self._render()
        self.status.clear()

    def move(self, step: int) -> None:
        need = self.chosen.value
        if need is None:
            self.status.error([t("ui.pick_first", self.lang)])
            return
        i = self.order.index(need)
        j = min(max(i + step, 0), len(self.order) - 1)
        self.order[i], self.order[j] = self.order[j], self.order[i]
        self._render(select=need)

    def remove(self) -> None:
        need = self.chosen.value
        if need is None:
            self.status.error([t("ui.pick_first", self.lang)])
            return
        self.order.remove(need)
        self._render()

    def add(self) -> None:
        need = self.others.value
        if need is None:
            self.status.error([t("ui.pick_first", self.lang)])
            return
        self.order.append(need)
        self._render(select=need)

    def save(self) -> bool:
        """Save the order on screen as priorities.csv (rank 1, 2, ...)."""
        method = self.source if self.source in PRIORITY_METHODS else "gabungan"
        frame = priorities_frame(self.order, method, {n: self.notes.get(n, "") for n in self.order})
        if not self.save_updates({"priorities": frame}):
            return False
        self.status.ok(t("ui.needs.final_saved", self.lang, n=len(self.order)))
        return True

    def ask_clear(self) -> bool:
        """What "Kosongkan" does: ask first, saying how many stored priorities go; ``True`` when asked."""
        self.confirm.hide()
        stored = len(stored_priorities(self.session.plan))
        if not stored:
            self.status.ok(t("ui.needs.final_cleared", self.lang))
            return False
        self.status.clear()
        self.confirm.ask(t("ui.needs.confirm_clear", self.lang, n=stored), self.clear)
        return True

    def undo(self) -> bool:
        self.confirm.hide()
        return super().undo()

    def clear(self) -> bool:
        """Remove the stored order at once (the final order then falls back to the combined ranking)."""
        if not self.save_updates({"priorities": priorities_frame([])}):
            return False
        self.status.ok(t("ui.needs.final_cleared", self.lang))
        return True

    def typing(self) -> object:
        return list(self.order), dict(self.notes), self.source, self.chosen.value

    def restore_typing(self, typed: object) -> None:
        order, notes, source, chosen = cast("tuple[Any, ...]", typed)
        known = set(need_labels(self.session.plan))
        self.order = [n for n in order if n in known]
        self.notes, self.source = notes, source
        self._render(select=chosen)
