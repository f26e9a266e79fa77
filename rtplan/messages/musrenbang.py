"""Messages of the Musrenbang proposal list export."""

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    "musrenbang.no_file": {
        "id": "Berkas pemetaan kolom '{path}' tidak ada. Pakai preset ({presets}) atau berkas CSV header,field.",
        "en": "Column mapping file '{path}' does not exist. Use a preset ({presets}) or a CSV file header,field.",
    },
    "musrenbang.bad_toml": {"id": "{path} tidak bisa dibaca: {error}", "en": "{path} cannot be read: {error}"},
    "musrenbang.bad_field": {
        "id": "{path} baris {line}: kolom '{field}' tidak dikenal; pilihan: {fields}",
        "en": "{path} line {line}: unknown field '{field}'; choose from: {fields}",
    },
    "musrenbang.empty_mapping": {"id": "{path} tidak berisi kolom apa pun.", "en": "{path} lists no columns."},
    "musrenbang.title": {
        "id": "Daftar Usulan Kegiatan RT {rt}/RW {rw} Kelurahan {kelurahan}",
        "en": "Proposed Activities RT {rt}/RW {rw}, Kelurahan {kelurahan}",
    },
    "musrenbang.sig_ketua": {"id": "Ketua RT {rt}", "en": "Head of RT {rt}"},
    "musrenbang.sig_rw": {"id": "Mengetahui, Ketua RW {rw}", "en": "Acknowledged, Head of RW {rw}"},
    "musrenbang.written": {"id": "Ditulis: {path}", "en": "Written: {path}"},
    # Musrenbang bidang of a need category (Semarang's Fisik prasarana / Ekonomi / Sosial budaya)
    "musrenbang.no_proposals": {
        "id": "Rencana '{plan}' belum punya usulan ke Musrenbang (proposals.csv kosong), jadi tidak ada daftar "
              "yang dibuat. Putuskan usulan di musyawarah (langkah 3, panel Usulan ke Musrenbang), lalu ekspor lagi.",
        "en": "Plan '{plan}' has no Musrenbang proposals yet (proposals.csv is empty), so no list was made. "
              "Decide the proposals in a meeting (step 3, panel Musrenbang proposals), then export again.",
    },
    "ui.proposals.heading": {"id": "Usulan ke Musrenbang", "en": "Proposals to the Musrenbang"},
    "ui.proposals.help": {
        "id": "Kebutuhan prioritas yang belum punya sumber daya dan belum didanai sendiri (kas RT, swadaya, CSR, "
              "hibah). Centang yang diputuskan untuk diusulkan, isi volume, satuan, biaya dan bidang, pilih rapatnya, "
              "lalu simpan. Urutan simpan adalah urutan prioritas.",
        "en": "Prioritised needs with no resource and no local funding (kas RT, swadaya, CSR, grants). Tick the "
              "ones the meeting decided to send, fill in volume, unit, cost and field, choose the meeting, then "
              "save. The order saved is the priority order.",
    },
    "ui.proposals.meeting": {"id": "Diputuskan di", "en": "Decided at"},
    "ui.proposals.title": {"id": "Jenis kegiatan", "en": "Proposed activity"},
    "ui.proposals.location": {"id": "Lokasi (jalan/tetenger)", "en": "Location (street/landmark)"},
    "ui.proposals.volume": {"id": "Volume", "en": "Volume"},
    "ui.proposals.unit": {"id": "satuan", "en": "unit"},
    "ui.proposals.cost": {"id": "Biaya (Rp)", "en": "Cost (IDR)"},
    "ui.proposals.save": {"id": "Simpan usulan", "en": "Save proposals"},
    "ui.proposals.none": {"id": "Tidak ada kandidat: setiap kebutuhan prioritas sudah punya sumber daya, dana "
                                "sendiri, atau sudah diusulkan.",
                          "en": "No candidates: every prioritised need has a resource, local funding, or is "
                                "already proposed."},
    "ui.proposals.current": {"id": "Usulan yang sudah diputuskan", "en": "Proposals decided so far"},
    "ui.proposals.nothing_ticked": {"id": "Belum ada yang dicentang; tidak ada yang disimpan.",
                                    "en": "Nothing ticked; nothing saved."},
    "ui.proposals.no_meeting": {"id": "Belum ada rapat di rencana ini; isi daftar rapat dulu (langkah 0).",
                                "en": "This plan has no meetings yet; add one first (step 0)."},
    "ui.proposals.saved": {"id": "{n} usulan disimpan, diputuskan di {meeting}.",
                           "en": "{n} proposals saved, decided at {meeting}."},
    "musrenbang.total": {"id": "Jumlah", "en": "Total"},
    "bidang.kesehatan": {"id": "Kesehatan", "en": "Health"},
    "bidang.pendidikan-kebudayaan": {"id": "Pendidikan dan kebudayaan", "en": "Education and culture"},
    "bidang.umkm": {"id": "Usaha mikro, kecil dan menengah (UMKM)", "en": "Micro and small enterprises (UMKM)"},
    "bidang.kelembagaan-masyarakat": {"id": "Kelembagaan masyarakat", "en": "Community institutions"},
    "bidang.ketenteraman-ketertiban": {"id": "Ketenteraman dan ketertiban", "en": "Peace and public order"},
    "bidang.kesiapsiagaan-bencana": {"id": "Kesiapsiagaan bencana", "en": "Disaster preparedness"},
    "bidang.infrastruktur": {"id": "Infrastruktur (sarana dan prasarana)", "en": "Infrastructure"},
    "proposal.level.rw": {"id": "Rembug Warga (RW)", "en": "RW meeting (Rembug Warga)"},
    "proposal.level.kelurahan": {"id": "Musrenbang Kelurahan", "en": "Musrenbang (kelurahan)"},
    "proposal.level.kecamatan": {"id": "Musrenbang Kecamatan", "en": "Musrenbang (kecamatan)"},
    "proposal.level.kota": {"id": "Musrenbang Kota", "en": "Musrenbang (city)"},
    "proposal.state.diusulkan": {"id": "Diusulkan", "en": "Proposed"},
    "proposal.state.diterima-rw": {"id": "Diterima RW", "en": "Accepted by the RW"},
    "proposal.state.diterima-kelurahan": {"id": "Diterima kelurahan", "en": "Accepted by the kelurahan"},
    "proposal.state.ditolak": {"id": "Ditolak", "en": "Rejected"},
    "proposal.state.dianggarkan": {"id": "Dianggarkan", "en": "Budgeted"},
    "proposal.state.dilaksanakan": {"id": "Dilaksanakan", "en": "Carried out"},
    "musrenbang.field.no_prioritas": {"id": "No. prioritas", "en": "Priority no."},
    "musrenbang.field.bidang": {"id": "Bidang", "en": "Field"},
    "musrenbang.field.usulan_kegiatan": {"id": "Usulan kegiatan", "en": "Proposed activity"},
    "musrenbang.field.permasalahan": {"id": "Permasalahan", "en": "Problem"},
    "musrenbang.field.lokasi": {"id": "Lokasi", "en": "Location"},
    "musrenbang.field.rt": {"id": "RT", "en": "RT"},
    "musrenbang.field.rw": {"id": "RW", "en": "RW"},
    "musrenbang.field.volume": {"id": "Volume", "en": "Volume"},
    "musrenbang.field.satuan": {"id": "Satuan", "en": "Unit"},
    "musrenbang.field.perkiraan_biaya": {"id": "Perkiraan biaya (Rp)", "en": "Estimated cost (IDR)"},
    "musrenbang.field.sumber_dana": {"id": "Sumber dana", "en": "Funding source"},
    "musrenbang.field.potensi_swadaya": {"id": "Potensi swadaya", "en": "Community contribution"},
    "musrenbang.field.skor_prioritas": {"id": "Skor prioritas", "en": "Priority score"},
    "musrenbang.field.keterangan": {"id": "Keterangan", "en": "Notes"},
    "musrenbang.field.rt_rw": {"id": "RT/RW", "en": "RT/RW"},
    "musrenbang.field.volume_satuan": {"id": "Volume", "en": "Volume"},
}
