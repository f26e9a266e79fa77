"""Incremental validation of a save.

Only the rows that changed are serialised and parsed back, and only the rules the
change can affect are run again (:func:`rtplan.validation.update_report`); the
plan keeps its report between saves.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from rtplan.plan import Plan, StateKey
from rtplan.problems import Problem
from rtplan.schema import TABLES, Table
from rtplan.tables import frame_to_rows, parse_rows, read_csv_text, rows_to_csv
from rtplan.validation import Report, build_report

# above this share of changed rows a table is serialised and parsed whole
_INCREMENTAL_MAX_SHARE = 0.25


@dataclass
class _Canonical:
    """A table as it will be written: bytes, the typed table parsed back from them, the
    cell problems, the changed row positions (``None``: unknown) and its text rows."""

    data: bytes
    parsed: pd.DataFrame
    problems: list[Problem]
    positions: list[int] | None
    text: tuple[list[str], list[list[str]]] | None


def _canonical(name: str, frame: pd.DataFrame, lang: str) -> tuple[bytes, pd.DataFrame, list[Problem]]:
    """Serialise, then parse back: the bytes, the typed table and the cell problems."""
    found = _canonical_full(TABLES[name], frame, lang)
    return found.data, found.parsed, found.problems


def _canonical_full(table: Table, frame: pd.DataFrame, lang: str) -> _Canonical:
    header, rows = frame_to_rows(table, frame)
    # a row with every cell empty is no row (reading skips it): it is not written either
    rows = [r for r in rows if any(map(str.strip, r))]
    data = rows_to_csv(header, rows)
    back_header, back_rows = read_csv_text(data)
    parsed, problems = parse_rows(table, back_header, back_rows, lang)
    # the text rows can stand for ``parsed`` only when they read back unchanged
    text = (header, rows) if not problems and back_header == header and back_rows == rows else None
    return _Canonical(data, parsed, problems, None, text)


def _changed_rows(old: pd.DataFrame, new: pd.DataFrame) -> np.ndarray:
    """Per row of two equally long tables with the same columns and dtypes: differs?"""
    diff = np.zeros(len(old), dtype=bool)
    for col in old.columns:
        a = old[col].reset_index(drop=True)
        b = new[col].reset_index(drop=True)
        both_missing = (a.isna() & b.isna()).to_numpy(dtype=bool)
        differs = a.ne(b)
        if differs.dtype != bool:
            differs = differs.fillna(True)
        diff |= differs.to_numpy(dtype=bool) & ~both_missing
    return diff


def _canonical_incremental(
    table: Table,
    old: pd.DataFrame,
    frame: pd.DataFrame,
    text: tuple[list[str], list[list[str]]],
    lang: str,
) -> _Canonical | None:
    """Serialise and parse back only the rows that changed since ``old`` (whose
    canonical text rows are ``text``); ``None`` when the whole way is needed."""
    if list(frame.columns) != list(old.columns) or any(
            frame[c].dtype != old[c].dtype for c in old.columns):
        return None
    header, rows = text
    n_old, n_new = len(old), len(frame)
    if n_new == n_old:
        positions = np.flatnonzero(_changed_rows(old, frame)).tolist()
    else:
        common = min(n_old, n_new)
        head = _changed_rows(old.iloc[:common], frame.iloc[:common])
        first = int(np.argmax(head)) if head.any() else common
        positions = list(range(first, n_new))
    if len(positions) > max(16, int(n_new * _INCREMENTAL_MAX_SHARE)):
        return None
    sub = frame.iloc[positions]
    sub_header, sub_rows = frame_to_rows(table, sub)
    if sub_header != header or any(not any(cell.strip() for cell in r) for r in sub_rows):
        return None  # a blank row vanishes on reading back: let the whole way say so
    parsed_sub, problems = parse_rows(table, header, sub_rows, lang)
    if problems:
        return None  # the whole way words the problems with the right rows
    if n_new == n_old:
        new_rows = list(rows)
        for i, pos in enumerate(positions):
            new_rows[pos] = sub_rows[i]
        columns = {}
        for col in old.columns:
            values = old[col].array.copy()
            if positions:
                values[positions] = parsed_sub[col].array
            columns[col] = values
        parsed = pd.DataFrame(columns)
    else:
        first = positions[0] if positions else n_new
        new_rows = list(rows[:first]) + sub_rows
        kept = old.iloc[:first]
        parsed = (pd.concat([kept, parsed_sub], ignore_index=True) if len(kept) and len(parsed_sub)
                  else (kept if len(kept) else parsed_sub).reset_index(drop=True))
    data = rows_to_csv(header, new_rows)
    return _Canonical(data, parsed, [], positions, (header, new_rows))


def _canonical_update(plan: Plan, name: str, frame: pd.DataFrame, lang: str, whole: bool = False) -> _Canonical:
    """The text cache is used only when it still describes the plan's current table
    (its content key: an edit in place is noticed) and ``frame`` is another object."""
    table = TABLES[name]
    old = plan.tables.get(name)
    cached = plan.text_cache.get(name)
    if (not whole and old is not None and cached is not None and frame is not old
            and cached[0] == _content_key(old)):
        found = _canonical_incremental(table, old, frame, cached[1], lang)
        if found is not None:
            return found
    return _canonical_full(table, frame, lang)


@dataclass(frozen=True)
class Checked:
    """A state of a plan its caller has validated already (the tables, the settings and
    the language of the report): a save of exactly these tables reuses the report
    rather than running the rules again (an import checks its rows, then saves them)."""

    tables: Mapping[str, pd.DataFrame]
    meta: Mapping[str, Any]
    lang: str
    report: Report


def _same_frame(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    """The same columns, dtypes and values in the same order (what the rules read)."""
    return (list(a.columns) == list(b.columns) and list(a.dtypes) == list(b.dtypes)
            and bool(a.reset_index(drop=True).equals(b.reset_index(drop=True))))


def reuse_report(checked: Checked | None, tables: Mapping[str, pd.DataFrame], meta: Mapping[str, Any],
                 lang: str, updated: Mapping[str, object]) -> Report | None:
    """``checked.report`` when it describes ``tables`` and ``meta`` (the tables as parsed
    back from the bytes to write), else ``None`` (then the save checks them itself).

    The tables not in ``updated`` must be the very objects that were checked; the
    updated ones equal in columns, dtypes and values.
    """
    if checked is None or checked.lang != lang or checked.meta is not meta \
            or set(checked.tables) != set(tables):
        return None
    for name, frame in tables.items():
        seen = checked.tables[name]
        if name in updated:
            if not _same_frame(frame, seen):
                return None
        elif frame is not seen:
            return None
    return checked.report


def _problem_key(p: Problem) -> tuple[object, ...]:
    return (p.file, p.row, p.column, p.rule, p.message)


def _content_key(frame: pd.DataFrame) -> str | None:
    """A digest of a table's columns, dtypes and values (``None``: cannot be hashed)."""
    try:
        rows = pd.util.hash_pandas_object(frame, index=False).to_numpy()
    except (TypeError, ValueError):
        return None
    head = repr([(str(c), str(frame[c].dtype)) for c in frame.columns]).encode("utf-8")
    return hashlib.sha256(head + rows.tobytes()).hexdigest()


