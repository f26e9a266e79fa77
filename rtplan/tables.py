"""Text <-> typed values for the plan's CSV tables (the folder's clean format).

Everything that is saved passes through :func:`to_text` and is parsed back with
:func:`parse_rows`, so what is checked is exactly what is written.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import operator
import re
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from rtplan.cellsafe import csv_text
from rtplan.problems import Problem, problem
from rtplan.schema import Column, Table, join_list

_INT = re.compile(r"^-?\d+$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")


def is_missing(value: object) -> bool:
    """True for None, NA, NaT, NaN and blank strings."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str) and not value.strip():
        return True
    try:
        return bool(pd.isna(value))  # numpy scalars
    except (TypeError, ValueError):
        return False


def as_date(value: object) -> dt.date | None:
    """A table cell as a ``datetime.date`` (``None`` when empty); accepts Timestamps,
    datetimes, dates and ISO text."""
    if is_missing(value):
        return None
    if isinstance(value, dt.datetime):  # pd.Timestamp is a datetime too
        return value.date()
    if isinstance(value, dt.date):
        return value
    parsed: dt.date = pd.Timestamp(str(value)).date()  # pandas is untyped here: say what it returns
    return parsed


def to_text(column: Column, value: object) -> str:
    """The CSV text of one cell; tolerant of whatever a widget or a script put there."""
    if isinstance(value, (list, tuple)) and column.kind == "list":
        return join_list(value)
    if is_missing(value):
        return ""
    kind = column.kind
    if kind == "date":
        if isinstance(value, (pd.Timestamp, dt.datetime)):
            return value.date().isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
    elif kind == "bool":
        if isinstance(value, (bool, np.bool_)):
            return "true" if value else "false"
    elif kind in ("int", "money"):
        if isinstance(value, (bool, np.bool_)):
            return str(value)
        if isinstance(value, (int, np.integer)):
            return str(int(value))
        if isinstance(value, (float, np.floating)):
            f = float(value)
            return str(int(f)) if f.is_integer() else repr(f)
    elif kind == "time":
        if isinstance(value, dt.time):
            return value.strftime("%H:%M")
    elif kind == "list":
        return join_list(str(value))
    return str(value).strip()


def parse_cell(column: Column, text: str) -> tuple[object, str | None]:
    """Parse one cell's text; return ``(value, None)`` or ``(missing, rule)``."""
    kind = column.kind
    if text == "":
        return (pd.NaT if kind == "date" else pd.NA if kind in ("int", "money", "bool") else ""), None
    if kind in ("int", "money"):
        if _INT.match(text) and len(text.lstrip("-")) <= 18:  # beyond int64: unreadable, not a crash
            return int(text), None
        return pd.NA, ("money" if kind == "money" else "int")
    if kind == "bool":
        low = text.lower()
        if low in ("true", "false"):
            return low == "true", None
        return pd.NA, "bool"
    if kind == "date":
        if _DATE.match(text) and "1678" <= text[:4] <= "2261":  # pandas' date range: beyond it, unreadable
            try:
                return pd.Timestamp(dt.date.fromisoformat(text)), None
            except ValueError:
                pass
        return pd.NaT, "date"
    if kind == "time":
        m = _TIME.match(text)
        if m and int(m.group(1)) < 24 and int(m.group(2)) < 60:
            return f"{int(m.group(1)):02d}:{m.group(2)}", None
        return "", "time"
    if kind == "list":
        return join_list(text), None
    return text, None


def _typed(column: Column, values: list[object]) -> object:
    """Parsed cell values as an array of ``column``'s dtype."""
    if column.kind == "date":
        return pd.DatetimeIndex(values, dtype="datetime64[ns]")
    return pd.array(values, dtype=column.dtype)


# kinds whose text is the value itself (parse_cell gives the stripped text back, "" when empty)
_PARSED_KINDS = frozenset({"int", "money", "bool", "date", "time", "list"})


