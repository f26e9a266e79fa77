"""Step 1: needs and their priority (pure functions on the plan's tables).

One module per concept (``docs/architecture.md`` lists them):

* :mod:`~rtplan.needs.methods` - every method's scores and order (tie-breaks), for one
  plan or many plans at once (the research batch uses them too);
* :mod:`~rtplan.needs.usg` - USG scoring (Urgency + Seriousness + Growth, each 1-5);
* :mod:`~rtplan.needs.dots` - dot voting;
* :mod:`~rtplan.needs.pairwise` - pairwise ranking (PRA), missing pairs and cycles;
* :mod:`~rtplan.needs.combined` - the three rankings side by side, rank correlations;
* :mod:`~rtplan.needs.final` - the final order (``priorities.csv``), every ranking at once;
* :mod:`~rtplan.needs.results` - the result dataclasses;
* :mod:`~rtplan.needs.editing` - row editors, the pairwise session order;
* :mod:`~rtplan.needs.problem_tree` - the problem tree of a need;
* :mod:`~rtplan.needs.summary` - needs per category, labels for lists;
* :mod:`~rtplan.needs.base` - what the methods share.

The tables people read (the rankings, needs by category) are declared in
:mod:`rtplan.views.needs`; a ranking shows itself in a notebook through its view.
Everything public is importable from here: ``from rtplan.needs import usg_ranking``.
"""

from rtplan.needs.base import (
    AGGREGATES,
    BASE_METHODS,
    CRITERIA,
    METHOD_LABELS,
    METHODS,
    RANKING_TABLES,
    SOURCE_LABELS,
    STEP1_TABLES,
    TIE_BREAK,
    Tables,
    natural_key,
)
from rtplan.needs.combined import combined_view, kendall_tau_b, spearman
from rtplan.needs.dots import dot_ranking, suggested_dots
from rtplan.needs.editing import (
    judgement,
    pair_schedule,
    pending_pairs,
    priorities_frame,
    read_votes_grid,
    set_pairwise,
    set_usg_scores,
    set_votes,
    set_votes_grid,
    upsert_tree_node,
    votes_grid,
)
from rtplan.needs.final import all_rankings, final_order, priority_order, ranking, stored_priorities, top_needs
from rtplan.needs.pairwise import pairwise_matrix, pairwise_ranking
from rtplan.needs.problem_tree import problem_tree, tree_focus_need, tree_need_ids
from rtplan.needs.results import (
    CombinedView,
    DotRanking,
    FinalOrder,
    PairwiseRanking,
    ProblemTree,
    Ranking,
    TreeNode,
    UsgRanking,
)
from rtplan.needs.summary import CATEGORY_LABELS, need_labels, needs_by_category, needs_ids
from rtplan.needs.usg import usg_ranking

__all__ = [
    "AGGREGATES",
    "BASE_METHODS",
    "CATEGORY_LABELS",
    "CRITERIA",
    "METHODS",
    "METHOD_LABELS",
    "RANKING_TABLES",
    "SOURCE_LABELS",
    "STEP1_TABLES",
    "TIE_BREAK",
    "CombinedView",
    "DotRanking",
    "FinalOrder",
    "PairwiseRanking",
    "ProblemTree",
    "Ranking",
    "Tables",
    "TreeNode",
    "UsgRanking",
    "all_rankings",
    "combined_view",
    "dot_ranking",
    "final_order",
    "judgement",
    "kendall_tau_b",
    "natural_key",
    "need_labels",
    "needs_by_category",
    "needs_ids",
    "pair_schedule",
    "pairwise_matrix",
    "pairwise_ranking",
    "pending_pairs",
    "priorities_frame",
    "priority_order",
    "problem_tree",
    "ranking",
    "read_votes_grid",
    "set_pairwise",
    "set_usg_scores",
    "set_votes",
    "set_votes_grid",
    "spearman",
    "stored_priorities",
    "suggested_dots",
    "top_needs",
    "tree_focus_need",
    "tree_need_ids",
    "upsert_tree_node",
    "usg_ranking",
    "votes_grid",
]
