"""Calendar export: the .ics file parses back with the right events at the right local times."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from pathlib import Path

import icalendar
import pytest

from rtplan import storage
from rtplan.documents.ics import build_calendar, ics_bytes, write_ics
from rtplan.exceptions import RtplanError
from rtplan.schedule import plan_sessions

NOW = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC)
JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")


def _events(data: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def _by_uid_prefix(events: list[icalendar.Event], prefix: str) -> list[icalendar.Event]:
    return sorted((e for e in events if str(e["uid"]).startswith(prefix)), key=lambda e: e.decoded("dtstart"))


def test_one_event_per_session_parsed_back(any_example_dir: Path) -> None:
    plan = storage.load_plan(any_example_dir)
    events = _events(ics_bytes(plan, now=NOW))
    assert len(events) == len(plan_sessions(plan)) > 0
    assert len({str(e["uid"]) for e in events}) == len(events)
    for e in events:
        start = e.decoded("dtstart")
        assert start.tzinfo is not None and start.utcoffset() == dt.timedelta(hours=7)


def test_local_times_title_place_and_pic(example_dir: Path) -> None:
    events = _events(ics_bytes(storage.load_plan(example_dir), now=NOW))
    assert len(events) == 122
    sewing = _by_uid_prefix(events, "A01-")
    assert len(sewing) == 12
    first = sewing[0]
    assert first.decoded("dtstart") == dt.datetime(2026, 12, 12, 8, 0, tzinfo=JAKARTA)
    assert first.decoded("dtend") == dt.datetime(2026, 12, 12, 11, 0, tzinfo=JAKARTA)
    assert str(first["summary"]) == "Pelatihan menjahit untuk ibu rumah tangga"
    assert str(first["location"]) == "Balai Warga RT 05"
    description = str(first["description"])
    assert "Penanggung jawab: Sari Wulandari" in description
    assert "Menjawab kebutuhan: N01 Ibu rumah tangga belum punya penghasilan tambahan" in description
    assert first.decoded("dtstamp") == NOW


def test_no_contacts_in_the_calendar(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    text = ics_bytes(plan, now=NOW).decode("utf-8")
    for contact in plan["resources"]["contact"]:
        if str(contact):
            assert str(contact) not in text
    for phone in plan["participants"]["phone"]:
        if str(phone):
            assert str(phone) not in text


def test_overnight_and_all_day_sessions(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    acts = plan.copy_table("activities").astype("object")
    acts.loc[acts["activity_id"] == "A10", ["start_time", "end_time"]] = ["22:00", "03:00"]
    acts.loc[acts["activity_id"] == "A12", ["start_time", "end_time"]] = ["", ""]
    storage.save_table(plan, "activities", acts)
    events = _events(ics_bytes(plan, now=NOW))
    ronda = _by_uid_prefix(events, "A10-")[0]
    assert ronda.decoded("dtstart") == dt.datetime(2026, 12, 12, 22, 0, tzinfo=JAKARTA)
    assert ronda.decoded("dtend") == dt.datetime(2026, 12, 13, 3, 0, tzinfo=JAKARTA)
    lamps = _by_uid_prefix(events, "A12-")[0]
    assert lamps.decoded("dtstart") == dt.date(2026, 12, 20)
    assert lamps.decoded("dtend") == dt.date(2026, 12, 21)


def test_time_zone_from_argument_or_plan_toml(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    wita = _by_uid_prefix(_events(ics_bytes(plan, tz="WITA", now=NOW)), "A01-")[0]
    start = wita.decoded("dtstart")
    assert (start.hour, start.minute) == (8, 0)
    assert start.utcoffset() == dt.timedelta(hours=8)
    assert "TZID:Asia/Makassar" in ics_bytes(plan, tz="WITA", now=NOW).decode()
    storage.save_meta(plan, {**plan.meta, "calendar": {"timezone": "Asia/Jayapura"}})
    assert build_calendar(plan, now=NOW).walk("VEVENT")[0].decoded("dtstart").utcoffset() == dt.timedelta(hours=9)
    with pytest.raises(RtplanError, match="Asia/Bandung"):
        build_calendar(plan, tz="Asia/Bandung")


def test_uids_are_stable_between_exports(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    first = [str(e["uid"]) for e in _events(ics_bytes(plan, now=NOW))]
    again = [str(e["uid"]) for e in _events(ics_bytes(plan, now=NOW + dt.timedelta(days=3)))]
    assert first == again
    assert ics_bytes(plan, now=NOW) == ics_bytes(plan, now=NOW)


def test_file_follows_the_ics_line_rules(example_dir: Path) -> None:
    data = ics_bytes(storage.load_plan(example_dir), now=NOW)
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines)
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b"BEGIN:VTIMEZONE" in data and b"TZID:Asia/Jakarta" in data


def test_write_ics_creates_folders(example_dir: Path, tmp_path: Path) -> None:
    path, n = write_ics(storage.load_plan(example_dir), tmp_path / "a" / "b" / "jadwal.ics", now=NOW)
    assert n == 122 and len(_events(path.read_bytes())) == 122
