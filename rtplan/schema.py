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

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import pandas as pd

from rtplan.messages import Label, t

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
PROPOSAL_BIDANG = (
    "kesehatan",
    "pendidikan-kebudayaan",
    "umkm",
    "kelembagaan-masyarakat",
    "ketenteraman-ketertiban",
    "kesiapsiagaan-bencana",
    "infrastruktur",
)
"""Musrenbang bidang: the six Permendagri 130/2018 groups plus infrastruktur (labels in the catalogue)."""
PROPOSAL_LEVELS = ("rw", "kelurahan", "kecamatan", "kota")
PROPOSAL_STATES = ("diusulkan", "diterima-rw", "diterima-kelurahan", "ditolak", "dianggarkan", "dilaksanakan")
PRIORITY_METHODS = ("usg", "dots", "pairwise", "gabungan")
TREE_KINDS = ("inti", "sebab", "akibat")
MATCH_DECISIONS = ("diterima", "ditolak")
LEDGER_CATEGORIES = ("saldo awal", "iuran", "donasi", "kegiatan", "operasional", "koreksi")
CONSENSUS = "konsensus"
TIE = "seri"
ANONYMOUS_PREFIX = "anon-"
ANONYMOUS_ID = re.compile(r"anon-[0-9a-f]{8}")
"""A scorer id that names nobody (a ballot from a phone in the room): ``anon-`` and 8 hex digits."""


def is_anonymous_id(value: object) -> bool:
    """``value`` is an anonymous scorer id (``anon-1a2b3c4d``), accepted where ``ref_anonymous`` says so."""
    return isinstance(value, str) and ANONYMOUS_ID.fullmatch(value) is not None


@dataclass(frozen=True)
class Column:
    """One column of a table.

    Attributes
    ----------
    name : the CSV header, in English snake case (the contract).
    kind : one of :data:`KINDS`.
    label_key : the catalogue key of what people read in widgets and documents,
        ``col.<table>.<column>`` (set by the table it belongs to); :attr:`label` and
        :meth:`label_text` read it.
    required : an empty value is a problem.
    allowed : the closed list of values (checked); ``None`` when open.
    suggested : values offered in widgets for an open list (not checked).
    min, max : inclusive bounds for ``int`` and ``money``.
    ref : ``(table, column)`` a value must exist in (each item, for ``list``).
    ref_extra : values accepted besides references (``konsensus``, ``seri``).
    ref_anonymous : anonymous ids (:func:`is_anonymous_id`) are accepted besides references.
    private : never leaves the plan folder (phone, contact).
    in_period : a date that must fall within the plan period.
    """

    name: str
    kind: str
    label_key: str = ""
    required: bool = False
    allowed: tuple[str, ...] | None = None
    suggested: tuple[str, ...] = ()
    min: int | None = None
    max: int | None = None
    ref: tuple[str, str] | None = None
    ref_extra: tuple[str, ...] = ()
    ref_anonymous: bool = False
    private: bool = False
    in_period: bool = False

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"{self.name}: unknown kind {self.kind}")

    @property
    def dtype(self) -> str:
        return DTYPES[self.kind]

    @property
    def label(self) -> Label:
        """The label by language (``column.label["en"]``), from the catalogue."""
        return Label(self.label_key)

    def label_text(self, lang: str | None) -> str:
        """The label people read, in ``lang``."""
        return t(self.label_key, lang)

    def ref_free(self, value: str) -> bool:
        """``value`` needs no referenced row: one of :attr:`ref_extra`, or an accepted anonymous id."""
        return value in self.ref_extra or (self.ref_anonymous and is_anonymous_id(value))


