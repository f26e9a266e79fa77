"""Calendar export: every session of the plan as an ``.ics`` file (iCalendar, RFC 5545).

People import the file into the calendar of their phone (Google Calendar, Apple,
Outlook): one event per session, with the activity's title, the venue as the
place, and the PIC, the needs it answers and the target in the description. Times
are local (``Asia/Jakarta`` = WIB by default; plan.toml ``[calendar] timezone`` or
the ``tz`` argument for WITA/WIT). Event ids are stable, so importing a newer export
updates the events instead of doubling them. Contacts and phone numbers are never
written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import zoneinfo
from pathlib import Path

import icalendar

from rtplan import __version__, holidays_id
from rtplan.exceptions import RtplanError
from rtplan.messages import normalize_lang, t
from rtplan.plan import Plan
from rtplan.schedule import session_records
from rtplan.schema import split_list
from rtplan.tables import is_missing

_STATUS = {"rencana": "TENTATIVE", "berjalan": "CONFIRMED", "selesai": "CONFIRMED"}


def _text(value: object) -> str:
    return "" if is_missing(value) else str(value).strip()


def plan_uid_suffix(plan: Plan) -> str:
    """A short stable tag for a plan (from its title and area), part of every event's UID."""
    area = plan.area
    seed = "|".join([plan.title, area.get("rt", ""), area.get("rw", ""), area.get("kelurahan", ""),
                     area.get("city", "")])
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:10]


def plan_timezone(plan: Plan, tz: str | None = None) -> str:
    """The IANA time zone for the plan's events: ``tz`` if given, else plan.toml, else Asia/Jakarta.

    Raises :class:`~rtplan.exceptions.RtplanError` for an unknown ``tz``.
    """
    if tz:
        resolved = holidays_id.resolve_timezone(tz)
        if resolved is None:
            raise RtplanError(t("rule.bad_timezone", plan.message_lang, value=tz))
        return resolved
    return holidays_id.calendar_settings(plan.meta).timezone


def build_calendar(
    plan: Plan,
    lang: str | None = None,
    tz: str | None = None,
    now: dt.datetime | None = None,
) -> icalendar.Calendar:
    """The plan's sessions as an iCalendar object (one VEVENT per session).

    Parameters
    ----------
    plan : the loaded plan.
    lang : language of the descriptions (default: the plan's).
    tz : time zone (``Asia/Jakarta``, ``WITA``, ...); default from plan.toml, else WIB.
    now : the time stamp written as each event's DTSTAMP (default: now, UTC).
    """
    from rtplan.documents.masking import masked_plan

    lang = normalize_lang(lang or plan.message_lang or plan.lang)
    # shared beyond the meeting (rtplan.privacy): PICs named, other residents and who declined consent masked
    plan = masked_plan(plan, True)
    zone_name = plan_timezone(plan, tz)
    zone = zoneinfo.ZoneInfo(zone_name)
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    acts = plan["activities"]
    needs = {_text(n): _text(x) for n, x in zip(plan["needs"]["need_id"], plan["needs"]["title"])}
    info = {_text(r.activity_id): r for r in acts.itertuples(index=False)}
    suffix = plan_uid_suffix(plan)

    cal = icalendar.Calendar()
    cal.add("prodid", f"-//rtplan {__version__}//{lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", plan.title or t("ics.calendar_name", lang))
    cal.add("x-wr-timezone", zone_name)
    for s in session_records(acts, plan.period):
        row = info[s.activity_id]
        event = icalendar.Event()
        event.add("uid", f"{s.activity_id}-{s.date:%Y%m%d}-{suffix}@rtplan")
        event.add("dtstamp", stamp)
        event.add("summary", _text(row.title) or s.activity_id)
        if s.start_time:
            # local wall-clock times: the same "08:00" whatever the zone's offset
            midnight = dt.datetime.combine(s.date, dt.time())
            base = s.date.toordinal() * 1440
            event.add("dtstart", (midnight + dt.timedelta(minutes=s.start - base)).replace(tzinfo=zone))
            event.add("dtend", (midnight + dt.timedelta(minutes=s.end - base)).replace(tzinfo=zone))
        else:
            event.add("dtstart", s.date)
            event.add("dtend", s.date + dt.timedelta(days=1))
        if s.venue:
            event.add("location", s.venue)
        lines = []
        if s.pic:
            lines.append(f"{t('ics.pic', lang)}: {s.pic}")
        answered = [f"{n} {needs.get(n, '')}".strip() for n in split_list(row.need_ids)]
        if answered:
            lines.append(f"{t('ics.needs', lang)}: {'; '.join(answered)}")
        target = row.target_participants
        if not is_missing(target):
            lines.append(f"{t('ics.target', lang)}: {int(target)}")
        lines.append(f"{t('ics.activity', lang)}: {s.activity_id} · {plan.title}")
        event.add("description", "\n".join(lines))
        kind = _text(row.kind)
        if kind:
            event.add("categories", [kind])
        status = _STATUS.get(_text(row.status))
        if status:
            event.add("status", status)
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal


def ics_bytes(plan: Plan, lang: str | None = None, tz: str | None = None, now: dt.datetime | None = None) -> bytes:
    """The ``.ics`` file content of :func:`build_calendar` (CRLF line ends, UTF-8)."""
    content: bytes = build_calendar(plan, lang, tz, now).to_ical()  # icalendar leaves to_ical unannotated
    return content


def write_ics(
    plan: Plan,
    path: str | Path,
    lang: str | None = None,
    tz: str | None = None,
    now: dt.datetime | None = None,
) -> tuple[Path, int]:
    """Write the calendar to ``path`` (atomically; folders are created). Returns the path and
    the number of events."""
    from rtplan.storage import atomic_write

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    cal = build_calendar(plan, lang, tz, now)
    atomic_write(target, cal.to_ical())
    return target, len(cal.walk("VEVENT"))
