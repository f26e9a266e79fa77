"""Checking and saving prepared imports: validate the plan with the new rows in place, then
save every prepared file together through :func:`rtplan.storage.save_tables` (validated,
atomic): all or nothing, unless ``skip_invalid`` drops the bad rows first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from rtplan.exceptions import ValidationError
from rtplan.importing.core import Prepared, prepare, read
from rtplan.importing.limits import MAX_ROWS
from rtplan.importing.options import ImportOptions, ImportRefused
from rtplan.importing.problems import RowProblem
from rtplan.messages import normalize_lang, t
from rtplan.plan import Plan
from rtplan.schema import TABLES

if TYPE_CHECKING:
    from rtplan.storage import Checked

# validation rule -> the catalogue key of its fix (a required field no column gives: --set or --map)
RULE_FIXES = {"required": "import.fix.set", "allowed": "import.fix.values", "ref": "import.fix.map"}


# checking and saving ------------------------------------------------------------------------
def _merged(plan: Plan, prepared: Sequence[Prepared]) -> dict[str, pd.DataFrame]:
    updates: dict[str, pd.DataFrame] = {}
    for p in prepared:
        base = updates.get(p.table, plan.tables[p.table])
        add = p.to_add()
        updates[p.table] = pd.concat([base, add], ignore_index=True) if len(base) else add
    return updates


def check(plan: Plan, prepared: Sequence[Prepared]) -> list[str]:
    """Validate the plan with every prepared file's good rows added.

    Problems of added rows go to their :class:`Prepared` (by file row); problems that
    belong to no added row are returned (they block the import).
    """
    return _check(plan, prepared)[0]


def _check(plan: Plan, prepared: Sequence[Prepared]) -> tuple[list[str], Checked | None]:
    """:func:`check`, and the state it validated (the save reuses its report when it
    writes exactly those tables)."""
    from rtplan.storage import Checked as Validated
    from rtplan.storage import known_errors
    from rtplan.validation import build_report

    if not prepared:
        return [], None
    lang = prepared[0].lang
    updates = _merged(plan, prepared)
    # the new rows are typed like the plan's tables already (convert.typed_values): validated as they
    # are, without a CSV round trip; the save parses the bytes it writes back and runs the rules
    # again only when that gives other tables than these
    tables = {**plan.tables, **updates}
    before = known_errors(plan, lang)
    report = build_report(tables, plan.meta, lang)
    found = [p for p in report.problems() if p.is_error]
    # which added rows sit where in the merged tables: (file, first row there, prepared, its file rows)
    spans: list[tuple[str, int, Prepared, list[int]]] = []
    offsets = {name: len(plan.tables[name]) for name in updates}
    for p in prepared:
        bad = p.bad_rows
        good = [r for r in p.rows if r not in bad]
        spans.append((TABLES[p.table].filename, offsets[p.table] + 2, p, good))
        offsets[p.table] += len(good)

    def added_row(file: str, row: int | None) -> tuple[Prepared, int] | None:
        for filename, first, prep, good in spans:
            if row is not None and filename == file and first <= row < first + len(good):
                return prep, good[row - first]
        return None

    other: list[str] = []
    for prob in found:
        hit = added_row(prob.file, prob.row)
        if hit is None:
            if (prob.file, prob.row, prob.column, prob.rule, prob.message) not in before:
                other.append(prob.message)
            continue
        prep, row = hit
        header = None
        if prob.column:
            header = next((prep.raw.header[i] for i, f in prep.mapping.items() if f == prob.column),
                          TABLES[prep.table].column(prob.column).label[lang]
                          if prob.column in TABLES[prep.table].column_names else prob.column)
        reason = prob.message.split(": ", 1)[1] if ": " in prob.message else prob.message
        rule = str(getattr(prob, "rule", "") or "")
        prep.problems.append(RowProblem(row, header, reason, rule=rule,
                                        value=str(getattr(prob, "value", "") or ""),
                                        fix=RULE_FIXES.get(rule, ""), field=prob.column or ""))
    for p in prepared:
        p.problems.sort(key=lambda x: (x.row or 0))
    return other, Validated(tables, plan.meta, lang, report)


@dataclass
class Outcome:
    """What an import did (or, with ``dry_run``, would do)."""

    prepared: list[Prepared]
    saved: bool
    blocked: list[str]

    @property
    def added(self) -> int:
        return sum(len(p.to_add()) for p in self.prepared)

    @property
    def problems(self) -> int:
        return sum(len(p.problems) for p in self.prepared) + len(self.blocked)


def commit(plan: Plan, prepared: Sequence[Prepared], skip_invalid: bool = False,
           dry_run: bool = False) -> Outcome:
    """Check, then save the good rows of every prepared file together (all or nothing).

    Without ``skip_invalid`` any bad row blocks the whole import; with it, bad rows are
    left out (and listed) and the rest is saved. ``dry_run`` checks and saves nothing.
    """
    from rtplan.storage import save_tables

    prepared = list(prepared)
    blocked, checked = _check(plan, prepared)
    if skip_invalid:  # dropping rows can orphan others (a reference to a dropped row)
        for _ in range(3):
            before = sum(len(p.problems) for p in prepared)
            blocked, checked = _check(plan, prepared)
            if sum(len(p.problems) for p in prepared) == before:
                break
    has_bad = any(p.problems for p in prepared)
    if blocked or (has_bad and not skip_invalid) or any(p.file_problems for p in prepared):
        return Outcome(prepared, False, blocked)
    if dry_run or not any(len(p.to_add()) for p in prepared):
        return Outcome(prepared, False, blocked)
    try:
        save_tables(plan, _merged(plan, prepared), checked=checked)
    except ValidationError as exc:  # pragma: no cover - check() saw the same rules
        return Outcome(prepared, False, [p.message for p in exc.problems])
    return Outcome(prepared, True, [])


def import_file(
    plan: Plan,
    table: str,
    source: str | Path | bytes,
    overrides: Sequence[str] | Mapping[str, str] | None = None,
    sheet: str | None = None,
    skip_invalid: bool = False,
    dry_run: bool = False,
    lang: str | None = None,
    name: str | None = None,
    max_rows: int | None = MAX_ROWS,
    options: ImportOptions | None = None,
) -> Outcome:
    """Read, prepare and commit one file into one table; see :mod:`rtplan.importing.core`."""
    lang = normalize_lang(lang or plan.message_lang)
    if table not in TABLES:
        raise ImportRefused(t("import.unknown_table", lang, table=table, tables=", ".join(TABLES)))
    raw = read(source, table, sheet, name, lang, max_rows)
    prepared = prepare(plan, table, raw, overrides, lang, max_rows, options)
    return commit(plan, [prepared], skip_invalid, dry_run)


