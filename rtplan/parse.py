"""Reading the values people type: money, numbers, dates, times, sex and yes/no.

One place for every forgiving parser; importers and widget fields use these, so
``Rp 1.500.000``, ``1,5 jt`` and ``1500000`` mean the same everywhere. Each parser
is a pure function that takes text (or an already typed value from a spreadsheet),
returns the clean value, ``None`` for a blank, and raises :class:`ParseError` for
anything it cannot read with certainty: it never guesses at garbage such as
``5O000`` (a letter O).

>>> parse_money("Rp 1.500.000,00")
1500000
>>> parse_money("1,5 jt")
1500000
>>> parse_date("27 November 2026")
datetime.date(2026, 11, 27)
>>> parse_sex("Perempuan")
'P'

Conventions (Indonesian first, English understood):

* a ``.`` or ``,`` followed by exactly three digits groups thousands (``50.000``,
  ``1,500``); with both, the last one is the decimal mark (``1.500.000,50``,
  ``1,500,000.50``); a single separator followed by 1, 2 or 4+ digits is decimal
  (``1,5``), and after a multiplier (``rb``/``ribu``/``k``, ``jt``/``juta``,
  ``miliar``) any single separator is decimal (``1.5jt``);
* money is whole Rupiah, rounded half up (``Rp 1.500.000,50`` gives 1500001);
* dates are day first (``27/11/2026``) unless that is impossible and month first is
  not (``11/27/2026`` from an English Google Sheet);
* :func:`parse_column` applies a parser to a whole column, parsing each distinct
  value once (survey columns repeat a handful of values over thousands of rows).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

import numpy as np
import pandas as pd

from rtplan.messages import t

__all__ = [
    "KINDS",
    "ParseError",
    "parse_bool",
    "parse_column",
    "parse_date",
    "parse_distinct",
    "parse_int",
    "parse_money",
    "parse_number",
    "parse_sex",
    "parse_time",
]


# a kind of value -> the catalogue key of the message saying it cannot be read
PARSE_KEYS = {
    "money": "parse.money", "money_fraction": "parse.money_fraction", "date_order": "parse.date_order",
    "number": "parse.number", "int": "parse.int", "date": "parse.date",
    "time": "parse.time", "sex": "parse.sex", "bool": "parse.bool",
}


class ParseError(ValueError):
    """A value that cannot be read as ``kind``; :meth:`message` says so in id/en.

    Attributes
    ----------
    kind : ``money``, ``number``, ``int``, ``date``, ``time``, ``sex`` or ``bool``.
    value : the text as given.
    """

    def __init__(self, kind: str, value: object) -> None:
        self.kind = kind
        self.value = value
        super().__init__(t(PARSE_KEYS[kind], "en", value=value))

    def message(self, lang: str | None = "id") -> str:
        """The reason, e.g. ``'5O000' bukan jumlah uang (contoh: ...)``."""
        return t(PARSE_KEYS[self.kind], lang, value=self.value)


def _blank(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _text(value: object) -> str:
    return str(value).replace("\u00a0", " ").replace("\u202f", " ").strip()


# numbers ------------------------------------------------------------------------------
_NUMBER = re.compile(r"^[+-]?\d[\d.,]*$")
_GROUPED = re.compile(r"^\d{1,3}(?:\d{3})*$")


def _valid_grouping(parts: list[str]) -> bool:
    return 1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])


def _number_text(text: str, after_multiplier: bool = False, style: str | None = None) -> Decimal | None:
    """``1.500.000,50`` -> Decimal('1500000.50'); ``None`` when not a number.

    ``style`` is the column's number style (:func:`number_style`): ``point`` (a ``.``
    is the decimal mark, ``,`` groups thousands: ODK, KoBo, English sheets) or
    ``comma`` (Indonesian: ``.`` groups thousands, ``,`` is decimal). ``None``: each
    value by its own form, a lone separator before three digits grouping thousands.
    """
    if not _NUMBER.match(text):
        return None
    if style in ("point", "comma"):
        return _styled_number(text, style)
    sign = ""
    if text[0] in "+-":
        sign, text = ("-" if text[0] == "-" else ""), text[1:]
    if text[-1] in ".,":
        return None
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal_mark = "." if text.rfind(".") > text.rfind(",") else ","
        thousands = "," if decimal_mark == "." else "."
        whole, _, frac = text.rpartition(decimal_mark)
        if thousands in frac or decimal_mark in whole or not _valid_grouping(whole.split(thousands)):
            return None
        digits = whole.replace(thousands, "") + "." + frac
    elif dots or commas:
        sep = "." if dots else ","
        parts = text.split(sep)
        if len(parts) > 2:
            if not _valid_grouping(parts):
                return None
            digits = "".join(parts)
        elif len(parts[1]) == 3 and not after_multiplier and _valid_grouping(parts):
            digits = "".join(parts)
        else:
            digits = parts[0] + "." + parts[1]
    else:
        digits = text
    try:
        return Decimal(sign + digits)
    except InvalidOperation:  # pragma: no cover - the regex rules this out
        return None


def _styled_number(text: str, style: str) -> Decimal | None:
    decimal_mark, thousands = (".", ",") if style == "point" else (",", ".")
    sign = ""
    if text[0] in "+-":
        sign, text = ("-" if text[0] == "-" else ""), text[1:]
    if text[-1] in ".,":
        return None
    whole, mark, frac = text.partition(decimal_mark)
    if thousands in frac or decimal_mark in frac:
        return None
    if thousands in whole and not _valid_grouping(whole.split(thousands)):
        return None
    digits = whole.replace(thousands, "") + (("." + frac) if mark else "")
    try:
        return Decimal(sign + digits)
    except InvalidOperation:
        return None


def number_style(texts: list[str], default: str | None = None) -> str | None:
    """The number style of a column from all its distinct values: ``point``, ``comma`` or ``default``.

    A value decides when only one style reads it: ``1.500.000`` or ``2,5`` (comma),
    ``1,500,000`` or ``2.5`` (point), ``1.500,50`` (comma). ``1.500`` alone decides
    nothing (thousands one way, a decimal the other); a column of such values takes
    ``default`` (``point`` for ODK/KoBo exports, which never group thousands), and
    ``None`` (each value by its own form: Indonesian grouping first) without one.
    Mixed evidence gives ``None`` too.
    """
    point = comma = 0
    for raw in texts:
        text = raw.replace(" ", "").replace("\u00a0", "").lower()
        m = re.search(r"\d[\d.,]*", text)
        if not m:
            continue
        num = m.group().rstrip(".,")
        dots, commas = num.count("."), num.count(",")
        if dots and commas:
            if num.rfind(".") > num.rfind(","):
                point += 1
            else:
                comma += 1
        elif dots > 1:
            comma += 1
        elif commas > 1 or (dots == 1 and len(num.rpartition(".")[2]) != 3):
            point += 1
        elif commas == 1 and len(num.rpartition(",")[2]) != 3:
            comma += 1
    if point and not comma:
        return "point"
    if comma and not point:
        return "comma"
    if point and comma:
        return None
    return default


def _plain_number(value: object) -> Decimal | None:
    """Numbers from a spreadsheet (int/float cells) as Decimal; ``None`` for text."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        return Decimal(repr(value))
    if hasattr(value, "dtype") and hasattr(value, "item"):  # numpy scalars
        return _plain_number(value.item())
    return None


