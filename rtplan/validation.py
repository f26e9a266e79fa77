"""Every rule a plan must keep, reported all at once in the plan's language.

Each problem names the file, the row (as a spreadsheet numbers it: header = 1), the
column and the rule, e.g. ``activities.csv baris 4, kolom end_date (Tanggal
selesai): tanggal selesai 2026-01-03 sebelum tanggal mulai 2026-02-01``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from rtplan.messages import languages, t
from rtplan.plan import Plan
from rtplan.problems import Problem, problem
from rtplan.schema import META_FIELDS, SCHEMA_VERSION, TABLES, TIE, Column, Table, split_list
from rtplan.tables import is_missing

# a clock range that ends before it starts is accepted only as an overnight one
# (ronda malam 22:00-03:00); 21:30-19:30 is a typo and is reported.
OVERNIGHT_START = "18:00"
OVERNIGHT_END = "06:00"

_PHONE = re.compile(r"(?<!\d)(?:\+?62|0)8\d{7,11}(?!\d)")
_NIK = re.compile(r"(?<!\d)\d{16}(?!\d)")
# free-text tables that end up in shared documents
_SHARED_TEXT_TABLES = ("needs", "resources", "activities", "meetings", "decisions", "ledger", "problem_tree")


def _fmt(value: object) -> str:
    if isinstance(value, pd.Timestamp):
        return str(value.date().isoformat())
    return str(value)


def check_meta(meta: Mapping[str, Any], lang: str) -> list[Problem]:
    """Rules of ``plan.toml``: required fields, types, allowed values, period order."""
    problems: list[Problem] = []
    file = "plan.toml"
    for f in META_FIELDS:
        section = meta.get(f.section, {}) if f.section else meta
        value = section.get(f.key) if isinstance(section, Mapping) else None
        if value is None or (isinstance(value, str) and not value.strip()):
            if f.required:
                problems.append(problem(lang, file, None, f.path, "required"))
            continue
        # a language with a .po file is as good as the built-in ones (rtplan.messages)
        allowed = languages() if f.path == "language" else f.allowed
        if f.kind == "int" and (not isinstance(value, int) or isinstance(value, bool)):
            problems.append(problem(lang, file, None, f.path, "int", value=value))
        elif f.kind == "date" and not isinstance(value, dt.date):
            problems.append(problem(lang, file, None, f.path, "date", value=value))
        elif allowed and str(value) not in allowed:
            problems.append(problem(lang, file, None, f.path, "allowed", value=value,
                                    allowed=", ".join(allowed)))
        elif f.min is not None and isinstance(value, int) and value < f.min:
            problems.append(problem(lang, file, None, f.path, "min", value=value, min=f.min))
    version = meta.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        # a plan written by a newer rtplan: say so rather than misread columns it added
        problems.append(problem(lang, file, None, "schema_version", "newer_schema", value=version,
                                known=SCHEMA_VERSION))
    period = meta.get("period")
    period = period if isinstance(period, Mapping) else {}
    start, end = period.get("start"), period.get("end")
    if isinstance(start, dt.date) and isinstance(end, dt.date) and end < start:
        problems.append(problem(lang, file, None, "period.end", "end_before_start",
                                end_label=t("label.period_end", lang), end=end,
                                start_label=t("label.period_start", lang), start=start))
    return problems


def _time_ok(start: str, end: str) -> bool:
    return end > start or (end < start and start >= OVERNIGHT_START and end <= OVERNIGHT_END)


def check_table(
    table: Table,
    frame: pd.DataFrame,
    lang: str,
    period: tuple[dt.date, dt.date] | None = None,
) -> list[Problem]:
    """Rules within one table: required, allowed, bounds, unique keys, order, period."""
    rows = check_rows(table, frame, lang, period)
    return [p for pos in sorted(rows) for p in rows[pos]] + check_keys(table, frame, lang)


def check_rows(
    table: Table,
    frame: pd.DataFrame,
    lang: str,
    period: tuple[dt.date, dt.date] | None = None,
    positions: Sequence[int] | None = None,
) -> dict[int, list[Problem]]:
    """The rules of single rows (cells and start/end order), by row position.

    ``positions``: check only these rows (0-based positions; default: every row).
    Only positions with a problem are in the result.
    """
    out: dict[int, list[Problem]] = {}
    file = table.filename
    cols = [c for c in table.columns if c.name in frame.columns]
    names = [c.name for c in cols]
    # the columns as Series, zipped into rows: the same values as ``itertuples`` without
    # building a sub-frame (most tables of a plan are a few rows; the frame overhead was
    # most of the cost, measured)
    series = [frame[n] for n in names]
    if positions is None:
        positions = range(len(frame))
    else:
        positions = sorted(positions)
        series = [s.iloc[list(positions)] for s in series]
    # only rows that a column-wise test flags are checked cell by cell (the same rules,
    # the same messages): most rows of a plan have no problem at all
    if len(positions) >= _VECTOR_ROWS:
        suspect = _suspect_rows(table, pd.concat(series, axis=1), cols, period)
        positions = [p for p, s in zip(positions, suspect) if s]
        flagged = np.flatnonzero(suspect)
        series = [s.iloc[flagged] for s in series]
    for pos, record in zip(positions, zip(*series)) if series else ():
        row = pos + 2
        problems: list[Problem] = []
        for col, value in zip(cols, record):
            problems += _check_cell(table, col, value, row, lang, period)
        values = dict(zip(names, record))
        for start_name, end_name in table.order:
            start, end = values.get(start_name), values.get(end_name)
            if is_missing(start) or is_missing(end):
                continue
            kind = table.column(start_name).kind
            bad = (pd.Timestamp(end) < pd.Timestamp(start)) if kind == "date" else not _time_ok(str(start), str(end))
            if bad:
                problems.append(problem(
                    lang, file, row, end_name, "end_before_start",
                    end_label=table.column(end_name).label[lang].lower(), end=_fmt(end),
                    start_label=table.column(start_name).label[lang].lower(), start=_fmt(start)))
        if problems:
            out[pos] = problems
    return out


# below this many rows the column-wise pre-check costs more than it saves (measured:
# the example's tables 37 ms cell by cell against 210 ms column-wise; 5,600 needs rows
# 410 ms against 150 ms)
_VECTOR_ROWS = 300


def _suspect_rows(
    table: Table,
    frame: pd.DataFrame,
    cols: Sequence[Column],
    period: tuple[dt.date, dt.date] | None,
) -> np.ndarray:
    """Rows that may break a single-row rule, found column by column.

    A superset of the rows :func:`check_rows` reports: anything it cannot test this
    way (an unexpected type) marks every row, so no problem is ever missed.
    """
    n = len(frame)
    flag = np.zeros(n, dtype=bool)
    try:
        for col in cols:
            values = frame[col.name]
            text = values.astype("string").fillna("").str.strip() if col.kind in ("id", "str", "list") else None
            missing = (text == "").to_numpy(dtype=bool) if text is not None else values.isna().to_numpy(dtype=bool)
            if col.required:
                flag |= missing
            present = ~missing
            if col.allowed is not None:
                flag |= present & ~values.astype("string").isin(col.allowed).to_numpy(dtype=bool, na_value=False)
            if col.kind in ("int", "money"):
                numbers = pd.to_numeric(values, errors="coerce").astype("Float64")
                if col.min is not None:
                    flag |= present & (numbers < col.min).to_numpy(dtype=bool, na_value=True)
                if col.max is not None:
                    flag |= present & (numbers > col.max).to_numpy(dtype=bool, na_value=True)
            if col.kind == "date" and col.in_period and period is not None:
                days = pd.to_datetime(values, errors="coerce")
                lo, hi = pd.Timestamp(period[0]), pd.Timestamp(period[1])
                flag |= present & ~((days >= lo) & (days <= hi)).to_numpy(dtype=bool, na_value=False)
            if col.kind == "id" and text is not None:
                flag |= text.str.contains(";", regex=False).to_numpy(dtype=bool, na_value=False)
            if (table.name in _SHARED_TEXT_TABLES and col.kind == "str" and not col.private
                    and text is not None):
                squeezed = text.str.replace(r"(?<=\d)[\s.-](?=\d)", "", regex=True)
                flag |= squeezed.str.contains(r"\d{9}", regex=True).to_numpy(dtype=bool, na_value=True)
        for start_name, end_name in table.order:
            if start_name not in frame.columns or end_name not in frame.columns:
                continue
            start, end = frame[start_name], frame[end_name]
            if table.column(start_name).kind == "date":
                bad = pd.to_datetime(end, errors="coerce") < pd.to_datetime(start, errors="coerce")
            else:  # HH:MM texts compare as times; overnight ranges (ronda) are fine
                a, b = start.astype("string").fillna(""), end.astype("string").fillna("")
                ok = (b > a) | ((b < a) & (a >= OVERNIGHT_START) & (b <= OVERNIGHT_END)) | (a == "") | (b == "")
                bad = ~ok
            flag |= bad.to_numpy(dtype=bool, na_value=False)
    except (TypeError, ValueError):
        return np.ones(n, dtype=bool)
    return flag


def check_keys(table: Table, frame: pd.DataFrame, lang: str) -> list[Problem]:
    """A table's key columns are unique together."""
    problems: list[Problem] = []
    file = table.filename
    if table.key and all(k in frame.columns for k in table.key):
        seen: dict[tuple[str, ...], int] = {}
        for pos, record in enumerate(zip(*(frame[k] for k in table.key))):
            if any(is_missing(v) for v in record[:1]):
                continue
            key = tuple("" if is_missing(v) else _fmt(v) for v in record)
            if key in seen:
                problems.append(problem(lang, file, pos + 2, table.key[0], "duplicate",
                                        value=" / ".join(k for k in key if k), other=seen[key]))
            else:
                seen[key] = pos + 2
    return problems


