"""Residents' names masked in a document, as the privacy rule says (:mod:`rtplan.privacy`).

:func:`masked_plan` masks, in every free text of the plan (a meeting place "Rumah
Bapak Slamet Riyadi", a reason), the names of those who declined consent and, with
``--mask-names``, of every resident who is not named, so every section and chart of a
document is built from masked text. The named (pengurus, PICs, chair, minute taker)
stay as they are, in tables and signature blocks alike.
"""

from __future__ import annotations

import dataclasses

import pandas as pd

from rtplan.plan import Plan
from rtplan.privacy import People, mask_name, text_place
from rtplan.schema import TABLES
from rtplan.tables import is_missing

__all__ = ["MASK_KEEP", "mask_name", "masked_plan", "masker"]


def masker(plan: Plan, mask: bool):  # type: ignore[no-untyped-def]
    """A function that masks, inside a text, the names :mod:`rtplan.privacy` hides in a meeting paper.

    Always those who declined consent; with ``mask`` (``--mask-names``) every resident
    who is not named (pengurus, PICs, chair, minute taker) too.
    """
    return People.of(plan).masker(text_place(mask))


# columns kept as they are in a masked plan: the office holders of signature blocks
MASK_KEEP = {("meetings", "chair"), ("meetings", "minute_taker")}


def masked_plan(plan: Plan, mask: bool = True) -> Plan:
    """A copy of ``plan`` whose free text has participants' names masked.

    Every text column of every table (``str`` and ``list`` kinds, not ids) goes
    through :func:`masker`: whole names and honorific + first name, wherever they
    appear ("Rumah Bapak Slamet Riyadi" -> "Rumah Bapak S***** R*****"). The meeting's
    chair and minute taker and ``plan.toml`` ``[people]`` stay, for the signature
    blocks. Ids are untouched, so every join and count is the same.
    """
    m = masker(plan, mask)
    tables = {}
    for name, original in plan.tables.items():
        spec = TABLES.get(name)
        frame = original.copy()
        for col in (spec.columns if spec else ()):
            if (col.kind in ("str", "list") and col.name in frame.columns and (name, col.name) not in MASK_KEEP
                    and not col.name.endswith(("_id", "_ids"))):
                frame[col.name] = pd.array([pd.NA if is_missing(v) else m(v) for v in frame[col.name]],
                                           dtype=frame[col.name].dtype)
        tables[name] = frame
    return dataclasses.replace(plan, tables=tables, error_cache=None)
