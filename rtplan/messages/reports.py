"""Messages of the monitoring reports (laporan kegiatan, laporan kas RT)."""

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    "report.progress_title": {"id": "LAPORAN KEGIATAN RT {rt}/RW {rw}", "en": "ACTIVITY REPORT RT {rt}/RW {rw}"},
    "report.kas_title": {"id": "LAPORAN KAS RT {rt}/RW {rw}", "en": "RT CASH REPORT RT {rt}/RW {rw}"},
    "report.as_of": {"id": "Keadaan per {date}", "en": "As of {date}"},
    "report.period": {"id": "Periode {start} s.d. {end}", "en": "Period {start} to {end}"},
    "report.h.progress": {"id": "Kemajuan kegiatan", "en": "Progress of activities"},
    "report.h.kas": {"id": "Ringkasan kas", "en": "Cash summary"},
    "report.h.book": {"id": "Buku kas", "en": "Cash book"},
    "report.sig_treasurer": {"id": "Bendahara", "en": "Treasurer"},
    "report.more_references": {"id": "{shown} dan {n} bukti lain (lihat buku kas)",
                               "en": "{shown} and {n} more receipts (see the cash book)"},
    "report.done": {"id": "Selesai: {path}", "en": "Done: {path}"},
}
