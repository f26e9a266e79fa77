"""The one renderer of declared views (:mod:`rtplan.views`): HTML, text, CSV, XLSX, JSON.

* :func:`to_html` - through the autoescaping Jinja2 renderer (``table.html.j2``);
* :func:`to_text` - an aligned plain-text table for the CLI, then footer and notes;
* :func:`to_csv` - UTF-8 CSV of the raw values, text neutralised against formulas;
* :func:`to_xlsx` - one sheet per view, typed cells (numbers, dates, Rupiah format);
* :func:`to_records` - JSON-ready records keyed by the column keys.

Private columns (phone, contact) are left out unless ``include_private=True``.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rtplan.cellsafe import csv_text, neutralize
from rtplan.render import Markup, render
from rtplan.views.base import View, plain_value

WRAP = 100


def to_html(view: View, *, table_id: str | None = None, include_private: bool = False,
            caption: bool = True) -> Markup:
    """The view as an HTML table with its footer lines and notes (every value escaped)."""
    cols = view.visible(include_private)
    columns = [{"text": c.header(view.lang), "numeric": c.alignment == "right"} for c in cols]
    flags = [c["numeric"] for c in columns]
    rows = [list(zip(row, flags)) for row in view.cells(include_private)]
    table = render("table.html.j2", columns=columns, rows=rows, table_id=table_id or view.table_id,
                   caption=view.caption if caption else None, css_class="rtplan-table")
    return render("view.html.j2", table=table, footer=view.footer, notes=view.notes)


_CONTROL = dict.fromkeys((*range(0x20), *range(0x7F, 0xA0)), " ")


def terminal_safe(text: str) -> str:
    """``text`` for a terminal: control characters (escape sequences, line breaks,
    tabs) become spaces, so plan text can neither break the alignment nor drive the
    terminal."""
    return text.translate(_CONTROL)


def _cut(text: str, width: int | None) -> str:
    text = terminal_safe(text)
    if width is None or len(text) <= width:
        return text
    return text[: width - 1].rstrip() + "…"


def to_text(view: View, *, include_private: bool = False, caption: bool = False) -> str:
    """The view as an aligned plain-text table, then its footer lines and notes."""
    cols = view.visible(include_private)
    headers = [terminal_safe(c.header(view.lang)) for c in cols]
    rows = [[_cut(v, c.cut) for c, v in zip(cols, row)] for row in view.cells(include_private)]
    lines: list[str] = []
    if caption and view.caption:
        lines.append(terminal_safe(view.caption))
    if rows:
        widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
        last = len(cols) - 1

        def line(values: Sequence[str]) -> str:
            out = []
            for i, (c, v) in enumerate(zip(cols, values)):
                if i == last and c.alignment == "left":
                    out.append(v)  # a last text column is not padded (long notes)
                else:
                    out.append(v.rjust(widths[i]) if c.alignment == "right" else v.ljust(widths[i]))
            return "  ".join(out).rstrip()

        lines.append(line(headers))
        lines.append("  ".join("-" * w for w in widths))
        lines += [line(r) for r in rows]
    if view.footer or view.notes:
        lines.append("")
    for f in view.footer:
        lines += textwrap.wrap(terminal_safe(f), WRAP) or [""]
    for note in view.notes:
        lines += textwrap.wrap(f"- {terminal_safe(note)}", WRAP, subsequent_indent="  ")
    return "\n".join(lines)


def to_records(view: View, *, include_private: bool = False) -> list[dict[str, Any]]:
    """The view's rows as JSON-ready records keyed by the column keys."""
    return view.records(include_private)


def _csv_cell(value: Any) -> Any:
    """Missing as empty, booleans as the plan folder writes them (``true``/``false``)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return neutralize(value)


def to_csv(view: View, *, include_private: bool = False, headers: str = "keys", bom: bool = False,
           delimiter: str = ",") -> bytes:
    """The raw values as CSV (``headers="keys"`` or ``"labels"``); text that a spreadsheet
    would run as a formula is neutralised."""
    cols = view.visible(include_private)
    data = csv_text([c.key if headers == "keys" else c.header(view.lang) for c in cols],
                    ([_csv_cell(rec[c.key]) for c in cols] for rec in view.records(include_private)),
                    delimiter=delimiter).encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if bom else data


_XLSX_FORMATS = {"idr": '"Rp" #,##0', "idr_or_dash": '"Rp" #,##0;-"Rp" #,##0;"-"', "int": "#,##0",
                 "plain_int": "0", "num0": "0", "num1": "0.0", "num2": "0.00", "smart": "0.0", "rank": "0.#",
                 "percent": "0%", "date": "DD/MM/YYYY", "date_full": "DD/MM/YYYY", "date_iso": "YYYY-MM-DD"}


def to_xlsx(views: Sequence[View], path: Path, *, include_private: bool = False) -> Path:
    """Write each view as one sheet (typed cells, header row, print titles)."""
    import contextlib
    import datetime as dt

    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from rtplan.storage import atomic_write

    wb = Workbook()
    wb.remove(wb.active)
    for view in views:
        title = (view.caption or view.spec.name)[:31]
        for bad in "[]:*?/\\":
            title = title.replace(bad, " ")
        ws = wb.create_sheet(title or view.spec.name[:31])
        cols = view.visible(include_private)
        ws.append([c.header(view.lang) for c in cols])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for rec in view.records(include_private):
            ws.append([None for _ in cols])
            row = ws.max_row
            for j, c in enumerate(cols, start=1):
                value = rec[c.key]
                cell = ws.cell(row=row, column=j)
                if value is None:
                    continue
                if c.fmt.startswith("date") and isinstance(value, str):
                    with contextlib.suppress(ValueError):
                        value = dt.date.fromisoformat(value)
                if isinstance(value, str):
                    cell.value = neutralize(value)
                    cell.data_type = "s"
                else:
                    cell.value = value
                    if c.fmt in _XLSX_FORMATS:
                        cell.number_format = _XLSX_FORMATS[c.fmt]
        for j, c in enumerate(cols, start=1):
            width = max([len(c.header(view.lang))] + [len(str(v)) for v in view.frame[c.key].tolist()[:200]])
            ws.column_dimensions[get_column_letter(j)].width = min(max(8, width + 2), 60)
        ws.print_title_rows = "1:1"
        ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    atomic_write(Path(path), buf.getvalue())
    return Path(path)


__all__ = ["plain_value", "terminal_safe", "to_csv", "to_html", "to_records", "to_text", "to_xlsx"]
