"""Paper worksheets for a meeting without a laptop, and typing their results back.

Printing: :func:`worksheets_html` builds one A4 document (through the project's one
renderer, :mod:`rtplan.render`, template ``paper/worksheets.html.j2``) with

* the daftar hadir (the handout's own attendance sheet);
* one USG sheet per scorer (needs listed, U/S/G boxes 1-5), plus blank ones;
* the dot-voting poster (needs in large type, room for stickers), two A4 or one A3;
* the pairwise sheet (every pair of the top *n* needs, A / B / Seri to tick);
* the needs-and-resources mapping sheet (blank rows, the ABCD categories).

Each sheet carries a short code in its top right corner, e.g.
``RT05RW03/M02/USG/P001``: plan (RT and RW), meeting, sheet, and the scorer when the
sheet is someone's. :func:`parse_code` reads it back, so a typed-back grid knows
what it is (``rtplan worksheets PLAN --enter RT05RW03/M02/USG/P001 --values ...``).

Typing a sheet back is :mod:`rtplan.documents.sheet_entry`; it reads the record each
printed sheet leaves beside the plan's history (:func:`write_records`).
"""

from __future__ import annotations

import functools
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from rtplan.exceptions import RtplanError
from rtplan.messages import normalize_lang, t
from rtplan.plan import Plan
from rtplan.schema import RESOURCE_CATEGORIES
from rtplan.tables import is_missing

KINDS = ("usg", "dots", "pairwise")
SHEET_TOKENS = {"usg": "USG", "dots": "DOTS", "pairwise": "PW", "mapping": "MAP", "attendance": "DH", "tally": "REKAP"}
RECORDS_DIR = ("sheets",)  # PLAN/.history/sheets/<code>.json: what each typed-back sheet printed
DEFAULT_TOP = 5
DEFAULT_BLANK = 2
POSTER_PER_PAGE = {"a4": 7, "a3": 10}
MAP_NEED_ROWS = 16
MAP_RESOURCE_ROWS = 18
ABCD_SHORT = {"individu": "IND", "asosiasi": "ASO", "institusi": "INS", "fisik": "FIS", "ekonomi": "EKO",
              "budaya": "BUD", "alam": "ALM"}
CRITERIA = (("urgency", "U"), ("seriousness", "S"), ("growth", "G"))


class GridError(RtplanError):
    """A typed-back grid was refused: ``problems`` names every wrong cell; nothing was saved."""

    def __init__(self, problems: list[str], lang: str = "id", heading: str | None = None) -> None:
        self.problems = list(problems)
        self.lang = lang
        self.heading = heading
        lines = ([heading] if heading else []) + [f"  - {p}" for p in self.problems]
        super().__init__("\n".join(lines) if heading else "; ".join(self.problems))


# -- sheet codes ------------------------------------------------------------------------
@dataclass(frozen=True)
class SheetCode:
    """What a sheet is: plan code, meeting id, sheet token (``USG``, ``DOTS``, ``PW5``, ...), owner."""

    plan: str
    meeting: str
    sheet: str
    who: str = ""

    @property
    def kind(self) -> str | None:
        """``usg``, ``dots``, ``pairwise`` (typed back), ``mapping``, ``attendance``, ``tally`` or ``None``."""
        token = self.sheet.upper()
        if token.startswith("PW"):
            return "pairwise"
        return {v: k for k, v in SHEET_TOKENS.items()}.get(token)

    @property
    def top(self) -> int | None:
        """The number of top needs of a pairwise sheet (``PW5`` -> 5)."""
        m = re.fullmatch(r"PW(\d+)", self.sheet.upper())
        return int(m.group(1)) if m else None

    def __str__(self) -> str:
        return "/".join(p for p in (self.plan, self.meeting, self.sheet, self.who) if p)


def plan_code(plan: Plan) -> str:
    """``RT05RW03`` from the plan's area (the folder name when RT/RW are not set)."""
    area = plan.area
    rt, rw = area.get("rt", "").strip(), area.get("rw", "").strip()
    if rt or rw:
        return re.sub(r"[^0-9A-Za-z]", "", f"RT{rt}RW{rw}").upper()
    return re.sub(r"[^0-9A-Za-z-]", "", Path(plan.path).name).upper() or "RTPLAN"


def sheet_code(plan: Plan, meeting_id: str | None, sheet: str, who: str = "") -> SheetCode:
    return SheetCode(plan_code(plan), meeting_id or "-", sheet, who)


