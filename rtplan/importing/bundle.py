"""A whole plan back from a spreadsheet: every sheet of a workbook from ``rtplan export
--xlsx`` (or every CSV of the zip from ``--csv-excel``) into its table, in one save.
Each zip member is checked against the size limits before it is read.
"""

from __future__ import annotations

from pathlib import Path

from rtplan.importing.commit import Outcome, commit
from rtplan.importing.core import prepare
from rtplan.importing.limits import ImportFileError, check_zip, read_bounded
from rtplan.importing.mapping import key, score_header
from rtplan.importing.reader import RawTable, read_sheet, read_table, sheet_names, sniff_format
from rtplan.messages import normalize_lang, t
from rtplan.plan import Plan
from rtplan.schema import TABLES


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
    if isinstance(source, (bytes, bytearray)):
        data, label = bytes(source), name or "upload"
    else:
        data, label = read_bounded(source, lang), Path(source).name
    fmt = sniff_format(data)
    out: list[tuple[str, RawTable]] = []
    if fmt in ("xlsx", "ods"):
        for sheet in sheet_names(data, label, lang):
            table = table_for_sheet(sheet)
            if table is None:
                continue
            try:
                raw = read_sheet(data, fmt, sheet, label, score_header(TABLES[table]), lang)
            except ImportFileError as exc:
                if str(exc).startswith(t("import.empty", lang, file=label)):
                    continue
                raise
            if len(raw):
                out.append((table, raw))
    elif fmt == "zip":
        with check_zip(data, label, lang) as z:
            for member in z.namelist():
                table = table_for_sheet(Path(member).name)
                if table is None:
                    continue
                text = z.read(member)
                if not text.strip():
                    continue
                member_raw = read_table(text, f"{label}/{member}", None, score_header(TABLES[table]), lang)
                if len(member_raw):
                    out.append((table, member_raw))
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
    prepared = [prepare(plan, table, raw, None, lang, provenance=False) for table, raw in sheets]
    return commit(plan, prepared, skip_invalid, dry_run)



