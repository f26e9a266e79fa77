"""How big a file one import reads, checked before its contents are loaded.

A plan is one RT: tens to a few thousand rows per table. Everything here is checked
from what a file declares or from a bounded read, so a hostile file (a huge declared
sheet, a zip bomb, an endless stream, one enormous cell) is refused in well under a
second and a few megabytes, with a message that says which limit and how to go on.

* :data:`MAX_ROWS` data rows and :data:`MAX_COLUMNS` columns per import;
* :data:`MAX_FILE_BYTES`: a file is read at most this far (``/dev/zero`` stops here);
* :data:`MAX_FIELD_CHARS`: one cell of a CSV;
* :data:`MAX_MEMBER_BYTES`: one member of an XLSX/ODS/zip, uncompressed, as its zip
  directory declares it (Python's zip reader never inflates past the declared size);
* an XLSX sheet's declared dimension (``<dimension ref="A1:XFD1048576">``) and an ODS
  sheet's rows and columns (repeats counted) within the row and column limits.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from rtplan.exceptions import RtplanError
from rtplan.messages import t

MAX_ROWS = 10_000
MAX_COLUMNS = 500
MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_FIELD_CHARS = 32_768
MAX_MEMBER_BYTES = 48 * 1024 * 1024
MAX_ZIP_MEMBERS = 2_000
# rows above the header (titles) and below the data (totals, blank rows) a sheet may add
SLACK_ROWS = 100


class ImportFileError(RtplanError):
    """Raised when a file cannot be read as a table at all (empty, binary, too big, unknown format)."""


def read_bounded(path: str | Path, lang: str | None = None) -> bytes:
    """The bytes of ``path``, refused past :data:`MAX_FILE_BYTES` without reading further.

    Works on pipes and devices (``/dev/zero``) too: at most one byte past the limit is read.
    """
    p = Path(path)
    try:
        with open(p, "rb") as f:
            return _bounded(f, p.name, lang)
    except FileNotFoundError as exc:
        raise ImportFileError(t("import.no_file", lang, file=p)) from exc
    except IsADirectoryError as exc:
        raise ImportFileError(t("import.cannot_read", lang, file=p, error=exc.strerror or exc)) from exc
    except OSError as exc:
        raise ImportFileError(t("import.cannot_read", lang, file=p, error=exc.strerror or exc)) from exc


def _bounded(f: BinaryIO, name: str, lang: str | None) -> bytes:
    data = f.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(t("import.too_big", lang, file=name, max=MAX_FILE_BYTES // (1024 * 1024)))
    return data


def check_zip(data: bytes, source: str, lang: str | None = None) -> zipfile.ZipFile:
    """The zip of an XLSX/ODS/CSV bundle, after checking its members' declared sizes."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise ImportFileError(t("import.binary", lang, file=source)) from exc
    infos = z.infolist()
    if len(infos) > MAX_ZIP_MEMBERS:
        raise ImportFileError(t("import.zip_members", lang, file=source, n=len(infos), max=MAX_ZIP_MEMBERS))
    for info in infos:
        if info.file_size > MAX_MEMBER_BYTES:
            raise ImportFileError(t("import.member_too_big", lang, file=source, member=info.filename,
                                    size=info.file_size // (1024 * 1024), max=MAX_MEMBER_BYTES // (1024 * 1024)))
    return z


_REF = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")


def cell_position(ref: str) -> tuple[int, int] | None:
    """``"XFD1048576"`` -> ``(1048576, 16384)`` (row, column), ``None`` when not a cell reference."""
    m = _REF.match(ref.strip().upper())
    if not m:
        return None
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


def check_dimension(ref: str | None, source: str, sheet: str, max_rows: int | None,
                    lang: str | None = None) -> None:
    """Refuse a sheet whose declared dimension (``A1:XFD1048576``) is past the limits."""
    if not ref:
        return
    end = cell_position(ref.split(":")[-1])
    if end is None:
        return
    rows, cols = end
    if cols > MAX_COLUMNS or (max_rows is not None and rows > max_rows + SLACK_ROWS):
        raise ImportFileError(t("import.sheet_declares", lang, file=f"{source} [{sheet}]", ref=ref, rows=rows,
                                cols=cols, max_rows=max_rows or MAX_ROWS, max_cols=MAX_COLUMNS))


UNSIZED_SHEET_BYTES = 8 * 1024 * 1024
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z0-9$:]+)\"")
_SHEET_DATA = re.compile(rb"<(?:\w+:)?sheetData[\s>/]")