@dataclass(frozen=True)
class Table:
    """One table of a plan (one CSV file).

    ``key`` columns are unique together; ``order`` pairs ``(start, end)`` must not run
    backwards (dates or times). Its label is the catalogue entry ``table.<name>`` and
    each column's ``col.<name>.<column>`` (``rtplan/messages/schema.py``).
    """

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    order: tuple[tuple[str, str], ...] = ()
    step: int = 0
    extra: dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # each column's label key follows from where it is declared
        columns = tuple(c if c.label_key else replace(c, label_key=f"col.{self.name}.{c.name}")
                        for c in self.columns)
        object.__setattr__(self, "columns", columns)

    @property
    def label_key(self) -> str:
        return f"table.{self.name}"

    @property
    def label(self) -> Label:
        """The table's label by language (``table.label["en"]``), from the catalogue."""
        return Label(self.label_key)

    def label_text(self, lang: str | None) -> str:
        """The table's label people read, in ``lang``."""
        return t(self.label_key, lang)

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


def C(name: str, kind: str, **kw: object) -> Column:
    """Shorthand for declaring a :class:`Column` (its label key comes from its table)."""
    return Column(name, kind, **kw)  # type: ignore[arg-type]


TABLES: dict[str, Table] = {}


def _table(table: Table) -> None:
    TABLES[table.name] = table


