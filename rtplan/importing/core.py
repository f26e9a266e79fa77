"""Importing rows from a file into one table of a plan: map, convert, de-duplicate, check, save.

The steps, each a pure function on data so the CLI and the upload panel share them:

1. :func:`read` the file (:mod:`rtplan.importing.reader`), recognising the survey
   tool (:func:`~rtplan.importing.mapping.detect_source`);
2. :func:`prepare` maps the headers to fields (:func:`auto_mapping` plus overrides),
   converts every cell with :mod:`rtplan.parse` (money, dates, sex, yes/no, allowed
   values), drops rows already in the plan (same submission uuid/KEY in the
   ``source_ref`` column, or the same content) and gives new rows new ids;
3. :func:`check` validates the plan with the new rows in place, and names each bad
   row by its row number in the file;
4. :func:`commit` saves through :func:`rtplan.storage.save_tables` (validated, atomic):
   all or nothing, unless ``skip_invalid`` drops the bad rows first.

Size limits (a plan is one RT: tens to a few thousand rows per table): a file of
more than :data:`MAX_ROWS` data rows or :data:`MAX_COLUMNS` columns is refused with a
message before anything is converted. :func:`prepare` takes ``max_rows=None`` for
research use and the benchmark.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from rtplan.cellsafe import FORMULA_STARTS
from rtplan.exceptions import RtplanError, ValidationError
from rtplan.importing.mapping import (
    SOURCE_REF,
    SourceInfo,
    auto_mapping,
    detect_source,
    header_index,
    key,
    map_value,
    score_header,
    value_map,
)
from rtplan.importing.reader import ImportFileError, RawTable, read_path, read_table
from rtplan.messages import normalize_lang, t
from rtplan.parse import parse_distinct
from rtplan.plan import Plan
from rtplan.schema import SEX, TABLES, Column, Table, join_list
from rtplan.tables import parse_rows, read_csv_text

MAX_ROWS = 10_000
MAX_COLUMNS = 500
ID_PREFIXES = {"participants": "P", "meetings": "M", "needs": "N", "resources": "R", "activities": "A",
               "ledger": "K", "problem_tree": "T", "institutions": "I"}
IGNORE = "-"  # ``--map "Kolom=-"`` leaves a column out


class ImportRefused(RtplanError):
    """Raised when a file cannot be imported as asked (unknown field, no matching column)."""


@dataclass
class RowProblem:
    """One bad row: its row number in the file, the column header, the reason (worded)."""

    row: int | None
    header: str | None
    reason: str

    def message(self, source: str, lang: str) -> str:
        if self.row is None:
            return f"{source}: {self.reason}"
        if self.header:
            return t("import.where_cell", lang, file=source, row=self.row, column=self.header) + f": {self.reason}"
        return t("import.where_row", lang, file=source, row=self.row) + f": {self.reason}"


@dataclass
class Prepared:
    """A file read and converted for one table, not yet saved.

    Attributes
    ----------
    table : the table name.
    raw : the file as text (:class:`RawTable`).
    info : the survey tool and stripped headers.
    mapping : column position -> field (what the panel shows and lets people change).
    frame : the rows to add, typed like the plan's table (plus ``source_ref`` when known).
    rows : the file row number of each row of ``frame``.
    duplicates : file row numbers skipped because the plan already holds them.
    problems : bad rows (conversion, then validation after :func:`check`).
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
        return [p.message(self.source, self.lang) for p in self.problems]

    def to_add(self) -> pd.DataFrame:
        """The rows that would be added: those without a problem."""
        bad = self.bad_rows
        keep = [r not in bad for r in self.rows]
        return self.frame[keep].reset_index(drop=True)


# reading ----------------------------------------------------------------------------------
def read(source: str | Path | bytes, table: str, sheet: str | None = None, name: str | None = None,
         lang: str | None = None) -> RawTable:
    """Read a file (path or bytes) with its header found for ``table``."""
    score = score_header(TABLES[table])
    if isinstance(source, (bytes, bytearray)):
        return read_table(bytes(source), name or "upload", sheet, score, lang)
    return read_path(source, sheet, score, lang)


