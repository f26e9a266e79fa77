"""Reading a file people bring (CSV, XLSX, ODS) into a grid of text cells.

What is handled here: the format (by content, not by name), the text encoding
(UTF-8 with or without BOM, else Windows-1252), the CSV delimiter (``,`` ``;`` tab),
title rows above the header, blank rows, and the total row under the data
(``Jumlah``, ``Total``). Spreadsheet cells are turned into unambiguous text (dates
ISO, numbers with a ``.`` decimal point, no thousands separator) so the value
parsers in :mod:`rtplan.parse` see one form per value.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from rtplan.exceptions import RtplanError
from rtplan.messages import t

HEADER_SCAN_ROWS = 25
TOTAL_WORDS = {"jumlah", "total", "grand total", "sub total", "subtotal", "total keseluruhan",
               "jumlah total", "jumlah seluruhnya", "total jumlah"}
DELIMITERS = (",", ";", "\t")
# one physical line with its end, as ``io.StringIO(text, newline="")`` splits them
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


class ImportFileError(RtplanError):
    """Raised when a file cannot be read as a table at all (empty, binary, unknown format)."""


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
    """``xlsx``, ``ods``, ``xls``, ``csv`` or ``binary`` from the first bytes."""
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                names = set(z.namelist())
                if "mimetype" in names and b"opendocument.spreadsheet" in z.read("mimetype"):
                    return "ods"
                if "xl/workbook.xml" in names:
                    return "xlsx"
        except zipfile.BadZipFile:
            return "binary"
        return "binary"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "xls"
    head = data[:8192]
    if b"\x00" in head:
        return "binary"
    return "csv"


def decode_text(data: bytes) -> tuple[str, str]:
    """The text and the encoding name: UTF-8 (BOM dropped) or else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        return data.decode("latin-1"), "latin-1"


def sniff_delimiter(text: str) -> str:
    """The delimiter among ``,`` ``;`` tab that splits the first lines most consistently."""
    sample = text[:65536]
    lines = [ln for ln in sample.splitlines()[:60] if ln.strip()]
    if not lines:
        return ","
    best, best_score = ",", (-1.0, 0)
    for delim in DELIMITERS:
        counts = [len(row) for row in csv.reader(lines, delimiter=delim)]
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


def _text_column(column: pd.Series) -> pd.Series:
    """A column of cells as stripped text (pandas' string dtype, no missing cells)."""
    if not isinstance(column.dtype, pd.StringDtype):
        column = column.astype(object).fillna("")
        if column.map(type).ne(str).any():
            column = column.map(str)
    column = column.astype("string")
    if column.hasnans:  # short rows: pandas leaves the missing cells empty
        column = column.fillna("")
    return column.str.strip().reset_index(drop=True)


def _finish(header: list[str], frame: pd.DataFrame, first_row: int, source: str, fmt: str,
            sheet: str = "", encoding: str = "", delimiter: str = "") -> RawTable:
    """Strip every cell, drop blank rows and the trailing total rows; number the rest.

    Whole columns at once (pandas string methods), never a loop over the cells.
    """
    width = max(len(header), frame.shape[1])
    header = [str(h).strip() for h in header] + [""] * (width - len(header))
    n = len(frame)
    columns = {str(i): _text_column(frame.iloc[:, i]) for i in range(frame.shape[1])}
    for i in range(frame.shape[1], width):
        columns[str(i)] = pd.Series([""], dtype="string").take(np.zeros(n, dtype=np.intp)).reset_index(drop=True)
    stripped = pd.DataFrame(columns, columns=[str(i) for i in range(width)], index=pd.RangeIndex(n))
    keep = np.zeros(n, dtype=bool)
    for column in columns.values():
        keep |= column.ne("").to_numpy(dtype=bool)
    numbers = np.arange(first_row, first_row + n)[keep]
    frame = stripped[keep].reset_index(drop=True) if not keep.all() else stripped
    end = len(frame)
    while end and _is_total(frame.iloc[end - 1].tolist()):
        end -= 1
    return RawTable(header, frame.iloc[:end].reset_index(drop=True), numbers[:end].tolist(), source, fmt,
                    sheet=sheet, encoding=encoding, delimiter=delimiter)


