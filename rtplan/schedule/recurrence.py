"""When an activity repeats: ``recurrence`` and ``recurrence_day`` read, checked and expanded to dates.

=========  ==========================  ===========================================
recurrence recurrence_day              sessions
=========  ==========================  ===========================================
once       (empty)                     ``start_date`` (to ``end_date``, daily)
weekly     ``senin`` .. ``minggu``      every such weekday (empty: ``start_date``'s)
monthly    ``15`` (1-31)               that day of each month (31 = the last day)
monthly    ``1-minggu``, ``-1-jumat``  the first Sunday, the last Friday, ...
=========  ==========================  ===========================================
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from rtplan.availability import WEEKDAYS_ID, weekday_index
from rtplan.fmt import day_names
from rtplan.messages import normalize_lang, t
from rtplan.problems import Problem, problem
from rtplan.tables import is_missing

_NTH = re.compile(r"^(-?[1-5])\s*-\s*([a-z']+)$")

# the words for "first", "last", ... of a monthly N-th weekday (static message keys)
NTH_LABELS: dict[int, str] = {
    1: "recurrence.nth.1", 2: "recurrence.nth.2", 3: "recurrence.nth.3", 4: "recurrence.nth.4",
    5: "recurrence.nth.5", -1: "recurrence.nth.-1", -2: "recurrence.nth.-2", -3: "recurrence.nth.-3",
    -4: "recurrence.nth.-4", -5: "recurrence.nth.-5",
}


@dataclass(frozen=True)
class Recurrence:
    """When an activity repeats.

    Attributes
    ----------
    kind : ``once``, ``weekly`` or ``monthly``.
    weekday : 0 = Monday .. 6 = Sunday (weekly, or the weekday of a monthly N-th weekday).
    day : monthly on a day of the month, 1-31 (beyond the month's end: its last day).
    nth : monthly on the N-th weekday: 1..5, or -1 (last) .. -5.
    """

    kind: str = "once"
    weekday: int | None = None
    day: int | None = None
    nth: int | None = None

    @property
    def code(self) -> str:
        """The ``recurrence_day`` text for this recurrence (``sabtu``, ``15``, ``1-minggu``)."""
        if self.kind == "weekly" and self.weekday is not None:
            return WEEKDAYS_ID[self.weekday]
        if self.kind == "monthly" and self.nth is not None and self.weekday is not None:
            return f"{self.nth}-{WEEKDAYS_ID[self.weekday]}"
        if self.kind == "monthly" and self.day is not None:
            return str(self.day)
        return ""


def _text(value: object) -> str:
    return "" if is_missing(value) else str(value).strip()


def _parse_nth(text: str) -> tuple[int, int] | None:
    m = _NTH.match(text)
    if not m:
        return None
    day = weekday_index(m.group(2))
    n = int(m.group(1))
    if day is None or n == 0:
        return None
    return n, day


def recurrence_day_rule(recurrence: object, recurrence_day: object) -> tuple[str, str] | None:
    """Why ``recurrence_day`` does not fit ``recurrence``: ``(rule, level)``, or ``None`` when fine.

    Rules (messages ``rule.<rule>``): ``recurrence_day_weekly`` (not a weekday),
    ``recurrence_day_monthly`` (neither 1-31 nor ``N-hari``), both errors;
    ``recurrence_day_ignored`` (a day given for a one-off activity), a warning.
    """
    kind = _text(recurrence).lower()
    text = _text(recurrence_day).lower()
    if not text:
        return None
    if kind in ("", "once"):
        return ("recurrence_day_ignored", "warning")
    if kind == "weekly":
        return None if weekday_index(text) is not None else ("recurrence_day_weekly", "error")
    if kind == "monthly":
        if text.isdigit() and 1 <= int(text) <= 31:
            return None
        return None if _parse_nth(text) else ("recurrence_day_monthly", "error")
    return None  # an unknown recurrence is reported by the schema's allowed values


def check_recurrence(activities: pd.DataFrame, lang: str) -> list[Problem]:
    """Problems of ``recurrence_day`` against ``recurrence``, for :mod:`rtplan.validation`.

    Returns one :class:`~rtplan.problems.Problem` per bad row, located at
    ``activities.csv`` row / column ``recurrence_day``.
    """
    if activities is None or "recurrence_day" not in activities.columns:
        return []
    out = []
    for pos, (kind, day) in enumerate(activities[["recurrence", "recurrence_day"]].itertuples(index=False)):
        found = recurrence_day_rule(kind, day)
        if found:
            rule, level = found
            out.append(problem(lang, "activities.csv", pos + 2, "recurrence_day", rule, level=level,
                               value=_text(day), recurrence=_text(kind) or "once"))
    return out


def parse_recurrence(recurrence: object, recurrence_day: object, start_date: dt.date | None = None) -> Recurrence:
    """Read ``recurrence`` and ``recurrence_day`` (tolerant: what cannot be read falls back
    to ``start_date``'s weekday or day of month; :func:`check_recurrence` reports it)."""
    kind = _text(recurrence).lower()
    text = _text(recurrence_day).lower()
    if kind == "weekly":
        day = weekday_index(text) if text else None
        if day is None and start_date is not None:
            day = start_date.weekday()
        return Recurrence("weekly", weekday=day)
    if kind == "monthly":
        if text.isdigit() and 1 <= int(text) <= 31:
            return Recurrence("monthly", day=int(text))
        nth = _parse_nth(text)
        if nth:
            return Recurrence("monthly", weekday=nth[1], nth=nth[0])
        return Recurrence("monthly", day=start_date.day if start_date else 1)
    return Recurrence("once")


def _month_starts(first: dt.date, last: dt.date) -> Iterable[tuple[int, int]]:
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date | None:
    """The ``nth`` (1..5, or -1 = last ..) ``weekday`` of a month; ``None`` if the month has none."""
    days_in_month = _calendar.monthrange(year, month)[1]
    if nth > 0:
        first = dt.date(year, month, 1)
        day = 1 + (weekday - first.weekday()) % 7 + 7 * (nth - 1)
    else:
        last = dt.date(year, month, days_in_month)
        day = days_in_month - (last.weekday() - weekday) % 7 - 7 * (-nth - 1)
    return dt.date(year, month, day) if 1 <= day <= days_in_month else None


def expand_dates(rec: Recurrence, first: dt.date, last: dt.date) -> list[dt.date]:
    """The session dates of ``rec`` from ``first`` to ``last`` (inclusive).

    ``once`` gives every day from ``first`` to ``last`` (a one-day activity has
    ``first == last``).

    >>> expand_dates(Recurrence("monthly", weekday=6, nth=1), dt.date(2027, 1, 1), dt.date(2027, 3, 31))
    [datetime.date(2027, 1, 3), datetime.date(2027, 2, 7), datetime.date(2027, 3, 7)]
    """
    if last < first:
        return []
    if rec.kind == "weekly" and rec.weekday is not None:
        day = first + dt.timedelta(days=(rec.weekday - first.weekday()) % 7)
        out = []
        while day <= last:
            out.append(day)
            day += dt.timedelta(days=7)
        return out
    if rec.kind == "monthly":
        out = []
        for year, month in _month_starts(first, last):
            if rec.nth is not None and rec.weekday is not None:
                day_ = nth_weekday(year, month, rec.weekday, rec.nth)
            else:
                dom = min(rec.day or 1, _calendar.monthrange(year, month)[1])
                day_ = dt.date(year, month, dom)
            if day_ is not None and first <= day_ <= last:
                out.append(day_)
        return out
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def describe_recurrence(rec: Recurrence, lang: str = "id") -> str:
    """``setiap Sabtu``, ``setiap bulan tanggal 15``, ``setiap Minggu pertama``, ``sekali``."""
    lang = normalize_lang(lang)
    days = day_names(lang)
    if rec.kind == "weekly" and rec.weekday is not None:
        return t("recurrence.weekly", lang, day=days[rec.weekday])
    if rec.kind == "monthly" and rec.nth is not None and rec.weekday is not None:
        return t("recurrence.monthly_nth", lang, day=days[rec.weekday], nth=t(NTH_LABELS[rec.nth], lang))
    if rec.kind == "monthly":
        return t("recurrence.monthly_day", lang, day=rec.day or 1)
    return t("recurrence.once", lang)
