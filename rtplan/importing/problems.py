"""Problems of single rows, and the same problem on many rows of a column said once.

A form whose sex column holds ``1``/``2`` fails the same rule on every row: rather
than 294 lines, :func:`fold` says it once, with the column, how many rows, the first
row numbers, one example value and the fix (``--map``, ``--values``, ``--set``,
``--date-order``, ``--round``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rtplan.messages import t

FOLD_FROM = 3  # a rule failing on this many rows of one column is said once
FIRST_ROWS = 5


@dataclass
class RowProblem:
    """One bad row: its row number in the file, the column header, the reason (worded).

    ``rule`` and ``value`` group the same problem across rows; ``fix`` is the catalogue
    key of what to do about it (``import.fix.values`` ...), ``field`` the plan field.
    """

    row: int | None
    header: str | None
    reason: str
    rule: str = ""
    value: str = ""
    fix: str = ""
    field: str = ""

    def message(self, source: str, lang: str) -> str:
        if self.row is None:
            return f"{source}: {self.reason}"
        if self.header:
            return t("import.where_cell", lang, file=source, row=self.row, column=self.header) + f": {self.reason}"
        return t("import.where_row", lang, file=source, row=self.row) + f": {self.reason}"


def fix_text(problem: RowProblem, lang: str) -> str:
    if not problem.fix:
        return ""
    return t(problem.fix, lang, field=problem.field or "FIELD", value=problem.value, column=problem.header or "")


def fold(problems: Sequence[RowProblem], source: str, lang: str) -> list[str]:
    """Messages for ``problems``: one per problem, or one per rule and column when many rows share it."""
    groups: dict[tuple[str | None, str], list[RowProblem]] = {}
    for p in problems:
        if p.row is not None and p.rule:
            groups.setdefault((p.header, p.rule), []).append(p)
    folded = {k for k, v in groups.items() if len(v) >= FOLD_FROM}
    out: list[str] = []
    said: set[tuple[str | None, str]] = set()
    for p in problems:
        k = (p.header, p.rule)
        if p.row is None or not p.rule or k not in folded:
            out.append(p.message(source, lang) + (f" ({fix_text(p, lang)})" if p.fix and p.row is not None else ""))
            continue
        if k in said:
            continue
        said.add(k)
        group = groups[k]
        rows = ", ".join(str(g.row) for g in group[:FIRST_ROWS]) + (", ..." if len(group) > FIRST_ROWS else "")
        distinct = len({g.value for g in group})
        out.append(t("import.folded", lang, file=source, column=p.header or "", n=len(group), rows=rows,
                     reason=p.reason, distinct=distinct) + (f"; {fix_text(p, lang)}" if p.fix else ""))
    return out
