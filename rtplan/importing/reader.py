"""Reading a file people bring (CSV, XLSX, ODS) into a grid of text cells.

What is handled here: the format (by content, not by name), the text encoding
(:mod:`rtplan.importing.encoding`: strict), the CSV delimiter (``,`` ``;`` tab),
title rows above the header, blank rows, and the total row under the data
(``Jumlah``, ``Total``). Spreadsheet cells are turned into unambiguous text (dates
ISO, numbers with a ``.`` decimal point, no thousands separator) so the value
parsers in :mod:`rtplan.parse` see one form per value.

One parser reads the header and the body (the csv module for CSV, one stream of rows
for XLSX/ODS), so a header cell with a line break loses no row, and every row keeps
the number a spreadsheet shows it under (a record that spans lines is one row).
Nothing is read past the limits of :mod:`rtplan.importing.limits`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from rtplan.importing.encoding import bom_encoding, decode
from rtplan.importing.limits import (
    MAX_COLUMNS,
    MAX_FIELD_CHARS,
    MAX_ROWS,
    SLACK_ROWS,
    ImportFileError,
    check_dimension,
    check_ods,
    check_xlsx_sheets,
    check_zip,
    read_bounded,
)
from rtplan.messages import t

__all__ = ["ImportFileError", "RawTable", "read_path", "read_table"]

HEADER_SCAN_ROWS = 25
TOTAL_WORDS = {"jumlah", "total", "grand total", "sub total", "subtotal", "total keseluruhan",
               "jumlah total", "jumlah seluruhnya", "total jumlah"}
DELIMITERS = (",", ";", "\t")
# one physical line with its end (CRLF, LF or a bare CR)
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
# control characters that never belong in a text cell (tab, line feed and carriage return do)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 13)) + b"\x7f"
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class RawTable:
    """One sheet of a file, as text.

    Attributes
    ----------
    header : the header cells, stripped.
    data : one text column per header position (``"0"``, ``"1"``, ...), pandas' string dtype, no missing cells.
    rows : the row number a spreadsheet shows for each data row (1-based).
    source : the file name as given (for messages).
    fmt : ``csv``, ``xlsx`` or ``ods``.
    sheet : the sheet name (spreadsheets) or ``""``.
    encoding, delimiter : what was detected for CSV.
    notes : what was read another way than the file says at first sight (said on stderr).
    """

    header: list[str]
    data: pd.DataFrame
    rows: list[int]
    source: str
    fmt: str
    sheet: str = ""
    encoding: str = ""
    delimiter: str = ""
    notes: list[str] = field(default_factory=list)

    def column(self, i: int) -> pd.Series:
        return self.data.iloc[:, i]

    def __len__(self) -> int:
        return len(self.data)


# formats -------------------------------------------------------------------------------
def sniff_format(data: bytes) -> str:
    """``xlsx``, ``ods``, ``zip``, ``xls``, ``csv`` or ``binary`` from the first bytes."""
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                names = set(z.namelist())
                if "mimetype" in names and z.getinfo("mimetype").file_size < 200 \
                        and b"opendocument.spreadsheet" in z.read("mimetype"):
                    return "ods"
                if "xl/workbook.xml" in names:
                    return "xlsx"
        except (zipfile.BadZipFile, ValueError):
            return "binary"
        return "zip"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "xls"
    if bom_encoding(data) is not None:
        return "csv"
    head = data[:8192]
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls > max(1, len(head) // 100):  # a stray NUL in a text is named later, by its cell
        return "binary"
    return "csv"


def sniff_delimiter(text: str) -> str:
    """The delimiter among ``,`` ``;`` tab that splits the first lines most consistently."""
    sample = text[:65536]
    lines = [ln for ln in sample.splitlines()[:60] if ln.strip()]
    if not lines:
        return ","
    best, best_score = ",", (-1.0, 0)
    for delim in DELIMITERS:
        try:
            counts = [len(row) for row in csv.reader(lines, delimiter=delim)]
        except csv.Error:
            continue
        widest = max(counts)
        if widest <= 1:
            continue
        # the share of lines at the most common width >1, then that width
        common = max((c for c in counts if c > 1), key=counts.count)
        score = (counts.count(common) / len(counts), common)
        if score > best_score:
            best, best_score = delim, score
    return best


# cells -> text ---------------------------------------------------------------------------
def cell_text(value: object) -> str:
    """A spreadsheet cell as unambiguous text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        if (value.hour, value.minute, value.second) == (0, 0, 0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, pd.Timestamp):
        return cell_text(value.to_pydatetime())
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value).strip()


