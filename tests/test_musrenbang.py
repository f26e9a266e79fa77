"""The Musrenbang proposal list: rows from proposals.csv, presets, mapping files, XLSX/CSV/PDF."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from rtplan import storage
from rtplan.documents import musrenbang
from rtplan.documents.musrenbang import ColumnsError, columns_for, form_table, proposals, write_xlsx

# what each example's musyawarah decided at M02 (data/*/proposals.csv), in the decided order
DECIDED = {
    "contoh-rt05-rw03": ["Paving dan saluran Gang Kenanga", "Bantuan alat produksi dan kemasan untuk UMKM warga"],
    "contoh-rt02-rw07-banjir": ["Tanggul dan pompa air bantaran Kali Asri",
                                "Perahu karet dan perlengkapan siaga banjir", "Ruang belajar darurat saat banjir"],
}
SEMARANG_FORM_RW1 = ["No urut prioritas", "Jenis kegiatan", "Lokasi", "RT/RW", "Volume",
                     "Potensi partisipasi masyarakat", "Bidang usulan"]


def test_rows_are_exactly_the_proposals_never_the_activities(any_example_dir: Path) -> None:
    plan = storage.load_plan(any_example_dir)
    rows = proposals(plan)
    assert list(rows["usulan_kegiatan"]) == DECIDED[any_example_dir.name]
    assert set(plan["proposals"]["decided_in"]) == {"M02"}
    assert not set(rows["usulan_kegiatan"]) & set(plan["activities"]["title"])
    assert list(rows["no_prioritas"]) == list(range(1, len(rows) + 1))  # unique, 1..n in the decided order
    assert "phone" not in rows.columns and "contact" not in rows.columns


def test_bidang_ids_read_as_labels_and_a_kamus_value_stays_as_written(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    table = plan.copy_table("proposals")
    table.loc[1, "bidang"] = "Rehab rumah tidak layak huni (kamus 2027)"
    storage.save_table(plan, "proposals", table)
    rows = proposals(storage.load_plan(example_dir))
    assert list(rows["bidang"]) == ["Infrastruktur (sarana dan prasarana)", "Rehab rumah tidak layak huni (kamus 2027)"]


def test_totals_row_and_decimal_comma(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    cols = columns_for("superset")
    frame = form_table(plan, cols)
    assert len(frame) == len(plan["proposals"]) + 1
    last = frame.iloc[-1]
    assert last["Usulan kegiatan"] == "Jumlah"
    assert last["Perkiraan biaya (Rp)"] == int(plan["proposals"]["cost_idr"].sum()) == 78_000_000
    text = musrenbang.csv_bytes(frame, cols, "id").decode("utf-8-sig")
    scores = [r["Skor prioritas"] for r in csv.DictReader(io.StringIO(text)) if r["Skor prioritas"]]
    assert scores and all(re.fullmatch(r"\d+,\d", s) for s in scores), scores
    assert "13.6" not in text and "13,6" in text


def test_a_plan_without_proposals_says_so(make_plan) -> None:  # type: ignore[no-untyped-def]
    plan = storage.load_plan(make_plan())
    assert plan["proposals"].empty  # an older plan without proposals.csv: an empty table
    with pytest.raises(musrenbang.NoProposalsError, match="belum punya usulan ke Musrenbang"):
        form_table(plan, columns_for("semarang"))


def test_semarang_preset_has_exactly_its_seven_columns(example_dir: Path, tmp_path: Path) -> None:
    plan = storage.load_plan(example_dir)
    cols = columns_for("semarang")
    frame = form_table(plan, cols)
    expected = SEMARANG_FORM_RW1
    assert list(frame.columns) == expected
    out = tmp_path / "usulan.xlsx"
    write_xlsx(frame, cols, out, "Usulan RT 05")
    ws = load_workbook(out).active
    assert [c.value for c in ws[1]] == expected
    assert ws.max_row == len(frame) + 1 == len(plan["proposals"]) + 1 and ws.max_column == 7  # no cost: no totals
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$1"
    assert ws.cell(2, 1).value == 1


def test_superset_xlsx_keeps_money_as_numbers(example_dir: Path, tmp_path: Path) -> None:
    plan = storage.load_plan(example_dir)
    cols = columns_for("superset")
    frame = form_table(plan, cols)
    assert len(cols) == len(musrenbang.SUPERSET) == 14
    out = tmp_path / "usulan.xlsx"
    write_xlsx(frame, cols, out, "x")
    ws = load_workbook(out).active
    header = [c.value for c in ws[1]]
    cost = header.index("Perkiraan biaya (Rp)") + 1
    values = [ws.cell(r, cost).value for r in range(2, ws.max_row + 1)]
    assert all(isinstance(v, int) for v in values if v is not None)
    assert values[:-1] == [62_000_000, 16_000_000] and values[-1] == 78_000_000  # the totals row
    assert ws.cell(ws.max_row, header.index("Usulan kegiatan") + 1).value == "Jumlah"


@pytest.mark.parametrize("suffix", [".csv", ".toml"])
def test_custom_mapping_file(suffix: str, example_dir: Path, tmp_path: Path) -> None:
    spec = tmp_path / f"kolom{suffix}"
    if suffix == ".csv":
        spec.write_text("header,field\nNo,no_prioritas\nKegiatan,usulan_kegiatan\nBiaya,perkiraan_biaya\n")
    else:
        spec.write_text('[[column]]\nheader = "No"\nfield = "no_prioritas"\n'
                        '[[column]]\nheader = "Kegiatan"\nfield = "usulan_kegiatan"\n'
                        '[[column]]\nheader = "Biaya"\nfield = "perkiraan_biaya"\n')
    cols = columns_for(str(spec))
    assert [c.header for c in cols] == ["No", "Kegiatan", "Biaya"]
    assert list(form_table(storage.load_plan(example_dir), cols).columns) == ["No", "Kegiatan", "Biaya"]


def test_bad_mapping_names_the_line_and_the_field(tmp_path: Path) -> None:
    spec = tmp_path / "kolom.csv"
    spec.write_text("header,field\nNo,no_prioritas\nDana,anggaran\n")
    with pytest.raises(ColumnsError, match=r"kolom.csv baris 3: kolom 'anggaran' tidak dikenal"):
        columns_for(str(spec))
    with pytest.raises(ColumnsError, match="tidak ada"):
        columns_for(str(tmp_path / "tidak-ada.csv"))


def test_csv_has_bom_for_excel(example_dir: Path) -> None:
    cols = columns_for("semarang")
    data = musrenbang.csv_bytes(form_table(storage.load_plan(example_dir), cols), cols)
    assert data.startswith(b"\xef\xbb\xbf") and b"No urut prioritas" in data


@pytest.mark.parametrize("preset", ["semarang", "superset"])
def test_export_musrenbang_lists_exactly_the_m02_proposals(any_example_dir: Path, tmp_path: Path, preset: str,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    from pypdf import PdfReader

    from rtplan.cli import main

    out = tmp_path / "usulan.xlsx"
    assert main(["export", str(any_example_dir), "--musrenbang", "--columns", preset, "-o", str(out)]) == 0, (
        capsys.readouterr().err)
    decided = DECIDED[any_example_dir.name]
    ws = load_workbook(out).active
    header = [c.value for c in ws[1]]
    expected = SEMARANG_FORM_RW1 if preset == "semarang" else [c.header for c in columns_for("superset")]
    assert header == expected
    kind = header.index("Jenis kegiatan" if preset == "semarang" else "Usulan kegiatan") + 1
    first = header.index("No urut prioritas" if preset == "semarang" else "No. prioritas") + 1
    listed = [ws.cell(r, kind).value for r in range(2, 2 + len(decided))]
    assert listed == decided
    assert [ws.cell(r, first).value for r in range(2, 2 + len(decided))] == list(range(1, len(decided) + 1))
    assert ws.max_row == 1 + len(decided) + (preset == "superset")  # the totals row when the cost is shown
    rows = list(csv.reader(io.StringIO(out.with_suffix(".csv").read_text(encoding="utf-8-sig"))))
    assert rows[0] == expected and [r[kind - 1] for r in rows[1:1 + len(decided)]] == decided
    pdf = PdfReader(out.with_suffix(".pdf"))
    assert len(pdf.pages) == 1
    text = " ".join(pdf.pages[0].extract_text().split())
    for title in decided:
        assert " ".join(title.split()[:2]) in text
    assert "Mengetahui, Ketua RW" in text and "Ketua RT" in text
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "40", "-singlefile", str(out.with_suffix(".pdf")),
                        str(tmp_path / "page")], check=True)
        assert (tmp_path / "page.png").stat().st_size > 5000


def test_export_musrenbang_without_proposals_writes_nothing_and_says_why(
        make_plan, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    from rtplan.cli import main

    out = tmp_path / "usulan.xlsx"
    code = main(["export", str(make_plan()), "--musrenbang", "--engine", "none", "-o", str(out)])
    err = capsys.readouterr().err
    assert code != 0 and "belum punya usulan ke Musrenbang" in err and "Traceback" not in err
    assert not out.exists() and not out.with_suffix(".csv").exists()


def test_the_list_is_signed_on_the_day_its_proposals_were_decided(example_dir: Path) -> None:
    """Not today: the date of the meeting that decided the proposals, or ``--as-of``."""
    import datetime as dt

    from rtplan.documents.musrenbang import list_date
    from rtplan.fmt import format_date

    plan = storage.load_plan(example_dir)
    decided = set(plan["proposals"]["decided_in"].dropna())
    meetings = plan["meetings"]
    expected = max(dt.date.fromisoformat(str(d)[:10])
                   for d in meetings.loc[meetings["meeting_id"].isin(decided), "date"])
    assert expected != dt.date.today()
    assert list_date(plan) == expected
    assert list_date(plan, dt.date(2027, 1, 5)) == dt.date(2027, 1, 5)
    html = musrenbang.page_html(plan, musrenbang.form_table(plan, musrenbang.columns_for("semarang", "id"), "id"),
                                musrenbang.columns_for("semarang", "id"), "id")
    assert f"{format_date(expected, 'id', 'long')}<" in html.replace("\u00a0", " ")
    assert format_date(dt.date.today(), "id", "long") not in html.replace("\u00a0", " ")
