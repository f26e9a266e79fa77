"""Step 4 panels driven headless: set values, click, check the plan folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from conftest import opened

from rtplan import storage
from rtplan.ui.monitoring import step4

D = dt.date

@pytest.fixture
def tab(example_dir: Path):  # type: ignore[no-untyped-def]
    return step4(example_dir)


def _csv(folder: Path, name: str) -> bytes:
    return (folder / f"{name}.csv").read_bytes()


def _sessions(folder: Path, activity: str) -> pd.DataFrame:
    real = storage.load_plan(folder)["realizations"]
    return real[real["activity_id"] == activity]


def test_record_a_session_saves_it_and_updates_progress(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    panel = opened(tab, "record")
    panel.activity.value = "A01"
    assert "3 dari 12 pertemuan terlaksana" in panel.info.value
    # the form offers the first planned Saturday without a record
    assert panel.date.value == D(2026, 12, 26)
    panel.men.value, panel.women.value, panel.cost.value = "0", "10", "75000"
    panel.output.value = "Pertemuan 3: menjahit celemek"
    panel.save_button.click()
    assert panel.status.kind == "ok", panel.status.text
    assert panel.status.text.endswith("Pertemuan A01 26 Desember 2026 tersimpan.")
    saved = _sessions(example_dir, "A01")
    row = saved[saved["date"] == pd.Timestamp("2026-12-26")].iloc[0]
    assert (row["participants_l"], row["participants_p"], row["cost_idr"], row["output"]) == (
        0, 10, 75_000, "Pertemuan 3: menjahit celemek")
    assert "4 dari 12 pertemuan terlaksana" in panel.info.value
    assert panel.sessions.value == "2026-12-26"
    # the progress panel of the same session follows
    assert "rtplan-progress-activities" in opened(tab, "progress").tables.value
    assert opened(tab, "progress").report.totals.held_sessions == 16


def test_saving_the_same_date_again_corrects_the_session(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    panel = opened(tab, "record")
    panel.activity.value = "A01"
    panel.sessions.value = "2026-12-19"  # load a recorded session
    assert panel.women.value == "12"
    assert panel.date.value == D(2026, 12, 19)
    panel.women.value = "13"
    panel.save_button.click()
    assert panel.status.kind == "ok"
    assert "sudah ada dan diperbarui" in panel.status.text
    saved = _sessions(example_dir, "A01")
    assert len(saved) == 3
    assert saved[saved["date"] == pd.Timestamp("2026-12-19")]["participants_p"].tolist() == [13]


def test_rejected_session_leaves_disk_and_screen_as_they_were(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    panel = opened(tab, "record")
    before = _csv(example_dir, "realizations")
    panel.activity.value = "A04"
    before_options = panel.sessions.options
    panel.date.value = D(2027, 1, 16)
    panel.men.value, panel.women.value, panel.cost.value = "-3", "dua", "-150.000"  # 150.000 is read as Rupiah
    panel.save_button.click()
    assert panel.status.kind == "error"
    text = panel.status.text
    # in the form's words: the session by activity and date, the fields by their labels
    assert "Kursus komputer dasar · 16/01/2027, Peserta L: -3 terlalu kecil (minimal 0)" in text
    assert "Kursus komputer dasar · 16/01/2027, Peserta P: harus bilangan bulat, bukan 'dua'" in text
    assert ".csv" not in text
    assert "participants_l" not in text
    assert "Biaya (Rp)" in text
    assert "-150000" in text
    assert _csv(example_dir, "realizations") == before
    assert panel.sessions.options == before_options
    assert panel.men.value == "-3"


def test_session_without_a_date_is_refused(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    panel = opened(tab, "record")
    before = _csv(example_dir, "realizations")
    panel.activity.value = "A09"  # nothing due yet: no date suggested
    assert panel.date.value is None
    panel.save_button.click()
    assert panel.status.kind == "error"
    assert "Isi tanggal pertemuan." in panel.status.text
    assert _csv(example_dir, "realizations") == before


def test_delete_a_session(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    panel = opened(tab, "record")
    panel.activity.value = "A03"
    panel.sessions.value = "2027-01-10"
    panel.delete_button.click()
    panel.confirm.yes.click()
    assert panel.status.kind == "ok", panel.status.text
    assert _sessions(example_dir, "A03")["date"].tolist() == [pd.Timestamp("2026-12-13")]
    assert [o[1] for o in panel.sessions.options] == ["2026-12-13"]


def test_cash_entry_previews_then_saves_and_updates_the_balance(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    panel = opened(tab, "kas")
    editor = panel.editor
    assert "Saldo kas sekarang: Rp 3.340.000" in panel.balance.value
    before = _csv(example_dir, "ledger")
    editor.new_button.click()
    assert editor.fields["entry_id"].value == "K030"
    editor.fields["date"].value = D(2027, 1, 30)
    editor.fields["description"].value = "Benang dan jarum tahap 3"
    editor.fields["expense_idr"].value = "140000"
    editor.fields["activity_id"].value = "A01"
    editor.fields["category"].value = "kegiatan"
    # before saving: the balance it would give, and the missing proof, nothing written
    assert "saldo setelah catatan ini Rp 3.200.000" in panel.preview.value
    assert "tanpa bukti" in panel.preview.value
    assert _csv(example_dir, "ledger") == before
    editor.fields["proof"].value = "nota 41"
    assert "tanpa bukti" not in panel.preview.value
    editor.save_button.click()
    assert editor.status.kind == "ok", editor.status.text
    ledger = storage.load_plan(example_dir)["ledger"]
    row = ledger[ledger["entry_id"] == "K030"].iloc[0]
    assert (row["expense_idr"], row["activity_id"], row["proof"]) == (140_000, "A01", "nota 41")
    assert "Saldo kas sekarang: Rp 3.200.000" in panel.balance.value
    assert "K030" in panel.recent.value
    assert "Rp 3.200.000" in panel.recent.value
    # the cash report tab follows
    assert opened(tab, "report").summary.closing_balance_idr == 3_200_000


def test_cash_entry_going_below_zero_warns_before_saving(tab) -> None:  # type: ignore[no-untyped-def]
    editor = opened(tab, "kas").editor
    editor.new_button.click()
    editor.fields["date"].value = D(2027, 1, 30)
    editor.fields["description"].value = "Mesin jahit"
    editor.fields["expense_idr"].value = "5000000"
    editor.fields["proof"].value = "kwitansi 50"
    preview = opened(tab, "kas").preview.value
    assert "-Rp 1.660.000" in preview
    assert "Saldo kas minus mulai K030" in preview


def test_rejected_cash_entry_leaves_disk_and_screen_as_they_were(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    panel = opened(tab, "kas")
    editor = panel.editor
    before = _csv(example_dir, "ledger")
    balance_before = panel.balance.value
    editor.rows.value = "K019"
    editor.fields["expense_idr"].value = "10000"  # now both income and expense
    editor.save_button.click()
    assert editor.status.kind == "error"
    # the entry by its date and description, the field by its label, and what to do
    assert ("03/01/2027 · Iuran kas Januari (57 KK x Rp10.000), Pengeluaran (Rp): isi pemasukan atau "
            "pengeluaran, bukan keduanya; kosongkan salah satunya") in editor.status.text
    assert ".csv" not in editor.status.text
    assert "expense_idr" not in editor.status.text
    assert _csv(example_dir, "ledger") == before
    assert panel.balance.value == balance_before


def test_progress_panel_follows_the_as_of_date(tab) -> None:  # type: ignore[no-untyped-def]
    panel = opened(tab, "progress")
    panel.as_of.value = D(2026, 12, 15)
    assert panel.report.totals.held_sessions == 3
    assert "Per 15 Desember 2026" in panel.tables.value
    panel.as_of.value = D(2027, 1, 31)
    assert panel.report.totals.held_sessions == 15


def test_cash_report_panel_period_and_refused_period(tab) -> None:  # type: ignore[no-untyped-def]
    panel = opened(tab, "report")
    assert "Laporan kas RT 1 Desember 2026 s.d. 31 Mei 2027" in panel.report.value
    panel.start.value = D(2027, 1, 1)
    panel.end.value = D(2027, 1, 31)
    assert (panel.summary.opening_balance_idr, panel.summary.closing_balance_idr) == (3_250_000, 3_340_000)
    shown = panel.report.value
    panel.end.value = D(2026, 12, 1)  # before the start
    assert panel.status.kind == "error"
    assert "akhir 2026-12-01 sebelum awal 2027-01-01" in panel.status.text
    assert panel.report.value == shown


def test_panels_speak_english(example_dir: Path) -> None:
    tab = step4(example_dir, "en")
    assert tab.titles == ("Record a session", "Cash book", "Progress", "Cash report")
    assert "Current cash balance: Rp 3,340,000" in opened(tab, "kas").balance.value
    assert "RT cash report December 1, 2026 to May 31, 2027" in opened(tab, "report").report.value


def test_panels_on_a_new_empty_plan(make_plan) -> None:  # type: ignore[no-untyped-def]
    tab = step4(make_plan())
    assert "Buat kegiatan dulu" in opened(tab, "record").info.value
    opened(tab, "record").save_button.click()
    assert opened(tab, "record").status.kind == "error"
    assert "Pilih kegiatan." in opened(tab, "record").status.text
    assert "Saldo kas sekarang: Rp 0" in opened(tab, "kas").balance.value
    assert opened(tab, "progress").report.totals.activities == 0
    assert opened(tab, "report").summary.closing_balance_idr == 0
