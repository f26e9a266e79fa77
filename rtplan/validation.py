"""Every rule a plan must keep, reported all at once in the plan's language.

The rules over the tables are declared once in :mod:`rtplan.rules` (each with its
table, columns, level and message); this module runs them over one plan and keeps
the problems by rule and place (:class:`Report`) for incremental checks on save.

Each problem names the file, the row (as a spreadsheet numbers it: header = 1), the
column and the rule, e.g. ``activities.csv baris 4, kolom end_date (Tanggal
selesai): tanggal selesai 2026-01-03 sebelum tanggal mulai 2026-02-01``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from rtplan import rules
from rtplan.messages import languages, t
from rtplan.plan import Plan
from rtplan.problems import Problem, problem
from rtplan.rule_runs import check_plan_rows, plan_rows
from rtplan.rules import Rows
from rtplan.schema import META_FIELDS, SCHEMA_VERSION, TABLES, Table

looks_private = rules.looks_private  # declared with the rules; importable from here as before


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


def check_table(
    table: Table,
    frame: pd.DataFrame,
    lang: str,
    period: tuple[dt.date, dt.date] | None = None,
) -> list[Problem]:
    """Rules within one table: required, allowed, bounds, unique keys, order, period."""
    rows = check_rows(table, frame, lang, period)
    return [p for pos in sorted(rows) for p in rows[pos]] + check_keys(table, frame, lang)


def _run(rows: Rows, scope: str, lang: str) -> list[Problem]:
    return [p for _, p in sorted(check_plan_rows(rows, scope, lang), key=lambda found: found[0])]


def check_rows(
    table: Table,
    frame: pd.DataFrame,
    lang: str,
    period: tuple[dt.date, dt.date] | None = None,
    positions: Sequence[int] | None = None,
) -> dict[int, list[Problem]]:
    """The rules of single rows (cells and start/end order), by row position.

    ``positions``: check only these rows (0-based positions; default: every row).
    Only positions with a problem are in the result. The rules are those of
    :data:`rtplan.rules.TABLE_RULES` with scope ``row``.
    """
    out: dict[int, list[Problem]] = {}
    for p in _run(plan_rows(table, frame, period=period, positions=positions), "row", lang):
        assert p.row is not None
        out.setdefault(p.row - 2, []).append(p)
    return out


def check_keys(table: Table, frame: pd.DataFrame, lang: str) -> list[Problem]:
    """A table's key columns are unique together."""
    if not table.key or not all(k in frame.columns for k in table.key):
        return []
    return _run(plan_rows(table, frame), "key", lang)


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
    frame = tables.get(table.name)
    if frame is None or frame.empty:
        return []
    return _run(plan_rows(table, frame, tables, positions=positions), "ref", lang)


def check_special(tables: Mapping[str, pd.DataFrame], lang: str) -> list[Problem]:
    """Rules that involve several columns of a row in a specific table."""
    problems: list[Problem] = []
    for name in ("pairwise", "ledger", "problem_tree"):
        frame = tables.get(name)
        if frame is not None:
            problems += check_special_table(name, frame, lang)
    return problems


def check_special_table(name: str, frame: pd.DataFrame, lang: str) -> list[Problem]:
    """The rules of several columns of one table (pairwise, ledger, problem tree, the
    activities' recurrence; empty for tables without any)."""
    return _run(plan_rows(TABLES[name], frame), "special", lang)


def plan_period(meta: Mapping[str, Any]) -> tuple[dt.date, dt.date] | None:
    """The plan period of ``plan.toml`` (start, end), or ``None`` when not both are dates."""
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
    return check_special_table(name, frame, lang)


def meta_problems(meta: Mapping[str, Any], lang: str) -> list[Problem]:
    """Every rule of ``plan.toml``: its fields (:func:`check_meta`) and its calendar."""
    from rtplan.holidays_id import check_calendar_meta

    return check_meta(meta, lang) + check_calendar_meta(meta, lang)


def build_report(tables: Mapping[str, pd.DataFrame], meta: Mapping[str, Any], lang: str) -> Report:
    """Check every rule over ``tables`` and ``meta`` (the whole plan)."""
    period = plan_period(meta)
    present = [name for name in TABLES if name in tables]
    return Report(
        meta=meta_problems(meta, lang),
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
    period = plan_period(meta)
    changed_files = {TABLES[n].filename for n in changed}
    if meta_changed:
        changed_files.add(META_FILE)
    affected = affected_files(changed_files)
    new = Report(
        meta=meta_problems(meta, lang) if meta_changed else old.meta,
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