def read_csv_bytes(data: bytes, source: str, score: Callable[[Sequence[str]], int] | None = None,
                   lang: str | None = None, path: Path | None = None) -> RawTable:
    """Read CSV bytes: encoding, delimiter, header row, then pandas' C parser for the body.

    ``path``: the file ``data`` was read from. pandas reads a large UTF-8 file given by
    its path in parallel chunks (not a buffer), so the body is read from there then.
    """
    text, encoding = decode_text(data)
    if not text.strip():
        raise ImportFileError(t("import.empty", lang, file=source))
    delimiter = sniff_delimiter(text)
    # the first records only: lines taken lazily (a StringIO would copy the whole text)
    ends: list[int] = []  # where each line read so far ends in the text

    def lines() -> Iterator[str]:
        for m in _LINE.finditer(text):
            ends.append(m.end())
            yield m.group()

    reader = csv.reader(lines(), delimiter=delimiter)
    head: list[list[str]] = []
    lines_before: list[int] = []
    for record in reader:
        lines_before.append(reader.line_num)
        head.append(record)
        if len(head) >= HEADER_SCAN_ROWS:
            break
    records = list(head)
    index = find_header(records, score)
    header = [h.strip() for h in records[index]]
    header_end_line = lines_before[index]
    try:
        # from the bytes (pandas decodes in C, faster than from the decoded text), typed as
        # pandas' string dtype so the cells stay in one columnar array through the import
        # the body starts right after the header record: pandas and the csv module count
        # lines differently in files with bare CR line ends, so no line count is handed over
        offset = ends[header_end_line - 1] if header_end_line else 0
        raw = data[3:] if encoding == "utf-8-sig" else data
        start = len(text[:offset].encode("utf-8" if encoding == "utf-8-sig" else encoding, errors="replace"))
        body: io.BytesIO | Path = io.BytesIO(raw[start:])
        skip = 0
        if path is not None and encoding == "utf-8" and "\r" not in text[:offset]:
            body, skip = path, header_end_line
        frame = pd.read_csv(body, sep=delimiter, header=None, skiprows=skip,
                            encoding="utf-8" if encoding == "utf-8-sig" else encoding, encoding_errors="replace",
                            dtype="string", keep_default_na=False, na_filter=False, skip_blank_lines=False,
                            names=list(range(len(header))), engine="c", quotechar='"',
                            on_bad_lines="error", index_col=False)
    except (pd.errors.ParserError, ValueError):
        # ragged rows (more cells than the header): the slower, forgiving path
        rest = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))[index + 1:]
        frame = pd.DataFrame(rest) if rest else pd.DataFrame(columns=range(len(header)))
    except pd.errors.EmptyDataError:
        frame = pd.DataFrame(columns=range(len(header)))
    return _finish(header, frame, header_end_line + 1, source, "csv", encoding=encoding, delimiter=delimiter)


def _sheet_rows(data: bytes, fmt: str, sheet: str | None, source: str,
                lang: str | None = None) -> tuple[str, list[list[object]], list[str]]:
    """The rows of one sheet of an XLSX/ODS file, its name and all sheet names."""
    if fmt == "xlsx":
        import openpyxl

        try:
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # a damaged workbook: say so, never a traceback
            raise ImportFileError(t("import.bad_workbook", lang, file=source, error=exc)) from exc
        try:
            names = list(book.sheetnames)
            name = pick_sheet(names, sheet, source, lang)
            rows = [list(r) for r in book[name].iter_rows(values_only=True)]
        finally:
            book.close()
        return name, rows, names
    try:
        sheets = pd.read_excel(io.BytesIO(data), sheet_name=None, header=None, engine="odf", dtype=object)
    except ImportError as exc:  # pragma: no cover - odfpy is a dependency
        raise ImportFileError(t("import.bad_workbook", lang, file=source, error=exc)) from exc
    except Exception as exc:
        raise ImportFileError(t("import.bad_workbook", lang, file=source, error=exc)) from exc
    names = list(sheets)
    name = pick_sheet(names, sheet, source, lang)
    frame = sheets[name]
    return name, frame.astype(object).where(frame.notna(), None).values.tolist(), names


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


def sheet_names(data: bytes) -> list[str]:
    """The sheet names of a workbook (``[]`` for CSV)."""
    fmt = sniff_format(data)
    if fmt not in ("xlsx", "ods"):
        return []
    return _sheet_rows(data, fmt, None, "")[2]


def read_grid(rows: list[list[object]], source: str, fmt: str, sheet: str,
              score: Callable[[Sequence[str]], int] | None = None, lang: str | None = None) -> RawTable:
    """A grid of spreadsheet cells as a :class:`RawTable` (header found, totals dropped)."""
    text_rows = [[cell_text(c) for c in r] for r in rows]
    while text_rows and not any(text_rows[-1]):
        text_rows.pop()
    if not text_rows:
        raise ImportFileError(t("import.empty", lang, file=f"{source} [{sheet}]"))
    index = find_header(text_rows, score)
    header = text_rows[index]
    body = text_rows[index + 1:]
    width = max([len(header)] + [len(r) for r in body])
    frame = pd.DataFrame([r + [""] * (width - len(r)) for r in body], columns=range(width)) if body \
        else pd.DataFrame(columns=range(width))
    return _finish(header, frame, index + 2, source, fmt, sheet=sheet)


def read_table(
    data: bytes,
    source: str,
    sheet: str | None = None,
    score: Callable[[Sequence[str]], int] | None = None,
    lang: str | None = None,
    path: Path | None = None,
) -> RawTable:
    """Read a CSV, XLSX or ODS file's bytes into a :class:`RawTable`.

    ``score(cells)`` rates a candidate header row (how many cells name a known
    field); ``sheet`` picks a workbook's sheet (default: the first); ``path`` is the
    file the bytes came from, if any (see :func:`read_csv_bytes`).
    Raises :class:`ImportFileError` for empty, binary or unreadable files.
    """
    if not data or not data.strip():
        raise ImportFileError(t("import.empty", lang, file=source))
    fmt = sniff_format(data)
    if fmt == "binary":
        raise ImportFileError(t("import.binary", lang, file=source))
    if fmt == "xls":
        raise ImportFileError(t("import.xls", lang, file=source))
    if fmt == "csv":
        return read_csv_bytes(data, source, score, lang, path)
    name, rows, _ = _sheet_rows(data, fmt, sheet, source, lang)
    return read_grid(rows, source, fmt, name, score, lang)


def read_path(path: str | Path, sheet: str | None = None,
              score: Callable[[Sequence[str]], int] | None = None, lang: str | None = None) -> RawTable:
    """:func:`read_table` on a file path (missing or unreadable files give a clear error)."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError as exc:
        raise ImportFileError(t("import.no_file", lang, file=p)) from exc
    except OSError as exc:
        raise ImportFileError(t("import.cannot_read", lang, file=p, error=exc.strerror or exc)) from exc
    return read_table(data, p.name, sheet, score, lang, p)
