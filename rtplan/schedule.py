"""Step 3: activities as dated sessions, and the checks that find schedule conflicts.

An activity (``activities.csv``) runs ``once`` (one day, or every day from
``start_date`` to ``end_date``), ``weekly`` on a weekday, or ``monthly`` on a day of
the month or on the N-th weekday. ``recurrence_day`` says which:

=========  ==========================  ===========================================
recurrence recurrence_day              sessions
=========  ==========================  ===========================================
once       (empty)                     ``start_date`` (to ``end_date``, daily)
weekly     ``senin`` .. ``minggu``      every such weekday (empty: ``start_date``'s)
monthly    ``15`` (1-31)               that day of each month (31 = the last day)
monthly    ``1-minggu``, ``-1-jumat``  the first Sunday, the last Friday, ...
=========  ==========================  ===========================================

:func:`expand_sessions` turns the activities into one row per dated session inside
the plan period; :func:`find_conflicts` checks them and returns :class:`Conflict`
findings, each naming the activities involved. Overnight sessions (ronda
22:00-03:00) end on the next day.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import pandas as pd

from rtplan import holidays_id
from rtplan.availability import WEEKDAYS_ID, parse_availability, weekday_index
from rtplan.fmt import day_names, format_date
from rtplan.messages import normalize_lang, t
from rtplan.plan import Plan
from rtplan.problems import Problem, problem
from rtplan.schema import split_list
from rtplan.tables import is_missing

DEFAULT_SESSION_MINUTES = 60  # a session with a start but no end time
_NTH = re.compile(r"^(-?[1-5])\s*-\s*([a-z']+)$")
_MAX_DATES_IN_MESSAGE = 5

# kind -> severity; the order is the order of the conflict list
CONFLICT_KINDS: dict[str, str] = {
    "venue_clash": "error",
    "pic_clash": "error",
    "outside_period": "error",
    "pic_overload": "warning",
    "resource_unavailable": "warning",
    "holiday": "warning",
    "ramadan_evening": "warning",
    "august_week": "warning",
    "no_priority_need": "warning",
    "priority_need_without_activity": "warning",
}


# -- recurrence -----------------------------------------------------------------------
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
        return t("recurrence.monthly_nth", lang, day=days[rec.weekday], nth=t(f"recurrence.nth.{rec.nth}", lang))
    if rec.kind == "monthly":
        return t("recurrence.monthly_day", lang, day=rec.day or 1)
    return t("recurrence.once", lang)


# -- sessions -----------------------------------------------------------------------
class Session(NamedTuple):
    """One dated session of an activity (times as minutes since 0001-01-01 for fast checks)."""

    activity_id: str
    date: dt.date
    start_time: str
    end_time: str
    start: int  # minutes
    end: int  # minutes (exclusive); overnight sessions end on the next day
    venue: str
    pic: str


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def _as_date(value: object) -> dt.date | None:
    if is_missing(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def activity_range(
    start: dt.date | None, end: dt.date | None, recurrence: str, period: tuple[dt.date, dt.date] | None
) -> tuple[dt.date, dt.date] | None:
    """The dates an activity's sessions may fall on: its own dates clipped to the plan period.

    A repeating activity without ``end_date`` runs to the end of the plan period (or a
    year when there is none); a one-off activity without it lasts one day.
    """
    if start is None:
        return None
    if end is None:
        if recurrence in ("weekly", "monthly"):
            end = period[1] if period else start + dt.timedelta(days=365)
        else:
            end = start
    if period:
        start, end = max(start, period[0]), min(end, period[1])
    return (start, end) if start <= end else None


def session_records(
    activities: pd.DataFrame,
    period: tuple[dt.date, dt.date] | None,
    include_cancelled: bool = False,
) -> list[Session]:
    """Every session of every activity within the period, in activity then date order."""
    out: list[Session] = []
    cols = ["activity_id", "start_date", "end_date", "recurrence", "recurrence_day", "start_time",
            "end_time", "venue", "pic", "status"]
    frame = activities.reindex(columns=cols)
    for (aid, start, end, kind, day, st, et, venue, pic, status) in frame.itertuples(index=False, name=None):
        if not include_cancelled and _text(status) == "batal":
            continue
        start_d, end_d = _as_date(start), _as_date(end)
        kind = _text(kind).lower() or "once"
        span = activity_range(start_d, end_d, kind, period)
        if span is None:
            continue
        rec = parse_recurrence(kind, day, start_d)
        st, et = _text(st), _text(et)
        if st:
            s_min = _minutes(st)
            e_min = _minutes(et) if et else s_min + DEFAULT_SESSION_MINUTES
            if e_min <= s_min:  # overnight: ends the next day
                e_min += 24 * 60
        else:  # no time: the whole day
            s_min, e_min = 0, 24 * 60
        aid, venue, pic = _text(aid), _text(venue), _text(pic)
        for day_ in expand_dates(rec, *span):
            base = day_.toordinal() * 1440
            out.append(Session(aid, day_, st, et, base + s_min, base + e_min, venue, pic))
    return out


def activity_dates(row: Mapping[str, object], period: tuple[dt.date, dt.date] | None) -> list[dt.date]:
    """The session dates of one activity given as a mapping of its columns (e.g. a form
    not saved yet): ``start_date``, ``end_date``, ``recurrence``, ``recurrence_day``."""
    start, end = _as_date(row.get("start_date")), _as_date(row.get("end_date"))
    kind = _text(row.get("recurrence")).lower() or "once"
    span = activity_range(start, end, kind, period)
    if span is None:
        return []
    return expand_dates(parse_recurrence(kind, row.get("recurrence_day"), start), *span)


SESSION_COLUMNS = ["activity_id", "title", "date", "start_time", "end_time", "start", "end", "venue", "pic",
                   "kind", "category", "funding_source", "status"]


def _first_category(need_ids: object, categories: Mapping[str, str]) -> str:
    for nid in split_list(need_ids):
        if categories.get(nid):
            return categories[nid]
    return ""


def expand_sessions(
    activities: pd.DataFrame,
    period: tuple[dt.date, dt.date] | None,
    needs: pd.DataFrame | None = None,
    include_cancelled: bool = False,
) -> pd.DataFrame:
    """One row per dated session of each activity, inside the plan period.

    Parameters
    ----------
    activities : the ``activities`` table.
    period : ``(start, end)`` of the plan (``plan.period``); sessions outside it are left out.
    needs : the ``needs`` table, to add each activity's need ``category`` (its first need's).
    include_cancelled : keep activities with status ``batal`` (default: leave them out).

    Returns
    -------
    DataFrame with :data:`SESSION_COLUMNS`: ``date`` (datetime64), ``start``/``end``
    (Timestamps; overnight sessions end the next day), the activity's title, venue, PIC,
    kind, need category, funding source and status.
    """
    records = session_records(activities, period, include_cancelled)
    categories = {} if needs is None else {_text(n): _text(c) for n, c in zip(needs["need_id"], needs["category"])}
    info = {}
    for row in activities.itertuples(index=False):
        info[_text(row.activity_id)] = (
            _text(row.title), _text(row.kind), _first_category(row.need_ids, categories),
            _text(row.funding_source), _text(row.status))
    rows = []
    for s in records:
        title, kind, category, source, status = info.get(s.activity_id, ("", "", "", "", ""))
        midnight = dt.datetime.combine(s.date, dt.time())
        base = s.date.toordinal() * 1440
        rows.append((s.activity_id, title, midnight, s.start_time, s.end_time,
                     midnight + dt.timedelta(minutes=s.start - base),
                     midnight + dt.timedelta(minutes=s.end - base),
                     s.venue, s.pic, kind, category, source, status))
    frame = pd.DataFrame(rows, columns=SESSION_COLUMNS)
    for col in ("date", "start", "end"):
        frame[col] = pd.to_datetime(frame[col]).astype("datetime64[ns]")
    for col in ("activity_id", "title", "start_time", "end_time", "venue", "pic", "kind", "category",
                "funding_source", "status"):
        frame[col] = frame[col].astype("string")
    return frame


def plan_sessions(plan: Plan, include_cancelled: bool = False) -> pd.DataFrame:
    """:func:`expand_sessions` for a loaded plan (its period and need categories)."""
    return expand_sessions(plan["activities"], plan.period, plan["needs"], include_cancelled)


# -- priorities -------------------------------------------------------------------
def priority_order(plan: Plan) -> list[str]:
    """The needs in priority order, most important first.

    :func:`rtplan.needs.priority_order` (step 1): the stored order, then the combined one.
    """
    from rtplan.needs import priority_order as needs_priority_order

    return [str(n) for n in needs_priority_order(plan)]


def _stored_priority_order(plan: Plan) -> list[str]:
    pri = plan["priorities"]
    rows = [(int(r) if not is_missing(r) else 10**9, pos, _text(n))
            for pos, (n, r) in enumerate(zip(pri["need_id"], pri["rank"])) if _text(n)]
    seen: list[str] = []
    for _, _, need in sorted(rows):
        if need not in seen:
            seen.append(need)
    return seen


def prioritised_needs(plan: Plan) -> list[str]:
    """The needs the meeting prioritised: ``priorities.csv`` in rank order, or, when that is
    empty, the needs whose status is ``prioritas`` (table order)."""
    stored = _stored_priority_order(plan)
    if stored:
        return stored
    needs = plan["needs"]
    return [_text(n) for n, s in zip(needs["need_id"], needs["status"]) if _text(s) == "prioritas"]


def _has_ranking(plan: Plan) -> bool:
    return any(len(plan[name]) for name in ("priorities", "usg_scores", "votes", "pairwise"))


# -- conflicts --------------------------------------------------------------------
@dataclass(frozen=True)
class ConflictSettings:
    """What the conflict checks treat as a problem.

    Attributes
    ----------
    max_weekly_sessions : sessions one PIC may lead in one week (Monday-Sunday) before
        it is flagged as too much for one volunteer.
    top_priorities : how many of the first prioritised needs must each have an activity.
    evening_from : a session starting at or after this time is an evening session
        (in Ramadan it meets buka puasa and tarawih).
    august_window : the days of August around 17 Agustus that are busy (lomba, malam
        tirakatan on the 16th, upacara).
    include_cancelled : check activities with status ``batal`` too.
    """

    max_weekly_sessions: int = 3
    top_priorities: int = 3
    evening_from: str = "17:00"
    august_window: tuple[int, int] = holidays_id.AUGUST_WINDOW
    include_cancelled: bool = False


@dataclass(frozen=True)
class Conflict:
    """One finding of the schedule checks.

    Attributes
    ----------
    kind : one of :data:`CONFLICT_KINDS` (``venue_clash``, ``holiday``, ...).
    severity : ``error`` (two things cannot both happen) or ``warning`` (check it).
    activity_ids : the activities involved (empty for a need without activity).
    date : the first date concerned (``None`` when it is not about a date).
    dates : every date concerned, in order.
    message : the finding in words, in the plan's language.
    subject : what else it is about: the venue, PIC, resource id, holiday or need id.
    """

    kind: str
    severity: str
    activity_ids: tuple[str, ...]
    date: dt.date | None
    message: str
    dates: tuple[dt.date, ...] = ()
    subject: str = ""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (dates as ``YYYY-MM-DD``)."""
        return {
            "kind": self.kind,
            "severity": self.severity,
            "activity_ids": list(self.activity_ids),
            "date": self.date.isoformat() if self.date else None,
            "dates": [d.isoformat() for d in self.dates],
            "subject": self.subject,
            "message": self.message,
        }


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _clock(s: Session) -> str:
    if not s.start_time:
        return ""
    return f"{s.start_time}-{s.end_time}" if s.end_time else s.start_time