def _check_cell(
    table: Table,
    col: Column,
    value: object,
    row: int,
    lang: str,
    period: tuple[dt.date, dt.date] | None,
) -> list[Problem]:
    file = table.filename
    if is_missing(value):
        return [problem(lang, file, row, col.name, "required")] if col.required else []
    out: list[Problem] = []
    if col.allowed is not None and str(value) not in col.allowed:
        out.append(problem(lang, file, row, col.name, "allowed", value=value, allowed=", ".join(col.allowed)))
    if col.kind in ("int", "money"):
        number = int(value)  # type: ignore[call-overload]
        if col.min is not None and number < col.min:
            rule = "negative_money" if col.kind == "money" and col.min == 0 else "min"
            out.append(problem(lang, file, row, col.name, rule, value=number, min=col.min))
        if col.max is not None and number > col.max:
            out.append(problem(lang, file, row, col.name, "max", value=number, max=col.max))
    if col.kind == "date" and col.in_period and period is not None:
        day = pd.Timestamp(value).date()
        if not period[0] <= day <= period[1]:
            out.append(problem(lang, file, row, col.name, "outside_period", value=day,
                               start=period[0], end=period[1]))
    if col.kind == "id" and ";" in str(value):
        out.append(problem(lang, file, row, col.name, "id_semicolon", value=value))
    if (table.name in _SHARED_TEXT_TABLES and col.kind == "str" and not col.private
            and looks_private(str(value))):
        out.append(problem(lang, file, row, col.name, "private_in_text", level="warning"))
    return out