def parse_number(value: object) -> float | None:
    """A number written the Indonesian or the English way: ``1.234,5`` or ``1,234.5``.

    Returns ``None`` for a blank; raises :class:`ParseError` (kind ``number``).
    """
    if _blank(value):
        return None
    plain = _plain_number(value)
    if plain is not None:
        return float(plain)
    text = _text(value).replace(" ", "")
    number = _number_text(text)
    if number is None:
        raise ParseError("number", _text(value))
    return float(number)


def parse_int(value: object, style: str | None = None) -> int | None:
    """A whole number (``12``, ``1.200``, ``12,0`` from a spreadsheet).

    Returns ``None`` for a blank; raises :class:`ParseError` (kind ``int``) for text or
    a number with a fraction (``2,5`` people).
    """
    if _blank(value):
        return None
    plain = _plain_number(value)
    if plain is None:
        plain = _number_text(_text(value).replace(" ", ""), style=style)
    if plain is None or plain != plain.to_integral_value():
        raise ParseError("int", _text(value))
    return int(plain)


_MULTIPLIERS = {
    "rb": 1000, "ribu": 1000, "rbu": 1000, "k": 1000, "rban": 1000,
    "jt": 1_000_000, "juta": 1_000_000, "jta": 1_000_000,
    "m": 1_000_000_000, "miliar": 1_000_000_000, "milyar": 1_000_000_000, "mlyr": 1_000_000_000,
}
_MONEY = re.compile(
    r"^(?P<sign>[-+])?(?:rp\.?|idr)?(?P<sign2>[-+])?(?P<num>\d[\d.,]*?)"
    r"(?P<mult>rb|ribu|rbu|rban|k|jt|juta|jta|m|miliar|milyar|mlyr)?\.?(?:[.,]-|-)?$"
)