@functools.lru_cache(maxsize=4096)
def _medium_date(day: dt.date, lang: str) -> str:
    return format_date(day, lang, "medium")


def _date_list(dates: Sequence[dt.date], lang: str) -> str:
    shown = [_medium_date(d, lang) for d in dates[:_MAX_DATES_IN_MESSAGE]]
    text = t("conflict.date_sep", lang).join(shown)
    if len(dates) > _MAX_DATES_IN_MESSAGE:
        text += " " + t("conflict.more_dates", lang, n=len(dates) - _MAX_DATES_IN_MESSAGE)
    return text


@dataclass
class _Context:
    lang: str
    titles: dict[str, str]
    settings: ConflictSettings
    findings: list[Conflict] = field(default_factory=list)

    def name(self, aid: str) -> str:
        title = self.titles.get(aid, "")
        return f"{aid} {title}" if title else aid

    def add(self, kind: str, ids: Sequence[str], dates: Sequence[dt.date], subject: str = "",
            **fields: object) -> None:
        days = tuple(sorted(set(dates)))
        fields.setdefault("dates", _date_list(days, self.lang))
        message = t(f"conflict.msg.{kind}", self.lang, **fields)
        self.findings.append(Conflict(kind, CONFLICT_KINDS[kind], tuple(ids), days[0] if days else None,
                                      message, days, subject))


