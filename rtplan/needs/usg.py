"""USG scoring (Urgency, Seriousness, Growth): each need gets 1-5 per criterion; total = U+S+G.

With several scorers each criterion is aggregated over them (mean by default, or
median) and the total is the sum of the aggregated criteria; the spread of the
scorers' totals is shown. A ``konsensus`` row (the meeting's agreed score) takes
precedence over the individual scorers of that need.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from rtplan.memo import once_per_state
from rtplan.messages import t
from rtplan.needs.base import (
    AGGREGATES,
    CRITERIA,
    SOURCE_LABELS,
    Tables,
    _floats,
    _get,
    _ids,
    _lang,
    _listed,
    _needs,
    _positions,
)
from rtplan.needs.dots import _dot_arrays
from rtplan.needs.methods import group_mean, group_stats, rank_order, usg_scores
from rtplan.needs.results import UsgRanking
from rtplan.schema import CONSENSUS


@once_per_state  # asked by several panels and charts after each save: computed once
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
    The published example (three needs, one scorer): totals 13, 14, 10 give
    need 2 rank I, need 1 rank II, need 3 rank III.
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
    is_cons = _ids(scores["scorer"]) == CONSENSUS
    usg = usg_scores(pos, crit, is_cons, n, aggregate, use_consensus)
    count, agg, total, has_cons, group, values = usg.count, usg.criteria, usg.total, usg.consensus, usg.group, \
        usg.values
    low, high = (np.full((n, 3), np.nan) for _ in range(2))
    for k in range(3):
        low[:, k], high[:, k], _ = group_stats(group, values[:, k], n)
    totals = values.sum(axis=1)
    total_min, total_max, _ = group_stats(group, totals, n)
    total_mean = group_mean(group, totals, count)
    total_std = np.sqrt(group_mean(group, (totals - total_mean[group]) ** 2, count))
    source = np.full(n, aggregate, dtype=object)
    source[has_cons] = CONSENSUS
    consensus = [str(x) for x in ids[has_cons]]
    dots = _dot_arrays(tables, needs)[0]
    chosen = np.nonzero((count > 0) | has_cons)[0]
    order, decided = rank_order("usg", {"total": total[chosen], "seriousness": agg[chosen, 1],
                                        "urgency": agg[chosen, 0], "dots": dots[chosen],
                                        "need_id": needs["id_order"].to_numpy()[chosen]})
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
            notes.append(t("needs.note.usg_aggregate", lang, aggregate=t(SOURCE_LABELS[aggregate], lang),
                           needs=_listed(aggregated, lang)))
        elif aggregated:
            notes.append(t("needs.note.usg_aggregate_all", lang,
                           aggregate=t(SOURCE_LABELS[aggregate], lang),
                           n=int(table["n_scorers"].max())))
        if (table["n_scorers"] > 1).any():
            notes.append(t("needs.note.usg_spread", lang))
    if unscored and not needs.empty and not table.empty:
        notes.append(t("needs.note.unscored", lang, needs=_listed(list(unscored), lang)))
    return UsgRanking("usg", table, t("needs.tiebreak.usg", lang), tuple(notes), lang,
                      aggregate=aggregate, consensus=tuple(consensus), unscored=unscored)
