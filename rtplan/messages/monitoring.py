"""Messages of step 4: realizations, progress, indicators and the kas RT (cash book)."""

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    # ledger categories as they read in the report
    "kas.cat.saldo_awal": {"id": "Saldo awal", "en": "Opening balance"},
    "kas.cat.iuran": {"id": "Iuran kas warga", "en": "Residents' dues"},
    "kas.cat.donasi": {"id": "Sumbangan/donasi", "en": "Donations"},
    "kas.cat.kegiatan": {"id": "Belanja kegiatan", "en": "Activity spending"},
    "kas.cat.operasional": {"id": "Operasional pengurus", "en": "Running costs"},
    "kas.cat.koreksi": {"id": "Koreksi/pengembalian", "en": "Correction/refund"},
    "kas.cat.sosial": {"id": "Sosial (santunan, bantuan)", "en": "Social (condolences, aid)"},
    "kas.cat.pinjaman": {"id": "Pinjaman/talangan", "en": "Loan/advance"},
    "kas.cat.other": {"id": "Lain-lain", "en": "Other"},
    "kas.line.grouped": {"id": "{label} ({n} catatan)", "en": "{label} ({n} entries)"},
    # the report form (Jakarta six-monthly form)
    "kas.form.title": {
        "id": "Laporan kas RT {start} s.d. {end}",
        "en": "RT cash report {start} to {end}",
    },
    "kas.form.opening": {"id": "Saldo awal (per {date})", "en": "Opening balance (as of {date})"},
    "kas.form.income": {"id": "Penerimaan", "en": "Income"},
    "kas.form.expense": {"id": "Pengeluaran", "en": "Expenses"},
    "kas.form.income_total": {"id": "Jumlah penerimaan", "en": "Total income"},
    "kas.form.expense_total": {"id": "Jumlah pengeluaran", "en": "Total expenses"},
    "kas.form.closing": {"id": "Saldo akhir (per {date})", "en": "Closing balance (as of {date})"},
    "kas.form.closing_note": {"id": "I + II − III", "en": "I + II − III"},
    "kas.form.none": {"id": "(tidak ada)", "en": "(none)"},
    "kas.col.no": {"id": "No", "en": "No"},
    "kas.col.kegiatan": {"id": "Kegiatan", "en": "Item"},
    "kas.col.jumlah": {"id": "Jumlah", "en": "Amount"},
    "kas.col.keterangan": {"id": "Keterangan", "en": "Note"},
    "kas.book.caption": {"id": "Buku kas dengan saldo berjalan", "en": "Cash book with running balance"},
    "kas.book.entry_id": {"id": "No. bukti", "en": "Entry"},
    "kas.book.date": {"id": "Tanggal", "en": "Date"},
    "kas.book.description": {"id": "Uraian", "en": "Description"},
    "kas.book.income": {"id": "Pemasukan", "en": "Income"},
    "kas.book.expense": {"id": "Pengeluaran", "en": "Expense"},
    "kas.book.balance": {"id": "Saldo", "en": "Balance"},
    "kas.book.activity_id": {"id": "Kegiatan", "en": "Activity"},
    "kas.book.proof": {"id": "Bukti", "en": "Proof"},
    "kas.bad_period": {
        "id": "Periode laporan kas tidak sah: akhir {end} sebelum awal {start}.",
        "en": "Invalid cash report period: the end {end} is before the start {start}.",
    },
    # checks
    "kas.check.none": {"id": "Pemeriksaan buku kas: tidak ada catatan.", "en": "Cash book check: nothing to note."},
    "kas.check.negative": {
        "id": (
            "Saldo kas minus mulai {entry} ({date}), terendah {low}; {until}. Catat dana talangan sebagai "
            "pemasukan (kategori pinjaman), atau bila musyawarah menyetujui saldo minus, tulis "
            "allow_negative = true di bagian [kas] plan.toml."
        ),
        "en": (
            "The cash balance is negative from {entry} ({date}), lowest {low}; {until}. Record the advance as "
            "income (category pinjaman), or if the residents' meeting agreed to a negative balance, write "
            "allow_negative = true in the [kas] section of plan.toml."
        ),
    },
    "kas.check.negative_allowed": {
        "id": "Saldo kas minus mulai {entry} ({date}), terendah {low}; {until} (diizinkan: [kas] allow_negative).",
        "en": ("The cash balance is negative from {entry} ({date}), lowest {low}; {until} "
               "(allowed: [kas] allow_negative)."),
    },
    "kas.check.negative_until": {
        "id": "kembali positif pada {entry} ({date})",
        "en": "positive again at {entry} ({date})",
    },
    "kas.check.negative_still": {"id": "masih minus di akhir buku", "en": "still negative at the end of the book"},
    "kas.check.before_period": {
        "id": (
            "{n} catatan sebelum awal periode rencana {start} ({ids}; {first} s.d. {last}): "
            "jumlahnya masuk saldo awal."
        ),
        "en": (
            "{n} entries before the plan period starts on {start} ({ids}; {first} to {last}): "
            "they make up the opening balance."
        ),
    },
    "kas.check.after_period": {
        "id": (
            "{n} catatan setelah akhir periode rencana {end} ({ids}): tidak masuk laporan periode ini. "
            "Periksa tanggalnya."
        ),
        "en": ("{n} entries after the plan period ends on {end} ({ids}): not in this period's report. "
               "Check their dates."),
    },
    "kas.check.no_description": {
        "id": "{entry} ({date}): pengeluaran {amount} tanpa uraian. Tulis untuk apa uang itu dipakai.",
        "en": "{entry} ({date}): an expense of {amount} without a description. Write what the money was spent on.",
    },
    "kas.check.no_proof": {
        "id": ("{entry} ({date}): pengeluaran {amount} \u201c{description}\u201d tanpa bukti. "
               "Tulis nomor nota/kwitansi di kolom bukti."),
        "en": ("{entry} ({date}): an expense of {amount} \u201c{description}\u201d without proof. "
               "Write the receipt number in the proof column."),
    },
    "kas.check.opening_not_first": {
        "id": (
            "{entry} ({date}) berkategori 'saldo awal' tetapi ada {n} catatan sebelumnya: saldo bisa terhitung dua "
            "kali. Saldo awal hanya untuk catatan pertama buku kas."
        ),
        "en": (
            "{entry} ({date}) has the category 'saldo awal' but {n} entries come before it: the balance may be "
            "counted twice. An opening balance belongs to the first entry of the book only."
        ),
    },
}

