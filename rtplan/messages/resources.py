"""Messages of step 2: resources and assets (ABCD), matching, gaps, institution diagram."""

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    # ABCD categories and the Rembug Warga grouping
    "res.abcd.individu": {"id": "Individu (keahlian warga)", "en": "Individuals (residents' skills)"},
    "res.abcd.asosiasi": {"id": "Asosiasi (kelompok warga)", "en": "Associations (residents' groups)"},
    "res.abcd.institusi": {"id": "Institusi (lembaga)", "en": "Institutions"},
    "res.abcd.fisik": {"id": "Aset fisik", "en": "Physical assets"},
    "res.abcd.ekonomi": {"id": "Aset ekonomi", "en": "Economic assets"},
    "res.abcd.budaya": {"id": "Budaya dan tradisi", "en": "Culture and traditions"},
    "res.abcd.alam": {"id": "Alam", "en": "Natural assets"},
    "res.rembug.infrastruktur": {"id": "Infrastruktur", "en": "Infrastructure"},
    "res.rembug.sosial": {"id": "Sosial", "en": "Social"},
    "res.rembug.budaya": {"id": "Budaya", "en": "Culture"},
    "res.rembug.ekonomi": {"id": "Ekonomi", "en": "Economy"},
    # need categories (bidang) as read in reasons and gap lists
    "res.field.ekonomi": {"id": "ekonomi", "en": "economy"},
    "res.field.kesehatan": {"id": "kesehatan", "en": "health"},
    "res.field.pendidikan": {"id": "pendidikan", "en": "education"},
    "res.field.lingkungan": {"id": "lingkungan", "en": "environment"},
    "res.field.infrastruktur": {"id": "infrastruktur", "en": "infrastructure"},
    "res.field.sosial-budaya": {"id": "sosial-budaya", "en": "social and cultural life"},
    "res.field.keamanan": {"id": "keamanan", "en": "safety and security"},
    # hints shown in the resource form, one per ABCD category
    "res.hint.individu": {
        "id": "Keahlian satu orang: siapa, bisa apa, kapan luang. Kata kunci contoh: menjahit; memasak; "
              "mengajar; listrik; komputer. Ketersediaan contoh: Sabtu pagi.",
        "en": "One person's skill: who, what they can do, when they are free. Example tags: menjahit; "
              "memasak; mengajar; listrik; komputer. Example availability: Sabtu pagi.",
    },
    "res.hint.asosiasi": {
        "id": "Kelompok warga (PKK, Karang Taruna, posyandu, majelis taklim, arisan): ketua sebagai "
              "pengelola, jumlah anggota aktif sebagai kapasitas, jadwal pertemuannya.",
        "en": "A residents' group (PKK, youth group, posyandu, prayer group, arisan): its leader as holder, "
              "active members as capacity, when it meets.",
    },
    "res.hint.institusi": {
        "id": "Lembaga di luar RT (kelurahan, puskesmas, sekolah, masjid, perusahaan): layanan yang bisa "
              "diminta dan syaratnya (mis. surat dua minggu sebelumnya). Isi juga diagram kelembagaan.",
        "en": "An institution beyond the RT (kelurahan, health centre, school, mosque, company): services "
              "it can give and on what terms. Add it to the institution diagram too.",
    },
    "res.hint.fisik": {
        "id": "Barang atau tempat (balai warga, kursi, laptop, perahu): berapa orang/unit sebagai kapasitas, "
              "siapa yang menyimpan, biaya sewa bila ada.",
        "en": "Things and places (hall, chairs, laptops, boats): how many people/units as capacity, who keeps "
              "them, any rental cost.",
    },
    "res.hint.ekonomi": {
        "id": "Usaha dan uang warga (warung, koperasi, UMKM, jimpitan): apa yang bisa dibantu (modal, titip "
              "jual, pemasaran) dan biayanya.",
        "en": "Residents' businesses and money (shops, cooperative, small firms, jimpitan): what they can "
              "offer (credit, selling, marketing) and at what cost.",
    },
    "res.hint.budaya": {
        "id": "Tradisi dan kesenian (kerja bakti, hadroh, pengajian, lomba 17-an): kapan biasanya diadakan "
              "dan berapa warga yang ikut.",
        "en": "Traditions and arts (kerja bakti, hadroh, religious gatherings, Independence Day games): when "
              "they take place and how many residents join.",
    },
    "res.hint.alam": {
        "id": "Kekayaan alam sekitar (lahan kosong, pohon, air hujan, taman TOGA): luas atau jumlahnya dan "
              "siapa pemiliknya.",
        "en": "Natural assets nearby (empty land, trees, rainwater, medicinal garden): size or amount and who "
              "owns it.",
    },
    "res.hint.none": {
        "id": "Pilih kategori ABCD untuk melihat petunjuk pengisian.",
        "en": "Pick an ABCD category to see what to fill in.",
    },
    "res.hint.contact": {
        "id": "Kontak hanya tersimpan di folder rencana dan tidak pernah dicetak.",
        "en": "The contact stays in the plan folder and is never printed.",
    },
    # score parts and reasons
    "res.part.skill": {"id": "keahlian", "en": "skills"},
    "res.part.field": {"id": "bidang", "en": "field"},
    "res.part.time": {"id": "waktu", "en": "time"},
    "res.part.cost": {"id": "biaya", "en": "cost"},
    "res.reason.skills": {"id": "{who}: bisa {skills}", "en": "{who}: can do {skills}"},
    "res.reason.words": {"id": "{who}: menyebut {words}", "en": "{who}: mentions {words}"},
    "res.reason.field": {"id": "{who}: sesuai bidang {field} ({words})", "en": "{who}: fits {field} ({words})"},
    "res.reason.time_unknown": {"id": "waktu belum jelas", "en": "time not clear"},
    "res.reason.free": {"id": "gratis", "en": "free"},
    "res.reason.cost": {"id": "biaya {cost}", "en": "costs {cost}"},
    "res.decision.diterima": {"id": "diterima", "en": "accepted"},
    "res.decision.ditolak": {"id": "ditolak", "en": "rejected"},
    "res.decision.none": {"id": "usulan", "en": "suggested"},
    # gaps
    "res.masked": {"id": "[kontak disembunyikan]", "en": "[contact hidden]"},
    "res.gap.none": {"id": "belum ada sumber daya yang cocok", "en": "no matching resource yet"},
    "res.gap.open": {"id": "{n} usulan belum diputuskan", "en": "{n} suggestion(s) not decided yet"},
    "res.gap.rejected": {"id": "semua usulan ditolak", "en": "every suggestion was rejected"},
}

