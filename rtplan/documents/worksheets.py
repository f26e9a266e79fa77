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

Typing back: :func:`grid_update` takes exactly the grid of one sheet (USG scores
of one scorer: need -> U, S, G; dots of one participant: need -> dots; pairwise
winners: pair -> A/B/Seri) and returns the new table, or refuses with every problem
named; :func:`enter_sheet` saves it with :func:`rtplan.storage.save_tables`
(validated, atomic). Pure functions: no widgets, no printing here.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from rtplan.exceptions import RtplanError
from rtplan.messages import normalize_lang, t
from rtplan.plan import Plan
from rtplan.schema import CONSENSUS, RESOURCE_CATEGORIES, TABLES, TIE
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
def parse_values(text: str, lang: str = "id", example: str = "N01=5,4,3;N02=4,4,2") -> dict[str, str]:
    """``"N01=5,4,3; N02=4,4,2"`` -> ``{"N01": "5,4,3", "N02": "4,4,2"}`` (the CLI's ``--values``)."""
    out: dict[str, str] = {}
    problems: list[str] = []
    for raw in re.split(r"[;\n]", str(text or "")):
        item = raw.strip()
        if not item:
            continue
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            problems.append(t("paper.enter.bad_item", lang, item=item, example=example))
            continue
        key = key.strip()
        if key in out:
            problems.append(t("paper.enter.twice", lang, key=key))
            continue
        out[key] = value.strip()
    if problems:
        raise GridError(problems, lang)
    return out


def _participants(plan: Plan) -> set[str]:
    return {_text(p) for p in plan["participants"]["participant_id"]}


def _check_who(plan: Plan, kind: str, who: str, lang: str) -> str:
    who = (who or "").strip()
    if kind in ("usg", "dots") and not who:
        raise GridError([t("paper.enter.need_who", lang, sheet=kind.upper(), option="--scorer P001")], lang)
    allowed = _participants(plan) | ({CONSENSUS} if kind == "usg" else set())
    if who and who not in allowed:
        raise GridError([t("paper.no_scorer", lang, who=who)], lang)
    return who


def _cells(value: object) -> list[str]:
    if isinstance(value, (tuple, list)):
        return ["" if is_missing(v) else str(v).strip() for v in value]
    text = "" if is_missing(value) else str(value).strip()
    return [] if not text else [p.strip() for p in re.split(r"[,\s/]+", text) if p.strip()]


def _int_in(text: str, low: int, high: int) -> int | None:
    return int(text) if re.fullmatch(r"\d{1,3}", text) and low <= int(text) <= high else None


def _partial(missing: list[str], total: int, partial: bool, lang: str) -> None:
    """Refuse a sheet with rows left empty unless ``partial`` (``--partial``), naming them."""
    if missing and not partial:
        raise GridError([t("paper.enter.partial", lang, n=total - len(missing), total=total,
                           missing=", ".join(missing), option="--partial")], lang)


def usg_update(plan: Plan, scorer: str, grid: Mapping[str, object],
               lang: str | None = None, needs: list[str] | None = None,
               partial: bool = False) -> tuple[pd.DataFrame, int]:
    """One scorer's USG sheet -> the new ``usg_scores`` table and the rows it sets.

    ``grid`` maps need_id to ``"5,4,3"`` or ``(5, 4, 3)``; ``needs`` are the rows the sheet
    printed (default: every need). A need left blank (all three empty) is not touched, and
    a sheet with blank rows is refused unless ``partial``. Every wrong cell is named in one
    :class:`GridError`.
    """
    from rtplan.needs import set_usg_scores

    lang = normalize_lang(lang or plan.message_lang)
    scorer = _check_who(plan, "usg", scorer, lang)
    printed = list(needs) if needs is not None else [nid for nid, _ in sheet_needs(plan)]
    known = set(printed)
    problems: list[str] = []
    scores: dict[str, tuple[object, object, object]] = {}
    for raw_need, value in grid.items():
        need = str(raw_need).strip()
        cells = _cells(value)
        if need not in known:
            problems.append(t("paper.enter.unknown_need", lang, need=need))
            continue
        if not any(cells):
            continue
        if len(cells) != 3:
            problems.append(t("paper.enter.usg_count", lang, need=need, value=",".join(cells)))
            continue
        parsed = []
        for cell, (_, letter) in zip(cells, CRITERIA):
            number = _int_in(cell, 1, 5)
            if number is None:
                problems.append(t("paper.enter.usg_range", lang, need=need, criterion=letter, value=cell))
            parsed.append(number)
        if None not in parsed:
            scores[need] = (parsed[0], parsed[1], parsed[2])
    if problems:
        raise GridError(problems, lang)
    if not scores:
        raise GridError([t("paper.enter.empty", lang)], lang)
    _partial([n for n in printed if n not in scores], len(printed), partial, lang)
    return set_usg_scores(plan.copy_table("usg_scores"), scorer, scores), len(scores)


