"""Needs at a glance: per category and households affected; ids and labels for lists and charts."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from rtplan.messages import t
from rtplan.needs.base import Tables, _get, _lang, _needs, natural_key
from rtplan.schema import NEED_CATEGORIES

CATEGORY_LABELS: dict[str, str] = {
    "ekonomi": "needs.category.ekonomi",
    "kesehatan": "needs.category.kesehatan",
    "pendidikan": "needs.category.pendidikan",
    "lingkungan": "needs.category.lingkungan",
    "infrastruktur": "needs.category.infrastruktur",
    "sosial-budaya": "needs.category.sosial-budaya",
    "keamanan": "needs.category.keamanan",
}
"""A need category -> its label key (a static key, so tools can extract it)."""


def category_label(category: object, lang: str) -> str:
    """A need category for people in ``lang`` (``lingkungan`` -> ``environment``); another
    value as written."""
    from rtplan.tables import is_missing

    text = "" if is_missing(category) else str(category)
    key = CATEGORY_LABELS.get(text.strip())
    return t(key, lang) if key else text


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
            "label": t(CATEGORY_LABELS[cat], lang) if cat in CATEGORY_LABELS else cat,
            "needs": int(mask.sum()),
            "households_max": int(values.max()) if len(values) else 0,
            "households_sum": int(values.sum()) if len(values) else 0,
            "need_ids": ", ".join(sorted(needs.loc[mask, "need_id"].astype(str), key=natural_key)),
        })
    return pd.DataFrame(rows, columns=["category", "label", "needs", "households_max", "households_sum", "need_ids"])

def needs_ids(tables: Tables) -> list[str]:
    """The need ids in the needs table's order."""
    return list(_needs(tables)["need_id"])


def need_labels(tables: Tables, ids: Iterable[str] | None = None) -> dict[str, str]:
    """``need_id -> "N01 · title"`` for lists and charts."""
    needs = _needs(tables)
    labels = {n: f"{n} · {ti}" for n, ti in zip(needs["need_id"], needs["title"])}
    return labels if ids is None else {i: labels.get(i, i) for i in ids}
