"""What the step 1 methods share: the plan's tables, the prepared needs, sort and group helpers.

Functions accept a loaded :class:`~rtplan.plan.Plan` or a mapping of table name to
DataFrame (missing tables count as empty).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from rtplan.messages import normalize_lang, t
from rtplan.plan import Plan
from rtplan.schema import TABLES

Tables = Plan | Mapping[str, pd.DataFrame]

CRITERIA = ("urgency", "seriousness", "growth")
AGGREGATES = ("mean", "median")
METHODS = ("usg", "dots", "pairwise", "combined", "final")
BASE_METHODS = ("usg", "dots", "pairwise")
STEP1_TABLES = frozenset({"needs", "usg_scores", "votes", "pairwise", "priorities", "problem_tree"})
# the tables every ranking and the final order read (a live result of them: ``live(..., tables=RANKING_TABLES)``)
RANKING_TABLES = STEP1_TABLES - {"problem_tree"}
MAX_LISTED = 10  # needs/pairs listed by name in a note before "and N more"

# -- labels (static message keys, so tools can extract them) ------------------------
METHOD_LABELS: dict[str, str] = {
    "usg": "needs.method.usg",
    "dots": "needs.method.dots",
    "pairwise": "needs.method.pairwise",
    "combined": "needs.method.combined",
    "final": "needs.method.final",
    "gabungan": "needs.method.gabungan",
}
"""A method's name (also the ``method`` stored in priorities.csv) -> its label key."""
SOURCE_LABELS: dict[str, str] = {
    "konsensus": "needs.source.konsensus",
    "mean": "needs.aggregate.mean",
    "median": "needs.aggregate.median",
}
"""What a USG score rests on (the consensus, or an aggregate of the scorers) -> its label key."""

# the sort keys of each method, best first: (column, descending)
TIE_BREAK: dict[str, tuple[tuple[str, bool], ...]] = {
    "usg": (("total", True), ("seriousness", True), ("urgency", True), ("dots", True), ("need_id", False)),
    "dots": (("dots", True), ("voters", True), ("need_id", False)),
    "pairwise": (("score", True), ("wins", True), ("need_id", False)),
    "combined": (("mean_rank", False), ("usg_rank", False), ("need_id", False)),
}


class _Memo(Mapping[str, pd.DataFrame]):
    """The tables of one recomputation, with the prepared needs table kept once.

    :func:`all_rankings` wraps the plan in it so that the five rankings share the work
    of reading the needs (the tables themselves are not copied).
    """

    def __init__(self, tables: Tables) -> None:
        self.tables = tables
        self.lang: str = tables.lang if isinstance(tables, (Plan, _Memo)) else "id"
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
        "need_id": np.asarray(ids, dtype=object),  # arrays: Series would have their indexes unioned
        "title": np.asarray(titles, dtype=object),
        "category": np.asarray(cats, dtype=object),
        "id_order": np.array([rank[i] for i in ids.tolist()], dtype=np.int64),
    })


def _ids(column: pd.Series) -> np.ndarray:
    """A text column as an object array, ``""`` for missing cells."""
    out: np.ndarray = column.astype("string").fillna("").to_numpy(dtype=object)
    return out


def _floats(column: pd.Series) -> np.ndarray:
    """A number column as a float array, NaN for missing or unreadable cells."""
    out: np.ndarray = pd.to_numeric(column, errors="coerce").astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    return out


@functools.lru_cache(maxsize=16)
def _id_index(ids: tuple[str, ...]) -> pd.Index:
    return pd.Index(ids, dtype=object)


def _positions(needs: pd.DataFrame, values: np.ndarray) -> np.ndarray:
    """Row of each value in the prepared needs table (-1 when unknown)."""
    if needs.empty:
        return np.full(len(values), -1, dtype=np.int64)
    out: np.ndarray = _id_index(tuple(needs["need_id"].tolist())).get_indexer(values)
    return out


def _listed(items: Sequence[str], lang: str, limit: int = MAX_LISTED) -> str:
    shown = ", ".join(items[:limit])
    if len(items) > limit:
        shown += ", " + t("needs.note.and_more", lang, n=len(items) - limit)
    return shown
