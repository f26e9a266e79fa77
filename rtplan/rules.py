"""Every rule over a plan's tables, declared once, and the two ways to run them.

A :class:`Rule` is data: the table, the column(s) it reads, the column its message
names, its level (error or warning), its message (catalogue ``rule.<name>``), a
check over whole columns that says which rows break it, and what the message says
about one broken row. :data:`TABLE_RULES` lists them all, derived from the schema's
column attributes (:mod:`rtplan.schema`) plus the few rules of their own
(start/end order, unique keys, references, pairwise, ledger, problem tree,
recurrence).

Both executors (:mod:`rtplan.rule_runs`) run the same checks over :class:`Rows` (a
table's columns as lists of Python values, with the plan each row belongs to):

* :func:`~rtplan.rule_runs.check_plan_rows` - one plan's table (all rows in plan 0),
  giving the :class:`~rtplan.problems.Problem` messages of :mod:`rtplan.validation`;
* :func:`~rtplan.rule_runs.broken_rows` - many plans' pooled columns at once (research
  pooling, :mod:`rtplan.research.batch`), giving the broken rows of each rule and their plans.

The rules of ``plan.toml`` are :func:`rtplan.validation.check_meta` (from
:data:`rtplan.schema.META_FIELDS`) and :func:`rtplan.holidays_id.check_calendar_meta`;
the rules of reading a file (``bad_csv``, ``int``, ``date``...) are those of
:func:`rtplan.tables.parse_rows` and :mod:`rtplan.storage`: see :data:`META_RULES`
and :data:`READ_RULES`.
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from rtplan.schema import TABLES, TIE, Column, Table, split_list
from rtplan.tables import is_missing

# a clock range that ends before it starts is accepted only as an overnight one
# (ronda malam 22:00-03:00); 21:30-19:30 is a typo and is reported.
OVERNIGHT_START = "18:00"
OVERNIGHT_END = "06:00"

_PHONE = re.compile(r"(?<!\d)(?:\+?62|0)8\d{7,11}(?!\d)")
_NIK = re.compile(r"(?<!\d)\d{16}(?!\d)")
_DIGIT_RUN = re.compile(r"\d")
_LONG_RUN = re.compile(r"\d{9,}")
_PHONE_RUN = re.compile(r"(?:62|0)8\d{7,11}")  # _PHONE's digits
_SQUEEZE = re.compile(r"(?<=\d)[\s.-](?=\d)")  # a space, dot or dash between two digits
# joins a column's texts into one string for the private-number search (neither a digit nor a
# space, dot or dash: no match and no squeeze crosses it)
_JOIN = "\x00"
# free-text tables that end up in shared documents
SHARED_TEXT_TABLES = ("needs", "resources", "activities", "meetings", "decisions", "ledger", "problem_tree")

Period = tuple[dt.date, dt.date]

META_RULES = frozenset({"required", "int", "date", "allowed", "min", "newer_schema", "end_before_start",
                        "calendar_not_table", "bad_timezone", "ramadan_pair"})
"""The rules of ``plan.toml`` (:func:`rtplan.validation.check_meta` and the calendar's)."""
READ_RULES = frozenset({"bad_csv", "not_utf8", "bad_toml", "missing_columns", "duplicate_header",
                        "too_many_fields", "int", "money", "bool", "date", "time", "emptied"})
"""The rules of reading a file and its cells (:mod:`rtplan.storage`, :func:`rtplan.tables.parse_rows`)."""
COLUMN_ATTRIBUTES = frozenset({
    "name", "kind", "label_key", "suggested",  # no rule
    "required", "allowed", "min", "max", "ref", "ref_extra", "ref_anonymous", "private", "in_period",
})
"""The attributes of :class:`~rtplan.schema.Column` the rules know (a new one may need a rule)."""


def time_ok(start: str, end: str) -> bool:
    """A clock range ``start``-``end`` (HH:MM) runs forward, or is an overnight one (22:00-03:00)."""
    return end > start or (end < start and start >= OVERNIGHT_START and end <= OVERNIGHT_END)


def looks_private(text: str) -> bool:
    """True when ``text`` seems to hold a phone number or a 16-digit NIK."""
    squeezed = _SQUEEZE.sub("", text)
    return bool(_PHONE.search(squeezed) or _NIK.search(squeezed))


def private_texts(texts: Sequence[str]) -> np.ndarray:
    """:func:`looks_private` of each text, for a whole column at once.

    The texts are joined by a character that is neither a digit nor a space, dot or
    dash, so the squeeze and the search run once over the joined string and each
    match falls inside one text; a match's position says which. A column where a text
    holds that character is checked text by text. (10,000 cells: a few ms rather than
    about 0.1 s of a call per cell; a test compares both on generated texts.)
    """
    n = len(texts)
    out = np.zeros(n, dtype=bool)
    if not n:
        return out
    joined = _JOIN.join(texts)
    if joined.count(_JOIN) != n - 1:
        return np.fromiter((looks_private(text) for text in texts), dtype=bool, count=n)
    if not _DIGIT_RUN.search(joined):
        return out
    squeezed = _SQUEEZE.sub("", joined)
    # both numbers are a whole run of digits (their lookarounds say so): a phone number's run
    # is 9-14 digits, a NIK's 16, so only the runs of 9 or more are tried
    starts = [m.start() for m in _LONG_RUN.finditer(squeezed)
              if len(m.group()) == 16 or _PHONE_RUN.fullmatch(m.group())]
    if starts:
        ends = np.cumsum([len(part) + 1 for part in squeezed.split(_JOIN)])  # each text's end, past its joint
        out[np.searchsorted(ends, starts, side="right")] = True
    return out


def fmt_value(value: object) -> str:
    """A cell value as a message shows it (a date without its time)."""
    if type(value) is str:
        return value
    if isinstance(value, pd.Timestamp):
        return str(value.date().isoformat())
    return str(value)


def _text(value: object) -> str:
    return "" if is_missing(value) else str(value).strip()


# --------------------------------------------------------------------------- what a rule reads


@dataclass
class Rows:
    """Rows of one table for the rules: its columns (lists of Python values), the plan of
    each row, the row's position in its plan's table, and what rules read elsewhere.

    ``period(plan)`` is the plan period (or ``None``); ``known((table, column))`` the set
    of ``(plan, value)`` present in a referenced column.
    """

    table: Table
    columns: Mapping[str, Sequence[Any]]
    plans: np.ndarray
    positions: np.ndarray
    period: Callable[[int], Period | None]
    known: Callable[[tuple[str, str]], set[tuple[int, str]]]
    _missing: dict[str, np.ndarray] = field(default_factory=dict)
    _plan_list: list[int] | None = None
    _text: dict[str, bool] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.plans)

    def plan_list(self) -> list[int]:
        """The plan of each row as a list of ints (computed once)."""
        if self._plan_list is None:
            self._plan_list = self.plans.tolist()
        return self._plan_list

    def all_text(self, name: str) -> bool:
        """Every value of column ``name`` is a ``str`` (the pooled text columns: then
        whole-column operations give the same answers as value by value)."""
        got = self._text.get(name)
        if got is None:
            got = self._text[name] = set(map(type, self.columns[name])) <= {str}
        return got

    def missing(self, name: str) -> np.ndarray:
        """Which cells of column ``name`` are empty (:func:`rtplan.tables.is_missing`; computed once)."""
        got = self._missing.get(name)
        if got is None:
            values = self.columns[name]
            n = len(self.plans)
            if n >= MANY_ROWS and self.all_text(name):
                got = np.fromiter(map(operator.not_, map(str.strip, values)), dtype=bool, count=n)
            elif n >= MANY_ROWS and set(map(type, values)) <= _NEVER_MISSING | _ALWAYS_MISSING:
                got = np.fromiter(map(_ALWAYS_MISSING.__contains__, map(type, values)), dtype=bool, count=n)
            else:
                got = np.fromiter(
                    ((not v.strip()) if type(v) is str else False if type(v) in _NEVER_MISSING else is_missing(v)
                     for v in values), dtype=bool, count=n)
            self._missing[name] = got
        return got

    def present(self, name: str) -> list[tuple[int, Any]]:
        """``(row, value)`` of the non-empty cells of column ``name``."""
        values = self.columns[name]
        return [(k, values[k]) for k in np.flatnonzero(~self.missing(name)).tolist()]