MESSAGES.update({
    # statuses
    "mon.status.rencana": {"id": "Rencana", "en": "Planned"},
    "mon.status.berjalan": {"id": "Berjalan", "en": "Ongoing"},
    "mon.status.selesai": {"id": "Selesai", "en": "Done"},
    "mon.status.batal": {"id": "Batal", "en": "Cancelled"},
    "mon.need_state.terlaksana": {"id": "Terlaksana", "en": "Happened"},
    "mon.need_state.berjalan": {"id": "Kegiatan berjalan", "en": "Under way"},
    "mon.need_state.sebagian": {"id": "Sebagian terlaksana", "en": "Partly happened"},
    "mon.need_state.belum": {"id": "Belum terlaksana", "en": "Not yet"},
    "mon.need_state.batal": {"id": "Kegiatan dibatalkan", "en": "Activities cancelled"},
    "mon.need_state.tanpa_kegiatan": {"id": "Belum ada kegiatan", "en": "No activity yet"},
    "mon.achieved.yes": {"id": "Tercapai", "en": "Reached"},
    "mon.achieved.no": {"id": "Belum tercapai", "en": "Not reached"},
    "mon.achieved.none": {"id": "Belum ada data", "en": "No data yet"},
    "mon.behind_mark": {"id": "(tertinggal)", "en": "(behind)"},
    "mon.sessions_value": {
        "id": "{held} terlaksana / {to_date} sampai kini / {planned} rencana",
        "en": "{held} held / {to_date} due so far / {planned} planned",
    },
    "mon.participants_value": {"id": "{n} (L {l}, P {p})", "en": "{n} (M {l}, F {p})"},
    "mon.need_held_value": {"id": "{held} dari {n} kegiatan", "en": "{held} of {n} activities"},
    "mon.totals": {
        "id": (
            "Per {as_of}: {n} kegiatan ({statuses}). Pertemuan terlaksana {held} dari {to_date} yang "
            "dijadwalkan sampai kini ({planned} seluruhnya); {people} kehadiran ({p} perempuan, {l} laki-laki); "
            "biaya terpakai {actual} dari anggaran {budget}."
        ),
        "en": (
            "As of {as_of}: {n} activities ({statuses}). {held} sessions held of {to_date} due so far "
            "({planned} in all); {people} attendances ({p} women, {l} men); {actual} spent of a {budget} budget."
        ),
    },
    "mon.caption.activities": {"id": "Kemajuan per kegiatan", "en": "Progress per activity"},
    "mon.caption.needs": {"id": "Kemajuan per kebutuhan", "en": "Progress per need"},
    "mon.caption.indicators": {"id": "Indikator: target dan capaian", "en": "Indicators: target and achieved"},
    "mon.col.activity.activity": {"id": "Kegiatan", "en": "Activity"},
    "mon.col.activity.status": {"id": "Status", "en": "Status"},
    "mon.col.activity.sessions": {"id": "Pertemuan", "en": "Sessions"},
    "mon.col.activity.participants": {"id": "Kehadiran", "en": "Attendance"},
    "mon.col.activity.per_session": {"id": "Rata-rata / target per pertemuan", "en": "Mean / target per session"},
    "mon.col.activity.cost": {"id": "Biaya terpakai / anggaran", "en": "Spent / budget"},
    "mon.col.activity.cost_ratio": {"id": "% anggaran", "en": "% of budget"},
    "mon.col.need.need": {"id": "Kebutuhan", "en": "Need"},
    "mon.col.need.activities": {"id": "Kegiatan", "en": "Activities"},
    "mon.col.need.held": {"id": "Sudah berjalan", "en": "Started"},
    "mon.col.need.sessions": {"id": "Pertemuan (terlaksana / rencana)", "en": "Sessions (held / planned)"},
    "mon.col.need.participants": {"id": "Kehadiran", "en": "Attendance"},
    "mon.col.need.cost": {"id": "Biaya terpakai / anggaran", "en": "Spent / budget"},
    "mon.col.need.state": {"id": "Keadaan", "en": "State"},
    "mon.col.indicator.activity": {"id": "Kegiatan", "en": "Activity"},
    "mon.col.indicator.indicator": {"id": "Indikator", "en": "Indicator"},
    "mon.col.indicator.target": {"id": "Target peserta", "en": "Target"},
    "mon.col.indicator.achieved_mean": {"id": "Rata-rata hadir", "en": "Mean present"},
    "mon.col.indicator.ratio": {"id": "Capaian", "en": "Achieved"},
    "mon.col.indicator.verdict": {"id": "Target", "en": "Target"},
    "mon.col.indicator.latest_output": {"id": "Hasil terakhir", "en": "Latest output"},
    "mon.col.real.activity_id": {"id": "Kegiatan", "en": "Activity"},
    "mon.col.real.date": {"id": "Tanggal", "en": "Date"},
    "mon.col.real.participants_l": {"id": "Peserta L", "en": "Men"},
    "mon.col.real.participants_p": {"id": "Peserta P", "en": "Women"},
    "mon.col.real.cost_idr": {"id": "Biaya", "en": "Cost"},
    "mon.col.real.output": {"id": "Hasil", "en": "Output"},
    "mon.caption.realizations": {"id": "Pertemuan yang terlaksana", "en": "Sessions held"},
    # checks
    "mon.check.none": {"id": "Pemeriksaan realisasi: tidak ada catatan.", "en": "Realization check: nothing to note."},
    "mon.check.before_start": {
        "id": "{activity}: realisasi {date} sebelum tanggal mulai kegiatan {start}.",
        "en": "{activity}: a session on {date} before the activity's start date {start}.",
    },
    "mon.check.after_end": {
        "id": "{activity}: realisasi {date} setelah tanggal selesai kegiatan {end}.",
        "en": "{activity}: a session on {date} after the activity's end date {end}.",
    },
    "mon.check.held_cancelled": {
        "id": "{activity} berstatus batal tetapi ada realisasi pada {date}.",
        "en": "{activity} is cancelled but has a session recorded on {date}.",
    },
    "mon.check.after_as_of": {
        "id": "{n} realisasi bertanggal setelah {as_of} tidak dihitung dalam laporan ini.",
        "en": "{n} session(s) dated after {as_of} are not counted in this report.",
    },
    "mon.check.status_differs": {
        "id": (
            "{activity}: status tercatat '{recorded}', menurut realisasi '{derived}' ({held} dari {planned} "
            "pertemuan). Perbarui status di tabel kegiatan bila perlu."
        ),
        "en": (
            "{activity}: the recorded status is '{recorded}', the sessions say '{derived}' ({held} of {planned} "
            "sessions). Update the status in the activities table if needed."
        ),
    },
})

