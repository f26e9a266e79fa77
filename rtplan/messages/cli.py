"""Messages of the command line's help."""

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    "cli.description": {
        "id": "rtplan: buku kerja perencanaan partisipatif RT. Setiap perintah bekerja pada folder rencana.",
        "en": "rtplan: participatory planning workbook for an RT. Every command works on a plan folder.",
    },
    "cli.command_metavar": {"id": "PERINTAH", "en": "COMMAND"},
    "cli.opt.lang": {
        "id": "bahasa pesan: id (Indonesia) atau en (Inggris); bawaan: bahasa rencana",
        "en": "message language: id (Indonesian) or en (English); default: the plan's language",
    },
    "cli.opt.force_emptied": {
        "id": ("simpan juga di atas tabel yang ditemukan kosong padahal versi terakhirnya di .history berisi "
               "baris (tanpa ini penyimpanan ditolak; kembalikan dulu dengan rtplan restore)"),
        "en": ("save even over a table found empty while its last version in .history has rows (without it the "
               "save is refused; bring the rows back first with rtplan restore)"),
    },
    "cli.warning_prefix": {"id": "Peringatan", "en": "Warning"},
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
MESSAGES.update({
    "cli.handout.help": {
        "id": "buat handout musyawarah (ringkasan, berita acara, daftar hadir) sebagai PDF A4",
        "en": "make the meeting handout (summary, minutes, attendance list) as an A4 PDF",
    },
    "cli.handout.meeting": {
        "id": "ID pertemuan untuk berita acara (bawaan: pertemuan terakhir)",
        "en": "meeting id for the minutes (default: the latest meeting)",
    },
    "cli.handout.mask": {
        "id": "samarkan nama warga (S*** W*******) untuk dibagikan lebih luas",
        "en": "mask residents' names (S*** W*******) for wider sharing",
    },
    "cli.handout.engine": {
        "id": "mesin PDF: auto (bawaan), weasyprint atau chromium",
        "en": "PDF engine: auto (default), weasyprint or chromium",
    },
    "cli.handout.format": {"id": "pdf (bawaan) atau html", "en": "pdf (default) or html"},
    "cli.handout.output": {
        "id": "berkas hasil (bawaan: exports/<folder-rencana>-handout-<pertemuan>.pdf)",
        "en": "output file (default: exports/<plan-folder>-handout-<meeting>.pdf)",
    },
})
MESSAGES.update({
    "cli.report.help": {
        "id": "buat laporan A4: --progress (laporan kegiatan) atau --kas (laporan kas RT)",
        "en": "make an A4 report: --progress (activity report) or --kas (RT cash report)",
    },
    "cli.report.progress": {"id": "laporan kegiatan: kemajuan per kegiatan dan kebutuhan",
                            "en": "activity report: progress per activity and need"},
    "cli.report.kas": {"id": "laporan kas RT (saldo awal, penerimaan, pengeluaran, saldo akhir)",
                       "en": "RT cash report (opening, income, expense, closing balance)"},
    "cli.report.from": {"id": "awal periode laporan kas (bawaan: awal periode rencana)",
                        "en": "start of the cash report period (default: plan period start)"},
    "cli.report.to": {"id": "akhir periode laporan kas (bawaan: akhir periode rencana)",
                      "en": "end of the cash report period (default: plan period end)"},
    "cli.report.as_of": {"id": "laporan kegiatan per tanggal ini (bawaan: hari ini atau sesi terakhir)",
                         "en": "activity report as of this date (default: today or the last session)"},
    "cli.report.output": {"id": "berkas hasil (bawaan: exports/<folder-rencana>-laporan-....pdf)",
                          "en": "output file (default: exports/<plan-folder>-laporan-....pdf)"},
})
MESSAGES.update({
    "cli.export.musrenbang": {
        "id": "daftar usulan Musrenbang: XLSX, CSV dan PDF satu halaman dengan tanda tangan",
        "en": "Musrenbang proposal list: XLSX, CSV and a one-page PDF with the signature line",
    },
    "cli.export.columns": {
        "id": "kolom usulan: superset (bawaan), semarang (7 kolom), atau berkas CSV header,field / TOML",
        "en": "proposal columns: superset (default), semarang (7 columns), or a CSV header,field / TOML file",
    },
    "cli.export.engine": {
        "id": "mesin PDF untuk --musrenbang: auto, weasyprint, chromium, atau none (tanpa PDF)",
        "en": "PDF engine for --musrenbang: auto, weasyprint, chromium, or none (no PDF)",
    },
})
MESSAGES.update({"cli.date_metavar": {"id": "TTTT-BB-HH", "en": "YYYY-MM-DD"}})
# command robustness: warnings about a plan's problems, missing parts, OS errors, exit codes
MESSAGES.update({
    "cli.plan_has_problems": {
        "id": ("Perhatian: rencana punya {n} masalah (lihat: rtplan validate {plan}); hasil di bawah dihitung dari "
               "isian yang terbaca."),
        "en": {"one": ("Warning: the plan has {n} problem (see: rtplan validate {plan}); the results below are "
                       "computed from what can be read."),
               "other": ("Warning: the plan has {n} problems (see: rtplan validate {plan}); the results below are "
                         "computed from what can be read.")},
    },
    "cli.rows_set_aside": {
        "id": "Baris yang bermasalah (atau merujuk ke baris bermasalah) tidak dipakai: {files}.",
        "en": "Rows with problems (or pointing at rows with problems) are left out: {files}.",
    },
    "cli.rows_in_file": {
        "id": "{file} {n} baris",
        "en": {"one": "{file} {n} row",
               "other": "{file} {n} rows"},
    },
    "cli.cannot_run": {
        "id": "rtplan {command} tidak bisa dijalankan: berkas yang diperlukan tidak terbaca.",
        "en": "rtplan {command} cannot run: a file it needs cannot be read.",
    },
    "cli.missing.lead": {
        "id": "Catatan: rencana ini belum berisi {parts}.",
        "en": "Note: this plan has no {parts} yet.",
    },
    "cli.missing.doc": {
        "id": "Catatan: bagian dokumen ini akan kosong karena rencana belum berisi {parts}.",
        "en": "Note: parts of this document will be empty: the plan has no {parts} yet.",
    },
    "cli.missing.participants": {"id": "peserta (participants.csv)", "en": "participants (participants.csv)"},
    "cli.missing.meetings": {"id": "pertemuan (meetings.csv)", "en": "meetings (meetings.csv)"},
    "cli.missing.attendance": {"id": "daftar hadir (attendance.csv)", "en": "attendance (attendance.csv)"},
    "cli.missing.needs": {"id": "kebutuhan (needs.csv)", "en": "needs (needs.csv)"},
    "cli.missing.scores": {
        "id": "penilaian kebutuhan (usg_scores.csv, votes.csv, pairwise.csv)",
        "en": "needs scoring (usg_scores.csv, votes.csv, pairwise.csv)",
    },
    "cli.missing.resources": {"id": "potensi/sumber daya (resources.csv)", "en": "resources (resources.csv)"},
    "cli.missing.activities": {"id": "kegiatan (activities.csv)", "en": "activities (activities.csv)"},
    "cli.missing.funds": {"id": "sumber dana (funds.csv)", "en": "funding sources (funds.csv)"},
    "cli.missing.ledger": {"id": "catatan kas (ledger.csv)", "en": "cash-book entries (ledger.csv)"},
    "cli.os.ENOSPC": {
        "id": "Tidak bisa menulis {path}: disk penuh. Kosongkan ruang disk lalu ulangi.",
        "en": "Cannot write {path}: the disk is full. Free some disk space and try again.",
    },
    "cli.os.EDQUOT": {
        "id": "Tidak bisa menulis {path}: kuota disk Anda habis. Kosongkan ruang lalu ulangi.",
        "en": "Cannot write {path}: your disk quota is used up. Free some space and try again.",
    },
    "cli.os.EROFS": {
        "id": "Tidak bisa menulis {path}: disk atau folder hanya-baca. Pilih folder lain (-o).",
        "en": "Cannot write {path}: the disk or folder is read-only. Choose another folder (-o).",
    },
    "cli.os.EACCES": {
        "id": "Tidak ada izin untuk {path}. Periksa izin berkas/folder itu, atau pilih folder lain (-o).",
        "en": "No permission for {path}. Check that file's or folder's permissions, or choose another folder (-o).",
    },
    "cli.os.EISDIR": {
        "id": "{path} adalah folder, padahal di situ seharusnya berkas.",
        "en": "{path} is a folder where a file was expected.",
    },
    "cli.os.ENOTDIR": {
        "id": "{path}: sebagian dari jalur ini adalah berkas, bukan folder.",
        "en": "{path}: part of this path is a file, not a folder.",
    },
    "cli.os.ENAMETOOLONG": {
        "id": "Nama berkas terlalu panjang: {path}. Pakai nama yang lebih pendek.",
        "en": "The file name is too long: {path}. Use a shorter name.",
    },
    "cli.os.ENOENT": {
        "id": "{path} tidak ada (atau foldernya tidak ada).",
        "en": "{path} does not exist (or its folder does not).",
    },
    "cli.os.other": {
        "id": "Tidak bisa membaca atau menulis {path}: {error}.",
        "en": "Cannot read or write {path}: {error}.",
    },
    "cli.os.unchanged": {
        "id": "Data rencana yang tersimpan tidak berubah.",
        "en": "The saved plan data is unchanged.",
    },
    "cli.exit_codes": {
        "id": ("kode keluar:\n"
               "  0    selesai\n"
               "  1    ada masalah yang ditemukan (validate, atau --strict)\n"
               "  2    permintaan ditolak: argumen salah, folder bukan rencana, berkas tidak terbaca,\n"
               "       penyimpanan ditolak, keluaran di dalam folder rencana, disk penuh/hanya-baca\n"
               "  3    kesalahan di rtplan sendiri (mohon laporkan; RTPLAN_DEBUG=1 menampilkan rinciannya)\n"
               "  130  dihentikan (Ctrl-C)\n"
               "  141  pembaca keluaran sudah menutup pipa (mis. rtplan conflicts RENCANA | head)"),
        "en": ("exit codes:\n"
               "  0    done\n"
               "  1    problems found (validate, or --strict)\n"
               "  2    request refused: wrong arguments, not a plan folder, a file cannot be read,\n"
               "       a save refused, an output inside a plan folder, disk full/read-only\n"
               "  3    a bug in rtplan itself (please report it; RTPLAN_DEBUG=1 shows the details)\n"
               "  130  interrupted (Ctrl-C)\n"
               "  141  the reader of the output closed the pipe (e.g. rtplan conflicts PLAN | head)"),
    },
})
MESSAGES.update({
    "cli.doc.cell_failed": {
        "id": ("Dokumen tidak bisa dibuat: sebuah bagian dokumen gagal disusun dari rencana ini. Periksa rencana "
               "dengan: rtplan validate. Bila rencana valid, ini kesalahan di rtplan: mohon laporkan "
               "(RTPLAN_DEBUG=1 menampilkan rinciannya)."),
        "en": ("The document could not be made: a part of it failed on this plan. Check the plan with: "
               "rtplan validate. If the plan is valid, this is a bug in rtplan: please report it "
               "(RTPLAN_DEBUG=1 shows the details)."),
    },
})

