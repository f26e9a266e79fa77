"""The whole plan as a spreadsheet (``rtplan export --xlsx`` / ``--csv-excel``).

* XLSX: one sheet per table, named by the table's label, headers from the schema
  labels in the plan's language; real date cells (``DD/MM/YYYY``), Rupiah number
  formats, ``ya``/``tidak`` for yes/no, drop-down lists for allowed values; private
  columns (``phone``, ``contact``) left out unless asked; every text cell
  neutralised (:func:`rtplan.cellsafe.neutralize`) and stored as text, never formula.
* CSV for Excel in the Indonesian locale: ``;``-separated, UTF-8 with BOM, the same
  headers and cell texts; one CSV per table, packed in one zip (one file to send or
  attach, and ``-o FILE`` stays one file like every other export).

``rtplan import PLAN all FILE`` reads either back (:func:`rtplan.importing.import_all`).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd

from rtplan.cellsafe import csv_text, neutralize
from rtplan.importing.mapping import SOURCE_REF
from rtplan.messages import normalize_lang
from rtplan.plan import Plan
from rtplan.schema import TABLES, Column, Table
from rtplan.tables import is_missing, to_text

SHEET_NAME_MAX = 31
_BAD_SHEET_CHARS = str.maketrans(dict.fromkeys("[]:*?/\\", " "))
YES_NO = {"id": ("ya", "tidak"), "en": ("yes", "no")}
DATE_FORMAT = "DD/MM/YYYY"
MONEY_FORMAT = '"Rp" #,##0'
DROPDOWN_ROWS = 1000


def sheet_name(table: Table, lang: str) -> str:
    """The sheet name of a table: its label, within Excel's 31 characters."""
    return table.label[lang].translate(_BAD_SHEET_CHARS)[:SHEET_NAME_MAX].strip()


def export_columns(table: Table, frame: pd.DataFrame, include_private: bool) -> list[Column | str]:
    """The declared columns to write (private ones only when asked), then extra ones."""
    cols: list[Column | str] = [c for c in table.columns if include_private or not c.private]
    cols += [str(c) for c in frame.columns if c not in table.column_names]
    return cols


def _header(col: Column | str, lang: str) -> str:
    return col.label[lang] if isinstance(col, Column) else col


def _text_cell(col: Column | str, value: object, lang: str) -> str:
    """A cell as text (CSV for Excel): dates DD/MM/YYYY, yes/no words, whole Rupiah."""
    if isinstance(col, str):
        return "" if is_missing(value) else str(value)
    if is_missing(value):
        return ""
    if col.kind == "date":
        text: str = pd.Timestamp(value).strftime("%d/%m/%Y")  # pandas is untyped: say what it returns
        return text
    if col.kind == "bool":
        return YES_NO[lang][0 if bool(value) else 1]
    return to_text(col, value)


def write_xlsx(plan: Plan, path: str | Path, lang: str | None = None, include_private: bool = False) -> int:
    """Write the plan as one workbook; returns the number of sheets."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from rtplan.storage import atomic_write

    lang = normalize_lang(lang or plan.lang)
    book = Workbook()
    book.remove(book.active)
    for name, table in TABLES.items():
        frame = plan.tables[name]
        cols = export_columns(table, frame, include_private)
        ws = book.create_sheet(sheet_name(table, lang))
        ws.append([_header(c, lang) for c in cols])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
        present = [c if isinstance(c, str) else c.name for c in cols]
        sub = frame.reindex(columns=present)
        for r, record in enumerate(sub.itertuples(index=False, name=None), start=2):
            for j, (col, value) in enumerate(zip(cols, record), start=1):
                cell = ws.cell(row=r, column=j)
                if is_missing(value):
                    continue
                kind = col.kind if isinstance(col, Column) else "str"
                if kind == "date":
                    cell.value = pd.Timestamp(value).date()
                    cell.number_format = DATE_FORMAT
                elif kind in ("int", "money"):
                    cell.value = int(value)
                    cell.number_format = MONEY_FORMAT if kind == "money" else "0"
                elif kind == "bool":
                    cell.value = YES_NO[lang][0 if bool(value) else 1]
                else:
                    text = to_text(col, value) if isinstance(col, Column) else str(value)
                    cell.value = neutralize(text)
                    cell.data_type = "s"  # text, never a formula
                    cell.number_format = "@"
        for j, col in enumerate(cols, start=1):
            letter = get_column_letter(j)
            width = max([len(_header(col, lang))] + [len(str(v)) for v in sub.iloc[:200, j - 1]
                                                     if not is_missing(v)])
            ws.column_dimensions[letter].width = min(max(width + 2, 8), 60)
            choices: tuple[str, ...] | None = None
            if isinstance(col, Column):
                choices = col.allowed or (YES_NO[lang] if col.kind == "bool" else None)
            if choices and len(",".join(choices)) < 250:
                dv = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
                dv.add(f"{letter}2:{letter}{max(DROPDOWN_ROWS, len(frame) + 200)}")
                ws.add_data_validation(dv)
    buf = io.BytesIO()
    book.save(buf)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, buf.getvalue())
    return len(book.sheetnames)


def table_csv_excel(plan: Plan, name: str, lang: str, include_private: bool = False) -> bytes:
    """One table as ``;``-separated UTF-8 with BOM, for Excel in the Indonesian locale."""
    table = TABLES[name]
    frame = plan.tables[name]
    cols = export_columns(table, frame, include_private)
    present = [c if isinstance(c, str) else c.name for c in cols]
    text = csv_text([_header(c, lang) for c in cols],
                    ([_text_cell(c, v, lang) for c, v in zip(cols, record)]
                     for record in frame.reindex(columns=present).itertuples(index=False, name=None)),
                    delimiter=";", lineterminator="\r\n", neutral=True)
    return b"\xef\xbb\xbf" + text.encode("utf-8")


def write_csv_excel(plan: Plan, path: str | Path, lang: str | None = None, include_private: bool = False) -> int:
    """Write every table as a CSV for Excel into one zip; returns the number of files."""
    from rtplan.storage import atomic_write

    lang = normalize_lang(lang or plan.lang)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name in TABLES:
            info = zipfile.ZipInfo(f"{name}.csv", date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, table_csv_excel(plan, name, lang, include_private))
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, buf.getvalue())
    return len(TABLES)


__all__ = ["SOURCE_REF", "sheet_name", "table_csv_excel", "write_csv_excel", "write_xlsx"]