def parse_code(text: str) -> SheetCode | None:
    """``RT05RW03/M02/USG/P001`` -> :class:`SheetCode`; ``None`` when it is not a code."""
    parts = [p.strip() for p in str(text).strip().split("/")]
    if len(parts) not in (3, 4) or not all(parts[:3]):
        return None
    code = SheetCode(parts[0].upper(), parts[1], parts[2].upper(), parts[3] if len(parts) == 4 else "")
    return code if code.kind is not None else None


# -- what the sheets list ----------------------------------------------------------------
def _text(value: object) -> str:
    return "" if is_missing(value) else str(value).strip()


def sheet_needs(plan: Plan) -> list[tuple[str, str]]:
    """``[(need_id, title)]`` in needs.csv order: the order of the USG sheet and the poster.

    The file's order, not a ranking, so no need is favoured by its place on the sheet."""
    return [(_text(n), _text(ti)) for n, ti in zip(plan["needs"]["need_id"], plan["needs"]["title"])
            if _text(n)]


def sheet_pairs(plan: Plan, n: int = DEFAULT_TOP) -> list[tuple[str, str]]:
    """Every pair of the top ``n`` needs once, numbered on the sheet in this order: n(n-1)/2 pairs."""
    from rtplan.needs import pair_schedule, top_needs

    return pair_schedule([nid for nid, _ in top_needs(plan, n)])


# -- what a sheet printed -------------------------------------------------------------------
def record_path(plan: Plan, code: SheetCode | str) -> Path:
    """Where the record of a printed sheet is kept: ``PLAN/.history/sheets/<code>.json``."""
    from rtplan.storage import HISTORY_DIR

    name = re.sub(r"[^0-9A-Za-z-]+", "_", str(code))
    return Path(plan.path).joinpath(HISTORY_DIR, *RECORDS_DIR, f"{name}.json")


def sheet_record(sheet: Sheet, meeting_id: str | None) -> dict[str, object]:
    """What a typed-back sheet (USG, dots, pairwise) printed: needs or pairs in order, scorer, meeting."""
    record: dict[str, object] = {"code": str(sheet.code), "kind": sheet.kind, "meeting": meeting_id or "",
                                 "scorer": str(sheet.data.get("who", "") or "")}
    if sheet.kind == "pairwise":
        pairs = sheet.data["pairs"]
        assert isinstance(pairs, list)
        record["pairs"] = [[a, b] for a, _, b, _ in pairs]
        record["needs"] = sorted({n for a, _, b, _ in pairs for n in (a, b)})
    else:
        needs = sheet.data.get("needs_all") or []
        assert isinstance(needs, list)
        record["needs"] = [nid for nid, _ in needs]
    return record