# argparse's own sentences (its gettext msgids are the English text); see rtplan.cli
MESSAGES.update({
    "argparse.usage": {"id": "cara pakai: ", "en": "usage: "},
    "argparse.positional": {"id": "argumen", "en": "positional arguments"},
    "argparse.options": {"id": "pilihan", "en": "options"},
    "argparse.optional": {"id": "pilihan", "en": "optional arguments"},
    "argparse.help": {"id": "tampilkan bantuan ini lalu keluar", "en": "show this help message and exit"},
    "argparse.error": {"id": "%(prog)s: kesalahan: %(message)s\n", "en": "%(prog)s: error: %(message)s\n"},
    "argparse.required": {"id": "argumen berikut wajib diisi: %s",
                          "en": "the following arguments are required: %s"},
    "argparse.unrecognized": {"id": "argumen tidak dikenal: %s", "en": "unrecognized arguments: %s"},
    "argparse.invalid_choice": {"id": "pilihan %(value)r tidak dikenal (pilih dari %(choices)s)",
                                "en": "invalid choice: %(value)r (choose from %(choices)s)"},
    "argparse.expected_one": {"id": "perlu satu nilai", "en": "expected one argument"},
    "argparse.argument": {"id": "argumen %(argument_name)s: %(message)s",
                          "en": "argument %(argument_name)s: %(message)s"},
    "argparse.invalid_value": {"id": "nilai %(type)s tidak sah: %(value)r", "en": "invalid %(type)s value: %(value)r"},
    "argparse.version": {"id": "tampilkan versi program lalu keluar", "en": "show program's version number and exit"},
    "argparse.ambiguous": {"id": "pilihan %(option)s ambigu: bisa %(matches)s",
                           "en": "ambiguous option: %(option)s could match %(matches)s"},
})
