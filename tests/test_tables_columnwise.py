"""A frame is turned to CSV text column by column, with the same bytes as cell by cell.

:func:`rtplan.tables.frame_to_rows` converts each column at once by its dtype. The
reference here is the conversion it replaced (one :func:`rtplan.tables.to_text` per
cell): both example plans, a 10,000-row import and generated frames (missing values
of every sort, blanks, unicode, CR/LF, numbers, dates, times, booleans, multi-value
cells, object columns holding anything) must give the same text and the same bytes.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rtplan import storage
from rtplan.schema import TABLES, Column, Table
from rtplan.tables import frame_to_rows, is_missing, rows_to_csv, to_text

ROOT = Path(__file__).resolve().parent.parent


def per_cell_rows(table: Table, frame: pd.DataFrame) -> tuple[list[str], list[list[str]]]:
    """The conversion as it was: one ``to_text`` per cell, row by row."""
    extras = [c for c in frame.columns if c not in table.column_names]
    header = table.column_names + [str(c) for c in extras]
    rows: list[list[str]] = []
    declared = [(c, c.name in frame.columns) for c in table.columns]
    for record in frame.itertuples(index=False, name=None):
        values = dict(zip(frame.columns, record))
        row = [to_text(c, values[c.name]) if present else "" for c, present in declared]
        row += ["" if is_missing(values[e]) else str(values[e]).strip() for e in extras]
        rows.append(row)
    return header, rows


def _same(table: Table, frame: pd.DataFrame) -> None:
    old = per_cell_rows(table, frame)
    new = frame_to_rows(table, frame)
    assert new == old
    assert rows_to_csv(*new) == rows_to_csv(*old)


@pytest.mark.parametrize("name", ["contoh-rt05-rw03", "contoh-rt02-rw07-banjir"])
def test_example_plans_give_the_same_bytes(name: str) -> None:
    plan = storage.load_plan(ROOT / "data" / name)
    assert sum(len(f) for f in plan.tables.values()) > 50  # the examples hold rows to compare
    for table_name, frame in plan.tables.items():
        _same(TABLES[table_name], frame)


def test_a_10000_row_import_saves_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from bench_import import N, make_csv
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    from rtplan.importing import import_file
    from rtplan.storage import checking, loading

    csv_path = tmp_path / "survei.csv"
    make_csv(csv_path)
    saved: dict[str, bytes] = {}
    for way in ("per-cell", "column-wise"):
        if way == "per-cell":
            monkeypatch.setattr(checking, "frame_to_rows", per_cell_rows)
            monkeypatch.setattr(loading, "frame_to_rows", per_cell_rows)
        else:
            monkeypatch.undo()
        folder = tmp_path / way
        storage.new_plan(folder, storage.default_meta(rt="05", rw="03"))
        outcome = import_file(storage.load_plan(folder), "needs", csv_path)
        assert outcome.saved and outcome.added == N
        saved[way] = (folder / "needs.csv").read_bytes()
    assert saved["column-wise"] == saved["per-cell"]
    assert saved["per-cell"].count(b"\n") > N


# -- generated frames ---------------------------------------------------------------
TEXT_MISSING = st.sampled_from([None, pd.NA, "", "  ", "\t"])
MISSING = TEXT_MISSING | st.just(np.nan)
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12) | st.sampled_from(
    ["a\r\nb", "x\ry", " pad ", "Ã©", "Rp 1.500", "a; b ;;c", ";", "12", "2026-08-17", "19.30", "true"])
INTS = st.integers(-(2**62), 2**62)
DATES = st.dates(dt.date(1700, 1, 1), dt.date(2250, 12, 31))
ANY = st.one_of(MISSING, TEXT, INTS, st.floats(allow_nan=True), st.booleans(), DATES,
                DATES.map(pd.Timestamp), st.times().map(lambda t: t.replace(microsecond=0)),
                st.lists(TEXT, max_size=3))

TABLE = Table("gen", (
    Column("text", "str"), Column("ident", "id"), Column("many", "list"), Column("count", "int"),
    Column("cost", "money"), Column("done", "bool"), Column("day", "date"), Column("at", "time"),
))


def _typed_column(kind: str, n: int) -> st.SearchStrategy[pd.Series]:
    """A column in the dtype the schema gives ``kind``, or an object column holding anything."""
    if kind in ("str", "id", "list", "time"):
        typed = st.lists(st.one_of(TEXT_MISSING, TEXT), min_size=n, max_size=n).map(
            lambda v: pd.Series(v, dtype="string"))
    elif kind in ("int", "money"):
        typed = st.lists(st.one_of(st.none(), INTS), min_size=n, max_size=n).map(
            lambda v: pd.Series(v, dtype="Int64"))
    elif kind == "bool":
        typed = st.lists(st.one_of(st.none(), st.booleans()), min_size=n, max_size=n).map(
            lambda v: pd.Series(v, dtype="boolean"))
    else:
        typed = st.lists(st.one_of(st.none(), DATES), min_size=n, max_size=n).map(
            lambda v: pd.Series(pd.DatetimeIndex([pd.NaT if d is None else pd.Timestamp(d) for d in v],
                                                 dtype="datetime64[ns]")))
    loose = st.lists(ANY, min_size=n, max_size=n).map(lambda v: pd.Series(v, dtype=object))
    text_typed = st.lists(st.one_of(TEXT_MISSING, TEXT), min_size=n, max_size=n).map(
        lambda v: pd.Series(v, dtype="string"))
    return st.one_of(typed, typed, loose, text_typed)  # the schema's dtype most often


@st.composite
def frames(draw: st.DrawFn) -> pd.DataFrame:
    n = draw(st.integers(0, 8))
    data = {}
    for col in TABLE.columns:
        if draw(st.integers(0, 9)) == 0:
            continue  # a declared column absent from the frame
        data[col.name] = draw(_typed_column(col.kind, n)).reset_index(drop=True)
    for extra in draw(st.lists(st.sampled_from(["note", "Catatan", "x y"]), max_size=2, unique=True)):
        data[extra] = draw(_typed_column(draw(st.sampled_from(["str", "int", "date"])), n)).reset_index(drop=True)
    return pd.DataFrame(data, index=range(n))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(frames())
def test_column_wise_text_equals_per_cell_text(frame: pd.DataFrame) -> None:
    _same(TABLE, frame)


def test_every_kind_of_missing_value_becomes_an_empty_cell() -> None:
    frame = pd.DataFrame({
        "text": pd.Series(["  a ", None, "", "x\r\ny"], dtype="string"),
        "many": pd.Series([" a ; b;;", pd.NA, " ", "c"], dtype="string"),
        "count": pd.Series([3, None, -12, 0], dtype="Int64"),
        "cost": pd.Series([1.0, np.nan, 2.5, None], dtype=object),
        "done": pd.Series([True, None, False, True], dtype="boolean"),
        "day": pd.Series(pd.DatetimeIndex(["2026-08-17", None, "1700-01-02", "2250-12-31"])),
        "at": pd.Series([dt.time(19, 30), None, "", "07:05"], dtype=object),
    })
    header, rows = frame_to_rows(TABLE, frame)
    assert header == [c.name for c in TABLE.columns]
    assert rows == [
        ["a", "", "a;b", "3", "1", "true", "2026-08-17", "19:30"],
        ["", "", "", "", "", "", "", ""],
        ["", "", "", "-12", "2.5", "false", "1700-01-02", ""],
        ["x\r\ny", "", "c", "0", "", "true", "2250-12-31", "07:05"],
    ]
    _same(TABLE, frame)