_NEVER_MISSING = frozenset({int, bool, pd.Timestamp})  # types is_missing always says False for (a shortcut)
_ALWAYS_MISSING = frozenset({type(pd.NA), type(pd.NaT), type(None)})
MANY_ROWS = 500
"""From this many rows (many plans pooled) a column of texts is checked by whole-column operations."""


def _mask(n: int, rows: Iterator[int] | list[int]) -> np.ndarray:
    out = np.zeros(n, dtype=bool)
    out[list(rows)] = True
    return out


Check = Callable[[Rows], np.ndarray]
Explain = Callable[[Rows, int, str], list[dict[str, object]]]


# the catalogue key of each rule's message, written out so that every key stays a literal the catalogue
# test can check (a key built at run time could name a message that does not exist)
RULE_KEYS = {
    "allowed": "rule.allowed",
    "both_amounts": "rule.both_amounts",
    "duplicate": "rule.duplicate",
    "end_before_start": "rule.end_before_start",
    "id_semicolon": "rule.id_semicolon",
    "max": "rule.max",
    "min": "rule.min",
    "negative_money": "rule.negative_money",
    "no_amount": "rule.no_amount",
    "outside_period": "rule.outside_period",
    "private_in_text": "rule.private_in_text",
    "recurrence_day_ignored": "rule.recurrence_day_ignored",
    "recurrence_day_monthly": "rule.recurrence_day_monthly",
    "recurrence_day_weekly": "rule.recurrence_day_weekly",
    "required": "rule.required",
    "self_pair": "rule.self_pair",
    "two_cores": "rule.two_cores",
    "unknown_ref": "rule.unknown_ref",
    "winner_not_in_pair": "rule.winner_not_in_pair",
}


