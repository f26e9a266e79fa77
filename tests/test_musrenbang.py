"""The Musrenbang proposal list: rows from priorities, presets, mapping files, XLSX/CSV."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from rtplan import storage
from rtplan.documents import musrenbang
from rtplan.documents.musrenbang import ColumnsError, columns_for, form_table, proposals, write_xlsx


def test_rows_follow_the_stored_priorities_and_never_double_count(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    rows = proposals(plan)
    stored = list(plan["priorities"].sort_values("rank")["need_id"])
    assert rows["no_prioritas"].min() == 1 and rows["no_prioritas"].max() == len(stored)
    assert list(rows["no_prioritas"]) == sorted(rows["no_prioritas"])
    titles = [t for t in rows["usulan_kegiatan"] if not t.startswith("Penanganan")]
    assert len(titles) == len(set(titles))  # an activity is proposed once
    assert set(rows["rt_rw"]) == {"05/03"}
    assert "phone" not in rows.columns and "contact" not in rows.columns


def test_need_without_activity_is_still_proposed(make_plan) -> None:  # type: ignore[no-untyped-def]
    folder = make_plan()
    (folder / "needs.csv").write_text(
        "need_id,title,category,description,location,households_affected,raised_by,source,status\n"
        "N01,Lampu gang mati,keamanan,,Gang 3,12,,,\n", encoding="utf-8")
    (folder / "priorities.csv").write_text("need_id,rank,method,note\nN01,1,gabungan,\n", encoding="utf-8")
    rows = proposals(storage.load_plan(folder))
    assert list(rows["usulan_kegiatan"]) == ["Penanganan: Lampu gang mati"]
    assert rows.loc[0, "keterangan"] == "belum ada kegiatan terjadwal"
    assert rows.loc[0, "bidang"].startswith("Sosial budaya")


def test_semarang_preset_has_exactly_its_seven_columns(example_dir: Path, tmp_path: Path) -> None:
    plan = storage.load_plan(example_dir)
    cols = columns_for("semarang")
    frame = form_table(plan, cols)
    expected = ["No urut prioritas", "Jenis kegiatan", "Lokasi", "RT/RW", "Volume",
                "Potensi partisipasi masyarakat", "Bidang usulan"]
    assert list(frame.columns) == expected
    out = tmp_path / "usulan.xlsx"
    write_xlsx(frame, cols, out, "Usulan RT 05")
    ws = load_workbook(out).active
    assert [c.value for c in ws[1]] == expected
    assert ws.max_row == len(frame) + 1 and ws.max_column == 7
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
    assert sum(v for v in values if v) == int(frame["Perkiraan biaya (Rp)"].fillna(0).sum())


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
    data = musrenbang.csv_bytes(form_table(storage.load_plan(example_dir), columns_for("semarang")))
    assert data.startswith(b"\xef\xbb\xbf") and b"No urut prioritas" in data