def dots_update(plan: Plan, participant: str, grid: Mapping[str, object],
                lang: str | None = None) -> tuple[pd.DataFrame, int]:
    """One participant's dots (need -> number, 0 removes) -> the new ``votes`` table and the rows set."""
    from rtplan.needs import set_votes

    lang = normalize_lang(lang or plan.message_lang)
    participant = _check_who(plan, "dots", participant, lang)
    top = int(TABLES["votes"].column("dots").max or 20)
    known = {nid for nid, _ in sheet_needs(plan)}
    problems: list[str] = []
    dots: dict[str, object] = {}
    for raw_need, value in grid.items():
        need = str(raw_need).strip()
        text = "" if is_missing(value) else str(value).strip()
        if need not in known:
            problems.append(t("paper.enter.unknown_need", lang, need=need))
            continue
        if not text:
            continue
        number = _int_in(text, 0, top)
        if number is None:
            problems.append(t("paper.enter.dots_range", lang, need=need, value=text, max=top))
            continue
        dots[need] = number
    if problems:
        raise GridError(problems, lang)
    if not dots:
        raise GridError([t("paper.enter.empty", lang)], lang)
    return set_votes(plan.copy_table("votes"), participant, dots), sum(1 for v in dots.values() if v)


_TIE_WORDS = {"s", "seri", "t", "tie", "sama", "=", "0"}


def pairwise_update(plan: Plan, participant: str, grid: Mapping[str, object], top: int = DEFAULT_TOP,
                    lang: str | None = None, pairs: list[tuple[str, str]] | None = None,
                    partial: bool = False) -> tuple[pd.DataFrame, int]:
    """The pairwise sheet (pair -> A, B or Seri) -> the new ``pairwise`` table and the rows set.

    ``pairs`` are the pairs the sheet printed, in order (its record, :func:`read_record`);
    ``None`` only for a grid shown from the current ranking on screen. A pair is its number
    on the sheet (``1`` ... n(n-1)/2) or ``N01/N03`` (either order); the choice is ``A``,
    ``B``, ``Seri`` (``S``, ``T``) or the winning need's id. ``participant`` empty: the
    group's decision. Pairs left empty refuse the sheet unless ``partial``.
    """
    from rtplan.needs import set_pairwise

    lang = normalize_lang(lang or plan.message_lang)
    participant = _check_who(plan, "pairwise", participant, lang)
    pairs = [(str(a), str(b)) for a, b in pairs] if pairs is not None else sheet_pairs(plan, top)
    by_ids = {frozenset(p): p for p in pairs}
    problems: list[str] = []
    chosen: dict[tuple[str, str], str] = {}
    for raw_key, value in grid.items():
        key = str(raw_key).strip()
        pair: tuple[str, str] | None = None
        if re.fullmatch(r"\d+", key) and 1 <= int(key) <= len(pairs):
            pair = pairs[int(key) - 1]
        elif "/" in key:
            a, _, b = key.partition("/")
            pair = by_ids.get(frozenset((a.strip(), b.strip())))
        if pair is None:
            problems.append(t("paper.enter.unknown_pair", lang, pair=key, n=len(pairs)))
            continue
        text = "" if is_missing(value) else str(value).strip()
        if not text:
            continue
        low = text.lower()
        if low == "a":
            winner = pair[0]
        elif low == "b":
            winner = pair[1]
        elif low in _TIE_WORDS:
            winner = TIE
        elif text in pair:
            winner = text
        else:
            problems.append(t("paper.enter.bad_choice", lang, pair=key, value=text))
            continue
        if pair in chosen:
            problems.append(t("paper.enter.twice", lang, key=f"{pair[0]}/{pair[1]}"))
            continue
        chosen[pair] = winner
    if problems:
        raise GridError(problems, lang)
    if not chosen:
        raise GridError([t("paper.enter.empty", lang)], lang)
    _partial([str(i) for i, p in enumerate(pairs, start=1) if p not in chosen], len(pairs), partial, lang)
    frame = plan.copy_table("pairwise")
    for (a, b), winner in chosen.items():
        frame = set_pairwise(frame, a, b, winner, participant)
    return frame, len(chosen)


TABLE_OF = {"usg": "usg_scores", "dots": "votes", "pairwise": "pairwise"}


@dataclass(frozen=True)
class Entered:
    """What :func:`enter_sheet` saved."""

    code: SheetCode
    table: str
    rows: int


