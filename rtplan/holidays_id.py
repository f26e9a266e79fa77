"""Indonesian calendar facts for scheduling: public holidays, cuti bersama, Ramadan, 17 Agustus.

* Public holidays and cuti bersama (joint leave days) come from the ``holidays``
  package (``language="id"``; cuti bersama is its ``government`` category). Islamic
  dates there are estimates ("perkiraan") and may move by official decision.
* Ramadan is not in the library: it is taken as the 30 days before Idul Fitri
  (1 Syawal). When the official dates differ, set them in ``plan.toml``::

      [calendar]
      ramadan_start = 2027-02-08
      ramadan_end = 2027-03-09
      timezone = "Asia/Jakarta"   # or WIB / WITA / WIT

* August is busy around 17 Agustus (kerja bakti, lomba, malam tirakatan on the 16th):
  :func:`august_windows` gives the days around it.
"""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rtplan.messages import normalize_lang
from rtplan.problems import Problem, problem

DEFAULT_TIMEZONE = "Asia/Jakarta"
TIMEZONE_ALIASES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}
RAMADAN_DAYS = 30
AUGUST_WINDOW = (14, 20)  # 17 Agustus +- 3 days: lomba, malam tirakatan (16th), upacara
_HOLIDAY_LANG = {"id": "id", "en": "en_US"}


@dataclass(frozen=True)
class Holiday:
    """One day off: its date, its name in the chosen language, and whether it is cuti bersama."""

    date: dt.date
    name: str
    joint: bool = False  # cuti bersama (government joint leave), not a national holiday


@dataclass(frozen=True)
class CalendarSettings:
    """The optional ``[calendar]`` section of ``plan.toml``.

    Attributes
    ----------
    timezone : IANA name for calendar export (``Asia/Jakarta`` = WIB, ``Asia/Makassar``
        = WITA, ``Asia/Jayapura`` = WIT); the short names are accepted too.
    ramadan_start, ramadan_end : the official first and last day of Ramadan, when the
        estimate from Idul Fitri (30 days before it) is not right. Both or neither.
    """

    timezone: str = DEFAULT_TIMEZONE
    ramadan_start: dt.date | None = None
    ramadan_end: dt.date | None = None


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None


def resolve_timezone(name: object) -> str | None:
    """``WIB`` -> ``Asia/Jakarta``; an IANA name is kept; ``None`` when unknown."""
    text = str(name or "").strip()
    if not text:
        return DEFAULT_TIMEZONE
    text = TIMEZONE_ALIASES.get(text.upper(), text)
    try:
        zoneinfo.ZoneInfo(text)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None
    return text


def calendar_settings(meta: Mapping[str, Any] | None) -> CalendarSettings:
    """Read ``[calendar]`` from plan settings; anything unreadable falls back to the default
    (:func:`check_calendar_meta` reports it)."""
    section = (meta or {}).get("calendar") or {}
    if not isinstance(section, Mapping):
        return CalendarSettings()
    tz = resolve_timezone(section.get("timezone")) or DEFAULT_TIMEZONE
    start, end = _as_date(section.get("ramadan_start")), _as_date(section.get("ramadan_end"))
    if start is None or end is None or end < start:
        start = end = None
    return CalendarSettings(tz, start, end)