def looks_private(text: str) -> bool:
    """True when ``text`` seems to hold a phone number or a 16-digit NIK."""
    squeezed = re.sub(r"(?<=\d)[\s.-](?=\d)", "", text)
    return bool(_PHONE.search(squeezed) or _NIK.search(squeezed))


def check_references(tables: Mapping[str, pd.DataFrame], lang: str) -> list[Problem]:
    """Every id that points at another table must exist there."""
    problems: list[Problem] = []
    for table in TABLES.values():
        problems += check_table_references(table, tables, lang)
    return problems


def check_table_references(
    table: Table,
    tables: Mapping[str, pd.DataFrame],
    lang: str,
    positions: Sequence[int] | None = None,
) -> list[Problem]:
    """The ids of one table that point at another table (or itself) must exist there.

    ``positions``: check only these rows (default: every row); column by column, then row.
    """
    problems: list[Problem] = []
    frame = tables.get(table.name)
    if frame is None or frame.empty:
        return problems
    wanted = None if positions is None else sorted(positions)
    for col in table.columns:
        if col.ref is None or col.name not in frame.columns:
            continue
        target_table, target_col = col.ref
        target = tables.get(target_table)
        known = set() if target is None else {str(v) for v in target[target_col] if not is_missing(v)}
        known |= set(col.ref_extra)
        target_name = f"{TABLES[target_table].filename} ({target_col})"
        series = frame[col.name]
        pairs = enumerate(series) if wanted is None else zip(wanted, series.iloc[wanted])
        for pos, value in pairs:
            if is_missing(value):
                continue
            items = split_list(value) if col.kind == "list" else [str(value)]
            problems.extend(problem(lang, table.filename, pos + 2, col.name, "unknown_ref", value=item,
                                    target=target_name) for item in items
                            if item not in known and not col.ref_free(item))
    return problems


def check_special(tables: Mapping[str, pd.DataFrame], lang: str) -> list[Problem]:
    """Rules that involve several columns of a row in a specific table."""
    problems: list[Problem] = []
    for name in ("pairwise", "ledger", "problem_tree"):
        frame = tables.get(name)
        if frame is not None:
            problems += check_special_table(name, frame, lang)
    return problems


