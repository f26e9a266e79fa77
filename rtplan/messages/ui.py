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
    # a plan's language as the settings form offers it (never the bare code "id" / "en")
    "ui.lang.id": {"id": "Bahasa Indonesia", "en": "Indonesian"},
    "ui.lang.en": {"id": "Bahasa Inggris", "en": "English"},
    # under every list where several can be chosen (a browser's multiple select needs Ctrl)
    "ui.pick_several": {
        "id": "Untuk memilih lebih dari satu: tahan tombol Ctrl sambil mengklik (Shift: satu rentang).",
        "en": "To choose more than one: hold Ctrl while clicking (Shift: a range).",
    },
    # hints in empty fields: they say what to type, and never read as a value already set
    "ui.hint.time": {"id": "jam:menit, mis. 19:30", "en": "hh:mm, e.g. 19:30"},
    "ui.hint.money": {"id": "rupiah, mis. 1500000", "en": "rupiah, e.g. 1500000"},
    "ui.hint.int": {"id": "angka", "en": "a number"},
    "ui.hint.example": {"id": "mis. {text}", "en": "e.g. {text}"},
    "ui.hint.list": {"id": "pisahkan dengan titik koma ( ; )", "en": "separate with semicolons ( ; )"},
    "ui.private_placeholder": {"id": "pribadi: tidak pernah dicetak", "en": "private: never printed"},
    # rtplan.ui.inputs: money and date fields
    "ui.input.bad": {"id": "{label}: {reason}", "en": "{label}: {reason}"},
    "ui.input.date_placeholder": {"id": "hh/bb/tttt atau 17 Agustus 2027", "en": "dd/mm/yyyy or 17 August 2027"},
    # the participant form's consent question (UU PDP No. 27/2022): answered explicitly
    "ui.consent.question": {
        "id": ("Bersedia nama, jenis kelamin, kelompok umur dan unsurnya dicatat untuk perencanaan RT "
               "dan dicetak di daftar hadir? (UU PDP No. 27/2022; nomor telepon tidak pernah dicetak)"),
        "en": ("Does this person agree that their name, sex, age band and group are recorded for RT planning "
               "and printed on the attendance list? (Law No. 27/2022; phone numbers are never printed)"),
    },
    "ui.consent.yes": {"id": "Ya, bersedia", "en": "Yes, agrees"},
    "ui.consent.no": {"id": "Tidak bersedia", "en": "No, does not agree"},
    "ui.consent.not_asked": {"id": "Belum ditanya", "en": "Not asked yet"},
    "ui.consent.unanswered": {
        "id": "tanyakan dulu, lalu pilih 'Ya, bersedia', 'Tidak bersedia' atau 'Belum ditanya'",
        "en": "ask first, then pick 'Yes, agrees', 'No, does not agree' or 'Not asked yet'",
    },
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
        "id": "{uses} masih memakai {thing} '{name}', jadi belum bisa dihapus: hapus atau ubah dulu yang memakainya",
        "en": "{uses} still use {thing} '{name}', so it cannot be deleted yet: delete or change those first",
    },
    "form.changed_elsewhere": {
        "id": ("{what} sudah diubah di luar formulir ini (di jendela lain atau oleh orang lain) sejak dibuka. "
               "Perubahan Anda belum disimpan agar perubahan itu tidak hilang: tekan Muat ulang (isian Anda tetap), "
               "periksa, lalu simpan lagi."),
        "en": ("{what} was changed outside this form (in another window or by someone else) since it was opened. "
               "Your change was not saved so that change is not lost: press Reload (your typing is kept), "
               "check, then save again."),
    },
    "form.table.plan": {"id": "Profil RT", "en": "The RT profile"},
    "form.table.some": {"id": "Rencana", "en": "The plan"},
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
    "form.n.under": {"id": "{n} simpul di bawahnya", "en": {"one": "{n} node under it", "other": "{n} nodes under it"}},
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
    "ui.emptied_save_yes": {"id": "Ya, simpan", "en": "Yes, save"},
    "ui.emptied_confirm": {
        "id": ("Tabel {table} kosong saat dimuat, padahal versi terakhirnya berisi {rows} baris. Simpan juga "
               "dan timpa? (Lebih aman: Batal, lalu Muat ulang atau rtplan restore.)"),
        "en": ("The {table} table was empty when loaded, yet its last version has {rows} rows. Save over it "
               "anyway? (Safer: Cancel, then Reload or rtplan restore.)"),
    },
    "ui.emptied_saved": {"id": "Disimpan (setelah konfirmasi).", "en": "Saved (after confirming)."},
    "ui.undo": {"id": "Urungkan", "en": "Undo"},
    "ui.undone": {"id": "Perubahan terakhir diurungkan.", "en": "The last change was undone."},
    "ui.undo_nothing": {"id": "Belum ada perubahan untuk diurungkan.", "en": "There is no change to undo."},
    "ui.undo_stale": {
        "id": "Tidak bisa diurungkan: tabel ini sudah diubah lagi sesudahnya.",
        "en": "Cannot undo: this table was changed again since.",
    },
    "ui.reload": {"id": "Muat ulang", "en": "Reload"},
    "ui.reloaded": {
        "id": "Rencana dimuat ulang dengan perubahan terbaru; isian Anda tetap. Periksa, lalu Simpan lagi.",
        "en": "The plan was reloaded with the latest changes; your typing is kept. Check it, then Save again.",
    },
    "ui.draft": {"id": "belum disimpan: {items}", "en": "not saved yet: {items}"},
})
