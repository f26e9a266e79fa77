"""Messages of the widget panels (shared parts)."""

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    "ui.new": {"id": "Baru", "en": "New"},
    "ui.save": {"id": "Simpan", "en": "Save"},
    "ui.delete": {"id": "Hapus", "en": "Delete"},
    "ui.count": {"id": "{n} baris tersimpan", "en": {"one": "{n} row saved", "other": "{n} rows saved"}},
    "ui.saved_row": {"id": "{id} tersimpan.", "en": "{id} saved."},
    "ui.deleted_row": {"id": "{id} dihapus.", "en": "{id} deleted."},
    "ui.saved": {"id": "Tersimpan.", "en": "Saved."},
    "ui.pick_first": {"id": "Pilih dulu baris di daftar.", "en": "Pick a row in the list first."},
    "ui.delete_refused": {
        "id": "{id} tidak dihapus karena masih dipakai:",
        "en": "{id} was not deleted because it is still used:",
    },
    "ui.private_placeholder": {"id": "pribadi: tidak pernah dicetak", "en": "private: never printed"},
}
MESSAGES.update({
    "ui.profile.title": {"id": "Profil RT", "en": "RT profile"},
    "ui.attendance.title": {"id": "Daftar hadir", "en": "Attendance"},
    "ui.attendance.meeting": {"id": "Pertemuan", "en": "Meeting"},
    "ui.attendance.count": {"id": "{n} orang dicentang hadir", "en": "{n} people ticked as present"},
    "ui.attendance.saved": {"id": "Daftar hadir {meeting} tersimpan: {n} orang.",
                            "en": "Attendance of {meeting} saved: {n} people."},
    "ui.attendance.no_meeting": {"id": "Buat pertemuan dulu di tab Pertemuan.",
                                 "en": "Create a meeting first in the Meetings tab."},
    "ui.summary.title": {"id": "Ringkasan kehadiran", "en": "Participation summary"},
    "ui.tab.profile": {"id": "Profil RT", "en": "RT profile"},
    "ui.tab.participants": {"id": "Peserta", "en": "Participants"},
    "ui.tab.meetings": {"id": "Pertemuan", "en": "Meetings"},
    "ui.tab.attendance": {"id": "Daftar hadir", "en": "Attendance"},
    "ui.tab.summary": {"id": "Ringkasan", "en": "Summary"},
    "summary.date": {"id": "Tanggal", "en": "Date"},
    "summary.title": {"id": "Acara", "en": "Meeting"},
    "summary.place": {"id": "Tempat", "en": "Place"},
    "summary.attendees": {"id": "Hadir", "en": "Present"},
})
