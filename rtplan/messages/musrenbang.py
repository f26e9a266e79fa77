"""Messages of the Musrenbang proposal list export."""

MESSAGES = {
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
    "musrenbang.need_only": {"id": "Penanganan: {title}", "en": "Addressing: {title}"},
    "musrenbang.no_activity": {"id": "belum ada kegiatan terjadwal", "en": "no activity scheduled yet"},
    "musrenbang.people": {"id": "orang", "en": "people"},
    "musrenbang.title": {
        "id": "Daftar Usulan Kegiatan RT {rt}/RW {rw} Kelurahan {kelurahan}",
        "en": "Proposed Activities RT {rt}/RW {rw}, Kelurahan {kelurahan}",
    },
    "musrenbang.sig_ketua": {"id": "Ketua RT {rt}", "en": "Head of RT {rt}"},
    "musrenbang.sig_rw": {"id": "Mengetahui, Ketua RW {rw}", "en": "Acknowledged, Head of RW {rw}"},
    "musrenbang.written": {"id": "Ditulis: {path}", "en": "Written: {path}"},
}
