"""``rtplan kas`` and ``rtplan progress``: exit codes and output (text, json, csv)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from rtplan.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_kas_json_has_the_four_rows_and_the_lines(example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "kas", str(example_dir), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert (data["opening_balance_idr"], data["income_idr"], data["expense_idr"], data["closing_balance_idr"]) == (
        3_460_000, 5_615_000, 5_735_000, 3_340_000)
    assert data["period"] == {"start": "2026-12-01", "end": "2027-05-31"}
    lamps = next(line for line in data["lines"] if line["activity_id"] == "A12" and line["section"] == "expense")
    assert (lamps["jumlah_idr"], lamps["entry_ids"]) == (1_400_000, ["K015", "K016"])
    assert [c["rule"] for c in data["checks"]] == ["before_period"]


def test_kas_for_one_month_with_from_and_to(example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "kas", str(example_dir), "--from", "2027-02-01", "--to", "2027-02-28",
                       "--format", "json", "--book")
    data = json.loads(out)
    assert code == 0 and data["lines"] == [] and data["entries"] == []
    assert data["opening_balance_idr"] == data["closing_balance_idr"] == 3_340_000


def test_kas_text_is_the_form_with_amounts(any_example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "kas", str(any_example_dir), "--book")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Laporan kas RT ")
    assert any(line.startswith("I ") and "Saldo awal (per " in line for line in lines)
    assert any(line.startswith("IV ") and "Saldo akhir (per " in line and "I + II − III" in line for line in lines)
    assert "Jumlah penerimaan" in out and "Jumlah pengeluaran" in out and "No. bukti" in out


def test_kas_text_in_english(example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "kas", str(example_dir), "--lang", "en")
    assert code == 0 and "Opening balance (as of December 1, 2026)" in out and "Rp 3,340,000" in out


def test_kas_csv_lists_the_line_items(example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "kas", str(example_dir), "--format", "csv", "--detail")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 20  # one per entry of the period
    assert rows[0]["section"] == "income" and rows[0]["entry_ids"] == "K010"
    assert sum(int(r["jumlah_idr"]) for r in rows if r["section"] == "expense") == 5_735_000


def test_kas_strict_exits_1_on_a_warning(example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(capsys, "kas", str(example_dir), "--strict")[0] == 0  # only an info note
    ledger = example_dir / "ledger.csv"
    ledger.write_text(ledger.read_text(encoding="utf-8").replace(",kwitansi 039", ","), encoding="utf-8")
    code, out, _ = run(capsys, "kas", str(example_dir), "--strict")
    assert code == 1
    assert "! K028 (24 Januari 2027): pengeluaran Rp 1.450.000" in out and "tanpa bukti" in out
    assert run(capsys, "kas", str(example_dir))[0] == 0


def test_kas_refuses_a_period_that_ends_before_it_starts(example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "kas", str(example_dir), "--from", "2027-03-01", "--to", "2027-01-01")
    assert code == 2 and "Kesalahan" in err and "akhir 2027-01-01 sebelum awal 2027-03-01" in err


def test_kas_bad_date_and_missing_plan(tmp_path: Path, example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "kas", str(example_dir), "--from", "1/1/2027")
    assert code == 2 and "1/1/2027" in err
    code, _, err = run(capsys, "kas", str(tmp_path / "nope"))
    assert code == 2 and "bukan folder rencana" in err


def test_progress_json(example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "progress", str(example_dir), "--as-of", "2027-01-31", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["as_of"] == "2027-01-31"
    assert data["totals"]["by_status"] == {"rencana": 1, "berjalan": 9, "selesai": 2, "batal": 0}
    assert data["totals"]["held_sessions"] == 15
    sewing = data["activities"][0]
    assert (sewing["activity_id"], sewing["planned_to_date"], sewing["held_sessions"], sewing["behind"]) == (
        "A01", 8, 3, True)
    assert {n["need_id"]: n["state"] for n in data["needs"]}["N02"] == "sebagian"


def test_progress_text_and_csv(any_example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "progress", str(any_example_dir), "--as-of", "2027-01-31")
    assert code == 0 and out.startswith("Per 31 Januari 2027: ")
    assert "Kemajuan per kegiatan" in out and "Kemajuan per kebutuhan" in out
    code, out, _ = run(capsys, "progress", str(any_example_dir), "--format", "csv", "--lang", "en")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows[0]["activity_id"] == "A01" and "planned_sessions" in rows[0]


def test_progress_strict_exits_1_on_a_warning(example_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(capsys, "progress", str(example_dir), "--strict")[0] == 0
    real = example_dir / "realizations.csv"
    real.write_text(real.read_text(encoding="utf-8") + "A09,2027-03-01,3,4,0,,\n", encoding="utf-8")
    code, out, _ = run(capsys, "progress", str(example_dir), "--strict", "--as-of", "2027-03-31")
    assert code == 1 and "A09: realisasi 1 Maret 2027 sebelum tanggal mulai kegiatan 18 Maret 2027." in out


def test_help_lists_kas_and_progress(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "kas" in out and "progress" in out


def test_kas_and_progress_on_a_new_empty_plan(make_plan, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = make_plan()
    code, out, _ = run(capsys, "kas", str(folder), "--format", "json")
    data = json.loads(out)
    assert code == 0 and (data["opening_balance_idr"], data["closing_balance_idr"], data["lines"]) == (0, 0, [])
    code, out, _ = run(capsys, "progress", str(folder), "--format", "json")
    assert code == 0 and json.loads(out)["activities"] == []
