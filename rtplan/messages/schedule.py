"""Messages of step 3: activities, sessions, conflict checks, budget, calendar export."""

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    # validation rules (rtplan.schedule.check_recurrence, rtplan.holidays_id.check_calendar_meta)
    "rule.recurrence_day_weekly": {
        "id": "'{value}' bukan nama hari; untuk kegiatan mingguan isi senin, selasa, rabu, kamis, jumat, sabtu "
              "atau minggu",
        "en": "'{value}' is not a weekday; for a weekly activity write senin, selasa, rabu, kamis, jumat, sabtu "
              "or minggu",
    },
    "rule.recurrence_day_monthly": {
        "id": "'{value}' tidak bisa dibaca; untuk kegiatan bulanan isi tanggal 1-31, atau urutan dan hari "
              "seperti 1-minggu (Minggu pertama) atau -1-jumat (Jumat terakhir)",
        "en": "'{value}' cannot be read; for a monthly activity write a day 1-31, or an order and a weekday "
              "such as 1-minggu (first Sunday) or -1-jumat (last Friday)",
    },
    "rule.recurrence_day_ignored": {
        "id": "hari pengulangan '{value}' diabaikan karena kegiatan ini tidak berulang ({recurrence})",
        "en": "recurrence day '{value}' is ignored because this activity does not repeat ({recurrence})",
    },
    "rule.calendar_not_table": {
        "id": "bagian [calendar] harus berisi ramadan_start, ramadan_end dan/atau timezone",
        "en": "the [calendar] section must hold ramadan_start, ramadan_end and/or timezone",
    },
    "rule.bad_timezone": {
        "id": "zona waktu '{value}' tidak dikenal; pakai WIB, WITA, WIT atau nama seperti Asia/Jakarta",
        "en": "unknown time zone '{value}'; use WIB, WITA, WIT or a name such as Asia/Jakarta",
    },
    "rule.ramadan_pair": {
        "id": "isi ramadan_start dan ramadan_end bersama-sama",
        "en": "give ramadan_start and ramadan_end together",
    },
    # recurrence in words
    "recurrence.once": {"id": "sekali", "en": "once"},
    "recurrence.weekly": {"id": "setiap {day}", "en": "every {day}"},
    "recurrence.monthly_day": {"id": "setiap bulan tanggal {day}", "en": "monthly on day {day}"},
    "recurrence.monthly_nth": {"id": "{day} {nth} setiap bulan", "en": "the {nth} {day} of every month"},
    "recurrence.nth.1": {"id": "pertama", "en": "first"},
    "recurrence.nth.2": {"id": "kedua", "en": "second"},
    "recurrence.nth.3": {"id": "ketiga", "en": "third"},
    "recurrence.nth.4": {"id": "keempat", "en": "fourth"},
    "recurrence.nth.5": {"id": "kelima", "en": "fifth"},
    "recurrence.nth.-1": {"id": "terakhir", "en": "last"},
    "recurrence.nth.-2": {"id": "kedua dari akhir", "en": "second-to-last"},
    "recurrence.nth.-3": {"id": "ketiga dari akhir", "en": "third-to-last"},
    "recurrence.nth.-4": {"id": "keempat dari akhir", "en": "fourth-to-last"},
    "recurrence.nth.-5": {"id": "kelima dari akhir", "en": "fifth-to-last"},
    # conflicts
    "conflict.date_sep": {"id": ", ", "en": "; "},
    "conflict.more_dates": {"id": "dan {n} tanggal lain", "en": "and {n} more dates"},
    "conflict.none": {"id": "Tidak ada bentrok jadwal.", "en": "No schedule conflicts."},
    "conflict.count": {
        "id": "{n} temuan: {errors} bentrok, {warnings} perlu diperiksa.",
        "en": "{n} finding(s): {errors} conflict(s), {warnings} to check.",
    },
    "conflict.count_warnings": {
        "id": "Tidak ada bentrok; {warnings} hal perlu diperiksa.",
        "en": "No conflicts; {warnings} thing(s) to check.",
    },
    "conflict.severity.error": {"id": "Bentrok", "en": "Conflict"},
    "conflict.severity.warning": {"id": "Periksa", "en": "Check"},
    "conflict.col.severity": {"id": "Tingkat", "en": "Level"},
    "conflict.col.kind": {"id": "Jenis", "en": "Kind"},
    "conflict.col.activities": {"id": "Kegiatan", "en": "Activities"},
    "conflict.col.date": {"id": "Tanggal pertama", "en": "First date"},
    "conflict.col.message": {"id": "Keterangan", "en": "Details"},
    "conflict.kind.venue_clash": {"id": "Tempat dipakai bersamaan", "en": "Venue double-booked"},
    "conflict.kind.pic_clash": {"id": "PJ di dua tempat", "en": "PIC in two places"},
    "conflict.kind.outside_period": {"id": "Di luar periode", "en": "Outside the period"},
    "conflict.kind.pic_overload": {"id": "PJ terlalu sibuk", "en": "PIC overloaded"},
    "conflict.kind.resource_unavailable": {"id": "Sumber daya tidak tersedia", "en": "Resource not available"},
    "conflict.kind.holiday": {"id": "Hari libur", "en": "Public holiday"},
    "conflict.kind.ramadan_evening": {"id": "Malam Ramadan", "en": "Ramadan evening"},
    "conflict.kind.august_week": {"id": "Pekan 17 Agustus", "en": "17 August week"},
    "conflict.kind.no_priority_need": {"id": "Bukan kebutuhan prioritas", "en": "No prioritised need"},
    "conflict.kind.priority_need_without_activity": {
        "id": "Prioritas tanpa kegiatan", "en": "Priority without activity"},
    "conflict.msg.venue_clash": {
        "id": "{a} ({time_a}) dan {b} ({time_b}) sama-sama memakai {venue} pada jam yang bertabrakan: {dates}.",
        "en": "{a} ({time_a}) and {b} ({time_b}) both use {venue} at overlapping times: {dates}.",
    },
    "conflict.msg.pic_clash": {
        "id": "{pic} memegang dua kegiatan sekaligus: {a} ({time_a}, {venue_a}) dan {b} ({time_b}, {venue_b}): "
              "{dates}.",
        "en": "{pic} is in charge of two activities at once: {a} ({time_a}, {venue_a}) and {b} ({time_b}, "
              "{venue_b}): {dates}.",
    },
    "conflict.msg.pic_overload": {
        "id": "{pic} memegang sampai {n} sesi dalam seminggu (batas {limit}) pada {weeks} minggu, kegiatan "
              "{activities}; minggu mulai {dates}.",
        "en": "{pic} leads up to {n} sessions in one week (limit {limit}) in {weeks} week(s), activities "
              "{activities}; weeks starting {dates}.",
    },
    "conflict.msg.outside_period": {
        "id": "{a} berada di luar periode rencana {start} s.d. {end}: {dates}.",
        "en": "{a} falls outside the plan period {start} to {end}: {dates}.",
    },
    "conflict.msg.resource_unavailable": {
        "id": '{a} memakai {resource}, yang hanya tersedia "{availability}", pada {when}: {dates}.',
        "en": '{a} uses {resource}, available only "{availability}", on {when}: {dates}.',
    },
    "conflict.msg.holiday": {
        "id": "{a} dijadwalkan pada hari libur ({holiday}): {dates}.",
        "en": "{a} is scheduled on a day off ({holiday}): {dates}.",
    },
    "conflict.msg.ramadan_evening": {
        "id": "{a} mulai {time}, bertepatan dengan waktu berbuka puasa dan tarawih di bulan Ramadan: {dates}.",
        "en": "{a} starts at {time}, during iftar and tarawih time in Ramadan: {dates}.",
    },
    "conflict.msg.august_week": {
        "id": "{a} jatuh pada pekan 17 Agustus (lomba, malam tirakatan, upacara; warga sibuk): {dates}.",
        "en": "{a} falls in the 17 August week (contests, malam tirakatan, ceremonies; residents are busy): "
              "{dates}.",
    },
    "conflict.msg.no_priority_need": {
        "id": "{a} menjawab kebutuhan {needs}, tetapi tidak ada yang diprioritaskan.",
        "en": "{a} answers need(s) {needs}, none of which is prioritised.",
    },
    "conflict.msg.no_need": {
        "id": "{a} belum dikaitkan dengan kebutuhan mana pun.",
        "en": "{a} is not linked to any need.",
    },
    "conflict.msg.priority_need_without_activity": {
        "id": "Kebutuhan prioritas ke-{rank}, {need} ({title}), belum punya kegiatan.",
        "en": "Priority need no. {rank}, {need} ({title}), has no activity yet.",
    },
}
MESSAGES.update({
    "budget.source.kas_rt": {"id": "kas RT", "en": "RT cash fund"},
    "budget.source.swadaya": {"id": "swadaya warga", "en": "residents' own contributions"},
    "budget.source.kelurahan": {"id": "dana kelurahan", "en": "kelurahan funds"},
    "budget.source.csr": {"id": "CSR", "en": "CSR"},
    "budget.source.hibah": {"id": "hibah", "en": "grant"},
    "budget.no_source": {"id": "(sumber dana belum ditentukan)", "en": "(no funding source yet)"},
    "budget.total": {"id": "Jumlah", "en": "Total"},
    "budget.col.funding_source": {"id": "Sumber dana", "en": "Funding source"},
    "budget.col.planned": {"id": "Rencana biaya", "en": "Planned"},
    "budget.col.available": {"id": "Dana tersedia", "en": "Available"},
    "budget.col.shortfall": {"id": "Kekurangan", "en": "Shortfall"},
    "budget.col.remaining": {"id": "Sisa", "en": "Left over"},
    "budget.col.activities": {"id": "Kegiatan", "en": "Activities"},
    "budget.col.month": {"id": "Bulan", "en": "Month"},
    "budget.col.activity_id": {"id": "ID", "en": "ID"},
    "budget.col.title": {"id": "Kegiatan", "en": "Activity"},
    "budget.col.sessions": {"id": "Sesi", "en": "Sessions"},
    "budget.col.cost_idr": {"id": "Biaya total", "en": "Total cost"},
    "budget.col.cost_per_session_idr": {"id": "Biaya per sesi", "en": "Cost per session"},
    "budget.line.total": {
        "id": "Rencana biaya seluruh kegiatan {planned}; dana tersedia {available}.",
        "en": "All activities are planned to cost {planned}; {available} is available.",
    },
    "budget.line.shortfall": {
        "id": "{source} kurang {amount} (rencana {planned}, tersedia {available}).",
        "en": "{source} is short by {amount} (planned {planned}, available {available}).",
    },
    "budget.line.no_shortfall": {
        "id": "Setiap sumber dana mencukupi rencana biayanya.",
        "en": "Every funding source covers its planned cost.",
    },
    "budget.line.swadaya": {
        "id": "Swadaya warga: {amount} ({share} dari rencana biaya).",
        "en": "Residents' own contribution (swadaya): {amount} ({share} of the planned cost).",
    },
})
MESSAGES.update({
    "ics.calendar_name": {"id": "Jadwal kegiatan RT", "en": "RT activity schedule"},
    "ics.pic": {"id": "Penanggung jawab", "en": "Person in charge"},
    "ics.needs": {"id": "Menjawab kebutuhan", "en": "Answers needs"},
    "ics.target": {"id": "Target peserta", "en": "Target participants"},
    "ics.activity": {"id": "Kegiatan", "en": "Activity"},
})
MESSAGES.update({
    "cli.opt.format": {"id": "bentuk keluaran: text (dibaca orang) atau json (untuk program)",
                       "en": "output form: text (for people) or json (for programs)"},
    "cli.conflicts.help": {
        "id": "periksa bentrok jadwal kegiatan: tempat, penanggung jawab, hari libur, Ramadan, 17 Agustus, "
              "sumber daya, periode, kebutuhan prioritas",
        "en": "check the activity schedule for conflicts: venue, person in charge, holidays, Ramadan, "
              "17 August, resources, period, prioritised needs",
    },
    "cli.conflicts.strict": {"id": "keluar dengan kode 1 bila ada temuan apa pun",
                             "en": "exit with code 1 when there is any finding"},
    "cli.conflicts.header": {"id": "Pemeriksaan jadwal: {plan}", "en": "Schedule check: {plan}"},
    "cli.budget.help": {
        "id": "rencana biaya per sumber dana dibandingkan dengan dana tersedia (funds.csv), per bulan, "
              "dan bagian swadaya",
        "en": "planned cost per funding source against the available funds (funds.csv), per month, "
              "and the share of swadaya",
    },
    "cli.budget.header": {"id": "Anggaran: {plan}", "en": "Budget: {plan}"},
    "cli.budget.monthly": {"id": "Rencana biaya per bulan:", "en": "Planned cost per month:"},
    "cli.export.help": {
        "id": "buat berkas dari rencana untuk dibagikan (pilih satu jenis, mis. --ics)",
        "en": "make a file from the plan to share (choose one kind, e.g. --ics)",
    },
    "cli.export.ics": {
        "id": "jadwal semua sesi kegiatan sebagai berkas kalender .ics (bisa diimpor ke kalender HP)",
        "en": "every activity session as an .ics calendar file (imports into a phone calendar)",
    },
    "cli.export.output": {
        "id": "berkas tujuan (bawaan: folder exports/)",
        "en": "the file to write (default: the exports/ folder)",
    },
    "cli.export.as_of": {
        "id": "Tanggal tanda tangan daftar usulan Musrenbang (TTTT-BB-HH); bawaan: tanggal rapat "
              "yang memutuskan usulan itu.",
        "en": "The date the Musrenbang proposal list is signed (YYYY-MM-DD); default: the date of the "
              "meeting that decided the proposals.",
    },
    "cli.export.tz": {
        "id": "zona waktu kalender: WIB (bawaan), WITA, WIT atau nama seperti Asia/Makassar",
        "en": "calendar time zone: WIB (default), WITA, WIT or a name such as Asia/Makassar",
    },
    "cli.export.ics_done": {"id": "{n} sesi ditulis ke {path}", "en": "{n} sessions written to {path}"},
})
MESSAGES.update({
    "chart.schedule.gantt_title": {"id": "Jadwal kegiatan", "en": "Activity schedule"},
    "chart.schedule.no_category": {"id": "(tanpa kebutuhan)", "en": "(no need)"},
    "chart.schedule.holiday": {"id": "Hari libur / cuti bersama", "en": "Holiday / joint leave"},
    "chart.schedule.ramadan": {"id": "Ramadan (perkiraan)", "en": "Ramadan (estimate)"},
    "chart.schedule.august": {"id": "Pekan 17 Agustus", "en": "17 August week"},
    "chart.schedule.clash": {"id": "Bentrok tempat/PJ", "en": "Venue/PIC clash"},
    "chart.schedule.clash_mark": {"id": "! = bentrok tempat/PJ", "en": "! = venue/PIC clash"},
    "chart.schedule.more": {"id": "+{n} lagi", "en": "+{n} more"},
    "chart.million": {"id": "jt", "en": "M"},
    "chart.thousand": {"id": "rb", "en": "k"},
    "chart.budget.short": {"id": "kurang Rp {amount}", "en": "short IDR {amount}"},
    "chart.budget.by_source": {"id": "Per sumber dana (Rp)", "en": "Per funding source (IDR)"},
    "chart.budget.by_month": {"id": "Rencana biaya per bulan (Rp)", "en": "Planned cost per month (IDR)"},
    "chart.budget.title": {
        "id": "Anggaran: rencana Rp {planned}, tersedia Rp {available}",
        "en": "Budget: planned IDR {planned}, available IDR {available}",
    },
})
MESSAGES.update({
    "ui.schedule.tab.activities": {"id": "Kegiatan", "en": "Activities"},
    "ui.schedule.tab.funds": {"id": "Sumber dana", "en": "Funds"},
    "ui.schedule.tab.conflicts": {"id": "Bentrok jadwal", "en": "Conflicts"},
    "ui.schedule.tab.budget": {"id": "Anggaran", "en": "Budget"},
    "ui.schedule.conflicts_title": {"id": "Pemeriksaan bentrok jadwal", "en": "Schedule conflict check"},
    "ui.schedule.budget_title": {"id": "Anggaran per sumber dana", "en": "Budget per funding source"},
    "ui.schedule.show_warnings": {"id": "Tampilkan juga yang perlu diperiksa (bukan bentrok)",
                                  "en": "Also show what to check (not conflicts)"},
    "ui.schedule.rec.label": {"id": "Pengulangan", "en": "Repeats"},
    "ui.schedule.rec.once": {"id": "Sekali (atau tiap hari sampai tanggal selesai)",
                             "en": "Once (or daily until the end date)"},
    "ui.schedule.rec.weekly": {"id": "Setiap minggu", "en": "Every week"},
    "ui.schedule.rec.monthly": {"id": "Setiap bulan", "en": "Every month"},
    "ui.schedule.rec.weekday": {"id": "Hari", "en": "Day"},
    "ui.schedule.rec.mode": {"id": "Bulanan pada", "en": "Monthly on"},
    "ui.schedule.rec.by_day": {"id": "tanggal tertentu", "en": "a day of the month"},
    "ui.schedule.rec.by_nth": {"id": "hari ke-… (mis. Minggu pertama)",
                               "en": "the n-th weekday (e.g. first Sunday)"},
    "ui.schedule.rec.day": {"id": "Tanggal", "en": "Day of month"},
    "ui.schedule.rec.nth": {"id": "Urutan", "en": "Which"},
    "ui.schedule.preview": {"id": "{n} sesi dalam periode rencana: {dates}",
                            "en": "{n} sessions in the plan period: {dates}"},
    "ui.schedule.preview.holidays": {"id": "{n} jatuh pada hari libur: {dates}",
                                     "en": "{n} fall on a day off: {dates}"},
    "ui.schedule.preview.none": {"id": "Belum ada sesi dalam periode rencana (isi tanggal mulai).",
                                 "en": "No session in the plan period yet (fill in the start date)."},
})
MESSAGES.update({
    # the declared views of step 3 (rtplan.views.schedule)
    "schedule.col.status": {"id": "Status", "en": "Status"},
    "schedule.col.date": {"id": "Tanggal", "en": "Date"},
    "schedule.col.time": {"id": "Jam", "en": "Time"},
    "schedule.col.activity": {"id": "Kegiatan", "en": "Activity"},
    "schedule.col.venue": {"id": "Tempat", "en": "Venue"},
    "schedule.col.pic": {"id": "PJ", "en": "PIC"},
    "schedule.col.funding_source": {"id": "Sumber dana", "en": "Funding source"},
    "conflict.col.suggestion": {"id": "Saran", "en": "Suggestion"},
    "conflict.hint.venue_clash": {"id": "Pindahkan salah satu kegiatan ke jam, hari atau tempat lain.",
                                  "en": "Move one of the activities to another time, day or venue."},
    "conflict.hint.pic_clash": {"id": "Tunjuk PJ lain untuk salah satu kegiatan, atau geser jamnya.",
                                "en": "Name another person in charge for one of them, or move its time."},
    "conflict.hint.outside_period": {
        "id": "Sesuaikan tanggal kegiatan dengan periode rencana, atau perpanjang periodenya.",
        "en": "Fit the activity's dates into the plan period, or extend the period."},
    "conflict.hint.pic_overload": {"id": "Bagi tugas dengan PJ pendamping, atau kurangi sesi per minggu.",
                                   "en": "Share the work with a second person in charge, or hold fewer "
                                         "sessions a week."},
    "conflict.hint.resource_unavailable": {
        "id": "Tanyakan kepada pemilik sumber daya, atau pindahkan sesi ke waktu luangnya.",
        "en": "Ask the holder of the resource, or move the sessions to when it is available."},
    "conflict.hint.holiday": {"id": "Pastikan warga tetap bisa hadir, atau geser sesi ke hari lain.",
                              "en": "Check that residents can still come, or move the session to another day."},
    "conflict.hint.ramadan_evening": {"id": "Selama Ramadan, adakan sore hari atau mulai setelah tarawih.",
                                      "en": "During Ramadan, hold it in the afternoon or start after tarawih."},
    "conflict.hint.august_week": {
        "id": "Pekan 17 Agustus biasanya sibuk dengan lomba dan tirakatan: pertimbangkan pekan lain.",
        "en": "The week of 17 August is busy with lomba and tirakatan: consider another week."},
    "conflict.hint.no_priority_need": {
        "id": "Hubungkan kegiatan dengan kebutuhan prioritas, atau sepakati alasannya dalam rapat.",
        "en": "Link the activity to a prioritised need, or agree on the reason in the meeting."},
    "conflict.hint.priority_need_without_activity": {
        "id": "Rencanakan setidaknya satu kegiatan untuk kebutuhan ini.",
        "en": "Plan at least one activity for this need."},
})