NIL = ("-", "\u2013", "\u2014", "--")  # bookkeepers' "nothing" in an amount column


class FractionError(ParseError):
    """A Rupiah amount with a fraction (``123.456`` read with a decimal point)."""

    def __init__(self, value: object, amount: Decimal) -> None:
        self.amount = amount
        super().__init__("money_fraction", value)


def parse_money(value: object, style: str | None = None, round_fraction: bool = True) -> int | None:
    """An amount of money as whole Rupiah.

    Reads ``50000``, ``50.000``, ``Rp 50.000``, ``Rp50.000,00``, ``Rp. 50.000,-``,
    ``IDR 50,000``, ``50rb``, ``50 ribu``, ``50k``, ``1,5 jt``, ``1.5jt``, ``2 juta``,
    ``1 miliar`` and spreadsheet numbers. Fractions of a Rupiah are rounded half up, or
    refused (:class:`FractionError`) when ``round_fraction`` is false; ``style`` is the
    column's number style (:func:`number_style`).
    Returns ``None`` for a blank and for a lone dash (``-``: "nothing" in a cash book); raises
    :class:`ParseError` (kind ``money``) for anything else (``5O000``, ``lima puluh ribu``, ``50.00.000``).
    """
    if _blank(value):
        return None
    plain = _plain_number(value)
    text = _text(value)
    if plain is None:
        if text in NIL:
            return None
        plain = _money_text(text, style)
    whole = plain.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    if whole != plain and not round_fraction:
        raise FractionError(text, plain)
    return int(whole)


@lru_cache(maxsize=4096)
def _money_text(raw: str, style: str | None = None) -> Decimal:
    text = raw.lower().replace(" ", "")
    if text.startswith("(") and text.endswith(")"):  # accountants' negative
        text = "-" + text[1:-1]
    m = _MONEY.match(text)
    if not m or (m.group("sign") and m.group("sign2")):
        raise ParseError("money", raw)
    mult = _MULTIPLIERS[m.group("mult")] if m.group("mult") else 1
    if m.group("mult") == "m" and not raw.rstrip(" .,-").endswith("M"):
        raise ParseError("money", raw)  # "m" alone is ambiguous; only "1 M" (miliar) is read
    number = _number_text(m.group("num"), after_multiplier=mult > 1, style=None if mult > 1 else style)
    if number is None:
        raise ParseError("money", raw)
    amount = number * mult
    return -amount if "-" in (m.group("sign") or "", m.group("sign2") or "") else amount


# dates --------------------------------------------------------------------------------
def _month_table() -> dict[str, int]:
    from babel.dates import get_month_names

    months: dict[str, int] = {}
    for locale in ("id", "en"):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                months[str(name).lower().rstrip(".")] = int(number)
    months.update({"nopember": 11, "pebruari": 2, "agt": 8, "ags": 8, "agus": 8, "sept": 9,
                   "nop": 11, "peb": 2, "juny": 6, "july": 7})
    return months


MONTHS = _month_table()
_WEEKDAYS = ("senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad",
             "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "sen", "sel", "rab", "kam", "jum", "sab", "min", "mon", "tue", "wed", "thu", "fri",
             "sat", "sun")
# an optional time of day (24 h or am/pm), then an optional zone name or offset
_TIME_TAIL = (r"(?:[ t,]+\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?)?"
              r"(?:\s*(?:gmt|utc|wib|wita|wit|z)?\s*(?:[+-]\d{1,2}(?::?\d{2})?)?)?")
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})" + _TIME_TAIL + "$")
_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})" + _TIME_TAIL + "$")
_WORDS_DMY = re.compile(r"^(\d{1,2})[\s\-.]+([a-z']+)\.?[\s\-.,]+(\d{4})" + _TIME_TAIL + "$")
_WORDS_MDY = re.compile(r"^([a-z']+)\.?\s+(\d{1,2}),?\s+(\d{4})" + _TIME_TAIL + "$")


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_date(value: object, order: str | None = None) -> dt.date | None:
    """A date: ``27/11/2026``, ``27-11-26``, ``27 November 2026``, ``27 Nov 2026``,
    ``Jumat, 27 November 2026``, ``November 27, 2026``, ``2026-11-27``, Google Forms'
    ``2026/11/27 7:45:12 PM GMT+7`` and ``27/11/2026 19:45:12`` (the time is dropped),
    or a spreadsheet date cell.

    ``order`` (``dmy``, ``mdy``, ``ymd``) is how a numeric date such as ``9/6/2018`` is
    read; an importer decides it per column (:func:`date_order`). Without it, day
    first unless impossible (a value typed into a form field by an Indonesian user).
    Returns ``None`` for a blank; raises :class:`ParseError` (kind ``date``, or
    ``date_order`` for a value impossible in the order given).
    """
    if _blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return _date_text(_text(value), order)


