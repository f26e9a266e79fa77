"""Messages of the core: storage, validation, plan model, CLI basics."""

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    # where a problem is
    "where.row": {"id": "{file} baris {row}, kolom {column}", "en": "{file} row {row}, column {column}"},
    "where.rowonly": {"id": "{file} baris {row}", "en": "{file} row {row}"},
    "where.file": {"id": "{file}", "en": "{file}"},
    "where.field": {"id": "{file}, {column}", "en": "{file}, {column}"},
    # validation rules
    "rule.required": {"id": "wajib diisi", "en": "is required"},
    "rule.int": {"id": "harus bilangan bulat, bukan '{value}'", "en": "must be a whole number, not '{value}'"},
    "rule.money": {
        "id": "harus jumlah Rupiah bulat tanpa titik atau 'Rp' (mis. 1500000), bukan '{value}'",
        "en": "must be a whole Rupiah amount without dots or 'Rp' (e.g. 1500000), not '{value}'",
    },
    "rule.duplicate_header": {
        "id": "kolom '{header}' muncul {count} kali di baris judul; hanya yang pertama dibaca, gabungkan isinya",
        "en": "column '{header}' appears {count} times in the header row; only the first is read: merge them",
    },
    "rule.newer_schema": {
        "id": "rencana ini dibuat oleh rtplan yang lebih baru (versi skema {value}, yang dikenal: {known}); "
              "perbarui rtplan sebelum mengubahnya",
        "en": "this plan was made by a newer rtplan (schema version {value}, known: {known}); "
              "update rtplan before changing it",
    },
    "rule.bool": {"id": "harus true atau false, bukan '{value}'", "en": "must be true or false, not '{value}'"},
    "rule.date": {
        "id": "harus tanggal TTTT-BB-HH (mis. 2026-08-17), bukan '{value}'",
        "en": "must be a date YYYY-MM-DD (e.g. 2026-08-17), not '{value}'",
    },
    "rule.time": {
        "id": "harus jam JJ:MM (mis. 19:30), bukan '{value}'",
        "en": "must be a time HH:MM (e.g. 19:30), not '{value}'",
    },
    "rule.allowed": {
        "id": "nilai '{value}' tidak dikenal; pilihan: {allowed}",
        "en": "unknown value '{value}'; choose one of: {allowed}",
    },
    "rule.min": {"id": "{value} terlalu kecil (minimal {min})", "en": "{value} is too small (minimum {min})"},
    "rule.max": {"id": "{value} terlalu besar (maksimal {max})", "en": "{value} is too large (maximum {max})"},
    "rule.negative_money": {
        "id": "jumlah uang tidak boleh negatif ({value})",
        "en": "an amount of money cannot be negative ({value})",
    },
    "rule.duplicate": {
        "id": "'{value}' dipakai dua kali (juga di baris {other})",
        "en": "'{value}' is used twice (also on row {other})",
    },
    "rule.unknown_ref": {
        "id": "'{value}' tidak ada di {target}",
        "en": "'{value}' does not exist in {target}",
    },
    "rule.end_before_start": {
        "id": "{end_label} {end} sebelum {start_label} {start}",
        "en": "{end_label} {end} is before {start_label} {start}",
    },
    "rule.outside_period": {
        "id": "tanggal {value} di luar periode rencana {start} s.d. {end}",
        "en": "date {value} is outside the plan period {start} to {end}",
    },
    "rule.private_in_text": {
        "id": "sepertinya berisi nomor telepon atau NIK; simpan kontak hanya di kolom kontak",
        "en": "seems to contain a phone number or NIK; keep contacts in the contact column only",
    },
    "rule.missing_columns": {
        "id": "kolom wajib tidak ada: {columns}",
        "en": "required columns are missing: {columns}",
    },
    "rule.bad_csv": {"id": "berkas CSV tidak bisa dibaca: {error}", "en": "the CSV file cannot be read: {error}"},
    "rule.bad_toml": {"id": "plan.toml tidak bisa dibaca: {error}", "en": "plan.toml cannot be read: {error}"},
    "rule.self_pair": {
        "id": "kebutuhan dibandingkan dengan dirinya sendiri ({value})",
        "en": "a need is compared with itself ({value})",
    },
    "rule.winner_not_in_pair": {
        "id": "pemenang '{value}' bukan salah satu dari pasangan {a} / {b} (atau 'seri')",
        "en": "winner '{value}' is neither of the pair {a} / {b} (nor 'seri')",
    },
    "rule.no_amount": {
        "id": "isi pemasukan atau pengeluaran (salah satu)",
        "en": "fill in either income or expense",
    },
    "rule.both_amounts": {
        "id": "isi pemasukan atau pengeluaran, bukan keduanya",
        "en": "fill in income or expense, not both",
    },
    # problem summary
    "validate.ok": {"id": "{plan}: rencana valid, tidak ada masalah.", "en": "{plan}: the plan is valid, no problems."},
    "validate.problems": {
        "id": "{plan}: ditemukan {n} masalah:",
        "en": {"one": "{plan}: {n} problem found:",
               "other": "{plan}: {n} problems found:"},
    },
    # storage
    "storage.not_a_plan": {
        "id": "Folder '{path}' bukan folder rencana (tidak ada plan.toml). Buat dengan: rtplan new {path}",
        "en": "Folder '{path}' is not a plan folder (no plan.toml). Create one with: rtplan new {path}",
    },
    "storage.exists": {
        "id": "Folder '{path}' sudah berisi berkas; rtplan new tidak menimpa apa pun. Pilih folder baru.",
        "en": "Folder '{path}' already has files; rtplan new overwrites nothing. Choose a new folder.",
    },
    "rule.emptied": {
        "id": ("tabel {table} kosong, padahal versi terakhirnya di .history berisi {rows} baris. Kalau tidak "
               "sengaja dikosongkan (misalnya program lain sedang menulis berkas ini), kembalikan dengan: "
               "rtplan restore {plan} {table}"),
        "en": ("the {table} table is empty, yet its last version in .history has {rows} rows. If it was not "
               "emptied on purpose (another program may have been writing the file), bring it back with: "
               "rtplan restore {plan} {table}"),
    },
    "storage.emptied_save": {
        "id": ("Tidak menyimpan {file}: tabel {table} ditemukan kosong saat dimuat, padahal versi terakhirnya "
               "berisi {rows} baris. Kembalikan dulu dengan: rtplan restore {plan} {table}; atau, kalau memang "
               "ingin menimpanya, konfirmasi (di baris perintah: --force)."),
        "en": ("Not saving {file}: the {table} table was found empty when loaded, yet its last version has "
               "{rows} rows. Bring it back first with: rtplan restore {plan} {table}; or, to write over it "
               "anyway, confirm (on the command line: --force)."),
    },
    "storage.changed_on_disk": {
        "id": (
            "{file} sudah diubah di luar sesi ini (di kernel lain atau oleh orang lain) sejak dimuat. "
            "Perubahan Anda TIDAK disimpan agar perubahan itu tidak hilang. Muat ulang rencana, lalu ulangi."
        ),
        "en": (
            "{file} was changed outside this session (another kernel or person) since it was loaded. "
            "Your change was NOT saved so that change is not lost. Reload the plan and try again."
        ),
    },
    "storage.unknown_table": {
        "id": "Tabel '{table}' tidak dikenal. Tabel yang ada: {tables}",
        "en": "Unknown table '{table}'. Known tables: {tables}",
    },
    "storage.no_history": {
        "id": "Belum ada versi lama {file} untuk dipulihkan.",
        "en": "There is no earlier version of {file} to restore.",
    },
    "storage.no_version": {
        "id": "Versi '{version}' dari {file} tidak ada. Lihat daftarnya dengan: rtplan restore {plan} {table} --list",
        "en": "Version '{version}' of {file} does not exist. List them with: rtplan restore {plan} {table} --list",
    },
    "storage.restored": {
        "id": "{file} dipulihkan ke versi {version}; versi sebelumnya disimpan di riwayat.",
        "en": "{file} restored to version {version}; the previous version was kept in the history.",
    },
    "storage.created": {
        "id": "Rencana baru dibuat di {path}. Isi dengan notebook di notebooks/ atau periksa dengan: rtplan "
              "validate {path}",
        "en": "New plan created in {path}. Fill it in with the notebooks in notebooks/ or check it with: "
              "rtplan validate {path}",
    },
    "storage.history_header": {
        "id": "Versi lama {file} (terbaru di atas):",
        "en": "Earlier versions of {file} (newest first):",
    },
    # generic
    "error.prefix": {"id": "Kesalahan", "en": "Error"},
    "error.unexpected": {
        "id": "Terjadi kesalahan tak terduga di rtplan ({error}). Data yang tersimpan tidak berubah. Mohon laporkan.",
        "en": "An unexpected error occurred in rtplan ({error}). Saved data is unchanged. Please report it.",
    },
}
MESSAGES.update({
    "rule.too_many_fields": {
        "id": "baris ini punya {count} kolom, header hanya {expected} (ada koma berlebih?)",
        "en": "this row has {count} fields but the header only {expected} (an extra comma?)",
    },
    "rule.not_utf8": {
        "id": "berkas bukan UTF-8; simpan ulang sebagai 'CSV UTF-8' atau pakai importer",
        "en": "the file is not UTF-8; save it again as 'CSV UTF-8' or use the importer",
    },
})
MESSAGES.update({
    "label.period_start": {"id": "awal periode", "en": "period start"},
    "label.period_end": {"id": "akhir periode", "en": "period end"},
    "rule.id_semicolon": {
        "id": "ID tidak boleh berisi ';' ('{value}')",
        "en": "an ID cannot contain ';' ('{value}')",
    },
    "rule.two_cores": {
        "id": "kebutuhan {value} punya lebih dari satu masalah inti",
        "en": "need {value} has more than one core problem",
    },
})
MESSAGES.update({
    "plan.default_title": {
        "id": "Rencana Pemberdayaan Warga RT {rt}/RW {rw} {start}-{end}",
        "en": "Community Empowerment Plan RT {rt}/RW {rw} {start}-{end}",
    },
    "plan.default_title_one_year": {
        "id": "Rencana Pemberdayaan Warga RT {rt}/RW {rw} {year}",
        "en": "Community Empowerment Plan RT {rt}/RW {rw} {year}",
    },
})
MESSAGES.update({
    "storage.dependency_changed": {
        "id": (
            "{file} sudah diubah di luar sesi ini (di kernel lain atau oleh orang lain) sejak dimuat, "
            "dan aturan {saving} bergantung padanya (ID yang dirujuk atau periode rencana). "
            "Perubahan Anda TIDAK disimpan agar rencana tidak menjadi tidak valid. Muat ulang rencana, lalu ulangi."
        ),
        "en": (
            "{file} was changed outside this session (another kernel or person) since it was loaded, "
            "and the rules of {saving} depend on it (referenced ids or the plan period). "
            "Your change was NOT saved so the plan does not become invalid. Reload the plan and try again."
        ),
    },
    "storage.disk_full": {
        "id": "Tidak bisa menulis {path}: disk penuh. Tidak ada yang berubah; kosongkan ruang disk lalu ulangi.",
        "en": "Cannot write {path}: the disk is full. Nothing was changed; free some disk space and try again.",
    },
    "storage.quota": {
        "id": "Tidak bisa menulis {path}: kuota disk Anda habis. Tidak ada yang berubah; kosongkan ruang lalu ulangi.",
        "en": "Cannot write {path}: your disk quota is used up. Nothing was changed; free some space and try again.",
    },
    "storage.read_only": {
        "id": "Tidak bisa menulis {path}: disk atau folder hanya-baca. Tidak ada yang berubah; simpan ke folder lain.",
        "en": "Cannot write {path}: the disk or folder is read-only. Nothing was changed; use another folder.",
    },
    "storage.no_permission": {
        "id": "Tidak bisa menulis {path}: tidak ada izin menulis. Tidak ada yang berubah; periksa izin folder itu.",
        "en": "Cannot write {path}: no permission to write. Nothing was changed; check that folder's permissions.",
    },
    "storage.write_failed": {
        "id": "Tidak bisa menulis {path}: {error}. Tidak ada yang berubah.",
        "en": "Cannot write {path}: {error}. Nothing was changed.",
    },
    "storage.not_regular": {
        "id": "bukan berkas biasa (folder, perangkat atau pipa); rtplan tidak membacanya",
        "en": "not a regular file (a folder, device or pipe); rtplan does not read it",
    },
    "storage.unsafe_link": {
        "id": (
            "{path} adalah tautan (symlink) ke luar folder rencana ({target}); rtplan tidak membaca atau "
            "menulis lewat tautan itu. Ganti dengan berkas biasa di dalam folder rencana."
        ),
        "en": (
            "{path} is a symbolic link leaving the plan folder ({target}); rtplan neither reads nor writes "
            "through it. Replace it with a regular file inside the plan folder."
        ),
    },
})
