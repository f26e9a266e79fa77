"""Messages of the RW folder (``rtplan rw``): gathering, merging, answering, sending back."""

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    # the CLI
    "cli.rw.help": {
        "id": "folder RW untuk Rembug Warga: kumpulkan usulan RT, gabungkan yang sama, catat jawaban, kirim balik",
        "en": "RW folder for the Rembug Warga: gather the RTs' proposals, merge alike ones, record answers, "
              "send them back",
    },
    "cli.rw.dir": {"id": "folder RW", "en": "the RW folder"},
    "cli.rw.new.help": {"id": "buat folder RW baru", "en": "make a new RW folder"},
    "cli.rw.add.help": {
        "id": "ambil usulan dari rencana RT (folder RT hanya dibaca)",
        "en": "take in the proposals of RT plans (RT folders are only read)",
    },
    "cli.rw.rt_plans": {"id": "folder rencana RT", "en": "RT plan folders"},
    "cli.rw.status.help": {
        "id": "periksa apakah rencana RT berubah (dan perbarui usulannya), lalu tampilkan daftar usulan RW",
        "en": "check whether RT plans changed (and update their proposals), then list the RW's proposals",
    },
    "cli.rw.merge.help": {
        "id": "sarankan (--suggest) atau gabungkan dua usulan yang sama: ID1 ID2 (ID2 masuk ke ID1)",
        "en": "suggest (--suggest) or merge two alike proposals: ID1 ID2 (ID2 goes into ID1)",
    },
    "cli.rw.merge.ids": {"id": "dua ID usulan RW (mis. U01 U04)", "en": "two RW proposal IDs (e.g. U01 U04)"},
    "cli.rw.merge.suggest": {"id": "tampilkan saran penggabungan dan alasannya",
                             "en": "list suggested merges with their reasons"},
    "cli.rw.answer.help": {"id": "catat jawaban RW/kelurahan atas satu usulan",
                           "en": "record the RW's or kelurahan's answer to one proposal"},
    "cli.rw.answer.id": {"id": "ID usulan RW (mis. U03)", "en": "RW proposal ID (e.g. U03)"},
    "cli.rw.answer.state": {"id": "status baru", "en": "the new state"},
    "cli.rw.answer.reason": {"id": "alasan (wajib untuk ditolak)", "en": "reason (required for ditolak)"},
    "cli.rw.send_back.help": {
        "id": "tulis status dan jawaban setiap usulan ke rencana RT-nya (hanya tabel proposals)",
        "en": "write each proposal's state and answer into its RT plan (the proposals table only)",
    },
    # the folder
    "rw.default_title": {"id": "Rembug Warga RW {rw} Kelurahan {kelurahan}",
                         "en": "Rembug Warga RW {rw}, Kelurahan {kelurahan}"},
    "rw.created": {"id": "Folder RW dibuat: {path} (RW {rw}, Kelurahan {kelurahan}).",
                   "en": "RW folder made: {path} (RW {rw}, Kelurahan {kelurahan})."},
    "rw.new_needs_area": {"id": "Isi nomor RW (--rw) dan nama kelurahan (--kelurahan).",
                          "en": "Give the RW number (--rw) and the kelurahan name (--kelurahan)."},
    "rw.exists": {"id": "'{path}' sudah ada dan tidak kosong; folder RW baru perlu folder baru atau kosong.",
                  "en": "'{path}' already exists and is not empty; a new RW folder needs a new or empty folder."},
    "rw.no_folder": {"id": "Folder RW '{path}' tidak ada. Buat dulu dengan: rtplan rw new {path} --rw NN "
                           "--kelurahan NAMA",
                     "en": "RW folder '{path}' does not exist. Make it first: rtplan rw new {path} --rw NN "
                           "--kelurahan NAME"},
    "rw.not_rw_folder": {"id": "'{path}' bukan folder RW: tidak ada {file}.",
                         "en": "'{path}' is not an RW folder: it has no {file}."},
    "rw.bad_toml": {"id": "{path} tidak bisa dibaca: {error}", "en": "{path} cannot be read: {error}"},
    "rw.bad_table": {"id": "{file} di folder RW tidak punya kolom: {columns}.",
                     "en": "{file} in the RW folder lacks the columns: {columns}."},
    # taking RT plans in
    "rw.rt_missing": {"id": "Folder rencana RT '{path}' tidak ada.", "en": "RT plan folder '{path}' does not exist."},
    "rw.rt_pending": {
        "id": "Rencana RT '{path}' punya penyimpanan yang terputus. Buka sekali dengan 'rtplan validate {path}' "
              "agar selesai, lalu ulangi.",
        "en": "RT plan '{path}' has an interrupted save. Open it once with 'rtplan validate {path}' so it "
              "finishes, then try again.",
    },
    "rw.rt_no_plan": {"id": "'{path}' bukan folder rencana RT: tidak ada {file}.",
                      "en": "'{path}' is not an RT plan folder: it has no {file}."},
    "rw.rt_bad_toml": {"id": "{path} tidak bisa dibaca: {error}", "en": "{path} cannot be read: {error}"},
    "rw.rt_no_number": {
        "id": "{path}: nomor RT ([area] rt) kosong.",
        "en": "{path}: the RT number ([area] rt) is empty.",
    },
    "rw.rt_bad_proposals": {
        "id": "{path} punya masalah, jadi tidak diambil: {problems}. Perbaiki dulu (rtplan validate).",
        "en": "{path} has problems, so it was not taken in: {problems}. Fix them first (rtplan validate).",
    },
    "rw.rt_other_area": {
        "id": "Rencana RT {rt} di '{path}' milik RW {its_rw}, Kelurahan {its_kelurahan}; folder ini untuk RW {rw}, "
              "Kelurahan {kelurahan}. Tidak ada yang diambil.",
        "en": "RT {rt} plan at '{path}' belongs to RW {its_rw}, Kelurahan {its_kelurahan}; this folder is for "
              "RW {rw}, Kelurahan {kelurahan}. Nothing was taken in.",
    },
    "rw.rt_other_path": {
        "id": "RT {rt} sudah diambil dari '{known}'; '{path}' adalah folder lain untuk RT yang sama. "
              "Tidak ada yang diambil.",
        "en": "RT {rt} was already taken in from '{known}'; '{path}' is another folder for the same RT. "
              "Nothing was taken in.",
    },
    "rw.taken_new": {"id": "RT {rt}: diambil dari {path}", "en": "RT {rt}: taken in from {path}"},
    "rw.taken_unchanged": {"id": "RT {rt}: tidak berubah", "en": "RT {rt}: unchanged"},
    "rw.taken_changed": {"id": "RT {rt}: rencana berubah sejak diambil; {n} perubahan usulan",
                         "en": "RT {rt}: the plan changed since it was taken in; {n} proposal changes"},
    "rw.change_none": {"id": "usulan tidak berubah (hanya bagian lain rencana)",
                       "en": "proposals unchanged (only other parts of the plan)"},
    "rw.change_added": {"id": 'ditambah: RT {rt} {pid} "{title}" -> usulan RW {uid}',
                        "en": 'added: RT {rt} {pid} "{title}" -> RW proposal {uid}'},
    "rw.change_removed": {"id": 'dihapus: RT {rt} {pid} "{title}" (dari usulan RW {uid})',
                          "en": 'removed: RT {rt} {pid} "{title}" (from RW proposal {uid})'},
    "rw.change_changed": {"id": 'diubah: RT {rt} {pid} "{title}" ({fields}); usulan RW {uid} diperbarui',
                          "en": 'changed: RT {rt} {pid} "{title}" ({fields}); RW proposal {uid} updated'},
    "rw.change_changed_merged": {
        "id": 'diubah: RT {rt} {pid} "{title}" ({fields}); usulan RW {uid} adalah gabungan, isinya tidak diubah '
              "otomatis: periksa",
        "en": 'changed: RT {rt} {pid} "{title}" ({fields}); RW proposal {uid} is a merge, its text was not '
              "changed automatically: check it",
    },
    "rw.list_heading": {
        "id": "Usulan RW: {n} usulan dari {rts} RT",
        "en": "RW proposals: {n} proposals from {rts} RTs",
    },
    "rw.list_line": {"id": "{id} [RT {rts}] {title} - {location}: {state}",
                     "en": "{id} [RT {rts}] {title} - {location}: {state}"},
    # merging
    "rw.unknown_id": {"id": "Tidak ada usulan RW '{id}'. Yang ada: {ids}.",
                      "en": "There is no RW proposal '{id}'. There are: {ids}."},
    "rw.merge_usage": {"id": "Sebut dua ID usulan (rtplan rw merge RW_DIR ID1 ID2), atau --suggest saja.",
                       "en": "Give two proposal IDs (rtplan rw merge RW_DIR ID1 ID2), or --suggest alone."},
    "rw.merge_same": {
        "id": "{id} tidak bisa digabung dengan dirinya sendiri.",
        "en": "{id} cannot be merged with itself.",
    },
    "rw.merge_answered": {"id": "{id} sudah dijawab ({state}); hanya usulan yang belum dijawab yang digabung.",
                          "en": "{id} has been answered ({state}); only proposals not answered yet are merged."},
    "rw.merged_sources": {"id": "{other} digabung ke {id}; {id} kini dari RT {rts}.",
                          "en": "{other} merged into {id}; {id} now comes from RT {rts}."},
    "rw.merged_volume": {"id": "Volume dijumlahkan: {volume} {unit}.", "en": "Volumes added: {volume} {unit}."},
    "rw.merged_units_differ": {
        "id": "Satuan berbeda ({unit} dan {other_unit}): volume {id} tetap; volume {other} ({volume}) tidak "
              "dijumlahkan.",
        "en": "Units differ ({unit} and {other_unit}): {id}'s volume kept; {other}'s volume ({volume}) was not "
              "added.",
    },
    "rw.merged_cost": {"id": "Perkiraan biaya dijumlahkan: Rp {cost}.", "en": "Estimated costs added: IDR {cost}."},
    "rw.merged_kept_text": {
        "id": 'Judul dan lokasi {id} dipakai: "{title}" - {location} (bukan "{other_title}").',
        "en": "{id}'s title and location kept: \"{title}\" - {location} (not \"{other_title}\").",
    },
    "rw.suggest_none": {"id": "Tidak ada usulan yang mirip dari RT yang berbeda.",
                        "en": "No alike proposals from different RTs."},
    "rw.suggest_line": {"id": "Saran gabung: {first} + {second}", "en": "Suggested merge: {first} + {second}"},
    "rw.suggest_item": {"id": "{id} [RT {rts}] {title} - {location}", "en": "{id} [RT {rts}] {title} - {location}"},
    "rw.suggest_reasons": {"id": "alasan: {reasons}", "en": "reasons: {reasons}"},
    "rw.suggest_confirm": {"id": "untuk menggabung: rtplan rw merge {dir} {first} {second}",
                           "en": "to merge: rtplan rw merge {dir} {first} {second}"},
    "rw.reason_bidang": {"id": "bidang sama ({bidang})", "en": "same bidang ({bidang})"},
    "rw.reason_title": {"id": "judul mirip {score}%", "en": "titles {score}% alike"},
    "rw.reason_location": {"id": "lokasi mirip {score}%", "en": "locations {score}% alike"},
    # answers
    "rw.bad_state": {"id": "Status '{state}' tidak dikenal; pilihan: {states}.",
                     "en": "Unknown state '{state}'; choose from: {states}."},
    "rw.reason_required": {"id": 'Usulan {id} ditolak: tulis alasannya dengan --reason "...". Tidak ada yang disimpan.',
                           "en": 'Proposal {id} rejected: give the reason with --reason "...". Nothing was saved.'},
    "rw.answered": {"id": '{id} "{title}" (RT {rts}): {state}', "en": '{id} "{title}" (RT {rts}): {state}'},
    "rw.send_back_changed": {
        "id": "Rencana RT {rts} berubah sejak diambil, jadi tidak ada yang dikirim balik. Jalankan 'rtplan rw status' "
              "dulu untuk melihat dan mengambil perubahannya.",
        "en": "RT plan {rts} changed since it was taken in, so nothing was sent back. Run 'rtplan rw status' "
              "first to see and take in the changes.",
    },
    "rw.send_back_stopped": {
        "id": "Berhenti di RT {rt}: {error} Rencana RT {rt} tidak berubah; RT yang tercetak di atas sudah diperbarui. "
              "Atasi masalahnya lalu jalankan send-back lagi.",
        "en": "Stopped at RT {rt}: {error} RT {rt}'s plan was not changed; the RTs printed above were updated. "
              "Fix the problem, then run send-back again.",
    },
    "rw.sent_back": {
        "id": "RT {rt}: {n} usulan diperbarui di {path}",
        "en": "RT {rt}: {n} proposals updated in {path}",
    },
    # the RT handout
    "handout.h.proposals": {"id": "Usulan RT dan jawabannya", "en": "The RT's proposals and their answers"},
    "handout.proposals_fate": {"id": "Usulan ke Musrenbang: {accepted} dari {total} diterima",
                               "en": "Proposals to the Musrenbang: {accepted} of {total} accepted"},
    "handout.proposals_refused": {"id": "{n} ditolak", "en": "{n} rejected"},
    "handout.proposals_waiting": {"id": "{n} menunggu jawaban", "en": "{n} awaiting an answer"},
    "handout.proposal": {"id": "Usulan", "en": "Proposal"},
    "handout.proposal_state": {"id": "Status", "en": "State"},
    "handout.proposal_answer": {"id": "Jawaban/alasan", "en": "Answer/reason"},
}
