"""The three rankings side by side: where they agree, where they differ, and a combined order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from rtplan.fmt import format_number
from rtplan.memo import once_per_state
from rtplan.messages import t
from rtplan.needs.base import BASE_METHODS, METHOD_LABELS, Tables, _lang, _listed, _needs, _positions
from rtplan.needs.dots import dot_ranking
from rtplan.needs.methods import average_rank, combined_ranks, rank_order, round_scores
from rtplan.needs.pairwise import pairwise_ranking
from rtplan.needs.results import CombinedView, DotRanking, PairwiseRanking, Ranking
from rtplan.needs.usg import usg_ranking
from rtplan.tables import is_missing


def spearman(x: Sequence[float], y: Sequence[float]) -> float | None:
    """Spearman's rho on two score lists (ties get average ranks); ``None`` if undefined."""
    if len(x) < 2:
        return None
    rx = average_rank(-np.asarray(x, dtype=float))  # ascending ranks: rank 1 = the lowest
    ry = average_rank(-np.asarray(y, dtype=float))
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


@once_per_state  # asked by several panels and charts after each save: computed once
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
    for m in BASE_METHODS:
        scores[m] = np.full(n, np.nan)
        if has_data[m]:
            r = base[m].table
            scores[m][_positions(needs, r["need_id"].to_numpy(dtype=object))] = r["score"].to_numpy(dtype=float)
    usg_ordinal = np.full(n, n + 1.0)
    if has_data["usg"]:
        usg_ordinal[_positions(needs, base["usg"].table["need_id"].to_numpy(dtype=object))] = \
            base["usg"].table["rank"].to_numpy(dtype=float)
    plans = np.zeros(n, dtype=np.int64)
    mean_rank, actual, spread = combined_ranks(plans, np.full(n, float(n)), scores,
                                               {m: np.full(n, has_data[m]) for m in BASE_METHODS})
    order, decided = rank_order("combined", {"mean_rank": mean_rank, "usg_rank": usg_ordinal,
                                             "need_id": needs["id_order"].to_numpy()})
    frame = pd.DataFrame({
        "need_id": needs["need_id"].to_numpy(dtype=object)[order],
        "title": needs["title"].to_numpy(dtype=object)[order],
        "category": needs["category"].to_numpy(dtype=object)[order],
        "rank": np.arange(1, n + 1),
        "score": round_scores(n + 1 - mean_rank[order], 4),
        "mean_rank": mean_rank[order],
        **{f"{m}_rank": pd.array(actual[m][order], dtype="Float64") for m in BASE_METHODS},
        "spread": spread[order],
        "discuss": np.nan_to_num(spread[order], nan=-1.0) >= discuss_at,
        "decided_by": decided,
    })
    # agreement between the methods, on their scores (ties kept)
    agreement: list[dict[str, object]] = []
    for i, ma in enumerate(methods):
        for mb in methods[i + 1:]:
            both = ~np.isnan(scores[ma]) & ~np.isnan(scores[mb])
            xa, xb = scores[ma][both].tolist(), scores[mb][both].tolist()
            agreement.append({"method_a": ma, "method_b": mb, "n": int(both.sum()),
                              "spearman": spearman(xa, xb), "kendall": kendall_tau_b(xa, xb)})
    correlations = pd.DataFrame(agreement, columns=["method_a", "method_b", "n", "spearman", "kendall"])
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
                       methods=", ".join(t(METHOD_LABELS[m], lang) for m in methods)))
        for row in correlations.itertuples(index=False):
            if row.spearman is None and row.kendall is None:
                continue
            notes.append(t("needs.note.correlation", lang, a=t(METHOD_LABELS[row.method_a], lang),
                           b=t(METHOD_LABELS[row.method_b], lang),
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