def _clean_date(raw: str) -> str:
    text = re.sub(r"\s+", " ", raw.lower())
    head, sep, rest = text.partition(",")
    if sep and head.strip() in _WEEKDAYS:
        text = rest.strip()
    elif text.split(" ", 1)[0] in _WEEKDAYS and " " in text:
        text = text.split(" ", 1)[1]
    return text


def date_order(texts: list[str]) -> tuple[str | None, int, int, int]:
    """What a column's numeric dates say about their order.

    Returns ``(order, day_first, month_first, either)``: how many distinct values only
    day first reads (``27/11/2026``), only month first (``11/27/2026``), and both
    (``09/06/2018``); ``order`` is ``dmy``/``mdy`` when the evidence points one way
    only, else ``None`` (no evidence, or both ways: a mixed column).
    """
    dmy = mdy = either = 0
    for raw in texts:
        m = _NUMERIC.match(_clean_date(raw))
        if not m:
            continue
        a, b = int(m.group(1)), int(m.group(2))
        if a > 12 >= b:
            dmy += 1
        elif b > 12 >= a:
            mdy += 1
        elif a <= 12 and b <= 12:
            either += 1
    order = "dmy" if dmy and not mdy else "mdy" if mdy and not dmy else None
    return order, dmy, mdy, either


@lru_cache(maxsize=8192)
def _date_text(raw: str, order: str | None = None) -> dt.date:
    text = _clean_date(raw)
    found: dt.date | None = None
    if m := _ISO.match(text):
        found = _make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    elif m := _NUMERIC.match(text):
        a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if order == "ymd" and len(m.group(3)) == 2:  # 26/11/27: year, month, day
            a, year = year, a
            found = _make_date(2000 + year, b, a)
        else:
            year += 2000 if year < 100 else 0
            if order == "dmy":
                found = _make_date(year, b, a)
            elif order == "mdy":
                found = _make_date(year, a, b)
            else:
                found = _make_date(year, b, a) or _make_date(year, a, b)
            if found is None and order in ("dmy", "mdy") and (_make_date(year, b, a) or _make_date(year, a, b)):
                raise ParseError("date_order", raw)
    elif m := _WORDS_DMY.match(text):
        month = MONTHS.get(m.group(2).rstrip("."))
        found = _make_date(int(m.group(3)), month, int(m.group(1))) if month else None
    elif m := _WORDS_MDY.match(text):
        month = MONTHS.get(m.group(1).rstrip("."))
        found = _make_date(int(m.group(3)), month, int(m.group(2))) if month else None
    if found is None:
        raise ParseError("date", raw)
    return found


_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?(?:[:.]\d{2})?\s*([ap])?\.?(?:m\.?)?\s*(?:wib|wita|wit)?$")


def parse_time(value: object) -> str | None:
    """A clock time as ``HH:MM``: ``19:30``, ``19.30``, ``7:30 PM``, ``07.00 WIB``,
    ``19:30:00`` or a spreadsheet time cell.

    Returns ``None`` for a blank; raises :class:`ParseError` (kind ``time``).
    """
    if _blank(value):
        return None
    if isinstance(value, (dt.time, dt.datetime)):
        return value.strftime("%H:%M")
    raw = _text(value)
    m = _TIME.match(raw.lower())
    if not m or (m.group(2) is None and m.group(3) is None):
        raise ParseError("time", raw)
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if m.group(3):
        if not 1 <= hour <= 12:
            raise ParseError("time", raw)
        hour = hour % 12 + (12 if m.group(3) == "p" else 0)
    if hour > 23 or minute > 59:
        raise ParseError("time", raw)
    return f"{hour:02d}:{minute:02d}"


