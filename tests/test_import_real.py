"""rtplan import on real-shaped exports (tests/data/import/real/, made by make_real_shaped.py from the
published layouts of Google Sheets, KoBoToolbox and ODK Central; fictional people).

Each case states the exact rows and values it must give, and what stderr must say when a value
is read another way than the file shows it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pandas as pd
import pytest

from rtplan import storage
from rtplan.cli import main
from rtplan.importing import read

REAL = Path(__file__).resolve().parent / "data" / "import" / "real"


def digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".rtplan.lock"}


def run(plan: Path, table: str, name: str, *args: str, capsys: pytest.CaptureFixture[str]
        ) -> tuple[int, pd.DataFrame, str, str]:
    before = len(storage.load_plan(plan).tables[table])
    code = main(["import", str(plan), table, str(REAL / name), *args])
    out = capsys.readouterr()
    added = storage.load_plan(plan).tables[table].iloc[before:].reset_index(drop=True)
    return code, added, out.out, out.err


def values(frame: pd.DataFrame, columns: list[str]) -> list[tuple[object, ...]]:
    return [tuple(None if v is pd.NA or v is pd.NaT else (v.date() if isinstance(v, pd.Timestamp) else v)
                  for v in record) for record in frame[columns].itertuples(index=False, name=None)]


# 1. header and body by one parser ---------------------------------------------------------------
@pytest.mark.parametrize("ending", ["lf", "crlf", "cr"])
def test_a_header_with_a_line_break_loses_no_row(ending: str, example_dir: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    name = f"google_id_peserta_judul_dua_baris_{ending}.csv"
    raw = read(REAL / name, "participants")
    assert raw.header[1] == "Nama lengkap\n(sesuai KTP)"
    assert raw.rows == [2, 3, 4, 5]  # the rows a spreadsheet shows: the header is row 1, however many lines
    code, added, _, err = run(example_dir, "participants", name, capsys=capsys)
    assert code == 0, err
    # two people who submitted in the same second stay two people; birth dates become age bands
    # (age on the plan's start, 2026-12-01), and stderr says so
    assert values(added, ["participant_id", "name", "sex", "age_band", "phone", "consent"]) == [
        ("P031", "Ahmad Fauzi", "L", "25-39", "0812-0000-0401", True),
        ("P032", "Siti Rahayu", "P", "40-59", "0812-0000-0402", True),
        ("P033", "Yohanes Wibowo", "L", "60+", "", True),
        ("P034", "Nurul Aini", "P", "18-24", "+62 812 0000 0404", True),
    ]
    assert "kolom 'Tanggal lahir': 4 tanggal lahir diubah menjadi kelompok usia (umur pada 2026-12-01)" in err


def test_row_numbers_in_messages_are_the_spreadsheets(example_dir: Path) -> None:
    data = (REAL / "google_id_peserta_judul_dua_baris_lf.csv").read_bytes().replace(b",L,14/02", b",X,14/02")
    from rtplan.importing import import_file

    outcome = import_file(storage.load_plan(example_dir), "participants", data, name="form.csv")
    assert outcome.prepared[0].messages()[0].startswith(
        "form.csv baris 2, kolom 'Jenis Kelamin (L/P)': 'X' bukan jenis kelamin")


# 2. typed per column -----------------------------------------------------------------------------
def test_google_en_us_dates_follow_the_sheets_month_first_time_stamps(example_dir: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    code, added, _, err = run(example_dir, "ledger", "google_en_us_kas.csv", capsys=capsys)
    assert code == 0, err
    # 2/3/2027 alone could be either; the sheet's time stamps (1/13/2027) are month first: 3 February
    assert values(added, ["date", "description", "income_idr"]) == [
        (dt.date(2027, 2, 3), "Iuran kebersihan Januari", 150000),
        (dt.date(2027, 2, 3), "Iuran keamanan Januari", 75000),  # same second as the row above: kept
        (dt.date(2027, 2, 20), "Sumbangan lomba", 1250000),
    ]


def test_google_en_gb_dates_are_day_first(example_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, added, _, err = run(example_dir, "ledger", "google_en_gb_kas.csv", capsys=capsys)
    assert code == 0, err
    assert values(added, ["date", "income_idr"]) == [(dt.date(2027, 3, 2), 150000), (dt.date(2027, 2, 20), 1250000)]


def test_an_ambiguous_date_column_says_which_order_it_took(example_dir: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    code, added, _, err = run(example_dir, "ledger", "google_en_tanggal_ambigu.csv", "--dry-run", capsys=capsys)
    assert code == 0
    assert ("kolom 'Date of payment': setiap tanggal bisa dibaca hari dulu atau bulan dulu; dibaca hari dulu "
            "('1/2/2027' = 2027-02-01). Jika bulan dulu, impor lagi dengan --date-order mdy") in err
    code, added, _, err = run(example_dir, "ledger", "google_en_tanggal_ambigu.csv", "--date-order", "mdy",
                              capsys=capsys)
    assert code == 0, err
    assert values(added, ["date"]) == [(dt.date(2027, 1, 2),), (dt.date(2027, 3, 4),)]
    assert "setiap tanggal bisa dibaca" not in err


def test_a_column_mixing_day_first_and_month_first_is_refused_by_cell(example_dir: Path) -> None:
    from rtplan.importing import import_file

    data = b"Tanggal;Uraian;Pemasukan\n27/11/2026;Iuran;50000\n11/28/2026;Iuran;50000\n"
    outcome = import_file(storage.load_plan(example_dir), "ledger", data, name="kas.csv")
    assert not outcome.saved
    assert outcome.prepared[0].messages() == [
        ("kas.csv baris 3, kolom 'Tanggal': '11/28/2026' tidak cocok dengan urutan tanggal kolom ini (nilai lain "
        "tertulis hari dulu atau bulan dulu) (pilih urutan tanggal dengan --date-order dmy|mdy|ymd)")]
    assert any("1 tanggal hanya cocok hari dulu dan 1 hanya bulan dulu" in n for n in outcome.prepared[0].notes)


def test_kobo_point_decimals_are_decimals_and_fractions_of_rupiah_are_refused(
        example_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = digests(example_dir)
    code, _, _, err = run(example_dir, "resources", "kobo_potensi_label_id.csv", capsys=capsys)
    assert code == 2
    assert ("kobo_potensi_label_id.csv baris 3, kolom 'potensi/Biaya (Rp)': '75000.5' memuat pecahan rupiah "
            "(tidak dibulatkan diam-diam) (bulatkan dengan --round)") in err
    assert digests(example_dir) == before
    # ODK/KoBo never group thousands: 123.456 is a hundred and twenty-three Rupiah and a fraction
    data = (REAL / "kobo_potensi_label_id.csv").read_bytes().replace(b";75000.5;", b";123.456;")
    from rtplan.importing import import_file

    outcome = import_file(storage.load_plan(example_dir), "resources", data, name="kobo.csv")
    assert "'123.456' memuat pecahan rupiah" in outcome.prepared[0].messages()[0]


def test_the_same_text_in_a_spreadsheet_column_groups_thousands(example_dir: Path) -> None:
    from rtplan.importing import import_file

    data = b"Tanggal;Uraian;Pemasukan\n01/12/2026;Iuran;123.456\n02/12/2026;Iuran;1.500.000\n"
    outcome = import_file(storage.load_plan(example_dir), "ledger", data, name="kas.csv")
    assert outcome.saved
    assert storage.load_plan(example_dir).tables["ledger"]["income_idr"].tolist()[-2:] == [123456, 1500000]


def test_round_rounds_and_says_so(example_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, added, _, err = run(example_dir, "resources", "kobo_potensi_label_id.csv", "--round", capsys=capsys)
    assert code == 0, err
    assert values(added, ["name", "cost_idr"]) == [("Katering Bu Wati", 150000), ("Bengkel Mas Dimas", 75001)]
    assert "kolom 'potensi/Biaya (Rp)': 1 nilai dengan pecahan rupiah dibulatkan (--round)" in err


# 3 and 4. identity; select-multiple from the option columns --------------------------------------
@pytest.mark.parametrize(("name", "args", "tags"), [
    ("kobo_potensi_label_id.csv", [], ["memasak kue basah;menjahit dan bordir", "servis motor"]),
    ("kobo_potensi_label_en.csv", [], ["cooking traditional cakes;sewing and embroidery", "motorbike repair"]),
    ("kobo_potensi_label_fr.csv", ["--map", "atout/Nom de l'atout=name", "--map", "atout/Catégorie=category",
                                   "--map", "atout/Compétences=tags", "--map", "atout/Coût (Rp)=cost_idr"],
     ["avec vente à emporter;couture et broderie", "réparation de motos"]),
])
def test_kobo_select_multiple_labels_come_whole_from_the_option_columns(
        name: str, args: list[str], tags: list[str], example_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, added, _, err = run(example_dir, "resources", name, "--round", *args, capsys=capsys)
    assert code == 0, err
    assert added["tags"].tolist() == tags
    assert added["source_ref"].tolist() == ["5d2b7a10-0000-4000-8000-00000000a001",
                                            "5d2b7a10-0000-4000-8000-00000000a002"]


def test_without_option_columns_a_kobo_answer_is_never_split_on_spaces(example_dir: Path) -> None:
    from rtplan.importing import import_file

    data = ("potensi/Nama potensi;potensi/Kategori;potensi/Keahlian;_uuid\n"
            "Katering;individu;avec vente à emporter;u-1\n").encode()
    outcome = import_file(storage.load_plan(example_dir), "resources", data, name="kobo.csv")
    assert outcome.saved
    assert storage.load_plan(example_dir).tables["resources"]["tags"].tolist()[-1] == "avec vente à emporter"
    assert any("disimpan utuh" in n for n in outcome.prepared[0].notes)


def test_odk_central_key_identity_and_a_second_import_names_the_first(
        example_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, added, _, err = run(example_dir, "needs", "odk_central_kebutuhan.csv", capsys=capsys)
    assert code == 0, err
    assert values(added, ["title", "category", "location", "households_affected", "source_ref"]) == [
        ("Saluran air mampet", "lingkungan", "Gang Kenanga", 12, "uuid:7c1e0000-0000-4000-8000-000000000001"),
        ("Jalan licin saat hujan", "infrastruktur", "Gang Mawar", 8, "uuid:7c1e0000-0000-4000-8000-000000000002"),
    ]
    stamp = added["source_import"].iloc[0]
    assert stamp.startswith("odk_central_kebutuhan.csv (")
    code, added, out, _ = run(example_dir, "needs", "odk_central_kebutuhan.csv", capsys=capsys)
    assert code == 0
    assert len(added) == 0
    assert f"2 baris sudah diimpor sebelumnya dari {stamp}, dilewati (baris 2, 3)" in out


def test_odk_central_repeat_table_rows_are_people_by_their_key(example_dir: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    code, added, _, err = run(example_dir, "participants", "odk_central_anggota_repeat.csv", capsys=capsys)
    assert code == 0, err
    parent = "uuid:7c1e0000-0000-4000-8000-000000000001"
    # two members with the same name are two people (their KEYs differ); ages in years become bands, said
    assert values(added, ["name", "sex", "age_band", "source_ref"]) == [
        ("Rahmat Hidayat", "L", "40-59", f"{parent}/anggota[1]"),
        ("Sri Wahyuni", "P", "40-59", f"{parent}/anggota[2]"),
        ("Rahmat Hidayat", "L", "<18", f"{parent}/anggota[3]"),
    ]
    assert "kolom 'anggota-umur': 3 umur (tahun) diubah menjadi kelompok usia" in err


def test_google_rows_equal_in_every_cell_are_one_submission_and_said(example_dir: Path) -> None:
    from rtplan.importing import import_file

    text = (REAL / "google_id_peserta_judul_dua_baris_lf.csv").read_text(encoding="utf-8")
    data = (text + text.splitlines()[-1] + "\n").encode()  # the last row exported twice
    outcome = import_file(storage.load_plan(example_dir), "participants", data, name="form.csv")
    assert outcome.saved
    assert outcome.added == 4
    assert outcome.prepared[0].duplicate_messages() == [
        "1 baris mengulang baris 5 berkas ini (kiriman yang sama), dilewati (baris 6)"]


# 5. encodings ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "names", "note"), [
    ("windows1252_lama.csv", ["José Ramírez", "Françoise Müller"], "dibaca sebagai windows-1252"),
    ("shift_jis.csv", ["山田太郎", "佐藤花子"], "dibaca sebagai cp932"),
    ("excel_unicode_text_utf16.txt", ["José Ramírez", "Dewi Sartika"], None),
])
def test_legacy_and_utf16_files_are_read_exactly(name: str, names: list[str], note: str | None,
                                                 example_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, added, _, err = run(example_dir, "participants", name, capsys=capsys)
    assert code == 0, err
    assert added["name"].tolist() == names
    if note:
        assert note in err
    else:
        assert "Dibaca dengan cara lain" not in err


@pytest.mark.parametrize(("name", "expected"), [
    ("utf8_satu_byte_cp1252.csv", ("utf8_satu_byte_cp1252.csv baris 4: sebagian besar berkas UTF-8, tapi baris "
                                  "ini memuat byte yang bukan UTF-8")),
    ("nul_di_nama.csv", "nul_di_nama.csv baris 3, kolom 'Nama': karakter kendali U+0000 di dalam teks"),
])
def test_mixed_encodings_and_control_characters_are_refused_naming_the_row(
        name: str, expected: str, example_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = digests(example_dir)
    code, _, _, err = run(example_dir, "participants", name, capsys=capsys)
    assert code == 2
    assert expected in err
    assert digests(example_dir) == before


# 7 and 9. values a form cannot give; one message for a whole column --------------------------------
def test_a_coded_column_is_said_once_and_values_maps_the_codes(example_dir: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _, err = run(example_dir, "participants", "register_jk_kode_1_2.csv", capsys=capsys)
    assert code == 2
    problems = [line for line in err.splitlines() if line.startswith("  - register")]
    assert problems == [
        ("  - register_jk_kode_1_2.csv, kolom 'Jenis Kelamin': 40 baris (baris 2, 3, 4, 5, 6, ...; 2 nilai "
        "berbeda), mis. '1' bukan jenis kelamin (L/P, Laki-laki/Perempuan); baca sebagai nilai yang "
        'diizinkan: --values "sex:1=NILAI", atau pasangkan kolom lain dengan --map')]
    code, added, _, err = run(example_dir, "participants", "register_jk_kode_1_2.csv",
                              "--values", "sex:1=L", "--values", "sex:2=P", capsys=capsys)
    assert code == 0, err
    assert len(added) == 40
    assert added["sex"].tolist()[:4] == ["L", "P", "L", "P"]
    assert added["age_band"].tolist()[:2] == ["18-24", "18-24"]  # 21 and 22 years
    assert "sex: nilai dibaca sesuai --values (1=L, 2=P)" in err


def test_set_fills_a_field_the_form_never_asked(example_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _, err = run(example_dir, "resources", "potensi_tanpa_kategori.csv", capsys=capsys)
    assert code == 2
    assert "--set kolom_tabel=NILAI" in err
    code, added, _, err = run(example_dir, "resources", "potensi_tanpa_kategori.csv", "--set", "category=fisik",
                              capsys=capsys)
    assert code == 0, err
    assert values(added, ["name", "category", "holder"]) == [("Balai warga", "fisik", "RT 05"),
                                                            ("Sound system", "fisik", "Karang Taruna")]


def test_set_and_values_name_unknown_fields(example_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _, err = run(example_dir, "resources", "potensi_tanpa_kategori.csv", "--set", "jenis_abcd=fisik",
                          capsys=capsys)
    assert code == 2
    assert "--set: kolom tabel 'jenis_abcd' tidak ada di resources" in err
    code, _, _, err = run(example_dir, "participants", "register_jk_kode_1_2.csv", "--values", "sex=1", capsys=capsys)
    assert code == 2
    assert "--values 'sex=1': tulis KOLOM_TABEL:NILAI_BERKAS=NILAI" in err


# 8. synonyms that Indonesian forms use -------------------------------------------------------------
@pytest.mark.parametrize(("table", "header", "field"), [
    ("needs", "KK terdampak", "households_affected"),
    ("needs", "Jumlah KK", "households_affected"),
    ("needs", "Jml KK terdampak", "households_affected"),
    ("needs", "Jumlah kepala keluarga", "households_affected"),
    ("needs", "RT/RW", "location"),
    ("participants", "No HP/WA", "phone"),
    ("participants", "No. HP/WA aktif", "phone"),
    ("participants", "Nomor HP/WhatsApp", "phone"),
    ("participants", "Jenis Kelamin (L/P)", "sex"),
    ("participants", "Jenis kelamin (Laki-laki/Perempuan)", "sex"),
    ("participants", "Tanggal lahir", "age_band"),
    ("participants", "Tgl lahir (dd/mm/yyyy)", "age_band"),
    ("participants", "Umur (tahun)", "age_band"),
    ("resources", "Nama potensi", "name"),
    ("resources", "Jenis potensi", "category"),
    ("resources", "No HP/WA", "contact"),
    ("ledger", "Jumlah setoran", "income_idr"),
])
def test_indonesian_form_headers_map_to_their_fields(table: str, header: str, field: str) -> None:
    from rtplan.importing.mapping import auto_mapping, detect_source
    from rtplan.schema import TABLES

    mapping = auto_mapping(TABLES[table], detect_source(["No", header]))
    assert mapping.get(1) == field, mapping


def test_a_validation_rule_failing_on_a_whole_column_is_said_once(example_dir: Path) -> None:
    from rtplan.importing import import_file

    data = b"Judul;Bidang\n" + b"".join(b"Masalah %d;\n" % i for i in range(1, 31))
    outcome = import_file(storage.load_plan(example_dir), "needs", data, name="usulan.csv")
    assert not outcome.saved
    messages = outcome.prepared[0].messages()
    assert len(messages) == 1, messages
    assert messages[0].startswith("usulan.csv, kolom 'Bidang': 30 baris (baris 2, 3, 4, 5, 6, ...; ")
    assert messages[0].endswith("isi untuk semua baris dengan --set category=NILAI, atau pasangkan kolom dengan --map")
