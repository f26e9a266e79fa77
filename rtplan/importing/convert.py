"""Typing the cells of one mapped column, decided per column rather than per value.

* numbers: the column's number style (decimal point or comma) from all its values and
  the tool's convention (:func:`rtplan.parse.number_style`: ODK and KoBo write a point);
* dates: the column's order from all its numeric dates (:func:`rtplan.parse.date_order`),
  else the sheet's (a Google Forms sheet's ``Cap waktu`` is Indonesian, day first; an
  English ``Timestamp`` column's own values decide), else ``--date-order``; a column
  that stays ambiguous is read day first and said so (:class:`Note`), never silently;
* money: a fraction of a Rupiah is refused naming the cell, unless ``--round``;
* answers: ``--values`` first, then the table's allowed values and synonyms;
* lists: KoBo/ODK select-multiple from their 0/1 option columns, with the exact labels;
  a space never splits an answer;
* age bands: from a birth date or an age in years, said so.

Each distinct value is converted once; the cells take their value by code.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from rtplan.cellsafe import FORMULA_STARTS
from rtplan.importing.mapping import key, map_value, value_map
from rtplan.importing.problems import RowProblem
from rtplan.messages import t
from rtplan.parse import (
    FractionError,
    ParseError,
    date_order,
    number_style,
    parse_bool,
    parse_date,
    parse_int,
    parse_money,
    parse_sex,
    parse_time,
)
from rtplan.schema import AGE_BANDS, SEX, Column, Table, join_list

ONE = {"1", "1.0", "true", "TRUE", "True", "ya", "yes"}
BIRTH_WORDS = re.compile(r"\b(lahir|birth|tgl lahir|dob)\b")
AGE_NUMBER = re.compile(r"^\d{1,3}$")
_LIST_SEP = re.compile(r"\s*(?:;|\n)\s*")
_LIST_COMMA = re.compile(r"\s*(?:;|\n|,)\s*")


@dataclass
class Context:
    """What the whole file says about how to read a column."""

    tool: str
    lang: str
    date_order: str | None = None  # --date-order
    sheet_order: str | None = None  # the Google sheet's locale, from its time stamps
    round_money: bool = False
    values: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    reference_date: dt.date | None = None  # age bands from birth dates: the age on this day
    own_export: bool = False  # a plan's own export read back: undo its formula guard (``'=`` -> ``=``)


@dataclass
class Converted:
    values: pd.Series
    problems: dict[int, RowProblem]  # by position
    notes: list[str] = field(default_factory=list)


def _unneutralize(text: str) -> str:
    """Undo :func:`rtplan.cellsafe.neutralize` (``'=SUM`` back to ``=SUM``)."""
    if text.startswith("'") and text[1:2] and text[1:2] in FORMULA_STARTS:
        return text[1:]
    return text


def typed_values(values: Sequence[object], column: Column) -> pd.Series:
    """``values`` (parsed cells, ``None`` for blank) as a series of the column's dtype."""
    if column.kind == "date":
        return pd.Series(pd.to_datetime(pd.Series(values, dtype=object)), dtype="datetime64[ns]")
    if column.dtype == "string":
        return pd.Series(["" if v is None else v for v in values], dtype="string")
    return pd.Series(values, dtype=object).astype(column.dtype)


def spread(uniques: Sequence[object], codes: np.ndarray, column: Column) -> pd.Series:
    """A column typed like the plan's from its distinct values and the cells' codes."""
    return typed_values(uniques, column).take(codes).reset_index(drop=True)


def age_band(age: int) -> str:
    for band in AGE_BANDS:
        if band.startswith("<") and age < int(band[1:]):
            return band
        if band.endswith("+") and age >= int(band[:-1]):
            return band
        if "-" in band:
            lo, hi = (int(x) for x in band.split("-"))
            if lo <= age <= hi:
                return band
    return ""


def _fix_for(kind: str) -> str:
    return {"date": "import.fix.date_order", "date_order": "import.fix.date_order",
            "money_fraction": "import.fix.round", "sex": "import.fix.values", "bool": "import.fix.values",
            "allowed": "import.fix.values"}.get(kind, "import.fix.map")


def convert_column(values: pd.Series, column: Column, table: Table, header: str, ctx: Context,
                   rows: Sequence[int]) -> Converted:
    """Typed values of one mapped column, the problems of its cells and what was read another way."""
    values = values.astype("string").reset_index(drop=True)
    codes_arr, uniques = pd.factorize(values, use_na_sentinel=False)
    codes = np.asarray(codes_arr)
    texts = [str(u) for u in uniques.tolist()]
    notes: list[str] = []
    given = ctx.values.get(column.name)
    if given:
        lowered = {key(k): v for k, v in given.items()}
        texts = [given.get(v, lowered.get(key(v), v)) if v else v for v in texts]
    parsed: list[object] = []
    reasons: dict[int, tuple[str, str]] = {}  # distinct index -> (reason, rule)
    kind = column.kind
    if column.allowed == SEX:
        kind = "sex"
    if kind == "date":
        order = ctx.date_order
        if order is None:
            found, dmy, mdy, either = date_order(texts)
            order = found or ctx.sheet_order
            if found is None and dmy and mdy:
                order = "dmy"
                notes.append(t("import.note.mixed_dates", ctx.lang, column=header, dmy=dmy, mdy=mdy))
            elif order is None and either:
                order = "dmy"
                example = next(v for v in texts if date_order([v])[3])
                day = parse_date(example, "dmy")
                notes.append(t("import.note.ambiguous_dates", ctx.lang, column=header, example=example,
                               read=day.isoformat() if day else example))
        for v in texts:
            try:
                parsed.append(parse_date(v, order))
            except ParseError as exc:
                parsed.append(None)
                reasons[len(parsed) - 1] = (exc.message(ctx.lang), exc.kind)
    elif kind in ("int", "money"):
        style = number_style(texts, "point" if ctx.tool in ("kobo", "odk") else None)
        rounded = 0
        for v in texts:
            try:
                if kind == "int":
                    parsed.append(parse_int(v, style))
                else:
                    try:
                        parsed.append(parse_money(v, style, round_fraction=False))
                    except FractionError:
                        if not ctx.round_money:
                            raise
                        rounded += int(np.count_nonzero(codes == len(parsed)))
                        parsed.append(parse_money(v, style, round_fraction=True))
            except ParseError as exc:
                parsed.append(None)
                reasons[len(parsed) - 1] = (exc.message(ctx.lang), exc.kind)
        if rounded:
            notes.append(t("import.note.rounded", ctx.lang, column=header, n=rounded))
    elif kind in ("bool", "time", "sex"):
        parser = {"bool": parse_bool, "time": parse_time, "sex": parse_sex}[kind]
        for v in texts:
            try:
                parsed.append(parser(v))
            except ParseError as exc:
                parsed.append(None)
                reasons[len(parsed) - 1] = (exc.message(ctx.lang), exc.kind)
    else:
        guarded = [_unneutralize(v) for v in texts]
        if guarded != texts and not ctx.own_export:
            notes.append(t("import.note.apostrophe", ctx.lang, column=header,
                           n=sum(1 for a, b in zip(texts, guarded) if a != b)))
        texts = guarded
        if kind == "list":
            parsed = [_split_items(v, column, ctx.tool) if v else "" for v in texts]
            if ctx.tool in ("kobo", "odk") and any(" " in v and ";" not in v for v in texts):
                notes.append(t("import.note.select_multiple_kept", ctx.lang, column=header))
        elif kind == "id" or (column.allowed is None and not column.suggested):
            parsed = list(texts)
        else:
            parsed, reasons, note = _allowed(texts, column, table, header, ctx)
            notes += note
    problems: dict[int, RowProblem] = {}
    if reasons:
        bad = np.flatnonzero(np.isin(codes, np.fromiter(reasons, dtype=np.intp, count=len(reasons))))
        for i in bad:
            reason, rule = reasons[int(codes[i])]
            problems[int(i)] = RowProblem(rows[int(i)], header, reason, rule=rule, value=texts[int(codes[i])],
                                          fix=_fix_for(rule), field=column.name)
    return Converted(spread(parsed, codes, column), problems, notes)


def _allowed(texts: list[str], column: Column, table: Table, header: str, ctx: Context
             ) -> tuple[list[object], dict[int, tuple[str, str]], list[str]]:
    vmap = value_map(table.name, column.name) or {}
    out: list[object] = []
    reasons: dict[int, tuple[str, str]] = {}
    notes: list[str] = []
    birth = column.allowed == AGE_BANDS and bool(BIRTH_WORDS.search(key(header)))
    converted_ages = 0
    for j, v in enumerate(texts):
        found = map_value(v, table.name, column.name, vmap) if v else ""
        if found is None and column.allowed == AGE_BANDS and v:
            found = _age_from(v, birth, ctx)
            if found:
                converted_ages += 1
        if found is None and column.allowed is not None:
            reasons[j] = (t("rule.allowed", ctx.lang, value=v, allowed=", ".join(column.allowed)), "allowed")
            out.append("")
        else:
            out.append(found if found is not None else v)
    if converted_ages:
        ref = (ctx.reference_date or dt.date.today()).isoformat()
        notes.append(t("import.note.birth_dates" if birth else "import.note.ages", ctx.lang, column=header,
                       n=converted_ages, date=ref))
    return out, reasons, notes


def _age_from(text: str, birth: bool, ctx: Context) -> str | None:
    """The age band of a birth date (``birth``) or of an age in years."""
    ref = ctx.reference_date or dt.date.today()
    if AGE_NUMBER.match(text) and not birth:
        return age_band(int(text))
    if not birth:
        return None
    try:
        born = parse_date(text, ctx.date_order or "dmy")
    except ParseError:
        return None
    if born is None or born > ref:
        return None
    age = ref.year - born.year - ((ref.month, ref.day) < (born.month, born.day))
    return age_band(age)


def _split_items(text: str, column: Column, tool: str) -> str:
    """A list cell: items split on ``;`` or a line break (``,`` too for references, tags and
    Google's checkbox answers). Never on a space: a KoBo label such as ``avec vente à
    emporter`` is one answer."""
    if column.ref is not None or column.name == "tags" or tool == "google":
        items = _LIST_COMMA.split(text)
    else:
        items = _LIST_SEP.split(text)
    return join_list(items)


def options_column(raw_columns: Sequence[pd.Series], labels: Sequence[str]) -> pd.Series:
    """A select-multiple answer from its 0/1 option columns: the labels of the options chosen."""
    n = len(raw_columns[0]) if raw_columns else 0
    chosen: list[list[str]] = [[] for _ in range(n)]
    for col, label in zip(raw_columns, labels):
        for i in np.flatnonzero(col.astype("string").str.strip().isin(ONE).to_numpy(dtype=bool)):
            chosen[int(i)].append(label)
    return pd.Series([join_list(c) for c in chosen], dtype="string")
