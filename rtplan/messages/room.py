"""Messages of voting from phones in the room: the phone page, the projector, slips, the CLI."""

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    # -- the phone page ---------------------------------------------------------------
    "room.phone.title": {"id": "Suara rahasia musyawarah warga", "en": "Secret vote of the residents' meeting"},
    "room.phone.code_label": {"id": "Ketik kode suara dari kertas Anda:", "en": "Type the voting code from your slip:"},
    "room.phone.code_hint": {
        "id": "Enam huruf/angka, misalnya ACD-EFH. Tanda hubung boleh diketik atau tidak.",
        "en": "Six letters/digits, for example ACD-EFH. The dash may be typed or left out.",
    },
    "room.phone.join": {"id": "Masuk", "en": "Enter"},
    "room.phone.wait": {
        "id": "Belum ada putaran pemungutan suara yang dibuka. Tunggu aba-aba fasilitator, lalu tekan Muat ulang.",
        "en": "No voting round is open yet. Wait for the facilitator's signal, then press Reload.",
    },
    "room.phone.reload": {"id": "Muat ulang", "en": "Reload"},
    "room.phone.send": {"id": "Kirim suara", "en": "Send my vote"},
    "room.phone.thanks": {"id": "Terima kasih! Suara Anda sudah tersimpan.", "en": "Thank you! Your vote is saved."},
    "room.phone.thanks_more": {
        "id": "Suara Anda rahasia: tidak ada yang tahu pilihan Anda. Tunggu putaran berikutnya.",
        "en": "Your vote is secret: nobody can tell what you chose. Wait for the next round.",
    },
    "room.phone.again": {"id": "Ke putaran berikutnya", "en": "To the next round"},
    "room.phone.secret": {
        "id": "Suara Anda disimpan tanpa nama. Satu kode hanya bisa dipakai sekali setiap putaran.",
        "en": "Your vote is saved without a name. A code can be used once per round.",
    },
    "room.phone.other_lang": {"id": "English", "en": "Bahasa Indonesia"},
    "room.phone.dots_howto": {
        "id": "Anda punya {k} titik. Berikan ke kebutuhan yang paling penting menurut Anda; boleh ditumpuk "
              "di satu kebutuhan.",
        "en": "You have {k} dots. Give them to the needs that matter most to you; you may stack them on one need.",
    },
    "room.phone.dots_used": {"id": "Terpakai {used} dari {k} titik.", "en": "{used} of {k} dots used."},
    "room.phone.usg_howto": {
        "id": "Beri nilai 1 sampai 5 (5 = sangat besar) untuk setiap kebutuhan: U seberapa mendesak, "
              "S seberapa parah dampaknya, G seberapa cepat memburuk bila dibiarkan.",
        "en": "Give 1 to 5 (5 = very large) for each need: U how pressing, S how bad the impact, "
              "G how fast it gets worse if left alone.",
    },
    "room.phone.pair_howto": {
        "id": "{n} pasangan. Untuk setiap pasangan, pilih mana yang lebih penting, atau Seri bila sama penting.",
        "en": "{n} pairs. For each pair, choose the one that matters more, or Tie if they matter equally.",
    },
    "room.phone.pair_q": {"id": "Pasangan {n}: mana yang lebih penting?", "en": "Pair {n}: which matters more?"},
    "room.phone.tie": {"id": "Seri (sama penting)", "en": "Tie (equally important)"},
    "room.phone.choose": {"id": "pilih", "en": "choose"},
    "room.phone.problems": {"id": "Periksa lagi:", "en": "Please check:"},
    "room.phone.error": {"id": "Ada gangguan. Coba lagi.", "en": "Something went wrong. Please try again."},
    "room.phone.not_saved": {
        "id": "Suara belum tersimpan ({reason}). Tekan Kirim suara sekali lagi.",
        "en": "Your vote is not saved yet ({reason}). Press Send my vote once more.",
    },
    "room.crit.u": {"id": "U (mendesak)", "en": "U (urgency)"},
    "room.crit.s": {"id": "S (parah)", "en": "S (seriousness)"},
    "room.crit.g": {"id": "G (memburuk)", "en": "G (growth)"},
    "room.kind.dots": {"id": "Pemungutan titik", "en": "Dot voting"},
    "room.kind.usg": {"id": "Penilaian USG", "en": "USG scoring"},
    "room.kind.pairwise": {"id": "Perbandingan berpasangan", "en": "Pairwise ranking"},
    # -- ballots and codes refused ------------------------------------------------------
    "room.err.dots_bad": {"id": "{title}: pilih 0 sampai {max} titik.", "en": "{title}: choose 0 to {max} dots."},
    "room.err.dots_over": {
        "id": "Anda memakai {used} titik, padahal hanya punya {max}. Kurangi dulu.",
        "en": "You used {used} dots but have only {max}. Take some away first.",
    },
    "room.err.dots_none": {
        "id": "Belum ada titik yang diberikan. Anda punya {max} titik.",
        "en": "No dot given yet. You have {max} dots.",
    },
    "room.err.usg_missing": {
        "id": "{title}: pilih nilai U, S dan G (1-5).",
        "en": "{title}: choose U, S and G (1-5).",
    },
    "room.err.pair_missing": {
        "id": "Pasangan {n} ({a} atau {b}): pilih A, B atau Seri.",
        "en": "Pair {n} ({a} or {b}): choose A, B or Tie.",
    },
    "room.refused.code": {
        "id": ("Kode ini tidak bisa dipakai. Periksa lagi huruf dan angkanya, dan pindai lagi kode QR di layar. "
               "Kalau tetap ditolak, tanyakan fasilitator."),
        "en": ("This code cannot be used. Check its letters and digits, and scan the QR code on the screen again. "
               "If it is still refused, ask the facilitator."),
    },
    "room.refused.scan": {
        "id": ("Putaran baru sudah dibuka: pindai lagi kode QR di layar, atau ketik kode putaran yang tertulis "
               "di bawahnya."),
        "en": "A new round is open: scan the QR code on the screen again, or type the round key written below it.",
    },
    "room.refused.busy": {
        "id": "Ruang suara sedang sibuk. Tunggu satu menit, lalu coba lagi.",
        "en": "The voting room is busy. Wait a minute, then try again.",
    },
    "room.phone.bad_request": {
        "id": "Isian dari ponsel ini tidak bisa dibaca. Buka lagi halaman ini dan isi ulang.",
        "en": "What this phone sent cannot be read. Open this page again and fill it in once more.",
    },
    "room.phone.key_label": {"id": "Kode putaran (di layar, di bawah kode QR):",
                             "en": "Round key (on the screen, below the QR code):"},
    "room.projector.key": {"id": "Kode putaran: {key}", "en": "Round key: {key}"},
    "room.refused.limited": {
        "id": "Terlalu banyak kode yang salah dari ponsel ini. Tunggu {wait} detik, lalu coba lagi.",
        "en": "Too many wrong codes from this phone. Wait {wait} seconds, then try again.",
    },
    "room.refused.no_round": {
        "id": "Putaran pemungutan suara sedang tidak dibuka.",
        "en": "No voting round is open right now.",
    },
    # -- the facilitator's side -----------------------------------------------------------
    "room.no_participant": {
        "id": "{who} tidak ada di daftar peserta. Daftarkan dulu di langkah 0.",
        "en": "{who} is not in the participant list. Register them in step 0 first.",
    },
    "room.round_still_open": {
        "id": "Masih ada putaran yang dibuka. Tutup dulu putaran itu.",
        "en": "A round is still open. Close it first.",
    },
    "room.round_already_open": {
        "id": "Sudah ada putaran yang dibuka. Tutup dulu sebelum membuka yang baru.",
        "en": "A round is already open. Close it before opening a new one.",
    },
    "room.no_round": {"id": "Tidak ada putaran yang dibuka.", "en": "No round is open."},
    "room.too_few_needs": {
        "id": "Belum cukup kebutuhan untuk putaran ini (paling sedikit 2). Tambahkan kebutuhan di langkah 1.",
        "en": "Not enough needs for this round (at least 2). Add needs in step 1.",
    },
    "room.tally.usg_detail": {"id": "U {u} · S {s} · G {g}", "en": "U {u} · S {s} · G {g}"},
    "room.tally.pair_detail": {"id": "{wins} menang, {ties} seri", "en": "{wins} won, {ties} tied"},
    "room.live.open": {"id": "Putaran dibuka", "en": "Round open"},
    "room.live.voted": {"id": "{n} dari {codes} kode sudah memilih", "en": "{n} of {codes} codes have voted"},
    "room.live.result": {"id": "Hasil ({n} suara)", "en": "Result ({n} votes)"},
    "room.live.more": {
        "id": "... dan {n} kebutuhan lain dengan nilai lebih kecil",
        "en": "... and {n} other needs with lower scores",
    },
    "room.live.idle": {
        "id": "Belum ada putaran. {codes} kode suara siap dipakai.",
        "en": "No round yet. {codes} voting codes are ready.",
    },
    "room.projector.title": {"id": "Pilih dari ponsel Anda", "en": "Vote from your phone"},
    "room.projector.scan": {
        "id": "Pindai kode QR atau buka alamat ini di ponsel (sambung ke hotspot yang sama):",
        "en": "Scan the QR code or open this address on your phone (on the same hotspot):",
    },
    # -- the projector panel (notebook 01) ---------------------------------------------------
    "room.panel.off": {
        "id": "Pemungutan suara dari ponsel hanya tersedia dalam mode lokakarya dengan --room "
              "(rtplan workshop RENCANA --room).",
        "en": "Voting from phones is available only in workshop mode with --room (rtplan workshop PLAN --room).",
    },
    "room.panel.off_workshop": {
        "id": "Suara rahasia dari ponsel tidak dinyalakan untuk lokakarya ini.",
        "en": "Secret voting from phones is not switched on for this workshop.",
    },
    "room.panel.title": {"id": "Suara rahasia dari ponsel", "en": "Secret vote from phones"},
    "room.panel.kind": {"id": "Putaran", "en": "Round"},
    "room.panel.top": {"id": "Jumlah kebutuhan teratas", "en": "Top needs"},
    "room.panel.dots": {"id": "Titik per orang (0 = otomatis)", "en": "Dots each (0 = automatic)"},
    "room.panel.open": {"id": "Buka putaran", "en": "Open round"},
    "room.panel.close": {"id": "Tutup putaran", "en": "Close round"},
    "room.panel.late": {"id": "Peserta datang terlambat", "en": "Late arrival"},
    "room.panel.issue": {"id": "Beri kode", "en": "Give a code"},
    "room.panel.hide": {"id": "Sembunyikan kode", "en": "Hide the code"},
    "room.panel.code_for": {
        "id": "Kode baru: {code} (tulis di kertas untuk peserta yang dipilih, lalu sembunyikan dari layar)",
        "en": "New code: {code} (write it on a slip for the participant chosen, then hide it from the screen)",
    },
    "room.panel.opened": {"id": "Putaran dibuka: {kind}.", "en": "Round opened: {kind}."},
    "room.panel.closed": {"id": "Putaran ditutup: {n} suara tersimpan.", "en": "Round closed: {n} votes saved."},
    "room.panel.unreachable": {
        "id": "Server suara tidak menjawab ({reason}). Jalankan ulang rtplan workshop dengan --room.",
        "en": "The voting server does not answer ({reason}). Restart rtplan workshop with --room.",
    },
    # -- slips and the CLI --------------------------------------------------------------------
    "room.slips.title": {"id": "Kode suara", "en": "Voting code"},
    "room.slips.howto": {
        "id": "Buka alamat di layar proyektor dengan ponsel Anda, lalu ketik kode ini. Rahasiakan kode Anda.",
        "en": "Open the address on the projector screen with your phone, then type this code. Keep it secret.",
    },
    "room.slips.none": {
        "id": "Belum ada peserta yang hadir pada pertemuan terakhir: isi daftar hadir di langkah 0.",
        "en": "Nobody is recorded present at the latest meeting: fill in the attendance in step 0.",
    },
    "cli.room_codes.help": {
        "id": "kode suara sekali pakai untuk setiap peserta yang hadir, dicetak sebagai kertas potong (A4)",
        "en": "one-time voting codes for every participant present, printed as cut-out slips (A4)",
    },
    "cli.room_codes.meeting": {
        "id": "pertemuan yang daftar hadirnya dipakai (bawaan: yang terakhir)",
        "en": "the meeting whose attendance is used (default: the latest)",
    },
    "cli.room_codes.output": {
        "id": "berkas keluaran (bawaan: di exports/)",
        "en": "output file (default: in exports/)",
    },
    "cli.room_codes.forget": {
        "id": "hapus semua kode rencana ini (setelah musyawarah selesai)",
        "en": "delete every code of this plan (after the meeting)",
    },
    "cli.room_codes.done": {
        "id": "{n} kode suara dicetak: {path}",
        "en": "{n} voting codes printed: {path}",
    },
    "cli.room_codes.forgotten": {
        "id": ("Semua kode suara rencana ini sudah dihapus: {n} file ({files}). Tidak ada lagi salinan kode "
               "di {folder}."),
        "en": "Every voting code of this plan has been deleted: {n} files ({files}). No copy of a code is left in "
              "{folder}.",
    },
    "cli.room_codes.nothing": {
        "id": "Tidak ada kode suara rencana ini yang tersimpan di {folder}.",
        "en": "No voting code of this plan is kept in {folder}.",
    },
}
