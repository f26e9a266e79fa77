"""Dates, numbers and Rupiah for people, in the plan's language (Babel).

One helper per kind of value; every user-facing text in rtplan goes through these:

>>> format_date(datetime.date(2026, 8, 17))
'Senin, 17 Agustus 2026'
>>> format_idr(1500000)
'Rp 1.500.000'
"""

from __future__ import annotations

from typing import Any, Literal

import pandas as pd
from babel.dates import format_date as _babel_date
from babel.dates import get_day_names, get_month_names
from babel.numbers import format_decimal

from rtplan.messages import normalize_lang
from rtplan.tables import as_date

DateStyle = Literal["full", "long", "medium", "short", "iso"]


def format_date(value: object, lang: str = "id", style: DateStyle = "full") -> str:
    """A date for people: ``full`` ``Senin, 17 Agustus 2026``, ``long`` ``17 Agustus 2026``,
    ``medium`` ``17 Agu 2026``, ``short`` ``17/08/26``, ``iso`` ``2026-08-17``; ``""`` if empty."""
    day = as_date(value)
    if day is None:
        return ""
    if style == "iso":
        return day.isoformat()
    locale = normalize_lang(lang)
    # CLDR's Indonesian full date pads the day ("Minggu, 06 Desember 2026"): people write "6 Desember"
    pattern = "EEEE, d MMMM y" if style == "full" and locale == "id" else style
    return str(_babel_date(day, format=pattern, locale=locale))


def format_month(value: object, lang: str = "id", abbreviated: bool = False) -> str:
    """``Agustus 2026`` (or ``Agu 2026``)."""
    day = as_date(value)
    if day is None:
        return ""
    return str(_babel_date(day, format="MMM y" if abbreviated else "MMMM y", locale=normalize_lang(lang)))


def month_names(lang: str = "id", abbreviated: bool = False) -> list[str]:
    """The twelve month names, January first."""
    names = get_month_names("abbreviated" if abbreviated else "wide", locale=normalize_lang(lang))
    return [str(names[m]) for m in range(1, 13)]


def day_names(lang: str = "id") -> list[str]:
    """The seven weekday names, Monday first (``Senin`` ... ``Minggu``)."""
    names = get_day_names("wide", locale=normalize_lang(lang))
    return [str(names[d]) for d in range(7)]


def format_number(value: Any, lang: str = "id", decimals: int | None = None) -> str:
    """``1.234.567,5`` in Indonesian, ``1,234,567.5`` in English; ``""`` if empty.

    ``value`` is any number a table cell holds (int, float, numpy scalar, Decimal).
    """
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    pattern = None if decimals is None else ("#,##0." + "0" * decimals if decimals else "#,##0")
    return str(format_decimal(value, format=pattern, locale=normalize_lang(lang)))


def format_idr(value: Any, lang: str = "id") -> str:
    """Whole Rupiah, ``Rp 1.500.000`` (``Rp 1,500,000`` in English); negatives ``-Rp 25.000``."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    amount = round(float(value))  # any number a table cell holds, or its text
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp {format_decimal(abs(amount), format='#,##0', locale=normalize_lang(lang))}"


def format_percent(value: float, lang: str = "id", decimals: int = 0) -> str:
    """``45%`` / ``45,5%`` from a share between 0 and 1."""
    return f"{format_number(value * 100, lang, decimals)}%"
