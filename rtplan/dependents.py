"""Which rows of a plan depend on a row: counted through the schema's references.

Used before a delete, so the person sees what still uses the row (e.g. "3 skor USG,
2 suara") before anything is written. Pure: reads tables, never writes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from rtplan.schema import TABLES, split_list
from rtplan.tables import is_missing


@dataclass(frozen=True)
class Dependents:
    """Rows of ``table`` whose column ``column`` refers to the row being deleted."""

    table: str
    column: str
    count: int


def dependents(tables: Mapping[str, pd.DataFrame], table: str, ident: str) -> list[Dependents]:
    """Every (table, column) that refers to row ``ident`` of ``table``, with how many rows.

    A ``list`` column counts a row when ``ident`` is one of its items. The row itself
    (a self-reference such as a problem-tree node's own id) is not counted; its
    children are.
    """
    spec = TABLES[table]
    if len(spec.key) != 1:
        return []
    key = spec.key[0]
    out: list[Dependents] = []
    for name, other in TABLES.items():
        frame = tables.get(name)
        if frame is None or frame.empty:
            continue
        for col in other.columns:
            if col.ref != (table, key) or col.name not in frame.columns:
                continue
            values = frame[col.name]
            if col.kind == "list":
                hits = sum(1 for v in values if ident in split_list(v))
            else:
                hits = sum(1 for v in values if not is_missing(v) and str(v) == ident)
            if hits:
                out.append(Dependents(name, col.name, hits))
    return out


def total(found: list[Dependents]) -> int:
    """How many dependent rows in all."""
    return sum(d.count for d in found)