def check_special_table(name: str, frame: pd.DataFrame, lang: str) -> list[Problem]:
    """The rules of :func:`check_special` for one table (empty for tables without any)."""
    problems: list[Problem] = []
    if name == "pairwise":
        pairwise = frame
        for pos, (a, b, w) in enumerate(zip(pairwise["need_a"], pairwise["need_b"], pairwise["winner"])):
            if is_missing(a) or is_missing(b):
                continue
            if a == b:
                problems.append(problem(lang, "pairwise.csv", pos + 2, "need_b", "self_pair", value=a))
            elif not is_missing(w) and w not in (a, b, TIE):
                problems.append(problem(lang, "pairwise.csv", pos + 2, "winner", "winner_not_in_pair",
                                        value=w, a=a, b=b))
    elif name == "ledger":
        for pos, (inc, exp) in enumerate(zip(frame["income_idr"], frame["expense_idr"])):
            has_in = not is_missing(inc) and int(inc) != 0
            has_out = not is_missing(exp) and int(exp) != 0
            if has_in and has_out:
                problems.append(problem(lang, "ledger.csv", pos + 2, "expense_idr", "both_amounts"))
            elif not has_in and not has_out:
                problems.append(problem(lang, "ledger.csv", pos + 2, "income_idr", "no_amount"))
    elif name == "problem_tree":
        tree = frame
        if not tree.empty:
            cores = tree[tree["kind"] == "inti"].groupby("need_id").size()
            for need_id, count in cores.items():
                if count > 1:
                    pos = int(tree.index[(tree["need_id"] == need_id) & (tree["kind"] == "inti")][1])
                    problems.append(problem(lang, "problem_tree.csv", pos + 2, "kind", "two_cores",
                                            value=need_id))
    return problems


def _period(meta: Mapping[str, Any]) -> tuple[dt.date, dt.date] | None:
    p = meta.get("period") or {}
    if not isinstance(p, Mapping):
        return None
    if isinstance(p.get("start"), dt.date) and isinstance(p.get("end"), dt.date):
        return (p["start"], p["end"])
    return None


def validate_tables(
    tables: Mapping[str, pd.DataFrame],
    meta: Mapping[str, Any],
    lang: str,
) -> list[Problem]:
    """All rules over a set of tables and settings (without the load problems)."""
    return build_report(tables, meta, lang).problems()


# ---------------------------------------------------------------------------
# What a change can affect: the rules' dependencies, derived from the schema once.

META_FILE = "plan.toml"
_SPECIAL = ("pairwise", "ledger", "problem_tree", "activities")


def _reads() -> dict[str, frozenset[str]]:
    """file -> the other files its rules read: the tables its ids point at, and
    ``plan.toml`` for a table with dates that must fall in the plan period."""
    out: dict[str, frozenset[str]] = {META_FILE: frozenset()}
    for table in TABLES.values():
        deps = {TABLES[c.ref[0]].filename for c in table.columns if c.ref is not None}
        if any(c.in_period for c in table.columns):
            deps.add(META_FILE)
        deps.discard(table.filename)
        out[table.filename] = frozenset(deps)
    return out


READS: dict[str, frozenset[str]] = _reads()


def affected_files(changed: Iterable[str]) -> set[str]:
    """The files whose problems can change when ``changed`` files change: those files
    and every file whose rules read one of them."""
    changed = set(changed)
    return changed | {f for f, deps in READS.items() if deps & changed}


def related_files(changed: Iterable[str]) -> set[str]:
    """The files a change to ``changed`` was checked against (both directions of every
    dependency): if one of them changed on disk meanwhile, the check is stale."""
    changed = set(changed)
    out = affected_files(changed)
    for f in changed:
        out |= READS.get(f, frozenset())
    return out


@dataclass
class Report:
    """The problems of one state of a plan, kept by rule and place, so that a save can
    check again only what its change can affect (:func:`update_report`)."""

    meta: list[Problem]
    rows: dict[str, dict[int, list[Problem]]]
    keys: dict[str, list[Problem]]
    refs: dict[str, list[Problem]]
    special: dict[str, list[Problem]]

    def problems(self, files: Iterable[str] | None = None) -> list[Problem]:
        """Every problem, in the order of :func:`validate_tables` (optionally only of ``files``)."""
        wanted = None if files is None else set(files)

        def keep(file: str) -> bool:
            return wanted is None or file in wanted

        out: list[Problem] = list(self.meta) if keep(META_FILE) else []
        for name, table in TABLES.items():
            if name in self.rows and keep(table.filename):
                rows = self.rows[name]
                out += [p for pos in sorted(rows) for p in rows[pos]]
                out += self.keys[name]
        for name, table in TABLES.items():
            if name in self.refs and keep(table.filename):
                out += self.refs[name]
        for name in _SPECIAL:
            if name in self.special and keep(TABLES[name].filename):
                out += self.special[name]
        return out


