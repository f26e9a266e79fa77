"""Steps 0 and 4 tables for people: the kas form and book, progress, realizations, participation."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest
from notebook_display import notebook_html

from rtplan import storage
from rtplan.kas import kas_summary, summarize
from rtplan.monitoring import progress
from rtplan.plan import Plan
from rtplan.render.kas import form_text, kas_html
from rtplan.render.monitoring import progress_html, progress_text
from rtplan.render.views import to_csv, to_html, to_records
from rtplan.views.kas import BOOK_SHORT, book_view, form_view
from rtplan.views.monitoring import (
    activities_view,
    indicators_view,
    needs_view,
    realizations_view,
)
from rtplan.views.profile import attendance_view, participation_summary, participation_view

D = dt.date
JAN31 = D(2027, 1, 31)


@pytest.fixture
def plan(example_dir: Path) -> Plan:
    return storage.load_plan(example_dir)


def ledger(*rows: tuple[str, str, str, int, int, str, str, str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["entry_id", "date", "description", "income_idr", "expense_idr",
                                        "activity_id", "category", "proof"])
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


# -- kas ------------------------------------------------------------------------------
def test_kas_form_has_the_four_rows_with_raw_amounts_and_section_headings_blank(plan: Plan) -> None:
    summary = kas_summary(plan, D(2026, 12, 1), D(2027, 5, 31))
    view = form_view(summary)
    frame = view.frame.set_index("no")
    assert frame.at["I", "jumlah_idr"] == summary.opening_balance_idr
    assert frame.at["IV", "jumlah_idr"] == summary.closing_balance_idr
    assert frame.at["IV", "jumlah_idr"] == (summary.opening_balance_idr + summary.income_idr - summary.expense_idr)
    cells = {r[0]: r for r in view.cells() if r[0] in ("I", "II", "III", "IV")}
    assert cells["II"][2] == "" and cells["III"][2] == ""  # a heading has no amount
    assert cells["I"][2] == "Rp 3.460.000"
    assert view.caption == "Laporan kas RT 1 Desember 2026 s.d. 31 Mei 2027"
    assert to_records(view)[0]["jumlah_idr"] == 3_460_000  # JSON keeps the integer


def test_kas_form_text_starts_with_its_title_and_cuts_long_items() -> None:
    long = "Sumbangan " + "x" * 80
    s = summarize(ledger(("K1", "2027-01-02", long, 500_000, 0, "", "donasi", "")), D(2027, 1, 1), D(2027, 1, 31))
    lines = form_text(s).splitlines()
    assert lines[0] == "Laporan kas RT 1 Januari 2027 s.d. 31 Januari 2027" and lines[1] == ""
    item = next(line for line in lines if line.startswith("1 "))
    assert "x" * 40 in item and "…" in item and "x" * 80 not in item


def test_kas_book_leaves_empty_cells_where_nothing_moved_and_keeps_the_running_balance() -> None:
    book = ledger(("K1", "2027-01-02", "Iuran", 500_000, 0, "", "iuran", "buku"),
                  ("K2", "2027-01-03", "Beli sapu", 0, 120_000, "A01", "kegiatan", "nota"))
    view = book_view(summarize(book, D(2027, 1, 1), D(2027, 1, 31)))
    cells = view.cells()
    assert cells[0][3:6] == ["Rp 500.000", "", "Rp 500.000"]
    assert cells[1][3:6] == ["", "Rp 120.000", "Rp 380.000"]
    short = book_view(view.frame, "en", only=BOOK_SHORT)
    assert short.headers() == ["Entry", "Date", "Description", "Income", "Expense", "Balance"]


def test_kas_html_escapes_plan_text_and_hides_phone_numbers() -> None:
    book = ledger(("K1", "2027-01-02", "<script>x</script> dari 0812-3456-7890", 500_000, 0, "", "donasi", ""))
    html = str(kas_html(summarize(book, D(2027, 1, 1), D(2027, 1, 31)), with_book=True))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "3456" not in html
    assert 'id="rtplan-kas-form"' in html and 'id="rtplan-kas-book"' in html


def test_a_kas_summary_shows_itself_in_a_notebook(plan: Plan) -> None:
    summary = kas_summary(plan)
    html = notebook_html(summary)
    assert "<h4>Laporan kas RT" in html and 'id="rtplan-kas-book"' in html


# -- progress ------------------------------------------------------------------------
def test_progress_html_has_the_tables_and_no_private_columns(plan: Plan) -> None:
    text = str(progress_html(progress(plan, JAN31)))
    for table_id in ("rtplan-progress-activities", "rtplan-progress-needs", "rtplan-progress-indicators"):
        assert f'id="{table_id}"' in text
    assert "Per 31 Januari 2027: 12 kegiatan" in text
    assert "phone" not in text and "08" + "12" not in text


def test_a_progress_report_shows_itself(plan: Plan) -> None:
    assert 'id="rtplan-progress-needs"' in notebook_html(progress(plan, JAN31))


def test_activity_progress_reads_held_due_and_planned_and_marks_behind(plan: Plan) -> None:
    view = activities_view(progress(plan, D(2027, 1, 24)))
    row = dict(zip([c.key for c in view.columns], view.cells()[0]))
    assert row["activity"].startswith("A01 · Pelatihan menjahit")
    assert row["sessions"] == "3 terlaksana / 7 sampai kini / 12 rencana (tertinggal)"
    assert row["participants"] == "34 (L 0, P 34)" and row["per_session"] == "11,3 / 12"
    assert row["cost"] == "Rp 1.120.000 / Rp 3.600.000" and row["cost_ratio"] == "31%"


def test_need_progress_in_english(plan: Plan) -> None:
    view = needs_view(progress(plan, D(2027, 1, 24), "en"), "en")
    states = {r[0].split(" · ")[0]: r[-1] for r in view.cells()}
    # N01's activities have sessions but still run on 24 January: under way, not "Happened"
    assert states["N01"] == "Under way" and states["N09"] == "No activity yet"
    assert view.headers()[0] == "Need"


def test_indicators_leave_cells_empty_without_data(plan: Plan) -> None:
    view = indicators_view(progress(plan, D(2026, 11, 1)))
    first = dict(zip([c.key for c in view.columns], view.cells()[0]))
    assert first["achieved_mean"] == "" and first["ratio"] == "" and first["verdict"] == "Belum ada data"


def test_progress_text_has_totals_then_both_tables(plan: Plan) -> None:
    lines = progress_text(progress(plan, D(2027, 1, 24))).splitlines()
    assert lines[0].startswith("Per 24 Januari 2027: 12 kegiatan")
    assert "Kemajuan per kegiatan" in lines and "Kemajuan per kebutuhan" in lines
    assert all(len(cell) <= 44 for line in lines[3:] for cell in line.split("  ") if "·" in cell)


def test_realizations_of_one_activity_oldest_first_as_csv(plan: Plan) -> None:
    view = realizations_view(plan["realizations"], "id", "A01", until=JAN31)
    assert list(view.frame["activity_id"].unique()) == ["A01"]
    assert list(view.frame["date"]) == sorted(view.frame["date"])
    rows = to_csv(view).decode().splitlines()
    assert rows[0] == "activity_id,date,participants_l,participants_p,cost_idr,output"
    assert rows[1].startswith("A01,2026-12-12,0,11,640000,")


# -- profile ---------------------------------------------------------------------------
def test_attendance_per_meeting_counts_women_and_men(plan: Plan) -> None:
    view = attendance_view(plan)
    first = view.frame.iloc[0]
    assert first["attendees"] == first["women"] + first["men"]
    assert view.cells()[0][1] == "15 November 2026"


def test_participation_has_a_column_per_meeting_headed_by_its_id(plan: Plan) -> None:
    view = participation_view(plan, "sex")
    assert view.headers() == ["Menurut jenis kelamin", "M01", "M02", "Jumlah orang"]
    assert [r[0] for r in view.cells()] == ["Laki-laki", "Perempuan"]
    handout = participation_view(plan, "age_band", "en", per_meeting=False, meeting="M02")
    assert handout.headers() == ["By age band", "This meeting", "All meetings"]


def test_participation_summary_shows_four_tables_and_never_names(plan: Plan) -> None:
    summary = participation_summary(plan)
    html = notebook_html(summary)
    assert html.count("<table") == 4
    counts = "".join(str(to_html(v)) for v in (summary.by_sex, summary.by_age_band, summary.by_group))
    names = [str(n) for n in plan["participants"]["name"]]
    assert not [n for n in names if n in counts]  # (a meeting's place may name a host's house)
    assert "M01" in str(summary)


def test_views_render_to_json_ready_records(plan: Plan) -> None:
    for view in (form_view(kas_summary(plan)), activities_view(progress(plan, JAN31)), attendance_view(plan)):
        json.dumps(to_records(view))
        assert str(to_html(view)).startswith("<table")
