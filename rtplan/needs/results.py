"""The results of step 1: rankings (one dataclass per method) and problem trees.

Each ranking holds a table (``need_id``, ``title``, ``rank``, ``score``, ... best
first), the tie-break rule in words and notes for the facilitator. A ranking shows
is shown in a notebook as its declared view (:func:`rtplan.views.needs.ranking_view`),
through the formatter the notebook faces register (:mod:`rtplan.ui.display`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd


@dataclass(frozen=True, eq=False)
class Ranking:
    """A ranking of needs, best first.

    Attributes
    ----------
    method : ``usg``, ``dots``, ``pairwise``, ``combined`` or ``final``.
    table : one row per ranked need, best first; always ``need_id``, ``title``,
        ``category``, ``rank`` (1, 2, 3, ... no shared ranks: the tie-break decides),
        ``score`` (higher is better) and ``decided_by`` (the tie-break key that put the
        row below the one above when their main score is equal, else ``""``), plus the
        method's own columns.
    tie_break : the tie-break rule in words (print it with every result).
    notes : what the facilitator should know, in the requested language.
    lang : the language of ``tie_break`` and ``notes``.
    """

    method: str
    table: pd.DataFrame
    tie_break: str
    notes: tuple[str, ...]
    lang: str

    @property
    def order(self) -> list[str]:
        """The need ids, best first."""
        return [str(v) for v in self.table["need_id"]]

    def rank_of(self, need_id: str) -> int | None:
        """The rank of one need, ``None`` when this method did not rank it."""
        hit = self.table.loc[self.table["need_id"] == need_id, "rank"]
        return None if hit.empty else int(hit.iloc[0])



@dataclass(frozen=True, eq=False)
class UsgRanking(Ranking):
    """USG ranking; ``consensus`` lists the needs scored by a ``konsensus`` row."""

    aggregate: str = "mean"
    consensus: tuple[str, ...] = ()
    unscored: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class DotRanking(Ranking):
    """Dot-voting ranking: every need, with 0 when nobody voted for it."""

    total_dots: int = 0
    voters: int = 0
    suggested_dots: int = 1


@dataclass(frozen=True, eq=False)
class PairwiseRanking(Ranking):
    """Pairwise ranking of the compared needs (``candidates``).

    ``missing_pairs`` are pairs of candidates nobody judged; ``cycles`` are examples
    of circular judgements (``("N01", "N02", "N03")`` reads N01 beats N02 beats N03
    beats N01); ``inconsistent`` are the groups of needs caught in such cycles;
    ``three_cycles`` counts all circular triads.
    """

    candidates: tuple[str, ...] = ()
    judgements: int = 0
    judged_pairs: int = 0
    missing_pairs: tuple[tuple[str, str], ...] = ()
    cycles: tuple[tuple[str, ...], ...] = ()
    inconsistent: tuple[tuple[str, ...], ...] = ()
    three_cycles: int = 0


@dataclass(frozen=True, eq=False)
class CombinedView(Ranking):
    """The three rankings side by side.

    ``table`` has ``usg_rank``, ``dots_rank``, ``pairwise_rank`` (each method's rank
    by score, equal scores sharing their average rank such as 2.5; ``<NA>`` when the
    method did not rank the need), ``mean_rank``, ``spread`` (largest minus smallest
    rank over the methods that ranked the need) and ``discuss`` (spread at or above
    the threshold). ``correlations`` has one row per pair of methods: ``method_a``,
    ``method_b``, ``n`` (needs ranked by both), ``spearman`` and ``kendall`` (tau-b),
    computed on the scores (ties kept).
    """

    methods: tuple[str, ...] = ()
    correlations: pd.DataFrame = field(default_factory=pd.DataFrame)
    shared_top: tuple[str, ...] = ()
    top_k: int = 5
    discuss: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class FinalOrder(Ranking):
    """The final priority order: ``stored`` (from priorities.csv) first, then the rest.

    ``source`` is ``"stored"`` when priorities.csv has rows, else ``"combined"``.
    """

    source: str = "combined"
    stored: tuple[str, ...] = ()


@dataclass(frozen=True)
class TreeNode:
    """One box of a problem tree; ``children`` are its causes (below) or effects (above)."""

    node_id: str
    kind: str
    text: str
    children: tuple[TreeNode, ...] = ()

    def count_leaves(self) -> int:
        return max(1, sum(c.count_leaves() for c in self.children))

    def depth(self) -> int:
        return 1 + max((c.depth() for c in self.children), default=0)


@dataclass(frozen=True)
class ProblemTree:
    """The problem tree of one need.

    ``core`` is the core problem (``inti``; when missing, a stand-in with the need's
    title and an empty ``node_id``); ``causes`` hang below it, ``effects`` above it.
    ``warnings`` say which nodes were placed differently from their stored parent.
    """

    need_id: str
    title: str
    core: TreeNode
    causes: tuple[TreeNode, ...]
    effects: tuple[TreeNode, ...]
    warnings: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.core.node_id and not self.causes and not self.effects
