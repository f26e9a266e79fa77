"""Step 1 panels: needs, USG grid, dot votes, pairwise runner, live ranking, final order, problem tree.

Every panel reads its widgets, calls one function of :mod:`rtplan.needs` and saves
through the :class:`~rtplan.ui.base.PlanSession`; a refused change shows its message
in the panel and leaves the typed values on screen and the files on disk as they were.
One module per panel: :mod:`~rtplan.ui.needs.usg`, :mod:`~rtplan.ui.needs.dots`,
:mod:`~rtplan.ui.needs.pairwise`, :mod:`~rtplan.ui.needs.ranking` (live ranking and
final order), :mod:`~rtplan.ui.needs.tree`; :mod:`~rtplan.ui.needs.step` puts them
together as tabs (the needs table itself is the generic
:class:`~rtplan.ui.base.TableEditor`).
"""

from rtplan.ui.needs.common import BIG, CRITERION_LABELS, TAB_LABELS, TREE_KIND_LABELS, USG_HIGH, USG_LOW, figure_html
from rtplan.ui.needs.dots import DotGridPanel, DotVotePanel
from rtplan.ui.needs.pairwise import PairwiseRunner
from rtplan.ui.needs.ranking import FinalOrderPanel, RankingPanel
from rtplan.ui.needs.step import PANELS, NeedsSummary, step1
from rtplan.ui.needs.tree import ProblemTreePanel
from rtplan.ui.needs.usg import UsgGrid

__all__ = [
    "BIG", "CRITERION_LABELS", "PANELS", "TAB_LABELS", "TREE_KIND_LABELS", "USG_HIGH", "USG_LOW",
    "DotGridPanel", "DotVotePanel", "FinalOrderPanel", "NeedsSummary", "PairwiseRunner", "ProblemTreePanel",
    "RankingPanel", "UsgGrid", "figure_html", "step1",
]
