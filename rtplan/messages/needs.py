"""Messages of step 1: needs, USG, dot voting, pairwise ranking, priorities, problem tree."""

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    # methods
    "needs.method.usg": {"id": "USG", "en": "USG"},
    "needs.method.dots": {"id": "Voting titik", "en": "Dot voting"},
    "needs.method.pairwise": {"id": "Perbandingan berpasangan", "en": "Pairwise ranking"},
    "needs.method.combined": {"id": "Gabungan", "en": "Combined"},
    "needs.method.final": {"id": "Urutan prioritas akhir", "en": "Final priority order"},
    "needs.method.gabungan": {"id": "gabungan", "en": "combined"},
    "needs.aggregate.mean": {"id": "rata-rata", "en": "mean"},
    "needs.aggregate.median": {"id": "median", "en": "median"},
    "needs.source.konsensus": {"id": "konsensus", "en": "consensus"},
    # tie-breaks (printed with every result)
    "needs.tiebreak.usg": {
        "id": ("Urutan: total U+S+G tertinggi; bila sama: S (keseriusan) lebih tinggi, lalu U (urgensi) "
               "lebih tinggi, lalu titik suara lebih banyak, lalu urutan ID kebutuhan."),
        "en": ("Order: highest total U+S+G; when equal: higher S (seriousness), then higher U (urgency), "
               "then more dot votes, then need ID order."),
    },
    "needs.tiebreak.dots": {
        "id": "Urutan: titik terbanyak; bila sama: lebih banyak peserta yang memilih, lalu urutan ID kebutuhan.",
        "en": "Order: most dots; when equal: more participants voting for it, then need ID order.",
    },
    "needs.tiebreak.pairwise": {
        "id": ("Urutan: skor tertinggi (menang 1, seri 0,5 per pasangan); bila sama: lebih banyak menang, "
               "lalu urutan ID kebutuhan."),
        "en": "Order: highest score (win 1, tie 0.5 per pair); when equal: more wins, then need ID order.",
    },
    "needs.tiebreak.combined": {
        "id": ("Urutan: rata-rata peringkat terbaik di semua metode (skor = poin Borda n+1-peringkat); "
               "bila sama: peringkat USG lebih baik, lalu urutan ID kebutuhan."),
        "en": ("Order: best mean rank over the methods (score = Borda points n+1-rank); when equal: "
               "better USG rank, then need ID order."),
    },
    "needs.tiebreak.final": {
        "id": ("Urutan: urutan prioritas yang disimpan (priorities.csv); kebutuhan lain menyusul menurut "
               "peringkat gabungan."),
        "en": ("Order: the stored priority order (priorities.csv); other needs follow in the combined "
               "ranking's order."),
    },
    "needs.decided.seriousness": {"id": "S", "en": "S"},
    "needs.decided.urgency": {"id": "U", "en": "U"},
    "needs.decided.dots": {"id": "titik", "en": "dots"},
    "needs.decided.voters": {"id": "pemilih", "en": "voters"},
    "needs.decided.wins": {"id": "menang", "en": "wins"},
    "needs.decided.usg_rank": {"id": "USG", "en": "USG"},
    "needs.decided.need_id": {"id": "ID", "en": "ID"},
    # notes: USG
    "needs.note.usg_consensus": {
        "id": "Skor konsensus dipakai (didahulukan dari skor per penilai) untuk: {needs}.",
        "en": "Consensus scores used (they take precedence over individual scorers) for: {needs}.",
    },
    "needs.note.usg_aggregate": {
        "id": "Tanpa baris konsensus: {aggregate} skor per kriteria dari penilai ({needs}).",
        "en": "Without a consensus row: {aggregate} of each criterion over the scorers ({needs}).",
    },
    "needs.note.usg_aggregate_all": {
        "id": "Skor per kriteria = {aggregate} dari penilai (paling banyak {n} orang); total = U+S+G dari nilai itu.",
        "en": "Each criterion = {aggregate} over the scorers (up to {n} people); total = U+S+G of those values.",
    },
    "needs.note.usg_spread": {
        "id": "Rentang = total terendah-tertinggi dari masing-masing penilai.",
        "en": "Range = lowest-highest total given by the individual scorers.",
    },
    "needs.note.unscored": {
        "id": "Belum dinilai dengan USG: {needs}.",
        "en": "Not scored with USG yet: {needs}.",
    },
    "needs.note.no_usg": {"id": "Belum ada skor USG.", "en": "No USG scores yet."},
    # notes: dots
    "needs.note.dots": {
        "id": "{voters} peserta memberi {total} titik untuk {n} kebutuhan.",
        "en": "{voters} participants gave {total} dots to {n} needs.",
    },
    "needs.note.dots_budget": {
        "id": "Saran: sekitar {k} titik per orang untuk {n} kebutuhan (kira-kira 1 titik per 4-5 pilihan).",
        "en": "Suggestion: about {k} dots per person for {n} needs (roughly 1 dot per 4-5 options).",
    },
    "needs.note.no_votes": {
        "id": "Belum ada suara titik; semua kebutuhan bernilai 0.",
        "en": "No dot votes yet; every need has 0.",
    },
    "needs.note.dots_bias": {
        "id": "Perhatikan jumlah titik, bukan hanya peringkat (suara bisa terpecah atau ikut-ikutan).",
        "en": "Look at the counts, not only the ranks (votes split; people follow others).",
    },
    # notes: pairwise
    "needs.note.pairs": {
        "id": "{judged} dari {total} pasangan sudah dinilai ({n} kebutuhan, {judgements} penilaian).",
        "en": "{judged} of {total} pairs judged ({n} needs, {judgements} judgements).",
    },
    "needs.note.pairs_missing": {
        "id": "Pasangan belum dinilai: {pairs}.",
        "en": "Pairs not judged yet: {pairs}.",
    },
    "needs.note.pairs_split": {
        "id": "Pasangan yang dinilai beberapa orang: satu poin dibagi menurut bagian suaranya.",
        "en": "Pairs judged by several people: the one point is split by their shares.",
    },
    "needs.note.cycles": {
        "id": "Penilaian berputar (tidak konsisten), perlu dibahas lagi: {cycles}.",
        "en": "Circular (inconsistent) judgements, to discuss again: {cycles}.",
    },
    "needs.note.cycles_more": {
        "id": "{n} putaran tiga kebutuhan seluruhnya; kelompok yang saling berputar: {groups}.",
        "en": "{n} three-need cycles in all; groups caught in cycles: {groups}.",
    },
    "needs.note.no_pairs": {"id": "Belum ada perbandingan berpasangan.", "en": "No pairwise comparisons yet."},
    "needs.note.and_more": {"id": "dan {n} lagi", "en": "and {n} more"},
    # notes: combined and final
    "needs.note.correlation": {
        "id": "Kesesuaian {a}-{b}: rho Spearman {rho}, tau Kendall {tau} ({n} kebutuhan).",
        "en": "Agreement {a}-{b}: Spearman rho {rho}, Kendall tau {tau} ({n} needs).",
    },
    "needs.note.shared_top": {
        "id": "{k} teratas di semua metode: {needs}.",
        "en": "In the top {k} of every method: {needs}.",
    },
    "needs.note.shared_top_none": {
        "id": "Tidak ada kebutuhan yang masuk {k} teratas di semua metode.",
        "en": "No need is in the top {k} of every method.",
    },
    "needs.note.discuss": {
        "id": "Peringkatnya jauh berbeda antar metode, perlu dibahas: {needs}.",
        "en": "Ranked very differently by the methods, to discuss: {needs}.",
    },
    "needs.note.combined_methods": {
        "id": "Digabung dari: {methods}.",
        "en": "Combined from: {methods}.",
    },
    "needs.note.no_methods": {
        "id": "Belum ada skor USG, suara titik, atau perbandingan berpasangan.",
        "en": "No USG scores, dot votes or pairwise comparisons yet.",
    },
    "needs.note.final_stored": {
        "id": "Urutan prioritas tersimpan: {needs}.",
        "en": "Stored priority order: {needs}.",
    },
    "needs.note.final_fallback": {
        "id": "Belum ada urutan prioritas tersimpan; dipakai peringkat gabungan.",
        "en": "No priority order stored yet; the combined ranking is used.",
    },
    "needs.note.no_needs": {"id": "Belum ada kebutuhan.", "en": "No needs yet."},
    # column headers
    "needs.col.rank": {"id": "Peringkat", "en": "Rank"},
    "needs.col.need_id": {"id": "ID", "en": "ID"},
    "needs.col.title": {"id": "Kebutuhan/masalah", "en": "Need/problem"},
    "needs.col.category": {"id": "Bidang", "en": "Category"},
    "needs.col.score": {"id": "Skor", "en": "Score"},
    "needs.col.urgency": {"id": "U", "en": "U"},
    "needs.col.seriousness": {"id": "S", "en": "S"},
    "needs.col.growth": {"id": "G", "en": "G"},
    "needs.col.total": {"id": "Total", "en": "Total"},
    "needs.col.range": {"id": "Rentang", "en": "Range"},
    "needs.col.n_scorers": {"id": "Penilai", "en": "Scorers"},
    "needs.col.source": {"id": "Dasar", "en": "Basis"},
    "needs.col.dots": {"id": "Titik", "en": "Dots"},
    "needs.col.share": {"id": "Bagian", "en": "Share"},
    "needs.col.voters": {"id": "Pemilih", "en": "Voters"},
    "needs.col.wins": {"id": "Menang", "en": "Wins"},
    "needs.col.ties": {"id": "Seri", "en": "Ties"},
    "needs.col.losses": {"id": "Kalah", "en": "Losses"},
    "needs.col.missing": {"id": "Belum dinilai", "en": "Not judged"},
    "needs.col.mean_rank": {"id": "Rata-rata peringkat", "en": "Mean rank"},
    "needs.col.spread": {"id": "Selisih", "en": "Spread"},
    "needs.col.discuss": {"id": "Bahas", "en": "Discuss"},
    "needs.col.stored_rank": {"id": "Tersimpan", "en": "Stored"},
    "needs.col.method": {"id": "Metode", "en": "Method"},
    "needs.col.note": {"id": "Catatan", "en": "Note"},
    "needs.col.decided_by": {"id": "Seri diputus oleh", "en": "Tie broken by"},
    "needs.col.urgency_min": {"id": "U terendah", "en": "U lowest"},
    "needs.col.urgency_max": {"id": "U tertinggi", "en": "U highest"},
    "needs.col.seriousness_min": {"id": "S terendah", "en": "S lowest"},
    "needs.col.seriousness_max": {"id": "S tertinggi", "en": "S highest"},
    "needs.col.growth_min": {"id": "G terendah", "en": "G lowest"},
    "needs.col.growth_max": {"id": "G tertinggi", "en": "G highest"},
    "needs.col.total_min": {"id": "Total terendah", "en": "Total lowest"},
    "needs.col.total_max": {"id": "Total tertinggi", "en": "Total highest"},
    "needs.col.total_std": {"id": "Simpangan baku total", "en": "Total standard deviation"},
    "needs.col.judged": {"id": "Dinilai", "en": "Judged"},
    "needs.col.stored": {"id": "Disepakati", "en": "Agreed"},
    "needs.col.n_needs": {"id": "Jumlah kebutuhan", "en": "Needs"},
    "needs.col.households_max": {"id": "KK terdampak (terbanyak)", "en": "Households (largest)"},
    "needs.col.households_sum": {"id": "KK terdampak (jumlah, bisa tumpang tindih)",
                                 "en": "Households (sum, may overlap)"},
    "needs.col.need_ids": {"id": "Kebutuhan", "en": "Needs"},
    # categories
    "needs.category.ekonomi": {"id": "ekonomi", "en": "economy"},
    "needs.category.kesehatan": {"id": "kesehatan", "en": "health"},
    "needs.category.pendidikan": {"id": "pendidikan", "en": "education"},
    "needs.category.lingkungan": {"id": "lingkungan", "en": "environment"},
    "needs.category.infrastruktur": {"id": "infrastruktur", "en": "infrastructure"},
    "needs.category.sosial-budaya": {"id": "sosial-budaya", "en": "social & culture"},
    "needs.category.keamanan": {"id": "keamanan", "en": "security"},
    # problem tree
    "needs.tree.inti": {"id": "Masalah inti", "en": "Core problem"},
    "needs.tree.sebab": {"id": "Sebab", "en": "Causes"},
    "needs.tree.akibat": {"id": "Akibat", "en": "Effects"},
    "needs.tree.title": {"id": "Pohon masalah: {need}", "en": "Problem tree: {need}"},
    "needs.tree.empty": {
        "id": "Belum ada pohon masalah untuk {need}.",
        "en": "No problem tree for {need} yet.",
    },
    "needs.tree.no_core": {
        "id": "{need} belum punya masalah inti; sebab dan akibat digantung di judul kebutuhan.",
        "en": "{need} has no core problem yet; causes and effects hang from the need's title.",
    },
    "needs.tree.bad_parent": {
        "id": "{node}: induk {parent} bukan bagian yang cocok dari pohon {need} (sebab di bawah sebab/inti, "
              "akibat di atas akibat/inti); ditampilkan langsung pada masalah inti.",
        "en": "{node}: parent {parent} is not a fitting part of {need}'s tree (causes under causes/core, "
              "effects over effects/core); shown directly on the core problem.",
    },
    "needs.tree.core_parent": {
        "id": "{node}: masalah inti tidak punya induk; induk {parent} diabaikan.",
        "en": "{node}: the core problem has no parent; parent {parent} is ignored.",
    },
    "needs.tree.loop": {
        "id": "{node}: induknya berputar kembali ke dirinya sendiri; ditampilkan langsung pada masalah inti.",
        "en": "{node}: its parents loop back to itself; shown directly on the core problem.",
    },
    # charts
    "needs.chart.title.usg": {"id": "Peringkat USG (total U+S+G)", "en": "USG ranking (total U+S+G)"},
    "needs.chart.title.dots": {"id": "Voting titik", "en": "Dot voting"},
    "needs.chart.title.pairwise": {"id": "Perbandingan berpasangan", "en": "Pairwise ranking"},
    "needs.chart.title.combined": {"id": "Peringkat gabungan", "en": "Combined ranking"},
    "needs.chart.title.final": {"id": "Urutan prioritas akhir", "en": "Final priority order"},
    "needs.chart.axis.usg": {"id": "Total U+S+G", "en": "Total U+S+G"},
    "needs.chart.axis.dots": {"id": "Jumlah titik", "en": "Dots"},
    "needs.chart.axis.pairwise": {"id": "Skor (menang 1, seri 0,5)", "en": "Score (win 1, tie 0.5)"},
    "needs.chart.axis.combined": {"id": "Skor gabungan (poin Borda)", "en": "Combined score (Borda points)"},
    "needs.chart.axis.final": {"id": "Skor gabungan (poin Borda)", "en": "Combined score (Borda points)"},
    "needs.chart.stacked_title": {"id": "Skor USG per kriteria", "en": "USG scores by criterion"},
    "needs.chart.urgency": {"id": "U: urgensi", "en": "U: urgency"},
    "needs.chart.seriousness": {"id": "S: keseriusan", "en": "S: seriousness"},
    "needs.chart.growth": {"id": "G: perkembangan", "en": "G: growth"},
    "needs.chart.range": {"id": "rentang total penilai", "en": "range of scorers' totals"},
    "needs.chart.dots_label": {"id": "{dots} titik · {voters} orang", "en": "{dots} dots · {voters} people"},
    "needs.chart.compare_title": {
        "id": "Peringkat menurut tiap metode (1 = terpenting)",
        "en": "Rank by each method (1 = most important)",
    },
    "needs.chart.stored": {"id": "prioritas yang disepakati", "en": "agreed priorities"},
    "needs.chart.not_stored": {"id": "kebutuhan lain (urutan gabungan)", "en": "other needs (combined order)"},
    "needs.chart.not_ranked": {"id": "–", "en": "–"},
    "needs.chart.discuss": {"id": "bingkai tebal = perlu dibahas", "en": "thick frame = to discuss"},
    "needs.chart.empty": {"id": "Belum ada data untuk digambar.", "en": "No data to draw yet."},
    "needs.chart.category_title": {
        "id": "Kebutuhan per bidang dan KK terdampak",
        "en": "Needs by category and households affected",
    },
    "needs.chart.households_axis": {
        "id": "KK terdampak (terbanyak dalam bidang)",
        "en": "Households (largest in category)",
    },
    "needs.chart.needs_label": {"id": "{n} kebutuhan", "en": "{n} needs"},
}