def resolve_kind(plan: Plan, kind_or_code: str, who: str | None, top: int | None,
                 meeting_id: str | None, lang: str) -> tuple[str, str, int, SheetCode]:
    """``usg``/``dots``/``pairwise`` or a sheet code -> (kind, who, top, code), checked against the plan.

    A kind without a code means the sheet printed for the meeting chosen as printing
    chooses it (``meeting_id``, else the plan's next or last meeting)."""
    from rtplan.meetings import choose_meeting

    text = (kind_or_code or "").strip()
    example = f"{plan_code(plan)}/M01/USG/P001"
    code = parse_code(text)
    if code is not None:
        if code.plan != plan_code(plan):
            raise GridError([t("paper.enter.other_plan", lang, code=code, other=code.plan, this=plan_code(plan))],
                            lang)
        kind = code.kind or ""
        if kind not in KINDS:
            raise GridError([t("paper.enter.not_typed", lang, sheet=code.sheet)], lang)
        who = who if who else code.who
        top = code.top if kind == "pairwise" and code.top else top
        return kind, who or "", int(top or DEFAULT_TOP), code
    kind = text.lower()
    if kind not in KINDS:
        raise GridError([t("paper.enter.unknown_kind", lang, kind=text, example=example)], lang)
    meeting = choose_meeting(plan, meeting_id)
    mid = None if meeting is None else _text(meeting["meeting_id"])
    token = f"PW{top or DEFAULT_TOP}" if kind == "pairwise" else SHEET_TOKENS[kind]
    owner = "" if kind == "pairwise" else who or ""
    return kind, who or "", int(top or DEFAULT_TOP), sheet_code(plan, mid, token, owner)


def grid_update(plan: Plan, kind: str, who: str, grid: Mapping[str, object], top: int = DEFAULT_TOP,
                lang: str | None = None, record: Mapping[str, object] | None = None,
                partial: bool = False) -> tuple[str, pd.DataFrame, int]:
    """The table a sheet's grid changes: ``(table name, new table, rows set)``; refuses with :class:`GridError`.

    ``record``: what the sheet printed (:func:`read_record`): its needs, its pairs in order."""
    needs = record.get("needs") if record is not None else None
    needs_list = [str(n) for n in needs] if isinstance(needs, list) else None
    if kind == "usg":
        frame, n = usg_update(plan, who, grid, lang, needs_list, partial)
    elif kind == "dots":
        frame, n = dots_update(plan, who, grid, lang)
    elif kind == "pairwise":
        raw = record.get("pairs") if record is not None else None
        pairs = [(str(p[0]), str(p[1])) for p in raw] if isinstance(raw, list) else None
        frame, n = pairwise_update(plan, who, grid, top, lang, pairs, partial)
    else:
        raise GridError([t("paper.enter.unknown_kind", lang, kind=kind, example="usg")], normalize_lang(lang))
    return TABLE_OF[kind], frame, n


def find_record(plan: Plan, code: SheetCode, lang: str) -> dict[str, object]:
    """The record of the sheet ``code`` names: the scorer's own sheet, else a blank one of that meeting."""
    if code.who and not record_path(plan, code).exists():
        blank = SheetCode(code.plan, code.meeting, code.sheet)
        if record_path(plan, blank).exists():
            return read_record(plan, blank, lang)
    return read_record(plan, code, lang)


def latest_record(plan: Plan, kind: str) -> dict[str, object] | None:
    """The most recently printed record of a ``kind`` of sheet in the plan (``None`` when none was printed)."""
    import json

    folder = record_path(plan, "x").parent
    found: list[tuple[float, dict[str, object]]] = []
    for path in folder.glob("*.json") if folder.is_dir() else ():
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(record, dict) and record.get("kind") == kind:
                found.append((path.stat().st_mtime, record))
        except (OSError, ValueError):
            continue
    return max(found, key=lambda f: f[0])[1] if found else None


def enter_sheet(plan: Plan, kind_or_code: str, who: str | None, grid: Mapping[str, object] | str,
                top: int | None = None, meeting_id: str | None = None, lang: str | None = None,
                partial: bool = False) -> Entered:
    """Check a typed-back sheet against what it printed and save it (validated and atomic, through storage).

    The sheet's record (written when it was printed, :func:`write_records`) gives its
    needs and its pairs in the printed order; without a record the sheet is refused.
    Raises :class:`GridError` (the grid itself is wrong, a partial sheet without
    ``partial``, no record) or :class:`~rtplan.exceptions.ValidationError` (storage refused
    it); nothing is written then.
    """
    from rtplan import storage

    lang = normalize_lang(lang or plan.message_lang)
    kind, who, top_n, code = resolve_kind(plan, kind_or_code, who, top, meeting_id, lang)
    record = find_record(plan, code, lang)
    if isinstance(grid, str):
        grid = parse_values(grid, lang)
    table, frame, n = grid_update(plan, kind, who, grid, top_n, lang, record, partial)
    storage.save_tables(plan, {table: frame})
    return Entered(code, table, n)