def _overlapping_pairs(
    groups: Mapping[str, list[Session]],
) -> dict[tuple[str, str, str], list[tuple[Session, Session]]]:
    """For each group (venue or PIC): pairs of sessions of different activities that overlap.

    A sweep over sessions sorted by start keeps only those still running, so the work
    grows with the number of sessions, not with its square.
    """
    found: dict[tuple[str, str, str], list[tuple[Session, Session]]] = defaultdict(list)
    for key, sessions in groups.items():
        if len(sessions) < 2:
            continue
        sessions = sorted(sessions, key=lambda s: (s.start, s.end))
        active: list[Session] = []
        for s in sessions:
            active = [a for a in active if a.end > s.start]
            for a in active:
                if a.activity_id == s.activity_id:
                    continue
                first, second = (a, s) if a.activity_id < s.activity_id else (s, a)
                found[(key, first.activity_id, second.activity_id)].append((first, second))
            active.append(s)
    return found


def _check_venues(sessions: list[Session], ctx: _Context) -> None:
    groups: dict[str, list[Session]] = defaultdict(list)
    shown: dict[str, str] = {}
    for s in sessions:
        if s.venue:
            key = _norm(s.venue)
            groups[key].append(s)
            shown.setdefault(key, s.venue)
    for (key, a, b), pairs in _overlapping_pairs(groups).items():
        sa, sb = pairs[0]
        ctx.add("venue_clash", (a, b), [max(x.date, y.date) for x, y in pairs], subject=shown[key],
                a=ctx.name(a), b=ctx.name(b), venue=shown[key], time_a=_clock(sa), time_b=_clock(sb))