MESSAGES.update({
    # charts
    "mon.chart.sessions_title": {"id": "Pertemuan: rencana dan realisasi", "en": "Sessions: planned and held"},
    "mon.chart.sessions_planned": {"id": "Rencana seluruhnya", "en": "Planned in all"},
    "mon.chart.sessions_to_date": {"id": "Dijadwalkan sampai {as_of}", "en": "Due by {as_of}"},
    "mon.chart.sessions_held": {"id": "Terlaksana", "en": "Held"},
    "mon.chart.sessions_axis": {"id": "pertemuan", "en": "sessions"},
    "mon.chart.participants_title": {
        "id": "Peserta per pertemuan: target dan rata-rata hadir",
        "en": "Participants per session: target and mean present",
    },
    "mon.chart.target": {"id": "Target", "en": "Target"},
    "mon.chart.mean_l": {"id": "Rata-rata laki-laki", "en": "Mean men"},
    "mon.chart.mean_p": {"id": "Rata-rata perempuan", "en": "Mean women"},
    "mon.chart.people_axis": {"id": "orang per pertemuan", "en": "people per session"},
    "mon.chart.cost_title": {"id": "Biaya: anggaran dan realisasi", "en": "Cost: budget and spent"},
    "mon.chart.cost_budget": {"id": "Anggaran", "en": "Budget"},
    "mon.chart.cost_actual": {"id": "Terpakai", "en": "Spent"},
    "mon.chart.thousand_idr": {"id": "ribu Rupiah", "en": "thousand Rupiah"},
    "mon.chart.balance_title": {
        "id": "Saldo kas RT (saldo awal {opening}, saldo akhir {closing})",
        "en": "RT cash balance (opening {opening}, closing {closing})",
    },
    "mon.chart.monthly_title": {"id": "Penerimaan dan pengeluaran per bulan", "en": "Income and expenses per month"},
    "mon.chart.income": {"id": "Penerimaan", "en": "Income"},
    "mon.chart.expense": {"id": "Pengeluaran", "en": "Expenses"},
    "mon.chart.nothing": {"id": "Belum ada data", "en": "No data yet"},
})

