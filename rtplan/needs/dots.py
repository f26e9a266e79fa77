"""Dot voting: dots per need, their share of all dots and how many people voted."""

from __future__ import annotations

import numpy as np
import pandas as pd

from rtplan.memo import once_per_state
from rtplan.messages import t
from rtplan.needs.base import Tables, _floats, _get, _ids, _lang, _needs, _positions
from rtplan.needs.methods import dot_totals, rank_order
from rtplan.needs.results import DotRanking


def _dot_arrays(tables: Tables, needs: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, int]:
    """Per need (prepared order): dots, people who gave it at least one dot; and all voters."""
    votes = _get(tables, "votes")
    pos = _positions(needs, _ids(votes["need_id"]))
    return dot_totals(pos, np.nan_to_num(_floats(votes["dots"])), _ids(votes["participant_id"]), len(needs))


def suggested_dots(n_needs: int) -> int:
    """Dots per participant for ``n_needs`` options: about one per 4-5 options, at least 1."""
    return max(1, round(n_needs / 4.5))


@once_per_state  # asked by several panels and charts after each save: computed once
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
    order, decided = rank_order("dots", {"dots": dots, "voters": voters, "need_id": needs["id_order"].to_numpy()})
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
