"""Messages of research pooling, export and summaries."""

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    "research.secret_missing": {
        "id": ("tidak ada kunci rahasia pseudonim: beri --secret-file BERKAS (dibuat bila belum ada, simpan di "
               "luar folder ekspor dan jangan dibagikan), atau isi {env_file} (jalur berkas) atau {env} (nilainya)"),
        "en": ("no pseudonym secret: give --secret-file FILE (created when missing; keep it outside the export "
               "folder and never share it), or set {env_file} (a file path) or {env} (the value)"),
    },
    "research.secret_not_found": {
        "id": "berkas kunci rahasia {path} tidak ada",
        "en": "the secret file {path} does not exist",
    },
    "research.secret_short": {
        "id": "kunci rahasia terlalu pendek: minimal {n} karakter",
        "en": "the secret is too short: at least {n} characters",
    },
    "research.secret_inside": {
        "id": "berkas kunci rahasia {path} berada di dalam folder ekspor {out}; simpan di luar folder itu",
        "en": "the secret file {path} is inside the export folder {out}; keep it outside",
    },
    "research.masked": {
        "id": ("Teks bebas disamarkan: {names} nama orang, {phones} nomor telepon, {nik} nomor NIK/KK, "
               "{emails} alamat e-mail."),
        "en": ("Free text masked: {names} names of people, {phones} phone numbers, {nik} NIK/KK numbers, "
               "{emails} e-mail addresses."),
    },
    "research.secret_created": {
        "id": ("kunci rahasia baru dibuat di {path} (hanya pemilik yang bisa membaca). Simpan berkas ini: "
               "dengan kunci yang sama pseudonim tetap sama; jangan pernah membagikannya bersama data."),
        "en": ("a new secret was created at {path} (readable by its owner only). Keep it: the same secret "
               "gives the same pseudonyms; never share it with the data."),
    },
    "research.more_problems": {
        "id": "... dan {n} masalah lain",
        "en": {"one": "... and {n} more problem",
               "other": "... and {n} more problems"},
    },
    "research.duplicate_plan": {
        "id": "rencana dengan wilayah dan periode yang sama sudah diambil; yang ini dilewati",
        "en": "a plan with the same area and period was already pooled; this one is skipped",
    },
    "research.skipped": {
        "id": "dilewati (tidak sah): {path}",
        "en": "skipped (not valid): {path}",
    },
    "research.no_plans": {
        "id": "tidak ada rencana sah untuk diekspor",
        "en": "no valid plan to export",
    },
    "research.exported": {
        "id": "{plans} rencana diekspor ke {out} ({fmt}); {skipped} dilewati. Buku kode: {codebook}",
        "en": "{plans} plans exported to {out} ({fmt}); {skipped} skipped. Codebook: {codebook}",
    },
    "research.out_not_empty": {
        "id": "folder keluaran {out} sudah berisi berkas lain; pilih folder baru atau kosong",
        "en": "the output folder {out} already holds other files; choose a new or empty folder",
    },
    "research.xlsx_too_big": {
        "id": "tabel {table} punya {rows} baris, melebihi batas XLSX ({limit}); pakai --format parquet atau csv",
        "en": "table {table} has {rows} rows, over the XLSX limit ({limit}); use --format parquet or csv",
    },
    "research.not_dataset": {
        "id": "{out} bukan folder ekspor riset rtplan (tidak ada {file})",
        "en": "{out} is not an rtplan research export (no {file})",
    },
    "research.not_parquet": {
        "id": "ringkasan membaca ekspor Parquet; {out} diekspor sebagai {fmt}",
        "en": "the summary reads a Parquet export; {out} was exported as {fmt}",
    },
    "cli.research.help": {
        "id": "riset lintas RT: ekspor data gabungan beranonim dan ringkasannya",
        "en": "research across RTs: export anonymised pooled data and summarise it",
    },
    "cli.research.export.help": {
        "id": "gabungkan banyak folder rencana menjadi dataset riset beranonim (dengan buku kode dan README)",
        "en": "pool many plan folders into an anonymised research dataset (with a codebook and README)",
    },
    "cli.research.summary.help": {
        "id": "ringkasan dataset riset (DuckDB), dengan sel kecil disembunyikan",
        "en": "summary of a research dataset (DuckDB), with small cells suppressed",
    },
    "cli.research.plans": {
        "id": "folder rencana, atau folder berisi banyak folder rencana",
        "en": "plan folders, or folders holding many plan folders",
    },
    "cli.research.out": {"id": "folder keluaran (baru atau kosong)", "en": "output folder (new or empty)"},
    "cli.research.format": {"id": "format: parquet (bawaan), csv, xlsx", "en": "format: parquet (default), csv, xlsx"},
    "cli.research.secret": {
        "id": "berkas kunci rahasia pseudonim (di luar folder ekspor; dibuat bila belum ada)",
        "en": "the pseudonym secret file (outside the export folder; created when missing)",
    },
    "cli.research.include_text": {
        "id": "sertakan teks bebas (judul, uraian) dengan nama terdaftar disamarkan",
        "en": "include free text (titles, descriptions) with registered names masked",
    },
    "cli.research.k": {
        "id": "sel dengan kurang dari K orang disembunyikan di tabel publikasi (bawaan 5)",
        "en": "cells with fewer than K people are suppressed in publication tables (default 5)",
    },
    "cli.research.workers": {
        "id": "jumlah proses paralel (bawaan: otomatis)",
        "en": "parallel processes (default: automatic)",
    },
    "cli.research.dataset": {"id": "folder ekspor riset (Parquet)", "en": "research export folder (Parquet)"},
    "research.summary.plans": {
        "id": "{plans} rencana RT di {cities} kota/kabupaten, {participants} peserta",
        "en": "{plans} RT plans in {cities} cities/regencies, {participants} participants",
    },
    "research.summary.suppressed": {
        "id": "Sel dengan 1 sampai {k_minus} orang ditampilkan sebagai '<{k}' (k={k}).",
        "en": "Cells with 1 to {k_minus} people are shown as '<{k}' (k={k}).",
    },
    "research.summary.by_sex": {"id": "Peserta menurut jenis kelamin", "en": "Participants by sex"},
    "research.summary.by_age": {"id": "Peserta menurut kelompok umur", "en": "Participants by age band"},
    "research.summary.by_group": {"id": "Peserta menurut unsur", "en": "Participants by group"},
    "research.summary.needs": {
        "id": "Kebutuhan menurut bidang (prioritas 1 = peringkat akhir pertama)",
        "en": "Needs by category (priority 1 = first in the final order)",
    },
    "research.summary.funding": {"id": "Bauran pendanaan (Rp)", "en": "Funding mix (IDR)"},
    "research.summary.disagree": {
        "id": "Ketidaksepakatan metode peringkat",
        "en": "Disagreement between ranking methods",
    },
}