def write_records(plan: Plan, sheets: list[Sheet], meeting_id: str | None) -> list[Path]:
    """Write the record of every USG, dots and pairwise sheet (atomically, one JSON file each)."""
    import json

    from rtplan.storage import atomic_write

    written: dict[Path, dict[str, object]] = {}
    for sheet in sheets:
        if sheet.kind in KINDS:
            written.setdefault(record_path(plan, sheet.code), sheet_record(sheet, meeting_id))
    for path, record in written.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, (json.dumps(record, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    return list(written)


def read_record(plan: Plan, code: SheetCode, lang: str) -> dict[str, object]:
    """The record of a printed sheet; :class:`GridError` naming the code when it was never printed."""
    import json

    path = record_path(plan, code)
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise GridError([t("paper.enter.no_record", lang, code=code)], lang) from None
    if not isinstance(record, dict):
        raise GridError([t("paper.enter.no_record", lang, code=code)], lang)
    return record


# -- the document --------------------------------------------------------------------------
@dataclass
class Sheet:
    """One sheet of the document: its kind, code, and what its template needs."""

    kind: str
    code: SheetCode
    data: dict[str, object] = field(default_factory=dict)


def expected_scorers(plan: Plan, meeting: pd.Series | None) -> list[str]:
    """The participants expected at ``meeting``: its attendance list, in the plan's participant order."""
    if meeting is None:
        return []
    att = plan["attendance"]
    mid = _text(meeting["meeting_id"])
    listed = {_text(p) for m, p in zip(att["meeting_id"], att["participant_id"]) if _text(m) == mid}
    return [pid for pid in (_text(p) for p in plan["participants"]["participant_id"]) if pid in listed]


def build_sheets(
    plan: Plan,
    meeting: pd.Series | None,
    lang: str,
    top: int = DEFAULT_TOP,
    scorers: list[str] | None = None,
    blank: int = DEFAULT_BLANK,
    poster: str = "a4",
) -> list[Sheet]:
    """The sheets in print order (daftar hadir, USG per scorer, poster, pairwise, tally, mapping).

    ``scorers`` ``None``: one USG sheet for each participant expected at the meeting (its
    attendance list, :func:`expected_scorers`); ``[]``: none; then ``blank`` sheets without a
    name. Raises :class:`RtplanError` for a scorer code that is not a participant.
    """
    from rtplan.needs import suggested_dots, top_needs
    from rtplan.privacy import People

    mid = None if meeting is None else _text(meeting["meeting_id"])
    needs = sheet_needs(plan)
    declined = People.of(plan).declined_ids  # rtplan.privacy: their sheet carries their code, not their name
    people = {_text(p): ("" if _text(p) in declined else _text(nm))
              for p, nm in zip(plan["participants"]["participant_id"], plan["participants"]["name"])}
    if scorers is None:
        chosen = expected_scorers(plan, meeting)
    else:
        unknown = [s for s in scorers if s not in people]
        if unknown:
            raise RtplanError("; ".join(t("paper.no_scorer", lang, who=u) for u in unknown))
        chosen = list(scorers)
    sheets = [Sheet("attendance", sheet_code(plan, mid, SHEET_TOKENS["attendance"]))]
    sheets += [Sheet("usg", sheet_code(plan, mid, "USG", pid), {"who": pid, "name": people.get(pid, "")})
               for pid in chosen]
    sheets += [Sheet("usg", sheet_code(plan, mid, "USG"), {"who": "", "name": ""}) for _ in range(max(0, int(blank)))]
    per_page = POSTER_PER_PAGE.get(poster, POSTER_PER_PAGE["a4"])
    parts = max(1, math.ceil(len(needs) / per_page))
    per_page = max(1, math.ceil(len(needs) / parts))  # balanced: 8 needs give 4 + 4, not 7 + 1
    k = suggested_dots(len(needs))
    for i in range(parts):
        chunk = needs[i * per_page:(i + 1) * per_page]
        sheets.append(Sheet("dots", sheet_code(plan, mid, "DOTS"),
                            {"needs": chunk, "part": i + 1, "parts": parts, "k": k, "start": i * per_page,
                             # fewer needs on a page: taller boxes, more room for stickers
                             "box_mm": max(22 if poster == "a4" else 32,
                                           min(60, (170 if poster == "a4" else 350) // max(1, len(chunk)) - 10))}))
    top_list = top_needs(plan, top)
    pairs = sheet_pairs(plan, top)
    titles = dict(top_list)
    sheets.append(Sheet("pairwise", sheet_code(plan, mid, f"PW{len(top_list)}"),
                        {"needs": top_list, "pairs": [(a, titles[a], b, titles[b]) for a, b in pairs]}))
    sheets.append(Sheet("tally", sheet_code(plan, mid, SHEET_TOKENS["tally"]),
                        {"needs": needs, "pw_needs": {a for a, _ in top_list}}))
    sheets.append(Sheet("mapping", sheet_code(plan, mid, "MAP")))
    for s in sheets:
        s.data["needs_all"] = needs
    return sheets


NUMS_MM = (28.5, 5.2)  # the five numbered circles of a USG cell, as printed (width, height)


@functools.lru_cache(maxsize=1)
def numbers_png() -> str:
    """The five numbered circles a scorer rings on a USG sheet (1 to 5) as one PNG data URI,
    drawn once at 600 dpi and printed as each cell's background: one image for every cell,
    where 15 round boxes of text a row made most of a large plan's layout time."""
    import base64
    import io

    from PIL import Image, ImageDraw

    from rtplan.documents.cards import font

    dpmm = 600 / 25.4
    w, h = round(NUMS_MM[0] * dpmm), round(NUMS_MM[1] * dpmm)
    img = Image.new("LA", (w, h), (255, 0))  # transparent: a shaded row stays shaded
    draw = ImageDraw.Draw(img)
    step = w / 5
    d = h - 4
    digits = font(round(8 / 72 * 600))  # 8 pt
    for k in range(5):
        cx = step * k + step / 2
        draw.ellipse([cx - d / 2, 2, cx + d / 2, 2 + d], outline=(0x55, 255), width=round(0.7 / 72 * 600))
        draw.text((cx, h / 2), str(k + 1), font=digits, fill=(0, 255), anchor="mm")
    out = io.BytesIO()
    img.save(out, format="PNG", dpi=(600, 600), optimize=True)
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode("ascii")


def worksheets_html(
    plan: Plan,
    meeting_id: str | None = None,
    lang: str | None = None,
    top: int = DEFAULT_TOP,
    scorers: list[str] | None = None,
    blank: int = DEFAULT_BLANK,
    poster: str = "a4",
    sheets: list[Sheet] | None = None,
) -> str:
    """The whole worksheet document as printable HTML (A4, print CSS, escaped by the renderer).

    ``sheets``: those :func:`build_sheets` made (built here when not given)."""
    from rtplan.documents.berita_acara import daftar_hadir
    from rtplan.export.exporters import area_header, print_css
    from rtplan.meetings import choose_meeting, meeting_line
    from rtplan.render import Markup, render

    lang = normalize_lang(lang or plan.lang)
    meeting = choose_meeting(plan, meeting_id)
    if sheets is None:
        sheets = build_sheets(plan, meeting, lang, top, scorers, blank, poster)
    # the handout's daftar hadir: its HTML is built from escaped values (rtplan.render)
    attendance = Markup(daftar_hadir(plan, meeting, lang).replace(' class="rtplan-page-break"', "", 1))
    words = {key.split(".", 1)[1].replace(".", "_"): t(key, lang) for key in (
        "paper.code", "paper.usg.title", "paper.usg.scorer", "paper.usg.scorer_blank", "paper.usg.howto",
        "paper.col.no", "paper.col.id", "paper.col.need", "paper.dots.title", "paper.dots.total",
        "paper.pw.title", "paper.pw.who", "paper.pw.needs", "paper.pw.tie", "paper.map.title",
        "paper.map.needs", "paper.map.resources", "paper.map.category", "paper.map.location",
        "paper.map.households", "paper.map.name", "paper.map.abcd", "paper.map.holder", "paper.map.need_no",
        "paper.map.legend", "paper.map.cats", "paper.no_needs", "paper.tally.title", "paper.tally.howto",
        "paper.tally.marks", "paper.tally.total", "paper.tally.wins", "paper.tally.rank")}
    for s in sheets:
        if s.kind == "dots":
            s.data["howto"] = t("paper.dots.howto", lang, k=s.data["k"])
            s.data["part_text"] = t("paper.dots.part", lang, i=s.data["part"], n=s.data["parts"])
        if s.kind == "pairwise":
            pw_needs, pw_pairs = s.data["needs"], s.data["pairs"]
            assert isinstance(pw_needs, list)  # as build_sheets made them
            assert isinstance(pw_pairs, list)
            s.data["howto"] = t("paper.pw.howto", lang, n=len(pw_needs), pairs=len(pw_pairs))
    return str(render(
        "paper/worksheets.html.j2",
        lang=lang, title=plan.title,
        css=Markup(print_css(area_header(plan, lang), lang)), sheets=sheets, w=words,
        meeting_line=meeting_line(plan, meeting, lang), attendance=attendance,
        abcd=[ABCD_SHORT[c] for c in RESOURCE_CATEGORIES], poster=poster,
        map_need_rows=MAP_NEED_ROWS, map_resource_rows=MAP_RESOURCE_ROWS,
        numbers=numbers_png(), numbers_size=f"{NUMS_MM[0]}mm {NUMS_MM[1]}mm",
    ))


def write_worksheets(
    plan: Plan,
    output: str | os.PathLike[str],
    meeting_id: str | None = None,
    lang: str | None = None,
    engine: str = "auto",
    fmt: str = "pdf",
    *,
    top: int = DEFAULT_TOP,
    scorers: list[str] | None = None,
    blank: int = DEFAULT_BLANK,
    poster: str = "a4",
) -> Path:
    """Write the worksheets as one PDF (or the HTML) atomically, and each sheet's record; returns the path.

    ``top``, ``scorers``, ``blank`` and ``poster`` are those of :func:`worksheets_html`; the
    records of what the USG, dots and pairwise sheets printed go to
    ``PLAN/.history/sheets/`` (:func:`write_records`), so typing back uses the printed pairs.
    """
    from rtplan.export.engines import html_to_pdf
    from rtplan.export.exporters import area_header
    from rtplan.export.paths import check_document_output
    from rtplan.meetings import choose_meeting
    from rtplan.storage import atomic_write

    lang = normalize_lang(lang or plan.lang)
    out = check_document_output(plan.path, output, lang)
    meeting = choose_meeting(plan, meeting_id)
    mid = None if meeting is None else _text(meeting["meeting_id"])
    sheets = build_sheets(plan, meeting, lang, top, scorers, blank, poster)
    html = worksheets_html(plan, mid, lang, top, scorers, blank, poster, sheets=sheets)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "html":
        atomic_write(out, html.encode("utf-8"))
    else:
        atomic_write(out, html_to_pdf(html, engine=engine, header=area_header(plan, lang), lang=lang))
    write_records(plan, sheets, mid)
    return out


# -- typing back ----------------------------------------------------------------------------
