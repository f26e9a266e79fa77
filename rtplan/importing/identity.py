"""Which rows are submissions already in the plan, and the ids new rows get.

A submission is known by a real id only: KoBo's ``_uuid``, ODK's ``KEY`` (or
``meta-instanceID``). A file without one (Google Forms, a spreadsheet) gives each row
a hash of all its cells (``row:`` + 16 hex digits): two people who submitted in the
same second differ in their answers, so they stay two rows; a time stamp alone never
makes two rows one. The id is kept in the ``source_ref`` column, and the file and
time of the import in ``source_import``, so a row skipped later names the earlier
import it came from.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from rtplan.importing.mapping import SOURCE_REF
from rtplan.schema import Table

SOURCE_IMPORT = "source_import"  # extra column: "file (YYYY-MM-DD HH:MM)" of the import a row came from
ID_PREFIXES = {"participants": "P", "meetings": "M", "needs": "N", "resources": "R", "activities": "A",
               "ledger": "K", "problem_tree": "T", "institutions": "I"}


def row_hashes(data: pd.DataFrame) -> pd.Series:
    """``row:`` + the first 16 hex digits of SHA-256 over every cell of each row."""
    if not len(data.columns):
        return pd.Series(["row:" + hashlib.sha256(b"").hexdigest()[:16]] * len(data), dtype="string")
    columns = [data.iloc[:, i].astype(object).fillna("").tolist() for i in range(data.shape[1])]
    return pd.Series(["row:" + hashlib.sha256("\x1f".join(cells).encode("utf-8")).hexdigest()[:16]
                      for cells in zip(*columns)], dtype="string")


def id_column(table: Table) -> str | None:
    if len(table.key) == 1:
        col = table.column(table.key[0])
        if col.kind == "id" and col.ref is None:
            return col.name
    return None


def new_ids(existing: Sequence[str], taken: set[str], count: int, table: str) -> pd.Series:
    """``count`` new ids in the plan's own style (``P015``...), none of them in ``taken``."""
    pattern = re.compile(r"^([A-Za-z]+)(\d+)$")
    prefixes: dict[str, int] = {}
    widths: list[int] = []
    for ident in existing:
        m = pattern.match(str(ident))
        if m:
            prefixes[m.group(1)] = prefixes.get(m.group(1), 0) + 1
            widths.append(len(m.group(2)))
    width = max(widths, default=3)
    prefix = max(prefixes, key=prefixes.__getitem__) if prefixes else ID_PREFIXES.get(table, "X")
    numbers = [int(m.group(2)) for i in taken if (m := pattern.match(str(i))) and m.group(1) == prefix]
    n = max(numbers, default=0)
    digits = pd.Series(np.arange(n + 1, n + 1 + count, dtype=np.int64)).astype("string")
    out = prefix + digits.str.pad(width, side="left", fillchar="0")
    if taken and out.isin(list(taken)).any():  # ids of another style taken further on: number past them
        found: list[str] = []
        i = n
        while len(found) < count:
            i += 1
            ident = f"{prefix}{i:0{width}d}"
            if ident not in taken:
                found.append(ident)
        out = pd.Series(found, dtype="string")
    return out


def signature(frame: pd.DataFrame, columns: Sequence[str]) -> pd.Series:
    if not len(frame):
        return pd.Series([], dtype="uint64")
    return pd.util.hash_pandas_object(frame[list(columns)], index=False)


def known_refs(existing: pd.DataFrame) -> dict[str, str]:
    """``source_ref`` -> the import it came from (``""`` when not recorded)."""
    if SOURCE_REF not in existing.columns:
        return {}
    refs = existing[SOURCE_REF].astype("string").fillna("")
    origin = existing[SOURCE_IMPORT].astype("string").fillna("") if SOURCE_IMPORT in existing.columns else \
        pd.Series([""] * len(existing), dtype="string")
    return {r: o for r, o in zip(refs.tolist(), origin.tolist()) if r}