def check_xlsx_sheets(z: zipfile.ZipFile, source: str, max_rows: int | None, lang: str | None = None) -> None:
    """Every worksheet's declared dimension (``<dimension ref="A1:XFD1048576">``, read from the first
    bytes of its XML before any parser sees it) within the limits; a sheet without one (no
    spreadsheet program writes such) only when small, as openpyxl would scan all of it for its size."""
    for info in z.infolist():
        if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
            continue
        with z.open(info) as f:
            head = f.read(65536)
        cut = _SHEET_DATA.search(head)
        found = _DIMENSION.search(head[: cut.start()] if cut else head)
        sheet = info.filename.rsplit("/", 1)[-1].removesuffix(".xml")
        if found:
            check_dimension(found.group(1).decode("ascii"), source, sheet, max_rows, lang)
        elif info.file_size > UNSIZED_SHEET_BYTES:
            raise ImportFileError(t("import.member_too_big", lang, file=source, member=info.filename,
                                    size=info.file_size // (1024 * 1024), max=UNSIZED_SHEET_BYTES // (1024 * 1024)))


_ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODS_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def check_ods(z: zipfile.ZipFile, source: str, max_rows: int | None, lang: str | None = None) -> None:
    """Count an ODS file's rows and columns as LibreOffice would show them, repeats included.

    Empty rows and cells repeated to the sheet's end (LibreOffice writes
    ``number-rows-repeated="1048553"`` under every sheet) count only when something follows.
    """
    from defusedxml.ElementTree import iterparse

    try:
        stream = z.open("content.xml")
    except KeyError as exc:
        raise ImportFileError(t("import.bad_workbook", lang, file=source, error="content.xml")) from exc
    with stream:
        _count_ods(iterparse(stream, events=("start", "end")), source, max_rows, lang)


def _count_ods(events: Iterable[tuple[str, object]], source: str, max_rows: int | None,
               lang: str | None) -> None:
    rows = 0
    pending_rows = 0
    width = 0
    pending_cells = 0
    row_has = False
    row_repeat = 1
    for event, elem in events:
        tag = getattr(elem, "tag", "")
        if event == "start":
            if tag == _ODS_TABLE + "table":
                rows = pending_rows = 0
            elif tag == _ODS_TABLE + "table-row":
                row_has, width, pending_cells = False, 0, 0
                row_repeat = int(elem.get(_ODS_TABLE + "number-rows-repeated", "1") or 1)  # type: ignore[attr-defined]
            continue
        if tag in (_ODS_TABLE + "table-cell", _ODS_TABLE + "covered-table-cell"):
            repeat = int(elem.get(_ODS_TABLE + "number-columns-repeated", "1") or 1)  # type: ignore[attr-defined]
            filled = len(elem) > 0 or elem.get(_ODS_OFFICE + "value-type") is not None  # type: ignore[arg-type, attr-defined]
            if filled:
                width += pending_cells + repeat
                pending_cells = 0
                row_has = True
                if width > MAX_COLUMNS:
                    raise ImportFileError(t("import.too_many_columns", lang, file=source, n=width, max=MAX_COLUMNS))
            else:
                pending_cells += repeat
            elem.clear()  # type: ignore[attr-defined]
        elif tag == _ODS_TABLE + "table-row":
            if row_has:
                rows += pending_rows + row_repeat
                pending_rows = 0
                if max_rows is not None and rows > max_rows + SLACK_ROWS:
                    raise ImportFileError(t("import.sheet_too_big", lang, file=source, ref="", n=rows,
                                            max=max_rows))
                if row_repeat > 1 and width and row_repeat * width > (max_rows or MAX_ROWS) * MAX_COLUMNS:
                    raise ImportFileError(t("import.sheet_too_big", lang, file=source, ref="", n=rows,
                                            max=max_rows or MAX_ROWS))
            else:
                pending_rows += row_repeat
            elem.clear()  # type: ignore[attr-defined]