# header and totals -------------------------------------------------------------------------
def _key(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", " ", str(text).lower()).strip()


def find_header(rows: Sequence[Sequence[str]], score: Callable[[Sequence[str]], int] | None = None) -> int:
    """The index of the header among the first rows.

    The row with the most cells recognised by ``score`` wins; without any, the first
    row that fills at least half as many cells as the widest of the first rows
    (a title row above fills one).
    """
    head = [list(r) for r in rows[:HEADER_SCAN_ROWS]]
    if not head:
        return 0
    if score is not None:
        scores = [score(r) for r in head]
        best = max(scores)
        if best > 0:
            return scores.index(best)
    filled = [sum(1 for c in r if str(c).strip()) for r in head]
    widest = max(filled)
    for i, n in enumerate(filled):
        if n >= max(2, math.ceil(widest / 2)) or (widest == 1 and n == 1):
            return i
    return 0


def _is_total(cells: Sequence[str]) -> bool:
    first = next((c for c in cells if str(c).strip()), "")
    return _key(first) in TOTAL_WORDS


def _blank(record: Sequence[object]) -> bool:
    return not any(c is not None and str(c).strip() for c in record)


def _blank_text(record: list[str]) -> bool:
    """:func:`_blank` of a record of text cells (the csv module's)."""
    return not any(map(str.strip, record))


def _check_width(record: Sequence[object], row: int, source: str, lang: str | None) -> None:
    if len(record) > MAX_COLUMNS:
        last = max(i for i, c in enumerate(record) if c is not None and str(c).strip()) if not _blank(record) else 0
        if last >= MAX_COLUMNS:
            raise ImportFileError(t("import.too_many_columns_row", lang, file=source, row=row, n=last + 1,
                                    max=MAX_COLUMNS))


def _finish(header: list[str], body: list[list[str]], numbers: list[int], source: str, fmt: str,
            lang: str | None, sheet: str = "", encoding: str = "", delimiter: str = "") -> RawTable:
    """Strip every cell, drop the trailing total rows, refuse control characters; number the rows.

    ``body`` holds the non-blank records after the header, ``numbers`` their row numbers.
    """
    width = max([len(header)] + [len(r) for r in body])
    header = [str(h).strip() for h in header] + [""] * (width - len(header))
    header = header[:width]
    for r in body:
        if len(r) < width:
            r.extend([""] * (width - len(r)))
    end = len(body)
    while end and _is_total(body[end - 1]):
        end -= 1
    totals = numbers[end:]
    body, numbers = body[:end], numbers[:end]
    n = len(body)
    if n:
        frame = pd.DataFrame(body, columns=[str(i) for i in range(width)], dtype="string")
        frame = frame.apply(lambda c: c.str.strip())
    else:
        frame = pd.DataFrame({str(i): pd.Series([], dtype="string") for i in range(width)})
    label = f"{source} [{sheet}]" if sheet else source
    for i, name in enumerate(frame.columns):
        hits = frame[name].str.contains(CONTROL, regex=True).to_numpy(dtype=bool)
        if hits.any():
            first = int(np.flatnonzero(hits)[0])
            bad = CONTROL.search(str(frame[name].iloc[first]))
            code = f"U+{ord(bad.group()):04X}" if bad else "?"
            raise ImportFileError(t("import.control_char", lang, file=label, row=numbers[first],
                                    column=header[i] or f"#{i + 1}", code=code, n=int(hits.sum())))
    for i, h in enumerate(header):
        if CONTROL.search(h):
            raise ImportFileError(t("import.control_char", lang, file=label, row="-", column=f"#{i + 1}",
                                    code=f"U+{ord(CONTROL.search(h).group()):04X}", n=1))  # type: ignore[union-attr]
    table = RawTable(header, frame.reset_index(drop=True), list(numbers), source, fmt,
                     sheet=sheet, encoding=encoding, delimiter=delimiter)
    if totals:
        table.notes.append(t("import.note.total_rows", lang, file=label, rows=", ".join(map(str, totals))))
    return table


def _collect(records: Iterable[Sequence[object]], source: str, score: Callable[[Sequence[str]], int] | None,
             lang: str | None, max_rows: int | None, as_text: Callable[[object], str] | None,
             above: list[int] | None = None) -> tuple[list[str], list[list[str]], list[int]]:
    """Header and non-blank body records from one stream of records, numbered 1, 2, ...

    ``as_text`` turns a cell into text; ``None``: the records are lists of text already
    (the csv module's), kept as they are.
    Stops reading once the body has ``max_rows + 1`` rows past any total row.
    """
    head: list[list[str]] = []
    head_numbers: list[int] = []
    body: list[list[str]] = []
    numbers: list[int] = []
    index: int | None = None
    header: list[str] = []
    row = 0
    # blank rows are skipped, but not without end: a sheet of a million empty rows is refused too
    most = None if max_rows is None else 2 * max_rows + SLACK_ROWS + HEADER_SCAN_ROWS
    blank: Callable[[Sequence[object]], bool] = _blank if as_text is not None else _blank_text  # type: ignore[assignment]
    for record in records:
        row += 1
        if most is not None and row > most:
            raise ImportFileError(t("import.too_many_rows_stopped", lang, file=source, row=row, max=max_rows))
        if len(record) > MAX_COLUMNS:
            _check_width(record, row, source, lang)
        if index is None:
            if not _blank(record) or head:
                head.append([(as_text or str)(c) for c in record])
                head_numbers.append(row)
            if len(head) >= HEADER_SCAN_ROWS:
                index = find_header(head, score)
                header = head[index]
                if above is not None:
                    above += [n for r, n in zip(head[:index], head_numbers[:index]) if not _blank(r)]
                for rec, num in zip(head[index + 1:], head_numbers[index + 1:]):
                    if not _blank(rec):
                        body.append(rec)
                        numbers.append(num)
            continue
        if blank(record):
            continue
        body.append(record if as_text is None else [as_text(c) for c in record])  # type: ignore[arg-type]
        numbers.append(row)
        if max_rows is not None and len(body) > max_rows + 1:
            raise ImportFileError(t("import.too_many_rows_stopped", lang, file=source, row=row, max=max_rows))
    if index is None:
        while head and _blank(head[-1]):
            head.pop()
            head_numbers.pop()
        if not head:
            raise ImportFileError(t("import.empty", lang, file=source))
        index = find_header(head, score)
        header = head[index]
        if above is not None:
            above += [n for r, n in zip(head[:index], head_numbers[:index]) if not _blank(r)]
        for rec, num in zip(head[index + 1:], head_numbers[index + 1:]):
            if not _blank(rec):
                body.append(rec)
                numbers.append(num)
    return header, body, numbers


def read_csv_bytes(data: bytes, source: str, score: Callable[[Sequence[str]], int] | None = None,
                   lang: str | None = None, max_rows: int | None = MAX_ROWS) -> RawTable:
    """Read CSV bytes: strict encoding, delimiter, then header and body by the csv module."""
    decoded = decode(data, source, lang)
    text = decoded.text
    if not text.strip():
        raise ImportFileError(t("import.empty", lang, file=source))
    delimiter = sniff_delimiter(text)
    # lines taken lazily with their ends (a StringIO would hold a second, wider copy of the text);
    # the csv module joins the lines of a quoted cell that spans several
    reader = csv.reader((m.group() for m in _LINE.finditer(text)), delimiter=delimiter, quotechar='"')
    above: list[int] = []
    old_limit = csv.field_size_limit(MAX_FIELD_CHARS)
    try:
        header, body, numbers = _collect(reader, source, score, lang, max_rows, None, above)
    except csv.Error as exc:
        raise ImportFileError(t("import.bad_csv", lang, file=source, row=reader.line_num,
                                max=MAX_FIELD_CHARS, error=exc)) from exc
    finally:
        csv.field_size_limit(old_limit)
    table = _finish(header, body, numbers, source, "csv", lang, encoding=decoded.encoding, delimiter=delimiter)
    _say_above(table, above, lang)
    if decoded.detected:
        table.notes.append(t("import.note_encoding", lang, file=source, encoding=decoded.encoding))
    return table


def _xlsx_rows(data: bytes, sheet: str | None, source: str, lang: str | None, max_rows: int | None,
               score: Callable[[Sequence[str]], int] | None) -> tuple[str, RawTable | None, list[str]]:
    import openpyxl

    with check_zip(data, source, lang) as z:
        check_xlsx_sheets(z, source, max_rows, lang)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # a damaged workbook: say so, never a traceback
        raise ImportFileError(t("import.bad_workbook", lang, file=source, error=exc)) from exc
    try:
        names = list(book.sheetnames)
        if sheet is False:  # type: ignore[comparison-overlap]  # names only
            return "", None, names
        name = pick_sheet(names, sheet, source, lang)
        ws = book[name]
        check_dimension(_declared(ws), source, name, max_rows, lang)
        if hasattr(ws, "reset_dimensions"):
            ws.reset_dimensions()  # rows as stored: no padding to a declared width
        try:
            rows = ws.iter_rows(values_only=True)
            above: list[int] = []
            header, body, numbers = _collect(rows, f"{source} [{name}]", score, lang, max_rows, cell_text, above)
        except ImportFileError:
            raise
        except Exception as exc:
            raise ImportFileError(t("import.bad_workbook", lang, file=source, error=exc)) from exc
    finally:
        book.close()
    table = _finish(header, body, numbers, source, "xlsx", lang, sheet=name)
    _say_above(table, above, lang)
    return name, table, names


def _declared(ws: object) -> str | None:
    """The declared dimension of a read-only sheet (``A1:D20``), from openpyxl's parse of it."""
    try:
        ref = ws.calculate_dimension()  # type: ignore[attr-defined]
        if isinstance(ref, str) and ":" in ref:
            return ref
    except Exception:
        pass
    try:
        max_row, max_col = ws.max_row, ws.max_column  # type: ignore[attr-defined]
    except Exception:
        return None
    if not max_row or not max_col:
        return None
    from openpyxl.utils import get_column_letter

    if max_col > 16384:
        return f"XFD{max_row}"
    return f"{get_column_letter(max_col)}{max_row}"


def _ods_rows(data: bytes, sheet: str | None, source: str, lang: str | None, max_rows: int | None,
              score: Callable[[Sequence[str]], int] | None) -> tuple[str, RawTable | None, list[str]]:
    z = check_zip(data, source, lang)
    with z:
        check_ods(z, source, max_rows, lang)
    try:
        sheets = pd.read_excel(io.BytesIO(data), sheet_name=None, header=None, engine="odf", dtype=object)
    except Exception as exc:
        raise ImportFileError(t("import.bad_workbook", lang, file=source, error=exc)) from exc
    names = list(sheets)
    if sheet is False:  # type: ignore[comparison-overlap]
        return "", None, names
    name = pick_sheet(names, sheet, source, lang)
    frame = sheets[name]
    grid = frame.astype(object).where(frame.notna(), None).values.tolist()
    above: list[int] = []
    header, body, numbers = _collect(grid, f"{source} [{name}]", score, lang, max_rows, cell_text, above)
    table = _finish(header, body, numbers, source, "ods", lang, sheet=name)
    _say_above(table, above, lang)
    return name, table, names


def _say_above(table: RawTable, above: list[int], lang: str | None) -> None:
    if above:
        label = f"{table.source} [{table.sheet}]" if table.sheet else table.source
        table.notes.insert(0, t("import.note.title_rows", lang, file=label, rows=", ".join(map(str, above))))


def read_sheet(data: bytes, fmt: str, sheet: str | None, source: str,
               score: Callable[[Sequence[str]], int] | None = None, lang: str | None = None,
               max_rows: int | None = MAX_ROWS) -> RawTable:
    """One sheet of an XLSX/ODS file (by name, default the first) as a :class:`RawTable`."""
    reader = _xlsx_rows if fmt == "xlsx" else _ods_rows
    _, table, _ = reader(data, sheet, source, lang, max_rows, score)
    if table is None or (not table.header and not len(table)):
        raise ImportFileError(t("import.empty", lang, file=source))
    return table


def pick_sheet(names: Sequence[str], wanted: str | None, source: str, lang: str | None = None) -> str:
    """The sheet called ``wanted`` (case-insensitive), else the first sheet."""
    if not names:
        raise ImportFileError(t("import.empty", lang, file=source))
    if wanted is None:
        return names[0]
    for n in names:
        if n == wanted or n.strip().lower() == wanted.strip().lower():
            return n
    raise ImportFileError(t("import.no_sheet", lang, file=source, sheet=wanted, sheets=", ".join(names)))


def sheet_names(data: bytes, source: str = "", lang: str | None = None) -> list[str]:
    """The sheet names of a workbook (``[]`` for CSV)."""
    fmt = sniff_format(data)
    if fmt == "xlsx":
        return _xlsx_rows(data, False, source, lang, None, None)[2]  # type: ignore[arg-type]
    if fmt == "ods":
        return _ods_rows(data, False, source, lang, None, None)[2]  # type: ignore[arg-type]
    return []


def read_table(
    data: bytes,
    source: str,
    sheet: str | None = None,
    score: Callable[[Sequence[str]], int] | None = None,
    lang: str | None = None,
    max_rows: int | None = MAX_ROWS,
) -> RawTable:
    """Read a CSV, XLSX or ODS file's bytes into a :class:`RawTable`.

    ``score(cells)`` rates a candidate header row (how many cells name a known
    field); ``sheet`` picks a workbook's sheet (default: the first); ``max_rows``
    stops the reading (``None``: no row limit, for research use and benchmarks).
    Raises :class:`ImportFileError` for empty, binary, too big or unreadable files.
    """
    if not data or not data.strip():
        raise ImportFileError(t("import.empty", lang, file=source))
    fmt = sniff_format(data)
    if fmt in ("binary", "zip"):
        raise ImportFileError(t("import.binary", lang, file=source))
    if fmt == "xls":
        raise ImportFileError(t("import.xls", lang, file=source))
    if fmt == "csv":
        return read_csv_bytes(data, source, score, lang, max_rows)
    return read_sheet(data, fmt, sheet, source, score, lang, max_rows)


def read_path(path: str | Path, sheet: str | None = None,
              score: Callable[[Sequence[str]], int] | None = None, lang: str | None = None,
              max_rows: int | None = MAX_ROWS) -> RawTable:
    """:func:`read_table` on a file path (missing, unreadable or too big files give a clear error)."""
    p = Path(path)
    return read_table(read_bounded(p, lang), p.name, sheet, score, lang, max_rows)