def _state_key(plan: Plan, lang: str) -> StateKey:
    # the table objects themselves (compared by identity, kept alive by the key)
    return (lang, repr(plan.meta), tuple(sorted(plan.tables.items(), key=lambda item: item[0])))


def _same_state(a: StateKey | None, b: StateKey) -> bool:
    if a is None or len(a) != 3 or a[:2] != b[:2]:
        return False
    old, new = a[2], b[2]
    return len(old) == len(new) and all(n1 == n2 and f1 is f2 for (n1, f1), (n2, f2) in zip(old, new))


def _report(plan: Plan, lang: str) -> Report:
    """The validation report of ``plan`` as it is now.

    Kept on the plan after each save, so a save checks only what its change can
    affect. The key is the settings and the identity of the table objects: replacing
    a table invalidates it; a table about to be saved that was edited in place is
    found by its content key (:func:`_canonical_update`) and checked whole.
    """
    key = _state_key(plan, lang)
    cached = plan.error_cache
    if cached is not None and isinstance(cached[1], Report) and _same_state(cached[0], key):
        return cached[1]
    report = build_report(plan.tables, plan.meta, lang)
    plan.error_cache = (key, report)
    return report


def known_errors(plan: Plan, lang: str) -> set[tuple[object, ...]]:
    """The error keys of ``plan`` as it is now."""
    return {_problem_key(p) for p in _report(plan, lang).problems() if p.is_error}
