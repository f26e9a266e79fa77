"""Step 1 as tabs: every panel, with the live ranking beside the USG grid and the dots.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import ipywidgets as w

from rtplan.charts.needs import category_figure, dots_figure, ranking_figure
from rtplan.messages import t
from rtplan.needs import (
    dot_ranking,
    usg_ranking,
)
from rtplan.plan import Plan
from rtplan.render import fragment
from rtplan.render.views import to_html
from rtplan.ui.base import (
    LiveResult,
    PlanSession,
    TableEditor,
    open_session,
    step_tabs,
)
from rtplan.ui.needs.common import (
    _H3,
    TAB_LABELS,
    _show_figure,
)
from rtplan.ui.needs.dots import DotGridPanel, DotVotePanel
from rtplan.ui.needs.pairwise import PairwiseRunner
from rtplan.ui.needs.ranking import FinalOrderPanel, RankingPanel
from rtplan.ui.needs.tree import ProblemTreePanel
from rtplan.ui.needs.usg import UsgGrid
from rtplan.views.needs import by_category_view


class NeedsSummary(w.VBox):  # ipywidgets ships no type hints: VBox is Any
    """Needs per category and households affected (table and chart), live."""

    def __init__(self, session: PlanSession) -> None:
        self.session = session
        self.table = w.HTML()
        self.table.add_class("rtplan-needs-summary")
        self.chart = w.Output()
        session.on_change(lambda changed: self.refresh() if "needs" in changed else None)
        super().__init__([w.HTML(fragment(_H3, text=t("ui.needs.summary_title", session.lang))), self.table,
                          self.chart])
        self.refresh()

    def refresh(self) -> None:
        self.table.value = to_html(by_category_view(self.session.plan, self.session.lang), caption=False)
        _show_figure(self.chart, category_figure(self.session.plan, self.session.lang))


PANELS = ("needs", "usg", "dots", "dotgrid", "pairwise", "ranking", "final", "tree", "summary")


# the tables each method's ranking reads (its chart is drawn again only when one changes)
_RANKED_BY = {"usg": ("needs", "usg_scores", "votes", "priorities"), "dots": ("needs", "votes")}


def _usg_chart(plan: Plan) -> object:
    return ranking_figure(usg_ranking(plan, lang=plan.message_lang), beside=True)


def _dots_chart(plan: Plan) -> object:
    return dots_figure(dot_ranking(plan, lang=plan.message_lang), beside=True)


def step1(plan: str | Path | Plan | PlanSession, lang: str | None = None) -> w.Tab:
    """The whole step 1 as tabs: needs, USG, dot votes, pairwise, ranking, final order, problem tree, summary.

    Parameters
    ----------
    plan : the plan folder (or a loaded plan, or an open session shared with other steps).
    lang : ``"id"`` or ``"en"`` (default: the plan's language).
    """
    session = open_session(plan, lang)
    lang = session.lang
    panels: dict[str, Callable[[], w.Widget]] = {
        "needs": lambda: TableEditor(session, "needs", id_prefix="N", id_width=2),
        "usg": lambda: UsgGrid(session),
        "dots": lambda: DotVotePanel(session),
        "dotgrid": lambda: DotGridPanel(session),
        "pairwise": lambda: PairwiseRunner(session),
        "ranking": lambda: RankingPanel(session),
        "final": lambda: FinalOrderPanel(session),
        "tree": lambda: ProblemTreePanel(session),
        "summary": lambda: NeedsSummary(session),
    }
    # the USG grid and the dot votes with their ranking chart beside them; each tab redraws only when open
    return step_tabs(session, [(k, t(TAB_LABELS[k], lang), p) for k, p in panels.items()], 1, beside={
        "usg": lambda: LiveResult(session, _usg_chart, _RANKED_BY["usg"]),
        "dots": lambda: LiveResult(session, _dots_chart, _RANKED_BY["dots"]),
    }, chart=True)