# categories ---------------------------------------------------------------------------
def _key(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", " ", text.lower()).strip()


_SEX = {
    "l": "L", "lk": "L", "laki laki": "L", "laki": "L", "lakilaki": "L", "lelaki": "L", "pria": "L",
    "cowok": "L", "male": "L", "m": "L", "man": "L", "bapak": "L",
    "p": "P", "pr": "P", "pr perempuan": "P", "perempuan": "P", "wanita": "P", "cewek": "P",
    "female": "P", "f": "P", "w": "P", "woman": "P", "ibu": "P",
}


def parse_sex(value: object) -> str | None:
    """``L`` or ``P`` from ``L``, ``Laki-laki``, ``Pria``, ``Male``, ``P``, ``Perempuan``,
    ``Wanita``, ``Female`` (any case). ``None`` for a blank; :class:`ParseError` (``sex``)."""
    if _blank(value):
        return None
    raw = _text(value)
    found = _SEX.get(_key(raw))
    if found is None:
        raise ParseError("sex", raw)
    return found


_TRUE = {"ya", "y", "iya", "yes", "true", "benar", "betul", "setuju", "bersedia", "ada", "1", "v",
         "ok", "oke", "sudah"}
_FALSE = {"tidak", "tdk", "tak", "no", "n", "false", "salah", "tidak setuju", "tidak bersedia",
          "tidak ada", "0", "bukan", "belum", "enggak", "nggak", "gak"}


def parse_bool(value: object) -> bool | None:
    """Yes/no: ``ya``/``tidak``, ``iya``, ``yes``/``no``, ``true``/``false``, ``1``/``0``,
    ``setuju``, ``ada``/``tidak ada``, ``✓``. ``None`` for a blank;
    :class:`ParseError` (``bool``) otherwise."""
    if _blank(value):
        return None
    if isinstance(value, bool):
        return value
    raw = _text(value)
    if raw in ("✓", "✔", "☑"):
        return True
    key = _key(raw)
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise ParseError("bool", raw)


PARSERS: dict[str, Callable[[object], object]] = {
    "money": parse_money,
    "number": parse_number,
    "int": parse_int,
    "date": parse_date,
    "time": parse_time,
    "sex": parse_sex,
    "bool": parse_bool,
}
KINDS = tuple(PARSERS)

_DIGITS = re.compile(r"^\d{1,15}$")


def parse_distinct(values: pd.Series, kind: str) -> tuple[list[object], np.ndarray, dict[int, ParseError]]:
    """Parse each distinct value of a text column once (no loop over the cells).

    ``values`` is text without missing cells (a column of an imported file). Returns the
    parsed distinct values (``None`` for blanks and failures), the code of each cell
    (the index of its distinct value) and the failures by distinct index. Plain digit
    strings take a fast path for ``money``/``int``.
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    parser = PARSERS[kind]
    fast = kind in ("money", "int")
    parsed: list[object] = []
    errors: dict[int, ParseError] = {}
    for j, value in enumerate(uniques.tolist()):
        if fast and isinstance(value, str) and _DIGITS.match(value):
            parsed.append(int(value))
            continue
        try:
            parsed.append(parser(value))
        except ParseError as exc:
            errors[j] = exc
            parsed.append(None)
    return parsed, np.asarray(codes), errors


def parse_column(values: pd.Series, kind: str) -> tuple[list[object], dict[int, ParseError]]:
    """Parse a whole column with the parser of ``kind``, each distinct value once.

    Returns the parsed values (``None`` for blanks and failures), in order, and the
    failures by position. Plain digit strings take a fast path for ``money``/``int``.
    """
    parser = PARSERS[kind]
    cache: dict[object, object] = {}
    errors: dict[int, ParseError] = {}
    out: list[object] = []
    fast = kind in ("money", "int")
    for i, value in enumerate(values.tolist()):
        if fast and isinstance(value, str) and _DIGITS.match(value):
            out.append(int(value))
            continue
        try:
            key: object = value if isinstance(value, (str, int, float, dt.date)) else repr(value)
            if key in cache:
                result = cache[key]
            else:
                try:
                    result = parser(value)
                except ParseError as exc:
                    result = exc
                cache[key] = result
        except TypeError:  # unhashable: parse without the cache
            try:
                result = parser(value)
            except ParseError as exc:
                result = exc
        if isinstance(result, ParseError):
            errors[i] = result
            out.append(None)
        else:
            out.append(result)
    return out, errors
