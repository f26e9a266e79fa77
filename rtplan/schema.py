"""The one declaration of every table of a plan: columns, types, rules and labels.

Validation, storage, importers, widgets and exports read the tables from here.
A column's ``kind`` fixes both its CSV text form and its pandas dtype:

========  =====================  =========================================
kind      CSV text               pandas dtype
========  =====================  =========================================
str       as is                  ``string`` ("" when empty)
id        as is (no ``;``)       ``string``
list      ``a;b;c``              ``string`` (use :func:`split_list`)
int       ``12``                 ``Int64`` (<NA> when empty)
money     whole Rupiah ``15000`` ``Int64``
bool      ``true`` / ``false``   ``boolean``
date      ``2026-08-17``         ``datetime64[ns]`` (NaT when empty)
time      ``19:30``              ``string``
========  =====================  =========================================
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

KINDS = ("str", "id", "list", "int", "money", "bool", "date", "time")

DTYPES = {
    "str": "string",
    "id": "string",
    "list": "string",
    "time": "string",
    "int": "Int64",
    "money": "Int64",
    "bool": "boolean",
    "date": "datetime64[ns]",
}

SEX = ("L", "P")
AGE_BANDS = ("<18", "18-24", "25-39", "40-59", "60+")
GROUPS = (
    "warga",
    "pengurus RT",
    "PKK",
    "Karang Taruna",
    "kader posyandu",
    "tokoh agama",
    "tokoh masyarakat",
    "UMKM",
)
NEED_CATEGORIES = (
    "ekonomi",
    "kesehatan",
    "pendidikan",
    "lingkungan",
    "infrastruktur",
    "sosial-budaya",
    "keamanan",
)
NEED_SOURCES = ("musyawarah", "survei", "observasi", "usulan-warga")
NEED_STATUSES = ("usulan", "prioritas", "ditangani", "selesai", "ditunda")
RESOURCE_CATEGORIES = ("individu", "asosiasi", "institusi", "fisik", "ekonomi", "budaya", "alam")
ACTIVITY_KINDS = ("pelatihan", "pendidikan", "kesehatan", "lingkungan", "sosial", "ekonomi", "rapat")
RECURRENCES = ("once", "weekly", "monthly")
ACTIVITY_STATUSES = ("rencana", "berjalan", "selesai", "batal")
FUNDING_SOURCES = ("kas RT", "swadaya warga", "dana kelurahan", "CSR", "hibah")
PRIORITY_METHODS = ("usg", "dots", "pairwise", "gabungan")
TREE_KINDS = ("inti", "sebab", "akibat")
MATCH_DECISIONS = ("diterima", "ditolak")
LEDGER_CATEGORIES = ("saldo awal", "iuran", "donasi", "kegiatan", "operasional", "koreksi")
CONSENSUS = "konsensus"
TIE = "seri"


@dataclass(frozen=True)
class Column:
    """One column of a table.

    Attributes
    ----------
    name : the CSV header, in English snake case (the contract).
    kind : one of :data:`KINDS`.
    label : ``{"id": ..., "en": ...}`` what people read in widgets and documents.
    required : an empty value is a problem.
    allowed : the closed list of values (checked); ``None`` when open.
    suggested : values offered in widgets for an open list (not checked).
    min, max : inclusive bounds for ``int`` and ``money``.
    ref : ``(table, column)`` a value must exist in (each item, for ``list``).
    ref_extra : values accepted besides references (``konsensus``, ``seri``).
    private : never leaves the plan folder (phone, contact).
    in_period : a date that must fall within the plan period.
    """

    name: str
    kind: str
    label: dict[str, str]
    required: bool = False
    allowed: tuple[str, ...] | None = None
    suggested: tuple[str, ...] = ()
    min: int | None = None
    max: int | None = None
    ref: tuple[str, str] | None = None
    ref_extra: tuple[str, ...] = ()
    private: bool = False
    in_period: bool = False

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"{self.name}: unknown kind {self.kind}")

    @property
    def dtype(self) -> str:
        return DTYPES[self.kind]


@dataclass(frozen=True)
class Table:
    """One table of a plan (one CSV file).

    ``key`` columns are unique together; ``order`` pairs ``(start, end)`` must not run
    backwards (dates or times).
    """

    name: str
    label: dict[str, str]
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    order: tuple[tuple[str, str], ...] = ()
    step: int = 0
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)

    @property
    def private_columns(self) -> list[str]:
        return [c.name for c in self.columns if c.private]

    def empty(self) -> pd.DataFrame:
        """An empty DataFrame with this table's columns and dtypes (a fresh copy each call).

        Building it takes milliseconds (every plan load asks for all tables); copying a
        kept template takes microseconds, so the template is built once per column set.
        """
        key = (self.name, tuple((c.name, c.dtype) for c in self.columns), pd.get_option("mode.string_storage"))
        template = _EMPTY.get(key)
        if template is None:
            template = _EMPTY[key] = pd.DataFrame({c.name: pd.Series(dtype=c.dtype) for c in self.columns})
        return template.copy()


_EMPTY: dict[tuple[object, ...], pd.DataFrame] = {}


def C(name: str, kind: str, label_id: str, label_en: str, **kw: object) -> Column:
    """Shorthand for declaring a :class:`Column`."""
    return Column(name, kind, {"id": label_id, "en": label_en}, **kw)  # type: ignore[arg-type]


TABLES: dict[str, Table] = {}


def _table(table: Table) -> None:
    TABLES[table.name] = table


# step 0: profile, participants, meetings
_table(Table(
    "participants", {"id": "Peserta", "en": "Participants"},
    (
        C("participant_id", "id", "ID peserta", "Participant ID", required=True),
        C("name", "str", "Nama", "Name", required=True),
        C("sex", "str", "L/P", "Sex (L/P)", required=True, allowed=SEX),
        C("age_band", "str", "Kelompok umur", "Age band", allowed=AGE_BANDS),
        C("group", "str", "Unsur", "Group", suggested=GROUPS),
        C("has_disability", "bool", "Disabilitas", "Has disability"),
        C("phone", "str", "Telepon (pribadi)", "Phone (private)", private=True),
        C("consent", "bool", "Setuju data dicatat", "Consent"),
    ),
    key=("participant_id",),
))
_table(Table(
    "meetings", {"id": "Pertemuan", "en": "Meetings"},
    (
        C("meeting_id", "id", "ID pertemuan", "Meeting ID", required=True),
        C("date", "date", "Tanggal", "Date", required=True),
        C("start_time", "time", "Jam mulai", "Start time"),
        C("end_time", "time", "Jam selesai", "End time"),
        C("place", "str", "Tempat", "Place"),
        C("title", "str", "Judul", "Title", required=True),
        C("chair", "str", "Pemimpin rapat", "Chair"),
        C("minute_taker", "str", "Notulis", "Minute taker"),
        C("agenda", "list", "Acara", "Agenda"),
    ),
    key=("meeting_id",),
    order=(("start_time", "end_time"),),
))
_table(Table(
    "attendance", {"id": "Daftar hadir", "en": "Attendance"},
    (
        C("meeting_id", "id", "ID pertemuan", "Meeting ID", required=True, ref=("meetings", "meeting_id")),
        C("participant_id", "id", "ID peserta", "Participant ID", required=True,
          ref=("participants", "participant_id")),
    ),
    key=("meeting_id", "participant_id"),
))
# step 1: needs and priorities
_table(Table(
    "needs", {"id": "Kebutuhan", "en": "Needs"},
    (
        C("need_id", "id", "ID kebutuhan", "Need ID", required=True),
        C("title", "str", "Kebutuhan/masalah", "Need/problem", required=True),
        C("category", "str", "Bidang", "Category", required=True, allowed=NEED_CATEGORIES),
        C("description", "str", "Uraian", "Description"),
        C("location", "str", "Lokasi", "Location"),
        C("households_affected", "int", "KK terdampak", "Households affected", min=0),
        C("raised_by", "str", "Diusulkan oleh", "Raised by"),
        C("source", "str", "Sumber", "Source", suggested=NEED_SOURCES),
        C("status", "str", "Status", "Status", allowed=NEED_STATUSES),
    ),
    key=("need_id",),
    step=1,
))
_table(Table(
    "usg_scores", {"id": "Skor USG", "en": "USG scores"},
    (
        C("need_id", "id", "ID kebutuhan", "Need ID", required=True, ref=("needs", "need_id")),
        C("scorer", "id", "Penilai", "Scorer", required=True, ref=("participants", "participant_id"),
          ref_extra=(CONSENSUS,)),
        C("urgency", "int", "Urgensi (U)", "Urgency (U)", required=True, min=1, max=5),
        C("seriousness", "int", "Keseriusan (S)", "Seriousness (S)", required=True, min=1, max=5),
        C("growth", "int", "Perkembangan (G)", "Growth (G)", required=True, min=1, max=5),
    ),
    key=("need_id", "scorer"),
    step=1,
))
_table(Table(
    "votes", {"id": "Pemungutan titik", "en": "Dot votes"},
    (
        C("need_id", "id", "ID kebutuhan", "Need ID", required=True, ref=("needs", "need_id")),
        C("participant_id", "id", "ID peserta", "Participant ID", required=True,
          ref=("participants", "participant_id")),
        C("dots", "int", "Titik", "Dots", required=True, min=0, max=20),
    ),
    key=("need_id", "participant_id"),
    step=1,
))
_table(Table(
    "pairwise", {"id": "Perbandingan berpasangan", "en": "Pairwise comparisons"},
    (
        C("need_a", "id", "Kebutuhan A", "Need A", required=True, ref=("needs", "need_id")),
        C("need_b", "id", "Kebutuhan B", "Need B", required=True, ref=("needs", "need_id")),
        C("winner", "id", "Lebih penting", "Winner", required=True, ref=("needs", "need_id"), ref_extra=(TIE,)),
        C("participant_id", "id", "ID peserta", "Participant ID", ref=("participants", "participant_id")),
    ),
    key=("need_a", "need_b", "participant_id"),
    step=1,
))
_table(Table(
    "priorities", {"id": "Urutan prioritas", "en": "Priority order"},
    (
        C("need_id", "id", "ID kebutuhan", "Need ID", required=True, ref=("needs", "need_id")),
        C("rank", "int", "Peringkat", "Rank", required=True, min=1),
        C("method", "str", "Metode", "Method", allowed=PRIORITY_METHODS),
        C("note", "str", "Catatan", "Note"),
    ),
    key=("need_id",),
    step=1,
))
_table(Table(
    "problem_tree", {"id": "Pohon masalah", "en": "Problem tree"},
    (
        C("node_id", "id", "ID", "ID", required=True),
        C("need_id", "id", "ID kebutuhan", "Need ID", required=True, ref=("needs", "need_id")),
        C("kind", "str", "Jenis", "Kind", required=True, allowed=TREE_KINDS),
        C("text", "str", "Isi", "Text", required=True),
        C("parent_id", "id", "Induk", "Parent", ref=("problem_tree", "node_id")),
    ),
    key=("node_id",),
    step=1,
))
# step 2: resources
_table(Table(
    "resources", {"id": "Sumber daya & aset", "en": "Resources & assets"},
    (
        C("resource_id", "id", "ID sumber daya", "Resource ID", required=True),
        C("name", "str", "Nama", "Name", required=True),
        C("category", "str", "Kategori ABCD", "ABCD category", required=True, allowed=RESOURCE_CATEGORIES),
        C("holder", "str", "Pemilik/pengelola", "Holder"),
        C("description", "str", "Uraian", "Description"),
        C("tags", "list", "Keahlian/kata kunci", "Skills/tags"),
        C("availability", "str", "Ketersediaan", "Availability"),
        C("capacity", "int", "Kapasitas", "Capacity", min=0),
        C("cost_idr", "money", "Biaya (Rp)", "Cost (IDR)", min=0),
        C("contact", "str", "Kontak (pribadi)", "Contact (private)", private=True),
        C("location", "str", "Lokasi", "Location"),
    ),
    key=("resource_id",),
    step=2,
))
_table(Table(
    "matches", {"id": "Pencocokan kebutuhan-sumber daya", "en": "Need-resource matches"},
    (
        C("need_id", "id", "ID kebutuhan", "Need ID", required=True, ref=("needs", "need_id")),
        C("resource_id", "id", "ID sumber daya", "Resource ID", required=True, ref=("resources", "resource_id")),
        C("decision", "str", "Keputusan", "Decision", required=True, allowed=MATCH_DECISIONS),
        C("score", "int", "Skor", "Score", min=0, max=100),
        C("reason", "str", "Alasan", "Reason"),
        C("note", "str", "Catatan", "Note"),
    ),
    key=("need_id", "resource_id"),
    step=2,
))
_table(Table(
    "institutions", {"id": "Diagram kelembagaan", "en": "Institution diagram"},
    (
        C("institution_id", "id", "ID lembaga", "Institution ID", required=True),
        C("name", "str", "Lembaga", "Institution", required=True),
        C("importance", "int", "Kepentingan (1-5)", "Importance (1-5)", required=True, min=1, max=5),
        C("closeness", "int", "Kedekatan (1-5)", "Closeness (1-5)", required=True, min=1, max=5),
        C("note", "str", "Catatan", "Note"),
    ),
    key=("institution_id",),
    step=2,
))
# step 3: activities and money
_table(Table(
    "activities", {"id": "Kegiatan", "en": "Activities"},
    (
        C("activity_id", "id", "ID kegiatan", "Activity ID", required=True),
        C("title", "str", "Kegiatan", "Activity", required=True),
        C("kind", "str", "Jenis", "Kind", suggested=ACTIVITY_KINDS),
        C("need_ids", "list", "Menjawab kebutuhan", "Answers needs", ref=("needs", "need_id")),
        C("resource_ids", "list", "Sumber daya", "Resources", ref=("resources", "resource_id")),
        C("pic", "str", "Penanggung jawab", "Person in charge"),
        C("start_date", "date", "Tanggal mulai", "Start date", required=True, in_period=True),
        C("end_date", "date", "Tanggal selesai", "End date", in_period=True),
        C("recurrence", "str", "Pengulangan", "Recurrence", allowed=RECURRENCES),
        C("recurrence_day", "str", "Hari pengulangan", "Recurrence day"),
        C("start_time", "time", "Jam mulai", "Start time"),
        C("end_time", "time", "Jam selesai", "End time"),
        C("venue", "str", "Tempat", "Venue"),
        C("target_participants", "int", "Target peserta", "Target participants", min=0),
        C("cost_idr", "money", "Biaya total (Rp)", "Total cost (IDR)", min=0),
        C("funding_source", "str", "Sumber dana", "Funding source", suggested=FUNDING_SOURCES),
        C("indicator", "str", "Indikator", "Indicator"),
        C("status", "str", "Status", "Status", allowed=ACTIVITY_STATUSES),
    ),
    key=("activity_id",),
    order=(("start_date", "end_date"), ("start_time", "end_time")),
    step=3,
))
_table(Table(
    "funds", {"id": "Sumber dana", "en": "Funds"},
    (
        C("funding_source", "str", "Sumber dana", "Funding source", required=True, suggested=FUNDING_SOURCES),
        C("amount_idr", "money", "Jumlah (Rp)", "Amount (IDR)", required=True, min=0),
        C("note", "str", "Catatan", "Note"),
    ),
    key=("funding_source",),
    step=3,
))
# step 4: monitoring
_table(Table(
    "ledger", {"id": "Buku kas RT", "en": "RT cash book"},
    (
        C("entry_id", "id", "No. bukti", "Entry ID", required=True),
        C("date", "date", "Tanggal", "Date", required=True),
        C("description", "str", "Uraian", "Description", required=True),
        C("income_idr", "money", "Pemasukan (Rp)", "Income (IDR)", min=0),
        C("expense_idr", "money", "Pengeluaran (Rp)", "Expense (IDR)", min=0),
        C("activity_id", "id", "ID kegiatan", "Activity ID", ref=("activities", "activity_id")),
        C("category", "str", "Kategori", "Category", suggested=LEDGER_CATEGORIES),
        C("proof", "str", "Bukti", "Proof"),
    ),
    key=("entry_id",),
    step=4,
))
_table(Table(
    "realizations", {"id": "Realisasi kegiatan", "en": "Realizations"},
    (
        C("activity_id", "id", "ID kegiatan", "Activity ID", required=True, ref=("activities", "activity_id")),
        C("date", "date", "Tanggal", "Date", required=True),
        C("participants_l", "int", "Peserta L", "Participants (M)", min=0),
        C("participants_p", "int", "Peserta P", "Participants (F)", min=0),
        C("cost_idr", "money", "Biaya (Rp)", "Cost (IDR)", min=0),
        C("output", "str", "Hasil", "Output"),
        C("notes", "str", "Catatan", "Notes"),
    ),
    key=("activity_id", "date"),
    step=4,
))
_table(Table(
    "decisions", {"id": "Keputusan", "en": "Decisions"},
    (
        C("meeting_id", "id", "ID pertemuan", "Meeting ID", required=True, ref=("meetings", "meeting_id")),
        C("decision", "str", "Keputusan", "Decision", required=True),
        C("pic", "str", "Penanggung jawab", "Person in charge"),
        C("due_date", "date", "Batas waktu", "Due date"),
    ),
    step=4,
))


# plan.toml: (section, key) -> (kind, labels, required, extra)
@dataclass(frozen=True)
class MetaField:
    """One field of ``plan.toml``; ``section`` is ``""`` for top-level keys."""

    section: str
    key: str
    kind: str
    label: dict[str, str]
    required: bool = False
    allowed: tuple[str, ...] | None = None
    min: int | None = None

    @property
    def path(self) -> str:
        return f"{self.section}.{self.key}" if self.section else self.key


def M(section: str, key: str, kind: str, label_id: str, label_en: str, **kw: object) -> MetaField:
    return MetaField(section, key, kind, {"id": label_id, "en": label_en}, **kw)  # type: ignore[arg-type]


SCHEMA_VERSION = 1
META_FIELDS: tuple[MetaField, ...] = (
    M("", "schema_version", "int", "Versi skema", "Schema version", required=True, min=1),
    M("", "title", "str", "Judul rencana", "Plan title", required=True),
    M("", "language", "str", "Bahasa", "Language", required=True, allowed=("id", "en")),
    M("", "households", "int", "Jumlah KK", "Households", min=0),
    M("", "residents", "int", "Jumlah warga", "Residents", min=0),
    M("area", "rt", "str", "RT", "RT", required=True),
    M("area", "rw", "str", "RW", "RW", required=True),
    M("area", "kelurahan", "str", "Kelurahan", "Kelurahan"),
    M("area", "kecamatan", "str", "Kecamatan", "Kecamatan"),
    M("area", "city", "str", "Kota/Kabupaten", "City/Regency"),
    M("area", "province", "str", "Provinsi", "Province"),
    M("people", "ketua_rt", "str", "Ketua RT", "RT head"),
    M("people", "secretary", "str", "Sekretaris", "Secretary"),
    M("people", "treasurer", "str", "Bendahara", "Treasurer"),
    M("people", "facilitator", "str", "Fasilitator", "Facilitator"),
    M("period", "start", "date", "Awal periode", "Period start", required=True),
    M("period", "end", "date", "Akhir periode", "Period end", required=True),
)


def split_list(value: object) -> list[str]:
    """Split a ``;``-joined multi-value cell into its items (empty cells give ``[]``)."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return []
    return [item.strip() for item in str(value).split(";") if item.strip()]


def join_list(items: object) -> str:
    """Join items into a multi-value cell (``a;b``), dropping blanks."""
    if isinstance(items, str):
        return ";".join(split_list(items))
    return ";".join(str(i).strip() for i in items if str(i).strip())  # type: ignore[union-attr]


def label(table: str, column: str | None = None, lang: str = "id") -> str:
    """The human label of a table or of one of its columns, in ``lang``."""
    from rtplan.messages import normalize_lang

    tbl = TABLES[table]
    lang = normalize_lang(lang)
    return tbl.label[lang] if column is None else tbl.column(column).label[lang]