@dataclass(frozen=True)
class Rule:
    """One rule over one table.

    name : the rule (its message is the catalogue's ``rule.<name>``).
    table : the table it checks; columns : the columns it reads; column : the one its message names.
    level : ``"error"`` (blocks saving, keeps a plan out of research) or ``"warning"``.
    scope : where :mod:`rtplan.validation` reports it: ``"row"`` (one row's cells),
        ``"key"``, ``"ref"`` (references) or ``"special"`` (several columns of a table).
    check : the rows that break it (a boolean array over :class:`Rows`).
    explain : the message fields of one broken row (one dict per message: a list cell
        with two unknown ids gives two).
    sort : for ``special`` rules, the order key of a message (default: its row).
    """

    name: str
    table: str
    columns: tuple[str, ...]
    column: str
    level: str
    scope: str
    check: Check
    explain: Explain
    sort: Callable[[Rows, int], Any] | None = None

    @property
    def message_key(self) -> str:
        return RULE_KEYS[self.name]

    @property
    def is_error(self) -> bool:
        return self.level == "error"


def _no_fields(rows: Rows, k: int, lang: str) -> list[dict[str, object]]:
    return [{}]


# --------------------------------------------------------------------------- the rules of a column


def _required(col: Column) -> tuple[Check, Explain]:
    return (lambda r: r.missing(col.name).copy()), _no_fields


def _allowed(col: Column) -> tuple[Check, Explain]:
    allowed = col.allowed or ()
    text = ", ".join(allowed)

    def check(r: Rows) -> np.ndarray:
        if len(r) >= MANY_ROWS and r.all_text(col.name):
            known: np.ndarray = pd.Index(r.columns[col.name], dtype=object).isin(allowed)
            out: np.ndarray = ~r.missing(col.name) & ~known
            return out
        return _mask(len(r), [k for k, v in r.present(col.name) if str(v) not in allowed])

    return check, lambda r, k, lang: [{"value": r.columns[col.name][k], "allowed": text}]


