"""Importing rows from a file into one table of a plan: map, convert, de-duplicate.

The steps, each a pure function on data so the CLI and the upload panel share them:

1. :func:`read` the file (:mod:`rtplan.importing.reader`), bounded by
   :mod:`rtplan.importing.limits`;
2. :func:`prepare` recognises the survey tool (:func:`~rtplan.importing.mapping.detect_source`),
   maps the headers to fields (:func:`auto_mapping` plus ``--map``), types every
   column (:mod:`rtplan.importing.convert`, with ``--set``, ``--values``,
   ``--date-order``, ``--round``), drops the submissions the plan already holds
   (:mod:`rtplan.importing.identity`) and gives new rows new ids;
3. :func:`rtplan.importing.commit.check` and :func:`~rtplan.importing.commit.commit`
   validate and save (all or nothing).

Everything read another way than the file holds at first sight (an encoding found by
the detector, dates in an order the column does not prove, rounded Rupiah, ages
made into bands) is a note (:attr:`Prepared.notes`), said on stderr and in the panel.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from rtplan.importing.convert import Context, convert_column, options_column, spread
from rtplan.importing.identity import SOURCE_IMPORT, id_column, known_refs, new_ids, row_hashes, signature
from rtplan.importing.limits import MAX_COLUMNS, MAX_ROWS, ImportFileError
from rtplan.importing.mapping import SOURCE_REF, SourceInfo, auto_mapping, detect_source, key, score_header
from rtplan.importing.options import IGNORE, ImportOptions, ImportRefused, make_options
from rtplan.importing.problems import RowProblem, fold
from rtplan.importing.reader import RawTable, read_path, read_table
from rtplan.messages import normalize_lang, t
from rtplan.parse import date_order
from rtplan.plan import Plan
from rtplan.schema import TABLES, Table


@dataclass
class Prepared:
    """A file read and converted for one table, not yet saved.

    Attributes
    ----------
    table : the table name.
    raw : the file as text (:class:`RawTable`).
    info : the survey tool and stripped headers.
    mapping : column position -> field (what the panel shows and lets people change).
    frame : the rows to add, typed like the plan's table (plus ``source_ref``, ``source_import``).
    rows : the file row number of each row of ``frame``.
    duplicates : file row numbers skipped because the plan (or an earlier row of the file) holds them.
    duplicate_of : file row -> where it already is: ``("import", "file (date)")``,
        ``("plan", "")`` or ``("file", "row")``.
    problems : bad rows (conversion, then validation after :func:`check`).
    notes : values read another way than the file shows them, said on stderr.
    """

    table: str
    raw: RawTable
    info: SourceInfo
    mapping: dict[int, str]
    frame: pd.DataFrame
    rows: list[int]
    duplicates: list[int] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    lang: str = "id"
    notes: list[str] = field(default_factory=list)
    duplicate_of: dict[int, tuple[str, str]] = field(default_factory=dict)
    options: ImportOptions = field(default_factory=ImportOptions)

    @property
    def source(self) -> str:
        return f"{self.raw.source} [{self.raw.sheet}]" if self.raw.sheet else self.raw.source

    @property
    def bad_rows(self) -> set[int]:
        return {p.row for p in self.problems if p.row is not None}

    @property
    def file_problems(self) -> list[RowProblem]:
        return [p for p in self.problems if p.row is None]

    def mapped_headers(self) -> list[tuple[str, str]]:
        """``(file header, field)`` pairs in file order."""
        return [(self.raw.header[i] or f"#{i + 1}", f) for i, f in sorted(self.mapping.items())]

    def unmapped_headers(self) -> list[str]:
        return [h for i, h in enumerate(self.raw.header)
                if i not in self.mapping and i not in self.info.ignored and h]

    def messages(self) -> list[str]:
        """Every problem, the same rule on many rows of one column said once."""
        return fold(self.problems, self.source, self.lang)

    def duplicate_messages(self) -> list[str]:
        """Rows skipped as already there, grouped by where they already are."""
        groups: dict[tuple[str, str], list[int]] = {}
        for row in self.duplicates:
            groups.setdefault(self.duplicate_of.get(row, ("plan", "")), []).append(row)
        out = []
        for (kind, where), rows in groups.items():
            listed = ", ".join(map(str, rows[:20])) + (", ..." if len(rows) > 20 else "")
            msg = {"import": "import.dup.import", "plan": "import.dup.plan", "file": "import.dup.file"}[kind]
            out.append(t(msg, self.lang, n=len(rows), rows=listed, where=where))
        return out

    def to_add(self) -> pd.DataFrame:
        """The rows that would be added: those without a problem."""
        bad = self.bad_rows
        keep = [r not in bad for r in self.rows]
        return self.frame[keep].reset_index(drop=True)


def read(source: str | Path | bytes, table: str, sheet: str | None = None, name: str | None = None,
         lang: str | None = None, max_rows: int | None = MAX_ROWS) -> RawTable:
    """Read a file (path or bytes) with its header found for ``table``."""
    score = score_header(TABLES[table])
    if isinstance(source, (bytes, bytearray)):
        return read_table(bytes(source), name or "upload", sheet, score, lang, max_rows)
    return read_path(source, sheet, score, lang, max_rows)


def resolve_mapping(raw: RawTable, info: SourceInfo, table: Table, overrides: Mapping[str, str],
                    lang: str) -> dict[int, str]:
    """Automatic mapping with the overrides applied (by header text, or by ``#3`` position)."""
    mapping = auto_mapping(table, info)
    for src, fld in overrides.items():
        positions = [i for i, h in enumerate(raw.header) if h == src or key(h) == key(src)
                     or info.names[i] == src or f"#{i + 1}" == src]
        if not positions:
            raise ImportRefused(t("import.unknown_column", lang, column=src, file=raw.source,
                                 columns=", ".join(h for h in raw.header if h)))
        for pos in positions:
            info.ignored.discard(pos)
            if fld == IGNORE:
                mapping.pop(pos, None)
                continue
            for other, f in list(mapping.items()):
                if f == fld and other != pos:
                    del mapping[other]
            mapping[pos] = fld
    return mapping


def _typed(table: Table, data: Mapping[str, pd.Series], n: int) -> pd.DataFrame:
    cols: dict[str, pd.Series] = {}
    for col in table.columns:
        values = data.get(col.name)
        if values is None:
            blank: object = "" if col.dtype == "string" else None
            values = spread([blank], np.zeros(n, dtype=np.intp), col)
        same = col.kind == "date" or values.dtype == pd.api.types.pandas_dtype(col.dtype)
        cols[col.name] = values if same else values.astype(col.dtype)
    frame = pd.DataFrame(cols, index=pd.RangeIndex(n))
    if SOURCE_REF in data:
        frame[SOURCE_REF] = data[SOURCE_REF].astype("string").reset_index(drop=True)
    return frame


def _sheet_order(raw: RawTable, info: SourceInfo) -> str | None:
    """The date order of a Google sheet's locale: ``Cap waktu`` is Indonesian (day first);
    an English ``Timestamp`` column's own values decide (``9/6/2018`` alone does not)."""
    if info.tool != "google" or info.stamp_column is None:
        return None
    if info.stamp_locale == "id":
        return "dmy"
    texts = [str(v) for v in pd.unique(raw.column(info.stamp_column))]
    return date_order(texts)[0]


def _reference_date(plan: Plan) -> dt.date:
    period = plan.period
    return period[0] if period else dt.date.today()


def prepare(
    plan: Plan,
    table: str,
    raw: RawTable,
    overrides: Mapping[str, str] | Sequence[str] | None = None,
    lang: str | None = None,
    max_rows: int | None = MAX_ROWS,
    options: ImportOptions | None = None,
    provenance: bool = True,
) -> Prepared:
    """Map and convert ``raw`` for ``table`` and drop what the plan already holds.

    ``provenance``: keep each new row's submission id (``source_ref``) and import
    (``source_import``); ``False`` for a plan's own export read back (``import all``),
    which restores the tables as they were.

    Raises :class:`ImportFileError`/:class:`ImportRefused` when the file as a whole does
    not fit (too big, no data, required fields without a column, an unknown field in
    the options); problems of single rows are collected in ``Prepared.problems``.
    """
    lang = normalize_lang(lang or plan.message_lang)
    tbl = TABLES[table]
    if len(raw.header) > MAX_COLUMNS:
        raise ImportFileError(t("import.too_many_columns", lang, file=raw.source, n=len(raw.header),
                                max=MAX_COLUMNS))
    if max_rows is not None and len(raw) > max_rows:
        raise ImportFileError(t("import.too_many_rows", lang, file=raw.source, n=len(raw), max=max_rows))
    if not len(raw):
        raise ImportFileError(t("import.no_rows", lang, file=raw.source))
    opts = options or ImportOptions()
    if overrides:
        opts = ImportOptions({**opts.overrides, **make_options(tbl, lang, overrides).overrides}, opts.fixed,
                             opts.values, opts.date_order, opts.round_money)
    info = detect_source(raw.header)
    mapping = resolve_mapping(raw, info, tbl, opts.overrides, lang)
    notes = list(raw.notes)
    for fld, value in opts.fixed.items():
        for pos in [p for p, f in mapping.items() if f == fld]:
            del mapping[pos]
            notes.append(t("import.note.set_replaces", lang, column=raw.header[pos] or f"#{pos + 1}",
                           field=fld, value=value))
    id_col = id_column(tbl)
    fields = set(mapping.values()) | set(opts.fixed)
    missing = [c for c in tbl.columns if c.required and c.name not in fields and c.name != id_col]
    if missing or not (fields - {SOURCE_REF}):
        wanted = missing or [c for c in tbl.columns if c.required] or list(tbl.columns)
        raise ImportRefused(t("import.missing_fields", lang, file=raw.source, table=table,
                             fields=", ".join(f"{c.label[lang]} ({c.name})" for c in wanted),
                             columns=", ".join(h for h in raw.header if h)[:600]))
    n = len(raw)
    ctx = Context(info.tool, lang, opts.date_order, _sheet_order(raw, info), opts.round_money, opts.values,
                  _reference_date(plan), own_export=not provenance)
    data: dict[str, pd.Series] = {}
    problems: list[RowProblem] = []
    for pos, fld in mapping.items():
        header = raw.header[pos] or f"#{pos + 1}"
        if fld == SOURCE_REF:
            data[SOURCE_REF] = raw.column(pos).astype("string").reset_index(drop=True)
            continue
        column = tbl.column(fld)
        if column.kind == "list" and pos in info.options:
            opts_cols = info.options[pos]
            data[fld] = options_column([raw.column(p) for p, _ in opts_cols], [label for _, label in opts_cols])
            continue
        converted = convert_column(raw.column(pos), column, tbl, header, ctx, raw.rows)
        data[fld] = converted.values
        problems += converted.problems.values()
        notes += converted.notes
    for fld, value in opts.fixed.items():
        header = f"--set {fld}"
        converted = convert_column(pd.Series([value] * n, dtype="string"), tbl.column(fld), tbl, header, ctx, raw.rows)
        data[fld] = converted.values
        if converted.problems:
            first = next(iter(converted.problems.values()))
            problems.append(RowProblem(None, header, first.reason))
        notes += converted.notes
    for fld, pairs in opts.values.items():
        if fld not in data:
            continue
        notes.append(t("import.note.values", lang, field=fld, pairs=", ".join(f"{a}={b}" for a, b in pairs.items())))
    if SOURCE_REF not in data and provenance:
        if info.ref_column is not None:
            data[SOURCE_REF] = raw.column(info.ref_column).astype("string").reset_index(drop=True)
        else:
            data[SOURCE_REF] = row_hashes(raw.data)
    frame = _typed(tbl, data, n)
    row_numbers = np.asarray(raw.rows, dtype=np.int64)
    existing = plan.tables[table]
    keep = np.ones(n, dtype=bool)
    duplicate_of: dict[int, tuple[str, str]] = {}
    # 1. the same submission: its id already in the plan, or an earlier row of this file
    refs = data[SOURCE_REF].astype("string").reset_index(drop=True) if SOURCE_REF in data else \
        pd.Series([""] * n, dtype="string")
    known = known_refs(existing)
    first_row: dict[str, int] = {}
    for i, ref in enumerate(refs.tolist()):
        if not ref:
            continue
        if ref in known:
            keep[i] = False
            origin = known[ref]
            duplicate_of[int(row_numbers[i])] = ("import", origin) if origin else ("plan", "")
        elif ref in first_row:
            keep[i] = False
            duplicate_of[int(row_numbers[i])] = ("file", str(first_row[ref]))
        else:
            first_row[ref] = int(row_numbers[i])
    # 2. the same row (content equal to a row of the plan)
    has_ids = id_col is not None and id_col in fields
    columns = [c for c in tbl.column_names if c != id_col or has_ids]
    if len(existing):
        new_sig = signature(frame, columns)
        old = existing.astype({c.name: c.dtype for c in tbl.columns})
        old_sig = signature(old, columns)
        origin_of = dict(zip(old_sig.tolist(), old[SOURCE_IMPORT].astype("string").fillna("").tolist())) \
            if SOURCE_IMPORT in old.columns else dict.fromkeys(old_sig.tolist(), "")
        same = new_sig.isin(set(old_sig)).to_numpy(dtype=bool) & keep
        for i in np.flatnonzero(same).tolist():
            origin = origin_of.get(new_sig.iloc[int(i)], "")
            duplicate_of[int(row_numbers[i])] = ("import", origin) if origin else ("plan", "")
        keep &= ~same
    duplicates = row_numbers[~keep].tolist()
    if not keep.all():
        frame = frame[keep].reset_index(drop=True)
    rows = row_numbers[keep].tolist()
    if provenance:
        frame[SOURCE_IMPORT] = pd.Series([f"{raw.source} ({dt.datetime.now():%Y-%m-%d %H:%M})"] * len(frame),
                                         dtype="string")
    # 3. ids: an id already used for another row is a problem; blank ids are new ones
    if id_col is not None:
        ids = data[id_col][keep].reset_index(drop=True) if id_col in data else \
            pd.Series([""] * len(rows), dtype="string")
        old_list = existing[id_col].dropna().astype(str).tolist() if len(existing) else []
        old_ids = set(old_list)
        header = next((raw.header[p] for p, f in mapping.items() if f == id_col), tbl.column(id_col).label[lang])
        taken = (ids.ne("") & ids.isin(old_list)).to_numpy(dtype=bool) if old_list else np.zeros(len(ids), bool)
        for i in np.flatnonzero(taken).tolist():
            problems.append(RowProblem(rows[i], header, t("import.id_taken", lang, id=ids.iloc[i]), rule="id_taken"))
        blanks = ids.eq("").to_numpy(dtype=bool)
        if blanks.any():
            given = [str(i) for i in ids[~blanks].tolist()]
            new = new_ids(old_list + given, old_ids | set(given), int(blanks.sum()), table)
            if blanks.all():
                frame[id_col] = new
            else:
                filled = ids.to_numpy(dtype=object)
                filled[blanks] = new.to_numpy(dtype=object)
                frame[id_col] = pd.Series(filled, dtype="string")
    dropped = set(duplicates)
    problems = [p for p in problems if p.row not in dropped]
    problems.sort(key=lambda p: (p.row or 0))
    return Prepared(table, raw, info, mapping, frame, rows, duplicates, problems, lang, notes, duplicate_of, opts)
