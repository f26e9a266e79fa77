"""Writes the real-shaped import corpus (``python make_real_shaped.py``); the tests read the committed files.

Each file follows a published export layout, with fictional people:

* Google Sheets "download as CSV" of a Forms response sheet: the first column is the time
  stamp, titled by the sheet's locale (id-ID ``Cap waktu`` with ``27/11/2026 19:45:12``;
  en-US ``Timestamp`` with ``1/13/2027 14:05:00``, month first; en-GB ``Timestamp`` with
  ``13/01/2027 14:05:00``); question titles as headers, sometimes with a line break;
* KoBoToolbox (formpack) CSV: ``;`` separator, group paths joined by ``/``, a select_multiple
  as one column of space-joined choices plus one ``question/option`` 0/1 column per option
  ("multiple select: both"), then ``_id``, ``_uuid``, ``_submission_time``,
  ``_validation_status``, ``_notes``, ``_status``, ``_submitted_by``, ``__version__``, ``_tags``, ``_index``;
  headers and choices as labels in one of the form's languages;
* ODK Central CSV: ``SubmissionDate`` first, group paths joined by ``-``, ``meta-instanceID``,
  ``KEY``, ``SubmitterID`` ... ``FormVersion``; a repeat group in its own file with
  ``PARENT_KEY`` and ``KEY`` = ``{PARENT_KEY}/{group}[n]``; ISO time stamps with a zone.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent


def _cell(text: str, delimiter: str) -> str:
    """A cell as Google Sheets and KoBo write it: quoted when it holds the delimiter, a quote or a line break."""
    if any(c in text for c in (delimiter, '"', "\r", "\n")):
        return '"' + text.replace('"', '""') + '"'
    return text


def write_csv(name: str, rows: list[list[str]], delimiter: str = ",", newline: str = "\r\n",
              encoding: str = "utf-8", bom: bytes = b"") -> None:
    text = "".join(delimiter.join(_cell(c, delimiter) for c in row) + newline for row in rows)
    (HERE / name).write_bytes(bom + text.encode(encoding))


GOOGLE_ID_HEADER = ["Cap waktu", "Nama lengkap\n(sesuai KTP)", "Jenis Kelamin (L/P)", "Tanggal lahir",
                    "No HP/WA", "RT/RW", "Apakah Anda bersedia data dicatat?"]
GOOGLE_ID_ROWS = [
    ["27/11/2026 19:45:12", "Ahmad Fauzi", "L", "14/02/1990", "0812-0000-0401", "05/03", "Ya"],
    ["27/11/2026 19:45:12", "Siti Rahayu", "P", "03/08/1975", "0812-0000-0402", "05/03", "Ya"],  # same second
    ["27/11/2026 20:02:41", "Yohanes Wibowo", "L", "01/12/1950", "", "05/03", "Ya"],
    ["28/11/2026 06:15:09", "Nurul Aini", "P", "30/11/2005", "+62 812 0000 0404", "05/03", "Ya"],
]


def google() -> None:
    for ending, tag in (("\n", "lf"), ("\r\n", "crlf"), ("\r", "cr")):
        write_csv(f"google_id_peserta_judul_dua_baris_{tag}.csv", [GOOGLE_ID_HEADER, *GOOGLE_ID_ROWS], newline=ending)
    header = ["Timestamp", "Date of payment", "Description", "Amount received (Rp)"]
    write_csv("google_en_us_kas.csv", [header,
              ["1/13/2027 14:05:00", "2/3/2027", "Iuran kebersihan Januari", "150,000"],
              ["1/13/2027 14:05:00", "2/3/2027", "Iuran keamanan Januari", "75,000"],
              ["2/21/2027 9:30:41", "2/20/2027", "Sumbangan lomba", "1,250,000.00"]], newline="\r\n")
    write_csv("google_en_gb_kas.csv", [header,
              ["13/01/2027 14:05:00", "02/03/2027", "Iuran kebersihan Januari", "150,000"],
              ["21/02/2027 09:30:41", "20/02/2027", "Sumbangan lomba", "1,250,000.00"]])
    write_csv("google_en_tanggal_ambigu.csv", [header,
              ["1/2/2027 10:00:00", "1/2/2027", "Iuran Januari", "50,000"],
              ["3/4/2027 10:00:00", "3/4/2027", "Iuran Maret", "50,000"]])


KOBO_META = ["_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status", "_submitted_by",
             "__version__", "_tags", "_index"]


def kobo() -> None:
    # the same form exported with labels in three languages; choices of a select_multiple hold spaces
    langs = {
        "id": (["potensi/Nama potensi", "potensi/Kategori", "potensi/Keahlian",
                "potensi/Keahlian/memasak kue basah", "potensi/Keahlian/menjahit dan bordir",
                "potensi/Keahlian/servis motor", "potensi/Biaya (Rp)"],
               ["Katering Bu Wati", "individu", "memasak kue basah menjahit dan bordir", "1", "1", "0", "150000"],
               ["Bengkel Mas Dimas", "individu", "servis motor", "0", "0", "1", "75000.5"]),
        "en": (["asset/Asset name", "asset/Category", "asset/Skills", "asset/Skills/cooking traditional cakes",
                "asset/Skills/sewing and embroidery", "asset/Skills/motorbike repair", "asset/Cost (Rp)"],
               ["Katering Bu Wati", "individu", "cooking traditional cakes sewing and embroidery", "1", "1", "0",
                "150000"],
               ["Bengkel Mas Dimas", "individu", "motorbike repair", "0", "0", "1", "75000.5"]),
        "fr": (["atout/Nom de l'atout", "atout/Catégorie", "atout/Compétences",
                "atout/Compétences/avec vente à emporter", "atout/Compétences/couture et broderie",
                "atout/Compétences/réparation de motos", "atout/Coût (Rp)"],
               ["Katering Bu Wati", "individu", "avec vente à emporter couture et broderie", "1", "1", "0",
                "150000"],
               ["Bengkel Mas Dimas", "individu", "réparation de motos", "0", "0", "1", "75000.5"]),
    }
    for lang, (header, row1, row2) in langs.items():
        meta1 = ["101", "5d2b7a10-0000-4000-8000-00000000a001", "2026-11-21T01:00:00", "", "[]", "submitted_via_web",
                 "", "vQx7", "[]", "1"]
        meta2 = ["102", "5d2b7a10-0000-4000-8000-00000000a002", "2026-11-21T01:10:00", "validation_status_approved",
                 "[]", "submitted_via_web", "", "vQx7", "[]", "2"]
        write_csv(f"kobo_potensi_label_{lang}.csv", [header + KOBO_META, row1 + meta1, row2 + meta2], delimiter=";")


def odk() -> None:
    header = ["SubmissionDate", "masalah-judul", "masalah-bidang", "masalah-lokasi", "masalah-jumlah_kk",
              "meta-instanceID", "KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent",
              "AttachmentsExpected", "Status", "ReviewState", "DeviceID", "Edits", "FormVersion"]
    rows = [["2026-11-22T05:31:20.123+07:00", "Saluran air mampet", "lingkungan", "Gang Kenanga", "12",
             "uuid:7c1e0000-0000-4000-8000-000000000001", "uuid:7c1e0000-0000-4000-8000-000000000001", "7",
             "enumerator1", "0", "0", "", "", "collect:ABC", "0", "2026112001"],
            ["2026-11-22T23:40:02.456Z", "Jalan licin saat hujan", "infrastruktur", "Gang Mawar", "8",
             "uuid:7c1e0000-0000-4000-8000-000000000002", "uuid:7c1e0000-0000-4000-8000-000000000002", "7",
             "enumerator1", "0", "0", "", "", "collect:ABC", "0", "2026112001"]]
    write_csv("odk_central_kebutuhan.csv", [header, *rows], newline="\n")
    repeat = ["anggota-nama", "anggota-jenis_kelamin", "anggota-umur", "PARENT_KEY", "KEY"]
    parent = "uuid:7c1e0000-0000-4000-8000-000000000001"
    write_csv("odk_central_anggota_repeat.csv", [repeat,
              ["Rahmat Hidayat", "L", "47", parent, f"{parent}/anggota[1]"],
              ["Sri Wahyuni", "P", "44", parent, f"{parent}/anggota[2]"],
              ["Rahmat Hidayat", "L", "17", parent, f"{parent}/anggota[3]"]], newline="\n")


def encodings() -> None:
    header = "Nama;Jenis kelamin;Kelompok\r\n"
    body = "José Ramírez;L;warga\r\nFrançoise Müller;P;PKK\r\n"
    (HERE / "utf8_satu_byte_cp1252.csv").write_bytes(
        (header + body).encode("utf-8") + "Andrés Peña;L;warga\r\n".encode("cp1252"))
    (HERE / "windows1252_lama.csv").write_bytes((header + body).encode("cp1252"))
    (HERE / "shift_jis.csv").write_bytes((header + "山田太郎;L;warga\r\n佐藤花子;P;PKK\r\n").encode("shift_jis"))
    text = "Nama\tJenis kelamin\tKelompok\r\nJosé Ramírez\tL\twarga\r\nDewi Sartika\tP\tPKK\r\n"
    (HERE / "excel_unicode_text_utf16.txt").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    (HERE / "nul_di_nama.csv").write_bytes((header + "Budi;L;warga\r\nAni\x00 Lestari;P;PKK\r\n").encode("utf-8"))


def registers() -> None:
    rows = [["No", "Nama", "Jenis Kelamin", "Umur"]]
    rows += [[str(i), f"Warga {i}", "1" if i % 2 else "2", str(20 + i)] for i in range(1, 41)]
    write_csv("register_jk_kode_1_2.csv", rows)
    write_csv("potensi_tanpa_kategori.csv", [["Nama potensi", "Pemilik", "Keterangan"],
                                              ["Balai warga", "RT 05", "Muat 80 orang"],
                                              ["Sound system", "Karang Taruna", "Untuk acara"]])


if __name__ == "__main__":
    google()
    kobo()
    odk()
    encodings()
    registers()
