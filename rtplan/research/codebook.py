"""The research dataset's tables, declared once: every column's type, meaning and values.

The export writes exactly these columns (``tests/test_research.py`` checks it) and the
codebook (``codebook.csv`` in every export) is printed from here, in Indonesian and
English. Columns marked ``text`` hold free text and are exported only with
``--include-text`` (registered names masked).
"""

from __future__ import annotations

from dataclasses import dataclass

from rtplan.schema import (
    ACTIVITY_KINDS,
    ACTIVITY_STATUSES,
    AGE_BANDS,
    FUNDING_SOURCES,
    GROUPS,
    LEDGER_CATEGORIES,
    NEED_CATEGORIES,
    NEED_SOURCES,
    NEED_STATUSES,
    PROPOSAL_BIDANG,
    PROPOSAL_LEVELS,
    PROPOSAL_STATES,
    RECURRENCES,
    RESOURCE_CATEGORIES,
    SEX,
)

OTHER = "lainnya"  # a free value outside the known list (never the free text itself)
METHOD_NAMES = ("usg", "dots", "pairwise")
RAISED_KINDS = ("peserta", "unsur", "lainnya", "kosong")
# pandas dtypes per codebook type (what pooling builds, what Parquet stores)
DTYPES = {"str": "string", "int": "Int64", "float": "Float64", "bool": "boolean", "date": "datetime64[ns]"}


@dataclass(frozen=True)
class Var:
    """One column of the research dataset."""

    name: str
    type: str  # str, int, float, bool, date
    id: str
    en: str
    allowed: tuple[str, ...] = ()
    text: bool = False  # free text: only with --include-text

    @property
    def dtype(self) -> str:
        return DTYPES[self.type]


def V(name: str, type_: str, id_: str, en: str, allowed: tuple[str, ...] = (), text: bool = False) -> Var:
    return Var(name, type_, id_, en, tuple(allowed), text)


KEY: tuple[Var, ...] = (
    V("plan_id", "str", "Pseudonim rencana (HMAC-SHA256 dari kunci wilayah dan periode, 16 heksadesimal)",
      "Plan pseudonym (HMAC-SHA256 of the area and period key, 16 hex digits)"),
    V("province", "str", "Provinsi (partisi Parquet)", "Province (Parquet partition)"),
    V("city", "str", "Kota/kabupaten (partisi Parquet)", "City/regency (Parquet partition)"),
    V("kecamatan", "str", "Kecamatan", "Kecamatan (district)"),
    V("kelurahan", "str", "Kelurahan/desa", "Kelurahan (urban village)"),
    V("rw", "str", "Nomor RW", "RW number"),
    V("rt", "str", "Nomor RT", "RT number"),
    V("period_start", "date", "Awal periode rencana", "Plan period start"),
    V("period_end", "date", "Akhir periode rencana", "Plan period end"),
)

_TF = ("true", "false")

