"""The two ways to run the rules of :mod:`rtplan.rules` over :class:`~rtplan.rules.Rows`.

* :func:`check_plan_rows` - one plan's table (all rows in plan 0, made by
  :func:`plan_rows`), giving the :class:`~rtplan.problems.Problem` messages of
  :mod:`rtplan.validation`;
* :func:`broken_rows` - many plans' pooled columns at once (research pooling,
  :mod:`rtplan.research.batch`), giving the broken rows of each rule and their plans.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from rtplan.problems import Problem, problem
from rtplan.rules import RULES_OF, Period, Rows, Rule
from rtplan.schema import Table
from rtplan.tables import is_missing


class _Columns(Mapping[str, list[Any]]):
    """A frame's columns as lists of Python values, each made when a rule first reads it
    (the key rules read one column of a table: the others are not converted for them)."""

    def __init__(self, frame: pd.DataFrame, names: list[str], where: np.ndarray | None) -> None:
        self._frame = frame
        self._names = names
        self._where = where
        self._done: dict[str, list[Any]] = {}

    def __getitem__(self, name: str) -> list[Any]:
        got = self._done.get(name)
        if got is None:
            if name not in self._names:
                raise KeyError(name)
            series = self._frame[name] if self._where is None else self._frame[name].iloc[self._where]
            got = self._done[name] = series.tolist()
        return got

    def __contains__(self, name: object) -> bool:
        return name in self._names

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


def plan_rows(
    table: Table,
    frame: pd.DataFrame,
    tables: Mapping[str, pd.DataFrame] | None = None,
    period: Period | None = None,
    positions: Sequence[int] | None = None,
) -> Rows:
    """One plan's ``frame`` of ``table`` as :class:`Rows` (plan 0), optionally only
    the rows at ``positions``; ``tables`` are the plan's tables references point at."""
    cols = [c.name for c in table.columns if c.name in frame.columns]
    if positions is None:
        columns = _Columns(frame, cols, None)
        where = np.arange(len(frame))
    else:
        where = np.asarray(sorted(positions), dtype=np.int64)
        columns = _Columns(frame, cols, where)
    cache: dict[tuple[str, str], set[tuple[int, str]]] = {}

    def known(ref: tuple[str, str]) -> set[tuple[int, str]]:
        got = cache.get(ref)
        if got is None:
            target = (tables or {}).get(ref[0])
            got = cache[ref] = set() if target is None else {(0, str(v)) for v in target[ref[1]]
                                                             if not is_missing(v)}
        return got

    return Rows(table, columns, np.zeros(len(where), dtype=np.int64), where, lambda plan: period, known)


def applies(rule: Rule, rows: Rows) -> bool:
    """The rule's columns are all there."""
    return all(c in rows.columns for c in rule.columns)


def check_plan_rows(rows: Rows, scope: str, lang: str) -> list[tuple[Any, Problem]]:
    """The problems of one plan's rows for the rules of ``scope``, each with its order key.

    ``row`` rules are keyed ``(position, rule)``, ``key``/``ref`` rules ``(rule, position)``
    and ``special`` rules by their :attr:`Rule.sort`; sorting by the key gives the order of
    :mod:`rtplan.validation`.
    """
    table = rows.table
    out: list[tuple[Any, Problem]] = []
    for index, rule in enumerate(RULES_OF[table.name]):
        if rule.scope != scope or not applies(rule, rows):
            continue
        for k in np.flatnonzero(rule.check(rows)).tolist():
            pos = int(rows.positions[k])
            if scope == "row":
                key: Any = (pos, index)
            elif scope == "special":
                key = rule.sort(rows, k) if rule.sort else (pos, index)
            else:
                key = (index, pos)
            for n, fields in enumerate(rule.explain(rows, k, lang)):
                out.append(((key, n), problem(lang, table.filename, pos + 2, rule.column, rule.name,
                                              level=rule.level, **fields)))
    return out


def broken_rows(rows: Rows, levels: Sequence[str] = ("error",)) -> dict[Rule, np.ndarray]:
    """Run every rule of ``levels`` over pooled ``rows`` (many plans at once): the rows
    each rule finds broken (indices into ``rows``; ``rows.plans`` says their plans).

    A rule that cannot judge a column at all (a value of an unexpected type) marks
    every row: the plans then go the one-plan way, which says exactly what is wrong.
    """
    out: dict[Rule, np.ndarray] = {}
    for rule in RULES_OF[rows.table.name]:
        if rule.level not in levels or not applies(rule, rows):
            continue
        try:
            found = np.flatnonzero(rule.check(rows))
        except (TypeError, ValueError, OverflowError):
            found = np.arange(len(rows))
        if len(found):
            out[rule] = found
    return out


__all__ = ["applies", "broken_rows", "check_plan_rows", "plan_rows"]