def parse_overrides(items: Sequence[str] | Mapping[str, str] | None, table: Table, lang: str) -> dict[str, str]:
    """``["Nama Lengkap=name", "No=-"]`` -> ``{"Nama Lengkap": "name", "No": "-"}``.

    Fields may be named by column name or label (id/en); unknown fields are refused.
    """
    if not items:
        return {}
    pairs = items.items() if isinstance(items, Mapping) else [_split_override(i, lang) for i in items]
    index = {key(c.name): c.name for c in table.columns}
    index.update({key(c.label[lg]): c.name for c in table.columns for lg in ("id", "en")})
    index[key(SOURCE_REF)] = SOURCE_REF
    out: dict[str, str] = {}
    for src, given in pairs:
        fld = str(given).strip()
        if fld in (IGNORE, ""):
            out[str(src).strip()] = IGNORE
            continue
        target = fld if fld in table.column_names else index.get(key(fld))
        if target is None:
            raise ImportRefused(t("import.unknown_field", lang, field=fld, table=table.name,
                                 fields=", ".join(table.column_names)))
        out[str(src).strip()] = target
    return out


def _split_override(item: str, lang: str) -> tuple[str, str]:
    src, sep, fld = str(item).rpartition("=")
    if not sep or not src.strip():
        raise ImportRefused(t("import.bad_map", lang, value=item))
    return src, fld


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


# converting -------------------------------------------------------------------------------
def _unneutralize(text: str) -> str:
    """Undo :func:`rtplan.cellsafe.neutralize` (``'=SUM`` back to ``=SUM``)."""
    if text.startswith("'") and text[1:2] and text[1:2] in FORMULA_STARTS:
        return text[1:]
    return text


_LIST_SEP = re.compile(r"\s*(?:;|\n)\s*")
_LIST_COMMA = re.compile(r"\s*(?:;|\n|,)\s*")


def _split_items(text: str, column: Column, tool: str) -> str:
    if column.ref is not None or column.name == "tags" or tool == "google":
        items = _LIST_COMMA.split(text)
    else:
        items = _LIST_SEP.split(text)
    if tool in ("kobo", "odk") and len(items) == 1:
        items = text.split()
    return join_list(items)


def _distinct(values: pd.Series) -> tuple[np.ndarray, list[str]]:
    """The code of each cell and the distinct texts of a text column."""
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    return np.asarray(codes), [str(u) for u in uniques.tolist()]


def _spread(uniques: Sequence[object], codes: np.ndarray, column: Column) -> pd.Series:
    """A column typed like the plan's from its distinct values and the cells' codes."""
    return _typed_values(uniques, column).take(codes).reset_index(drop=True)


def _positions(codes: np.ndarray, reasons: Mapping[int, str]) -> dict[int, str]:
    """The reason of each cell whose distinct value failed, by position (in order)."""
    if not reasons:
        return {}
    bad = np.flatnonzero(np.isin(codes, np.fromiter(reasons, dtype=np.intp, count=len(reasons))))
    return {int(i): reasons[int(codes[i])] for i in bad}


def _convert_column(values: pd.Series, column: Column, table: Table, tool: str, lang: str
                    ) -> tuple[pd.Series, dict[int, str]]:
    """Typed values of one mapped column and the reasons for the cells that failed.

    Each distinct value is converted once; the cells take their value by code.
    """
    values = values.astype("string").reset_index(drop=True)
    kind = column.kind
    if kind in ("int", "money", "bool", "date", "time") or column.allowed == SEX:
        parsed, codes, errors = parse_distinct(values, "sex" if column.allowed == SEX else kind)
        return _spread(parsed, codes, column), _positions(codes, {j: e.message(lang) for j, e in errors.items()})
    if values.str.startswith("'").any():
        codes, texts = _distinct(values)
        values = _spread([_unneutralize(v) for v in texts], codes, column)
    if kind == "list":
        codes, texts = _distinct(values)
        return _spread([_split_items(v, column, tool) if v else "" for v in texts], codes, column), {}
    if kind == "id" or (column.allowed is None and not column.suggested):
        return values, {}
    vmap = value_map(table.name, column.name) or {}
    codes, texts = _distinct(values)
    out: list[object] = []
    reasons: dict[int, str] = {}
    for j, v in enumerate(texts):
        found = map_value(v, table.name, column.name, vmap) if v else ""
        if found is None and column.allowed is not None:
            reasons[j] = t("rule.allowed", lang, value=v, allowed=", ".join(column.allowed))
            out.append("")
        else:
            out.append(found if found is not None else v)
    return _spread(out, codes, column), _positions(codes, reasons)