def check_calendar_meta(meta: Mapping[str, Any], lang: str) -> list[Problem]:
    """Problems of the optional ``[calendar]`` section (for :mod:`rtplan.validation`)."""
    section = meta.get("calendar")
    if section is None:
        return []
    file = "plan.toml"
    if not isinstance(section, Mapping):
        return [problem(lang, file, None, "calendar", "calendar_not_table")]
    out: list[Problem] = []
    tz = section.get("timezone")
    if tz is not None and resolve_timezone(tz) is None:
        out.append(problem(lang, file, None, "calendar.timezone", "bad_timezone", value=tz))
    start, end = section.get("ramadan_start"), section.get("ramadan_end")
    for key, value in (("ramadan_start", start), ("ramadan_end", end)):
        if value is not None and _as_date(value) is None:
            out.append(problem(lang, file, None, f"calendar.{key}", "date", value=value))
    if (start is None) != (end is None):
        out.append(problem(lang, file, None, "calendar.ramadan_end", "ramadan_pair"))
    elif (first := _as_date(start)) and (last := _as_date(end)) and last < first:
        out.append(problem(lang, file, None, "calendar.ramadan_end", "end_before_start",
                           end_label="ramadan_end", end=end, start_label="ramadan_start", start=start))
    return out


@functools.lru_cache(maxsize=32)
def _holiday_table(years: tuple[int, ...], lang: str) -> dict[dt.date, tuple[Holiday, ...]]:
    import holidays  # imported here: validation imports this module's users, keep it light

    language = _HOLIDAY_LANG[lang]
    out: dict[dt.date, list[Holiday]] = {}
    for category, joint in (("public", False), ("government", True)):
        table = holidays.country_holidays("ID", years=list(years), language=language, categories=(category,))
        for day in sorted(table):
            for name in table.get_list(day):
                out.setdefault(day, []).append(Holiday(day, str(name), joint))
    return {day: tuple(hs) for day, hs in sorted(out.items())}


def holidays_between(start: dt.date, end: dt.date, lang: str = "id") -> dict[dt.date, tuple[Holiday, ...]]:
    """Public holidays and cuti bersama from ``start`` to ``end`` (inclusive), by date.

    >>> [h.name for h in holidays_between(dt.date(2026, 8, 17), dt.date(2026, 8, 17))[dt.date(2026, 8, 17)]]
    ['Hari Kemerdekaan Republik Indonesia']
    """
    years = tuple(range(start.year, end.year + 1))
    table = _holiday_table(years, normalize_lang(lang))
    return {d: hs for d, hs in table.items() if start <= d <= end}


@functools.lru_cache(maxsize=32)
def idul_fitri_dates(years: tuple[int, ...]) -> tuple[dt.date, ...]:
    """The first day of Idul Fitri (1 Syawal) in each of ``years``, as ``holidays`` estimates it."""
    import holidays

    table = holidays.country_holidays("ID", years=list(years), language="en_US", categories=("public",))
    return tuple(
        day
        for day in sorted(table)
        for name in table.get_list(day)
        if str(name).replace("(estimated)", "").strip() == "Eid al-Fitr"
    )


def ramadan_ranges(
    start: dt.date, end: dt.date, settings: CalendarSettings | None = None
) -> list[tuple[dt.date, dt.date]]:
    """The Ramadan months that touch ``start``..``end``, as ``(first day, last day)``.

    Derived as the 30 days before each Idul Fitri, unless ``settings`` (plan.toml
    ``[calendar] ramadan_start/ramadan_end``) gives the official dates; then only
    those are used.
    """
    settings = settings or CalendarSettings()
    if settings.ramadan_start and settings.ramadan_end:
        ranges = [(settings.ramadan_start, settings.ramadan_end)]
    else:
        years = tuple(range(start.year, end.year + 2))
        ranges = [(d - dt.timedelta(days=RAMADAN_DAYS), d - dt.timedelta(days=1)) for d in idul_fitri_dates(years)]
    return [(a, b) for a, b in ranges if a <= end and b >= start]


def august_windows(
    start: dt.date, end: dt.date, window: tuple[int, int] = AUGUST_WINDOW
) -> list[tuple[dt.date, dt.date]]:
    """The busy days around 17 Agustus in each year of ``start``..``end`` that touch it."""
    out = []
    for year in range(start.year, end.year + 1):
        a, b = dt.date(year, 8, window[0]), dt.date(year, 8, window[1])
        if a <= end and b >= start:
            out.append((a, b))
    return out