def _bound(col: Column, low: bool) -> tuple[Check, Explain]:
    limit = col.min if low else col.max
    assert limit is not None
    key = "min" if low else "max"

    def check(r: Rows) -> np.ndarray:
        if low:
            return _mask(len(r), [k for k, v in r.present(col.name) if int(v) < limit])
        return _mask(len(r), [k for k, v in r.present(col.name) if int(v) > limit])

    return check, lambda r, k, lang: [{"value": int(r.columns[col.name][k]), key: limit}]


def _in_period(col: Column) -> tuple[Check, Explain]:
    def check(r: Rows) -> np.ndarray:
        bad = []
        plans = r.plan_list()
        for k, v in r.present(col.name):
            period = r.period(plans[k])
            if period is not None and not period[0] <= pd.Timestamp(v).date() <= period[1]:
                bad.append(k)
        return _mask(len(r), bad)

    def explain(r: Rows, k: int, lang: str) -> list[dict[str, object]]:
        period = r.period(int(r.plans[k]))
        assert period is not None
        return [{"value": pd.Timestamp(r.columns[col.name][k]).date(), "start": period[0], "end": period[1]}]

    return check, explain


def _semicolon(col: Column) -> tuple[Check, Explain]:
    def check(r: Rows) -> np.ndarray:
        if len(r) >= MANY_ROWS and r.all_text(col.name):
            return np.fromiter((";" in v for v in r.columns[col.name]), dtype=bool, count=len(r))
        return _mask(len(r), [k for k, v in r.present(col.name) if ";" in str(v)])

    return check, lambda r, k, lang: [{"value": r.columns[col.name][k]}]


def _private(col: Column) -> tuple[Check, Explain]:
    def check(r: Rows) -> np.ndarray:
        at = np.flatnonzero(~r.missing(col.name))
        values = r.columns[col.name]
        if len(at) == len(values) and r.all_text(col.name):  # every cell a text: the column as it is
            return private_texts(values)
        return _mask(len(r), at[private_texts([str(values[k]) for k in at.tolist()])].tolist())

    return check, _no_fields


def _cell_rules(table: Table, col: Column) -> Iterator[Rule]:
    """The rules of one column, in the order their messages appear for a cell."""
    def rule(name: str, made: tuple[Check, Explain], level: str = "error") -> Rule:
        return Rule(name, table.name, (col.name,), col.name, level, "row", made[0], made[1])

    if col.required:
        yield rule("required", _required(col))
    if col.allowed is not None:
        yield rule("allowed", _allowed(col))
    if col.kind in ("int", "money"):
        if col.min is not None:
            yield rule("negative_money" if col.kind == "money" and col.min == 0 else "min", _bound(col, True))
        if col.max is not None:
            yield rule("max", _bound(col, False))
    if col.kind == "date" and col.in_period:
        yield rule("outside_period", _in_period(col))
    if col.kind == "id":
        yield rule("id_semicolon", _semicolon(col))
    if table.name in SHARED_TEXT_TABLES and col.kind == "str" and not col.private:
        yield rule("private_in_text", _private(col), "warning")


def _order_rule(table: Table, start: str, end: str) -> Rule:
    is_date = table.column(start).kind == "date"

    def check(r: Rows) -> np.ndarray:
        a_missing, b_missing = r.missing(start), r.missing(end)
        a_values, b_values = r.columns[start], r.columns[end]
        bad = []
        for k in np.flatnonzero(~a_missing & ~b_missing).tolist():
            a, b = a_values[k], b_values[k]
            if (pd.Timestamp(b) < pd.Timestamp(a)) if is_date else not time_ok(str(a), str(b)):
                bad.append(k)
        return _mask(len(r), bad)

    def explain(r: Rows, k: int, lang: str) -> list[dict[str, object]]:
        return [{"end_label": table.column(end).label[lang].lower(), "end": fmt_value(r.columns[end][k]),
                 "start_label": table.column(start).label[lang].lower(), "start": fmt_value(r.columns[start][k])}]

    return Rule("end_before_start", table.name, (start, end), end, "error", "row", check, explain)


# --------------------------------------------------------------------------- keys and references