def parse_rows(
    table: Table,
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    lang: str,
) -> tuple[pd.DataFrame, list[Problem]]:
    """Turn CSV header + rows (text) into a typed DataFrame and the problems found.

    Declared columns come first in declared order; columns the schema does not know
    are kept as text after them (the contract may be extended). Cells that cannot be
    parsed become missing and are reported (by row, then in the declared column order).

    Read column by column: a text column's cells are its values; the other kinds parse
    each distinct text once (:func:`parse_cell`), so 10,000 rows read in a few ms where
    a call per cell took about 0.2 s. The frame and the problems are those of parsing
    cell by cell (a test compares both on generated odd cells).
    """
    problems: list[Problem] = []
    file = table.filename
    header = [h.strip() for h in header]
    missing = [c.name for c in table.columns if c.required and c.name not in header]
    if missing:
        problems.append(problem(lang, file, None, None, "missing_columns", columns=", ".join(missing)))
    position: dict[str, int] = {}
    for i, h in enumerate(header):
        if h:
            position.setdefault(h, i)  # a repeated header: the first column is read
    for h in position:
        count = header.count(h)
        if count > 1:
            problems.append(problem(lang, file, None, None, "duplicate_header", header=h, count=count))
    extras = [h for h in position if h not in table.column_names]
    records = rows if isinstance(rows, list) else list(rows)
    n = len(records)
    width = len(header)
    lengths = list(map(len, records))
    shortest = min(lengths, default=0)
    # (row index, column order, problem): a row's too_many_fields first, then its cells in declared order
    found: list[tuple[int, int, Problem]] = []
    if max(lengths, default=0) > width:
        for k, size in enumerate(lengths):
            if size > width and any(c.strip() for c in list(records[k])[width:]):
                found.append((k, -1, problem(lang, file, k + 2, None, "too_many_fields", count=size,
                                             expected=width)))

    def texts(at: int | None) -> list[str]:
        if at is None:
            return [""] * n
        if at < shortest:
            return list(map(str.strip, map(operator.itemgetter(at), records)))
        return [r[at].strip() if at < len(r) else "" for r in records]

    data: dict[str, list[object]] = {}
    for order, col in enumerate(table.columns):
        cells = texts(position.get(col.name))
        if col.kind not in _PARSED_KINDS:
            data[col.name] = list(cells)
            continue
        memo: dict[str, tuple[object, str | None]] = {}
        values: list[object] = []
        for k, text in enumerate(cells):
            got = memo.get(text)
            if got is None:
                got = memo[text] = parse_cell(col, text)
            if got[1]:
                found.append((k, order, problem(lang, file, k + 2, col.name, got[1], value=text)))
            values.append(got[0])
        data[col.name] = values
    for h in extras:
        data[h] = list(texts(position[h]))
    found.sort(key=lambda item: (item[0], item[1]))
    problems += [p for _, _, p in found]
    if not n and not extras:  # an empty table (most of a new plan's): a copy of the one made before
        return _empty_frame(table), problems
    # typed at construction: 3x quicker than object columns cast one by one (measured on
    # a generated plan: 12.9 ms -> 4.3 ms to parse its tables), the same frame
    frame = pd.DataFrame({c.name: _typed(c, data[c.name]) for c in table.columns})
    if extras:  # one block of text columns: a file with 10,000 unknown columns still loads in a blink
        extra = pd.DataFrame({h: data[h] for h in extras}, dtype="string", index=frame.index)
        frame = pd.concat([frame, extra], axis=1)
    return frame.reset_index(drop=True), problems


_EMPTY: dict[str, tuple[Table, pd.DataFrame]] = {}


def _empty_frame(table: Table) -> pd.DataFrame:
    """``table`` without rows, as :func:`parse_rows` makes it (made once per table; each
    caller gets its own copy)."""
    got = _EMPTY.get(table.name)
    if got is None or got[0] is not table:
        frame = pd.DataFrame({c.name: _typed(c, []) for c in table.columns}).reset_index(drop=True)
        got = _EMPTY[table.name] = (table, frame)
    return got[1].copy()


def frame_to_rows(table: Table, frame: pd.DataFrame) -> tuple[list[str], list[list[str]]]:
    """Header and text rows of ``frame``: declared columns, then any extra columns.

    Converted column by column (one pass per column, by dtype), with the same text
    :func:`to_text` gives cell by cell: 10,000 rows are turned to text in a few ms
    rather than the ~3 s that a call per cell took on pyarrow-backed text.
    """
    extras = [c for c in frame.columns if c not in table.column_names]
    header = table.column_names + [str(c) for c in extras]
    n = len(frame)
    # a repeated column name: the last one holds (as a dict of the row would have it)
    last = {name: i for i, name in enumerate(frame.columns)}
    columns: list[list[str]] = []
    for col in table.columns:
        at = last.get(col.name)
        columns.append([""] * n if at is None else column_texts(col, frame.iloc[:, at]))
    columns.extend(_extra_texts(frame.iloc[:, last[name]]) for name in extras)
    return header, list(map(list, zip(*columns))) if columns else [[] for _ in range(n)]