MESSAGES.update({
    # widget panels
    "ui.mon.tab.record": {"id": "Catat pertemuan", "en": "Record a session"},
    "ui.mon.tab.kas": {"id": "Buku kas", "en": "Cash book"},
    "ui.mon.tab.progress": {"id": "Kemajuan", "en": "Progress"},
    "ui.mon.tab.report": {"id": "Laporan kas", "en": "Cash report"},
    "ui.mon.record.title": {"id": "Catat pertemuan yang terlaksana", "en": "Record a session held"},
    "ui.mon.activity": {"id": "Kegiatan", "en": "Activity"},
    "ui.mon.date": {"id": "Tanggal", "en": "Date"},
    "ui.mon.men": {"id": "Peserta laki-laki", "en": "Men present"},
    "ui.mon.women": {"id": "Peserta perempuan", "en": "Women present"},
    "ui.mon.cost": {"id": "Biaya (Rp)", "en": "Cost (IDR)"},
    "ui.mon.output": {"id": "Hasil", "en": "Output"},
    "ui.mon.notes": {"id": "Catatan", "en": "Notes"},
    "ui.mon.sessions_list": {"id": "Pertemuan tercatat", "en": "Recorded sessions"},
    "ui.mon.no_activity": {"id": "Buat kegiatan dulu di langkah 3.", "en": "Create an activity first in step 3."},
    "ui.mon.pick_activity": {"id": "Pilih kegiatan.", "en": "Pick an activity."},
    "ui.mon.pick_date": {"id": "Isi tanggal pertemuan.", "en": "Fill in the date of the session."},
    "ui.mon.recorded": {"id": "Pertemuan {activity} {date} tersimpan.", "en": "Session of {activity} on {date} saved."},
    "ui.mon.replaced": {
        "id": "Pertemuan {activity} {date} sudah ada dan diperbarui.",
        "en": "The session of {activity} on {date} existed and was updated.",
    },
    "ui.mon.removed": {"id": "Pertemuan {activity} {date} dihapus.", "en": "Session of {activity} on {date} deleted."},
    "ui.mon.activity_progress": {
        "id": "{status}: {held} dari {planned} pertemuan terlaksana; berikutnya {next}.",
        "en": "{status}: {held} of {planned} sessions held; next {next}.",
    },
    "ui.mon.next_none": {"id": "tidak ada", "en": "none"},
    "ui.mon.kas.title": {"id": "Buku kas RT", "en": "RT cash book"},
    "ui.mon.kas.balance_now": {"id": "Saldo kas sekarang: {amount}", "en": "Current cash balance: {amount}"},
    "ui.mon.kas.preview": {
        "id": "Bila disimpan: saldo setelah catatan ini {after}, saldo akhir {closing}.",
        "en": "If saved: balance after this entry {after}, closing balance {closing}.",
    },
    "ui.mon.kas.recent": {"id": "{n} catatan terakhir", "en": "Last {n} entries"},
    "ui.mon.progress.title": {"id": "Kemajuan kegiatan", "en": "Progress of activities"},
    "ui.mon.as_of": {"id": "Per tanggal", "en": "As of"},
    "ui.mon.report.title": {"id": "Laporan kas untuk musyawarah", "en": "Cash report for the residents' meeting"},
    "ui.mon.from": {"id": "Dari", "en": "From"},
    "ui.mon.to": {"id": "Sampai", "en": "To"},
})

