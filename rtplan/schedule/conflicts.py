"""The schedule checks: :func:`find_conflicts` lists every :class:`Conflict` of a plan.

Two activities at one venue at overlapping times; one PIC in two places at once
or leading too many sessions in a week; sessions on holidays, Ramadan evenings or
around 17 Agustus; resources used outside their availability; activities outside
the plan period; activities that answer no prioritised need, and top priorities
without any activity.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from rtplan import holidays_id
from rtplan.availability import parse_availability
from rtplan.fmt import day_names, format_date
from rtplan.memo import once_per_state
from rtplan.messages import normalize_lang, t
from rtplan.plan import Plan
from rtplan.schedule.priorities import (
    _has_ranking,
    _stored_priority_order,
    prioritised_needs,
    priority_order,
)
from rtplan.schedule.recurrence import _text
from rtplan.schedule.results import CONFLICT_KINDS, Conflict, ConflictSettings, sort_conflicts
from rtplan.schedule.sessions import Session, _as_date, _minutes, session_records
from rtplan.schema import split_list

_MAX_DATES_IN_MESSAGE = 5
# the tables find_conflicts reads (and plan.toml): the activities, the resources they use, the needs
# they serve and the rankings that order those needs (a live result: ``live(..., tables=CONFLICT_TABLES)``)
CONFLICT_TABLES = frozenset({"activities", "resources", "needs", "priorities", "usg_scores", "votes", "pairwise"})

# kind -> its message key (static keys, so tools can extract them)
CONFLICT_MESSAGES: dict[str, str] = {
    "venue_clash": "conflict.msg.venue_clash",
    "pic_clash": "conflict.msg.pic_clash",
    "outside_period": "conflict.msg.outside_period",
    "pic_overload": "conflict.msg.pic_overload",
    "resource_unavailable": "conflict.msg.resource_unavailable",
    "holiday": "conflict.msg.holiday",
    "ramadan_evening": "conflict.msg.ramadan_evening",
    "august_week": "conflict.msg.august_week",
    "no_priority_need": "conflict.msg.no_priority_need",
    "priority_need_without_activity": "conflict.msg.priority_need_without_activity",
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
        message = t(CONFLICT_MESSAGES[kind], self.lang, **fields)
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
    for key, group in groups.items():
        if len(group) < 2:
            continue
        active: list[Session] = []
        for s in sorted(group, key=lambda s: (s.start, s.end)):
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
    by_day = {(s.activity_id, s.date) for s in sessions if s.date in days_off}
    for aid, day in sorted(by_day, key=lambda key: (key[1], key[0])):
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
    for raw_id, start, end, status in activities[["activity_id", "start_date", "end_date", "status"]].itertuples(
            index=False, name=None):
        if not ctx.settings.include_cancelled and _text(status) == "batal":
            continue
        outside = [d for d in (_as_date(start), _as_date(end)) if d and not period[0] <= d <= period[1]]
        if outside:
            aid = _text(raw_id)
            ctx.add("outside_period", (aid,), outside, a=ctx.name(aid),
                    start=_medium_date(period[0], ctx.lang), end=_medium_date(period[1], ctx.lang))


def _check_needs(activities: pd.DataFrame, needs: pd.DataFrame, prioritised: Sequence[str],
                 order: Sequence[str], ctx: _Context) -> None:
    answered: set[str] = set()
    wanted = set(prioritised)
    rows = activities[["activity_id", "need_ids", "status"]].itertuples(index=False, name=None)
    for raw_id, need_ids, status in rows:
        if not ctx.settings.include_cancelled and _text(status) == "batal":
            continue
        ids = split_list(need_ids)
        answered |= set(ids)
        if wanted and not wanted & set(ids):  # nothing prioritised yet: nothing to hold activities against
            aid = _text(raw_id)
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
    return list(_conflicts(plan, lang, settings or ConflictSettings(),
                           None if priorities is None else tuple(priorities)))


@once_per_state  # a page asks several times after each save (panel, glance, Gantt, calendar): computed once
def _conflicts(plan: Plan, lang: str, settings: ConflictSettings,
               priorities: tuple[str, ...] | None) -> list[Conflict]:
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