def _key_rule(table: Table) -> Rule:
    names = table.key

    def parts(r: Rows) -> tuple[list[int], list[list[object]]]:
        """The rows with a first key value, and (plan, each key value as text) of each."""
        at = np.flatnonzero(~r.missing(names[0])).tolist()
        plans = r.plan_list()
        out: list[list[object]] = [[plans[k] for k in at]]
        for n in names:
            values, missing = r.columns[n], r.missing(n)
            out.append(["" if missing[k] else fmt_value(values[k]) for k in at])
        return at, out

    def keys(r: Rows) -> Iterator[tuple[int, tuple[object, ...]]]:
        at, columns = parts(r)
        return zip(at, zip(*columns))

    def check(r: Rows) -> np.ndarray:
        at, columns = parts(r)
        if len(at) > 2000:  # many plans at once: pandas' hashing (the same equality)
            repeated = pd.DataFrame(dict(enumerate(columns))).duplicated(keep="first").to_numpy()
            return _mask(len(r), np.asarray(at, dtype=np.int64)[repeated].tolist())
        seen: set[tuple[object, ...]] = set()
        bad = []
        for k, key in zip(at, zip(*columns)):
            if key in seen:
                bad.append(k)
            seen.add(key)
        return _mask(len(r), bad)

    def explain(r: Rows, k: int, lang: str) -> list[dict[str, object]]:
        wanted = next(key for j, key in keys(r) if j == k)
        other = next(j for j, key in keys(r) if key == wanted)
        return [{"value": " / ".join(str(x) for x in wanted[1:] if x), "other": int(r.positions[other]) + 2}]

    return Rule("duplicate", table.name, names, names[0], "error", "key", check, explain)


def _ref_rule(table: Table, col: Column) -> Rule:
    assert col.ref is not None
    ref = col.ref
    target = f"{TABLES[ref[0]].filename} ({ref[1]})"
    is_list = col.kind == "list"

    def unknown(r: Rows, k: int, value: object, known: set[tuple[int, str]]) -> list[str]:
        plan = r.plan_list()[k]
        items = split_list(value) if is_list else [str(value)]
        return [item for item in items if (plan, item) not in known and not col.ref_free(item)]

    def check(r: Rows) -> np.ndarray:
        known = r.known(ref)
        if is_list:
            return _mask(len(r), [k for k, v in r.present(col.name) if unknown(r, k, v, known)])
        plans, values = r.plan_list(), r.columns[col.name]
        return _mask(len(r), [k for k in np.flatnonzero(~r.missing(col.name)).tolist()
                              if (plans[k], str(values[k])) not in known and not col.ref_free(str(values[k]))])

    def explain(r: Rows, k: int, lang: str) -> list[dict[str, object]]:
        return [{"value": item, "target": target}
                for item in unknown(r, k, r.columns[col.name][k], r.known(ref))]

    return Rule("unknown_ref", table.name, (col.name,), col.name, "error", "ref", check, explain)


# --------------------------------------------------------------------------- rules of several columns


def _pairwise_rules() -> Iterator[Rule]:
    cols = ("need_a", "need_b", "winner")

    def pairs(r: Rows) -> Iterator[tuple[int, Any, Any]]:
        a, b = r.columns["need_a"], r.columns["need_b"]
        for k in np.flatnonzero(~r.missing("need_a") & ~r.missing("need_b")).tolist():
            yield k, a[k], b[k]

    def self_pair(r: Rows) -> np.ndarray:
        return _mask(len(r), [k for k, a, b in pairs(r) if a == b])

    def stranger(r: Rows) -> np.ndarray:
        w, w_missing = r.columns["winner"], r.missing("winner")
        return _mask(len(r), [k for k, a, b in pairs(r) if a != b and not w_missing[k] and w[k] not in (a, b, TIE)])

    yield Rule("self_pair", "pairwise", cols, "need_b", "error", "special", self_pair,
               lambda r, k, lang: [{"value": r.columns["need_a"][k]}])
    yield Rule("winner_not_in_pair", "pairwise", cols, "winner", "error", "special", stranger,
               lambda r, k, lang: [{"value": r.columns["winner"][k], "a": r.columns["need_a"][k],
                                    "b": r.columns["need_b"][k]}])


