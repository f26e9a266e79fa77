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
    # rtplan.ui.inputs: money and date fields
    "ui.input.bad": {"id": "{label}: {reason}", "en": "{label}: {reason}"},
    "ui.input.date_placeholder": {"id": "hh/bb/tttt atau 17 Agustus 2027", "en": "dd/mm/yyyy or 17 August 2027"},
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
# a refused save in the form's words (rtplan.form_messages)
MESSAGES.update({
    "form.row_field": {"id": "{row}, {field}: {text}", "en": "{row}, {field}: {text}"},
    "form.field": {"id": "{field}: {text}", "en": "{field}: {text}"},
    "form.row": {"id": "{row}: {text}", "en": "{row}: {text}"},
    "form.with_hint": {"id": "{text}; {hint}", "en": "{text}; {hint}"},
    "form.join": {"id": "{first} dan {last}", "en": "{first} and {last}"},
    "form.and_follow": {"id": "{text}, dan {follow}", "en": "{text}, and {follow}"},
    "form.duplicate": {
        "id": "{field} '{value}' sudah dipakai: pilih baris itu di daftar untuk mengubahnya, atau pakai yang lain",
        "en": "{field} '{value}' is already used: pick that row in the list to change it, or use another",
    },
    "form.still_used": {
        "id": "{uses} masih memakai {thing} '{name}': hapus dulu yang memakainya, atau batalkan penghapusan",
        "en": "{uses} still use {thing} '{name}': delete those first, or cancel the deletion",
    },
    "form.unknown_ref": {
        "id": "{thing} '{value}' tidak ada (lagi): pilih dari daftar",
        "en": "{thing} '{value}' does not exist (any more): pick one from the list",
    },
    "form.outside_new_period": {
        "id": "{things} berada di luar periode baru {start} s.d. {end}: geser tanggalnya dulu, "
              "atau pilih periode yang mencakupnya",
        "en": "{things} fall outside the new period {start} to {end}: move their dates first, "
              "or choose a period that covers them",
    },
    "form.outside_follow": {"id": "{things} berada di luar periode baru", "en": "{things} fall outside the new period"},
    "form.hint.end_before_start": {"id": "perbaiki salah satunya", "en": "correct one of them"},
    "form.hint.both_amounts": {"id": "kosongkan salah satunya", "en": "empty one of them"},
    "form.hint.outside_period": {
        "id": "pilih tanggal di dalam periode, atau ubah periode di Profil RT",
        "en": "choose a date within the period, or change the period in the RT profile",
    },
    "form.thing.participants": {"id": "peserta", "en": "participant"},
    "form.thing.meetings": {"id": "pertemuan", "en": "meeting"},
    "form.thing.needs": {"id": "kebutuhan", "en": "need"},
    "form.thing.problem_tree": {"id": "simpul pohon masalah", "en": "problem tree node"},
    "form.thing.resources": {"id": "sumber daya", "en": "resource"},
    "form.thing.activities": {"id": "kegiatan", "en": "activity"},
    "form.n.rows": {"id": "{n} baris", "en": {"one": "{n} row", "other": "{n} rows"}},
    "form.n.attendance": {"id": "{n} catatan hadir", "en": {"one": "{n} attendance record",
                                                            "other": "{n} attendance records"}},
    "form.n.usg_scores": {"id": "{n} skor USG", "en": {"one": "{n} USG score", "other": "{n} USG scores"}},
    "form.n.votes": {"id": "{n} suara", "en": {"one": "{n} vote", "other": "{n} votes"}},
    "form.n.pairwise": {"id": "{n} perbandingan", "en": {"one": "{n} comparison", "other": "{n} comparisons"}},
    "form.n.priorities": {"id": "{n} urutan prioritas", "en": {"one": "{n} priority", "other": "{n} priorities"}},
    "form.n.problem_tree": {"id": "{n} simpul pohon masalah",
                            "en": {"one": "{n} problem tree node", "other": "{n} problem tree nodes"}},
    "form.n.matches": {"id": "{n} pencocokan", "en": {"one": "{n} match", "other": "{n} matches"}},
    "form.n.activities": {"id": "{n} kegiatan", "en": {"one": "{n} activity", "other": "{n} activities"}},
    "form.n.ledger": {"id": "{n} catatan kas", "en": {"one": "{n} cash-book entry", "other": "{n} cash-book entries"}},
    "form.n.realizations": {"id": "{n} realisasi", "en": {"one": "{n} realization", "other": "{n} realizations"}},
    "form.n.decisions": {"id": "{n} keputusan", "en": {"one": "{n} decision", "other": "{n} decisions"}},
})
# the safety net: confirm before delete, undo, drafts, reload (rtplan.ui.base)
MESSAGES.update({
    "ui.confirm_delete": {"id": "Hapus {row}? Tidak ada baris lain yang memakainya.",
                          "en": "Delete {row}? No other row uses it."},
    "ui.confirm_yes": {"id": "Ya, hapus", "en": "Yes, delete"},
    "ui.confirm_no": {"id": "Batal", "en": "Cancel"},
    "ui.delete_used_by": {
        "id": "Masih dipakai oleh {rows}. Hapus atau ubah baris-baris itu dulu, lalu hapus lagi.",
        "en": "Still used by {rows}. Delete or change those rows first, then delete again.",
    },
    "ui.dependent_rows": {"id": "{n} baris {table}",
                          "en": {"one": "{n} row of {table}", "other": "{n} rows of {table}"}},
    "ui.undo": {"id": "Urungkan", "en": "Undo"},
    "ui.undone": {"id": "Perubahan terakhir diurungkan.", "en": "The last change was undone."},
    "ui.undo_nothing": {"id": "Belum ada perubahan untuk diurungkan.", "en": "There is no change to undo."},
    "ui.undo_stale": {
        "id": "Tidak bisa diurungkan: tabel ini sudah diubah lagi sesudahnya.",
        "en": "Cannot undo: this table was changed again since.",
    },
    "ui.reload": {"id": "Muat ulang", "en": "Reload"},
    "ui.reloaded": {
        "id": "Rencana dimuat ulang dari disk; isian Anda tetap. Periksa, lalu Simpan lagi.",
        "en": "The plan was reloaded from disk; your typing is kept. Check it, then Save again.",
    },
    "ui.draft": {"id": "belum disimpan: {items}", "en": "not saved yet: {items}"},
})