def _typed_values(values: Sequence[object], column: Column) -> pd.Series:
    """``values`` (parsed cells, ``None`` for blank) as a series of the column's dtype."""
    if column.kind == "date":
        return pd.Series(pd.to_datetime(pd.Series(values, dtype=object)), dtype="datetime64[ns]")
    if column.dtype == "string":
        return pd.Series(["" if v is None else v for v in values], dtype="string")
    return pd.Series(values, dtype=object).astype(column.dtype)


def _typed(table: Table, data: Mapping[str, pd.Series], n: int) -> pd.DataFrame:
    cols: dict[str, pd.Series] = {}
    for col in table.columns:
        values = data.get(col.name)
        if values is None:
            blank: object = "" if col.dtype == "string" else None
            values = _spread([blank], np.zeros(n, dtype=np.intp), col)
        same = col.kind == "date" or values.dtype == pd.api.types.pandas_dtype(col.dtype)
        cols[col.name] = values if same else values.astype(col.dtype)
    frame = pd.DataFrame(cols, index=pd.RangeIndex(n))
    if SOURCE_REF in data:
        frame[SOURCE_REF] = data[SOURCE_REF].astype("string").reset_index(drop=True)
    return frame


def _id_column(table: Table) -> str | None:
    if len(table.key) == 1:
        col = table.column(table.key[0])
        if col.kind == "id" and col.ref is None:
            return col.name
    return None


def _new_ids(existing: Sequence[str], taken: set[str], count: int, table: str) -> pd.Series:
    """``count`` new ids in the plan's own style (``P015``...), none of them in ``taken``.

    A text series, made with pandas' string methods (no loop over the new rows).
    """
    pattern = re.compile(r"^([A-Za-z]+)(\d+)$")
    prefixes: dict[str, int] = {}
    widths: list[int] = []
    for ident in existing:
        m = pattern.match(str(ident))
        if m:
            prefixes[m.group(1)] = prefixes.get(m.group(1), 0) + 1
            widths.append(len(m.group(2)))
    width = max(widths, default=3)
    prefix = max(prefixes, key=prefixes.__getitem__) if prefixes else ID_PREFIXES.get(table, "X")
    numbers = [int(m.group(2)) for i in taken if (m := pattern.match(str(i))) and m.group(1) == prefix]
    n = max(numbers, default=0)
    digits = pd.Series(np.arange(n + 1, n + 1 + count, dtype=np.int64)).astype("string")
    out = prefix + digits.str.pad(width, side="left", fillchar="0")
    if taken and out.isin(list(taken)).any():  # ids of another style taken further on: number past them
        found: list[str] = []
        i = n
        while len(found) < count:
            i += 1
            ident = f"{prefix}{i:0{width}d}"
            if ident not in taken:
                found.append(ident)
        out = pd.Series(found, dtype="string")
    return out


def _signature(frame: pd.DataFrame, columns: Sequence[str]) -> pd.Series:
    if not len(frame):
        return pd.Series([], dtype="uint64")
    return pd.util.hash_pandas_object(frame[list(columns)], index=False)


