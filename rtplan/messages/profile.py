"""Messages of step 0 (profile, participants, meetings) and ``rtplan info``."""

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    "profile.unknown": {"id": "(tidak diisi)", "en": "(not given)"},
    "info.title": {"id": "Rencana", "en": "Plan"},
    "info.area": {"id": "Wilayah", "en": "Area"},
    "info.period": {"id": "Periode", "en": "Period"},
    "info.people": {"id": "Pengurus", "en": "Officers"},
    "info.households": {"id": "KK / warga", "en": "Households / residents"},
    "info.participants": {"id": "Peserta", "en": "Participants"},
    "info.participants_value": {"id": "{n} orang ({p} perempuan, {l} laki-laki)", "en": "{n} ({p} women, {l} men)"},
    "info.meetings": {"id": "Pertemuan", "en": "Meetings"},
    "info.meetings_value": {
        "id": "{n} pertemuan, {a} kehadiran",
        "en": {"one": "{n} meeting, {a} attendances",
               "other": "{n} meetings, {a} attendances"},
    },
    "info.needs": {"id": "Kebutuhan", "en": "Needs"},
    "info.resources": {"id": "Sumber daya", "en": "Resources"},
    "info.activities": {"id": "Kegiatan", "en": "Activities"},
    "info.ledger": {"id": "Buku kas", "en": "Cash book"},
    "info.ledger_value": {
        "id": "{n} catatan",
        "en": {"one": "{n} entry",
               "other": "{n} entries"},
    },
    "info.status": {"id": "Pemeriksaan", "en": "Check"},
    "info.status_ok": {"id": "valid", "en": "valid"},
    "info.status_bad": {
        "id": "{n} masalah (lihat: rtplan validate {path})",
        "en": {"one": "{n} problem (see: rtplan validate {path})",
               "other": "{n} problems (see: rtplan validate {path})"},
    },
    "area.line": {
        "id": "RT {rt}/RW {rw}, Kel. {kelurahan}, Kec. {kecamatan}, {city}, {province}",
        "en": "RT {rt}/RW {rw}, Kel. {kelurahan}, Kec. {kecamatan}, {city}, {province}",
    },
}
MESSAGES.update({
    "sex.L": {"id": "Laki-laki", "en": "Men"},
    "sex.P": {"id": "Perempuan", "en": "Women"},
    "chart.by_sex": {"id": "Menurut jenis kelamin", "en": "By sex"},
    "chart.by_age_band": {"id": "Menurut kelompok umur", "en": "By age band"},
    "chart.by_group": {"id": "Menurut unsur", "en": "By group"},
    "chart.people": {"id": "orang", "en": "people"},
    "chart.meeting": {"id": "Pertemuan", "en": "Meeting"},
    "chart.participation_title": {"id": "Kehadiran warga per pertemuan", "en": "Attendance per meeting"},
    "summary.total": {"id": "Jumlah orang", "en": "People"},
})
