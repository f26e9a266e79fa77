"""Declared views and their one renderer: HTML (escaped), text, CSV, XLSX, records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from rtplan.render.views import to_csv, to_html, to_records, to_text, to_xlsx
from rtplan.views import Col, ViewSpec

SPEC = ViewSpec("test.money", (
    Col("name", "needs.col.title", cut=12),
    Col("amount", "needs.col.total", fmt="idr"),
    Col("when", "needs.col.title", fmt="date_iso"),
    Col("phone", "needs.col.title", private=True),
), caption="needs.method.usg")


@pytest.fixture
def frame() -> pd.DataFrame:
    return pd.DataFrame({
        "name": ["<script>alert(1)</script>", '=HYPERLINK("x")', "Pak Budi"],
        "amount": [1500000, 25000, None],
        "when": [dt.date(2027, 1, 3), None, dt.date(2027, 2, 1)],
        "phone": ["0812-000-111", "0812-000-222", "0812-000-333"],
    })


def test_cells_are_formatted_in_the_views_language(frame: pd.DataFrame) -> None:
    view = SPEC.build(frame, "id")
    assert view.cells()[0][1] == "Rp 1.500.000"
    assert view.cells()[2][1] == "–"
    assert len(view.headers()) == 3  # the private column is not shown


def test_html_escapes_every_value_and_hides_private_columns(frame: pd.DataFrame) -> None:
    html = str(to_html(SPEC.build(frame, "id")))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "0812" not in html
    assert 'id="rtplan-test-money"' in html


def test_text_aligns_numbers_right_and_cuts_long_text(frame: pd.DataFrame) -> None:
    text = to_text(SPEC.build(frame, "id"))
    lines = text.splitlines()
    assert lines[2].startswith("<script>ale…")
    assert "0812" not in text
    end = lines[2].index("Rp 1.500.000") + len("Rp 1.500.000")
    assert lines[3].index("Rp 25.000") + len("Rp 25.000") == end  # right-aligned


def test_csv_keeps_raw_values_and_neutralises_formulas(frame: pd.DataFrame) -> None:
    data = to_csv(SPEC.build(frame, "id")).decode()
    assert data.splitlines()[0] == "name,amount,when"
    assert "1500000" in data and "'=HYPERLINK" in data
    assert "0812" not in data
    assert "0812" in to_csv(SPEC.build(frame, "id"), include_private=True).decode()


def test_records_are_json_ready(frame: pd.DataFrame) -> None:
    recs = to_records(SPEC.build(frame, "id"))
    assert recs[0] == {"name": "<script>alert(1)</script>", "amount": 1500000, "when": "2027-01-03"}
    assert recs[2]["amount"] is None


def test_xlsx_has_typed_cells_and_no_formula(frame: pd.DataFrame, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = to_xlsx([SPEC.build(frame, "id")], tmp_path / "v.xlsx")
    ws = load_workbook(path).active
    assert ws.cell(2, 2).value == 1500000 and ws.cell(2, 2).number_format == '"Rp" #,##0'
    assert ws.cell(2, 3).value.date() == dt.date(2027, 1, 3)
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    assert ws.cell(3, 1).value.startswith("'=")
    assert ws.max_column == 3


def test_unknown_format_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown format 'nope'"):
        Col("x", "needs.col.title", fmt="nope")


def test_text_output_cannot_drive_the_terminal() -> None:
    frame = pd.DataFrame({"name": ["\x1b[2J\x1b[31mmerah\nbaris\tdua"], "amount": [1], "when": [None],
                          "phone": [""]})
    text = to_text(SPEC.build(frame, "id"))
    assert "\x1b" not in text and "\t" not in text
    assert len(text.splitlines()) == 3  # header, rule, one row: the cell's newline did not split it