def prepare(
    plan: Plan,
    table: str,
    raw: RawTable,
    overrides: Mapping[str, str] | Sequence[str] | None = None,
    lang: str | None = None,
    max_rows: int | None = MAX_ROWS,
) -> Prepared:
    """Map and convert ``raw`` for ``table`` and drop what the plan already holds.

    Raises :class:`ImportFileError`/:class:`ImportRefused` when the file as a whole does
    not fit (too big, no data, required fields without a column, an unknown field in
    ``overrides``); problems of single rows are collected in ``Prepared.problems``.
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
    info = detect_source(raw.header)
    ov = parse_overrides(overrides, tbl, lang)
    mapping = resolve_mapping(raw, info, tbl, ov, lang)
    id_col = _id_column(tbl)
    fields = set(mapping.values())
    missing = [c for c in tbl.columns if c.required and c.name not in fields and c.name != id_col]
    if missing or not (fields - {SOURCE_REF}):
        wanted = missing or [c for c in tbl.columns if c.required] or list(tbl.columns)
        raise ImportRefused(t("import.missing_fields", lang, file=raw.source, table=table,
                             fields=", ".join(f"{c.label[lang]} ({c.name})" for c in wanted),
                             columns=", ".join(h for h in raw.header if h)[:600]))
    n = len(raw)
    data: dict[str, pd.Series] = {}
    problems: list[RowProblem] = []
    for pos, fld in mapping.items():
        if fld == SOURCE_REF:
            data[SOURCE_REF] = raw.column(pos).astype("string").reset_index(drop=True)
            continue
        values, errors = _convert_column(raw.column(pos), tbl.column(fld), tbl, info.tool, lang)
        data[fld] = values
        header = raw.header[pos] or f"#{pos + 1}"
        problems += [RowProblem(raw.rows[i], header, reason) for i, reason in errors.items()]
    if info.ref_column is not None and SOURCE_REF not in data:
        prefix = {"google": "google:"}.get(info.tool, "")
        refs = raw.column(info.ref_column).astype("string").reset_index(drop=True)
        data[SOURCE_REF] = refs.where(refs.eq(""), prefix + refs) if prefix else refs
    frame = _typed(tbl, data, n)
    row_numbers = np.asarray(raw.rows, dtype=np.int64)
    existing = plan.tables[table]
    keep = np.ones(n, dtype=bool)
    # 1. the same submission (uuid, KEY, time stamp); a second row with the same one is a repeat
    if SOURCE_REF in data:
        refs = data[SOURCE_REF]
        known = existing[SOURCE_REF].dropna().tolist() if SOURCE_REF in existing.columns else []
        blank = refs.eq("").to_numpy(dtype=bool)
        codes, _ = pd.factorize(refs, use_na_sentinel=False)
        first = np.zeros(n, dtype=bool)
        first[np.unique(codes, return_index=True)[1]] = True
        seen = refs.isin(known).to_numpy(dtype=bool) | ~first
        keep &= blank | ~seen
    # 2. the same row (content equal to a row of the plan)
    has_ids = id_col is not None and id_col in fields
    columns = [c for c in tbl.column_names if c != id_col or has_ids]
    if len(existing):
        new_sig = _signature(frame, columns)
        old_sig = set(_signature(existing.astype({c.name: c.dtype for c in tbl.columns}), columns))
        keep &= ~new_sig.isin(old_sig).to_numpy(dtype=bool)
    duplicates = row_numbers[~keep].tolist()
    if not keep.all():
        frame = frame[keep].reset_index(drop=True)
    rows = row_numbers[keep].tolist()
    # 3. ids: an id already used for another row is a problem; blank ids are new ones
    if id_col is not None:
        ids = data[id_col][keep].reset_index(drop=True) if id_col in data else \
            pd.Series([""], dtype="string").take(np.zeros(len(rows), dtype=np.intp)).reset_index(drop=True)
        old_list = existing[id_col].dropna().astype(str).tolist() if len(existing) else []
        old_ids = set(old_list)
        header = next((raw.header[p] for p, f in mapping.items() if f == id_col), tbl.column(id_col).label[lang])
        taken = (ids.ne("") & ids.isin(old_list)).to_numpy(dtype=bool) if old_list else np.zeros(len(ids), bool)
        for i in np.flatnonzero(taken):
            problems.append(RowProblem(rows[i], header, t("import.id_taken", lang, id=ids.iloc[i])))
        blanks = ids.eq("").to_numpy(dtype=bool)
        if blanks.any():
            given = [str(i) for i in ids[~blanks].tolist()]  # id cells are text (see _convert_column)
            new = _new_ids(old_list + given, old_ids | set(given), int(blanks.sum()), table)
            if blanks.all():
                frame[id_col] = new
            else:
                filled = ids.to_numpy(dtype=object)
                filled[blanks] = new.to_numpy(dtype=object)
                frame[id_col] = pd.Series(filled, dtype="string")
    dropped = set(duplicates)
    problems = [p for p in problems if p.row not in dropped]
    problems.sort(key=lambda p: (p.row or 0))
    return Prepared(table, raw, info, mapping, frame, rows, duplicates, problems, lang)


# checking and saving ------------------------------------------------------------------------
def _canonical(name: str, frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    from rtplan.storage import serialize_table

    header, rows = read_csv_text(serialize_table(name, frame))
    parsed, _ = parse_rows(TABLES[name], header, rows, lang)
    return parsed


def _merged(plan: Plan, prepared: Sequence[Prepared]) -> dict[str, pd.DataFrame]:
    updates: dict[str, pd.DataFrame] = {}
    for p in prepared:
        base = updates.get(p.table, plan.tables[p.table])
        add = p.to_add()
        updates[p.table] = pd.concat([base, add], ignore_index=True) if len(base) else add
    return updates


def check(plan: Plan, prepared: Sequence[Prepared]) -> list[str]:
    """Validate the plan with every prepared file's good rows added.

    Problems of added rows go to their :class:`Prepared` (by file row); problems that
    belong to no added row are returned (they block the import).
    """
    from rtplan.storage import known_errors
    from rtplan.validation import validate_tables

    if not prepared:
        return []
    lang = prepared[0].lang
    updates = _merged(plan, prepared)
    tables = dict(plan.tables)
    for name, frame in updates.items():
        tables[name] = _canonical(name, frame, lang)
    before = known_errors(plan, lang)
    found = [p for p in validate_tables(tables, plan.meta, lang) if p.is_error]
    # which added rows sit where in the merged tables
    where: dict[tuple[str, int], tuple[Prepared, int]] = {}
    offsets = {name: len(plan.tables[name]) for name in updates}
    for p in prepared:
        good = [r for r in p.rows if r not in p.bad_rows]
        for i, r in enumerate(good):
            where[(TABLES[p.table].filename, offsets[p.table] + i + 2)] = (p, r)
        offsets[p.table] += len(good)
    other: list[str] = []
    for prob in found:
        hit = where.get((prob.file, prob.row)) if prob.row is not None else None
        if hit is None:
            if (prob.file, prob.row, prob.column, prob.rule, prob.message) not in before:
                other.append(prob.message)
            continue
        prep, row = hit
        header = None
        if prob.column:
            header = next((prep.raw.header[i] for i, f in prep.mapping.items() if f == prob.column),
                          TABLES[prep.table].column(prob.column).label[lang]
                          if prob.column in TABLES[prep.table].column_names else prob.column)
        reason = prob.message.split(": ", 1)[1] if ": " in prob.message else prob.message
        prep.problems.append(RowProblem(row, header, reason))
    for p in prepared:
        p.problems.sort(key=lambda x: (x.row or 0))
    return other


@dataclass
class Outcome:
    """What an import did (or, with ``dry_run``, would do)."""

    prepared: list[Prepared]
    saved: bool
    blocked: list[str]

    @property
    def added(self) -> int:
        return sum(len(p.to_add()) for p in self.prepared)

    @property
    def problems(self) -> int:
        return sum(len(p.problems) for p in self.prepared) + len(self.blocked)


def commit(plan: Plan, prepared: Sequence[Prepared], skip_invalid: bool = False,
           dry_run: bool = False) -> Outcome:
    """Check, then save the good rows of every prepared file together (all or nothing).

    Without ``skip_invalid`` any bad row blocks the whole import; with it, bad rows are
    left out (and listed) and the rest is saved. ``dry_run`` checks and saves nothing.
    """
    from rtplan.storage import save_tables

    prepared = list(prepared)
    blocked = check(plan, prepared)
    if skip_invalid:  # dropping rows can orphan others (a reference to a dropped row)
        for _ in range(3):
            before = sum(len(p.problems) for p in prepared)
            blocked = check(plan, prepared)
            if sum(len(p.problems) for p in prepared) == before:
                break
    has_bad = any(p.problems for p in prepared)
    if blocked or (has_bad and not skip_invalid) or any(p.file_problems for p in prepared):
        return Outcome(prepared, False, blocked)
    if dry_run or not any(len(p.to_add()) for p in prepared):
        return Outcome(prepared, False, blocked)
    try:
        save_tables(plan, _merged(plan, prepared))
    except ValidationError as exc:  # pragma: no cover - check() saw the same rules
        return Outcome(prepared, False, [p.message for p in exc.problems])
    return Outcome(prepared, True, [])


def import_file(
    plan: Plan,
    table: str,
    source: str | Path | bytes,
    overrides: Sequence[str] | Mapping[str, str] | None = None,
    sheet: str | None = None,
    skip_invalid: bool = False,
    dry_run: bool = False,
    lang: str | None = None,
    name: str | None = None,
    max_rows: int | None = MAX_ROWS,
) -> Outcome:
    """Read, prepare and commit one file into one table; see the module's docstring."""
    lang = normalize_lang(lang or plan.message_lang)
    if table not in TABLES:
        raise ImportRefused(t("import.unknown_table", lang, table=table, tables=", ".join(TABLES)))
    raw = read(source, table, sheet, name, lang)
    prepared = prepare(plan, table, raw, overrides, lang, max_rows)
    return commit(plan, [prepared], skip_invalid, dry_run)


