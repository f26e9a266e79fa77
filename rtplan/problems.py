"""A problem found in a plan: where it is, which rule it breaks, the message."""

from __future__ import annotations

from dataclasses import dataclass

from rtplan.messages import t
from rtplan.schema import TABLES

# a rule's name (Problem.rule) -> the catalogue key of its message
RULES = {
    "required": "rule.required", "int": "rule.int", "money": "rule.money", "newer_schema": "rule.newer_schema",
    "bool": "rule.bool", "date": "rule.date", "time": "rule.time", "allowed": "rule.allowed", "min": "rule.min",
    "max": "rule.max", "negative_money": "rule.negative_money", "duplicate": "rule.duplicate",
    "unknown_ref": "rule.unknown_ref", "end_before_start": "rule.end_before_start",
    "outside_period": "rule.outside_period", "private_in_text": "rule.private_in_text",
    "missing_columns": "rule.missing_columns",
    "duplicate_header": "rule.duplicate_header", "bad_csv": "rule.bad_csv", "bad_toml": "rule.bad_toml",
    "self_pair": "rule.self_pair", "winner_not_in_pair": "rule.winner_not_in_pair", "no_amount": "rule.no_amount",
    "both_amounts": "rule.both_amounts", "too_many_fields": "rule.too_many_fields", "not_utf8": "rule.not_utf8",
    "id_semicolon": "rule.id_semicolon", "two_cores": "rule.two_cores",
    "recurrence_day_weekly": "rule.recurrence_day_weekly", "recurrence_day_monthly": "rule.recurrence_day_monthly",
    "recurrence_day_ignored": "rule.recurrence_day_ignored", "calendar_not_table": "rule.calendar_not_table",
    "bad_timezone": "rule.bad_timezone", "ramadan_pair": "rule.ramadan_pair", "emptied": "rule.emptied",
}


@dataclass(frozen=True)
class Problem:
    """One broken rule, located as precisely as possible.

    ``row`` is the row number a spreadsheet shows for the CSV file (the header is
    row 1, so the first data row is row 2); ``None`` for file-level problems.
    ``level`` is ``"error"`` (blocks saving, ``rtplan validate`` exits 1) or
    ``"warning"`` (shown, does not block).
    """

    file: str
    row: int | None
    column: str | None
    rule: str
    message: str
    level: str = "error"

    @property
    def is_error(self) -> bool:
        return self.level == "error"


def column_title(table: str | None, column: str, lang: str) -> str:
    """``end_date (Tanggal selesai)``: the CSV header a spreadsheet shows, then its label."""
    tbl = TABLES.get(table or "")
    if tbl is not None:
        try:
            return f"{column} ({tbl.column(column).label_text(lang)})"
        except KeyError:
            pass
    return column


def problem(
    lang: str,
    file: str,
    row: int | None,
    column: str | None,
    rule: str,
    level: str = "error",
    **fields: object,
) -> Problem:
    """Build a :class:`Problem` whose message names file, row and column in ``lang``."""
    table = file[:-4] if file.endswith(".csv") else None
    if row is not None and column is not None:
        where = t("where.row", lang, file=file, row=row, column=column_title(table, column, lang))
    elif row is not None:
        where = t("where.rowonly", lang, file=file, row=row)
    elif column is not None:
        where = t("where.field", lang, file=file, column=column_title(table, column, lang))
    else:
        where = t("where.file", lang, file=file)
    return Problem(file, row, column, rule, f"{where}: {t(RULES[rule], lang, **fields)}", level)
