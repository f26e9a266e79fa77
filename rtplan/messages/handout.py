"""Messages of the meeting handout (summary, berita acara, daftar hadir)."""

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    "handout.no_meeting": {
        "id": "Pertemuan '{meeting}' tidak ada di meetings.csv. Pertemuan yang ada: {known}",
        "en": "Meeting '{meeting}' is not in meetings.csv. Known meetings: {known}",
    },
    "handout.area": {"id": "Wilayah", "en": "Area"},
    "handout.city": {"id": "Kota/Kabupaten", "en": "City/Regency"},
    "handout.province": {"id": "Provinsi", "en": "Province"},
    "handout.period": {"id": "Periode rencana", "en": "Plan period"},
    "handout.meeting": {"id": "Pertemuan", "en": "Meeting"},
    "handout.when": {"id": "Hari, tanggal, jam", "en": "Day, date, time"},
    "handout.place": {"id": "Tempat", "en": "Place"},
    "handout.chair": {"id": "Pemimpin rapat", "en": "Chair"},
    "handout.agenda": {"id": "Acara", "en": "Agenda"},
    "handout.no_agenda": {"id": "Acara belum dicatat.", "en": "No agenda recorded."},
    "handout.attended": {
        "id": "Hadir {n} orang: {p} perempuan dan {l} laki-laki.",
        "en": {"one": "{n} person attended: {p} women and {l} men.",
               "other": "{n} people attended: {p} women and {l} men."},
    },
    "handout.this_meeting": {"id": "Pertemuan ini", "en": "This meeting"},
    "handout.all_meetings": {"id": "Semua pertemuan", "en": "All meetings"},
    "handout.decisions_in_ba": {
        "id": "Keputusan pertemuan ini tercatat di berita acara. Di bawah: keputusan pertemuan sebelumnya.",
        "en": "This meeting's decisions are in the minutes (berita acara). Below: earlier meetings' decisions."},
    "handout.no_decisions": {"id": "Belum ada keputusan yang dicatat.", "en": "No decisions recorded yet."},
    "handout.tiebreak_final": {
        "id": ("Urutan: urutan prioritas yang ditetapkan musyawarah; kebutuhan lain menyusul menurut "
               "peringkat gabungan."),
        "en": "Order: the priority order the meeting decided; other needs follow in the combined ranking's order."},
    "handout.priorities_proposed": {
        "id": "Urutan ini masih usulan dari hasil penilaian: prioritas belum ditetapkan musyawarah.",
        "en": "This order is still a proposal from the scoring: the priorities have not been decided yet."},
    "handout.proposed_activities": {"id": "Usulan kegiatan (belum diputuskan)",
                                    "en": "Proposed activities (not decided yet)"},
    "handout.decision": {"id": "Keputusan", "en": "Decision"},
    "handout.pic": {"id": "Penanggung jawab", "en": "Person in charge"},
    "handout.due": {"id": "Batas waktu", "en": "Due"},
    "handout.ba_title": {
        "id": "BERITA ACARA MUSYAWARAH WARGA RT {rt}/RW {rw}",
        "en": "MINUTES (BERITA ACARA) OF THE RESIDENTS' MEETING RT {rt}/RW {rw}",
    },
    "handout.no_meeting_yet": {"id": "Belum ada pertemuan yang dicatat.", "en": "No meeting recorded yet."},
    "handout.ba_opening": {
        "id": ("Pada hari ini {day}, pukul {time}, bertempat di {place}, telah dilaksanakan {title}, "
               "dihadiri oleh {n} orang ({p} perempuan, {l} laki-laki) sebagaimana daftar hadir "
               "terlampir, dengan acara sebagai berikut."),
        "en": ("Today, {day}, at {time}, at {place}, the {title} was held, attended "
               "by {n} people ({p} women, {l} men) as in the attached attendance list, with the following agenda."),
    },
    "handout.ba_decisions": {"id": "Keputusan dan tindak lanjut", "en": "Decisions and follow-up"},
    "handout.ba_closing": {
        "id": "Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.",
        "en": "These minutes are made truthfully, to be used as appropriate.",
    },
    "handout.sig_chair": {"id": "Pemimpin rapat", "en": "Chair"},
    "handout.sig_minutes": {"id": "Notulis", "en": "Minute taker"},
    "handout.sig_ketua": {"id": "Mengetahui, Ketua RT {rt}", "en": "Acknowledged, Head of RT {rt}"},
    "handout.sig_resident": {"id": "Wakil warga {n}", "en": "Resident representative {n}"},
    "handout.dh_title": {"id": "DAFTAR HADIR", "en": "ATTENDANCE LIST (DAFTAR HADIR)"},
    "handout.dh_meeting": {
        "id": "{title} · {day} · {place} · RT {rt}/RW {rw}",
        "en": "{title} · {day} · {place} · RT {rt}/RW {rw}",
    },
    "handout.dh_code": {"id": "Kode peserta", "en": "Participant code"},
    "handout.dh_name": {"id": "Nama", "en": "Name"},
    "handout.dh_group": {"id": "Unsur", "en": "Group"},
    "handout.dh_sign": {"id": "Tanda tangan", "en": "Signature"},
    "handout.dh_consent": {"id": "Setuju data dicatat", "en": "Consent to record"},
    "handout.dh_consent_note": {
        "id": ("Centang 'Setuju data dicatat' bila Anda setuju nama, jenis kelamin, kelompok umur dan unsur Anda "
               "dicatat untuk perencanaan RT (UU No. 27 Tahun 2022). Nomor telepon tidak dicetak."),
        "en": ("Tick 'Consent to record' if you agree that your name, sex, age band and group are recorded for RT "
               "planning (Law No. 27/2022). Phone numbers are not printed."),
    },
}
MESSAGES.update({
    "handout.rank": {"id": "Peringkat", "en": "Rank"},
    "handout.need": {"id": "Kebutuhan", "en": "Need"},
    "handout.category": {"id": "Bidang", "en": "Category"},
    "handout.usg_total": {"id": "Skor USG", "en": "USG total"},
    "handout.dots": {"id": "Titik", "en": "Dots"},
    "handout.method_stored": {
        "id": "Metode: urutan prioritas akhir yang disepakati musyawarah (dari USG, voting titik dan "
              "perbandingan berpasangan).",
        "en": "Method: the final priority order agreed by the meeting (from USG, dot voting and pairwise ranking).",
    },
    "handout.method_combined": {
        "id": "Metode: belum ada urutan yang disepakati; urutan gabungan USG, voting titik dan "
              "perbandingan berpasangan.",
        "en": "Method: no agreed order yet; the combined order of USG, dot voting and pairwise ranking.",
    },
    "handout.accepted": {"id": "Sumber daya yang disepakati", "en": "Resources agreed"},
    "handout.resource": {"id": "Sumber daya", "en": "Resource"},
    "handout.reason": {"id": "Alasan", "en": "Reason"},
    "handout.no_matches": {"id": "Belum ada sumber daya yang disepakati.", "en": "No resources agreed yet."},
    "handout.gaps": {
        "id": "Kebutuhan tanpa sumber daya: siapa yang kita hubungi",
        "en": "Needs without resources: whom we ask",
    },
    "handout.partners": {"id": "Mitra yang dapat dihubungi", "en": "Partners to approach"},
    "handout.known_institutions": {"id": "Lembaga yang sudah dikenal", "en": "Institutions we know"},
    "handout.no_gaps": {
        "id": "Setiap kebutuhan prioritas sudah punya sumber daya.",
        "en": "Every prioritised need has a resource.",
    },
    "handout.activity": {"id": "Kegiatan", "en": "Activity"},
    "handout.dates": {"id": "Tanggal", "en": "Dates"},
    "handout.repeat": {"id": "Pengulangan", "en": "Repeats"},
    "handout.time": {"id": "Jam", "en": "Time"},
    "handout.sessions": {"id": "Sesi", "en": "Sessions"},
    "handout.status.rencana": {"id": "rencana", "en": "planned"},
    "handout.status.berjalan": {"id": "berjalan", "en": "ongoing"},
    "handout.status.selesai": {"id": "selesai", "en": "done"},
    "handout.status.batal": {"id": "batal", "en": "cancelled"},
})
MESSAGES.update({
    "handout.h.agenda": {"id": "Acara pertemuan", "en": "Meeting agenda"},
    "handout.h.participation": {"id": "Kehadiran warga", "en": "Participation"},
    "handout.h.needs": {"id": "Kebutuhan prioritas", "en": "Prioritised needs"},
    "handout.h.resources": {"id": "Sumber daya dan kekurangannya", "en": "Resources and gaps"},
    "handout.h.schedule": {"id": "Jadwal kegiatan", "en": "Activity schedule"},
    "handout.h.budget": {"id": "Anggaran per sumber dana", "en": "Budget by funding source"},
    "handout.h.decisions": {"id": "Keputusan dan tindak lanjut", "en": "Decisions and follow-up"},
})
