"""The asset inventory: resources by ABCD category, and the Rembug Warga crosswalk.

Asset-Based Community Development (McKnight and Kretzmann) sorts what residents have
into seven categories (:data:`rtplan.schema.RESOURCE_CATEGORIES`); Semarang's Rembug
Warga asks for four groups of potential (:data:`REMBUG_GROUPS`). These functions
return raw rows; :mod:`rtplan.views.resources` declares the tables people read.
"""

from __future__ import annotations

import pandas as pd

from rtplan.messages import t
from rtplan.resources.labels import HINTS
from rtplan.schema import RESOURCE_CATEGORIES

REMBUG_GROUPS = ("infrastruktur", "sosial", "budaya", "ekonomi")
"""The four potentials Semarang's Rembug Warga asks the Ketua RT to report."""

ABCD_TO_REMBUG: dict[str, str] = {
    "individu": "sosial",  # residents' skills: human resources (SDM) count as social potential
    "asosiasi": "sosial",  # PKK, Karang Taruna, posyandu, majelis taklim
    "institusi": "sosial",  # kelurahan, puskesmas, schools: institutional (kelembagaan) potential
    "fisik": "infrastruktur",  # halls, equipment, roads
    "alam": "infrastruktur",  # land, water, trees: the physical environment
    "ekonomi": "ekonomi",  # shops, cooperatives, small businesses
    "budaya": "budaya",  # traditions, arts, kerja bakti
}
"""Crosswalk from the ABCD categories to the Rembug Warga grouping (one group each)."""


def inventory(resources: pd.DataFrame) -> pd.DataFrame:
    """The resources sorted by ABCD category (schema order; ``resources.csv`` order within).

    Every column of ``resources`` is kept (the contact too: the view declares it
    private, so it is shown only where asked), plus ``rembug``, the category's Rembug
    Warga group (empty for an unknown category).
    """
    res = resources.reset_index(drop=True)
    order = {c: i for i, c in enumerate(RESOURCE_CATEGORIES)}
    rank = res["category"].map(order).fillna(len(order))
    res = res.assign(_o=rank, _p=range(len(res))).sort_values(["_o", "_p"], kind="stable")
    res = res.drop(columns=["_o", "_p"]).reset_index(drop=True)
    return res.assign(rembug=[ABCD_TO_REMBUG.get(str(c), "") for c in res["category"]])


def category_counts(resources: pd.DataFrame) -> pd.DataFrame:
    """Resources per ABCD category (every category, in schema order): ``category``, ``count``."""
    counts = resources["category"].value_counts()
    return pd.DataFrame({"category": list(RESOURCE_CATEGORIES),
                         "count": [int(counts.get(c, 0)) for c in RESOURCE_CATEGORIES]})


def crosswalk(resources: pd.DataFrame) -> pd.DataFrame:
    """The Rembug Warga grouping of the assets (:data:`ABCD_TO_REMBUG`).

    One row per group (infrastruktur, sosial, budaya, ekonomi): ``group``,
    ``categories`` (the ABCD categories in it), ``count`` and ``names`` (the
    resources' names, in ``resources.csv`` order). Groups without assets keep their row.
    """
    rows = []
    for group in REMBUG_GROUPS:
        cats = tuple(c for c in RESOURCE_CATEGORIES if ABCD_TO_REMBUG[c] == group)
        sub = resources[resources["category"].isin(cats)]
        rows.append({"group": group, "categories": cats, "count": len(sub),
                     "names": tuple(str(n) for n in sub["name"])})
    return pd.DataFrame(rows, columns=["group", "categories", "count", "names"])


def hint(category: str, lang: str = "id") -> str:
    """What to fill in for a resource of an ABCD category (shown in the form)."""
    return t(HINTS[category], lang) if category in HINTS else t("res.hint.none", lang)