# widget panels
MESSAGES.update({
    "ui.needs.tab.needs": {"id": "Kebutuhan", "en": "Needs"},
    "ui.needs.tab.usg": {"id": "Skor USG", "en": "USG scores"},
    "ui.needs.tab.dots": {"id": "Voting titik", "en": "Dot voting"},
    "ui.needs.tab.pairwise": {"id": "Berpasangan", "en": "Pairwise"},
    "ui.needs.tab.ranking": {"id": "Peringkat", "en": "Ranking"},
    "ui.needs.tab.final": {"id": "Prioritas akhir", "en": "Final priorities"},
    "ui.needs.tab.tree": {"id": "Pohon masalah", "en": "Problem tree"},
    "ui.needs.tab.summary": {"id": "Ringkasan", "en": "Summary"},
    "ui.needs.scorer": {"id": "Penilai", "en": "Scorer"},
    "ui.needs.consensus_option": {"id": "konsensus (hasil musyawarah)", "en": "consensus (agreed in the meeting)"},
    "ui.needs.usg_title": {"id": "Skor USG: 1 (sangat kecil) sampai 5 (sangat besar)",
                           "en": "USG scores: 1 (very small) to 5 (very large)"},
    "ui.needs.usg_help": {
        "id": "U = seberapa mendesak, S = seberapa serius dampaknya, G = seberapa cepat memburuk bila dibiarkan. "
              "Kosongkan ketiganya untuk menghapus skor penilai ini.",
        "en": "U = how urgent, S = how serious the impact, G = how fast it grows if left alone. "
              "Leave all three empty to remove this scorer's score.",
    },
    "ui.needs.usg_saved": {"id": "Skor {scorer} tersimpan: {n} kebutuhan.",
                           "en": "Scores of {scorer} saved: {n} needs."},
    "ui.needs.usg_bad": {
        "id": "{need}: {criterion} harus angka {low} sampai {high}, bukan '{value}'",
        "en": "{need}: {criterion} must be a number from {low} to {high}, not '{value}'",
    },
    "ui.needs.usg_partial": {
        "id": "{need}: isi ketiga skor U, S dan G (atau kosongkan semuanya)",
        "en": "{need}: fill in all of U, S and G (or leave all empty)",
    },
    "ui.needs.no_scorer": {"id": "Pilih penilai dulu.", "en": "Pick a scorer first."},
    "ui.needs.participant": {"id": "Peserta", "en": "Participant"},
    "ui.needs.dots_title": {"id": "Voting titik per peserta", "en": "Dot votes per participant"},
    "ui.needs.dots_used": {
        "id": "{used} titik dipakai (saran: {k} titik per orang)",
        "en": "{used} dots used (suggested: {k} dots per person)",
    },
    "ui.needs.dots_over": {
        "id": "{used} titik dipakai, lebih dari saran {k} titik per orang; tetap bisa disimpan bila disepakati",
        "en": "{used} dots used, more than the suggested {k} per person; can still be saved if agreed",
    },
    "ui.needs.dots_bad": {
        "id": "{need}: jumlah titik harus bilangan bulat 0 sampai {max}, bukan '{value}'",
        "en": "{need}: dots must be a whole number from 0 to {max}, not '{value}'",
    },
    "needs.dots_grid_bad": {
        "id": "{participant}, {need}: jumlah titik harus bilangan bulat 0 sampai {max}, bukan '{value}'",
        "en": "{participant}, {need}: dots must be a whole number from 0 to {max}, not '{value}'",
    },
    "ui.needs.tab.dotgrid": {"id": "Titik semua peserta", "en": "Dots, everyone"},
    "ui.needs.dotgrid_title": {"id": "Voting titik: semua peserta sekaligus",
                               "en": "Dot votes: every participant at once"},
    "ui.needs.dotgrid_lead": {
        "id": "Satu baris per peserta, satu kolom per kebutuhan: salin hitungan stiker dari poster. Kotak kosong = 0.",
        "en": "One row per participant, one column per need: copy the sticker counts from the poster. Empty = 0.",
    },
    "ui.needs.dotgrid_saved": {
        "id": "Tersimpan: {n} titik dari {people} peserta.",
        "en": {"one": "Saved: {n} dots from {people} participant.",
               "other": "Saved: {n} dots from {people} participants."},
    },
    "ui.needs.dotgrid_empty": {
        "id": "Catat dulu peserta (langkah 0) dan kebutuhan (tab Kebutuhan).",
        "en": "Record the participants (step 0) and the needs (tab Needs) first.",
    },
    "ui.needs.dots_saved": {"id": "Suara {participant} tersimpan: {n} titik.",
                            "en": "Votes of {participant} saved: {n} dots."},
    "ui.needs.no_participant": {"id": "Pilih peserta dulu.", "en": "Pick a participant first."},
    "ui.needs.pairwise_title": {"id": "Perbandingan berpasangan", "en": "Pairwise comparison"},
    "ui.needs.candidates": {"id": "Kebutuhan yang dibandingkan", "en": "Needs to compare"},
    "ui.needs.judge": {"id": "Penilai", "en": "Judge"},
    "ui.needs.group_judge": {"id": "bersama (hasil musyawarah)", "en": "together (the meeting's answer)"},
    "ui.needs.start": {"id": "Mulai", "en": "Start"},
    "ui.needs.question": {"id": "Mana yang lebih penting?", "en": "Which matters more?"},
    "ui.needs.tie": {"id": "Seri", "en": "Tie"},
    "ui.needs.back": {"id": "Sebelumnya", "en": "Previous"},
    "ui.needs.skip": {"id": "Lewati", "en": "Skip"},
    "ui.needs.progress": {
        "id": "Pasangan {i} dari {n} · {done} sudah dinilai",
        "en": "Pair {i} of {n} · {done} judged",
    },
    "ui.needs.pair_saved": {"id": "{a} lawan {b}: {winner} tersimpan.", "en": "{a} versus {b}: {winner} saved."},
    "ui.needs.pairs_done": {
        "id": "Semua {n} pasangan sudah dinilai.",
        "en": "All {n} pairs are judged.",
    },
    "ui.needs.need_two": {"id": "Pilih paling sedikit dua kebutuhan.", "en": "Pick at least two needs."},
    "ui.needs.aggregate": {"id": "Banyak penilai", "en": "Several scorers"},
    "ui.needs.final_title": {"id": "Urutan prioritas akhir (disepakati musyawarah)",
                             "en": "Final priority order (agreed by the meeting)"},
    "ui.needs.final_help": {
        "id": "Susun urutan, lalu Simpan. Hanya kebutuhan di daftar ini yang disimpan sebagai prioritas.",
        "en": "Arrange the order, then Save. Only the needs in this list are stored as priorities.",
    },
    "ui.needs.up": {"id": "Naik", "en": "Up"},
    "ui.needs.down": {"id": "Turun", "en": "Down"},
    "ui.needs.remove": {"id": "Keluarkan", "en": "Remove"},
    "ui.needs.add": {"id": "Tambahkan", "en": "Add"},
    "ui.needs.take": {"id": "Ambil yang teratas dari peringkat:", "en": "Take the top of a ranking:"},
    "ui.needs.take_button": {"id": "Ambil", "en": "Take"},
    "ui.needs.top_k": {"id": "Jumlah", "en": "How many"},
    "ui.needs.note": {"id": "Catatan", "en": "Note"},
    "ui.needs.final_saved": {"id": "Urutan prioritas tersimpan: {n} kebutuhan.",
                             "en": "Priority order saved: {n} needs."},
    "ui.needs.final_cleared": {"id": "Urutan prioritas dikosongkan.", "en": "Priority order cleared."},
    "ui.needs.confirm_clear": {
        "id": ("Hapus urutan prioritas yang tersimpan ({n} kebutuhan)? "
               "Prioritas akhir lalu mengikuti peringkat gabungan."),
        "en": "Delete the stored priority order ({n} needs)? The final priorities then follow the combined ranking.",
    },
    "ui.needs.clear": {"id": "Kosongkan", "en": "Clear"},
    "ui.needs.others": {"id": "Kebutuhan lain", "en": "Other needs"},
    "ui.needs.tree_need": {"id": "Kebutuhan", "en": "Need"},
    "ui.needs.tree_kind": {"id": "Jenis", "en": "Kind"},
    "ui.needs.tree_text": {"id": "Isi", "en": "Text"},
    "ui.needs.tree_parent": {"id": "Induk", "en": "Parent"},
    "ui.needs.tree_saved": {"id": "{id} tersimpan.", "en": "{id} saved."},
    "ui.needs.tree_deleted": {"id": "{id} dihapus.", "en": "{id} deleted."},
    "ui.needs.tree_no_need": {"id": "Buat kebutuhan dulu di tab Kebutuhan.",
                              "en": "Create a need first in the Needs tab."},
    "ui.needs.summary_title": {"id": "Kebutuhan per bidang", "en": "Needs by category"},
    "ui.needs.ranking_title": {"id": "Peringkat (diperbarui setiap ada perubahan)",
                               "en": "Ranking (updated on every change)"},
})