def _special(name: str, frame: pd.DataFrame, lang: str) -> list[Problem]:
    if name == "activities":
        from rtplan.schedule import check_recurrence

        return check_recurrence(frame, lang)
    return check_special_table(name, frame, lang)


def _meta_problems(meta: Mapping[str, Any], lang: str) -> list[Problem]:
    from rtplan.holidays_id import check_calendar_meta

    return check_meta(meta, lang) + check_calendar_meta(meta, lang)


def build_report(tables: Mapping[str, pd.DataFrame], meta: Mapping[str, Any], lang: str) -> Report:
    """Check every rule over ``tables`` and ``meta`` (the whole plan)."""
    period = _period(meta)
    present = [name for name in TABLES if name in tables]
    return Report(
        meta=_meta_problems(meta, lang),
        rows={n: check_rows(TABLES[n], tables[n], lang, period) for n in present},
        keys={n: check_keys(TABLES[n], tables[n], lang) for n in present},
        refs={n: check_table_references(TABLES[n], tables, lang) for n in present},
        special={n: _special(n, tables[n], lang) for n in _SPECIAL if n in tables},
    )


def update_report(
    old: Report,
    tables: Mapping[str, pd.DataFrame],
    meta: Mapping[str, Any],
    lang: str,
    changed: Mapping[str, Collection[int] | None],
    meta_changed: bool,
) -> Report:
    """The report of a new state that differs from ``old``'s only where said.

    ``changed`` : table -> the row positions whose content (or position) changed, or
        ``None`` when unknown (every row is checked). Every other row must be equal, at
        the same position, to the row ``old`` was built from.
    ``meta_changed`` : ``plan.toml`` changed.

    Only the rules that can see a change run again: the changed rows' own rules, the
    changed tables' keys and special rules, the references of every table that points
    at a changed table, and, when ``plan.toml`` changed, its rules and the period of
    every dated table. The result equals :func:`build_report` of the new state.
    """
    period = _period(meta)
    changed_files = {TABLES[n].filename for n in changed}
    if meta_changed:
        changed_files.add(META_FILE)
    affected = affected_files(changed_files)
    new = Report(
        meta=_meta_problems(meta, lang) if meta_changed else old.meta,
        rows=dict(old.rows), keys=dict(old.keys), refs=dict(old.refs), special=dict(old.special),
    )
    for name, table in TABLES.items():
        if name not in tables:
            continue
        frame = tables[name]
        dated = meta_changed and any(c.in_period for c in table.columns)
        if name in changed or dated or name not in old.rows:
            positions = None if dated or name not in old.rows else changed.get(name)
            if positions is None:
                new.rows[name] = check_rows(table, frame, lang, period)
            else:
                size = len(frame)
                done = set(positions)
                rows = {p: v for p, v in old.rows[name].items() if p < size and p not in done}
                rows.update(check_rows(table, frame, lang, period, sorted(done)))
                new.rows[name] = rows
        if name in changed or name not in old.keys:
            new.keys[name] = check_keys(table, frame, lang)
        if table.filename in affected or name not in old.refs:
            new.refs[name] = check_table_references(table, tables, lang)
        if name in _SPECIAL and (name in changed or name not in old.special):
            new.special[name] = _special(name, frame, lang)
    return new


def without_echoes(problems: list[Problem]) -> list[Problem]:
    """Drop "required" where the same cell already has a problem (an unreadable value
    is empty after parsing; saying it is also missing would only confuse)."""
    flagged = {(p.file, p.row, p.column) for p in problems if p.rule != "required"}
    return [p for p in problems if p.rule != "required" or (p.file, p.row, p.column) not in flagged]


def validate_plan(plan: Plan, lang: str | None = None) -> list[Problem]:
    """Every problem of a loaded plan, in ``lang`` (default: the plan's language).

    Parameters
    ----------
    plan : the plan as loaded by :func:`rtplan.storage.load_plan`.
    lang : ``"id"`` or ``"en"`` (default: the language the plan was loaded in; load
        problems are worded in that language, see :func:`rtplan.storage.load_plan`).

    Returns
    -------
    list of Problem, errors and warnings, in file order.
    """
    lang = lang or plan.message_lang
    return without_echoes(list(plan.load_problems) + validate_tables(plan.tables, plan.meta, lang))


def errors(problems: list[Problem]) -> list[Problem]:
    """Only the problems that block saving."""
    return [p for p in problems if p.is_error]