# partners to approach for a gap (keys of rtplan.resources.PARTNERS)
MESSAGES.update({
    "res.partner.kelurahan": {"id": "kelurahan (dana kelurahan)", "en": "kelurahan office (village fund)"},
    "res.partner.musrenbang": {"id": "usulan Musrenbang kelurahan", "en": "Musrenbang proposal (kelurahan)"},
    "res.partner.puskesmas": {"id": "puskesmas", "en": "community health centre (puskesmas)"},
    "res.partner.dinas_kesehatan": {"id": "dinas kesehatan", "en": "city health office"},
    "res.partner.dinas_koperasi": {"id": "dinas koperasi dan UMKM", "en": "city office for cooperatives and SMEs"},
    "res.partner.dinas_pendidikan": {"id": "dinas pendidikan", "en": "city education office"},
    "res.partner.dinas_lingkungan": {"id": "dinas lingkungan hidup", "en": "city environment office"},
    "res.partner.dinas_pu": {"id": "dinas pekerjaan umum", "en": "city public works office"},
    "res.partner.dinas_sosial": {"id": "dinas sosial", "en": "city social affairs office"},
    "res.partner.dinas_pemuda": {"id": "dinas kepemudaan, olahraga dan kebudayaan",
                                 "en": "city office for youth, sport and culture"},
    "res.partner.bpbd": {"id": "BPBD (penanggulangan bencana)", "en": "disaster management agency (BPBD)"},
    "res.partner.bhabinkamtibmas": {"id": "Bhabinkamtibmas dan Babinsa", "en": "community police and army liaison"},
    "res.partner.sekolah": {"id": "sekolah terdekat", "en": "nearby schools"},
    "res.partner.perguruan_tinggi": {"id": "perguruan tinggi (KKN, pengabdian masyarakat)",
                                     "en": "universities (student service, KKN)"},
    "res.partner.ngo": {"id": "LSM/yayasan", "en": "NGOs and foundations"},
    "res.partner.csr": {"id": "CSR perusahaan", "en": "company CSR programmes"},
    "res.partner.baznas": {"id": "Baznas/lembaga zakat", "en": "Baznas and zakat bodies"},
    "res.partner.bank_sampah": {"id": "bank sampah", "en": "waste bank"},
    "res.partner.tempat_ibadah": {"id": "masjid/gereja/tempat ibadah",
                                  "en": "mosques, churches and other places of worship"},
    "res.partner.pmi": {"id": "PMI", "en": "Indonesian Red Cross (PMI)"},
})