# command line
MESSAGES.update({
    "cli.rank.help": {
        "id": "tampilkan peringkat kebutuhan (USG, voting titik, berpasangan, atau urutan akhir)",
        "en": "show the ranking of needs (USG, dot voting, pairwise, or the final order)",
    },
    "cli.rank.method": {
        "id": "metode: usg, dots (voting titik), pairwise (berpasangan), combined (gabungan), final (bawaan)",
        "en": "method: usg, dots, pairwise, combined, final (default)",
    },
    "cli.rank.format": {
        "id": "bentuk keluaran: text (tabel, bawaan), csv (lembar kerja), json (skrip)",
        "en": "output format: text (a table, default), csv (spreadsheets), json (scripts)",
    },
    "cli.rank.aggregate": {
        "id": "USG dengan banyak penilai: mean (rata-rata, bawaan) atau median",
        "en": "USG with several scorers: mean (default) or median",
    },
    "cli.rank.no_consensus": {
        "id": "abaikan baris konsensus USG (pakai skor per penilai)",
        "en": "ignore USG consensus rows (use the individual scorers)",
    },
    "cli.rank.output": {
        "id": "tulis ke berkas ini (CSV dengan BOM agar Excel membaca huruf dengan benar)",
        "en": "write to this file (CSV with a BOM so Excel reads the letters right)",
    },
    "cli.rank.written": {"id": "Ditulis: {path} ({n} baris)", "en": "Written: {path} ({n} rows)"},
    "cli.rank.heading": {"id": "{method} · {plan}", "en": "{method} · {plan}"},
})
