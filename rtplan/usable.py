"""What of a plan the methods can work on: one rule for every command and document.

``rtplan validate`` reports every problem of a plan. The other commands and the
document notebooks must neither crash on those problems nor silently compute with
them, so they all go through :func:`usable_plan`:

* a **row** that breaks a rule (an unknown ``status``, a duplicate id, an id that
  points nowhere, a cell that could not be read, ...) is set aside, and rows that
  then point at a set-aside row are set aside in turn; the first of two rows with
  the same id is kept. Only :data:`TOLERATED` rules (a date outside the plan period,
  a phone number in free text) keep the row: the methods compute correctly with it;
* a **setting** of ``plan.toml`` of the wrong type (``period.start = "kemarin"``,
  ``area = 5``) is treated as not set;
* a **file** that could not be read at all (bad CSV, not UTF-8, missing key
  columns) is empty; a command that needs it refuses with validate's own message
  (see :meth:`Usable.fatal`).

The plan on disk is never touched: the usable plan is a copy in memory.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from rtplan.plan import Plan
from rtplan.problems import Problem
from rtplan.schema import META_FIELDS, TABLES

# rules whose rows the methods still compute correctly with
TOLERATED = frozenset({"outside_period", "private_in_text"})
META_FILE = "plan.toml"
_MAX_PASSES = 8

# what a plan needs before its documents say anything; a usable table that is empty
# is reported as missing (``rtplan validate`` notices, and before a document is built)
PARTS: dict[str, tuple[str, ...]] = {
    "participants": ("participants",),
    "meetings": ("meetings",),
    "attendance": ("attendance",),
    "needs": ("needs",),
    "scores": ("usg_scores", "votes", "pairwise"),
    "resources": ("resources",),
    "activities": ("activities",),
    "funds": ("funds",),
    "ledger": ("ledger",),
}


@dataclass
class Usable:
    """A plan made safe to compute with, and what was set aside to make it so.

    Attributes
    ----------
    plan : a copy of the plan without the rows and settings that break a rule.
    problems : every problem ``rtplan validate`` reports for the plan as loaded.
    set_aside : file name -> number of rows not used.
    """

    plan: Plan
    problems: list[Problem]
    set_aside: dict[str, int] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    def fatal(self, tables: Iterable[str] | None = None) -> list[Problem]:
        """The errors that stop a command using ``tables`` (default: every table):
        a table file that could not be read at all."""
        files = {TABLES[name].filename for name in (TABLES if tables is None else tables)}
        return [p for p in self.errors if p.row is None and p.file in files]

    def missing(self, parts: Iterable[str] | None = None) -> list[str]:
        """Which of ``parts`` (keys of :data:`PARTS`, default all) have no usable row."""
        return [part for part in (PARTS if parts is None else parts)
                if all(self.plan[name].empty for name in PARTS[part])]


def _meta_ok(kind: str, value: object) -> bool:
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "date":
        return isinstance(value, dt.date)
    return isinstance(value, (str, int)) and not isinstance(value, bool)


def usable_meta(meta: Mapping[str, Any]) -> dict[str, Any]:
    """``plan.toml`` settings without the values of the wrong type (as if not set)."""
    clean = copy.deepcopy(dict(meta)) if isinstance(meta, Mapping) else {}
    for f in META_FIELDS:
        if f.section:
            section = clean.get(f.section)
            if not isinstance(section, dict):
                clean[f.section] = section = {}
        else:
            section = clean
        if f.key in section and not _meta_ok(f.kind, section[f.key]):
            del section[f.key]
    period = clean.get("period", {})
    start, end = period.get("start"), period.get("end")
    if isinstance(start, dt.date) and isinstance(end, dt.date) and end < start:
        period.pop("start"), period.pop("end")
    return clean


def _rows_to_drop(problems: Iterable[Problem]) -> dict[str, set[int]]:
    drop: dict[str, set[int]] = {}
    for p in problems:
        if p.is_error and p.row is not None and p.rule not in TOLERATED and p.file.endswith(".csv"):
            drop.setdefault(p.file, set()).add(p.row - 2)
    return drop


def _clear_dangling(tables: dict[str, Any]) -> bool:
    """Empty an optional reference (not a key, not required) that points at no row, and
    drop such ids from a list: a cash entry stays in the book when its activity is set
    aside, it just no longer names it."""
    from rtplan.schema import split_list
    from rtplan.tables import is_missing

    changed = False
    for name, table in TABLES.items():
        frame = tables.get(name)
        if frame is None or frame.empty:
            continue
        for col in table.columns:
            if col.ref is None or col.required or col.name in table.key or col.name not in frame.columns:
                continue
            target = tables.get(col.ref[0])
            known = set(col.ref_extra) | ({str(v) for v in target[col.ref[1]] if not is_missing(v)}
                                          if target is not None else set())

            def keep(value: object, known: set[str] = known, is_list: bool = col.kind == "list") -> object:
                if is_missing(value):
                    return value
                if is_list:
                    return ";".join(i for i in split_list(value) if i in known)
                return value if str(value) in known else None

            cleaned = frame[col.name].map(keep).astype(frame[col.name].dtype)
            if not cleaned.equals(frame[col.name]):
                frame = frame.copy()
                frame[col.name] = cleaned
                tables[name] = frame
                changed = True
    return changed


def _required_ref(p: Problem) -> bool:
    """Whether a problem is about a reference its row cannot do without (a key or required)."""
    table = TABLES.get(p.file[:-4]) if p.file.endswith(".csv") else None
    if table is None or p.column is None or p.column not in table.column_names:
        return True
    col = table.column(p.column)
    return col.required or col.name in table.key


def usable_plan(plan: Plan, problems: list[Problem] | None = None) -> Usable:
    """The part of ``plan`` every method can compute with (see the module's text).

    Parameters
    ----------
    plan : the plan as loaded by :func:`rtplan.storage.load_plan`.
    problems : its problems, if already known (else :func:`rtplan.validation.validate_plan`).
    """
    from rtplan.validation import check_references, validate_plan

    if problems is None:
        problems = validate_plan(plan)
    meta = usable_meta(plan.meta)
    tables = dict(plan.tables)
    by_file = {t.filename: name for name, t in TABLES.items()}
    set_aside: dict[str, int] = {}
    # an optional reference that points nowhere is emptied: its row stays (its problem is then moot)
    moot = ({(p.file, p.row, p.column) for p in problems if p.rule == "unknown_ref"}
            if _clear_dangling(tables) else set())
    found = [p for p in problems if (p.file, p.row, p.column) not in moot or _required_ref(p)]
    for _ in range(_MAX_PASSES):
        drop = {f: rows for f, rows in _rows_to_drop(found).items() if f in by_file}
        if not drop:
            break
        for file, rows in drop.items():
            name = by_file[file]
            frame = tables[name]
            keep = [i for i in range(len(frame)) if i not in rows]
            tables[name] = frame.iloc[keep].reset_index(drop=True)
            set_aside[file] = set_aside.get(file, 0) + len(frame) - len(keep)
        # leaving rows out can only break references (to them): check those again
        _clear_dangling(tables)
        found = check_references(tables, plan.message_lang)
    usable = replace(plan, meta=meta, tables=tables, load_problems=[], error_cache=None)
    return Usable(usable, list(problems), set_aside)