def _pics(text: str) -> list[str]:
    return [p for p in (x.strip() for x in text.split(";")) if p]


def _check_pics(sessions: list[Session], ctx: _Context) -> None:
    groups: dict[str, list[Session]] = defaultdict(list)
    shown: dict[str, str] = {}
    for s in sessions:
        for pic in _pics(s.pic):
            key = _norm(pic)
            groups[key].append(s)
            shown.setdefault(key, pic)
    for (key, a, b), pairs in _overlapping_pairs(groups).items():
        sa, sb = pairs[0]
        ctx.add("pic_clash", (a, b), [max(x.date, y.date) for x, y in pairs], subject=shown[key],
                pic=shown[key], a=ctx.name(a), b=ctx.name(b), time_a=_clock(sa), time_b=_clock(sb),
                venue_a=sa.venue or "-", venue_b=sb.venue or "-")
    limit = ctx.settings.max_weekly_sessions
    for key, group in groups.items():
        weeks: dict[dt.date, list[Session]] = defaultdict(list)
        for s in group:
            weeks[s.date - dt.timedelta(days=s.date.weekday())].append(s)
        heavy = {w: ss for w, ss in weeks.items() if len(ss) > limit}
        if heavy:
            ids = sorted({s.activity_id for ss in heavy.values() for s in ss})
            most = max(len(ss) for ss in heavy.values())
            ctx.add("pic_overload", ids, list(heavy), subject=shown[key], pic=shown[key], n=most, limit=limit,
                    weeks=len(heavy), activities=", ".join(ids))


