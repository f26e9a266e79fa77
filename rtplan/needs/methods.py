"""The ranking methods of step 1, each declared once, for one plan or many plans at once.

Every function here works on flat arrays with the plan of each need (``plans``; one
plan: all zeros), so that :func:`rtplan.needs.usg_ranking` and its siblings (one plan)
and :mod:`rtplan.research.batch` (a chunk of plans, grouped by plan) compute the same
scores and the same order with the same tie-breaks (:data:`TIE_BREAK`):

* USG: :func:`usg_scores` (criteria aggregated over the scorers, the consensus first);
* dot voting: :func:`dot_totals`;
* pairwise: :func:`pair_shares` and :func:`pairwise_points`;
* combined: :func:`combined_ranks` (mean rank over the methods with data);
* final: :func:`agreed_order` (``priorities.csv``) and :func:`final_ids`;
* the order of any method: :func:`rank_order`, and each need's place :func:`places`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from rtplan.needs.base import BASE_METHODS, TIE_BREAK, natural_key
from rtplan.schema import TIE

_EPS = 1e-9  # a pair share counts as a win above one half by more than float noise


def round_scores(values: pd.Series | np.ndarray, digits: int = 6) -> np.ndarray:
    """Scores rounded (sums of means carry float noise: 4.6 + 4.2 + 4.6; equal totals must compare equal)."""
    return np.round(np.asarray(values, dtype=float), digits)


def _plans(plans: np.ndarray | None, n: int) -> np.ndarray:
    return np.zeros(n, dtype=np.int64) if plans is None else np.asarray(plans)


def rank_order(
    method: str, values: Mapping[str, np.ndarray], plans: np.ndarray | None = None,
) -> tuple[np.ndarray, list[str]]:
    """Positions best first (plan by plan) by ``method``'s sort keys (:data:`TIE_BREAK`),
    and for each position the key that put it below the one above when the first key is
    equal (``""`` otherwise). ``values``: each key's values (``need_id``: the natural id order)."""
    keys = TIE_BREAK[method]
    arrays = [-np.asarray(values[name], dtype=float) if desc else np.asarray(values[name], dtype=float)
              for name, desc in keys]
    n = len(arrays[0])
    if n == 0:
        return np.zeros(0, dtype=np.int64), []
    group = _plans(plans, n)
    order = np.lexsort([*arrays[::-1], group])
    decided = np.full(n, "", dtype=object)
    if n > 1:
        ranked = [a[order] for a in arrays]
        g = group[order]
        same = (ranked[0][1:] == ranked[0][:-1]) & (g[1:] == g[:-1])
        for (name, _), column in zip(keys[1:], ranked[1:]):
            differs = same & (column[1:] != column[:-1])
            decided[1:][differs] = name
            same &= ~differs
    return order, decided.tolist()


def places(plans: np.ndarray, order: np.ndarray) -> np.ndarray:
    """1-based place of each position of ``order`` inside its plan (``order`` as :func:`rank_order` gives it)."""
    ranked = np.asarray(plans)[order]
    out: np.ndarray = np.arange(len(order)) - np.searchsorted(ranked, ranked, side="left") + 1
    return out


def average_rank(scores: np.ndarray, plans: np.ndarray | None = None) -> np.ndarray:
    """Rank 1 = highest score within each plan; equal scores share their average rank
    (1, 2.5, 2.5, 4); NaN (not ranked) stays NaN."""
    s = np.asarray(scores, dtype=float)
    out = np.full(len(s), np.nan)
    idx = np.flatnonzero(~np.isnan(s))
    if not len(idx):
        return out
    p, v = _plans(plans, len(s))[idx], -s[idx]
    order = np.lexsort((v, p))
    ps, vs = p[order], v[order]
    pos = np.arange(len(order))
    new_plan = np.r_[True, ps[1:] != ps[:-1]]
    new_block = new_plan | np.r_[True, vs[1:] != vs[:-1]]
    plan_start = np.maximum.accumulate(np.where(new_plan, pos, 0))
    starts = pos[new_block]
    ends = np.r_[starts[1:], len(order)] - 1
    block = np.cumsum(new_block) - 1
    out[idx[order]] = 0.5 * ((starts[block] - plan_start + 1) + (ends[block] - plan_start + 1))
    return out


