"""Step 1: needs and their priority (pure functions on the plan's tables).

Methods (see ``shared/domain.md``):

* **USG** (Urgency, Seriousness, Growth): each need gets 1-5 per criterion; total =
  U+S+G; highest total first. With several scorers each criterion is aggregated
  over them (mean by default, or median) and the total is the sum of the aggregated
  criteria; the spread of the scorers' totals is shown. A ``konsensus`` row (the
  meeting's agreed score) takes precedence over the individual scorers of that need.
* **Dot voting**: totals per need, share of all dots, how many people voted.
* **Pairwise ranking** (PRA): each pair of needs gives one point: win 1, tie 0.5
  each; rank by score. Missing pairs and circular judgements are reported.
* **Combined view**: the three rankings side by side, where they agree and where
  they disagree (rank correlation), to open the discussion.
* **Final order**: what the meeting agreed, stored in ``priorities.csv``.

Every ranking is a frozen dataclass holding a table (``need_id``, ``title``,
``rank``, ``score``, ... best first), the tie-break rule in words and notes for the
facilitator. Functions accept a loaded :class:`~rtplan.plan.Plan` or a mapping of
table name to DataFrame (missing tables count as empty).
"""

from __future__ import annotations

import functools
import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from markupsafe import Markup

from rtplan.display import html_table
from rtplan.fmt import format_number, format_percent
from rtplan.messages import normalize_lang, t
from rtplan.plan import Plan
from rtplan.schema import CONSENSUS, NEED_CATEGORIES, TABLES, TIE
from rtplan.tables import is_missing

Tables = Plan | Mapping[str, pd.DataFrame]

CRITERIA = ("urgency", "seriousness", "growth")
AGGREGATES = ("mean", "median")
METHODS = ("usg", "dots", "pairwise", "combined", "final")
BASE_METHODS = ("usg", "dots", "pairwise")
STEP1_TABLES = frozenset({"needs", "usg_scores", "votes", "pairwise", "priorities", "problem_tree"})
MAX_LISTED = 10  # needs/pairs listed by name in a note before "and N more"

# the sort keys of each method, best first: (column, descending)
TIE_BREAK: dict[str, tuple[tuple[str, bool], ...]] = {
    "usg": (("total", True), ("seriousness", True), ("urgency", True), ("dots", True), ("need_id", False)),
    "dots": (("dots", True), ("voters", True), ("need_id", False)),
    "pairwise": (("score", True), ("wins", True), ("need_id", False)),
    "combined": (("mean_rank", False), ("usg_rank", False), ("need_id", False)),
}


# -- results ----------------------------------------------------------------------------
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


# -- helpers ----------------------------------------------------------------------------
class _Memo(Mapping[str, pd.DataFrame]):
    """The tables of one recomputation, with the prepared needs table kept once.

    :func:`all_rankings` wraps the plan in it so that the five rankings share the work
    of reading the needs (the tables themselves are not copied).
    """

    def __init__(self, tables: Tables) -> None:
        self.tables = tables
        self.lang = tables.lang if isinstance(tables, (Plan, _Memo)) else "id"
        self.prepared: pd.DataFrame | None = None

    def __getitem__(self, name: str) -> pd.DataFrame:
        return _get(self.tables, name)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(TABLES)

    def __len__(self) -> int:
        return len(TABLES)


def _get(tables: Tables, name: str) -> pd.DataFrame:
    if isinstance(tables, (Plan, _Memo)):
        return tables[name]
    frame = tables.get(name)
    return TABLES[name].empty() if frame is None else frame


def _lang(tables: Tables, lang: str | None) -> str:
    if lang:
        return normalize_lang(lang)
    return tables.lang if isinstance(tables, (Plan, _Memo)) else "id"


_NUM = re.compile(r"(\d+)")


def natural_key(ident: str) -> tuple[object, ...]:
    """Sort key that puts ``N2`` before ``N10``."""
    return tuple(int(p) if p.isdigit() else p.lower() for p in _NUM.split(str(ident)) if p != "")


def _needs(tables: Tables) -> pd.DataFrame:
    """The needs with a clean id, title and category, and their natural id order."""
    if isinstance(tables, _Memo):
        if tables.prepared is None:
            tables.prepared = _needs(tables.tables)
        return tables.prepared.copy()
    needs = _get(tables, "needs")
    ids, titles, cats = (_ids(needs[c]) for c in ("need_id", "title", "category"))
    keep, seen = [], set()
    for i, ident in enumerate(ids.tolist()):
        if ident and ident not in seen:
            seen.add(ident)
            keep.append(i)
    ids, titles, cats = ids[keep], titles[keep], cats[keep]
    rank = {ident: i for i, ident in enumerate(sorted(ids.tolist(), key=natural_key))}
    return pd.DataFrame({
        "need_id": pd.Series(ids, dtype=object),
        "title": pd.Series(titles, dtype=object),
        "category": pd.Series(cats, dtype=object),
        "id_order": np.array([rank[i] for i in ids.tolist()], dtype=np.int64),
    })


def _ids(column: pd.Series) -> np.ndarray:
    """A text column as an object array, ``""`` for missing cells."""
    return column.astype("string").fillna("").to_numpy(dtype=object)


def _floats(column: pd.Series) -> np.ndarray:
    """A number column as a float array, NaN for missing or unreadable cells."""
    return pd.to_numeric(column, errors="coerce").astype("Float64").to_numpy(dtype=float, na_value=np.nan)


@functools.lru_cache(maxsize=16)
def _id_index(ids: tuple[str, ...]) -> pd.Index:
    return pd.Index(ids, dtype=object)


def _positions(needs: pd.DataFrame, values: np.ndarray) -> np.ndarray:
    """Row of each value in the prepared needs table (-1 when unknown)."""
    if needs.empty:
        return np.full(len(values), -1, dtype=np.int64)
    return _id_index(tuple(needs["need_id"].tolist())).get_indexer(values)


def _order(keys: Sequence[tuple[str, np.ndarray, bool]]) -> tuple[np.ndarray, list[str]]:
    """Positions best first by ``keys`` (name, values, descending), and what broke each tie.

    The second result says, for each position, the key that put it below the one
    above when the first key is equal (``""`` otherwise).
    """
    arrays = [-np.asarray(v, dtype=float) if desc else np.asarray(v, dtype=float) for _, v, desc in keys]
    n = len(arrays[0])
    if n == 0:
        return np.zeros(0, dtype=np.int64), []
    order = np.lexsort(arrays[::-1])
    decided = np.full(n, "", dtype=object)
    if n > 1:
        ranked = [a[order] for a in arrays]
        same = ranked[0][1:] == ranked[0][:-1]
        for (name, _, _), values in zip(keys[1:], ranked[1:]):
            differs = same & (values[1:] != values[:-1])
            decided[1:][differs] = name
            same &= ~differs
    return order, decided.tolist()


