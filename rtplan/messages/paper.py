"""Messages of paper worksheets, typing them back, and phone cards."""

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    # -- the worksheets --------------------------------------------------------------
    "paper.code": {"id": "Kode lembar", "en": "Sheet code"},
    "paper.meeting_line": {"id": "{title} · {day} · {place}", "en": "{title} · {day} · {place}"},
    "paper.usg.title": {"id": "Lembar Penilaian USG", "en": "USG scoring sheet"},
    "paper.usg.scorer": {"id": "Penilai", "en": "Scorer"},
    "paper.usg.scorer_blank": {
        "id": "Kode peserta: ........  Nama: ..........................................",
        "en": "Participant code: ........  Name: ..........................................",
    },
    "paper.usg.howto": {
        "id": ("Lingkari satu angka untuk setiap kolom. U = Urgensi (seberapa mendesak), S = Keseriusan "
               "(seberapa parah dampaknya), G = Perkembangan (seberapa cepat memburuk bila dibiarkan). "
               "1 = sangat kecil, 5 = sangat besar."),
        "en": ("Circle one number in each column. U = Urgency (how pressing), S = Seriousness (how bad the "
               "impact), G = Growth (how fast it gets worse if left alone). 1 = very small, 5 = very large."),
    },
    "paper.col.no": {"id": "No", "en": "No"},
    "paper.col.id": {"id": "ID", "en": "ID"},
    "paper.col.need": {"id": "Kebutuhan/masalah", "en": "Need/problem"},
    "paper.dots.title": {"id": "Poster Pemungutan Titik", "en": "Dot-voting poster"},
    "paper.dots.howto": {
        "id": ("Tempel stiker titik Anda di kotak kebutuhan yang paling penting menurut Anda. Setiap peserta "
               "mendapat {k} titik dan boleh menumpuknya. Tulis kode peserta Anda pada setiap stiker."),
        "en": ("Put your dot stickers in the box of the needs that matter most to you. Each participant has "
               "{k} dots and may stack them. Write your participant code on each sticker."),
    },
    "paper.dots.part": {
        "id": "Bagian {i} dari {n}: tempel berdampingan",
        "en": "Part {i} of {n}: tape side by side",
    },
    "paper.dots.total": {"id": "Jumlah titik", "en": "Dots in total"},
    "paper.pw.title": {"id": "Lembar Perbandingan Berpasangan", "en": "Pairwise comparison sheet"},
    "paper.pw.howto": {
        "id": ("Untuk setiap pasangan, centang kebutuhan yang lebih penting: A, B, atau Seri bila sama "
               "penting. {n} kebutuhan teratas, {pairs} pasangan."),
        "en": ("For each pair, tick the need that matters more: A, B, or Seri (tie) when equal. "
               "Top {n} needs, {pairs} pairs."),
    },
    "paper.pw.who": {
        "id": "Diisi oleh (kode peserta, kosongkan bila keputusan bersama): ..........",
        "en": "Filled in by (participant code; leave empty for the group's decision): ..........",
    },
    "paper.pw.needs": {"id": "Kebutuhan yang dibandingkan", "en": "The needs compared"},
    "paper.pw.tie": {"id": "Seri", "en": "Seri (tie)"},
    "paper.map.title": {"id": "Lembar Pemetaan Kebutuhan dan Sumber Daya", "en": "Needs and resources mapping sheet"},
    "paper.map.needs": {"id": "Kebutuhan/masalah warga", "en": "Residents' needs/problems"},
    "paper.map.resources": {"id": "Sumber daya dan aset (ABCD)", "en": "Resources and assets (ABCD)"},
    "paper.map.category": {"id": "Bidang", "en": "Category"},
    "paper.map.location": {"id": "Lokasi", "en": "Location"},
    "paper.map.households": {"id": "KK terdampak", "en": "Households"},
    "paper.map.name": {"id": "Nama sumber daya/aset", "en": "Resource/asset"},
    "paper.map.abcd": {"id": "Kategori ABCD (lingkari)", "en": "ABCD category (circle)"},
    "paper.map.holder": {"id": "Pemilik/pengelola", "en": "Holder"},
    "paper.map.need_no": {"id": "Untuk kebutuhan no.", "en": "For need no."},
    "paper.map.legend": {
        "id": ("Kategori ABCD: IND = individu (keahlian warga), ASO = asosiasi (kelompok, PKK, Karang Taruna), "
               "INS = institusi (sekolah, puskesmas, kelurahan), FIS = fisik (gedung, lahan, alat), "
               "EKO = ekonomi (usaha, modal), BUD = budaya (tradisi, seni), ALM = alam."),
        "en": ("ABCD categories: IND = individuals (residents' skills), ASO = associations (groups, PKK, youth), "
               "INS = institutions (school, clinic, kelurahan), FIS = physical (buildings, land, tools), "
               "EKO = economic (businesses, capital), BUD = cultural (traditions, arts), ALM = natural."),
    },
    "paper.map.cats": {
        "id": "Bidang: ekonomi, kesehatan, pendidikan, lingkungan, infrastruktur, sosial-budaya, keamanan.",
        "en": "Categories: ekonomi, kesehatan, pendidikan, lingkungan, infrastruktur, sosial-budaya, keamanan.",
    },
    "paper.tally.title": {"id": "Lembar rekap: total USG dan kemenangan berpasangan",
                          "en": "Tally sheet: USG totals and pairwise wins"},
    "paper.tally.howto": {
        "id": "Untuk fasilitator. Dari setiap lembar USG tulis U+S+G tiap kebutuhan di kolom 'Turus USG'; "
              "jumlahkan di 'Total USG'. Dari lembar berpasangan beri satu turus untuk pemenang tiap pasangan "
              "(seri: setengah untuk keduanya). Urutkan menurut total USG, lalu kemenangan: itulah peringkatnya.",
        "en": "For the facilitator. From each USG sheet write U+S+G of each need under 'USG tally'; add them up "
              "under 'USG total'. From the pairwise sheet give one mark to the winner of each pair (a tie: half "
              "to both). Order by USG total, then by wins: that is the ranking.",
    },
    "paper.tally.marks": {"id": "Turus USG (U+S+G per lembar)", "en": "USG tally (U+S+G per sheet)"},
    "paper.tally.total": {"id": "Total USG", "en": "USG total"},
    "paper.tally.wins": {"id": "Menang (berpasangan)", "en": "Pairwise wins"},
    "paper.tally.rank": {"id": "Peringkat", "en": "Rank"},
    "paper.no_needs": {
        "id": "Belum ada kebutuhan di needs.csv: lembar ini tidak dapat diisi sebelumnya.",
        "en": "No needs in needs.csv yet: this sheet cannot be pre-filled.",
    },
    "paper.done": {
        "id": "Lembar kerja ditulis: {path} ({sheets} lembar)",
        "en": "Worksheets written: {path} ({sheets} sheets)",
    },
    "paper.no_scorer": {
        "id": "Peserta '{who}' tidak ada di participants.csv.",
        "en": "Participant '{who}' is not in participants.csv.",
    },
    # -- typing back ---------------------------------------------------------------------
    "paper.enter.unknown_kind": {
        "id": "Jenis lembar '{kind}' tidak dikenal. Pilih: usg, dots, pairwise, atau kode lembar (mis. {example}).",
        "en": "Unknown sheet kind '{kind}'. Choose: usg, dots, pairwise, or a sheet code (e.g. {example}).",
    },
    "paper.enter.other_plan": {
        "id": "Kode lembar {code} milik rencana {other}, bukan rencana ini ({this}).",
        "en": "Sheet code {code} belongs to plan {other}, not to this plan ({this}).",
    },
    "paper.enter.not_typed": {
        "id": "Lembar {sheet} tidak diketik kembali ke rencana (hanya usg, dots, pairwise).",
        "en": "Sheet {sheet} is not typed back into the plan (only usg, dots, pairwise).",
    },
    "paper.enter.need_who": {
        "id": "Lembar {sheet} perlu kode peserta: {option}.",
        "en": "Sheet {sheet} needs a participant code: {option}.",
    },
    "paper.enter.empty": {"id": "Tidak ada nilai yang diisi.", "en": "No values were entered."},
    "paper.enter.no_record": {
        "id": "Lembar {code} tidak pernah dicetak dari rencana ini (catatannya tidak ada): cetak lembar kerja "
              "dulu, lalu ketik kode yang tertulis di pojok kanan atas lembar.",
        "en": "Sheet {code} was never printed from this plan (its record is missing): print the worksheets "
              "first, then type the code in the sheet's top right corner.",
    },
    "paper.enter.partial": {
        "id": "Lembar baru terisi {n} dari {total} baris (kosong: {missing}). Periksa lembarnya; bila memang "
              "sebagian, simpan dengan {option}.",
        "en": "Only {n} of {total} rows of the sheet are filled (empty: {missing}). Check the sheet; if it is "
              "partial on purpose, save with {option}.",
    },
    "paper.enter.bad_item": {
        "id": "Bagian '{item}': tulis KUNCI=NILAI (mis. {example}).",
        "en": "Part '{item}': write KEY=VALUE (e.g. {example}).",
    },
    "paper.enter.unknown_need": {
        "id": "Kebutuhan '{need}' tidak ada di needs.csv.",
        "en": "Need '{need}' is not in needs.csv.",
    },
    "paper.enter.twice": {"id": "'{key}' diisi dua kali.", "en": "'{key}' is entered twice."},
    "paper.enter.usg_count": {
        "id": "{need}: perlu tiga angka U,S,G (mis. 5,4,3), bukan '{value}'.",
        "en": "{need}: needs three numbers U,S,G (e.g. 5,4,3), not '{value}'.",
    },
    "paper.enter.usg_range": {
        "id": "{need} {criterion}: '{value}' bukan angka 1 sampai 5.",
        "en": "{need} {criterion}: '{value}' is not a number from 1 to 5.",
    },
    "paper.enter.dots_range": {
        "id": "{need}: '{value}' bukan jumlah titik 0 sampai {max}.",
        "en": "{need}: '{value}' is not a number of dots from 0 to {max}.",
    },
    "paper.enter.unknown_pair": {
        "id": "Pasangan '{pair}' tidak ada di lembar ini (nomor 1 sampai {n}, atau N01/N02 dari {n} pasangan).",
        "en": "Pair '{pair}' is not on this sheet (numbers 1 to {n}, or N01/N02 among the {n} pairs).",
    },
    "paper.enter.bad_choice": {
        "id": "Pasangan {pair}: '{value}' bukan A, B atau Seri.",
        "en": "Pair {pair}: '{value}' is not A, B or Seri.",
    },
    "paper.enter.saved": {
        "id": "Tersimpan dari lembar {code}: {n} baris di {file}.",
        "en": {"one": "Saved from sheet {code}: {n} row in {file}.",
               "other": "Saved from sheet {code}: {n} rows in {file}."},
    },
    "paper.enter.refused": {
        "id": "Lembar {code} tidak disimpan; tidak ada yang berubah:",
        "en": "Sheet {code} was not saved; nothing changed:",
    },
    # -- the panel ------------------------------------------------------------------------
    "paper.ui.title": {"id": "Ketik kembali lembar kerja", "en": "Type back a worksheet"},
    "paper.ui.kind": {"id": "Lembar", "en": "Sheet"},
    "paper.ui.who": {"id": "Peserta", "en": "Participant"},
    "paper.ui.group": {"id": "— keputusan bersama —", "en": "— the group's decision —"},
    "paper.ui.kind.usg": {"id": "USG (satu penilai)", "en": "USG (one scorer)"},
    "paper.ui.kind.dots": {"id": "Titik (satu peserta)", "en": "Dots (one participant)"},
    "paper.ui.kind.pairwise": {"id": "Berpasangan", "en": "Pairwise"},
    "paper.ui.save": {"id": "Simpan lembar", "en": "Save sheet"},
    "paper.ui.saved": {"id": "Lembar {sheet} tersimpan: {things}.", "en": "Sheet {sheet} saved: {things}."},
    "paper.ui.print": {"id": "Cetak lembar kerja", "en": "Print worksheets"},
    "paper.ui.cards": {"id": "Buat kartu", "en": "Make cards"},
    "paper.ui.written": {"id": "Ditulis: {paths}", "en": "Written: {paths}"},
    # -- the cards ------------------------------------------------------------------------
    "paper.card.priorities": {"id": "Prioritas kebutuhan RT {rt}", "en": "RT {rt} priority needs"},
    "paper.card.priorities_sub": {
        "id": "Hasil musyawarah warga RT {rt}/RW {rw}",
        "en": "Agreed at the residents' meeting of RT {rt}/RW {rw}",
    },
    "paper.card.schedule": {"id": "Kegiatan {month}", "en": "Activities in {month}"},
    "paper.card.schedule_sub": {"id": "RT {rt}/RW {rw} · ayo ikut!", "en": "RT {rt}/RW {rw} · join us!"},
    "paper.card.kas": {"id": "Kas RT {month}", "en": "RT cash, {month}"},
    "paper.card.kas_sub": {"id": "Laporan kas RT {rt}/RW {rw}", "en": "RT {rt}/RW {rw} cash report"},
    "paper.card.opening": {"id": "Saldo awal", "en": "Opening balance"},
    "paper.card.income": {"id": "Pemasukan", "en": "Income"},
    "paper.card.expense": {"id": "Pengeluaran", "en": "Expenses"},
    "paper.card.closing": {"id": "Saldo akhir", "en": "Closing balance"},
    "paper.card.pic": {"id": "PJ", "en": "PIC"},
    "paper.card.none_priorities": {"id": "Belum ada kebutuhan yang diprioritaskan.", "en": "No priorities agreed yet."},
    "paper.card.none_schedule": {"id": "Tidak ada kegiatan bulan ini.", "en": "No activities this month."},
    "paper.card.none_kas": {"id": "Tidak ada transaksi bulan ini.", "en": "No entries this month."},
    "paper.cards_done": {
        "id": "Kartu ditulis: {n} gambar di {path}",
        "en": {"one": "Cards written: {n} image in {path}",
               "other": "Cards written: {n} images in {path}"},
    },
    "paper.bad_month": {
        "id": "Bulan '{value}' tidak sah; tulis TTTT-BB, mis. 2026-12.",
        "en": "Month '{value}' is not valid; write YYYY-MM, e.g. 2026-12.",
    },
    # -- the commands ----------------------------------------------------------------------
    "cli.worksheets.help": {
        "id": "cetak lembar kerja A4 untuk musyawarah tanpa laptop, atau ketik kembali hasilnya (--enter)",
        "en": "print A4 worksheets for a meeting without a laptop, or type their results back (--enter)",
    },
    "cli.worksheets.meeting": {
        "id": "ID pertemuan yang tertulis di lembar (bawaan: pertemuan terakhir)",
        "en": "meeting id printed on the sheets (default: the latest meeting)",
    },
    "cli.worksheets.output": {
        "id": "berkas PDF (bawaan: exports/<folder-rencana>-lembar-kerja-<pertemuan>.pdf)",
        "en": "PDF file (default: exports/<plan-folder>-lembar-kerja-<meeting>.pdf)",
    },
    "cli.worksheets.top": {
        "id": "jumlah kebutuhan teratas di lembar berpasangan (bawaan 5: 10 pasangan)",
        "en": "number of top needs on the pairwise sheet (default 5: 10 pairs)",
    },
    "cli.worksheets.scorers": {
        "id": "kode peserta yang mendapat lembar USG, dipisah koma, atau N lembar kosong (bawaan: yang "
              "tercatat hadir di pertemuan itu)",
        "en": "participant codes who get a USG sheet, comma-separated, or N blank sheets (default: those on "
              "the meeting's attendance list)",
    },
    "cli.worksheets.partial": {
        "id": "simpan lembar yang baru sebagian terisi (baris kosong tidak diubah)",
        "en": "save a sheet that is only partly filled (empty rows are left as they are)",
    },
    "cli.worksheets.blank": {
        "id": "jumlah lembar USG kosong untuk peserta baru (bawaan 2)",
        "en": "number of blank USG sheets for newcomers (default 2)",
    },
    "cli.worksheets.poster": {
        "id": "ukuran poster titik: a4 (dua A4 berdampingan, bawaan) atau a3",
        "en": "dot poster size: a4 (two A4 side by side, default) or a3",
    },
    "cli.worksheets.enter": {
        "id": "ketik kembali satu lembar: usg, dots, pairwise, atau kode lembar (mis. RT05RW03/M01/USG/P001)",
        "en": "type back one sheet: usg, dots, pairwise, or its sheet code (e.g. RT05RW03/M01/USG/P001)",
    },
    "cli.worksheets.scorer": {
        "id": "kode peserta pemilik lembar (USG, titik; berpasangan: kosong = keputusan bersama)",
        "en": "the participant code of the sheet (USG, dots; pairwise: empty = the group's decision)",
    },
    "cli.worksheets.values": {
        "id": ("isi lembar: usg 'N01=5,4,3;N02=4,4,2', dots 'N01=2;N05=1', "
               "pairwise '1=A;2=B;3=seri' (nomor pasangan di lembar) atau 'N01/N03=A'"),
        "en": ("the sheet's values: usg 'N01=5,4,3;N02=4,4,2', dots 'N01=2;N05=1', "
               "pairwise '1=A;2=B;3=seri' (pair numbers on the sheet) or 'N01/N03=A'"),
    },
    "cli.cards.help": {
        "id": "buat kartu PNG 1080x1350 untuk grup WhatsApp: prioritas, jadwal bulan depan, kas RT",
        "en": "make 1080x1350 PNG cards for the WhatsApp group: priorities, next month's schedule, RT cash",
    },
    "cli.cards.what": {
        "id": "kartu yang dibuat: priorities, schedule, kas atau all (bawaan)",
        "en": "which cards: priorities, schedule, kas or all (default)",
    },
    "cli.cards.month": {
        "id": "bulan jadwal TTTT-BB (bawaan: bulan depan)",
        "en": "schedule month YYYY-MM (default: next month)",
    },
    "cli.cards.kas_month": {
        "id": "bulan kas TTTT-BB (bawaan: bulan terakhir yang sudah selesai, sebelum bulan jadwal)",
        "en": "cash month YYYY-MM (default: the last finished month, before the schedule month)",
    },
    "cli.cards.top": {"id": "jumlah prioritas di kartu (bawaan: semua)", "en": "number of priorities (default: all)"},
    "cli.cards.output": {
        "id": "folder gambar (bawaan: exports/<folder-rencana>-kartu/)",
        "en": "folder for the images (default: exports/<plan-folder>-kartu/)",
    },
}