TABLES: dict[str, tuple[Var, ...]] = {
    "plans": (
        V("rt_id", "str", "Pseudonim RT (sama untuk semua periode RT yang sama)",
          "RT pseudonym (the same across the periods of one RT)"),
        V("language", "str", "Bahasa rencana", "Plan language", ("id", "en")),
        V("households", "int", "Jumlah KK di RT", "Households in the RT"),
        V("residents", "int", "Jumlah warga di RT", "Residents of the RT"),
        V("participants", "int", "Peserta yang setuju datanya dipakai", "Participants who consented"),
        V("participants_no_consent", "int", "Peserta tanpa persetujuan (hanya dihitung)",
          "Participants without consent (counted only)"),
        V("meetings", "int", "Jumlah pertemuan", "Meetings"),
        V("needs", "int", "Jumlah kebutuhan", "Needs"),
        V("resources", "int", "Jumlah sumber daya/aset", "Resources/assets"),
        V("activities", "int", "Jumlah kegiatan", "Activities"),
        V("uses_usg", "bool", "Memakai skor USG", "Used USG scoring", _TF),
        V("uses_dots", "bool", "Memakai voting titik", "Used dot voting", _TF),
        V("uses_pairwise", "bool", "Memakai perbandingan berpasangan", "Used pairwise ranking", _TF),
        V("has_final_order", "bool", "Urutan prioritas disepakati (priorities.csv)",
          "A final priority order was agreed (priorities.csv)", _TF),
        V("kas_income_idr", "int", "Total pemasukan kas RT (Rp)", "RT cash book income (IDR)"),
        V("kas_expense_idr", "int", "Total pengeluaran kas RT (Rp)", "RT cash book expenses (IDR)"),
        V("kas_balance_idr", "int", "Saldo kas RT (Rp)", "RT cash book balance (IDR)"),
    ),
    "participants": (
        V("person", "str", "Pseudonim peserta (HMAC-SHA256, 16 heksadesimal)",
          "Participant pseudonym (HMAC-SHA256, 16 hex digits)"),
        V("sex", "str", "Jenis kelamin", "Sex", SEX),
        V("age_band", "str", "Kelompok umur (tanpa tanggal lahir)", "Age band (no birth dates)", AGE_BANDS),
        V("group", "str", "Unsur (nilai di luar daftar menjadi 'lainnya')",
          "Group (values outside the list become 'lainnya')", (*GROUPS, OTHER, "")),
        V("has_disability", "bool", "Penyandang disabilitas", "Has a disability", _TF),
        V("meetings_attended", "int", "Pertemuan yang dihadiri", "Meetings attended"),
        V("needs_raised", "int", "Kebutuhan yang diusulkan", "Needs raised"),
        V("usg_scored", "int", "Kebutuhan yang dinilai USG", "Needs scored with USG"),
        V("dots_given", "int", "Titik yang diberikan", "Dots given"),
        V("pairs_judged", "int", "Pasangan yang dinilai", "Pairs judged"),
        V("won_priority", "bool", "Usulannya masuk 3 prioritas teratas",
          "A need they raised is in the final top 3", _TF),
    ),
    "attendance": (
        V("meeting_id", "str", "ID pertemuan (dalam rencana)", "Meeting ID (within the plan)"),
        V("meeting_date", "date", "Tanggal pertemuan", "Meeting date"),
        V("person", "str", "Pseudonim peserta", "Participant pseudonym"),
    ),
    "meetings": (
        V("meeting_id", "str", "ID pertemuan", "Meeting ID"),
        V("date", "date", "Tanggal", "Date"),
        V("attendees", "int", "Hadir (yang setuju)", "Attendees (consented)"),
        V("attendees_l", "int", "Hadir laki-laki", "Attendees, male"),
        V("attendees_p", "int", "Hadir perempuan", "Attendees, female"),
        V("title", "str", "Judul pertemuan (nama disamarkan)", "Meeting title (names masked)", text=True),
    ),
    "needs": (
        V("need_id", "str", "ID kebutuhan (dalam rencana)", "Need ID (within the plan)"),
        V("category", "str", "Bidang", "Category", NEED_CATEGORIES),
        V("households_affected", "int", "KK terdampak", "Households affected"),
        V("source", "str", "Sumber usulan", "Source", (*NEED_SOURCES, OTHER, "")),
        V("status", "str", "Status", "Status", (*NEED_STATUSES, "")),
        V("raised_by_kind", "str", "Pengusul: peserta, unsur, lainnya, kosong",
          "Raised by: a participant, a group, other, empty", RAISED_KINDS),
        V("raised_by_group", "str", "Unsur pengusul", "Group of whoever raised it", (*GROUPS, OTHER, "")),
        V("raised_by_person", "str", "Pseudonim pengusul (jika peserta)",
          "Pseudonym of the proposer (if a participant)"),
        V("final_rank", "int", "Peringkat akhir (priorities.csv, lalu gabungan)",
          "Final rank (priorities.csv, then combined)"),
        V("final_stored", "bool", "Peringkat akhir disepakati di priorities.csv",
          "Final rank agreed in priorities.csv", _TF),
        V("combined_rank", "int", "Peringkat gabungan tiga metode", "Combined rank of the three methods"),
        V("usg_rank", "int", "Peringkat USG", "USG rank"),
        V("usg_total", "float", "Total USG (U+S+G, rata-rata penilai)", "USG total (U+S+G, mean over scorers)"),
        V("usg_scorers", "int", "Jumlah penilai USG", "USG scorers"),
        V("dots_rank", "int", "Peringkat voting titik", "Dot-voting rank"),
        V("dots", "int", "Jumlah titik", "Dots"),
        V("dot_voters", "int", "Jumlah pemberi titik", "Dot voters"),
        V("pairwise_rank", "int", "Peringkat perbandingan berpasangan", "Pairwise rank"),
        V("pairwise_score", "float", "Skor berpasangan (menang 1, seri 0,5)", "Pairwise score (win 1, tie 0.5)"),
        V("rank_spread", "float", "Selisih peringkat terbesar antarmetode", "Largest rank difference between methods"),
        V("methods_disagree", "bool", "Metode berbeda pendapat (selisih >= ambang)",
          "Methods disagree (spread at or above the threshold)", _TF),
        V("title", "str", "Judul kebutuhan (nama disamarkan)", "Need title (names masked)", text=True),
        V("description", "str", "Uraian (nama disamarkan)", "Description (names masked)", text=True),
    ),
    "method_agreement": (
        V("method_a", "str", "Metode A", "Method A", METHOD_NAMES),
        V("method_b", "str", "Metode B", "Method B", METHOD_NAMES),
        V("n", "int", "Kebutuhan yang diperingkat keduanya", "Needs ranked by both"),
        V("spearman", "float", "Korelasi Spearman", "Spearman correlation"),
        V("kendall", "float", "Kendall tau-b", "Kendall tau-b"),
    ),
    "resources": (
        V("resource_id", "str", "ID sumber daya", "Resource ID"),
        V("category", "str", "Kategori ABCD", "ABCD category", RESOURCE_CATEGORIES),
        V("capacity", "int", "Kapasitas", "Capacity"),
        V("cost_idr", "int", "Biaya (Rp)", "Cost (IDR)"),
        V("tags", "int", "Jumlah keahlian/kata kunci", "Number of skills/tags"),
        V("matched_needs", "int", "Kebutuhan yang dicocokkan (diterima)", "Needs matched (accepted)"),
        V("name", "str", "Nama aset (nama orang disamarkan)", "Asset name (names masked)", text=True),
    ),
    "activities": (
        V("activity_id", "str", "ID kegiatan", "Activity ID"),
        V("kind", "str", "Jenis", "Kind", (*ACTIVITY_KINDS, OTHER, "")),
        V("need_categories", "str", "Bidang kebutuhan yang dijawab (dipisah ;)",
          "Categories of the needs answered (; joined)"),
        V("resources_used", "int", "Jumlah sumber daya", "Resources used"),
        V("start_date", "date", "Tanggal mulai", "Start date"),
        V("end_date", "date", "Tanggal selesai", "End date"),
        V("recurrence", "str", "Pengulangan", "Recurrence", (*RECURRENCES, "")),
        V("target_participants", "int", "Target peserta", "Target participants"),
        V("cost_idr", "int", "Biaya rencana (Rp)", "Planned cost (IDR)"),
        V("funding_source", "str", "Sumber dana", "Funding source", (*FUNDING_SOURCES, OTHER, "")),
        V("status", "str", "Status", "Status", (*ACTIVITY_STATUSES, "")),
        V("sessions_done", "int", "Sesi terlaksana (realisasi)", "Sessions held (realizations)"),
        V("participants_l_done", "int", "Peserta laki-laki (realisasi)", "Male participants (realized)"),
        V("participants_p_done", "int", "Peserta perempuan (realisasi)", "Female participants (realized)"),
        V("cost_done_idr", "int", "Biaya realisasi (Rp)", "Realized cost (IDR)"),
        V("title", "str", "Judul kegiatan (nama disamarkan)", "Activity title (names masked)", text=True),
    ),
    "budget": (
        V("funding_source", "str", "Sumber dana", "Funding source", (*FUNDING_SOURCES, OTHER)),
        V("available_idr", "int", "Dana tersedia (funds.csv, Rp)", "Funds available (funds.csv, IDR)"),
        V("planned_idr", "int", "Biaya kegiatan yang direncanakan (tanpa batal, Rp)",
          "Planned activity cost (cancelled excluded, IDR)"),
        V("realized_idr", "int", "Biaya realisasi (Rp)", "Realized cost (IDR)"),
    ),
    "realizations": (
        V("activity_id", "str", "ID kegiatan", "Activity ID"),
        V("date", "date", "Tanggal", "Date"),
        V("participants_l", "int", "Peserta laki-laki", "Male participants"),
        V("participants_p", "int", "Peserta perempuan", "Female participants"),
        V("cost_idr", "int", "Biaya (Rp)", "Cost (IDR)"),
        V("output", "str", "Hasil (nama disamarkan)", "Output (names masked)", text=True),
    ),
    "proposals": (
        V("proposal_id", "str", "ID usulan ke Musrenbang (dalam rencana)", "Musrenbang proposal ID (within the plan)"),
        V("priority", "int", "Nomor urut prioritas (urutan yang diputuskan)", "Priority number (the decided order)"),
        V("bidang", "str", "Bidang usulan (kamus kota di luar daftar menjadi 'lainnya')",
          "Field of the proposal (a city's kamus entry outside the list becomes 'lainnya')",
          (*PROPOSAL_BIDANG, OTHER, "")),
        V("need_categories", "str", "Bidang kebutuhan yang dijawab (dipisah ;)",
          "Categories of the needs answered (; joined)"),
        V("households_affected", "int", "KK terdampak (jumlah atas kebutuhan yang dijawab)",
          "Households affected (sum over the needs answered)"),
        V("volume", "int", "Volume", "Volume"),
        V("cost_idr", "int", "Perkiraan biaya (Rp)", "Estimated cost (IDR)"),
        V("has_swadaya", "bool", "Ada potensi swadaya warga", "Residents offer a contribution", _TF),
        V("level", "str", "Dikirim ke tingkat", "Sent to level", (*PROPOSAL_LEVELS, "")),
        V("state", "str", "Status usulan (jawaban yang kembali)", "Proposal state (the answer that came back)",
          (*PROPOSAL_STATES, "")),
        V("accepted", "bool", "Diterima (diterima RW/kelurahan, dianggarkan atau dilaksanakan)",
          "Accepted (by the RW/kelurahan, budgeted or carried out)", _TF),
        V("has_reason", "bool", "Jawaban/alasan tertulis", "A written answer/reason", _TF),
        V("title", "str", "Judul usulan (nama disamarkan)", "Proposal title (names masked)", text=True),
        V("answer", "str", "Jawaban/alasan (nama disamarkan)", "Answer/reason (names masked)", text=True),
    ),
    "kas": (
        V("category", "str", "Kategori buku kas", "Cash book category", (*LEDGER_CATEGORIES, OTHER, "")),
        V("entries", "int", "Jumlah entri", "Entries"),
        V("income_idr", "int", "Pemasukan (Rp)", "Income (IDR)"),
        V("expense_idr", "int", "Pengeluaran (Rp)", "Expenses (IDR)"),
    ),
}


def columns(table: str, include_text: bool = False) -> tuple[Var, ...]:
    """The columns of a research table (key first), free text only when asked."""
    return KEY + tuple(v for v in TABLES[table] if include_text or not v.text)


def codebook_rows(include_text: bool = False) -> list[dict[str, str]]:
    """One row per exported column: table, column, type, meaning (id, en), allowed values."""
    return [
        {
            "table": table, "column": v.name, "type": v.type,
            "meaning_id": v.id, "meaning_en": v.en,
            "allowed": ";".join(a if a else "(kosong/empty)" for a in v.allowed),
            "free_text": "true" if v.text else "false",
        }
        for table in TABLES
        for v in columns(table, include_text)
    ]
