"""The laporan kegiatan and laporan kas RT PDFs: content checked with pypdf."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from test_handout import flat, pdf_text

from rtplan import storage
from rtplan.cli import main
from rtplan.fmt import format_idr
from rtplan.kas import kas_summary
from rtplan.monitoring import progress

PHONE = re.compile(r"(?<!\d)(?:\+?62|0)8\d{7,11}(?!\d)")


def run(capsys, *args: str) -> str:  # type: ignore[no-untyped-def]
    code = main(list(args))
    out = capsys.readouterr()
    assert code == 0, out.out + out.err
    return out.out


def no_phone(text: str) -> bool:
    return not PHONE.search(text.replace(" ", "").replace("-", "").replace(".", ""))


def test_kas_report_balances_totals_signatures(example_dir: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    plan = storage.load_plan(example_dir)
    out = tmp_path / "kas.pdf"
    printed = run(capsys, "report", str(example_dir), "--kas", "--from", "2026-12-01", "--to", "2027-01-31",
                  "-o", str(out))
    assert "[3/3]" in printed
    assert str(out) in printed
    reader, text = pdf_text(out)
    one = flat(text)
    s = kas_summary(plan, dt.date(2026, 12, 1), dt.date(2027, 1, 31))
    assert s.closing_balance_idr == s.opening_balance_idr + s.income_idr - s.expense_idr
    for amount in (s.opening_balance_idr, s.income_idr, s.expense_idr, s.closing_balance_idr):
        assert format_idr(amount) in one, format_idr(amount)
    for label in ("LAPORAN KAS RT 05/RW 03", "Saldo awal", "Penerimaan", "Pengeluaran", "Saldo akhir",
                  "Mengetahui, Ketua RT 05", "Bendahara", plan.people["treasurer"], plan.people["ketua_rt"],
                  "1 Desember 2026", "31 Januari 2027", f"Halaman 1 dari {len(reader.pages)}"):
        assert label in one, label
    assert no_phone(one)


def test_kas_report_in_english(example_dir: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "kas-en.pdf"
    run(capsys, "report", str(example_dir), "--kas", "--lang", "en", "-o", str(out))
    _, text = pdf_text(out)
    one = flat(text)
    assert "RT CASH REPORT" in one
    assert "Treasurer" in one
    assert "Page 1 of" in one
    assert "Halaman 1 dari" not in one


def test_progress_report(any_example_dir: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    plan = storage.load_plan(any_example_dir)
    out = tmp_path / "kegiatan.pdf"
    run(capsys, "report", str(any_example_dir), "--progress", "--as-of", "2027-01-31", "-o", str(out))
    _, text = pdf_text(out)
    one = flat(text)
    report = progress(plan, dt.date(2027, 1, 31))
    assert "LAPORAN KEGIATAN" in one
    assert "31 Januari 2027" in one
    for title in plan["activities"]["title"]:
        assert flat(title) in one, title
    assert str(report.totals.held_sessions) in one
    assert "Mengetahui, Ketua RT" in one
    assert no_phone(one)
    for code in ("import ", "Report(", "doc.", "AS_OF"):
        assert code not in text


def test_report_needs_one_kind_and_a_sane_period(example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["report", str(example_dir)]) == 2
    assert "--progress" in capsys.readouterr().err
    assert main(["report", str(example_dir), "--kas", "--from", "2027-02-01", "--to", "2027-01-01"]) == 2
    assert "2027-01-01" in capsys.readouterr().err


@pytest.mark.parametrize("columns", ["semarang", "superset"])
def test_musrenbang_export_writes_xlsx_csv_pdf(columns: str, example_dir: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    out = tmp_path / "usulan.xlsx"
    printed = run(capsys, "export", str(example_dir), "--musrenbang", "--columns", columns, "-o", str(out))
    for ext in (".xlsx", ".csv", ".pdf"):
        assert (tmp_path / f"usulan{ext}").exists()
        assert f"usulan{ext}" in printed
    ws = load_workbook(out).active
    assert ws.max_column == (7 if columns == "semarang" else 14)
    reader, text = pdf_text(tmp_path / "usulan.pdf")
    assert len(reader.pages) == 1
    assert "Ketua RT 05" in text
    assert "Daftar Usulan Kegiatan" in text
    page = reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape


def test_musrenbang_bad_columns_file(example_dir: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code = main(["export", str(example_dir), "--musrenbang", "--columns", str(tmp_path / "x.csv"),
                 "-o", str(tmp_path / "u.xlsx")])
    assert code == 2
    assert "x.csv" in capsys.readouterr().err
    assert not (tmp_path / "u.xlsx").exists()