def _group_stats(
    group: np.ndarray, values: np.ndarray, n: int, median: bool = False,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per group 0..n-1: minimum, maximum and (when asked) median of ``values``; NaN for empty groups."""
    count = np.bincount(group, minlength=n)
    has = count > 0
    low, high, mid = (np.full(n, np.nan) for _ in range(3))
    if not has.any():
        return low, high, mid
    order = np.lexsort((values, group)) if median else np.argsort(group, kind="stable")
    v = values[order]
    start = (np.cumsum(count) - count)[has]
    low[has] = np.minimum.reduceat(v, start)
    high[has] = np.maximum.reduceat(v, start)
    if median:
        c = count[has]
        mid[has] = (v[start + (c - 1) // 2] + v[start + c // 2]) / 2
    return low, high, mid


def _group_mean(group: np.ndarray, values: np.ndarray, count: np.ndarray) -> np.ndarray:
    sums = np.bincount(group, weights=values, minlength=len(count))
    return np.where(count > 0, sums / np.maximum(count, 1), np.nan)


def _listed(items: Sequence[str], lang: str, limit: int = MAX_LISTED) -> str:
    shown = ", ".join(items[:limit])
    if len(items) > limit:
        shown += ", " + t("needs.note.and_more", lang, n=len(items) - limit)
    return shown


def _round(values: pd.Series | np.ndarray, digits: int = 6) -> np.ndarray:
    # sums of means carry float noise (4.6 + 4.2 + 4.6); equal totals must compare equal
    return np.round(np.asarray(values, dtype=float), digits)


# -- USG --------------------------------------------------------------------------------
def usg_ranking(
    tables: Tables,
    aggregate: str = "mean",
    use_consensus: bool = True,
    lang: str | None = None,
) -> UsgRanking:
    """Rank needs by USG (Urgency + Seriousness + Growth, each 1-5).

    Parameters
    ----------
    tables : the plan (or its tables ``needs``, ``usg_scores``, ``votes``).
    aggregate : ``"mean"`` (default) or ``"median"`` of each criterion over the scorers.
    use_consensus : a ``konsensus`` row of a need takes precedence over its scorers
        (default); ``False`` ranks by the individual scorers only.
    lang : language of the tie-break and notes (default: the plan's).

    Returns
    -------
    UsgRanking
        ``table`` columns: ``need_id``, ``title``, ``category``, ``rank``, ``score``
        (= ``total``), ``urgency``, ``seriousness``, ``growth`` (aggregated or
        consensus), ``total``, ``source`` (``konsensus``, ``mean`` or ``median``),
        ``n_scorers``, per criterion ``*_min``/``*_max`` and ``total_min``,
        ``total_max``, ``total_std`` over the individual scorers, ``dots`` (for the
        tie-break) and ``decided_by``. Needs without any score are left out and listed
        in ``unscored``.

    Examples
    --------
    The published example (three issues, one scorer): totals 13, 14, 10 give
    issue 2 rank I, issue 1 rank II, issue 3 rank III.
    """
    if aggregate not in AGGREGATES:
        raise ValueError(f"aggregate must be one of {AGGREGATES}, not {aggregate!r}")
    lang = _lang(tables, lang)
    needs = _needs(tables)
    n = len(needs)
    ids = needs["need_id"].to_numpy(dtype=object)
    scores = _get(tables, "usg_scores")
    pos = _positions(needs, _ids(scores["need_id"]))
    crit = np.column_stack([_floats(scores[c]) for c in CRITERIA]) if len(scores) else np.empty((0, 3))
    ok = (pos >= 0) & ~np.isnan(crit).any(axis=1)
    is_cons = _ids(scores["scorer"]) == CONSENSUS
    group, values = pos[ok & ~is_cons], crit[ok & ~is_cons]
    count = np.bincount(group, minlength=n)
    agg, low, high = (np.full((n, 3), np.nan) for _ in range(3))
    for k in range(3):
        low[:, k], high[:, k], median = _group_stats(group, values[:, k], n, aggregate == "median")
        agg[:, k] = median if aggregate == "median" else _group_mean(group, values[:, k], count)
    totals = values.sum(axis=1)
    total_min, total_max, _ = _group_stats(group, totals, n)
    total_mean = _group_mean(group, totals, count)
    total_std = np.sqrt(_group_mean(group, (totals - total_mean[group]) ** 2, count))
    source = np.full(n, aggregate, dtype=object)
    has_cons = np.zeros(n, dtype=bool)
    if use_consensus:
        rows = ok & is_cons
        cons_pos, cons_values = pos[rows], crit[rows]
        if len(cons_pos):  # the last consensus row of a need counts
            unique, first_from_end = np.unique(cons_pos[::-1], return_index=True)
            agg[unique] = cons_values[len(cons_pos) - 1 - first_from_end]
            has_cons[unique] = True
            source[has_cons] = CONSENSUS
    consensus = [str(x) for x in ids[has_cons]]
    agg = _round(agg)
    total = _round(agg.sum(axis=1))
    dots = _dot_arrays(tables, needs)[0]
    chosen = np.nonzero((count > 0) | has_cons)[0]
    order, decided = _order([("total", total[chosen], True), ("seriousness", agg[chosen, 1], True),
                             ("urgency", agg[chosen, 0], True), ("dots", dots[chosen], True),
                             ("need_id", needs["id_order"].to_numpy()[chosen], False)])
    idx = chosen[order]
    data: dict[str, object] = {
        "need_id": ids[idx], "title": needs["title"].to_numpy(dtype=object)[idx],
        "category": needs["category"].to_numpy(dtype=object)[idx], "rank": np.arange(1, len(idx) + 1),
        "score": total[idx],
    }
    data.update({c: agg[idx, k] for k, c in enumerate(CRITERIA)})
    data.update({"total": total[idx], "source": source[idx], "n_scorers": count[idx]})
    for k, c in enumerate(CRITERIA):
        data[f"{c}_min"] = low[idx, k]
        data[f"{c}_max"] = high[idx, k]
    data.update({"total_min": total_min[idx], "total_max": total_max[idx], "total_std": total_std[idx],
                 "dots": dots[idx].astype(int), "decided_by": decided})
    table = pd.DataFrame(data)
    scored = set(table["need_id"].tolist())
    unscored = tuple(n for n in needs["need_id"].tolist() if n not in scored)
    notes: list[str] = []
    if table.empty:
        notes.append(t("needs.note.no_needs", lang) if needs.empty else t("needs.note.no_usg", lang))
    else:
        if consensus:
            notes.append(t("needs.note.usg_consensus", lang, needs=_listed(consensus, lang)))
        cons_ids = set(consensus)
        aggregated = [n for n in table["need_id"].tolist() if n not in cons_ids]
        if aggregated and consensus:
            notes.append(t("needs.note.usg_aggregate", lang, aggregate=t(f"needs.aggregate.{aggregate}", lang),
                           needs=_listed(aggregated, lang)))
        elif aggregated:
            notes.append(t("needs.note.usg_aggregate_all", lang,
                           aggregate=t(f"needs.aggregate.{aggregate}", lang),
                           n=int(table["n_scorers"].max())))
        if (table["n_scorers"] > 1).any():
            notes.append(t("needs.note.usg_spread", lang))
    if unscored and not needs.empty and not table.empty:
        notes.append(t("needs.note.unscored", lang, needs=_listed(list(unscored), lang)))
    return UsgRanking("usg", table, t("needs.tiebreak.usg", lang), tuple(notes), lang,
                      aggregate=aggregate, consensus=tuple(consensus), unscored=unscored)


# -- dot voting -------------------------------------------------------------------------
def _dot_arrays(tables: Tables, needs: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, int]:
    """Per need (prepared order): dots, people who gave it at least one dot; and all voters."""
    n = len(needs)
    votes = _get(tables, "votes")
    pos = _positions(needs, _ids(votes["need_id"]))
    dots = np.nan_to_num(_floats(votes["dots"]))
    ok = pos >= 0
    totals = np.bincount(pos[ok], weights=dots[ok], minlength=n)
    given = ok & (dots > 0)
    codes, people = pd.factorize(_ids(votes["participant_id"])[given])
    width = max(len(people), 1)
    pairs = np.unique(pos[given].astype(np.int64) * width + codes)
    voters = np.bincount(pairs // width, minlength=n)
    return totals, voters, len(people)


def suggested_dots(n_needs: int) -> int:
    """Dots per participant for ``n_needs`` options: about one per 4-5 options, at least 1."""
    return max(1, int(round(n_needs / 4.5)))


def dot_ranking(tables: Tables, lang: str | None = None) -> DotRanking:
    """Rank needs by dot votes.

    Returns
    -------
    DotRanking
        ``table`` columns: ``need_id``, ``title``, ``category``, ``rank``, ``score``
        (= ``dots``), ``dots``, ``share`` (of all dots, 0-1), ``voters`` (people who
        put at least one dot on it), ``decided_by``. Every need is listed (0 when
        nobody voted for it); ``voters`` of the result counts everyone who voted.
    """
    lang = _lang(tables, lang)
    needs = _needs(tables)
    dots, voters, n_voters = _dot_arrays(tables, needs)
    total = int(dots.sum())
    order, decided = _order([("dots", dots, True), ("voters", voters, True),
                             ("need_id", needs["id_order"].to_numpy(), False)])
    table = pd.DataFrame({
        "need_id": needs["need_id"].to_numpy(dtype=object)[order],
        "title": needs["title"].to_numpy(dtype=object)[order],
        "category": needs["category"].to_numpy(dtype=object)[order],
        "rank": np.arange(1, len(order) + 1),
        "score": dots[order].astype(int),
        "dots": dots[order].astype(int),
        "share": dots[order] / total if total else np.zeros(len(order)),
        "voters": voters[order].astype(int),
        "decided_by": decided,
    })
    k = suggested_dots(len(needs))
    notes: list[str] = []
    if needs.empty:
        notes.append(t("needs.note.no_needs", lang))
    elif total == 0:
        notes.append(t("needs.note.no_votes", lang))
        notes.append(t("needs.note.dots_budget", lang, k=k, n=len(needs)))
    else:
        notes.append(t("needs.note.dots", lang, voters=n_voters, total=total, n=len(needs)))
        notes.append(t("needs.note.dots_budget", lang, k=k, n=len(needs)))
        notes.append(t("needs.note.dots_bias", lang))
    return DotRanking("dots", table, t("needs.tiebreak.dots", lang), tuple(notes), lang,
                      total_dots=total, voters=n_voters, suggested_dots=k)


# -- pairwise ---------------------------------------------------------------------------
def pairwise_matrix(
    tables: Tables,
    candidates: Sequence[str] | None = None,
) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The pair results among ``candidates``.

    Returns ``(ids, share, count)``: ``share[i, j]`` is the part of the pair's one
    point that need ``i`` got against need ``j`` (1 win, 0.5 tie, split by shares when
    several people judged the pair; NaN when not judged) and ``count[i, j]`` how many
    judgements the pair has. Default candidates: every need that appears in
    ``pairwise.csv``, in the needs' order.
    """
    needs = _needs(tables)
    pw = _get(tables, "pairwise")
    a, b, win = _ids(pw["need_a"]), _ids(pw["need_b"]), _ids(pw["winner"])
    known = needs["need_id"].tolist()
    if candidates is None:
        seen = set(a) | set(b)
        ids = [n for n in known if n in seen]
    else:
        wanted = set(candidates)
        ids = [n for n in known if n in wanted]
    n = len(ids)
    index = pd.Index(ids, dtype=object)
    ia = index.get_indexer(a) if n else np.full(len(a), -1)
    ib = index.get_indexer(b) if n else np.full(len(b), -1)
    ok = (ia >= 0) & (ib >= 0) & (a != b) & ((win == a) | (win == b) | (win == TIE))
    ia, ib, a_, win_ = ia[ok].astype(np.int64), ib[ok].astype(np.int64), a[ok], win[ok]
    points_a = np.where(win_ == a_, 1.0, np.where(win_ == TIE, 0.5, 0.0))
    lo, hi = np.minimum(ia, ib), np.maximum(ia, ib)
    points_lo = np.where(ia < ib, points_a, 1.0 - points_a)
    code = lo * max(n, 1) + hi
    size = max(n, 1) ** 2
    count_flat = np.bincount(code, minlength=size).astype(float)
    sum_flat = np.bincount(code, weights=points_lo, minlength=size)
    count = count_flat.reshape(max(n, 1), max(n, 1))[:n, :n]
    with np.errstate(invalid="ignore", divide="ignore"):
        upper = np.where(count > 0, sum_flat.reshape(max(n, 1), max(n, 1))[:n, :n] / count, np.nan)
    share = np.full((n, n), np.nan)
    iu = np.triu_indices(n, 1)
    share[iu] = upper[iu]
    share.T[iu] = 1.0 - upper[iu]
    total_count = count + count.T
    return ids, share, total_count


def _cycle_groups(beats: np.ndarray) -> list[list[int]]:
    """Groups of needs that reach each other through 'beats' (strongly connected, >1 member)."""
    n = len(beats)
    if n == 0:
        return []
    reach = (beats | np.eye(n, dtype=bool)).astype(np.float32)
    while True:
        nxt = ((reach @ reach) > 0).astype(np.float32)
        if np.array_equal(nxt, reach):
            break
        reach = nxt
    mutual = (reach > 0) & (reach > 0).T
    groups, seen = [], set()
    for i in range(n):
        if i in seen:
            continue
        members = [int(j) for j in np.nonzero(mutual[i])[0]]
        seen.update(members)
        if len(members) > 1:
            groups.append(members)
    return groups


def _example_cycle(beats: np.ndarray, members: list[int]) -> list[int]:
    """A shortest cycle through the first member of a strongly connected group."""
    start = members[0]
    inside = set(members)
    prev = {start: -1}
    frontier = [start]
    while frontier:
        nxt = []
        for u in frontier:
            for v in np.nonzero(beats[u])[0]:
                v = int(v)
                if v == start:
                    path = [u]
                    while prev[path[-1]] != -1:
                        path.append(prev[path[-1]])
                    return path[::-1]
                if v in inside and v not in prev:
                    prev[v] = u
                    nxt.append(v)
        frontier = nxt
    return members  # pragma: no cover - a strongly connected group always has a cycle


def pairwise_ranking(
    tables: Tables,
    candidates: Sequence[str] | None = None,
    lang: str | None = None,
) -> PairwiseRanking:
    """Rank needs by pairwise comparison (PRA): win 1, tie 0.5, rank by score.

    Parameters
    ----------
    tables : the plan (or its tables ``needs`` and ``pairwise``).
    candidates : the needs compared (default: those appearing in ``pairwise.csv``).
    lang : language of the tie-break and notes.

    Returns
    -------
    PairwiseRanking
        ``table`` columns: ``need_id``, ``title``, ``category``, ``rank``, ``score``,
        ``wins``, ``ties``, ``losses``, ``judged`` (pairs with a judgement),
        ``missing`` (pairs without), ``decided_by``. A pair judged by several people
        gives its one point by shares (2 of 3 for A: A gets 0.667). Also the missing
        pairs, example cycles (A beats B beats C beats A) and the groups caught in them.
    """
    lang = _lang(tables, lang)
    needs = _needs(tables)
    ids, share, count = pairwise_matrix(tables, candidates)
    n = len(ids)
    judged = ~np.isnan(share)
    filled = np.where(judged, share, 0.0)
    beats = judged & (share > 0.5 + 1e-9)
    rows = _positions(needs, np.asarray(ids, dtype=object))
    score = _round(filled.sum(axis=1))
    wins = beats.sum(axis=1)
    order, decided = _order([("score", score, True), ("wins", wins, True),
                             ("need_id", needs["id_order"].to_numpy()[rows], False)])
    at = rows[order]
    judged_n = judged.sum(axis=1)
    table = pd.DataFrame({
        "need_id": needs["need_id"].to_numpy(dtype=object)[at],
        "title": needs["title"].to_numpy(dtype=object)[at],
        "category": needs["category"].to_numpy(dtype=object)[at],
        "rank": np.arange(1, n + 1),
        "score": score[order],
        "wins": wins[order].astype(int),
        "ties": (judged & np.isclose(filled, 0.5)).sum(axis=1)[order].astype(int),
        "losses": (judged & (share < 0.5 - 1e-9)).sum(axis=1)[order].astype(int),
        "judged": judged_n[order].astype(int),
        "missing": (n - 1 - judged_n[order]).astype(int),
        "decided_by": decided,
    })
    iu = np.triu_indices(n, 1)
    gaps = ~judged[iu]
    missing = tuple((ids[i], ids[j]) for i, j in zip(iu[0][gaps], iu[1][gaps]))
    b = beats.astype(np.float64)
    three = int(round(np.trace(b @ b @ b) / 3)) if n else 0
    groups = _cycle_groups(beats)
    cycles: list[tuple[str, ...]] = []
    if three:
        two = (b @ b) > 0
        closing = np.argwhere(beats.T & two)  # (i, k): i -> j -> k and k -> i
        seen: set[tuple[int, ...]] = set()
        for i, k in closing:
            j = int(np.nonzero(beats[i] & beats[:, k])[0][0])
            cyc = (int(i), j, int(k))
            r = cyc.index(min(cyc))
            canon = cyc[r:] + cyc[:r]
            if canon not in seen:
                seen.add(canon)
                cycles.append(tuple(ids[x] for x in canon))
            if len(cycles) >= MAX_LISTED:
                break
    covered = {x for c in cycles for x in c}
    for members in groups:  # a group without a three-cycle (possible when pairs are missing)
        if not covered & {ids[m] for m in members}:
            cycles.append(tuple(ids[m] for m in _example_cycle(beats, members)))
    inconsistent = tuple(tuple(ids[m] for m in g) for g in groups)
    total_pairs = n * (n - 1) // 2
    notes: list[str] = []
    if n == 0:
        notes.append(t("needs.note.no_needs", lang) if needs.empty else t("needs.note.no_pairs", lang))
    else:
        n_judgements = int(count[iu].sum())
        notes.append(t("needs.note.pairs", lang, judged=total_pairs - len(missing), total=total_pairs, n=n,
                       judgements=n_judgements))
        if missing:
            notes.append(t("needs.note.pairs_missing", lang,
                           pairs=_listed([f"{x}-{y}" for x, y in missing], lang)))
        if (count[iu] > 1).any():
            notes.append(t("needs.note.pairs_split", lang))
        if cycles:
            text = "; ".join(" > ".join([*c, c[0]]) for c in cycles[:3])
            notes.append(t("needs.note.cycles", lang, cycles=text))
            if three > 3 or len(cycles) > 3 or len(groups) > 1:
                notes.append(t("needs.note.cycles_more", lang, n=three,
                               groups="; ".join(", ".join(g) for g in inconsistent)))
    judgements = int(count[iu].sum()) if n else 0
    return PairwiseRanking("pairwise", table, t("needs.tiebreak.pairwise", lang), tuple(notes), lang,
                           candidates=tuple(ids), judgements=judgements,
                           judged_pairs=total_pairs - len(missing), missing_pairs=missing,
                           cycles=tuple(cycles), inconsistent=inconsistent, three_cycles=three)


# -- combined view ----------------------------------------------------------------------
def _average_rank(scores: np.ndarray) -> np.ndarray:
    """Rank 1 = highest score; equal scores share their average rank (1, 2.5, 2.5, 4)."""
    x = -np.asarray(scores, dtype=float)
    sorter = np.argsort(x, kind="mergesort")
    inverse = np.empty_like(sorter)
    inverse[sorter] = np.arange(len(x))
    xs = x[sorter]
    new_value = np.r_[True, xs[1:] != xs[:-1]]
    dense = new_value.cumsum()[inverse]
    bounds = np.r_[np.nonzero(new_value)[0], len(x)]
    return 0.5 * (bounds[dense] + bounds[dense - 1] + 1)


def spearman(x: Sequence[float], y: Sequence[float]) -> float | None:
    """Spearman's rho on two score lists (ties get average ranks); ``None`` if undefined."""
    if len(x) < 2:
        return None
    rx = pd.Series(x, dtype=float).rank().to_numpy()
    ry = pd.Series(y, dtype=float).rank().to_numpy()
    if rx.std() == 0 or ry.std() == 0:
        return None
    return float(np.corrcoef(rx, ry)[0, 1])


def kendall_tau_b(x: Sequence[float], y: Sequence[float]) -> float | None:
    """Kendall's tau-b (ties accounted for); ``None`` if undefined."""
    xa, ya = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if len(xa) < 2:
        return None
    iu = np.triu_indices(len(xa), 1)
    dx = np.sign(xa[:, None] - xa[None, :])[iu]
    dy = np.sign(ya[:, None] - ya[None, :])[iu]
    n0 = len(dx)
    n1 = int((dx == 0).sum())
    n2 = int((dy == 0).sum())
    denom = np.sqrt((n0 - n1) * (n0 - n2))
    if denom == 0:
        return None
    return float((dx * dy).sum() / denom)


def combined_view(
    tables: Tables,
    aggregate: str = "mean",
    use_consensus: bool = True,
    discuss_at: int = 3,
    top_k: int = 5,
    lang: str | None = None,
    rankings: Mapping[str, Ranking] | None = None,
) -> CombinedView:
    """The USG, dot and pairwise rankings side by side, and a combined order.

    Each method ranks by its score, equal scores sharing their average rank; needs a
    method did not rank (not scored, not compared) share the places after the ranked
    ones. The combined score is the mean Borda points ``n + 1 - rank`` over the
    methods that have data (so higher is better); ties go to the better USG rank.
    ``spread`` shows how far apart the methods put a need; ``discuss`` flags a spread
    of ``discuss_at`` places or more, where the facilitator should open the talk.

    Parameters
    ----------
    rankings : already computed ``{"usg": ..., "dots": ..., "pairwise": ...}`` (saves
        recomputing them); the missing ones are computed.
    """
    lang = _lang(tables, lang)
    needs = _needs(tables)
    given = dict(rankings or {})
    base = {
        "usg": given.get("usg") or usg_ranking(tables, aggregate, use_consensus, lang),
        "dots": given.get("dots") or dot_ranking(tables, lang),
        "pairwise": given.get("pairwise") or pairwise_ranking(tables, lang=lang),
    }
    has_data = {
        "usg": not base["usg"].table.empty,
        "dots": isinstance(base["dots"], DotRanking) and base["dots"].total_dots > 0,
        "pairwise": isinstance(base["pairwise"], PairwiseRanking) and base["pairwise"].judged_pairs > 0,
    }
    methods = tuple(m for m in BASE_METHODS if has_data[m])
    n = len(needs)
    scores: dict[str, np.ndarray] = {}  # per method, aligned with the needs; NaN = not ranked
    actual: dict[str, np.ndarray] = {}
    filled: dict[str, np.ndarray] = {}
    for m in BASE_METHODS:
        actual[m] = np.full(n, np.nan)
        if not has_data[m]:
            continue
        r = base[m].table
        rows = _positions(needs, r["need_id"].to_numpy(dtype=object))
        scores[m] = np.full(n, np.nan)
        scores[m][rows] = r["score"].to_numpy(dtype=float)
        actual[m][rows] = _average_rank(scores[m][rows])
        rest = (len(rows) + 1 + n) / 2  # the unranked share the places after the ranked ones
        filled[m] = np.where(np.isnan(actual[m]), rest, actual[m])
    usg_ordinal = np.full(n, n + 1.0)
    if has_data["usg"]:
        usg_ordinal[_positions(needs, base["usg"].table["need_id"].to_numpy(dtype=object))] = \
            base["usg"].table["rank"].to_numpy(dtype=float)
    if methods:
        mean_rank = np.mean([filled[m] for m in methods], axis=0)
        present = np.array([actual[m] for m in methods])
        counted = (~np.isnan(present)).sum(axis=0)
        top = np.where(np.isnan(present), -np.inf, present).max(axis=0)
        bottom = np.where(np.isnan(present), np.inf, present).min(axis=0)
        spread = np.where(counted >= 2, top - bottom, np.nan)
    else:
        mean_rank = np.full(n, (n + 1) / 2)
        spread = np.full(n, np.nan)
    mean_rank = _round(mean_rank, 4)
    spread = _round(spread, 4)
    order, decided = _order([("mean_rank", mean_rank, False), ("usg_rank", usg_ordinal, False),
                             ("need_id", needs["id_order"].to_numpy(), False)])
    frame = pd.DataFrame({
        "need_id": needs["need_id"].to_numpy(dtype=object)[order],
        "title": needs["title"].to_numpy(dtype=object)[order],
        "category": needs["category"].to_numpy(dtype=object)[order],
        "rank": np.arange(1, n + 1),
        "score": _round(n + 1 - mean_rank[order], 4),
        "mean_rank": mean_rank[order],
        **{f"{m}_rank": pd.array(actual[m][order], dtype="Float64") for m in BASE_METHODS},
        "spread": spread[order],
        "discuss": np.nan_to_num(spread[order], nan=-1.0) >= discuss_at,
        "decided_by": decided,
    })
    # agreement between the methods, on their scores (ties kept)
    rows = []
    for i, ma in enumerate(methods):
        for mb in methods[i + 1:]:
            both = ~np.isnan(scores[ma]) & ~np.isnan(scores[mb])
            xa, xb = scores[ma][both].tolist(), scores[mb][both].tolist()
            rows.append({"method_a": ma, "method_b": mb, "n": int(both.sum()),
                         "spearman": spearman(xa, xb), "kendall": kendall_tau_b(xa, xb)})
    correlations = pd.DataFrame(rows, columns=["method_a", "method_b", "n", "spearman", "kendall"])
    k = min(top_k, n)
    shared: tuple[str, ...] = ()
    if methods and k:
        tops = [set(base[m].order[:k]) for m in methods]
        shared = tuple(x for x in frame["need_id"].tolist() if all(x in top for top in tops))
    discuss = tuple(frame.loc[frame["discuss"], "need_id"])
    notes: list[str] = []
    if needs.empty:
        notes.append(t("needs.note.no_needs", lang))
    elif not methods:
        notes.append(t("needs.note.no_methods", lang))
    else:
        notes.append(t("needs.note.combined_methods", lang,
                       methods=", ".join(t(f"needs.method.{m}", lang) for m in methods)))
        for row in correlations.itertuples(index=False):
            if row.spearman is None and row.kendall is None:
                continue
            notes.append(t("needs.note.correlation", lang, a=t(f"needs.method.{row.method_a}", lang),
                           b=t(f"needs.method.{row.method_b}", lang),
                           rho=_num(row.spearman, lang), tau=_num(row.kendall, lang), n=row.n))
        if len(methods) > 1:
            notes.append(t("needs.note.shared_top", lang, k=k, needs=", ".join(shared)) if shared
                         else t("needs.note.shared_top_none", lang, k=k))
        if discuss:
            notes.append(t("needs.note.discuss", lang, needs=_listed(list(discuss), lang)))
    return CombinedView("combined", frame, t("needs.tiebreak.combined", lang), tuple(notes), lang,
                        methods=methods, correlations=correlations, shared_top=shared, top_k=k,
                        discuss=discuss)


def _num(value: object, lang: str, decimals: int = 2) -> str:
    if value is None or is_missing(value):
        return "–"
    return format_number(round(float(value), decimals), lang, decimals)  # type: ignore[arg-type]


# -- final order ------------------------------------------------------------------------
def final_order(
    tables: Tables,
    lang: str | None = None,
    combined: CombinedView | None = None,
) -> FinalOrder:
    """The final priority order: the stored ``priorities.csv`` order first.

    Needs not in ``priorities.csv`` follow in the combined ranking's order. With no
    stored priorities the whole order is the combined ranking (``source`` says so).
    ``table`` columns: ``need_id``, ``title``, ``category``, ``rank``, ``score`` (the
    combined score), ``stored`` (in priorities.csv), ``stored_rank``, ``method``,
    ``note``, ``combined_rank``, ``decided_by``.
    """
    lang = _lang(tables, lang)
    comb = combined or combined_view(tables, lang=lang)
    pri = _get(tables, "priorities")
    ids = comb.table["need_id"].tolist()
    known = set(ids)
    entries: dict[str, tuple[float, object, str, str]] = {}
    for need, rank, method, note in zip(_ids(pri["need_id"]), _floats(pri["rank"]), _ids(pri["method"]),
                                        _ids(pri["note"])):
        if need in known and need not in entries:
            entries[need] = (np.inf if np.isnan(rank) else rank, natural_key(need), method, note)
    stored = sorted(entries, key=lambda x: entries[x][:2])
    stored_ids = set(stored)
    ordered = stored + [x for x in ids if x not in stored_ids]
    at = pd.Index(ids, dtype=object).get_indexer(ordered) if ordered else np.zeros(0, dtype=np.int64)
    src = comb.table
    table = pd.DataFrame({
        "need_id": np.asarray(ordered, dtype=object),
        "title": src["title"].to_numpy(dtype=object)[at],
        "category": src["category"].to_numpy(dtype=object)[at],
        "rank": np.arange(1, len(ordered) + 1),
        "score": src["score"].to_numpy(dtype=float)[at],
        "stored": np.array([x in stored_ids for x in ordered], dtype=bool),
        "stored_rank": pd.array([int(entries[x][0]) if x in stored_ids and np.isfinite(entries[x][0]) else None
                                 for x in ordered], dtype="Int64"),
        "method": [entries[x][2] if x in stored_ids else "" for x in ordered],
        "note": [entries[x][3] if x in stored_ids else "" for x in ordered],
        "combined_rank": src["rank"].to_numpy()[at],
        "decided_by": [""] * len(ordered),
    })
    notes: list[str] = []
    if stored:
        notes.append(t("needs.note.final_stored", lang, needs=_listed(stored, lang)))
    elif not table.empty:
        notes.append(t("needs.note.final_fallback", lang))
    else:
        notes.append(t("needs.note.no_needs", lang))
    return FinalOrder("final", table, t("needs.tiebreak.final", lang), tuple(notes), lang,
                      source="stored" if stored else "combined", stored=tuple(stored))


def priority_order(plan: Tables) -> list[str]:
    """The final priority order of the needs (need ids, most important first).

    The stored ``priorities.csv`` order, then every other need in the combined
    ranking's order (the combined ranking alone when nothing is stored). Later steps
    (schedule, handout) use this.
    """
    return final_order(plan).order


def ranking(
    tables: Tables,
    method: str = "final",
    aggregate: str = "mean",
    use_consensus: bool = True,
    lang: str | None = None,
) -> Ranking:
    """One ranking by name: ``usg``, ``dots``, ``pairwise``, ``combined`` or ``final``."""
    if method == "usg":
        return usg_ranking(tables, aggregate, use_consensus, lang)
    if method == "dots":
        return dot_ranking(tables, lang)
    if method == "pairwise":
        return pairwise_ranking(tables, lang=lang)
    if method == "combined":
        return combined_view(tables, aggregate, use_consensus, lang=lang)
    if method == "final":
        memo = _Memo(tables)
        return final_order(memo, lang, combined_view(memo, aggregate, use_consensus, lang=lang))
    raise ValueError(f"method must be one of {METHODS}, not {method!r}")


def all_rankings(
    tables: Tables,
    aggregate: str = "mean",
    use_consensus: bool = True,
    lang: str | None = None,
) -> dict[str, Ranking]:
    """Every ranking at once (each computed once): what a panel refreshes after an edit."""
    lang = _lang(tables, lang)
    tables = _Memo(tables)
    out: dict[str, Ranking] = {
        "usg": usg_ranking(tables, aggregate, use_consensus, lang),
        "dots": dot_ranking(tables, lang),
        "pairwise": pairwise_ranking(tables, lang=lang),
    }
    comb = combined_view(tables, aggregate, use_consensus, lang=lang, rankings=out)
    out["combined"] = comb
    out["final"] = final_order(tables, lang, comb)
    return out


# -- editing (pure: return the new table, the caller saves it) ---------------------------
def _keep_order_update(
    frame: pd.DataFrame,
    key_cols: Sequence[str],
    replace_mask: pd.Series,
    new_rows: list[dict[str, object]],
) -> pd.DataFrame:
    """Replace the rows under ``replace_mask`` with ``new_rows``, keeping row positions.

    A new row whose key matches a replaced row takes that row's place; other new rows
    go at the end; replaced rows without a new row are dropped. Keeps diffs small.
    """
    out = frame.astype("object").copy()
    index_of = {tuple(str(out.at[i, c]) for c in key_cols): i for i in out.index[replace_mask.to_numpy()]}
    placed: set[int] = set()
    extra = []
    for row in new_rows:
        key = tuple(str(row[c]) for c in key_cols)
        i = index_of.get(key)
        if i is None:
            extra.append(row)
            continue
        for col, value in row.items():
            out.at[i, col] = value
        placed.add(i)
    drop = [i for i in index_of.values() if i not in placed]
    out = out.drop(index=drop)
    if extra:
        out = pd.concat([out, pd.DataFrame(extra).astype("object")], ignore_index=True)
    return out.reset_index(drop=True)


def set_usg_scores(
    usg_scores: pd.DataFrame,
    scorer: str,
    scores: Mapping[str, tuple[object, object, object] | None],
) -> pd.DataFrame:
    """The ``usg_scores`` table with one scorer's scores set.

    ``scores`` maps need_id to ``(U, S, G)``, or to ``None`` to remove that score;
    needs not mentioned keep their rows. Values are stored as given (storage checks them).
    """
    mask = usg_scores["scorer"].astype(str) == scorer
    mentioned = usg_scores["need_id"].astype(str).isin(list(scores))
    rows = [{"need_id": need, "scorer": scorer, "urgency": v[0], "seriousness": v[1], "growth": v[2]}
            for need, v in scores.items() if v is not None]
    return _keep_order_update(usg_scores, ("need_id", "scorer"), mask & mentioned, rows)


def set_votes(votes: pd.DataFrame, participant_id: str, dots: Mapping[str, object]) -> pd.DataFrame:
    """The ``votes`` table with one participant's dots set (0 or empty removes the row)."""
    mask = votes["participant_id"].astype(str) == participant_id
    mentioned = votes["need_id"].astype(str).isin(list(dots))
    rows = [{"need_id": need, "participant_id": participant_id, "dots": d} for need, d in dots.items()
            if not is_missing(d) and str(d).strip() != "0"]
    return _keep_order_update(votes, ("need_id", "participant_id"), mask & mentioned, rows)


def set_pairwise(
    pairwise: pd.DataFrame,
    need_a: str,
    need_b: str,
    winner: str | None,
    participant_id: str = "",
) -> pd.DataFrame:
    """The ``pairwise`` table with one judgement set (``winner`` a need, ``seri``, or ``None`` to remove).

    A judgement of the same pair in the other order (B, A) by the same person is replaced.
    """
    who = pairwise["participant_id"].astype("string").fillna("").astype(str)
    a = pairwise["need_a"].astype(str)
    b = pairwise["need_b"].astype(str)
    same = (who == participant_id) & (((a == need_a) & (b == need_b)) | ((a == need_b) & (b == need_a)))
    out = pairwise.astype("object").copy()
    if same.any():
        i = out.index[same.to_numpy()][0]
        others = out.index[same.to_numpy()][1:]
        if winner is None:
            return out.drop(index=out.index[same.to_numpy()]).reset_index(drop=True)
        out.loc[i, ["need_a", "need_b", "winner", "participant_id"]] = [need_a, need_b, winner, participant_id]
        return out.drop(index=others).reset_index(drop=True)
    if winner is None:
        return out.reset_index(drop=True)
    row = pd.DataFrame([{"need_a": need_a, "need_b": need_b, "winner": winner, "participant_id": participant_id}])
    return pd.concat([out, row.astype("object")], ignore_index=True)


def priorities_frame(
    order: Sequence[str],
    method: str = "gabungan",
    notes: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """A ``priorities`` table for ``order`` (rank 1, 2, ...; ``method`` one of usg, dots, pairwise, gabungan)."""
    notes = notes or {}
    return pd.DataFrame({
        "need_id": list(order),
        "rank": list(range(1, len(order) + 1)),
        "method": [method] * len(order),
        "note": [notes.get(n, "") for n in order],
    }, columns=["need_id", "rank", "method", "note"])


def pair_schedule(candidates: Sequence[str]) -> list[tuple[str, str]]:
    """Every pair of ``candidates`` once, ordered so a need rarely appears twice in a row.

    Round-robin (circle method) rounds: in each round every need meets another one.
    """
    items: list[str | None] = list(candidates)
    if len(items) < 2:
        return []
    if len(items) % 2:
        items.append(None)
    n = len(items)
    pairs: list[tuple[str, str]] = []
    for _ in range(n - 1):
        for i in range(n // 2):
            x, y = items[i], items[n - 1 - i]
            if x is not None and y is not None:
                pairs.append((x, y))
        items = [items[0], items[-1], *items[1:-1]]
    return pairs


def pending_pairs(tables: Tables, candidates: Sequence[str], participant_id: str = "") -> list[tuple[str, str]]:
    """The pairs of ``candidates`` that ``participant_id`` (``""``: the group) has not judged yet."""
    pw = _get(tables, "pairwise")
    who = pw["participant_id"].astype("string").fillna("").astype(str)
    mine = pw[who == participant_id]
    done = {frozenset((str(a), str(b))) for a, b in zip(mine["need_a"], mine["need_b"])}
    return [p for p in pair_schedule(candidates) if frozenset(p) not in done]


def judgement(tables: Tables, need_a: str, need_b: str, participant_id: str = "") -> str | None:
    """The saved winner of a pair by ``participant_id`` (``None`` when not judged)."""
    pw = _get(tables, "pairwise")
    who = pw["participant_id"].astype("string").fillna("").astype(str)
    a, b = pw["need_a"].astype(str), pw["need_b"].astype(str)
    hit = pw[(who == participant_id) & (((a == need_a) & (b == need_b)) | ((a == need_b) & (b == need_a)))]
    return None if hit.empty else str(hit["winner"].iloc[0])


# -- needs summary ----------------------------------------------------------------------
def needs_by_category(tables: Tables, lang: str | None = None) -> pd.DataFrame:
    """Needs per category and households affected.

    One row per category that has needs (in the schema's order, unknown ones after):
    ``category`` (code), ``label`` (in ``lang``), ``needs`` (count), ``households_max``
    (the largest number of households one need of it affects), ``households_sum`` (the
    sum; households may be counted twice) and ``need_ids``.
    """
    lang = _lang(tables, lang)
    needs = _get(tables, "needs")
    cats = needs["category"].astype("string").fillna("").astype(str)
    hh = needs["households_affected"].astype("Float64")
    order = [c for c in NEED_CATEGORIES if c in set(cats)] + sorted(set(cats) - set(NEED_CATEGORIES) - {""})
    rows = []
    for cat in order:
        mask = (cats == cat).to_numpy()
        values = hh[mask].dropna()
        rows.append({
            "category": cat,
            "label": t(f"needs.category.{cat}", lang) if cat in NEED_CATEGORIES else cat,
            "needs": int(mask.sum()),
            "households_max": int(values.max()) if len(values) else 0,
            "households_sum": int(values.sum()) if len(values) else 0,
            "need_ids": ", ".join(sorted(needs.loc[mask, "need_id"].astype(str), key=natural_key)),
        })
    return pd.DataFrame(rows, columns=["category", "label", "needs", "households_max", "households_sum", "need_ids"])


# -- problem tree -----------------------------------------------------------------------
def problem_tree(tables: Tables, need_id: str, lang: str | None = None) -> ProblemTree:
    """The problem tree of one need: core problem, causes (below), effects (above).

    A cause hangs under the core or another cause, an effect over the core or another
    effect. A node whose parent is missing, of another need, of the wrong kind, or
    loops back is shown directly on the core problem, with a warning.
    """
    lang = _lang(tables, lang)
    needs = _needs(tables)
    hit = needs.loc[needs["need_id"] == need_id, "title"]
    title = str(hit.iloc[0]) if len(hit) else need_id
    tree = _get(tables, "problem_tree")
    mine = tree[tree["need_id"].astype(str) == need_id]
    rows = {str(r.node_id): r for r in mine.itertuples(index=False)}
    warnings: list[str] = []
    cores = [nid for nid, r in rows.items() if r.kind == "inti"]
    core_id = cores[0] if cores else ""
    for nid in cores:
        parent = rows[nid].parent_id
        if not is_missing(parent):
            warnings.append(t("needs.tree.core_parent", lang, node=nid, parent=parent))
    fitting = {"sebab": {"sebab"}, "akibat": {"akibat"}}
    parent_of: dict[str, str] = {}  # "" = directly on the core problem
    for nid, r in rows.items():
        if r.kind not in fitting:
            continue
        parent = "" if is_missing(r.parent_id) else str(r.parent_id)
        if parent == core_id or not parent:
            parent_of[nid] = ""
        elif parent in rows and rows[parent].kind in fitting[r.kind]:
            parent_of[nid] = parent
        else:
            parent_of[nid] = ""
            warnings.append(t("needs.tree.bad_parent", lang, node=nid, parent=parent, need=need_id))
    for nid in list(parent_of):  # parents that loop back: put the loop's nodes on the core
        path: list[str] = []
        cur = nid
        while cur and cur not in path:
            path.append(cur)
            cur = parent_of.get(cur, "")
        if cur:  # cut the loop at the node where it closed
            parent_of[cur] = ""
            warnings.append(t("needs.tree.loop", lang, node=cur))
    children: dict[str, list[str]] = {}
    for nid, parent in parent_of.items():
        children.setdefault(parent or f"@{rows[nid].kind}", []).append(nid)

    def build(nid: str) -> TreeNode:
        r = rows[nid]
        kids = sorted(children.get(nid, []), key=natural_key)
        return TreeNode(nid, str(r.kind), str(r.text), tuple(build(k) for k in kids))

    def top(kind: str) -> tuple[TreeNode, ...]:
        return tuple(build(k) for k in sorted(children.get(f"@{kind}", []), key=natural_key))

    core = TreeNode(core_id, "inti", str(rows[core_id].text) if core_id else title)
    if not core_id and rows:
        warnings.append(t("needs.tree.no_core", lang, need=need_id))
    return ProblemTree(need_id, title, core, top("sebab"), top("akibat"), tuple(warnings))


def tree_need_ids(tables: Tables) -> list[str]:
    """Needs that have a problem tree, in the needs' order."""
    tree = _get(tables, "problem_tree")
    has = set(tree["need_id"].astype(str))
    return [n for n in _needs(tables)["need_id"] if n in has]


def upsert_tree_node(
    tree: pd.DataFrame,
    node_id: str | None,
    need_id: str,
    kind: str,
    text: str,
    parent_id: str = "",
) -> tuple[pd.DataFrame, str]:
    """The ``problem_tree`` table with one node added (``node_id`` ``None``) or changed.

    Returns the new table and the node's id (``T09`` after ``T08``).
    """
    out = tree.astype("object").copy()
    if node_id is None or node_id not in set(out["node_id"].astype(str)):
        if node_id is None:
            from rtplan.profile import next_id

            node_id = next_id(tree["node_id"], "T", 2)
        row = pd.DataFrame([{"node_id": node_id, "need_id": need_id, "kind": kind, "text": text,
                             "parent_id": parent_id}]).astype("object")
        return pd.concat([out, row], ignore_index=True), node_id
    i = out.index[out["node_id"].astype(str) == node_id][0]
    out.loc[i, ["need_id", "kind", "text", "parent_id"]] = [need_id, kind, text, parent_id]
    return out, node_id


# -- showing a ranking ------------------------------------------------------------------
def _title_cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def display_frame(result: Ranking, lang: str | None = None, title_width: int | None = None) -> pd.DataFrame:
    """The ranking as a table of texts for people (headers and numbers in ``lang``).

    The CLI's text output and the notebook's HTML table both show this.
    """
    lang = normalize_lang(lang or result.lang)
    tab = result.table
    cut = (lambda s: _title_cut(str(s), title_width)) if title_width else str
    out = pd.DataFrame({
        t("needs.col.rank", lang): tab["rank"].astype(int).astype(str),
        t("needs.col.need_id", lang): tab["need_id"].astype(str),
        t("needs.col.title", lang): [cut(s) for s in tab["title"]],
    })

    def num(col: str, decimals: int = 1) -> list[str]:
        return [_num(v, lang, decimals) if not is_missing(v) else "–" for v in tab[col]]

    def smart(col: str) -> list[str]:
        vals = tab[col].astype(float)
        whole = bool(np.all(np.isclose(vals, np.round(vals))))
        return [format_number(int(round(v)), lang) if whole else _num(v, lang, 1) for v in vals]

    if result.method == "usg":
        for c in CRITERIA:
            out[t(f"needs.col.{c}", lang)] = smart(c)
        out[t("needs.col.total", lang)] = smart("total")
        rng = []
        for lo, hi, nsc in zip(tab["total_min"], tab["total_max"], tab["n_scorers"]):
            rng.append("–" if is_missing(lo) or nsc < 2 else
                       f"{format_number(int(lo), lang)}-{format_number(int(hi), lang)}")
        out[t("needs.col.range", lang)] = rng
        out[t("needs.col.n_scorers", lang)] = tab["n_scorers"].astype(int).astype(str)
        out[t("needs.col.source", lang)] = [t(f"needs.source.{s}", lang) if s == CONSENSUS
                                            else t(f"needs.aggregate.{s}", lang) for s in tab["source"]]
        out[t("needs.col.dots", lang)] = tab["dots"].astype(int).astype(str)
    elif result.method == "dots":
        out[t("needs.col.dots", lang)] = tab["dots"].astype(int).astype(str)
        out[t("needs.col.share", lang)] = [format_percent(float(v), lang) for v in tab["share"]]
        out[t("needs.col.voters", lang)] = tab["voters"].astype(int).astype(str)
    elif result.method == "pairwise":
        out[t("needs.col.score", lang)] = smart("score") if len(tab) else []
        for c in ("wins", "ties", "losses", "missing"):
            out[t(f"needs.col.{c}", lang)] = tab[c].astype(int).astype(str)
    elif result.method == "combined":
        out[t("needs.col.score", lang)] = num("score", 2)
        out[t("needs.col.mean_rank", lang)] = num("mean_rank", 2)
        for m in BASE_METHODS:
            out[t(f"needs.method.{m}", lang)] = ["–" if is_missing(v) else _num(v, lang, 0 if float(v).is_integer()
                                                                                else 1) for v in tab[f"{m}_rank"]]
        out[t("needs.col.spread", lang)] = num("spread", 1)
        out[t("needs.col.discuss", lang)] = [t("needs.yes", lang) if v else "" for v in tab["discuss"]]
    elif result.method == "final":
        out[t("needs.col.stored_rank", lang)] = ["" if is_missing(v) else str(int(v)) for v in tab["stored_rank"]]
        out[t("needs.col.method", lang)] = [t(f"needs.method.{m}", lang) if m in ("usg", "dots", "pairwise")
                                            else (t("needs.method.gabungan", lang) if m == "gabungan" else m)
                                            for m in tab["method"]]
        out[t("needs.method.combined", lang)] = tab["combined_rank"].astype(int).astype(str)
        out[t("needs.col.note", lang)] = [cut(s) for s in tab["note"]]
    if (tab["decided_by"] != "").any():
        out[t("needs.col.decided_by", lang)] = [t(f"needs.decided.{d}", lang) if d else "" for d in tab["decided_by"]]
    return out


NUMERIC_DISPLAY = ("needs.col.rank", "needs.col.urgency", "needs.col.seriousness", "needs.col.growth",
                   "needs.col.total", "needs.col.n_scorers", "needs.col.dots", "needs.col.share",
                   "needs.col.voters", "needs.col.score", "needs.col.wins", "needs.col.ties", "needs.col.losses",
                   "needs.col.missing", "needs.col.mean_rank", "needs.col.spread")


def text_table(result: Ranking, lang: str | None = None, title_width: int = 44) -> str:
    """The ranking as an aligned plain-text table, then the tie-break rule and the notes."""
    lang = normalize_lang(lang or result.lang)
    frame = display_frame(result, lang, title_width)
    lines: list[str] = []
    if frame.empty:
        lines.append("")
    else:
        numeric = {t(k, lang) for k in NUMERIC_DISPLAY} | {t(f"needs.method.{m}", lang) for m in BASE_METHODS}
        numeric.add(t("needs.method.combined", lang))
        numeric.add(t("needs.col.stored_rank", lang))
        widths = {c: max(len(c), *(len(v) for v in frame[c])) for c in frame.columns}
        note_col = t("needs.col.note", lang)

        def fmt(col: str, value: str) -> str:
            if col == note_col:
                return value
            return value.rjust(widths[col]) if col in numeric else value.ljust(widths[col])

        lines.append("  ".join(fmt(c, c) for c in frame.columns).rstrip())
        lines.append("  ".join("-" * widths[c] for c in frame.columns))
        for row in frame.itertuples(index=False, name=None):
            lines.append("  ".join(fmt(c, v) for c, v in zip(frame.columns, row)).rstrip())
    lines.append("")
    lines += textwrap.wrap(result.tie_break, 100)
    for note in result.notes:
        lines += textwrap.wrap(f"- {note}", 100, subsequent_indent="  ")
    return "\n".join(lines).lstrip("\n")


def ranking_html(result: Ranking, lang: str | None = None, table_id: str | None = None) -> Markup:
    """The ranking as an HTML table with its tie-break and notes (notebooks, handout)."""
    from rtplan.render import render

    lang = normalize_lang(lang or result.lang)
    frame = display_frame(result, lang)
    numeric = [c for c in frame.columns if c in {t(k, lang) for k in NUMERIC_DISPLAY}
               or c in {t(f"needs.method.{m}", lang) for m in (*BASE_METHODS, "combined")}]
    table = html_table(frame, table_id=table_id or f"rtplan-ranking-{result.method}", numeric=numeric,
                       caption=t(f"needs.method.{result.method}", lang))
    return render("ranking.html.j2", table=table, tie_break=result.tie_break, notes=list(result.notes))


def export_columns(result: Ranking) -> list[str]:
    """The columns of the exported ranking: ``need_id``, ``title``, ``rank``, ``score``, then the rest."""
    first = ["need_id", "title", "rank", "score"]
    return first + [c for c in result.table.columns if c not in first]


def export_records(result: Ranking) -> list[dict[str, object]]:
    """The ranking as plain records (JSON, CSV): need_id, title, rank, score first, best first."""
    out = []
    cols = export_columns(result)
    for record in result.table[cols].itertuples(index=False, name=None):
        row: dict[str, object] = {}
        for col, value in zip(cols, record):
            if isinstance(value, str):
                row[col] = value
            elif is_missing(value):
                row[col] = None
            elif isinstance(value, (bool, np.bool_)):
                row[col] = bool(value)
            elif isinstance(value, (int, np.integer)):
                row[col] = int(value)
            elif isinstance(value, (float, np.floating)):
                f = round(float(value), 4)
                row[col] = int(f) if f.is_integer() and col in ("score", "total", "urgency", "seriousness",
                                                                  "growth") else f
            else:
                row[col] = str(value)
        out.append(row)
    return out


def needs_ids(tables: Tables) -> list[str]:
    """The need ids in the needs table's order."""
    return list(_needs(tables)["need_id"])


def need_labels(tables: Tables, ids: Iterable[str] | None = None) -> dict[str, str]:
    """``need_id -> "N01 · title"`` for lists and charts."""
    needs = _needs(tables)
    labels = {n: f"{n} · {ti}" for n, ti in zip(needs["need_id"], needs["title"])}
    return labels if ids is None else {i: labels.get(i, i) for i in ids}


__all__ = [
    "AGGREGATES", "CRITERIA", "METHODS", "TIE_BREAK", "CombinedView", "DotRanking", "FinalOrder",
    "PairwiseRanking", "ProblemTree", "Ranking", "TreeNode", "UsgRanking", "all_rankings", "combined_view",
    "display_frame", "dot_ranking", "export_columns", "export_records", "final_order", "judgement", "kendall_tau_b",
    "need_labels", "needs_by_category", "needs_ids", "pair_schedule", "pairwise_matrix", "pairwise_ranking",
    "pending_pairs", "priorities_frame", "priority_order", "problem_tree", "ranking", "ranking_html",
    "set_pairwise", "set_usg_scores", "set_votes", "spearman", "suggested_dots", "text_table", "tree_need_ids",
    "upsert_tree_node", "usg_ranking",
]
