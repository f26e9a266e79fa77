"""Typing a printed worksheet back: the grid of one sheet checked and saved.

:func:`grid_update` takes exactly the grid of one sheet (USG scores of one scorer: need -> U, S, G;
dots of one participant: need -> dots; pairwise winners: pair -> A/B/Seri, read from the record of the
sheet as it was printed) and returns the new table, or refuses with every problem named;
:func:`enter_sheet` saves it with :func:`rtplan.storage.save_tables` (validated, atomic). The sheets
themselves are printed by :mod:`rtplan.documents.worksheets`. Pure functions: no widgets, no printing here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from rtplan.documents.worksheets import (
    CRITERIA,
    DEFAULT_TOP,
    KINDS,
    SHEET_TOKENS,
    GridError,
    SheetCode,
    parse_code,
    plan_code,
    read_record,
    record_path,
    sheet_code,
    sheet_needs,
    sheet_pairs,
)
from rtplan.messages import normalize_lang, t
from rtplan.plan import Plan
from rtplan.schema import CONSENSUS, TABLES, TIE
from rtplan.tables import is_missing


def _text(value: object) -> str:
    return "" if is_missing(value) else str(value).strip()


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
