"""Messages of importing files (``rtplan import``, the upload panel) and the spreadsheet export."""

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    # rtplan.parse: one message per kind of value
    "parse.money": {
        "id": "'{value}' bukan jumlah uang (contoh yang bisa dibaca: 50000, Rp 50.000, Rp50.000,00, 50rb, 1,5 jt)",
        "en": "'{value}' is not an amount of money (readable examples: 50000, Rp 50.000, Rp50.000,00, 50rb, 1,5 jt)",
    },
    "parse.money_fraction": {
        "id": "'{value}' memuat pecahan rupiah (tidak dibulatkan diam-diam)",
        "en": "'{value}' holds a fraction of a Rupiah (not rounded silently)",
    },
    "parse.date_order": {
        "id": "'{value}' tidak cocok dengan urutan tanggal kolom ini (nilai lain tertulis hari dulu atau "
              "bulan dulu)",
        "en": "'{value}' does not fit this column's date order (other values are day first or month first)",
    },
    "parse.number": {
        "id": "'{value}' bukan angka (contoh: 12, 1.500, 2,5)",
        "en": "'{value}' is not a number (e.g. 12, 1.500, 2,5)",
    },
    "parse.int": {
        "id": "'{value}' bukan bilangan bulat (contoh: 12)",
        "en": "'{value}' is not a whole number (e.g. 12)",
    },
    "parse.date": {
        "id": "'{value}' bukan tanggal (contoh: 27/11/2026, 27 November 2026, 2026-11-27)",
        "en": "'{value}' is not a date (e.g. 27/11/2026, 27 November 2026, 2026-11-27)",
    },
    "parse.time": {
        "id": "'{value}' bukan jam (contoh: 19:30, 19.30, 7:30 PM)",
        "en": "'{value}' is not a time (e.g. 19:30, 19.30, 7:30 PM)",
    },
    "parse.sex": {
        "id": "'{value}' bukan jenis kelamin (L/P, Laki-laki/Perempuan)",
        "en": "'{value}' is not a sex (L/P, Laki-laki/Perempuan, male/female)",
    },
    "parse.bool": {
        "id": "'{value}' bukan ya/tidak",
        "en": "'{value}' is not yes/no (ya/tidak)",
    },
}
MESSAGES.update({
    "import.empty": {"id": "{file}: berkas kosong", "en": "{file}: the file is empty"},
    "import.no_rows": {
        "id": "{file}: hanya ada baris judul kolom, tidak ada data",
        "en": "{file}: only a header row, no data",
    },
    "import.binary": {
        "id": "{file}: bukan berkas CSV, XLSX atau ODS (isinya biner)",
        "en": "{file}: not a CSV, XLSX or ODS file (binary content)",
    },
    "import.xls": {
        "id": "{file}: format Excel lama (.xls) tidak didukung; simpan ulang sebagai .xlsx atau CSV",
        "en": "{file}: the old Excel format (.xls) is not supported; save it again as .xlsx or CSV",
    },
    "import.bad_workbook": {
        "id": "{file}: buku kerja tidak bisa dibaca ({error})",
        "en": "{file}: the workbook cannot be read ({error})",
    },
    "import.no_sheet": {
        "id": "{file}: tidak ada lembar '{sheet}'; lembar yang ada: {sheets}",
        "en": "{file}: no sheet '{sheet}'; its sheets: {sheets}",
    },
    "import.no_file": {"id": "berkas {file} tidak ditemukan", "en": "file {file} not found"},
    "import.cannot_read": {
        "id": "berkas {file} tidak bisa dibaca: {error}",
        "en": "file {file} cannot be read: {error}",
    },
    "import.too_many_rows": {
        "id": "{file}: {n} baris data; satu impor dibatasi {max} baris (satu RT jarang punya lebih). "
              "Saring atau pecah berkasnya dulu",
        "en": "{file}: {n} data rows; one import is limited to {max} rows (an RT rarely has more). "
              "Filter or split the file first",
    },
    "import.too_many_columns": {
        "id": "{file}: {n} kolom; maksimal {max}. Hapus kolom yang tidak dipakai dulu",
        "en": "{file}: {n} columns; at most {max}. Remove the unused columns first",
    },
    "import.unknown_field": {
        "id": "--map: kolom tabel '{field}' tidak ada di {table}; pilihan: {fields} (atau - untuk mengabaikan)",
        "en": "--map: field '{field}' does not exist in {table}; choose from: {fields} (or - to ignore)",
    },
    "import.bad_map": {
        "id": "--map '{value}': tulis KOLOM_BERKAS=KOLOM_TABEL, mis. \"Nama Lengkap=name\"",
        "en": "--map '{value}': write FILE_COLUMN=FIELD, e.g. \"Full name=name\"",
    },
    "import.unknown_column": {
        "id": "--map: kolom '{column}' tidak ada di {file}; kolom berkas: {columns}",
        "en": "--map: column '{column}' is not in {file}; the file's columns: {columns}",
    },
    "import.missing_fields": {
        "id": "{file}: tidak ada kolom untuk {fields} di tabel {table} (berkas untuk tabel lain?). "
              'Kolom berkas: {columns}. Pasangkan dengan --map "KOLOM=kolom_tabel", atau isi semua baris '
              "dengan --set kolom_tabel=NILAI",
        "en": "{file}: no column for {fields} of table {table} (a file for another table?). "
              "The file's columns: {columns}. Map them with --map \"COLUMN=field\", or fill every row with "
              "--set field=VALUE",
    },
    "import.unknown_table": {
        "id": "tabel '{table}' tidak dikenal; pilihan: {tables}",
        "en": "unknown table '{table}'; choose from: {tables}",
    },
    "import.id_taken": {
        "id": "ID {id} sudah dipakai di rencana untuk baris lain",
        "en": "ID {id} is already used in the plan by another row",
    },
    "import.where_cell": {"id": "{file} baris {row}, kolom '{column}'", "en": "{file} row {row}, column '{column}'"},
    "import.where_row": {"id": "{file} baris {row}", "en": "{file} row {row}"},
    "import.not_workbook": {
        "id": "{file}: untuk mengimpor semua tabel sekaligus perlu buku kerja XLSX/ODS atau zip CSV dari rtplan export",
        "en": "{file}: importing every table at once needs an XLSX/ODS workbook or a zip of CSV files from "
              "rtplan export",
    },
    "import.no_tables": {
        "id": "{file}: tidak ada lembar yang bernama tabel rencana (mis. Peserta, Kebutuhan)",
        "en": "{file}: no sheet is named after a plan table (e.g. Participants, Needs)",
    },
})
MESSAGES.update({
    "import.too_big": {
        "id": "{file}: lebih dari {max} MB; satu impor dibatasi {max} MB. Saring atau pecah berkasnya dulu",
        "en": "{file}: more than {max} MB; one import is limited to {max} MB. Filter or split the file first",
    },
    "import.zip_members": {
        "id": "{file}: {n} berkas di dalam zip; maksimal {max}",
        "en": "{file}: {n} files inside the zip; at most {max}",
    },
    "import.member_too_big": {
        "id": "{file}: bagian '{member}' berukuran {size} MB setelah dibuka; maksimal {max} MB "
              "(berkas rusak, atau terlalu besar untuk satu RT). Tidak dibaca",
        "en": "{file}: its part '{member}' is {size} MB unpacked; at most {max} MB "
              "(a damaged file, or too big for one RT). Not read",
    },
    "import.sheet_too_big": {
        "id": "{file}: lembar ini memuat lebih dari {n} baris {ref}; satu impor dibatasi {max} baris data. "
              "Hapus baris kosong di bawah data atau pecah berkasnya",
        "en": "{file}: the sheet holds more than {n} rows {ref}; one import is limited to {max} data rows. "
              "Delete the empty rows under the data or split the file",
    },
    "import.sheet_declares": {
        "id": "{file}: lembar ini menyatakan ukuran {ref} ({rows} baris, {cols} kolom); satu impor dibatasi "
              "{max_rows} baris data dan {max_cols} kolom. Tidak dibaca: hapus baris dan kolom kosong di luar data "
              "atau pecah berkasnya",
        "en": "{file}: the sheet declares the size {ref} ({rows} rows, {cols} columns); one import is limited to "
              "{max_rows} data rows and {max_cols} columns. Not read: delete the empty rows and columns outside "
              "the data or split the file",
    },
    "import.too_many_rows_stopped": {
        "id": "{file}: lebih dari {max} baris data (pembacaan berhenti di baris {row}); satu impor dibatasi "
              "{max} baris (satu RT jarang punya lebih). Saring atau pecah berkasnya dulu",
        "en": "{file}: more than {max} data rows (reading stopped at row {row}); one import is limited to "
              "{max} rows (an RT rarely has more). Filter or split the file first",
    },
    "import.too_many_columns_row": {
        "id": "{file} baris {row}: {n} kolom; maksimal {max}. Hapus kolom yang tidak dipakai dulu",
        "en": "{file} row {row}: {n} columns; at most {max}. Remove the unused columns first",
    },
    "import.bad_csv": {
        "id": "{file} sekitar baris {row}: tidak bisa dibaca sebagai CSV ({error}); satu sel paling panjang "
              "{max} karakter",
        "en": "{file} near row {row}: cannot be read as CSV ({error}); one cell holds at most {max} characters",
    },
    "import.bad_bytes": {
        "id": "{file} baris {row}: byte yang bukan {encoding}; berkas rusak? Simpan ulang sebagai UTF-8",
        "en": "{file} row {row}: bytes that are not {encoding}; a damaged file? Save it again as UTF-8",
    },
    "import.mixed_encoding": {
        "id": "{file} baris {row}: sebagian besar berkas UTF-8, tapi baris ini memuat byte yang bukan UTF-8 "
              "(disalin dari program lain?). Tidak dibaca, agar huruf seperti é tidak rusak. "
              "Perbaiki baris itu atau simpan ulang seluruh berkas sebagai UTF-8",
        "en": "{file} row {row}: the file is mostly UTF-8, but this row holds bytes that are not UTF-8 "
              "(pasted from another program?). Not read, so letters such as é are not garbled. "
              "Fix that row or save the whole file again as UTF-8",
    },
    "import.unknown_encoding": {
        "id": "{file}: pengodean teks tidak dikenali; simpan ulang sebagai CSV UTF-8",
        "en": "{file}: the text encoding is not recognised; save it again as CSV UTF-8",
    },
    "import.note_encoding": {
        "id": "{file}: bukan UTF-8; dibaca sebagai {encoding}. Periksa hurufnya di pratinjau",
        "en": "{file}: not UTF-8; read as {encoding}. Check the letters in the preview",
    },
    "import.control_char": {
        "id": "{file} baris {row}, kolom '{column}': karakter kendali {code} di dalam teks ({n} sel di kolom "
              "ini); berkas rusak? Hapus karakter itu lalu impor lagi",
        "en": "{file} row {row}, column '{column}': control character {code} inside the text ({n} cells in "
              "this column); a damaged file? Remove it, then import again",
    },
})
MESSAGES.update({
    "import.dup.import": {
        "id": "{n} baris sudah diimpor sebelumnya dari {where}, dilewati (baris {rows})",
        "en": "{n} row(s) already imported earlier from {where}, skipped (rows {rows})",
    },
    "import.dup.plan": {
        "id": "{n} baris sudah ada di rencana (diisi langsung, bukan dari impor), dilewati (baris {rows})",
        "en": "{n} row(s) already in the plan (typed in, not imported), skipped (rows {rows})",
    },
    "import.dup.file": {
        "id": "{n} baris mengulang baris {where} berkas ini (kiriman yang sama), dilewati (baris {rows})",
        "en": "{n} row(s) repeat row {where} of this file (the same submission), skipped (rows {rows})",
    },
    "import.folded": {
        "id": "{file}, kolom '{column}': {n} baris (baris {rows}; {distinct} nilai berbeda), mis. {reason}",
        "en": "{file}, column '{column}': {n} rows (rows {rows}; {distinct} different values), e.g. {reason}",
    },
    "import.fix.values": {
        "id": 'baca sebagai nilai yang diizinkan: --values "{field}:{value}=NILAI", atau pasangkan kolom '
              "lain dengan --map",
        "en": 'read it as an allowed value: --values "{field}:{value}=VALUE", or map another column '
              "with --map",
    },
    "import.fix.date_order": {
        "id": "pilih urutan tanggal dengan --date-order dmy|mdy|ymd",
        "en": "choose the date order with --date-order dmy|mdy|ymd",
    },
    "import.fix.round": {"id": "bulatkan dengan --round", "en": "round with --round"},
    "import.fix.map": {
        "id": 'pasangkan kolom yang benar dengan --map "KOLOM={field}"',
        "en": 'map the right column with --map "COLUMN={field}"',
    },
    "import.fix.set": {
        "id": "isi untuk semua baris dengan --set {field}=NILAI, atau pasangkan kolom dengan --map",
        "en": "fill it for every row with --set {field}=VALUE, or map a column with --map",
    },
    "import.bad_set": {
        "id": "--set '{value}': tulis KOLOM_TABEL=NILAI, mis. --set category=fisik",
        "en": "--set '{value}': write FIELD=VALUE, e.g. --set category=fisik",
    },
    "import.bad_values": {
        "id": "--values '{value}': tulis KOLOM_TABEL:NILAI_BERKAS=NILAI, mis. --values sex:1=L",
        "en": "--values '{value}': write FIELD:FILE_VALUE=VALUE, e.g. --values sex:1=L",
    },
    "import.bad_date_order": {
        "id": "--date-order '{value}': pilih dmy, mdy atau ymd",
        "en": "--date-order '{value}': choose dmy, mdy or ymd",
    },
    "import.note.ambiguous_dates": {
        "id": "kolom '{column}': setiap tanggal bisa dibaca hari dulu atau bulan dulu; dibaca hari dulu "
              "('{example}' = {read}). Jika bulan dulu, impor lagi dengan --date-order mdy",
        "en": "column '{column}': every date reads day first or month first; read day first "
              "('{example}' = {read}). If month first, import again with --date-order mdy",
    },
    "import.note.mixed_dates": {
        "id": "kolom '{column}': {dmy} tanggal hanya cocok hari dulu dan {mdy} hanya bulan dulu; dibaca hari "
              "dulu, sisanya ditolak. Pilih dengan --date-order dmy|mdy",
        "en": "column '{column}': {dmy} dates fit day first only and {mdy} month first only; read day first, "
              "the others refused. Choose with --date-order dmy|mdy",
    },
    "import.note.rounded": {
        "id": "kolom '{column}': {n} nilai dengan pecahan rupiah dibulatkan (--round)",
        "en": "column '{column}': {n} values with a fraction of a Rupiah rounded (--round)",
    },
    "import.note.select_multiple_kept": {
        "id": "kolom '{column}': jawaban pilihan ganda dipisah spasi oleh KoBo/ODK, tapi label bisa memuat spasi; "
              "disimpan utuh. Ekspor dengan kolom 0/1 per pilihan (KoBo: 'both'; ODK: split select multiples) "
              "agar tiap pilihan terbaca",
        "en": "column '{column}': KoBo/ODK join select-multiple answers with spaces, but labels may hold spaces; "
              "kept whole. Export with one 0/1 column per option (KoBo: 'both'; ODK: split select multiples) "
              "to read each choice",
    },
    "import.note.birth_dates": {
        "id": "kolom '{column}': {n} tanggal lahir diubah menjadi kelompok usia (umur pada {date}); tanggal "
              "lahir tidak disimpan",
        "en": "column '{column}': {n} birth dates turned into age bands (age on {date}); the birth dates are "
              "not saved",
    },
    "import.note.ages": {
        "id": "kolom '{column}': {n} umur (tahun) diubah menjadi kelompok usia",
        "en": "column '{column}': {n} ages (years) turned into age bands",
    },
    "import.note.set_replaces": {
        "id": "kolom '{column}' tidak dipakai: --set {field}={value} mengisi semua baris",
        "en": "column '{column}' not used: --set {field}={value} fills every row",
    },
    "import.note.total_rows": {
        "id": "{file}: baris {rows} dibaca sebagai baris jumlah/total di bawah data, tidak diimpor",
        "en": "{file}: row(s) {rows} read as the total row under the data, not imported",
    },
    "import.note.title_rows": {
        "id": "{file}: baris {rows} di atas judul kolom dibaca sebagai judul berkas, tidak diimpor",
        "en": "{file}: row(s) {rows} above the header read as the file's titles, not imported",
    },
    "import.note.apostrophe": {
        "id": "kolom '{column}': tanda petik di depan {n} nilai (tanda 'simpan sebagai teks' dari Excel) dibuang",
        "en": "column '{column}': the leading apostrophe of {n} values (Excel's 'keep as text' mark) removed",
    },
    "import.note.values": {
        "id": "{field}: nilai dibaca sesuai --values ({pairs})",
        "en": "{field}: values read as --values says ({pairs})",
    },
    "cli.import.notes": {"id": "Dibaca dengan cara lain:", "en": "Read another way:"},
    "cli.import.set": {
        "id": "isi satu kolom tabel untuk semua baris, mis. --set category=fisik; boleh berulang",
        "en": "fill one field for every row, e.g. --set category=fisik; repeatable",
    },
    "cli.import.values": {
        "id": "baca satu jawaban berkas sebagai nilai lain, mis. --values sex:1=L --values sex:2=P; boleh berulang",
        "en": "read one answer of the file as another, e.g. --values sex:1=L --values sex:2=P; repeatable",
    },
    "cli.import.date_order": {
        "id": "urutan tanggal angka (9/6/2018): dmy (hari dulu), mdy (bulan dulu) atau ymd; bawaan: "
              "ditentukan per kolom dari semua nilainya",
        "en": "the order of numeric dates (9/6/2018): dmy (day first), mdy (month first) or ymd; default: "
              "decided per column from all its values",
    },
    "cli.import.round": {
        "id": "bulatkan pecahan rupiah (tanpa ini ditolak, dengan nama selnya)",
        "en": "round fractions of a Rupiah (refused without it, naming the cell)",
    },
    "ui.import.fixed": {"id": "Nilai tetap untuk semua baris", "en": "A fixed value for every row"},
    "ui.import.values": {"id": "Nilai di berkas -> nilai yang diizinkan", "en": "Values in the file -> allowed values"},
    "ui.import.keep": {"id": "(biarkan)", "en": "(keep)"},
})
MESSAGES.update({
    "cli.import.help": {
        "id": "impor baris dari CSV/XLSX/ODS (Google Forms, KoBoToolbox, ODK, Excel) ke satu tabel",
        "en": "import rows from CSV/XLSX/ODS (Google Forms, KoBoToolbox, ODK, Excel) into one table",
    },
    "cli.import.description": {
        "id": "Impor baris dari CSV/XLSX/ODS ke satu tabel rencana. Semua atau tidak sama sekali: "
              "berkas dengan baris salah tidak diimpor, dan setiap baris salah disebutkan "
              "(kecuali --skip-invalid). Baris yang sudah ada tidak diimpor dua kali.",
        "en": "Import rows from CSV/XLSX/ODS into one table of the plan. All or nothing: a file "
              "with a bad row imports nothing and every bad row is listed (unless --skip-invalid). "
              "Rows already in the plan are not imported twice.",
    },
    "cli.import.table": {
        "id": "tabel tujuan: {tables}; atau all/semua untuk buku kerja dari rtplan export --xlsx",
        "en": "the target table: {tables}; or all for a workbook from rtplan export --xlsx",
    },
    "cli.import.file": {"id": "berkas CSV, XLSX atau ODS", "en": "a CSV, XLSX or ODS file"},
    "cli.import.map": {
        "id": 'pasangkan kolom berkas ke kolom tabel, mis. --map "Nama Lengkap=name" '
              "(- untuk mengabaikan kolom); boleh berulang",
        "en": 'map a file column to a field, e.g. --map "Full name=name" (- to ignore a column); repeatable',
    },
    "cli.import.sheet": {
        "id": "lembar buku kerja (bawaan: lembar pertama)",
        "en": "workbook sheet (default: the first)",
    },
    "cli.import.dry_run": {"id": "tampilkan apa yang akan berubah tanpa menyimpan",
                           "en": "show what would change without saving"},
    "cli.import.skip_invalid": {"id": "lewati baris yang salah dan impor sisanya",
                                "en": "leave out bad rows and import the rest"},
    "cli.import.all_no_map": {
        "id": "--map, --set, --values dan --sheet tidak dipakai saat mengimpor semua tabel (all)",
        "en": "--map, --set, --values and --sheet do not apply when importing every table (all)",
    },
    "cli.import.tool.google": {"id": "Google Forms", "en": "Google Forms"},
    "cli.import.tool.kobo": {"id": "KoBoToolbox", "en": "KoBoToolbox"},
    "cli.import.tool.odk": {"id": "ODK Central", "en": "ODK Central"},
    "cli.import.tool.sheet": {"id": "tabel", "en": "spreadsheet"},
    "cli.import.read": {
        "id": "{file}: {rows} baris ({tool}) untuk tabel {table}; pasangan kolom:",
        "en": "{file}: {rows} rows ({tool}) for table {table}; column mapping:",
    },
    "cli.import.unmapped": {"id": "tidak dipakai: {columns}", "en": "not used: {columns}"},
    "cli.import.problems": {
        "id": "{n} masalah:",
        "en": {"one": "{n} problem:",
               "other": "{n} problems:"},
    },
    "cli.import.nothing_saved": {
        "id": "Tidak ada yang disimpan. Perbaiki berkasnya, atau pakai --skip-invalid untuk melewati baris yang salah.",
        "en": "Nothing was saved. Fix the file, or use --skip-invalid to leave out the bad rows.",
    },
    "cli.import.saved": {
        "id": "{n} baris baru disimpan ({skipped} baris salah dilewati).",
        "en": {"one": "{n} new row saved ({skipped} bad rows left out).",
               "other": "{n} new rows saved ({skipped} bad rows left out)."},
    },
    "cli.import.dry_run_done": {
        "id": "Uji coba: {n} baris baru akan ditambahkan; tidak ada yang disimpan.",
        "en": {"one": "Dry run: {n} new row would be added; nothing was saved.",
               "other": "Dry run: {n} new rows would be added; nothing was saved."},
    },
    "cli.import.nothing_new": {"id": "Tidak ada baris baru.", "en": "No new rows."},
    "cli.export.xlsx": {
        "id": "seluruh rencana sebagai satu buku kerja XLSX (satu lembar per tabel, tanpa kolom pribadi)",
        "en": "the whole plan as one XLSX workbook (one sheet per table, private columns left out)",
    },
    "cli.export.csv_excel": {
        "id": "seluruh rencana sebagai CSV untuk Excel Indonesia (; dan UTF-8 BOM), satu berkas per tabel dalam zip",
        "en": "the whole plan as CSV for Excel in the Indonesian locale (; and UTF-8 BOM), one file per table in a zip",
    },
    "cli.export.include_private": {
        "id": "sertakan kolom pribadi (telepon, kontak) di --xlsx/--csv-excel; jangan dibagikan",
        "en": "include the private columns (phone, contact) in --xlsx/--csv-excel; do not share the file",
    },
    "cli.export.xlsx_done": {
        "id": "{n} lembar ditulis ke {path}",
        "en": {"one": "{n} sheet written to {path}",
               "other": "{n} sheets written to {path}"},
    },
    "cli.export.csv_excel_done": {
        "id": "{n} berkas CSV ditulis ke {path}",
        "en": {"one": "{n} CSV file written to {path}",
               "other": "{n} CSV files written to {path}"},
    },
})
MESSAGES.update({
    "ui.import.upload": {"id": "Unggah berkas", "en": "Upload file"},
    "ui.import.table": {"id": "Ke tabel", "en": "Into table"},
    "ui.import.check": {"id": "Periksa", "en": "Check"},
    "ui.import.do": {"id": "Impor", "en": "Import"},
    "ui.import.skip_invalid": {"id": "lewati baris yang salah", "en": "leave out bad rows"},
    "ui.import.ignore": {"id": "(abaikan)", "en": "(ignore)"},
    "ui.import.preview": {"id": "{rows} baris data; lima baris pertama:", "en": "{rows} data rows; the first five:"},
    "ui.import.ready": {
        "id": "Siap: {n} baris baru ({dup} baris sudah ada, dilewati). Periksa pasangan kolom lalu klik Impor.",
        "en": {"one": ("Ready: {n} new row ({dup} rows already in the plan, skipped). Check the mapping, then click "
                       "Import."),
               "other": ("Ready: {n} new rows ({dup} rows already in the plan, skipped). Check the mapping, then "
                         "click Import.")},
    },
    "ui.import.saved": {
        "id": "{n} baris baru disimpan.",
        "en": {"one": "{n} new row saved.",
               "other": "{n} new rows saved."},
    },
})
