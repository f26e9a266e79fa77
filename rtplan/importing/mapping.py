"""Which column of a file is which field of a table, and which survey tool made the file.

* :func:`detect_source` recognises Google Forms (``Timestamp`` / ``Cap waktu`` /
  ``Stempel waktu``), KoBoToolbox (``_uuid``, ``_submission_time``, ``group/question``
  paths) and ODK Central (``SubmissionDate``, ``KEY``, ``group-question`` paths).
* :func:`auto_mapping` maps headers to fields through the schema's labels (id/en)
  and :data:`SYNONYMS`, then ``--map SOURCE=FIELD`` overrides (:func:`apply_overrides`).
* :func:`value_map` maps answers to a column's allowed values (``Ekonomi`` ->
  ``ekonomi``, ``Sosial budaya`` -> ``sosial-budaya``, ``60 tahun ke atas`` -> ``60+``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from rtplan.schema import AGE_BANDS, TABLES, Table

GOOGLE_STAMPS = {"timestamp", "cap waktu", "stempel waktu", "tanda waktu", "waktu", "marca temporal",
                 "horodateur", "zeitstempel"}
GOOGLE_STAMPS_ID = {"cap waktu", "stempel waktu", "tanda waktu", "waktu"}
KOBO_MARKERS = {"_uuid", "_submission_time", "_id", "_index", "_validation_status", "__version__"}
ODK_MARKERS = {"submissiondate", "key", "submitterid", "submittername"}
# survey tools' bookkeeping columns: never data of the plan
META_COLUMNS = {
    "start", "end", "today", "deviceid", "username", "simserial", "subscriberid", "phonenumber",
    "audit", "instanceid", "instancename", "submissiondate", "submitterid", "submittername",
    "attachmentspresent", "attachmentsexpected", "status", "reviewstate", "edits", "formversion",
    "key", "meta", "version", "uuid", "email address", "alamat email", "score", "skor", "parent key",
    "instance id", "submission time", "validation status", "submitted by",
}
SOURCE_REF = "source_ref"  # extra column that keeps a survey submission's id (uuid/KEY)


def key(text: object) -> str:
    """Compare headers loosely: lower case, only letters and digits, single spaces."""
    return re.sub(r"[^0-9a-z]+", " ", str(text).lower()).strip()


# extra names people give a column, per table and field (the schema's labels and
# the column name itself are always understood)
_COMMON: dict[str, tuple[str, ...]] = {
    "participant_id": ("id peserta", "kode peserta", "nomor peserta", "no peserta", "participant"),
    "need_id": ("id kebutuhan", "kode kebutuhan", "id masalah"),
    "meeting_id": ("id pertemuan", "id rapat", "kode pertemuan", "kode rapat"),
    "resource_id": ("id sumber daya", "id aset", "kode aset"),
    "activity_id": ("id kegiatan", "kode kegiatan"),
}
SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "participants": {
        "name": ("nama", "nama lengkap", "nama peserta", "nama warga", "nama responden", "full name",
                 "name", "nama anda", "nama bapak ibu"),
        "sex": ("jenis kelamin", "jk", "l p", "kelamin", "gender", "sex", "laki laki perempuan",
                "jenis kelamin l p", "jenis kelamin laki laki perempuan", "j k", "jenis kelamin lk pr",
                "jns kelamin", "jns kel", "jenkel"),
        "age_band": ("umur", "usia", "kelompok usia", "kelompok umur", "age", "age group", "rentang usia",
                     "tanggal lahir", "tgl lahir", "tgl lahir dd mm yyyy", "tanggal lahir dd mm yyyy",
                     "date of birth", "birth date", "umur tahun", "usia tahun", "umur thn"),
        "group": ("unsur", "kelompok", "perwakilan", "organisasi", "lembaga", "unsur kelompok",
                  "mewakili"),
        "has_disability": ("disabilitas", "penyandang disabilitas", "difabel", "berkebutuhan khusus",
                           "disability", "apakah penyandang disabilitas"),
        "phone": ("telepon", "no hp", "nomor hp", "no telp", "no telepon", "nomor telepon", "no wa",
                  "nomor wa", "whatsapp", "no whatsapp", "nomor whatsapp", "hp", "hp wa", "no hp wa",
                  "nomor hp wa", "phone", "phone number", "telp", "no hp wa aktif", "nomor hp whatsapp",
                  "no telp hp", "no hp whatsapp", "nomor telepon hp", "kontak wa", "no wa aktif"),
        "consent": ("persetujuan", "setuju", "izin", "consent", "setuju data dicatat",
                    "bersedia data dicatat", "persetujuan data"),
    },
    "meetings": {
        "date": ("tanggal", "tgl", "hari tanggal", "tanggal rapat", "date"),
        "start_time": ("mulai", "jam mulai", "waktu mulai", "pukul", "jam", "start"),
        "end_time": ("selesai", "jam selesai", "waktu selesai", "end"),
        "place": ("tempat", "lokasi", "venue"),
        "title": ("judul", "acara", "nama pertemuan", "nama rapat", "title"),
        "chair": ("pimpinan rapat", "ketua rapat", "pemimpin", "chair"),
        "minute_taker": ("notulis", "notulen", "sekretaris rapat"),
        "agenda": ("agenda", "susunan acara", "mata acara"),
    },
    "needs": {
        "title": ("masalah", "kebutuhan", "judul", "permasalahan", "usulan", "masalah kebutuhan",
                  "need", "problem", "title", "masalah utama", "kebutuhan utama", "usulan kegiatan",
                  "kebutuhan masalah"),
        "category": ("bidang", "kategori", "jenis masalah", "sektor", "category", "kategori masalah",
                     "bidang masalah"),
        "description": ("uraian", "keterangan", "penjelasan", "deskripsi", "description", "detail",
                        "uraian masalah", "penjelasan singkat", "jelaskan", "jelaskan singkat"),
        "location": ("lokasi", "tempat", "location", "gang", "lokasi masalah", "rt rw", "alamat rt rw",
                     "lokasi rt rw", "dusun rt rw"),
        "households_affected": ("kk terdampak", "jumlah kk", "jumlah kk terdampak", "households",
                                "keluarga terdampak", "jumlah keluarga terdampak", "jml kk", "jml kk terdampak",
                                "berapa kk terdampak", "jumlah kepala keluarga", "kepala keluarga terdampak",
                                "rumah tangga terdampak", "jumlah rumah tangga", "kk yang terdampak",
                                "households affected"),
        "raised_by": ("diusulkan oleh", "pengusul", "nama pengusul", "raised by", "diusulkan"),
        "source": ("sumber", "sumber usulan", "source"),
    },
    "resources": {
        "name": ("nama", "nama aset", "nama sumber daya", "aset", "potensi", "name", "nama potensi",
                 "asset name", "resource name", "name of asset"),
        "category": ("kategori", "kategori abcd", "jenis aset", "category", "jenis potensi", "kategori aset"),
        "holder": ("pemilik", "pengelola", "pemilik pengelola", "holder", "nama pemilik"),
        "description": ("uraian", "keterangan", "deskripsi", "description"),
        "tags": ("keahlian", "kata kunci", "tags", "skills", "keterampilan"),
        "availability": ("ketersediaan", "waktu luang", "availability", "bersedia kapan"),
        "capacity": ("kapasitas", "capacity", "daya tampung"),
        "cost_idr": ("biaya", "biaya rp", "harga", "tarif", "cost"),
        "contact": ("kontak", "no hp", "nomor hp", "telepon", "no wa", "whatsapp", "contact", "no hp wa",
                    "nomor hp wa", "no telp hp"),
        "location": ("lokasi", "alamat", "tempat", "location", "rt rw", "alamat rt rw"),
    },
    "activities": {
        "title": ("kegiatan", "nama kegiatan", "judul", "activity", "title"),
        "kind": ("jenis", "jenis kegiatan", "kind", "type"),
        "need_ids": ("kebutuhan", "menjawab kebutuhan", "id kebutuhan", "needs"),
        "resource_ids": ("sumber daya", "id sumber daya", "resources"),
        "pic": ("penanggung jawab", "pj", "pic", "person in charge"),
        "start_time": ("jam", "jam mulai", "pukul", "waktu"),
        "start_date": ("tanggal mulai", "mulai", "tgl mulai", "tanggal", "start date"),
        "end_date": ("tanggal selesai", "selesai", "tgl selesai", "end date"),
        "recurrence": ("pengulangan", "frekuensi", "recurrence"),
        "venue": ("tempat", "lokasi", "venue"),
        "target_participants": ("target peserta", "jumlah peserta", "sasaran", "target"),
        "cost_idr": ("biaya", "anggaran", "biaya rp", "anggaran rp", "rab", "cost", "budget"),
        "funding_source": ("sumber dana", "dana", "funding"),
        "indicator": ("indikator", "indikator keberhasilan", "target capaian"),
    },
    "funds": {
        "funding_source": ("sumber dana", "sumber", "source"),
        "amount_idr": ("jumlah", "jumlah rp", "nominal", "besar dana", "amount", "dana"),
        "note": ("catatan", "keterangan", "note"),
    },
    "ledger": {
        "entry_id": ("no bukti", "nomor bukti", "no kwitansi", "id", "entry"),
        "date": ("tanggal", "tgl", "date"),
        "description": ("uraian", "keterangan", "deskripsi", "description", "transaksi"),
        "income_idr": ("pemasukan", "penerimaan", "masuk", "debet", "debit", "income", "uang masuk",
                       "pemasukan rp", "penerimaan rp", "amount received", "jumlah diterima", "uang diterima",
                       "nominal masuk", "jumlah setoran", "setoran"),
        "expense_idr": ("pengeluaran", "keluar", "kredit", "expense", "uang keluar", "pengeluaran rp"),
        "category": ("kategori", "jenis", "pos", "category"),
        "proof": ("bukti", "nota", "proof"),
    },
    "realizations": {
        "date": ("tanggal", "tgl", "date"),
        "participants_l": ("peserta l", "peserta laki laki", "laki laki", "jumlah l", "l"),
        "participants_p": ("peserta p", "peserta perempuan", "perempuan", "jumlah p", "p"),
        "cost_idr": ("biaya", "biaya rp", "realisasi biaya", "pengeluaran", "cost"),
        "output": ("hasil", "keluaran", "output"),
        "notes": ("catatan", "keterangan", "notes"),
    },
    "decisions": {
        "decision": ("keputusan", "hasil keputusan", "decision"),
        "pic": ("penanggung jawab", "pj", "pic"),
        "due_date": ("batas waktu", "tenggat", "deadline", "due date", "paling lambat"),
    },
    "usg_scores": {
        "scorer": ("penilai", "scorer", "dinilai oleh"),
        "urgency": ("u", "urgensi", "urgency", "mendesak"),
        "seriousness": ("s", "keseriusan", "seriousness", "serius"),
        "growth": ("g", "perkembangan", "growth", "berkembang"),
    },
    "votes": {"dots": ("titik", "jumlah titik", "suara", "dots", "votes", "stiker")},
    "institutions": {
        "name": ("lembaga", "nama lembaga", "institusi", "name"),
        "importance": ("kepentingan", "pentingnya", "importance"),
        "closeness": ("kedekatan", "closeness"),
        "note": ("catatan", "keterangan", "note"),
    },
    "priorities": {"rank": ("peringkat", "ranking", "urutan", "rank"), "method": ("metode", "method")},
}


def names_for(table: Table, column: str) -> list[str]:
    """Every name (loose key) under which a column of ``table`` is recognised."""
    col = table.column(column)
    names = [column, column.replace("_", " "), col.label["id"], col.label["en"]]
    names += list(_COMMON.get(column, ()))
    names += list(SYNONYMS.get(table.name, {}).get(column, ()))
    out: list[str] = []
    for n in names:
        k = key(n)
        if k and k not in out:
            out.append(k)
    return out


def header_index(table: Table) -> dict[str, str]:
    """Loose header key -> field, for one table; the first field to claim a name keeps it."""
    index: dict[str, str] = {}
    for col in table.columns:  # exact names and labels first, synonyms after
        for n in (col.name, col.name.replace("_", " "), col.label["id"], col.label["en"]):
            index.setdefault(key(n), col.name)
    for col in table.columns:
        for n in names_for(table, col.name):
            index.setdefault(n, col.name)
    index.setdefault(key(SOURCE_REF), SOURCE_REF)
    return index


@dataclass
class SourceInfo:
    """What made the file and how its headers read once the tool's paths are stripped.

    Attributes
    ----------
    tool : ``google``, ``kobo``, ``odk`` or ``""`` (a spreadsheet).
    names : the header to map, per column position (group paths stripped).
    ignored : positions of the tool's bookkeeping and 0/1 option columns.
    ref_column : position of the submission id (KoBo ``_uuid``, ODK ``KEY`` or ``meta-instanceID``);
        ``None`` when the file has none (a Google Forms time stamp is no id: rows then
        are told apart by a hash of the whole row).
    options : select-multiple column position -> its 0/1 option columns ``(position, label)``.
    stamp_column : Google's time stamp column; ``stamp_locale`` ``id`` when its header is Indonesian.
    """

    tool: str
    names: list[str]
    ignored: set[int] = field(default_factory=set)
    ref_column: int | None = None
    options: dict[int, list[tuple[int, str]]] = field(default_factory=dict)
    stamp_column: int | None = None
    stamp_locale: str = ""


def _option_columns(keys: Sequence[str], sep: str) -> dict[int, list[tuple[int, str]]]:
    """Select-multiple columns and their 0/1 option columns (``question`` and ``question/option``)."""
    position = {h: i for i, h in enumerate(keys)}
    options: dict[int, list[tuple[int, str]]] = {}
    for i, h in enumerate(keys):
        if "/" not in h:
            continue
        parent, _, label = h.rpartition("/")
        if parent in position and label:
            options.setdefault(position[parent], []).append((i, label))
    return options


def detect_source(header: Sequence[str]) -> SourceInfo:
    """Recognise the survey tool from the header and strip its group paths."""
    keys = [str(h).strip() for h in header]
    lower = {h.lower() for h in keys}
    names = list(keys)
    ignored: set[int] = set()
    if keys and key(keys[0]) in GOOGLE_STAMPS:
        ignored = {i for i, h in enumerate(keys) if key(h) in META_COLUMNS}
        locale = "id" if key(keys[0]) in GOOGLE_STAMPS_ID else ""
        return SourceInfo("google", names, ignored | {0}, None, stamp_column=0, stamp_locale=locale)
    if lower & KOBO_MARKERS or (any("/" in h and not h.startswith("_") for h in keys)
                                and any(h.startswith("_") for h in keys)):
        options = _option_columns(keys, "/")
        option_positions = {p for opts in options.values() for p, _ in opts}
        ref = None
        for i, h in enumerate(keys):
            last = h.rsplit("/", 1)[-1]
            if h == "_uuid":
                ref = i
            if h.startswith("_") or key(last) in META_COLUMNS or i in option_positions:
                ignored.add(i)  # bookkeeping, or the 0/1 column of one option
            names[i] = last
        return SourceInfo("kobo", names, ignored, ref, options)
    if lower & ODK_MARKERS and ("submissiondate" in lower or "key" in lower or "parent_key" in lower):
        options = _option_columns(keys, "/")
        option_positions = {p for opts in options.values() for p, _ in opts}
        ref = None
        instance = None
        for i, h in enumerate(keys):
            last = h.rsplit("-", 1)[-1]
            if h.upper() == "KEY":
                ref = i
            if h in {"meta-instanceID", "instanceID"}:
                instance = i
            if key(last) in META_COLUMNS or key(h) in META_COLUMNS or h.startswith(("meta-", "SET-OF-")) \
                    or i in option_positions:
                ignored.add(i)
            names[i] = last
        return SourceInfo("odk", names, ignored, ref if ref is not None else instance, options)
    return SourceInfo("", names)


def _match(name: str, index: Mapping[str, str]) -> str | None:
    k = key(name)
    if not k:
        return None
    if k in index:
        return index[k]
    k = re.sub(r"\s*\b(wajib|opsional|optional|required)\b\s*", " ", k).strip()
    if k in index:
        return index[k]
    # a survey question: "Nama lengkap (sesuai KTP)", "Apa kebutuhan utama di RT kita?"
    words = f" {k} "
    best: tuple[int, str] | None = None
    for n, fld in index.items():
        if len(n) < 4:
            continue
        if words.startswith(f" {n} ") or (len(k.split()) >= 3 and f" {n} " in words):
            score = len(n) + (100 if words.startswith(f" {n} ") else 0)
            if best is None or score > best[0]:
                best = (score, fld)
    return best[1] if best else None


def auto_mapping(table: Table, info: SourceInfo) -> dict[int, str]:
    """Column position -> field, each field claimed by the first column that names it best."""
    index = header_index(table)
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    exact = {i: index.get(key(n)) for i, n in enumerate(info.names) if i not in info.ignored}
    for i, fld in exact.items():  # exact names first, so a question cannot steal a field
        if fld and fld not in taken:
            mapping[i] = fld
            taken.add(fld)
    for i, n in enumerate(info.names):
        if i in info.ignored or i in mapping:
            continue
        fld = _match(n, index)
        if fld and fld not in taken:
            mapping[i] = fld
            taken.add(fld)
    return mapping


def score_header(table: Table) -> Callable[[Sequence[str]], int]:
    """A function rating a candidate header row for ``table`` (how many cells name a field)."""
    index = header_index(table)
    stamps = GOOGLE_STAMPS | {k.lower() for k in KOBO_MARKERS} | ODK_MARKERS

    def score(cells: Sequence[str]) -> int:
        found = set()
        extra = 0
        for c in cells:
            k = key(c)
            if not k:
                continue
            if k in index:
                found.add(index[k])
            elif str(c).strip().lower() in stamps or k in stamps:
                extra += 1
        return len(found) + extra

    return score


# values ---------------------------------------------------------------------------------
_AGE_WORDS = re.compile(r"\b(tahun|thn|th|years?|yrs?|usia|umur)\b")


def _age_key(text: str) -> str:
    k = _AGE_WORDS.sub(" ", str(text).lower())
    k = k.replace("–", "-").replace("—", "-")
    k = re.sub(r"\b(kurang dari|di bawah|dibawah|under|below)\s*", "<", k)
    k = re.sub(r"\s*(ke atas|keatas|lebih|and over|or more|plus|\+)\s*$", "+", k.strip())
    k = re.sub(r"\s*(s d|sd|s/d|sampai|hingga|to)\s*", "-", k)
    return re.sub(r"\s+", "", k)


def value_map(table: str, column: str) -> dict[str, str] | None:
    """Loose answer key -> the contract's value, for a column with allowed or suggested values."""
    col = TABLES[table].column(column)
    values = col.allowed or col.suggested
    if not values:
        return None
    out = {key(v): v for v in values}
    out.update({v.lower(): v for v in values})
    if col.allowed == AGE_BANDS:
        out.update({_age_key(v): v for v in AGE_BANDS})
        out.update({"<17": "<18", "0-17": "<18", "anak": "<18", "remaja": "<18", ">60": "60+",
                    ">=60": "60+", "lansia": "60+", "60-": "60+"})
    if column == "category" and table == "needs":
        out.update({"sosial": "sosial-budaya", "budaya": "sosial-budaya", "sosbud": "sosial-budaya",
                    "infrastruktur fisik": "infrastruktur", "pembangunan": "infrastruktur",
                    "lingkungan hidup": "lingkungan", "kebersihan": "lingkungan",
                    "economy": "ekonomi", "health": "kesehatan", "education": "pendidikan",
                    "environment": "lingkungan", "infrastructure": "infrastruktur",
                    "security": "keamanan", "ketertiban": "keamanan", "keamanan ketertiban": "keamanan"})
    if column == "funding_source":
        out.update({"iuran": "swadaya warga", "iuran swadaya warga": "swadaya warga", "swadaya": "swadaya warga",
                    "kas": "kas RT", "kas rt": "kas RT", "kelurahan": "dana kelurahan"})
    if column == "recurrence":
        out.update({"sekali": "once", "satu kali": "once", "mingguan": "weekly", "setiap minggu": "weekly",
                    "tiap minggu": "weekly", "bulanan": "monthly", "setiap bulan": "monthly",
                    "tiap bulan": "monthly"})
    if column == "status" and table == "activities":
        out.update({"direncanakan": "rencana", "sedang berjalan": "berjalan", "sudah selesai": "selesai",
                    "dibatalkan": "batal", "planned": "rencana", "ongoing": "berjalan", "done": "selesai",
                    "cancelled": "batal"})
    return out


def map_value(text: str, table: str, column: str, mapping: Mapping[str, str]) -> str | None:
    """The contract's value for ``text`` or ``None`` when it is not one of them."""
    if text in mapping.values():
        return text
    found = mapping.get(text.lower()) or mapping.get(key(text))
    if found is None and TABLES[table].column(column).allowed == AGE_BANDS:
        found = mapping.get(_age_key(text))
    return found
