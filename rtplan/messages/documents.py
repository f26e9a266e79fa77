"""Messages of the document pipeline (handout, reports, exports)."""

MESSAGES = {
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
    "doc.cell_failed": {
        "id": "Dokumen tidak bisa dibuat: sebuah sel notebook gagal ({error}). Periksa rencana dengan: rtplan validate",
        "en": "The document could not be made: a notebook cell failed ({error}). Check the plan with: rtplan validate",
    },
    "doc.kernel_failed": {
        "id": "Dokumen tidak bisa dibuat: kernel Python berhenti atau terlalu lama ({error}).",
        "en": "The document could not be made: the Python kernel stopped or took too long ({error}).",
    },
    "doc.stage_execute": {"id": "[1/3] Menjalankan {notebook} dengan data rencana ...",
                          "en": "[1/3] Running {notebook} on the plan ..."},
    "doc.stage_html": {"id": "[2/3] Menyusun dokumen HTML ...", "en": "[2/3] Assembling the HTML document ..."},
    "doc.stage_pdf": {"id": "[3/3] Mencetak PDF A4 dengan {engine} ...", "en": "[3/3] Printing the A4 PDF with {engine} ..."},
    "doc.done": {"id": "Selesai: {path}", "en": "Done: {path}"},
})
MESSAGES.update({
    "doc.plan_has_problems": {
        "id": ("Perhatian: rencana punya {n} masalah (lihat: rtplan validate {plan}); dokumen tetap dibuat "
               "dari isian yang terbaca. Perbaiki dulu sebelum dibagikan."),
        "en": ("Warning: the plan has {n} problem(s) (see: rtplan validate {plan}); the document is made from "
               "what can be read. Fix them before sharing it."),
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