def _check_resources(sessions: list[Session], resources: pd.DataFrame, ctx: _Context,
                     resource_ids: Mapping[str, list[str]]) -> None:
    info = {_text(r): (_text(n), _text(a)) for r, n, a in
            zip(resources["resource_id"], resources["name"], resources["availability"])}
    parsed = {rid: parse_availability(text) for rid, (_, text) in info.items()}
    cache: dict[tuple[str, int, str, str], bool | None] = {}
    bad: dict[tuple[str, str], list[Session]] = defaultdict(list)
    for s in sessions:
        for rid in resource_ids.get(s.activity_id, ()):
            avail = parsed.get(rid)
            if avail is None or avail.always:
                continue
            key = (rid, s.date.weekday(), s.start_time, s.end_time)
            if key not in cache:
                cache[key] = avail.covers(s.date, s.start_time or None, s.end_time or None)
            if cache[key] is False:
                bad[(s.activity_id, rid)].append(s)
    days = day_names(ctx.lang)
    for (aid, rid), ss in bad.items():
        slots = sorted({(s.date.weekday(), _clock(s)) for s in ss})
        when = ", ".join(f"{days[d]} {c}".strip() for d, c in slots)
        name, availability = info[rid]
        ctx.add("resource_unavailable", (aid,), [s.date for s in ss], subject=rid, a=ctx.name(aid),
                resource=f"{rid} ({name})" if name else rid, availability=availability, when=when)


