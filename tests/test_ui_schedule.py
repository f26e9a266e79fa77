"""Step 3 panels driven headless: set values, click, check the plan folder and the live panels."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import opened

from rtplan import storage
from rtplan.ui.schedule import RecurrenceBuilder, step3


@pytest.fixture
def tab(example_dir: Path):  # type: ignore[no-untyped-def]
    return step3(example_dir, charts=False)


def _csv(folder: Path, name: str) -> bytes:
    return (folder / f"{name}.csv").read_bytes()


def _row(folder: Path, aid: str):  # type: ignore[no-untyped-def]
    acts = storage.load_plan(folder)["activities"]
    return acts[acts["activity_id"] == aid].iloc[0]


def _clashes(tab) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    return [c.activity_ids for c in opened(tab, "conflicts").findings if c.kind == "venue_clash"]


def test_add_monthly_first_sunday_activity_with_needs_and_resources(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    editor = opened(tab, "activities")
    editor.new_button.click()
    assert editor.fields["activity_id"].value == "A13"
    editor.fields["title"].value = "Senam lansia"
    editor.fields["need_ids"].value = ("N03",)
    editor.fields["resource_ids"].value = ("R09", "R13")
    editor.fields["pic"].value = "Nur Hidayah"
    editor.fields["start_date"].value = dt.date(2026, 12, 1)
    editor.fields["end_date"].value = dt.date(2027, 5, 31)
    editor.builder.kind.value = "monthly"
    editor.builder.mode.value = "nth"
    editor.builder.nth.value = 1
    editor.builder.weekday.value = 6
    assert "6 sesi dalam periode rencana: 6 Des 2026" in editor.preview.value
    editor.fields["start_time"].value = "06:00"
    editor.fields["end_time"].value = "07:00"
    editor.fields["venue"].value = "Halaman Balai Warga"
    editor.fields["cost_idr"].value = "600000"
    editor.fields["funding_source"].value = "swadaya warga"
    editor.save_button.click()
    assert editor.status.kind == "ok", editor.status.text
    row = _row(example_dir, "A13")
    assert (row["recurrence"], row["recurrence_day"], row["need_ids"], row["resource_ids"]) == (
        "monthly", "1-minggu", "N03", "R09;R13")
    assert row["start_date"] == dt.datetime(2026, 12, 1)
    assert int(row["cost_idr"]) == 600_000
    # the budget panel follows at once
    swadaya = next(s for s in opened(tab, "budget").summary.sources if s.funding_source == "swadaya warga")
    assert swadaya.planned_idr == 3_600_000
    assert swadaya.shortfall_idr == 400_000
    assert "swadaya warga kurang Rp 400.000" in opened(tab, "budget").tables.value


def test_conflicts_panel_refreshes_after_every_save(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    assert _clashes(tab) == [("A03", "A06")]
    assert "Balai Warga RT 05" in opened(tab, "conflicts").body.value
    # move the bank sampah to Monday: the clash disappears
    opened(tab, "activities").rows.value = "A06"
    assert opened(tab, "activities").builder.kind.value == "weekly"
    assert opened(tab, "activities").builder.weekday.value == 6
    opened(tab, "activities").builder.weekday.value = 0
    assert opened(tab, "activities").fields["recurrence_day"].value == "senin"
    opened(tab, "activities").save_button.click()
    assert opened(tab, "activities").status.kind == "ok", opened(tab, "activities").status.text
    assert _row(example_dir, "A06")["recurrence_day"] == "senin"
    assert _clashes(tab) == []
    assert "Tempat dipakai bersamaan" not in opened(tab, "conflicts").body.value
    # a new activity in the same hall on Saturday morning clashes with the sewing class
    opened(tab, "activities").new_button.click()
    opened(tab, "activities").fields["title"].value = "Rapat Karang Taruna"
    opened(tab, "activities").fields["start_date"].value = dt.date(2027, 1, 9)
    opened(tab, "activities").fields["venue"].value = "Balai Warga RT 05"
    opened(tab, "activities").fields["start_time"].value = "09:00"
    opened(tab, "activities").fields["end_time"].value = "10:00"
    opened(tab, "activities").save_button.click()
    assert opened(tab, "activities").status.kind == "ok", opened(tab, "activities").status.text
    assert _clashes(tab) == [("A01", "A13")]
    assert "A13 Rapat Karang Taruna" in opened(tab, "conflicts").body.value


def test_only_errors_when_warnings_are_hidden(tab) -> None:  # type: ignore[no-untyped-def]
    panel = opened(tab, "conflicts")
    assert "Hari libur" in panel.body.value
    panel.show_warnings.value = False
    assert "Hari libur" not in panel.body.value
    assert "Tempat dipakai bersamaan" in panel.body.value


def test_rejected_edit_leaves_disk_and_screen_as_they_were(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    editor = opened(tab, "activities")
    panel = opened(tab, "conflicts")
    before_disk = _csv(example_dir, "activities")
    before_panel = panel.body.value
    editor.rows.value = "A03"
    editor.fields["start_time"].value = "10:00"
    editor.fields["end_time"].value = "09:00"  # before the start, and not an overnight session
    editor.fields["end_date"].value = dt.date(2026, 11, 1)  # before the start date
    editor.save_button.click()
    assert editor.status.kind == "error"
    text = editor.status.text
    assert ("Posyandu lansia dan cek kesehatan rutin, Jam selesai: jam selesai 09:00 sebelum jam mulai 10:00; "
            "perbaiki salah satunya") in text
    assert "Posyandu lansia dan cek kesehatan rutin, Tanggal selesai:" in text
    assert ".csv" not in text
    assert _csv(example_dir, "activities") == before_disk
    assert panel.body.value == before_panel
    assert tab.session.plan["activities"].loc[2, "start_time"] == "07:30"


def test_recurrence_builder_shows_stored_rows(tab) -> None:  # type: ignore[no-untyped-def]
    editor = opened(tab, "activities")
    editor.rows.value = "A11"  # monthly, 3-rabu
    b = editor.builder
    assert (b.kind.value, b.mode.value, b.nth.value, b.weekday.value) == ("monthly", "nth", 3, 2)
    assert "Rabu ketiga setiap bulan" in b.summary.value
    assert b.weekday.layout.display == ""
    assert b.day.layout.display == "none"
    editor.rows.value = "A08"  # once
    assert editor.builder.kind.value == "once"
    assert editor.fields["recurrence_day"].value == ""
    assert b.weekday.layout.display == "none"
    assert b.mode.layout.display == "none"
    assert "1 sesi dalam periode rencana: 24 Jan 2027" in editor.preview.value


def test_builder_day_of_month_and_last_weekday() -> None:
    b = RecurrenceBuilder("id")
    b.kind.value = "monthly"
    b.mode.value = "day"
    b.day.value = 15
    assert b.value == ("monthly", "15")
    b.mode.value = "nth"
    b.nth.value = -1
    b.weekday.value = 4
    assert b.value == ("monthly", "-1-jumat")
    b.set("monthly", "-2-senin")
    assert b.value == ("monthly", "-2-senin")
    b.kind.value = "weekly"
    assert b.value == ("weekly", "senin")


def test_preview_warns_about_holidays(tab) -> None:  # type: ignore[no-untyped-def]
    editor = opened(tab, "activities")
    editor.rows.value = "A07"  # Wednesdays, including Idul Fitri 2027 and the Waisak cuti bersama
    assert "jatuh pada hari libur: 10 Mar 2027, 19 Mei 2027" in editor.preview.value


def test_raising_a_fund_removes_the_shortfall(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    assert "dana kelurahan kurang Rp 1.300.000" in opened(tab, "budget").tables.value
    opened(tab, "funds").rows.value = "dana kelurahan"
    opened(tab, "funds").fields["amount_idr"].value = "7300000"
    opened(tab, "funds").save_button.click()
    assert opened(tab, "funds").status.kind == "ok", opened(tab, "funds").status.text
    assert int(storage.load_plan(example_dir)["funds"].set_index("funding_source").loc["dana kelurahan",
                                                                                        "amount_idr"]) == 7_300_000
    assert "dana kelurahan kurang" not in opened(tab, "budget").tables.value
    assert "Setiap sumber dana mencukupi rencana biayanya." in opened(tab, "budget").tables.value
    # a new funding source is offered in the activity form
    opened(tab, "funds").new_button.click()
    opened(tab, "funds").fields["funding_source"].value = "Baznas"
    opened(tab, "funds").fields["amount_idr"].value = "500000"
    opened(tab, "funds").save_button.click()
    assert opened(tab, "funds").status.kind == "ok", opened(tab, "funds").status.text
    assert "Baznas" in opened(tab, "activities").fields["funding_source"].options


def test_english_panels(example_dir: Path) -> None:
    tab = step3(example_dir, lang="en", charts=False)
    assert tab.titles == ("Activities", "Funds", "Conflicts", "Budget")
    assert "both use Balai Warga RT 05" in opened(tab, "conflicts").body.value
    assert "Every week" in [label for label, _ in opened(tab, "activities").builder.kind.options]


def test_builder_shows_the_right_choices_for_each_kind() -> None:
    """Weekly and monthly can be chosen: hiding one part of the builder hides no other part."""
    b = RecurrenceBuilder("id")
    shown = lambda: {n for n in ("kind", "weekday", "mode", "day", "nth")  # noqa: E731
                     if getattr(b, n).layout.display != "none"}
    assert shown() == {"kind"}
    b.kind.value = "weekly"
    assert shown() == {"kind", "weekday"}
    b.kind.value = "monthly"
    assert shown() == {"kind", "mode", "nth", "weekday"}
    b.mode.value = "day"
    assert shown() == {"kind", "mode", "day"}


def test_monthly_calendar_follows_a_save_without_a_reload(tab, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Through the display path of a kernel (the workshop page): one output per month, redrawn after a save."""
    from types import SimpleNamespace

    from IPython.core.formatters import DisplayFormatter

    from rtplan.charts.schedule import month_calendar_figures
    from rtplan.ui.base import LiveResult

    shell = SimpleNamespace(kernel=object(), display_formatter=DisplayFormatter())
    monkeypatch.setattr("IPython.get_ipython", lambda: shell)
    calendar = LiveResult(tab.session, lambda plan: month_calendar_figures(plan, plan.message_lang))
    before = [o["data"].get("image/svg+xml") for o in calendar.outputs]
    assert len(before) == 6 and all(before), "one calendar per month of the plan period"
    editor = opened(tab, "activities")
    editor.rows.value = "A01"
    editor.fields["title"].value = "Kerja bakti besar sekali"
    editor.save_button.click()
    assert editor.status.kind == "ok", editor.status.text
    after = [o["data"].get("image/svg+xml") for o in calendar.outputs]
    assert len(after) == 6 and after != before
