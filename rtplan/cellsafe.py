"""Spreadsheet cells that never run as formulas (OWASP "CSV injection").

A resident may type ``=HYPERLINK(...)``, ``+62 812...`` or ``- jalan rusak`` as free
text. Excel, LibreOffice and Google Sheets treat a cell starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return as a formula. Every CSV and spreadsheet
cell rtplan writes from text goes through :func:`neutralize`, which puts an
apostrophe in front of such text: spreadsheets show the text and never evaluate it,
and a reader still sees what was typed.

Every CSV rtplan writes (the plan's own tables included) goes through
:class:`CsvWriter`, which quotes a field holding a carriage return or a line feed.
"""

from __future__ import annotations

from typing import Any

__all__ = ["FORMULA_STARTS", "CsvWriter", "csv_text", "is_formula_like", "neutralize"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet could read ``text`` as a formula."""
    return text.startswith(FORMULA_STARTS)


def neutralize(value: Any) -> Any:
    """``value`` made safe for a spreadsheet cell; numbers and non-text pass unchanged."""
    if isinstance(value, str) and is_formula_like(value):
        return "'" + value
    return value


class CsvWriter:
    """The one CSV writer of rtplan's outputs: like :func:`csv.writer`, but a field
    holding a carriage return or a line feed is always quoted.

    The csv module quotes a field only when it holds a character of the line
    terminator, so with ``"\\n"`` line ends a bare ``\\r`` went out unquoted and a
    spreadsheet started a new row there (and the text after it could be read as a
    formula). Each row is written with ``"\\r\\n"`` (both characters force quoting)
    and the terminator swapped for ``lineterminator``. With ``neutral=True`` every
    text cell also goes through :func:`neutralize`.
    """

    def __init__(self, handle: Any, *, delimiter: str = ",", lineterminator: str = "\n",
                 neutral: bool = False) -> None:
        import csv
        import io

        self._handle = handle
        self._buf = io.StringIO()
        self._writer = csv.writer(self._buf, delimiter=delimiter, lineterminator="\r\n",
                                  quoting=csv.QUOTE_MINIMAL)
        self._end = lineterminator
        self._neutral = neutral

    def writerow(self, row: Any) -> None:
        cells = [neutralize(c) for c in row] if self._neutral else list(row)
        self._buf.seek(0)
        self._buf.truncate()
        self._writer.writerow(cells)
        self._handle.write(self._buf.getvalue()[:-2] + self._end)

    def writerows(self, rows: Any) -> None:
        for row in rows:
            self.writerow(row)


def csv_text(header: Any, rows: Any, *, delimiter: str = ",", lineterminator: str = "\n",
             neutral: bool = False) -> str:
    """``header`` and ``rows`` as CSV text through :class:`CsvWriter`."""
    import io

    buf = io.StringIO()
    writer = CsvWriter(buf, delimiter=delimiter, lineterminator=lineterminator, neutral=neutral)
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()