def _check_calendar(sessions: list[Session], ctx: _Context, calendar: holidays_id.CalendarSettings) -> None:
    if not sessions:
        return
    first, last = min(s.date for s in sessions), max(s.date for s in sessions)
    days_off = holidays_id.holidays_between(first, last, ctx.lang)
    by_day: dict[tuple[str, dt.date], Session] = {}
    for s in sessions:
        if s.date in days_off:
            by_day.setdefault((s.activity_id, s.date), s)
    for (aid, day), s in sorted(by_day.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        names = "; ".join(h.name for h in days_off[day])
        ctx.add("holiday", (aid,), [day], subject=names, a=ctx.name(aid), holiday=names)
    evening = _minutes(ctx.settings.evening_from)
    ramadan = holidays_id.ramadan_ranges(first, last, calendar)
    late: dict[str, list[Session]] = defaultdict(list)
    for s in sessions:
        if s.start_time and _minutes(s.start_time) >= evening and any(a <= s.date <= b for a, b in ramadan):
            late[s.activity_id].append(s)
    for aid, ss in late.items():
        ctx.add("ramadan_evening", (aid,), [s.date for s in ss], a=ctx.name(aid), time=ss[0].start_time)
    windows = holidays_id.august_windows(first, last, ctx.settings.august_window)
    busy: dict[str, list[Session]] = defaultdict(list)
    for s in sessions:
        if any(a <= s.date <= b for a, b in windows):
            busy[s.activity_id].append(s)
    for aid, ss in busy.items():
        ctx.add("august_week", (aid,), [s.date for s in ss], a=ctx.name(aid))


def _check_period(activities: pd.DataFrame, period: tuple[dt.date, dt.date] | None, ctx: _Context) -> None:
    if period is None:
        return
    for aid, start, end, status in activities[["activity_id", "start_date", "end_date", "status"]].itertuples(
            index=False, name=None):
        if not ctx.settings.include_cancelled and _text(status) == "batal":
            continue
        outside = [d for d in (_as_date(start), _as_date(end)) if d and not period[0] <= d <= period[1]]
        if outside:
            aid = _text(aid)
            ctx.add("outside_period", (aid,), outside, a=ctx.name(aid),
                    start=_medium_date(period[0], ctx.lang), end=_medium_date(period[1], ctx.lang))


def _check_needs(activities: pd.DataFrame, needs: pd.DataFrame, prioritised: Sequence[str],
                 order: Sequence[str], ctx: _Context) -> None:
    answered: set[str] = set()
    wanted = set(prioritised)
    rows = activities[["activity_id", "need_ids", "status"]].itertuples(index=False, name=None)
    for aid, need_ids, status in rows:
        if not ctx.settings.include_cancelled and _text(status) == "batal":
            continue
        ids = split_list(need_ids)
        answered |= set(ids)
        if wanted and not wanted & set(ids):  # nothing prioritised yet: nothing to hold activities against
            aid = _text(aid)
            key = "conflict.msg.no_need" if not ids else "conflict.msg.no_priority_need"
            ctx.findings.append(Conflict("no_priority_need", CONFLICT_KINDS["no_priority_need"], (aid,), None,
                                         t(key, ctx.lang, a=ctx.name(aid), needs=", ".join(ids))))
    titles = {_text(n): _text(x) for n, x in zip(needs["need_id"], needs["title"])}
    for rank, need in enumerate(order[: ctx.settings.top_priorities], start=1):
        if need not in answered:
            ctx.findings.append(Conflict(
                "priority_need_without_activity", CONFLICT_KINDS["priority_need_without_activity"], (), None,
                t("conflict.msg.priority_need_without_activity", ctx.lang, rank=rank, need=need,
                  title=titles.get(need, "")), subject=need))


def find_conflicts(
    plan: Plan,
    lang: str | None = None,
    settings: ConflictSettings | None = None,
    priorities: Sequence[str] | None = None,
) -> list[Conflict]:
    """Check the schedule of a plan and list every conflict found.

    Kinds (see :data:`CONFLICT_KINDS`): two activities at the same venue at
    overlapping times; one PIC in two places at once, or leading more sessions in a
    week than ``settings.max_weekly_sessions``; sessions on a public holiday or cuti
    bersama, on a Ramadan evening, or around 17 Agustus; a resource used outside its
    availability; an activity outside the plan period; an activity that answers no
    prioritised need; one of the top prioritised needs without any activity.

    Parameters
    ----------
    plan : the loaded plan.
    lang : language of the messages (default: the plan's).
    settings : limits and switches, see :class:`ConflictSettings`.
    priorities : the prioritised need ids, most important first (default: the
        meeting's list, :func:`prioritised_needs`; the top ones are the first of
        :func:`priority_order`). Needs are not checked while nothing is prioritised.

    Returns
    -------
    list of Conflict, errors first, then by date.
    """
    lang = normalize_lang(lang or plan.message_lang or plan.lang)
    settings = settings or ConflictSettings()
    activities = plan["activities"]
    ctx = _Context(lang, {_text(a): _text(x) for a, x in zip(activities["activity_id"], activities["title"])},
                   settings)
    sessions = session_records(activities, plan.period, settings.include_cancelled)
    resource_ids = {_text(a): split_list(r) for a, r in zip(activities["activity_id"], activities["resource_ids"])}
    _check_venues(sessions, ctx)
    _check_pics(sessions, ctx)
    _check_period(activities, plan.period, ctx)
    _check_resources(sessions, plan["resources"], ctx, resource_ids)
    _check_calendar(sessions, ctx, holidays_id.calendar_settings(plan.meta))
    if priorities is not None:
        prioritised = order = list(priorities)
    else:
        prioritised = prioritised_needs(plan)
        stored = _stored_priority_order(plan)
        if len(stored) >= settings.top_priorities:  # the agreed order starts the full order anyway
            order = stored
        else:
            order = priority_order(plan) if prioritised or _has_ranking(plan) else []
    _check_needs(activities, plan["needs"], prioritised, order, ctx)
    return sort_conflicts(ctx.findings)


def sort_conflicts(findings: Iterable[Conflict]) -> list[Conflict]:
    """Errors first, then by date (undated last), kind and activities (otherwise as found:
    needs without activity stay in priority order)."""
    kinds = list(CONFLICT_KINDS)
    return sorted(findings, key=lambda c: (c.severity != "error", c.date is None, c.date or dt.date.min,
                                           kinds.index(c.kind), c.activity_ids))


def conflicts_frame(findings: Sequence[Conflict], lang: str = "id") -> pd.DataFrame:
    """The findings as a table for people: severity, kind, activities, date, message."""
    lang = normalize_lang(lang)
    rows = [{
        "severity": t(f"conflict.severity.{c.severity}", lang),
        "kind": t(f"conflict.kind.{c.kind}", lang),
        "activities": ", ".join(c.activity_ids),
        "date": format_date(c.date, lang, "medium") if c.date else "",
        "message": c.message,
    } for c in findings]
    return pd.DataFrame(rows, columns=["severity", "kind", "activities", "date", "message"])


def conflict_headers(lang: str = "id") -> dict[str, str]:
    """Column headers of :func:`conflicts_frame`."""
    return {c: t(f"conflict.col.{c}", lang) for c in ("severity", "kind", "activities", "date", "message")}
