"""Messages of the command line's help."""

MESSAGES = {
    "cli.description": {
        "id": "rtplan: buku kerja perencanaan partisipatif RT. Setiap perintah bekerja pada folder rencana.",
        "en": "rtplan: participatory planning workbook for an RT. Every command works on a plan folder.",
    },
    "cli.command_metavar": {"id": "PERINTAH", "en": "COMMAND"},
    "cli.opt.lang": {
        "id": "bahasa pesan: id (Indonesia) atau en (Inggris); bawaan: bahasa rencana",
        "en": "message language: id (Indonesian) or en (English); default: the plan's language",
    },
    "cli.opt.version": {"id": "tampilkan versi rtplan lalu keluar", "en": "show rtplan's version and exit"},
    "cli.arg.plan": {"id": "folder rencana (berisi plan.toml)", "en": "the plan folder (holds plan.toml)"},
    "cli.arg.plan_new": {"id": "folder baru untuk rencana", "en": "a new folder for the plan"},
    "cli.new.help": {
        "id": "buat folder rencana baru (plan.toml dan semua tabel kosong); tidak menimpa apa pun",
        "en": "create a new plan folder (plan.toml and every table, empty); overwrites nothing",
    },
    "cli.new.rt": {"id": "nomor RT (bawaan 01)", "en": "RT number (default 01)"},
    "cli.new.rw": {"id": "nomor RW (bawaan 01)", "en": "RW number (default 01)"},
    "cli.new.kelurahan": {"id": "nama kelurahan/desa", "en": "kelurahan/village name"},
    "cli.new.kecamatan": {"id": "nama kecamatan", "en": "kecamatan (district) name"},
    "cli.new.city": {"id": "kota/kabupaten", "en": "city/regency"},
    "cli.new.province": {"id": "provinsi", "en": "province"},
    "cli.new.start": {
        "id": "awal periode rencana TTTT-BB-HH (bawaan: tanggal 1 bulan depan)",
        "en": "plan period start YYYY-MM-DD (default: the 1st of next month)",
    },
    "cli.new.end": {
        "id": "akhir periode rencana TTTT-BB-HH (bawaan: enam bulan setelah awal)",
        "en": "plan period end YYYY-MM-DD (default: six months after the start)",
    },
    "cli.new.title": {"id": "judul rencana", "en": "plan title"},
    "cli.validate.help": {
        "id": "periksa seluruh rencana; keluar 0 bila bersih, 1 dengan daftar masalah",
        "en": "check the whole plan; exit 0 when clean, 1 with the list of problems",
    },
    "cli.info.help": {"id": "ringkasan singkat rencana", "en": "a short summary of the plan"},
    "cli.restore.help": {
        "id": "pulihkan versi lama sebuah tabel dari riwayat (.history)",
        "en": "bring back an earlier version of a table from the history (.history)",
    },
    "cli.restore.table": {
        "id": "nama tabel (mis. participants) atau 'plan' untuk plan.toml",
        "en": "table name (e.g. participants) or 'plan' for plan.toml",
    },
    "cli.restore.list": {"id": "tampilkan versi yang tersimpan saja", "en": "only list the kept versions"},
    "cli.restore.version": {
        "id": "versi yang dipulihkan (lihat --list; bawaan: yang terbaru)",
        "en": "the version to restore (see --list; default: the newest)",
    },
}