def column_texts(column: Column, series: pd.Series) -> list[str]:
    """The CSV text of every cell of ``series`` (a column of kind ``column.kind``):
    the same strings as :func:`to_text` per cell, computed per column where the
    dtype allows it."""
    dtype = series.dtype
    kind = column.kind
    if isinstance(dtype, pd.StringDtype) and kind != "list":
        # text, id, time (and a text column declared as a number or date: str(value).strip())
        return _plain_texts(series)
    if isinstance(dtype, pd.StringDtype):  # list: each distinct cell joined once
        memo: dict[str, str] = {}
        out: list[str] = []
        for v in series.to_numpy(dtype=object, na_value=None):
            if v is None:
                out.append("")
                continue
            text = memo.get(v)
            if text is None:
                text = memo[v] = "" if not v.strip() else join_list(v)
            out.append(text)
        return out
    if kind in ("int", "money") and isinstance(dtype, pd.Int64Dtype):
        missing = series.isna().to_numpy()
        digits = series.to_numpy(dtype="int64", na_value=0).astype(str).tolist()
        return _blank_where(digits, missing)
    if kind == "date" and isinstance(dtype, np.dtype) and dtype.kind == "M":  # naive, any unit
        values = series.to_numpy()
        missing = np.isnat(values)
        return _blank_where(np.datetime_as_string(values, unit="D").tolist(), missing)
    if kind == "bool" and isinstance(dtype, pd.BooleanDtype):
        missing = series.isna().to_numpy()
        words = np.where(series.to_numpy(dtype=bool, na_value=False), "true", "false").tolist()
        return _blank_where(words, missing)
    # object or unexpected dtypes: anything may be in a cell, so cell by cell
    return [to_text(column, v) for v in series]


def _plain_texts(series: pd.Series) -> list[str]:
    """A text column's cells, stripped ("" when missing or blank)."""
    values = series.to_numpy(dtype=object, na_value=None)
    if not series.hasnans:
        return list(map(str.strip, values))
    return ["" if v is None else v.strip() for v in values]


def _extra_texts(series: pd.Series) -> list[str]:
    """A column the schema does not declare: its cells as stripped text."""
    if isinstance(series.dtype, pd.StringDtype):
        return _plain_texts(series)
    return ["" if is_missing(v) else str(v).strip() for v in series]


def _blank_where(texts: list[str], missing: np.ndarray) -> list[str]:
    for i in np.flatnonzero(missing).tolist():
        texts[i] = ""
    return texts


def rows_to_csv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """The canonical CSV bytes: UTF-8 without BOM, ``\\n`` line ends, minimal quoting.

    A carriage return inside a cell becomes a line feed: the csv module would write a
    bare CR unquoted, and the file would split that row when read back.

    Written by one csv writer call with ``\\r\\n`` row ends (so a cell with a line feed
    is quoted, as :class:`~rtplan.cellsafe.CsvWriter` does), then each row end made
    ``\\n``: when no cell holds a CR, the text holds exactly one per row. Otherwise
    cell by cell, as before. The same bytes either way (a test compares them).
    """
    records = rows if isinstance(rows, list) else list(rows)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(records)
    text = buf.getvalue()
    if text.count("\r") == len(records) + 1:
        return text.replace("\r\n", "\n").encode("utf-8")
    return csv_text([_one_newline(c) for c in header],
                    ([_one_newline(c) for c in row] for row in records)).encode("utf-8")


def _one_newline(cell: str) -> str:
    return cell.replace("\r\n", "\n").replace("\r", "\n") if "\r" in cell else cell


def read_csv_text(data: bytes) -> tuple[list[str], list[list[str]]]:
    """Split CSV bytes into header and rows (skips fully blank lines)."""
    text = data.decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""))
    all_rows = [r for r in reader if any(map(str.strip, r))]
    if not all_rows:
        return [], []
    return all_rows[0], all_rows[1:]