def group_mean(group: np.ndarray, values: np.ndarray, count: np.ndarray) -> np.ndarray:
    """Mean of ``values`` per group 0..len(count)-1 (``count``: rows per group); NaN for empty groups."""
    sums = np.bincount(group, weights=values, minlength=len(count))
    return np.where(count > 0, sums / np.maximum(count, 1), np.nan)


def group_stats(
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


# --------------------------------------------------------------------------- dot voting


def dot_totals(pos: np.ndarray, dots: np.ndarray, people: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray, int]:
    """Dot voting: per need 0..n-1 the dots and the people who gave it at least one;
    and how many people voted at all. ``pos``: the need of each vote (-1 unknown),
    ``dots`` (missing = 0), ``people``: who voted."""
    ok = pos >= 0
    totals = np.bincount(pos[ok], weights=dots[ok], minlength=n)
    given = ok & (dots > 0)
    codes, voters_seen = pd.factorize(people[given])
    width = max(len(voters_seen), 1)
    pairs = np.unique(pos[given].astype(np.int64) * width + codes)
    voters = np.bincount(pairs // width, minlength=n)
    return totals, voters, len(voters_seen)


# --------------------------------------------------------------------------- USG


@dataclass(frozen=True)
class UsgScores:
    """Per need: scorers counted, the three criteria (aggregated, or the consensus), their
    total, whether a consensus row decided; and the scorers' rows (``group``, ``values``)."""

    count: np.ndarray
    criteria: np.ndarray
    total: np.ndarray
    consensus: np.ndarray
    group: np.ndarray
    values: np.ndarray

    @property
    def scored(self) -> np.ndarray:
        """The needs with a USG score."""
        out: np.ndarray = (self.count > 0) | self.consensus
        return out


def usg_scores(
    pos: np.ndarray, criteria: np.ndarray, is_consensus: np.ndarray, n: int,
    aggregate: str = "mean", use_consensus: bool = True,
) -> UsgScores:
    """USG: each criterion (urgency, seriousness, growth; rows of ``criteria``, NaN when
    missing) aggregated over the scorers of each need (mean or median); the last
    ``konsensus`` row of a need takes precedence; the total is their sum."""
    ok = (pos >= 0) & ~np.isnan(criteria).any(axis=1)
    group, values = pos[ok & ~is_consensus], criteria[ok & ~is_consensus]
    count = np.bincount(group, minlength=n)
    agg = np.full((n, 3), np.nan)
    for k in range(3):
        agg[:, k] = (group_stats(group, values[:, k], n, True)[2] if aggregate == "median"
                     else group_mean(group, values[:, k], count))
    has_cons = np.zeros(n, dtype=bool)
    if use_consensus:
        rows = ok & is_consensus
        cons_pos, cons_values = pos[rows], criteria[rows]
        if len(cons_pos):  # the last consensus row of a need counts
            unique, first_from_end = np.unique(cons_pos[::-1], return_index=True)
            agg[unique] = cons_values[len(cons_pos) - 1 - first_from_end]
            has_cons[unique] = True
    agg = round_scores(agg)
    return UsgScores(count, agg, round_scores(agg.sum(axis=1)), has_cons, group, values)


# --------------------------------------------------------------------------- pairwise


def pair_shares(
    a_pos: np.ndarray, b_pos: np.ndarray, a: np.ndarray, b: np.ndarray, winner: np.ndarray, n: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The judged pairs among needs 0..n-1: ``(lo, hi, share, count)``, ``share`` being
    the part of the pair's one point need ``lo`` got (win 1, tie 0.5, split by shares
    when several people judged it). A judgement counts when both needs are known, differ,
    and the winner is one of them or ``seri``."""
    ok = (a_pos >= 0) & (b_pos >= 0) & (a != b) & ((winner == a) | (winner == b) | (winner == TIE))
    ia, ib = a_pos[ok].astype(np.int64), b_pos[ok].astype(np.int64)
    a_, w_ = a[ok], winner[ok]
    points_a = np.where(w_ == a_, 1.0, np.where(w_ == TIE, 0.5, 0.0))
    lo, hi = np.minimum(ia, ib), np.maximum(ia, ib)
    points_lo = np.where(ia < ib, points_a, 1.0 - points_a)
    width = max(n, 1)
    codes, inverse = np.unique(lo * width + hi, return_inverse=True)
    count = np.bincount(inverse, minlength=len(codes)).astype(float)
    share = np.bincount(inverse, weights=points_lo, minlength=len(codes)) / np.maximum(count, 1)
    return codes // width, codes % width, share, count


def pairwise_points(lo: np.ndarray, hi: np.ndarray, share: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairwise: per need its score (the sum of its pair shares) and its wins (pairs where
    its share is above one half)."""
    score = round_scores(np.bincount(np.r_[lo, hi], weights=np.r_[share, 1.0 - share], minlength=n))
    wins = np.bincount(np.r_[lo[share > 0.5 + _EPS], hi[(1.0 - share) > 0.5 + _EPS]], minlength=n)
    return score, wins


# --------------------------------------------------------------------------- combined


def combined_ranks(
    plans: np.ndarray, n_needs: np.ndarray, scores: Mapping[str, np.ndarray], used: Mapping[str, np.ndarray],
) -> tuple[np.ndarray, dict[str, np.ndarray], np.ndarray]:
    """The combined ranking: ``(mean_rank, rank by method, spread)`` per need.

    Each method with data in the need's plan (``used``) ranks by its score (``scores``,
    NaN = not ranked by it), equal scores sharing their average rank; needs it did not
    rank share the places after the ranked ones. ``mean_rank`` is the mean over those
    methods ((n + 1) / 2 with none); ``spread`` the distance between the best and worst
    rank when two methods or more ranked the need. ``n_needs``: the size of each need's plan.
    """
    n = len(plans)
    actual: dict[str, np.ndarray] = {}
    total = np.zeros(n)
    k_methods = np.zeros(n)
    for m in BASE_METHODS:
        s = np.where(used[m], scores[m], np.nan)
        actual[m] = average_rank(s, plans)
        ranked = ~np.isnan(s)
        per_plan = np.bincount(plans, weights=ranked.astype(float), minlength=int(plans.max()) + 1 if n else 0)
        rest = (per_plan[plans] + 1 + n_needs) / 2  # the unranked share the places after the ranked ones
        filled = np.where(np.isnan(actual[m]), rest, actual[m])
        total = np.where(used[m], total + filled, total)
        k_methods += used[m]
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_rank = np.where(k_methods > 0, total / np.maximum(k_methods, 1), (n_needs + 1) / 2)
    present = np.array([np.where(used[m], actual[m], np.nan) for m in BASE_METHODS]).reshape(len(BASE_METHODS), n)
    counted = (~np.isnan(present)).sum(axis=0)
    top = np.where(np.isnan(present), -np.inf, present).max(axis=0, initial=-np.inf)
    bottom = np.where(np.isnan(present), np.inf, present).min(axis=0, initial=np.inf)
    spread = np.where(counted >= 2, top - bottom, np.nan)
    return round_scores(mean_rank, 4), actual, round_scores(spread, 4)


# --------------------------------------------------------------------------- final order


def agreed_order(needs: Iterable[str], ranks: Iterable[float], known: Iterable[str]) -> list[str]:
    """The order the meeting agreed (``priorities.csv``), best first: only ``known``
    needs, each once (its first row); rows without a rank (NaN) last; equal ranks
    follow the need ids (``N2`` before ``N10``)."""
    wanted = set(known)
    entries: dict[str, tuple[float, tuple[object, ...]]] = {}
    for need, rank in zip(needs, ranks):
        if need in wanted and need not in entries:
            entries[need] = (np.inf if np.isnan(rank) else float(rank), natural_key(need))
    return sorted(entries, key=entries.__getitem__)


def final_ids(stored: Sequence[str], combined: Sequence[str]) -> list[str]:
    """The final order: the agreed needs first, then the others in the combined order."""
    agreed = set(stored)
    return [*stored, *(x for x in combined if x not in agreed)]


__all__ = [
    "UsgScores",
    "agreed_order",
    "average_rank",
    "combined_ranks",
    "dot_totals",
    "final_ids",
    "group_mean",
    "group_stats",
    "pair_shares",
    "pairwise_points",
    "places",
    "rank_order",
    "round_scores",
    "usg_scores",
]