# a whole workbook (rtplan export --xlsx) or a zip of CSV files (--csv-excel) -----------------
def table_for_sheet(sheet: str) -> str | None:
    """The table a sheet (or a CSV file in a zip) holds, by table name or label."""
    k = key(Path(sheet).stem if sheet.lower().endswith(".csv") else sheet)
    for name, tbl in TABLES.items():
        if k in (key(name), key(tbl.label["id"][:31]), key(tbl.label["en"][:31]),
                 key(tbl.label["id"]), key(tbl.label["en"])):
            return name
    return None


def read_all(source: str | Path | bytes, lang: str | None = None, name: str | None = None
             ) -> list[tuple[str, RawTable]]:
    """Every sheet of a workbook (or CSV of a zip) that names a table, with its table."""
    import io
    import zipfile

    from rtplan.importing.reader import _sheet_rows, read_grid, sniff_format

    if isinstance(source, (bytes, bytearray)):
        data, label = bytes(source), name or "upload"
    else:
        try:
            data, label = Path(source).read_bytes(), Path(source).name
        except OSError as exc:
            raise ImportFileError(t("import.no_file", lang, file=source)) from exc
    fmt = sniff_format(data)
    out: list[tuple[str, RawTable]] = []
    if fmt in ("xlsx", "ods"):
        for sheet in _sheet_rows(data, fmt, None, label, lang)[2]:
            table = table_for_sheet(sheet)
            if table is None:
                continue
            _, rows, _ = _sheet_rows(data, fmt, sheet, label, lang)
            if not any(any(c not in (None, "") for c in r) for r in rows[1:]):
                continue  # an empty table: header only
            out.append((table, read_grid(rows, label, fmt, sheet, score_header(TABLES[table]), lang)))
    elif data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                for member in z.namelist():
                    table = table_for_sheet(Path(member).name)
                    if table is None:
                        continue
                    text = z.read(member)
                    raw = read_table(text, f"{label}/{member}", None, score_header(TABLES[table]), lang) \
                        if text.strip() else None
                    if raw is not None and len(raw):
                        out.append((table, raw))
        except zipfile.BadZipFile as exc:
            raise ImportFileError(t("import.binary", lang, file=label)) from exc
    else:
        raise ImportFileError(t("import.not_workbook", lang, file=label))
    return out


def import_all(plan: Plan, source: str | Path | bytes, skip_invalid: bool = False, dry_run: bool = False,
               lang: str | None = None, name: str | None = None) -> Outcome:
    """Import every table of a workbook (one sheet per table) in one save."""
    lang = normalize_lang(lang or plan.message_lang)
    sheets = read_all(source, lang, name)
    if not sheets:
        raise ImportFileError(t("import.no_tables", lang, file=name or Path(str(source)).name))
    prepared = [prepare(plan, table, raw, None, lang) for table, raw in sheets]
    return commit(plan, prepared, skip_invalid, dry_run)


def header_fields(table: str) -> dict[str, str]:
    """Loose header key -> field for ``table`` (what the panel offers)."""
    return header_index(TABLES[table])

