"""Messages of the document pipeline (handout, reports, exports)."""

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    "doc.page": {"id": "Halaman", "en": "Page"},
    "doc.of": {"id": "dari", "en": "of"},
    "doc.engine_unknown": {
        "id": "Mesin PDF '{engine}' tidak dikenal; pilih salah satu: {engines}",
        "en": "Unknown PDF engine '{engine}'; choose one of: {engines}",
    },
    "doc.engine_missing": {
        "id": ("Mesin PDF '{engine}' tidak tersedia. Pasang WeasyPrint (pip install weasyprint) "
               "atau peramban Chromium (apt-get install chromium), atau buat HTML dengan --format html."),
        "en": ("PDF engine '{engine}' is not available. Install WeasyPrint (pip install weasyprint) "
               "or a Chromium browser (apt-get install chromium), or make HTML with --format html."),
    },
}
MESSAGES.update({
    "doc.kernel_failed": {
        "id": "Dokumen tidak bisa dibuat: kernel Python berhenti atau terlalu lama ({error}).",
        "en": "The document could not be made: the Python kernel stopped or took too long ({error}).",
    },
    "doc.stage_execute": {"id": "[1/3] Menjalankan {notebook} dengan data rencana ...",
                          "en": "[1/3] Running {notebook} on the plan ..."},
    "doc.stage_html": {"id": "[2/3] Menyusun dokumen HTML ...", "en": "[2/3] Assembling the HTML document ..."},
    "doc.stage_pdf": {"id": "[3/3] Mencetak PDF A4 dengan {engine} ...",
                      "en": "[3/3] Printing the A4 PDF with {engine} ..."},
    "doc.done": {"id": "Selesai: {path}", "en": "Done: {path}"},
})
MESSAGES.update({
    "doc.plan_has_problems": {
        "id": ("Perhatian: rencana punya {n} masalah (lihat: rtplan validate {plan}); dokumen tetap dibuat dari "
               "isian yang terbaca. Perbaiki dulu sebelum dibagikan."),
        "en": {"one": ("Warning: the plan has {n} problem (see: rtplan validate {plan}); the document is made from "
                       "what can be read. Fix them before sharing it."),
               "other": ("Warning: the plan has {n} problems (see: rtplan validate {plan}); the document is made "
                         "from what can be read. Fix them before sharing it.")},
    },
})
MESSAGES.update({
    "doc.output_in_plan": {
        "id": ("Tidak menulis {path}: tempat itu ada di dalam folder rencana {plan}. Dokumen dan ekspor "
               "tidak pernah ditulis ke folder rencana (data bisa tertimpa). Pilih tempat lain dengan -o, "
               "misalnya folder exports/."),
        "en": ("Not writing {path}: it is inside the plan folder {plan}. Documents and exports are never "
               "written into a plan folder (data could be overwritten). Choose another place with -o, "
               "for example the exports/ folder."),
    },
    "doc.output_not_file": {
        "id": "Tidak menulis {path}: itu bukan file biasa. Pilih nama file atau folder dengan -o.",
        "en": "Not writing {path}: it is not a regular file. Choose a file name or a folder with -o.",
    },
})
MESSAGES.update({
    "doc.as_of": {"id": "Keadaan per", "en": "As of"},
    "cli.handout.as_of": {
        "id": "hitung kegiatan, kas dan status sampai tanggal ini (bawaan: tanggal pertemuan)",
        "en": "count sessions, kas entries and statuses up to this date (default: the meeting's date)",
    },
})
MESSAGES.update({
    "cli.kas.as_of": {
        "id": "kas sebagaimana pada tanggal ini: entri sesudahnya tidak dihitung",
        "en": "the cash book as it stood on this date: later entries are not counted",
    },
})
MESSAGES.update({
    "short.title": {"id": "Ringkasan rencana RT {rt}/RW {rw}", "en": "Plan summary, RT {rt}/RW {rw}"},
    "short.h.priorities": {"id": "Prioritas kebutuhan", "en": "Priorities"},
    "short.h.next": {"id": "Yang akan datang", "en": "What happens next"},
    "short.h.money": {"id": "Anggaran dan sumber dana", "en": "Money"},
    "short.h.contacts": {"id": "Hubungi pengurus", "en": "Whom to ask"},
    "short.col.when": {"id": "Kapan", "en": "When"},
    "short.col.time": {"id": "Jam", "en": "Time"},
    "short.col.repeat": {"id": "Berulang", "en": "Repeats"},
    "short.repeat_until": {"id": "{rule} sampai {end}", "en": "{rule} until {end}"},
    "short.col.role": {"id": "Jabatan", "en": "Role"},
    "short.col.name": {"id": "Nama", "en": "Name"},
    "short.no_next": {"id": "Belum ada kegiatan terjadwal sesudah tanggal ini.",
                      "en": "No activity is scheduled after this date yet."},
    "short.more": {"id": "dan {n} kegiatan lain: lihat handout lengkap di pengurus RT",
                   "en": "and {n} more activities: see the full handout at the pengurus"},
    "short.contacts_note": {
        "id": "Temui pengurus di rumah atau di pertemuan warga; nomor telepon tidak dicetak.",
        "en": "Meet the pengurus at home or at a residents' meeting; phone numbers are not printed.",
    },
    "cli.handout.short": {
        "id": "ringkasan dua halaman untuk setiap rumah tangga (bawaan: handout lengkap untuk pengurus)",
        "en": "a two-page summary for every household (default: the full handout for the pengurus)",
    },
})
MESSAGES.update({
    "ui.doc.full": {"id": "Lengkap (pengurus)", "en": "Full (pengurus)"},
    "ui.doc.short": {"id": "Ringkas (2 halaman, warga)", "en": "Short (2 pages, households)"},
    "ui.doc.meeting": {"id": "Pertemuan", "en": "Meeting"},
    "ui.doc.mask": {"id": "Samarkan nama warga", "en": "Mask residents' names"},
    "ui.doc.make": {"id": "Buat handout", "en": "Make handout"},
    # the panel's own progress lines: the page names no notebook, file or PDF engine
    "ui.doc.stage.1": {"id": "Mengisi handout dengan data rencana ...", "en": "Filling the handout with the plan ..."},
    "ui.doc.stage.2": {"id": "Menyusun halaman ...", "en": "Laying out the pages ..."},
    "ui.doc.stage.3": {"id": "Mencetak PDF ...", "en": "Printing the PDF ..."},
    "ui.doc.done": {"id": "Selesai: handout siap diunduh.", "en": "Done: the handout is ready to download."},
    "ui.doc.download": {"id": "Unduh handout (PDF)", "en": "Download the handout (PDF)"},
})