# step 0: profile, participants, meetings
_table(Table(
    "participants",
    (
        C("participant_id", "id", required=True),
        C("name", "str", required=True),
        C("sex", "str", required=True, allowed=SEX),
        C("age_band", "str", allowed=AGE_BANDS),
        C("group", "str", suggested=GROUPS),
        C("has_disability", "bool"),
        C("phone", "str", private=True),
        C("consent", "bool"),
    ),
    key=("participant_id",),
))
_table(Table(
    "meetings",
    (
        C("meeting_id", "id", required=True),
        C("date", "date", required=True),
        C("start_time", "time"),
        C("end_time", "time"),
        C("place", "str"),
        C("title", "str", required=True),
        C("chair", "str"),
        C("minute_taker", "str"),
        C("agenda", "list"),
    ),
    key=("meeting_id",),
    order=(("start_time", "end_time"),),
))
_table(Table(
    "attendance",
    (
        C("meeting_id", "id", required=True, ref=("meetings", "meeting_id")),
        C("participant_id", "id", required=True,
          ref=("participants", "participant_id")),
    ),
    key=("meeting_id", "participant_id"),
))
# step 1: needs and priorities
_table(Table(
    "needs",
    (
        C("need_id", "id", required=True),
        C("title", "str", required=True),
        C("category", "str", required=True, allowed=NEED_CATEGORIES),
        C("description", "str"),
        C("location", "str"),
        C("households_affected", "int", min=0),
        C("raised_by", "str"),
        C("source", "str", suggested=NEED_SOURCES),
        C("status", "str", allowed=NEED_STATUSES),
    ),
    key=("need_id",),
    step=1,
))
_table(Table(
    "usg_scores",
    (
        C("need_id", "id", required=True, ref=("needs", "need_id")),
        C("scorer", "id", required=True, ref=("participants", "participant_id"),
          ref_extra=(CONSENSUS,), ref_anonymous=True),
        C("urgency", "int", required=True, min=1, max=5),
        C("seriousness", "int", required=True, min=1, max=5),
        C("growth", "int", required=True, min=1, max=5),
    ),
    key=("need_id", "scorer"),
    step=1,
))
_table(Table(
    "votes",
    (
        C("need_id", "id", required=True, ref=("needs", "need_id")),
        C("participant_id", "id", required=True,
          ref=("participants", "participant_id"), ref_anonymous=True),
        C("dots", "int", required=True, min=0, max=20),
    ),
    key=("need_id", "participant_id"),
    step=1,
))
_table(Table(
    "pairwise",
    (
        C("need_a", "id", required=True, ref=("needs", "need_id")),
        C("need_b", "id", required=True, ref=("needs", "need_id")),
        C("winner", "id", required=True, ref=("needs", "need_id"), ref_extra=(TIE,)),
        C("participant_id", "id", ref=("participants", "participant_id"), ref_anonymous=True),
    ),
    key=("need_a", "need_b", "participant_id"),
    step=1,
))
_table(Table(
    "priorities",
    (
        C("need_id", "id", required=True, ref=("needs", "need_id")),
        C("rank", "int", required=True, min=1),
        C("method", "str", allowed=PRIORITY_METHODS),
        C("note", "str"),
        C("decided_in", "id", ref=("meetings", "meeting_id")),
    ),
    key=("need_id",),
    step=1,
))
_table(Table(
    "problem_tree",
    (
        C("node_id", "id", required=True),
        C("need_id", "id", required=True, ref=("needs", "need_id")),
        C("kind", "str", required=True, allowed=TREE_KINDS),
        C("text", "str", required=True),
        C("parent_id", "id", ref=("problem_tree", "node_id")),
    ),
    key=("node_id",),
    step=1,
))
# step 2: resources
_table(Table(
    "resources",
    (
        C("resource_id", "id", required=True),
        C("name", "str", required=True),
        C("category", "str", required=True, allowed=RESOURCE_CATEGORIES),
        C("holder", "str"),
        C("description", "str"),
        C("tags", "list"),
        C("availability", "str"),
        C("capacity", "int", min=0),
        C("cost_idr", "money", min=0),
        C("contact", "str", private=True),
        C("location", "str"),
    ),
    key=("resource_id",),
    step=2,
))
_table(Table(
    "matches",
    (
        C("need_id", "id", required=True, ref=("needs", "need_id")),
        C("resource_id", "id", required=True, ref=("resources", "resource_id")),
        C("decision", "str", required=True, allowed=MATCH_DECISIONS),
        C("score", "int", min=0, max=100),
        C("reason", "str"),
        C("note", "str"),
    ),
    key=("need_id", "resource_id"),
    step=2,
))
_table(Table(
    "institutions",
    (
        C("institution_id", "id", required=True),
        C("name", "str", required=True),
        C("importance", "int", required=True, min=1, max=5),
        C("closeness", "int", required=True, min=1, max=5),
        C("note", "str"),
    ),
    key=("institution_id",),
    step=2,
))
# step 3: activities and money
_table(Table(
    "activities",
    (
        C("activity_id", "id", required=True),
        C("title", "str", required=True),
        C("kind", "str", suggested=ACTIVITY_KINDS),
        C("need_ids", "list", ref=("needs", "need_id")),
        C("resource_ids", "list", ref=("resources", "resource_id")),
        C("pic", "str"),
        C("start_date", "date", required=True, in_period=True),
        C("end_date", "date", in_period=True),
        C("recurrence", "str", allowed=RECURRENCES),
        C("recurrence_day", "str"),
        C("start_time", "time"),
        C("end_time", "time"),
        C("venue", "str"),
        C("target_participants", "int", min=0),
        C("cost_idr", "money", min=0),
        C("funding_source", "str", suggested=FUNDING_SOURCES),
        C("indicator", "str"),
        C("status", "str", allowed=ACTIVITY_STATUSES),
        C("decided_in", "id", ref=("meetings", "meeting_id")),
    ),
    key=("activity_id",),
    order=(("start_date", "end_date"), ("start_time", "end_time")),
    step=3,
))
_table(Table(
    "funds",
    (
        C("funding_source", "str", required=True, suggested=FUNDING_SOURCES),
        C("amount_idr", "money", required=True, min=0),
        C("note", "str"),
    ),
    key=("funding_source",),
    step=3,
))
_table(Table(
    "proposals",
    (
        C("proposal_id", "id", required=True),
        C("title", "str", required=True),
        C("need_ids", "list", ref=("needs", "need_id")),
        C("location", "str"),
        C("volume", "int", min=0),
        C("unit", "str"),
        C("cost_idr", "money", min=0),
        C("bidang", "str", suggested=PROPOSAL_BIDANG),
        C("swadaya", "str"),
        C("decided_in", "id", ref=("meetings", "meeting_id")),
        C("level", "str", allowed=PROPOSAL_LEVELS),
        C("state", "str", allowed=PROPOSAL_STATES),
        C("answer", "str"),
    ),
    key=("proposal_id",),
    step=3,
))
# step 4: monitoring
_table(Table(
    "ledger",
    (
        C("entry_id", "id", required=True),
        C("date", "date", required=True),
        C("description", "str", required=True),
        C("income_idr", "money", min=0),
        C("expense_idr", "money", min=0),
        C("activity_id", "id", ref=("activities", "activity_id")),
        C("category", "str", suggested=LEDGER_CATEGORIES),
        C("proof", "str"),
    ),
    key=("entry_id",),
    step=4,
))
_table(Table(
    "realizations",
    (
        C("activity_id", "id", required=True, ref=("activities", "activity_id")),
        C("date", "date", required=True),
        C("participants_l", "int", min=0),
        C("participants_p", "int", min=0),
        C("cost_idr", "money", min=0),
        C("output", "str"),
        C("notes", "str"),
    ),
    key=("activity_id", "date"),
    step=4,
))
_table(Table(
    "decisions",
    (
        C("meeting_id", "id", required=True, ref=("meetings", "meeting_id")),
        C("decision", "str", required=True),
        C("pic", "str"),
        C("due_date", "date"),
    ),
    step=4,
))