MESSAGES.update({
    # command line
    "cli.kas.help": {
        "id": "laporan kas RT satu periode (saldo awal, penerimaan, pengeluaran, saldo akhir) dan pemeriksaannya",
        "en": "the RT cash report of a period (opening balance, income, expenses, closing balance) and its checks",
    },
    "cli.kas.from": {
        "id": "awal periode TTTT-BB-HH (bawaan: awal periode rencana)",
        "en": "period start YYYY-MM-DD (default: the plan period's start)",
    },
    "cli.kas.to": {
        "id": "akhir periode TTTT-BB-HH (bawaan: akhir periode rencana)",
        "en": "period end YYYY-MM-DD (default: the plan period's end)",
    },
    "cli.kas.detail": {"id": "satu baris per catatan (tanpa pengelompokan)", "en": "one line per entry (no grouping)"},
    "cli.kas.book": {
        "id": "tampilkan juga buku kas dengan saldo berjalan",
        "en": "also show the cash book with the running balance",
    },
    "cli.mon.format": {"id": "bentuk keluaran: text, json atau csv", "en": "output format: text, json or csv"},
    "cli.mon.strict": {
        "id": "keluar dengan kode 1 bila ada peringatan",
        "en": "exit with code 1 when there is a warning",
    },
    "cli.progress.help": {
        "id": "kemajuan kegiatan: pertemuan, peserta dan biaya (rencana dan realisasi) per kegiatan dan kebutuhan",
        "en": "progress of activities: sessions, participants and cost (planned and actual) per activity and need",
    },
    "cli.progress.as_of": {
        "id": "per tanggal TTTT-BB-HH (bawaan: hari ini, atau realisasi terakhir bila lebih akhir)",
        "en": "as of YYYY-MM-DD (default: today, or the last session recorded when later)",
    },
    "cli.kas.warnings": {"id": "Pemeriksaan:", "en": "Checks:"},
})
