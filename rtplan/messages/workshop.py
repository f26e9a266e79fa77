"""Messages of workshop mode (``rtplan workshop``), the step header and plan picker."""

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    # -- the command ---------------------------------------------------------------
    "cli.workshop.help": {
        "id": "buka langkah-langkah sebagai halaman tanpa kode untuk proyektor (mode lokakarya)",
        "en": "open the steps as code-free pages for the projector (workshop mode)",
    },
    "cli.workshop.description": {
        "id": ("Menyajikan buku kerja langkah 0-5 sebagai halaman tanpa kode (Voila) di komputer ini, "
               "tanpa internet. Folder rencana yang belum ada bisa dibuat dari halaman pertama."),
        "en": ("Serves the step notebooks 0-5 as code-free pages (Voila) on this computer, without the "
               "internet. A plan folder that does not exist yet can be created from the first page."),
    },
    "cli.workshop.plan": {
        "id": "folder rencana (boleh belum ada: halaman pertama menawarkan membuatnya)",
        "en": "the plan folder (may not exist yet: the first page offers to create it)",
    },
    "cli.workshop.step": {"id": "langkah yang dibuka pertama (0-5, bawaan 0)",
                          "en": "the step to open first (0-5, default 0)"},
    "cli.workshop.port": {"id": "port di 127.0.0.1 (bawaan: port bebas mana saja)",
                          "en": "the port on 127.0.0.1 (default: any free port)"},
    "cli.workshop.no_browser": {"id": "jangan membuka peramban sendiri", "en": "do not open a browser window"},
    "cli.workshop.bind": {
        "id": ("dengan --room: alamat laptop di hotspot tempat ponsel tersambung; ruang suara hanya mendengarkan "
               "di sana (bawaan: alamat jaringan lokal laptop ini)"),
        "en": ("with --room: this laptop's address on the hotspot the phones join; the voting room listens there "
               "only (default: this laptop's local network address)"),
    },
    "cli.workshop.room": {
        "id": "juga buka ruang suara untuk ponsel warga di jaringan setempat",
        "en": "also open the voting room for residents' phones on the local network",
    },
    "workshop.starting": {"id": "Menyiapkan halaman lokakarya ...", "en": "Preparing the workshop pages ..."},
    "workshop.open_at": {"id": "Buka di peramban: {url}", "en": "Open in the browser: {url}"},
    "workshop.room_at": {"id": "Ruang suara untuk ponsel warga: {url}", "en": "Voting room for phones: {url}"},
    "workshop.stop_hint": {"id": "Tekan Ctrl-C untuk berhenti.", "en": "Press Ctrl-C to stop."},
    "workshop.new_plan_hint": {
        "id": "Folder {path} belum berisi rencana: halaman pertama menawarkan untuk membuatnya.",
        "en": "{path} holds no plan yet: the first page offers to create it.",
    },
    "workshop.stopped": {"id": "Lokakarya dihentikan.", "en": "Workshop stopped."},
    "workshop.failed": {
        "id": "Halaman lokakarya tidak bisa dijalankan. Catatan terakhir server:\n{log}",
        "en": "The workshop pages could not start. The server's last lines:\n{log}",
    },
    "workshop.port_busy": {
        "id": "Port {port} sedang dipakai program lain: pilih port lain atau jangan pakai --port.",
        "en": "Port {port} is in use by another program: pick another one or leave out --port.",
    },
    "workshop.no_notebooks": {
        "id": "Buku kerja langkah tidak ditemukan di {folder} ({names}). Jalankan dari folder proyek rtplan "
              "atau atur RTPLAN_NOTEBOOKS.",
        "en": "The step notebooks are not in {folder} ({names}). Run from the rtplan project folder or set "
              "RTPLAN_NOTEBOOKS.",
    },
    "workshop.room_needs_plan": {
        "id": "Ruang suara perlu rencana yang sudah ada: buat dulu rencana di {path} (tanpa --room), lalu mulai lagi.",
        "en": ("The voting room needs an existing plan: create the plan in {path} first (without --room), "
               "then start again."),
    },
    "workshop.plan_not_recent": {
        "id": ("Alamat halaman ini menunjuk folder {path}, yang belum pernah dibuka di lokakarya ini; folder itu "
               "tidak dibuka. Pilih rencana dari daftar di bawah, atau buat rencana baru."),
        "en": ("This page's address names the folder {path}, which was never opened in this workshop; it is not "
               "opened. Choose a plan from the list below, or create a new one."),
    },
    "workshop.too_many_pages": {
        "id": ("Sudah ada {n} halaman lokakarya yang sedang bekerja, dan tidak ada yang bisa dihentikan sekarang. "
               "Tunggu sampai halaman lain selesai dimuat atau tutup tab yang tidak dipakai, lalu muat ulang "
               "halaman ini."),
        "en": ("{n} workshop pages are already working, and none can be stopped now. Wait until another page "
               "has finished loading or close tabs you do not use, then reload this page."),
    },
    "workshop.bind_failed": {
        "id": ("Ruang suara tidak bisa mendengarkan di {address} ({reason}). Beri --bind alamat laptop ini di "
               "hotspot (lihat `ip addr` atau `ipconfig`), misalnya --bind 192.168.43.1."),
        "en": ("The voting room cannot listen on {address} ({reason}). Give --bind this laptop's address on the "
               "hotspot (see `ip addr` or `ipconfig`), for example --bind 192.168.43.1."),
    },
    "workshop.room_missing": {
        "id": "Ruang suara belum tersedia di versi rtplan ini.",
        "en": "The voting room is not available in this version of rtplan.",
    },
    # -- the page: cell errors (the Voila template) ------------------------------------
    "workshop.explain": {"id": "Penjelasan (klik untuk membuka)", "en": "Explanation (click to open)"},
    "workshop.cell_failed": {
        "id": "Bagian ini tidak bisa ditampilkan. Data yang tersimpan tetap aman; coba muat ulang halaman.",
        "en": "This part could not be shown. Saved data is safe; try reloading the page.",
    },
    # -- the step header ---------------------------------------------------------------
    "workshop.step.0": {"id": "0 Profil", "en": "0 Profile"},
    "workshop.step.1": {"id": "1 Kebutuhan", "en": "1 Needs"},
    "workshop.step.2": {"id": "2 Sumber daya", "en": "2 Resources"},
    "workshop.step.3": {"id": "3 Jadwal", "en": "3 Schedule"},
    "workshop.step.4": {"id": "4 Pemantauan", "en": "4 Monitoring"},
    "workshop.step.5": {"id": "5 Handout", "en": "5 Handout"},
    "workshop.steps_label": {"id": "Langkah", "en": "Steps"},
    "workshop.plan_area": {"id": "RT {rt} / RW {rw}", "en": "RT {rt} / RW {rw}"},
    "workshop.no_plan": {"id": "Pilih rencana dulu di atas.", "en": "Choose a plan first, above."},
    "workshop.no_plan_lead": {
        "id": "Belum ada rencana yang dipilih. Pilih rencana di bawah, atau buat rencana baru.",
        "en": "No plan chosen yet. Pick a plan below, or create a new one.",
    },
    "workshop.not_a_plan": {
        "id": "Folder {path} bukan folder rencana (tidak ada plan.toml).",
        "en": "{path} is not a plan folder (no plan.toml).",
    },
    "workshop.unreadable": {"id": "Rencana {path} tidak bisa dibuka: {reason}",
                            "en": "The plan {path} cannot be opened: {reason}"},
    "workshop.change_plan": {"id": "Ganti rencana", "en": "Change plan"},
    "workshop.pick": {"id": "Rencana", "en": "Plan"},
    "workshop.pick_recent": {"id": "{name} (terakhir dibuka)", "en": "{name} (recent)"},
    "workshop.pick_example": {"id": "{name} (contoh)", "en": "{name} (example)"},
    "workshop.open": {"id": "Buka rencana ini", "en": "Open this plan"},
    "workshop.new": {"id": "Buat rencana baru", "en": "Create a new plan"},
    "workshop.new_rt": {"id": "RT", "en": "RT"},
    "workshop.new_rw": {"id": "RW", "en": "RW"},
    "workshop.new_kelurahan": {"id": "Kelurahan", "en": "Kelurahan"},
    "workshop.new_folder": {"id": "Nama folder", "en": "Folder name"},
    "workshop.new_folder_hint": {"id": "boleh kosong (mis. {path})", "en": "may stay empty (e.g. {path})"},
    "workshop.new_needs_rt": {"id": "Isi nomor RT dan RW (angka).", "en": "Fill in the RT and RW numbers."},
    "workshop.created": {"id": "Rencana baru dibuat: {name}.", "en": "New plan created: {name}."},
    "workshop.opening": {"id": "Halaman dibuka untuk rencana ini ...", "en": "The page opens on this plan ..."},
    "workshop.chosen": {"id": "Rencana dipilih: {name}.", "en": "Plan chosen: {name}."},
    "workshop.reload_voila": {"id": "Muat ulang halaman", "en": "Reload the page"},
    "workshop.reload_lab": {
        "id": "Lalu pilih menu Run > Run All Cells agar semua sel memakai rencana ini.",
        "en": "Then choose Run > Run All Cells so every cell uses this plan.",
    },
}