# plan.toml: (section, key) -> (kind, required, rules); labels in the catalogue as meta.<path>
@dataclass(frozen=True)
class MetaField:
    """One field of ``plan.toml``; ``section`` is ``""`` for top-level keys."""

    section: str
    key: str
    kind: str
    required: bool = False
    allowed: tuple[str, ...] | None = None
    min: int | None = None

    @property
    def path(self) -> str:
        return f"{self.section}.{self.key}" if self.section else self.key

    @property
    def label_key(self) -> str:
        """Its catalogue key, ``meta.<section>.<key>`` (``meta.<key>`` at the top level)."""
        return f"meta.{self.path}"

    @property
    def label(self) -> Label:
        """The label by language (``field.label["en"]``), from the catalogue."""
        return Label(self.label_key)

    def label_text(self, lang: str | None) -> str:
        """The label people read, in ``lang``."""
        return t(self.label_key, lang)


def M(section: str, key: str, kind: str, **kw: object) -> MetaField:
    return MetaField(section, key, kind, **kw)  # type: ignore[arg-type]


SCHEMA_VERSION = 1
META_FIELDS: tuple[MetaField, ...] = (
    M("", "schema_version", "int", required=True, min=1),
    M("", "title", "str", required=True),
    M("", "language", "str", required=True, allowed=("id", "en")),
    M("", "households", "int", min=0),
    M("", "residents", "int", min=0),
    M("area", "rt", "str", required=True),
    M("area", "rw", "str", required=True),
    M("area", "kelurahan", "str"),
    M("area", "kecamatan", "str"),
    M("area", "city", "str"),
    M("area", "province", "str"),
    M("people", "ketua_rt", "str"),
    M("people", "secretary", "str"),
    M("people", "treasurer", "str"),
    M("people", "facilitator", "str"),
    M("period", "start", "date", required=True),
    M("period", "end", "date", required=True),
)


def split_list(value: object) -> list[str]:
    """Split a ``;``-joined multi-value cell into its items (empty cells give ``[]``)."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return []
    return [item.strip() for item in str(value).split(";") if item.strip()]


def join_list(items: str | Iterable[object]) -> str:
    """Join items into a multi-value cell (``a;b``), dropping blanks."""
    if isinstance(items, str):
        return ";".join(split_list(items))
    return ";".join(str(i).strip() for i in items if str(i).strip())


def label(table: str, column: str | None = None, lang: str = "id") -> str:
    """The human label of a table or of one of its columns, in ``lang``."""
    tbl = TABLES[table]
    return tbl.label_text(lang) if column is None else tbl.column(column).label_text(lang)
