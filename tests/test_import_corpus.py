"""rtplan import: a corpus of messy real-world-like files (tests/data/import/, fictional people).

Each file is named after what it shows; each test states the rows it must give.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from rtplan import storage
from rtplan.cli import main
from rtplan.importing import ImportFileError, ImportRefused, import_file, prepare, read

CORPUS = Path(__file__).resolve().parent / "data" / "import"


def added(plan_dir: Path, table: str, before: int) -> pd.DataFrame:
    return storage.load_plan(plan_dir).tables[table].iloc[before:].reset_index(drop=True)


def run_import(plan_dir: Path, table: str, name: str, **kw: object) -> pd.DataFrame:
    plan = storage.load_plan(plan_dir)
    before = len(plan.tables[table])
    outcome = import_file(plan, table, CORPUS / name, **kw)  # type: ignore[arg-type]
    assert outcome.saved, [m for p in outcome.prepared for m in p.messages()] + outcome.blocked
    return added(plan_dir, table, before)


def records(frame: pd.DataFrame, columns: list[str]) -> list[tuple[object, ...]]:
    return [tuple(None if (v is pd.NA or v is pd.NaT or (isinstance(v, float) and pd.isna(v)))
                  else (v.date() if isinstance(v, pd.Timestamp) else v) for v in row)
            for row in frame[columns].itertuples(index=False, name=None)]


def test_google_forms_participants_cap_waktu(example_dir: Path) -> None:
    new = run_import(example_dir, "participants", "google_forms_peserta_cap_waktu.csv")
    assert records(new, ["participant_id", "name", "sex", "age_band", "group", "has_disability", "phone",
                         "consent"]) == [
        ("P031", "Ahmad Fauzi", "L", "25-39", "Karang Taruna", False, "0812-0000-0201", True),
        ("P032", "Lestari Handayani", "P", "40-59", "PKK", False, "081200000202", True),
        ("P033", "Yohanes Wibowo", "L", "60+", "tokoh masyarakat", True, "", True),
        ("P034", "Nurul Aini", "P", "18-24", "warga", False, "+62 812 0000 0204", True),
    ]
    # a time stamp is no submission id: each row is known by a hash of all its cells
    refs = list(new["source_ref"])
    assert len(set(refs)) == 4
    assert all(r.startswith("row:") and len(r) == 20 for r in refs), refs


def test_google_forms_needs_english_timestamp_and_questions(example_dir: Path) -> None:
    new = run_import(example_dir, "needs", "google_forms_kebutuhan_timestamp_en.csv")
    assert records(new, ["need_id", "title", "category", "description", "location", "households_affected"]) == [
        ("N15", "Jalan gang berlubang", "infrastruktur", "Lubang besar di depan musala, berbahaya saat hujan",
         "Gang Mawar", 15),
        ("N16", "Anak muda menganggur", "ekonomi", "Banyak lulusan SMA belum bekerja", "Seluruh RT", 1200),
        ("N17", "Sampah menumpuk di TPS", "lingkungan", "", "Ujung Gang Anggrek", None),
    ]


def test_google_forms_checkbox_answers_become_lists(example_dir: Path) -> None:
    new = run_import(example_dir, "resources", "google_forms_potensi_warga_checkbox.csv")
    assert records(new, ["name", "category", "holder", "tags", "cost_idr", "capacity"]) == [
        ("Keterampilan memasak Bu Wati", "individu", "Wati Susanti", "Memasak;Kue basah;Katering", 0, 20),
        ("Tenda dan kursi RT", "fisik", "Pengurus RT", "Tenda;Kursi lipat", 150000, 100),
    ]


def test_kobo_semicolon_group_paths_and_meta_columns(example_dir: Path) -> None:
    new = run_import(example_dir, "needs", "kobo_kebutuhan_titik_koma_grup.csv")
    assert records(new, ["title", "category", "location", "households_affected", "source_ref"]) == [
        ("Lampu jalan mati", "infrastruktur", "Gang Kenanga", 12, "6f1c2a9e-0d51-4f7e-9d1e-0a8f3b5c7d01"),
        ("Posyandu balita sepi", "kesehatan", "Balai warga", 9, "6f1c2a9e-0d51-4f7e-9d1e-0a8f3b5c7d02"),
    ]


def test_kobo_select_multiple_and_01_option_columns(example_dir: Path) -> None:
    new = run_import(example_dir, "resources", "kobo_potensi_select_multiple_01.csv")
    assert records(new, ["name", "category", "tags", "cost_idr"]) == [
        ("Kursus komputer Mas Dimas", "individu", "komputer", 50000),
        ("Kelompok jahit Melati", "asosiasi", "menjahit;memasak", 1500000),
    ]


def test_odk_central_dash_paths_and_key(example_dir: Path) -> None:
    new = run_import(example_dir, "participants", "odk_central_peserta_key.csv")
    assert records(new, ["name", "sex", "age_band", "group", "consent", "source_ref"]) == [
        ("Rahmat Hidayat", "L", "40-59", "tokoh agama", True, "uuid:0a1b2c3d-0000-4000-8000-000000000001"),
        ("Sri Wahyuni", "P", "25-39", "kader posyandu", True, "uuid:0a1b2c3d-0000-4000-8000-000000000002"),
    ]


def test_excel_cash_book_windows1252_title_rows_and_total_row(example_dir: Path) -> None:
    new = run_import(example_dir, "ledger", "excel_kas_rt_windows1252_judul_jumlah.csv")
    assert records(new, ["date", "description", "income_idr", "expense_idr", "proof"]) == [
        (dt.date(2027, 3, 1), "Iuran kas Maret \u2013 50 KK", 500000, None, "buku iuran"),
        (dt.date(2027, 3, 5), "Beli kopi & gula rapat", None, 45500, "nota"),
        (dt.date(2027, 3, 12), "Sumbangan Bu Ani untuk lomba", 1250000, None, "kwitansi"),
    ]
    assert len(new) == 3  # the "Jumlah" row is not an entry


def test_excel_participants_bom_semicolon_lp_and_apostrophe(example_dir: Path) -> None:
    new = run_import(example_dir, "participants", "excel_peserta_bom_titik_koma_lp.csv")
    assert records(new, ["name", "sex", "group", "phone"]) == [
        ("Agus Salim", "L", "warga", "081200000301"),
        ("Maria Ulfa", "P", "PKK", "+62 812 0000 0302"),
        ("Dedi Kurnia", "L", "Karang Taruna", ""),
    ]


def test_tab_separated_votes(example_dir: Path) -> None:
    new = run_import(example_dir, "votes", "tab_suara_titik.tsv")
    assert records(new, ["need_id", "participant_id", "dots"]) == [("N01", "P012", 2), ("N03", "P012", 1)]


def test_english_headers_month_first_dates_and_pm_times(example_dir: Path) -> None:
    new = run_import(example_dir, "meetings", "english_meetings_month_first.csv")
    assert records(new, ["meeting_id", "date", "start_time", "end_time", "title"]) == [
        ("M10", dt.date(2026, 12, 30), "19:30", "21:00", "Evaluasi akhir tahun")]


def test_xlsx_title_rows_real_dates_rupiah_numbers_total_row(example_dir: Path) -> None:
    new = run_import(example_dir, "activities", "excel_kegiatan_judul_tanggal_rupiah.xlsx")
    assert records(new, ["title", "kind", "pic", "start_date", "end_date", "start_time", "cost_idr",
                         "funding_source", "status"]) == [
        ("Senam sehat lansia", "kesehatan", "Nur Hidayah", dt.date(2027, 1, 10), dt.date(2027, 3, 28), "06:30",
         600000, "kas RT", "rencana"),
        ("Lomba kebersihan gang", "lingkungan", "Heru Prasetyo", dt.date(2027, 2, 14), None, "08:00",
         1250000, "swadaya warga", "rencana"),
    ]


def test_ods_amounts_typed_as_text(make_plan: Callable[..., Path]) -> None:
    new = run_import(make_plan(), "funds", "libreoffice_dana_teks_rupiah.ods")
    assert records(new, ["funding_source", "amount_idr", "note"]) == [
        ("kas RT", 2500000, "Saldo Desember"), ("dana kelurahan", 6000000, "Pagu pemberdayaan"),
        ("CSR", 3000000, "PT Maju Bersama (fiktif)")]


# no double import ------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "table"), [("kobo_kebutuhan_titik_koma_grup.csv", "needs"),
                                         ("excel_kas_rt_windows1252_judul_jumlah.csv", "ledger"),
                                         ("odk_central_peserta_key.csv", "participants")])
def test_same_file_twice_adds_nothing_the_second_time(example_dir: Path, name: str, table: str) -> None:
    first = run_import(example_dir, table, name)
    plan = storage.load_plan(example_dir)
    outcome = import_file(plan, table, CORPUS / name)
    assert outcome.added == 0
    assert not outcome.saved
    assert len(outcome.prepared[0].duplicates) == len(first)
    assert len(storage.load_plan(example_dir).tables[table]) == len(plan.tables[table])


def test_same_submission_edited_in_the_plan_is_still_not_imported_again(example_dir: Path) -> None:
    run_import(example_dir, "needs", "kobo_kebutuhan_titik_koma_grup.csv")
    plan = storage.load_plan(example_dir)
    needs = plan.copy_table("needs")
    needs.loc[needs["title"] == "Lampu jalan mati", "title"] = "Lampu jalan Gang Kenanga mati"
    storage.save_table(plan, "needs", needs)
    outcome = import_file(plan, "needs", CORPUS / "kobo_kebutuhan_titik_koma_grup.csv")
    assert outcome.added == 0
    assert outcome.prepared[0].duplicates == [2, 3]


# all or nothing, dry run, skip invalid ------------------------------------------------------
def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()
            if p.is_file() and not p.name.startswith(".")}


def test_bad_rows_import_nothing_and_are_all_listed(example_dir: Path) -> None:
    before = _digests(example_dir)
    plan = storage.load_plan(example_dir)
    outcome = import_file(plan, "participants", CORPUS / "buruk_nilai_salah.csv")
    assert not outcome.saved
    messages = outcome.prepared[0].messages()
    assert messages == [
        ("buruk_nilai_salah.csv baris 3, kolom 'Jenis kelamin': 'Wanita hebat' bukan jenis kelamin "
         '(L/P, Laki-laki/Perempuan) (baca sebagai nilai yang diizinkan: --values "sex:Wanita hebat=NILAI", '
         "atau pasangkan kolom lain dengan --map)"),
        ("buruk_nilai_salah.csv baris 4, kolom 'Usia': nilai 'seratus tahun' tidak dikenal; "
         "pilihan: <18, 18-24, 25-39, 40-59, 60+ (baca sebagai nilai yang diizinkan: "
         '--values "age_band:seratus tahun=NILAI", atau pasangkan kolom lain dengan --map)'),
    ]
    assert _digests(example_dir) == before


def test_skip_invalid_saves_the_good_rows(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    outcome = import_file(plan, "participants", CORPUS / "buruk_nilai_salah.csv", skip_invalid=True)
    assert outcome.saved
    assert outcome.added == 1
    assert list(storage.load_plan(example_dir).tables["participants"]["name"])[-1] == "Wawan"


def test_validation_problems_name_the_file_row(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    data = b"ID kebutuhan;ID peserta;Titik\nN01;P012;2\nN99;P012;1\nN03;P012;50\n"
    outcome = import_file(plan, "votes", data, name="suara.csv")
    assert not outcome.saved
    msgs = outcome.prepared[0].messages()
    assert any(m.startswith("suara.csv baris 3, kolom 'ID kebutuhan': 'N99' tidak ada") for m in msgs), msgs
    assert any(m.startswith("suara.csv baris 4, kolom 'Titik': 50 terlalu besar") for m in msgs), msgs


def test_dry_run_changes_nothing(example_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _digests(example_dir)
    code = main(["import", str(example_dir), "needs", str(CORPUS / "kobo_kebutuhan_titik_koma_grup.csv"),
                 "--dry-run"])
    out = capsys.readouterr().out
    assert code == 0
    assert "KoBoToolbox" in out
    assert "grp_masalah/kategori -> category" in out
    assert "2 baris baru akan ditambahkan" in out
    assert _digests(example_dir) == before


def test_cli_map_option_and_english(example_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "warga.csv"
    f.write_text("Nama KK,Kode JK,Keterangan lain\nBu Endah,P,-\n", encoding="utf-8")
    code = main(["import", str(example_dir), "participants", str(f), "--map", "Nama KK=name",
                 "--map", "Kode JK=sex", "--map", "Keterangan lain=-", "--lang", "en"])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "1 new row saved" in out.out
    assert list(storage.load_plan(example_dir).tables["participants"]["name"])[-1] == "Bu Endah"


# bad files: a clear message and an unchanged plan -------------------------------------------
def _wide(tmp: Path) -> Path:
    p = tmp / "seribu_kolom.csv"
    p.write_text(",".join(f"K{i}" for i in range(1000)) + "\n" + ",".join("x" for _ in range(1000)) + "\n")
    return p


def _long(tmp: Path) -> Path:
    p = tmp / "seratus_ribu_baris.csv"
    p.write_text("Nama,Jenis kelamin\n" + "Warga,L\n" * 100_000)
    return p


@pytest.mark.parametrize(("maker", "args", "expected"), [
    (lambda tmp: CORPUS / "buruk_kosong.csv", [], "berkas kosong"),
    (lambda tmp: CORPUS / "buruk_hanya_judul_kolom.csv", [], "hanya ada baris judul kolom"),
    (lambda tmp: CORPUS / "buruk_biner.csv", [], "bukan berkas CSV, XLSX atau ODS"),
    (lambda tmp: CORPUS / "excel_kas_rt_windows1252_judul_jumlah.csv", [],
     "tidak ada kolom untuk Nama (name), L/P (sex)"),
    (_wide, [], "1000 kolom; maksimal 500"),
    (_long, [], "lebih dari 10000 baris data (pembacaan berhenti di baris 10003)"),
    (lambda tmp: CORPUS / "google_forms_peserta_cap_waktu.csv", ["--map", "Usia=umur_tahun"],
     "--map: kolom tabel 'umur_tahun' tidak ada di participants"),
    (lambda tmp: CORPUS / "google_forms_peserta_cap_waktu.csv", ["--map", "Tidak ada=name"],
     "--map: kolom 'Tidak ada' tidak ada di google_forms_peserta_cap_waktu.csv"),
    (lambda tmp: tmp / "tidak_ada.csv", [], "tidak ditemukan"),
    (lambda tmp: CORPUS / "excel_kegiatan_judul_tanggal_rupiah.xlsx", ["--sheet", "Lain"], "tidak ada lembar 'Lain'"),
])
def test_bad_files_clear_message_unchanged_plan(example_dir: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str], maker, args, expected) -> None:
    path = maker(tmp_path)
    before = _digests(example_dir)
    code = main(["import", str(example_dir), "participants", str(path), *args])
    err = capsys.readouterr().err
    assert code == 2
    assert expected in err
    assert "Traceback" not in err
    assert _digests(example_dir) == before


def test_wrong_table_names_the_missing_fields_in_english(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    with pytest.raises(ImportRefused, match=r"no column for Name \(name\), Sex \(L/P\) \(sex\)"):
        import_file(plan, "participants", CORPUS / "excel_kas_rt_windows1252_judul_jumlah.csv", lang="en")


def test_reader_reports_what_it_detected() -> None:
    raw = read(CORPUS / "excel_kas_rt_windows1252_judul_jumlah.csv", "ledger")
    assert (raw.encoding, raw.delimiter, raw.rows) == ("windows-1252", ";", [5, 6, 7])
    with pytest.raises(ImportFileError):
        read(b"", "ledger")


def test_prepare_exposes_an_editable_mapping(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    raw = read(CORPUS / "google_forms_kebutuhan_timestamp_en.csv", "needs")
    prepared = prepare(plan, "needs", raw, {"Lokasi": "-", "Jelaskan singkat": "raised_by"})
    assert dict(prepared.mapped_headers())["Jelaskan singkat"] == "raised_by"
    assert "location" not in prepared.mapping.values()


def test_reader_strips_every_kind_of_space_keeps_row_numbers_and_line_ends() -> None:
    text = ("Daftar hadir\r"  # old Mac line ends, a title row, a line break inside a cell
            "Nama;Jenis kelamin;Kelompok\r"
            '\u00a0Ani\u3000; P ;"PKK\nRT 05"\r'
            ";;\r"
            "Budi\t;L\r"
            "Jumlah;2;\r")
    raw = read(text.encode("utf-8"), "participants")
    assert raw.header == ["Nama", "Jenis kelamin", "Kelompok"]
    assert raw.delimiter == ";"
    assert raw.data.values.tolist() == [["Ani", "P", "PKK\nRT 05"], ["Budi", "L", ""]]
    assert raw.rows == [3, 5]  # the blank row 4 and the total row are gone, the numbers stay


@pytest.mark.parametrize("ending", ["\r", "\n", "\r\n"])
def test_a_title_and_blank_line_above_the_header_lose_no_row(ending: str) -> None:
    """Old Mac files end lines with a bare CR; pandas and csv count those lines differently."""
    from rtplan.importing.reader import read_csv_bytes

    text = ending.join(["Daftar peserta rapat", "", "Nama;Jenis kelamin", "Ani;P", "Budi;L", ""])
    table = read_csv_bytes(text.encode("utf-8"), "peserta.csv")
    assert table.header == ["Nama", "Jenis kelamin"]
    assert table.data.values.tolist() == [["Ani", "P"], ["Budi", "L"]]
    assert table.rows == [4, 5]  # the rows as the spreadsheet numbers them
