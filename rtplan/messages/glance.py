"""Messages of the live results beside the step forms (:mod:`rtplan.views.glance`)."""

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    "glance.more": {
        "id": "... dan {n} lagi",
        "en": {"one": "... and {n} more", "other": "... and {n} more"},
    },
    "glance.people.title": {"id": "Peserta tercatat", "en": "Participants listed"},
    "glance.people.none": {"id": "Belum ada peserta.", "en": "No participant yet."},
    "glance.people.big": {"id": "{n} orang", "en": {"one": "{n} person", "other": "{n} people"}},
    "glance.people.sex": {"id": "{p} perempuan · {l} laki-laki", "en": "{p} women · {l} men"},
    "glance.people.consent": {
        "id": "Bersedia dicatat: {yes} · tidak bersedia: {no} · belum ditanya: {unasked}",
        "en": "Agreed to be recorded: {yes} · declined: {no} · not asked yet: {unasked}",
    },
    "glance.people.disability": {
        "id": "{n} penyandang disabilitas",
        "en": {"one": "{n} person with a disability", "other": "{n} people with a disability"},
    },
    "glance.attendance.title": {"id": "Kehadiran tersimpan", "en": "Attendance saved"},
    "glance.attendance.none": {"id": "Belum ada pertemuan.", "en": "No meeting yet."},
    "glance.attendance.big": {
        "id": "{meeting}: {n} dari {total} orang hadir",
        "en": {"one": "{meeting}: {n} of {total} came", "other": "{meeting}: {n} of {total} came"},
    },
    "glance.attendance.line": {
        "id": "{meeting} · {date}: {n} hadir ({p} P · {l} L)",
        "en": "{meeting} · {date}: {n} present ({p} W · {l} M)",
    },
    "glance.match.title": {"id": "Kebutuhan dan sumber daya", "en": "Needs and resources"},
    "glance.match.none": {
        "id": "Belum ada kebutuhan untuk dicocokkan.",
        "en": "No need to match yet.",
    },
    "glance.match.big": {
        "id": "{n} dari {total} kebutuhan sudah punya sumber daya",
        "en": "{n} of {total} needs have a resource",
    },
    "glance.schedule.title": {"id": "Bentrok dan anggaran", "en": "Conflicts and budget"},
    "glance.schedule.money": {
        "id": "Rencana biaya {planned}; dana tersedia {available}",
        "en": "Planned cost {planned}; funds available {available}",
    },
    "glance.schedule.shortfall": {"id": "Kurang dana {amount}", "en": "Short of funds by {amount}"},
    "glance.progress.title": {"id": "Kemajuan rencana", "en": "Progress of the plan"},
    "glance.progress.none": {"id": "Belum ada kegiatan terjadwal.", "en": "No activity scheduled yet."},
    "glance.progress.big": {
        "id": "{held} dari {to_date} pertemuan terjadwal sudah terlaksana",
        "en": "{held} of {to_date} scheduled sessions held",
    },
    "glance.progress.people": {
        "id": "{n} kehadiran ({p} P · {l} L)",
        "en": "{n} attendances ({p} W · {l} M)",
    },
    "glance.progress.money": {
        "id": "Biaya terpakai {actual} dari rencana {planned}",
        "en": "Spent {actual} of {planned} planned",
    },
    "glance.progress.as_of": {
        "id": "Per {date} · {planned} pertemuan direncanakan seluruhnya",
        "en": "As of {date} · {planned} sessions planned in all",
    },
    "glance.kas.title": {"id": "Kas RT", "en": "RT cash"},
    "glance.kas.none": {"id": "Belum ada catatan di buku kas.", "en": "Nothing in the cash book yet."},
    "glance.kas.big": {"id": "Saldo: {amount}", "en": "Balance: {amount}"},
    "glance.kas.line": {"id": "{date}: {amount} → saldo {balance}", "en": "{date}: {amount} → balance {balance}"},
}
