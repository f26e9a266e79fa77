"""The final priority order (what the meeting agreed, in ``priorities.csv``) and every ranking at once."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from rtplan.memo import once_per_state
from rtplan.messages import t
from rtplan.needs.base import METHODS, Tables, _floats, _get, _ids, _lang, _listed, _Memo, _needs
from rtplan.needs.combined import combined_view
from rtplan.needs.dots import dot_ranking
from rtplan.needs.methods import agreed_order, final_ids
from rtplan.needs.pairwise import pairwise_ranking
from rtplan.needs.results import CombinedView, FinalOrder, Ranking
from rtplan.needs.usg import usg_ranking
from rtplan.plan import Plan


def stored_priorities(tables: Tables, known: Iterable[str] | None = None) -> pd.DataFrame:
    """The order the meeting agreed (``priorities.csv``), best first.

    Columns ``need_id``, ``rank`` (NaN when not given), ``method``, ``note``. Only needs
    in ``known`` (default: the needs table) count, each once (its first row); rows
    without a rank come last; equal ranks follow the need ids (``N2`` before ``N10``).
    """
    pri = _get(tables, "priorities")
    wanted = set(_needs(tables)["need_id"] if known is None else known)
    needs, ranks = _ids(pri["need_id"]), _floats(pri["rank"])
    order = agreed_order(needs, ranks, wanted)
    first: dict[str, tuple[float, str, str]] = {}
    for need, rank, method, note in zip(needs, ranks, _ids(pri["method"]), _ids(pri["note"])):
        first.setdefault(need, (rank, method, note))
    entries = {x: first[x] for x in order}
    # plain arrays, not Series: a frame built from Series first unions their indexes
    return pd.DataFrame({
        "need_id": np.array(order, dtype=object),
        "rank": np.array([entries[x][0] for x in order], dtype=float),
        "method": np.array([entries[x][1] for x in order], dtype=object),
        "note": np.array([entries[x][2] for x in order], dtype=object),
    })


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
    ids = comb.table["need_id"].tolist()
    agreed = stored_priorities(tables, ids)
    stored = agreed["need_id"].tolist()
    # the stored columns by need (dict look-ups: cheaper than reindexing a few rows)
    rank_of = dict(zip(stored, agreed["rank"].tolist()))
    method_of = dict(zip(stored, agreed["method"].tolist()))
    note_of = dict(zip(stored, agreed["note"].tolist()))
    stored_ids = set(stored)
    ordered = final_ids(stored, ids)
    at = pd.Index(ids, dtype=object).get_indexer(ordered) if ordered else np.zeros(0, dtype=np.int64)
    src = comb.table
    table = pd.DataFrame({
        "need_id": np.asarray(ordered, dtype=object),
        "title": src["title"].to_numpy(dtype=object)[at],
        "category": src["category"].to_numpy(dtype=object)[at],
        "rank": np.arange(1, len(ordered) + 1),
        "score": src["score"].to_numpy(dtype=float)[at],
        "stored": np.array([x in stored_ids for x in ordered], dtype=bool),
        "stored_rank": pd.array(np.trunc(np.array([rank_of.get(x, np.nan) for x in ordered], dtype=float)),
                                dtype="Int64"),
        "method": [method_of.get(x, "") for x in ordered],
        "note": [note_of.get(x, "") for x in ordered],
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


def top_needs(tables: Tables, n: int = 5) -> list[tuple[str, str]]:
    """``[(need_id, title)]`` of the top ``n`` needs of the final order: the needs a pairwise
    sheet or a voting round puts to the meeting."""
    from rtplan.tables import is_missing

    def text(value: object) -> str:
        return "" if is_missing(value) else str(value).strip()

    table = final_order(tables).table.head(max(0, int(n)))
    return [(text(a), text(b)) for a, b in zip(table["need_id"], table["title"])]


def priority_order(plan: Tables) -> list[str]:
    """The final priority order of the needs (need ids, most important first).

    The stored ``priorities.csv`` order, then every other need in the combined
    ranking's order (the combined ranking alone when nothing is stored). Later steps
    (schedule, handout) use this.
    """
    return list(_priority_order(plan))


@once_per_state  # the schedule checks, the problem tree and the order panel ask after each save: computed once
def _priority_order(plan: Tables) -> list[str]:
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
    return dict(_all_rankings(tables, aggregate, use_consensus, lang))


@once_per_state  # the ranking panel, the final order and the cells below the tabs: computed once per save
def _all_rankings(tables: Tables, aggregate: str, use_consensus: bool, lang: str | None) -> dict[str, Ranking]:
    lang = _lang(tables, lang)
    tables = _Memo(tables)
    out: dict[str, Ranking] = {
        "usg": usg_ranking(tables, aggregate, use_consensus, lang),
        "dots": dot_ranking(tables, lang),
        "pairwise": pairwise_ranking(tables, lang=lang),
    }
    # on a plan, combined_view finds the three rankings kept for this state (rtplan.memo), and is kept itself
    comb = combined_view(tables, aggregate, use_consensus, lang=lang,
                         rankings=None if isinstance(tables.tables, Plan) else out)
    out["combined"] = comb
    out["final"] = final_order(tables, lang, comb)
    return out
