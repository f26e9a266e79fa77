"""Pairwise ranking (PRA): each pair of needs gives one point, win 1, tie 0.5 each.

Missing pairs and circular judgements (A beats B beats C beats A) are reported.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from rtplan.memo import once_per_state
from rtplan.messages import t
from rtplan.needs.base import MAX_LISTED, Tables, _get, _ids, _lang, _listed, _needs, _positions
from rtplan.needs.methods import pair_shares, pairwise_points, rank_order
from rtplan.needs.results import PairwiseRanking


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
    lo, hi, upper, judged = pair_shares(ia, ib, a, b, win, n)
    count = np.zeros((n, n))
    count[lo, hi] = judged
    share = np.full((n, n), np.nan)
    share[lo, hi] = upper
    share[hi, lo] = 1.0 - upper
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
            for v in (int(x) for x in np.nonzero(beats[u])[0]):
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


@once_per_state  # asked by several panels and charts after each save: computed once
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
    lo, hi = np.nonzero(np.triu(judged, 1))
    score, wins = pairwise_points(lo, hi, share[lo, hi], n)
    order, decided = rank_order("pairwise", {"score": score, "wins": wins,
                                             "need_id": needs["id_order"].to_numpy()[rows]})
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
    three = round(float(np.trace(b @ b @ b)) / 3) if n else 0
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
    # a group without a three-cycle (possible when pairs are missing) gets a longer example
    cycles += [tuple(ids[m] for m in _example_cycle(beats, members)) for members in groups
               if not covered & {ids[m] for m in members}]
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
