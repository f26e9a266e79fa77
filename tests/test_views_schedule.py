"""Step 3 views: activities, sessions, conflicts and the budget, declared once, shown everywhere."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from conftest import MAIN_EXAMPLE, copy_example
from notebook_display import notebook_html

from rtplan import storage
from rtplan.budget import activity_costs, budget_summary, monthly_table
from rtplan.messages import CATALOGUE
from rtplan.plan import Plan
from rtplan.render.schedule import budget_html, budget_text, conflicts_html, session_preview
from rtplan.render.views import to_csv, to_records
from rtplan.schedule import CONFLICT_KINDS, Conflict, find_conflicts, plan_sessions
from rtplan.views.schedule import (
    KIND_LABELS,
    SEVERITY_LABELS,
    STATUS_LABELS,
    SUGGESTIONS,
    activities_view,
    activity_costs_view,
    budget_report,
    budget_view,
    conflicts_report,
    monthly_view,
    plan_budget,
    plan_conflicts,
    sessions_view,
)


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Plan:
    return storage.load_plan(copy_example(MAIN_EXAMPLE, tmp_path_factory.mktemp("plan")))


def test_every_conflict_kind_has_static_label_and_suggestion_keys() -> None:
    for kind in CONFLICT_KINDS:
        assert KIND_LABELS[kind] in CATALOGUE
        assert SUGGESTIONS[kind] in CATALOGUE
    assert all(key in CATALOGUE for key in (*SEVERITY_LABELS.values(), *STATUS_LABELS.values()))


def test_conflicts_view_lists_the_venue_clash_first_with_what_to_do(plan: Plan) -> None:
    view = conflicts_report(find_conflicts(plan, "id"), "id").view
    assert view.headers() == ["Tingkat", "Jenis", "Kegiatan", "Tanggal pertama", "Keterangan", "Saran"]
    first = view.cells()[0]
    assert first[:4] == ["Bentrok", "Tempat dipakai bersamaan", "A03, A06", "10 Jan 2027"]
    assert "Balai Warga RT 05" in first[4]
    assert first[5].startswith("Pindahkan salah satu kegiatan")
    assert to_records(view)[0]["date"] == "2027-01-10"  # raw values stay raw for JSON and CSV


def test_conflict_text_groups_by_kind_like_the_cli(plan: Plan) -> None:
    report = plan_conflicts(plan)
    lines = report.text().splitlines()
    assert lines[0] == "25 temuan: 1 bentrok, 24 perlu diperiksa."
    assert lines[2] == "Bentrok: Tempat dipakai bersamaan (1)"
    assert lines[3].startswith("  ! A03 Posyandu lansia")
    assert "Periksa: Hari libur (10)" in lines
    assert sum(line.startswith(("  ! ", "  ? ")) for line in lines) == len(report) == 25


def test_hiding_warnings_keeps_the_count_and_only_the_errors(plan: Plan) -> None:
    report = conflicts_report(find_conflicts(plan, "id"), "id", warnings=False)
    assert len(report.view) == 1
    html = str(conflicts_html(report))
    assert "25 temuan" in html
    assert "Tempat dipakai bersamaan" in html
    assert "Hari libur" not in html
    assert "Periksa:" not in report.text()


def test_conflict_list_escapes_plan_text_and_says_when_there_is_none() -> None:
    crafted = Conflict("holiday", "warning", ("A01",), dt.date(2027, 2, 6), "<script>alert(1)</script> libur")
    html = notebook_html(conflicts_report([crafted], "en"))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "Public holiday" in html
    assert "Check that residents can still come" in html
    empty = conflicts_report([], "id")
    assert notebook_html(empty) == "<p>Tidak ada bentrok jadwal.</p>"
    assert empty.text() == "Tidak ada bentrok jadwal."


def test_budget_view_formats_rupiah_and_dashes_nothing_short(plan: Plan) -> None:
    view = budget_view(budget_summary(plan), "id")
    rows = {r[0]: r for r in view.cells()}
    assert rows["dana kelurahan"][1:5] == ["Rp 7.300.000", "Rp 6.000.000", "Rp 1.300.000", "-"]
    assert rows["kas RT"][3:5] == ["-", "Rp 50.000"]
    assert rows["Jumlah"][1:5] == ["Rp 20.050.000", "Rp 19.700.000", "Rp 1.300.000", "Rp 950.000"]
    csv = to_csv(view).decode().splitlines()
    assert csv[0] == "funding_source,planned,available,shortfall,remaining,activities"
    assert csv[3] == 'dana kelurahan,7300000,6000000,1300000,0,"A02, A03, A09, A11"'


def test_monthly_view_heads_each_funding_source_by_its_name(plan: Plan) -> None:
    report = budget_report(budget_summary(plan), monthly_table(plan), "en")
    assert report.monthly is not None
    # the suggested funding sources in English (the plan keeps the Indonesian values)
    assert report.monthly.headers() == ["Month", "RT cash fund", "residents' own contributions", "kelurahan funds",
                                        "CSR", "grant", "Total"]
    assert report.monthly.cells()[0][0] == "December 2026"
    text = budget_text(report)
    assert "Planned cost per month:" in text
    assert "kelurahan funds is short by Rp 1,300,000 (planned Rp 7,300,000, available Rp 6,000,000)." in text
    html = notebook_html(report)
    assert str(budget_html(report)) == html
    assert 'id="rtplan-budget"' in html
    assert 'id="rtplan-budget-monthly"' in html
    assert "<li>" in html


def test_budget_without_spending_has_no_month_table(make_plan) -> None:  # type: ignore[no-untyped-def]
    empty = storage.load_plan(make_plan())
    report = plan_budget(empty)
    assert report.monthly is None
    assert "Rencana biaya per bulan" not in budget_text(report)
    assert report.sources.cells() == [["Jumlah", "Rp 0", "Rp 0", "-", "-", ""]]


def test_activities_view_counts_sessions_and_masks_names(plan: Plan) -> None:
    view = activities_view(plan, "en", names=lambda text: "***" if isinstance(text, str) else "")
    assert len(view) == len(plan["activities"])
    records = {r["activity_id"]: r for r in view.records()}
    sessions = plan_sessions(plan).groupby("activity_id").size()
    assert all(records[a]["sessions"] == int(n) for a, n in sessions.items())
    assert {r["pic"] for r in records.values()} <= {"***", ""}
    assert view.headers()[-1] == "Status"
    assert {r["status"] for r in records.values()} <= {
        "planned", "ongoing", "done", "cancelled"}
    assert records["A11"]["repeat"] == "the third Wednesday of every month"


def test_sessions_view_is_in_date_order(plan: Plan) -> None:
    view = sessions_view(plan_sessions(plan), "id")
    dates = [r["date"] for r in view.records()]
    assert dates == sorted(dates)
    assert len(dates) == len(plan_sessions(plan))
    assert view.cells()[0][1].count(":") == 2  # 07:30-10:00 (an en dash between)


def test_activity_costs_view(plan: Plan) -> None:
    view = activity_costs_view(activity_costs(plan), "id")
    assert view.headers() == ["ID", "Kegiatan", "Sumber dana", "Sesi", "Biaya total", "Biaya per sesi"]
    assert all(cell.startswith("Rp ") for row in view.cells() for cell in row[4:])


def test_session_preview_names_the_dates_and_the_holidays() -> None:
    dates = [dt.date(2027, 3, 3) + dt.timedelta(weeks=i) for i in range(12)]
    html = str(session_preview(dates, "id"))
    assert html.startswith('<div style="color:#1b4965">12 sesi dalam periode rencana: 3 Mar 2027')
    assert "10 Mar 2027" in html.split("—")[1]  # Idul Fitri 2027
    assert "<i>" in str(session_preview([], "id"))


def test_views_build_from_results_without_a_plan() -> None:
    frame = pd.DataFrame({"month": ["2027-01"], "kas RT": [1000], "total": [1000]})
    view = monthly_view(frame, "id")
    assert view.cells() == [["Januari 2027", "Rp 1.000", "Rp 1.000"]]


def test_cli_text_is_the_reports_text(example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from rtplan.cli import main

    plan = storage.load_plan(example_dir)
    assert main(["budget", str(example_dir)]) == 0
    out = capsys.readouterr().out
    assert out.endswith(budget_text(plan_budget(plan)) + "\n")