# tables, charts and panels
MESSAGES.update({
    "res.col.priority": {"id": "Urutan", "en": "Priority"},
    "res.col.need": {"id": "Kebutuhan", "en": "Need"},
    "res.col.field": {"id": "Bidang", "en": "Field"},
    "res.col.resource": {"id": "Sumber daya", "en": "Resource"},
    "res.col.score": {"id": "Skor", "en": "Score"},
    "res.col.parts": {"id": "Rincian skor", "en": "Score parts"},
    "res.col.reason": {"id": "Alasan", "en": "Reason"},
    "res.col.decision": {"id": "Keputusan", "en": "Decision"},
    "res.col.note": {"id": "Catatan", "en": "Note"},
    "res.col.status": {"id": "Keadaan", "en": "Status"},
    "res.col.partners": {"id": "Siapa yang bisa dihubungi", "en": "Whom to ask"},
    "res.col.institutions": {"id": "Lembaga yang sudah dikenal", "en": "Institutions already known"},
    "res.col.category": {"id": "Kategori ABCD", "en": "ABCD category"},
    "res.col.rembug": {"id": "Kelompok Rembug Warga", "en": "Rembug Warga group"},
    "res.col.count": {"id": "Jumlah", "en": "Count"},
    "res.col.names": {"id": "Sumber daya", "en": "Resources"},
    "res.col.cost": {"id": "Biaya", "en": "Cost"},
    "res.col.importance": {"id": "Kepentingan", "en": "Importance"},
    "res.col.closeness": {"id": "Kedekatan", "en": "Closeness"},
    "res.col.resource_id": {"id": "ID sumber daya", "en": "Resource ID"},
    "res.col.name": {"id": "Nama", "en": "Name"},
    "res.col.holder": {"id": "Pemilik/pengelola", "en": "Holder"},
    "res.col.tags": {"id": "Keahlian/kata kunci", "en": "Skills/tags"},
    "res.col.availability": {"id": "Ketersediaan", "en": "Availability"},
    "res.col.capacity": {"id": "Kapasitas", "en": "Capacity"},
    "res.col.location": {"id": "Lokasi", "en": "Location"},
    "res.col.contact": {"id": "Kontak (pribadi)", "en": "Contact (private)"},
    "res.col.need_id": {"id": "ID kebutuhan", "en": "Need ID"},
    "res.col.open": {"id": "Usulan belum diputuskan", "en": "Suggestions not decided"},
    "res.col.institution_id": {"id": "ID lembaga", "en": "Institution ID"},
    "res.col.institution": {"id": "Lembaga", "en": "Institution"},
    "res.col.kind": {"id": "Jenis mitra", "en": "Kind of partner"},
    "res.chart.inventory_title": {"id": "Aset warga menurut kategori ABCD", "en": "Residents' assets by ABCD category"},
    "res.chart.count": {"id": "jumlah sumber daya", "en": "number of resources"},
    "res.chart.venn_title": {"id": "Diagram kelembagaan (diagram Venn)", "en": "Institution diagram (Venn diagram)"},
    "res.chart.venn_caption": {
        "id": "Lingkaran besar = makin penting; makin dekat ke tengah = makin dekat dengan warga",
        "en": "Bigger circle = more important; nearer the centre = closer to residents",
    },
    "res.chart.centre": {"id": "Warga\nRT {rt}/RW {rw}", "en": "Residents\nRT {rt}/RW {rw}"},
    "res.chart.no_institutions": {"id": "Belum ada lembaga", "en": "No institutions yet"},
    "res.ui.tab.resources": {"id": "Sumber daya", "en": "Resources"},
    "res.ui.tab.board": {"id": "Pencocokan", "en": "Matching"},
    "res.ui.tab.venn": {"id": "Diagram kelembagaan", "en": "Institution diagram"},
    "res.ui.board.title": {"id": "Papan pencocokan kebutuhan dan sumber daya",
                           "en": "Matching board: needs and resources"},
    "res.ui.board.when": {"id": "Waktu kegiatan", "en": "Activity time"},
    "res.ui.board.when_hint": {"id": "mis. akhir pekan; kosong = kapan saja",
                               "en": "e.g. akhir pekan; empty = any time"},
    "res.ui.board.max_cost": {"id": "Batas biaya (Rp)", "en": "Cost limit (IDR)"},
    "res.ui.board.max_cost_hint": {"id": "kosong = total sumber dana", "en": "empty = total of the funds"},
    "res.ui.board.apply": {"id": "Hitung ulang", "en": "Recompute"},
    "res.ui.board.need": {"id": "Kebutuhan", "en": "Need"},
    "res.ui.board.accept": {"id": "Terima", "en": "Accept"},
    "res.ui.board.reject": {"id": "Tolak", "en": "Reject"},
    "res.ui.board.undo": {"id": "Batalkan", "en": "Undo"},
    "res.ui.board.note": {"id": "Catatan", "en": "Note"},
    "res.ui.board.no_suggestions": {
        "id": "Belum ada sumber daya yang cocok untuk kebutuhan ini. Lihat daftar kekurangan di bawah.",
        "en": "No resource matches this need yet. See the gap list below.",
    },
    "res.ui.board.no_needs": {"id": "Isi dulu daftar kebutuhan (langkah 1).",
                              "en": "Fill in the needs first (step 1)."},
    "res.ui.board.saved": {"id": "{resource} untuk {need}: {decision}.", "en": "{resource} for {need}: {decision}."},
    "res.ui.board.undone": {"id": "Keputusan {resource} untuk {need} dibatalkan.",
                            "en": "Decision on {resource} for {need} undone."},
    "res.ui.board.bad_when": {
        "id": "Waktu kegiatan '{value}' tidak terbaca; contoh: akhir pekan, Sabtu pagi, Senin-Jumat malam.",
        "en": "Activity time '{value}' cannot be read; e.g. akhir pekan, Sabtu pagi, Senin-Jumat malam.",
    },
    "res.ui.board.bad_limit": {"id": "Batas biaya harus angka Rupiah bulat, bukan '{value}'.",
                               "en": "The cost limit must be a whole Rupiah amount, not '{value}'."},
    "res.ui.board.limit_line": {"id": "Batas biaya: {limit}. Waktu: {when}.",
                                "en": "Cost limit: {limit}. Time: {when}."},
    "res.ui.board.no_limit": {"id": "tanpa batas", "en": "no limit"},
    "res.ui.board.any_time": {"id": "kapan saja", "en": "any time"},
    "res.ui.board.overview": {"id": "Ringkasan semua kebutuhan", "en": "All needs at a glance"},
    "res.ui.board.confirmed": {"id": "Diterima", "en": "Accepted"},
    "res.ui.board.open": {"id": "Usulan terbuka", "en": "Open suggestions"},
    "res.ui.board.gaps": {"id": "Kekurangan: siapa yang perlu dihubungi", "en": "Gaps: whom to ask"},
    "res.ui.venn.importance": {"id": "Kepentingan", "en": "Importance"},
    "res.ui.venn.closeness": {"id": "Kedekatan", "en": "Closeness"},
    "res.ui.venn.scale": {
        "id": "Kepentingan: 1 tidak penting ... 5 sangat penting. Kedekatan: 1 jauh dari warga ... 5 sangat dekat.",
        "en": "Importance: 1 not important ... 5 very important. Closeness: 1 far from residents ... 5 very close.",
    },
    "res.ui.hint_title": {"id": "Petunjuk", "en": "Hint"},
})

