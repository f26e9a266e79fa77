"""The Musrenbang proposal list (daftar usulan kegiatan) from the plan's proposals.

What the RT's musyawarah decided to send up the chain (Rembug Warga / Rembuk RW ->
Musrenbang Kelurahan -> Kecamatan -> Kota) is the ``proposals`` table; this list shows
exactly those rows, never the plan's own activities (those are paid by the RT, its
residents or its partners). Priority numbers run 1..n in the decided order (the table's
row order). Proposal forms differ by city, so the columns are configurable:
:data:`SUPERSET` has every field; :data:`PRESETS` has Semarang's seven-column Form RW.1
("Daftar Panjang Usulan Kegiatan Rembug Warga"); a mapping file (CSV ``header,field``
or TOML ``[[column]] header = .. field = ..``) gives any other layout. Sources of the
forms and of the bidang list: ``docs/musrenbang.md``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from rtplan.cellsafe import csv_text, neutralize
from rtplan.exceptions import RtplanError
from rtplan.messages import normalize_lang, t
from rtplan.plan import Plan
from rtplan.proposals import BIDANG_KEYS
from rtplan.schema import split_list
from rtplan.tables import is_missing

TOTAL_FIELD = "perkiraan_biaya"

# field -> key of its header; the superset of domain.md plus two derived fields
FIELDS: dict[str, str] = {
    "no_prioritas": "musrenbang.field.no_prioritas",
    "bidang": "musrenbang.field.bidang",
    "usulan_kegiatan": "musrenbang.field.usulan_kegiatan",
    "permasalahan": "musrenbang.field.permasalahan",
    "lokasi": "musrenbang.field.lokasi",
    "rt": "musrenbang.field.rt",
    "rw": "musrenbang.field.rw",
    "volume": "musrenbang.field.volume",
    "satuan": "musrenbang.field.satuan",
    "perkiraan_biaya": "musrenbang.field.perkiraan_biaya",
    "sumber_dana": "musrenbang.field.sumber_dana",
    "potensi_swadaya": "musrenbang.field.potensi_swadaya",
    "skor_prioritas": "musrenbang.field.skor_prioritas",
    "keterangan": "musrenbang.field.keterangan",
    "rt_rw": "musrenbang.field.rt_rw",
    "volume_satuan": "musrenbang.field.volume_satuan",
}
SUPERSET = ("no_prioritas", "bidang", "usulan_kegiatan", "permasalahan", "lokasi", "rt", "rw", "volume",
            "satuan", "perkiraan_biaya", "sumber_dana", "potensi_swadaya", "skor_prioritas", "keterangan")
NUMERIC = {"no_prioritas", "volume", "perkiraan_biaya", "skor_prioritas"}


@dataclass(frozen=True)
class Column:
    """One column of a proposal form: the header people read and the field it shows."""

    header: str
    field: str


# Semarang: "Daftar Panjang Usulan Kegiatan" (seven columns, in this order)
SEMARANG = (
    Column("No urut prioritas", "no_prioritas"),
    Column("Jenis kegiatan", "usulan_kegiatan"),
    Column("Lokasi", "lokasi"),
    Column("RT/RW", "rt_rw"),
    Column("Volume", "volume_satuan"),
    Column("Potensi partisipasi masyarakat", "potensi_swadaya"),
    Column("Bidang usulan", "bidang"),
)
PRESETS = ("superset", "semarang")


class ColumnsError(RtplanError):
    """Raised when a column mapping file cannot be used."""


def columns_for(spec: str, lang: str = "id") -> tuple[Column, ...]:
    """The columns of a preset (``superset``, ``semarang``) or of a mapping file."""
    lang = normalize_lang(lang)
    if spec == "superset":
        return tuple(Column(t(FIELDS[f], lang), f) for f in SUPERSET)
    if spec == "semarang":
        return SEMARANG
    return read_mapping(Path(spec), lang)


def read_mapping(path: Path, lang: str = "id") -> tuple[Column, ...]:
    """Read a mapping file: CSV with ``header,field`` rows, or TOML ``[[column]]`` tables."""
    if not path.is_file():
        raise ColumnsError(t("musrenbang.no_file", lang, path=path, presets=", ".join(PRESETS)))
    text = path.read_text(encoding="utf-8-sig")
    pairs: list[tuple[int, str, str]] = []
    if path.suffix.lower() == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ColumnsError(t("musrenbang.bad_toml", lang, path=path.name, error=exc)) from exc
        for i, col in enumerate(data.get("column", []), start=1):
            pairs.append((i, str(col.get("header", "")).strip(), str(col.get("field", "")).strip()))
    else:
        rows = list(csv.reader(io.StringIO(text)))
        start = 1 if rows and [c.strip().lower() for c in rows[0][:2]] == ["header", "field"] else 0
        for i, row in enumerate(rows[start:], start=start + 1):
            if not any(c.strip() for c in row):
                continue
            cells = [c.strip() for c in row] + ["", ""]
            pairs.append((i, cells[0], cells[1]))
    columns = []
    for line, header, fld in pairs:
        if fld not in FIELDS:
            raise ColumnsError(t("musrenbang.bad_field", lang, path=path.name, line=line, field=fld,
                                 fields=", ".join(FIELDS)))
        columns.append(Column(header or t(FIELDS[fld], lang), fld))
    if not columns:
        raise ColumnsError(t("musrenbang.empty_mapping", lang, path=path.name))
    return tuple(columns)


class NoProposalsError(RtplanError):
    """Raised when the plan has no proposals to list."""


def bidang_label(value: object, lang: str) -> str:
    """The bidang people read: the catalogue label of a :data:`~rtplan.schema.PROPOSAL_BIDANG` id,
    or the value as written (a city's *kamus usulan* entry)."""
    text = "" if is_missing(value) else str(value)
    return t(BIDANG_KEYS[text], lang) if text in BIDANG_KEYS else text


def proposals(plan: Plan, lang: str | None = None) -> pd.DataFrame:
    """One row per stored proposal, in the decided order: every superset field plus
    ``rt_rw`` and ``volume_satuan``.

    ``no_prioritas`` is 1..n; ``skor_prioritas`` is the highest USG total of the needs a
    proposal answers (a number; the writers show it with the plan's decimal comma). Money
    stays a whole Rupiah number. No names of residents, no contacts.
    """
    from rtplan.documents.masking import masked_plan
    from rtplan.needs import usg_ranking

    lang = normalize_lang(lang or plan.lang)
    plan = masked_plan(plan, True)  # sent to the kelurahan (rtplan.privacy): residents' names in titles masked
    table = plan["proposals"]
    needs = plan["needs"].set_index("need_id")
    usg = usg_ranking(plan, lang=lang).table.set_index("need_id")
    rt, rw = plan.area.get("rt", ""), plan.area.get("rw", "")
    rows = []
    for number, p in enumerate(table.itertuples(index=False), start=1):
        need_ids = [n for n in split_list(p.need_ids) if n in needs.index]
        scores = [float(usg.at[n, "total"]) for n in need_ids if n in usg.index and not is_missing(usg.at[n, "total"])]
        rows.append({
            "no_prioritas": number,
            "bidang": bidang_label(p.bidang, lang),
            "usulan_kegiatan": str(p.title),
            "permasalahan": "; ".join(str(needs.at[n, "title"]) for n in need_ids),
            "lokasi": "" if is_missing(p.location) else str(p.location),
            "rt": rt, "rw": rw,
            "volume": None if is_missing(p.volume) else int(p.volume),
            "satuan": "" if is_missing(p.unit) else str(p.unit),
            "perkiraan_biaya": None if is_missing(p.cost_idr) else int(p.cost_idr),
            "sumber_dana": "",
            "potensi_swadaya": "" if is_missing(p.swadaya) else str(p.swadaya),
            "skor_prioritas": round(max(scores), 1) if scores else None,
            "keterangan": "" if is_missing(p.answer) else str(p.answer),
            "rt_rw": f"{rt}/{rw}",
        })
    frame = pd.DataFrame(rows, columns=[*SUPERSET, "rt_rw"])
    frame["volume_satuan"] = [
        "" if is_missing(v) else f"{int(v)} {s}".strip() for v, s in zip(frame["volume"], frame["satuan"])]
    return frame


def form_table(plan: Plan, columns: Sequence[Column], lang: str | None = None) -> pd.DataFrame:
    """The proposal rows laid out in ``columns`` (headers as people read them), with a totals
    row for the estimated cost when the form shows it.

    Raises :class:`NoProposalsError` (a sentence saying what to do) when the plan has none.
    """
    lang = normalize_lang(lang or plan.lang)
    rows = proposals(plan, lang)
    if rows.empty:
        raise NoProposalsError(t("musrenbang.no_proposals", lang, plan=plan.title))
    frame = pd.DataFrame({c.header: rows[c.field] for c in columns}).astype(object)
    if any(c.field == TOTAL_FIELD for c in columns):
        total: dict[str, object] = {c.header: None for c in columns}
        label_col = next((c for c in columns if c.field == "usulan_kegiatan"),
                         next((c for c in columns if c.field not in NUMERIC), columns[0]))
        total[label_col.header] = t("musrenbang.total", lang)
        for c in columns:
            if c.field == TOTAL_FIELD:
                total[c.header] = int(sum(v for v in rows[TOTAL_FIELD] if not is_missing(v)))
        frame = pd.concat([frame, pd.DataFrame([total], columns=frame.columns).astype(object)],
                          ignore_index=True)
    return frame


def decimal_text(frame: pd.DataFrame, columns: Sequence[Column], lang: str) -> pd.DataFrame:
    """The frame with fractional numbers as text in ``lang`` (``13,6`` in Indonesian)."""
    from rtplan.fmt import format_number

    shown = frame.copy()
    for col in columns:
        if col.field == "skor_prioritas":
            shown[col.header] = [format_number(v, lang, 1) if not is_missing(v) else "" for v in shown[col.header]]
    return shown


def _text_cell(value: object) -> object:
    """A cell value for a spreadsheet: text that could run as a formula gets an apostrophe
    (:func:`rtplan.cellsafe.neutralize`); numbers pass unchanged. Control characters XML
    cannot hold (a pasted ESC or BEL) are dropped rather than failing the whole file."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    value = neutralize(value)
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def write_xlsx(frame: pd.DataFrame, columns: Sequence[Column], path: Path, title: str) -> None:
    """Write the form as XLSX: bold wrapped headers, widths, frozen header, A4 landscape."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "Usulan"
    thin = Side(style="thin", color="444444")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.append([_text_cell(c.header) for c in columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.fill = PatternFill("solid", fgColor="E6E6E6")
        cell.border = border
    for record in frame.itertuples(index=False, name=None):
        ws.append([None if is_missing(v) else _text_cell(v.item() if hasattr(v, "item") else v) for v in record])
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text stays text: openpyxl never stores it as a formula
    for row in ws.iter_rows(min_row=2):
        for cell, col in zip(row, columns):
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.border = border
            if col.field == "perkiraan_biaya":
                cell.number_format = "#,##0"
            elif col.field == "skor_prioritas":
                cell.number_format = "0.0"  # a number; the spreadsheet shows the reader's decimal sign
    for i, col in enumerate(columns, start=1):
        values = [len(str(col.header))] + [len(str(v)) for v in frame.iloc[:, i - 1] if not is_missing(v)]
        width = min(50, max(8, max(values) + 2)) if col.field not in NUMERIC else min(18, max(values) + 3)
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    last = get_column_letter(len(columns))
    ws.print_area = f"A1:{last}{max(1, ws.max_row)}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddHeader.center.text = title.replace("&", "&&")
    ws.oddFooter.right.text = "&P / &N"
    buf = io.BytesIO()
    wb.save(buf)
    from rtplan.storage import atomic_write

    atomic_write(path, buf.getvalue())


def csv_bytes(frame: pd.DataFrame, columns: Sequence[Column] = (), lang: str = "id") -> bytes:
    """CSV with a UTF-8 BOM, so Excel shows Indonesian text right; text that a spreadsheet
    would run as a formula is neutralised (:func:`rtplan.cellsafe.neutralize`). Scores are
    written with the decimal sign of ``lang`` (``13,6``)."""
    frame = decimal_text(frame, columns, lang)
    text = csv_text([str(c) for c in frame.columns],
                    ([_plain(v) for v in row] for row in frame.itertuples(index=False, name=None)), neutral=True)
    return ("\ufeff" + text).encode("utf-8")


def _plain(value: object) -> object:
    """A cell as pandas' ``to_csv`` wrote it: missing as empty, everything else as it is."""
    if value is None or (not isinstance(value, (str, list, tuple)) and pd.isna(value)):
        return ""
    return value


def list_date(plan: Plan, as_of: dt.date | None = None) -> dt.date:
    """The date the list is signed with: ``as_of`` when given, else the date of the latest
    meeting that decided one of its proposals (``decided_in``), else the plan's latest
    meeting; today only for a plan with no meeting dated at all."""
    if as_of is not None:
        return as_of
    meetings = plan["meetings"]
    dates = pd.to_datetime(meetings["date"], errors="coerce") if not meetings.empty else pd.Series(dtype=object)
    decided = set(plan["proposals"].get("decided_in", pd.Series(dtype=object)).dropna().astype(str))
    for chosen in (meetings["meeting_id"].astype(str).isin(decided) if not meetings.empty else None, None):
        pick = dates if chosen is None else dates[chosen]
        pick = pick.dropna()
        if not pick.empty:
            latest: pd.Timestamp = pick.max()
            return dt.date(latest.year, latest.month, latest.day)
    return dt.date.today()


def page_html(plan: Plan, frame: pd.DataFrame, columns: Sequence[Column], lang: str,
              as_of: dt.date | None = None) -> str:
    """A one-page A4 landscape document of the list with the signature line (``musrenbang.html.j2``),
    dated :func:`list_date`."""
    from rtplan.documents.layout import signature_blocks
    from rtplan.export.exporters import print_css
    from rtplan.fmt import format_date, format_idr
    from rtplan.render import render
    from rtplan.render import table as html_table

    shown = decimal_text(frame, columns, lang)
    for col in columns:
        if col.field == "perkiraan_biaya":
            shown[col.header] = [format_idr(v, lang) for v in shown[col.header]]
    area = plan.area
    header = f"RT {area.get('rt', '')} / RW {area.get('rw', '')} · Kel. {area.get('kelurahan', '')}"
    title = t("musrenbang.title", lang, rt=area.get("rt", ""), rw=area.get("rw", ""),
              kelurahan=area.get("kelurahan", ""))
    size = "8pt" if len(columns) <= 8 else "6.5pt"
    css = print_css(header, lang, extra="@page { size: A4 landscape; margin: 14mm 10mm 14mm 10mm; }\n"
                    f"table {{ font-size: {size}; }} th, td {{ padding: 0.8mm 1mm; }} h1 {{ font-size: 14pt; }}")
    return str(render(
        "musrenbang.html.j2", lang=lang, title=title, css=css, plan_title=plan.title,
        table=html_table(shown, table_id="musrenbang", numeric=[c.header for c in columns if c.field in NUMERIC]),
        place=area.get("kelurahan") or area.get("city") or "", today=format_date(list_date(plan, as_of), lang, "long"),
        signatures=signature_blocks([(t("musrenbang.sig_ketua", lang, rt=area.get("rt", "")),
                                      plan.people.get("ketua_rt", "")),
                                     (t("musrenbang.sig_rw", lang, rw=area.get("rw", "")), "")])))