def _ledger_rules() -> Iterator[Rule]:
    cols = ("income_idr", "expense_idr")

    def has(r: Rows, name: str) -> np.ndarray:
        values, missing = r.columns[name], r.missing(name)
        return np.fromiter((not m and int(v) != 0 for v, m in zip(values, missing)), dtype=bool, count=len(r))

    yield Rule("both_amounts", "ledger", cols, "expense_idr", "error", "special",
               lambda r: has(r, "income_idr") & has(r, "expense_idr"), _no_fields)
    yield Rule("no_amount", "ledger", cols, "income_idr", "error", "special",
               lambda r: ~has(r, "income_idr") & ~has(r, "expense_idr"), _no_fields)


def _tree_rules() -> Iterator[Rule]:
    def second_cores(r: Rows) -> np.ndarray:
        seen: dict[tuple[int, object], int] = {}
        bad = []
        needs, kinds, plans = r.columns["need_id"], r.columns["kind"], r.plan_list()
        for k in range(len(r)):
            need = needs[k]
            if kinds[k] is pd.NA or kinds[k] != "inti" or need is pd.NA or need is None:
                continue
            key = (plans[k], need)
            seen[key] = seen.get(key, 0) + 1
            if seen[key] == 2:  # the second core of a need is reported, once
                bad.append(k)
        return _mask(len(r), bad)

    yield Rule("two_cores", "problem_tree", ("need_id", "kind"), "kind", "error", "special", second_cores,
               lambda r, k, lang: [{"value": r.columns["need_id"][k]}],
               sort=lambda r, k: (str(r.columns["need_id"][k]), k))  # by need, as a group-by gives them


def _recurrence_rules() -> Iterator[Rule]:
    from rtplan.schedule.recurrence import recurrence_day_rule

    cols = ("recurrence", "recurrence_day")

    def which(r: Rows) -> list[str | None]:
        found: dict[tuple[object, object], str | None] = {}
        out = []
        for kind, day in zip(r.columns["recurrence"], r.columns["recurrence_day"]):
            key = (kind, day)
            if key not in found:
                got = recurrence_day_rule(kind, day)
                found[key] = None if got is None else got[0]
            out.append(found[key])
        return out

    def explain(r: Rows, k: int, lang: str) -> list[dict[str, object]]:
        return [{"value": _text(r.columns["recurrence_day"][k]),
                 "recurrence": _text(r.columns["recurrence"][k]) or "once"}]

    for name, level in (("recurrence_day_weekly", "error"), ("recurrence_day_monthly", "error"),
                        ("recurrence_day_ignored", "warning")):
        yield Rule(name, "activities", cols, "recurrence_day", level, "special",
                   (lambda r, name=name: np.asarray([w == name for w in which(r)], dtype=bool)), explain)  # type: ignore[misc]


def _declare() -> tuple[Rule, ...]:
    rules: list[Rule] = []
    for table in TABLES.values():
        for col in table.columns:
            rules += _cell_rules(table, col)
        rules += [_order_rule(table, a, b) for a, b in table.order]
        if table.key:
            rules.append(_key_rule(table))
        rules += [_ref_rule(table, c) for c in table.columns if c.ref is not None]
    rules += [*_pairwise_rules(), *_ledger_rules(), *_tree_rules(), *_recurrence_rules()]
    return tuple(rules)


TABLE_RULES: tuple[Rule, ...] = _declare()
"""Every rule over the tables, in the order :mod:`rtplan.validation` reports them."""

RULES_OF: dict[str, tuple[Rule, ...]] = {name: tuple(r for r in TABLE_RULES if r.table == name) for name in TABLES}
"""The rules of each table."""


__all__ = [
    "COLUMN_ATTRIBUTES",
    "META_RULES",
    "OVERNIGHT_END",
    "OVERNIGHT_START",
    "READ_RULES",
    "RULES_OF",
    "SHARED_TEXT_TABLES",
    "TABLE_RULES",
    "Rows",
    "Rule",
    "fmt_value",
    "looks_private",
    "private_texts",
    "time_ok",
]