# command line
MESSAGES.update({
    "cli.match.help": {
        "id": "cocokkan kebutuhan prioritas dengan sumber daya; tampilkan kekurangan (tanpa kontak)",
        "en": "match prioritised needs with resources; list the gaps (never prints contacts)",
    },
    "cli.match.format": {"id": "bentuk keluaran: text, csv atau json", "en": "output format: text, csv or json"},
    "cli.match.table": {
        "id": "untuk --format csv: tabel yang dicetak, matches (pencocokan) atau gaps (kekurangan)",
        "en": "for --format csv: which table to print, matches or gaps",
    },
    "cli.match.when": {
        "id": "waktu kegiatan, mis. 'akhir pekan' atau 'Sabtu pagi'; sumber daya yang tidak bisa pada waktu "
              "itu tidak diusulkan (bawaan: kapan saja)",
        "en": "when activities take place, e.g. 'akhir pekan' or 'Sabtu pagi'; resources not available then "
              "are not suggested (default: any time)",
    },
    "cli.match.max_cost": {
        "id": "batas biaya satu sumber daya dalam Rupiah (bawaan: total sumber dana di funds.csv)",
        "en": "cost limit for one resource in Rupiah (default: the total of funds.csv)",
    },
    "cli.match.min_fit": {"id": "kecocokan terendah (keahlian + bidang) yang diusulkan (bawaan {n})",
                          "en": "least fit (skills + field) suggested (default {n})"},
    "cli.match.per_need": {"id": "usulan terbanyak per kebutuhan (bawaan {n})",
                           "en": "most suggestions per need (default {n})"},
    "cli.match.header": {"id": "Pencocokan kebutuhan dan sumber daya: {title}",
                         "en": "Matching needs and resources: {title}"},
    "cli.match.settings": {"id": "Batas biaya: {limit}. Waktu kegiatan: {when}. Skor = {formula}.",
                           "en": "Cost limit: {limit}. Activity time: {when}. Score = {formula}."},
    "cli.match.no_suggestion": {"id": "(tidak ada usulan)", "en": "(no suggestion)"},
    "cli.match.gaps": {"id": "Kekurangan (siapa yang perlu dihubungi):", "en": "Gaps (whom to ask):"},
    "cli.match.no_gaps": {"id": "Tidak ada kekurangan: setiap kebutuhan sudah punya sumber daya.",
                          "en": "No gaps: every need has a resource."},
    "cli.match.known": {"id": "sudah dikenal", "en": "already known"},
})
